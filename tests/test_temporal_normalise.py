"""Normalisation: TIMEX3 values at the right precision, against the right anchor."""

from __future__ import annotations

import pytest

from bbc_timeline.temporal import Timex, tag


def find(text: str, dct: str | None, phrase: str) -> Timex:
    for t in tag(text, dct):
        if t.text == phrase:
            return t
    raise AssertionError(f"{phrase!r} not tagged in {[t.text for t in tag(text, dct)]}")


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "type_", "value", "end_value"),
    [
        # absolute
        ("Signed on July 25, 2017.", "2017-08", "July 25, 2017", "DATE", "2017-07-25", None),
        ("Filed 31.07.2017.", None, "31.07.2017", "DATE", "2017-07-31", None),
        ("In April 2018 it began.", None, "April 2018", "DATE", "2018-04", None),
        ("It fell in 490 BC.", None, "490 BC", "DATE", "BC0490", None),
        ("Relations cooled in the 1990s.", None, "the 1990s", "DATE", "199", None),
        ("It shaped the 20th century.", None, "the 20th century", "DATE", "19", None),
        ("It happened in spring 2016.", None, "spring 2016", "DATE", "2016-SP", None),
        ("The first half of 2016 was calm.", None, "The first half of 2016", "DATE", "2016-H1", None),
        # ranges: one DATE, value is the start
        ("On July 11-18, drills were held.", "2017-08", "July 11-18", "DATE", "2017-07-11", "2017-07-18"),
        ("Sanctions applied from 2014 to 2018.", None, "2014 to 2018", "DATE", "2014", "2018"),
        ("Talks ran between May and June.", "2017-08", "May and June", "DATE", "2017-05", "2017-06"),
        # month without a year takes the DCT's year
        ("In July, the minister visited.", "2017-08", "July", "DATE", "2017-07", None),
        # deictic against the DCT
        ("This year the budget grew.", "2017-07-31", "This year", "DATE", "2017", None),
        ("Protests go on from the ninth of last August.", "2020-10", "the ninth of last August",
         "DATE", "2020-08-09", None),
        ("Until the current October, they marched.", "2020-10", "the current October", "DATE", "2020-10", None),
        ("Trends of the last week: calm.", "2017-07-31", "the last week", "DATE", "2017-W30", None),
        ("It was said yesterday.", "2013-03-22", "yesterday", "DATE", "2013-03-21", None),
        ("The minister spoke on Friday.", "2013-03-22", "Friday", "DATE", "2013-03-22", None),
        ("Four years ago it began.", "2013-03-21", "Four years ago", "DATE", "2009", None),
        ("Profits rose in the third quarter.", "2017-08-10", "the third quarter", "DATE", "2017-Q3", None),
        ("It is due next year.", "2013-03-22", "next year", "DATE", "2014", None),
        # durations
        ("Closed for more than 20 years.", None, "more than 20 years", "DURATION", "P20Y", None),
        ("It lasted about 25 years.", None, "about 25 years", "DURATION", "P25Y", None),
        ("Ending his three-decade rule.", None, "three-decade", "DURATION", "P3DE", None),
        ("In three weeks, much changed.", None, "three weeks", "DURATION", "P3W", None),
        ("Over the past year, ties worsened.", "2017-10-02", "the past year", "DURATION", "P1Y", None),
        ("It grew in the last eight years.", None, "the last eight years", "DURATION", "P8Y", None),
        ("They waited for many years.", None, "many years", "DURATION", "PXY", None),
        ("It took 2 1/2 hours.", None, "2 1/2 hours", "DURATION", "PT2H30M", None),
        ("It took 2 1/2 years.", None, "2 1/2 years", "DURATION", "P2Y6M", None),
        # vague references
        ("Earlier, the minister resigned.", "2017-08", "Earlier", "DATE", "PAST_REF", None),
        ("For now, the plan is frozen.", "2017-08", "now", "DATE", "PRESENT_REF", None),
        ("Patrols run daily.", None, "daily", "SET", "P1D", None),
        # times
        ("Published July 31, 2017 13:12 by staff.", None, "July 31, 2017 13:12", "TIME", "2017-07-31T13:12", None),
        ("It began on Friday afternoon.", "2013-03-22", "Friday afternoon", "TIME", "2013-03-22TAF", None),
    ],
)
def test_values(text, dct, phrase, type_, value, end_value) -> None:
    t = find(text, dct, phrase)
    assert (t.type, t.value, t.end_value) == (type_, value, end_value)


