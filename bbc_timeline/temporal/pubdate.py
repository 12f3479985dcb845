"""Publication dates: datelines near the top of an article, or inference from content.

Order of evidence: metadata given by the caller, a dateline, else the content
(the latest absolute date reported, refined by deictic phrases such as "the
current October" or "last August"), at the precision the evidence supports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bbc_timeline.lexicon import pattern
from bbc_timeline.timevalues import Point, parse_value, shift, sort_key, valid_value
from bbc_timeline.userdates import dateparser_value, iso_value

from . import lexicon as L
from .normalise import Context, normalise, number, slash_day_first
from .recognise import find_candidates
from .story import in_relative_clause
from .tagger import tag
from .tense import pluperfect, tense_of

_HEAD_CHARS = 700  # datelines sit in the first lines of an article
_CLOCK = (r"\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?"
          r"(?:\s*\(?\s*(?:GMT|UTC)\s*(?:[+\-−]\s*\d{1,2}(?::?\d\d)?)?\s*\)?|\s+[A-Z]{2,5}(?:[+\-−]\d{1,2})?)?")
# "Published:", "Updated on", and "Updated 4:12 PM GMT+3," (a clock time between the label and the date)
_LABEL = re.compile(rf"(?:{pattern('dateline_labels')})\s*(?:on|at)?\s*:?\s*"
                    rf"(?:(?:at\s+)?{_CLOCK}\s*,?\s*(?:on\s+)?)?$", re.IGNORECASE)
_DATELINE_FAMILIES = ("iso", "ymd", "numeric", "mdy", "dmy")
# "Tuesday, 18/3/2025, 14:20 (GMT+7)": a weekday before the date, a clock time and zone after it
_WEEKDAY_LEAD = re.compile(rf"^\s*(?:{'|'.join([*L.WEEKDAYS, *L.WEEKDAY_ABBR])})\.?\s*,?\s*$",
                           re.IGNORECASE)
_CLOCK_TAIL = re.compile(rf"^[\s,|·•–—-]*(?:at\s+)?{_CLOCK}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DocDates:
    """A document's publication date, how it was found, and its tagged timexes."""

    published: str | None
    basis: str | None  # metadata | dateline | inferred
    timexes: list = field(default_factory=list)
    note: str | None = None  # why a given publication date was not used, and what was used instead


def _head_dates(text: str, start: int, end: int):
    """Full single dates (with a year) near the top of text[start:end], with the bounds of their line."""
    for c in find_candidates(text, start, min(end, start + _HEAD_CHARS)):
        if c.family not in _DATELINE_FAMILIES or not c.groups.get("y") or c.groups.get("d2"):
            continue
        line_start = text.rfind("\n", start, c.start) + 1
        line_end = text.find("\n", c.end, end)
        yield c, line_start, (end if line_end < 0 else line_end)


def find_dateline(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, int, str] | None:
    """(TIMEX3 value, start, end, matched text) of a dateline near the top of text[start:end], or None.

    A dateline is a full date (with year) that fills its line, or follows a
    label such as "Published:". A time after it is kept: "2017-07-31T13:12".
    """
    end = len(text) if end is None else end
    day_first = slash_day_first(text, start, end)
    for c, line_start, line_end in _head_dates(text, start, end):
        before = text[line_start:c.start]
        after = text[c.end:line_end]
        labelled = bool(_LABEL.search(before))
        lead_ok = len(before.strip()) <= 3 or _WEEKDAY_LEAD.match(before) is not None
        tail_ok = len(re.sub(r"[\s|·•,;–—-]+", " ", after).strip()) <= 20 or _CLOCK_TAIL.match(after) is not None
        alone = lead_ok and tail_ok
        if not (labelled or alone):
            continue
        n = normalise(c, Context(dct=None, narrative=None, text=text, day_first=day_first))
        if n is None or not re.match(r"^\d{4}-\d\d-\d\d", n.value):
            continue
        return n.value, c.start, c.end, c.text
    return None


# "the mandate expires on 7 February", "before the deal runs out in 2026": an end date lies ahead
_FUTURE_BEFORE = re.compile(rf"\b(?:{pattern('future_cues')})\b(?=[^.]{{0,60}}$)", re.IGNORECASE)
# "the deadline of 2027", "a target year of 2030", "the 2030 goal": a year set as a target lies ahead
_GOAL_BEFORE = re.compile(rf"\b(?:{pattern('goal_nouns')})(?:\s+(?:date|year))?\s+(?:of|for|is|was|set\s+for)"
                          r"\s+(?:the\s+(?:end\s+of\s+)?)?$", re.IGNORECASE)
