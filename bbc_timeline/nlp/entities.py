"""Entity fixes for news prose: a spaCy component that runs after "ner".

The small English model makes a few kinds of mistakes again and again on news
text: titles glued to names or tagged on their own ("Major-General" as ORG),
cities tagged as people or organisations ("Kiev" as PERSON), spans running
across a heading's line break, trailing junk ("Borders How"), possessives and
quote marks inside the span, named exercises ("West-2017") not tagged as
events, companies read as people ("the Danish company X"), and other names
given in brackets, after ", or" or after "known as". This component repairs them with general rules and word lists
(titles, ranks, country names and adjectives, org head nouns), records the
titles it finds on `Span._.titles`, and `entity_mentions` turns the result
into plain `Mention` values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bbc_timeline.models import Mention
from bbc_timeline.resolve import names, orgs, places

COMPONENT = "bbc_entity_fixes"
# Labels turned into entity mentions; numeric labels belong to the temporal side.
ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                           "LAW", "LANGUAGE"})
_NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART"})
_UNRELIABLE = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "FAC", "LOC", "ORG"})
_HYPHENS = frozenset("-‑–")
_QUOTE_CHARS = frozenset("\"“”«»„‘’'`")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_LEADING_DETERMINERS = frozenset({"the", "a", "an"})
_KEEP_THE = frozenset({"hague"})  # "The Hague"
# Words that end a span only by mistake ("China on Russia's Borders How does ...").
_TRAILING_JUNK = frozenset(
    ["how", "what", "why", "when", "where", "who", "whom", "which", "whose", "does", "do", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had", "and", "or", "but", "as", "if", "than", "that", "this", "says", "said", "after", "before", "amid", "over", "with", "from", "to", "of", "for", "in", "on", "at", "by"]
)
_PREPOSITIONS = frozenset({"of", "to", "for", "at"})
# Nouns after or before a quoted name that make it a facility ("industrial park “Great Stone”").
_FACILITY_NOUNS = frozenset(
    ["park", "zone", "plant", "factory", "port", "airport", "airbase", "base", "station", "complex", "stadium", "bridge", "dam", "mine", "refinery", "hotel", "hospital", "prison", "camp", "terminal", "cosmodrome", "shipyard", "mall", "centre", "center", "estate", "district", "checkpoint", "crossing", "post", "outpost"]
)
# Facility nouns that are also common verbs or nouns about people ("X crossing the river", "X's post"):
# they name a site only right after "the <Name>".
_WEAK_FACILITY_NOUNS = frozenset(["crossing", "post"])
# Nouns for administrative areas: "the X and Y districts" names two places.
_AREA_NOUNS = frozenset(["district", "region", "province", "oblast", "raion", "county", "village", "town", "canton",
                         "municipality", "governorate", "prefecture"])
# Words before a plural surname that speak of several people of that name ("the two Petrovs").
_PLURAL_CUES = frozenset(["the", "both", "two", "three", "four", "five", "all", "several", "other"])
# Generic nouns for a site ("the X training area", "the X firing range"): a facility only right after
# the name or after one modifier that is no verb, since "X said area residents ..." is common.
_SITE_NOUNS = frozenset(["area", "areas", "ground", "grounds", "range", "field", "site", "polygon"])
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_FACILITY_SKIP = frozenset({"the", "known", "as", "called", "named", "so-called", "so", "-", "“", "”", '"', "'"})
# Last words that make a span tagged as a place an organisation ("... Africa Command").
_PLACE_TO_ORG_HEADS = frozenset(
    ["command", "ministry", "committee", "council", "commission", "agency", "corps", "forces", "army", "navy",
     "guard", "police", "service", "institute", "university", "academy", "corporation", "company", "bank",
     "embassy", "headquarters"]
)
# Head nouns strong enough to turn a PERSON span into an ORG.
_STRONG_ORG_HEADS = frozenset(
    ["ministry", "ministries", "committee", "council", "commission", "bureau", "department", "agency", "institute", "university", "corporation", "organization", "organisation", "company", "secretariat", "directorate", "troops", "army",
     "ministry", "industries", "industry", "enterprises", "holdings", "technologies", "airlines", "airways",
     "laboratories"]
)
# Lower-case nouns for a company or armed group: "the Russian company X", "X, the Danish container line,".
_COMPANY_NOUNS = frozenset(["company", "firm", "conglomerate", "carrier", "refiner", "refinery", "insurer", "lender",
                            "operator", "giant", "subsidiary", "line", "group", "bank", "maker", "producer",
                            "manufacturer", "movement", "militia", "organisation", "organization", "network",
                            "trader", "miner", "airline", "shipper", "broker", "utility"])
# Nouns that may stand right before a company's name; "group" and "line" are too common there.
_COMPANY_NOUNS_BEFORE = _COMPANY_NOUNS - {"group", "line", "movement", "network", "operator", "giant"}
# Words that open a landform's name ("Mount X", "Jebel X", "Wadi X").
_LANDFORM_PREFIXES = frozenset(["mount", "mt", "lake", "cape", "jebel", "jabal", "djebel", "wadi", "ras", "bahr",
                                "monte", "mont", "gunung", "pulau"])
# Words that give another name of the person just named: "X, widely known as Y", "X, nicknamed Y".
_ALIAS_VERBS = frozenset(["known", "nicknamed", "dubbed", "alias", "aka", "a.k.a."])
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
# NAME-YYYY: "West-2017", "United Shield -2017", "Zapad-2021".
_NAMED_EVENT = re.compile(
    r"(?<![\w-])((?:[A-Z][\w’'.]*[ \u00a0]+){0,4}[A-Z][\w’']*)[ \u00a0]?[-‑–][ \u00a0]?((?:19|20)\d{2})(?![\w-])"
)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_ADJECTIVE_SUFFIX = re.compile(r"(?:al|ic|ary|ive|ous|ian|ish|ese|ern)$", re.IGNORECASE)

if not Span.has_extension("titles"):
    Span.set_extension("titles", default=())


@dataclass
class _Ent:
    """A mutable entity candidate (token offsets) while the fixes run."""

    start: int
    end: int
    label: str
    titles: list[str] = field(default_factory=list)
    fixed: bool = False  # label set by a rule that should win over the model elsewhere in the doc


# ------------------------------------------------------------------ helpers
def _is_break(tok: Token) -> bool:
    return tok.is_space or "\n" in tok.text


def _is_quote(tok: Token) -> bool:
    return tok.text in _QUOTE_CHARS or tok.is_quote


def _clean(text: str) -> str:
    return names.clean_text(text)


def _title_text(span: Span) -> str:
    t = span.text.replace("\u2019", "'")
    t = re.sub(r"[\"“”«»„]", "", t)
    t = re.sub(r"\b(\w+)(\s+\1\b)+", r"\1", t, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", t).strip(" ,")


def _span_text(doc: Doc, e: _Ent) -> str:
    return doc[e.start:e.end].text


# ------------------------------------------------------------------ boundary fixes
def _split_breaks(doc: Doc, e: _Ent) -> _Ent | None:
    """Keep the best part of a span that runs across a line break ("Wall\\n\\n\\nDeveloping")."""
    if not any(_is_break(doc[i]) for i in range(e.start, e.end)):
        return e
    parts: list[tuple[int, int]] = []
    s = e.start
    for i in range(e.start, e.end + 1):
        if i == e.end or _is_break(doc[i]):
            if i > s:
                parts.append((s, i))
            s = i + 1
    if not parts:
        return None
    best = max(parts, key=lambda p: (sum(doc[k].is_alpha for k in range(*p)), -p[0]))
    return _Ent(best[0], best[1], e.label, e.titles, e.fixed)


def _trim(doc: Doc, e: _Ent) -> _Ent | None:
    """Drop leading "the"/quotes and trailing possessives, quotes and junk words."""
    s, t = e.start, e.end
    changed = True
    while changed and s < t:
        changed = False
        tok = doc[s]
        if tok.is_punct or _is_quote(tok) or tok.is_space or tok.lower_ in _LEADING_DETERMINERS and not (t - s == 2 and doc[s + 1].lower_ in _KEEP_THE):
            s += 1
            changed = True
        if s >= t:
            break
        tok = doc[t - 1]
        if tok.is_punct or _is_quote(tok) or tok.is_space or tok.text in _POSSESSIVE or t - s > 1 and tok.lower_ in _TRAILING_JUNK and not tok.is_upper:
            t -= 1
            changed = True
    if s >= t:
        return None
    opened = [k for k in range(s, t) if doc[k].text == "("]
    if opened and not any(doc[k].text == ")" for k in range(opened[-1], t)) and opened[-1] > s:
        t = opened[-1]  # "Bureau of Investigation (NBI": the bracket is a separate name (see _acronyms)
        while t > s and (doc[t - 1].is_space or doc[t - 1].is_punct):
            t -= 1
    if s >= t:
        return None
    if e.label == "ORG":
        s = _descriptor_start(doc, s, t)
    return _Ent(s, t, e.label, e.titles, e.fixed)


# Lower-case words that may stand inside an organisation's name ("Bank of X", "Banco de la Y").
_NAME_CONNECTORS = frozenset(["of", "for", "and", "the", "on", "in", "at", "to", "de", "la", "le", "du", "des",
                              "del", "di", "da", "do", "von", "van", "der", "den", "und", "et", "y"])


def _descriptor_start(doc: Doc, s: int, t: int) -> int:
    """Where the name starts in an ORG span opened by a descriptor: "[Budapest institute] Regional
    Centre for X" -> the part after the last lower-case common word, when that part has an org head."""
    for k in range(min(t - 1, s + 3), s, -1):
        tok = doc[k - 1]
        if tok.is_alpha and tok.is_lower and tok.lower_ not in _NAME_CONNECTORS and doc[k].text[:1].isupper() \
                and orgs.has_org_head(doc[k:t].text):
            return k
    return s


