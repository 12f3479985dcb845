"""Which dates move a story's narrative anchor: the date "the same day" or "two days later" counts from.

A date moves the story when it says when the told happening is. Dates that do not:
names ("Shield-2017"), states ("since May"), a plan's scope ("for 2024-2026"), plans
("will hold drills in September", "agreed to hold drills in September") and flashbacks:
a date of a relative clause earlier than the story ("the pact, signed last December,")
or a later date of a sentence that lies before the date framing that sentence
("Last week parliament ratified the pact signed in December").
"""

from __future__ import annotations

import datetime as _dt
import re

from bbc_timeline.timevalues import Point, shift

from . import lexicon as L
from .tense import clause_around, looks_ahead, tense_of

# a year glued to a name ("Shield-2017") names the event, it does not move the story;
# "since <date>" starts a state that lasts up to the story's time; "for 2024-2026" is a plan's scope
_NAME_BEFORE = re.compile(r"[A-Za-z]\s*[-\u2011]\s*$")
_NO_MOVE_BEFORE = re.compile(rf"\b(?:{L.STATE_CUES})\s+(?:the\s+(?:end\s+of\s+)?)?$", re.IGNORECASE)
SCOPE_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?(?:period\s+|years\s+)?$", re.IGNORECASE)  # "a grant for 2024-2026"

# a clause hung on a noun that tells an earlier happening: ", signed last December",
# "which was adopted in 2019", "that began in May"
_PARTICIPLE = rf"(?:[a-z]{{3,}}ed|{'|'.join(L.PARTICIPLES)})"
_RELATIVE_BEFORE = re.compile(
    rf"(?:,|\b(?:which|that|who)\b)\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been|had)\s+)?"
    rf"(?:\w+ly\s+)?{_PARTICIPLE}\b[^,;.:()\"“”]{{0,40}}$", re.IGNORECASE)
# a reduced relative on a noun inside a prepositional or object phrase: "linked it to a scandal
# uncovered the previous autumn", "under a pact signed in May"; the participle has no object
_REDUCED_RELATIVE_BEFORE = re.compile(
    rf"\b(?:to|of|on|in|with|by|for|at|from|about|over|against|under|after|before|into)\s+"
    rf"(?:a|an|the|its|his|her|their|this|that)\s+[^,;.:()\"“”]{{0,40}}?\b"
    rf"(?!(?:and|or|but|then|also|not|was|were|is|are|been|be|had|has|have|who|which|that|it|he|she|they|we)\b)"
    rf"(?-i:[a-z])[a-z]+\s+"
    rf"(?:\w+ly\s+)?(?-i:{_PARTICIPLE})\s+(?:(?:in|on|at|during)\s+)?$", re.IGNORECASE)


_FINITE = re.compile(rf"\b(?:is|are|was|were|has|have|had|{_PARTICIPLE})\b", re.IGNORECASE)


def moves_story(text: str, start: int, ranged: bool) -> bool:
    """False for dates that do not say when the narrative is: names, 'since X', a plan's 'for 2024-2026'."""
    before = text[max(0, start - 20):start]
    if _NAME_BEFORE.search(before) or _NO_MOVE_BEFORE.search(before):
        return False
    return not (ranged and SCOPE_BEFORE.search(before))


# a plan's date is an adverbial of the planned happening ("will meet in May"); a date modifying
# a noun ("expects to report a third-quarter loss") or a deictic word ("whatever happens today") is not
_ADVERBIAL_BEFORE = re.compile(r"\b(?:in|on|at|during|from|between|around|early|late|mid)\s+(?:the\s+)?$",
                               re.IGNORECASE)


def is_plan(text: str, start: int, end: int, framed: bool) -> bool:
    """True when the date's clause looks ahead: "will hold talks in May", or, in a sentence
    that already has its own date (framed), "agreed to hold talks in May"."""
    if not _ADVERBIAL_BEFORE.search(text, max(0, start - 16), start):
        return False
    return tense_of(text, start, end, lead=False) > 0 or (framed and looks_ahead(text, start, end))


def in_relative_clause(text: str, start: int) -> bool:
    """True when the date sits in a relative or participial clause: ", signed last December"."""
    if _RELATIVE_BEFORE.search(text, max(0, start - 80), start) is not None:
        return True
    m = _REDUCED_RELATIVE_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return False
    # the phrase hangs on a clause that already has its verb ("linked the decision to a scandal
    # uncovered ..."); in "talks with the rebels ended in May" the participle is the main verb
    before, _ = clause_around(text, m.start(), m.start(), reach=160)
    return _FINITE.search(before) is not None


_UNITS = {"Y": "Y", "M": "M", "D": "D", "W": "W", "Q": "Q", "S": "S"}
# (years on, month) of the first month after a season; a winter may run into the next year, so it ends late
_SEASON_END = {"SP": (0, 6), "SU": (0, 9), "FA": (0, 12), "WI": (1, 3)}


def _end(p: Point) -> _dt.date | None:
    """The first day after p."""
    if p.prec == "S":
        dy, m = _SEASON_END.get(str(p.sub), (1, 3))
        return _dt.date(p.y + dy, m, 1) if p.y >= 1 else None
    return shift(p, 1, _UNITS[p.prec]).date()


def earlier(p: Point, q: Point) -> bool:
    """True when p ends before q begins (False when either has no calendar span).

    A season counts from its year's start when it comes second, so "earlier" is never
    claimed for a season that might overlap."""
    if p.prec not in _UNITS or q.prec not in _UNITS:
        return False
    p_end, q_start = _end(p), q.date()
    return p_end is not None and q_start is not None and p_end <= q_start