_GOAL_AFTER = re.compile(rf"^\s+(?:{pattern('goal_nouns')})\b", re.IGNORECASE)
# "from September 18 until October 6": the "until" closes a range told in full, it is no deadline
_RANGE_FROM = re.compile(rf"\bfrom\s[^.;]{{0,40}}?(?:\d|\b(?:{'|'.join(L.MONTHS)})\b)[^.;]{{0,25}}$", re.IGNORECASE)
_CURRENT_MONTH = re.compile(rf"\b(?:[Tt]he\s+current|[Tt]his)\s+(?P<mon>{'|'.join(m.capitalize() for m in L.MONTHS)})\b")
_LAST_MONTH = re.compile(rf"\b[Ll]ast\s+(?P<mon>{'|'.join(m.capitalize() for m in L.MONTHS)})\b")
_SPAN_BACK = re.compile(
    r"\b(?:the\s+)?(?:last|past)\s+(?P<n>\w+(?:-\w+)?)\s+years\b", re.IGNORECASE)
# "by 2030 Turkey could become": a target year is ahead of the writing
_TARGET_BEFORE = re.compile(r"\b(?:by|before|until|till)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"^[^.;]{0,80}\b(?:will|could|would|should|might|is\s+to|are\s+to|"
                          r"(?:is|are)\s+(?:expected|planned|scheduled)|plans?|intends?|aims?)\b",
                          re.IGNORECASE)
# "during 2023 and this year": the current year is after the year named beside it
_YEAR_AND_THIS = re.compile(r"(?<![\d-])(?P<y>1[5-9]\d{2}|20\d{2})\s+(?:and|to|through|till|until)\s+"
                            r"(?:the\s+current|this)\s+year\b", re.IGNORECASE)
_SENTENCE_YEAR = re.compile(r"(?<![\d-])(?P<y>1[5-9]\d{2}|20\d{2})(?![\d%])")


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in re.finditer(r"[.!?](?=\s)|\n\s*\n", text[start:end]):
        yield pos, start + m.end()
        pos = start + m.end()
    if pos < end:
        yield pos, end


def _future_before(text: str, start: int, end: int) -> bool:
    """True when a future cue precedes text[end] within its sentence (a range's "until" is none)."""
    for m in _FUTURE_BEFORE.finditer(text, start, end):
        if m.group(0).lower() in ("until", "till") and _RANGE_FROM.search(text, start, m.start()):
            continue
        return True
    return False


def infer_published(text: str, start: int = 0, end: int | None = None, timexes=None) -> str | None:
    """Publication date inferred from content, at the precision the evidence supports.

    Never later than a full date on a header-like line near the top ("Posted by
    Anna Berg | 4 March 2025 | 10:00"): the article cannot predate its own header.
    """
    end = len(text) if end is None else end
    if timexes is None:
        timexes = tag(text, None, start, end)
    inferred = _infer_from_content(text, start, end, timexes)
    cap = _header_date(text, start, end)
    if inferred is None or cap is None:
        return inferred
    parts = [int(x) for x in inferred.split("-")]
    return cap if tuple(parts) > _cap_key(cap)[:len(parts)] else inferred


def _cap_key(value: str) -> tuple[int, int, int]:
    """(year, month, day) of a YYYY-MM-DD value."""
    y, m, d = value[:10].split("-")
    return int(y), int(m), int(d)


# a header line: it carries a clock time, a label, or a byline beside the date
_HEADER_CUE = re.compile(r"(?<![\d.])\d{1,2}:\d\d(?![\d.])|\b\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b"
                         r"|\b(?:published|updated|posted|last\s+modified|created)\b|\b(?-i:[Bb]y\s+[A-Z])",
                         re.IGNORECASE)
_HEADER_LINE_MAX = 120


def _header_date(text: str, start: int, end: int) -> str | None:
    """The first full date (YYYY-MM-DD) on a short header-like line near the top, or None."""
    day_first = slash_day_first(text, start, end)
    for c, line_start, line_end in _head_dates(text, start, end):
        if line_end - line_start > _HEADER_LINE_MAX:
            continue
        rest = text[line_start:c.start] + " " + text[c.end:line_end]
        if not _HEADER_CUE.search(rest):
            continue
        n = normalise(c, Context(dct=None, narrative=None, text=text, day_first=day_first))
        if n is not None and re.match(r"^\d{4}-\d\d-\d\d", n.value):
            return n.value[:10]
    return None


def _infer_from_content(text: str, start: int, end: int, timexes) -> str | None:
    latest: Point | None = None
    latest_end = start
    for t in timexes:
        if t.anchor != "absolute" or t.type not in ("DATE", "TIME"):
            continue
        if _future_before(text, max(start, t.start - 80), t.start):
            continue  # a forthcoming event says nothing about the date of writing
        if (_GOAL_BEFORE.search(text[max(start, t.start - 40):t.start])
                or _GOAL_AFTER.match(text[t.end:min(end, t.end + 20)])):
            continue
        if (_TARGET_BEFORE.search(text[max(start, t.start - 30):t.start])
                and _MODAL_AFTER.search(text[t.end:min(end, t.end + 100)])):
            continue
        p = parse_value(t.end_value or t.value[:10])
        if p is None or p.y < 1:
            continue
        if latest is None or sort_key(p) > sort_key(latest):
            latest, latest_end = p, t.end
    # "the last eight years" next to "since 2013": the span counts the current year
    year_hint: int | None = None
    for s, e in _sentences(text, start, end):
        sent = text[s:e]
        for m in _SPAN_BACK.finditer(sent):
            n = number(m.group("n").replace("-", " "))
            ys = [int(y.group("y")) for y in _SENTENCE_YEAR.finditer(sent)]
            if n and ys:
                cand = min(ys) + int(n) - 1
                year_hint = max(year_hint or cand, cand)
    for m in _YEAR_AND_THIS.finditer(text, start, end):
        cand = int(m.group("y")) + 1
        year_hint = max(year_hint or cand, cand)
    year = latest.y if latest else None
    if year_hint and (year is None or year_hint > year):
        year = year_hint
        latest = Point(year, prec="Y")
    if year is None:
        return None
    body = text[start:end]
    cur = _CURRENT_MONTH.search(body)
    if cur:
        mon = L.MONTHS[cur.group("mon").lower()]
        y = year
        if latest is not None and latest.m is not None and latest.y == year and mon < latest.m:
            y += 1
        return f"{y:04d}-{mon:02d}"
    assert latest is not None
    if latest.prec in ("D", "M") and latest.m is not None:
        walked = _walk_months(text, latest, latest_end, end, timexes)
        elapsed = _elapsed_since(text, start, end, timexes, walked)
        if elapsed is not None:
            return elapsed
        return f"{walked.y:04d}-{walked.m:02d}"
    last = _LAST_MONTH.search(body)
    if last:
        # "last August" is written after August: the year is known, the month only bounded
        return f"{year:04d}"
    return f"{year:04d}"


# a month that tells when the narrated happening was: "In January", "on 26 January", "at the beginning
# of May"; "a repeat of September", "the March incident" only name an earlier event
_WALK_BEFORE = re.compile(r"\b(?:in|on|at|during|between|from|around)\s+(?:the\s+)?$", re.IGNORECASE)
_MONTH_WORD = re.compile(rf"\b(?:{'|'.join(L.MONTHS)})\b", re.IGNORECASE)
_YEAR_DIGITS = re.compile(r"\d{4}|'\d\d")
_ATTRIBUTIVE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?-i:[a-z])[a-z]+\b(?<!\bof)")
# a month at most this far ahead of the story is read as the story going on; further, in the same
# paragraph, is a flashback (a new paragraph's plain past moves the story on, a pluperfect never does)
_WALK_AHEAD = 5


