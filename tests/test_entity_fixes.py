"""The entity-fixing component on a blank pipeline, with entities set by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bbc_timeline.nlp.entities import COMPONENT, EntityFixer, entity_mentions

NLP = spacy.blank("en")


def make_doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc with the given (substring, label) entities, each at its first occurrence after the previous."""
    doc = NLP(text)
    spans, pos = [], 0
    for sub, label in ents:
        start = text.index(sub, pos)
        span = doc.char_span(start, start + len(sub), label=label)
        assert span is not None, sub
        spans.append(span)
        pos = start + len(sub)
    doc.ents = spans
    return doc


def fixed(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = EntityFixer(NLP)(make_doc(text, ents))
    return [(e.text, e.label_, tuple(e._.titles)) for e in doc.ents]


def test_rank_glued_to_a_name_becomes_a_title():
    assert fixed("Colonel-General Li Wei arrived.", [("Colonel-General Li Wei", "PERSON")]) == [
        ("Li Wei", "PERSON", ("Colonel-General",))
    ]


def test_rank_tagged_as_org_is_dropped_and_office_after_as_is_kept():
    text = "The president appointed Major-General Ivan Petrov as Deputy Chairman of the State Customs Committee."
    out = fixed(text, [("Major-General", "ORG"), ("Ivan Petrov", "PERSON"), ("the State Customs Committee", "ORG")])
    assert out == [
        ("Ivan Petrov", "PERSON", ("Major-General", "Deputy Chairman of the State Customs Committee")),
        ("State Customs Committee", "ORG", ()),
    ]


def test_office_in_apposition_before_the_name():
    text = "Thus, the commander of the Border Guard of Poland, Jan Nowak, said so."
    out = fixed(text, [("the Border Guard of Poland", "ORG"), ("Jan Nowak", "PERSON")])
    assert ("Jan Nowak", "PERSON", ("commander of the Border Guard of Poland",)) in out


def test_fixed_title_complement_is_not_an_organisation():
    text = "US Secretary of State John Smith said it."
    out = fixed(text, [("US", "GPE"), ("State", "ORG"), ("John Smith", "PERSON")])
    assert out == [("US", "GPE", ()), ("John Smith", "PERSON", ("Secretary of State",))]


def test_title_before_a_name_belongs_to_that_name_only():
    text = "He met Anna Berg, President Tom Lane and others."
    out = fixed(text, [("Anna Berg", "PERSON"), ("Tom Lane", "PERSON")])
    assert out == [("Anna Berg", "PERSON", ()), ("Tom Lane", "PERSON", ("President",))]


def test_lower_case_rank_word_is_not_a_title():
    text = "So the general Jan Nowak was there."
    assert fixed(text, [("Jan Nowak", "PERSON")]) == [("Jan Nowak", "PERSON", ())]


@pytest.mark.parametrize(
    "text, ent, expected",
    [
        ("Talks with Kiev stalled.", ("Kiev", "PERSON"), ("Kiev", "GPE")),
        ("Minsk ensures safety.", ("Minsk", "ORG"), ("Minsk", "GPE")),
        ("Relations with Ukrainian forces.", ("Ukrainian", "GPE"), ("Ukrainian", "NORP")),
        ("During the Russo-Polish drill.", ("the Russo-Polish", "EVENT"), ("Russo-Polish", "NORP")),
        ("In Eastern European affairs.", ("Eastern European", "LOC"), ("Eastern European", "NORP")),
        ("A grant from the Rivers Ministry today.", ("Rivers Ministry", "PERSON"), ("Rivers Ministry", "ORG")),
    ],
)
def test_labels_fixed_from_word_lists(text, ent, expected):
    assert [(t, label) for t, label, _ in fixed(text, [ent])] == [expected]


def test_fragment_across_a_line_break_keeps_the_heading_part():
    text = "Poland behind the Great Wall\n\n\nDeveloping ties with Poland."
    out = fixed(text, [("the Great Wall\n\n\nDeveloping", "EVENT")])
    assert [e[:2] for e in out if e[1] == "EVENT"] == [("Great Wall", "EVENT")]


def test_trailing_junk_and_headline_common_word():
    text = "China on Russia's Borders How does it matter? Troops stay near the borders."
    assert [e for e in fixed(text, [("Borders How", "ORG")]) if e[1] == "ORG"] == []
    assert fixed("Acme Holdings How it grew", [("Acme Holdings How", "ORG")]) == [("Acme Holdings", "ORG", ())]


def test_doubled_words_possessive_and_quotes():
    out = fixed("Head of the the Ministry of Finance.", [("the the Ministry of Finance", "ORG")])
    assert out == [("Ministry of Finance", "ORG", ())]
    assert fixed("Vladimir Ivanov’s plan.", [("Vladimir Ivanov’s", "PERSON")]) == [("Vladimir Ivanov", "PERSON", ())]
    text = "Guards in the industrial park “Silver Lake”, they said."
    assert fixed(text, [("“Silver Lake", "EVENT")]) == [("Silver Lake", "FAC", ())]


def test_label_fixed_by_a_rule_spreads_to_the_same_name():
    text = "In the “Silver Lake” industrial park. Later, the “Silver Lake” grew."
    out = fixed(text, [("the “Silver Lake", "WORK_OF_ART"), ("the “Silver Lake", "EVENT")])
    assert [label for _, label, _ in out] == ["FAC", "FAC"]


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("the forthcoming “Zapad-2021” exercises", [], "Zapad-2021"),
        ("training “Joint Shield -2019” with", [("Joint Shield", "WORK_OF_ART")], "Joint Shield -2019"),
        ("The Northern Star-2015 drill ended.", [], "Northern Star-2015"),
    ],
)
def test_named_events(text, ents, expected):
    out = fixed(text, ents)
    assert (expected, "EVENT", ()) in out