def test_mods() -> None:
    assert find("Closed for more than 20 years.", None, "more than 20 years").mod == "MORE_THAN"
    assert find("Work began in early 2017.", None, "early 2017").mod == "START"
    assert find("Done by mid-July.", "2017-08", "mid-July").mod == "MID"
    assert find("Trade grew until late 2020.", None, "late 2020").mod == "END"


def test_anaphoric_expressions_follow_the_narrative() -> None:
    text = ("On July 25th, 2017, a protocol was signed. On July 7th, 2017, a new chief was named. "
            "The same day, the minister left. Two years later he returned.")
    same = find(text, "2017-07-31", "The same day")
    assert (same.value, same.anchor) == ("2017-07-07", "narrative:2017-07-07")
    later = find(text, "2017-07-31", "Two years later")
    assert later.value == "2019"


def test_deictic_expressions_use_the_dct_and_record_it() -> None:
    text = "In 2013 the plan started. This year it was renewed."
    t = find(text, "2017-07-31", "This year")
    assert (t.value, t.anchor) == ("2017", "dct:2017-07-31")
    assert find(text, "2017-07-31", "2013").anchor == "absolute"


def test_without_dct_everything_relative_follows_the_story() -> None:
    text = "In June 1950 the army crossed. On 25 June it attacked; the next day the capital fell."
    assert find(text, None, "25 June").value == "1950-06-25"
    assert find(text, None, "the next day").value == "1950-06-26"


def test_far_year_aside_does_not_move_the_story() -> None:
    text = "On 12 August 1920 the offensive began, as in 1812. On 21 September the talks opened."
    assert find(text, None, "21 September").value == "1920-09-21"


def test_deterministic_without_today() -> None:
    assert find("It happened last year.", None, "last year").value == "PAST_REF"


def test_year_in_a_name_does_not_move_the_narrative() -> None:
    text = "On June 2, 2021 the talks began. Units joined Northern Star-2019 drills. On May 8-9, they met."
    assert find(text, "2021-06-10", "May 8-9").value == "2021-05-08"


def test_since_date_does_not_move_the_narrative() -> None:
    text = ("The deal was signed on April 20. Roads have been blocked since April 2. "
            "The same day, ministers met.")
    assert find(text, "2022-05-01", "The same day").value == "2022-04-20"


def test_plan_scope_range_does_not_move_the_narrative() -> None:
    text = "On March 4 the ministers signed a plan for 2025-2027. Two days later, they toured a plant."
    assert find(text, "2024-03-20", "Two days later").value == "2024-03-06"


def test_a_week_next_to_a_month_keeps_its_year_and_an_unknown_number() -> None:
    assert find("He spoke last week.", "2021-06", "last week").value == "2021-WXX"
    assert find("He spoke last week.", "2021-01", "last week").value == "XXXX-WXX"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # the clause says the told range closed: its last day
        ("From May 3 until May 9, the Ruritanian drill took place. The same day the drill ended, "
         "Anna Berg left.", "The same day", "2021-05-09"),
        ("The fair ran on May 3-9 in Northland. The same day the talks in Borovia concluded, "
         "the envoy flew home.", "The same day", "2021-05-09"),
        ("From May 3 until May 9, the drill took place. On the final day of the drill, "
         "Anna Berg left.", "the final day", "2021-05-09"),
        # otherwise the same day is the one the story is at: the range's start
        ("From May 3 until May 9, the drill took place. The same day, Anna Berg left.",
         "The same day", "2021-05-03"),
        ("From May 3 until May 9, the drill took place. The same day the minister closed the border.",
         "The same day", "2021-05-03"),
    ],
)
def test_same_day_the_range_ended_is_its_last_day(text: str, phrase: str, value: str) -> None:
    assert find(text, "2021-06-01", phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a forward anaphor after a told range counts from the range's last day
        ("On May 3-5, the Northland border guards exchanged fire. The following day, Ruritania "
         "protested.", "The following day", "2021-05-06"),
        ("From May 3 until May 9, the drill took place. Two days later, Anna Berg left.",
         "Two days later", "2021-05-11"),
        ("From May 3 until May 9, the drill took place. The next morning, Anna Berg left.",
         "The next morning", "2021-05-10TMO"),
        # a backward one still counts from its start
        ("From May 3 until May 9, the drill took place. The previous day, Anna Berg left.",
         "The previous day", "2021-05-02"),
    ],
)
def test_forward_anaphor_after_a_range_counts_from_its_end(text: str, phrase: str, value: str) -> None:
    assert find(text, "2021-06-01", phrase).value == value


