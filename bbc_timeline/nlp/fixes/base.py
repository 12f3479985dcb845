"""What the entity passes share: the mutable span candidate and small token tests.

Word lists come from the lexicon (lexicon/en); nothing here spells one out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from bbc_timeline import lexicon
from bbc_timeline.resolve import names, orgs, places

# Labels that name something (numeric labels belong to the temporal side).
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART"})
HYPHENS = frozenset("-‑–")
QUOTE_CHARS = frozenset("\"“”«»„‘’'`")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
MONTHS = frozenset(lexicon.table("months"))
WEEKDAYS = frozenset(lexicon.table("weekdays"))
# Nouns before or after a quoted name that make it a facility ("industrial park “Great Stone”").
FACILITY_NOUNS = lexicon.words("facility_nouns")
# Generic nouns for a site ("the X training area", "the X firing range"): a facility only right after
# the name or after one modifier that is no verb, since "X said area residents ..." is common.
SITE_NOUNS = lexicon.words("site_nouns")
# Last words that make a span tagged as a place an organisation ("... Africa Command").
PLACE_TO_ORG_HEADS = orgs.org_nouns("place_to_org")
# Head nouns strong enough to turn a PERSON span into an ORG.
STRONG_ORG_HEADS = orgs.org_nouns("person_to_org")
ADJECTIVE_SUFFIX = re.compile(r"(?:al|ic|ary|ive|ous|ian|ish|ese|ern)$", re.IGNORECASE)


@dataclass
class Ent:
    """A mutable entity candidate (token offsets) while the fixes run."""

    start: int
    end: int
    label: str
    titles: list[str] = field(default_factory=list)
    fixed: bool = False  # label set by a rule that should win over the model elsewhere in the doc


def is_break(tok: Token) -> bool:
    return tok.is_space or "\n" in tok.text


def is_quote(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS or tok.is_quote


def clean(text: str) -> str:
    return names.clean_text(text)


def title_text(span: Span) -> str:
    t = span.text.replace("\u2019", "'")
    t = re.sub(r"[\"“”«»„]", "", t)
    t = re.sub(r"\b(\w+)(\s+\1\b)+", r"\1", t, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", t).strip(" ,")


def span_text(doc: Doc, e: Ent) -> str:
    return doc[e.start:e.end].text


def gap_words(doc: Doc, a: Ent, b: Ent) -> list[str]:
    return [t.lower_ for t in doc[a.end:b.start]]


def lower_words(doc: Doc) -> frozenset[str]:
    """Words written in lower case somewhere in the document (cached on the doc)."""
    cached = doc.user_data.get("bbc_lower_words")
    if cached is None:
        cached = frozenset(t.text for t in doc if t.is_lower and t.is_alpha)
        doc.user_data["bbc_lower_words"] = cached
    return cached


def name_token(doc: Doc, tok: Token) -> bool:
    """A capitalised word that can be part of a person name here (not a title, stop word or place)."""
    t = tok.text
    return (t[:1].isupper() and t.isalpha() and len(t) > 1 and t.lower() not in STOP_WORDS
            and not names.is_title_word(t) and t.lower() not in MONTHS
            and t.lower() not in lower_words(doc) and places.lookup(t) is None
            and not places.country_of_adjective(t))


def org_word(tok: Token) -> bool:
    """A word that heads organisation or facility names ("Ministry", "Forces", "Airport")."""
    w = tok.lower_
    return (orgs.has_org_head(tok.text) or w in PLACE_TO_ORG_HEADS or w in STRONG_ORG_HEADS
            or w in FACILITY_NOUNS or w in SITE_NOUNS)


def verb(tok: Token) -> bool:
    """A verb or a word that cannot modify a site noun (without tags: a lower-case stop word)."""
    if tok.tag_:
        return tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.pos_ in ("AUX", "ADP", "DET", "PRON")
    return tok.is_stop


def hyphen_after(doc: Doc, k: int) -> bool:
    return k + 1 < len(doc) and doc[k + 1].text in HYPHENS and not doc[k].whitespace_


def ends_at(ents: Iterable[Ent]) -> dict[int, Ent]:
    return {e.end - 1: e for e in ents}


def starts_at(ents: Iterable[Ent]) -> dict[int, Ent]:
    return {e.start: e for e in ents}
