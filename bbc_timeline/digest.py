"""`timeline digest`: the days that mattered, each with the sentences that say what happened.

The query side of key events (no spaCy, no dateparser: dates are ISO). Days are ranked by
the evidence the store keeps per event source: how many independent sources report a
happening on that day, how many of them were published after it (looking back at it),
and how important its best event is. For each of the L best days (shown oldest first),
at most K sentences come from its most important events: for each event, the reporting
sentence closest to what the day's reports say in common, and never two that say the
same thing. `--published-since/--published-until` keep only what documents published in
that window say ("what was known by then").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

from bbc_timeline import lexicon
from bbc_timeline.store import Store
from bbc_timeline.userdates import parse_bound

CANDIDATE_EVENTS = 30  # of a day, the most important, whose sentences are weighed
MIN_WORDS, MAX_WORDS = 6, 60  # a sentence a person reads as one line of a timeline
SAME_THING = 0.5  # content-word overlap above which two sentences say the same thing
W_EVENT = 1.0  # how much an event's importance raises its sentences (1 + W_EVENT * importance)
DATED = 1.25  # the sentence that writes the event's date says what happened that day: preferred
# a day's score: independent sources reporting it, those looking back at it, its best event
W_SOURCES, W_LATER, W_IMPORTANCE, W_ISSUED = 1.0, 0.5, 1.0, 0.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_QUESTION = re.compile(r"\?[\"'”’)]*\s*$")  # a question asks; it does not say what happened


def digest(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    published_since: str | None = None,
    published_until: str | None = None,
    days: int = 10,
    per_day: int = 2,
) -> dict[str, Any]:
    """{"days": [{"date", "score", "entries": [{"text", "event", "sources", "doc", "start", "end"}]}]}."""
    lo = parse_bound(since, "start") if since else None
    hi = parse_bound(until, "end") if until else None
    published = (parse_bound(published_since, "start") if published_since else None,
                 parse_bound(published_until, "end") if published_until else None)
    issued = store.published_per_day(lo, hi, published)
    scored = [(day_score(sources, later, top, issued.get(day, 0), issued.get(_next(day), 0)), day)
              for day, sources, later, top, _n in store.day_evidence(lo, hi, published)]
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen = scored[: max(0, days)]
    best = chosen[0][0] if chosen else 1.0
    out = []
    for score, day in sorted(chosen, key=lambda x: x[1]):
        entries = choose_sentences(store.day_events(day, published, CANDIDATE_EVENTS), per_day)
        out.append({"date": day, "score": round(score / best, 3) if best else 0.0, "entries": entries})
    return {"days": out}


def day_score(sources: int, later: int, top_importance: float, issued: int = 0, issued_next: int = 0) -> float:
    """How much a day mattered, from its reports: more independent sources, more of them looking back,
    more published that day and the next (the news of a day is printed then)."""
    return (W_SOURCES * math.log1p(sources) + W_LATER * math.log1p(later) + W_IMPORTANCE * (top_importance or 0.0)
            + W_ISSUED * math.log1p(issued + issued_next))


def _next(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _content(text: str) -> set[str]:
    plain = lexicon.words("plain_words")
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in plain}


def choose_sentences(events: list[tuple[dict[str, Any], list[str]]], per_day: int) -> list[dict[str, Any]]:
    """At most `per_day` entries from the day's events: the reporting sentences that say most of what the
    day's reports say in common (weighted up by their event's importance), one an event, never two that
    say the same thing."""
    if per_day <= 0:
        return []
    candidates = []  # (score later, event, its documents in the window, source, content words)
    centroid: Counter[str] = Counter()
    for ev, docs in events:
        allowed = set(docs)
        for s in ev["sources"]:
            n = len(_WORD.findall(s["quote"]))
            if s["doc"] in allowed and MIN_WORDS <= n <= MAX_WORDS and not _QUESTION.search(s["quote"]):
                words = _content(s["quote"])
                if words:
                    candidates.append((ev, docs, s, words))
                    centroid.update(words)
    ranked = sorted(candidates, key=lambda c: (-_weight(c[3], centroid) * (1 + W_EVENT * (c[0].get("importance") or 0))
                                               * (DATED if c[2].get("date_text") else 1.0), c[0]["id"], c[2]["start"]))
    chosen: list[dict[str, Any]] = []
    taken: list[set[str]] = []
    seen_events: set[str] = set()
    for ev, docs, s, words in ranked:
        if ev["id"] in seen_events or any(_overlap(words, t) >= SAME_THING for t in taken):
            continue
        seen_events.add(ev["id"])
        taken.append(words)
        chosen.append({"text": s["quote"], "event": ev["id"], "sources": sorted(set(docs)),
                       "doc": s["doc"], "start": s["start"], "end": s["end"]})
        if len(chosen) >= per_day:
            break
    return chosen


def _weight(words: set[str], centroid: Counter[str]) -> float:
    """How much of what the day's reports say the sentence says: its words' counts over the day's
    sentences, over the square root of its length (a long list of rare words does not win)."""
    return sum(centroid[w] for w in words) / math.sqrt(len(words))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))
