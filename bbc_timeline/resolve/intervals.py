"""The resolver's calendar names: TIMEX3 values as intervals come from ``bbc_timeline.timevalues``.

Kept so that the resolver modules import their calendar helpers from one place in their package;
the logic lives (once) in ``bbc_timeline.timevalues``, which the query side imports directly.
"""

from __future__ import annotations

from bbc_timeline.timevalues import PRECISION_RANK, bounds, interval, minus, unit_end, value_at

__all__ = ["PRECISION_RANK", "bounds", "interval", "minus", "unit_end", "value_at"]
