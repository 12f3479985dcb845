"""Organisation names: one key for the usual ways of writing one name."""

from __future__ import annotations

import pytest

from bbc_timeline.resolve import orgs


@pytest.mark.parametrize(
    "a, b",
    [
        ("Polish Interior Ministry", "Ministry of Internal Affairs of Poland"),
        ("the Ministry of the Interior of Poland", "Polish Interior Ministry"),
        ("PRC Ministry of Water Resources", "Chinese Water Resources Ministry"),
        ("Ministry of Water Resources of the People's Republic of China", "Chinese Water Resources Ministry"),
        ("Ministry of Water Resources of the People’s Republic of China", "PRC Ministry of Water Resources"),
        ("the Latvian Defence Ministry", "Ministry of Defense of Latvia"),
        ("Ministry of National Defence of Latvia", "Latvian Defence Ministry"),
        ("Foreign Ministry", "Ministry of Foreign Affairs"),
        ("the Finance Ministry", "Ministry of Finance"),
        ("US Department of Energy", "the Department of Energy of the United States"),
        ("Harbour Office Press Bureau", "Press Bureau of the the Harbour Office"),
        ("Belarusian Ministry of Agriculture", "Ministry of Agriculture of the Republic of Belarus"),
    ],
)
def test_same_key(a, b):
    assert orgs.org_key(a).bag == orgs.org_key(b).bag


@pytest.mark.parametrize(
    "a, b",
    [
        ("Internal Troops of the Ministry of Internal Affairs of Poland", "Ministry of Internal Affairs of Poland"),
        ("Press Bureau of the Harbour Office", "Harbour Office"),
        ("Polish Defence Ministry", "Czech Defence Ministry"),
        ("Ministry of Finance", "Ministry of Finance of Poland"),
    ],
)
def test_different_key(a, b):
    assert orgs.org_key(a).bag != orgs.org_key(b).bag


@pytest.mark.parametrize(
    "name, head",
    [
        ("Harbour Office Press Bureau", "bureau"),
        ("Press Bureau of the Harbour Office", "bureau"),
        ("Land Committee of the State Council of China", "committee"),
        ("Security Council State Secretariat", "secretariat"),
        ("Ministry of Internal Affairs of Poland", "ministry"),
        ("Internal Troops of the Ministry of Internal Affairs", "troops"),
    ],
)
def test_head_noun(name, head):
    assert orgs.org_key(name).head == head


def test_country_is_taken_out_of_the_words():
    key = orgs.org_key("Ministry of Water Resources of the People's Republic of China")
    assert key.countries == ("China",)
    assert key.words == ("ministry", "resources", "water")


def test_explain_names_the_rules():
    why = orgs.explain("Polish Interior Ministry", "Ministry of Internal Affairs of Poland")
    assert "Interior ↔ Internal Affairs" in why and "country adjective" in why and "word order" in why
    assert "PRC = China" in orgs.explain("PRC Ministry of Water Resources", "Chinese Water Resources Ministry")


def test_bare_head_is_a_reference_not_a_name():
    assert orgs.org_key("the Alliance").is_bare_head
    assert not orgs.org_key("Northern Alliance").is_bare_head


def test_acronyms():
    assert orgs.is_acronym("EDB") and not orgs.is_acronym("Acme")
    assert orgs.initials("the Eurasian Development Bank") == "EDB"
    assert orgs.acronym_fits("ED", "Eurasian Development Bank")
    assert not orgs.acronym_fits("DB", "Eurasian Development Bank")


def test_sections_and_branches_head_organisation_names():
    from bbc_timeline.resolve.orgs import has_org_head

    assert has_org_head("Ruritanian Interests Section") and has_org_head("Executive Branch")


def test_generic_ending_is_dropped():
    assert orgs.without_generic_ending("Northwind Group") == "Northwind"
    assert orgs.without_generic_ending("the Northwind Ltd.") == "Northwind"
    assert orgs.without_generic_ending("Northwind Trading Group") == "Northwind Trading"
    assert orgs.without_generic_ending("Bank of Group") is None
    assert orgs.without_generic_ending("Northwind Bank") is None


def test_centre_is_an_org_head_in_british_spelling():
    from bbc_timeline.resolve.orgs import has_org_head
    assert has_org_head("Northern Centre for Energy Research")
