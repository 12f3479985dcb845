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
    offset: int = 0
    periods: bool = False  # background spans in a window even where they neither start nor end in it
    published_since: str | None = None  # only what documents published in this window say
    published_until: str | None = None


SCREENFUL = 40  # rows a table shows unless asked for more (`--all`, `--limit`)


def open_store(db: Path) -> Store:
    return Store(db, readonly=True)


def _filters(store: Store, flt: EventFilter) -> dict[str, Any]:
    """The store.events() filters of `flt` (dates read, names looked up)."""
    from bbc_timeline.userdates import parse_bound, window

    since, until = window(flt.since, flt.until)
    for option, value in (("--actor", flt.actor), ("--org", flt.org), ("--text", flt.text)):
        if value is not None and not value.strip():
            raise UsageError(f"{option} needs a value; '{value}' is empty")
    if flt.limit is not None and flt.limit < 0:
        raise UsageError("--limit must be zero or more")
    if flt.offset < 0:
        raise UsageError("--offset must be zero or more")
    names: list[tuple[str, str]] = []
    if flt.actor:
        names.append(("actor", find_entity(store, flt.actor, expected="person")["name"].lower()))
    if flt.org:
        names.append(("org", find_entity(store, flt.org, expected="org")["name"].lower()))
    words = flt.text.split() if flt.text else []
    published = (parse_bound(flt.published_since, "start") if flt.published_since else None,
                 parse_bound(flt.published_until, "end") if flt.published_until else None)
    return {"since": since, "until": until, "names": names, "min_sources": flt.min_sources, "text_words": words,
            "periods": flt.periods, "published": published}


def window(flt: EventFilter) -> tuple[str | None, str | None]:
    """The --since/--until bounds of `flt` as inclusive ISO dates (None where open)."""
    from bbc_timeline.userdates import window as read_window

    return read_window(flt.since, flt.until)


def query_events(store: Store, flt: EventFilter) -> list[dict]:
    """Events matching every filter, oldest first; `flt.limit`/`flt.offset` page through them in SQL."""
    return store.events(**_filters(store, flt), limit=flt.limit, offset=flt.offset)


def event_page(store: Store, flt: EventFilter, *, top: int | None = None, all_: bool = False) -> EventPage:
    """What `show` prints: the `top` most important (date order); else every match when asked (`all_`,
    a limit or an offset) or when they fit a screenful; else the SCREENFUL most important."""
    if top is not None and top < 0:
        raise UsageError("--top must be zero or more")
    total = count_events(store, flt)
    if top is not None:
        events, ranked = top_events(store, flt, top), top < total
    elif all_ or flt.limit is not None or flt.offset or total <= SCREENFUL:
        events, ranked = query_events(store, flt), False
    else:
        events, ranked = top_events(store, flt, SCREENFUL), True
    return EventPage(known_by(store, events, flt), total, ranked)


class EventPage(NamedTuple):
    events: list[dict]
    total: int
    ranked: bool  # the most important of `total`, not a page in date order


def known_by(store: Store, events: list[dict], flt: EventFilter) -> list[dict]:
    """With --published-since/--until: each event with only the sources published in that window."""
    window = _filters(store, flt)["published"]
    if not (window[0] or window[1]) or not events:
        return events
    docs: set[str] = set()
    for k in range(0, len(events), 500):
        docs |= store.documents_published([e["id"] for e in events[k : k + 500]], window)
    return [{**e, "sources": [s for s in e["sources"] if s["doc"] in docs]} for e in events]


def count_events(store: Store, flt: EventFilter) -> int:
    """How many events match the filters of `flt` (its limit and offset aside)."""
    return store.count_events(**_filters(store, flt))


def event_starts(store: Store, flt: EventFilter) -> list[tuple[str, str, int]]:
    """(date start, precision, count) of the events matching `flt`'s names, for charts (counted in SQL)."""
    return store.event_starts(names=_filters(store, flt)["names"])


