"""Find temporal-expression candidates in raw text with compiled regexes.

Each pattern family yields `Candidate`s with exact character spans and the
regex groups the normaliser needs. Overlaps are resolved longest-first, then
context filters drop look-alikes ("may" the verb, "Zhang Jun", "44%",
model numbers such as "T-1000").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon as L


@dataclass(frozen=True)
class Candidate:
    """A recognised span: `family` names the pattern, `groups` its named groups."""

    start: int
    end: int
    text: str
    family: str
    groups: dict = field(default_factory=dict, hash=False, compare=False)
    spans: dict = field(default_factory=dict, hash=False, compare=False)


def _alt(words) -> str:
    """Regex alternation, longest first so that 'sept' wins over 'sep'."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# ----------------------------------------------------------------- fragments
MONTH_FULL = _alt(L.MONTHS)
MONTH_ABBR = _alt(L.MONTH_ABBR)
MON = rf"(?:{MONTH_FULL}|(?:{MONTH_ABBR})\.?)"
WEEKDAY = _alt(L.WEEKDAYS)
WDAY_ABBR = _alt(L.WEEKDAY_ABBR)
SEASON = _alt(L.SEASONS)
DAYPART = _alt(L.DAY_PARTS)
DECADE_WORDS = "|".join(L.DECADE_WORDS)  # file order: twenties ... nineties
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
ORD_WORD = _alt(k for k in L.ORDINALS if k != "last")
YEAR = r"(?:1\d\d\d|20\d\d)"  # 1000-2099
YEAR_BC = r"\d{1,4}\s*(?:BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE)(?![A-Za-z])|(?:AD|A\.D\.)\s*\d{1,4}"
_NUM_WORD = rf"(?:(?:{_alt(L.TENS)})(?:[\s-](?:{_alt(L.ONES)}))?|{_alt(k for k in L.NUMBER_WORDS if k not in ('a', 'an'))})"
NUMBER = rf"(?:\d+\s+1/2|\d+(?:[.,]\d+)?|{_NUM_WORD})"
QUANT = rf"(?:{NUMBER}(?:\s+and\s+a\s+half)?|an?|{_alt(L.VAGUE_QUANT)}|dozens\s+of|hundreds\s+of|thousands\s+of)"
UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium|weekend)"
UNIT_PL = r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades|centuries|millennia|weekends)"
UNIT = rf"(?:{UNIT_PL}|{UNIT_SG})"
MODS = _alt(k for k in L.MODIFIERS if not k.startswith("the "))
TIME = (r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)(?![A-Za-z]))?"
        r"|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s*(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b)"
        r"|(?:1[0-2]|0?[1-9])\s+o'clock|noon(?=\s+\w+day)|midnight(?=\s+\w+day))")
TZ = r"(?:\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|[ECMP]T)\b)"
PART = (r"(?:(?:early|late|mid|middle|earlier|later)(?:\s*-\s*|\s+)(?:in\s+)?"
        r"|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|outset|dawn|latter\s+part|early\s+part"
        r"|first\s+half|second\s+half|latter\s+half|last\s+half)\s+of\s+)")
DEICTIC = r"(?:this|last|next|past|coming|previous|current|following|present|same|that|these|those)"
ANAPH_DET = (r"(?:the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior"
             r"|the\s+current|the\s+present|the\s+last|the\s+past|the\s+coming|the\s+latest|the\s+subsequent"
             r"|the\s+ensuing|this\s+past|this\s+coming|this|last|next|past|coming|previous|current|following"
             r"|same|that|the\s+upcoming|upcoming|the\s+forthcoming|forthcoming|the\s+recent|the\s+whole"
             r"|the\s+entire|the\s+full|the\s+fiscal|the\s+new|the\s+final)")

# "no digit in the rest of this run of word, dot, slash and dash characters" ("12.10.2017", not
# "12.10.2017.5"), written so that it stops at the first digit: the plain (?![\w./-]*\d) scans
# the whole run at every start, quadratic on long digit-dot runs
_NO_DIGIT_IN_RUN = r"(?=(?:[^\W\d]|[./-])*+(?!\d))"
_B = r"(?<![\w'’-])"  # left word boundary that also refuses "-" and apostrophes
_BH = r"(?<![\w'’])"  # the same, but a date may follow a hyphen: "14 August-24 August"
_E = r"(?![\w])"


def _c(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE | re.VERBOSE)


