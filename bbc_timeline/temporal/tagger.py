"""The tagger: find the temporal expressions of a text and normalise each against its anchor.

Reading order matters: each date found may move the narrative ("the same day" counts from it),
the story (a chronology told well before the publication date), or set a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bbc_timeline.timevalues import Point, parse_value, shift, sort_key, valid_value

from .normalise import Context, Norm, in_prose, normalise, slash_day_first, story_behind
from .recognise import Candidate, find_candidates
from .story import earlier, in_relative_clause, is_plan, moves_story
from .tense import has_tense_cue, pluperfect, same_sentence, tense_of


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
# "a scandal uncovered the previous autumn": a glance back; "A week later" still counts from the story
_LOOKS_BACK = re.compile(r"(?:the\s+)?(?:previous|preceding|prior)\b", re.IGNORECASE)
# plans look this far ahead at most; a "future" date further on is the story moving on
_PLAN_YEARS = 2


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
    dct_point = parse_value(dct) if dct and valid_value(dct) else None
    ctx = Context(dct=dct_point, narrative=dct_point, text=text, day_first=slash_day_first(text, start, end))
    out: list[Timex] = []
    for c in find_candidates(text, start, end):
        try:
            _read(c, ctx, out)
        except (ValueError, OverflowError):
            continue  # an expression at the calendar's edge ("the next day" after 9999-12-31) is skipped
    return _shifted(out, text)


def _read(c: Candidate, ctx: Context, out: list[Timex]) -> None:
    """Normalise one candidate, keep it, and move the anchors it moves."""
    text = ctx.text
    n = _normalise_in_story(c, ctx) if _tells_story(c, ctx) else normalise(c, ctx)
    if n is None:
        return
    if (n.point is not None and ctx.dct is not None and n.point.y > ctx.dct.y + _FUTURE_YEARS
            and tense_of(text, c.start, c.end, lead=False) < 0):
        # a past-tense sentence tells no happening decades after its writing: a written year is
        # no year ("sold 2,087 ..."), a reckoned one ("300 years later" after a vague past) unknown
        if n.anchor == "absolute":
            return
        n = Norm("DATE", "XXXX", None, n.mod, n.anchor, None)
    if ctx.plan is not None and (n.anchor or "").startswith("narrative:") and tense_of(
            text, c.start, c.end, lead=False) > 0:
        n = _in_plan(c, ctx) or n  # "The same day, leaders will sign": the day of the plan
    out.append(Timex(c.start, c.end, c.text, n.type, n.value, n.end_value, n.mod, n.anchor))
    p = n.point
    if p is not None and n.type == "DATE" and p.prec in ("M", "D"):
        ctx.last_month = (p, c.end)
    if p is not None and n.anchor == "absolute" and n.type in ("DATE", "TIME") and p.prec in ("Y", "M", "D"):
        ctx.told = (p, c.end)
    if (n.anchor or "").startswith("dct:") and n.type in ("DATE", "TIME"):
        ctx.recent_told += 1  # "on Tuesday", "last week": a report of the days around its writing
    if p is None or not moves_story(text, c.start, n.end_value is not None):
        return
    if n.anchor == "absolute" and n.type in ("DATE", "TIME") and ctx.dct is not None and not _naming(text, c):
        if ctx.dct.y - p.y >= _STORY_YEARS:
            ctx.old_told += 1  # "In 1936 ...": a date of a history (not "since 1959", which states)
        else:
            ctx.recent_told += 1
    if (n.anchor or "").startswith("dct:") and _in_history(ctx):
        return  # "next year" said in a history counts from the writing: the story stays where it is
    if n.type in ("DATE", "TIME") and p.prec == "D":
        ctx.last_day = (p, c.end)
        if ctx.lead_day is None and in_prose(text, c.start):
            ctx.lead_day = p
    if n.type not in ("DATE", "TIME") or p.prec not in ("Y", "M", "D", "W", "S", "Q"):
        return
    if _aside(c, n, p, ctx):
        return
    if ctx.frame is None or not same_sentence(text, ctx.frame[1], c.start):
        ctx.frame = (p, c.end)
    looks_back = _LOOKS_BACK.match(c.text) is not None
    cur = ctx.narrative
    if (cur is None or not _contains(p, cur)) and not (looks_back and cur is not None):
        ctx.narrative = p
        ctx.narrative_end = parse_value(n.end_value) if n.end_value else None
        ctx.narrative_at = c.end
    elif (not looks_back and n.end_value is None and ctx.narrative_end is not None
          and not _contains(p, ctx.narrative_end)):
        # "(492-490 BC) ... in 492 BC ... The following year": the story is at the range's start now
        ctx.narrative_end = None
    story = ctx.story
    backward = n.anchor not in (None, "absolute") and story is not None and (p.y < story.y or looks_back)
    # "a campaign planned for 1976" looks a little ahead; the story has not got there
    ahead = (story is not None and 0 < p.y - story.y <= _PLAN_YEARS
             and tense_of(text, c.start, c.end, lead=False) > 0)
    if backward or ahead:
        pass  # "the previous year" looks back; the story stays where it is
    elif story is None or (p.prec != "Y" and not _contains(p, story)) or (
            p.prec == "Y" and p.y != story.y and abs(p.y - story.y) <= _ASIDE_YEARS):
        ctx.story_steps = _chronology_steps(story, p, ctx)
        ctx.story = p
        ctx.story_at = c.end


# a past-tense sentence tells of no year this far after the DCT
_FUTURE_YEARS = 50
# the story told is this many calendar years before the DCT: a past story, not the news of the day
_STORY_YEARS = 2
# a history tells at least this many dates with their year, most of them that old, before its
# yearless dates follow the story
_STORY_MIN_DATES = 1
# expressions whose year or day is left to the reader: in a past story, the story's (deictic words
# such as "yesterday", "last week", "this year", "two years ago" keep the DCT)
_STORY_FAMILIES = frozenset({"month", "mdy", "dmy", "season", "holiday", "time", "ordday"})
# "advances would follow ... on 12 September": the future of a past story is still the story's
_WOULD = re.compile(r"\bwould\b(?![^.;]*\b(?:will|shall)\b)[^.;]*$", re.IGNORECASE)
_DEICTIC = re.compile(r"\b(?:this|last|next|coming|past|current|upcoming)\b", re.IGNORECASE)


_THE_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?-i:[a-z])[a-z]+\b(?<!\bof)")


def _naming(text: str, c: Candidate) -> bool:
    """True for a date that names a thing rather than telling when: "the August 2019 ceasefire"."""
    return _THE_BEFORE.search(text, max(0, c.start - 8), c.start) is not None and _NOUN_AFTER.match(text, c.end) is not None


def _in_history(ctx: Context) -> bool:
    """True while the text tells a past story: its narrative lies two or more years before the DCT
    and most dates told so far with their year are that old (a history, not a report looking back)."""
    dct, cur = ctx.dct, ctx.narrative
    if dct is None or cur is None or cur is dct:
        return False
    if dct.y - cur.y < _STORY_YEARS and not story_behind(cur, dct) and not (cur.m is None and cur.y < dct.y):
        return False  # the story is at the DCT's year, or at a month of the last few
    return ctx.old_told >= _STORY_MIN_DATES and ctx.old_told > ctx.recent_told


def _tells_story(c: Candidate, ctx: Context) -> bool:
    """True when the text around c tells a past story well before the DCT: the narrative's date
    lies two or more years before the DCT, most dates told so far are that old (a history, not a
    report looking back), and c's clause does not look ahead (beyond the story's own "would").
    Then c is read against the story, as HeidelTime's narrative mode would, and its anchor says so."""
    g = c.groups
    if c.family not in _STORY_FAMILIES or not _in_history(ctx):
        return False
    if any(_DEICTIC.search(g.get(k) or "") for k in ("rel", "rel2", "of", "ofrel")):
        return False  # "last June", "June last year" count from the writing
    return tense_of(ctx.text, c.start, c.end, lead=False) <= 0 or _WOULD.search(ctx.text, max(0, c.start - 250), c.start) is not None


