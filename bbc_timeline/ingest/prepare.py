"""Preparing files: decoded text -> articles with their dates found, and their document ids (no model)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bbc_timeline.errors import InputError, SkippedInput

if TYPE_CHECKING:
    from bbc_timeline.ingest.report import IngestReport, Progress
    from bbc_timeline.models import Document, Mention
    from bbc_timeline.sources import SourceFile


@dataclass(frozen=True)
class PreparedDocument:
    """A document with its dates found, waiting for the model."""

    document: Document
    timexes: list[Mention]


@dataclass(frozen=True)
class PreparedFile:
    source: SourceFile
    path_key: str
    documents: list[PreparedDocument]


def prepare_file(source: SourceFile, doc_ids: Callable[[str], str], dct: str | None = None) -> PreparedFile:
    """Split a decoded file into articles and resolve each one's dates (no model needed)."""
    from bbc_timeline.furniture import left_out
    from bbc_timeline.models import Document, Mention
    from bbc_timeline.sources import split_articles
    from bbc_timeline.temporal import resolve_document_dates

    stem = source.name.rsplit(".", 1)[0] if "." in Path(source.name).name else source.name
    docs: list[PreparedDocument] = []
    segments = split_articles(source.text)
    for k, seg in enumerate(segments):
        upto = segments[k + 1].start if k + 1 < len(segments) else len(source.text)  # its furniture after it, too
        doc_id = doc_ids(stem if seg.index == 0 else f"{stem}-{seg.index + 1}")
        meta = source.meta if seg.index == 0 else {}
        known = dct or _meta_date(meta)
        dates = _document_dates(resolve_document_dates, source.text, seg.start, seg.end, known)
        basis = dates.basis
        if dct:
            basis = "given"
        document = Document(
            id=doc_id,
            file=source.name,
            start=seg.start,
            end=seg.end,
            title=str(meta.get("title") or seg.title),
            published=dates.published,
            published_basis=basis,
            url=meta.get("url"),
            left_out=left_out(source.furniture, seg.start, upto) or None,
        )
        timexes = [
            Mention(
                doc=doc_id,
                kind="timex",
                start=t.start,
                end=t.end,
                text=t.text,
                type=t.type,
                value=t.value,
                end_value=t.end_value,
                mod=t.mod,
                anchor=t.anchor,
            )
            for t in dates.timexes
        ]
        docs.append(PreparedDocument(document, timexes))
    path_key = str(source.path.resolve())
    return PreparedFile(source, path_key, docs)


GUARD_CHARS = 100_000  # files at least this long are prepared in a child process with a time limit
GUARD_SECONDS = 60.0  # the limit, in CPU seconds: this much, plus GUARD_SECONDS_PER_MB per MB of text
GUARD_SECONDS_PER_MB = 180.0  # several times the tagger's slowest linear rate (about 40 s/MB)


class TooSlow(Exception):
    """A file's dates took longer than its time limit."""


def prepare_guarded(source: SourceFile, doc_ids: Callable[[str], str], dct: str | None = None) -> PreparedFile:
    """prepare_file, with a time limit for long files: one file can never stall a run.

    A long file is prepared in a forked child process that the kernel stops at its CPU-time limit
    (a regular expression cannot be interrupted inside the process); its documents come back under base ids,
    which are made unique here, in the same order as prepare_file would.
    """
    if len(source.text) < GUARD_CHARS or not hasattr(os, "fork"):
        return prepare_file(source, doc_ids, dct)
    limit = GUARD_SECONDS + GUARD_SECONDS_PER_MB * len(source.text) / 1e6
    prepared = _in_child(lambda: prepare_file(source, lambda base: base, dct), limit)
    if prepared is None:
        raise TooSlow(f"finding its dates took over {limit:.0f} s of CPU; skipped")
    mapping = {pd.document.id: doc_ids(pd.document.id) for pd in prepared.documents}
    return replace(prepared, documents=[renamed(pd, mapping) for pd in prepared.documents])


