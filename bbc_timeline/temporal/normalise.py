"""Turn recognised candidates into TIMEX3 type/value against the right anchor.

Deictic expressions ("this year", "last August", "yesterday") resolve against
the document creation time (DCT); anaphoric ones ("the same day", "that
month", "two years later") against the narrative's current date, the last
explicit date seen in reading order. With no DCT the narrative date serves
for both (history texts, whose download date means nothing).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

from bbc_timeline.timevalues import SEASON_ORDER, Point, bounds, season_of, shift, valid_value

from . import lexicon as L
from .recognise import Candidate, short_year_end_ok
from .tense import has_tense_cue, looks_ahead, same_sentence, tense_of

_season_of = season_of
_SEASON_ORDER = SEASON_ORDER


def number(word: str) -> float | None:
    """'three' -> 3, 'twenty-one' -> 21, '12' -> 12, 'a' -> 1; None for vague quantities."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    half = 0.0
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) + half
    m = re.fullmatch(r"(\d+)\s+1/2", w)
    if m:
        return int(m.group(1)) + 0.5
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        return float(w.replace(",", "")) + half
    if w in L.NUMBER_WORDS:
        return L.NUMBER_WORDS[w] + half
    m = re.fullmatch(r"([a-z]+)[\s-]([a-z]+)", w)
    if m and m.group(1) in L.TENS and m.group(2) in L.ONES:
        return L.NUMBER_WORDS[m.group(1)] + L.NUMBER_WORDS[m.group(2)] + half
    return None


_UNIT_CODE = L.UNITS


def unit_of(word: str) -> str:
    w = word.lower()
    for k in ("centuries", "millennia"):
        if w == k:
            return {"centuries": "century", "millennia": "millennium"}[k]
    return w[:-1] if w.endswith("s") and w[:-1] in _UNIT_CODE else w


def duration_value(n: float | None, unit: str, adjectival: bool = False) -> str:
    """TIMEX3 duration: P3W, PT2H, P20Y, PXY; decades as PnDE when adjectival ('three-decade')."""
    u = unit_of(unit)
    if u == "fortnight" and n is not None:
        n, u = n * 2, "week"
    if u == "quarter":
        n, u = (n * 3 if n is not None else None), "month"
    code = _UNIT_CODE.get(u, "X")
    t = "T" if u in L.TIME_UNITS else ""
    if n is None:
        return f"P{t}X{code}"
    if u == "decade" and not adjectival:
        n, code = n * 10, "Y"
    if u == "century" and not adjectival:
        n, code = n * 100, "Y"
    if n != int(n):
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a day and a half" -> P1DT12H
        sub = {"Y": (12, "M", ""), "M": (30, "D", ""), "W": (7, "D", ""), "D": (24, "H", "T"),
               "DE": (10, "Y", "")}.get(code) if not t else {"H": (60, "M", ""), "M": (60, "S", "")}.get(code)
        if sub:
            whole, rest = int(n), round((n - int(n)) * sub[0])
            head = f"{whole}{code}" if whole else ""
            return f"P{t}{head}{sub[2]}{rest}{sub[1]}"
    return f"P{t}{int(n)}{code}"


# ----------------------------------------------------------------- results
@dataclass(frozen=True)
class Norm:
    """Normalised reading of a candidate; `point` is the calendar point it denotes, if any."""

    type: str
    value: str
    end_value: str | None = None
    mod: str | None = None
    anchor: str | None = None  # "dct:<v>", "narrative:<v>", "absolute", "duration"
    point: Point | None = None


@dataclass
class Context:
    """Anchors available while reading a document."""

    dct: Point | None
    narrative: Point | None
    text: str = ""
    story: Point | None = None  # like narrative, but deaf to year-only asides far from it
    story_at: int = -1  # where the date that set the story ended
    story_steps: int = 0  # how many moves in a row the story has made well before the DCT
    lead_day: Point | None = None  # the first day told in a paragraph of prose: the lead's
    last_month: tuple[Point, int] | None = None  # the latest month or day named (moving or not), and its end
    last_day: tuple[Point, int] | None = None  # the latest day-precision date and where it ended
    narrative_end: Point | None = None  # the last day of the narrative date when it was a range
    frame: tuple[Point, int] | None = None  # the date framing the latest sentence that moved the story, and its end
    plan: tuple[Point, Point | None] | None = None  # the latest planned date (and its range's end), if any
    narrative_at: int = -1  # where the date that last moved the narrative ended
    told: tuple[Point, int] | None = None  # the latest date told with its year (moving or not), and its end
    day_first: bool = False  # the document writes an ambiguous slash date "03/06/2025" day first
    old_told: int = 0  # dates told with their year so far that lie two or more years before the DCT
    recent_told: int = 0  # and those that do not


def year_named(ctx: Context) -> Point | None:
    """What "that year" refers to: the latest date told with its year when it came after the
    narrative last moved ("signed on Feb. 8, 2024, under which ... in July of that year"), else the narrative."""
    if ctx.told is not None and ctx.told[1] > ctx.narrative_at:
        return ctx.told[0]
    return ctx.narrative


def _tense(ctx: Context, c: Candidate) -> int:
    """+1 when the clause around the span points to the future, -1 to the past, 0 unknown."""
    return tense_of(ctx.text, c.start, c.end)


def _month_num(word: str) -> int:
    w = word.rstrip(".").lower()
    return L.MONTHS.get(w) or L.MONTH_ABBR[w]


def _year_of(word: str, ctx: Context) -> int:
    w = word.strip()
    if re.search(r"[A-Za-z]", w):
        return _parse_year(w)
    if w.startswith("'") or len(w) == 2:
        yy = int(w.lstrip("'"))
        ref = (ctx.dct or ctx.narrative or Point(2000)).y
        century = ref - ref % 100
        y = century + yy
        return y - 100 if y > ref + 10 else y
    return int(w)


def _base(ctx: Context, anaphoric: bool) -> tuple[Point | None, str]:
    """The anchor point and its kind for an expression (deictic -> DCT unless absent)."""
    if anaphoric or ctx.dct is None:
        if ctx.narrative is not None:
            return ctx.narrative, "narrative"
        return ctx.dct, "dct"
    return ctx.dct, "dct"


def _from_range_end(ctx: Context, base: Point | None, kind: str, forward: bool) -> Point | None:
    """The anchor of a forward anaphor: after a told range ("On March 3-5 ... The following day")
    it counts from the range's last day, not its first."""
    if forward and kind == "narrative" and base is ctx.narrative and ctx.narrative_end is not None:
        return ctx.narrative_end
    return base


def _anchor_str(kind: str, p: Point | None) -> str | None:
    return f"{kind}:{p.value()}" if p is not None else None


