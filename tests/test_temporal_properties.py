"""Property-based tests of the date recogniser and normaliser (hypothesis).

Random mixes of month names, numbers, weekdays, relative words, BC years and years 0-9999,
against random document dates including the calendar's edges, never raise and always give
TIMEX3 values that are real calendar values, offsets that slice to the text, and ranges
that do not run backwards.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bbc_timeline.temporal import resolve_document_dates, tag
from bbc_timeline.timevalues import bounds, valid_value

WORDS = [
    "January", "February", "May", "June", "July", "December", "Jan.", "Sept", "Monday", "Friday", "Sunday",
    "ago", "last", "next", "this", "that", "the same day", "the following day", "the previous year",
    "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "century", "BC", "B.C.",
    "AD", "in", "on", "of", "the", "since", "until", "between", "and", "to", "-", "–", ",", ".", "/",
    "early", "late", "mid-", "spring", "winter", "Q3", "the first half of", "the 1990s", "'90s",
    "yesterday", "today", "tomorrow", "tonight", "last night", "a", "two", "three", "twenty-one",
    "about", "more than", "later", "earlier", "before", "after", "will", "was", "had", "said",
    "st", "th", "at", "10:30", "p.m.", "GMT", "fiscal", "quarter", "the 20th century", "week 30",
    "Christmas", "New Year's Day", "\n\n", "  ",
]
numbers = st.integers(min_value=0, max_value=99999).map(str)
years = st.integers(min_value=0, max_value=9999).map(lambda y: f"{y:04d}" if y > 999 or y % 3 else str(y))
tokens = st.one_of(st.sampled_from(WORDS), numbers, years,
                   st.integers(0, 9999).map(lambda y: f"{y} BC"),
                   st.tuples(st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)).map(
                       lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),
                   st.tuples(st.integers(0, 40), st.integers(0, 13), st.integers(0, 9999)).map(
                       lambda t: f"{t[0]}.{t[1]:02d}.{t[2]}"))
texts = st.lists(tokens, min_size=1, max_size=25).map(" ".join)
EDGE_DATES = [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2016, 2, 29), dt.date(2000, 2, 29),
              dt.date(1900, 3, 1), dt.date(2017, 7, 31)]
dcts = st.one_of(st.none(), st.sampled_from(EDGE_DATES), st.dates()).map(
    lambda d: None if d is None else d.isoformat())
dct_values = st.one_of(dcts, dcts.map(lambda v: v and v[:7]), dcts.map(lambda v: v and v[:4]))

SETTINGS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, timexes) -> None:
    last_end = -1
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end, "overlapping expressions"
        last_end = t.end
        assert valid_value(t.value, t.type), (t.text, t.type, t.value)
        if t.end_value is not None:
            assert valid_value(t.end_value, t.type), (t.text, t.end_value)
            a, b = bounds(t.value), bounds(t.end_value)
            if a is not None and b is not None:
                assert a[0] <= b[1], (t.text, t.value, t.end_value)


@SETTINGS
@given(texts, dct_values)
def test_tagging_never_raises_and_gives_timex3_values(text: str, dct: str | None) -> None:
    _check(text, tag(text, dct))


@SETTINGS
@given(texts, st.integers(0, 30), st.integers(0, 30))
def test_tagging_a_slice_keeps_offsets_in_the_text(text: str, a: int, b: int) -> None:
    start, end = min(a, len(text)), max(min(b, len(text)), min(a, len(text)))
    found = tag(text, None, start, end)
    assert all(start <= t.start and t.end <= end for t in found)
    _check(text, found)


@settings(SETTINGS, max_examples=100)
@given(texts, st.one_of(dcts, st.sampled_from(["not a date", "2017-02-30", "20170731", "10000-01-01",
                                                 "Mon, 31 Jul 2017 13:12:00 GMT", ""])))
def test_document_dates_never_raise(text: str, published: str | None) -> None:
    dates = resolve_document_dates(text, published=published)
    if dates.published is not None:
        assert bounds(dates.published[:10]) is not None, dates.published
    _check(text, dates.timexes)
