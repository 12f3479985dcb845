"""Publication dates: datelines, metadata, and inference from content."""

from __future__ import annotations

import pytest

from bbc_timeline.temporal import find_dateline, resolve_document_dates


@pytest.mark.parametrize(
    ("text", "value", "matched"),
    [
        ("Army reform stalls\n\nCategory: news\nMarch 3, 2019 09:41\nPhoto: agency\n\nBody text.",
         "2019-03-03T09:41", "March 3, 2019 09:41"),
        ("Ministries in dispute\nNovember 05, 2018 18:02\nФото: agency\n\nBody.", "2018-11-05T18:02",
         "November 05, 2018 18:02"),
        ("Headline here\n05.11.2018\n\nBody text.", "2018-11-05", "05.11.2018"),
        ("Headline here\nPublished: 5 November 2018\n\nBody text.", "2018-11-05", "5 November 2018"),
        ("Headline here\n2018-11-05\n\nBody text.", "2018-11-05", "2018-11-05"),
        # year first with dots (Hungarian, East Asian portals), a trailing dot before the clock time
        ("Vell port deal signed\n\n2031.02.14. 11:32\n\nBody text.", "2031-02-14T11:32", "2031.02.14. 11:32"),
        ("Vell port deal signed\n\n2031. 02. 14.\n\nBody text.", "2031-02-14", "2031. 02. 14"),
        # a label, then a clock time with its zone, then the date
        ("Vell port deal signed\n\nBy Anna Berg\nUpdated 4:12 PM GMT+3, March 6, 2031\n\nBody text.",
         "2031-03-06", "March 6, 2031"),
        ("Vell port deal signed\nPublished 10:05 a.m. EST, 3 March 2031\n\nBody text.", "2031-03-03",
         "3 March 2031"),
    ],
)
def test_datelines(text: str, value: str, matched: str) -> None:
    found = find_dateline(text)
    assert found is not None
    v, start, end, m = found
    assert (v, m) == (value, matched)
    assert text[start:end] == matched


def test_a_date_inside_a_sentence_is_not_a_dateline() -> None:
    assert find_dateline("Headline\n\nThe ministers met on March 3, 2019 in Minsk to sign a deal.") is None


def test_dateline_in_a_later_article_of_the_same_file() -> None:
    text = ("First headline\nMarch 3, 2019 09:41\n\nBody one.\n\nSimilar articles\n\n"
            "Second headline\nApril 9, 2019 10:00\n\nBody two.")
    second = text.index("Second headline")
    found = find_dateline(text, second)
    assert found is not None and found[0] == "2019-04-09T10:00"
    assert found[1] > second


def test_metadata_wins() -> None:
    dates = resolve_document_dates("Headline\nMarch 3, 2019 09:41\n\nLast year it rained.", published="2019-03-05")
    assert (dates.published, dates.basis) == ("2019-03-05", "metadata")
    assert [t.value for t in dates.timexes if t.text == "Last year"] == ["2018"]


def test_dateline_basis_and_dateline_is_a_time_timex() -> None:
    text = "Headline\nMarch 3, 2019 09:41\n\nTrends of the last week: calm."
    dates = resolve_document_dates(text)
    assert (dates.published, dates.basis) == ("2019-03-03", "dateline")
    first = dates.timexes[0]
    assert (first.text, first.type, first.value) == ("March 3, 2019 09:41", "TIME", "2019-03-03T09:41")
    # 2019-03-03 is the Sunday of ISO week 9, so the week before is week 8
    assert [t.value for t in dates.timexes if t.text == "the last week"] == ["2019-W08"]


def test_inferred_month_from_latest_reported_date() -> None:
    text = ("Headline\n\nOn June 2, 2018 the delegation arrived. On July 14, 2018 a memorandum was signed. "
            "The forthcoming Shield-2019 exercise will follow. In June, talks resumed.")
    dates = resolve_document_dates(text)
    assert (dates.published, dates.basis) == ("2018-07", "inferred")
    assert [t.value for t in dates.timexes if t.text == "June"] == ["2018-06"]


def test_inferred_from_deictic_month_and_elapsed_years() -> None:
    text = ("Headline\n\nCooperation has grown in the last six years, since the treaty of 2011. "
            "From the fifth of last May until the current July, strikes continued.")
    dates = resolve_document_dates(text)
    assert (dates.published, dates.basis) == ("2016-07", "inferred")
    values = {t.text: t.value for t in dates.timexes}
    assert values["the fifth of last May"] == "2016-05-05"
    assert values["the current July"] == "2016-07"


def test_no_evidence_means_no_date() -> None:
    dates = resolve_document_dates("Headline\n\nThe ministers met and talked at length.")
    assert (dates.published, dates.basis) == (None, None)


