"""Spelling variation of names as a model: one key on which the usual romanisations of a name agree.

Arabic, Persian, Russian, Belarusian, Ukrainian and Chinese names reach English text in several
romanisations: Gaddafi / Gadhafi / Qaddafi / Kadhafi, Moammar / Muammar / Mohammar, al-Assad /
Al Assad / el-Assad, Lukashenko / Lukashenka, Kyiv / Kiev. `spelling_key` maps a word to its
consonant skeleton after the letter equivalences of `lexicon/en/romanisation.tsv` (one sound written
with different letters: kh/h, dh/d, q/k/g, w/v, doubled letters, h after a vowel) with a leading
Arabic article dropped. Vowels are dropped, but whether the word starts or ends with one is kept, so
that "Petrov" and "Petrova" or "Omar" and "Mar" stay apart.

A key is a candidate, not a decision: the resolver joins two names on it only with more evidence
(given names that agree, or a short key backed by the context), and `explain` says which
equivalences made two spellings one. Pure functions, no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bbc_timeline import lexicon

# Letters with no Unicode decomposition to a base letter (NFKD keeps "ı", "ł", "ø" as they are).
_LETTERS = {"č": "ch", "š": "sh", "ž": "zh", "ł": "l", "ŭ": "u", "ć": "ch", "ś": "s", "ź": "z", "ń": "n",
            "ё": "e", "ß": "ss", "ø": "o", "æ": "ae", "đ": "dj", "ı": "i", "ə": "a", "ð": "d", "þ": "th",
            "ħ": "h", "œ": "oe"}
_VOWELS = frozenset("aeiouy")
MIN_CONSONANTS = 3  # a shorter skeleton ("Mary" / "Murray") is too weak to join names on its own


def ascii_word(word: str) -> str:
    """Lower-case ASCII letters and digits of a word: diacritics and punctuation dropped."""
    w = "".join(_LETTERS.get(c, c) for c in word.lower())
    w = unicodedata.normalize("NFKD", w)
    return "".join(c for c in w if c.isalnum() and not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    out = []
    for pattern, value in lexicon.table("romanisation").items():
        repl, _, name = value.partition("\t")
        out.append((re.compile(pattern), "" if repl == "∅" else repl, name.strip()))
    return tuple(out)


@lru_cache(maxsize=1)
def _article() -> re.Pattern[str]:
    """A leading Arabic article: "al-Assad", "el-Sisi", "ElBaradei" (written joined, capital after)."""
    arts = lexicon.alternation("surname_particles")
    return re.compile(rf"^(?:(?i:{arts})[-‐‑–'’ ]+(?=\w\w\w)|(?:Al|El)(?=[A-Z][a-z]{{2}}))")


def strip_article(word: str) -> str:
    """The word without a leading Arabic article ("al-Gaddafi" -> "Gaddafi"); else unchanged."""
    return _article().sub("", word, count=1)


def is_article(word: str) -> bool:
    """A free-standing article written before a surname ("Moammar Al Gadhafi")."""
    return word.lower() in lexicon.words("surname_particles")


@lru_cache(maxsize=65536)
def _key_with_rules(word: str) -> tuple[str, frozenset[str]]:
    used: set[str] = set()
    bare = strip_article(word)
    if bare != word:
        used.add("article al-/el- dropped")
    w = ascii_word(bare)
    for rx, repl, name in _rules():
        new = rx.sub(repl, w)
        if new != w:
            used.add(name)
            w = new
    if not w:
        return "", frozenset(used)
    core = "".join(c for c in w if c not in _VOWELS)
    key = ("'" if w[0] in _VOWELS else "") + core + ("'" if w[-1] in _VOWELS else "")
    return key, frozenset(used)


def spelling_key(word: str) -> str:
    """The key of one name word: "Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi" -> "kdf'"."""
    return _key_with_rules(word)[0]


def name_key(words: tuple[str, ...] | list[str]) -> str:
    """The key of a name of several words, free-standing articles left out ("Moammar Al Gadhafi")."""
    return " ".join(k for k in (spelling_key(w) for w in words if not is_article(w)) if k)


def consonants(key: str) -> int:
    return sum(c.isalpha() for c in key)


def strong(key: str) -> bool:
    """A key with enough consonants to join names on it."""
    return consonants(key) >= MIN_CONSONANTS


# First-vowel classes: o and u alternate (Moammar / Muammar, Hosni / Husni), so do a and o in Belarusian
# (Barysenka / Borisenko) and e, i and y; a and u do not (Hassan / Hussein are two names).
_VOWEL_CLASS = {"a": "a", "o": "o", "u": "u", "e": "i", "i": "i", "y": "i"}
_ALTERNATING = frozenset({frozenset("ao"), frozenset("ou")})


def _first_vowel(word: str) -> str:
    w = ascii_word(strip_article(word))
    for rx, repl, _name in _rules():
        w = rx.sub(repl, w)
    return next((_VOWEL_CLASS[c] for c in w if c in _VOWEL_CLASS), "")


def vowels_agree(a: str, b: str) -> bool:
    """The first vowels of two words are one sound written two ways (the key drops vowels)."""
    va, vb = _first_vowel(a), _first_vowel(b)
    return va == vb or frozenset((va, vb)) in _ALTERNATING


def rules_used(word: str) -> frozenset[str]:
    """The equivalences that changed a word on its way to its key (for the merge evidence)."""
    return _key_with_rules(word)[1]