def test_restating_a_ranges_start_year_drops_its_end() -> None:
    text = ("The first war (2031-2033)\n\nThe first campaign, in 2031, was led by Anna Berg. "
            "The following year, Northland sent envoys to Ruritania.")
    assert find(text, None, "The following year").value == "2032"


def test_yearless_day_takes_the_year_of_its_phrase() -> None:
    text = "Ruritania saw two coups in 2019, the second of which, on 30 September, brought Anna Berg to power."
    assert find(text, "2022-05", "30 September").value == "2019-09-30"


def test_year_of_another_clause_does_not_date_the_day() -> None:
    text = "Sales fell in 2021, the company said on 3 March."
    assert find(text, "2022-05", "3 March").value == "2022-03-03"


CHRONOLOGY = ("On 4 March 2021, police in Northland seized a boat. The next day, they arrested Anna Berg. "
              "Three weeks later, her partner was arrested in Ruritania.\n\n"
              "In May, prosecutors charged the two.\n\nThe trial\n\n"
              "The trial opened on 12 September. The court adjourned the hearing until October.")


@pytest.mark.parametrize(("phrase", "value"), [("May", "2021-05"), ("12 September", "2021-09-12"),
                                               ("October", "2021-10")])
def test_yearless_months_follow_an_old_chronology_not_the_dct(phrase: str, value: str) -> None:
    assert find(CHRONOLOGY, "2022-08-15", phrase).value == value


def test_one_old_date_is_a_glance_back_not_a_chronology() -> None:
    text = ("Talks broke down after the August 2019 ceasefire.\n\n"
            "Northland had condemned the invasion on Aug. 2, the minister said.")
    assert find(text, "2021-08-15", "Aug. 2").value == "2021-08-02"


def test_a_comparison_with_an_older_date_is_not_a_chronology() -> None:
    text = ("The damage recalls the tanker that cut two cables on Christmas Day 2020. In October 2019, "
            "a pipeline was damaged by an anchor.\n\n"
            "After the tanker incident, the alliance launched a patrol mission in January.")
    assert find(text, "2021-11-26", "January").value == "2021-01"


LEAD = "Vell, Tuesday\n\nOn the morning of March 17, the coast guards of Northland and Ruritania signed a memo.\n\n"


def test_same_day_over_a_year_falls_back_to_the_lead_day() -> None:
    text = (LEAD + "On March 2, a patrol ship detained a boat. Three days later, it was released.\n\n"
            "In the year 2030, the guard recorded 14 cases of boats being detained by foreign ships.\n\n"
            "In the afternoon of the same day, Admiral Anna Berg paid a visit to the minister.")
    assert find(text, "2031-03-18", "the same day").value == "2031-03-17"


def test_next_day_over_a_season_counts_from_the_day_told_last_nearby() -> None:
    text = (LEAD.replace("March 17", "March 17, 2031") +
            "On 6 June 2031, the rebels said their mission in Northland was accomplished. "
            "Their successors arrived in Vell in the spring, and Anna Berg said the next day "
            "that cooperation continues.")
    assert find(text, "2031-07", "the next day").value == "2031-06-07"


def test_same_day_over_a_month_keeps_the_month() -> None:
    text = LEAD + "In October 2030 the envoy fled. His name was crossed out that same day."
    assert find(text, "2031-03-18", "that same day").value == "2030-10"


def test_pluperfect_in_the_storys_year_is_a_flashback() -> None:
    text = ("On 4 March 2031 police seized a boat. Anna Berg had been detained in Vell in February. "
            "The next day, the navy arrested her partner.")
    assert find(text, "2031-08-15", "The next day").value == "2031-03-05"


def test_pluperfect_in_another_year_may_start_a_story() -> None:
    text = ("On Friday the envoy spoke. Anna Berg had fled to Vell in June 2029 and returned later that year.")
    assert find(text, "2031-01-28", "later that year").value == "2029"


