"""The library's front door: queries here, ingest and extract from bbc_timeline.ingest.

The query side imports neither spaCy nor dateparser nor the value classes, so
`timeline show` starts about as fast as Python with Typer and Rich. The names
of the writing side (`ingest`, `extract`, ...) are reachable from here too, but
are only imported when first used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from bbc_timeline.errors import UsageError
from bbc_timeline.store import Store

if TYPE_CHECKING:
    from bbc_timeline.models import Document

SCHEMA = "bbc-timeline/1"
_WRITING_SIDE = {"ingest", "extract", "resolve_store", "IngestReport", "alias_file", "resolver_fingerprint"}


def __getattr__(name: str) -> Any:
    if name in _WRITING_SIDE:
        from bbc_timeline import ingest

        return getattr(ingest, name)
    raise AttributeError(name)


# ---------------------------------------------------------------- queries


class EventFilter(NamedTuple):
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    org: str | None = None
    text: str | None = None
    min_sources: int = 1
    limit: int | None = None


def open_store(db: Path) -> Store:
    return Store(db, readonly=True)


def query_events(store: Store, flt: EventFilter) -> list[dict]:
    """Events matching every filter, oldest first."""
    from bbc_timeline.resolve.intervals import parse_bound

    since = parse_bound(flt.since, "start") if flt.since else None
    until = parse_bound(flt.until, "end") if flt.until else None
    if flt.limit is not None and flt.limit < 0:
        raise UsageError("--limit must be zero or more")
    names: list[tuple[str, str]] = []
    if flt.actor:
        names.append(("actor", find_entity(store, flt.actor, expected="person")["name"].lower()))
    if flt.org:
        names.append(("org", find_entity(store, flt.org, expected="org")["name"].lower()))
    words = flt.text.split() if flt.text else []
    return store.events(
        since=since, until=until, names=names, min_sources=flt.min_sources, limit=flt.limit, text_words=words
    )


def find_entity(store: Store, name: str, expected: str | None = None) -> dict:
    """An entity by any alias (case-insensitive), tolerating small misspellings."""
    from bbc_timeline.lookup import best_matches

    ids = store.entity_ids_by_alias(name.strip())
    entities = [e for e in (store.entity(i) for i in ids) if e is not None]
    if entities:
        entities.sort(key=lambda e: (e["type"] != expected, -e["mentions"]))
        return entities[0]
    aliases = store.all_aliases()
    matches = best_matches(name, [a for a, _ in aliases])
    if matches:
        by_alias = dict(aliases)
        best = store.entity(by_alias[matches[0]])
        if best is not None and _close_enough(name, matches[0]):
            return best
        suggestion = ", ".join(f"'{m}'" for m in matches[:3])
        raise UsageError(f"no person or organisation called '{name}'; did you mean {suggestion}?")
    raise UsageError(f"no person or organisation called '{name}' (try `timeline actors`)")


def _close_enough(a: str, b: str) -> bool:
    from bbc_timeline.lookup import similarity

    return similarity(a.lower(), b.lower()) >= 0.85


def entity_events(store: Store, entity: dict) -> list[dict]:
    role = {"person": "actor", "org": "org", "place": "place", "event": "event"}[entity["type"]]
    return store.events(names=[(role, entity["name"].lower())])


def export_data(store: Store | None, events: list[dict] | None = None) -> dict:
    """The contract's JSON object (CONTRACT.md §2)."""
    if store is None:
        return {"schema": SCHEMA, "documents": [], "entities": [], "events": []}
    if events is None:
        events = store.events()
    documents = [document_record(d) for d, _name in store.documents()]
    return {"schema": SCHEMA, "documents": documents, "entities": store.entities(), "events": events}


def document_record(d: Document) -> dict:
    return {
        "id": d.id,
        "file": d.file,
        "title": d.title,
        "published": {"value": d.published, "basis": d.published_basis},
        "start": d.start,
        "end": d.end,
        "url": d.url,
    }