def test_months_are_not_named_events():
    assert fixed("On July-2017 they met.", []) == []


def test_org_of_org_and_org_of_country_are_one_name():
    text = "Head of the Political Department of the the Ministry of Defence and the Ministry of Health of the Republic of Poland."
    out = fixed(text, [("the Political Department", "ORG"), ("the the Ministry of Defence", "ORG"),
                       ("the Ministry of Health", "ORG"), ("the Republic of Poland", "GPE")])
    assert [t for t, _, _ in out] == ["Political Department of the the Ministry of Defence",
                                      "Ministry of Health of the Republic of Poland"]


def test_adjectives_coordinated_inside_one_org_name():
    text = "The State Military and Industrial Committee of Ruritania signed it with Acme and Beta Corporation."
    out = fixed(text, [("The State Military", "ORG"), ("Industrial Committee of Ruritania", "ORG"),
                       ("Acme", "ORG"), ("Beta Corporation", "ORG")])
    assert [t for t, _, _ in out] == ["State Military and Industrial Committee of Ruritania", "Acme",
                                      "Beta Corporation"]


def test_abbreviation_in_brackets_after_an_org():
    text = "a member of the Eurasian Development Bank (EDB), said"
    out = fixed(text, [("the Eurasian Development Bank", "ORG")])
    assert ("EDB", "ORG", ()) in out


def test_untagged_known_places_are_added():
    out = fixed("relations between Minsk and Kyiv have cooled", [])
    assert [(t, label) for t, label, _ in out] == [("Minsk", "GPE"), ("Kyiv", "GPE")]


def test_factory_registered_and_mentions_use_file_offsets():
    nlp = spacy.blank("en")
    nlp.add_pipe(COMPONENT)
    doc = make_doc("Later, Colonel-General Li Wei met them on May 5.", [("Colonel-General Li Wei", "PERSON"),
                                                                     ("May 5", "DATE")])
    doc = nlp.get_pipe(COMPONENT)(doc)
    mentions = entity_mentions(doc, "doc-1", offset=100)
    assert len(mentions) == 1
    m = mentions[0]
    assert (m.doc, m.kind, m.type, m.text, m.titles) == ("doc-1", "entity", "PERSON", "Li Wei", ("Colonel-General",))
    assert (m.start, m.end) == (100 + doc.text.index("Li Wei"), 100 + doc.text.index("Li Wei") + 6)


def test_office_after_the_name_with_a_country_adjective():
    text = "Jan Nowak, the Polish defence minister, said so."
    assert fixed(text, [("Jan Nowak", "PERSON")])[0] == ("Jan Nowak", "PERSON", ("defence minister",))


def test_rank_run_before_a_name_tagged_org_makes_a_person():
    out = fixed("They met Field Marshal Omar Dessouki there.", [("Field Marshal Omar Dessouki", "ORG")])
    assert out == [("Omar Dessouki", "PERSON", ("Field Marshal",))]


