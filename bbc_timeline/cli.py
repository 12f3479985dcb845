"""The `timeline` command: thin Typer commands over bbc_timeline.api.

No `from __future__ import annotations` here: Typer reads every command's
signature at start-up, and string annotations would be re-evaluated each time.
"""

import gc
import json
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from bbc_timeline import api, render
from bbc_timeline.errors import TimelineError, UsageError
from bbc_timeline.paths import default_db_path

app = typer.Typer(
    help="OSINT timelines from news articles: dates, people and organisations in one chronology.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Output is data (titles, names, summaries): no markup, so a "[/b]" in a title
# prints as written instead of failing, and no emoji codes, which also spares
# loading Rich's emoji table (about 2 ms) on every query.
out = Console(highlight=False, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, emoji=False)

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="Store file (default: $BBC_TIMELINE_DB, else the user data dir).", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of a table.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events reaching this date or later: 2017, 2017-07, 2017-07-25.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events reaching this date or earlier.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Only events with this person (any alias).")]
OrgOpt = Annotated[str | None, typer.Option("--org", help="Only events with this organisation (any alias).")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Only events whose text contains all these words.")]
MinSourcesOpt = Annotated[int, typer.Option("--min-sources", min=1, help="Only events reported by at least N passages.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, help="At most N events.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Skip the first K (with --limit: a page).")]
AllOpt = Annotated[bool, typer.Option("--all", help="Every row, not a screenful.")]
TIMELINEJS_SLIDES = 300  # beyond this many slides, `export --format timelinejs` suggests --limit
PubSinceOpt = Annotated[str | None, typer.Option(
    "--published-since", help="Only what documents published on or after this date say.")]
PubUntilOpt = Annotated[str | None, typer.Option(
    "--published-until", help="Only what documents published on or before this date say (what was known by then).")]
PeriodsOpt = Annotated[bool, typer.Option(
    "--periods", help="Background periods in a window even where they neither start nor end in it.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Any installed spaCy pipeline (default: en_core_web_sm).")]


def _emit_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _store(db: Path | None):
    return api.open_store(default_db_path(db))


def _filter(since, until, actor, org, text, min_sources, limit) -> api.EventFilter:
    return api.EventFilter(since, until, actor, org, text, min_sources, limit)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .md, .html) or folders, read recursively.")],
    db: DbOpt = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes for the spaCy model.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per model batch.")] = 32,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER",
        help="Run the model on a Dask cluster: a scheduler address, or 'local' (needs pip install '.[dask]').",
    )] = None,
    wait: Annotated[float, typer.Option(
        "--wait", min=0, metavar="SECONDS", help="If another ingest is writing the store, wait this long for it.",
    )] = 60.0,
    max_size: Annotated[float, typer.Option(
        "--max-size", min=0, metavar="MB", help="Skip (with a note) input files larger than this.",
    )] = 64.0,
    json_: JsonOpt = False,
) -> None:
    """Read articles into the store: dates, people, organisations, events."""
    gc.enable()  # long work: see bbc_timeline/_entry.py
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=json_,
    ) as bar:
        task = bar.add_task("ingest", total=None)

        def progress(kind: str, n: int) -> None:
            if kind == "total":
                bar.update(task, total=n)
            else:
                bar.advance(task, n)

        try:
            def waiting(message: str) -> None:
                err.print(f"note: {escape(message)}", soft_wrap=True)

            report = api.ingest(paths, default_db_path(db), model=model, workers=workers,
                                batch_size=batch_size, progress=progress, dask=dask,
                                wait=wait, on_wait=waiting, max_mb=max_size)
        except KeyboardInterrupt:
            err.print("interrupted: files finished so far are stored; run the same ingest again to finish")
            raise typer.Exit(130) from None
    if report.aliases:
        err.print(f"aliases: applied {escape(report.aliases)}", soft_wrap=True)
    for message in report.notes:
        err.print(f"note: {escape(message)}", soft_wrap=True)
    for message in report.failed:
        err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    if json_:
        _emit_json(report.__dict__)
    else:
        out.print(
            f"{report.documents} documents, {report.mentions} mentions, {report.events} events in the store; "
            f"this run: {report.stored} files ingested, {report.skipped} unchanged skipped, {len(report.failed)} failed; "
            f"{report.corroborated} events with 2+ independent sources",
            soft_wrap=True,
        )
    if report.failed and report.stored == 0 and report.skipped == 0:
        raise typer.Exit(1)


