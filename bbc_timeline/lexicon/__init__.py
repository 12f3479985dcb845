"""One home for word lists: data files under ``lexicon/<lang>/``, one cached loader.

Formats (UTF-8; blank lines and lines starting with ``#`` are ignored):

- ``NAME.txt``: one entry a line. ``words(NAME)`` gives a frozenset, ``ordered(NAME)`` the
  entries in file order.
- ``NAME.tsv``: ``key<TAB>value`` a line. ``table(NAME)`` gives a dict of strings (an empty value
  is ``""``); callers convert values (``int``, codes) where they read them.

Regex fragments built from these lists come from ``alternation()`` (or ``pattern()`` for files
of regex fragments, kept in file order), so that recognition and
normalisation always agree on the vocabulary. Nothing else in the package spells out a month,
a season or a title word. General English knowledge only: no corpus, topic or person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

LANG = "en"
_ROOT = Path(__file__).resolve().parent


def _lines(name: str, suffix: str, lang: str) -> list[str]:
    path = _ROOT / lang / f"{name}{suffix}"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.rstrip("\n"))
    return out


@cache
def ordered(name: str, lang: str = LANG) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` in file order (whitespace around each entry stripped)."""
    return tuple(line.strip() for line in _lines(name, ".txt", lang))


@cache
def words(name: str, lang: str = LANG) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a set."""
    return frozenset(ordered(name, lang))


@cache
def table(name: str, lang: str = LANG) -> dict[str, str]:
    """``NAME.tsv`` as {key: value}, in file order. Do not mutate the result (it is shared)."""
    out: dict[str, str] = {}
    for line in _lines(name, ".tsv", lang):
        key, _, value = line.partition("\t")
        out[key.strip()] = value.strip()
    return out


def alternation(entries: str | Iterable[str], *, escape: bool = True) -> str:
    """A regex alternation of a list's entries (or of ``entries`` given), longest first.

    Longest first so that "new year's eve" wins over "new year" at the same position.
    """
    items = ordered(entries) if isinstance(entries, str) else tuple(entries)
    items = sorted(set(items), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) if escape else s for s in items)


def pattern(name: str, lang: str = LANG) -> str:
    """The entries of ``NAME.txt`` as one regex alternation in file order, unescaped.

    For files whose entries are regex fragments (cue words with optional endings, "ever\\s+since");
    file order is kept because it can decide which alternative a regex tries first."""
    return "|".join(ordered(name, lang))


def data_files(lang: str = LANG) -> list[Path]:
    """Every data file of a language, sorted: what the resolver fingerprint hashes."""
    return sorted(p for p in (_ROOT / lang).iterdir() if p.suffix in (".txt", ".tsv"))
