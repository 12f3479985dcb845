"""Span boundaries: line breaks, leading and trailing junk, and named exercises ("West-2017")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from bbc_timeline import lexicon
from bbc_timeline.nlp.fixes.base import MONTHS, POSSESSIVE, Ent, is_break, is_quote
from bbc_timeline.resolve import orgs

_LEADING_DETERMINERS = frozenset({"the", "a", "an"})
_KEEP_THE = frozenset({"hague"})  # "The Hague"
# Words that end a span only by mistake ("China on Russia's Borders How does ...").
_TRAILING_JUNK = lexicon.words("trailing_junk")
# Lower-case words that may stand inside an organisation's name ("Bank of X", "Banco de la Y").
_NAME_CONNECTORS = lexicon.words("name_connectors")
# NAME-YYYY: "West-2017", "United Shield -2017", "Zapad-2021".
_NAMED_EVENT = re.compile(
    r"(?<![\w-])((?:[A-Z][\w’'.]*[ \u00a0]+){0,4}[A-Z][\w’']*)[ \u00a0]?[-‑–][ \u00a0]?((?:19|20)\d{2})(?![\w-])"
)


def split_breaks(doc: Doc, e: Ent) -> Ent | None:
    """Keep the best part of a span that runs across a line break ("Wall\\n\\n\\nDeveloping")."""
    if not any(is_break(doc[i]) for i in range(e.start, e.end)):
        return e
    parts: list[tuple[int, int]] = []
    s = e.start
    for i in range(e.start, e.end + 1):
        if i == e.end or is_break(doc[i]):
            if i > s:
                parts.append((s, i))
            s = i + 1
    if not parts:
        return None
    best = max(parts, key=lambda p: (sum(doc[k].is_alpha for k in range(*p)), -p[0]))
    return Ent(best[0], best[1], e.label, e.titles, e.fixed)


def trim(doc: Doc, e: Ent) -> Ent | None:
    """Drop leading "the"/quotes and trailing possessives, quotes and junk words."""
    s, t = e.start, e.end
    changed = True
    while changed and s < t:
        changed = False
        tok = doc[s]
        if tok.is_punct or is_quote(tok) or tok.is_space or tok.lower_ in _LEADING_DETERMINERS and not (t - s == 2 and doc[s + 1].lower_ in _KEEP_THE):
            s += 1
            changed = True
        if s >= t:
            break
        tok = doc[t - 1]
        if tok.is_punct or is_quote(tok) or tok.is_space or tok.text in POSSESSIVE or t - s > 1 and tok.lower_ in _TRAILING_JUNK and not tok.is_upper:
            t -= 1
            changed = True
    if s >= t:
        return None
    opened = [k for k in range(s, t) if doc[k].text == "("]
    if opened and not any(doc[k].text == ")" for k in range(opened[-1], t)) and opened[-1] > s:
        t = opened[-1]  # "Bureau of Investigation (NBI": the bracket is a separate name (see acronyms)
        while t > s and (doc[t - 1].is_space or doc[t - 1].is_punct):
            t -= 1
    if s >= t:
        return None
    if e.label == "ORG":
        s = _descriptor_start(doc, s, t)
    return Ent(s, t, e.label, e.titles, e.fixed)


def _descriptor_start(doc: Doc, s: int, t: int) -> int:
    """Where the name starts in an ORG span opened by a descriptor: "[Budapest institute] Regional
    Centre for X" -> the part after the last lower-case common word, when that part has an org head."""
    for k in range(min(t - 1, s + 3), s, -1):
        tok = doc[k - 1]
        if tok.is_alpha and tok.is_lower and tok.lower_ not in _NAME_CONNECTORS and doc[k].text[:1].isupper() \
                and orgs.has_org_head(doc[k:t].text):
            return k
    return s


def named_events(doc: Doc) -> list[Ent]:
    """NAME-YYYY exercises and operations, as EVENT spans."""
    found = []
    for m in _NAMED_EVENT.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        s = span.start
        while s < span.end and (doc[s].lower_ in STOP_WORDS or doc[s].lower_ in MONTHS):
            s += 1
        name_words = [t.lower_ for t in doc[s:span.end]]
        if s >= span.end or any(w.split("-")[0] in MONTHS for w in name_words):
            continue
        found.append(Ent(s, span.end, "EVENT", fixed=True))
    return found


def take_named_events(doc: Doc, ents: list[Ent], keep: list[Span]) -> list[Ent]:
    """NAME-YYYY events replace whatever the model had on their tokens (names and kept spans alike)."""
    events = named_events(doc)
    busy = {i for ev in events for i in range(ev.start, ev.end)}
    keep[:] = [s for s in keep if not busy.intersection(range(s.start, s.end))]
    return [e for e in ents if not busy.intersection(range(e.start, e.end))] + events
