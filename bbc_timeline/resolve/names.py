"""Person names: titles, cleaning, and romanisation-aware comparison.

Belarusian, Russian and Ukrainian names reach English news in several
romanisations (Lukashenka / Lukashenko, Aliaksandr / Alexander / Aleksandr,
Yanukovych / Yanukovich). `fold` maps a name to a key on which such spellings
agree and records which rules it used, so a merge can be explained. Given
names also go through a variant table. Pure functions, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bbc_timeline import lexicon
from bbc_timeline.resolve import places, spelling

# Titles are data (lexicon/en): ranks (longest first where one contains another), offices, honorifics,
# the words that qualify an office, fixed "X of Y" titles, and abbreviated ranks.
RANKS = lexicon.ordered("ranks")
OFFICES = lexicon.ordered("offices")
HONORIFICS = lexicon.ordered("honorifics")
RANK_ABBREVIATIONS = lexicon.table("rank_abbreviations")
# Abbreviations that are also names ("Pol Pot"): a title only when written with their dot.
_DOTTED_ONLY = lexicon.words("dotted_only_abbreviations")
MODIFIERS = lexicon.ordered("title_modifiers")
COMPOUND_TITLES = lexicon.ordered("compound_titles")


# Arabic articles written before a surname with a hyphen ("al-Houthi", "el-Sisi"): part of the surname.
SURNAME_PARTICLES = lexicon.words("surname_particles")
# Recorded (as a title) on a name given after "known as", "nicknamed" or "dubbed" right after a person's
# name: the resolver joins it to that person.
ALIAS_AFTER_NAME = "(alias given after a name)"


def _core(phrase: str) -> list[str]:
    """The words of a title before any "of" complement: "secretary of state" -> ["secretary"]."""
    return [w for w in re.split(r"[\s-]+", phrase.split(" of ")[0]) if w]


_TITLE_WORDS = frozenset(w for phrase in (*RANKS, *OFFICES) for w in _core(phrase)) | frozenset(HONORIFICS)
_RANK_HEADS = frozenset(_core(r)[-1] for r in RANKS)
_OFFICE_HEADS = frozenset(_core(o)[-1] for o in OFFICES)
_QUOTES = "\"“”«»„‘’'`"


def _expand(word: str) -> str:
    """The lower-case word, a rank abbreviation spelled out ("Lt." -> "lieutenant")."""
    w = word.lower().strip(".")
    if w in RANK_ABBREVIATIONS and (w not in _DOTTED_ONLY or word.endswith(".")):
        return RANK_ABBREVIATIONS[w]
    return w


def is_rank_abbreviation(word: str) -> bool:
    """A dotted rank abbreviation ("Gen.", "Pol.") after which a sentence does not end."""
    return word.endswith(".") and word.lower().strip(".") in RANK_ABBREVIATIONS


def is_title_word(word: str) -> bool:
    """A word that can be part of a rank, office or honorific ("Colonel", "Chairman", "Mr", "Lt.")."""
    w = _expand(word)
    return w in _TITLE_WORDS or w in MODIFIERS or w in HONORIFICS


def is_title_head(word: str) -> bool:
    """A rank, office or honorific word that can carry a title on its own."""
    w = _expand(word)
    return w in _RANK_HEADS or w in _OFFICE_HEADS or w in HONORIFICS


def is_rank_word(word: str) -> bool:
    """A military or police rank word ("Colonel", "General")."""
    return word.lower() in _RANK_HEADS


def is_title_phrase(text: str) -> bool:
    """True when every word of `text` is a title word: "Major-General", "Deputy Chairman"."""
    words = [w for w in re.split(r"[\s\-‑–]+", text.strip()) if w and w.lower() not in ("of", "the")]
    return bool(words) and all(is_title_word(w) for w in words) and any(is_title_head(w) for w in words)


def title_core(title: str) -> tuple[str, ...]:
    """The lower-case words of a title before any "of" complement: "Lieutenant-General" ->
    ("lieutenant", "general"), "Head of the Border Service" -> ("head",)."""
    return tuple(w.strip(".") for w in _core(title.lower()) if w.strip("."))


def title_agreement(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How well two title cores agree: 2 the same title, 1 the same head word ("General" and
    "Major-General"), 0 none."""
    if not a or not b:
        return 0
    if a == b:
        return 2
    return 1 if a[-1] == b[-1] else 0


