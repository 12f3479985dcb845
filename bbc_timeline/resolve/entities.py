"""Entity resolution: every mention of one person, organisation, place or named event -> one Entity.

People: identical full names merge; full names whose surnames are one
romanised name and whose given names agree merge across documents; a bare
surname (or other shorter form) refers back to the full name in its own
document (when several people there share the surname: the one whose title it
carries, else the one named in full most often, else the nearest); full names
with the same surname and disagreeing given names never merge; a bare surname in a document without a full name joins the only
full name with that surname elsewhere. Organisations merge on a key that
ignores word order, country adjective vs "of Country" and common synonyms;
a country-less name joins the only country-qualified one (elsewhere in the
corpus only when its document names that country); a name with a generic
ending ("X Group") and the bare one-word name ("X") are one; a shorter name
with the same head noun joins the longer one in the same document; an
abbreviation in brackets (or after ", or") joins the name it follows; the leading
words of a company's name with a legal form ("Acme" of "Acme SA") join it. A
name given after "known as" joins the person named just before it; a name with
a legal form or a company word is never a person. Places merge on their
gazetteer spelling (Kiev = Kyiv). Work is done in buckets keyed by normalised
names, so the cost grows as n log n with the number of mentions.

Every merge between different spellings leaves a human-readable evidence line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bbc_timeline.models import Entity, Mention
from bbc_timeline.resolve import names, orgs, places, spelling
from bbc_timeline.resolve.aliases import AliasConfig

TYPE_OF_LABEL = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
                 "EVENT": "event"}
_BUCKET_LIMIT = 64  # beyond this a bucket is compared by exact keys only
_ALIAS_GAP = 60  # at most this many characters between a name and its "known as" alias ("X, a ... known as Y")
_DOMINANT = 2.0  # a bare surname goes to the full name that has this many times the mentions of the next
_GIVEN_SHARE = 0.2  # a given name speaks for a cluster when it holds this share of its full names
_SURNAME_ONLY = 3  # a word used as a surname this often, and hardly ever first, is no given name


def surname_key(word: str) -> str:
    """The key surnames are bucketed on: the romanisation key when it is strong enough, else the fold."""
    key = names.romanised_key(word)
    return key if spelling.strong(key) else names.fold(names.strip_particle(word))


def _same_surname(a: str, b: str) -> str | None:
    """Why two surnames are one name: the same transliteration fold, or one romanisation key."""
    return names.same_surname(a, b) or names.same_romanised(a, b)


@dataclass(frozen=True)
class EntityResolution:
    """The resolved entities and, for each mention (doc, start, end), its entity's name ("" if none)."""

    entities: list[Entity]
    canonical: dict[tuple[str, int, int], str]

    def name_of(self, mention: Mention) -> str:
        return self.canonical.get((mention.doc, mention.start, mention.end), "")


@dataclass(slots=True)
class _Item:
    """The fields of one entity mention that resolution reads (not the mention itself)."""

    idx: int
    doc: str
    start: int
    end: int
    label: str  # the model's label: PERSON, ORG, GPE, ...
    type: str  # person | org | place | event, or "" (not registered unless it names a person)
    surface: str  # cleaned, titles stripped
    titles: tuple[str, ...]
    bracketed: bool = False  # an abbreviation written in brackets right after a name
    company: bool = False  # a company's name or its leading words: an organisation, whatever the votes
    alias: bool = False  # a name given after "known as" / "nicknamed" right after a person's name

    @property
    def key(self) -> str:
        return self.surface.lower()