@app.command()
def show(
    since: SinceOpt = None, until: UntilOpt = None, actor: ActorOpt = None, org: OrgOpt = None,
    text: TextOpt = None, min_sources: MinSourcesOpt = 1, limit: LimitOpt = None, offset: OffsetOpt = 0,
    top: Annotated[int | None, typer.Option("--top", min=0, help="The N most important events, in date order.")] = None,
    all_: AllOpt = False, periods: PeriodsOpt = False,
    published_since: PubSinceOpt = None, published_until: PubUntilOpt = None,
    db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """The chronology, oldest first: a screenful of the most important events when more match."""
    with _store(db) as store:
        flt = _filter(since, until, actor, org, text, min_sources, limit)._replace(
            offset=offset, periods=periods, published_since=published_since, published_until=published_until)
        page = api.event_page(store, flt, top=top, all_=all_)
    events = page.events
    if json_:
        _emit_json(events)
    elif events:
        title = f"Timeline ({len(events)} event{'s' if len(events) != 1 else ''})"
        # the table is laid out to the console's width: no need to crop its lines again
        out.print(render.events_table(events, title=title), crop=False)
        footer = render.page_footer(len(events), page.total, offset, page.ranked)
        if footer is not None:
            out.print(footer)
    else:
        err.print("no events match")


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="A person or organisation, by any alias.")],
    limit: LimitOpt = None, offset: OffsetOpt = 0, all_: AllOpt = False,
    db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """One person or organisation: aliases, titles, first and last appearance, events (a screenful)."""
    with _store(db) as store:
        entity = api.find_entity(store, name)
        page = api.entity_page(store, entity, limit=limit, offset=offset, all_=all_)
    if json_:
        _emit_json({"entity": entity, "events": page.events, "total": page.total})
    else:
        footer = render.page_footer(len(page.events), page.total, offset, page.ranked)
        out.print(render.entity_view(entity, page.events, page.first, page.last, footer))


@app.command()
def actors(
    type_: Annotated[str | None, typer.Option("--type", help="person, org, place or event.")] = None,
    sort: Annotated[str, typer.Option("--sort", help="mentions (most first) or name.")] = "mentions",
    limit: LimitOpt = None, offset: OffsetOpt = 0, all_: AllOpt = False,
    db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """The entity register with mention counts, most mentioned first (a screenful; --json: all)."""
    if type_ and type_ not in {"person", "org", "place", "event"}:
        raise UsageError(f"--type must be person, org, place or event, not '{type_}'")
    if sort not in {"mentions", "name"}:
        raise UsageError(f"--sort must be mentions or name, not '{sort}'")
    if limit is None and not all_ and not json_:
        limit = api.SCREENFUL
    with _store(db) as store:
        entities = store.entities(type_, order=sort, limit=limit, offset=offset)
        total = store.count_entities(type_) if not json_ else len(entities)
    if json_:
        _emit_json(entities)
    else:
        out.print(render.entities_table(entities, ranked=sort == "mentions"))
        footer = render.page_footer(len(entities), total, offset)
        if footer is not None:
            out.print(footer)


@app.command()
def sources(db: DbOpt = None, json_: JsonOpt = False) -> None:
    """The documents with title, publication date and how the date was found."""
    with _store(db) as store:
        docs = store.documents()
        corroborated, reprints = store.independent_counts()
        events = store.counts()["events"]
    if json_:
        _emit_json([api.document_record(d) for d, _ in docs])
    else:
        out.print(render.sources_table(docs))
        out.print(f"{corroborated} of {events} events have 2+ independent sources; "
                  f"{reprints} documents are reprints of another (counted once)", soft_wrap=True)


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="An event id from `timeline show`.")],
    db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """Explain one event: its source passages, the date expression, the anchor, the merge evidence."""
    with _store(db) as store:
        ev = store.event(event_id)
        if ev is None:
            raise UsageError(f"no event '{event_id}' (see `timeline show` for ids)")
        texts = {s["doc"]: store.file_text(s["doc"]) for s in ev["sources"]}
    if json_:
        _emit_json(ev)
    else:
        out.print(render.event_view(ev, texts))


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to analyse.")],
    dct: Annotated[str | None, typer.Option("--dct", help="Publication date for every file (YYYY-MM-DD).")] = None,
    format_: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    model: ModelOpt = None,
) -> None:
    """Run the pipeline without the store and print its mentions (CONTRACT.md §1)."""
    gc.enable()  # long work: see bbc_timeline/_entry.py
    if format_ not in {"jsonl", "table"}:
        raise UsageError(f"--format must be jsonl or table, not '{format_}'")
    if dct:
        from bbc_timeline.userdates import parse_bound

        parse_bound(dct, "start")
    records = api.extract(paths, dct=dct, model=model)
    if format_ == "jsonl":
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(title="Mentions")
    for col in ("doc", "kind", "start", "end", "text", "type", "value / canonical"):
        table.add_column(col)
    for r in records:
        table.add_row(r["doc"], r["kind"], str(r["start"]), str(r["end"]), r["text"], r["type"],
                      str(r.get("value") or r.get("canonical") or ""))
    out.print(table)


