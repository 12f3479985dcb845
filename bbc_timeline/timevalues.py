"""TIMEX3 values and calendar intervals: the one place a value becomes calendar days.

Used by the tagger (``Point``, ``shift``), the resolver (``interval``, ``bounds``), the exports
(``human_label``) and the query side (``display``, ``bounds``). Pure Python, standard library only,
so that a query never imports the writing packages for it.

- ``parse_value``: a TIMEX3 date value ("2017-07-31", "2017-W30", "2017-Q3", "2017-H1",
  "2017-SU", "BC0490", "199" decade, "19" century) as a ``Point``; None for anything else.
- ``bounds``: (first day, last day, precision) of a value, or None when it has no place in the
  proleptic Gregorian calendar of ``datetime`` (BC years, unknown digits, durations).
- ``shift``: a point moved by whole units; ``sort_key``: the order of points by their first day.
- ``interval``: the contract's ``DateValue`` of a value (and a range end).
- ``display`` / ``human_label``: a date object as people read it, never finer than its precision.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bbc_timeline.models import DateValue

# TIMEX3 precisions of a Point, coarse to fine; contract precisions of an interval
PRECISIONS = ("CE", "DE", "Y", "H", "Q", "S", "M", "W", "D")
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
# the months a season spans (winter runs into the next year); "AU" is written for autumn by some tools
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}  # within a year, winter (from December) first


def season_of(month: int) -> str:
    """The season code of a month (northern seasons, as TIMEX3 writes them): 12, 1, 2 are WI."""
    return next(code for code, (a, b) in SEASON_MONTHS.items() if code != "AU" and (a <= month <= b or a <= month + 12 <= b))


SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
MONTH_NAMES = tuple(_calendar.month_name)[1:]  # the C locale's English names


@dataclass(frozen=True)
class Point:
    """A calendar point at a precision: Y, M, D, W (ISO week), Q, H (half), S (season), DE, CE.

    Years are astronomical-ish: 490 BC is -490 (there is no year 0 in the output).
    """

    y: int
    m: int | None = None
    d: int | None = None
    prec: str = "Y"
    sub: str | int | None = None  # week number, quarter, half, season code

    def value(self) -> str:
        y = self.y
        ys = f"BC{-y:04d}" if y < 0 else f"{y:04d}"
        p = self.prec
        if p == "CE":
            return f"BC{(-y) // 100:02d}" if y < 0 else f"{y // 100:02d}"
        if p == "DE":
            return f"BC{(-y) // 10:03d}" if y < 0 else f"{y // 10:03d}"  # 470s BC: y=-479
        if p == "Y":
            return ys
        if p == "M":
            return f"{ys}-{self.m:02d}"
        if p == "D":
            return f"{ys}-{self.m:02d}-{self.d:02d}"
        if p == "W":
            return f"{ys}-W{int(self.sub):02d}"
        if p == "Q":
            return f"{ys}-Q{self.sub}"
        if p == "H":
            return f"{ys}-H{self.sub}"
        if p == "S":
            return f"{ys}-{self.sub}"
        return ys

    def date(self) -> _dt.date | None:
        """The first day of the point (None for BC years)."""
        if self.y < 1:
            return None
        if self.prec == "W" and self.sub:
            try:
                return _dt.date.fromisocalendar(self.y, int(self.sub), 1)
            except ValueError:
                return None
        if self.prec == "Q" and self.sub:
            return _dt.date(self.y, (int(self.sub) - 1) * 3 + 1, 1)
        return _dt.date(self.y, self.m or 1, self.d or 1)

    def at(self, prec: str) -> Point:
        """The same point at a coarser (or equal) precision."""
        if prec == self.prec:
            return self
        d = self.date()
        if prec in ("Y", "DE", "CE"):
            return Point(self.y, prec=prec)
        if d is None:
            return Point(self.y, prec="Y")
        if prec == "M":
            if self.m is None and self.prec not in ("W", "D"):
                return Point(self.y, prec="Y")
            return Point(d.year, d.month, prec="M")
        if prec == "D":
            if self.d is None and self.prec != "W":
                return self
            return Point(d.year, d.month, d.day, "D")
        if prec == "W":
            if self.prec != "D":
                return self
            iy, iw, _ = d.isocalendar()
            return Point(iy, prec="W", sub=iw)
        if prec == "Q":
            if self.m is None:
                return Point(self.y, prec="Y")
            return Point(self.y, prec="Q", sub=(self.m - 1) // 3 + 1)
        return self


_YMD = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_BC_YEAR = re.compile(r"^BC(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def parse_value(value: str | None) -> Point | None:
    """A TIMEX3 date value (any precision) as a Point; None if it is not a calendar value.

    Only the calendar is checked, not the day ("2017-02-30" parses; ``bounds`` refuses it)."""
    if not value:
        return None
    if m := _YMD.match(value):
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        if d:
            return Point(y, int(mo), int(d), "D")
        if mo:
            return Point(y, int(mo), prec="M")
        return Point(y, prec="Y")
    if m := _WEEK.match(value):
        return Point(int(m.group(1)), prec="W", sub=int(m.group(2)))
    if m := _QUARTER.match(value):
        return Point(int(m.group(1)), prec="Q", sub=int(m.group(2)))
    if m := _HALF.match(value):
        return Point(int(m.group(1)), prec="H", sub=int(m.group(2)))
    if m := _SEASON.match(value):
        return Point(int(m.group(1)), prec="S", sub=m.group(2))
    if m := _BC_YEAR.match(value):
        return Point(-int(m.group(1)), prec="Y")
    if m := _DECADE.match(value):
        return Point(int(m.group(1)) * 10, prec="DE")
    return None


# ----------------------------------------------------------------- arithmetic
def shift(p: Point, n: int, unit: str) -> Point:
    """Move a point by n units (D, W, M, Q, Y, DE, CE); the result has the unit's precision
    unless the point is coarser."""
    order = {"CE": 0, "DE": 1, "Y": 2, "H": 3, "Q": 3, "S": 3, "M": 4, "W": 5, "D": 6}
    target = unit
    if order.get(p.prec, 2) < order.get(unit, 2) and not (p.prec == "W" and unit == "D"):
        target = p.prec if p.prec in ("Y", "M", "DE", "CE") else "Y"
    if unit in ("Y", "DE", "CE") or target in ("Y", "DE", "CE"):
        step = {"Y": 1, "DE": 10, "CE": 100}.get(unit, 0)
        if unit in ("M", "Q"):
            step = 0
            months = n * (3 if unit == "Q" else 1)
            if p.m is not None:
                total = p.y * 12 + (p.m - 1) + months
                return Point(total // 12, prec="Y") if target == "Y" else Point(total // 12, total % 12 + 1, prec="M")
            step = round(months / 12)
        if unit in ("D", "W"):
            days = n * (7 if unit == "W" else 1)
            step = round(days / 365)
        y = p.y + step * (n if unit in ("Y", "DE", "CE") else 1)
        if y == 0:
            y = 1 if p.y < 0 else -1
        return Point(y, prec=target if target in ("Y", "DE", "CE") else "Y")
    if unit in ("M", "Q"):
        months = n * (3 if unit == "Q" else 1)
        base_m = p.m or 1
        total = p.y * 12 + (base_m - 1) + months
        np_ = Point(total // 12, total % 12 + 1, prec="M")
        return np_.at("Q") if unit == "Q" else np_
    d = p.date()
    if d is None:
        return p
    days = n * (7 if unit == "W" else 1)
    try:
        nd = d + _dt.timedelta(days=days)
    except OverflowError:
        return Point(10000 if days > 0 else 0, prec="Y")  # off the calendar: no valid value (see valid_value)
    if unit == "W":
        iy, iw, _ = nd.isocalendar()
        return Point(iy, prec="W", sub=iw)
    if target == "M":
        return Point(nd.year, nd.month, prec="M")
    return Point(nd.year, nd.month, nd.day, "D")


def minus(day: _dt.date, amount: float, unit: str) -> _dt.date:
    """The day `amount` units (Y, DE, CE, M, W, D) before `day`, clamped to the calendar's first day.

    Years and months keep the day of the month up to the 28th (every month has it)."""
    years = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
    if years:
        y = day.year - int(round(amount * years))
        return _dt.date(max(1, y), day.month, min(day.day, 28))
    if unit == "M":
        total = day.year * 12 + day.month - 1 - int(amount)
        return _dt.date(total // 12, total % 12 + 1, min(day.day, 28))
    days = int(amount * (7 if unit == "W" else 1))
    return _dt.date.fromordinal(max(1, day.toordinal() - days))


def sort_key(p: Point) -> tuple[int, int, int]:
    """(year, month, day) of a point's first day; an unknown month or day sorts first (0).

    Weeks and quarters sort by their first month (weeks by their Monday); BC years by year."""
    d = p.date()
    if d is None:
        return (p.y, 0, 0)
    return (d.year, p.m or (d.month if p.prec in ("D", "W", "Q") else 0), p.d or 0)


# ----------------------------------------------------------------- intervals
def _month_end(y: int, m: int) -> _dt.date:
    while m > 12:
        y, m = y + 1, m - 12
    return _dt.date(y + m // 12, m % 12 + 1, 1) - _dt.timedelta(days=1)


def bounds(value: str) -> tuple[_dt.date, _dt.date, str] | None:
    """(first day, last day, precision) of a TIMEX3 date value, or None if it has no place in time.

    Precision is the contract's: day, week (an ISO week, Monday to Sunday), month (also quarters,
    halves, seasons), year, decade."""
    try:
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$", value):
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := re.match(r"^(\d{4})-(\d{2})$", value):
            y, mo = int(m[1]), int(m[2])
            return _dt.date(y, mo, 1), _month_end(y, mo), "month"
        if m := re.match(r"^(\d{4})$", value):
            y = int(m[1])
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year"
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return _dt.date(y, 1, 1), _dt.date(y + 9, 12, 31), "decade"
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return _dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "month"
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return _dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "month"
        if m := _SEASON.match(value):
            y, (a, b) = int(m[1]), SEASON_MONTHS[m[2]]
            return _dt.date(y, a, 1), _month_end(y, b), "month"
        if m := _WEEK.match(value):
            monday = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + _dt.timedelta(days=6), "week"
    except (ValueError, OverflowError):
        return None
    return None


def value_at(day: _dt.date, precision: str) -> str:
    """The TIMEX3 value of the calendar unit of `precision` that contains `day`."""
    iso = day.isoformat()
    if precision == "week":
        iy, iw, _ = day.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    return {"day": iso, "month": iso[:7], "year": iso[:4], "decade": iso[:3]}.get(precision, iso)


def unit_end(day: _dt.date, precision: str) -> _dt.date:
    """The last day of the calendar unit of `precision` that contains `day`."""
    b = bounds(value_at(day, precision))
    return b[1] if b else day


def at_precision(value: str, precision: str) -> str:
    """A value cut to a contract precision: "2017-07-31T13:12" at month is "2017-07"."""
    if "T" in value:
        value = value.split("T", 1)[0]
    if precision == "day" and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return value
    if precision == "week" and _WEEK.match(value):
        return value
    if precision == "month" and re.match(r"^\d{4}-\d{2}(?:-\d{2})?$", value):
        return value[:7]
    if precision == "year" and re.match(r"^\d{4}", value):
        return value[:4]
    if precision == "decade" and re.match(r"^\d{3}", value):
        return value[:3]
    return value


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
            kept_end = at_precision(end_value, e[2])
    return DateValue(
        value=at_precision(value, precision),
        start=start.isoformat(),
        end=end.isoformat(),
        precision=precision,
        text=text,
        anchor=anchor,
        end_value=kept_end,
    )


# ----------------------------------------------------------------- labels
def display(date: dict[str, Any]) -> str:
    """A date (the contract's date object) as a compact value: 2017-07, 2017-07-11 – 18, 2020-08-09 – 2020-10."""
    first = date["value"]
    if date.get("precision") == "decade":
        first = f"{first[:3]}0s"
    last = date.get("end_value")
    if not last:
        return first
    if len(first) == 10 and len(last) == 10 and first[:7] == last[:7]:
        return f"{first} – {last[8:]}"
    return f"{first} – {last}"


def unit_label(day: _dt.date, precision: str) -> str:
    """The calendar unit of `precision` holding `day`, in words: "25 July 2017", "July 2017", "2010s"."""
    if precision == "day":
        return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    if precision == "month":
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if precision == "decade":
        return f"{day.year - day.year % 10}s"
    if precision == "week":
        iy, iw, _ = day.isocalendar()
        return f"week {iw} of {iy}"
    return str(day.year)


def range_label(start: _dt.date, end: _dt.date, precision: str, end_precision: str | None = None) -> str:
    """A span in words: "11–18 July 2017", "May–June 2017", "2010 – 2012"; an end known to a
    coarser precision than the start is shown at its own ("25 July 2017 – October 2017")."""
    if end_precision is not None and end_precision != precision:
        return f"{unit_label(start, precision)} – {unit_label(end, end_precision)}"
    if precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}"
        return f"{start.day} {MONTH_NAMES[start.month - 1]} – {end.day} {MONTH_NAMES[end.month - 1]} {start.year}"
    if precision == "month" and start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]}–{MONTH_NAMES[end.month - 1]} {start.year}"
    return f"{unit_label(start, precision)} – {unit_label(end, precision)}"


