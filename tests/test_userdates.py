"""Dates a person types and publication dates given as metadata (bbc_timeline/userdates, temporal/pubdate)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from bbc_timeline.errors import UsageError
from bbc_timeline.temporal import resolve_document_dates
from bbc_timeline.temporal.pubdate import published_value
from bbc_timeline.userdates import iso_value, parse_bound

TODAY = dt.datetime(2017, 8, 15, 12, 0)


@pytest.mark.parametrize(("text", "side", "expected"), [
    ("July 2017", "start", "2017-07-01"),
    ("July 2017", "end", "2017-07-31"),
    ("last month", "start", "2017-07-01"),
    ("last month", "end", "2017-07-31"),
    ("3 weeks ago", "start", "2017-07-25"),
    ("31 July 2017", "end", "2017-07-31"),
    ("yesterday", "start", "2017-08-14"),
    ("2017", "end", "2017-12-31"),
    ("2016-02", "end", "2016-02-29"),
])
def test_typed_dates_are_read_at_their_precision(text: str, side: str, expected: str) -> None:
    assert parse_bound(text, side, today=TODAY) == expected


@pytest.mark.parametrize("text", ["2017-02-30", "2017-13", "the day after the war", "", "12345-01"])
def test_unreadable_typed_dates_are_one_clear_error(text: str) -> None:
    with pytest.raises(UsageError, match="not a date"):
        parse_bound(text, "start", today=TODAY)


def test_iso_input_never_imports_dateparser() -> None:
    code = ("import sys; from bbc_timeline.userdates import parse_bound; parse_bound('2017-07', 'start'); "
            "parse_bound('2017', 'end'); assert 'dateparser' not in sys.modules, 'dateparser imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("raw", "value"), [
    ("2017-07-31", "2017-07-31"),
    ("20170731", "2017-07-31"),
    ("2017-07-31T13:12:00Z", "2017-07-31T13:12"),
    ("Mon, 31 Jul 2017 13:12:00 GMT", "2017-07-31T13:12:00"),
    ("31.07.2017 13:12", "2017-07-31T13:12"),
    ("31 июля 2017", "2017-07-31"),
    ("2017年7月31日", "2017-07-31"),
    ("1 серпня 2017", "2017-08-01"),
])
def test_published_values_in_many_forms(raw: str, value: str) -> None:
    assert published_value(raw) == value


@pytest.mark.parametrize("raw", ["not a date", "2017-02-30", "0000-01-01", "Mon, 31 Ju", "20171301"])
def test_unusable_published_values_give_way_to_other_evidence(raw: str) -> None:
    text = "Headline\n31 July 2017\n\nYesterday the talks ended."
    dates = resolve_document_dates(text, published=raw)
    assert dates.published == "2017-07-31" and dates.basis == "dateline"
    assert dates.note is not None and "used the dateline" in dates.note
    [t] = [t for t in dates.timexes if t.text == "Yesterday"]
    assert t.value == "2017-07-30"


def test_a_dateline_in_another_language() -> None:
    dates = resolve_document_dates("Заголовок\n31 июля 2017\n\nLast week the talks began.")
    assert (dates.published, dates.basis) == ("2017-07-31", "dateline")


def test_iso_values_are_checked_against_the_calendar() -> None:
    assert iso_value("2016-02-29") == "2016-02-29"
    assert iso_value("2017-02-29") is None
    assert iso_value("20171301") is None


@pytest.mark.parametrize(("text", "side", "expected"), [
    ("last Tuesday", "start", "2017-08-08"),
    ("two weeks ago", "start", "2017-08-01"),
    ("31/07/2017", "start", "2017-07-31"),
])
def test_other_wordings_go_to_dateparser(text: str, side: str, expected: str) -> None:
    assert parse_bound(text, side, today=TODAY) == expected


def test_the_common_forms_never_import_dateparser() -> None:
    code = ("import sys; from bbc_timeline.userdates import parse_bound; "
            "[parse_bound(t, 'start') for t in ('July 2017', 'last month', '3 weeks ago', '31 July 2017', "
            "'July 31, 2017', 'yesterday', 'next year')]; assert 'dateparser' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