def test_window_offsets_stay_relative_to_the_file() -> None:
    text = "Other article, 1999.\n\nHeadline\nMarch 3, 2019 09:41\n\nIn 2018 it began."
    start = text.index("Headline")
    dates = resolve_document_dates(text, start)
    assert dates.published == "2019-03-03"
    assert all(t.start >= start for t in dates.timexes)
    assert [text[t.start:t.end] for t in dates.timexes] == ["March 3, 2019 09:41", "2018"]


def test_target_year_with_a_modal_is_not_the_date_of_writing() -> None:
    text = ("Ports and pipes\n\nThe current June saw talks. On 3 February 2021 a deal was signed. "
            "Analysts think that by 2035 the port could double its traffic.")
    assert resolve_document_dates(text).published == "2021-06"


def test_year_beside_this_year_puts_writing_after_it() -> None:
    text = ("Navy visits\n\nThe talks of October 4, 2015 were followed by visits in 2015 and this year. "
            "The current October brought a new round.")
    assert resolve_document_dates(text).published == "2016-10"


def test_capitalised_current_month_at_sentence_start() -> None:
    text = "Drills\n\nOn 9 December 2018 talks took place. The current April brought drills."
    assert resolve_document_dates(text).published == "2019-04"


def test_until_closing_a_from_range_is_not_a_future_cue() -> None:
    # the year in the drill's name is evidence: "until" only closes the told range
    text = ("Drills\n\nIn May 2021 a pact was signed. From June 3 until June 20, the drill "
            "\"Blue Harbour-2022\" took place. The current August brought talks.")
    assert resolve_document_dates(text).published == "2022-08"


def test_until_as_a_deadline_still_looks_ahead() -> None:
    text = ("Drills\n\nIn May 2021 a pact was signed. Troops will stay until the drill "
            "\"Blue Harbour-2022\" ends. The current August brought talks.")
    assert resolve_document_dates(text).published == "2021-08"


def test_inferred_by_walking_yearless_months_past_the_new_year() -> None:
    text = ("Northland and Ruritania: a slow thaw\n\n"
            "Between 2 and 6 October 2030, the two armies clashed on the Vell river.\n\n"
            "In November the envoys met in Ostrava. On 12 January the delegations initialled a protocol. "
            "The talks were a repeat of June, critics said. "
            "At the beginning of March, the first joint patrol went out. "
            "The March incident showed how fragile the truce is.")
    dates = resolve_document_dates(text)
    assert (dates.published, dates.basis) == ("2031-03", "inferred")
    values = {t.text: t.value for t in dates.timexes}
    assert values["12 January"] == "2031-01-12"
    assert values["November"] == "2030-11"


def test_walk_ignores_a_flashback_to_an_earlier_month() -> None:
    text = ("Headline\n\nOn 14 July 2029 a memorandum was signed in Vell. "
            "In June, talks resumed. On 3 August the envoys met again.")
    assert resolve_document_dates(text).published == "2029-08"


def test_inferred_from_time_elapsed_since_a_dated_event() -> None:
    text = ("Ruritania after the war\n\n"
            "Eight months after the October fighting, Vell and Ostrava are closer to peace than ever. "
            "Between 2 and 6 October 2030, the two armies clashed on the Vell river.")
    dates = resolve_document_dates(text)
    assert (dates.published, dates.basis) == ("2031-06", "inferred")


def test_elapsed_time_in_the_past_tense_is_not_the_writing_date() -> None:
    text = ("Ruritania after the war\n\n"
            "Two years after the October fighting, Vell signed a treaty. "
            "Between 2 and 6 October 2030, the two armies clashed on the Vell river.")
    assert resolve_document_dates(text).published == "2030-10"


@pytest.mark.parametrize("line", ["Tuesday, 18/3/2031, 14:20 (GMT+7)", "Tue 18/3/2031 14:20 UTC"])
def test_dateline_with_a_weekday_before_and_a_clock_time_after(line: str) -> None:
    found = find_dateline(f"Home / World\n\nNorthland and Ruritania sign a pact\n\n{line}\n\nOn March 17 ...")
    assert found is not None and found[0][:10] == "2031-03-18"


OLD_BACKGROUND = ("Ruritania after the war\n\n"
                  "Envoys of Northland met in Vell in August 2030. Talks failed in March 2029.\n\n")


def test_walk_a_plain_past_month_in_a_new_paragraph_moves_the_story_on() -> None:
    text = OLD_BACKGROUND + "On 6 June, the rebels said their mission was over."
    assert resolve_document_dates(text).published == "2031-06"


def test_walk_a_pluperfect_month_in_a_new_paragraph_is_a_flashback() -> None:
    text = OLD_BACKGROUND + "Anna Berg had already arrived in Vell on 6 June, the rebels said."
    assert resolve_document_dates(text).published == "2030-08"


def test_walk_a_month_naming_an_event_does_not_move_the_story() -> None:
    text = OLD_BACKGROUND + "The council did not meet on the June incident."
    assert resolve_document_dates(text).published == "2030-08"