def _normalise_in_story(c: Candidate, ctx: Context) -> Norm | None:
    """The reading of c with the story's date as its only anchor (the DCT set aside)."""
    saved = ctx.dct
    ctx.dct = None
    try:
        return normalise(c, ctx)
    finally:
        ctx.dct = saved


# "two months after his failed mutiny of June 2023": a noun phrase without a verb between
_AFTER_NP = re.compile(r"\s+(?P<dir>after|before)\s+(?P<np>(?:the|his|her|its|their|a|an)\s[^,;.()\"“”]{0,40}?)"
                       r"\s(?:of|in)\s+$", re.IGNORECASE)
_WHOLE_UNITS = re.compile(r"^P(?P<n>\d+)(?P<u>[DWMY])$")


def _shifted(out: list[Timex], text: str) -> list[Timex]:
    """Merge "N units after <event> of <DATE>" into one DATE: the date moved by the duration."""
    merged: list[Timex] = []
    for t in out:
        prev = merged[-1] if merged else None
        m = _AFTER_NP.fullmatch(text, prev.end, t.start) if prev is not None else None
        w = _WHOLE_UNITS.match(prev.value) if prev is not None and prev.type == "DURATION" else None
        p = parse_value(t.value) if t.type == "DATE" and t.anchor == "absolute" and not t.end_value else None
        if prev is None or m is None or w is None or p is None or p.prec not in ("Y", "M", "D") \
                or has_tense_cue(m.group("np")):
            merged.append(t)
            continue
        n = int(w.group("n")) * (-1 if m.group("dir").lower() == "before" else 1)
        q = shift(p, n, w.group("u"))
        if not valid_value(q.value()):
            merged.append(t)
            continue
        merged[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE", q.value(),
                           anchor=f"narrative:{t.value}")
    return merged