# with no tense cue, a month this many months after the DCT's reads as last year's,
# and one this many before it as next year's (news reports rarely look ahead 5+ months)
_PAST_SPAN, _FUTURE_SPAN = 6, 8


# a year later in the same phrase: "that January day in 2011", "a March morning of 1999"
_TRAILING_YEAR = re.compile(r"\s+(?:(?:day|morning|afternoon|evening|night|week|weekend)\s+)?(?:in|of)\s+"
                            r"(?P<y>1\d{3}|20\d\d)\b(?![-–/.,]?\d)")


def _year_offset(delta: int, tense: int) -> int:
    """Year offset from the DCT for a month `delta` months after the DCT's month (-11..11).

    The tense picks the side of the DCT; without one, the nearest occurrence
    (biased to the past, as news mostly reports what happened)."""
    if tense > 0:
        return 1 if delta < 0 else 0
    if tense < 0:
        return -1 if delta > 0 else 0
    if delta >= _PAST_SPAN:
        return -1
    if delta <= -_FUTURE_SPAN:
        return 1
    return 0


# a story point this many months before the DCT tells an older chronology, not the news of the day
_STORY_BEHIND = 6
# a paragraph this short is a heading: it does not part a chronology from its next step
_HEADING_CHARS = 60


def near_paragraph(text: str, at: int, pos: int) -> bool:
    """True when text[at] lies in the paragraph of text[pos] or the one before it (headings skipped)."""
    if at < 0 or at > pos:
        return False
    parts = re.split(r"\n\s*\n", text[at:pos])
    return sum(1 for part in parts[1:-1] if len(part.strip()) >= _HEADING_CHARS) == 0