def _walk_months(text: str, latest: Point, after: int, end: int, timexes) -> Point:
    """The story's month after walking the yearless months told after the latest absolute date.

    "September 2022 ... In January ... on 3 March ... At the beginning of May": each
    past-tense month a few months ahead of the story moves it on, into the next year
    when it wraps; a plain past month opening a new paragraph moves it on however far ahead.
    "last <Month>" counts back from the writing, not from the story."""
    cur = Point(latest.y, latest.m, prec="M")
    cur_at = after
    assert cur.m is not None
    for t in timexes:
        if t.start < after or t.end > end or t.type != "DATE" or t.anchor in ("absolute", "duration"):
            continue
        words = t.text.lower()
        if not _MONTH_WORD.search(words) or _YEAR_DIGITS.search(words):
            continue
        if not _WALK_BEFORE.search(text, max(0, t.start - 20), t.start):
            continue
        if _ATTRIBUTIVE.search(text, max(0, t.start - 5), t.start) and _NOUN_AFTER.match(text, t.end):
            continue  # "on the March incident": the month names an event, it does not date the clause
        if tense_of(text, t.start, t.end, lead=False) >= 0 or in_relative_clause(text, t.start):
            continue
        if pluperfect(text, t.start, t.end):
            continue  # "had already arrived in May": a flashback
        first, final = parse_value(t.value[:10]), parse_value((t.end_value or t.value)[:10])
        if first is None or final is None or first.m is None or final.m is None:
            continue
        if (first.m - cur.m) % 12 > _WALK_AHEAD and "\n" not in text[cur_at:t.start]:
            continue  # an earlier month in the same paragraph looks back; a new paragraph's moves on
        y = cur.y + (1 if first.m < cur.m else 0)
        cur = shift(Point(y, first.m, prec="M"), (final.m - first.m) % 12, "M")
        cur_at = t.end
    return cur