def test_one_title_like_word_before_a_name_stays_an_org():
    out = fixed("He joined General Dynamics in May.", [("General Dynamics", "ORG")])
    assert out == [("General Dynamics", "ORG", ())]


def test_known_surname_is_a_person_elsewhere_with_its_given_names():
    text = ("Minister Petra Kowalczyk spoke on Monday. Kowalczyk said it was late. "
            "Later, Anna-Maria Kowalczyk left.")
    out = fixed(text, [("Petra Kowalczyk", "PERSON"), ("Kowalczyk", "ORG")])
    names_ = [(t, lab) for t, lab, _ in out]
    assert ("Kowalczyk", "PERSON") in names_
    assert ("Anna-Maria Kowalczyk", "PERSON") in names_


def test_bare_person_takes_the_given_name_written_before_it():
    out = fixed("The envoy of Chile Tomas Arbeloa arrived.", [("Chile", "GPE"), ("Arbeloa", "PERSON")])
    assert ("Tomas Arbeloa", "PERSON", ("envoy of Chile",)) in out


def test_person_in_a_list_of_places_is_a_place():
    text = "Patrols started in Lyon, Vetrino and Dorsk on Monday."
    out = fixed(text, [("Lyon", "GPE"), ("Vetrino", "PERSON"), ("Dorsk", "PERSON")])
    assert [(t, lab) for t, lab, _ in out] == [("Lyon", "GPE"), ("Vetrino", "GPE"), ("Dorsk", "GPE")]


def test_award_with_of_the_is_not_a_person():
    out = fixed("He received the Order of the Golden Lynx.", [("Order of the Golden Lynx", "PERSON")])
    assert out == []


def test_person_before_a_facility_noun_is_a_facility():
    out = fixed("Jets landed at the Al-Qasr air bases.", [("Al-Qasr", "PERSON")])
    assert [(t, lab) for t, lab, _ in out] == [("Al-Qasr", "FAC")]


def test_plural_noun_opening_a_sentence_is_not_a_person():
    assert fixed("Economists expect growth.", [("Economists", "PERSON")]) == []


def test_place_span_ending_in_an_org_head_is_an_org():
    out = fixed("He met the head of the Pacific Rim Command there.", [("Pacific Rim Command", "GPE")])
    assert [(t, lab) for t, lab, _ in out] == [("Pacific Rim Command", "ORG")]


def test_untagged_name_after_an_office_with_complements_is_a_person():
    text = "Later, Deputy Minister of Transport of Moldova Ion Botnaru held talks in Kyiv."
    out = fixed(text, [("Moldova", "GPE"), ("Kyiv", "GPE")])
    assert ("Ion Botnaru", "PERSON", ("Deputy Minister of Transport of Moldova",)) in out


def test_one_word_org_that_is_an_adjective_or_part_of_a_title_is_dropped():
    text = "Finance Minister Ana Lopes backed a union of Baltic states."
    out = fixed(text, [("Finance", "ORG"), ("Ana Lopes", "PERSON"), ("Baltic", "ORG")])
    assert out == [("Ana Lopes", "PERSON", ("Finance Minister",))]


def test_untagged_two_word_name_after_met_or_death_of_is_a_person():
    text = "Later she met Bo Lindqvist there, a year after the death of Aino Kask in a crash."
    out = fixed(text, [])
    assert out == [("Bo Lindqvist", "PERSON", ()), ("Aino Kask", "PERSON", ())]


def test_office_with_untagged_complement_or_in_apposition_is_a_title():
    text = "It was opened by Minister of Public Works Ana Lopes and the Minister of Defence of Northland, Major-General Ivan Petrov."
    out = fixed(text, [("Ana Lopes", "PERSON"), ("Northland", "GPE"), ("Ivan Petrov", "PERSON")])
    assert ("Ana Lopes", "PERSON", ("Minister of Public Works",)) in out
    assert ("Ivan Petrov", "PERSON", ("Minister of Defence of Northland", "Major-General")) in out


def test_office_in_apposition_before_a_rank_is_a_title():
    text = "Then the Deputy Defence Minister, Colonel-General Ivan Petrov, landed."
    out = fixed(text, [("Ivan Petrov", "PERSON")])
    assert out == [("Ivan Petrov", "PERSON", ("Deputy Defence Minister", "Colonel-General"))]
