"""TIMEX3 values as inclusive calendar intervals with a precision (pure, no imports of note)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bbc_timeline.errors import UsageError

if TYPE_CHECKING:
    from bbc_timeline.models import DateValue

# Patterns, not compiled objects: `re` compiles and caches each on first use, so
# a query that parses one --since value does not pay for all of them at import.
_DAY = r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$"
_MONTH = r"^(\d{4})-(\d{2})$"
_YEAR = r"^(\d{4})$"
_DECADE = r"^(\d{3})$"
_QUARTER = r"^(\d{4})-Q([1-4])$"
_HALF = r"^(\d{4})-H([12])$"
_SEASON = r"^(\d{4})-(SP|SU|FA|WI)$"
_WEEK = r"^(\d{4})-W(\d{2})$"
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


def _month_end(y: int, m: int) -> date:
    while m > 12:
        y, m = y + 1, m - 12
    return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)


def value_at(day: date, precision: str) -> str:
    """The TIMEX3 value of the calendar unit of `precision` that contains `day`."""
    iso = day.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4], "decade": iso[:3]}.get(precision, iso)


def unit_end(day: date, precision: str) -> date:
    """The last day of the calendar unit of `precision` that contains `day`."""
    b = bounds(value_at(day, precision))
    return b[1] if b else day


def bounds(value: str) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of a TIMEX3 date value, or None if it has no place in time."""
    try:
        if m := re.match(_DAY, value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := re.match(_MONTH, value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo), "month"
        if m := re.match(_YEAR, value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := re.match(_DECADE, value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade"
        if m := re.match(_QUARTER, value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "month"
        if m := re.match(_HALF, value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "month"
        if m := re.match(_SEASON, value):
            y, (a, b) = int(m[1]), _SEASON_MONTHS[m[2]]
            return date(y, a, 1), _month_end(y, b), "month"
        if m := re.match(_WEEK, value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6), "day"
    except ValueError:
        return None
    return None


def interval(value: str, end_value: str | None = None, text: str = "", anchor: str | None = None) -> DateValue | None:
    """The DateValue of a TIMEX3 value (and optional range end); None for durations and unknowns."""
    from bbc_timeline.models import DateValue

    b = bounds(value)
    if b is None:
        return None
    start, end, precision = b
    kept_end = None
    if end_value:
        e = bounds(end_value)
        if e is not None and e[1] >= start:
            end = e[1]
            kept_end = _at_precision(end_value, e[2])
    return DateValue(
        value=_at_precision(value, precision),
        start=start.isoformat(),
        end=end.isoformat(),
        precision=precision,
        text=text,
        anchor=anchor,
        end_value=kept_end,
    )


def _at_precision(value: str, precision: str) -> str:
    if "T" in value:
        value = value.split("T", 1)[0]
    if precision == "day" and re.match(_DAY, value):
        return value
    if precision == "month" and (re.match(_MONTH, value) or re.match(_DAY, value)):
        return value[:7]
    if precision == "year" and re.match(r"^\d{4}", value):
        return value[:4]
    if precision == "decade" and re.match(r"^\d{3}", value):
        return value[:3]
    return value


def parse_bound(text: str, side: str) -> str:
    """A --since/--until value (2017, 2017-07, 2017-07-25) as an inclusive ISO date.

    `side` is "start" (first day of the period) or "end" (last day).
    """
    t = text.strip()
    b = bounds(t) if re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", t) else None
    if b is None:
        raise UsageError(f"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return (b[0] if side == "start" else b[1]).isoformat()


def display(date: dict[str, Any]) -> str:
    """A date (the contract's date object) as people read it: 2017-07, 2017-07-11 – 18, 2020-08-09 – 2020-10."""
    first = date["value"]
    if date.get("precision") == "decade":
        first = f"{first[:3]}0s"
    last = date.get("end_value")
    if not last:
        return first
    if len(first) == 10 and len(last) == 10 and first[:7] == last[:7]:
        return f"{first} – {last[8:]}"
    return f"{first} – {last}"
