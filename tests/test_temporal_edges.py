"""Dates at the calendar's edges and hostile text: skipped or degraded, never fatal, never quadratic."""

from __future__ import annotations

import json
import subprocess
import sys

from bbc_timeline.temporal import tag
from bbc_timeline.temporal.recognise import find_candidates


def values(text: str, dct: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.end_value) for t in tag(text, dct)]


def test_an_impossible_day_is_no_value() -> None:
    assert all(v != "2017-02-30" for _, v, _ in values("It was signed on 2017-02-30. It ended.", None))
    assert values("Filed 30.02.2017 and 29 February 2017.", None) == []


def test_a_month_after_the_last_dct_is_no_year_10000() -> None:
    for text in ("In January they met.", "In January they will meet.", "Next year it ends.", "Tomorrow it rains."):
        for _, v, _ in values(text, "9999-12-31"):
            assert not v.startswith("10000"), (text, v)
    assert values("Yesterday it rained.", "0001-01-01") == [("Yesterday", "PAST_REF", None)]


def test_a_backwards_day_range_keeps_only_its_start() -> None:
    [(text, value, end)] = values("Talks ran 12-10 May 2017.")
    assert value == "2017-05-12" and end is None


def test_extract_with_the_last_dct_of_the_calendar(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("In January they will meet. Next year the pact ends. Tomorrow it rains.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "bbc_timeline", "extract", str(f), "--dct", "9999-12-31"],
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["value"] for r in rows if r["kind"] == "timex"] == ["FUTURE_REF"] * 3


def test_long_whitespace_runs_are_not_scanned() -> None:
    text = (" " * 5000 + "in the 20th century ") * 40
    found = find_candidates(text)
    assert [c.text for c in found].count("the 20th century") == 40


def test_digit_dot_runs_read_no_dates() -> None:
    assert [c.start for c in find_candidates("12." * 3000)] == [8991]  # only the run's last three numbers
    assert [c.text for c in find_candidates("on 12.10.2017 and 12.10.2017.5")] == ["12.10.2017"]


def test_many_dates_keep_reading_order_and_do_not_overlap() -> None:
    text = "".join(f"On {d % 28 + 1} May {1990 + d % 30} talks resumed. " for d in range(2000))
    found = find_candidates(text)
    assert len(found) == 2000
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
