"""Raw files in: find them, decode them safely, split pages into articles.

The only module that opens input files. Offsets everywhere are indices into
the decoded text exactly as stored; HTML is masked (tags blanked to spaces of
the same length) rather than stripped, so offsets still point into the file.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from bbc_timeline import furniture
from bbc_timeline.errors import InputError, SkippedInput

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SIDECAR_SUFFIX = ".meta.json"
MAX_FILE_MB = 64  # default size limit of one input file (a 20 MB report is a legitimate input)
MAX_SIDECAR_BYTES = 1 << 20  # a metadata sidecar is a few fields, never megabytes
# Tried in order when a file is not valid UTF-8. cp1251 first: Cyrillic sources
# are common in this domain and latin-1 would accept anything silently.
LEGACY_ENCODINGS = ("cp1251", "cp1252", "latin-1")

_SPLIT_MARKER = re.compile(
    r"^[ \t]*(?:similar articles|related articles|related stories|related|read also|read more|"
    r"more on this topic|see also|you may also like)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BREADCRUMB = re.compile(r"\s+[/›»>|]\s+")


@dataclass(frozen=True)
class SourceFile:
    """A decoded input file."""

    path: Path
    name: str  # relative to the argument it was found under; a file given directly: its base name
    text: str
    encoding: str
    sha256: str
    meta: dict = field(default_factory=dict)
    is_html: bool = False
    furniture: tuple = ()  # (start, end, kind) of page furniture masked out of `text` (bbc_timeline.furniture)


@dataclass(frozen=True)
class Segment:
    """One article's extent inside a file, before dates are known."""

    start: int
    end: int
    title: str
    index: int


@dataclass(frozen=True)
class FileProblem:
    path: Path
    message: str
    note: bool = False  # deliberately skipped (a FIFO, a device): reported as a note, not a failure


@dataclass(frozen=True)
class FoundFile:
    """An input file found by discovery, with its identity in the store."""

    path: Path  # as given or found under a given folder (used in messages)
    name: str  # relative to the argument it was found under; a file given directly: its base name
    key: str  # resolved absolute path: the file's identity in the store


@dataclass(frozen=True)
class RawFile:
    """A file's bytes and its sidecar's, with the content hash that decides whether it changed."""

    raw: bytes
    meta_raw: bytes
    sha256: str


def discover(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[FileProblem]]:
    """Expand files and folders (recursively) into (path, relative name) pairs."""
    found, problems = discover_files(paths)
    return [(f.path, f.name) for f in found], problems


def discover_files(paths: list[Path]) -> tuple[list[FoundFile], list[FileProblem]]:
    """Expand files and folders (recursively, hidden names and symlinked folders skipped) into FoundFiles.

    One directory listing per folder and no per-file stat or realpath unless the
    entry is a symbolic link, so re-checking a large unchanged corpus stays cheap.
    """
    found: list[FoundFile] = []
    problems: list[FileProblem] = []
    for root in paths:
        if root.is_symlink() and not root.exists():
            problems.append(FileProblem(root, f"{root}: broken symbolic link"))
        elif not root.exists():
            problems.append(FileProblem(root, f"{root}: no such file or folder"))
        elif root.is_dir():
            _walk(root, found, problems)
        elif root.name.endswith(SIDECAR_SUFFIX):
            continue
        elif not root.is_file():
            problems.append(FileProblem(root, f"{root}: skipped: {_kind(root)}, not a regular file", note=True))
        else:
            found.append(FoundFile(root, root.name, str(root.resolve())))
    return found, problems


