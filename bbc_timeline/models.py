"""Plain value types shared by every layer (no spaCy, no dateparser here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


def _from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    for k, v in list(kwargs.items()):
        if isinstance(v, list):
            kwargs[k] = tuple(v)
    return cls(**kwargs)


@dataclass(frozen=True)
class Document:
    """One article: a file may hold several (offsets stay relative to the file)."""

    id: str
    file: str  # path relative to the ingest argument, or base name
    start: int
    end: int
    title: str = ""
    published: str | None = None  # TIMEX3 value at its precision: 2017-07-31, 2017-08
    published_basis: str | None = None  # metadata | dateline | inferred
    url: str | None = None
    left_out: dict[str, int] | None = None  # characters of page furniture kept out, by kind (furniture.KINDS)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Mention:
    """A temporal expression or a named entity found in a document."""

    doc: str
    kind: str  # "timex" | "entity"
    start: int
    end: int
    text: str
    type: str  # DATE/TIME/DURATION/SET, or PERSON/ORG/GPE/...
    value: str | None = None  # TIMEX3 value
    end_value: str | None = None  # ranges: the end's TIMEX3 value
    mod: str | None = None  # TIMEX3 mod: APPROX, MORE_THAN, START, MID, END ...
    anchor: str | None = None  # what a relative timex was resolved against, e.g. "dct:2017-07-31"
    canonical: str | None = None  # resolved entity name (entities only)
    titles: tuple[str, ...] = ()  # titles/ranks stripped from an entity mention

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["titles"] = list(self.titles)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Sentence:
    doc: str
    start: int
    end: int
    past: bool = False  # has a finite past-tense verb: a reported happening rather than comment


@dataclass(frozen=True)
class DateValue:
    """An interval with its precision; never padded to a false day."""

    value: str  # TIMEX3 value at its precision: 2017, 2017-07, 2017-07-25, 201 (decade)
    start: str  # inclusive ISO date: 2017-07-01
    end: str  # inclusive ISO date: 2017-07-31
    precision: str  # day | week | month | year | decade
    text: str = ""  # the words it was read from
    anchor: str | None = None
    end_value: str | None = None  # ranges: the end as written, at its own precision

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateValue:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Source:
    doc: str
    file: str
    start: int
    end: int
    quote: str
    date_text: str = ""  # the temporal expression as written, if any
    date_start: int | None = None
    date_end: int | None = None
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Entity:
    """A resolved person, organisation, place or named event."""

    id: str
    type: str  # person | org | place | event
    name: str
    aliases: tuple[str, ...] = ()
    alias_counts: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    titles: tuple[str, ...] = ()
    mentions: int = 0
    evidence: tuple[str, ...] = ()  # why aliases were merged, one line each
    # romanisation keys of its names (resolve.names.search_keys), stored for lookup, not exported
    keys: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "alias_counts": dict(self.alias_counts),
            "titles": list(self.titles),
            "mentions": self.mentions,
            "evidence": list(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Event:
    """A dated happening with its provenance."""

    id: str
    date: DateValue
    date_basis: str  # explicit | narrative | dct
    summary: str
    actors: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    named_events: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    confidence: float = 0.5
    conflicts: tuple[dict, ...] = ()
    merge_evidence: tuple[str, ...] = ()
    importance: float = 0.0  # 0..1, computed at resolve time; higher = a key event
    importance_evidence: tuple[str, ...] = ()  # why it scored so, for `timeline event ID`
    kind: str = "event"  # "event" | "period" (a span told as background: "for 20 years", "since 1994")
    independent: int = 0  # independent documents reporting it (reprints of one story count once)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.to_dict(),
            "date_basis": self.date_basis,
            "summary": self.summary,
            "actors": list(self.actors),
            "orgs": list(self.orgs),
            "places": list(self.places),
            "named_events": list(self.named_events),
            "sources": [s.to_dict() for s in self.sources],
            "confidence": self.confidence,
            "conflicts": list(self.conflicts),
            "merge_evidence": list(self.merge_evidence),
            "importance": self.importance,
            "importance_evidence": list(self.importance_evidence),
            "kind": self.kind,
            "independent": self.independent,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        d = dict(data)
        d["date"] = DateValue.from_dict(d["date"])
        d["sources"] = tuple(Source.from_dict(s) for s in d.get("sources", []))
        d["conflicts"] = tuple(d.get("conflicts", []))
        return _from_dict(cls, d)