@lru_cache(maxsize=262144)
def clean_text(text: str) -> str:
    """Surface cleanup shared by every entity type: quotes, possessive, leading "the", spaces."""
    t = re.sub(r"\s+", " ", text).strip()
    t = re.sub(r"[\"“”«»„]", "", t).strip()
    t = re.sub(r"(?:['’]s|['’])$", "", t).strip()
    while True:
        new = re.sub(r"^(?:the|The|THE)\s+", "", t)
        if new == t:
            break
        t = new
    out = t.strip(" ,;:.-'’‘`")
    if _ABBREVIATED_END.search(t.rstrip(" ,;:")):
        out += "."  # "Acme S.A.", "Vela Nyrt.": the dot belongs to the abbreviation
    return out


# A name ending in a company's abbreviated legal form, whose last dot is part of it ("S.A.", "Ltd.").
_ABBREVIATED_END = re.compile(r"\s(?:S\.A|N\.V|B\.V|S\.p\.A|L\.L\.C|Nyrt|Zrt|Kft|Ltd|Inc|Co|Corp|Bhd|Pty|Pte)\.$")


def split_titles(name: str) -> tuple[tuple[str, ...], str]:
    """Leading titles of a person name and the bare name: "Colonel-General Wang Ning" ->
    (("Colonel-General",), "Wang Ning")."""
    words = clean_text(name).split(" ")
    i = 0
    while i < len(words) - 1:
        parts = [p for p in re.split(r"[-‑–]", words[i]) if p]
        if parts and all(is_title_word(p) for p in parts):
            i += 1
        else:
            break
    title = " ".join(words[:i])
    return ((title,) if title else ()), " ".join(words[i:])


# ------------------------------------------------------------------ transliteration
# (rule name, pattern, replacement); applied in order on a lower-case word.
_RULES: tuple[tuple[str, str, str], ...] = (
    ("x/ks", r"x", "ks"),
    ("kh/h", r"kh", "h"),
    ("shch/sch", r"shch", "sch"),
    ("ts/tz", r"tz", "ts"),
    ("ch/c (diacritics dropped: -ić/-ic)", r"(?<!s)ch", "c"),
    ("-yev/-ev", r"(?<=[aeiou])y(?=e)", ""),
    ("-eh/-ah ending", r"eh$", "ah"),
    ("w/v", r"w", "v"),
    ("u/v (-ouski/-ovsky)", r"(?<=[aeo])u(?=[bcdfghklmnpqrstvz]|$)", "v"),
    ("dz/d", r"^dz|dz(?=[iey])", "d"),
    ("ts/t", r"ts(?=[iy])", "t"),
    ("-enka/-enko", r"enka$", "enko"),
    ("y/i", r"y", "i"),
    ("j/i", r"j(?=[aeiou])", "i"),
    ("ie/e", r"(?<=[bcdfghklmnpqrstvz])ie(?=[bcdfghklmnpqrstvz])", "e"),
    ("ii/i", r"ii+", "i"),
    ("ia/e", r"(?<=[bcdfghklmnpqrstvz])ia(?=[bcdfghklmnpqrstvz])", "e"),
    ("ei/ey ending", r"ei$", "ei"),
    ("double letters", r"([a-z])\1", r"\1"),
    ("-er/-r ending", r"(?<=[bcdfgkpstvz])er$", "r"),
)


_ascii = spelling.ascii_word


@lru_cache(maxsize=65536)
def fold_with_rules(word: str) -> tuple[str, frozenset[str]]:
    """Transliteration key of one name word and the rules that changed it."""
    w = _ascii(word)
    used = set()
    for name, pattern, repl in _RULES:
        new = re.sub(pattern, repl, w)
        if new != w:
            used.add(name)
            w = new
    return w, frozenset(used)


