"""Exports of the contract dict: one small module per format, and a safe file writer."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from bbc_timeline.errors import TimelineError

from .contract import load_schema, schema_text

__all__ = ["FORMATS", "ExportError", "load_schema", "render_export", "schema_text", "write_atomic"]

FORMATS = ("json", "jsonl", "csv", "timelinejs", "timesketch", "html")


class ExportError(TimelineError):
    """An export that cannot be produced or written; the message is one clear line."""


def render_export(
    data: dict[str, Any], fmt: str, *, group_by: str = "none", window: tuple[str | None, str | None] = (None, None),
    rows: str = "events",
) -> str:
    """The text of `data` (the CONTRACT.md §2 dict) in format `fmt`.

    `group_by` is for timelinejs; `window` (the ISO --since/--until bounds) clips the html time axis;
    `rows` "sources" makes csv and jsonl one row per event-source.
    """
    if rows not in ("events", "sources"):
        raise ExportError(f"--rows must be events or sources (got {rows!r})")
    if fmt == "json":
        from .contract import render_json

        return render_json(data)
    if fmt == "jsonl":
        from .tabular import render_jsonl

        return render_jsonl(data, rows)
    if fmt == "csv":
        from .tabular import render_csv

        return render_csv(data, rows)
    if fmt == "timelinejs":
        from .timelinejs import GROUP_BY, render_timelinejs

        if group_by not in GROUP_BY:
            raise ExportError(f"--group-by must be one of: {', '.join(GROUP_BY)} (got {group_by!r})")
        return render_timelinejs(data, group_by)
    if fmt == "timesketch":
        from .timesketch import render_timesketch

        return render_timesketch(data)
    if fmt == "html":
        from .html import render_html

        return render_html(data, window)
    raise ExportError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def _writable(path: Path) -> bool:
    # Root passes os.access; a file with no write bit at all was still locked on purpose.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def _mode_for(path: Path) -> int:
    """The permissions a plain open() would give: the old file's, else 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 `text` to `path` via a temporary file in the same folder and a rename.

    The file gets the permissions a plain write would give it (the umask's, or
    the replaced file's), not the temporary file's private 0600, so a web server
    can serve an export the user made for it. Raises ExportError (and leaves no
    partial file) if the folder is missing or not writable.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: folder {folder} does not exist")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), _mode_for(path))
            os.fsync(fh.fileno())
        if path.exists() and not _writable(path):
            raise PermissionError(13, "Permission denied")
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

