"""The `timelinejs` export: Knight Lab TimelineJS3 JSON, without false precision.

TimelineJS renders `headline` and `text` as HTML, so every article-derived
string is HTML-escaped here.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from .dates import date_parts, human_date, is_approximate, is_range

GROUP_BY = ("actor", "document")
HEADLINE_MAX = 80
NO_GROUP = "(none)"


def short_headline(summary: str, limit: int = HEADLINE_MAX) -> str:
    """The summary cut at a word boundary to at most `limit` characters."""
    text = " ".join(summary.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


def _unique_id(event_id: str, seen: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", event_id).strip("-") or "event"
    uid, n = base, 2
    while uid in seen:
        uid, n = f"{base}-{n}", n + 1
    seen.add(uid)
    return uid


def _group(ev: dict[str, Any], group_by: str, titles: dict[str, str]) -> str:
    if group_by == "document":
        docs = [s.get("doc", "") for s in ev.get("sources") or []]
        return (titles.get(docs[0]) or docs[0]) if docs else NO_GROUP
    names = list(ev.get("actors") or []) or list(ev.get("orgs") or [])
    return names[0] if names else NO_GROUP


def _source_html(src: dict[str, Any], titles: dict[str, str]) -> str:
    where = f"{src.get('file', '')}, characters {src.get('start')}–{src.get('end')}"
    title = titles.get(src.get("doc", ""), "")
    cite = f"{escape(title)} ({escape(where)})" if title else escape(where)
    return f"<blockquote>{escape(src.get('quote') or '')}</blockquote><p><small>{cite}</small></p>"


def _event_text(ev: dict[str, Any], titles: dict[str, str]) -> str:
    parts = [f"<p>{escape(ev.get('summary') or '')}</p>"]
    people = [*ev.get("actors", []), *ev.get("orgs", [])]
    if people:
        parts.append(f"<p><small>{escape(', '.join(people))}</small></p>")
    parts += [_source_html(s, titles) for s in ev.get("sources") or []]
    if ev.get("conflicts"):
        parts.append("<p><small>Sources disagree on this event.</small></p>")
    return "".join(parts)


def slide(ev: dict[str, Any], uid: str, group_by: str, titles: dict[str, str]) -> dict[str, Any]:
    """One TimelineJS slide: date parts only down to the event's precision."""
    d = ev["date"]
    precision = d.get("precision", "day")
    out: dict[str, Any] = {"unique_id": uid, "start_date": date_parts(d["start"], precision)}
    if is_range(d) or precision == "decade":
        out["end_date"] = date_parts(d["end"], precision)
    if is_range(d) or is_approximate(d):
        out["display_date"] = escape(human_date(d))
    headline = escape(short_headline(ev.get("summary") or ""))
    out["text"] = {"headline": headline, "text": _event_text(ev, titles)}
    out["group"] = escape(_group(ev, group_by, titles))
    out["autolink"] = False
    return out


def timeline(data: dict[str, Any], group_by: str = "actor") -> dict[str, Any]:
    """The TimelineJS3 document: a title slide and one slide per event."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    docs = data.get("documents") or []
    titles = {d["id"]: d.get("title") or d["id"] for d in docs}
    events = data.get("events") or []
    seen: set[str] = {"title"}
    slides = [slide(ev, _unique_id(ev["id"], seen), group_by, titles) for ev in events]
    listed = "".join(f"<li>{escape(d.get('title') or d['id'])}</li>" for d in docs)
    intro = f"<p>{len(events)} events from {len(docs)} documents.</p>"
    intro += f"<ul>{listed}</ul>" if listed else ""
    return {
        "title": {"unique_id": "title", "text": {"headline": "Timeline", "text": intro}},
        "events": slides,
        "scale": "human",
    }


def render_timelinejs(data: dict[str, Any], group_by: str = "actor") -> str:
    """TimelineJS3 JSON text."""
    return json.dumps(timeline(data, group_by), ensure_ascii=False, indent=2) + "\n"