class _Clusters:
    """Union-find over items, with the user's keep-apart constraints and merge evidence."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.size = [1] * n
        self.apart: list[dict[int, str]] = [{} for _ in range(n)]
        # per root: surname key -> first given names of the full person names in the cluster, with counts
        self.given: dict[int, dict[str, Counter[str]]] = {}
        self.evidence: list[tuple[int, str]] = []

    def add_given(self, a: int, surname: str, given: str) -> None:
        """Record that item `a` is a full person name with this surname and first given name."""
        self.given.setdefault(self.find(a), {}).setdefault(surname_key(surname), Counter())[given] += 1

    def _given_clash(self, ra: int, rb: int) -> bool:
        """Two clusters name different people: one surname and no given name that either of them mostly
        uses agrees with one the other mostly uses ("Ilham X" and "Ramiz X", "Saif X" and "Khamis X").

        Only given names with a real share of a cluster's full names count, and only when they are
        more than one stray mention in a big cluster: one bad span is outvoted, never a veto.
        """
        ga, gb = self.given.get(ra), self.given.get(rb)
        if not ga or not gb:
            return False
        for sur in ga.keys() & gb.keys():
            sa, sb = self._strong(ga[sur], self.size[ra]), self._strong(gb[sur], self.size[rb])
            if sa and sb and all(names.same_given(x, y) is None for x in sa for y in sb):
                return True
        return False

    @staticmethod
    def _strong(given: Counter[str], size: int) -> list[str]:
        total = sum(given.values())
        if total < 2 and total < _GIVEN_SHARE * size:
            return []  # one stray full name in a cluster of bare surnames
        return [g for g, n in given.items() if n >= _GIVEN_SHARE * total]

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int, why: str = "", force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.apart[ra], self.apart[rb]
        if not force and (any(g in pb and pb[g] != tag for g, tag in pa.items()) or self._given_clash(ra, rb)):
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        for g, tag in self.apart[rb].items():
            self.apart[ra].setdefault(g, tag)
        moved = self.given.pop(rb, None)
        if moved:
            mine = self.given.setdefault(ra, {})
            for sur, given in moved.items():
                mine.setdefault(sur, Counter()).update(given)
        if why:
            self.evidence.append((a, why))
        return True


# ------------------------------------------------------------------ preparation
def _prepare(mentions: Iterable[Mention]) -> tuple[list[_Item], list[int | tuple[str, int, int]]]:
    """Items to resolve, and every entity mention in order: its item's index, or its key if it has none.

    One pass, so `mentions` may be a stream; surfaces are shared strings.
    """
    items: list[_Item] = []
    order: list[int | tuple[str, int, int]] = []
    pool: dict[str, str] = {}
    for m in mentions:
        if m.kind != "entity":
            continue
        item = _item(m, len(items), pool)
        if item is None:
            order.append((m.doc, m.start, m.end))
        else:
            order.append(item.idx)
            items.append(item)
    return items, order


def _item(m: Mention, idx: int, pool: dict[str, str]) -> _Item | None:
    etype = TYPE_OF_LABEL.get(m.type)
    if etype is None and m.type != "NORP":
        return None
    if etype == "person":
        parsed, glued = names.parse_person(m.text)
        surface, titles = parsed.text, (*m.titles, *glued)
        if not surface or names.is_title_phrase(surface) or _demonym_and_titles(parsed.words):
            return None
    else:
        surface, titles = names.drop_time_zone(names.clean_text(m.text)), tuple(m.titles)
    if not surface:
        return None
    surface = pool.setdefault(surface, surface)
    bracketed = orgs.BRACKETED in titles
    alias = names.ALIAS_AFTER_NAME in titles
    titles = tuple(dict.fromkeys(t for t in titles if t not in (orgs.BRACKETED, names.ALIAS_AFTER_NAME)))
    return _Item(idx, m.doc, m.start, m.end, m.type, etype or "", surface, titles, bracketed, alias=alias)


def _demonym_and_titles(words: tuple[str, ...]) -> bool:
    """Only nationality adjectives and title words ("Moldovan Minister"): an office, not a name."""
    return bool(words) and all(names.is_title_word(w) or places.country_of_adjective(w) for w in words) \
        and any(names.is_title_word(w) for w in words)


def _vote_types(items: list[_Item]) -> None:
    """A name tagged with different types takes its majority type ("Kiev" twice a place, once a person).

    A place reading wins outright when the name is in the gazetteer and one mention is a place (one
    person reading in a headline "From X to ..." must not spread), when the gazetteer names a country
    or city (never a person), and when a one-word name's person reading has nothing for it: no title
    on any mention and no full name of its document ending with it. A name given in brackets after
    an organisation's name is that organisation wherever it occurs.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titled: set[str] = set()
    surnames_in_doc: set[tuple[str, str]] = set()
    for it in items:
        if it.type:
            votes[it.key][it.type] += 1
        if it.type == "person" and it.titles:
            titled.add(it.key)
        words = it.surface.split()
        if it.type == "person" and len(words) >= 2:
            surnames_in_doc.add((it.doc, words[-1].lower()))
    _mark_companies(items)
    place_won: set[str] = set()
    bracketed_org = {it.key for it in items if it.bracketed and it.type == "org"}
    for it in items:
        if it.company:
            it.type = "org"
        elif it.type in ("person", "org") and _place_wins(it, votes[it.key], titled, surnames_in_doc):
            it.type = "place"
            place_won.add(it.key)
        elif it.type == "person" and it.key in bracketed_org and not it.titles:
            it.type = "org"  # given in brackets after an organisation's name: its other name
    for it in items:
        v = votes[it.key]
        if not it.type or not v or (it.type == "place" and it.key in place_won) or it.key in bracketed_org \
                or it.company:
            continue
        best, n = v.most_common(1)[0]
        if best != it.type and n > sum(v.values()) / 2:
            it.type = best


def _mark_companies(items: list[_Item]) -> None:
    """Mark names that are organisations whatever the model said: a name ending in a legal form
    ("Acme Trading FZE") and its leading words elsewhere in its document ("Acme", "Acme Trading"), and a
    person or organisation name holding a company word ("Northwind Neft"). A titled mention stays a person."""
    prefixes: set[tuple[str, str]] = set()
    org_words: set[tuple[str, str]] = set()
    for it in items:
        if it.type in ("person", "org", "place") and orgs.has_company_suffix(it.surface):
            words = it.key.split()
            prefixes.update((it.doc, " ".join(words[:n])) for n in range(1, len(words) + 1))
        elif it.type in ("person", "org") and orgs.is_never_person(it.surface):
            org_words.add((it.doc, it.key))
    for it in items:
        if it.titles or places.lookup(it.surface) is not None:
            continue
        if (it.type in ("person", "org", "place") and (it.doc, it.key) in prefixes) or \
                (it.type in ("person", "org") and (it.doc, it.key) in org_words):
            it.company = True


def _place_wins(it: _Item, votes: Counter[str], titled: set[str],
                surnames_in_doc: set[tuple[str, str]]) -> bool:
    """True when a person or org mention of this name should be read as a place (see `_vote_types`)."""
    hit = places.lookup(it.surface)
    if hit is not None and (votes["place"] or (it.type == "person" and hit[1] == "GPE"
                                               and (it.doc, it.key) not in surnames_in_doc)):
        return True
    # an acronym ("NATO") is an organisation the model sometimes calls a place or a person
    return (it.type == "person" and bool(votes["place"]) and len(it.surface.split()) == 1
            and not it.surface.isupper() and it.key not in titled and (it.doc, it.key) not in surnames_in_doc)