# "Eight months after the September fighting, the two capitals are closer": said at the time of writing;
# "Eight months on, the mission has grown": counted from the date the sentence before told
_ELAPSED = re.compile(r"(?P<n>[A-Z]\w*(?:[\s-]\w+)?)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
                      r"(?:after\s+(?P<np>[^,.;:]{3,60}?)|on|in),")
_ELAPSED_CLAUSE = re.compile(r"(?P<n>[A-Z]\w*(?:[\s-]\w+)?)\s+(?P<unit>days?|weeks?|months?|years?)\s+after\s+")
_CLAUSE_CHARS = 160
_PRESENT_VERB = re.compile(r"\b(?:is|are|has|have|remains?|seems?|looks?|stands?|appears?|faces?|continues?)\b"
                           r"|\b(?P<past>was|were|had|did|[a-z]{2,}ed)\b")


def _elapsed_since(text: str, start: int, end: int, timexes, story: Point) -> str | None:
    """Publication month or year from a sentence-initial "N months/years after <dated event>" in the present."""
    sentences = list(_sentences(text, start, end))
    for i, (s, e) in enumerate(sentences):
        prev_s = sentences[i - 1][0] if i else s
        lead = re.match(r"\s*", text[s:e])
        assert lead is not None
        m = _ELAPSED.match(text, s + lead.end(), e)
        np_span = (m.start("np"), m.end("np")) if m is not None and m.group("np") is not None else None
        clause_end = m.end() if m is not None else -1
        if m is None or (np_span is not None and not any(
                np_span[0] <= t.start and t.end <= np_span[1] and t.type == "DATE" for t in timexes)):
            # "Four weeks after Abiy, the premier, opened the dam on 9 September, the ceremony looks":
            # a longer clause, closed by the comma after its date
            cm = _ELAPSED_CLAUSE.match(text, s + lead.end(), e)
            closing = None if cm is None else next(
                (t for t in timexes if cm.end() <= t.start <= cm.end() + _CLAUSE_CHARS
                 and t.end <= e and t.type == "DATE" and text.startswith(",", t.end)), None)
            if closing is None and np_span is not None:
                pass  # keep the short noun phrase: "Six weeks after the group announced its exit,"
            elif cm is None or closing is None:
                continue
            else:
                m, np_span, clause_end = cm, (cm.end(), closing.end), closing.end + 1
        verb = _PRESENT_VERB.search(text, clause_end, e)
        n = number(m.group("n"))
        if verb is None or verb.group("past") or not n or n != int(n):
            continue
        if np_span is not None:
            dated = [t for t in timexes if np_span[0] <= t.start and t.end <= np_span[1] and t.type == "DATE"]
        else:
            dated = [t for t in timexes if prev_s <= t.start and t.end <= s and t.type == "DATE"][-1:]
            if not dated:
                continue
        unit = m.group("unit").rstrip("s")
        if not dated and unit in ("day", "week"):
            # "Six weeks after the group announced its exit, ...": the event is the story's latest
            # told day, or its month when no day is told
            q = shift(_latest_day(timexes, story), int(n) * (7 if unit == "week" else 1), "D")
            if (q.y, q.m) >= (story.y, story.m):
                return f"{q.y:04d}-{q.m:02d}"
            continue
        if len(dated) != 1:
            continue
        t = dated[0]
        p = parse_value((t.end_value or t.value)[:10])
        if p is None and re.fullmatch(r"XXXX-\d\d", t.value):
            p = Point(story.y, int(t.value[5:]), prec="M")
        elif p is None and re.fullmatch(r"XXXX-\d\d-\d\d", t.value):
            p = Point(story.y, int(t.value[5:7]), int(t.value[8:10]), "D")
        if p is None:
            continue
        if t.anchor != "absolute" and p.m is not None:
            # a yearless month: its latest occurrence not after the story told
            assert story.m is not None
            p = Point(story.y - (1 if p.m > story.m else 0), p.m, p.d if p.prec == "D" else None,
                      "D" if p.prec == "D" else "M")
        if unit in ("day", "week"):
            # "Four weeks after the dam was inaugurated on 9 September, ...": the dated day moved on
            if p.m is None:
                continue
            base = p if p.prec == "D" else Point(p.y, p.m, 1, "D")
            q = shift(base, int(n) * (7 if unit == "week" else 1), "D")
            return f"{q.y:04d}-{q.m:02d}"
        months = int(n) * (12 if unit == "year" else 1)
        if p.m is None:
            return f"{p.y + months // 12:04d}" if months % 12 == 0 else None
        q = shift(Point(p.y, p.m, prec="M"), months, "M")
        if (q.y, q.m) < (story.y, story.m or 0) and np_span is not None:
            # the event is older than the story told: the figure is not about now ("N months on,"
            # counts from the date just told, so it is the writer's now whatever the story walked)
            continue
        return f"{q.y:04d}-{q.m:02d}"
    return None


