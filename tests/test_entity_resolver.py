"""Entity resolution over plain Mentions (no spaCy): invented names, general rules."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bbc_timeline.models import Mention
from bbc_timeline.resolve import orgs
from bbc_timeline.resolve.aliases import AliasConfig, AliasGroup, load_aliases
from bbc_timeline.resolve.entities import resolve_entities

REPO = Path(__file__).resolve().parents[1]


def mentions(*docs: tuple[str, list]) -> list[Mention]:
    """Mentions for (doc id, [(text, label) or (text, label, titles)]) with made-up increasing offsets."""
    out = []
    for doc, items in docs:
        pos = 0
        for item in items:
            text, label, *rest = item
            out.append(Mention(doc, "entity", pos, pos + len(text), text, label, titles=tuple(rest[0]) if rest else ()))
            pos += len(text) + 10
    return out


def by_name(res, etype=None):
    return {e.name: e for e in res.entities if etype is None or e.type == etype}


def test_bare_surname_refers_back_within_a_document():
    res = resolve_entities(mentions(("a", [("Ivan Petrov", "PERSON"), ("Petrov", "PERSON"), ("Putnik", "PERSON")])))
    people = by_name(res, "person")
    assert people["Ivan Petrov"].mentions == 2
    assert "Putnik" in people
    assert res.canonical[("a", 21, 27)] == "Ivan Petrov"


def test_transliteration_variants_merge_across_documents_with_evidence():
    res = resolve_entities(mentions(
        ("a", [("Aliaksei Barysenka", "PERSON"), ("Barysenka", "PERSON")]),
        ("b", [("Alexei Barysenko", "PERSON"), ("Barysenko", "PERSON"), ("Barysenko", "PERSON"), ("Barysenko", "PERSON")]),
        ("c", [("Barysenka", "PERSON")]),
    ))
    people = by_name(res, "person")
    assert list(people) == ["Alexei Barysenko"]  # fullest form, in the most used spelling
    e = people["Alexei Barysenko"]
    assert e.mentions == 7 and e.id == "person:alexei-barysenko"
    assert set(e.aliases) >= {"Aliaksei Barysenka", "Barysenka", "Alexei Barysenko", "Barysenko"}
    assert any("-enka/-enko" in line for line in e.evidence)


def test_vowel_alternation_needs_agreeing_given_names():
    res = resolve_entities(mentions(("a", [("Mikalai Kavalenka", "PERSON")]), ("b", [("Nikolai Kovalenko", "PERSON")]),
                                    ("c", [("Pavel Kovalenko", "PERSON")])))
    people = by_name(res, "person")
    assert len(people) == 2
    assert any("vowel alternation" in line for e in people.values() for line in e.evidence)


def test_bare_surname_alone_joins_the_unique_full_name_elsewhere():
    res = resolve_entities(mentions(("a", [("Olga Sadovskaya", "PERSON")]), ("b", [("Sadovskaya", "PERSON")])))
    assert [e.name for e in res.entities] == ["Olga Sadovskaya"]


def test_ambiguous_bare_surname_stays_apart():
    res = resolve_entities(mentions(("a", [("Anna Lind", "PERSON")]), ("b", [("Erik Lind", "PERSON")]),
                                    ("c", [("Lind", "PERSON")])))
    assert sorted(e.name for e in res.entities) == ["Anna Lind", "Erik Lind", "Lind"]


def test_two_people_with_one_surname_in_one_document():
    res = resolve_entities(mentions(("a", [("Anna Berg", "PERSON"), ("Berg", "PERSON"), ("Maria Berg", "PERSON"),
                                           ("Berg", "PERSON")])))
    people = by_name(res, "person")
    assert people["Anna Berg"].mentions == 2 and people["Maria Berg"].mentions == 2


def test_surname_first_names_and_titles():
    res = resolve_entities(mentions(("a", [("Colonel-General Li Wei", "PERSON"), ("Li", "PERSON")]),
                                    ("b", [("Li Wei", "PERSON", ["commander of the Border Guard"])])))
    e = by_name(res, "person")["Li Wei"]
    assert e.mentions == 3
    assert e.titles == ("Colonel-General", "commander of the Border Guard")
    assert "Colonel-General Li Wei" in e.aliases


def test_majority_type_wins_so_places_are_not_people():
    res = resolve_entities(mentions(("a", [("Grodno", "PERSON"), ("Grodno", "GPE")]), ("b", [("Grodno", "GPE")])))
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [("place", "Grodno", 3)]


def test_place_spelling_variants():
    res = resolve_entities(mentions(("a", [("Kiev", "GPE")]), ("b", [("Kyiv", "GPE"), ("the PRC", "GPE"),
                                                                     ("China", "GPE")])))
    places = by_name(res, "place")
    assert places["Kyiv"].mentions == 2 and places["China"].mentions == 2


def test_organisation_forms_merge():
    res = resolve_entities(mentions(
        ("a", [("the Polish Interior Ministry", "ORG"), ("the Ministry of Internal Affairs", "ORG")]),
        ("b", [("Ministry of Internal Affairs of Poland", "ORG"), ("Security Council State Secretariat", "ORG"),
               ("the State Secretariat", "ORG"), ("Security Council", "ORG")]),
    ))
    org = by_name(res, "org")
    assert org["Ministry of Internal Affairs of Poland"].mentions == 3
    assert org["Security Council State Secretariat"].mentions == 2
    assert org["Security Council"].mentions == 1
    assert any("Interior ↔ Internal Affairs" in line for line in org["Ministry of Internal Affairs of Poland"].evidence)


def test_part_is_not_merged_with_the_whole():
    res = resolve_entities(mentions(("a", [("Internal Troops of the Ministry of Internal Affairs of Poland", "ORG"),
                                           ("Ministry of Internal Affairs of Poland", "ORG")])))
    assert len(res.entities) == 2


def test_abbreviation_in_brackets_and_lone_head_noun():
    ms = [Mention("a", "entity", 0, 25, "Eurasian Development Bank", "ORG"),
          Mention("a", "entity", 27, 30, "EDB", "ORG"),
          Mention("a", "entity", 50, 62, "the Alliance", "ORG"),
          Mention("a", "entity", 70, 79, "Ruritanian", "NORP")]
    res = resolve_entities(ms)
    assert [(e.name, e.mentions) for e in res.entities] == [("Eurasian Development Bank", 2)]
    assert res.canonical[("a", 50, 62)] == "" and res.canonical[("a", 70, 79)] == ""


def test_named_events():
    res = resolve_entities(mentions(("a", [("Zapad-2021", "EVENT"), ("Zapad -2021", "EVENT")]),
                                    ("b", [("Zapad-2021", "EVENT"), ("Zapad", "EVENT")])))
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [("event", "Zapad-2021", 4)]


def test_user_aliases_merge_and_keep_apart():
    ms = mentions(("a", [("Ivan Petrov", "PERSON"), ("Vanya", "PERSON")]),
                  ("b", [("Anna Lind", "PERSON")]), ("c", [("A. Lind", "PERSON")]))
    assert len(resolve_entities(ms).entities) == 3
    config = AliasConfig(same=(AliasGroup(("Ivan Petrov", "Vanya"), "person"),),
                         distinct=(AliasGroup(("Anna Lind", "A. Lind")),))
    res = resolve_entities(ms, config)
    assert sorted((e.name, e.mentions) for e in res.entities) == [("A. Lind", 1), ("Anna Lind", 1), ("Ivan Petrov", 2)]


def test_load_aliases(tmp_path):
    assert load_aliases(None).empty and load_aliases(tmp_path / "missing.toml").empty
    assert load_aliases(REPO / "data" / "aliases.toml").empty  # the shipped file has examples only
    good = tmp_path / "a.toml"
    good.write_text('[[same]]\nnames = ["Ivan Petrov", "Vanya"]\ntype = "person"\n', encoding="utf-8")
    assert load_aliases(good).same == (AliasGroup(("Ivan Petrov", "Vanya"), "person"),)
    bad = tmp_path / "bad.toml"
    bad.write_text("[[same]\nnames = [", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml"):
        load_aliases(bad)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[same]]\nnames = ["only one"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="wrong.toml.*at least two"):
        load_aliases(wrong)


def test_ids_are_unique_and_every_mention_has_a_canonical_entry():
    res = resolve_entities(mentions(("a", [("Lind", "PERSON"), ("Lind", "ORG"), ("Ruritanian", "NORP")]),
                                    ("b", [("Lind", "PERSON"), ("Jan Lind", "PERSON"), ("Erik Lind", "PERSON")])))
    ids = [e.id for e in res.entities]
    assert len(ids) == len(set(ids))
    assert len(res.canonical) == 6


def test_scales_roughly_linearly():
    def run(n_docs: int) -> float:
        docs = []
        for d in range(n_docs):
            docs.append((f"d{d}", [(f"Given{d % 50} Surname{d}", "PERSON"), (f"Surname{d}", "PERSON"),
                                   (f"Ministry of Thing{d}", "ORG"), ("Kyiv", "GPE"), (f"Surname{d - 1}", "PERSON")]))
        ms = mentions(*docs)
        t = time.perf_counter()
        resolve_entities(ms)
        return time.perf_counter() - t

    small, large = run(200), run(1600)
    assert large < max(small, 0.01) * 8 * 3  # 8x the input, well under quadratic growth (64x)


def test_name_tagged_as_org_or_place_that_is_a_known_person():
    res = resolve_entities(
        mentions(
            ("a", [("Olga Sadovskaya", "PERSON"), ("Olga", "GPE")]),
            ("b", [("Sadovskaya", "ORG"), ("Warsaw", "GPE")]),
        )
    )
    assert sorted((e.type, e.name, e.mentions) for e in res.entities) == [
        ("person", "Olga Sadovskaya", 3),
        ("place", "Warsaw", 1),
    ]
    assert any("given name" in line for line in res.entities[0].evidence)


def test_bare_variant_surname_explains_the_transliteration():
    res = resolve_entities(mentions(("a", [("Timur Bulayev", "PERSON"), ("Bulaev", "PERSON")])))
    e = by_name(res, "person")["Timur Bulayev"]
    assert e.mentions == 2
    assert any("shorter form" in line and "-yev/-ev" in line for line in e.evidence)


def test_nationality_adjective_and_title_is_no_person():
    res = resolve_entities(mentions(("a", [("Latvian Minister", "PERSON"), ("Anna Berg", "PERSON"),
                                           ("Latvian", "NORP"), ("Latvian", "NORP")])))
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [("person", "Anna Berg", 1)]


def test_nationality_adjective_is_never_retyped_as_a_given_name():
    res = resolve_entities(mentions(("a", [("Dane Holm", "PERSON"), ("Dane", "NORP")])))
    assert [(e.name, e.mentions) for e in res.entities] == [("Dane Holm", 1)]


def test_dotless_i_spelling_variant_joins_the_person():
    res = resolve_entities(mentions(("a", [("Emre Kılınç", "PERSON"), ("Kilinc", "ORG")])))
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [("person", "Emre Kılınç", 2)]


def test_place_spellings_with_and_without_dotless_i_are_one_place():
    res = resolve_entities(mentions(("a", [("Kırbelen", "GPE")]), ("b", [("Kirbelen", "GPE")])))
    assert [(e.type, e.mentions) for e in res.entities] == [("place", 2)]


# ------------------------------------------------------------------ two people with one surname
def _two_bergs(*later):
    """A profile of General Piet Berg that also names President Tomas Berg, then the given mentions."""
    return resolve_entities(mentions(("a", [
        ("Piet Berg", "PERSON", ("General",)), ("Piet Berg", "PERSON"),
        ("Tomas Berg", "PERSON", ("President",)), *later])))


def test_a_titled_surname_goes_to_the_full_name_with_that_title():
    res = _two_bergs(("Berg", "PERSON", ("President",)), ("Berg", "PERSON", ("Lieutenant-General",)))
    tomas, piet = res.canonical[("a", 58, 62)], res.canonical[("a", 72, 76)]
    assert (tomas, piet) == ("Tomas Berg", "Piet Berg")


def test_an_untitled_surname_goes_to_the_most_named_person_not_the_nearest():
    res = _two_bergs(("Berg", "PERSON"))
    assert res.canonical[("a", 58, 62)] == "Piet Berg"
    assert by_name(res, "person")["Tomas Berg"].mentions == 1


def test_an_untitled_surname_goes_to_the_nearest_when_both_are_named_as_often():
    res = resolve_entities(mentions(("a", [("Piet Berg", "PERSON"), ("Tomas Berg", "PERSON"), ("Berg", "PERSON")])))
    assert res.canonical[("a", 39, 43)] == "Tomas Berg"


def test_a_relative_named_twice_later_does_not_take_the_surname_from_the_one_named_first():
    # the father is named first; his relative twice, later: a "Berg" right after the father is the father
    res = resolve_entities(mentions(("a", [("Tomas Berg", "PERSON"), ("Berg", "PERSON"),
                                           ("Piet Berg", "PERSON"), ("Piet Berg", "PERSON")])))
    assert res.canonical[("a", 20, 24)] == "Tomas Berg"


def test_full_names_with_different_given_names_never_join():
    from bbc_timeline.resolve.entities import _Clusters

    uf = _Clusters(3)
    uf.add_given(0, "Berg", "Piet")
    uf.add_given(1, "Berg", "Tomas")
    uf.add_given(2, "Berg", "P.")
    assert uf.union(0, 1) is False
    assert uf.union(0, 2) is True  # an initial agrees
    uf2 = _Clusters(2)
    uf2.add_given(0, "Barysenka", "Aliaksandr")
    uf2.add_given(1, "Barysenko", "Alexander")
    assert uf2.union(0, 1) is True


def test_transliterated_given_names_still_join_across_documents():
    res = resolve_entities(mentions(("a", [("Aliaksandr Dubko", "PERSON"), ("Dubko", "PERSON")]),
                                    ("b", [("Alexander Dubko", "PERSON")])))
    assert [e.mentions for e in by_name(res, "person").values()] == [3]


def test_person_made_of_title_words_only_is_no_person():
    res = resolve_entities(mentions(("a", [("Extraordinary", "PERSON", ("Ambassador",)), ("Anna Berg", "PERSON")])))
    assert [e.name for e in res.entities] == ["Anna Berg"]


def test_two_word_org_ending_in_a_surname_of_the_document_is_that_person():
    res = resolve_entities(mentions(("a", [("Lenar Dubko", "ORG"), ("State Committee", "ORG"), ("Dubko", "PERSON")]),
                                    ("b", [("Korva Dubko", "ORG")])))
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [
        ("person", "Lenar Dubko", 2), ("org", "State Committee", 1), ("org", "Korva Dubko", 1)]


def test_bracketed_abbreviation_joins_the_name_before_it_even_when_letters_differ():
    from bbc_timeline.resolve import orgs

    ms = [Mention("a", "entity", 0, 33, "State Committee for Home Security", "ORG"),
          Mention("a", "entity", 35, 39, "DKNB", "ORG", titles=(orgs.BRACKETED,)),
          Mention("a", "entity", 50, 64, "Border Service", "ORG"),
          Mention("a", "entity", 66, 70, "NATO", "ORG")]  # "Border Service, NATO": a list, not brackets
    res = resolve_entities(ms)
    assert [(e.name, sorted(e.aliases), e.titles) for e in res.entities] == [
        ("State Committee for Home Security", ["DKNB", "State Committee for Home Security"], ()),
        ("Border Service", ["Border Service"], ()), ("NATO", ["NATO"], ())]


def test_known_place_with_one_place_mention_wins_over_a_person_majority():
    res = resolve_entities(mentions(("a", [("Nairobi", "PERSON"), ("Nairobi", "PERSON"), ("Nairobi", "GPE")])))
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [("place", "Nairobi", 3)]


def test_gazetteer_city_is_never_a_person():
    res = resolve_entities(mentions(("a", [("Lusaka", "PERSON")])))
    assert [(e.type, e.name) for e in res.entities] == [("place", "Lusaka")]


def test_untitled_one_word_person_with_a_place_mention_is_a_place():
    res = resolve_entities(mentions(("a", [("Dorvik", "PERSON"), ("Dorvik", "PERSON"), ("Dorvik", "GPE")]),
                                    ("b", [("Anna Salmo", "PERSON"), ("Salmo", "PERSON"), ("Salmo", "PERSON"),
                                           ("Salmo", "GPE")])))
    assert {(e.type, e.name) for e in res.entities} == {("place", "Dorvik"), ("person", "Anna Salmo")}


def test_last_words_of_a_longer_name_are_its_short_form():
    res = resolve_entities(mentions(("a", [("Tran Thi Mai Linh", "PERSON"), ("Mai Linh", "PERSON", ["Ms."])])))
    people = by_name(res, "person")
    assert list(people) == ["Tran Thi Mai Linh"] and people["Tran Thi Mai Linh"].mentions == 2


def test_countryless_org_joins_another_documents_country_only_if_named_there():
    apart = resolve_entities(mentions(("a", [("Ministry of Mines", "ORG"), ("Peru", "GPE")]),
                                      ("b", [("Chilean Ministry of Mines", "ORG")])))
    assert len(by_name(apart, "org")) == 2
    joined = resolve_entities(mentions(("a", [("Ministry of Mines", "ORG"), ("Chile", "GPE")]),
                                       ("b", [("Chilean Ministry of Mines", "ORG")])))
    assert list(by_name(joined, "org")) == ["Chilean Ministry of Mines"]


def test_name_with_a_generic_ending_and_the_bare_name_are_one_org():
    res = resolve_entities(mentions(("a", [("Northwind", "ORG"), ("the Northwind Group", "ORG"), ("Northwind", "ORG")])))
    orgs_ = by_name(res, "org")
    assert list(orgs_) == ["Northwind Group"] and orgs_["Northwind Group"].mentions == 3


def test_native_name_in_brackets_is_the_org_everywhere():
    from bbc_timeline.resolve import orgs

    ms = [Mention("a", "entity", 0, 14, "Court of Peru", "ORG"),
          Mention("a", "entity", 16, 25, "Hoge Raad", "ORG", titles=(orgs.BRACKETED,)),
          Mention("a", "entity", 60, 69, "Hoge Raad", "PERSON")]
    res = resolve_entities(ms)
    assert [(e.type, e.name, e.mentions) for e in res.entities] == [("org", "Court of Peru", 3)]


def test_an_acronym_the_model_once_calls_a_place_stays_an_organisation():
    res = resolve_entities(mentions(("a", [("NORTHCOM", "ORG"), ("NORTHCOM", "PERSON"), ("NORTHCOM", "GPE"),
                                           ("NORTHCOM", "ORG"), ("NORTHCOM", "ORG")])))
    assert [(e.name, e.type) for e in res.entities] == [("NORTHCOM", "org")]


def test_company_suffix_makes_a_name_and_its_leading_words_an_organisation():
    res = resolve_entities(mentions(("a", [("Borealis Crest Trading FZE", "ORG"), ("Borealis Crest", "PERSON"),
                                           ("Borealis Crest", "GPE"), ("Borealis Crest", "PERSON"),
                                           ("Nordavia SA", "ORG"), ("Nordavia", "PERSON"),
                                           ("Ruritan Neft", "PERSON"), ("Anna Berg", "PERSON")])))
    people = by_name(res, "person")
    assert set(people) == {"Anna Berg"}
    assert {"Borealis Crest", "Nordavia", "Ruritan Neft"} <= {a for e in res.entities if e.type == "org"
                                                               for a in e.aliases}


def test_leading_words_of_a_company_name_join_it_in_its_document():
    res = resolve_entities(mentions(("a", [("Borealis Crest Trading FZE", "ORG"), ("Borealis Crest", "ORG"),
                                           ("Nordavia SA", "ORG"), ("Nordavia", "ORG")])))
    orgs_ = by_name(res, "org")
    assert orgs_["Borealis Crest Trading FZE"].mentions == 2
    assert orgs_["Nordavia SA"].mentions == 2


def test_company_suffix_is_matched_as_written():
    res = resolve_entities(mentions(("a", [("Truong Sa", "FAC"), ("Anna Co", "PERSON")])))
    assert {e.name: e.type for e in res.entities} == {"Truong Sa": "place", "Anna Co": "person"}


def test_a_name_given_only_in_brackets_is_not_the_shown_name():
    res = resolve_entities([Mention("a", "entity", 0, 5, "NORAF", "ORG"),
                            Mention("a", "entity", 7, 25, "Nordijski naftovod", "ORG", titles=(orgs.BRACKETED,))])
    assert [e.name for e in res.entities] == ["NORAF"]


def test_known_as_alias_joins_the_person_named_before_it():
    from bbc_timeline.resolve import names
    res = resolve_entities([
        Mention("a", "entity", 0, 16, "Omar Diriye Varo", "PERSON"),
        Mention("a", "entity", 45, 54, "Abu Talib", "PERSON", titles=(names.ALIAS_AFTER_NAME,)),
        Mention("a", "entity", 60, 71, "Boris Kovac", "PERSON"),
        Mention("a", "entity", 90, 95, "Hemko", "PERSON", titles=(names.ALIAS_AFTER_NAME,)),
        Mention("a", "entity", 200, 205, "Hemko", "PERSON"),
    ])
    people = by_name(res, "person")
    assert set(people) == {"Omar Diriye Varo", "Boris Kovac"}
    assert people["Boris Kovac"].mentions == 3
    assert people["Omar Diriye Varo"].titles == ()


def test_article_prefixed_name_without_a_person_of_that_surname_is_a_group():
    res = resolve_entities(mentions(("a", [("Abdul-Karim al-Zuhri", "PERSON"), ("al-Zuhri", "PERSON"),
                                           ("al-Nordiya", "PERSON"), ("Al-Nordiya", "PERSON")])))
    assert {e.name: (e.type, e.mentions) for e in res.entities} == {
        "Abdul-Karim al-Zuhri": ("person", 2), "al-Nordiya": ("org", 2)}


def test_acronym_given_as_an_appositive_joins_the_name():
    res = resolve_entities([Mention("a", "entity", 4, 21, "Northland Command", "ORG"),
                            Mention("a", "entity", 26, 32, "NORCOM", "ORG", titles=(orgs.BRACKETED,))])
    assert [e.mentions for e in res.entities] == [2]


def test_acronym_with_a_generic_ending_is_the_acronym_in_its_document():
    res = resolve_entities(mentions(("a", [("VOL Group", "ORG"), ("VOL", "ORG")])))
    assert [e.mentions for e in res.entities] == [2]


def test_name_without_generic_head_of_a_longer_name_joins_it():
    res = resolve_entities(mentions(("a", [("Vela One Holding", "ORG"), ("Vela One", "ORG")])))
    assert by_name(res, "org")["Vela One Holding"].mentions == 2


def test_hispanic_paternal_surname_refers_to_the_full_name():
    res = resolve_entities(mentions(("a", [("Ana Ruiz Vela", "PERSON"), ("Ruiz", "PERSON"), ("Ruiz", "ORG")])))
    people = by_name(res, "person")
    assert people["Ana Ruiz Vela"].mentions == 3
    assert "Ruiz" not in by_name(res, "org")


def test_unlisted_given_name_alone_refers_to_the_only_full_name_with_it():
    res = resolve_entities(mentions(("a", [("Kittipon Dara Wongsa", "PERSON"), ("Kittipon", "PERSON")])))
    assert by_name(res, "person")["Kittipon Dara Wongsa"].mentions == 2
