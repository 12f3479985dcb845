"""Person passes: surnames known in the document, given names, aliases, names after offices."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from bbc_timeline import lexicon
from bbc_timeline.nlp.fixes.base import (
    FACILITY_NOUNS,
    HYPHENS,
    NAME_LABELS,
    PLACE_TO_ORG_HEADS,
    STRONG_ORG_HEADS,
    WEEKDAYS,
    Ent,
    clean,
    is_quote,
    name_token,
    org_word,
    span_text,
    title_text,
)
from bbc_timeline.nlp.fixes.titles import office_run_left
from bbc_timeline.resolve import names, orgs, places

# Words before a plural surname that speak of several people of that name ("the two Petrovs").
_PLURAL_CUES = lexicon.words("plural_cues")
# Words that give another name of the person just named: "X, widely known as Y", "X, nicknamed Y".
_ALIAS_VERBS = lexicon.words("alias_verbs")
# Words after which two capitalised words are a person: "met X Y", "the death of X Y".
_PERSON_CUES = tuple(tuple(cue.split()) for cue in lexicon.ordered("person_cues"))


def particles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Take a hyphenated Arabic article into the name after it: "al-[Houthi]" -> "al-Houthi"."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        s = e.start
        if e.label in NAME_LABELS and s >= 2 and doc[s - 1].text in HYPHENS and not doc[s - 1].whitespace_ \
                and not doc[s - 2].whitespace_ and doc[s - 2].lower_ in names.SURNAME_PARTICLES \
                and s - 2 not in taken:
            e.start = s - 2
            taken.update((s - 2, s - 1))
    return ents


def plural_surnames(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Drop a PERSON span that is the plural of a surname of the document after "the two", "both" and
    the like ("the two Petrovs are not related"): several people, none of them named."""
    surnames = {names.fold(doc[e.end - 1].text) for e in ents if e.label == "PERSON" and e.end - e.start >= 2}

    def plural(e: Ent) -> bool:
        word = doc[e.start].text
        return (e.label == "PERSON" and e.end - e.start == 1 and e.start > 0 and word.endswith("s")
                and len(word) > 4 and names.fold(word[:-1]) in surnames
                and (doc[e.start - 1].lower_ in _PLURAL_CUES or doc[e.start - 1].like_num))
    return [e for e in ents if not plural(e)]


def surname_right(doc: Doc, ents: list[Ent]) -> list[Ent]:
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
                and doc[e.start].whitespace_ == " " and name_token(doc, doc[e.start])
                and name_token(doc, doc[j]) and not org_word(doc[j]) and doc[j].lower_ not in WEEKDAYS
                and doc[j].tag_ in ("", "NNP") and not _run_continues(doc, j)):
            e = Ent(e.start, j + 1, e.label, e.titles, e.fixed)
            taken.add(j)
        out.append(e)
    return out


def _run_continues(doc: Doc, j: int) -> bool:
    """Token j is followed by another capitalised word or a hyphen joining one."""
    if j + 1 >= len(doc):
        return False
    nxt = doc[j + 1]
    if not doc[j].whitespace_:
        return nxt.text in HYPHENS or nxt.is_alpha
    return nxt.is_alpha and nxt.text[:1].isupper()


def known_as(doc: Doc, ents: list[Ent]) -> list[Ent]:
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
        while k < len(doc) and is_quote(doc[k]):
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


def _alias_span(doc: Doc, k: int, starts: dict[int, Ent], taken: set[int]) -> Ent | None:
    """The name starting at token k: the model's span there, else a run of capitalised words."""
    cur = starts.get(k)
    if cur is not None:
        text = clean(span_text(doc, cur))
        return cur if places.lookup(text) is None and not names.is_title_phrase(text) else None
    end = k
    while end < len(doc) and end - k < 4 and end not in taken and doc[end].is_alpha and doc[end].text[:1].isupper() \
            and not names.is_title_word(doc[end].text):
        end += 1
    if end == k or places.lookup(doc[k:end].text) is not None:
        return None
    return Ent(k, end, "PERSON", [], True)


def known_surnames(doc: Doc, ents: list[Ent]) -> list[Ent]:
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
    out: list[Ent] = []
    for e in ents:
        one = e.end - e.start == 1 and doc[e.start].is_alpha
        if one and names.fold(doc[e.start].text) in full and not (e.fixed and e.label != "PERSON"):
            if e.label != "PERSON" and places.lookup(doc[e.start].text) is None:
                e = Ent(e.start, e.end, "PERSON", e.titles, True)
        if one and e.label == "PERSON":
            s = _given_left(doc, e.start, taken)
            taken.update(range(s, e.start))
            if any(orgs.has_org_head(t.text) or t.lower_ in STRONG_ORG_HEADS for t in doc[s:e.start]):
                e = Ent(s, e.end, "ORG", [], True)  # "Heavy Industries [Taxila]": a company, not a person
            else:
                e = Ent(s, e.end, e.label, e.titles, e.fixed)
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
        out.append(Ent(s, tok.i + 1, "PERSON", [], True))
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.i in taken or not tok.is_alpha or names.fold(tok.text) not in given or not name_token(doc, tok) \
                or (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha):
            continue
        taken.add(tok.i)
        out.append(Ent(tok.i, tok.i + 1, "PERSON", [], True))
    return sorted(out, key=lambda x: x.start)


def _given_left(doc: Doc, i: int, taken: set[int]) -> int:
    """Extend a name starting at token i leftwards over given names ("Ihor" Klymenko, "Yunus-Bek" Y)."""
    start = i
    for _ in range(3):
        j = start - 1
        if j >= 0 and doc[j].text in HYPHENS and not doc[j].whitespace_ and j - 1 >= 0:
            if j - 1 not in taken and not doc[j - 1].whitespace_ and name_token(doc, doc[j - 1]):
                start = j - 1
                continue
            break
        if j < 0 or j in taken or not doc[j].whitespace_ or not name_token(doc, doc[j]):
            break
        # a capital at a sentence start proves nothing unless it is a known given name
        if (j == 0 or doc[j - 1].is_punct and doc[j - 1].text in ".!?\n" or doc[j - 1].is_space) and \
                not names.is_known_given_name(doc[j].text):
            break
        start = j
    return start


def names_after_offices(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """An untagged two-word capitalised name after an office with a complement, or after "met", is a person."""
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc[1:-1]:
        i = tok.i
        if i in taken or i + 1 in taken or not (name_token(doc, tok) and name_token(doc, doc[i + 1])):
            continue
        after = doc[i + 2] if i + 2 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            continue  # a longer capitalised run: not clearly a two-word name
        if any(t.lower_ in PLACE_TO_ORG_HEADS or t.lower_ in STRONG_ORG_HEADS or t.lower_ in FACILITY_NOUNS
               for t in doc[i:i + 2]):
            continue
        start = office_run_left(doc, i, taken)
        if start is None and _person_cue_before(doc, i):
            start = i
        if start is None or names.is_title_word(doc[i - 1].text):
            continue  # a plain "Minister X Y" is left to the model
        new = Ent(i, i + 2, "PERSON", [title_text(doc[start:i])] if start < i else [], True)
        out.append(new)
        taken.update({i: new, i + 1: new})
    return sorted(out, key=lambda x: x.start)


def _person_cue_before(doc: Doc, i: int) -> bool:
    """Token i follows a verb or noun that takes a person ("met", "the death of")."""
    for cue in _PERSON_CUES:
        n = len(cue)
        if i - n >= 0 and tuple(t.lower_ for t in doc[i - n:i]) == cue:
            return True
    return False
