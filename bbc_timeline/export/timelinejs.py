"""The `timelinejs` export: Knight Lab TimelineJS3 JSON, without false precision.

TimelineJS renders `headline` and `text` as HTML, so every article-derived
string is HTML-escaped here. A slide says its sentence once (the headline, with
the whole sentence below it only when the headline had to cut it) and lists its
sources briefly; groups (a row per actor or document) only when asked for,
since a row per name on a real corpus pushes the navigation off the screen.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from .dates import date_parts, human_date, is_approximate, is_range

GROUP_BY = ("none", "actor", "document")
HEADLINE_MAX = 80
TEXT_MAX = 400  # characters of a slide's sentence; longer ones are cut at a word
SOURCES_MAX = 5  # sources listed on a slide; the rest are counted
TITLE_MAX = 90  # characters of a document title in a source line
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
    title = short_headline(titles.get(src.get("doc", ""), ""), TITLE_MAX)
    where = f"{src.get('file', '')}, characters {src.get('start')}–{src.get('end')}"
    return f"<li>{escape(title)} <small>({escape(where)})</small></li>" if title else f"<li>{escape(where)}</li>"


def _event_text(ev: dict[str, Any], titles: dict[str, str]) -> str:
    summary = " ".join((ev.get("summary") or "").split())
    parts = []
    if len(summary) > HEADLINE_MAX:  # the headline cut it: the sentence once, itself cut if very long
        parts.append(f"<p>{escape(short_headline(summary, TEXT_MAX))}</p>")
    people = [*ev.get("actors", []), *ev.get("orgs", [])]
    if people:
        parts.append(f"<p><small>{escape(', '.join(people[:8]))}{' …' if len(people) > 8 else ''}</small></p>")
    sources = ev.get("sources") or []
    items = "".join(_source_html(s, titles) for s in sources[:SOURCES_MAX])
    if len(sources) > SOURCES_MAX:
        items += f"<li>and {len(sources) - SOURCES_MAX} more</li>"
    if items:
        parts.append(f"<p><small>Sources:</small></p><ul>{items}</ul>")
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
    if group_by != "none":
        out["group"] = escape(short_headline(_group(ev, group_by, titles), 40))
    out["autolink"] = False
    return out


def _title_slide(data: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """What the timeline covers: counts, span, the most mentioned people and organisations, the key events."""
    docs = data.get("documents") or []
    intro = f"<p>{len(events)} events from {len(docs)} documents"
    if events:
        # the span: the earliest start and the latest end, each at its own event's precision
        first = min(events, key=lambda e: e["date"]["start"])["date"]
        last = max(events, key=lambda e: e["date"]["end"])["date"]
        start = human_date({"start": first["start"], "end": first["start"], "precision": first.get("precision")})
        end = human_date({"start": last["end"], "end": last["end"], "precision": last.get("precision")})
        intro += f", {escape(start)} to {escape(end)}" if start != end else f", {escape(start)}"
    intro += ".</p>"
    counts: dict[str, int] = {}
    for ev in events:
        for name in [*ev.get("actors", []), *ev.get("orgs", [])]:
            counts[name] = counts.get(name, 0) + 1
    top = sorted(counts, key=lambda n: (-counts[n], n))[:6]
    if top:
        intro += f"<p>Most present: {escape(', '.join(top))}.</p>"
    key = sorted(events, key=lambda e: (-(e.get("importance") or 0), e["date"]["start"]))[:3]
    if key and any(e.get("importance") for e in key):
        items = "".join(f"<li>{escape(human_date(e['date']))}: {escape(short_headline(e.get('summary') or ''))}</li>"
                        for e in key)
        intro += f"<p>Key events:</p><ul>{items}</ul>"
    return {"unique_id": "title", "text": {"headline": "Timeline", "text": intro}}


def timeline(data: dict[str, Any], group_by: str = "none") -> dict[str, Any]:
    """The TimelineJS3 document: a title slide that summarises, and one slide per event."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    docs = data.get("documents") or []
    titles = {d["id"]: d.get("title") or d["id"] for d in docs}
    events = data.get("events") or []
    seen: set[str] = {"title"}
    slides = [slide(ev, _unique_id(ev["id"], seen), group_by, titles) for ev in events]
    return {"title": _title_slide(data, events), "events": slides, "scale": "human"}


def render_timelinejs(data: dict[str, Any], group_by: str = "none") -> str:
    """TimelineJS3 JSON text."""
    return json.dumps(timeline(data, group_by), ensure_ascii=False, indent=2) + "\n"


def preview_page(timeline_json: str, dist: str) -> str:
    """An HTML page showing `timeline_json` with the TimelineJS3 copy at `dist` (its `dist/` folder URL).

    For checking an export in a browser (tests, `make screenshot`); the page
    marks <body> with data-made="1" once TimelineJS built the timeline, or
    data-error="..." if it threw.
    """
    data = timeline_json.replace("<", "\\u003c")  # JSON text that cannot close the <script>
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>TimelineJS preview</title>
<link rel="stylesheet" href="{escape(dist)}/css/timeline.css">
<script src="{escape(dist)}/js/timeline.js"></script></head>
<body style="margin:0"><div id="timeline" style="width:100%;height:100vh"></div>
<script>
window.onerror = function (m) {{ document.body.setAttribute("data-error", String(m)); }};
try {{
  window.timeline = new TL.Timeline("timeline", {data}, {{hash_bookmark: false}});
  document.body.setAttribute("data-made", "1");
}} catch (e) {{ document.body.setAttribute("data-error", String(e)); }}
</script></body></html>
"""
