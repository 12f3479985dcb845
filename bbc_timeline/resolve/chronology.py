"""One chronology from many documents: draft events, merged across sources, ordered."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bbc_timeline import lexicon
from bbc_timeline.models import DateValue, Document, Event, Mention, Sentence, Source
from bbc_timeline.resolve import importance
from bbc_timeline.resolve.events import Draft, dct_value, document_events
from bbc_timeline.resolve.intervals import PRECISION_RANK

SUMMARY_CHARS = 160
_WORD = re.compile(r"[A-Za-z]+")
_STOP = lexicon.words("plain_words")
MERGE_SIMILARITY = 0.22
MIN_COMMON_WORDS = 3  # share of content stems two reports of one happening have in common


def build_chronology(
    bundles: Iterable[tuple[Document, str, list[Mention], list[Sentence]]],
    canonical: dict[tuple[str, int, int], str],
    entity_types: dict[str, str],
    provenance: dict[str, importance.DocInfo] | None = None,
) -> list[Event]:
    """Events of every document, merged across documents, oldest first, each with its importance.

    Each document's drafts become small records as soon as the document is read,
    so neither the drafts nor the documents' texts are kept until the merge.
    `provenance`, if given, is filled with each document's publication day and source
    (reprints of one story share one): what the store keeps beside each event's sources.
    """
    records: list[_Record | None] = []
    pool: dict[str, str] = {}  # one string per name, shared by every record and event
    sketches: list[tuple[str, tuple[int, ...]]] = []
    published: dict[str, str | None] = {}
    entity_docs: Counter[str] = Counter()  # in how many documents each name is mentioned
    for document, text, mentions, sentences in bundles:
        sketches.append((document.id, importance.sketch(text[document.start : document.end])))
        dct = dct_value(document)
        published[document.id] = dct.start if dct is not None else None
        entity_docs.update({n for m in mentions if m.kind == "entity" and (n := canonical.get((m.doc, m.start, m.end)))})
        for d in document_events(document, text, mentions, sentences, canonical, entity_types):
            records.append(_record(len(records), d, text, pool))
    groups = merge_groups(records)  # type: ignore[arg-type]
    events = []
    for g in groups:
        members = [records[i] for i in g]
        for i in g:
            records[i] = None  # what an event is built from is not needed twice
        events.append(_to_event(members))  # type: ignore[arg-type]
    del records
    clusters = importance.reprint_clusters(sketches)
    docs = {d: importance.DocInfo(published[d], clusters[d]) for d in published}
    if provenance is not None:
        provenance.update(docs)
    events = importance.score(events, docs, entity_docs)
    events.sort(key=lambda e: (e.date.start, e.date.end, e.sources[0].doc, e.sources[0].start))
    return _with_ids(events)


_ROLES = ("actors", "orgs", "places", "named_events")


@dataclass(slots=True)
class _Record:
    """What merging and the event need of one draft, without its document's text."""

    order: int
    doc: str
    date: DateValue
    basis: str
    key: str | None
    lead: frozenset[str]
    names: tuple[tuple[str, ...], ...]  # by _ROLES
    confidence: float
    span: tuple[int, int]  # its first sentence
    summary: str
    sources: tuple[Source, ...]
    stems: str | None  # content stems, space-separated; only for drafts compared by month
    period: bool = False  # a span told as background

    def participants(self) -> set[str]:
        return {*self.names[0], *self.names[1], *self.names[3]}


def _record(order: int, d: Draft, text: str, pool: dict[str, str]) -> _Record:
    if set(d.names) - set(_ROLES):
        raise ValueError(f"unknown name roles in a draft: {sorted(set(d.names) - set(_ROLES))}")
    names = tuple(tuple(pool.setdefault(n, n) for n in d.names.get(r, ())) for r in _ROLES)
    stems = " ".join(sorted(_content(d))) if _by_month(d) else None
    return _Record(
        order=order,
        doc=d.doc,
        date=d.date,
        basis=d.basis,
        key=d.key,
        lead=frozenset(pool.setdefault(n, n) for n in d.lead),
        names=names,
        confidence=d.confidence,
        span=d.sentences[0],
        summary=summary_of(d, text),
        sources=tuple(d.sources(text)),
        stems=stems,
        period=d.period,
    )


def _by_month(d: Draft | _Record) -> bool:
    return PRECISION_RANK[d.date.precision] <= PRECISION_RANK["month"] and d.basis == "explicit"


def _content(d: Draft) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(d.first_text) if len(w) > 3 and w.lower() not in _STOP}


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _dates_compatible(a: DateValue, b: DateValue) -> bool:
    return a.start <= b.end and b.start <= a.end


def _different_actors(a: _Record, b: _Record) -> bool:
    """Both sentences name who acted, and no one in common: two reactions to one story, not one happening."""
    return bool(a.lead) and bool(b.lead) and not (a.lead & b.lead)