def fold(word: str) -> str:
    """Transliteration key of one name word: "Lukashenka" and "Lukashenko" -> "lukashenko"."""
    return fold_with_rules(word)[0]


def skeleton(word: str) -> str:
    """Consonant skeleton of a folded word ("aliaksandr" -> "lksndr"); a coarse bucket key."""
    return re.sub(r"[aeiou]", "", fold(word))




@lru_cache(maxsize=1)
def _given_index() -> dict[str, frozenset[str]]:
    idx: dict[str, set[str]] = {}
    for line in lexicon.ordered("given_names"):  # one given name a line, across romanisations
        group = line.split()
        for g in group:
            idx.setdefault(fold(g), set()).update(fold(x) for x in group)
    return {k: frozenset(v) for k, v in idx.items()}


def is_known_given_name(word: str) -> bool:
    """True when `word` is in the given-name variant table."""
    return fold(word) in _given_index()


def given_key(word: str) -> str:
    """A key shared by the variants of one given name ("Aliaksandr", "Alexander" -> same)."""
    f = fold(word)
    group = _given_index().get(f)
    return min(group) if group else f


@lru_cache(maxsize=262144)
def same_given(a: str, b: str) -> str | None:
    """Why two given names are the same name (None when they are not)."""
    if a.lower() == b.lower():
        return "same given name"
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return _explain(a, b)
    if fb in _given_index().get(fa, frozenset()):
        return "given-name variants"
    a1, b1 = a.rstrip("."), b.rstrip(".")
    if (len(a1) == 1 and fb.startswith(a1.lower())) or (len(b1) == 1 and fa.startswith(b1.lower())):
        return "initial"
    if len(a1) > 1 and len(b1) > 1:
        return same_romanised(a, b, 2)  # "Moammar" / "Muammar" / "Mohammar"
    return None


@lru_cache(maxsize=262144)
def same_surname(a: str, b: str) -> str | None:
    """Why two surnames are one romanised name (None when they are not)."""
    if a.lower() == b.lower():
        return "same surname"
    if fold(a) == fold(b):
        return _explain(a, b)
    return None


@lru_cache(maxsize=262144)
def romanised_key(word: str) -> str:
    """The romanisation key of a name word (`spelling.spelling_key` after the transliteration fold):
    "Gaddafi", "Gadhafi", "al-Qaddafi", "Kadhafi" -> one key; "Vasileuski", "Vasilevsky" -> one key."""
    return spelling.spelling_key(fold(spelling.strip_article(word)))


def search_keys(text: str) -> tuple[str, ...]:
    """The keys a name is found by in any romanisation: the whole name's, then its last word's when it
    has several ("Moammar Al Gadhafi" -> "mmr kdf'", "kdf'"). Articles and titles are left out."""
    parsed = parse_person(text)[0]
    words = [w for w in parsed.words if not spelling.is_article(w)]
    keys = [" ".join(romanised_key(w) for w in words)]
    if len(words) > 1:
        keys.append(romanised_key(words[-1]))
    return tuple(k for k in dict.fromkeys(keys) if k.strip())


@lru_cache(maxsize=262144)
def same_romanised(a: str, b: str, min_consonants: int = spelling.MIN_CONSONANTS) -> str | None:
    """Why two name words are one name in different romanisations (None when their keys differ or are
    too short to tell: "Mary" / "Murray")."""
    ka = romanised_key(a)
    if spelling.consonants(ka) < min_consonants or ka != romanised_key(b) or not spelling.vowels_agree(a, b):
        return None
    ra = fold_with_rules(a)[1] | spelling.rules_used(a)
    rb = fold_with_rules(b)[1] | spelling.rules_used(b)
    rules = sorted(ra ^ rb) or sorted(ra | rb)
    return "spelling variants (" + (", ".join(rules) or "vowels") + ")"


