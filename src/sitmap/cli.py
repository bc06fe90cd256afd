"""The `sitmap` command: a thin shell over the pipeline, the store and the exports.

Exit codes: 0 every input was read and coded; 1 some inputs failed and were recorded (the rest
went on); 2 a usage error (bad option or value); 3 sitmap could not run at all (database,
model or gazetteer missing or unreachable).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from sitmap import export, ingest, store
from sitmap.model import Document, Event, Failure, Result, to_dict

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3

app = typer.Typer(
    name="sitmap",
    help="Turn conflict news into ACLED-style event data, with the evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)


class EventFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"
    table = "table"


# Options shared by several commands, listed once.
Inputs = Annotated[
    list[str], typer.Argument(help="Files, directories (read recursively) or - for standard input.")
]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL or SQLite file path [env SITMAP_DB; default ./sitmap.db].",
        envvar="SITMAP_DB",
    ),
]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that carry none.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Inputs larger than this many bytes are recorded as failed.", min=1)
]
ModelOption = Annotated[
    str, typer.Option("--model", help="spaCy pipeline to load (package name or path).", envvar="SITMAP_MODEL")
]
GazetteerOption = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer database to use [env SITMAP_GAZETTEER; default: the built-in one].",
                 envvar="SITMAP_GAZETTEER"),
]  # fmt: skip
ClassifierOption = Annotated[
    bool,
    typer.Option(
        "--classifier/--no-classifier", help="Use the learned sub-event classifier besides the rules."
    ),
]


def _default_model() -> str:
    from sitmap.nlp import DEFAULT_MODEL

    return DEFAULT_MODEL


@app.command()
def extract(
    inputs: Inputs,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.jsonl,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = ingest.DEFAULT_MAX_BYTES,
    model: ModelOption = "",
    gazetteer: GazetteerOption = None,
    classifier: ClassifierOption = True,
) -> None:
    """Print the events coded from INPUTS (stateless: no database is read or written)."""
    resources = _resources(model, gazetteer, classifier)
    from sitmap.pipeline import process

    documents, failures = _read(inputs, published, max_bytes)
    result = process(documents, resources)
    failures += result.failures
    for failure in result.failures:
        _report_failure(failure)
    _write_events(result.events, format.value, sys.stdout)
    raise typer.Exit(EXIT_FAILED_INPUTS if failures else EXIT_OK)


@app.command(name="ingest")
def ingest_command(
    inputs: Inputs,
    db: DbOption = None,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = ingest.DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Documents coded and saved per transaction.", min=1)
    ] = 50,
    model: ModelOption = "",
    gazetteer: GazetteerOption = None,
    classifier: ClassifierOption = True,
) -> None:
    """Code INPUTS into the event database; documents already stored are skipped (re-running is safe)."""
    engine = _engine(db)
    resources = _resources(model, gazetteer, classifier)
    from sitmap.pipeline import process

    totals = store.SaveReport()
    skipped = 0
    with _progress() as progress:
        task = progress.add_task("ingesting", total=None)
        for batch in _batches(
            ingest.read_inputs(inputs, published=_date(published), max_bytes=max_bytes), batch_size
        ):
            documents = [item for item in batch if isinstance(item, Document)]
            failed = [item for item in batch if isinstance(item, Failure)]
            done = store.processed_ids(engine, [d.id for d in documents])
            fresh = [d for d in documents if d.id not in done]
            skipped += len(documents) - len(fresh)
            result = process(fresh, resources)
            result = Result(result.events, result.statistics, failed + result.failures, result.documents)
            for failure in result.failures:
                progress.console.print(
                    f"[red]failed[/red] {failure.origin}: {failure.reason}", highlight=False
                )
            report = store.save_result(engine, result)
            for name in ("documents", "failures", "inserted", "merged", "statistics"):
                setattr(totals, name, getattr(totals, name) + getattr(report, name))
            progress.update(task, advance=len(batch))
    stderr.print(
        f"{totals.documents} documents coded, {skipped} already stored, {totals.failures} failed; "
        f"{totals.inserted} new events, {totals.merged} merged into existing ones, {totals.statistics} statistics",
        highlight=False,
    )
    raise typer.Exit(EXIT_FAILED_INPUTS if totals.failures else EXIT_OK)


@app.command()
def events(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, typer.Option(help="Only events on or before this date (YYYY-MM-DD).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO3 code.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Text found in an actor name.")] = None,
    text: Annotated[str | None, typer.Option(help="Text found in the notes, location or evidence.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.", min=1)] = None,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.table,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Show one event's sources, evidence and merge decisions.")
    ] = None,
) -> None:
    """List stored events, filtered; or explain one event with --explain ID."""
    engine = _engine(db)
    if explain:
        _explain(engine, explain)
        return
    where = store.EventFilter(
        since=_date(since),
        until=_date(until),
        country=country,
        event_type=type,
        actor=actor,
        text=text,
        limit=limit,
    )
    _write_events(store.query_events(engine, where), format.value, sys.stdout)


@app.command(name="export")
def export_command(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.acled_csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")
    ] = None,
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, typer.Option(help="Only events on or before this date (YYYY-MM-DD).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO3 code.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Text found in an actor name.")] = None,
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, JSON lines or CSV."""
    engine = _engine(db)
    where = store.EventFilter(
        since=_date(since), until=_date(until), country=country, event_type=type, actor=actor
    )
    found = store.query_events(engine, where)
    if output is None:
        _write_events(found, format.value, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        _write_events(found, format.value, out)
    stderr.print(f"{len(found)} events written to {output}", highlight=False)


@app.command()
def documents(
    db: DbOption = None,
    failed: Annotated[
        bool, typer.Option("--failed", help="Only inputs that failed, with the reason.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many documents.", min=1)] = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
) -> None:
    """List stored documents (newest first), or only the failed ones with --failed."""
    rows = store.list_documents(_engine(db), failed=failed, limit=limit)
    if format is EventFormat.table:
        table = Table("id", "status", "published", "source", "events", "origin", "reason")
        for row in rows:
            table.add_row(row["id"], row["status"], str(row["published"] or ""), row["source"] or "",
                          str(row["events"]), row["origin"], row["reason"])  # fmt: skip
        Console().print(table)
        return
    fields = [
        "id",
        "status",
        "reason",
        "origin",
        "format",
        "source",
        "url",
        "title",
        "published",
        "section",
        "events",
    ]
    if format is EventFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    for row in rows:
        print(json.dumps({k: to_dict(row[k]) for k in fields}, ensure_ascii=False))


@app.command()
def geoparse(
    inputs: Inputs,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.jsonl,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = ingest.DEFAULT_MAX_BYTES,
    gazetteer: GazetteerOption = None,
) -> None:
    """Print every toponym found in INPUTS with its resolved place (one JSON object per toponym)."""
    from sitmap import geo, nlp

    loaded = _guard(lambda: geo.load_gazetteer(gazetteer))
    documents, failures = _read(inputs, published, max_bytes)
    records = []
    for document in documents:
        for toponym in geo.locate(document, nlp.split_sentences(document.text), loaded):
            records.append(geo.toponym_record(toponym))
            if format is EventFormat.jsonl:
                print(json.dumps(records.pop(), ensure_ascii=False))
    if format is not EventFormat.jsonl:
        _write_rows(records, format.value)
    raise typer.Exit(EXIT_FAILED_INPUTS if failures else EXIT_OK)


@app.command()
def control(
    db: DbOption = None,
    at: Annotated[
        str | None, typer.Option("--at", help="Control as of this date (YYYY-MM-DD; default: latest).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Only places in this country (name or ISO3).")] = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
) -> None:
    """List places whose control changed hands: who holds each, since when, and the supporting events."""
    from sitmap.merge import control_timeline

    engine = _engine(db)
    when = _date(at)
    territorial = [e for e in store.query_events(engine, store.EventFilter(until=when)) if e.territory]
    rows = [to_dict(c) for c in control_timeline(territorial, when, country)]
    if format is EventFormat.jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    _write_rows(rows, format.value)


@app.command()
def statistics(
    db: DbOption = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
) -> None:
    """List country- and region-level figures ("a million displaced since December"), kept apart from events."""
    rows = [to_dict(s) for s in store.query_statistics(_engine(db))]
    if format is EventFormat.jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        row["evidence"] = (row["evidence"] or {}).get("text", "")
    _write_rows(rows, format.value)


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

    html = render_report(_engine(db), country, _date(since), _date(until))  # type: ignore[arg-type]
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

    _engine(db)
    run_server(db=db, host=host, port=port, tiles=tiles, tiles_attribution=tiles_attribution)


def _mount_subcommands() -> None:
    from sitmap.api.commands import keys_app
    from sitmap.geo.commands import gazetteer_app
    from sitmap.scale.commands import backfill_command, watch_command

    app.add_typer(gazetteer_app, name="gazetteer", help="Build, extend and describe the gazetteer.")
    app.add_typer(keys_app, name="keys", help="Create, list and revoke API keys for POST /documents.")
    app.command(name="watch")(watch_command)
    app.command(name="backfill")(backfill_command)


def _read(inputs: list[str], published: str | None, max_bytes: int) -> tuple[list[Document], list[Failure]]:
    documents: list[Document] = []
    failures: list[Failure] = []
    for item in ingest.read_inputs(inputs, published=_date(published), max_bytes=max_bytes):
        if isinstance(item, Failure):
            _report_failure(item)
            failures.append(item)
        else:
            documents.append(item)
    return documents, failures


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    batch: list[Document | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_events(found: list[Event], format: str, out: TextIO) -> None:
    if format == "table":
        table = Table("event_id", "date", "sub_event_type", "actor1", "actor2", "location", "admin1", "country",
                      "fatalities", "claimed_by")  # fmt: skip
        for e in found:
            table.add_row(e.event_id, str(e.event_date or ""), e.sub_event_type, e.actor1, e.actor2, e.location,
                          e.admin1, e.country, str(e.fatalities), e.claimed_by)  # fmt: skip
        Console(file=out, width=200).print(table)
        return
    export.WRITERS[format](found, out)


def _write_rows(rows: list[dict[str, object]], format: str) -> None:
    if not rows:
        return
    if format == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(*rows[0].keys())
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    Console(width=200).print(table)


def _explain(engine: object, event_id: str) -> None:
    event = store.get_event(engine, event_id)  # type: ignore[arg-type]
    if event is None:
        stderr.print(f"no event {event_id!r} in the database")
        raise typer.Exit(EXIT_USAGE)
    console = Console()
    console.print(f"[bold]{event.event_id}[/bold] {event.event_date} {event.sub_event_type} at {event.location or '?'}"
                  f" ({event.admin1}, {event.country}); fatalities {event.fatalities}"
                  f" (low {event.fatalities_low}, high {event.fatalities_high})", highlight=False)  # fmt: skip
    console.print(event.notes, highlight=False)
    console.print("[bold]Sources[/bold]")
    for source in event.sources:
        console.print(
            f"  {source.doc_id}  {source.source or ''}  {source.published or ''}  {source.url or ''}",
            highlight=False,
        )
    console.print("[bold]Evidence[/bold]")
    for evidence in event.evidence:
        console.print(f"  {evidence.field:>16}  {evidence.doc_id} s{evidence.sentence} [{evidence.start}:{evidence.end}]"
                      f"  {evidence.text!r}", highlight=False)  # fmt: skip
    log = store.merge_log(engine, event_id)  # type: ignore[arg-type]
    console.print("[bold]Merged reports[/bold]" if log else "No other report was merged into this event.")
    for row in log:
        console.print(f"  {row['doc_id']} (candidate {row['merged_id']}), score {row['score']:.2f}: "
                      + "; ".join(row["reasons"]), highlight=False)  # fmt: skip


def _report_failure(failure: Failure) -> None:
    stderr.print(f"[red]failed[/red] {failure.origin}: {failure.reason}", highlight=False)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=False,
    )  # fmt: skip


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date YYYY-MM-DD, got {value!r}") from None


def _engine(db: str | None):  # type: ignore[no-untyped-def]
    return _guard(lambda: store.open_database(db))


def _resources(model: str, gazetteer: Path | None, classifier: bool):  # type: ignore[no-untyped-def]
    from sitmap.pipeline import load_resources

    return _guard(lambda: load_resources(model or _default_model(), gazetteer, classifier))


def _guard(load):  # type: ignore[no-untyped-def]
    """Run a loader; a missing model, gazetteer or database becomes one clear line and exit code 3."""
    try:
        return load()
    except Exception as error:  # noqa: BLE001 - any loader failure is reported, never a traceback
        stderr.print(f"[red]sitmap cannot start:[/red] {type(error).__name__}: {error}", highlight=False)
        raise typer.Exit(EXIT_UNAVAILABLE) from None


def main() -> None:
    """Entry point of the `sitmap` console script."""
    _mount_subcommands()
    app()
