"""Word lists for temporal expressions: months, weekdays, seasons, numbers, units.

General English knowledge only; every regex fragment here is built from these
tables so that recognition and normalisation agree on the vocabulary.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
WEEKDAY_ABBR: dict[str, int] = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4,
                                "thurs": 4, "fri": 5, "sat": 6, "sun": 7}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# part of day -> TIMEX3 code
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "millennium": "ML", "weekend": "WE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a": 1, "an": 1, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "couple of": 2, "a single": 1, "half a": 0.5, "a half": 0.5,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# quantities that do not name a number: value uses X ("PXY")
VAGUE_QUANT = ("several", "many", "a few", "few", "some", "a number of", "numerous",
               "a couple", "the coming", "countless", "a fair number of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "last": -1,
}

# words before a duration that set TIMEX3 mod
MODIFIERS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "close to": "APPROX", "just over": "MORE_THAN", "just under": "LESS_THAN",
    "well over": "MORE_THAN", "a mere": None, "only": None, "just": None, "barely": None,
    "an estimated": "APPROX",
}

# "early/mid/late" style parts of a period -> TIMEX3 mod
PART_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "mid": "MID", "middle": "MID", "late": "END", "later": "END",
    "beginning": "START", "start": "START", "end": "END", "close": "END", "dawn": "START",
    "turn": "START", "outset": "START", "latter part": "END", "first half": "START",
    "second half": "END", "latter half": "END", "early part": "START",
}

# adverbs and nouns that denote the present, past or future without a date
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "today": "PRESENT_REF", "present": "PRESENT_REF", "the moment": "PRESENT_REF",
    "the present": "PRESENT_REF", "the present time": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "earlier": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "in the past": "PAST_REF", "once": "PAST_REF", "lately": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "future": "FUTURE_REF",
    "shortly": "FUTURE_REF", "later": "FUTURE_REF", "recent": "PAST_REF", "former": "PAST_REF",
    "current": "PRESENT_REF", "the time being": "PRESENT_REF", "these days": "PRESENT_REF",
    "modern times": "PRESENT_REF", "today's": "PRESENT_REF",
}

HOLIDAYS: dict[str, str] = {
    "christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24",
    "new year's day": "01-01", "new year's eve": "12-31", "new year": "01-01",
    "independence day": "07-04", "halloween": "10-31", "valentine's day": "02-14",
    "boxing day": "12-26", "may day": "05-01", "bastille day": "07-14",
}

# nouns after a bare number that make it a count, not a year ("1500 soldiers")
COUNT_NOUNS = frozenset(["people", "persons", "men", "women", "children", "soldiers", "troops", "troopers", "sailors", "workers", "civilians", "prisoners", "casualties", "dead", "killed", "wounded", "deaths", "refugees", "residents", "students", "members", "police", "officers", "tanks", "guns", "aircraft", "planes", "ships", "vessels", "vehicles", "cars", "units", "missiles", "rockets", "bombs", "shells", "rounds", "km", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "yards", "tons", "tonnes", "pounds", "kg", "kilograms", "dollars", "euros", "rubles", "roubles", "yuan", "pounds", "francs", "marks", "acres", "hectares", "square", "cubic", "barrels", "votes", "seats", "jobs", "copies", "pages", "words", "houses", "homes", "buildings", "villages", "towns", "companies", "firms", "shares", "points", "percent", "per", "horses", "guns", "cannons", "muskets", "rifles", "sq", "mw", "kw", "gw", "mb", "gb"])
