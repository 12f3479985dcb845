"""Temporal word lists, typed: a view over the data files in ``bbc_timeline/lexicon/en``.

The words live in the lexicon (one loader); this module only converts their values to the
types the tagger uses, so that recognition and normalisation agree on the vocabulary.
"""

from __future__ import annotations

from bbc_timeline.lexicon import ordered, pattern, table, words


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
DECADE_WORDS: dict[str, int] = _ints("decade_words")  # "sixties" -> 60
SET_WORDS: dict[str, str] = dict(table("set_words"))  # "weekly" -> P1W
# "last" -> ("dct", -1), "the following" -> ("narrative", 1)
RELATIVE_DETERMINERS: dict[str, tuple[str, int]] = {
    k: (v.split()[0], int(v.split()[1])) for k, v in table("relative_determiners").items()}
# "yesterday" -> (-1, None), "last night" -> (-1, "NI")
DAY_WORDS: dict[str, tuple[int, str | None]] = {
    k: (int(v.split()[0]), (v.split()[1:] or [None])[0]) for k, v in table("day_words").items()}
OFFSET_BACK = ordered("offset_words")  # "three years ago"
OFFSET_FORWARD = ordered("offset_forward")  # "two days later"
PAST_IRREGULAR = ordered("past_irregular")  # "said", "took": tense cues
PARTICIPLES = ordered("participles")  # "signed", "taken": a clause hung on a noun
LEAD_FUTURE = ordered("lead_future")  # "payable", "until" right before a date
LEAD_PAST = ordered("lead_past")  # "since" right before a date
INTENT_CUES = pattern("intent_cues")  # regex: "plans to", "scheduled for"
INTENT_PAST_CUES = pattern("intent_past_cues")  # regex: "expected to", "planned"
STATE_CUES = pattern("state_cues")  # regex: "since", "until" before a date that starts or ends a state
