"""One person, one entity on real-world-like text: romanisations, spans a reader would draw, merges that
a bad mention cannot poison. Invented names; general rules only."""

from __future__ import annotations

import pytest
from test_entity_resolver import mentions  # one helper that builds Mentions for invented documents

from bbc_timeline.resolve import names, orgs, spelling
from bbc_timeline.resolve.entities import _Clusters, resolve_entities


def people(res) -> dict:
    return {e.name: e for e in res.entities if e.type == "person"}


# ------------------------------------------------------------------ the spelling model
@pytest.mark.parametrize("group", [
    ("Qaddani", "Gaddani", "Gadhani", "Kadhani", "Qadhany", "al-Qaddani", "el-Gadhani", "AlGaddani"),  # qaf, dh, article
    ("Moammar", "Muammar", "Mohammar", "Mouammar"),  # vowels, h after a vowel, ou
    ("Barysenka", "Borisenko"),  # Belarusian/Russian endings
    ("Kyiv", "Kiev", "Kyyiv"),
    ("Aliaksandr", "Alexander", "Aleksandr"),
    ("Khaldun", "Haldun"), ("Shevchuk", "Schevchuk"),
])
def test_romanisations_of_one_name_share_a_key(group):
    assert len({names.romanised_key(w) for w in group}) == 1, [names.romanised_key(w) for w in group]


@pytest.mark.parametrize("a,b", [("Petrov", "Petrova"), ("Omar", "Mar"), ("Velkov", "Valkin")])
def test_different_names_keep_different_keys(a, b):
    assert names.romanised_key(a) != names.romanised_key(b)


def test_vowels_the_key_drops_still_tell_names_apart():
    assert names.same_romanised("Hassan", "Hussein") is None  # a / u: two names
    assert names.same_romanised("Hosni", "Husni") and names.same_romanised("Barysenka", "Borisenko")


def test_a_short_key_is_too_weak_to_join_on():
    assert names.romanised_key("Mary") == names.romanised_key("Murray")
    assert names.same_romanised("Mary", "Murray") is None
    assert names.same_romanised("Qaddani", "Kadhani").startswith("spelling variants (")


def test_given_names_agree_across_romanisations():
    assert names.same_given("Moammar", "Mohammar")
    a, b = names.parse_person("Moammar Al Gaddani")[0], names.parse_person("Muammar Qadhani")[0]
    assert names.compatible_given(a, b) is not None  # the free-standing article is no given name


# ------------------------------------------------------------------ spans a reader would draw
@pytest.mark.parametrize("text,name,titles", [
    ("President of Belarus Anna Berg", "Anna Berg", ("President of Belarus",)),
    ("Minister of Foreign Affairs Anna Berg", "Anna Berg", ("Minister of Foreign Affairs",)),
    ("Egyptian President Anna Berg", "Anna Berg", ("President",)),
    ("Belarus Anna Berg", "Anna Berg", ()),
    ("CNN Berg", "Berg", ()),
    ("Reply Anna Berg", "Anna Berg", ()),
    ("Share Berg", "Berg", ()),
    ("Will Anna Berg", "Anna Berg", ()),
    ("Will Berg", "Will Berg", ()),  # "Will" is a given name when one name word follows
    ("Berg s African", "Berg", ()),
    ("Anna Berg Reply", "Anna Berg", ()),
    ("Anna Berg CNN", "Anna Berg", ()),
    ("Michael Bloomberg", "Michael Bloomberg", ()),  # an outlet's name is a surname too
])
def test_person_spans_drop_offices_countries_outlets_furniture_and_verbs(text, name, titles):
    parsed, got = names.parse_person(text)
    assert parsed.text == name and got == titles


def test_a_full_name_after_a_country_is_one_person_everywhere():
    docs = [(f"d{i}", [("President of Belarus Anna Berg", "PERSON")]) for i in range(5)]
    docs += [("e", [("Anna Berg", "PERSON"), ("Berg", "PERSON")])]
    res = resolve_entities(mentions(*docs))
    assert len(people(res)) == 1 and people(res)["Anna Berg"].mentions == 7
    assert "President of Belarus" in people(res)["Anna Berg"].titles


