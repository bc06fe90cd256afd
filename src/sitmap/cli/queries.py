"""Commands over the database: `events`, `export`, `documents`, `control`, `statistics`, `report`, `serve`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from sitmap.cli.app import EventFormat, FormatOption, RowFormat, app, open_engine, print_events, print_rows
from sitmap.commandline import EXIT_USAGE, DbOption, parse_date, parse_near, stderr
from sitmap.export import WRITERS
from sitmap.model import to_dict

Since = Annotated[str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Only events on or before this date (YYYY-MM-DD).")]
Country = Annotated[str | None, typer.Option(help="Country name or ISO3 code.")]
EventType = Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")]
ActorText = Annotated[str | None, typer.Option(help="Text found in an actor name.")]
Near = Annotated[
    str | None, typer.Option(help="Only events within KM of a point: LAT,LON,KM (e.g. 36.2,37.16,25).")
]
_DOCUMENT_FIELDS = ("id", "status", "reason", "origin", "format", "source", "url", "title", "published",
                    "section", "events")  # fmt: skip


@app.command()
def events(
    db: DbOption = None,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type: EventType = None,
    actor: ActorText = None,
    near: Near = None,
    text: Annotated[str | None, typer.Option(help="Text found in the notes, location or evidence.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.", min=1)] = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Show one event's sources, evidence and merge decisions.")
    ] = None,
) -> None:
    """List stored events, filtered; or explain one event with --explain ID."""
    from sitmap import store

    engine = open_engine(db)
    if explain:
        _explain(engine, explain)
        return
    where = store.EventFilter(since=parse_date(since), until=parse_date(until), country=country,
                              event_type=type, actor=actor, text=text, near=parse_near(near),
                              limit=limit)  # fmt: skip
    print_events(store.query_events(engine, where), format.value)


@app.command(name="export")
def export_command(
    format: Annotated[
        EventFormat, typer.Option("--format", "-f", help="Export format.")
    ] = EventFormat.acled_csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")
    ] = None,
    db: DbOption = None,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type: EventType = None,
    actor: ActorText = None,
    near: Near = None,
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, JSON lines or CSV."""
    from sitmap import store

    where = store.EventFilter(since=parse_date(since), until=parse_date(until), country=country,
                              event_type=type, actor=actor, near=parse_near(near))  # fmt: skip
    found = store.query_events(open_engine(db), where)
    if output is None:
        print_events(found, format.value)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        WRITERS[format.value](found, out)
    stderr.print(f"{len(found)} events written to {output}", highlight=False)


@app.command()
def documents(
    db: DbOption = None,
    failed: Annotated[
        bool, typer.Option("--failed", help="Only inputs that failed, with the reason.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many documents.", min=1)] = None,
    format: FormatOption = RowFormat.table,
) -> None:
    """List stored documents (newest first), or only the failed ones with --failed."""
    from sitmap import store

    rows = store.list_documents(open_engine(db), failed=failed, limit=limit)
    print_rows([{name: to_dict(row[name]) for name in _DOCUMENT_FIELDS} for row in rows], format)


@app.command()
def control(
    db: DbOption = None,
    at: Annotated[
        str | None, typer.Option("--at", help="Control as of this date (YYYY-MM-DD; default: latest).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Only places in this country (name or ISO3).")] = None,
    format: FormatOption = RowFormat.table,
) -> None:
    """List places whose control changed hands: who holds each, since when, and the supporting events."""
    from sitmap import store
    from sitmap.merge import control_timeline

    when = parse_date(at)
    territorial = [
        e for e in store.query_events(open_engine(db), store.EventFilter(until=when)) if e.territory
    ]
    print_rows([to_dict(c) for c in control_timeline(territorial, when, country)], format)


@app.command()
def statistics(db: DbOption = None, format: FormatOption = RowFormat.table) -> None:
    """List country- and region-level figures ("a million displaced since December"), kept apart from events."""
    from sitmap import store

    rows = [to_dict(s) for s in store.query_statistics(open_engine(db))]
    if format is not RowFormat.jsonl:
        for row in rows:
            row["evidence"] = (row["evidence"] or {}).get("text", "")
    print_rows(rows, format)


@app.command()
def report(
    since: Annotated[str, typer.Option(help="First day of the period (YYYY-MM-DD).")],
    until: Annotated[str, typer.Option(help="Last day of the period (YYYY-MM-DD).")],
    country: Annotated[str | None, typer.Option(help="Country name or ISO3 code (default: all).")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="HTML file to write (default: standard output).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Render a situation report: headline figures, map, daily chart, control changes, notable events."""
    from sitmap.report import render_report

    html = render_report(open_engine(db), country, parse_date(since), parse_date(until))  # type: ignore[arg-type]
    if output is None:
        sys.stdout.write(html)
        return
    output.write_text(html, encoding="utf-8")
    stderr.print(f"report written to {output}", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    tiles: Annotated[
        str | None,
        typer.Option(help="Optional online tile URL template for the map, e.g. https://.../{z}/{x}/{y}.png."),
    ] = None,
    tiles_attribution: Annotated[str, typer.Option(help="Attribution text shown for the online tiles.")] = "",
) -> None:
    """Serve the HTTP API (/events, /control, /stats, /docs) and the web map (/) over the database."""
    from sitmap.api.commands import serve as run_server

    open_engine(db)
    run_server(db=db, host=host, port=port, tiles=tiles, tiles_attribution=tiles_attribution)


def _explain(engine: Any, event_id: str) -> None:
    from sitmap import store

    event = store.get_event(engine, event_id)
    if event is None:
        stderr.print(f"no event {event_id!r} in the database")
        raise typer.Exit(EXIT_USAGE)
    out = Console(highlight=False)
    out.print(f"[bold]{event.event_id}[/bold] {event.event_date} {event.sub_event_type} at {event.location or '?'}"
              f" ({event.admin1}, {event.country}); fatalities {event.fatalities}"
              f" (low {event.fatalities_low}, high {event.fatalities_high})")  # fmt: skip
    out.print(event.notes)
    out.print("[bold]Sources[/bold]")
    for source in event.sources:
        out.print(f"  {source.doc_id}  {source.source or ''}  {source.published or ''}  {source.url or ''}")
    out.print("[bold]Evidence[/bold]")
    for evidence in event.evidence:
        out.print(f"  {evidence.field:>16}  {evidence.doc_id} s{evidence.sentence} "
                  f"[{evidence.start}:{evidence.end}]  {evidence.text!r}")  # fmt: skip
    log = store.merge_log(engine, event_id)
    out.print("[bold]Merged reports[/bold]" if log else "No other report was merged into this event.")
    for row in log:
        out.print(
            f"  {row['doc_id']} (candidate {row['merged_id']}), score {row['score']:.2f}: "
            + "; ".join(row["reasons"])
        )
