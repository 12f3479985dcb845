"""Tense-aware anchoring: bare months and weekdays, trailing years, elapsed times, clock readings.

All examples are invented; each case names the general rule it checks.
"""

from __future__ import annotations

import pytest

from bbc_timeline.temporal import Timex, tag
from bbc_timeline.temporal.tense import tense_of


def find(text: str, dct: str | None, phrase: str) -> Timex:
    for t in tag(text, dct):
        if t.text == phrase:
            return t
    raise AssertionError(f"{phrase!r} not tagged in {[t.text for t in tag(text, dct)]}")


def tense(text: str, phrase: str) -> int:
    i = text.index(phrase)
    return tense_of(text, i, i + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The ministers will meet in April.", "April", 1),
        ("The report is due to be published in May.", "May", 1),
        ("The vote would be held on June 3 and 4.", "June 3", 1),
        ("The fair is scheduled for October.", "October", 1),
        ("The plant was closed in April.", "April", -1),
        ("Prices have fallen since March.", "March", -1),
        ("The coupon is payable Dec. 7 to holders.", "Dec. 7", 1),
        ("Officials had filed their reports by Wednesday.", "Wednesday", -1),
        # a participle in a future verb group is not a past tense
        ("The pilot will be named commander for a flight in December.", "December", 1),
        # a past verb after the date is what the date modifies
        ("The owner on Thursday agreed to sell the shop.", "Thursday", -1),
        ("The market is quiet in August.", "August", 0),
    ],
)
def test_tense_cues(text: str, phrase: str, expected: int) -> None:
    assert tense(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        # future clause: the next occurrence, across the new year
        ("Leaders will gather for a summit in April.", "1998-12-05", "April", "1999-04"),
        ("The talks would be held in Oslo on April 24 and 25.", "1999-02-10", "April 24 and 25", "1999-04-24"),
        ("The guide is due to be published in May.", "2013-03-22", "May", "2013-05"),
        ("The exhibition is set to run through June.", "2013-03-22", "June", "2013-06"),
        ("The board decided to admit new members in early March.", "1999-02-10", "early March", "1999-03"),
        # past clause: the previous occurrence
        ("The factory closed in October.", "2013-03-22", "October", "2012-10"),
        ("The plant was shut in late November.", "2000-01-06", "late November", "1999-11"),
        # no tense cue: the nearest occurrence, biased to the past
        ("Found adrift in late November, the boat is now in port.", "2000-01-06", "late November", "1999-11"),
        # deadlines and due dates look ahead
        ("The dividend is payable Jan. 2 to holders of record Dec. 15.", "1989-11-02", "Jan. 2", "1990-01-02"),
        ("The dividend is payable Jan. 2 to holders of record Dec. 15.", "1989-11-02", "Dec. 15", "1989-12-15"),
        ("The court told him to stay until March 6.", "2000-01-15", "March 6", "2000-03-06"),
    ],
)
def test_bare_month_year_follows_tense(text: str, dct: str, phrase: str, value: str) -> None:
    assert find(text, dct, phrase).value == value


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        ("Fans will march in the capital on Saturday.", "2000-01-07", "Saturday", "2000-01-08"),
        ("Protesters planned a rally on Saturday.", "2000-01-07", "Saturday", "2000-01-08"),
        ("The crew met the mayor on Thursday.", "2000-01-07", "Thursday", "2000-01-06"),
        # a possessive weekday reports an event, whatever the clause says
        ("Lawyers would look for ways around Wednesday's ruling.", "2000-01-07", "Wednesday", "2000-01-05"),
    ],
)
def test_weekday_direction(text: str, dct: str, phrase: str, value: str) -> None:
    assert find(text, dct, phrase).value == value


def test_month_takes_the_year_later_in_its_phrase() -> None:
    text = "She still remembers that April morning in 2009 when the bridge fell."
    t = find(text, "2013-03-22", "that April")
    assert (t.value, t.anchor) == ("2009-04", "absolute")


def test_years_on_is_a_duration_not_a_date() -> None:
    text = "Now, 40 years on from the first ascent, the route is busy."
    t = find(text, "2013-03-22", "40 years")
    assert (t.type, t.value) == ("DURATION", "P40Y")


@pytest.mark.parametrize(
    ("text", "phrase", "type_", "value"),
    [
        ("She won the hill race in 2:41:07 on a wet course.", "2:41:07", "DURATION", "PT2H41M7S"),
        ("He posted a time of 1:05:30 in the trial.", "1:05:30", "DURATION", "PT1H5M30S"),
        ("The relay lasted 101:20:00 in total.", "101:20:00", "DURATION", "PT101H20M"),
        # a plausible clock reading with "at" stays a time
        ("The alarm went off at 4:15:20 that night.", "4:15:20", "TIME", "2013-03-22T04:15:20"),
    ],
)
def test_elapsed_times(text: str, phrase: str, type_: str, value: str) -> None:
    t = find(text, "2013-03-22", phrase)
    assert (t.type, t.value) == (type_, value)


def test_clock_reading_takes_a_following_weekday() -> None:
    text = "The fire started at about 9:40 a.m. (0640 GMT) Tuesday, officials said."
    assert find(text, "2004-06-10", "9:40 a.m.").value == "2004-06-08T09:40"


def test_clock_reading_follows_the_day_named_in_its_paragraph() -> None:
    text = "On Tuesday a storm hit the coast. Power failed at 11:20 p.m. across the region."
    assert find(text, "2004-06-10", "11:20 p.m.").value == "2004-06-08T23:20"


def test_clock_reading_in_a_new_paragraph_uses_the_dct() -> None:
    text = "On Tuesday a storm hit the coast.\n\nThe shelter opens at 11:20 p.m. tonight."
    assert find(text, "2004-06-10", "11:20 p.m.").value == "2004-06-10T23:20"


def test_year_ago_in_a_quarterly_report_is_that_quarter() -> None:
    text = ("Acme's third-quarter profit rose 8%.\n\n"
            "Net was $5 million, up from $4 million a year ago.")
    assert find(text, "2011-10-20", "a year ago").value == "2010-Q3"


def test_a_plan_a_little_ahead_does_not_move_the_story() -> None:
    text = ("In January 1975 the army took the valley, hoping to be ready for a campaign planned for 1976. "
            "On 11 March the offensive began.")
    assert find(text, None, "11 March").value == "1975-03-11"


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        # a past verb with an infinitive, in a sentence dated by its own date, plans a later time
        ("On February 20, the ministers met in Borovia and agreed to hold drills in September.", "2023-03-14",
         "September", "2023-09"),
        # ... the next such month after that date
        ("On 5 May 2021, Northland and Ruritania agreed to hold talks in September.", "2023-03-14",
         "September", "2021-09"),
        # an object may stand between the verb and its infinitive
        ("On May 2, Anna Berg invited him to visit Ruritania in April.", "2023-05-10", "April", "2024-04"),
        ("On July 3 the council urged Northland to sign the pact in June.", "2023-07-10", "June", "2024-06"),
        # without a date of its own the month may date the agreement: the nearest one
        ("Northland agreed to sell its stake to Ruritania in October.", "2013-03-22", "October", "2012-10"),
        # "to" before a noun phrase is a preposition: a past event
        ("They invited guests to the gala in April.", "2023-05-10", "April", "2023-04"),
    ],
)
def test_month_after_a_verb_of_planning_is_the_next_one(text: str, dct: str, phrase: str, value: str) -> None:
    assert find(text, dct, phrase).value == value


def test_object_before_the_infinitive_is_not_a_past_cue() -> None:
    assert tense("Anna Berg invited him to visit Ruritania in April.", "April") == 0