def _explain(a: str, b: str) -> str:
    ra, rb = fold_with_rules(a)[1], fold_with_rules(b)[1]
    rules = sorted(ra ^ rb) or sorted(ra | rb)
    return "transliteration " + ", ".join(rules) if rules else "spelling"


# ------------------------------------------------------------------ parsed names
@dataclass(frozen=True)
class PersonName:
    """A cleaned person name split into words; the surname is the last word."""

    text: str
    words: tuple[str, ...]

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def given(self) -> tuple[str, ...]:
        return self.words[:-1]

    @property
    def is_full(self) -> bool:
        return len(self.words) >= 2


@lru_cache(maxsize=65536)
def parse_person(text: str) -> tuple[PersonName, tuple[str, ...]]:
    """Clean a person mention and split off its leading titles.

    The name is the span a reader would draw: an office with its complement ("President of Belarus"),
    a country or nationality before a full name, a news outlet ("CNN"), page-furniture words
    ("Reply", "Share") and a verb opening a question ("Will X Y step down") are not part of it, and
    nor is what follows a split possessive ("X s African").
    """
    words = [w for w in clean_text(text).split(" ") if any(c.isalnum() for c in w)]  # "X - X": no dash
    credit = max((i for i, w in enumerate(words) if "/" in w), default=None)
    if credit is not None:  # a photo credit ("Jane Doe/AP Anna Berg"): the name is what follows it
        words = words[credit + 1:] or [w for w in words[credit].replace("\\", "").split("/")[0:1] if w]
    if any(any(c.isdigit() for c in w) for w in words):
        return PersonName("", ()), ()  # "Avian Flu H5N1", "b. 1823": no person's name holds a digit
    bare = re.sub(r"\b(\w+)( \1\b)+", r"\1", " ".join(words))  # doubled words
    words, titles = _name_words([w for w in bare.split(" ") if w])
    words = tuple(words)
    return PersonName(" ".join(words), words), titles


def drop_time_zone(text: str) -> str:
    """A name without the time zone of a dateline before it ("BST MEXICO CITY" -> "MEXICO CITY")."""
    words = text.split(" ")
    while len(words) > 1 and words[0] in lexicon.words("time_zones"):
        words = words[1:]
    return "" if words and words[0] in lexicon.words("time_zones") else " ".join(words)


_PREFIXED = re.compile(r"^(?:pro|anti|ex|post|pre|non)[-‑–][A-Z]")


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """News outlets and agencies, lower case ("cnn", "al jazeera"): never part of a person's name."""
    return frozenset(w.lower() for w in lexicon.words("news_outlets"))


def _phrase_at(words: list[str], i: int, vocabulary: frozenset[str]) -> int:
    """Length of the longest phrase of `vocabulary` (lower case) starting at words[i], else 0."""
    for n in (3, 2, 1):
        if i + n <= len(words) and " ".join(words[i:i + n]).lower().strip(",.:") in vocabulary:
            return n
    return 0