# ----------------------------------------------------------------- patterns
# Order matters only for ties (same span): earlier families win.
PATTERNS: list[tuple[str, re.Pattern]] = [
    # 2017-07-31, 2017-07-31T13:12
    ("iso", _c(rf"{_B}(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
              rf"(?:[T\s](?P<time>[01]\d|2[0-3]:[0-5]\d(?::[0-5]\d)?))?(?![\w-])")),
    # 31.07.2017, 31/07/2017, 7/31/2017, 31.07.17 (day first unless impossible)
    ("numeric", _c(rf"{_B}(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>{YEAR}|\d\d){_NO_DIGIT_IN_RUN}"
                  rf"(?:\s+(?P<time>{TIME}))?")),
    # 2024.02.14. 11:32, 2024. 02. 14., 2024/02/14: year first (Hungarian, East Asian, ISO-like)
    ("ymd", _c(rf"(?<![\w./-])(?P<y>{YEAR})(?P<sep>[./])\s?(?P<m>0?[1-9]|1[0-2])(?P=sep)\s?(?P<d>0?[1-9]|[12]\d|3[01])"
              rf"(?![\w/-]|\.\d)(?:\.?\s+(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?))?")),
    # (Monday,) July 31(st), 2017 (13:12); July 11-18(, 2017); July 11 to August 3, 2017
    ("mdy", _c(rf"{_BH}(?:(?P<dpre>(?:early\s+(?:in\s+)?|late\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?(?P<dp>morning|afternoon|evening|night)\s+of)\s+)?(?:(?P<wd>{WEEKDAY}|{WDAY_ABBR}\.?),?\s+)?(?:(?P<part>{PART}))?(?P<mon>{MON})\s+(?P<d>{DAYNUM}){_E}"
              rf"(?:\s*(?:-|–|—|to|through|until|till|and)\s*(?:(?P<mon2>{MON})\s+)?(?P<d2>{DAYNUM}){_E})?"
              rf"(?:(?:,?\s+|\s+of\s+)(?P<y>{YEAR}|'\d\d)(?!\d))?(?:\s+(?P<ofrel>(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|this|last|next)\s+(?:month|year)\b(?![’'-])))?(?:,?\s+(?:at\s+)?(?P<time>{TIME}){TZ}?)?(?![\d%])")),
    # (the) 31(st) (of) July (2017); 11-18 July 2017; the ninth of last August; 18 of July of 2017 (Romance calque)
    ("dmy", _c(rf"{_BH}(?:(?P<dpre>(?:early\s+(?:in\s+)?|late\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?(?P<dp>morning|afternoon|evening|night)\s+of)\s+)?(?:(?P<wd>{WEEKDAY}|{WDAY_ABBR}\.?),?\s+)?(?:the\s+)?(?P<d>{DAYNUM}|{ORD_WORD})"
              rf"(?:\s*(?:-|–|—|to|and|until|till)\s*(?:the\s+)?(?P<d2>{DAYNUM}|{ORD_WORD})(?:\s+(?P<mon2>{MON}))?)?"
              rf"(?:\s+of)?\s+(?:(?:(?P<rel>last|next|this|the\s+current|the\s+same|that)\s+)?(?P<mon>{MON})|(?P<ofm>(?:that|the\s+same|this|last|next|the\s+following|the\s+previous)\s+month))"
              rf"(?:(?:,?\s+|\s+of\s+)(?P<y>{YEAR}|{YEAR_BC})(?!\d))?(?:\s+(?P<ofrel>(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|this|last|next)\s+(?:month|year)\b(?![’'-])))?(?:,?\s+(?:at\s+)?(?P<time>{TIME}){TZ}?)?{_E}")),
    # (early) July 2017, July of 2017, mid-July, the end of May 1943, between May and June 2017
    ("month", _c(rf"{_BH}(?:(?P<rel>{ANAPH_DET})\s+)?(?P<part>{PART})?(?:(?P<rel2>last|this|next|that|the\s+current)\s+)?"
                rf"(?P<mon>{MON})(?:\s*(?:-|–|—|to|and|until|till|through)\s*(?P<mon2>{MON}))?"
                rf"(?:(?:,|\s+of|\s+in)?\s+(?P<y>{YEAR_BC}|{YEAR}|'\d\d)(?![\d%]))?(?:\s+(?P<of>(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+previous|last|this|next)\s+year))?{_E}")),
    # seasons: (the) spring of 2017, last summer, winter 1943-44
    ("season", _c(rf"{_BH}(?:(?P<rel>{ANAPH_DET})\s+)?(?P<part>(?:early|late|mid)(?:\s*-\s*|\s+)(?:in\s+)?)?(?:(?P<rel2>last|this|next|that)\s+)?"
                 rf"(?:the\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR_BC}|{YEAR}|that\s+year|the\s+same\s+year|the\s+following\s+year|the\s+previous\s+year)(?![\d%]))?{_E}")),
    # decades and centuries: the 1990s, the '90s, the mid-1990s, the 20th century, the nineteenth century
    ("decade", _c(rf"{_BH}(?:the\s+)?(?P<part>{PART})?(?:(?P<y>1\d\d0|20\d0|\d\d0)'?s|'(?P<yy>\d0)s|(?P<words>(?:nineteen|eighteen)[\s-]?(?:{DECADE_WORDS})|{DECADE_WORDS}))(?:\s+(?P<bc>BC|B\.C\.|BCE))?(?![\w])")),
    ("century", _c(rf"{_B}(?:the\s+)?(?P<part>{PART})?(?:(?P<rel>this|last|next|the\s+previous|the\s+past|the\s+current)\s+)?(?:(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<nw>{ORD_WORD}))[\s-]*)?century(?:\s+(?P<bc>BC|B\.C\.|AD|A\.D\.))?{_E}")),
    # years: 2017, fiscal 1989, the year 2000, 490 BC, 2013-2020, from 2013 to 2020, between 1990 and 1995
    ("year", _c(rf"(?<![\w'’])(?:(?P<pre>(?:the\s+)?(?:fiscal(?:\s+year)?|year|FY|calendar(?:\s+year)?|model\s+year|the\s+year)\s*)?)?(?P<part>{PART})?"
               rf"(?P<y>{YEAR}|{YEAR_BC})(?:\s*(?:-|–|—|/|to|and|until|till|through)\s*(?P<y2>{YEAR}|{YEAR_BC}|\d\d(?![\d]))(?![\d.,]\d))?(?![\w%]|[.,]\d|\s*(?:%|per\s*cent|percent))")),
    # "499-493 BC", "from 264 to 241 BC": the era written once for both ends
    ("bcrange", _c(r"(?<![\w'’.,])(?P<y>\d{1,4})\s*(?:-|–|—|to|and)\s*(?P<y2>\d{1,4})\s*(?P<bc>BC|B\.C\.|BCE|B\.C\.E\.)(?![A-Za-z])")),
    ("quarter", _c(rf"{_B}(?:(?P<det>the|this|last|next|that|its|{ANAPH_DET}|(?:this|last|next)\s+year's)\s+)?(?:(?P<y0>{YEAR})\s+)?(?:fiscal[\s-]+)?"
                  rf"(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|latest|current|year-ago|year-earlier|comparable|same|previous|coming|next)[\s-]+)?(?:fiscal[\s-]+)?"
                  rf"(?P<kind>quarter|half|semester|semestre)(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next|the\s+year|that\s+year|the\s+same\s+year)(?:\s+year)?))?{_E}"
                  rf"|{_B}(?P<qq>Q[1-4]|H[12])(?:\s*(?P<y2>{YEAR}))?{_E}")),
    # durations and offsets: (more than) (the past) 20 years (ago|later), three-decade, 12-year-old;
    # "Three days before, ...": before/after closing the phrase is an offset, not a preposition
    ("duration", _c(rf"{_B}(?:(?P<dir>the\s+(?:past|last|next|first|previous|coming|following|final|initial|latest|ensuing|preceding|better\s+part\s+of\s+the|same|whole|entire|full|remaining|intervening|nearly|other)|past|last|next|another|the|these|those|this|its|their|his|her)\s+)?(?:(?P<mod>{MODS})\s+)?"
                   rf"(?P<q>{QUANT})(?P<hy>\s*-\s*|\s+)(?P<unit>{UNIT})(?:(?P<and>\s+and\s+a\s+half|\s+and\s+(?:{NUMBER})\s+(?:{UNIT})))?(?P<poss>'s?|’s?)?"
                   rf"(?:\s+(?P<rel>ago|later|earlier|afterwards?|hence|from\s+now|previously|back|(?:before|after)(?=\s*[,;:.!?)]|\s+[–—])))?{_E}")),
    # bare plural units used as vague durations: for years, in recent weeks, decades-long
    ("vague", _c(rf"{_B}(?:(?P<pre>recent|coming|future|past|the\s+past|the\s+coming|the\s+next|the\s+last|previous|the\s+previous|earlier|the\s+following|the\s+ensuing|the\s+intervening|the\s+preceding)\s+)?(?P<unit>{UNIT_PL})(?P<rel>\s+ago|\s+later|\s+earlier)?{_E}")),
    # relative units and named days: this week, the same day, the next year, that month, last weekend
    ("relunit", _c(rf"{_B}(?P<part>{PART})?(?P<det>{ANAPH_DET}|the)(?:[\s-]+(?P<fiscal>fiscal|calendar|academic|financial|school|election))?\s+(?P<unit>{UNIT_SG}|season)"
                  rf"(?:\s+(?P<after>before|after|earlier|later|ago)(?!\s+(?:the|a|an|his|her|its|their|[A-Z]\w*)\b))?{_E}")),
    ("weekday", _c(rf"{_B}(?:(?P<part>early|late|earlier|later)\s+)?(?:(?P<det>last|next|this|that|the\s+following|the\s+previous|the\s+next|this\s+past|this\s+coming|coming|past)\s+)?"
                  rf"(?P<wd>{WEEKDAY})(?:\s+(?P<dp>{DAYPART}))?(?:\s+(?:at\s+)?(?P<time>{TIME}){TZ}?)?{_E}")),
    ("dayword", _c(rf"{_B}(?:(?P<part>early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight|overnight|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+night\s+before|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|the\s+(?:next|following|same|previous)\s+(?:morning|afternoon|evening|night)|that\s+(?:morning|afternoon|evening|night)|the\s+eve\b(?=\s+of)|(?<=at\s)night|(?<=by\s)night|(?<=by\s)day)"
                  rf"(?:\s+(?P<dp>{DAYPART}))?(?:\s+(?:at\s+)?(?P<time>{TIME}){TZ}?)?{_E}")),
    # clock times: 13:12, 8 p.m., 15:00 GMT Saturday, noon
    # race and elapsed times: "finished in 3:07:35" (a clock reading only when it can be one and nothing says otherwise)
    ("clockdur", _c(rf"{_B}(?P<h>\d{{1,3}}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])(?!\s*[AaPp]\.?[Mm])")),
    ("time", _c(rf"{_B}(?P<time>{TIME}){TZ}?(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|today|yesterday|tomorrow))?(?![\w:])")),
    # present/past/future references
    ("ref", _c(rf"{_B}(?P<w>(?:right\s+|until\s+|up\s+to\s+|by\s+)?now|currently|nowadays|presently|recently|lately|previously|formerly"
              rf"|the\s+(?:past|future|present|moment|time\s+being)|(?<=at\s)present|(?<=at\s)the\s+time|these\s+days"
              rf"|earlier|recent|future|once)(?![\w-])")),
    ("set", _c(rf"{_B}(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biannually|semi-annually|twice\s+(?:a|per)\s+(?:day|week|month|year)"
              rf"|(?:every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUMBER})\s+)?(?:{UNIT_SG}|{UNIT_PL}|{WEEKDAY}|{DAYPART}|{SEASON}|{MONTH_FULL}|season)"
              rf"|(?:{WEEKDAY})s|(?:{_alt(L.TENS)}|{_alt(L.ONES)}|\d+)\s+times\s+a\s+(?:day|week|month|year))(?![\w-])")),
    # a day of the month being told: "until October, and on the 12th the prosecution called"
    ("ordday", _c(rf"(?<=\bon\s)the\s+(?P<d>\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD})"
                 rf"(?=\s*[,;:]|\.\s|\s+(?:the|a|an|he|she|it|they|we|his|her|their|its|and|when)\b)")),
    ("holiday", _c(rf"{_B}(?:(?P<rel>last|this|next)\s+)?(?P<h>{_alt(L.HOLIDAYS)})(?:\s+(?P<y>{YEAR}))?{_E}")),
]