def top_events(store: Store, flt: EventFilter, n: int) -> list[dict]:
    """The `n` most important events matching `flt` (after its offset), in date order."""
    events = store.events(**_filters(store, flt), order="importance", limit=n, offset=flt.offset)
    return sorted(events, key=lambda e: (e["date"]["start"], e["date"]["end"]))


def find_entity(store: Store, name: str, expected: str | None = None) -> dict:
    """An entity by any alias (case-insensitive), tolerating small misspellings."""
    from bbc_timeline.lookup import best_matches

    ids = store.entity_ids_by_alias(name.strip())
    entities = [e for e in (store.entity(i) for i in ids) if e is not None]
    if entities:
        entities.sort(key=lambda e: (e["type"] != expected, -e["mentions"]))
        return entities[0]
    found = _by_spelling(store, name, expected)
    if found is not None:
        return found
    aliases = store.alias_candidates(name)
    matches = best_matches(name, [a for a, _ in aliases])
    if matches:
        by_alias = dict(aliases)
        best = store.entity(by_alias[matches[0]])
        if best is not None and _close_enough(name, matches[0]):
            return best
        suggestion = ", ".join(f"'{m}'" for m in matches[:3])
        raise UsageError(f"no person or organisation called '{name}'; did you mean {suggestion}?")
    raise UsageError(f"no person or organisation called '{name}' (try `timeline actors`)")


def _by_spelling(store: Store, name: str, expected: str | None) -> dict | None:
    """The entity one of whose names is another romanisation of `name` ("Qaddafi" for "Gaddafi"),
    found on the spelling key the resolver stored (an indexed lookup); it says how it was found."""
    from bbc_timeline.resolve.names import search_keys

    for key in search_keys(name):
        entities = [e for e in (store.entity(i) for i in store.entity_ids_by_key(key)) if e is not None]
        if entities:
            entities.sort(key=lambda e: (e["type"] != expected, -e["mentions"]))
            return {**entities[0], "found_by": f"spelling variant of '{name}' (romanisation key '{key}')"}
    return None


def _close_enough(a: str, b: str) -> bool:
    from bbc_timeline.lookup import similarity

    return similarity(a.lower(), b.lower()) >= 0.85


_ROLE = {"person": "actor", "org": "org", "place": "place", "event": "event"}


def entity_events(store: Store, entity: dict, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """The entity's events, oldest first, paged in SQL."""
    names = [(_ROLE[entity["type"]], entity["name"].lower())]
    return store.events(names=names, limit=limit, offset=offset)


class EntityPage(NamedTuple):
    """What `timeline actor` shows: one page of an entity's events and its dated span."""

    entity: dict
    events: list[dict]  # date order
    total: int  # all the entity's events
    first: dict | None  # its earliest event
    last: dict | None  # its latest-starting event
    ranked: bool  # events are the most important `len(events)`, not a date-ordered page


def entity_page(store: Store, entity: dict, *, limit: int | None = None, offset: int = 0,
                all_: bool = False) -> EntityPage:
    """A screenful of the entity's events: all when they fit, else the most important, unless paged."""
    if (limit is not None and limit < 0) or offset < 0:
        raise UsageError("--limit and --offset must be zero or more")
    names = [(_ROLE[entity["type"]], entity["name"].lower())]
    total = store.count_events(names=names)
    first = store.events(names=names, limit=1)
    last = store.events(names=names, limit=1, order="latest")
    ranked = False
    if all_ or limit is not None or offset or total <= SCREENFUL:
        events = store.events(names=names, limit=limit, offset=offset)
    else:
        events = store.events(names=names, order="importance", limit=SCREENFUL)
        events.sort(key=lambda e: (e["date"]["start"], e["date"]["end"]))
        ranked = True
    return EntityPage(entity, events, total, first[0] if first else None, last[0] if last else None, ranked)


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
        "left_out": d.left_out or {},
    }
