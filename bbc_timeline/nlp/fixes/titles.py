"""Titles: record the ranks and offices written around a person's name on the span."""

from __future__ import annotations

from spacy.tokens import Doc

from bbc_timeline.nlp.fixes.base import HYPHENS, Ent, ends_at, is_quote, starts_at, title_text
from bbc_timeline.resolve import names, places

_PREPOSITIONS = frozenset({"of", "to", "for", "at"})


def record_titles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Record titles around each PERSON and drop spans that were only part of a title."""
    ents = [_strip_leading_titles(doc, e) if e.label == "PERSON" else e for e in ents]
    ends, starts = ends_at(ents), starts_at(ents)
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


def _strip_leading_titles(doc: Doc, e: Ent) -> Ent:
    """Move titles glued to the front of a PERSON span into its titles."""
    s = e.start
    first_title = None
    while s < e.end - 1:
        tok = doc[s]
        if names.is_title_word(tok.text) or (tok.text in HYPHENS and first_title is not None):
            first_title = s if first_title is None else first_title
            s += 1
        elif first_title is None and places.country_of_adjective(tok.text):
            s += 1
        else:
            break
    if first_title is None or s == e.start:
        return e
    titles = [*e.titles, title_text(doc[first_title:s])]
    return Ent(s, e.end, e.label, titles, e.fixed)


def _title_before(doc: Doc, person: Ent, ends: dict[int, Ent]) -> tuple[str, list[Ent]] | None:
    """A title written before a name: "Colonel-General X", "the commander of the Y, X"."""
    j = person.start - 1
    while j >= 0 and is_quote(doc[j]):
        j -= 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
        while j >= 0 and is_quote(doc[j]):
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
    return title_text(doc[s:end]), inside


def _title_after(doc: Doc, person: Ent, starts: dict[int, Ent]) -> tuple[str, list[Ent]] | None:
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
    while q < len(doc) and (names.is_title_word(doc[q].text) or (doc[q].text in HYPHENS and q > s)):
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
    return title_text(doc[s:end]), inside


def _title_run_left(doc: Doc, k: int) -> int:
    """First token of the run of title words ending at token k (hyphenated ranks included)."""
    i = k
    while i >= 0:
        tok = doc[i]
        if names.is_title_word(tok.text) or (
            tok.text in HYPHENS and i > 0 and names.is_title_word(doc[i - 1].text) and not tok.whitespace_
        ):
            i -= 1
        else:
            break
    return i + 1


def _valid_title(doc: Doc, s: int, e: int, has_complement: bool) -> bool:
    words = [t for t in doc[s:e] if t.text not in HYPHENS]
    if not words or not any(names.is_title_head(t.text) for t in words):
        return False
    # A rank written in lower case ("the general being in charge") is not a title.
    head = [t for t in words if names.is_title_head(t.text)][-1]
    return has_complement or not (names.is_rank_word(head.text) and head.is_lower)


def _office_before(doc: Doc, person: Ent, taken: dict[int, Ent]) -> str | None:
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
    start = office_run_left(doc, i, taken)
    if start is None and apposition and k < person.start:
        # "the Deputy Defence Minister, Colonel-General X": an office then a rank
        s = _title_run_left(doc, i - 1)
        before = doc[s - 1] if s >= 1 else None
        if s < i and _valid_title(doc, s, i, False) and before is not None and (
                before.lower_ == "the" or places.country_of_adjective(before.text)):
            start = s
    return None if start is None else title_text(doc[start:i])


def office_run_left(doc: Doc, i: int, taken: dict[int, Ent]) -> int | None:
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


def _complement_words(doc: Doc, k: int, i: int) -> bool:
    """Tokens k..i-1 are title modifiers with no office head after an "of": "Minister of [Defence]"."""
    return k >= 1 and doc[k - 1].lower_ in ("of", "the") and not any(names.is_title_head(t.text) for t in doc[k:i])
