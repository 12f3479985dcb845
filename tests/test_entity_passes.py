"""The entity fixes as ordered passes: each pass on its own, the order as data, word lists as data."""

from __future__ import annotations

import re
from pathlib import Path

import spacy

from bbc_timeline import lexicon
from bbc_timeline.nlp import fixes
from bbc_timeline.nlp.fixes import labels, locations, organisations, people, spans, titles
from bbc_timeline.nlp.fixes.base import Ent

NLP = spacy.blank("en")
PKG = Path(fixes.__file__).resolve().parent.parent.parent


def ents_at(doc, *subs: tuple[str, str]) -> list[Ent]:
    out, pos = [], 0
    for sub, label in subs:
        start = doc.text.index(sub, pos)
        span = doc.char_span(start, start + len(sub))
        out.append(Ent(span.start, span.end, label))
        pos = start + len(sub)
    return out


def texts(doc, ents: list[Ent]) -> list[tuple[str, str]]:
    return [(doc[e.start:e.end].text, e.label) for e in ents]


def test_passes_are_named_functions_in_one_ordered_table():
    names = [name for name, _ in fixes.PASSES]
    assert names[:3] == ["split at line breaks", "trim", "named events"]
    assert names[-1] == "titles"
    assert all(callable(f) for _, f in fixes.PASSES)
    # running no passes leaves the candidates alone
    doc = NLP("Anna Berg spoke.")
    ents = ents_at(doc, ("Anna Berg", "PERSON"))
    assert fixes.run(doc, ents, [], passes=()) == ents


def test_trim_drops_leading_article_and_trailing_junk():
    doc = NLP("the Northland Borders How does it work")
    out = spans.trim(doc, Ent(0, 4, "ORG"))
    assert doc[out.start:out.end].text == "Northland Borders"


def test_split_breaks_keeps_the_longest_part():
    doc = NLP("Wall\n\n\nDeveloping Story Here")
    out = spans.split_breaks(doc, Ent(0, len(doc), "ORG"))
    assert doc[out.start:out.end].text == "Developing Story Here"


def test_named_events_take_the_tokens_of_other_spans():
    doc = NLP("The drills West-2017 began.")
    keep: list = []
    out = spans.take_named_events(doc, ents_at(doc, ("West-2017", "ORG")), keep)
    assert texts(doc, out) == [("West-2017", "EVENT")]


def test_relabel_moves_a_gazetteer_city_to_a_place():
    doc = NLP("He flew to Minsk yesterday.")
    out = labels.relabel(doc, ents_at(doc, ("Minsk", "PERSON"))[0])
    assert out.label == "GPE"


def test_gazetteer_adds_untagged_countries():
    doc = NLP("Trade between Belarus and Poland grew.")
    assert texts(doc, locations.gazetteer(doc, [], [])) == [("Belarus", "GPE"), ("Poland", "GPE")]


def test_company_cue_makes_a_person_span_an_organisation():
    doc = NLP("the shipping company Velmora, which said it would sue.")
    out = organisations.company_cues(doc, ents_at(doc, ("Velmora", "PERSON")))
    assert texts(doc, out) == [("Velmora", "ORG")]


def test_known_surname_spreads_to_untagged_occurrences():
    doc = NLP("Anna Berg arrived. Later Berg spoke.")
    out = people.known_surnames(doc, ents_at(doc, ("Anna Berg", "PERSON")))
    assert ("Berg", "PERSON") in texts(doc, out)


def test_record_titles_moves_a_glued_rank_to_the_titles():
    doc = NLP("Colonel Ivan Petrov arrived.")
    out = titles.record_titles(doc, ents_at(doc, ("Colonel Ivan Petrov", "PERSON")))
    assert texts(doc, out) == [("Ivan Petrov", "PERSON")] and out[0].titles == ["Colonel"]


def test_word_lists_are_data_files():
    for name in ("ranks", "offices", "honorifics", "title_modifiers", "org_nouns", "countries", "cities",
                 "trailing_junk", "facility_nouns", "given_names"):
        assert (Path(lexicon.__file__).parent / "en").glob(f"{name}.*"), name
    assert "colonel" in lexicon.ordered("ranks") and "ministry" in lexicon.table("org_nouns")
    assert "Belarus" in lexicon.table("countries")


def test_no_module_of_nlp_or_resolve_spells_out_a_month_or_a_title():
    months = "|".join(lexicon.table("months"))
    words = re.compile(rf'"(?:{months}|colonel|lieutenant|ambassador|spokesman|ministry|afghanistan|kyiv)"',
                       re.IGNORECASE)
    for sub in ("nlp", "resolve/names.py", "resolve/orgs.py", "resolve/places.py", "resolve/entities.py"):
        root = PKG / "bbc_timeline" / sub
        for path in ([root] if root.is_file() else root.rglob("*.py")):
            assert not words.search(path.read_text(encoding="utf-8")), path


def test_an_outlet_introduced_as_such_is_an_organisation():
    doc = NLP("the independent news outlet Kolokol, which first reported the story.")
    out = organisations.company_cues(doc, ents_at(doc, ("Kolokol", "PERSON")))
    assert texts(doc, out) == [("Kolokol", "ORG")]