def _in_child(work: Callable[[], Any], limit: float) -> Any:
    """work() in a forked child; its pickled result, or None if it used more than `limit` seconds of CPU.

    CPU time, not wall time: on a busy machine a file is not stopped for waiting its turn.
    """
    import pickle
    import resource
    import signal

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
        os.close(read)
        from bbc_timeline.ingest.processes import die_with_parent

        die_with_parent()
        seconds = max(1, int(limit + 0.999))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))  # the kernel stops it there
        code = 0
        try:
            payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as e:  # noqa: BLE001  the parent raises it
            payload, code = pickle.dumps(("error", RuntimeError(f"{e.__class__.__name__}: {e}"))), 1
        with os.fdopen(write, "wb") as f:
            f.write(payload)
        os._exit(code)
    os.close(write)
    try:
        with os.fdopen(read, "rb") as f:
            payload = f.read()
    finally:
        try:
            os.kill(pid, signal.SIGKILL)  # done, or interrupted (Ctrl-C): never left running
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    if not payload:  # killed at its CPU limit
        return None
    status, value = pickle.loads(payload)
    if status == "error":
        raise value
    return value


def renamed(pd: PreparedDocument, mapping: dict[str, str]) -> PreparedDocument:
    """A prepared document under its unique id (mapping: base id -> id)."""
    doc = pd.document
    new = mapping[doc.id]
    if new == doc.id:
        return pd
    return replace(pd, document=replace(doc, id=new), timexes=[replace(m, doc=new) for m in pd.timexes])


PIECE_CHARS = 300_000  # longer documents are read in pieces: spaCy's limit is 1,000,000, memory grows with length
# The model reads such a document in smaller pieces still: nlp.pipe holds a whole batch (32 texts) in
# memory at once, about 2 KB per character with the small English model, so 32 x 20,000 characters stay
# near 1.3 GB where 32 x 300,000 would take 20 GB. Documents up to PIECE_CHARS go in whole, as before.
MODEL_PIECE_CHARS = 20_000


def pieces(text: str, start: int, end: int, size: int | None = None) -> list[tuple[int, int]]:
    """[start, end) cut into spans of at most `size` (PIECE_CHARS) characters, at a paragraph break,
    else a line break, else a sentence end, else a space, as late as possible; offsets stay file offsets."""
    size = size or PIECE_CHARS
    out: list[tuple[int, int]] = []
    while end - start > size:
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            k = text.rfind(sep, start + size // 2, start + size)
            if k > start:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = start + size
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _document_dates(resolve, text: str, start: int, end: int, known: str | None):
    """The document's dates; a document over PIECE_CHARS is tagged piece by piece against the
    first piece's publication date, so that the cost grows linearly with its length."""
    spans = pieces(text, start, end)
    if len(spans) == 1:
        return resolve(text, start, end, published=known)
    first = resolve(text, *spans[0], published=known)
    timexes = list(first.timexes)
    for a, b in spans[1:]:
        timexes += resolve(text, a, b, published=first.published).timexes
    return type(first)(first.published, first.basis, timexes)


def _meta_date(meta: dict) -> str | None:
    """A sidecar's "published" as written; temporal.pubdate parses and checks it (and notes when it is no date)."""
    value = meta.get("published")
    if value is None or isinstance(value, bool):
        return None
    return str(value).strip() or None


class DocIds:
    """Document ids: the file's relative name without suffix, made unique per file path."""

    def __init__(self, used: dict[str, str]):
        self.used = dict(used)

    def for_path(self, path_key: str) -> Callable[[str], str]:
        def make(base: str) -> str:
            owner = self.used.get(base)
            if owner is None or owner == path_key:
                self.used[base] = path_key
                return base
            alt = f"{base}~{hashlib.sha1(path_key.encode()).hexdigest()[:6]}"
            self.used[alt] = path_key
            return alt

        return make


def decoded(
    todo: list, report: IngestReport, progress: Progress | None, max_bytes: int | None = None
) -> Iterator[SourceFile]:
    """Decode changed files one at a time; a file that cannot be read is reported and skipped."""
    from bbc_timeline.sources import read_source

    for f, raw in todo:
        try:
            source = read_source(f.path, f.name, raw, max_bytes)
        except SkippedInput as e:
            report.notes.append(str(e))
            if progress:
                progress("advance", 1)
            continue
        except InputError as e:
            report.failed.append(str(e))
            if progress:
                progress("advance", 1)
            continue
        if source.encoding != "utf-8":
            report.notes.append(f"{f.path}: not valid UTF-8, read as {source.encoding}")
        yield source
