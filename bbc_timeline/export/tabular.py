"""The `jsonl` (one event a line) and `csv` (one event a row) exports."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

LIST_SEP = "; "
QUOTE_SEP = " | "
CSV_COLUMNS = (
    "id", "date_value", "date_start", "date_end", "precision", "date_text", "date_basis",
    "summary", "actors", "orgs", "places", "named_events", "confidence",
    "source_count", "documents", "sources", "quotes", "conflicts",
)
# Cells starting with these are read as formulas by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _json_line(obj: Any) -> str:
    # U+2028/9 are legal in JSON but split lines for str.splitlines() and some readers.
    return json.dumps(obj, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_jsonl(data: dict[str, Any]) -> str:
    """One contract event object per line."""
    return "".join(_json_line(ev) + "\n" for ev in data.get("events") or [])


def _safe_cell(text: str) -> str:
    """Article text as a spreadsheet-safe cell: a leading formula character gets a quote."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _source_ref(src: dict[str, Any]) -> str:
    return f"{src.get('file', '')}:{src.get('start', '')}-{src.get('end', '')}"


def csv_row(ev: dict[str, Any]) -> dict[str, Any]:
    """The flat row of one event; lists joined with "; ", quotes with " | "."""
    d, sources = ev.get("date") or {}, ev.get("sources") or []
    docs = list(dict.fromkeys(s.get("doc", "") for s in sources))
    text = {
        "date_text": d.get("text") or "",
        "summary": ev.get("summary") or "",
        "actors": LIST_SEP.join(ev.get("actors") or []),
        "orgs": LIST_SEP.join(ev.get("orgs") or []),
        "places": LIST_SEP.join(ev.get("places") or []),
        "named_events": LIST_SEP.join(ev.get("named_events") or []),
        "quotes": QUOTE_SEP.join(" ".join((s.get("quote") or "").split()) for s in sources),
        "conflicts": json.dumps(ev["conflicts"], ensure_ascii=False) if ev.get("conflicts") else "",
    }
    row = {
        "id": ev.get("id", ""),
        "date_value": d.get("value", ""),
        "date_start": d.get("start", ""),
        "date_end": d.get("end", ""),
        "precision": d.get("precision", ""),
        "date_basis": ev.get("date_basis", ""),
        "confidence": ev.get("confidence", ""),
        "source_count": len(sources),
        "documents": LIST_SEP.join(docs),
        "sources": LIST_SEP.join(_source_ref(s) for s in sources),
    }
    row.update({k: _safe_cell(v) for k, v in text.items()})
    return {k: row[k] for k in CSV_COLUMNS}


def render_csv(data: dict[str, Any]) -> str:
    """A header row and one row per event (RFC 4180 quoting, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for ev in data.get("events") or []:
        writer.writerow(csv_row(ev))
    return out.getvalue()
