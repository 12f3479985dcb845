"""Rich renderables for people; never prints (the CLI does).

Everything here takes the contract's plain dicts (CONTRACT.md §2), the same
objects `--json` prints, so the table and its machine twin cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text

from bbc_timeline.timevalues import display

Record = dict[str, Any]
EVIDENCE_SHOWN = 12  # lines of an entity's merge evidence in `timeline actor`; --json has them all


def _names(names: Iterable[str]) -> str:
    return ", ".join(names)


class _Header:
    """A column header that shortens instead of breaking mid-word on a narrow terminal."""

    def __init__(self, full: str, short: str) -> None:
        self.full, self.short = full, short

    def __rich_console__(self, console, options):
        yield Text(self.full if options.max_width >= len(self.full) else self.short, style="bold")

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement(len(self.short), len(self.full))


def date_cell(event: Record) -> Text:
    # a range's end on its own line keeps the column narrow on an 80-column terminal
    text = Text(display(event["date"]).replace(" – ", "\n– "))
    if event.get("conflicts"):
        text.append(" ⚠", style="bold yellow")
    if event["date_basis"] != "explicit":
        text.append(f"\n{event['date_basis']}", style="dim")
    return text


def events_table(events: list[Record], title: str | None = None) -> Table:
    """The chronology: date at its precision, summary and id, people, organisations, sources."""
    dates = [date_cell(ev) for ev in events]
    counts = [str(len({s["doc"] for s in ev["sources"]})) for ev in events]
    # Every column has a width, so Rich lays the table out without measuring each
    # cell first: Date and Src fit their widest entry, and under expand=True the
    # ratio columns share the rest, their width being only a floor.
    date_width = max((cell_len(line) for d in dates for line in d.plain.split("\n")), default=4)
    table = Table(title=title, expand=True)
    table.add_column("Date", no_wrap=True, width=max(date_width, 4))
    table.add_column("Event", ratio=3, width=20, overflow="fold")
    table.add_column("People", ratio=1, width=8, overflow="fold")
    table.add_column(_Header("Organisations", "Orgs"), ratio=1, width=8, overflow="fold")
    table.add_column("Src", justify="right", no_wrap=True, width=max([3, *map(len, counts)]))
    for ev, date, n_docs in zip(events, dates, counts, strict=True):
        summary = Text(ev["summary"])
        summary.append(f"\n{ev['id']}", style="dim")
        # Text, not str: names are data, never Rich markup
        table.add_row(date, summary, Text(_names(ev["actors"])), Text(_names(ev["orgs"])), Text(n_docs))
    return table


def entities_table(entities: list[Record], title: str = "Entities", ranked: bool = True) -> Table:
    """The entity register with mention counts, most mentioned first (`ranked`) or as given."""
    table = Table(title=title)
    table.add_column("Name")
    table.add_column("Type")
    table.add_column("Mentions", justify="right")
    table.add_column("Aliases")
    table.add_column("Titles")
    rows = sorted(entities, key=lambda e: (-e["mentions"], e["type"], e["name"])) if ranked else entities
    for e in rows:
        aliases = [a for a in e["aliases"] if a != e["name"]]
        table.add_row(e["name"], e["type"], str(e["mentions"]), _names(aliases), _names(e["titles"]))
    return table


def page_footer(shown: int, total: int, offset: int = 0, ranked: bool = False) -> Text | None:
    """A dim line saying what part of a long result is shown and how to see the rest; None if all is."""
    if shown >= total and not offset:
        return None
    if ranked:
        what = f"the {shown} most important of {total}, in date order"
    elif shown:
        what = f"{offset + 1}-{offset + shown} of {total}"
    else:
        what = f"none of {total} (past the end)"
    return Text(f"Showing {what}; --all for every one, --limit N --offset K for a page.", style="dim")


def entity_view(
    entity: Record, events: list[Record], first: Record | None = None, last: Record | None = None,
    footer: Text | None = None,
) -> Group:
    """One person or organisation: names, titles, first and last dated appearance, events.

    `first`/`last`: its earliest and latest event when `events` is one page of them.
    """
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Name", entity["name"])
    if entity.get("found_by"):
        head.add_row("Found as", entity["found_by"])
    head.add_row("Type", entity["type"])
    counts = entity.get("alias_counts") or {}
    if entity["aliases"]:
        head.add_row("Aliases", _names(f"{a} ({counts[a]})" if a in counts else a for a in entity["aliases"]))
    if entity["titles"]:
        head.add_row("Titles", _names(entity["titles"]))
    head.add_row("Mentions", str(entity["mentions"]))
    if events and first is None:
        first = events[0]
    if events and last is None:
        last = max(events, key=lambda e: (e["date"]["start"], e["date"]["end"]))
    if first is not None and last is not None:
        head.add_row("First dated", display(first["date"]))
        head.add_row("Last dated", display(last["date"]))
    parts: list[Any] = [head]
    if entity.get("evidence"):
        why = Table(title="Why these names are one", show_header=False)
        why.add_column()
        evidence = entity["evidence"]
        for line in evidence[:EVIDENCE_SHOWN]:
            why.add_row(line)
        if len(evidence) > EVIDENCE_SHOWN:
            why.add_row(Text(f"... and {len(evidence) - EVIDENCE_SHOWN} more (--json gives them all)", style="dim"))
        parts.append(why)
    parts.append(events_table(events, title=f"Events of {entity['name']}") if events else Text("No dated events."))
    if footer is not None:
        parts.append(footer)
    return Group(*parts)


def sources_table(documents: list[tuple[Any, str]]) -> Table:
    from bbc_timeline.furniture import describe  # only this view needs the furniture word lists

    table = Table(title="Sources")
    table.add_column("Document")
    table.add_column("File")
    table.add_column("Title")
    table.add_column("Published", no_wrap=True)
    table.add_column("Basis")
    table.add_column("Left out")  # page furniture kept out of extraction
    for d, name in documents:
        table.add_row(d.id, name, d.title, d.published or "?", d.published_basis or "", describe(d.left_out))
    return table


def event_view(event: Record, texts: dict[str, str]) -> Group:
    """One event: each source passage with its date expression highlighted, anchors, merge evidence."""
    date = event["date"]
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Event", event["id"])
    head.add_row("Date", f"{display(date)}  [{date['precision']}; {date['start']} to {date['end']}]")
    anchor = f" (anchor {date['anchor']})" if date.get("anchor") else ""
    head.add_row("Basis", event["date_basis"] + anchor)
    head.add_row("Summary", event["summary"])
    for label, key in (("People", "actors"), ("Organisations", "orgs"), ("Places", "places")):
        if event.get(key):
            head.add_row(label, _names(event[key]))
    head.add_row("Confidence", f"{event['confidence']:.2f}")
    if event.get("kind") == "period":
        head.add_row("Kind", "period: a span told as background, not a happening")
    # why it scored as it did: the first line is the score itself
    evidence = event.get("importance_evidence") or []
    head.add_row("Importance", "\n".join([f"{event.get('importance', 0):.3f}", *evidence[1:]]))
    parts: list[Any] = [head]
    for n, s in enumerate(event["sources"], 1):
        text = texts.get(s["doc"], "")
        quote = Text(text[s["start"] : s["end"]] if text else s["quote"])
        d0, d1 = s.get("date_start"), s.get("date_end")
        if d0 is not None and d1 is not None and s["start"] <= d0 < d1 <= s["end"]:
            quote.stylize("bold reverse", d0 - s["start"], d1 - s["start"])
        where = f"\nSource {n}: {s['doc']} [{s['start']}:{s['end']}]"
        if s.get("date_text"):
            where += f"; date read from '{s['date_text']}'"
        if s.get("anchor"):
            where += f", resolved against {s['anchor']}"
        parts.append(Text(where, style="bold"))
        parts.append(quote)
    for c in event.get("conflicts", []):
        parts.append(Text(f"\nConflict: {c.get('doc')} dates it {c.get('value')}, not {c.get('other')}", style="yellow"))
    for line in event.get("merge_evidence", []):
        parts.append(Text(f"Merged: {line}", style="dim"))
    return Group(*parts)


def digest_table(data: Record) -> Table:
    """`timeline digest`: one row a sentence, the day shown on its first row."""
    table = Table(title=f"Digest ({len(data['days'])} days)", show_lines=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("What happened", ratio=1)
    table.add_column("Event", overflow="fold")
    table.add_column("Sources", justify="right")
    for day in data["days"]:
        for k, entry in enumerate(day["entries"] or [{"text": "", "event": "", "sources": []}]):
            table.add_row(day["date"] if k == 0 else "", entry["text"], entry["event"], str(len(entry["sources"])))
    return table