# ----------------------------------------------------------------- filters
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|of|since|until|till|by|from|to|through|during|last|this|next|early|late|mid|"
    r"before|after|between|and|or|throughout|that|the|same|current|coming|past|end|beginning|start|"
    r"middle|each|every|around|about|as|for|into|within)\s*-?\s*|mid-)$",
    re.IGNORECASE)
_CAP_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")
_MONTH_WORDS = "|".join(sorted((*L.MONTHS, *L.MONTH_ABBR), key=len, reverse=True))
_LINE_STAMP = re.compile(r"(?m)^[ \t]*((?:[01]\d|2[0-3])[0-5]\d)[ \t]+[A-Z]")
_NUM_AFTER = re.compile(r"\s*(?:\d|,?\s*\d{4})")
_COUNT_AFTER = re.compile(r"\s+(?:of\s+(?:the|them|us|those|these|which|whom)\b|([a-z]+))")
_AMOUNT_BEFORE = re.compile(r"(?:[$€£¥]\s*|\b(?:than|about|around|nearly|approximately|some|over|almost|"
                            r"up\s+to|at\s+least|total\s+of|estimated|roughly|number|No\.?|no\.|page|pages|"
                            r"code|route|flight|room|article|paragraph|resolution)\s+)$", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]{0,2}|\d\w*|[A-Z]{2,}\w*)[-‑]?$")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|our|my|your|this|that|these|those)\s+$", re.IGNORECASE)