def _name_words(words: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The words of the name proper, and the titles written before it ("Colonel", "President of Belarus")."""
    outlets, furniture = outlet_words(), lexicon.words("page_furniture")
    titles: list[str] = []
    cut = next((i for i, w in enumerate(words) if i and w in ("s", "S")), None)
    if cut is not None:
        words = words[:cut]  # "Gaddafi s African": the rest follows a split possessive
    if len(words) == 1 and _PREFIXED.match(words[0]):
        return [], ()  # "pro-Mubarak", "anti-Berg": an adjective, not a name
    while len(words) > 1 and (words[0].lower() in lexicon.words("function_words")
                              or words[0].isalpha() and words[0].islower() and words[0] not in SURNAME_PARTICLES
                              and words[0] not in lexicon.words("name_connectors")):
        words = words[1:]  # "As Berg", "force Berg": a sentence's words, not the name's
    words = drop_time_zone(" ".join(words)).split()  # "EDT ATLANTA": a dateline's time zone
    # a title inside the span with a name after it: what stands before is another phrase's
    # ("Northamptonshire Dr Baker" -> "Dr Baker")
    inner = next((i for i in range(1, len(words) - 1) if is_title_head(words[i]) and words[i][:1].isupper()
                  and not is_title_word(words[i - 1]) and words[i - 1].lower() not in ("of", "the")), None)
    if inner is not None:
        words = words[inner:]
    changed = True
    while changed and len(words) > 1:
        changed = False
        n = _phrase_at(words, 0, outlets) or _phrase_at(words, 0, furniture)
        if n and n < len(words):
            words, changed = words[n:], True
            continue
        if len(words) > 2 and words[0].lower() in lexicon.words("name_verbs"):
            words, changed = words[1:], True
            continue
        k = 0
        while k < len(words) - 1 and all(is_title_word(p) for p in re.split(r"[-‑–]", words[k]) if p):
            k += 1
        if k and k + 2 < len(words) and words[k].lower() == "of":
            # "President of Belarus X Y", "Minister of Foreign Affairs X Y": the complement up to the name
            j = k + 1 + (words[k + 1].lower() == "the")
            n = next((n for n in (3, 2, 1) if j + n <= len(words) - 1 and places.lookup(" ".join(words[j:j + n]))),
                     0) or max(0, len(words) - 2 - j)
            if n and all(w[:1].isupper() or w.lower() in ("of", "the", "and") for w in words[j:j + n]):
                titles.append(" ".join(words[:j + n]))
                words, changed = words[j + n:], True
                continue
        if k:
            titles.append(" ".join(words[:k]))  # "Colonel-General X Y"
            words, changed = words[k:], True
            continue
        if len(words) > 2 and (places.country_of_adjective(words[0]) or places.is_country(words[0])):
            words, changed = words[1:], True  # "Belarus Alexander Lukashenko", "Egyptian Hosni Mubarak"
    # after the name only furniture and an outlet in capitals ("X Y CNN"): "Michael Bloomberg" is a name
    while len(words) > 1 and (words[-1].lower() in furniture or words[-1].isupper() and words[-1].lower() in outlets):
        words = words[:-1]
    # an outlet's name of several words led by capitals ("X Y BBC News"): the byline's outlet, not the name
    n = next((n for n in (3, 2) if len(words) > n and words[-n].isupper()
              and " ".join(words[-n:]).lower().strip(",.:") in outlets), 0)
    if n:
        words = words[:-n]
    if words and _phrase_at(words, 0, furniture) == len(words):
        return [], tuple(titles)  # "Comment", "Photo": a page's words alone name no one
    return words, tuple(titles)


def compatible_given(a: PersonName, b: PersonName) -> str | None:
    """Why the given names of two full names agree (first given name; middle names when both have them)."""
    ga = [w for w in a.given if not spelling.is_article(w)]  # "Moammar Al Gadhafi": no given name "Al"
    gb = [w for w in b.given if not spelling.is_article(w)]
    if not ga or not gb:
        return "no given name"
    why = same_given(ga[0], gb[0])
    if why is None:
        return None
    if len(ga) > 1 and len(gb) > 1 and same_given(ga[-1], gb[-1]) is None:
        return None
    return why


def paternal_surname(name: PersonName) -> str | None:
    """The second-to-last word of a name of three words or more, which Hispanic usage keeps as the
    short form ("Ana Ruiz Vela" -> "Ruiz"); None when it is an initial, a particle or a given name."""
    if len(name.words) < 3:
        return None
    w = name.words[-2]
    if len(w) < 3 or not w.isalpha() or not w[:1].isupper() or is_known_given_name(w) or is_title_word(w):
        return None
    return w


def strip_particle(word: str) -> str:
    """The surname without a hyphenated Arabic article: "al-Houthi" -> "Houthi"; other words unchanged."""
    head, sep, rest = word.partition("-")
    return rest if sep and rest and head.lower() in SURNAME_PARTICLES else word


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1
