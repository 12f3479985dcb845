"""Dates written on their own, not in running text: what a person types (--since, --until, --dct)
and the publication dates of sidecars and datelines.

ISO forms (2017, 2017-07, 2017-07-25), the tagger's dateline formats and the English forms people
type most ("July 2017", "31 July 2017", "last month", "3 weeks ago") are read here without any
import of note; the rest goes to dateparser, imported lazily (a query with an ISO date never loads
it): other wordings ("last Tuesday", "two weeks ago", "Jul 31st '17") and dates in other languages
and formats ("31 июля 2017", "2017年7月31日", "31. Juli 2017").
"""

from __future__ import annotations

import datetime as _dt
import re

from bbc_timeline.errors import UsageError
from bbc_timeline.timevalues import bounds

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# scripts whose languages dateparser is asked first (trying every language is slow: seconds per string)
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u0400-\u04ff]"), ["ru", "uk", "be", "bg", "sr", "mk", "kk"]),
    (re.compile(r"[\u3040-\u30ff]"), ["ja"]),
    (re.compile(r"[\u4e00-\u9fff]"), ["zh", "ja"]),
    (re.compile(r"[\uac00-\ud7af]"), ["ko"]),
    (re.compile(r"[\u0600-\u06ff]"), ["ar", "fa", "ur"]),
    (re.compile(r"[\u0590-\u05ff]"), ["he"]),
    (re.compile(r"[\u0e00-\u0e7f]"), ["th"]),
    (re.compile(r"[\u0370-\u03ff]"), ["el"]),
)
_LATIN_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ro", "tr", "hu", "sv", "da", "nb",
                    "fi", "id", "vi", "uk", "ru"]


def iso_value(text: str) -> str | None:
    """The TIMEX value of an ISO-like date ("2017-07-31", "2017-07-31T13:12:00Z", "20170731"),
    checked against the calendar; None for anything else."""
    t = text.strip()
    if _ISO.match(t):
        return t if bounds(t) is not None else None
    if m := _ISO_TIME.match(t):
        return f"{m[1]}T{m[2]}" if bounds(m[1]) is not None else None
    if m := _COMPACT.match(t):
        v = f"{m[1]}-{m[2]}-{m[3]}"
        return v if bounds(v) is not None else None
    return None


def _languages(text: str) -> list[str]:
    for rx, langs in _SCRIPT_LANGUAGES:
        if rx.search(text):
            return langs
    return _LATIN_LANGUAGES


def dateparser_value(text: str, languages: list[str] | None = None, today: _dt.datetime | None = None,
                     prefer: str = "past") -> str | None:
    """The TIMEX value dateparser reads in `text` at the precision it reports (year, month, ISO week,
    day, or day and time), or None. Imports dateparser (about 0.3 s the first time)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True}
    if today is not None:
        settings["RELATIVE_BASE"] = today
    langs = languages or _languages(text)
    try:
        data = DateDataParser(languages=langs, settings=settings).get_date_data(text)
    except (ValueError, TypeError, OverflowError):
        return None
    d = data.date_obj
    if d is None or not 1 <= d.year <= 9999:
        return None
    period = data.period or "day"
    if period == "week" and re.search(r"\d|\bago\b", text):
        period = "day"  # "3 weeks ago" names a day; "last week" a week
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        iy, iw, _ = d.date().isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if period == "time":
        return f"{d.date().isoformat()}T{d.hour:02d}:{d.minute:02d}"
    return d.date().isoformat()


_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def common_value(text: str, today: _dt.date) -> str | None:
    """The TIMEX value of the English forms people type most ("July 2017", "31 July 2017",
    "July 31, 2017", "yesterday", "last month", "3 weeks ago"), read without dateparser (whose
    first call costs about half a second); None for anything else."""
    from bbc_timeline.lexicon import table
    from bbc_timeline.timevalues import minus

    months = {k: int(v) for k, v in (*table("months").items(), *table("month_abbr").items())}
    t = re.sub(r"\s+", " ", text.strip().lower().replace(",", " ").replace(".", " ")).strip()
    words = t.split(" ")
    if len(words) == 2 and words[0] in months and re.fullmatch(r"\d{4}", words[1]):
        return iso_value(f"{words[1]}-{months[words[0]]:02d}")
    if len(words) == 3 and re.fullmatch(r"\d{4}", words[2]):
        d, m = (words[0], words[1]) if words[1] in months else (words[1], words[0])
        d = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", d)
        if m in months and re.fullmatch(r"\d{1,2}", d):
            return iso_value(f"{words[2]}-{months[m]:02d}-{int(d):02d}")
    if t in ("today", "yesterday", "tomorrow"):
        return (today + _dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[t])).isoformat()
    if (m := re.fullmatch(r"(last|this|next) (week|month|year)", t)) is not None:
        off = {"last": -1, "this": 0, "next": 1}[m[1]]
        if m[2] == "week":
            iy, iw, _ = (today + _dt.timedelta(weeks=off)).isocalendar()
            return f"{iy:04d}-W{iw:02d}"
        if m[2] == "month":
            total = today.year * 12 + today.month - 1 + off
            return f"{total // 12:04d}-{total % 12 + 1:02d}"
        return f"{today.year + off:04d}"
    if (m := re.fullmatch(r"(\d{1,4}) (day|week|month|year)s? ago", t)) is not None:
        try:
            return minus(today, int(m[1]), _UNITS[m[2]]).isoformat()
        except (ValueError, OverflowError):
            return None
    return None


def parse_bound(text: str, side: str, today: _dt.datetime | None = None) -> str:
    """A --since/--until value as an inclusive ISO date: the first day of the period it names
    ("start") or its last ("end").

    ISO (2017, 2017-07, 2017-07-25) is read directly; words ("July 2017", "last month",
    "3 weeks ago", "31 July 2017") by dateparser, in English, against today.
    """
    t = text.strip()
    if _ISO.match(t):
        value = t if bounds(t) is not None else None
        if value is None:
            raise UsageError(f"'{text}' is not a date on the calendar: use YYYY, YYYY-MM or YYYY-MM-DD")
    else:
        value = common_value(t, (today or _dt.datetime.now()).date())
        if value is None and t and len(t) <= 100:
            value = dateparser_value(t, ["en"], today=today)
        if value is None:
            raise UsageError(f"'{text}' is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or words such as "
                             "'July 2017', 'last month', '3 weeks ago'")
    b = bounds(value.split("T")[0])
    if b is None:
        raise UsageError(f"'{text}' is not a date on the calendar")
    return (b[0] if side == "start" else b[1]).isoformat()


def window(since: str | None, until: str | None, today: _dt.datetime | None = None) -> tuple[str | None, str | None]:
    """--since and --until as inclusive ISO bounds (None where open); an empty window is an error."""
    start = parse_bound(since, "start", today) if since else None
    end = parse_bound(until, "end", today) if until else None
    if start is not None and end is not None and start > end:
        raise UsageError(f"--since '{since}' ({start}) is after --until '{until}' ({end}): nothing can match")
    return start, end