def _month_ok(text: str, c: Candidate) -> bool:
    """Accept a bare month name only where it reads as a date, not 'may' or 'March' the verb."""
    g = c.groups
    if g.get("ofm") and not g.get("mon"):
        return True
    mon = g.get("mon") or ""
    has_num = bool(g.get("d") or g.get("y"))
    raw = mon.rstrip(".").lower()
    if not mon[:1].isupper():
        return False  # months are capitalised; "may", "march" lowercase are verbs
    if raw in L.MONTH_ABBR and raw not in L.MONTHS and c.family == "month" and not g.get("y"):
        return False  # "Jun" in "Zhang Jun", "Dec" alone: need a day or year
    if has_num or g.get("rel") or g.get("rel2") or g.get("part") or g.get("mon2") or g.get("of"):
        return True
    before = text[max(0, c.start - 25):c.start]
    after = text[c.end:c.end + 20]
    if _PREP_BEFORE.search(before):
        return True
    if raw in ("may", "march"):
        return False  # modal and verb: need a prepositional context
    # a capitalised word after it makes a name: "June Smith", "August Landmesser"
    return not (_CAP_WORD_AFTER.match(after) and not before.rstrip().endswith((",", ".")))


def _year_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    if g.get("pre") or g.get("part") or g.get("y2"):
        return True
    y = g.get("y") or ""
    if not y[:1].isdigit() or not y.isdigit():
        return True  # BC/AD forms
    before = text[max(0, c.start - 30):c.start]
    after = text[c.end:c.end + 30]
    if re.search(r"[-‑][-‑\s]*$", before) or before.endswith("-"):
        # "United Shield-2017" is a year in a name; "T-1000", "Su-2017" are model numbers
        word = re.search(r"([\w]+)\s*[-‑]\s*$", before)
        w = word.group(1) if word else ""
        return not (word and (len(w) <= 3 or any(ch.isdigit() for ch in w) or re.search(r"[a-z][A-Z]", w)))
    if re.search(r"[\d.,]$", before) or re.search(r"[A-Za-z]$", before):
        return False
    if _AMOUNT_BEFORE.search(before):
        return False
    if _live_stamp(y, before, after) and _live_page(text):
        return False
    m = _COUNT_AFTER.match(after)
    if m and (m.group(1) is None or m.group(1).lower() in L.COUNT_NOUNS):
        return False
    return not re.match(r"\s*(?:[-‑:/]\d|[.,]\d|\s*(?:%|per\s*cent|percent))", after)