# ------------------------------------------------------------------ named events
def _named_events(doc: Doc) -> list[_Ent]:
    """NAME-YYYY exercises and operations, as EVENT spans."""
    found = []
    for m in _NAMED_EVENT.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        s = span.start
        while s < span.end and (doc[s].lower_ in STOP_WORDS or doc[s].lower_ in _MONTHS):
            s += 1
        name_words = [t.lower_ for t in doc[s:span.end]]
        if s >= span.end or any(w.split("-")[0] in _MONTHS for w in name_words):
            continue
        found.append(_Ent(s, span.end, "EVENT", fixed=True))
    return found


# ------------------------------------------------------------------ merges
def _gap(doc: Doc, a: _Ent, b: _Ent) -> list[str]:
    return [t.lower_ for t in doc[a.end:b.start]]


def _merge_chains(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Join "ORG of (the) ORG/GPE", "ORG for <company with a legal form>" and "<adjective> ORG and
    <adjective> ORG" into one name."""
    ents = sorted(ents, key=lambda x: x.start)
    out: list[_Ent] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "ORG" and e.label in ("ORG", "GPE"):
            gap = _gap(doc, prev, e)
            prev_text, e_text = _span_text(doc, prev), _span_text(doc, e)
            if (
                gap and gap[0] == "of" and all(g == "the" for g in gap[1:])
                and orgs.has_org_head(prev_text)
                and (e.label == "ORG" or places.lookup(e_text) is not None)
            ):
                out[-1] = _Ent(prev.start, e.end, "ORG", prev.titles, prev.fixed)
                continue
            if gap == ["for"] and e.label == "ORG" and orgs.has_company_suffix(e_text):
                out[-1] = _Ent(prev.start, e.end, "ORG", prev.titles, prev.fixed)  # "X for Trading Co. Ltd"
                continue
            if (
                gap == ["and"] and e.label == "ORG"
                and not orgs.has_org_head(prev_text) and orgs.has_org_head(e_text)
                and len([t for t in doc[prev.start:prev.end] if t.is_alpha]) >= 2
                and _coordinated(doc, prev, e)
            ):
                out[-1] = _Ent(prev.start, e.end, "ORG", prev.titles, prev.fixed)
                continue
        out.append(e)
    return out


def _coordinated(doc: Doc, a: _Ent, b: _Ent) -> bool:
    """True when the last word of `a` modifies a word of `b` (parse) or both joined words are adjectives."""
    last, first = doc[a.end - 1], doc[b.start]
    if doc.has_annotation("DEP"):
        return b.start <= last.head.i < b.end
    return bool(_ADJECTIVE_SUFFIX.search(last.text) and _ADJECTIVE_SUFFIX.search(first.text))


def _gazetteer(doc: Doc, ents: list[_Ent], keep: list[Span]) -> list[_Ent]:
    """Known countries and cities the model left untagged ("between Minsk and Kyiv")."""
    taken = {i for e in ents for i in range(e.start, e.end)} | {i for s in keep for i in range(s.start, s.end)}
    extra, i = [], 0
    while i < len(doc):
        for n in (3, 2, 1):
            span = doc[i:i + n]
            if len(span) < n or taken.intersection(range(i, i + n)):
                continue
            if not all(t.is_title or (t.is_upper and len(t) > 1) or t.lower_ in ("of", "the") for t in span):
                continue
            if not (span[0].is_title or span[0].is_upper):
                continue
            hit = places.lookup(span.text)
            if hit:
                extra.append(_Ent(i, i + n, hit[1], fixed=True))
                i += n - 1
                break
        i += 1
    return ents + extra


def _acronyms(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """An abbreviation in brackets right after an organisation is a name of it: "Union (EEU)".

    It is marked with `orgs.BRACKETED` so that the resolver joins it to that name even when its
    letters come from another language's words.
    """
    taken = {i for e in ents for i in range(e.start, e.end)}
    alone = {e.start: e for e in ents if e.end - e.start == 1}
    exact = {(e.start, e.end): e for e in ents}
    extra: list[_Ent] = []
    inner: set[tuple[int, int]] = set()  # the model's spans given up for a name in brackets
    for e in ents:
        if e.label == "ORG":
            e.end = _place_complement_end(doc, e.end)
        i = e.end
        if e.label == "ORG" and _appositive_acronym(doc, i):
            _mark_acronym(doc, i + 2, taken, alone, extra)  # "Northland Command, or NORCOM, said"
            continue
        if e.label == "ORG" and i + 3 < len(doc) and doc[i].text == "(" and orgs.is_acronym(doc[i + 1].text) \
                and doc[i + 2].text in (",", ";"):
            # "(NIS, Naftna Industrija Srbije)": the abbreviation, then the name in the original language
            _mark_acronym(doc, i + 1, taken, alone, extra)
            close = next((k for k in range(i + 4, min(i + 12, len(doc))) if doc[k].text == ")"), None)
            if close is not None and _native_name(doc, i + 3, close):
                _bracket_org(exact, taken, extra, i + 3, close, inner)
            continue
        if e.label == "ORG" and i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            tok = doc[i + 1]
            if not orgs.is_acronym(tok.text):
                if _native_name(doc, i + 1, i + 2):
                    _bracket_org(exact, taken, extra, i + 1, i + 2)
                continue
            if i + 1 not in taken:
                extra.append(_Ent(i + 1, i + 2, "ORG", [orgs.BRACKETED], fixed=True))
            elif i + 1 in alone and alone[i + 1].label == "ORG" and orgs.BRACKETED not in alone[i + 1].titles:
                alone[i + 1].titles.append(orgs.BRACKETED)
        elif e.label == "ORG" and i + 1 < len(doc) and doc[i].text == "(":
            close = next((k for k in range(i + 2, min(i + 10, len(doc))) if doc[k].text == ")"), None)
            if close is not None and _native_name(doc, i + 1, close):
                _bracket_org(exact, taken, extra, i + 1, close, inner)  # "Supreme Court (Mahkamah Agung)"
    for tok in doc[:-3]:
        # "ABC (Alfa Bravo Charlie)": an abbreviation the model missed, defined by the name in brackets
        k = tok.i
        if k in taken or not orgs.is_acronym(tok.text) or len(tok.text) < 3 or doc[k + 1].text != "(":
            continue
        close = next((j for j in range(k + 3, min(k + 10, len(doc))) if doc[j].text == ")"), None)
        if close is None or not _native_name(doc, k + 2, close, False) or doc[k + 2].text[0] != tok.text[0]:
            continue
        extra.append(_Ent(k, k + 1, "ORG", [], True))
        taken.add(k)
        _bracket_org(exact, taken, extra, k + 2, close, inner)
    return [x for x in ents if (x.start, x.end) not in inner] + extra


def _spelled_acronyms(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Capitalised words whose initials are the abbreviation in brackets right after them are an
    organisation, whatever the model made of them: "Vela Nova (VN)" with "Vela" a place, "Nova" a person."""
    out = list(ents)
    for k in range(1, len(doc) - 2):
        acr = doc[k + 1].text
        if doc[k].text != "(" or doc[k + 2].text != ")" or not orgs.is_acronym(acr) or k < len(acr):
            continue
        s = k - len(acr)
        words = doc[s:k]
        if not all(w.is_alpha and w.text[:1].isupper() for w in words) \
                or "".join(w.text[0] for w in words).upper() != acr.upper() \
                or places.lookup(words.text) is not None or names.is_known_given_name(words[0].text):
            continue
        inside = [e for e in out if e.start < k and e.end > s]
        if any(e.start < s or e.end > k for e in inside):
            continue  # a span reaching outside the words
        out = [e for e in out if e not in inside and not (e.start == k + 1 and e.end == k + 2)]
        out.append(_Ent(s, k, "ORG", [], True))
        out.append(_Ent(k + 1, k + 2, "ORG", [orgs.BRACKETED], True))
    return sorted(out, key=lambda x: x.start)


def _appositive_acronym(doc: Doc, i: int) -> bool:
    """Tokens from i read ", or ABC," (or end the sentence): an abbreviation given in apposition."""
    return (i + 3 <= len(doc) - 1 and doc[i].text == "," and doc[i + 1].lower_ == "or"
            and orgs.is_acronym(doc[i + 2].text) and doc[i + 3].is_punct)


def _mark_acronym(doc: Doc, k: int, taken: set[int], alone: dict[int, _Ent], extra: list[_Ent]) -> None:
    """Make token k an organisation's abbreviation (creating the span if the model missed it)."""
    if k not in taken:
        extra.append(_Ent(k, k + 1, "ORG", [orgs.BRACKETED], fixed=True))
        taken.add(k)
    elif k in alone and alone[k].label == "ORG" and orgs.BRACKETED not in alone[k].titles:
        alone[k].titles.append(orgs.BRACKETED)


def _place_complement_end(doc: Doc, i: int) -> int:
    """Past "of/in <known place>" after an organisation's name when a bracketed name follows it:
    "the Supreme Court of Northland (Hoge Raad)", "the Mission in Northland (MINUN)"; else i."""
    if i + 2 >= len(doc) or doc[i].lower_ not in ("of", "in"):
        return i
    for n in (3, 2, 1):
        k = i + 1 + n
        if k < len(doc) - 1 and places.lookup(doc[i + 1:k].text) and (
                doc[k].text == "(" and places.lookup(doc[k + 1].text) is None or _appositive_acronym(doc, k)):
            return k
    return i


def _native_name(doc: Doc, s: int, t: int, capital_end: bool = True) -> bool:
    """Words in brackets that can be an organisation's other name (not a place or number): capitalised
    words, or a capitalised first word followed by words of another language ("Jadranski naftovod",
    "Magyar Olaj- es Gazipari Nyrt.") that are no English function words."""
    words = doc[s:t]
    if not words or places.lookup(words.text) is not None or names.is_title_phrase(words.text):
        return False
    if all(w.is_alpha and w.text[:1].isupper() for w in words):
        return True
    first, last = words[0], [w for w in words if w.text != "."][-1]
    return (first.is_alpha and first.text[:1].isupper() and (last.text[:1].isupper() or not capital_end)
            and len(words) >= 2
            and all(re.fullmatch(r"[^\W\d_]+-?", w.text) and w.lower_ not in STOP_WORDS or w.text == "." and w.i == t - 1
                    for w in words))


def _bracket_org(exact: dict[tuple[int, int], _Ent], taken: set[int], extra: list[_Ent], s: int, t: int,
                 inner: set[tuple[int, int]] | None = None) -> None:
    """Make tokens s..t an organisation name given in brackets (retyping the model's span there).

    With `inner`, the model's spans inside the brackets ("(Magyar [Olaj] ...)") are given up for it
    (their offsets are added to `inner` for the caller to drop)."""
    cur = exact.get((s, t))
    if cur is not None:
        cur.label, cur.fixed = "ORG", True
        if orgs.BRACKETED not in cur.titles:
            cur.titles.append(orgs.BRACKETED)
        return
    inside = [key for key in exact if s <= key[0] and key[1] <= t]
    if inner is not None and len({i for a, b in inside for i in range(a, b)}) == len(taken.intersection(range(s, t))):
        inner.update(inside)
    elif taken.intersection(range(s, t)):
        return
    taken.update(range(s, t))
    extra.append(_Ent(s, t, "ORG", [orgs.BRACKETED], fixed=True))


# ------------------------------------------------------------------ labels
def _facility_cue(doc: Doc, e: _Ent) -> bool:
    quoted = (e.start > 0 and _is_quote(doc[e.start - 1])) or (e.end < len(doc) and _is_quote(doc[e.end]))
    if e.label not in ("EVENT", "WORK_OF_ART", "PRODUCT", "FAC") and not quoted:
        return False
    i, steps = e.start - 1, 0
    while i >= 0 and steps < 5 and doc[i].lower_ in _FACILITY_SKIP | _QUOTE_CHARS:
        i, steps = i - 1, steps + 1
    if i >= 0 and doc[i].lower_ in _FACILITY_NOUNS:
        return True
    j = e.end
    while j < len(doc) and _is_quote(doc[j]):
        j += 1
    return any(doc[k].lower_ in _FACILITY_NOUNS for k in range(j, min(j + 2, len(doc))))


def _lower_words(doc: Doc) -> frozenset[str]:
    """Words written in lower case somewhere in the document (cached on the doc)."""
    cached = doc.user_data.get("bbc_lower_words")
    if cached is None:
        cached = frozenset(t.text for t in doc if t.is_lower and t.is_alpha)
        doc.user_data["bbc_lower_words"] = cached
    return cached


def _relabel(doc: Doc, e: _Ent) -> _Ent | None:
    """Fix the label from word lists: places, adjectives, titles, org heads; None drops the span."""
    text = _clean(_span_text(doc, e))
    if not text:
        return None
    words = text.split()
    if e.label in _NAME_LABELS and names.is_title_phrase(text):
        return None  # "Major-General" tagged ORG
    if e.label == "PERSON" and all(names.is_title_word(p) for w in words for p in re.split(r"[-\u2011\u2013]", w) if p):
        return None  # "Ambassador [Extraordinary]": title words only
    if e.label == "PERSON" and _demonym_and_titles(doc, e):
        return _leading_demonym(doc, e)  # "Moldovan Minister": an office, not a name
    if e.label != "PERSON" and _titled_name(words):
        return _Ent(e.start, e.end, "PERSON", e.titles, True)  # "Field Marshal Khalifa Haftar" tagged ORG
    hit = places.lookup(text)
    if hit and e.label in _NAME_LABELS and e.label != hit[1]:
        return _Ent(e.start, e.end, hit[1], e.titles, True)
    if e.label in ("GPE", "LOC", "ORG", "EVENT", "FAC", "PERSON") and places.is_demonym_compound(text):
        return _Ent(e.start, e.end, "NORP", e.titles, True)
    if e.label == "PERSON" and re.search(r"\s(?:of\s+the|of\s+[A-Z][a-z]+\s+[A-Z])", text):
        return None  # "Order of the White Eagle": persons do not carry "of the"
    if e.label in ("GPE", "LOC") and len(words) >= 2 and words[-1].lower() in _PLACE_TO_ORG_HEADS and not hit:
        return _Ent(e.start, e.end, "ORG", e.titles, True)  # "United States Africa Command" tagged GPE
    if e.label == "PERSON" and len(words) >= 2 and words[0].lower().strip(".") in _LANDFORM_PREFIXES:
        return _Ent(e.start, e.end, "LOC", e.titles, True)  # "the mines of Jebel Amer"
    if e.label == "PERSON" and any(w.lower() in _STRONG_ORG_HEADS for w in words):
        return _Ent(e.start, e.end, "ORG", e.titles, True)
    if e.label in ("ORG", "PERSON") and len(words) == 1 and words[0].lower() in places.DIRECTION_ADJECTIVES:
        return None
    if e.label == "ORG" and len(words) == 1 and names.is_title_word(words[0]) and e.end < len(doc) and \
            names.is_title_word(doc[e.end].text):
        return None  # "Defence" in "Defence Minister X": part of a title
    if e.label == "ORG" and len(words) == 1 and _adjective_before_noun(doc, e):
        return None  # "Turkic states": an adjective the model read as an organisation
    if e.label == "ORG" and _PLURAL_ACRONYM.fullmatch(text):
        return None  # "UAVs", "NGOs": a common noun
    if e.label == "ORG" and len(words) == 1 and not words[0].isupper() and words[0].lower() in _lower_words(doc):
        return None  # a common word capitalised in a headline ("Borders")
    if e.label in ("EVENT", "WORK_OF_ART", "PRODUCT", "FAC") and len(words) >= 2 and \
            words[-1].lower() in _PLACE_TO_ORG_HEADS | {"force"}:
        return _Ent(e.start, e.end, "ORG", e.titles, True)  # "the Northland Ground Force's base"
    if e.label in _UNRELIABLE and _facility_cue(doc, e):
        return _Ent(e.start, e.end, "FAC", e.titles, True)
    if e.label in ("ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT") and len(words) >= 2 and \
            words[-1].lower() in places.LANDFORM_NOUNS and words[-2][:1].isupper():
        return _Ent(e.start, e.end, "LOC", e.titles)  # "the Zelmo Valley" tagged ORG (a weak cue: not fixed)
    if e.label == "PERSON" and not e.titles and _facility_after(doc, e):
        return _Ent(e.start, e.end, "FAC", e.titles, True)  # "the Al-Waha air base": a name on a site
    if e.label == "PERSON" and _plural_noun_at_start(doc, e):
        return None  # "Observers believe ...": a capitalised plural noun, not a person
    return e


def _demonym_and_titles(doc: Doc, e: _Ent) -> bool:
    """A span of nationality adjectives and title or office words only, with at least one of each."""
    words = [t.text for t in doc[e.start:e.end] if t.is_alpha and t.lower_ not in ("of", "the")]
    parts = [p for w in words for p in re.split(r"[-\u2011\u2013]", w) if p]
    demonyms = [p for p in parts if places.country_of_adjective(p)]
    return bool(demonyms) and len(demonyms) < len(parts) and all(
        places.country_of_adjective(p) or names.is_title_word(p) for p in parts)


def _leading_demonym(doc: Doc, e: _Ent) -> _Ent | None:
    """The nationality adjectives that open the span, as NORP (None when it opens with a title)."""
    k = e.start
    while k < e.end and places.country_of_adjective(doc[k].text):
        k += 1
    return _Ent(e.start, k, "NORP", [], True) if k > e.start else None


def _adjective_before_noun(doc: Doc, e: _Ent) -> bool:
    """A one-word span with an adjective ending right before a lower-case word ("Turkic states")."""
    word = doc[e.start].text
    nxt = doc[e.end] if e.end < len(doc) else None
    return (bool(_ADJECTIVE_SUFFIX.search(word)) and not word.isupper() and nxt is not None
            and nxt.is_alpha and nxt.is_lower and not nxt.is_stop)


def _facility_after(doc: Doc, e: _Ent) -> bool:
    """A facility noun (singular or plural) right after the span, as in "X air base(s)" or "X airport",
    or a site noun such as "X training area"; "X and Y" before a plural facility noun counts too."""
    end = _coordinated_end(doc, e.end)
    for k in range(end, min(end + 2, len(doc))):
        w = doc[k].lower_
        if w in _WEAK_FACILITY_NOUNS:
            if k == end and e.start > 0 and doc[e.start - 1].lower_ == "the" and not _hyphen_after(doc, k):
                return True
            return False
        if w in _FACILITY_NOUNS or (w.endswith("s") and w[:-1] in _FACILITY_NOUNS):
            return True
        if w in _SITE_NOUNS and doc[k].is_lower and (k == e.end or not _verb(doc[k - 1])):
            return True
        if not doc[k].is_lower:
            return False
    return False


def _hyphen_after(doc: Doc, k: int) -> bool:
    return k + 1 < len(doc) and doc[k + 1].text in _HYPHENS and not doc[k].whitespace_


def _coordinated_end(doc: Doc, k: int) -> int:
    """Past "and Y" when a plural noun follows ("X and Y districts"): where the shared noun phrase goes on."""
    if k + 2 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha:
        nxt = doc[k + 2].lower_
        if nxt.endswith("s") and (nxt[:-1] in _FACILITY_NOUNS or nxt[:-1] in _AREA_NOUNS):
            return k + 2
    return k


def _coordinated_places(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """In "the X and Y districts" (or "... checkpoints") X and Y are both places, whatever the model said.

    X and Y are single capitalised words, tagged or not; an area noun makes them GPE, a facility
    noun FAC. Titled people are left alone.
    """
    at = {e.start: e for e in ents if e.end - e.start == 1}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = {id(e): e for e in ents}
    added: list[_Ent] = []
    for tok in doc[1:-3]:
        i = tok.i
        if doc[i - 1].lower_ != "the" or doc[i + 1].lower_ != "and" or _coordinated_end(doc, i + 1) != i + 3:
            continue
        noun = doc[i + 3].lower_[:-1]
        label = "GPE" if noun in _AREA_NOUNS else "FAC"
        pair = (i, i + 2)
        if not all(doc[k].text[:1].isupper() and doc[k].is_alpha and (k in at or k not in taken)
                   and not _adjective_like(doc[k].text) for k in pair):
            continue  # "the Kyrgyz and Tajik villages": adjectives, not names
        if any(k in at and at[k].titles for k in pair):
            continue
        for k in pair:
            cur = at.get(k)
            if cur is None:
                added.append(_Ent(k, k + 1, label, [], True))
            elif cur.label not in ("GPE", "LOC", label):
                out[id(cur)] = _Ent(k, k + 1, label, [], True)
    return sorted([*out.values(), *added], key=lambda x: x.start)


def _adjective_like(word: str) -> bool:
    return bool(places.country_of_adjective(word) or word.lower() in places.DIRECTION_ADJECTIVES
                or _ADJECTIVE_SUFFIX.search(word))


def _plural_surnames(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Drop a PERSON span that is the plural of a surname of the document after "the two", "both" and
    the like ("the two Petrovs are not related"): several people, none of them named."""
    surnames = {names.fold(doc[e.end - 1].text) for e in ents if e.label == "PERSON" and e.end - e.start >= 2}

    def plural(e: _Ent) -> bool:
        word = doc[e.start].text
        return (e.label == "PERSON" and e.end - e.start == 1 and e.start > 0 and word.endswith("s")
                and len(word) > 4 and names.fold(word[:-1]) in surnames
                and (doc[e.start - 1].lower_ in _PLURAL_CUES or doc[e.start - 1].like_num))
    return [e for e in ents if not plural(e)]


def _verb(tok: Token) -> bool:
    """A verb or a word that cannot modify a site noun (without tags: a lower-case stop word)."""
    if tok.tag_:
        return tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.pos_ in ("AUX", "ADP", "DET", "PRON")
    return tok.is_stop


def _plural_noun_at_start(doc: Doc, e: _Ent) -> bool:
    """A one-word span opening a sentence with a plural agent-noun ending ("Observers", "Analysts")."""
    if e.end - e.start != 1:
        return False
    tok = doc[e.start]
    opens = e.start == 0 or doc[e.start - 1].text in (".", "!", "?") or doc[e.start - 1].is_space
    return opens and bool(re.fullmatch(r"[A-Z][a-z]+(?:ers|ists|ants|ents|ians|ors)", tok.text))


def _titled_name(words: list[str]) -> bool:
    """Two or more title words then a capitalised name with no org head: a person ("Field Marshal X Y")."""
    parts = [p for w in words for p in re.split(r"[-\u2011\u2013]", w) if p]
    i = 0
    while i < len(parts) and names.is_title_word(parts[i]):
        i += 1
    rest = parts[i:]
    if i < 2 or not rest or not any(names.is_title_head(p) for p in parts[:i]):
        return False  # "General Motors": one title-like word is too weak a cue
    return all(w[:1].isupper() and w.isalpha() for w in rest) and not any(
        w.lower() in _STRONG_ORG_HEADS or w.lower() in ("of", "and") for w in rest) and places.lookup(
        " ".join(rest)) is None


def _propagate(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A label fixed by a rule applies to the same name elsewhere in the document."""
    fixed = {}
    for e in ents:
        if e.fixed:
            fixed.setdefault(_clean(_span_text(doc, e)).lower(), e.label)
    out = []
    for e in ents:
        label = fixed.get(_clean(_span_text(doc, e)).lower())
        if label and not e.fixed and e.label in _NAME_LABELS and e.label != "PERSON":
            e = _Ent(e.start, e.end, label, e.titles, True)
        out.append(e)
    return out


def _name_token(doc: Doc, tok: Token) -> bool:
    """A capitalised word that can be part of a person name here (not a title, stop word or place)."""
    t = tok.text
    return (t[:1].isupper() and t.isalpha() and len(t) > 1 and t.lower() not in STOP_WORDS
            and not names.is_title_word(t) and t.lower() not in _MONTHS
            and t.lower() not in _lower_words(doc) and places.lookup(t) is None
            and not places.country_of_adjective(t))


def _given_left(doc: Doc, i: int, taken: set[int]) -> int:
    """Extend a name starting at token i leftwards over given names ("Ihor" Klymenko, "Yunus-Bek" Y)."""
    start = i
    for _ in range(3):
        j = start - 1
        if j >= 0 and doc[j].text in _HYPHENS and not doc[j].whitespace_ and j - 1 >= 0:
            if j - 1 not in taken and not doc[j - 1].whitespace_ and _name_token(doc, doc[j - 1]):
                start = j - 1
                continue
            break
        if j < 0 or j in taken or not doc[j].whitespace_ or not _name_token(doc, doc[j]):
            break
        # a capital at a sentence start proves nothing unless it is a known given name
        if (j == 0 or doc[j - 1].is_punct and doc[j - 1].text in ".!?\n" or doc[j - 1].is_space) and \
                not names.is_known_given_name(doc[j].text):
            break
        start = j
    return start


def _known_surnames(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A surname the document gives with a first name is a person wherever else it occurs.

    Untagged occurrences become PERSON (with given names to their left), single words the model
    tagged as a place or organisation with the same romanised key are relabelled, and a bare
    PERSON surname takes the given names written just before it.
    """
    full: set[str] = set()
    bare: set[str] = set()
    firsts: dict[str, set[str]] = defaultdict(set)  # first word of a full name -> the names it opens
    for e in ents:
        toks = [t for t in doc[e.start:e.end] if t.is_alpha and not names.is_title_word(t.text)]
        if e.label == "PERSON" and toks and len(toks[-1].text) >= 4:
            (full if len(toks) >= 2 else bare).add(names.fold(toks[-1].text))
            paternal = names.paternal_surname(names.PersonName("", tuple(t.text for t in toks)))
            if paternal and len(paternal) >= 4:
                full.add(names.fold(paternal))  # "Molina" of "Ana Molina Vela"
        if e.label == "PERSON" and len(toks) >= 2 and len(toks[0].text) >= 4:
            firsts[names.fold(toks[0].text)].add(" ".join(t.lower_ for t in toks))
    # a first name that opens one full name only and is no surname: Thai and Khmer short forms ("Thanakorn")
    given = {k for k, v in firsts.items() if len(v) == 1 and k not in full | bare}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[_Ent] = []
    for e in ents:
        one = e.end - e.start == 1 and doc[e.start].is_alpha
        if one and names.fold(doc[e.start].text) in full and not (e.fixed and e.label != "PERSON"):
            if e.label != "PERSON" and places.lookup(doc[e.start].text) is None:
                e = _Ent(e.start, e.end, "PERSON", e.titles, True)
        if one and e.label == "PERSON":
            s = _given_left(doc, e.start, taken)
            taken.update(range(s, e.start))
            if any(orgs.has_org_head(t.text) or t.lower_ in _STRONG_ORG_HEADS for t in doc[s:e.start]):
                e = _Ent(s, e.end, "ORG", [], True)  # "Heavy Industries [Taxila]": a company, not a person
            else:
                e = _Ent(s, e.end, e.label, e.titles, e.fixed)
        out.append(e)
    for tok in doc:
        key = names.fold(tok.text)
        if tok.i in taken or not tok.is_alpha or key not in full | bare or not tok.text[:1].isupper():
            continue
        s = _given_left(doc, tok.i, taken)
        # a name known only bare needs a given name before this occurrence to be sure
        if key not in full and s == tok.i:
            continue
        taken.update(range(s, tok.i + 1))
        out.append(_Ent(s, tok.i + 1, "PERSON", [], True))
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.i in taken or not tok.is_alpha or names.fold(tok.text) not in given or not _name_token(doc, tok) \
                or (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha):
            continue
        taken.add(tok.i)
        out.append(_Ent(tok.i, tok.i + 1, "PERSON", [], True))
    return sorted(out, key=lambda x: x.start)


def _org_word(tok: Token) -> bool:
    """A word that heads organisation or facility names ("Ministry", "Forces", "Airport")."""
    w = tok.lower_
    return (orgs.has_org_head(tok.text) or w in _PLACE_TO_ORG_HEADS or w in _STRONG_ORG_HEADS
            or w in _FACILITY_NOUNS or w in _SITE_NOUNS)


def _office_org_name(doc: Doc, e: _Ent) -> int | None:
    """Start of a two-word name ending an ORG span that follows an office with a complement.

    The model reads "Minister of Defense Kenji Morimoto" as the ORG "Defense Kenji Morimoto"
    (or tags the whole run): the complement ("Defense") belongs to the title and the last two
    name-like words are a person. None when the span does not look like that.
    """
    n = e.end - 2
    if n <= e.start or not doc[n].whitespace_:
        return None
    if not all(_name_token(doc, t) and not _org_word(t) and t.lower_ not in _WEEKDAYS and t.tag_ != "NNPS"
               for t in doc[n:e.end]):
        return None
    k = e.start
    if k + 1 < n and (names.is_title_head(doc[k].text) or doc[k].lower_ == "ministry") and doc[k + 1].lower_ == "of":
        comp = doc[k + 2:n]  # the whole run was tagged
    else:
        j = k - 1
        if j >= 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 1 or doc[j].lower_ != "of" or not (names.is_title_head(doc[j - 1].text) or doc[j - 1].lower_ == "ministry"):
            return None
        comp = doc[k:n]
    if not 1 <= len(comp) <= 5 or comp[-1].lower_ in ("of", "the", "and"):
        return None
    if not all(t.lower_ in ("of", "the", "and") or (t.is_alpha and t.text[:1].isupper()) for t in comp):
        return None
    return n


def _split_office_orgs(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Cut the person off an ORG span that runs from an office's complement into a name."""
    out = []
    for e in ents:
        n = _office_org_name(doc, e) if e.label == "ORG" else None
        out.append(e if n is None else _Ent(n, e.end, "PERSON", [], True))
    return out


def _surname_right(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A one-word PERSON span takes one untagged name word right after it ("Prime Minister [X] Y").

    The mirror of `_given_left`: the model often tags only the first of two unfamiliar name words.
    Organisation words, weekdays, a word the tagger does not read as a proper noun ("Putin Warns
    of ..." in a headline) and a word that starts a longer capitalised run are left alone.
    """
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        j = e.end
        if (e.label == "PERSON" and j - e.start == 1 and j < len(doc) and j not in taken
                and doc[e.start].whitespace_ == " " and _name_token(doc, doc[e.start])
                and _name_token(doc, doc[j]) and not _org_word(doc[j]) and doc[j].lower_ not in _WEEKDAYS
                and doc[j].tag_ in ("", "NNP") and not _run_continues(doc, j)):
            e = _Ent(e.start, j + 1, e.label, e.titles, e.fixed)
            taken.add(j)
        out.append(e)
    return out


def _run_continues(doc: Doc, j: int) -> bool:
    """Token j is followed by another capitalised word or a hyphen joining one."""
    if j + 1 >= len(doc):
        return False
    nxt = doc[j + 1]
    if not doc[j].whitespace_:
        return nxt.text in _HYPHENS or nxt.is_alpha
    return nxt.is_alpha and nxt.text[:1].isupper()


def _particles(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Take a hyphenated Arabic article into the name after it: "al-[Houthi]" -> "al-Houthi"."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        s = e.start
        if e.label in _NAME_LABELS and s >= 2 and doc[s - 1].text in _HYPHENS and not doc[s - 1].whitespace_ \
                and not doc[s - 2].whitespace_ and doc[s - 2].lower_ in names.SURNAME_PARTICLES \
                and s - 2 not in taken:
            e.start = s - 2
            taken.update((s - 2, s - 1))
    return ents


def _company_cues(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A PERSON span that a company noun introduces is an organisation: "the Russian company X ...",
    "X, the Danish container line, ...", "the movement that calls itself X"."""
    out = []
    for e in ents:
        if e.label == "PERSON" and not e.titles and (_company_before(doc, e) or _company_after(doc, e)):
            e = _Ent(e.start, e.end, "ORG", e.titles, True)
        out.append(e)
    return out


def _company_before(doc: Doc, e: _Ent) -> bool:
    if e.start >= 4 and doc[e.start - 1].lower_ in ("itself", "themselves") \
            and doc[e.start - 2].lower_ in ("calls", "called", "call", "names", "named") \
            and doc[e.start - 3].lower_ in ("that", "which") and doc[e.start - 4].lower_ in _COMPANY_NOUNS:
        return True  # "the movement that calls itself X"
    prev = doc[e.start - 1] if e.start > 0 else None
    nxt = doc[e.end] if e.end < len(doc) else None
    if prev is None or not prev.is_lower or prev.lower_ not in _COMPANY_NOUNS_BEFORE:
        return False
    if nxt is None or nxt.is_punct or not (nxt.tag_.startswith("VB") or nxt.is_lower and not nxt.is_stop):
        return True
    # "the company X founded": X is the subject of a relative clause, not the company (needs a parse)
    return doc.has_annotation("DEP") and nxt.dep_ != "relcl"


def _company_after(doc: Doc, e: _Ent) -> bool:
    k = e.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("the", "a", "an"):
        return False
    for n in range(k + 2, min(k + 6, len(doc))):
        tok = doc[n]
        if tok.lower_ in _COMPANY_NOUNS and tok.is_lower:
            return n + 1 >= len(doc) or doc[n + 1].text in (",", ".", ";", ")")
        if not (tok.is_alpha and (tok.is_lower or places.country_of_adjective(tok.text))):
            return False
    return False


def _known_as(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A name given after "known as", "nicknamed" or "dubbed" right after a person's name is another name
    of that person: "X, widely known as Y", "X, a regional commander known as Y".

    Y becomes a PERSON marked with `names.ALIAS_AFTER_NAME`, so the resolver joins it to X. Only
    lower-case words (no verb other than "is"/"was") may stand between X and the cue; "dubbed" and
    "nicknamed" in the active voice ("X dubbed Y ...", "who dubbed Y") name someone else.
    """
    starts = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for e in ents:
        if e.label != "PERSON":
            continue
        k = e.end
        comma = k < len(doc) and doc[k].text == ","
        k += comma
        skipped = 0
        while k < len(doc) and skipped <= 5 and doc[k].lower_ not in _ALIAS_VERBS:
            tok = doc[k]
            if not (tok.is_alpha and tok.is_lower) or (tok.tag_[:2] in ("VB", "MD") and tok.lower_ not in
                                                         ("is", "was", "known")):
                break
            k, skipped = k + 1, skipped + 1
        if k >= len(doc) or doc[k].lower_ not in _ALIAS_VERBS:
            continue
        cue = doc[k].lower_
        if cue in ("nicknamed", "dubbed") and (not (comma or skipped) or doc[k - 1].lower_ in ("who", "which", "that")):
            continue
        k += 1
        if cue == "known":
            if k >= len(doc) or doc[k].lower_ != "as":
                continue
            k += 1
        while k < len(doc) and _is_quote(doc[k]):
            k += 1
        alias = _alias_span(doc, k, starts, taken)
        if alias is None or alias is e:
            continue
        if alias not in out:
            out.append(alias)
        alias.label, alias.fixed = "PERSON", True
        if names.ALIAS_AFTER_NAME not in alias.titles:
            alias.titles.append(names.ALIAS_AFTER_NAME)
    return sorted(out, key=lambda x: x.start)


def _alias_span(doc: Doc, k: int, starts: dict[int, _Ent], taken: set[int]) -> _Ent | None:
    """The name starting at token k: the model's span there, else a run of capitalised words."""
    cur = starts.get(k)
    if cur is not None:
        text = _clean(_span_text(doc, cur))
        return cur if places.lookup(text) is None and not names.is_title_phrase(text) else None
    end = k
    while end < len(doc) and end - k < 4 and end not in taken and doc[end].is_alpha and doc[end].text[:1].isupper() \
            and not names.is_title_word(doc[end].text):
        end += 1
    if end == k or places.lookup(doc[k:end].text) is not None:
        return None
    return _Ent(k, end, "PERSON", [], True)


def _route_places(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Names joined by dashes with a known place are places ("the Kyiv–Zhytel railway").

    A route or line written "A–B–C" names places only; the model tags the unknown parts as
    organisations. Runs inside a longer entity ("A–B Pipeline Company") or with a person are left alone.
    """
    out = list(ents)
    i = 0
    while i < len(doc):
        parts, j = [i], i
        while j + 2 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text in _HYPHENS \
                and not doc[j + 1].whitespace_:
            j += 2
            parts.append(j)
        i = j + 1
        if len(parts) < 2 or not any(places.lookup(doc[p].text) for p in parts):
            continue
        # an acronym joined to a place ("NATO-Russia") is an organisation's, not a stop on a route
        if not all(places.lookup(doc[p].text) or (_name_token(doc, doc[p]) and not _org_word(doc[p])
                                                  and not doc[p].text.isupper())
                   for p in parts):
            continue
        lo, hi = parts[0], parts[-1] + 1
        inside = [e for e in out if e.start < hi and e.end > lo]
        if any(e.start < lo or e.end > hi or e.label == "PERSON" for e in inside):
            continue
        out = [e for e in out if not (e.start < hi and e.end > lo)]
        for p in parts:
            hit = places.lookup(doc[p].text)
            out.append(_Ent(p, p + 1, hit[1] if hit else "GPE", [], True))
    return sorted(out, key=lambda x: x.start)


# Prepositions after which a lone capitalised name is a place ("in X", "at X", "near X"), and verbs of
# movement that make "to X" / "from X" a place too ("moved to X").
_LOCATIVE = frozenset(["in", "near", "outside", "at"])
_MOTION_VERBS = frozenset(["moved", "move", "moves", "moving", "travelled", "traveled", "flew", "returned",
                           "went", "fled", "sailed", "headed", "came", "transferred", "deported", "extradited",
                           "relocated", "driven", "taken", "flown", "shipped", "smuggled", "sent"])


def _locative_places(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A one-word name without a title right after "in"/"near"/"at" (or "to" after a verb of movement)
    is a place, whatever the model said ("detained in X" tagged ORG, "moved to X" tagged PERSON); so is
    one before an area noun or after "<area noun> of" ("the X region", "the canton of X"), an
    organisation after "toward", and a two-word person after "at"/"near" (see `_two_word_locative`).

    Organisations are only retyped after "in"/"near"/"outside" ("worked at X" names a company), and a
    word that ends a multi-word person of the document is left alone ("according to ... in Berg's").
    """
    surnames = {names.fold(doc[e.end - 1].text) for e in ents if e.label == "PERSON" and e.end - e.start >= 2}
    # surnames of people named in three words or more: a two-word name ending so is a short form of one
    long_surnames = {names.fold(doc[e.end - 1].text) for e in ents if e.label == "PERSON" and e.end - e.start > 2}
    out = []
    for e in ents:
        if _two_word_locative(doc, e, long_surnames) if e.end - e.start == 2 else _locative_name(doc, e, surnames):
            e = _Ent(e.start, e.end, "GPE", e.titles, True)
        out.append(e)
    return out


def _locative_name(doc: Doc, e: _Ent, surnames: set[str]) -> bool:
    if e.label not in ("PERSON", "ORG") or e.end - e.start != 1 or e.titles or e.start == 0:
        return False
    tok, prev = doc[e.start], doc[e.start - 1].lower_
    nxt = doc[e.end] if e.end < len(doc) else None
    if tok.is_alpha and tok.is_title and not orgs.has_org_head(tok.text) and names.fold(tok.text) not in surnames:
        # "the X region", "the canton of X": an area's name
        if nxt is not None and nxt.is_lower and nxt.lower_ in _AREA_NOUNS:
            return True
        if prev == "of" and e.start >= 2 and doc[e.start - 2].lower_ in _AREA_NOUNS:
            return True
        if prev in ("toward", "towards") and e.label == "ORG":
            return True
    if not (tok.is_alpha and tok.is_title) or names.fold(tok.text) in surnames or orgs.has_org_head(tok.text) \
            or names.is_title_word(tok.text) or tok.lower_ in _STRONG_ORG_HEADS or tok.lower_ in _lower_words(doc):
        return False
    if e.end < len(doc) and doc[e.end].text in _POSSESSIVE:
        return False  # "in X's government": a person's
    if prev in ("to", "from"):
        return e.label == "PERSON" and e.start >= 2 and doc[e.start - 2].lower_ in _MOTION_VERBS
    if e.label == "ORG":
        return prev in ("in", "near", "outside")
    return prev in _LOCATIVE


def _two_word_locative(doc: Doc, e: _Ent, surnames: set[str]) -> bool:
    """A two-word PERSON right after "at"/"near"/"outside"/"in" ("a base at Ceel Baraf") is a place, unless its
    first word is a known given name or its last word a surname of another person of the document."""
    a, b = doc[e.start], doc[e.start + 1]
    if e.label != "PERSON" or e.titles or e.start == 0 \
            or doc[e.start - 1].lower_ not in ("at", "near", "outside", "in"):
        return False
    if not all(t.is_alpha and t.is_title and not names.is_title_word(t.text) for t in (a, b)):
        return False
    if e.end < len(doc) and doc[e.end].text in _POSSESSIVE:
        return False
    return not names.is_known_given_name(a.text) and names.fold(b.text) not in surnames


# Role nouns and verbs right before a person's name ("her counterpart X Y", "spokesman X Y", "said X Y").
_ROLE_CUES = frozenset(["counterpart", "counterparts", "said", "says", "told", "according"])


def _role_noun_names(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """A two-word ORG with no organisation word right after a role noun or office is a person:
    "her Northland counterpart Anna Berg", "Foreign Minister Anna Berg" tagged ORG."""
    out = []
    for e in ents:
        if e.label == "ORG" and e.end - e.start == 2 and e.start > 0 and not e.fixed \
                and all(_name_token(doc, t) and not _org_word(t) for t in doc[e.start:e.end]):
            prev = doc[e.start - 1]
            if prev.lower_ in _ROLE_CUES or (names.is_title_head(prev.text)
                                             and not (names.is_rank_word(prev.text) and prev.is_lower)):
                e = _Ent(e.start, e.end, "PERSON", e.titles, True)
        out.append(e)
    return out


def _place_lists(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """In a list of three or more names where most are places ("in A, B and C"), a lone PERSON is a place."""
    ents = sorted(ents, key=lambda x: x.start)
    surnames: dict[str, set[str]] = {}
    for e in ents:
        if e.label == "PERSON" and e.end - e.start >= 2:
            surnames.setdefault(doc[e.end - 1].lower_, set()).add(doc[e.start:e.end].text)
    relabel: set[str] = set()
    run: list[_Ent] = []

    def close(run: list[_Ent]) -> None:
        if len(run) < 3:
            return
        n_place = sum(e.label in ("GPE", "LOC") for e in run)
        if n_place and all(e.label in ("GPE", "LOC", "PERSON") for e in run):
            for e in run:
                other = surnames.get(doc[e.end - 1].lower_, set()) - {doc[e.start:e.end].text}
                if e.label == "PERSON" and not e.titles and not other:
                    relabel.add(doc[e.start:e.end].text)

    for e in ents:
        if run and _gap(doc, run[-1], e) in ([","], ["and"], [",", "and"]):
            run.append(e)
            continue
        close(run)
        run = [e]
    close(run)
    return [_Ent(e.start, e.end, "GPE", e.titles, True) if e.label == "PERSON" and doc[e.start:e.end].text in relabel
            else e for e in ents]


def _office_run_left(doc: Doc, i: int, taken: dict[int, _Ent]) -> int | None:
    """Start of an office title with an "of" complement ending at token i-1, or None.

    Walks left over capitalised words, place or organisation spans, "of" and "the" up to a
    title word: "Deputy Minister of Infrastructure of Ukraine" before a name.
    """
    j, saw_of, start = i - 1, False, None
    while j >= 0 and i - j <= 10:
        tok = doc[j]
        ent = taken.get(j)
        if ent is not None and ent.label in ("GPE", "LOC", "ORG"):
            j = ent.start - 1
        elif tok.lower_ in _PREPOSITIONS or tok.lower_ == "the":
            saw_of = saw_of or tok.lower_ == "of"
            j -= 1
        elif ent is None and tok.is_alpha and tok.text[:1].isupper():
            if names.is_title_head(tok.text):
                start = _title_run_left(doc, j)
                break
            j -= 1  # a complement word ("Internal Affairs", "Defence")
        else:
            break
    if start is None or not saw_of or doc[start:i][-1].lower_ in ("of", "the"):
        return None
    return start if _valid_title(doc, start, i, True) else None


# Words after which two capitalised words are a person: "met X Y", "the death of X Y".
_PERSON_CUES = (("met",), ("meets",), ("meet",), ("received",), ("welcomed",), ("phoned",), ("death", "of"),
                ("killing", "of"), ("murder", "of"), ("funeral", "of"), ("talks", "with"), ("met", "with"))


def _person_cue_before(doc: Doc, i: int) -> bool:
    """Token i follows a verb or noun that takes a person ("met", "the death of")."""
    for cue in _PERSON_CUES:
        n = len(cue)
        if i - n >= 0 and tuple(t.lower_ for t in doc[i - n:i]) == cue:
            return True
    return False


def _office_before(doc: Doc, person: _Ent, taken: dict[int, _Ent]) -> str | None:
    """An office with a complement before a name, also in apposition before a rank.

    "Minister of Internal Affairs X Y", "the Minister of Defence of Z, Colonel-General X Y".
    """
    i = person.start
    k = _title_run_left(doc, i - 1) if i > 0 else i
    if k < i and not (k >= 1 and doc[k - 1].text == ",") and not _complement_words(doc, k, i):
        return None  # a plain rank before the name: _title_before's case
    apposition = k >= 1 and doc[k - 1].text == ","
    if apposition:
        i = k - 1
    start = _office_run_left(doc, i, taken)
    if start is None and apposition and k < person.start:
        # "the Deputy Defence Minister, Colonel-General X": an office then a rank
        s = _title_run_left(doc, i - 1)
        before = doc[s - 1] if s >= 1 else None
        if s < i and _valid_title(doc, s, i, False) and before is not None and (
                before.lower_ == "the" or places.country_of_adjective(before.text)):
            start = s
    return None if start is None else _title_text(doc[start:i])


def _complement_words(doc: Doc, k: int, i: int) -> bool:
    """Tokens k..i-1 are title modifiers with no office head after an "of": "Minister of [Defence]"."""
    return k >= 1 and doc[k - 1].lower_ in ("of", "the") and not any(names.is_title_head(t.text) for t in doc[k:i])


def _names_after_offices(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """An untagged two-word capitalised name after an office with a complement, or after "met", is a person."""
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc[1:-1]:
        i = tok.i
        if i in taken or i + 1 in taken or not (_name_token(doc, tok) and _name_token(doc, doc[i + 1])):
            continue
        after = doc[i + 2] if i + 2 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            continue  # a longer capitalised run: not clearly a two-word name
        if any(t.lower_ in _PLACE_TO_ORG_HEADS or t.lower_ in _STRONG_ORG_HEADS or t.lower_ in _FACILITY_NOUNS
               for t in doc[i:i + 2]):
            continue
        start = _office_run_left(doc, i, taken)
        if start is None and _person_cue_before(doc, i):
            start = i
        if start is None or names.is_title_word(doc[i - 1].text):
            continue  # a plain "Minister X Y" is left to the model
        new = _Ent(i, i + 2, "PERSON", [_title_text(doc[start:i])] if start < i else [], True)
        out.append(new)
        taken.update({i: new, i + 1: new})
    return sorted(out, key=lambda x: x.start)


# ------------------------------------------------------------------ titles
def _ends_at(ents: Iterable[_Ent]) -> dict[int, _Ent]:
    return {e.end - 1: e for e in ents}


def _starts_at(ents: Iterable[_Ent]) -> dict[int, _Ent]:
    return {e.start: e for e in ents}


def _title_run_left(doc: Doc, k: int) -> int:
    """First token of the run of title words ending at token k (hyphenated ranks included)."""
    i = k
    while i >= 0:
        tok = doc[i]
        if names.is_title_word(tok.text) or (
            tok.text in _HYPHENS and i > 0 and names.is_title_word(doc[i - 1].text) and not tok.whitespace_
        ):
            i -= 1
        else:
            break
    return i + 1


def _valid_title(doc: Doc, s: int, e: int, has_complement: bool) -> bool:
    words = [t for t in doc[s:e] if t.text not in _HYPHENS]
    if not words or not any(names.is_title_head(t.text) for t in words):
        return False
    # A rank written in lower case ("the general being in charge") is not a title.
    head = [t for t in words if names.is_title_head(t.text)][-1]
    return has_complement or not (names.is_rank_word(head.text) and head.is_lower)


def _title_before(doc: Doc, person: _Ent, ends: dict[int, _Ent]) -> tuple[str, list[_Ent]] | None:
    """A title written before a name: "Colonel-General X", "the commander of the Y, X"."""
    j = person.start - 1
    while j >= 0 and _is_quote(doc[j]):
        j -= 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
        while j >= 0 and _is_quote(doc[j]):
            j -= 1
    end, k, inside = j + 1, j, []
    complement = False
    while k >= 0 and k in ends and ends[k].label in ("ORG", "GPE", "LOC", "FAC"):
        ent = ends[k]
        m = ent.start - 1
        while m >= 0 and doc[m].lower_ == "the":
            m -= 1
        if m >= 0 and doc[m].lower_ in _PREPOSITIONS:
            inside.append(ent)
            complement = True
            k = m - 1
        else:
            break
    if complement and k >= 0 and not names.is_title_word(doc[k].text):
        return None
    s = _title_run_left(doc, k)
    if s > k or not _valid_title(doc, s, k + 1, complement):
        return None
    return _title_text(doc[s:end]), inside


def _title_after(doc: Doc, person: _Ent, starts: dict[int, _Ent]) -> tuple[str, list[_Ent]] | None:
    """A title written after a name: "X as Deputy Chairman of the Y", "X, the commander of Y"."""
    q = person.end
    if q < len(doc) and doc[q].text == ",":
        q += 1
        if q < len(doc) and doc[q].lower_ in ("the", "a", "an"):
            q += 1
        while q < len(doc) and places.country_of_adjective(doc[q].text):
            q += 1  # "X, the Belarusian defence minister"
    elif q < len(doc) and doc[q].lower_ == "as":
        q += 1
    else:
        return None
    s = q
    while q < len(doc) and (names.is_title_word(doc[q].text) or (doc[q].text in _HYPHENS and q > s)):
        q += 1
    if q == s or not _valid_title(doc, s, q, True):
        return None
    end, inside = q, []
    while q < len(doc) and doc[q].lower_ in _PREPOSITIONS:
        m = q + 1
        while m < len(doc) and doc[m].lower_ == "the":
            m += 1
        ent = starts.get(m)
        if ent is None or ent.label not in ("ORG", "GPE", "LOC", "FAC"):
            break
        inside.append(ent)
        q = end = ent.end
    if end < len(doc) and end in starts and starts[end].label == "PERSON":
        return None  # the title belongs to the next name
    return _title_text(doc[s:end]), inside


def _strip_leading_titles(doc: Doc, e: _Ent) -> _Ent:
    """Move titles glued to the front of a PERSON span into its titles."""
    s = e.start
    first_title = None
    while s < e.end - 1:
        tok = doc[s]
        if names.is_title_word(tok.text) or (tok.text in _HYPHENS and first_title is not None):
            first_title = s if first_title is None else first_title
            s += 1
        elif first_title is None and places.country_of_adjective(tok.text):
            s += 1
        else:
            break
    if first_title is None or s == e.start:
        return e
    titles = [*e.titles, _title_text(doc[first_title:s])]
    return _Ent(s, e.end, e.label, titles, e.fixed)


def _titles(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """Record titles around each PERSON and drop spans that were only part of a title."""
    ents = [_strip_leading_titles(doc, e) if e.label == "PERSON" else e for e in ents]
    ends, starts = _ends_at(ents), _starts_at(ents)
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    drop: set[int] = set()
    for e in ents:
        if e.label != "PERSON":
            continue
        office = _office_before(doc, e, taken)
        if office and office not in e.titles:
            e.titles.append(office)
        for finder, index in ((_title_before, ends), (_title_after, starts)):
            found = finder(doc, e, index)
            if found is None:
                continue
            title, inside = found
            if title and title not in e.titles:
                e.titles.append(title)
            # "Secretary of State": the complement belongs to a fixed title, not to an organisation
            if any(title.lower().endswith(ct) for ct in names.COMPOUND_TITLES):
                drop.update(id(ent) for ent in inside if ent.end - ent.start == 1)
    return [e for e in ents if id(e) not in drop]


# ------------------------------------------------------------------ component
class EntityFixer:
    """Repair the model's entities on news prose and record titles on `Span._.titles`."""

    def __init__(self, nlp: Language, name: str = COMPONENT):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        keep: list[Span] = []
        ents: list[_Ent] = []
        for span in doc.ents:
            if span.label_ in _NAME_LABELS:
                ents.append(_Ent(span.start, span.end, span.label_, list(span._.titles)))
            else:
                keep.append(span)
        ents = [e for e in (_split_breaks(doc, x) for x in ents) if e]
        ents = [e for e in (_trim(doc, x) for x in ents) if e]
        events = _named_events(doc)
        busy = {i for ev in events for i in range(ev.start, ev.end)}
        ents = [e for e in ents if not busy.intersection(range(e.start, e.end))] + events
        keep = [s for s in keep if not busy.intersection(range(s.start, s.end))]
        ents = _particles(doc, ents)
        ents = _merge_chains(doc, ents)
        ents = _acronyms(doc, ents)
        ents = _spelled_acronyms(doc, ents)
        ents = _gazetteer(doc, ents, keep)
        ents = _route_places(doc, ents)
        ents = _split_office_orgs(doc, ents)
        ents = [e for e in (_relabel(doc, x) for x in ents) if e]
        ents = _coordinated_places(doc, ents)
        ents = _plural_surnames(doc, ents)
        ents = _surname_right(doc, ents)
        ents = _company_cues(doc, ents)
        ents = _known_as(doc, ents)
        ents = _propagate(doc, ents)
        ents = _known_surnames(doc, ents)
        ents = _place_lists(doc, ents)
        ents = _locative_places(doc, ents)
        ents = _role_noun_names(doc, ents)
        ents = _names_after_offices(doc, ents)
        # names found after offices are known surnames too ("Minister of X A B ... B also said")
        ents = _known_surnames(doc, ents)
        ents = _particles(doc, ents)  # again for the surnames found since
        ents = _titles(doc, ents)
        self._write(doc, ents, keep)
        doc.user_data.pop("bbc_lower_words", None)  # a cache, not for serialisation
        return doc

    @staticmethod
    def _write(doc: Doc, ents: list[_Ent], keep: list[Span]) -> None:
        spans: list[tuple[Span, tuple[str, ...]]] = []
        taken: set[int] = set()
        for e in sorted(ents, key=lambda x: (-(x.end - x.start), x.start)):
            if taken.intersection(range(e.start, e.end)):
                continue
            taken.update(range(e.start, e.end))
            spans.append((Span(doc, e.start, e.end, label=e.label), tuple(e.titles)))
        kept = [s for s in keep if not taken.intersection(range(s.start, s.end))]
        doc.ents = sorted([s for s, _ in spans] + kept, key=lambda s: s.start)
        titles = {(s.start, s.end): t for s, t in spans}
        for span in doc.ents:
            if titles.get((span.start, span.end)):
                span._.titles = titles[(span.start, span.end)]


@Language.factory(
    COMPONENT,
    assigns=["doc.ents", "span._.titles"],
    requires=["doc.ents"],
    default_config={},
)
def make_entity_fixes(nlp: Language, name: str) -> EntityFixer:
    """Factory for the entity-fixing component (add it after "ner")."""
    return EntityFixer(nlp, name)


def entity_mentions(
    doc: Doc, doc_id: str, offset: int = 0, labels: frozenset[str] = ENTITY_LABELS
) -> list[Mention]:
    """The named entities of `doc` as Mentions; offsets are moved by `offset` to be relative to the file."""
    return [
        Mention(
            doc=doc_id,
            kind="entity",
            start=ent.start_char + offset,
            end=ent.end_char + offset,
            text=ent.text,
            type=ent.label_,
            titles=tuple(ent._.titles),
        )
        for ent in doc.ents
        if ent.label_ in labels
    ]
