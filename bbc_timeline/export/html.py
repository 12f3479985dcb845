"""The `html` export: one self-contained page (inline CSS and script, no network).

Article text is untrusted: the data goes in a `<script type="application/json">`
block with `<`, `>`, `&` and U+2028/9 escaped, the page script builds the DOM
with `textContent` only, and a Content-Security-Policy allows nothing but the
page's own inline style and script (by hash), so injected markup could not run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .dates import human_date, is_approximate

DATA_MARK = "__DATA__"
CSP_MARK = "__CSP__"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_json(obj: Any) -> str:
    """JSON text that cannot close or alter the `<script>` element it is embedded in."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _template() -> str:
    return resources.files(__package__).joinpath("html_template.html").read_text(encoding="utf-8")


def content_security_policy(template: str) -> str:
    """A policy that allows only the template's own inline `<style>` and `<script>` (by hash)."""
    style = re.search(r"<style>(.*?)</style>", template, re.DOTALL)
    script = re.search(r"<script>(.*?)</script>", template, re.DOTALL)
    if not (style and script):
        raise RuntimeError("the HTML template needs one <style> and one <script>")
    return (
        f"default-src 'none'; script-src {_sha256(script.group(1))}; style-src {_sha256(style.group(1))}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


# What a page keeps of each event's sources: everything a reader needs on a small
# export; on a large one (LARGE events or more) a budget that keeps 10,000 events
# under 5 MB. The detail always cites every kept source's full span.
LARGE = 2000
BUDGET = {  # (quote characters, sources cited, of which quoted)
    "small": (2000, 50, 50),
    "large": (320, 6, 2),
}
QUOTE_MAX, SOURCES_MAX, QUOTED_MAX = BUDGET["large"]


def _cut_quote(src: dict[str, Any], most: int = QUOTE_MAX) -> tuple[str, int, int, bool, bool]:
    """(quote, date start, date end, cut before, cut after): at most `most` characters, around the date."""
    text = src.get("quote") or ""
    a = src["date_start"] - src["start"] if isinstance(src.get("date_start"), int) else -1
    b = src["date_end"] - src["start"] if isinstance(src.get("date_end"), int) else -1
    if not (0 <= a < b <= len(text)):
        a = b = -1
    if len(text) <= most:
        return text, a, b, False, False
    lo = max(0, min(a - most // 3, len(text) - most)) if a >= 0 else 0
    hi = lo + most
    if a >= 0 and b > hi:
        a = b = -1
    return text[lo:hi], (a - lo if a >= 0 else -1), (b - lo if b >= 0 else -1), lo > 0, hi < len(text)


def _summary(summary: str, quote: str) -> dict[str, Any]:
    """The summary as {"t": text}, or, when it is a piece of the first quote (it usually is), as
    {"ts": [start, end, tail]}: the page reads quote[start:end] + tail, and the text is not sent twice."""
    core = summary.rstrip(" …").rstrip()
    at = quote.find(core) if core else -1
    if at < 0 or len(summary) < 40:
        return {"t": summary}
    return {"ts": [at, at + len(core), summary[len(core):]]}


def view_model(data: dict[str, Any], window: tuple[str | None, str | None] = (None, None)) -> dict[str, Any]:
    """What the page script needs, compact enough for 10,000 events in a few MB.

    Documents are a list ([id, file, title]) that sources point into by index
    (only the documents cited);
    people and organisations are interned in `names`. Each event is an object
    with short keys: id, s/e (start/end ISO), p (precision), l (label), src
    ([doc index, start, end, quote, date start, date end, cut before, cut after],
    the quote cut around the date; on a large export only the first few keep
    a quote, see BUDGET), t (summary) or ts (the summary as a slice of the
    first quote); and when not the usual: b (basis, unless explicit), a/o/pl (name
    indexes: actors, orgs, places), w (importance), n (sources in all, when more
    than are cited), x (approximate), c (conflicts), dt (the date as written,
    unless it is the first quote's highlighted span).
    `window`: the --since/--until bounds (ISO) the axis is clipped to.
    """
    known = {d["id"]: d for d in data.get("documents") or []}
    documents: list[dict[str, Any]] = []  # only those a cited source is in
    doc_index: dict[str, int] = {}
    names: dict[str, int] = {}

    def refs(items: list[str] | None) -> list[int]:
        return [names.setdefault(n, len(names)) for n in items or []]

    events = []
    chars, cited, quoted = BUDGET["large" if len(data.get("events") or []) >= LARGE else "small"]
    for ev in data.get("events") or []:
        d = ev["date"]
        sources = ev.get("sources") or []
        src = []
        for k, s in enumerate(sources[:cited]):
            quote, a, b, before, after = _cut_quote(s, chars) if k < quoted else ("", -1, -1, False, False)
            doc = doc_index.get(s.get("doc", ""), -1)
            if doc < 0:  # a source whose document is not in the export still cites its file
                doc = doc_index[s.get("doc", "")] = len(documents)
                documents.append(known.get(s.get("doc", "")) or {"id": s.get("doc", ""), "file": s.get("file", "")})
            src.append([doc, s.get("start"), s.get("end"), quote, a, b, int(before), int(after)])
        item: dict[str, Any] = {
            "id": ev["id"], "s": d["start"], "e": d["end"], "p": d.get("precision", "day"), "l": human_date(d),
            "src": src,
        }
        item.update(_summary(ev.get("summary") or "", src[0][3] if src else ""))
        # what is usual is left out: an explicit basis, no names, no importance, every source cited
        optional = {
            "b": ev.get("date_basis") if ev.get("date_basis") != "explicit" else None,
            "a": refs(ev.get("actors")), "o": refs(ev.get("orgs")), "pl": refs(ev.get("places")),
            "w": round(float(ev.get("importance") or 0.0), 4), "n": len(sources) if len(sources) > len(src) else None,
            "x": 1 if is_approximate(d) else None, "c": ev.get("conflicts") or None,
        }
        item.update({k: v for k, v in optional.items() if v})
        text = d.get("text") or ""
        if text and not (src and 0 <= src[0][4] < src[0][5] and src[0][3][src[0][4]:src[0][5]] == text):
            item["dt"] = text  # else the page reads it from the highlighted part of the first quote
        events.append(item)
    return {
        "documents": [[d["id"], d.get("file") or "", d.get("title") or ""] for d in documents],
        "document_count": len(known),
        "names": list(names),
        "events": events,
        "window": {"since": window[0], "until": window[1]},
    }


def render_html(data: dict[str, Any], window: tuple[str | None, str | None] = (None, None)) -> str:
    """The whole page as text; `window` (ISO since, until) clips its time axis."""
    template = _template()
    head, tail = template.split(DATA_MARK)
    head = head.replace(CSP_MARK, content_security_policy(template), 1)
    return head + script_safe_json(view_model(data, window)) + tail