def _trim_person_spans(items: list[_Item]) -> None:
    """Words the corpus shows are not part of a person's name, dropped from the surface.

    "Gadhafi Obama" (a headline's two names): a first word used as a surname at least `_SURNAME_ONLY`
    times and hardly ever first, before a word that is itself a surname, names another person; the
    mention is the last word's. "X Y Airstrikes": a last word never used as a name, after a full name
    written at least `_SURNAME_ONLY` times, is a headline's noun.
    """
    people = [it for it in items if it.type == "person"]
    last: Counter[str] = Counter()
    first: Counter[str] = Counter()
    full: Counter[str] = Counter()
    bare: set[str] = set()
    for it in people:
        words = it.surface.split()
        if len(words) >= 2:
            last[names.fold(words[-1])] += 1
            first[names.fold(words[0])] += 1
            full[it.key] += 1
        elif words:
            bare.add(names.fold(words[0]))
    pool: dict[str, str] = {}
    for it in people:
        words = it.surface.split()
        if len(words) == 2:
            w0, w1 = names.fold(words[0]), names.fold(words[1])
            if last[w0] >= _SURNAME_ONLY and first[w0] * 4 <= last[w0] and (last[w1] or w1 in bare) \
                    and not names.is_known_given_name(words[0]):
                it.surface = pool.setdefault(words[1], words[1])
        elif len(words) >= 3:
            head, tail = " ".join(words[:-1]), names.fold(words[-1])
            if full[head.lower()] >= _SURNAME_ONLY and last[tail] == full[it.key] and tail not in bare \
                    and not first[tail]:  # the last word is a name nowhere but in this very span
                it.surface = pool.setdefault(head, head)


def _retype_person_names(items: list[_Item]) -> None:
    """A name tagged as an org or place that is a known person's surname (or, in its document, given
    name) is that person ("Tikhanovskaya" tagged ORG), and so is a first name and a surname of a
    person of its document ("Anna Berg" tagged ORG, "Berg" a person later on); gazetteer places,
    abbreviations and names with an org head noun are left alone."""
    surnames: set[str] = set()
    given_in_doc: set[tuple[str, str]] = set()
    surname_in_doc: set[tuple[str, str]] = set()
    full_keys: set[str] = set()
    for it in items:
        if it.type == "person":
            p = names.parse_person(it.surface)[0]
            surname_in_doc.add((it.doc, names.fold(p.surname)))
            if p.is_full:
                surnames.add(names.fold(p.surname))
                given_in_doc.add((it.doc, names.fold(p.given[0])))
                full_keys.add(it.key)
                if paternal := names.paternal_surname(p):
                    given_in_doc.add((it.doc, names.fold(paternal)))  # "Molina" of "Ana Molina Vela"
    for it in items:
        if it.type == "person" or it.company or places.lookup(it.surface) or orgs.is_acronym(it.surface):
            continue
        if orgs.has_org_head(it.surface) or it.label not in ("ORG", "GPE", "LOC", "NORP"):
            continue
        words = it.surface.split()
        if it.label == "NORP":
            # a nationality adjective ("Moldovan") is never a person; another NORP may be a surname
            if places.is_demonym_compound(it.surface) or len(words) != 1:
                continue
            if names.fold(words[0]) in surnames:
                it.type = "person"
            continue
        if it.key in full_keys or (
            len(words) == 1 and (names.fold(words[0]) in surnames or (it.doc, names.fold(words[0])) in given_in_doc)
        ) or (len(words) == 2 and (it.doc, names.fold(words[1])) in surname_in_doc and _given_name_word(words[0])):
            it.type = "person"
        elif it.type == "org" and _titled_person(it.surface, surnames):
            it.type = "person"  # "Former President X" tagged as an organisation


def _titled_person(surface: str, surnames: set[str]) -> bool:
    """An office or rank then a name: two title words or more ("Former President X"), or one before a
    surname of a person of the corpus."""
    parsed, titles = names.parse_person(surface)
    title_words = [w for t in titles for w in re.split(r"[\s\-‑–]+", t) if w]
    if not titles or not parsed.words or not any(names.is_title_head(w) for w in title_words):
        return False
    if not all(w[:1].isupper() and w.isalpha() and not orgs.has_org_head(w) for w in parsed.words):
        return False
    return len(title_words) >= 2 or names.fold(parsed.surname) in surnames


def _given_name_word(word: str) -> bool:
    """A word that can open a person's name: capitalised, no title, nationality adjective or place."""
    return (word[:1].isupper() and word.isalpha() and not word.isupper() and not names.is_title_word(word)
            and not places.country_of_adjective(word) and places.lookup(word) is None)


def _nearest(candidates: list[tuple[int, int]], pos: int) -> int:
    """The candidate (position, item) closest before `pos`, else the first after it."""
    before = [c for c in candidates if c[0] < pos]
    return max(before)[1] if before else min(candidates)[1]


# ------------------------------------------------------------------ people
def _surname_match(a: names.PersonName, b: names.PersonName, given_why: str | None) -> str | None:
    why = names.same_surname(a.surname, b.surname)
    if why:
        return why
    strong_given = given_why in ("same given name", "given-name variants") or (
        given_why or "").startswith(("transliteration", "spelling variants"))
    sk = names.skeleton(a.surname)
    if strong_given and len(sk) >= 4 and sk == names.skeleton(b.surname):
        return "vowel alternation (a/o, e/i) in the surname"
    return _same_surname(a.surname, b.surname) if strong_given else None


def _describe(a: str, b: str, *reasons: str | None) -> str:
    parts = [r for r in reasons if r and r not in ("same surname", "same given name")]
    return f"{a} ~ {b}: {'; '.join(dict.fromkeys(parts)) or 'same name'}"