def test_inferred_from_weeks_elapsed_since_an_undated_event() -> None:
    text = ("Ruritania after the rebels\n\n"
            "Six weeks after the rebels announced their exit, the capital is calm. "
            "Envoys of Northland met in Vell in August 2030.\n\n"
            "On 6 June, the rebels said their mission was over.")
    assert resolve_document_dates(text).published == "2031-07"


def test_an_impossible_year_first_date_is_no_dateline() -> None:
    assert find_dateline("Vell port deal signed\n\n2031.02.30.\n\nBody text.") is None


HEADER_STORY = ("Northland signed the port deal with Ruritania on 2 February 2031.\n\n"
                "In October, the first vessel arrived in Vell.")


def test_a_header_line_date_caps_the_inferred_date() -> None:
    # no dateline (the byline sits before the date), but the article cannot be later than its header
    text = "Ruritania seeks a port\n\nPosted by Anna Berg | 4 March 2031 | 10:00 (local)\n\n" + HEADER_STORY
    assert find_dateline(text) is None
    assert resolve_document_dates(text).published == "2031-03-04"


def test_a_headline_date_without_header_cues_does_not_cap() -> None:
    text = "Northland marks 4 March 2021 anniversary\n\n" + HEADER_STORY
    assert resolve_document_dates(text).published == "2031-10"


@pytest.mark.parametrize(
    "target",
    [
        "An expert said that the deadline of 2034 is ambitious.",
        "The 2034 target looks hard to meet.",
        "Anna Berg said the firm aims to double its output by 2034.",
    ],
)
def test_a_target_year_is_not_the_latest_reported_date(target: str) -> None:
    text = "Northland signed the port deal with Ruritania in March 2031. " + target
    assert resolve_document_dates(text).published == "2031-03"


def test_dateline_with_of_before_the_year() -> None:
    found = find_dateline("Vell and Northland sign a port deal\n\nWednesday, 14 of March of 2029 - 10:45\n\nBody.")
    assert found is not None and found[0] == "2029-03-14"


@pytest.mark.parametrize("cue", ["the licence expires on", "the licence's expiry on", "the licence runs out on",
                                 "the licence lapses on"])
def test_an_expiry_date_is_not_the_writing_date(cue: str) -> None:
    text = ("Vell port deal\n\nOn 3 May 2030 Ruritania signed the deal. "
            f"Anna Berg said little would change before {cue} 7 February 2033.")
    assert resolve_document_dates(text).published == "2030-05"


def test_months_on_counts_from_the_date_just_told() -> None:
    text = ("Ruritania after the landing\n\n"
            "The first envoys of Northland landed in Vell on 25 June 2030, to a capital in ruins. "
            "Eight months on, the mission has grown to 1,000 officers.\n\n"
            "In March, the rebels attacked the port. In November, they attacked it again.")
    assert resolve_document_dates(text).published == "2031-02"


def test_months_on_without_a_date_before_tells_nothing() -> None:
    text = ("Ruritania after the landing\n\n"
            "Eight months on, the mission has grown to 1,000 officers. "
            "The envoys of Northland landed in Vell on 25 June 2030.")
    assert resolve_document_dates(text).published == "2030-06"


def test_weeks_on_without_a_date_before_tells_nothing() -> None:
    text = ("Ruritania after the landing\n\nThe envoys left. Six weeks on, the capital is calm. "
            "Envoys of Northland met in Vell on 6 August 2030.")
    assert resolve_document_dates(text).published == "2030-08"


def test_slash_dateline_reads_day_first_when_the_text_writes_day_first() -> None:
    text = ("Northland port deal\n\nPublished 03/06/2031\n\n"
            "Anna Berg signed the lease on 30 April 2030. The ministry approved it on 1 June.")
    assert find_dateline(text)[0] == "2031-06-03"


def test_slash_dateline_reads_day_first_when_another_slash_date_is_day_first() -> None:
    text = "Northland port deal\n\nPublished 03/06/2031\n\nThe lease was filed on 25/05/2031."
    assert find_dateline(text)[0] == "2031-06-03"


def test_slash_dateline_stays_month_first_by_default() -> None:
    text = ("Northland port deal\n\nPublished 03/06/2031\n\n"
            "Anna Berg signed the lease on April 30, 2030. The ministry approved it on Feb. 1.")
    assert find_dateline(text)[0] == "2031-03-06"
    assert find_dateline("Northland port deal\n\nPublished 03/06/2031\n\nNo dates here.")[0] == "2031-03-06"


def test_inferred_from_weeks_elapsed_since_a_day_named_in_a_long_clause() -> None:
    from bbc_timeline.temporal.pubdate import infer_published

    text = ("Northland dam\n\nFour weeks after the premier, Anna Berg, opened the dam on 9 September 2031, "
            "the ceremony looks like a start.")
    assert infer_published(text) == "2031-10"