def test_duration_after_a_dated_event_is_one_shifted_date() -> None:
    text = "Anna Berg died in a crash two months after her failed revolt of June 2030."
    t = find(text, "2032-05", "two months after her failed revolt of June 2030")
    assert (t.type, t.value) == ("DATE", "2030-08")


def test_duration_after_a_clause_with_a_verb_stays_apart() -> None:
    text = "Talks resumed two months after the rebels seized Vell in June 2030."
    assert find(text, "2032-05", "two months").type == "DURATION"


def test_that_year_is_the_year_told_last_not_the_earlier_narrative() -> None:
    # the pact's date sits in a plan-bearing clause ("is to help") and does not move the narrative,
    # but "that year" still names its year
    text = ("Northland opened a base in Vell in 2017.\n\n"
            "The two countries signed a 10-year defense agreement in Vell on Feb. 8, 2024, under which the "
            "Northland navy is to help protect the coastline of Ruritania. "
            "Parliament approved the deployment in July of that year and ratified it on 3 July of that year. "
            "Later that year, the ships sailed.")
    assert find(text, "2025-03-06", "July of that year").value == "2024-07"
    assert find(text, "2025-03-06", "3 July of that year").value == "2024-07-03"
    assert find(text, "2025-03-06", "Later that year").value == "2024"


def test_that_year_after_a_relative_move_follows_the_narrative() -> None:
    text = "In 2017 Anna Berg left Vell. The following year she returned, and later that year she married."
    assert find(text, None, "later that year").value == "2018"


def test_a_year_earlier_than_a_day_keeps_the_month() -> None:
    text = ("On 6 September 2030, Northland froze the accounts of Anna Berg. "
            "A year earlier, bankers had frozen one account.")
    assert find(text, "2031-05-01", "A year earlier").value == "2029-09"
    assert find("Anna Berg left Vell a year ago.", "2031-05-01", "a year ago").value == "2030"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Vell signed it on 20 of June of 2029.", "20 of June of 2029", "2029-06-20"),
        ("Vell signed it on June 20 of 2029.", "June 20 of 2029", "2029-06-20"),
        ("Northland will build it in the first semester of 2031.", "the first semester of 2031", "2031-H1"),
        ("Northland will build it in the second semestre of 2031.", "the second semestre of 2031", "2031-H2"),
    ],
)
def test_romance_calques(text: str, phrase: str, value: str) -> None:
    assert find(text, "2030-05-01", phrase).value == value


@pytest.mark.parametrize("text", ["Vell, 2029 - 10:45", "Vell, 2019 - 20:45", "Vell met in 2029 - 10 envoys came."])
def test_a_two_digit_number_after_a_year_is_no_range_end(text: str) -> None:
    year = text[6:10] if text[6:10].isdigit() else "2029"
    t = find(text, None, year)
    assert (t.value, t.end_value) == (year, None)


def test_a_two_digit_range_end_may_wrap_a_century() -> None:
    assert find("The 1999-00 season ended.", None, "1999-00").end_value == "2000"


@pytest.mark.parametrize("rel,value", [("before", "2030-02-28"), ("after", "2030-03-06")])
def test_days_before_closing_the_phrase_is_an_offset(rel: str, value: str) -> None:
    text = f"On 3 March 2030 Anna Berg left Vell. Three days {rel}, she had sold her house."
    assert find(text, None, f"Three days {rel}").value == value


def test_a_backward_two_digit_range_end_is_dropped_by_normalise() -> None:
    from bbc_timeline.temporal.normalise import Context, normalise
    from bbc_timeline.temporal.recognise import Candidate

    c = Candidate(0, 9, "2029 - 10", "year", {"y": "2029", "y2": "10"}, {"y": (0, 4), "y2": (7, 9)})
    n = normalise(c, Context(dct=None, narrative=None, text="2029 - 10"))
    assert n is not None and (n.value, n.end_value) == ("2029", None)


def test_slash_date_in_the_body_follows_the_documents_day_first_order() -> None:
    from bbc_timeline.temporal import tag

    text = "Anna Berg arrived on 12 March 2031 and left Ruritania on 04/05/2031."
    t = [x for x in tag(text, "2031-06-01") if x.text == "04/05/2031"][0]
    assert t.value == "2031-05-04"
    assert [x for x in tag("Anna Berg left Ruritania on 04/05/2031.", "2031-06-01")][0].value == "2031-04-05"
