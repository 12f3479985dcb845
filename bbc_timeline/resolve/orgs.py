"""Organisation names: a key on which the usual ways of writing one name agree.

"Belarusian Interior Ministry" and "Ministry of Internal Affairs of Belarus",
or "PRC Ministry of Public Security", "Chinese Public Security Ministry" and
"Ministry of Public Security of the People's Republic of China", get the same
key: the country (from an adjective, an "of Country" phrase or an
abbreviation), plus the remaining content words as a sorted bag (so word
order does not matter), after synonyms ("Interior" = "Internal Affairs",
"Defence" = "Defense"). The key also records the organisation's head noun
("Ministry", "Bureau") so that a part is not mistaken for the whole. Pure
functions, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bbc_timeline import lexicon
from bbc_timeline.resolve import places
from bbc_timeline.resolve.names import clean_text, outlet_words

# Nouns that head an organisation's name (singular; plurals are folded). lexicon/en/org_nouns.tsv holds
# every organisation noun with its roles, so that the entity fixes and the resolver share one list.


def org_nouns(role: str) -> frozenset[str]:
    """The organisation nouns with a role: "head" (heads an organisation's name), "person_to_org" (turns a
    PERSON span into an ORG), "place_to_org" (as the last word, turns a place span into an ORG)."""
    return _org_nouns()[role]


@lru_cache(maxsize=1)
def _org_nouns() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for noun, roles in lexicon.table("org_nouns").items():
        for r in roles.split():
            out.setdefault(r, set()).add(noun)
    return {r: frozenset(v) for r, v in out.items()}


ORG_HEADS = org_nouns("head")
# Recorded (as a title) on an abbreviation written in brackets right after an organisation's name:
# the resolver joins the two even when the letters do not fit ("Komitet ... (GKNB)").
BRACKETED = "(abbreviation in brackets)"
_STOP = lexicon.words("org_stop_words")
_PREPOSITIONS = lexicon.words("org_prepositions")
_PLURALS = lexicon.table("org_plurals")
# (spelling, the spelling the key uses, the rule shown in the evidence)
_SPELLING = tuple((old, *new.split("\t")) for old, new in lexicon.table("org_spellings").items())


@dataclass(frozen=True)
class OrgKey:
    """What an organisation name means, independent of how it is written."""

    countries: tuple[str, ...]
    words: tuple[str, ...]  # sorted content words, countries removed
    head: str | None
    rules: frozenset[str]  # normalisations applied, for the merge evidence
    order: tuple[str, ...]  # content words in written order (to tell a word-order change)

    @property
    def bag(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The identity used for merging: countries and content words."""
        return self.countries, self.words

    @property
    def is_bare_head(self) -> bool:
        """A lone head noun ("the Alliance", "the Ministry"): a reference back, not a name."""
        return len(self.words) == 1 and self.words[0] == self.head and not self.countries


def _tokens(text: str) -> list[str]:
    t = clean_text(text).rstrip(".").replace("\u2019", "'").replace("`", "'")
    t = re.sub(r"\b(\w+)( \1\b)+", r"\1", t, flags=re.IGNORECASE)  # "the the Ministry"
    t = re.sub(r"\(.*?\)", " ", t)
    return [w for w in re.split(r"[\s,]+", t.lower()) if w]


@lru_cache(maxsize=1)
def _country_phrases() -> dict[tuple[str, ...], str]:
    return {tuple(p.split(" ")): c for p, c in places.country_phrases()}


def _map_countries(words: list[str]) -> tuple[list[str], list[str], set[str]]:
    """Replace country names, abbreviations and adjectives by a marker; return the countries found."""
    phrases = _country_phrases()
    out: list[str] = []
    countries: list[str] = []
    rules: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(6, len(words) - i), 0, -1):
            gram = tuple(words[i:i + n])
            country = phrases.get(gram)
            kind = "abbreviation" if country and n == 1 and len(gram[0]) <= 4 and gram[0] != country.lower() else "name"
            if country is None and n <= 2:
                country = places.country_of_adjective(" ".join(gram))
                kind = "adjective"
            if country:
                countries.append(country)
                if kind == "adjective":
                    rules.add("country adjective ↔ of Country")
                elif kind == "abbreviation":
                    rules.add(f"{' '.join(gram).upper()} = {country}")
                elif " ".join(gram) != country.lower():
                    written = " ".join(w if w in _STOP else w[:1].upper() + w[1:] for w in gram)
                    rules.add(f"{written} = {country}")
                out.append("§")
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out, countries, rules


def _head(words: list[str]) -> str | None:
    segments: list[list[str]] = [[]]
    for w in words:
        if w in _PREPOSITIONS:
            segments.append([w])
        else:
            segments[-1].append(w)
    last = words[-1] if words else ""
    if len(segments) > 1 and last in ORG_HEADS and (len(segments[-1]) < 2 or segments[-1][1] != "the"):
        return last
    for w in reversed(segments[0]):
        if w in ORG_HEADS:
            return w
    for w in reversed(words):
        if w in ORG_HEADS:
            return w
    return None


@lru_cache(maxsize=1)
def _synonym_table() -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
    out = {}
    for phrase, value in lexicon.table("org_synonyms").items():
        repl, _, why = value.partition("\t")
        out[tuple(phrase.split())] = (tuple(repl.split()), why.strip())
    return out


