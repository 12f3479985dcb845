"""Organisation passes: chained names, abbreviations in brackets, companies, office complements."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from bbc_timeline import lexicon
from bbc_timeline.nlp.fixes.base import ADJECTIVE_SUFFIX, WEEKDAYS, Ent, gap_words, name_token, org_word, span_text
from bbc_timeline.resolve import names, orgs, places

# Lower-case nouns for a company or armed group: "the Russian company X", "X, the Danish container line,".
_COMPANY_NOUNS = frozenset(lexicon.table("company_nouns"))
# Nouns that may stand right before a company's name ("group" and "line" are too common there).
_COMPANY_NOUNS_BEFORE = frozenset(w for w, where in lexicon.table("company_nouns").items() if where != "after")
# Role nouns and verbs right before a person's name ("her counterpart X Y", "spokesman X Y", "said X Y").
_ROLE_CUES = lexicon.words("role_cues")


def merge_chains(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Join "ORG of (the) ORG/GPE", "ORG for <company with a legal form>" and "<adjective> ORG and
    <adjective> ORG" into one name."""
    ents = sorted(ents, key=lambda x: x.start)
    out: list[Ent] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "ORG" and e.label in ("ORG", "GPE"):
            gap = gap_words(doc, prev, e)
            prev_text, e_text = span_text(doc, prev), span_text(doc, e)
            if (
                gap and gap[0] == "of" and all(g == "the" for g in gap[1:])
                and orgs.has_org_head(prev_text)
                and (e.label == "ORG" or places.lookup(e_text) is not None)
            ):
                out[-1] = Ent(prev.start, e.end, "ORG", prev.titles, prev.fixed)
                continue
            if gap == ["for"] and e.label == "ORG" and orgs.has_company_suffix(e_text):
                out[-1] = Ent(prev.start, e.end, "ORG", prev.titles, prev.fixed)  # "X for Trading Co. Ltd"
                continue
            if (
                gap == ["and"] and e.label == "ORG"
                and not orgs.has_org_head(prev_text) and orgs.has_org_head(e_text)
                and len([t for t in doc[prev.start:prev.end] if t.is_alpha]) >= 2
                and _coordinated(doc, prev, e)
            ):
                out[-1] = Ent(prev.start, e.end, "ORG", prev.titles, prev.fixed)
                continue
        out.append(e)
    return out


def _coordinated(doc: Doc, a: Ent, b: Ent) -> bool:
    """True when the last word of `a` modifies a word of `b` (parse) or both joined words are adjectives."""
    last, first = doc[a.end - 1], doc[b.start]
    if doc.has_annotation("DEP"):
        return b.start <= last.head.i < b.end
    return bool(ADJECTIVE_SUFFIX.search(last.text) and ADJECTIVE_SUFFIX.search(first.text))


def acronyms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """An abbreviation in brackets right after an organisation is a name of it: "Union (EEU)".

    It is marked with `orgs.BRACKETED` so that the resolver joins it to that name even when its
    letters come from another language's words.
    """
    taken = {i for e in ents for i in range(e.start, e.end)}
    alone = {e.start: e for e in ents if e.end - e.start == 1}
    exact = {(e.start, e.end): e for e in ents}
    extra: list[Ent] = []
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
                extra.append(Ent(i + 1, i + 2, "ORG", [orgs.BRACKETED], fixed=True))
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
        extra.append(Ent(k, k + 1, "ORG", [], True))
        taken.add(k)
        _bracket_org(exact, taken, extra, k + 2, close, inner)
    return [x for x in ents if (x.start, x.end) not in inner] + extra


def spelled_acronyms(doc: Doc, ents: list[Ent]) -> list[Ent]:
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
        out.append(Ent(s, k, "ORG", [], True))
        out.append(Ent(k + 1, k + 2, "ORG", [orgs.BRACKETED], True))
    return sorted(out, key=lambda x: x.start)


def _appositive_acronym(doc: Doc, i: int) -> bool:
    """Tokens from i read ", or ABC," (or end the sentence): an abbreviation given in apposition."""
    return (i + 3 <= len(doc) - 1 and doc[i].text == "," and doc[i + 1].lower_ == "or"
            and orgs.is_acronym(doc[i + 2].text) and doc[i + 3].is_punct)


def _mark_acronym(doc: Doc, k: int, taken: set[int], alone: dict[int, Ent], extra: list[Ent]) -> None:
    """Make token k an organisation's abbreviation (creating the span if the model missed it)."""
    if k not in taken:
        extra.append(Ent(k, k + 1, "ORG", [orgs.BRACKETED], fixed=True))
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


def _bracket_org(exact: dict[tuple[int, int], Ent], taken: set[int], extra: list[Ent], s: int, t: int,
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
    extra.append(Ent(s, t, "ORG", [orgs.BRACKETED], fixed=True))


def split_office_orgs(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Cut the person off an ORG span that runs from an office's complement into a name."""
    out = []
    for e in ents:
        n = _office_org_name(doc, e) if e.label == "ORG" else None
        out.append(e if n is None else Ent(n, e.end, "PERSON", [], True))
    return out


def _office_org_name(doc: Doc, e: Ent) -> int | None:
    """Start of a two-word name ending an ORG span that follows an office with a complement.

    The model reads "Minister of Defense Kenji Morimoto" as the ORG "Defense Kenji Morimoto"
    (or tags the whole run): the complement ("Defense") belongs to the title and the last two
    name-like words are a person. None when the span does not look like that.
    """
    n = e.end - 2
    if n <= e.start or not doc[n].whitespace_:
        return None
    if not all(name_token(doc, t) and not org_word(t) and t.lower_ not in WEEKDAYS and t.tag_ != "NNPS"
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


def company_cues(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A PERSON span that a company noun introduces is an organisation: "the Russian company X ...",
    "X, the Danish container line, ...", "the movement that calls itself X"."""
    out = []
    for e in ents:
        if e.label == "PERSON" and not e.titles and (_company_before(doc, e) or _company_after(doc, e)):
            e = Ent(e.start, e.end, "ORG", e.titles, True)
        out.append(e)
    return out


def _company_before(doc: Doc, e: Ent) -> bool:
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


def _company_after(doc: Doc, e: Ent) -> bool:
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


def role_noun_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A two-word ORG with no organisation word right after a role noun or office is a person:
    "her Northland counterpart Anna Berg", "Foreign Minister Anna Berg" tagged ORG."""
    out = []
    for e in ents:
        if e.label == "ORG" and e.end - e.start == 2 and e.start > 0 and not e.fixed \
                and all(name_token(doc, t) and not org_word(t) for t in doc[e.start:e.end]):
            prev = doc[e.start - 1]
            if prev.lower_ in _ROLE_CUES or (names.is_title_head(prev.text)
                                             and not (names.is_rank_word(prev.text) and prev.is_lower)):
                e = Ent(e.start, e.end, "PERSON", e.titles, True)
        out.append(e)
    return out
