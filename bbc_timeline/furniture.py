"""Page furniture: what a crawled page carries beside its article, kept out of extraction.

A scraped page holds more than the article: reader comments with their timestamps
("March 25, 2011 at 1:54 pm | Reply"), a byline glued to the first sentence ("By Jane
Doe, CNN"), comment policies, player notices, share bars and social feeds, and lists of
other headlines under "Related" or "Most read". None of it tells what happened, and
comment timestamps look like dates of events.

Pure functions over the decoded text. `find()` gives the spans; `mask()` blanks them to
spaces of the same length (line breaks kept), so every offset still points into the file
as read. The words that recognise each class live in the lexicon (`furniture_*`,
`news_outlets`); nothing here knows a topic or a site's sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bbc_timeline.lexicon import alternation, table

KINDS = ("comments", "byline", "notice", "related")
NOTICE_MAX_WORDS = 40  # a line naming a comment policy or a player is furniture only if it is short
LIST_ITEM_MAX_WORDS = 14  # a headline under "Related"; an article's paragraph is longer
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


@dataclass(frozen=True, slots=True)
class Furniture:
    start: int
    end: int
    kind: str  # one of KINDS


@cache
def _patterns() -> dict[str, re.Pattern]:
    months = alternation([*table("months"), *table("month_abbr")])
    weekdays = alternation(table("weekdays"))
    marks = alternation("furniture_comment_marks")
    # a comment's time stamp followed by the widget's links: "January 30, 2011 at 8:03 am | Report abuse"
    comment = rf"\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}}\s*)?\|\s*(?:{marks})\b"
    # or a comment's header: a time stamp, then a one-word handle that "wrote:" ("At 03:58 am on 20 Jan 2010,
    # Reader42 wrote:"); "the minister wrote:" in an article is two words and stays text
    comment += r"|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?[^\n|]{0,60}?,\s*[^\s,]{2,40}\s+wrote\s*:"
    name = rf"(?!(?i:{months}|{weekdays})\b)[A-Z][a-z'’-]+\.?(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|al|el|bin)\s+)?" \
           r"(?:\s+[A-Z][a-z'’-]+){1,2}"
    outlets = alternation("news_outlets")
    byline = (rf"^[ \t]*By\s+{name}(?:\s*(?:,|\band\b|&)\s*{name})*"
              rf"(?:(?:\s*,\s*|\s+)(?:{outlets})\b,?|[ \t]*$)")
    return {
        "comment": re.compile(comment, re.I),
        "byline": re.compile(byline, re.M),
        "notice": re.compile(alternation("furniture_lines"), re.I),
        "heading": re.compile(rf"^[ \t]*(?:{alternation('furniture_blocks')})[ \t]*:?[ \t]*$", re.I | re.M),
    }


def find(text: str) -> list[Furniture]:
    """Furniture spans of a page's text, in order, not overlapping."""
    p = _patterns()
    spans: list[Furniture] = []
    first = p["comment"].search(text)
    thread_start = len(text)
    if first is not None:
        # A comment thread runs to the end of the page (its policy and footer after it); the
        # line of the first time stamp is the first comment's last line.
        thread_start = text.rfind("\n", 0, first.start()) + 1
        spans.append(Furniture(thread_start, len(text), "comments"))
    for m in p["byline"].finditer(text, 0, thread_start):
        if m.end() - m.start() < 200:
            spans.append(Furniture(m.start(), m.end(), "byline"))
    for start, end in _lines(text, 0, thread_start):
        line = text[start:end]
        if p["notice"].search(line) and len(line.split()) <= NOTICE_MAX_WORDS:
            spans.append(Furniture(start, end, "notice"))
    for m in p["heading"].finditer(text, 0, thread_start):
        items = _list_under(text, m.end(), thread_start)
        if items is not None:
            spans.append(Furniture(items[0], items[1], "related"))
    return _disjoint(spans)


def _lines(text: str, start: int, end: int):
    """(start, end) of each non-blank line in text[start:end], without its line break."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            yield pos, stop
        pos = stop + 1


def _list_under(text: str, after: int, limit: int) -> tuple[int, int] | None:
    """The short headline lines right under a "Related" heading, up to the first line of prose."""
    first = last = None
    for start, end in _lines(text, after, limit):
        line = text[start:end]
        if len(line.split()) > LIST_ITEM_MAX_WORDS or _SENTENCE_END.search(line):
            break
        first = start if first is None else first
        last = end
    return None if first is None else (first, last)


def _disjoint(spans: list[Furniture]) -> list[Furniture]:
    out: list[Furniture] = []
    for f in sorted(spans, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            if f.end > out[-1].end:
                out[-1] = Furniture(out[-1].start, f.end, out[-1].kind)
            continue
        out.append(f)
    return out


def mask(text: str, spans: list[Furniture]) -> str:
    """The text with each span blanked to spaces (line breaks kept): same length, same offsets."""
    if not spans:
        return text
    parts, pos = [], 0
    for f in spans:
        parts.append(text[pos : f.start])
        parts.append(re.sub(r"[^\n]", " ", text[f.start : f.end]))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def strip(text: str) -> tuple[str, list[Furniture]]:
    """The text with its furniture masked, and the spans masked."""
    spans = find(text)
    return mask(text, spans), spans


def left_out(spans: list[Furniture] | list[list], start: int, end: int) -> dict[str, int]:
    """Characters of each kind of furniture inside [start, end): what `sources` reports."""
    out: dict[str, int] = {}
    for f in spans:
        s, e, kind = (f.start, f.end, f.kind) if isinstance(f, Furniture) else f
        n = min(e, end) - max(s, start)
        if n > 0:
            out[kind] = out.get(kind, 0) + n
    return {k: out[k] for k in KINDS if k in out}


def describe(left: dict[str, int] | None) -> str:
    """"comments 12,345 chars, byline 30 chars": for a person reading `timeline sources`."""
    return ", ".join(f"{k} {n:,} chars" for k, n in (left or {}).items())


__all__ = ["Furniture", "KINDS", "describe", "find", "left_out", "mask", "strip"]