def _kind(path: Path | str) -> str:
    """What a non-regular file is, for a note ("a FIFO", "a device", ...)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "unreadable"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "special file"


def _walk(root: Path, found: list[FoundFile], problems: list[FileProblem]) -> None:
    # Collected with their relative parts and sorted at the end: the order of sorted(root.rglob("*")).
    hits: list[tuple[tuple[str, ...], FoundFile]] = []
    stack: list[tuple[str, tuple[str, ...], str | None]] = [(str(root), (), str(root.resolve()))]
    while stack:
        folder, parts, real = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as e:
            shown = Path(folder)
            problems.append(FileProblem(shown, f"{shown}: cannot list folder ({e.strerror or e})"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = (*parts, name)
            link = entry.is_symlink()
            try:
                is_dir = entry.is_dir()  # follows a link
                if link and not is_dir and not entry.is_file():
                    if not os.path.exists(entry.path):
                        path = Path(entry.path)
                        problems.append(FileProblem(path, f"{path}: broken symbolic link"))
                        continue
            except OSError:
                is_dir = False
            if is_dir:
                if not link:  # like rglob: a linked folder is listed, not entered
                    stack.append((entry.path, rel, f"{real}{os.sep}{name}" if real else None))
                continue
            if name.endswith(SIDECAR_SUFFIX) or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            path = Path(entry.path)
            try:
                regular = entry.is_file()  # d_type for plain entries; a link is followed
            except OSError:
                regular = False
            if not regular:  # a FIFO would block the read forever, a device never ends
                problems.append(FileProblem(path, f"{path}: skipped: {_kind(path)}, not a regular file", note=True))
                continue
            key = f"{real}{os.sep}{name}" if real and not link else str(path.resolve())
            hits.append((rel, FoundFile(path, "/".join(rel), key)))
    hits.sort(key=lambda h: h[0])
    found += [f for _, f in hits]


def read_raw(path: Path, max_bytes: int | None = None) -> RawFile:
    """A file's bytes and its metadata sidecar's, hashed together; no decoding yet.

    Only regular files are read (a FIFO or a device is refused without blocking), and at
    most `max_bytes` (default MAX_FILE_MB): a larger file is refused with its size.
    """
    limit = MAX_FILE_MB << 20 if max_bytes is None else max_bytes
    try:
        raw = _read_regular(path, limit)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    if raw is None:
        raise SkippedInput(f"{path}: skipped: {_kind(path)}, not a regular file")
    if len(raw) > limit:
        size = os.stat(path).st_size
        raise SkippedInput(
            f"{path}: skipped: {size / (1 << 20):.1f} MB is over the {limit / (1 << 20):g} MB limit (--max-size)"
        )
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    try:
        meta_raw = _read_regular(side, MAX_SIDECAR_BYTES)
    except FileNotFoundError:
        meta_raw = b""
    except OSError as e:
        raise InputError(f"{side}: unreadable metadata sidecar ({e.__class__.__name__})") from None
    if meta_raw is None or len(meta_raw) > MAX_SIDECAR_BYTES:
        raise InputError(f"{side}: metadata sidecar is not a regular file of at most 1 MB")
    return RawFile(raw, meta_raw, hashlib.sha256(raw + b"\0" + meta_raw).hexdigest())


def _read_regular(path: Path, limit: int) -> bytes | None:
    """Up to limit + 1 bytes of a regular file; None if it is not one (checked on the open file)."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(st.st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(limit + 1)
    finally:
        os.close(fd)


def read_source(path: Path, name: str, raw: RawFile | None = None, max_bytes: int | None = None) -> SourceFile:
    """Read and decode one file (or decode bytes already read); raise InputError with a one-line reason."""
    if raw is None:
        raw = read_raw(path, max_bytes)
    data = raw.raw
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if _looks_binary(data):
        raise InputError(f"{path}: binary file, not text")
    text, encoding = decode(data)
    meta = _parse_sidecar(path, raw.meta_raw) if raw.meta_raw else {}
    meta = _clean(meta)
    is_html = path.suffix.lower() in {".html", ".htm"}
    if is_html:
        meta = {**html_meta(text), **meta}
        text = mask_html(text)
    text, left_out = furniture.strip(text)  # comments, bylines, share bars: blanked, offsets kept
    spans = tuple((f.start, f.end, f.kind) for f in left_out)
    return SourceFile(path, name, text, encoding, raw.sha256, meta, is_html, spans)


