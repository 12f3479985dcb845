"""Date helpers shared by the export formats: parts, spans and human labels.

Works on the contract's `date` object ({value, start, end, precision, text}) and
never adds precision the date does not have.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from bbc_timeline.resolve.intervals import unit_end

MONTHS = tuple(calendar.month_name)[1:]
PRECISIONS = ("day", "month", "year", "decade")

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_APPROX_WORDS = re.compile(
    r"\b(about|around|approximately|roughly|circa|c\.|some|nearly|almost|early|mid|late|"
    r"beginning|end of|start of|more than|less than|over|under)\b",
    re.IGNORECASE,
)
_PLAIN_VALUE = re.compile(r"^\d{3,4}(-\d{2}(-\d{2})?)?$")


def parse_iso(text: str) -> date:
    """An ISO `YYYY-MM-DD` string as a date."""
    return date.fromisoformat(text)


def is_range(d: dict) -> bool:
    """True when the interval is longer than one unit of its precision (e.g. "11-18 July")."""
    try:
        start, end = parse_iso(d["start"]), parse_iso(d["end"])
    except (KeyError, TypeError, ValueError):
        return False
    return end > unit_end(start, d.get("precision", "day"))


def is_approximate(d: dict) -> bool:
    """True for dates that are not a plain calendar unit: decades, seasons, quarters, "about"."""
    if d.get("approx") or d.get("mod"):
        return True
    if d.get("precision") == "decade":
        return True
    value = str(d.get("value") or "")
    if value and not _PLAIN_VALUE.match(value):
        return True
    return bool(_APPROX_WORDS.search(d.get("text") or ""))


def date_parts(iso: str, precision: str) -> dict[str, int]:
    """TimelineJS-style parts of an ISO date, only down to `precision`."""
    day = parse_iso(iso)
    if precision == "day":
        return {"year": day.year, "month": day.month, "day": day.day}
    if precision == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year}


def _unit_label(day: date, precision: str) -> str:
    if precision == "day":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if precision == "decade":
        return f"{day.year - day.year % 10}s"
    return str(day.year)


def _range_label(start: date, end: date, precision: str) -> str:
    if precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {start.year}"
    if precision == "month" and start.year == end.year:
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {start.year}"
    return f"{_unit_label(start, precision)} – {_unit_label(end, precision)}"


def _special_value_label(value: str) -> str | None:
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value)
    if m:
        return f"{_SEASONS[m.group(2)]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return f"Q{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        return f"H{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        return f"week {int(m.group(2))} of {m.group(1)}"
    return None


def human_date(d: dict) -> str:
    """A short label at the date's own precision: "25 July 2017", "July 2017", "2010s", "11–18 July 2017"."""
    precision = d.get("precision", "day")
    special = _special_value_label(str(d.get("value") or ""))
    try:
        start, end = parse_iso(d["start"]), parse_iso(d["end"])
    except (KeyError, TypeError, ValueError):
        return str(d.get("value") or d.get("text") or "undated")
    if special:
        label = special
    elif end > unit_end(start, precision):
        label = _range_label(start, end, precision)
    else:
        label = _unit_label(start, precision)
    if is_approximate(d) and precision != "decade" and not special:
        label = f"c. {label}"
    return label
