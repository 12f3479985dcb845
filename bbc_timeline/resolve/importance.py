"""How much each event matters, from evidence a reader would accept, and why.

Computed once at resolve time, over the whole chronology:
- independent documents reporting it (a wire story reprinted by several outlets counts once:
  near-identical documents are found by comparing small sketches of their word shingles);
- later articles pointing back at its date (published after the day they report);
- how central its people, organisations and named events are to the corpus (in how many
  documents they are named);
- whether it is a named event.
What is not a key event scores low: a period told as background ("for 1400 years"), a date
long before the articles were written, a plan, opinion and quotation with no one acting, a
date no finer than a year. Every factor is written into the event's `importance_evidence`.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bbc_timeline import lexicon
from bbc_timeline.models import Event

SHINGLE_WORDS = 5
SKETCH_SIZE = 32  # the smallest shingle hashes of a document: its sketch
SKETCH_CHARS = 6000  # a reprint shows in its first paragraphs
BAND = 4  # two documents are compared only if one of their BAND smallest hashes is shared
REPRINT_SIMILARITY = 0.6  # estimated Jaccard of shingles above which two documents are one source
BUCKET_ALL_PAIRS, BUCKET_STORIES = 64, 16  # a hash shared by more documents: each meets only the first stories
HISTORY_DAYS = 365  # older than this before its first report: background
_WORD = re.compile(r"\w+")

# weights of the evidence (they sum to 1) and the factors that keep what is not a happening low
W_DOCS, W_LATER, W_CENTRAL, W_NAMED = 0.45, 0.25, 0.2, 0.1
PRECISION_FACTOR = {"day": 1.0, "month": 0.7, "year": 0.5}
BASIS_FACTOR = {"explicit": 1.0, "narrative": 0.8, "dct": 0.6}
PERIOD_FACTOR, HISTORY_FACTOR, PLAN_FACTOR, OPINION_FACTOR = 0.25, 0.6, 0.7, 0.6


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What importance needs of a document: when it was published and which source it is."""

    published: str | None  # ISO day the publication date starts on
    cluster: str  # the document whose reprint this is (itself if none)


def sketch(text: str) -> tuple[int, ...]:
    """The SKETCH_SIZE smallest hashes of the text's word shingles (a bottom-k MinHash sketch)."""
    words = [w.lower() for w in _WORD.findall(text[:SKETCH_CHARS])]
    if len(words) < SHINGLE_WORDS:
        return ()
    hashes = {zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode()) for i in range(len(words) - SHINGLE_WORDS + 1)}
    return tuple(sorted(hashes)[:SKETCH_SIZE])