def decode(raw: bytes) -> tuple[str, str]:
    """UTF-8 if valid, else the first legacy encoding that decodes cleanly."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in LEGACY_ENCODINGS:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "cp1251" and not _plausibly_cyrillic(text):
            continue
        return text, enc
    return raw.decode("latin-1"), "latin-1"  # unreachable: latin-1 decodes any byte


def _plausibly_cyrillic(text: str) -> bool:
    """Real Cyrillic text has whole Cyrillic words; Latin-1 misread as cp1251 mixes scripts inside words."""
    words = re.findall(r"[^\W\d_]+", text)
    cyrillic = [w for w in words if any("\u0400" <= c <= "\u04ff" for c in w)]
    if not cyrillic:
        return False
    mixed = sum(any("a" <= c.lower() <= "z" for c in w) for w in cyrillic)
    return mixed / len(cyrillic) < 0.1


def _looks_binary(raw: bytes) -> bool:
    if b"\0" in raw:  # anywhere: a NUL never belongs in an article, and would reach every export
        return True
    sample = raw[:8192]
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    return controls / max(1, len(sample)) > 0.05


def _clean(value):
    """Sidecar values as text every output can encode: a lone surrogate ("\\ud800" in JSON) becomes U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_sidecar(path: Path, raw: bytes) -> dict:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{side}: unreadable metadata sidecar ({e.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{side}: metadata sidecar must be a JSON object")
    return meta


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_BLOCK = re.compile(r"^<\s*/?\s*(p|div|br|h[1-6]|li|tr|title|section|article|header|footer)\b", re.I)


def mask_html(text: str) -> str:
    """Blank tags to same-length whitespace and entities to their character padded with spaces."""

    def tag(m: re.Match) -> str:
        s = m.group(0)
        # Block tags become a line break so paragraphs stay paragraphs.
        if _BLOCK.match(s):
            return "\n" + " " * (len(s) - 1)
        return " " * len(s)

    def entity(m: re.Match) -> str:
        ch = html.unescape(m.group(0))
        if len(ch) != 1:
            return m.group(0)
        return ch + " " * (len(m.group(0)) - 1)

    return _ENTITY.sub(entity, _TAG.sub(tag, text))


def html_meta(raw_text: str) -> dict:
    """Title and publication date declared in an HTML head, if any."""
    out: dict = {}
    m = re.search(r"<title[^>]*>(.*?)</title>", raw_text, re.I | re.S)
    if m:
        out["title"] = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip()
    for pat in (
        r'<meta[^>]+(?:property|name)="(?:article:published_time|date|pubdate|dc\.date)"[^>]+content="([^"]+)"',
        r'<time[^>]+datetime="([^"]+)"',
    ):
        m = re.search(pat, raw_text, re.I)
        if m:
            out["published"] = m.group(1)[:10]
            break
    return out


def split_articles(text: str) -> list[Segment]:
    """Split a page at "Similar articles"/"Related"/"Read also" lines into articles.

    A marker only starts another article when what follows it (up to the next
    marker) reads like one: some prose, not just a list of headlines or links.
    """
    markers = list(_SPLIT_MARKER.finditer(text))
    bounds = [0]
    resumes = [0]
    for k, m in enumerate(markers):
        after = m.end()
        upto = markers[k + 1].start() if k + 1 < len(markers) else len(text)
        nxt = text[after:upto].lstrip()
        if len(nxt) < 200 or not _has_prose(nxt):
            continue
        bounds.append(m.start())
        resumes.append(after + (len(text[after:]) - len(text[after:].lstrip())))
    segments = []
    for i, start in enumerate(resumes):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        end = _rstrip_end(text, start, end)
        if end <= start:
            continue
        segments.append(Segment(start, end, _title(text, start, end), len(segments)))
    return segments


PROSE_WORDS = 20  # a paragraph of an article is longer than any headline
_WORDISH = re.compile(r"\S*[^\W\d_]\S*")


def _has_prose(text: str) -> bool:
    """True if some paragraph has PROSE_WORDS words.

    A line that starts in lower case continues the one before (hard-wrapped
    prose); a line that starts with a capital or a digit is a new item, as each
    headline of a list is, so a list of short headlines never adds up.
    """
    words = 0
    for line in text.splitlines():
        stripped = line.lstrip()
        if not stripped:
            words = 0
            continue
        if not stripped[0].islower():
            words = 0
        words += len(_WORDISH.findall(stripped))
        if words >= PROSE_WORDS:
            return True
    return False


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _title(text: str, start: int, end: int) -> str:
    for line in text[start:end].splitlines():
        line = line.strip()
        if line:
            parts = _BREADCRUMB.split(line)
            title = parts[-1] if len(parts) >= 3 else line
            return title.strip()[:300]
    return ""
