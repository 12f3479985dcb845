"""Place names: countries, their adjectives, capitals and major cities (general knowledge).

Used by the entity fixes (a city tagged PERSON or ORG is a place) and by the
resolver (spelling variants such as Kiev/Kyiv and abbreviations such as PRC
name one place). Pure data and lookups, no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bbc_timeline import lexicon

# The gazetteer is data (lexicon/en): countries.tsv (country -> adjectives and demonyms | other names and
# abbreviations), cities.tsv (GPE: canonical -> variants; capitals that are common personal names such as
# Santiago, Wellington or Colombo are left out), regions.tsv (continents and wider regions, LOC).
# Combining forms in compound adjectives ("Russo-Ukrainian", "Sino-Russian").
COMBINING_FORMS = lexicon.words("combining_forms")
# Adjectives of continents and regions ("Eastern European affairs" is not a place).
REGION_ADJECTIVES = lexicon.words("region_adjectives")
# Nouns that end the name of a natural feature ("Ferghana Valley", "Lake Ohrid" has it first).
LANDFORM_NOUNS = lexicon.words("landform_nouns")
# Direction adjectives that name no place on their own ("Eastern" tagged ORG).
DIRECTION_ADJECTIVES = lexicon.words("direction_adjectives")


# Letters NFKD does not reduce to a base letter ("Diyarbakır" = "Diyarbakir").
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "the Kiev" -> "kiev"."""
    t = unicodedata.normalize("NFKD", text.replace("\u2019", "'").translate(_PLAIN))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"^the\s+", "", t.strip())
    t = re.sub(r"[\"“”«»„.]", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _rows(name: str) -> list[list[str]]:
    """Rows of a gazetteer table: [name, *fields], the fields of a tsv value split on "|"."""
    return [[key, *value.split("|")] for key, value in lexicon.table(name).items()]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """name key -> (canonical, label); adjective key -> country."""
    names: dict[str, tuple[str, str]] = {}
    adjectives: dict[str, str] = {}
    for country, adjs, others in _rows("countries"):
        names[fold(country)] = (country, "GPE")
        for o in filter(None, others.split(",")):
            names[fold(o)] = (country, "GPE")
        for a in filter(None, adjs.split(",")):
            adjectives[fold(a)] = country
    for label, table in (("GPE", "cities"), ("LOC", "regions")):
        for canonical, variants in _rows(table):
            for n in [canonical, *filter(None, variants.split(","))]:
                names.setdefault(fold(n), (canonical, label))
    return names, adjectives


_STATE_FORM = re.compile(r"^(?:republic|kingdom) of (?:the )?(.+)$")


@lru_cache(maxsize=262144)
def lookup(text: str) -> tuple[str, str] | None:
    """(canonical name, GPE|LOC) for a known place name or variant, else None.

    A country's formal name ("Republic of Northland" for a listed Northland) names that country.
    """
    key = fold(text)
    hit = _index()[0].get(key)
    if hit is None and (m := _STATE_FORM.match(key)):
        inner = _index()[0].get(m.group(1))
        if inner and inner[0] in _countries():
            return inner
    return hit


def canonical_place(text: str) -> str | None:
    """The canonical spelling of a known place: "Kiev" -> "Kyiv", "PRC" -> "China"."""
    hit = lookup(text)
    return hit[0] if hit else None


def is_country(text: str) -> bool:
    """True for a country name or abbreviation ("Belarus", "PRC")."""
    hit = lookup(text)
    return bool(hit) and hit[0] in _countries()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("countries"))


@lru_cache(maxsize=262144)
def country_of_adjective(word: str) -> str | None:
    """The country a nationality adjective or demonym names: "Belarusian" -> "Belarus"."""
    return _index()[1].get(fold(word))


def is_demonym_compound(text: str) -> bool:
    """True for "Ukrainian", "Russo-Belarusian", "Eastern European": adjectives, not places."""
    parts = [p for p in re.split(r"[-\s]+", fold(text)) if p]
    if not parts:
        return False
    if len(parts) > 1 and parts[-1] in REGION_ADJECTIVES and parts[-2] not in REGION_ADJECTIVES:
        return all(p in DIRECTION_ADJECTIVES or p in ("east", "west", "north", "south") for p in parts[:-1])
    return all(country_of_adjective(p) or p in COMBINING_FORMS for p in parts) and bool(
        country_of_adjective(parts[-1])
    )


def country_phrases() -> list[tuple[str, str]]:
    """(lower-case name or abbreviation, country) pairs, longest first, for phrase replacement."""
    pairs = [(k, v[0]) for k, v in _index()[0].items() if v[0] in _countries()]
    return sorted(pairs, key=lambda p: -len(p[0]))
