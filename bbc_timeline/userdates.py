"""Dates a person types on the command line (--since, --until, --dct): read as calendar bounds.

ISO forms (2017, 2017-07, 2017-07-25) are read here without any import of note.
"""

from __future__ import annotations

import re

from bbc_timeline.errors import UsageError
from bbc_timeline.timevalues import bounds


def parse_bound(text: str, side: str) -> str:
    """A --since/--until value (2017, 2017-07, 2017-07-25) as an inclusive ISO date.

    `side` is "start" (first day of the period) or "end" (last day).
    """
    t = text.strip()
    b = bounds(t) if re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", t) else None
    if b is None:
        raise UsageError(f"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return (b[0] if side == "start" else b[1]).isoformat()