def _describe_people(a: names.PersonName, b: names.PersonName, sur: str, given: str) -> str:
    parts = []
    if a.surname != b.surname:
        parts.append(f"surname {a.surname} ~ {b.surname} ({sur})")
    if a.given and b.given and a.given[0] != b.given[0]:
        parts.append(f"given name {a.given[0]} ~ {b.given[0]} ({given})")
    return f"{a.text} ~ {b.text}: {'; '.join(parts) or 'same name'}"


def _first_given(p: names.PersonName) -> str:
    """The first given name, a free-standing article left out ("Moammar Al Gadhafi" -> "Moammar")."""
    return next((w for w in p.given if not spelling.is_article(w)), p.words[0])


def _resolve_people(items: list[_Item], uf: _Clusters) -> None:
    parsed = {it.idx: names.parse_person(it.surface)[0] for it in items}
    full = [it for it in items if parsed[it.idx].is_full]
    # words this corpus uses as the first word of full names: given names, never a Hispanic paternal
    # surname ("Katherine" of "Michael Katherine Jackson" when "Katherine Jackson" is written too)
    firsts = Counter(names.fold(parsed[it.idx].words[0]) for it in full)
    lasts = Counter(names.fold(parsed[it.idx].surname) for it in full)
    corpus_given = {w for w, n in firsts.items() if n >= 2}
    doc_firsts = Counter((it.doc, names.fold(parsed[it.idx].words[0])) for it in full)
    doc_lasts = Counter((it.doc, names.fold(parsed[it.idx].surname)) for it in full)
    tails = _name_tails(full, parsed)
    for it in full:
        p = parsed[it.idx]
        if not names.is_initial(_first_given(p)) and it.idx not in tails:
            uf.add_given(it.idx, p.surname, _first_given(p))
    # 0. the last words of a longer name of the same document ("Lan Anh" of "Nguyen Thi Lan Anh")
    for idx, (target, why) in tails.items():
        uf.union(target, idx, why)
    _join_aliases(items, uf)
    short = [it for it in items if not parsed[it.idx].is_full]

    # 1. the same full name, wherever it appears
    first_of: dict[str, _Item] = {}
    for it in full:
        rep = first_of.setdefault(it.key, it)
        if rep is not it:
            uf.union(rep.idx, it.idx)

    # 2. spellings of one full name across documents (bucketed by the surname's consonant skeleton)
    # every written form is bucketed (not one per lower-cased name): "ElBaradei" shows its article, while
    # "ELBARADEI" or "Elbaradei" of the same name do not
    by_form: dict[str, _Item] = {}
    for it in full:
        by_form.setdefault(it.surface, it)
    buckets: dict[str, list[_Item]] = defaultdict(list)
    for rep in by_form.values():
        buckets[surname_key(parsed[rep.idx].surname)].append(rep)
    for bucket in buckets.values():
        if len(bucket) > _BUCKET_LIMIT:
            groups: dict[tuple[str, str], list[_Item]] = defaultdict(list)
            for rep in bucket:
                p = parsed[rep.idx]
                groups[(names.fold(p.surname), names.given_key(_first_given(p)))].append(rep)
            for g in groups.values():
                for other in g[1:]:
                    uf.union(g[0].idx, other.idx, _describe(g[0].surface, other.surface, "transliteration"))
            continue
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                pa, pb = parsed[a.idx], parsed[b.idx]
                given = names.compatible_given(pa, pb)
                if given is None:
                    continue
                sur = _surname_match(pa, pb, given)
                if sur:
                    uf.union(a.idx, b.idx, _describe_people(pa, pb, sur, given))

    # 3. a shorter form refers back to a full name in its own document
    all_surnames = {names.fold(parsed[it.idx].surname) for it in full}
    by_doc_full: dict[str, list[_Item]] = defaultdict(list)
    for it in full:
        by_doc_full[it.doc].append(it)
    # per document, the full names by every word a shorter form may repeat (surname in its fold and its
    # romanisation key, paternal surname, first word; given name): candidates come from a lookup,
    # not from comparing every short form with every full name of its document
    doc_index: dict[str, dict[str, list[int]]] = {}

    def refs(doc: str, word: str) -> list[_Item]:
        idx = doc_index.get(doc)
        if idx is None:
            idx = doc_index[doc] = defaultdict(list)
            for n, c in enumerate(by_doc_full.get(doc, [])):
                p = parsed[c.idx]
                keys = {names.fold(p.surname), surname_key(p.surname), names.fold(p.words[0])}
                if paternal := names.paternal_surname(p):
                    keys.add(names.fold(paternal))
                for k in keys:
                    idx[k].append(n)
        hits = sorted(set(idx.get(names.fold(word), [])) | set(idx.get(surname_key(word), [])))
        full_names = by_doc_full[doc] if hits else []
        return [full_names[n] for n in hits]

    unresolved: list[_Item] = []
    for it in short:
        word = parsed[it.idx].words[0]
        w = (it.doc, names.fold(word))
        # a word the document writes first in full names more than last is a given name there ("John")
        given_here = doc_firsts[w] > doc_lasts[w]
        cands = [] if given_here else [c for c in refs(it.doc, word) if _refers_to(word, parsed[c.idx], corpus_given)]
        if cands:
            target = _referent(it, cands, uf)
            tname = parsed[target].text
            why = _same_surname(word, parsed[target].surname)
            how = f" ({why})" if why and why != "same surname" else ""
            uf.union(target, it.idx, f"{it.surface} → {tname}: shorter form of the full name in {it.doc}{how}")
            continue
        # a given name alone, when exactly one full name of the document has it ("Sviatlana")
        by_given = {names.fold(parsed[c.idx].text): c.idx for c in by_doc_full.get(it.doc, [])
                    if parsed[c.idx].given and names.same_given(word, parsed[c.idx].given[0]) == "same given name"}
        # ... also an unlisted one ("Thanakorn" of a Thai name) that is no one's surname in the corpus
        if len(by_given) == 1 and (names.is_known_given_name(word) or names.fold(word) not in all_surnames):
            target = next(iter(by_given.values()))
            uf.union(target, it.idx, f"{it.surface} → {parsed[target].text}: given name of the only full name "
                                     f"with it in {it.doc}")
        else:
            unresolved.append(it)

    # 4. bare surnames with no full name in their document
    same_doc: dict[tuple[str, str], _Item] = {}
    for it in unresolved:
        rep = same_doc.setdefault((it.doc, names.fold(it.surface)), it)
        if rep is not it:
            uf.union(rep.idx, it.idx)
    index: dict[str, set[int]] = defaultdict(set)
    by_key: dict[str, set[int]] = defaultdict(set)  # the romanisation key of the surname
    for it in full:
        p = parsed[it.idx]
        index[names.fold(p.surname)].add(it.idx)
        by_key[surname_key(p.surname)].add(it.idx)
        if not names.is_known_given_name(p.words[0]) and len(p.words) == 2 and \
                names.fold(p.words[0]) not in corpus_given:
            index[names.fold(p.words[0])].add(it.idx)  # surname-first names: "Wang Ning" -> "Wang"
        if (paternal := names.paternal_surname(p)) and names.fold(paternal) not in corpus_given:
            index[names.fold(paternal)].add(it.idx)  # Hispanic paternal surname: "Ana Ruiz Vela" -> "Ruiz"
    orphans: dict[str, list[_Item]] = defaultdict(list)
    for rep in same_doc.values():
        key = names.fold(rep.surface)
        if firsts[key] >= 2 and firsts[key] > lasts[key]:
            orphans[surname_key(rep.surface)].append(rep)  # a given name alone ("John"): no one's surname
            continue
        hits = index.get(key)
        if not hits and spelling.strong(names.romanised_key(rep.surface)):
            key = surname_key(rep.surface)  # another romanisation of a surname ("Qaddafi" of "Moammar Gadhafi")
            hits = by_key.get(key)
        roots: dict[int, int] = {}
        for idx in hits or ():
            roots.setdefault(uf.find(idx), idx)
        target = _dominant(roots, uf)
        if target is None:
            orphans[surname_key(rep.surface)].append(rep)
            continue
        tname = parsed[target].text
        why = _same_surname(rep.surface, parsed[target].surname) or "first name of a surname-first name"
        note = "" if why == "same surname" else f" ({why})"
        uf.union(target, rep.idx, f"{rep.surface} → {tname}: the only full name with this surname{note}")
    for group in orphans.values():
        for other in group[1:]:
            uf.union(group[0].idx, other.idx, _describe(group[0].surface, other.surface,
                                                        _same_surname(group[0].surface, other.surface)))