def _live_stamp(y: str, before: str, after: str) -> bool:
    """Where a live page's time stamp stands: "1541 President X says ..." is 15:41.

    A bare number that reads as a clock time (hours 00-23, minutes 00-59), with no preposition,
    article or month before it and a new sentence's capitalised word (not a month) after it.
    """
    if len(y) != 4 or int(y[:2]) > 23 or int(y[2:]) > 59:
        return False
    if _CAP_WORD_AFTER.match(after) is None or re.match(rf"\s+(?:{_MONTH_WORDS})\b", after):
        return False
    if re.search(rf"\b(?:{_MONTH_WORDS})\.?,?\s*$", before, re.IGNORECASE):
        return False
    return not _PREP_BEFORE.search(before.rstrip(" \t").lower() + " " if before.strip() else "")


@lru_cache(maxsize=8)
def _live_page(text: str) -> bool:
    """A live page: three or more lines open with a clock time ("1858 Around a dozen ..."), and read as
    years they would span centuries (a history's years at line starts stay close together)."""
    stamps = [int(m.group(1)) for m in _LINE_STAMP.finditer(text)]
    return len(stamps) >= 3 and max(stamps) - min(stamps) >= 300


def _ref_ok(text: str, c: Candidate) -> bool:
    w = (c.groups.get("w") or "").lower()
    before = text[max(0, c.start - 20):c.start]
    after = text[c.end:c.end + 25]
    if w == "earlier":
        if re.search(r"\b(?:a|an|the|its|his|her|their|our|my|your)\s+$", before, re.IGNORECASE) or re.match(r"\s+(?:than|on|in\s+the\s+(?:day|week|month|year))\b", after):
            return False
        return not re.match(r"\s+[a-z]+(?:s|ed|ion|ment)\b", after) or re.match(r"\s+(?:was|has|is|had|said)\b", after) is not None
    if w in ("current", "recent"):
        # adjectival uses: keep; "the current October" is handled by the month family
        return not re.match(r"\s+(?:account|affairs|events|president|leader|version|form)\b", after, re.IGNORECASE)
    if w == "once":
        return False
    if w == "future":
        return bool(re.search(r"\b(?:the|near|foreseeable|distant|immediate)\s+$", before, re.IGNORECASE)) and False
    if w in ("the present",):
        return not re.match(r"\s+(?:[a-z]+)", after)
    if w == "the moment":
        return bool(re.search(r"\b(?:at|for|from)\s+$", before, re.IGNORECASE))
    if w == "the time being":
        return True
    if w == "the past":
        return not re.match(r"\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b", after)
    return True