@app.command()
def export(
    format_: Annotated[str, typer.Option("--format", help="json, jsonl, csv, timelinejs, timesketch or html.")] = "json",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file (default: stdout).")] = None,
    group_by: Annotated[str, typer.Option("--group-by", help="TimelineJS rows: none, actor or document.")] = "none",
    schema: Annotated[bool, typer.Option("--schema", help="Print the JSON Schema of the json export and exit.")] = False,
    rows: Annotated[str, typer.Option("--rows", help="csv/jsonl: a row per event, or per event-source (sources).")] = "events",
    since: SinceOpt = None, until: UntilOpt = None, actor: ActorOpt = None, org: OrgOpt = None,
    text: TextOpt = None, min_sources: MinSourcesOpt = 1,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="The N most important events (in date order).")] = None,
    periods: PeriodsOpt = False, published_since: PubSinceOpt = None, published_until: PubUntilOpt = None,
    db: DbOpt = None,
) -> None:
    """Export the timeline for other tools (same filters as `show`)."""
    from bbc_timeline import export as exporters

    if schema:
        sys.stdout.write(exporters.schema_text())
        return
    if format_ not in exporters.FORMATS:
        raise UsageError(f"--format must be one of {', '.join(exporters.FORMATS)}, not '{format_}'")
    if group_by not in {"none", "actor", "document"}:
        raise UsageError(f"--group-by must be none, actor or document, not '{group_by}'")
    path = default_db_path(db)
    flt = _filter(since, until, actor, org, text, min_sources, limit)
    if path.exists():
        with api.open_store(path) as store:
            flt = flt._replace(periods=periods, published_since=published_since, published_until=published_until)
            # --limit N: the N most important events (in date order), not the N oldest
            events = api.query_events(store, flt) if limit is None else api.top_events(store, flt, limit)
            data = api.export_data(store, api.known_by(store, events, flt))
    else:
        data = api.export_data(None)
    if not data["events"]:
        err.print("the export has no events (empty store or no match)")
    elif format_ == "timelinejs" and limit is None and len(data["events"]) > TIMELINEJS_SLIDES:
        err.print(f"note: {len(data['events'])} slides; TimelineJS is slow and hard to read past a few hundred: "
                  f"--limit {TIMELINEJS_SLIDES} keeps the most important", soft_wrap=True)
    rendered = exporters.render_export(data, format_, group_by=group_by, window=api.window(flt), rows=rows)
    if output is None:
        sys.stdout.write(rendered)
    else:
        exporters.write_atomic(output, rendered)
        err.print(f"wrote {escape(str(output))}")


@app.command()
def chart(
    by: Annotated[str, typer.Option("--by", help="year or month.")] = "year",
    actor: ActorOpt = None, db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """A bar chart of event counts over time."""
    from bbc_timeline.chart import buckets_from_starts, chart_counts, event_chart

    if by not in {"year", "month"}:
        raise UsageError(f"--by must be year or month, not '{by}'")
    with _store(db) as store:
        events = buckets_from_starts(api.event_starts(store, _filter(None, None, actor, None, None, 1, None)), by)
    if json_:
        _emit_json(chart_counts(events, by))
    else:
        out.print(event_chart(events, by=by))


@app.command()
def digest(
    since: SinceOpt = None, until: UntilOpt = None,
    published_since: PubSinceOpt = None, published_until: PubUntilOpt = None,
    days: Annotated[int, typer.Option("--days", min=0, help="How many days: the most important ones.")] = 10,
    per_day: Annotated[int, typer.Option("--per-day", min=0, help="At most K sentences a day.")] = 2,
    db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """The days that mattered, oldest first, each with the sentences that say what happened and their sources."""
    from bbc_timeline.digest import digest as make_digest

    with _store(db) as store:
        data = make_digest(store, since=since, until=until, published_since=published_since,
                           published_until=published_until, days=days, per_day=per_day)
    if json_:
        _emit_json(data)
    elif data["days"]:
        out.print(render.digest_table(data), crop=False)
    else:
        err.print("no dated happenings in that window")


def main(argv: list[str] | None = None) -> None:
    """Entry point: library errors become one line on stderr and an exit code."""
    try:
        app(args=argv, prog_name="timeline")
    except TimelineError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        sys.exit(e.exit_code)
    except sqlite3.Error as e:  # met while reading: a damaged page, a lock held too long
        from bbc_timeline.store import Store, store_problem

        path = Store.last_opened or default_db_path(None)
        err.print(f"[red]error:[/red] {escape(str(store_problem(path, e)))}", soft_wrap=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