def _join_aliases(items: list[_Item], uf: _Clusters) -> None:
    """A name given after "known as" joins the person named just before it in its document."""
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc].append(it)
    for doc_items in by_doc.values():
        ordered = sorted(doc_items, key=lambda x: x.start)
        for prev, it in itertools.pairwise(ordered):
            if it.alias and 0 < it.start - prev.end <= _ALIAS_GAP and not prev.alias:
                uf.union(prev.idx, it.idx, f"{it.surface} = {prev.surface}: other name given after the name "
                                           f"in {it.doc}")


def _particle_names(items: list[_Item]) -> None:
    """A lone "al-X" with no person of that surname anywhere ("al-Shabab fighters") names a group."""
    surnames = {names.fold(names.strip_particle(w.split()[-1])) for w in (it.surface for it in items
                if it.type == "person") if len(w.split()) >= 2}
    for it in items:
        words = it.surface.split()
        if it.type == "person" and len(words) == 1 and not it.titles and not it.alias \
                and names.strip_particle(words[0]) != words[0] \
                and names.fold(names.strip_particle(words[0])) not in surnames:
            it.type = "org"


def _name_tails(full: list[_Item], parsed: dict[int, names.PersonName]) -> dict[int, tuple[int, str]]:
    """Multi-word names that are the last words of a longer name of their document, with that name.

    East and Southeast Asian names put the family name first and the given names, used as the short
    form, last ("Nguyen Thi Lan Anh" ... "Ms Lan Anh"); "Boubacar Keita" of "Ibrahim Boubacar Keita" too.
    Only a tail of exactly one longer name (by its words) counts.
    """
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for it in full:
        by_doc[it.doc].append(it)
    out: dict[int, tuple[int, str]] = {}
    for doc_items in by_doc.values():
        for it in doc_items:
            words = tuple(w.lower() for w in parsed[it.idx].words)
            longer = {tuple(w.lower() for w in parsed[o.idx].words): o for o in doc_items
                      if len(parsed[o.idx].words) > len(words)}
            hits = [o for ws, o in longer.items() if ws[-len(words):] == words]
            if len(hits) == 1:
                target = hits[0]
                out[it.idx] = (target.idx, f"{it.surface} → {target.surface}: the last words of the full name "
                                           f"in {it.doc}")
    return out