def _synonyms(words: list[str]) -> tuple[list[str], set[str]]:
    """Words of one meaning written two ways in organisation names ("EU" = "European")."""
    table = _synonym_table()
    out: list[str] = []
    rules: set[str] = set()
    i = 0
    while i < len(words):
        for n in (2, 1):
            hit = table.get(tuple(words[i:i + n])) if i + n <= len(words) else None
            if hit:
                out.extend(hit[0])
                rules.add(hit[1])
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out, rules


@lru_cache(maxsize=65536)
def org_key(text: str) -> OrgKey:
    """The normalised key of an organisation name."""
    words = [_PLURALS.get(w, w) for w in _tokens(text)]
    words, synonyms = _synonyms(words)
    words, countries, rules = _map_countries(words)
    rules |= synonyms
    words = [re.sub(r"'s$", "", w) for w in words]
    words = [re.sub(r"isation$", "ization", w) for w in words]
    for old, new, why in _SPELLING:
        if old in words:
            words = [new if w == old else w for w in words]
            rules.add(why)
    if "national" in words and "defense" in words:
        words.remove("national")
        rules.add("National Defense = Defense")
    if "interior" in words:
        i = words.index("interior")
        words[i:i + 1] = [] if "internal" in words else ["internal"]
        if "affairs" not in words:
            words.append("affairs")
        rules.add("Interior ↔ Internal Affairs")
    if "foreign" in words and "ministry" in words and "affairs" not in words:
        words.append("affairs")
        rules.add("Foreign Ministry ↔ Ministry of Foreign Affairs")
    content = [w for w in words if w not in _STOP and w != "§" and w]
    return OrgKey(
        countries=tuple(sorted(set(countries))),
        words=tuple(sorted(content)),
        head=_head([w for w in words if w != "§"]),
        rules=frozenset(rules),
        order=tuple(content),
    )


def explain(a: str, b: str) -> str:
    """Why two organisation names with the same key were merged."""
    ka, kb = org_key(a), org_key(b)
    rules = sorted(ka.rules | kb.rules)
    if ka.order != kb.order and sorted(ka.order) == sorted(kb.order):
        rules.append("word order")
    return ", ".join(rules) if rules else "same name"


def initials(text: str) -> str:
    """Initials of the content words: "Eurasian Economic Union" -> "EEU"."""
    return "".join(w[0] for w in _tokens(text) if w not in _STOP and w[0].isalnum()).upper()


def is_acronym(text: str) -> bool:
    """An all-capitals short name such as "NATO" or "EEU"."""
    t = clean_text(text).replace(".", "")
    return 2 <= len(t) <= 8 and t.isalpha() and t.isupper()


def acronym_fits(acronym: str, name: str) -> bool:
    """True when the letters of `acronym` follow the initials of `name` in order, starting with the first."""
    acr = clean_text(acronym).replace(".", "").upper()
    ini = initials(name)
    if not acr or not ini or acr[0] != ini[0]:
        return False
    it = iter(ini)
    return all(ch in it for ch in acr)


# Endings that add nothing to a company's or group's one-word name ("X Group" = "X").
GENERIC_ENDINGS = lexicon.words("generic_endings")
INSTITUTION_ENDINGS = lexicon.words("institution_endings")


def without_generic_ending(text: str) -> str | None:
    """The name left when a generic ending is dropped ("Northwind Group" -> "Northwind", "Vela One
    Holding" -> "Vela One"), else None."""
    words = clean_text(text).replace(",", " ").split()
    if len(words) >= 2 and words[-1].lower().strip(".") in GENERIC_ENDINGS | INSTITUTION_ENDINGS \
            and words[0][:1].isupper() and words[-2].lower() not in _STOP:
        return " ".join(words[:-1])
    return None


def is_company_ending(text: str) -> bool:
    """The name ends in a company's generic ending ("X Group"), not an institution's ("X Alliance")."""
    words = clean_text(text).split()
    return bool(words) and words[-1].lower().strip(".") in GENERIC_ENDINGS


def has_org_head(text: str) -> bool:
    """True when the name contains a head noun such as Ministry, Committee or Police."""
    return any(_PLURALS.get(w, w) in ORG_HEADS or w == "centre" for w in _tokens(text))


# Legal forms that end a company's name ("Northwind Trading FZE", "Acme S.A."), as written (dots dropped):
# such a name is never a person's. Case matters: "Truong Sa" is a place, "Auralis SA" a company.
COMPANY_SUFFIXES = lexicon.words("company_suffixes")
# Words that only ever appear in company or movement names, never in a person's ("Gazprom Neft").
ORG_ONLY_WORDS = lexicon.words("org_only_words")


def has_company_suffix(text: str) -> bool:
    """True when the name of two or more words ends in a legal form: "Auralis SA", "Multi Activities Co. Ltd"."""
    words = clean_text(text).replace(",", " ").split()
    return len(words) >= 2 and words[-1].replace(".", "") in COMPANY_SUFFIXES


def is_never_person(text: str) -> bool:
    """A name that cannot be a person's: a news outlet ("CNN"), or it ends in a legal form or holds a
    company or group word."""
    if has_company_suffix(text) or clean_text(text).lower() in outlet_words():
        return True
    return any(w.lower().strip(".,") in ORG_ONLY_WORDS for w in clean_text(text).split())