def _chronology_steps(story: Point | None, p: Point, ctx: Context) -> int:
    """How many forward moves in a row the story has made well before the DCT once it is at p."""
    if not story_behind(p, ctx.dct):
        return 0
    if story is None or not story_behind(story, ctx.dct):
        return 1
    if sort_key(p) < sort_key(story):
        # "on Christmas Day 2024 and in October 2023": a step back is no step of a chronology
        return max(ctx.story_steps, 1)
    return ctx.story_steps + 1


def _aside(c: Candidate, n: Norm, p: Point, ctx: Context) -> bool:
    """True for a date that does not move the narrative: a plan, or a flashback inside the sentence."""
    text = ctx.text
    frame = ctx.frame
    framed = frame is not None and same_sentence(text, frame[1], c.start)
    if ctx.dct is not None and is_plan(text, c.start, c.end, framed):
        # a plan in a report: later future clauses may still count from it
        ctx.plan = (p, parse_value(n.end_value) if n.end_value else None)
        return True
    if framed and earlier(p, frame[0]):
        return True  # "Last week parliament ratified the pact signed in December"
    cur = ctx.narrative
    if cur is None or cur is ctx.dct or not earlier(p, cur):
        return False
    # "Officers had already arrived in the spring": a past before the story's past, in the story's
    # year, is a flashback ("had fled in June 1998 and returned later that year" may start a story)
    return in_relative_clause(text, c.start) or (p.y == cur.y and pluperfect(text, c.start, c.end))


def _in_plan(c: Candidate, ctx: Context) -> Norm | None:
    """The reading of an anaphoric expression against the pending plan instead of the narrative."""
    assert ctx.plan is not None
    saved = (ctx.narrative, ctx.narrative_end, ctx.told)
    ctx.narrative, ctx.narrative_end = ctx.plan
    ctx.told = None
    try:
        return normalise(c, ctx)
    finally:
        ctx.narrative, ctx.narrative_end, ctx.told = saved

