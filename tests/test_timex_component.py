"""The bbc_timex spaCy component on spacy.blank("en")."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from bbc_timeline.nlp.timex import COMPONENT, timex_mentions


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe(COMPONENT)
    return nlp


def run(nlp, text: str, dct: str | None = None):
    doc = nlp.make_doc(text)
    if dct:
        doc.user_data["dct"] = dct
    return nlp(doc)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("On July 25, 2017 a protocol was signed.", "2017-07-31", [("July 25, 2017", "DATE", "2017-07-25")]),
        ("On July 11-18, drills were held.", "2017-08", [("July 11-18", "DATE", "2017-07-11")]),
        ("This year the budget grew.", "2017-07-31", [("This year", "DATE", "2017")]),
        ("It lasted more than 20 years.", None, [("more than 20 years", "DURATION", "P20Y")]),
        ("Patrols run daily.", None, [("daily", "SET", "P1D")]),
        ("We may meet Zhang Jun; 44% agree.", "2017-07-31", []),
    ],
)
def test_spans_and_extensions(nlp, text, dct, expected) -> None:
    doc = run(nlp, text, dct)
    got = [(s.text, s._.timex_type, s._.timex_value) for s in doc.spans["timex"]]
    assert got == expected


def test_range_end_value_and_anchor(nlp) -> None:
    doc = run(nlp, "On July 11-18, drills were held.", "2017-08")
    [span] = doc.spans["timex"]
    assert span._.timex_end_value == "2017-07-18"
    assert span._.timex_anchor == "dct:2017-08"


def test_sub_token_timex_keeps_exact_offsets(nlp) -> None:
    text = "The United Shield-2017 drill ended."
    doc = run(nlp, text, "2017-08")
    [m] = timex_mentions(doc, "d1")
    assert (m.start, m.end, m.text, m.value) == (text.index("2017"), text.index("2017") + 4, "2017", "2017")


def test_mentions_are_plain_values_with_offset(nlp) -> None:
    doc = run(nlp, "Earlier, on July 7, 2017, he was named.", "2017-07-31")
    ms = timex_mentions(doc, "doc-1", offset=100)
    assert [(m.kind, m.doc, m.text, m.start) for m in ms] == [
        ("timex", "doc-1", "Earlier", 100), ("timex", "doc-1", "July 7, 2017", 112)]
    assert ms[1].anchor == "absolute"


def test_without_dct_the_component_finds_the_dateline(nlp) -> None:
    doc = run(nlp, "Headline\nMarch 3, 2019 09:41\n\nLast week the talks failed.")
    assert (doc.user_data["published"], doc.user_data["published_basis"]) == ("2019-03-03", "dateline")
    values = {s.text: s._.timex_value for s in doc.spans["timex"]}
    assert values["Last week"] == "2019-W08"