def _duration_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    q = (g.get("q") or "").lower()
    unit = (g.get("unit") or "").lower()
    before = text[max(0, c.start - 20):c.start]
    if q in ("a", "an") and not g.get("rel") and not g.get("mod") and not g.get("dir"):
        if re.search(r"(?:\b(?:times|twice|once|per)|[\d%$€£])\s*$", before):
            return False  # "twice a year", "$5 a day": rates
        if unit in ("second", "minute") and re.match(r"\s+(?:or|of)\b", text[c.end:c.end + 5]):
            return False
    if unit in ("second", "seconds") and re.match(r"\A(?:a|an|the|its)\s", c.text, re.IGNORECASE) and not g.get("rel"):
        return False  # "a second time", "the second" (ordinal)
    if unit.startswith("quarter") and q.isdigit() is False and q in ("a", "an", "one"):
        return False  # "a quarter of the votes"
    return not (unit.startswith("night") and q in ("a", "an"))


def _vague_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    unit = (g.get("unit") or "").lower()
    before = text[max(0, c.start - 25):c.start]
    after = text[c.end:c.end + 12]
    if g.get("pre") or g.get("rel"):
        return True
    if unit in ("seconds", "quarters", "nights", "weekends", "millennia", "fortnights"):
        return False
    if _DETERMINER_BEFORE.search(before) or re.search(r"\b(?:of|the)\s+$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:for|over|in|within|after|take|took|takes|taken|lasting|lasted|last|spent|spend|"
                 r"across|throughout|during|upon|about|just|only|mere|nearly|almost)\s+$", before, re.IGNORECASE):
        return True
    return bool(re.match(r"[\s-]+(?:long|old|later|earlier|ago|of\b)", after))


def _dmy_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    d = (g.get("d") or "").lower()
    if d in L.ORDINALS and not re.match(r"the\s", c.text, re.IGNORECASE):
        return False  # "first March" is not a date; "the first of March" is
    if d.isdigit() and not g.get("y") and not g.get("wd"):
        before = text[max(0, c.start - 12):c.start]
        if re.search(r"(?:[$€£]|\d[.,]?)\s*$", before):
            return False  # "$21 March..." or "3, 21 May" lists of numbers
    return _month_ok(text, c)


def _mdy_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    mon = g.get("mon") or ""
    if not mon[:1].isupper():
        return False
    after = text[c.end:c.end + 12]
    if not g.get("y") and re.match(r"\s*(?:%|per\s*cent|percent|[.,]\d|[-:]\d)", after):
        return False
    raw = mon.rstrip(".").lower()
    if raw == "may" and not g.get("y"):
        before = text[max(0, c.start - 25):c.start]
        # "may 5 people" is a modal with a count; dates take a preposition or a comma
        if not _PREP_BEFORE.search(before) and re.match(r"\s+[a-z]", after):
            return False
    return True


def _season_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    if g.get("rel") or g.get("rel2") or g.get("y") or g.get("part"):
        return True
    season = (g.get("season") or "").lower()
    before = text[max(0, c.start - 20):c.start]
    if season not in ("fall", "spring"):
        return True
    if re.match(r"the\s", c.text, re.IGNORECASE) or c.text[:1].isupper():
        return not re.match(r"\s+of\s+(?:the|a|an|his|her|its|their)\b", text[c.end:c.end + 12])
    return bool(re.search(r"\b(?:in|this|last|next|by|until|since|during|early|late|that|each|every|through|"
                          r"throughout|before|after|and|or)\s+$", before, re.IGNORECASE))


# a letter code and a dash before a number: a model or weapon name ("C-130s", "MiG-210s", "Su-270s")
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Za-z]{1,4}\s?[-‑]\s?$")


def _decade_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    if g.get("y") and _CODE_BEFORE.search(text, max(0, c.start - 8), c.start):
        return False
    if g.get("y") and len(g["y"]) == 3 and not (g.get("bc") or g.get("part") or re.match(r"the\b", c.text, re.IGNORECASE)
                                                 or re.search(r"\bthe\s+$", text[max(0, c.start - 6):c.start], re.IGNORECASE)):
        return False  # a bare "130s" is a count or a code; the decades of the first millennium take "the"
    if g.get("words") and not re.match(r"(?:the|early|mid|late)\b", c.text, re.IGNORECASE):
        return bool(re.search(r"\bthe\s+$", text[max(0, c.start - 10):c.start]))
    return True


def _century_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    return bool(g.get("n") or g.get("nw") or g.get("rel"))


def _weekday_ok(text: str, c: Candidate) -> bool:
    return (c.groups.get("wd") or "")[:1].isupper()


def _quarter_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    if g.get("qq"):
        return True
    if (g.get("kind") or "").lower() in ("half", "semester", "semestre"):
        return bool(g.get("y") or g.get("rel")) and bool(g.get("ord"))
    if not (g.get("ord") or g.get("y") or g.get("det")):
        return False
    after = text[c.end:c.end + 20]
    if re.match(r"\s+(?:of\s+(?:a|an|the|his|her|its|their|all|those|these)\b|mile|century|pound)", after, re.IGNORECASE):
        return False  # "a quarter of the vote", "the first quarter of the century"
    before = text[max(0, c.start - 15):c.start]
    return not re.search(r"\b(?:Latin|French|Jewish|Muslim|Armenian|Christian|old|city)\s+$", before)


