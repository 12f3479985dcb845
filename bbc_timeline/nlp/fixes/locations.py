"""Place and facility passes: the gazetteer, routes, coordinated areas, locative cues, lists of places."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bbc_timeline import lexicon
from bbc_timeline.nlp.fixes.base import (
    ADJECTIVE_SUFFIX,
    FACILITY_NOUNS,
    HYPHENS,
    POSSESSIVE,
    QUOTE_CHARS,
    SITE_NOUNS,
    STRONG_ORG_HEADS,
    Ent,
    gap_words,
    hyphen_after,
    is_quote,
    lower_words,
    name_token,
    org_word,
    verb,
)
from bbc_timeline.resolve import names, orgs, places

# Facility nouns that are also common verbs or nouns about people ("X crossing the river", "X's post"):
# they name a site only right after "the <Name>".
_WEAK_FACILITY_NOUNS = lexicon.words("weak_facility_nouns")
# Nouns for administrative areas: "the X and Y districts" names two places.
_AREA_NOUNS = lexicon.words("area_nouns")
_FACILITY_SKIP = lexicon.words("facility_skip")
# Prepositions after which a lone capitalised name is a place ("in X", "at X", "near X"), and verbs of
# movement that make "to X" / "from X" a place too ("moved to X").
_LOCATIVE = lexicon.words("locative_prepositions")
_MOTION_VERBS = lexicon.words("motion_verbs")


def gazetteer(doc: Doc, ents: list[Ent], keep: list[Span]) -> list[Ent]:
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
                extra.append(Ent(i, i + n, hit[1], fixed=True))
                i += n - 1
                break
        i += 1
    return ents + extra


def route_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names joined by dashes with a known place are places ("the Kyiv–Zhytel railway").

    A route or line written "A–B–C" names places only; the model tags the unknown parts as
    organisations. Runs inside a longer entity ("A–B Pipeline Company") or with a person are left alone.
    """
    out = list(ents)
    i = 0
    while i < len(doc):
        parts, j = [i], i
        while j + 2 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text in HYPHENS \
                and not doc[j + 1].whitespace_:
            j += 2
            parts.append(j)
        i = j + 1
        if len(parts) < 2 or not any(places.lookup(doc[p].text) for p in parts):
            continue
        # an acronym joined to a place ("NATO-Russia") is an organisation's, not a stop on a route
        if not all(places.lookup(doc[p].text) or (name_token(doc, doc[p]) and not org_word(doc[p])
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
            out.append(Ent(p, p + 1, hit[1] if hit else "GPE", [], True))
    return sorted(out, key=lambda x: x.start)


def coordinated_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """In "the X and Y districts" (or "... checkpoints") X and Y are both places, whatever the model said.

    X and Y are single capitalised words, tagged or not; an area noun makes them GPE, a facility
    noun FAC. Titled people are left alone.
    """
    at = {e.start: e for e in ents if e.end - e.start == 1}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = {id(e): e for e in ents}
    added: list[Ent] = []
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
                added.append(Ent(k, k + 1, label, [], True))
            elif cur.label not in ("GPE", "LOC", label):
                out[id(cur)] = Ent(k, k + 1, label, [], True)
    return sorted([*out.values(), *added], key=lambda x: x.start)


def _coordinated_end(doc: Doc, k: int) -> int:
    """Past "and Y" when a plural noun follows ("X and Y districts"): where the shared noun phrase goes on."""
    if k + 2 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha:
        nxt = doc[k + 2].lower_
        if nxt.endswith("s") and (nxt[:-1] in FACILITY_NOUNS or nxt[:-1] in _AREA_NOUNS):
            return k + 2
    return k


def _adjective_like(word: str) -> bool:
    return bool(places.country_of_adjective(word) or word.lower() in places.DIRECTION_ADJECTIVES
                or ADJECTIVE_SUFFIX.search(word))


def facility_cue(doc: Doc, e: Ent) -> bool:
    quoted = (e.start > 0 and is_quote(doc[e.start - 1])) or (e.end < len(doc) and is_quote(doc[e.end]))
    if e.label not in ("EVENT", "WORK_OF_ART", "PRODUCT", "FAC") and not quoted:
        return False
    i, steps = e.start - 1, 0
    while i >= 0 and steps < 5 and doc[i].lower_ in _FACILITY_SKIP | QUOTE_CHARS:
        i, steps = i - 1, steps + 1
    if i >= 0 and doc[i].lower_ in FACILITY_NOUNS:
        return True
    j = e.end
    while j < len(doc) and is_quote(doc[j]):
        j += 1
    return any(doc[k].lower_ in FACILITY_NOUNS for k in range(j, min(j + 2, len(doc))))


def facility_after(doc: Doc, e: Ent) -> bool:
    """A facility noun (singular or plural) right after the span, as in "X air base(s)" or "X airport",
    or a site noun such as "X training area"; "X and Y" before a plural facility noun counts too."""
    end = _coordinated_end(doc, e.end)
    for k in range(end, min(end + 2, len(doc))):
        w = doc[k].lower_
        if w in _WEAK_FACILITY_NOUNS:
            if k == end and e.start > 0 and doc[e.start - 1].lower_ == "the" and not hyphen_after(doc, k):
                return True
            return False
        if w in FACILITY_NOUNS or (w.endswith("s") and w[:-1] in FACILITY_NOUNS):
            return True
        if w in SITE_NOUNS and doc[k].is_lower and (k == e.end or not verb(doc[k - 1])):
            return True
        if not doc[k].is_lower:
            return False
    return False


def locative_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
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
            e = Ent(e.start, e.end, "GPE", e.titles, True)
        out.append(e)
    return out


def _locative_name(doc: Doc, e: Ent, surnames: set[str]) -> bool:
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
            or names.is_title_word(tok.text) or tok.lower_ in STRONG_ORG_HEADS or tok.lower_ in lower_words(doc):
        return False
    if e.end < len(doc) and doc[e.end].text in POSSESSIVE:
        return False  # "in X's government": a person's
    if prev in ("to", "from"):
        return e.label == "PERSON" and e.start >= 2 and doc[e.start - 2].lower_ in _MOTION_VERBS
    if e.label == "ORG":
        return prev in ("in", "near", "outside")
    return prev in _LOCATIVE


def _two_word_locative(doc: Doc, e: Ent, surnames: set[str]) -> bool:
    """A two-word PERSON right after "at"/"near"/"outside"/"in" ("a base at Ceel Baraf") is a place, unless its
    first word is a known given name or its last word a surname of another person of the document."""
    a, b = doc[e.start], doc[e.start + 1]
    if e.label != "PERSON" or e.titles or e.start == 0 \
            or doc[e.start - 1].lower_ not in ("at", "near", "outside", "in"):
        return False
    if not all(t.is_alpha and t.is_title and not names.is_title_word(t.text) for t in (a, b)):
        return False
    if e.end < len(doc) and doc[e.end].text in POSSESSIVE:
        return False
    return not names.is_known_given_name(a.text) and names.fold(b.text) not in surnames


def place_lists(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """In a list of three or more names where most are places ("in A, B and C"), a lone PERSON is a place."""
    ents = sorted(ents, key=lambda x: x.start)
    surnames: dict[str, set[str]] = {}
    for e in ents:
        if e.label == "PERSON" and e.end - e.start >= 2:
            surnames.setdefault(doc[e.end - 1].lower_, set()).add(doc[e.start:e.end].text)
    relabel: set[str] = set()
    run: list[Ent] = []

    def close(run: list[Ent]) -> None:
        if len(run) < 3:
            return
        n_place = sum(e.label in ("GPE", "LOC") for e in run)
        if n_place and all(e.label in ("GPE", "LOC", "PERSON") for e in run):
            for e in run:
                other = surnames.get(doc[e.end - 1].lower_, set()) - {doc[e.start:e.end].text}
                if e.label == "PERSON" and not e.titles and not other:
                    relabel.add(doc[e.start:e.end].text)

    for e in ents:
        if run and gap_words(doc, run[-1], e) in ([","], ["and"], [",", "and"]):
            run.append(e)
            continue
        close(run)
        run = [e]
    close(run)
    return [Ent(e.start, e.end, "GPE", e.titles, True) if e.label == "PERSON" and doc[e.start:e.end].text in relabel
            else e for e in ents]
