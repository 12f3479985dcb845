"""A terminal bar chart of event counts per year or per month (a Rich renderable)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, NamedTuple

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

BY = ("year", "month")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Precisions fine enough to place an event in one bucket of each mode.
_PLACEABLE = {"year": ("day", "week", "month", "year"), "month": ("day", "week", "month")}
BAR = "█"
GAP = "·"


def _bucket(date: dict[str, Any], by: str) -> int | None:
    """The bucket index (a year, or year*12+month-1) of a date's start; None if too coarse."""
    start = date.get("start") or ""
    if date.get("precision") not in _PLACEABLE[by] or len(start) < 7:
        return None
    year, month = int(start[:-6]), int(start[-5:-3])
    return year if by == "year" else year * 12 + month - 1


class Buckets(NamedTuple):
    """Event counts per bucket, and how many events are too coarse for a bucket."""

    counts: Counter[int]
    coarse: int

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.coarse


def buckets_from_starts(rows: Any, by: str) -> Buckets:
    """Buckets from (date start, precision, count) rows: what the store counts in SQL (Store.event_starts)."""
    counts: Counter[int] = Counter()
    coarse = 0
    for start, precision, n in rows:
        key = _bucket({"start": start, "precision": precision}, by)
        if key is None:
            coarse += n
        else:
            counts[key] += n
    return Buckets(counts, coarse)


def _buckets(events: list[dict[str, Any]] | Buckets, by: str) -> Buckets:
    if isinstance(events, Buckets):
        return events
    dates = [ev.get("date") or {} for ev in events]
    return buckets_from_starts(((d.get("start") or "", d.get("precision"), 1) for d in dates), by)


def _label(key: int, by: str) -> str:
    return str(key) if by == "year" else f"{MONTH_ABBR[key % 12]} {key // 12}"


def _rows(counts: Counter[int], min_gap: int) -> list[tuple[int, int, int]]:
    """(first key, last key, count) from first to last bucket; `min_gap`+ empty buckets make one row."""
    keys = range(min(counts), max(counts) + 1)
    rows: list[tuple[int, int, int]] = []
    run: list[int] = []
    for key in keys:
        if counts[key]:
            if run:
                rows += [(run[0], run[-1], 0)] if len(run) >= min_gap else [(k, k, 0) for k in run]
                run = []
            rows.append((key, key, counts[key]))
        else:
            run.append(key)
    return rows


def chart_counts(events: list[dict[str, Any]] | Buckets, by: str = "year") -> dict[str, Any]:
    """The chart's numbers as plain data: every period from the first to the last, and the unplaced count."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    counts, coarse = _buckets(events, by)
    periods = range(min(counts), max(counts) + 1) if counts else range(0)
    iso = (lambda k: str(k)) if by == "year" else (lambda k: f"{k // 12:04d}-{k % 12 + 1:02d}")
    return {
        "by": by,
        "counts": [{"period": iso(k), "count": counts[k]} for k in periods],
        "not_shown": coarse,
    }


def event_chart(
    events: list[dict[str, Any]] | Buckets,
    by: str = "year",
    *,
    title: str | None = None,
    width: int = 40,
    min_gap: int = 3,
) -> RenderableType:
    """Bars of event counts per year or month, with empty periods shown (long empty runs compressed).

    Events less precise than the bucket (a decade in year mode, a year in month mode) are
    counted in a note, not spread over buckets they may not belong to.
    """
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    counts, coarse = _buckets(events, by)
    if not counts:
        noun = "event is" if coarse == 1 else "events are"
        note = f" ({coarse} {noun} dated less precisely than a {by})" if coarse else ""
        return Text(f"No events to chart{note}.")
    peak = max(counts.values())
    table = Table(
        title=title or f"Events per {by} ({sum(counts.values()) + coarse} events)",
        box=None, pad_edge=False, show_edge=False, header_style="bold", title_style="bold",
    )
    table.add_column(by.capitalize(), no_wrap=True)
    table.add_column("Events", no_wrap=True)
    for first, last, count in _rows(counts, min_gap):
        if first != last:
            label = f"{_label(first, by)} – {_label(last, by)}"
            table.add_row(Text(label, style="dim"), Text(GAP, style="dim"))
            continue
        bar = Text(BAR * math.ceil(count / peak * width), style="cyan") if count else Text(GAP, style="dim")
        table.add_row(_label(first, by), bar + Text(f" {count}" if count else ""))
    if not coarse:
        return table
    coarser = "a decade" if by == "year" else "a year or a decade"
    noun = "event is" if coarse == 1 else "events are"
    return Group(table, Text(f"{coarse} {noun} dated only to {coarser} and not shown.", style="dim"))