def _same_phrase(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is short and has no verb: a date there belongs to the year before it."""
    gap = text[start:end]
    return len(gap) <= 60 and not has_tense_cue(gap)


def story_behind(p: Point, dct: Point | None) -> bool:
    """True when p is a month or day well before a month-precise DCT: a chronology, not the news."""
    if dct is None or dct.m is None or p.m is None or p.prec not in ("M", "D"):
        return False
    return (dct.y * 12 + dct.m) - (p.y * 12 + p.m) > _STORY_BEHIND


def in_prose(text: str, pos: int) -> bool:
    """True when text[pos] lies in a paragraph of prose, not in a heading or a dateline."""
    reach = 4 * _HEADING_CHARS  # a line this long either side is prose: no need to find its ends
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = text.rfind("\n", lo, pos) + 1 or lo
    end = text.find("\n", pos, hi)
    return len(text[start:hi if end < 0 else end].strip()) >= _HEADING_CHARS


def _day_nearby(ctx: Context, c: Candidate) -> Point | None:
    """The day "the same day" means over a coarser anchor: the last day told in this or the
    previous paragraph, else the lead's day."""
    if ctx.last_day is not None and near_paragraph(ctx.text, ctx.last_day[1], c.start):
        return ctx.last_day[0]
    return ctx.lead_day


def _story_year(month: int, ctx: Context, c: Candidate) -> int | None:
    """The year of a month told in a past clause of a chronology well before the DCT.

    "On 4 March 2023 police seized the boat. The next day ... In May, prosecutors charged him"
    (DCT August 2024): the month follows the story told in this or the last paragraph, not the
    DCT. One old date is a glance back, not a chronology: the story must have moved twice."""
    s, dct = ctx.story, ctx.dct
    if s is None or dct is None or ctx.story_steps < 2 or not story_behind(s, dct):
        return None
    assert s.m is not None and dct.m is not None
    if not near_paragraph(ctx.text, ctx.story_at, c.start) or tense_of(ctx.text, c.start, c.end, lead=False) >= 0:
        return None
    y = s.y if month >= s.m else s.y + 1
    return y if (y, month) <= (dct.y, dct.m) else None


def _year_for_month(month: int, ctx: Context, c: Candidate, rel: str | None, day: int | None = None) -> tuple[int | None, str]:
    """Pick the year of a month written without one."""
    m = _TRAILING_YEAR.match(ctx.text, c.end)
    if m:
        return int(m.group("y")), "absolute"  # "that January day in 2011"
    rel = (rel or "").lower().replace("  ", " ")
    rel = re.sub(r"\s+", " ", rel)
    if rel in ("last", "next", "this", "the current", "coming", "this coming", "this past", "the coming",
               "the upcoming", "upcoming", "the forthcoming", "forthcoming", "the past", "past"):
        base = ctx.dct or ctx.narrative
        if base is None:
            return None, "dct"
        bm = base.m or (base.date().month if base.date() and base.prec in ("W",) else None)
        if rel in ("this", "the current") or bm is None:
            return base.y, "dct" if ctx.dct is not None else "narrative"
        if rel in ("last", "this past", "the past", "past"):
            return (base.y if month < bm else base.y - 1), "dct" if ctx.dct is not None else "narrative"
        return (base.y if month > bm else base.y + 1), "dct" if ctx.dct is not None else "narrative"
    if rel in ("the same", "that", "that same", "the following", "the next", "the previous", "the preceding"):
        base = ctx.narrative or ctx.dct
        if base is None:
            return None, "narrative"
        bm = base.m
        if rel in ("the following", "the next") and bm is not None:
            return (base.y if month > bm else base.y + 1), "narrative"
        if rel in ("the previous", "the preceding") and bm is not None:
            return (base.y if month < bm else base.y - 1), "narrative"
        return base.y, "narrative"
    dated = ctx.dct is not None and ctx.dct.m is not None and ctx.dct.y > 0
    tense = _tense(ctx, c) if dated else 0
    own = ctx.frame is not None and same_sentence(ctx.text, ctx.frame[1], c.start)
    if tense == 0 and own and looks_ahead(ctx.text, c.start, c.end):
        # "On May 2 they agreed to hold talks in September": the sentence dates the agreement,
        # so the month is the talks', the next one after it (without that date it may be either)
        ref = ctx.frame[0]
        first = ref.date()
        ref_m = ref.m or (first.month if first is not None and ref.prec == "W" else None)
        if ref.y > 0:
            return (ref.y + (1 if ref_m is not None and month < ref_m else 0)), "narrative"
    if dated and own and ctx.frame[0].prec == "Y" and _same_phrase(ctx.text, ctx.frame[1], c.start):
        # "two coups in 2022, the second of which, on 30 September": the year of the phrase
        return ctx.frame[0].y, "narrative"
    if dated:
        y = _story_year(month, ctx, c)
        if y is not None:
            return y, "narrative"
        return ctx.dct.y + _year_offset(month - ctx.dct.m, tense), "dct"
    base = ctx.story or ctx.narrative or ctx.dct
    if base is None:
        return None, "narrative"
    return base.y, ("narrative" if ctx.narrative is not None else "dct")


def _part_mod(part: str | None) -> str | None:
    if not part:
        return None
    p = re.sub(r"[\s-]+", " ", part.lower()).strip()
    p = re.sub(r"^the\s+|\s+of$|^very\s+", "", p).strip()
    p = re.sub(r"^very\s+", "", p)
    return L.PART_MODS.get(p)


def _half_point(part: str | None, p: Point) -> Point:
    """'the first half of 2017' -> 2017-H1."""
    if not part:
        return p
    pl = part.lower()
    if p.prec == "Y" and "half" in pl:
        return Point(p.y, prec="H", sub=1 if "first" in pl else 2)
    return p


def _mk(typ: str, p: Point | None, kind: str, ctx_anchor: Point | None = None, mod: str | None = None,
        end: Point | None = None) -> Norm | None:
    if p is None:
        return None
    anchor = "absolute" if kind == "absolute" else _anchor_str(kind, ctx_anchor)
    return Norm(typ, p.value(), end.value() if end else None, mod, anchor, p)


# ----------------------------------------------------------------- families
def _n_iso(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    p = Point(int(g["y"]), int(g["m"]), int(g["d"]), "D")
    if g.get("time"):
        return Norm("TIME", f"{p.value()}T{_clock(g['time'])}", None, None, "absolute", p)
    return _mk("DATE", p, "absolute")


def _n_ymd(c: Candidate, ctx: Context) -> Norm | None:
    """Year-first dates with dots or slashes: "2024.02.14.", "2024/2/14"."""
    g = c.groups
    try:
        _dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    return _n_iso(c, ctx)


def _clock(t: str) -> str:
    t = t.strip().lower().replace(" ", "")
    if t == "noon":
        return "12:00"
    if t == "midnight":
        return "24:00"
    m = re.match(r"(\d{1,2})(?:[:.](\d\d))?(?::(\d\d))?(a\.?m\.?|p\.?m\.?|o'clock)?", t)
    if not m:
        return t
    h = int(m.group(1))
    mi = m.group(2) or "00"
    ap = (m.group(4) or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    s = f"{h:02d}:{mi}"
    if m.group(3):
        s += f":{m.group(3)}"
    return s


_MONTHS_RE = "|".join(sorted((*L.MONTHS, *(a for a in L.MONTH_ABBR if len(a) > 2)), key=len, reverse=True))
_WORDS_DMY = re.compile(rf"(?<![\d/.])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS_RE})\b", re.IGNORECASE)
_WORDS_MDY = re.compile(rf"\b(?:{_MONTHS_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])", re.IGNORECASE)
_SLASH_DATE = re.compile(r"(?<![\w./-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?:\d{4}|\d\d)(?![\w/-])")


def slash_day_first(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when the document's ambiguous slash dates read day/month ("03/06/2025" = 3 June).

    Another slash date decides when one part exceeds 12 ("25/03/2025" day first, "3/25/2025"
    month first); else the order of the dates written in words ("30 April 2024" vs "April 30").
    """
    body = text[start:end]
    firsts = {int(m.group("a")) > 12 for m in _SLASH_DATE.finditer(body)
              if (int(m.group("a")) > 12) != (int(m.group("b")) > 12)}
    if len(firsts) == 1:
        return firsts.pop()
    return len(_WORDS_DMY.findall(body)) > len(_WORDS_MDY.findall(body))


def _n_numeric(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    a, b = int(g["a"]), int(g["b"])
    y = _year_of(g["y"], ctx)
    if g["sep"] == "/" and a <= 12 and b <= 31 and not (ctx.day_first and b <= 12):
        mo, d = a, b  # US order for slashes, unless the document writes its dates day first
    else:
        d, mo = a, b
    if mo > 12 and d <= 12:
        d, mo = mo, d
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return None
    p = Point(y, mo, d, "D")
    if g.get("time"):
        return Norm("TIME", f"{p.value()}T{_clock(g['time'])}", None, None, "absolute", p)
    return _mk("DATE", p, "absolute")


def _day(word: str) -> int | None:
    w = word.lower()
    if w in L.ORDINALS:
        v = L.ORDINALS[w]
        return v if v > 0 else None
    m = re.match(r"\d+", w)
    return int(m.group(0)) if m else None


def _valid(y: int, m: int, d: int) -> bool:
    if y < 1:
        return 1 <= d <= 31
    try:
        _dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _of_rel(g: dict, ctx: Context) -> tuple[Point | None, str]:
    """'of that year', 'of the same month', 'of last year': the point such phrases name."""
    of = re.sub(r"\s+", " ", (g.get("ofrel") or g.get("ofm") or "").lower())
    of = re.sub(r"^of ", "", of)
    deictic = of.split(" ")[0] in ("this", "last", "next")
    base, kind = _base(ctx, not deictic)
    off = 1 if ("next" in of or "following" in of) else -1 if ("last" in of or "previous" in of) else 0
    if not deictic and off == 0 and of.endswith("year") and kind == "narrative":
        base = year_named(ctx)
    if base is None:
        return None, kind
    if of.endswith("month"):
        if base.m is None:
            return None, kind
        return shift(base.at("M"), off, "M"), kind
    return Point(base.y + off, prec="Y"), kind


def _n_monthday(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    if g.get("ofm") and not g.get("mon"):
        d = _day(g["d"])
        p, kind = _of_rel(g, ctx)
        if p is None or d is None or not _valid(p.y, p.m, d):
            return Norm("DATE", f"XXXX-XX-{d or 0:02d}", None, None, None, None)
        p = Point(p.y, p.m, d, "D")
        return _mk("DATE", p, kind, ctx.narrative if kind == "narrative" else ctx.dct)
    mon = _month_num(g["mon"])
    d = _day(g["d"])
    if d is None:
        return None
    mon2 = _month_num(g["mon2"]) if g.get("mon2") else mon
    d2 = _day(g["d2"]) if g.get("d2") else None
    if c.family == "dmy" and g.get("mon2"):
        # "11 July - 3 August": the first month is mon2, the second mon
        mon, mon2 = mon2, mon
    if g.get("y"):
        y, kind, anchor = _year_of(g["y"], ctx), "absolute", None
    elif g.get("ofrel"):
        yp, kind = _of_rel(g, ctx)
        if yp is None:
            return None
        y, anchor = yp.y, (ctx.narrative if kind == "narrative" else ctx.dct)
    else:
        y, kind = _year_for_month(mon, ctx, c, g.get("rel"), d)
        anchor = ctx.dct if kind == "dct" else ctx.narrative
        if y is None:
            val = f"XXXX-{mon:02d}-{d:02d}"
            return Norm("DATE", val, None, None, None, None)
    if not _valid(y, mon, d):
        return None
    p = Point(y, mon, d, "D")
    end = None
    if d2 is not None:
        y2 = y + (1 if mon2 < mon else 0)
        if _valid(y2, mon2, d2) and (mon2, d2) != (mon, d):
            end = Point(y2, mon2, d2, "D")
    mod = _part_mod(g.get("part"))
    if g.get("dp") and end is None:
        return Norm("TIME", f"{p.value()}T{L.DAY_PARTS[g['dp'].lower()]}", None, None,
                    "absolute" if kind == "absolute" else _anchor_str(kind, anchor), p)
    if g.get("time") and end is None:
        return Norm("TIME", f"{p.value()}T{_clock(g['time'])}", None, mod,
                    "absolute" if kind == "absolute" else _anchor_str(kind, anchor), p)
    return _mk("DATE", p, kind, anchor, mod, end)


def _n_month(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    mon = _month_num(g["mon"])
    mon2 = _month_num(g["mon2"]) if g.get("mon2") else None
    rel = g.get("rel") or g.get("rel2")
    part = g.get("part")
    if g.get("y"):
        y, kind, anchor = _year_of(g["y"], ctx), "absolute", None
    elif g.get("of"):
        of = re.sub(r"\s+", " ", g["of"].lower())
        base = ctx.narrative or ctx.dct
        if base is None:
            return None
        if "last" in of or "previous" in of:
            y = (ctx.dct or base).y - 1 if "last" in of else base.y - 1
        elif "next" in of or "following" in of:
            y = (ctx.dct or base).y + 1 if "next" in of else base.y + 1
        elif "this" in of:
            y = (ctx.dct or base).y
        else:
            base = year_named(ctx) or base
            y = base.y
        kind, anchor = ("dct", ctx.dct) if ("last" in of or "next" in of or "this" in of) and ctx.dct else ("narrative", base)
    else:
        y, kind = _year_for_month(mon, ctx, c, rel)
        anchor = ctx.dct if kind == "dct" else ctx.narrative
        if y is None:
            return Norm("DATE", f"XXXX-{mon:02d}", None, _part_mod(part), None, None)
    p = Point(y, mon, prec="M")
    end = None
    if mon2 is not None:
        end = Point(y + (1 if mon2 < mon else 0), mon2, prec="M")
    mod = _part_mod(part)
    return _mk("DATE", p, kind, anchor, mod, end)


def _n_season(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    code = L.SEASONS[g["season"].lower()]
    rel = re.sub(r"\s+", " ", (g.get("rel") or g.get("rel2") or "").lower())
    mod = _part_mod(g.get("part"))
    ytxt = (g.get("y") or "").lower()
    if ytxt and ytxt[0].isdigit():
        return _mk("DATE", Point(_parse_year(ytxt), prec="S", sub=code), "absolute", None, mod)
    anaph = bool(ytxt) or rel in ("that", "the same", "the following", "the next", "the previous", "that same")
    base, kind = _base(ctx, anaph)
    if base is None:
        return Norm("DATE", f"XXXX-{code}", None, mod, None, None)
    y = base.y
    if ytxt:
        y += 1 if "following" in ytxt else -1 if "previous" in ytxt else 0
    elif rel in ("last", "past", "this past", "the past", "the previous", "previous", "the last"):
        cur = _season_of(base.m) if base.m else None
        if cur is None or _SEASON_ORDER[code] >= _SEASON_ORDER[cur]:
            y -= 1
    elif rel in ("next", "the next", "the following", "coming", "the coming", "this coming"):
        cur = _season_of(base.m) if base.m else None
        if cur is None or _SEASON_ORDER[code] <= _SEASON_ORDER[cur]:
            y += 1
    elif not rel and ctx.dct is not None and base is ctx.dct and base.m:
        # bare season in news: the nearest one (this year's unless it is still far ahead)
        cur = _season_of(base.m)
        if _SEASON_ORDER[code] > _SEASON_ORDER[cur] + 1 and _tense(ctx, c) < 0:
            y -= 1
    return _mk("DATE", Point(y, prec="S", sub=code), kind, base, mod)


def _n_decade(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    mod = _part_mod(g.get("part"))
    if g.get("y"):
        y = int(g["y"])
        if g.get("bc"):
            return _mk("DATE", Point(-y - 9, prec="DE"), "absolute", None, mod)
        if y % 100 == 0 and len(g["y"]) == 4 and y not in (2000,) and "decade" not in c.text.lower():
            # "the 1800s" is the century; "the 1900s" too by common usage
            return _mk("DATE", Point(y, prec="CE"), "absolute", None, mod)
        return _mk("DATE", Point(y, prec="DE"), "absolute", None, mod)
    if g.get("yy"):
        base = ctx.dct or ctx.narrative or Point(2000)
        yy = int(g["yy"])
        cent = base.y - base.y % 100
        y = cent + yy if cent + yy <= base.y else cent - 100 + yy
        return _mk("DATE", Point(y, prec="DE"), "absolute", None, mod)
    w = g["words"].lower()
    cent = 1900
    if w.startswith("eighteen"):
        cent = 1800
    key = re.sub(r"^(nineteen|eighteen)[\s-]?", "", w)
    return _mk("DATE", Point(cent + L.DECADE_WORDS[key], prec="DE"), "absolute", None, mod)


def _n_century(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    mod = _part_mod(g.get("part"))
    n = int(g["n"]) if g.get("n") else (L.ORDINALS.get((g.get("nw") or "").lower()) if g.get("nw") else None)
    if n is None or n < 0:
        base, kind = _base(ctx, False)
        if base is None:
            return None
        rel = (g.get("rel") or "").lower()
        cy = base.y // 100 * 100
        if "last" in rel or "previous" in rel or "past" in rel:
            if "past" in rel:
                return Norm("DURATION", "P100Y", None, mod, "duration", None)
            cy -= 100
        elif "next" in rel:
            cy += 100
        return _mk("DATE", Point(cy, prec="CE"), kind, base, mod)
    if g.get("bc") and g["bc"].upper().startswith("B"):
        return Norm("DATE", f"BC{n - 1:02d}", None, mod, "absolute", Point(-(n * 100), prec="Y"))
    return _mk("DATE", Point((n - 1) * 100, prec="CE"), "absolute", None, mod)


def _parse_year(txt: str) -> int:
    t = txt.strip()
    m = re.match(r"(?:AD|A\.D\.)\s*(\d{1,4})", t, re.IGNORECASE)
    if m:
        return int(m.group(1))
    m = re.match(r"(\d{1,4})\s*(BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE)?", t, re.IGNORECASE)
    y = int(m.group(1))
    if m.group(2) and m.group(2).upper().startswith("B"):
        return -y
    return y


def _n_year(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    y = _parse_year(g["y"])
    end = None
    if g.get("y2"):
        t2 = g["y2"]
        if re.fullmatch(r"\d\d", t2):
            y2 = y - y % 100 + int(t2)
            if y2 < y:
                y2 += 100  # "1999-00"
            if not short_year_end_ok(g["y"], t2):
                y2 = y  # "2024-10" would run backwards: no range
        else:
            y2 = _parse_year(t2)
            if y < 0 < y2 and not re.search(r"AD|A\.D\.|CE", t2, re.IGNORECASE):
                y2 = -y2  # "490-479 BC"
        if re.search(r"BC|B\.C\.", t2, re.IGNORECASE) and y > 0:
            y = -y
        if y2 != y:
            end = Point(y2, prec="Y")
    p = _half_point(g.get("part"), Point(y, prec="Y"))
    mod = None if p.prec == "H" else _part_mod(g.get("part"))
    return _mk("DATE", p, "absolute", None, mod, end)


def _n_bcrange(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    y, y2 = -int(g["y"]), -int(g["y2"])
    if y == y2:
        return None
    return _mk("DATE", Point(y, prec="Y"), "absolute", None, None, Point(y2, prec="Y"))


_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _n_quarter(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    if g.get("qq"):
        kind = g["qq"][0].upper()
        n = int(g["qq"][1])
        if g.get("y2"):
            return _mk("DATE", Point(int(g["y2"]), prec="Q" if kind == "Q" else "H", sub=n), "absolute")
        base, k = _base(ctx, False)
        if base is None:
            return Norm("DATE", f"XXXX-{kind}{n}", None, None, None, None)
        return _mk("DATE", Point(base.y, prec="Q" if kind == "Q" else "H", sub=n), k, base)
    ordw = (g.get("ord") or "").lower()
    det = re.sub(r"\s+", " ", (g.get("det") or "").lower())
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    is_half = g["kind"].lower() in ("half", "semester", "semestre")  # a semester is a half-year
    ytxt = g.get("y") or g.get("y0")
    base, kind = _base(ctx, False)
    if ytxt:
        y, kind, base = int(ytxt), "absolute", None
    else:
        if base is None:
            return None
        y = base.y
        if "last" in rel or "last year" in det or "year-ago" in ordw or "year-earlier" in ordw:
            y -= 1
        elif "next" in rel or "next year" in det:
            y += 1
        elif rel in ("that year", "the same year"):
            nb = year_named(ctx) or base
            y, base, kind = nb.y, nb, "narrative"
    if ordw in _Q_ORD:
        n = _Q_ORD[ordw]
        if is_half:
            return _mk("DATE", Point(y, prec="H", sub=min(n, 2)), kind, base)
        return _mk("DATE", Point(y, prec="Q", sub=n), kind, base)
    if is_half:
        return None
    if ytxt and not ordw:
        return None
    # the quarter relative to the DCT: current, latest (= last completed), next
    bq = ((base.m - 1) // 3 + 1) if base is not None and base.m else None
    if bq is None:
        return Norm("DATE", f"{y:04d}-QX", None, None, _anchor_str(kind, base), None)
    if ordw in ("current",) or det in ("this", "the current", "current"):
        q = bq
    elif ordw in ("next", "coming") or det in ("next", "the next", "the coming", "coming"):
        q = bq + 1
    else:
        q = bq - 1  # "the latest quarter", "the quarter", "the year-ago quarter": the reported one
    while q < 1:
        q += 4
        y -= 1
    while q > 4:
        q -= 4
        y += 1
    return _mk("DATE", Point(y, prec="Q", sub=q), kind, base)


# an offset this many years long names no year ("2,000 years ago"), nor this many when approximate
_VAGUE_YEARS, _VAGUE_APPROX_YEARS = 1000, 100
_REL_BACK = L.OFFSET_BACK
# "60 years on" is left a duration: it may count from the story's event, not from the DCT
_REL_FWD = L.OFFSET_FORWARD


def _n_duration(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    qtxt = g["q"]
    n = number(qtxt)
    unit = unit_of(g["unit"])
    if g.get("and") and n is not None and "half" in g["and"]:
        n += 0.5
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    moda = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
    mod = L.MODIFIERS.get(moda) if moda else None
    re.sub(r"\s+", " ", (g.get("dir") or "").lower())
    adjectival = bool(re.match(r"\s*-", g.get("hy") or "")) and not g.get("unit", "").lower().endswith("s")
    if unit == "weekend":
        return None
    code = {"day": "D", "night": "D", "week": "W", "fortnight": "W", "month": "M", "quarter": "Q",
            "year": "Y", "decade": "DE", "century": "CE"}.get(unit)
    if rel in _REL_BACK + _REL_FWD:
        if n is None or code is None:
            if unit in L.TIME_UNITS:
                return Norm("DURATION", duration_value(n, unit), None, mod, "duration", None)
            ref = "PAST_REF" if rel in _REL_BACK else "FUTURE_REF"
            return Norm("DATE", ref, None, mod, None, None)
        deictic = rel == "ago" or rel in ("from now", "hence")
        base, kind = _base(ctx, not deictic)
        base = _from_range_end(ctx, base, kind, rel in _REL_FWD)
        if base is None:
            return Norm("DATE", "PAST_REF" if rel in _REL_BACK else "FUTURE_REF", None, mod, None, None)
        if unit == "fortnight":
            n *= 2
        years = n * {"Y": 1, "DE": 10, "CE": 100}.get(code, 0)
        if years >= _VAGUE_YEARS or (mod is not None and years >= _VAGUE_APPROX_YEARS):
            # "about 2,000 years ago", "some 300 years earlier": a vague past (or future), not a year
            return Norm("DATE", "PAST_REF" if rel in _REL_BACK else "FUTURE_REF", None, mod, _anchor_str(kind, base), None)
        step = int(n) if n == int(n) else n
        narr = ctx.narrative
        if code == "Y" and step == n and narr is not None and narr.prec == "Q" and ctx.dct is not None:
            # a report on a quarter compares like with like: "up from $10 million a year ago" is that
            # quarter a year before; the report stays on its quarter (no point to move the narrative)
            years = int(-n if rel in _REL_BACK else n)
            q = Point(narr.y + years, prec="Q", sub=narr.sub)
            return Norm("DATE", q.value(), None, mod, _anchor_str("narrative", narr), None)
        if code == "W" and base.prec == "D":
            weeks = int(-step if rel in _REL_BACK else step)
            # "two weeks ago" names a week; "two weeks later" in a story names a day
            p = shift(base, weeks, "W") if kind == "dct" else shift(base, weeks * 7, "D")
        elif n != int(n):
            months = round(n * {"Y": 12, "M": 1, "DE": 120}.get(code, 0))
            if months:
                p = shift(base, -months if rel in _REL_BACK else months, "M")
            else:
                p = shift(base, int(-n if rel in _REL_BACK else n), code)
        elif code == "Y" and n == 1 and kind == "narrative" and base.prec in ("D", "M") and base.m is not None:
            # "On 6 September 2023 ... A year earlier": the same month a year before, as for quarters;
            # "Two years later" stays a year
            p = shift(base.at("M"), -12 if rel in _REL_BACK else 12, "M")
        elif code in ("DE", "CE"):
            k = int(n) * (10 if code == "DE" else 100)
            p = Point(base.y + (-k if rel in _REL_BACK else k), prec="Y")
        else:
            p = shift(base, int(-n if rel in _REL_BACK else n), code)
        if p.prec == "D" and code in ("M",):
            p = p.at("M")
        return _mk("DATE", p, kind, base, mod)
    if unit in ("second", "minute", "hour") or code:
        return Norm("DURATION", duration_value(n, unit, adjectival), None, mod, "duration", None)
    return None


def _n_vague(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    unit = unit_of(g["unit"])
    pre = re.sub(r"\s+", " ", (g.get("pre") or "").lower())
    rel = (g.get("rel") or "").strip().lower()
    if rel in ("ago", "earlier", "before"):
        return Norm("DATE", "PAST_REF", None, None, None, None)
    if rel == "later":
        return Norm("DATE", "FUTURE_REF", None, None, None, None)
    if pre == "recent" and unit == "year":
        return Norm("DATE", "PAST_REF", None, None, _anchor_str("dct", ctx.dct), None)
    return Norm("DURATION", duration_value(None, unit), None, None, "duration", None)


def _rel_kind(det: str) -> tuple[str, int]:
    """(anchor kind, offset) for a determiner before a unit."""
    d = re.sub(r"\s+", " ", det.lower())
    return L.RELATIVE_DETERMINERS.get(d, ("", 0))


# "the same day the drills ended, ...": the day a told range closed, not the day it opened
_ENDED_AFTER = re.compile(
    r"\s+(?:that\s+|when\s+)?(?:the|its|their|this|that)\s+[^,.;:]{1,40}?\s+(?:ended|concluded|closed|finished|"
    r"wrapped\s+up|came\s+to\s+an\s+end|drew\s+to\s+a\s+close|was\s+over|were\s+over)"
    r"(?:\s+(?:in|at|near)\s+[A-Z][\w'-]*)?\s*(?:[,.;]|$)")
_LAST_OF = re.compile(r"\s+of\s+(?:the|this|that|these|those|its|their)\s")


def _ends_range(c: Candidate, ctx: Context) -> bool:
    """True for an anaphoric day whose own clause says the happening ended."""
    return _ENDED_AFTER.match(ctx.text, c.end) is not None


def _n_relunit(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    unit = g["unit"].lower()
    det = re.sub(r"\s+", " ", g["det"].lower())
    after = (g.get("after") or "").lower()
    mod = _part_mod(g.get("part"))
    before = ctx.text[max(0, c.start - 20):c.start].lower()
    durational_prep = re.search(r"\b(?:over|for|during|throughout|within|in)\s+$", before) is not None
    if det in ("the next", "the coming") and re.search(r"\bin\s+$", before):
        durational_prep = False  # "in the next year" names the year
    if (unit == "day" and det in ("the final", "the last") and not after and not durational_prep
            and ctx.narrative_end is not None and _LAST_OF.match(ctx.text, c.end)):
        # "on the final day of the drills" after "from May 3 until May 9": the range's end
        return _mk("DATE", ctx.narrative_end, "narrative", ctx.narrative_end, mod)
    if det in ("the whole", "the entire", "the full") or (det == "the fiscal" and unit == "year"):
        if det == "the full" and unit == "year":
            base, kind = _base(ctx, False)
            return _mk("DATE", base.at("Y") if base else None, kind, base)
        return Norm("DURATION", duration_value(1, unit), None, None, "duration", None)
    if unit in ("second", "minute", "hour", "season", "quarter", "night"):
        if unit == "night" and det in ("that", "the same", "the next", "the following", "the previous", "last"):
            kind, off = _rel_kind(det)
            base, k = _base(ctx, kind == "narrative")
            if base is None or base.prec != "D":
                return Norm("TIME", "XXXX-XX-XXTNI", None, None, None, None)
            p = shift(base, off, "D") if off else base
            return Norm("TIME", f"{p.value()}TNI", None, None, _anchor_str(k, base), p)
        if unit in ("second", "minute", "hour"):
            return Norm("DURATION", duration_value(1, unit), None, None, "duration", None)
        return None
    kind, off = _rel_kind(det)
    if det == "the":
        if unit == "year" and durational_prep and not mod:
            return Norm("DURATION", "P1Y", None, None, "duration", None)
        kind, off = "narrative", 0
    if not kind:
        if det == "the new" and unit == "year":
            kind, off = "dct", 1
        elif det == "the final" or det == "the new":
            return None
        else:
            return None
    if after:
        kind = "narrative"
        off = -1 if after in ("before", "earlier") else 1
        if after == "ago":
            kind = "dct"
            off = -1
    code = {"day": "D", "week": "W", "weekend": "W", "month": "M", "year": "Y", "decade": "DE",
            "century": "CE", "fortnight": "W"}.get(unit)
    if code is None:
        return None
    durational_det = det in ("the past", "past", "this past") or (
        det in ("the last", "the next", "the coming") and unit in ("decade", "century")) or (
        det in ("the next", "the coming") and unit != "day")
    if durational_prep and durational_det and unit != "weekend":
        # "over the past year", "in the next decade": a period ending/starting now
        return Norm("DURATION", duration_value(1, unit), None, mod, "duration", None)
    if det in ("the next", "the following") and unit in ("decade", "century"):
        return Norm("DURATION", duration_value(1, unit), None, mod, "duration", None)
    base, k = _base(ctx, kind == "narrative")
    base = _from_range_end(ctx, base, k, kind == "narrative" and off > 0)
    if code == "Y" and det in ("that", "that same", "the same", "same") and not after and k == "narrative":
        base = year_named(ctx) or base
    if code == "D" and off == 0 and kind == "narrative" and ctx.narrative_end is not None and _ends_range(c, ctx):
        return _mk("DATE", ctx.narrative_end, "narrative", ctx.narrative_end, mod)
    if base is None:
        ref = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[off]
        return Norm("DATE", ref, None, mod, None, None)
    if code == "D":
        if base.prec in ("Y", "S", "H", "Q") and k == "narrative" and (day := _day_nearby(ctx, c)) is not None:
            base = day  # "In 2024, ... 14 cases. ¶ In the afternoon of the same day": the day told last
        if base.prec not in ("D",):
            if off == 0:
                return _mk("DATE", base, k, base, mod)
            return Norm("DATE", "XXXX-XX-XX", None, mod, _anchor_str(k, base), None)
        p = shift(base, off, "D")
    elif code == "W":
        if base.prec not in ("D", "W"):
            return Norm("DATE", f"{base.value()}" if off == 0 else _unknown_week(base, off), None, mod,
                        _anchor_str(k, base), None)
        bw = base.at("W") if base.prec == "D" else base
        p = shift(bw, off, "W") if off else bw
        if unit == "weekend":
            return Norm("DATE", f"{p.value()}-WE", None, mod, _anchor_str(k, base), p)
    elif code == "M":
        if base.m is None:
            if off == 0:
                return _mk("DATE", base, k, base, mod)
            return Norm("DATE", "XXXX-XX", None, mod, _anchor_str(k, base), None)
        p = shift(base.at("M"), off, "M")
    elif code == "Y":
        p = Point(base.y + off, prec="Y")
    elif code == "DE":
        p = Point(base.y - base.y % 10 + 10 * off, prec="DE")
    else:
        p = Point(base.y - base.y % 100 + 100 * off, prec="CE")
    return _mk("DATE", p, k, base, mod)


def _unknown_week(base: Point, off: int) -> str:
    """A week next to a month-precise anchor: its number is unknown, its year known unless the month is at a year's edge.

    TIMEX3 marks unknown digits with X at the expression's own granularity ("2024-WXX"); it never
    widens the value to the anchor's month.
    """
    edge = base.m is None or (off < 0 and base.m == 1) or (off > 0 and base.m == 12)
    return "XXXX-WXX" if edge else f"{base.y:04d}-WXX"


def _weekday_date(base: Point, wd: int, direction: int) -> Point | None:
    """The weekday nearest base in direction (-1 on/before, +1 on/after, -2 strictly before, +2 strictly after)."""
    d = base.date()
    if d is None or base.prec not in ("D", "W"):
        return None
    if base.prec == "W":
        return Point(*_ymd(_dt.date.fromisocalendar(base.y, int(base.sub), wd)), "D")
    cur = d.isoweekday()
    if direction in (-1, -2):
        delta = (cur - wd) % 7
        if delta == 0 and direction == -2:
            delta = 7
        nd = d - _dt.timedelta(days=delta)
    else:
        delta = (wd - cur) % 7
        if delta == 0 and direction == 2:
            delta = 7
        nd = d + _dt.timedelta(days=delta)
    return Point(nd.year, nd.month, nd.day, "D")


def _ymd(d: _dt.date) -> tuple[int, int, int]:
    return d.year, d.month, d.day


def _n_weekday(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    wd = L.WEEKDAYS[g["wd"].lower()]
    det = re.sub(r"\s+", " ", (g.get("det") or "").lower())
    anaph = det in ("that", "the following", "the next", "the previous") or ctx.dct is None
    base, kind = _base(ctx, anaph)
    p = None
    if base is not None:
        if det in ("last", "this past", "past", "the previous"):
            p = _weekday_date(base, wd, -2)
        elif det in ("next", "the following", "the next", "this coming", "coming"):
            p = _weekday_date(base, wd, 2)
        elif kind == "narrative":
            p = _weekday_date(base, wd, 1)
        elif re.match(r"['’]s\b", ctx.text[c.end:c.end + 3]):
            p = _weekday_date(base, wd, -1)  # "Friday's ruling" reports an event, whatever the clause's tense
        else:
            t = _tense(ctx, c)
            p = _weekday_date(base, wd, 1 if t > 0 else -1)
    dp = (g.get("dp") or "").lower()
    val = p.value() if p else f"XXXX-WXX-{wd}"
    anchor = _anchor_str(kind, base) if p else None
    if g.get("time"):
        return Norm("TIME", f"{val}T{_clock(g['time'])}", None, None, anchor, p)
    if dp:
        return Norm("TIME", f"{val}T{L.DAY_PARTS[dp]}", None, None, anchor, p)
    return Norm("DATE", val, None, _part_mod(g.get("part")), anchor, p)


def _n_dayword(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    w = re.sub(r"\s+", " ", g["w"].lower())
    dp = (g.get("dp") or "").lower()
    deictic = L.DAY_WORDS
    if w in deictic:
        off, part = deictic[w]
        base, kind = ctx.dct, "dct"
        if base is None:
            if w == "today":
                return Norm("DATE", "PRESENT_REF", None, None, None, None)
            base, kind = ctx.narrative, "narrative"
    elif w in ("night", "day"):
        return Norm("TIME", f"XXXX-XX-XXT{'NI' if w == 'night' else 'DT'}", None, None, None, None)
    else:
        m = re.match(r"(?:the|that)\s+(?:(next|following|same|previous)\s+)?(morning|afternoon|evening|night|eve)|the night before", w)
        if not m:
            return None
        if w == "the night before":
            off, part = -1, "NI"
        else:
            rel = m.group(1) or "same"
            off = {"next": 1, "following": 1, "previous": -1, "same": 0}[rel]
            part = L.DAY_PARTS.get(m.group(2))
            if m.group(2) == "eve":
                off, part = -1, None
        base, kind = ctx.narrative or ctx.dct, "narrative" if ctx.narrative else "dct"
        base = _from_range_end(ctx, base, kind, off > 0)
    if dp:
        part = L.DAY_PARTS[dp]
    if base is None or base.prec != "D":
        val = "XXXX-XX-XX"
        p = None
    else:
        p = shift(base, off, "D") if off else base
        val = p.value()
    anchor = _anchor_str(kind, base) if base else None
    if g.get("time"):
        return Norm("TIME", f"{val}T{_clock(g['time'])}", None, None, anchor, p)
    if part:
        return Norm("TIME", f"{val}T{part}", None, None, anchor, p)
    return Norm("DATE", val, None, _part_mod(g.get("part")), anchor, p)


# a weekday just after a clock reading, past a parenthesis: "at 10:35 a.m. (0735 GMT) Friday"
_WEEKDAY_NAMES = "|".join(w.capitalize() for w in L.WEEKDAYS)
_WEEKDAY_AFTER = re.compile(rf"\s*(?:\([^()\n]{{1,25}}\)\s*)?,?\s*(?:on\s+)?({_WEEKDAY_NAMES})\b")
# how far back a day named earlier in the paragraph still dates a bare clock reading
_CLOCK_REACH = 250


def _day_in_paragraph(ctx: Context, c: Candidate) -> Point | None:
    """The day the narrative is at when it was named shortly before, in the same paragraph."""
    if ctx.last_day is None:
        return None
    day, end = ctx.last_day
    between = ctx.text[end:c.start]
    if end > c.start or len(between) > _CLOCK_REACH or re.search(r"\n\s*\n", between):
        return None
    return day


def _n_time(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    wd = (g.get("wd") or "").lower()
    if not wd and (m := _WEEKDAY_AFTER.match(ctx.text, c.end)):
        wd = m.group(1).lower()
    base, kind = _base(ctx, ctx.dct is None)
    if not wd and ctx.dct is not None and (day := _day_in_paragraph(ctx, c)) is not None:
        base, kind = day, "narrative"  # "The blast came on Friday ... at 10:35 a.m.": that Friday
    p = None
    if base is not None and base.prec == "D":
        if wd in L.WEEKDAYS:
            p = _weekday_date(base, L.WEEKDAYS[wd], 1 if _tense(ctx, c) > 0 else -1)
        elif wd in ("yesterday", "tomorrow"):
            p = shift(base, -1 if wd == "yesterday" else 1, "D")
        else:
            p = base
    val = p.value() if p else "XXXX-XX-XX"
    return Norm("TIME", f"{val}T{_clock(g['time'])}", None, None, _anchor_str(kind, base), p)


def _n_clockdur(c: Candidate, ctx: Context) -> Norm | None:
    """An elapsed time h:mm:ss as a duration: 3:07:35 -> PT3H7M35S."""
    g = c.groups
    parts = [(int(g["h"]), "H"), (int(g["mi"]), "M"), (int(g["s"]), "S")]
    body = "".join(f"{n}{u}" for n, u in parts if n)
    return Norm("DURATION", f"PT{body or '0S'}", None, None, "duration", None)


def _n_ref(c: Candidate, ctx: Context) -> Norm | None:
    w = re.sub(r"\s+", " ", c.groups["w"].lower())
    w = re.sub(r"^(?:right|until|up to|by) ", "", w)
    if w == "the time":
        return Norm("DATE", "PAST_REF", None, None, _anchor_str("dct", ctx.dct), None)
    v = L.REF_WORDS.get(w)
    if v is None:
        return None
    return Norm("DATE", v, None, None, _anchor_str("dct", ctx.dct), None)


def _n_set(c: Candidate, ctx: Context) -> Norm | None:
    w = re.sub(r"\s+", " ", c.groups["w"].lower())
    if w in L.SET_WORDS:
        return Norm("SET", L.SET_WORDS[w], None, None, None, None)
    m = re.match(r"(?:\w+\s+times|twice)\s+(?:a|per)\s+(\w+)", w)
    if m:
        return Norm("SET", duration_value(1, m.group(1)), None, None, None, None)
    m = re.match(r"(?:every|each|per)\s+(other\s+)?(?:(.+?)\s+)?(\w+)$", w)
    if m:
        word = m.group(3)
        n = number(m.group(2)) if m.group(2) else 1
        if m.group(1):
            n = 2
        if word in L.WEEKDAYS:
            return Norm("SET", f"XXXX-WXX-{L.WEEKDAYS[word]}", None, None, None, None)
        if word in L.DAY_PARTS:
            return Norm("SET", f"XXXX-XX-XXT{L.DAY_PARTS[word]}", None, None, None, None)
        if word in L.SEASONS:
            return Norm("SET", f"XXXX-{L.SEASONS[word]}", None, None, None, None)
        if word in L.MONTHS:
            return Norm("SET", f"XXXX-{L.MONTHS[word]:02d}", None, None, None, None)
        if word == "season":
            return Norm("SET", "P1Y", None, None, None, None)
        return Norm("SET", duration_value(n, word), None, None, None, None)
    m = re.match(r"(\w+)s$", w)
    if m and m.group(1) in L.WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{L.WEEKDAYS[m.group(1)]}", None, None, None, None)
    return None


def _n_holiday(c: Candidate, ctx: Context) -> Norm | None:
    g = c.groups
    md = L.HOLIDAYS[re.sub(r"\s+", " ", g["h"].lower())]
    mo, d = int(md[:2]), int(md[3:])
    if g.get("y"):
        return _mk("DATE", Point(int(g["y"]), mo, d, "D"), "absolute")
    y, kind = _year_for_month(mo, ctx, c, g.get("rel"))
    if y is None:
        return Norm("DATE", f"XXXX-{md}", None, None, None, None)
    base = ctx.dct if kind == "dct" else ctx.narrative
    return _mk("DATE", Point(y, mo, d, "D"), kind, base)


def _n_ordday(c: Candidate, ctx: Context) -> Norm | None:
    """"on the 12th": that day of the month named last nearby, else of the narrative's month."""
    d = _day(c.groups["d"])
    ref = None
    if ctx.last_month is not None and near_paragraph(ctx.text, ctx.last_month[1], c.start):
        ref = ctx.last_month[0]
    elif ctx.narrative is not None and ctx.narrative.m is not None and ctx.narrative.prec in ("M", "D"):
        ref = ctx.narrative
    if d is None or ref is None or ref.m is None or not _valid(ref.y, ref.m, d):
        return Norm("DATE", f"XXXX-XX-{d or 0:02d}", None, None, None, None)
    return _mk("DATE", Point(ref.y, ref.m, d, "D"), "narrative", ref)


_HANDLERS = {
    "iso": _n_iso, "ymd": _n_ymd, "numeric": _n_numeric, "mdy": _n_monthday, "dmy": _n_monthday, "month": _n_month,
    "season": _n_season, "decade": _n_decade, "century": _n_century, "year": _n_year, "bcrange": _n_bcrange,
    "quarter": _n_quarter, "duration": _n_duration, "vague": _n_vague, "relunit": _n_relunit,
    "weekday": _n_weekday, "dayword": _n_dayword, "time": _n_time, "clockdur": _n_clockdur, "ref": _n_ref, "set": _n_set,
    "holiday": _n_holiday, "ordday": _n_ordday,
}


def normalise(c: Candidate, ctx: Context) -> Norm | None:
    """TIMEX3 reading of one candidate, or None when it turns out not to be temporal."""
    h = _HANDLERS.get(c.family)
    if h is None:
        return None
    try:
        n = h(c, ctx)
    except (ValueError, KeyError, OverflowError):
        return None
    return checked(n)


def checked(n: Norm | None) -> Norm | None:
    """The reading if its value is a real TIMEX3 value ("2017-02-30", year 10000 or 0 are not: None);
    a range end that is no value, or lies before the start, is dropped ("12-10 May 2017")."""
    if n is None:
        return None
    if not valid_value(n.value, n.type):
        off = re.match(r"(?:\d{5,}|0000)(?![\d])", n.value)
        if off is None or n.type not in ("DATE", "TIME"):
            return None
        # "next year" against 9999-12-31, "last year" against 0001: a reference off the calendar's edge
        ref = "PAST_REF" if n.value.startswith("0000") else "FUTURE_REF"
        return Norm("DATE", ref, None, n.mod, n.anchor, None)
    if n.end_value is not None:
        a, b = bounds(n.value), bounds(n.end_value)
        if not valid_value(n.end_value, n.type) or (a is not None and b is not None and b[1] < a[0]):
            return replace(n, end_value=None)
    return n