def _referent(it: _Item, cands: list[_Item], uf: _Clusters) -> int:
    """The full name a shorter form refers to when several people of its document share the surname.

    A title the short form carries picks the person with that title ("President X" vs "General X");
    otherwise the person named in full first and most often (the piece's subject); otherwise the nearest one.
    """
    groups: dict[int, list[_Item]] = defaultdict(list)
    for c in cands:
        groups[uf.find(c.idx)].append(c)
    if len(groups) > 1:
        mine = [names.title_core(t) for t in it.titles]
        for level in (2, 1):
            fits = [g for g in groups.values()
                    if any(names.title_agreement(a, names.title_core(t)) >= level for a in mine for c in g
                           for t in c.titles)]
            if len(fits) == 1:
                return _nearest([(c.start, c.idx) for c in fits[0]], it.start)
            if len(fits) > 1:
                break
        ranked = sorted(groups.values(), key=len, reverse=True)
        first = min(cands, key=lambda c: c.start)
        if len(ranked[0]) > len(ranked[1]) and first in ranked[0]:
            # named first and most often: the piece's subject (a relative named twice later is not)
            return _nearest([(c.start, c.idx) for c in ranked[0]], it.start)
    return _nearest([(c.start, c.idx) for c in cands], it.start)


def _refers_to(word: str, full: names.PersonName, corpus_given: set[str] = frozenset()) -> bool:
    """True when a one-word mention names the person `full` (surname in any romanisation, a Hispanic
    paternal surname, or a surname-first name's first word); a word the corpus writes first in full
    names is a given name, not one of those surnames."""
    if _same_surname(word, full.surname):
        return True
    if names.fold(word) in corpus_given:
        return False
    paternal = names.paternal_surname(full)
    if paternal and names.same_surname(word, paternal) and not names.is_known_given_name(word):
        return True
    first = full.words[0]
    return (len(full.words) == 2 and not names.is_known_given_name(first)
            and names.same_surname(word, first) is not None and not names.is_known_given_name(word))


def _dominant(roots: dict[int, int], uf: _Clusters) -> int | None:
    if not roots:
        return None
    ranked = sorted(roots.items(), key=lambda kv: -uf.size[kv[0]])
    if len(ranked) == 1 or uf.size[ranked[0][0]] >= _DOMINANT * uf.size[ranked[1][0]]:
        return ranked[0][1]
    return None


# ------------------------------------------------------------------ organisations
def _resolve_orgs(items: list[_Item], uf: _Clusters, dropped: set[int],
                  doc_countries: dict[str, set[str]] | None = None) -> None:
    doc_countries = doc_countries or {}
    keys = {it.idx: orgs.org_key(it.surface) for it in items}
    by_idx = {it.idx: it for it in items}
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc].append(it)

    # 0. a lone head noun ("the Alliance") refers back to an organisation with that head, or is dropped
    named = []
    for it in items:
        k = keys[it.idx]
        if not k.is_bare_head:
            named.append(it)
            continue
        cands = [(o.start, o.idx) for o in by_doc[it.doc]
                 if not keys[o.idx].is_bare_head and keys[o.idx].head == k.head]
        if cands:
            target = _nearest(cands, it.start)
            uf.union(target, it.idx, f"{it.surface} → {by_idx[target].surface}: "
                                     f"short reference in {it.doc}")
        else:
            dropped.add(it.idx)

    # 1. the same key: word order, country adjective / of Country, synonyms
    first_of: dict[tuple, _Item] = {}
    for it in named:
        rep = first_of.setdefault(keys[it.idx].bag, it)
        if rep is not it:
            why = "" if rep.key == it.key else f"{rep.surface} = {it.surface}: {orgs.explain(rep.surface, it.surface)}"
            uf.union(rep.idx, it.idx, why)

    # 2. a name without a country joins the only country-qualified name with the same words
    with_country: dict[tuple[str, ...], list[_Item]] = defaultdict(list)
    for bag, rep in first_of.items():
        if bag[0]:
            with_country[bag[1]].append(rep)
    for bag, rep in first_of.items():
        if bag[0] or not with_country.get(bag[1]):
            continue
        cands = with_country[bag[1]]
        cand_bags = {keys[c.idx].bag for c in cands}
        local = [(o.start, o.idx) for o in by_doc[rep.doc] if keys[o.idx].bag in cand_bags]
        if len({keys[i].bag for _, i in local}) == 1:
            target = first_of[keys[local[0][1]].bag]
            where = f"the only one in {rep.doc}"
        elif local:
            target = by_idx[_nearest(local, rep.start)]
            where = f"the nearest one in {rep.doc}"
        elif len(cands) == 1 and set(keys[cands[0].idx].countries) <= doc_countries.get(rep.doc, set()):
            target, where = cands[0], "the only one in the corpus"
        else:
            continue
        uf.union(target.idx, rep.idx, f"{rep.surface} = {target.surface}: same name with the country ({where})")

    # 3. a shorter name with the same head noun refers back to a longer one in its document
    for doc_items in by_doc.values():
        doc_named = [it for it in doc_items if it.idx not in dropped and not keys[it.idx].is_bare_head]
        for it in doc_named:
            k = keys[it.idx]
            if k.head is None:
                continue
            cands = [(o.start, o.idx) for o in doc_named
                     if keys[o.idx].head == k.head and _sub_bag(k, keys[o.idx])]
            if cands:
                target = _nearest(cands, it.start)
                uf.union(target, it.idx, f"{it.surface} → {by_idx[target].surface}: "
                                         f"shorter form in {it.doc}")

    # 3b. a generic ending may be dropped: "X Group" = "X" (in the same document, else the only one)
    bare = defaultdict(list)
    for it in named:
        if it.idx not in dropped:
            bare[it.key].append(it)
    for it in named:
        base = orgs.without_generic_ending(it.surface)
        if base is None or base.lower() not in bare:
            continue
        cands = bare[base.lower()]
        local = [c for c in cands if c.doc == it.doc]
        if (orgs.is_acronym(base) and orgs.is_company_ending(it.surface)) or len(base.split()) > 1:
            cands = local  # an abbreviation ("ABC" of "ABC Group") or a longer name only within its document
        target = local[0] if local else (cands[0] if cands and len({uf.find(c.idx) for c in cands}) == 1 else None)
        if target is not None:
            uf.union(it.idx, target.idx, f"{target.surface} → {it.surface}: the name without its generic "
                                         f"ending ({it.surface.split()[-1]})")

    # 3c. the leading words of a company's name with its legal form, in the same document ("Acme" of "Acme SA")
    for doc_items in by_doc.values():
        companies = [o for o in doc_items if orgs.has_company_suffix(o.surface)]
        for it in doc_items:
            words = it.key.split()
            cands = [(o.start, o.idx) for o in companies
                     if len(o.key.split()) > len(words) and o.key.split()[:len(words)] == words]
            if cands and it.idx not in dropped:
                target = _nearest(cands, it.start)
                uf.union(target, it.idx, f"{it.surface} → {by_idx[target].surface}: the company's name without "
                                         f"its legal form in {it.doc}")

    # 4. an abbreviation in brackets right after a name, or spelling out a name of the same document
    for doc_items in by_doc.values():
        ordered = sorted(doc_items, key=lambda x: x.start)
        for prev, it in itertools.pairwise(ordered):
            # ", or ABC," after a name counts as a bracket (the nlp component checked the words)
            if (orgs.is_acronym(it.surface) or it.bracketed) and 0 < it.start - prev.end <= (5 if it.bracketed else 3) \
                    and (it.bracketed or orgs.acronym_fits(it.surface, prev.surface)) \
                    and it.key not in names.outlet_words():  # "CAIRO (Reuters)": a dateline's credit
                uf.union(prev.idx, it.idx, f"{it.surface} = {prev.surface}: abbreviation given in brackets")
        acronyms = [it for it in doc_items if orgs.is_acronym(it.surface)]
        spelled = {orgs.initials(it.surface): it for it in doc_items
                   if not orgs.is_acronym(it.surface) and len(it.surface.split()) >= 2}
        for it in acronyms:
            target = spelled.get(it.surface.replace(".", "").upper())
            if target is not None:
                uf.union(target.idx, it.idx, f"{it.surface} = {target.surface}: initials")


