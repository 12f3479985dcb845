"""Date helpers shared by the export formats: parts, spans and human labels.

Works on the contract's `date` object ({value, start, end, precision, text}) and
never adds precision the date does not have.
"""

from __future__ import annotations

import re
from datetime import date

from bbc_timeline.timevalues import bounds, range_label, special_label, unit_end, unit_label

PRECISIONS = ("day", "week", "month", "year", "decade")

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


def human_date(d: dict) -> str:
    """A short label at the date's own precision: "25 July 2017", "July 2017", "2010s", "11–18 July 2017"."""
    precision = d.get("precision", "day")
    special = special_label(str(d.get("value") or ""))
    try:
        start, end = parse_iso(d["start"]), parse_iso(d["end"])
    except (KeyError, TypeError, ValueError):
        return str(d.get("value") or d.get("text") or "undated")
    ranged = end > unit_end(start, precision)
    end_b = bounds(str(d.get("end_value") or ""))
    end_precision = end_b[2] if end_b is not None else precision  # "until October": the end is a month
    if special:
        own = bounds(str(d.get("value") or ""))  # a season or quarter spans months of its own
        label = f"{special} – {unit_label(end, end_precision)}" if own is not None and end > own[1] else special
    elif ranged:
        label = range_label(start, end, precision, end_precision)
    else:
        label = unit_label(start, precision)
    if is_approximate(d) and precision != "decade" and not special:
        label = f"c. {label}"
    return label