def _set_ok(text: str, c: Candidate) -> bool:
    w = (c.groups.get("w") or "").lower()
    if c.text[:1].isupper() and re.search(r"(?:[A-Z]\w*|’s|'s)\s+$", text[max(0, c.start - 20):c.start]):
        return False  # "People's Daily", "The Weekly Standard": names
    if re.match(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s$", w):
        return c.text[:1].isupper()
    if w.startswith("per") and not re.search(r"[\d$€£%]|\b(?:a|one|killed|dead|rate)\b", text[max(0, c.start - 25):c.start]):
        return True
    return True


def _time_ok(text: str, c: Candidate) -> bool:
    t = c.groups.get("time") or ""
    before = text[max(0, c.start - 3):c.start]
    if re.search(r"[\d.:]$", before):
        return False
    if ":" in t:
        after = text[c.end:c.end + 2]
        return not re.match(r"\d", after)
    return True


# words before an elapsed time: "won in 2:05:11", "a time of 3:07:35", "clocked 1:59:40"
_ELAPSED_BEFORE = re.compile(r"\b(?:in|times?\s+of|record\s+of|best\s+of|clocked|clocking|timed\s+at|a\s+time|"
                             r"winning\s+time|finishing\s+time)\s+$", re.IGNORECASE)


def _clockdur_ok(text: str, c: Candidate) -> bool:
    before = text[max(0, c.start - 20):c.start]
    if re.search(r"[\d.:]$", before):
        return False
    return int(c.groups["h"]) > 23 or bool(_ELAPSED_BEFORE.search(before))


def _relunit_ok(text: str, c: Candidate) -> bool:
    g = c.groups
    det = (g.get("det") or "").lower()
    if det == "the":
        # bare "the year" and "the weekend" are temporal; "the day", "the month" rarely
        unit = (g.get("unit") or "").lower()
        if unit in ("second", "minute", "hour", "night", "season", "quarter"):
            return False
        return bool(g.get("part")) or unit in ("year", "weekend")
    return True


_FILTERS = {
    "relunit": _relunit_ok,
    "month": _month_ok, "year": _year_ok, "ref": _ref_ok, "duration": _duration_ok,
    "vague": _vague_ok, "dmy": _dmy_ok, "mdy": _mdy_ok, "season": _season_ok,
    "decade": _decade_ok, "century": _century_ok, "weekday": _weekday_ok,
    "quarter": _quarter_ok, "set": _set_ok, "time": _time_ok, "clockdur": _clockdur_ok,
}

def _narrow(text: str, c: Candidate, start: int, end: int, drop: tuple[str, ...] = ()) -> Candidate:
    groups = {k: v for k, v in c.groups.items() if k not in drop and c.spans[k][0] >= start and c.spans[k][1] <= end}
    spans = {k: c.spans[k] for k in groups}
    return Candidate(start, end, text[start:end], c.family, groups, spans)


def short_year_end_ok(y: str, y2: str) -> bool:
    """A two-digit range end must come after the start ("2023-24"), or wrap a century ("1999-00")."""
    if not (re.fullmatch(r"\d\d", y2.strip()) and y.strip().isdigit()):
        return True
    start, end = int(y) % 100, int(y2)
    return end > start or (start >= 90 and end < 10)


def _adjust_year(text: str, c: Candidate) -> Candidate | None:
    """'1994 and 1997' are two years unless 'between' precedes; 'to' needs 'from'."""
    g = c.groups
    if not g.get("y2"):
        return c
    if not short_year_end_ok(g["y"], g["y2"]) or re.match(r":\d", text[c.end:c.end + 2]):
        # "2024 - 10:45" is a year then a clock; "2024-10" no year range running backwards
        return _narrow(text, c, c.start, c.spans["y"][1], ("y2",))
    conn = text[c.spans["y"][1]:c.spans["y2"][0]].strip().lower()
    before = text[max(0, c.start - 12):c.start].lower()
    need = {"and": "between", "to": "from", "until": "from", "till": "from", "through": "from"}.get(conn)
    if need and not re.search(rf"\b{need}\s+$", before):
        first = _narrow(text, c, c.start, c.spans["y"][1], ("y2",))
        s2, e2 = c.spans["y2"]
        if not re.fullmatch(r"\d{4}", g["y2"]):
            return first
        second = Candidate(s2, e2, text[s2:e2], "year", {"y": g["y2"]}, {"y": (s2, e2)})
        return [first, second]
    return c


def _adjust_month(text: str, c: Candidate) -> Candidate | None:
    g = c.groups
    if not g.get("mon2"):
        return c
    conn = text[c.spans["mon"][1]:c.spans["mon2"][0]].strip().lower()
    before = text[max(0, c.start - 12):c.start].lower()
    need = {"and": "between", "to": "from", "until": "from", "till": "from", "through": "from"}.get(conn)
    if need and not re.search(rf"\b{need}\s+$", before):
        # "August and September (1918)": two months, the year (if any) shared
        first = _narrow(text, c, c.start, c.spans["mon"][1], ("mon2", "y"))
        if g.get("y"):
            first = Candidate(first.start, first.end, first.text, "month", {**first.groups, "y": g["y"]}, first.spans)
        s2 = c.spans["mon2"][0]
        groups = {k: v for k, v in g.items() if k in ("y", "of")}
        groups["mon"] = g["mon2"]
        spans = {k: c.spans[k] for k in groups if k != "mon"}
        spans["mon"] = c.spans["mon2"]
        return [first, Candidate(s2, c.end, text[s2:c.end], "month", groups, spans)]
    return c


def _adjust_adjectival(text: str, c: Candidate) -> Candidate | None:
    """'the eight-year (plan)', 'its third-quarter (profit)': the determiner is not part of the timex."""
    g = c.groups
    key = "q" if c.family == "duration" else "ord"
    if key not in g:
        return c
    if c.family == "duration":
        hyphen = "-" in (g.get("hy") or "") and not g["unit"].lower().endswith("s")
        after = text[c.end:c.end + 6]
        if hyphen and re.match(r"\s*-\s*old\b|\s+old\b", after):
            return None  # ages: "a 6-year-old"
        if re.match(r"\s+old\b|\s+of\s+age\b", after) and not g.get("rel"):
            return None
        dirw = (g.get("dir") or "").lower()
        if hyphen and dirw in ("the", "its", "his", "her", "their", "this", "these", "those", "another") and not g.get("mod"):
            return _narrow(text, c, c.spans["q"][0], c.end, ("dir",))
        return c
    if re.search(r"-\s*(?:fiscal[\s-]+)?(?:quarter|half)\b", c.text) and g.get("det"):
        start = c.spans.get("y0", c.spans["ord"])[0]
        return _narrow(text, c, start, c.end, ("det",))
    return c


_ADJUST = {"year": _adjust_year, "month": _adjust_month, "duration": _adjust_adjectival,
           "quarter": _adjust_adjectival}

_PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}