def _countries_by_doc(items: list[_Item]) -> dict[str, set[str]]:
    """The countries each document names: as places, nationality adjectives or inside org names."""
    out: dict[str, set[str]] = defaultdict(set)
    for it in items:
        if it.type == "place" and places.is_country(it.surface):
            out[it.doc].add(places.canonical_place(it.surface) or it.surface)
        elif it.label == "NORP" and (country := places.country_of_adjective(it.surface)):
            out[it.doc].add(country)
        elif it.type == "org":
            out[it.doc].update(orgs.org_key(it.surface).countries)
    return out


def _sub_bag(short: orgs.OrgKey, long: orgs.OrgKey) -> bool:
    if short.words == long.words or not set(short.countries) <= set(long.countries):
        return False
    rest = Counter(long.words)
    rest.subtract(Counter(short.words))
    return all(v >= 0 for v in rest.values())


# ------------------------------------------------------------------ places and events
def _place_key(surface: str) -> str:
    return places.canonical_place(surface) or places.fold(surface)


def _event_key(surface: str) -> str:
    return re.sub(r"\s*[-‑–]\s*", "-", places.fold(surface))


def _resolve_by_key(items: list[_Item], uf: _Clusters, keyf, label: str) -> None:
    first_of: dict[str, _Item] = {}
    for it in items:
        rep = first_of.setdefault(keyf(it.surface), it)
        if rep is not it:
            why = "" if rep.key == it.key else f"{rep.surface} = {it.surface}: {label}"
            uf.union(rep.idx, it.idx, why)


def _resolve_events(items: list[_Item], uf: _Clusters) -> None:
    _resolve_by_key(items, uf, _event_key, "same event name")
    by_doc: dict[str, dict[str, _Item]] = defaultdict(dict)
    for it in items:
        by_doc[it.doc].setdefault(_event_key(it.surface), it)
    for it in items:
        k = _event_key(it.surface)
        if re.search(r"-(?:19|20)\d\d$", k):
            continue
        dated = [o for kk, o in by_doc[it.doc].items() if re.fullmatch(re.escape(k) + r"-(?:19|20)\d\d", kk)]
        if len(dated) == 1:
            uf.union(dated[0].idx, it.idx, f"{it.surface} → {dated[0].surface}: name without its year")


# ------------------------------------------------------------------ user aliases
def _apply_aliases(items: list[_Item], uf: _Clusters, config: AliasConfig) -> dict[int, str]:
    """Tag keep-apart names, merge declared groups; return preferred names by item."""
    def norm(name: str) -> str:
        return names.parse_person(name)[0].text.lower() or names.clean_text(name).lower()

    by_key: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_key[it.key].append(it)
        stripped = names.parse_person(it.surface)[0].text.lower()
        if stripped != it.key:
            by_key[stripped].append(it)
    for g, group in enumerate(config.distinct):
        for name in group.names:
            for it in by_key.get(norm(name), []):
                if group.type in (None, it.type):
                    uf.apart[it.idx][g] = norm(name)
    preferred: dict[int, str] = {}
    for group in config.same:
        hits = [it for name in group.names for it in by_key.get(norm(name), [])
                if group.type in (None, it.type)]
        for it in hits[1:]:
            uf.union(hits[0].idx, it.idx, f"{it.surface} = {hits[0].surface}: declared in the alias file",
                     force=True)
        for it in hits:
            preferred[it.idx] = group.names[0]
    return preferred


