"""Temporal expressions: recognition, TIMEX3 normalisation, publication dates.

Pure Python (no spaCy); dateparser is only imported lazily for odd forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import Context, Point, normalise, parse_value
from .recognise import find_candidates
from .tense import tense_of


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 expression with offsets relative to the tagged text."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    end_value: str | None = None
    mod: str | None = None
    anchor: str | None = None  # "dct:2017-07-31", "narrative:2017-07-07", "absolute", "duration"


# a bare year this far from the story's year reads as an aside ("as Napoleon in 1812"),
# not as a move of the story: later month names keep the story's year
_ASIDE_YEARS = 10
# plans look this far ahead at most; a "future" date further on is the story moving on
_PLAN_YEARS = 2
# a year glued to a name ("Shield-2017") names the event, it does not move the story;
# "since <date>" starts a state that lasts up to the story's time; "for 2024-2026" is a plan's scope
_NAME_BEFORE = re.compile(r"[A-Za-z]\s*[-\u2011]\s*$")
_NO_MOVE_BEFORE = re.compile(r"\b(?:since|ever\s+since|until|till)\s+(?:the\s+(?:end\s+of\s+)?)?$",
                             re.IGNORECASE)
_SCOPE_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?(?:period\s+|years\s+)?$", re.IGNORECASE)


def _moves_story(text: str, start: int, ranged: bool) -> bool:
    """False for dates that do not say when the narrative is: names, 'since X', a plan's 'for 2024-2026'."""
    before = text[max(0, start - 20):start]
    if _NAME_BEFORE.search(before) or _NO_MOVE_BEFORE.search(before):
        return False
    return not (ranged and _SCOPE_BEFORE.search(before))


def _contains(outer: Point, inner: Point) -> bool:
    """True when inner lies within outer (same year, and month when outer has one)."""
    if outer.prec not in ("Y", "M") or inner.prec not in ("Y", "M", "D", "W"):
        return False
    if outer.y != inner.y:
        return False
    return outer.prec == "Y" or (outer.m is not None and inner.m == outer.m)


def tag(text: str, dct: str | None, start: int = 0, end: int | None = None) -> list[Timex]:
    """Find and normalise the temporal expressions of text[start:end].

    dct is the document creation time as a TIMEX3 value at any precision, or
    None (then everything relative resolves against the narrative). Offsets
    are relative to `text`.
    """
    dct_point = parse_value(dct) if dct else None
    ctx = Context(dct=dct_point, narrative=dct_point, text=text)
    out: list[Timex] = []
    for c in find_candidates(text, start, end):
        n = normalise(c, ctx)
        if n is None:
            continue
        out.append(Timex(c.start, c.end, c.text, n.type, n.value, n.end_value, n.mod, n.anchor))
        p = n.point
        if p is not None and not _moves_story(text, c.start, n.end_value is not None):
            continue
        if p is not None and n.type in ("DATE", "TIME") and p.prec == "D":
            ctx.last_day = (p, c.end)
        if p is not None and n.type in ("DATE", "TIME") and p.prec in ("Y", "M", "D", "W", "S", "Q"):
            cur = ctx.narrative
            if cur is None or not _contains(p, cur):
                ctx.narrative = p
            story = ctx.story
            backward = n.anchor not in (None, "absolute") and story is not None and p.y < story.y
            # "a campaign planned for 1976" looks a little ahead; the story has not got there
            ahead = (story is not None and 0 < p.y - story.y <= _PLAN_YEARS
                     and tense_of(text, c.start, c.end, lead=False) > 0)
            if backward or ahead:
                pass  # "the previous year" looks back; the story stays where it is
            elif story is None or (p.prec != "Y" and not _contains(p, story)) or (
                    p.prec == "Y" and p.y != story.y and abs(p.y - story.y) <= _ASIDE_YEARS):
                ctx.story = p
    return out


from .pubdate import DocDates, find_dateline, resolve_document_dates  # noqa: E402  (pubdate needs tag above)

__all__ = ["DocDates", "Timex", "find_dateline", "resolve_document_dates", "tag"]
