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
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# --- impossible or invented values ---------------------------------------------------------------

def test_bc_years_in_any_case_are_bc() -> None:
    assert [v for _, v, _ in values("In 3000 bc a city rose; by 500 b.c. it fell; in 44 BC Caesar died.")] == [
        "BC3000", "BC0500", "BC0044"]


def test_a_vague_or_very_long_offset_is_no_year() -> None:
    assert values("It was settled about 2,000 years ago.", "2017-07-31")[0][1] == "PAST_REF"
    assert values("Settled some 300 years earlier.", "2017-07-31")[0][1] == "PAST_REF"
    assert values("Twenty years ago it began.", "2017-07-31")[0][1] == "1997"


def test_model_numbers_are_no_decades() -> None:
    text = "The C-130s landed while F-16s and two MiG-210s flew. In the 1960s and the 890s."
    assert [t for t, _, _ in values(text, "2017-07-31")] == ["the 1960s", "the 890s"]


def test_a_past_sentence_tells_no_year_decades_after_its_writing() -> None:
    found = values("It was settled about 2,000 years ago and was rebuilt 300 years later.", "2017-07-31")
    assert all(not v[:4].isdigit() or int(v[:4]) <= 2067 for _, v, _ in found)


def test_a_history_is_read_against_its_story_even_with_a_document_date() -> None:
    text = ("The war began in 1938. By 1939 it had spread north.\n\n"
            "In 1940 the army crossed the river. In June it took the city, and on 12 August the port.\n\n"
            "In 1941 the siege began. In March the garrison surrendered.")
    found = {t.text: t for t in tag(text, "2009-12-19")}
    assert found["June"].value == "1940-06" and found["June"].anchor.startswith("narrative:")
    assert found["12 August"].value == "1940-08-12"
    assert found["March"].value == "1941-03"


def test_a_report_looking_back_keeps_the_publication_date() -> None:
    # a report (its dates mostly around its writing: "on Tuesday", "last June") that looks back twice
    text = ("The minister said on Tuesday that the plan would go ahead this year. "
            "The last member of the 1953 team died last June. In 2011 the council objected.\n\n"
            "On Feb. 28, the bank released a note. Yesterday, the minister said it would act.")
    found = {t.text: t.value for t in tag(text, "2013-03-21")}
    assert found["last June"] == "2012-06" and found["Feb. 28"] == "2013-02-28"
    assert found["Yesterday"] == "2013-03-20"