def _latest_day(timexes, story: Point) -> Point:
    """The latest day told in the story's month, else the month's first day."""
    assert story.m is not None
    days = [p for t in timexes if t.type == "DATE" and (p := parse_value(t.value[:10])) is not None
            and p.prec == "D" and (p.y, p.m) == (story.y, story.m)]
    return max(days, key=sort_key) if days else Point(story.y, story.m, 1, "D")


def published_value(raw: str) -> str | None:
    """A publication date given as metadata (a sidecar's "published") as a TIMEX value, or None.

    ISO ("2017-07-31", "2017-07-31T13:12:00Z", "20170731") is checked against the calendar;
    other forms are read by the tagger as a dateline ("Mon, 31 Jul 2017 13:12:00 GMT",
    "31.07.2017 13:12"), then by dateparser ("31 июля 2017", "2017年7月31日")."""
    raw = (raw or "").strip()
    if not raw or len(raw) > 80:
        return None
    value = iso_value(raw)
    if value is None and _ISO_LIKE.match(raw):
        return None  # "2017-02-30": an ISO date off the calendar is no date in any language
    if value is None:
        dl = find_dateline(raw)
        value = dl[0] if dl is not None else None
    if value is None and re.search(r"\d", raw):
        value = dateparser_value(raw)
    return value if value is not None and valid_value(value.split("T")[0]) else None


_ISO_LIKE = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?(?:[T ].*)?$|^\d{8}$")
# a short line near the top with a year and letters outside ASCII: a dateline the tagger cannot read
_FOREIGN_DATELINE = re.compile(r"^(?=[^\n]*\d{4})(?=[^\n]*[^\x00-\x7f])[^\n]{6,40}$", re.MULTILINE)


def foreign_dateline(text: str, start: int = 0, end: int | None = None) -> str | None:
    """A full date (day, month, year) on a short line near the top written in another language or
    script ("31 июля 2017", "2017年7月31日", "1 серпня 2017"), read by dateparser; None if none."""
    end = len(text) if end is None else end
    for m in _FOREIGN_DATELINE.finditer(text, start, min(end, start + _HEAD_CHARS)):
        line = m.group(0).strip()
        if sum(ch.isalpha() for ch in line) > 20:
            continue  # a sentence, not a date
        value = dateparser_value(line)
        if value is not None and re.match(r"^\d{4}-\d\d-\d\d", value):
            return value
    return None


def resolve_document_dates(text: str, start: int = 0, end: int | None = None,
                           published: str | None = None) -> DocDates:
    """Publication date (metadata > dateline > inferred) and the timexes tagged against it.

    A metadata value that is no date ("not a date", "2017-02-30") is not used: the dateline or the
    inference decides, and `note` says so."""
    end = len(text) if end is None else end
    note = None
    if published:
        value = published_value(published)
        if value is not None:
            day = value[:10]
            return DocDates(day, "metadata", tag(text, day, start, end))
        note = f"published {published[:40]!r} is not a date"
    dl = find_dateline(text, start, end)
    if dl is not None:
        day = dl[0][:10]
        return DocDates(day, "dateline", tag(text, dl[0], start, end), _used(note, "the dateline"))
    foreign = foreign_dateline(text, start, end)
    if foreign is not None:
        day = foreign[:10]
        return DocDates(day, "dateline", tag(text, foreign, start, end), _used(note, "the dateline"))
    narrative = tag(text, None, start, end)
    inferred = infer_published(text, start, end, narrative)
    if inferred is None:
        return DocDates(None, None, narrative, _used(note, "no date"))
    return DocDates(inferred, "inferred", tag(text, inferred, start, end), _used(note, "the date inferred from the text"))


def _used(note: str | None, evidence: str) -> str | None:
    return f"{note}; used {evidence} instead" if note else None