def test_headline_pairs_and_trailing_nouns_do_not_make_people():
    docs = [(f"a{i}", [("Ivo Dravin", "PERSON")]) for i in range(4)]
    docs += [(f"b{i}", [("Lena Marsk", "PERSON")]) for i in range(3)]
    docs += [("h1", [("Dravin Marsk", "PERSON")]), ("h2", [("Ivo Dravin Airstrikes", "PERSON")])]
    res = resolve_entities(mentions(*docs))
    p = people(res)
    assert set(p) == {"Ivo Dravin", "Lena Marsk"}
    assert p["Lena Marsk"].mentions == 4 and p["Ivo Dravin"].mentions == 5


def test_outlet_is_never_a_person():
    assert orgs.is_never_person("CNN")
    res = resolve_entities(mentions(("a", [("CNN", "PERSON"), ("CNN", "ORG"), ("CNN", "ORG")])))
    assert not people(res)


# ------------------------------------------------------------------ merging across romanisations
def test_romanisations_of_a_full_name_merge_across_documents_with_evidence():
    res = resolve_entities(mentions(
        ("a", [("Moammar Al Gaddani", "PERSON"), ("Gaddani", "PERSON")]),
        ("b", [("Muammar Qadhani", "PERSON")]),
        ("c", [("Mohammar Kadhani", "PERSON"), ("Kadhani", "PERSON")]),
        ("d", [("Qaddani", "PERSON")]),  # a bare spelling with no full name in its document
    ))
    p = people(res)
    assert len(p) == 1, sorted(p)
    (e,) = p.values()
    assert e.mentions == 6
    assert any("spelling variants" in line for line in e.evidence)


def test_relatives_sharing_a_surname_stay_apart():
    res = resolve_entities(mentions(
        ("a", [("Muammar Qaddani", "PERSON"), ("Saif al-Islam Qaddani", "PERSON")]),
        ("b", [("Moammar Gadhani", "PERSON"), ("Khamis Gaddani", "PERSON")]),
        ("c", [("George Velkov", "PERSON"), ("George W. Velkov", "PERSON")]),
    ))
    p = people(res)
    assert {"Saif al-Islam Qaddani", "Khamis Gaddani"} <= set(p)
    assert p["Muammar Qaddani"].mentions == 2


def test_one_stray_given_name_is_outvoted_not_a_veto():
    uf = _Clusters(40)
    for i in range(30):  # a person written in full 30 times
        uf.add_given(i, "Velkov", "Ivan")
        uf.union(0, i)
    for i in range(30, 39):  # bare surnames that took one bad full name along
        uf.union(30, i)
    uf.add_given(39, "Velkov", "Northland")
    assert uf.union(30, 39)
    assert uf.union(0, 30)  # one stray mention in a cluster of ten does not veto
    other = _Clusters(20)
    for i in range(10):
        other.add_given(i, "Velkov", "Ivan")
        other.union(0, i)
    for i in range(10, 14):
        other.add_given(i, "Velkov", "Katerina")
        other.union(10, i)
    assert not other.union(0, 10)  # a relative written in full four times stays apart


def test_a_given_name_written_first_elsewhere_is_no_paternal_surname():
    res = resolve_entities(mentions(
        ("a", [("Ivan Katerina Velkov", "PERSON")]),
        ("b", [("Ivan Velkov", "PERSON"), ("Ivan Velkov", "PERSON")]),
        ("c", [("Katerina Velkov", "PERSON")]), ("d", [("Katerina Velkov", "PERSON")]),
        ("e", [("Katerina", "PERSON")]), ("f", [("Katerina", "PERSON")]),
    ))
    p = people(res)
    assert p["Ivan Velkov"].mentions == 3  # the name written most, not the longest
    assert "Katerina" not in p["Ivan Velkov"].alias_counts


def test_a_given_name_alone_is_no_surname_in_a_list_of_people():
    res = resolve_entities(mentions(
        ("a", [("Evan John", "PERSON"), ("John Price", "PERSON"), ("John Hale", "PERSON"), ("John", "PERSON")]),
        ("b", [("John", "PERSON")]),
    ))
    assert people(res)["Evan John"].mentions == 1


