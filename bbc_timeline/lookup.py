"""Fuzzy lookup of names typed by a person ("Lukashenco" finds "Lukashenko")."""

from __future__ import annotations

import difflib


def similarity(a: str, b: str) -> float:
    """A 0..1 similarity of two lower-cased names."""
    return difflib.SequenceMatcher(None, a, b).ratio()


def best_matches(query: str, names: list[str], limit: int = 3) -> list[str]:
    """The closest names to `query`, best first; also matches a query that is a word of a name."""
    q = query.strip().lower()
    unique = sorted(set(names))
    scored = []
    for name in unique:
        n = name.lower()
        score = similarity(q, n)
        words = n.split()
        if len(words) > 1:
            score = max(score, max(similarity(q, w) for w in words) - 0.05)
        scored.append((score, name))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [name for score, name in scored[:limit] if score >= 0.6]
