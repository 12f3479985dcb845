"""The `timesketch` export: JSONL that Timesketch imports as a timeline.

Mandatory fields: `message`, `datetime` (ISO 8601 with an explicit `+00:00`),
`timestamp` (microseconds since the epoch) and `timestamp_desc`. The rest are
extra fields; none uses a name Timesketch or OpenSearch reserves.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from .dates import is_range, parse_iso

# Names Timesketch/OpenSearch own: an export must not set them.
RESERVED_FIELDS = frozenset(
    {"_id", "_index", "_source", "_type", "__ts_timeline_id", "timesketch_label", "label", "tag"}
)
DATA_TYPE = "bbc_timeline:event"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _instant(iso_day: str) -> datetime:
    day = parse_iso(iso_day)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def timestamp_desc(d: dict[str, Any]) -> str:
    """"Event date (day precision)", or "Event start (...)" for a range."""
    kind = "Event start" if is_range(d) else "Event date"
    return f"{kind} ({d.get('precision', 'day')} precision)"


def record(ev: dict[str, Any], titles: dict[str, str]) -> dict[str, Any]:
    """One Timesketch event; the time is the start of the event's interval, midnight UTC."""
    d = ev["date"]
    when = _instant(d["start"])
    delta = when - _EPOCH
    sources = ev.get("sources") or []
    docs = [s.get("doc", "") for s in sources]
    return {
        "message": " ".join((ev.get("summary") or "").split()) or "(no summary)",
        "datetime": when.isoformat(),
        "timestamp": (delta.days * 86_400 + delta.seconds) * 1_000_000,
        "timestamp_desc": timestamp_desc(d),
        "data_type": DATA_TYPE,
        "event_id": ev.get("id", ""),
        "precision": d.get("precision", ""),
        "date_value": d.get("value", ""),
        "date_start": d.get("start", ""),
        "date_end": d.get("end", ""),
        "date_text": d.get("text") or "",
        "date_basis": ev.get("date_basis", ""),
        "actors": list(ev.get("actors") or []),
        "orgs": list(ev.get("orgs") or []),
        "places": list(ev.get("places") or []),
        "confidence": ev.get("confidence"),
        "sources": [f"{s.get('file', '')}:{s.get('start')}-{s.get('end')}" for s in sources],
        "source_quotes": [s.get("quote") or "" for s in sources],
        "source_documents": list(dict.fromkeys(titles.get(doc, doc) for doc in docs)),
        "conflicting_sources": bool(ev.get("conflicts")),
    }


def render_timesketch(data: dict[str, Any]) -> str:
    """Timesketch JSONL, one event per line."""
    titles = {doc["id"]: doc.get("title") or doc["id"] for doc in data.get("documents") or []}
    lines = []
    for ev in data.get("events") or []:
        line = json.dumps(record(ev, titles), ensure_ascii=False)
        lines.append(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")
    return "".join(lines)
