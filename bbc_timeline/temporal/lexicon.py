"""Temporal word lists, typed: a view over the data files in ``bbc_timeline/lexicon/en``.

The words live in the lexicon (one loader); this module only converts their values to the
types the tagger uses, so that recognition and normalisation agree on the vocabulary.
"""

from __future__ import annotations

from bbc_timeline.lexicon import ordered, table, words


def _ints(name: str) -> dict[str, int]:
    return {k: int(v) for k, v in table(name).items()}


def _number(v: str) -> int | float:
    return float(v) if "." in v else int(v)


MONTHS: dict[str, int] = _ints("months")
MONTH_ABBR: dict[str, int] = _ints("month_abbr")
WEEKDAYS: dict[str, int] = _ints("weekdays")
WEEKDAY_ABBR: dict[str, int] = _ints("weekday_abbr")
SEASONS: dict[str, str] = dict(table("seasons"))
DAY_PARTS: dict[str, str] = dict(table("day_parts"))  # part of day -> TIMEX3 code
UNITS: dict[str, str] = dict(table("units"))
TIME_UNITS = words("time_units")
NUMBER_WORDS: dict[str, int | float] = {k: _number(v) for k, v in table("number_words").items()}
TENS = ordered("tens")
ONES = ordered("ones")
VAGUE_QUANT = ordered("vague_quantities")  # quantities that do not name a number: value uses X ("PXY")
ORDINALS: dict[str, int] = _ints("ordinals")
MODIFIERS: dict[str, str | None] = {k: (v or None) for k, v in table("duration_modifiers").items()}
PART_MODS: dict[str, str] = dict(table("part_modifiers"))  # "early/mid/late" parts -> TIMEX3 mod
REF_WORDS: dict[str, str] = dict(table("ref_words"))  # present/past/future without a date
HOLIDAYS: dict[str, str] = dict(table("holidays"))
COUNT_NOUNS = words("count_nouns")  # nouns after a bare number that make it a count, not a year
