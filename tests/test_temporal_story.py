"""Which dates move the narrative anchor that "the same day" and "two days later" count from.

All examples are invented; each case names the general rule it checks.
"""

from __future__ import annotations

import pytest

from bbc_timeline.temporal import tag


def value_of(text: str, dct: str | None, phrase: str) -> str:
    found = [t.value for t in tag(text, dct) if t.text == phrase]
    assert found, f"{phrase!r} not tagged"
    return found[-1]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a planned date later in the sentence does not move the story
        ("On February 3, Anna Berg met the Ruritanian envoy and agreed to hold talks in September. "
         "Two days later, she flew to Northland.", "Two days later", "2023-02-05"),
        ("On March 4 the ministers met. They will hold drills in July. The same day, the envoy left.",
         "The same day", "2023-03-04"),
        # a later date of the sentence before the one framing it is a flashback
        ("Last week the Northland parliament ratified the treaty signed in December. "
         "The same day, Anna Berg called the envoy.", "The same day", "2023-W10"),
        # a relative clause telling an earlier happening is a flashback too
        ("On March 8 the Northland parliament met. The treaty, signed last December, was ratified. "
         "The same day, Anna Berg called the envoy.", "The same day", "2023-03-08"),
        # a later date that follows the frame moves the story on
        ("On March 6 the talks began and on March 8 they ended. The same day, the envoy left.",
         "The same day", "2023-03-08"),
        # future clauses still count from the plan
        ("Talks will open on June 3. Two days later the leaders will sign a pact.",
         "Two days later", "2023-06-05"),
    ],
)
def test_only_the_framing_date_moves_the_story(text: str, phrase: str, value: str) -> None:
    assert value_of(text, "2023-03-14", phrase) == value


def test_a_date_modifying_a_noun_in_a_future_clause_still_moves_the_story() -> None:
    # the quarter is what the report covers, not when a plan happens
    text = "Ruritania Corp. said it expects to report a third-quarter loss. A year earlier, it earned $2 million."
    assert value_of(text, "1989-11-02", "A year earlier") == "1988-Q3"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a backward anaphor glances back; the story stays where it was
        ("On 30 January 2031, the president dismissed Anna Berg. The previous autumn, a scandal had "
         "broken in Vell. A week later, she was appointed envoy to Ruritania.", "A week later", "2031-02-06"),
        # a season in a relative clause is a flashback like a month
        ("On 30 January 2031, the Northland parliament met. The treaty, signed in autumn 2030, was "
         "ratified. The same day, Anna Berg called the envoy.", "The same day", "2031-01-30"),
        # a reduced relative clause ("a scandal uncovered in ...") is a flashback too
        ("On 30 January 2031, the president dismissed Anna Berg. Critics linked the decision to a "
         "scandal uncovered in December 2030. A week later, she was appointed envoy.", "A week later",
         "2031-02-06"),
        ("On 30 January 2031, the president dismissed Anna Berg. Critics linked the decision to a "
         "scandal uncovered in autumn 2030. A week later, she was appointed envoy.", "A week later",
         "2031-02-06"),
        # but a participle that is the main verb moves the story
        ("On 30 January 2031, the president dismissed Anna Berg. Talks with the rebels ended on "
         "12 December 2030. The same day, Ruritania closed the border.", "The same day", "2030-12-12"),
    ],
)
def test_glances_back_do_not_move_the_story(text: str, phrase: str, value: str) -> None:
    assert value_of(text, "2031-06-01", phrase) == value