# ------------------------------------------------------------------ building entities
def _tidy(text: str) -> str:
    t = text.replace("\u2019", "'")
    return re.sub(r"\b(\w+)( \1\b)+", r"\1", t, flags=re.IGNORECASE)


def _choose_name(etype: str, members: list[_Item]) -> str:
    counts = Counter(it.surface for it in members)
    order = {s: i for i, s in reversed(list(enumerate(it.surface for it in members)))}
    if etype == "person":
        spelling_of = Counter(it.surface.split()[-1] for it in members)

        def pkey(s: str) -> tuple:
            words = s.split()
            # the full name written most often, in the surname's commonest spelling; a longer name only
            # breaks ties ("Michael Katherine Jackson" once does not name the man written "Michael Jackson")
            return (len(words) >= 2, spelling_of[words[-1]], not s.isupper(), counts[s], len(words), -order[s])
        return _tidy(max(counts, key=pkey))
    if etype == "org":
        # a name only ever given in brackets is the other name ("X (Native Name)"), not the one to show
        free = {it.surface for it in members if not it.bracketed}

        def okey(s: str) -> tuple:
            k = orgs.org_key(s)
            # a country-qualified name is preferred when it is written more than once (a lone
            # "Northland World Health Organization" is a span run on from a dateline, not the name)
            return (s in free, bool(k.countries) and counts[s] > 1, not orgs.is_acronym(s), len(_tidy(s).split()),
                    counts[s], -order[s])
        return _tidy(max(counts, key=okey))
    if etype == "place":
        known = [places.canonical_place(s) for s in counts if places.canonical_place(s)]
        if known:
            return Counter(known).most_common(1)[0][0]
    if etype == "event":
        return re.sub(r"\s+([-‑–])\s*", r"\1", max(counts, key=lambda s: (counts[s], -order[s])))
    return _tidy(max(counts, key=lambda s: (counts[s], -order[s])))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", places.fold(text)).strip("-") or "x"


def _short_title(title: str) -> bool:
    words = title.split()
    return len(words) <= 3 and not {"of", "to", "for", "at"} & {w.lower() for w in words}


def resolve_entities(mentions: Iterable[Mention], aliases: AliasConfig | None = None) -> EntityResolution:
    """Cluster entity mentions into entities; see the module docstring for the rules.

    `mentions` is read once, so it may be a stream. Every entity mention gets a
    canonical entry ("" when it names no entity).
    """
    items, order = _prepare(mentions)
    _trim_person_spans(items)
    _vote_types(items)
    _retype_person_names(items)
    _particle_names(items)
    for it in items:  # a name retyped as a person must still read as one ("pro-X", "Flu H5N1" do not)
        if it.type == "person" and not names.parse_person(it.surface)[0].words:
            it.type = ""
    uf = _Clusters(len(items))
    dropped: set[int] = set()
    preferred = _apply_aliases(items, uf, aliases) if aliases and not aliases.empty else {}
    by_type: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_type[it.type].append(it)
    _resolve_people(by_type["person"], uf)
    _resolve_orgs(by_type["org"], uf, dropped, _countries_by_doc(items))
    _resolve_by_key(by_type["place"], uf, _place_key, "spelling variants of one place")
    _resolve_events(by_type["event"], uf)

    clusters: dict[int, list[_Item]] = defaultdict(list)
    for it in items:
        if it.type and it.idx not in dropped:
            clusters[uf.find(it.idx)].append(it)
    evidence: dict[int, list[str]] = defaultdict(list)
    for idx, line in uf.evidence:
        evidence[uf.find(idx)].append(line)

    entities: list[Entity] = []
    canonical: dict[tuple[str, int, int], str] = {}
    used_ids: Counter[str] = Counter()
    for root, members in sorted(clusters.items(), key=lambda kv: kv[1][0].idx):
        etypes = Counter(it.type for it in members)
        etype = etypes.most_common(1)[0][0]
        pref = next((preferred[it.idx] for it in members if it.idx in preferred), None)
        name = pref or _choose_name(etype, members)
        alias_counts: Counter[str] = Counter()
        titles: list[str] = []
        for it in members:
            alias_counts[it.surface] += 1
            for t in it.titles:
                if t.lower() not in {x.lower() for x in titles}:
                    titles.append(t)
                if _short_title(t):
                    alias_counts[f"{t} {it.surface}"] += 1
        known = {_tidy(a).lower() for a in alias_counts}
        aliases_out = (*alias_counts, *(() if name.lower() in known else (name,)))
        base = f"{etype}:{_slug(name)}"
        used_ids[base] += 1
        eid = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        keys = tuple(sorted({k for a in (name, *alias_counts) for k in names.search_keys(a)}))
        entities.append(Entity(
            id=eid, type=etype, name=name, keys=keys,
            aliases=aliases_out,
            alias_counts=dict(alias_counts),
            titles=tuple(titles),
            mentions=len(members),
            evidence=tuple(dict.fromkeys(evidence.get(root, []))),
        ))
        for it in members:
            canonical[(it.doc, it.start, it.end)] = name
    for x in order:
        if isinstance(x, int):
            it = items[x]
            x = (it.doc, it.start, it.end)
        canonical.setdefault(x, "")
    return EntityResolution(entities, canonical)
