"""The `jsonl` and `csv` exports: one event a row, or (`rows="sources"`) one event-source a row.

Lists of names are joined with "; "; quotes, which can hold any character, are a
JSON array in one cell (`json.loads` gives them back exactly), and with
`--rows sources` each quote has a row of its own. Dates: `start_iso`/`end_iso`
always hold the ISO date; `date_start`/`date_end` hold it only where pandas'
default datetime64[ns] can (years 1678-2261), else they are empty, so
`pandas.read_csv(f, parse_dates=["date_start", "date_end"])` parses them and
"the year 11" is NaT there while `year_start` (an integer) and `start_iso` keep it.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

LIST_SEP = "; "
PANDAS_YEARS = (1678, 2261)  # whole years inside pandas' datetime64[ns] range
_DATE_COLUMNS = ("date_value", "date_start", "date_end", "start_iso", "end_iso", "year_start", "year_end", "precision")
CSV_COLUMNS = (
    "id", *_DATE_COLUMNS, "date_text", "date_basis",
    "summary", "actors", "orgs", "places", "named_events", "confidence", "importance",
    "source_count", "documents", "sources", "quotes", "conflicts",
)
SOURCE_COLUMNS = (
    "event", *_DATE_COLUMNS, "date_basis", "summary", "importance",
    "source", "doc", "file", "start", "end", "quote", "date_text",
)
ROWS = ("events", "sources")
# Cells starting with these are read as formulas by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _json_line(obj: Any) -> str:
    # U+2028/9 are legal in JSON but split lines for str.splitlines() and some readers.
    return json.dumps(obj, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def source_records(ev: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per source of an event: the event's id, date, basis and summary, then the source."""
    head = {"event": ev.get("id", ""), "date": ev.get("date") or {}, "date_basis": ev.get("date_basis", ""),
            "summary": ev.get("summary") or "", "importance": ev.get("importance", 0)}
    return [{**head, "source": n, **src} for n, src in enumerate(ev.get("sources") or [], 1)]


def render_jsonl(data: dict[str, Any], rows: str = "events") -> str:
    """One contract event object per line, or one source record (source_records) per line."""
    events = data.get("events") or []
    if rows == "sources":
        return "".join(_json_line(r) + "\n" for ev in events for r in source_records(ev))
    return "".join(_json_line(ev) + "\n" for ev in events)


def _safe_cell(text: str) -> str:
    """Article text as a spreadsheet-safe cell: a leading formula character gets a quote."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _source_ref(src: dict[str, Any]) -> str:
    return f"{src.get('file', '')}:{src.get('start', '')}-{src.get('end', '')}"


def _year(iso: str) -> int | None:
    try:
        return int(iso[: iso.index("-", 1)])
    except (ValueError, TypeError):
        return None


def _pandas_date(iso: str) -> str:
    year = _year(iso)
    return iso if year is not None and PANDAS_YEARS[0] <= year <= PANDAS_YEARS[1] else ""


def date_cells(d: dict[str, Any]) -> dict[str, Any]:
    start, end = d.get("start", ""), d.get("end", "")
    return {
        "date_value": d.get("value", ""),
        "date_start": _pandas_date(start), "date_end": _pandas_date(end),
        "start_iso": start, "end_iso": end,
        "year_start": _year(start), "year_end": _year(end),
        "precision": d.get("precision", ""),
    }


def csv_row(ev: dict[str, Any]) -> dict[str, Any]:
    """The flat row of one event; names joined with "; ", quotes as a JSON array."""
    d, sources = ev.get("date") or {}, ev.get("sources") or []
    docs = list(dict.fromkeys(s.get("doc", "") for s in sources))
    text = {
        "date_text": d.get("text") or "",
        "summary": ev.get("summary") or "",
        "actors": LIST_SEP.join(ev.get("actors") or []),
        "orgs": LIST_SEP.join(ev.get("orgs") or []),
        "places": LIST_SEP.join(ev.get("places") or []),
        "named_events": LIST_SEP.join(ev.get("named_events") or []),
        "quotes": json.dumps([" ".join((s.get("quote") or "").split()) for s in sources], ensure_ascii=False),
        "conflicts": json.dumps(ev["conflicts"], ensure_ascii=False) if ev.get("conflicts") else "",
    }
    row = {
        "id": ev.get("id", ""),
        **date_cells(d),
        "date_basis": ev.get("date_basis", ""),
        "confidence": ev.get("confidence", ""),
        "importance": ev.get("importance", ""),
        "source_count": len(sources),
        "documents": LIST_SEP.join(docs),
        "sources": LIST_SEP.join(_source_ref(s) for s in sources),
    }
    row.update({k: _safe_cell(v) for k, v in text.items()})
    return {k: row[k] for k in CSV_COLUMNS}


def source_rows(ev: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of one event with `rows="sources"`: one per source, its quote whole in its own cell."""
    out = []
    for rec in source_records(ev):
        row = {**rec, **date_cells(rec["date"])}
        for key in ("summary", "quote", "date_text"):
            row[key] = _safe_cell(row.get(key) or "")
        out.append({k: row.get(k, "") for k in SOURCE_COLUMNS})
    return out


def render_csv(data: dict[str, Any], rows: str = "events") -> str:
    """A header row and one row per event, or per event-source (RFC 4180 quoting, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SOURCE_COLUMNS if rows == "sources" else CSV_COLUMNS)
    writer.writeheader()
    for ev in data.get("events") or []:
        if rows == "sources":
            writer.writerows(source_rows(ev))
        else:
            writer.writerow(csv_row(ev))
    return out.getvalue()