def special_label(value: str) -> str | None:
    """Words for the values that are no plain calendar unit: seasons, quarters, halves, weeks."""
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
        return f"{SEASON_NAMES[m.group(2)]} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"H{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(m.group(2))} of {m.group(1)}"
    return None


# ----------------------------------------------------------------- validity
# TIMEX3 values (TimeML 1.2.1, the forms the tagger writes): a calendar value with unknown
# digits as X, a reference word, or a duration; a SET is either of the first or third kind
_YEARISH = r"(?:\d{4}|BC\d{4}|XXXX|\d{3}|BC\d{3}|\d{2}|BC\d{2}|\d{3}X|\d{2}XX)"
_DATE_VALUE = re.compile(
    rf"{_YEARISH}"
    r"(?:-(?:(?:\d\d|XX)(?:-(?:\d\d|XX))?|W(?:\d\d|XX)(?:-(?:[1-7]|WE))?|WE|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(?:T(?:(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?|MO|MI|AF|EV|NI|DT))?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF")
_DURATION_VALUE = re.compile(
    r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|ML|WE|Q|H))*(?:T(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+)?")


def valid_value(value: str | None, type_: str = "DATE") -> bool:
    """True for a TIMEX3 value of the type that is also a real calendar value when fully given.

    "2017-02-30", "10000-01", "0000" (there is no year 0) and a week 54 are not."""
    if not value:
        return False
    if type_ == "DURATION":
        return value != "P" and _DURATION_VALUE.fullmatch(value) is not None
    if type_ == "SET" and value.startswith("P"):
        return value != "P" and _DURATION_VALUE.fullmatch(value) is not None
    if _DATE_VALUE.fullmatch(value) is None:
        return False
    if m := re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\dX])", value):
        y, mo, d = int(m[1]), m[2], m[3]
        if y == 0:
            return False
        try:
            _dt.date(y, int(mo) if mo else 1, int(d) if d else 1)
        except ValueError:
            return False
    if m := re.match(r"(\d{4})-W(\d\d)", value):
        try:
            _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return False
    return not value.startswith("BC0000")