def _similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard of two bottom-k sketches: shared among the k smallest of their union."""
    k = min(SKETCH_SIZE, len(set(a) | set(b)))
    smallest = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(h in both for h in smallest) / max(1, k)


def reprint_clusters(sketches: Iterable[tuple[str, tuple[int, ...]]]) -> dict[str, str]:
    """doc -> the first document (in the order given) of its group of near-identical documents.

    Candidates share one of their BAND smallest hashes (near-identical texts almost surely
    do), so the work grows with the corpus, not with all its pairs.
    """
    order: list[str] = []
    sk: dict[str, tuple[int, ...]] = {}
    for doc, s in sketches:
        order.append(doc)
        sk[doc] = s
    parent = {d: d for d in order}
    rank = {d: i for i, d in enumerate(order)}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    by_hash: dict[int, list[str]] = defaultdict(list)
    for doc in order:
        for h in sk[doc][:BAND]:
            by_hash[h].append(doc)

    def join(a: str, b: str) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        if _similarity(sk[a], sk[b]) < REPRINT_SIMILARITY:
            return False
        lo, hi = (ra, rb) if rank[ra] < rank[rb] else (rb, ra)
        parent[hi] = lo
        return True

    for docs in by_hash.values():
        if len(docs) <= BUCKET_ALL_PAIRS:
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    join(a, b)
            continue
        # A hash many documents share is mostly boilerplate (a page header, a template): each document is
        # compared with the bucket's first few distinct stories only, so a crowded bucket costs its length.
        # A reprint of any of them joins it; a story told differently becomes one of them while room is left.
        stories: list[str] = []
        for a in docs:
            if not any(join(a, b) for b in stories) and len(stories) < BUCKET_STORIES:
                stories.append(a)
    return {d: find(d) for d in order}


def independent(event: Event, docs: dict[str, DocInfo]) -> int:
    """How many independent sources report the event (reprints of one story count once)."""
    return len({docs[s.doc].cluster if s.doc in docs else s.doc for s in event.sources})


def score(events: list[Event], docs: dict[str, DocInfo], entity_docs: Counter[str]) -> list[Event]:
    """The events with `importance` (0..1) and `importance_evidence` filled in."""
    n_docs = max(1, len(docs))
    facts = [_facts(e, docs, entity_docs) for e in events]
    top_docs = max((f["independent"] for f in facts), default=1)
    top_later = max((f["later"] for f in facts), default=0)
    out = []
    for e, f in zip(events, facts, strict=True):
        why: list[str] = []
        docs_term = math.log1p(f["independent"]) / math.log1p(max(1, top_docs))
        passages = len(e.sources)
        folded = f["documents"] - f["independent"]
        why.append(f"reported by {f['independent']} independent document{'s' if f['independent'] != 1 else ''}"
                   + (f" ({folded} reprint{'s' if folded != 1 else ''} counted once)" if folded else "")
                   + (f", {passages} passages" if passages != f["documents"] else ""))
        later_term = math.log1p(f["later"]) / math.log1p(top_later) if top_later else 0.0
        if f["later"]:
            verb = "articles point" if f["later"] != 1 else "article points"
            why.append(f"{f['later']} later {verb} back at {e.date.value}")
        central, who = 0.0, ""
        for name in (*e.actors, *e.orgs, *e.named_events):
            share = entity_docs.get(name, 0) / n_docs
            if share > central:
                central, who = share, name
        if who:
            why.append(f"{who} is named in {entity_docs[who]} of {n_docs} documents")
        named = 1.0 if e.named_events else 0.0
        if named:
            why.append(f"a named event: {e.named_events[0]}")
        raw = W_DOCS * docs_term + W_LATER * later_term + W_CENTRAL * math.sqrt(central) + W_NAMED * named
        factor = PRECISION_FACTOR.get(e.date.precision, 0.3)
        if factor < 1:
            why.append(f"dated only to the {e.date.precision} (x{factor})")
        basis = BASIS_FACTOR.get(e.date_basis, 0.8)
        if basis < 1:
            why.append(f"date {'from the story around it' if e.date_basis == 'narrative' else 'of publication'} (x{basis})")
        factor *= basis
        for flag, mult, label in (
            (e.kind == "period", PERIOD_FACTOR, "a period told as background, not a happening"),
            (f["history"], HISTORY_FACTOR, "background: long before the articles reporting it"),
            (f["plan"], PLAN_FACTOR, "a plan or expectation: after every report of it"),
            (f["opinion"], OPINION_FACTOR, "opinion or quotation, no one said to act"),
        ):
            if flag:
                factor *= mult
                why.append(f"{label} (x{mult})")
        importance = round(min(1.0, max(0.0, raw * factor)), 3)
        out.append(replace(e, importance=importance, independent=f["independent"],
                           importance_evidence=(f"importance {importance:.3f}", *why)))
    return out


def _facts(e: Event, docs: dict[str, DocInfo], entity_docs: Counter[str]) -> dict:
    source_docs = {s.doc for s in e.sources}
    clusters = {docs[d].cluster if d in docs else d for d in source_docs}
    published = [docs[d].published for d in source_docs if d in docs and docs[d].published]
    day_after = (date.fromisoformat(e.date.end) + timedelta(days=1)).isoformat()
    later = {docs[d].cluster for d in source_docs if d in docs and (docs[d].published or "") > day_after}
    first = min(published, default=None)
    history = bool(first) and (date.fromisoformat(first) - date.fromisoformat(e.date.end)).days > HISTORY_DAYS
    plan = bool(published) and e.date.start > max(published)
    return {
        "documents": len(source_docs),
        "independent": len(clusters),
        "later": len(later),
        "history": history,
        "plan": plan,
        "opinion": all(_opinion(s.quote) for s in e.sources) if e.sources else False,
    }


def _opinion(quote: str) -> bool:
    """A sentence that judges or exhorts in the first person, or asks: "I think ...", "we must ..."."""
    words = {w.lower() for w in _WORD.findall(quote)}
    return quote.rstrip().endswith("?") or bool(words & lexicon.words("opinion_cues"))
