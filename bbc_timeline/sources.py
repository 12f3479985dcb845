"""Raw files in: find them, decode them safely, split pages into articles.

The only module that opens input files. Offsets everywhere are indices into
the decoded text exactly as stored; HTML is masked (tags blanked to spaces of
the same length) rather than stripped, so offsets still point into the file.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from bbc_timeline.errors import InputError

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SIDECAR_SUFFIX = ".meta.json"
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


def discover(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[FileProblem]]:
    """Expand files and folders (recursively) into (path, relative name) pairs."""
    found: list[tuple[Path, str]] = []
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
        else:
            found.append((root, root.name))
    return found, problems


def _walk(root: Path, found: list, problems: list) -> None:
    try:
        entries = sorted(root.rglob("*"))
    except OSError as e:
        problems.append(FileProblem(root, f"{root}: cannot list folder ({e.strerror or e})"))
        return
    for p in entries:
        rel = p.relative_to(root).as_posix()
        if any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        if p.is_symlink() and not p.exists():
            problems.append(FileProblem(p, f"{p}: broken symbolic link"))
            continue
        if p.is_dir() or p.name.endswith(SIDECAR_SUFFIX):
            continue
        if p.suffix.lower() in SUFFIXES:
            found.append((p, rel))


def read_source(path: Path, name: str) -> SourceFile:
    """Read and decode one file; raise InputError with a one-line reason."""
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    if _looks_binary(raw):
        raise InputError(f"{path}: binary file, not text")
    text, encoding = decode(raw)
    meta, meta_raw = _read_sidecar(path)
    digest = hashlib.sha256(raw + b"\0" + meta_raw).hexdigest()
    is_html = path.suffix.lower() in {".html", ".htm"}
    if is_html:
        meta = {**html_meta(text), **meta}
        text = mask_html(text)
    return SourceFile(path, name, text, encoding, digest, meta, is_html)


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
    sample = raw[:8192]
    if b"\0" in sample:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    return controls / max(1, len(sample)) > 0.05


def _read_sidecar(path: Path) -> tuple[dict, bytes]:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    if not side.exists():
        return {}, b""
    try:
        raw = side.read_bytes()
        meta = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{side}: unreadable metadata sidecar ({e.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{side}: metadata sidecar must be a JSON object")
    return meta, raw


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
    """Split a page at "Similar articles"/"Related"/"Read also" lines into articles."""
    bounds = [0]
    resumes = [0]
    for m in _SPLIT_MARKER.finditer(text):
        after = m.end()
        nxt = text[after:].lstrip()
        if len(nxt) < 200:  # a marker followed by a few links only is not another article
            continue
        bounds.append(m.start())
        resumes.append(after + (len(text[after:]) - len(nxt)))
    segments = []
    for i, start in enumerate(resumes):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        end = _rstrip_end(text, start, end)
        if end <= start:
            continue
        segments.append(Segment(start, end, _title(text, start, end), len(segments)))
    return segments


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