# a run of whitespace this long holds no date and parts no date: the patterns never scan it
# (HTML with <script>/<style> masked to spaces makes runs of thousands)
_LONG_SPACE = re.compile(r"\s{200,}")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _LONG_SPACE.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def find_candidates(text: str, start: int = 0, end: int | None = None) -> list[Candidate]:
    """All accepted, non-overlapping candidates in text[start:end], in reading order."""
    end = len(text) if end is None else end
    return list(_find(text, start, end))


@lru_cache(maxsize=4)
def _find(text: str, start: int, end: int) -> tuple[Candidate, ...]:
    """find_candidates, cached: a document is tagged up to three times (narrative, inferred date, DCT)."""
    found: list[Candidate] = []
    segments = _segments(text, start, end)
    for family, rx in PATTERNS:
        for m in (m for s, e in segments for m in rx.finditer(text, s, e)):
            if m.end() <= m.start():
                continue
            gd = {k: v for k, v in m.groupdict().items() if v is not None}
            c = Candidate(m.start(), m.end(), m.group(0), family, gd, {k: m.span(k) for k in gd})
            adj = _ADJUST.get(family)
            cands = [c] if adj is None else adj(text, c)
            if cands is None:
                continue
            ok = _FILTERS.get(family)
            for c in (cands if isinstance(cands, list) else [cands]):
                if ok is None or ok(text, c):
                    found.append(c)
    # longest first, then the earlier family; keep those that do not overlap
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.family], c.start))
    taken: list[Candidate] = []
    starts: list[int] = []  # the kept spans, disjoint, sorted by start (and so by end)
    ends: list[int] = []
    for c in found:
        i = bisect_left(starts, c.end)  # spans starting before c ends: only the last can reach into c
        if i and ends[i - 1] > c.start:
            continue
        taken.append(c)
        starts.insert(i, c.start)
        ends.insert(i, c.end)
    taken.sort(key=lambda c: c.start)
    return tuple(_trim(text, c) for c in taken)


def _trim(text: str, c: Candidate) -> Candidate:
    """Drop trailing whitespace/commas that optional groups may leave."""
    s, e = c.start, c.end
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    if e == c.end:
        return c
    return Candidate(s, e, text[s:e], c.family, c.groups, c.spans)
