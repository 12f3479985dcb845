"""The terminal bar chart of events over time."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from bbc_timeline.chart import chart_counts, event_chart


def _ev(start: str, precision: str = "day", end: str | None = None) -> dict:
    date = {"value": start, "start": start, "end": end or start, "precision": precision}
    return {"id": start, "date": date,
            "summary": "x", "actors": [], "orgs": [], "sources": []}


EVENTS = [
    _ev("2013-01-05"), _ev("2013-02-01", "month", "2013-02-28"), _ev("2013-02-20"),
    _ev("2014-06-01", "month", "2014-06-30"),
    _ev("2017-07-11", end="2017-07-18"), _ev("2017-07-25"), _ev("2017-07-31"), _ev("2017-08-03"),
    _ev("2016-01-01", "year", "2016-12-31"),
    _ev("2010-01-01", "decade", "2019-12-31"),
]


def render(renderable) -> str:
    console = Console(width=100, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"


def test_chart_by_year():
    expected = """\
          Events per year (10 events)
Year  Events
2013  ██████████████████████████████ 3
2014  ██████████ 1
2015  ·
2016  ██████████ 1
2017  ████████████████████████████████████████ 4
1 event is dated only to a decade and not shown.
"""
    assert render(event_chart(EVENTS, "year")) == expected


def test_chart_by_month_compresses_long_empty_runs():
    expected = """\
                 Events per month (10 events)
Month                Events
Jan 2013             ██████████████ 1
Feb 2013             ███████████████████████████ 2
Mar 2013 – May 2014  ·
Jun 2014             ██████████████ 1
Jul 2014 – Jun 2017  ·
Jul 2017             ████████████████████████████████████████ 3
Aug 2017             ██████████████ 1
2 events are dated only to a year or a decade and not shown.
"""
    assert render(event_chart(EVENTS, "month")) == expected


def test_short_empty_runs_stay_visible_and_title_is_settable():
    events = [_ev("2017-01-02"), _ev("2017-04-09")]
    expected = """\
     Only A
Month     Events
Jan 2017  ████ 1
Feb 2017  ·
Mar 2017  ·
Apr 2017  ████ 1
"""
    assert render(event_chart(events, "month", title="Only A", width=4)) == expected


def test_nothing_to_chart():
    assert render(event_chart([], "year")) == "No events to chart.\n"
    only_decade = [_ev("2010-01-01", "decade", "2019-12-31")]
    assert render(event_chart(only_decade, "year")) == (
        "No events to chart (1 event is dated less precisely than a year).\n"
    )


def test_bad_mode():
    with pytest.raises(ValueError, match="by must be one of"):
        event_chart(EVENTS, "week")


def test_chart_counts_as_data():
    data = chart_counts(EVENTS, "month")
    assert data["by"] == "month" and data["not_shown"] == 2
    assert data["counts"][:3] == [{"period": "2013-01", "count": 1}, {"period": "2013-02", "count": 2},
                                  {"period": "2013-03", "count": 0}]
    assert data["counts"][-1] == {"period": "2017-08", "count": 1}
    assert len(data["counts"]) == 12 * 4 + 8
    assert chart_counts(EVENTS, "year")["counts"][2] == {"period": "2015", "count": 0}
    assert chart_counts([], "year") == {"by": "year", "counts": [], "not_shown": 0}
