"""Label passes: fix a span's label from word lists and cues, and spread a fixed label in the document."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from bbc_timeline import lexicon
from bbc_timeline.nlp.fixes.base import (
    ADJECTIVE_SUFFIX,
    NAME_LABELS,
    PLACE_TO_ORG_HEADS,
    STRONG_ORG_HEADS,
    Ent,
    clean,
    lower_words,
    span_text,
)
from bbc_timeline.nlp.fixes.locations import facility_after, facility_cue
from bbc_timeline.resolve import names, places

# Labels the small model often gets wrong on news text.
_UNRELIABLE = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "FAC", "LOC", "ORG"})
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Words that open a landform's name ("Mount X", "Jebel X", "Wadi X").
_LANDFORM_PREFIXES = lexicon.words("landform_prefixes")


def relabel(doc: Doc, e: Ent) -> Ent | None:
    """Fix the label from word lists: places, adjectives, titles, org heads; None drops the span."""
    text = clean(span_text(doc, e))
    if not text:
        return None
    words = text.split()
    if e.label in NAME_LABELS and names.is_title_phrase(text):
        return None  # "Major-General" tagged ORG
    if e.label == "PERSON" and all(names.is_title_word(p) for w in words for p in re.split(r"[-\u2011\u2013]", w) if p):
        return None  # "Ambassador [Extraordinary]": title words only
    if e.label == "PERSON" and _demonym_and_titles(doc, e):
        return _leading_demonym(doc, e)  # "Moldovan Minister": an office, not a name
    if e.label != "PERSON" and _titled_name(words):
        return Ent(e.start, e.end, "PERSON", e.titles, True)  # "Field Marshal Khalifa Haftar" tagged ORG
    hit = places.lookup(text)
    if hit and e.label in NAME_LABELS and e.label != hit[1]:
        return Ent(e.start, e.end, hit[1], e.titles, True)
    if e.label in ("GPE", "LOC", "ORG", "EVENT", "FAC", "PERSON") and places.is_demonym_compound(text):
        return Ent(e.start, e.end, "NORP", e.titles, True)
    if e.label == "PERSON" and re.search(r"\s(?:of\s+the|of\s+[A-Z][a-z]+\s+[A-Z])", text):
        return None  # "Order of the White Eagle": persons do not carry "of the"
    if e.label in ("GPE", "LOC") and len(words) >= 2 and words[-1].lower() in PLACE_TO_ORG_HEADS and not hit:
        return Ent(e.start, e.end, "ORG", e.titles, True)  # "United States Africa Command" tagged GPE
    if e.label == "PERSON" and len(words) >= 2 and words[0].lower().strip(".") in _LANDFORM_PREFIXES:
        return Ent(e.start, e.end, "LOC", e.titles, True)  # "the mines of Jebel Amer"
    if e.label == "PERSON" and any(w.lower() in STRONG_ORG_HEADS for w in words):
        return Ent(e.start, e.end, "ORG", e.titles, True)
    if e.label in ("ORG", "PERSON") and len(words) == 1 and words[0].lower() in places.DIRECTION_ADJECTIVES:
        return None
    if e.label == "ORG" and len(words) == 1 and names.is_title_word(words[0]) and e.end < len(doc) and \
            names.is_title_word(doc[e.end].text):
        return None  # "Defence" in "Defence Minister X": part of a title
    if e.label == "ORG" and len(words) == 1 and _adjective_before_noun(doc, e):
        return None  # "Turkic states": an adjective the model read as an organisation
    if e.label == "ORG" and _PLURAL_ACRONYM.fullmatch(text):
        return None  # "UAVs", "NGOs": a common noun
    if e.label == "ORG" and len(words) == 1 and not words[0].isupper() and words[0].lower() in lower_words(doc):
        return None  # a common word capitalised in a headline ("Borders")
    if e.label in ("EVENT", "WORK_OF_ART", "PRODUCT", "FAC") and len(words) >= 2 and \
            words[-1].lower() in PLACE_TO_ORG_HEADS | {"force"}:
        return Ent(e.start, e.end, "ORG", e.titles, True)  # "the Northland Ground Force's base"
    if e.label in _UNRELIABLE and facility_cue(doc, e):
        return Ent(e.start, e.end, "FAC", e.titles, True)
    if e.label in ("ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT") and len(words) >= 2 and \
            words[-1].lower() in places.LANDFORM_NOUNS and words[-2][:1].isupper():
        return Ent(e.start, e.end, "LOC", e.titles)  # "the Zelmo Valley" tagged ORG (a weak cue: not fixed)
    if e.label == "PERSON" and not e.titles and facility_after(doc, e):
        return Ent(e.start, e.end, "FAC", e.titles, True)  # "the Al-Waha air base": a name on a site
    if e.label == "PERSON" and _plural_noun_at_start(doc, e):
        return None  # "Observers believe ...": a capitalised plural noun, not a person
    return e


def _demonym_and_titles(doc: Doc, e: Ent) -> bool:
    """A span of nationality adjectives and title or office words only, with at least one of each."""
    words = [t.text for t in doc[e.start:e.end] if t.is_alpha and t.lower_ not in ("of", "the")]
    parts = [p for w in words for p in re.split(r"[-\u2011\u2013]", w) if p]
    demonyms = [p for p in parts if places.country_of_adjective(p)]
    return bool(demonyms) and len(demonyms) < len(parts) and all(
        places.country_of_adjective(p) or names.is_title_word(p) for p in parts)


def _leading_demonym(doc: Doc, e: Ent) -> Ent | None:
    """The nationality adjectives that open the span, as NORP (None when it opens with a title)."""
    k = e.start
    while k < e.end and places.country_of_adjective(doc[k].text):
        k += 1
    return Ent(e.start, k, "NORP", [], True) if k > e.start else None


def _adjective_before_noun(doc: Doc, e: Ent) -> bool:
    """A one-word span with an adjective ending right before a lower-case word ("Turkic states")."""
    word = doc[e.start].text
    nxt = doc[e.end] if e.end < len(doc) else None
    return (bool(ADJECTIVE_SUFFIX.search(word)) and not word.isupper() and nxt is not None
            and nxt.is_alpha and nxt.is_lower and not nxt.is_stop)


def _plural_noun_at_start(doc: Doc, e: Ent) -> bool:
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
        w.lower() in STRONG_ORG_HEADS or w.lower() in ("of", "and") for w in rest) and places.lookup(
        " ".join(rest)) is None


def propagate(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A label fixed by a rule applies to the same name elsewhere in the document."""
    fixed = {}
    for e in ents:
        if e.fixed:
            fixed.setdefault(clean(span_text(doc, e)).lower(), e.label)
    out = []
    for e in ents:
        label = fixed.get(clean(span_text(doc, e)).lower())
        if label and not e.fixed and e.label in NAME_LABELS and e.label != "PERSON":
            e = Ent(e.start, e.end, label, e.titles, True)
        out.append(e)
    return out
