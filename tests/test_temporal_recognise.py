"""Recognition: which spans are temporal expressions, per expression family."""

from __future__ import annotations

import pytest

from bbc_timeline.temporal import tag
from bbc_timeline.temporal.recognise import find_candidates

DCT = "2019-05-20"


def spans(text: str, dct: str | None = DCT) -> list[str]:
    return [t.text for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute dates in common English forms
        ("The deal was signed on March 4, 2019 in Vilnius.", ["March 4, 2019"]),
        ("The deal was signed on March 4th, 2019.", ["March 4th, 2019"]),
        ("It opened on 4 March 2019 after delays.", ["4 March 2019"]),
        ("It opened on the fourth of March 2019.", ["the fourth of March 2019"]),
        ("Filed 04.03.2019 by the clerk.", ["04.03.2019"]),
        ("Filed 2019-03-04 by the clerk.", ["2019-03-04"]),
        ("A ceasefire began in April 2018.", ["April 2018"]),
        # ranges are one expression; prepositions stay outside
        ("Drills took place on May 6-10 near the border.", ["May 6-10"]),
        ("Drills took place on 6-10 May near the border.", ["6-10 May"]),
        ("Sanctions applied from 2014 to 2018.", ["2014 to 2018"]),
        ("Talks ran between June and August.", ["June and August"]),
        # months, seasons, years, decades, quarters
        ("In February, the talks resumed.", ["February"]),
        ("Fighting stopped over the winter.", ["the winter"]),
        ("Elections were held in 2015.", ["2015"]),
        ("Relations cooled in the 1990s.", ["the 1990s"]),
        ("Profits rose in the third quarter.", ["the third quarter"]),
        # parts of periods
        ("Work began in early 2017 and ended by mid-July.", ["early 2017", "mid-July"]),
        ("Trade grew until late 2020.", ["late 2020"]),
        # relative and anaphoric
        ("This year the budget grew; last August it shrank.", ["This year", "last August"]),
        ("They met on 2 May 2019. The same day, a deal was signed.", ["2 May 2019", "The same day"]),
        ("Three weeks later the office closed.", ["Three weeks later"]),
        ("Earlier, the minister resigned.", ["Earlier"]),
        ("For now the plan is frozen.", ["now"]),
        ("At present the plant is idle.", ["present"]),
        # durations
        ("The border was closed for more than 20 years.", ["more than 20 years"]),
        ("It ended his three-decade rule.", ["three-decade"]),
        ("The partnership lasted 12 years.", ["12 years"]),
        ("Over the past year, ties worsened.", ["the past year"]),
        # years inside names are tagged on the digits
        ("The Zapad-2021 exercise was large.", ["2021"]),
        ("The Northern Shield -2018 drill ended.", ["2018"]),
        ("They cited the 1997 Treaty of Friendship.", ["1997"]),
        # sets and times
        ("Patrols run daily along the river.", ["daily"]),
        ("The statement came at 14:30 GMT.", ["14:30 GMT"]),
    ],
)
def test_families(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials may decide to extend the mandate.",  # "may" the verb
        "May I ask a question?",  # sentence-initial modal
        "We will see what happens.",  # "we" is not Wednesday
        "Deputy minister Zhang Jun arrived with the delegation.",  # "Jun" in a name
        "Support fell to 44% among the young.",  # percentages
        "Protesters March on the capital.",  # "March" as a verb
        "The T-1000 and the Su-2000 prototypes were shown.",  # model numbers
        "The MiG-2017 variant was never built.",  # model number with a year-like code
        "Some 1500 soldiers and 2000 tanks were moved.",  # counts, not years
        "It cost $2010 per unit.",  # money
        "A 6-year-old boy was hurt.",  # ages
        "People's Daily published the statement.",  # newspaper name
    ],
)
def test_look_alikes_are_not_tagged(text: str) -> None:
    assert spans(text) == []


def test_offsets_are_exact_and_relative_to_text() -> None:
    text = "Header\nOn July 11-18, drills were held."
    [t] = tag(text, "2017-08")
    assert text[t.start:t.end] == "July 11-18"


def test_start_end_window() -> None:
    text = "In 2010 it began. In 2012 it ended."
    found = find_candidates(text, 18)
    assert [c.text for c in found] == ["2012"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a day and month with "(of) last/this year" keep the day
        ("The envoys met in Vell on 28 November last year.", "28 November last year", "2018-11-28"),
        ("On 17 September this year, Anna Berg was recalled.", "17 September this year", "2019-09-17"),
        ("The pact was signed on 5 May of last year.", "5 May of last year", "2018-05-05"),
        ("The envoys met on November 28 last year in Vell.", "November 28 last year", "2018-11-28"),
        ("The envoys met on November 28 of last year.", "November 28 of last year", "2018-11-28"),
    ],
)
def test_day_and_month_with_a_relative_year(text: str, span: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, DCT)}
    assert found.get(span) == value, found


def test_ordinal_day_after_on_is_a_date() -> None:
    from bbc_timeline.temporal import tag
    text = "The court adjourned the hearing until October 2030, and on the 12th the prosecution called a witness."
    found = {t.text: t.value for t in tag(text, "2031-02")}
    assert found["the 12th"] == "2030-10-12"


def test_ordinal_before_a_noun_is_no_date() -> None:
    from bbc_timeline.temporal import tag
    text = "It was founded on the 12th anniversary of the revolt in Vell."
    assert "the 12th" not in {t.text for t in tag(text, "2031-02")}


def test_a_live_pages_clock_stamps_are_no_years():
    from bbc_timeline.temporal import tag

    live = ("Aid arrives in the capital.\n2102 The UN says flights will resume.\n"
            "1858 Around a dozen television networks will team up for a telethon.\n"
            "Doctors treated hundreds 1541 President Anna Berg says teams will arrive.\n"
            "0915 Rescuers dig through the night.\nIn 2008 storms hit the island.\n")
    assert [t.value for t in tag(live, "2010-01-15")] == ["2008"]


def test_years_opening_the_lines_of_a_history_stay_years():
    from bbc_timeline.temporal import tag

    # close together, as a history's years are: no live page (read as clock times they would be 19:39-19:45)
    hist = ("1939 Germany invaded Poland.\n1944 Allied troops landed.\n1945 Berlin fell.\n"
            "In 1941 the army advanced.\n")
    values = [t.value for t in tag(hist, "2009-05-01")]
    assert "1939" in values and "1941" in values