# ------------------------------------------------------------------ organisations
def test_eu_and_european_and_alliance_ending():
    res = resolve_entities(mentions(
        ("a", [("EU Council", "ORG")]), ("b", [("European Council", "ORG")]),
        ("c", [("NATO", "ORG")]), ("d", [("NATO Alliance", "ORG")]),
    ))
    o = {e.name: e for e in res.entities if e.type == "org"}
    assert len(o) == 2 and sorted(e.mentions for e in o.values()) == [2, 2]


def test_a_former_president_is_no_organisation():
    res = resolve_entities(mentions(
        ("a", [("Anna Berg", "PERSON"), ("Former President Berg", "ORG")]),
    ))
    assert [e.type for e in res.entities] == ["person"]


def test_spelling_key_reads_its_rules_from_the_lexicon():
    assert spelling.rules_used("Qadhani") >= {"dh/d", "q/k (Arabic qaf)"}


# ------------------------------------------------------------------ lookup by any romanisation
def test_actor_is_found_by_another_romanisation_through_the_stored_key(tmp_path):
    from bbc_timeline import api
    from bbc_timeline.store import Store

    res = resolve_entities(mentions(
        ("a", [("Moammar Al Gaddani", "PERSON"), ("Gaddani", "PERSON")]),
        ("b", [("Muammar Qadhani", "PERSON")]),
    ))
    with Store(tmp_path / "s.db") as store:
        store.write_resolution(res.entities, res.canonical, [])
        for query in ("Kadhani", "Muammar al-Gaddany", "mouammar qaddani"):
            found = api.find_entity(store, query)
            assert found["name"] in ("Moammar Al Gaddani", "Muammar Qadhani"), query
            assert "romanisation key" in found["found_by"]
        assert "found_by" not in api.find_entity(store, "Gaddani")  # an alias as written: no key needed
        plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT DISTINCT entity FROM entity_keys WHERE key = ?",
                                  ("x",)).fetchall()
        assert any("entity_keys_key" in str(row) for row in plan)


# ------------------------------------------------------------------ page furniture on its own
@pytest.mark.parametrize("text,name", [
    ("Jane Doe\\/AP Anna Berg", "Anna Berg"),  # a photo credit before the name
    ("Northland Dr Berg", "Berg"),  # a title inside: what stands before belongs to another phrase
    ("EDT Anna Berg", "Anna Berg"),  # a dateline's time zone
    ("Avian Flu H5N2", ""),  # no person's name holds a digit
    ("pro-Berg", ""),
    ("force Berg", "Berg"), ("As Berg", "Berg"), ("Berg - Berg", "Berg"),
    ("Comment", ""), ("Photo", ""), ("Photos", ""),  # a page's words alone name no one
    ("Anna Berg BBC News", "Anna Berg"),  # a byline's outlet of several words
])
def test_furniture_words_on_their_own_never_make_a_name(text, name):
    assert names.parse_person(text)[0].text == name


def test_a_dateline_credit_is_not_an_abbreviation_of_the_place_before_it():
    res = resolve_entities(mentions(
        ("a", [("BST NORTHPORT", "ORG"), ("Reuters", "ORG", ["(abbreviation in brackets)"])]),
        ("b", [("Reuters", "ORG")]),
    ))
    o = {e.name: e for e in res.entities if e.type == "org"}
    assert o["Reuters"].mentions == 2 and "NORTHPORT" in o


def test_a_name_retyped_as_a_person_that_reads_as_no_name_is_dropped():
    res = resolve_entities(mentions(
        ("a", [("Anna Berg", "PERSON"), ("pro-Berg", "NORP"), ("Berg", "PERSON")]),
        ("b", [("Lena pro-Berg", "PERSON")]),  # a run-on span makes "pro-Berg" someone's surname
    ))
    assert "pro-Berg" not in {e.name for e in res.entities}


def test_a_name_written_in_capitals_elsewhere_still_finds_its_article_spelling():
    res = resolve_entities(mentions(
        ("a", [("MOHANNAD ELQADDANI", "PERSON")]), ("b", [("Mohannad ElQaddani", "PERSON")]),
        ("c", [("Muhannad el-Qadhani", "PERSON")]),
    ))
    assert len(people(res)) == 1
