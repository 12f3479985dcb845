"""The `json` export: the contract of CONTRACT.md §2, and its JSON Schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_ID = "bbc-timeline/1"
_TOP_LEVEL = ("schema", "documents", "entities", "events")


@lru_cache(maxsize=1)
def schema_text() -> str:
    """The JSON Schema (draft 2020-12) shipped as package data, as text."""
    return resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema as a fresh dict."""
    return json.loads(schema_text())


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The contract dict with its top-level keys in contract order, extra keys after, sorted."""
    out: dict[str, Any] = {"schema": data.get("schema", SCHEMA_ID)}
    for key in _TOP_LEVEL[1:]:
        out[key] = list(data.get(key) or [])
    for key in sorted(k for k in data if k not in _TOP_LEVEL):
        out[key] = data[key]
    return out


def render_json(data: dict[str, Any]) -> str:
    """Pretty JSON of the contract (UTF-8 text kept as is, stable key order)."""
    return json.dumps(ordered(data), ensure_ascii=False, indent=2) + "\n"


def reference_problems(data: dict[str, Any]) -> list[str]:
    """Cross-references JSON Schema cannot express: names and documents that do not resolve."""
    names = {e.get("name") for e in data.get("entities") or []}
    docs = {d.get("id") for d in data.get("documents") or []}
    problems = []
    for ev in data.get("events") or []:
        for key in ("actors", "orgs", "places"):
            unknown = [n for n in ev.get(key, []) if n not in names]
            problems += [f"{ev['id']}: {key} {n!r} is not an entity name" for n in unknown]
        problems += [
            f"{ev['id']}: source doc {s.get('doc')!r} is not a document"
            for s in ev.get("sources", [])
            if s.get("doc") not in docs
        ]
    return problems


def _date_key(iso: Any) -> tuple[int, ...]:
    """An ISO date (years before 1 have a minus sign) as a tuple that sorts in time."""
    text = str(iso or "")
    sign = -1 if text.startswith("-") else 1
    parts = text.lstrip("-").split("-")
    try:
        return (sign * int(parts[0]), *(int(p) for p in parts[1:]))
    except ValueError:
        return (0,)


def contract_problems(data: dict[str, Any]) -> list[str]:
    """Everything a valid export also promises that JSON Schema cannot say, one line per problem.

    Ids unique (documents, entities, events); every date with start <= end and
    its value's precision known; every source with start <= end, its date span
    inside it, and its document in the export; names that resolve
    (reference_problems). The tests run it on every export, next to the schema.
    """
    problems = []
    for key in ("documents", "entities", "events"):
        seen: set[str] = set()
        for item in data.get(key) or []:
            if item.get("id") in seen:
                problems.append(f"{key}: id {item.get('id')!r} is not unique")
            seen.add(item.get("id"))
    for ev in data.get("events") or []:
        d = ev.get("date") or {}
        if _date_key(d.get("start")) > _date_key(d.get("end")):
            problems.append(f"{ev.get('id')}: date starts {d.get('start')} after it ends {d.get('end')}")
        for s in ev.get("sources") or []:
            if s.get("start", 0) > s.get("end", 0):
                problems.append(f"{ev.get('id')}: source in {s.get('doc')} starts after it ends")
            a, b = s.get("date_start"), s.get("date_end")
            if a is not None and b is not None and not (s.get("start", 0) <= a <= b <= s.get("end", 0)):
                problems.append(f"{ev.get('id')}: source in {s.get('doc')}: its date span is not inside it")
    return problems + reference_problems(data)