def merge_groups(drafts: list[_Record]) -> list[list[int]]:
    """Indices of drafts that report one happening, grouped.

    Candidates are only compared inside a month bucket (or a named-event key),
    so the work grows with the bucket sizes, not with all pairs of events.
    A bucket's content stems exist only while that bucket is compared.
    """
    parent = list(range(len(drafts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    docs: dict[int, set[str]] = {}  # a root's documents, once it has merged with another
    # a root's common interval: the days every report of the group allows. Reports merge only while
    # one day (or month) stays common to all, so a chain through a long span ("the last nine days")
    # never joins reports of different days into one happening.
    common: dict[int, tuple[str, str]] = {}

    def union(i: int, j: int, *, by_name: bool = False) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        di = docs.get(ri) or {drafts[ri].doc}
        dj = docs.get(rj) or {drafts[rj].doc}
        # one document tells one happening once: never merge two of its events
        if di & dj:
            return
        a = common.get(ri) or (drafts[ri].date.start, drafts[ri].date.end)
        b = common.get(rj) or (drafts[rj].date.start, drafts[rj].date.end)
        both = (max(a[0], b[0]), min(a[1], b[1]))
        if both[0] > both[1]:
            if not by_name:
                return
            both = (min(a[0], b[0]), max(a[1], b[1]))  # a named event's reports may disagree on its date
        lo, hi = min(ri, rj), max(ri, rj)
        parent[hi] = lo
        docs[lo] = di | dj
        docs.pop(hi, None)
        common[lo] = both
        common.pop(hi, None)

    by_key: dict[str, list[int]] = defaultdict(list)
    by_month: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(drafts):
        if d.key:
            by_key[d.key].append(i)
        if _by_month(d):
            by_month[d.date.start[:7]].append(i)
    for members in by_key.values():
        for j in members[1:]:
            if _dates_compatible(drafts[members[0]].date, drafts[j].date):
                union(members[0], j, by_name=True)
    for members in by_month.values():
        content = {i: set((drafts[i].stems or "").split()) for i in members}
        for i, j in candidate_pairs(members, {i: drafts[i].date for i in members}, content, MIN_COMMON_WORDS,
                                    {i: drafts[i].doc for i in members}):
            a, b = drafts[i], drafts[j]
            if a.doc == b.doc or not _dates_compatible(a.date, b.date) or _different_actors(a, b):
                continue
            shared = a.participants() & b.participants()
            if len(content[i] & content[j]) < MIN_COMMON_WORDS:
                continue
            sim = _similarity(content[i], content[j])
            places = set(a.names[2]) & set(b.names[2])
            if a.date.precision != b.date.precision:
                continue
            if (shared and sim >= MERGE_SIMILARITY / 2) or (places and sim >= MERGE_SIMILARITY) \
                    or sim >= 2 * MERGE_SIMILARITY:
                union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(drafts)):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


def candidate_pairs(
    members: list[int], dates: dict[int, DateValue], content: dict[int, set[str]], min_common: int,
    docs: dict[int, str] | None = None,
) -> list[tuple[int, int]]:
    """The pairs (i, j), i before j in `members`, that could report one happening.

    Two reports can merge only at the same precision, on a common day (or month), and
    sharing `min_common` words. So reports are blocked by the days they cover, and
    inside a block only pairs whose rarest words meet are looked at (prefix filtering:
    with every set's words ordered rarest first, two sets that share `min_common` words
    share one of the first len(set) - min_common + 1 of each). A month of many
    unrelated reports costs about the number of reports, not its square. The pairs come
    in the order the all-pairs loop would give them: merging depends on that order.
    With `docs`, two reports of one document are never a pair (one document tells one
    happening once), and a document's own reports are never even looked at together: a page
    of thousands of sentences dated to one day costs its length, not its square.
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    wide: list[int] = []  # day-precision ranges longer than a month: checked against every day report
    for x, i in enumerate(members):
        d = dates[i]
        if d.precision != "day":
            blocks[(d.precision, d.start)].append(x)
            continue
        days = _days(d.start, d.end)
        if days is None:
            wide.append(x)
        else:
            for day in days:
                blocks[("day", day)].append(x)
    pairs: set[tuple[int, int]] = set()
    day_reports = sorted({x for key, xs in blocks.items() if key[0] == "day" for x in xs} | set(wide))
    for w in wide:  # rare: compared directly with every day report
        for x in day_reports:
            a, b = dates[members[w]], dates[members[x]]
            if x != w and a.start <= b.end and b.start <= a.end \
                    and len(content[members[w]] & content[members[x]]) >= min_common:
                pairs.add((min(w, x), max(w, x)))
    for xs in blocks.values():
        if len(xs) < 2:
            continue
        sets = [content[members[x]] for x in xs]
        freq = Counter(w for words in sets for w in words)
        owner = [docs[members[x]] if docs is not None else x for x in xs]
        # word -> document -> block positions whose prefix has the word
        index: dict[str, dict[object, list[int]]] = defaultdict(lambda: defaultdict(list))
        prefixes = []
        for k, words in enumerate(sets):
            ordered = sorted(words, key=lambda w: (freq[w], w))
            prefix = ordered[: len(ordered) - min_common + 1] if len(ordered) >= min_common else []
            prefixes.append(prefix)
            for w in prefix:
                index[w][owner[k]].append(k)
        for k, prefix in enumerate(prefixes):
            near = {m for w in prefix for doc, ms in index[w].items() if doc != owner[k] for m in ms if m > k}
            for m in near:
                if len(sets[k] & sets[m]) >= min_common:
                    pairs.add((xs[k], xs[m]))
    return [(members[x], members[y]) for x, y in sorted(pairs)]


def _days(start: str, end: str) -> list[str] | None:
    """ISO days from start to end, or None for a span longer than a month."""
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if (b - a).days > 31:
        return None
    return [(a + timedelta(days=k)).isoformat() for k in range((b - a).days + 1)]


_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[–—]\s|,\s+(?=(?:and|but|while|which|whereas|although|though|because|despite|so that|as)\b)|\s(?=despite\b)"
)
# Only these open a clause that reads on its own; ", which ..." or ", because ..." needs what came before.
_CLAUSE_OPENER = re.compile(r";|:\s|\s[–—]\s")


def summary_of(draft: Draft, text: str) -> str:
    """The clause that carries the event's date, or the sentence; short enough for a table."""
    s0, s1 = draft.sentences[0]
    m = draft.date_mention
    start, end = s0, s1
    if m is not None and s0 <= m.start and m.end <= s1:
        for b in _CLAUSE_BREAK.finditer(text, s0, s1):
            if b.end() <= m.start and _CLAUSE_OPENER.fullmatch(b.group(0)):
                start = b.end()
            elif b.start() >= m.end:
                end = b.start()
                break
        if end - start < 40:
            start, end = s0, s1
    clause = re.sub(r"\s+", " ", text[start:end]).strip(" ,;:")
    if len(clause) <= SUMMARY_CHARS:
        return clause[:1].upper() + clause[1:]
    cut = clause[:SUMMARY_CHARS].rsplit(" ", 1)[0]
    return cut[:1].upper() + cut[1:].rstrip(",;:") + " …"


def _to_event(members: list[_Record]) -> Event:
    members.sort(key=lambda m: (PRECISION_RANK[m.date.precision], -m.confidence, m.order))
    best = members[0]
    names: list[list[str]] = [[] for _ in _ROLES]
    sources: list[Source] = []
    conflicts = []
    evidence = []
    for d in members:
        for got, values in zip(names, d.names, strict=True):
            got += [v for v in values if v not in got]
        sources += d.sources
        if d is not best:
            if not (best.date.start >= d.date.start and best.date.end <= d.date.end):
                conflicts.append({"doc": d.doc, "value": d.date.value, "other": best.date.value})
            shared = sorted(d.participants() & best.participants())
            why = f"shares {', '.join(shared)}" if shared else "similar wording"
            evidence.append(f"{d.doc} [{d.span[0]}:{d.span[1]}] dated {d.date.value}: {why}")
    docs = {s.doc for s in sources}
    confidence = min(0.95, best.confidence + 0.05 * (len(docs) - 1))
    if conflicts:
        confidence = max(0.1, confidence - 0.2)
    return Event(
        id="",
        date=best.date,
        date_basis=best.basis,
        summary=best.summary,
        actors=tuple(names[0]),
        orgs=tuple(names[1]),
        places=tuple(names[2]),
        named_events=tuple(names[3]),
        sources=tuple(sources),
        confidence=round(confidence, 2),
        conflicts=tuple(conflicts),
        merge_evidence=tuple(evidence),
        kind="period" if best.period else "event",
    )


def _slug(s: str, words: int = 4) -> str:
    ws = [w.lower() for w in _WORD.findall(s) if w.lower() not in _STOP and len(w) > 2][:words]
    return "-".join(ws) or "event"


def _with_ids(events: list[Event]) -> list[Event]:
    seen: dict[str, int] = {}
    for i, e in enumerate(events):  # in place: the events without ids go as the ids are given
        label = (e.named_events or e.actors or e.orgs or (e.summary,))[0]
        base = f"ev-{e.date.value}-{_slug(label, 2)}"
        n = seen.get(base, 0) + 1
        seen[base] = n
        events[i] = replace(e, id=base if n == 1 else f"{base}-{n}")
    return events
