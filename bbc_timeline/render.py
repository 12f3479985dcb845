"""Rich renderables for people; never prints (the CLI does)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from bbc_timeline.models import Document, Entity, Event
from bbc_timeline.resolve.intervals import display


def _names(names) -> str:
    return ", ".join(names)


def date_cell(event: Event) -> Text:
    text = Text(display(event.date))
    if event.conflicts:
        text.append(" ⚠", style="bold yellow")
    if event.date_basis != "explicit":
        text.append(f" ({event.date_basis})", style="dim")
    return text


def events_table(events: list[Event], title: str | None = None) -> Table:
    """The chronology: date at its precision, summary, people, organisations, sources."""
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", ratio=3)
    table.add_column("People", ratio=1)
    table.add_column("Organisations", ratio=1)
    table.add_column("Src", justify="right", no_wrap=True)
    for ev in events:
        docs = sorted({s.doc for s in ev.sources})
        summary = Text(ev.summary)
        summary.append(f"\n{ev.id}", style="dim")
        table.add_row(date_cell(ev), summary, _names(ev.actors), _names(ev.orgs), str(len(docs)))
    return table


def entities_table(entities: list[Entity]) -> Table:
    """The entity register with mention counts."""
    table = Table(title="Entities")
    table.add_column("Name")
    table.add_column("Type")
    table.add_column("Mentions", justify="right")
    table.add_column("Aliases")
    table.add_column("Titles")
    for e in sorted(entities, key=lambda e: (-e.mentions, e.type, e.name)):
        aliases = [a for a in e.aliases if a != e.name]
        table.add_row(e.name, e.type, str(e.mentions), _names(aliases), _names(e.titles))
    return table


def entity_view(entity: Entity, events: list[Event]) -> Group:
    """One person or organisation: names, titles, first and last dated appearance, events."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Name", entity.name)
    head.add_row("Type", entity.type)
    if entity.aliases:
        counts = entity.alias_counts or {}
        head.add_row(
            "Aliases", _names(f"{a} ({counts[a]})" if a in counts else a for a in entity.aliases)
        )
    if entity.titles:
        head.add_row("Titles", _names(entity.titles))
    head.add_row("Mentions", str(entity.mentions))
    if events:
        head.add_row("First dated", display(events[0].date))
        head.add_row("Last dated", display(max(events, key=lambda e: (e.date.start, e.date.end)).date))
    parts: list = [head]
    if entity.evidence:
        why = Table(title="Why these names are one", show_header=False)
        why.add_column()
        for line in entity.evidence:
            why.add_row(line)
        parts.append(why)
    parts.append(events_table(events, title=f"Events of {entity.name}") if events else Text("No dated events."))
    return Group(*parts)


def sources_table(documents: list[tuple[Document, str]]) -> Table:
    table = Table(title="Sources")
    table.add_column("Document")
    table.add_column("File")
    table.add_column("Title")
    table.add_column("Published", no_wrap=True)
    table.add_column("Basis")
    for d, name in documents:
        table.add_row(d.id, name, d.title, d.published or "?", d.published_basis or "")
    return table


def event_view(event: Event, texts: dict[str, str]) -> Group:
    """One event: each source passage with its date expression highlighted, anchors, merge evidence."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Event", event.id)
    head.add_row("Date", f"{display(event.date)}  [{event.date.precision}; {event.date.start} to {event.date.end}]")
    head.add_row("Basis", event.date_basis + (f" (anchor {event.date.anchor})" if event.date.anchor else ""))
    head.add_row("Summary", event.summary)
    for label, names in (("People", event.actors), ("Organisations", event.orgs), ("Places", event.places)):
        if names:
            head.add_row(label, _names(names))
    head.add_row("Confidence", f"{event.confidence:.2f}")
    parts: list = [head]
    for n, s in enumerate(event.sources, 1):
        text = texts.get(s.doc, "")
        quote = Text(text[s.start : s.end] if text else s.quote)
        if s.date_start is not None and s.date_end is not None and s.start <= s.date_start < s.date_end <= s.end:
            quote.stylize("bold reverse", s.date_start - s.start, s.date_end - s.start)
        anchor = f"; date read from '{s.date_text}'" if s.date_text else ""
        anchor += f", resolved against {s.anchor}" if s.anchor else ""
        parts.append(Text(f"\nSource {n}: {s.doc} [{s.start}:{s.end}]{anchor}", style="bold"))
        parts.append(quote)
    for c in event.conflicts:
        parts.append(Text(f"\nConflict: {c}", style="yellow"))
    for line in event.merge_evidence:
        parts.append(Text(f"Merged: {line}", style="dim"))
    return Group(*parts)
