"""The `sitmap watch` and `sitmap backfill` commands, for ``cli.py`` to mount (``scale_app`` holds both)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.table import Table

from sitmap.commandline import (
    EXIT_FAILED_INPUTS,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    BatchOption,
    ClassifierOption,
    DbOption,
    GazetteerOption,
    ModelOption,
    guard,
    parse_date,
    progress,
    stderr,
)
from sitmap.model import Document, Failure

scale_app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


class Runner(StrEnum):
    local = "local"
    dask = "dask"


@scale_app.command(name="watch")
def watch_command(
    feeds: Annotated[list[str] | None, typer.Argument(help="RSS or Atom feed addresses to poll.")] = None,
    feeds_file: Annotated[
        Path | None, typer.Option("--feeds", help="File listing feed addresses, one a line (# comments).")
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", help="Minutes between polls of a healthy feed.", min=0)
    ] = 5.0,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then exit.")] = False,
    db: DbOption = None,
    model: ModelOption = "",
    gazetteer: GazetteerOption = None,
    classifier: ClassifierOption = True,
) -> None:
    """Poll RSS/Atom feeds, fetch each new article page, and code it into the event database.

    Each feed's cursor (entries seen, ETag) is kept in the database, so a restarted watcher
    fetches no page twice; a failing feed is polled after doubling delays, up to an hour.
    """
    from sitmap.scale.batches import Totals, code_and_save
    from sitmap.scale.watch import read_feed_list, watch

    urls = list(feeds or []) + (read_feed_list(feeds_file) if feeds_file else [])
    if not urls:
        stderr.print("no feed given: name feed addresses or a --feeds file")
        raise typer.Exit(EXIT_USAGE)
    engine = guard(lambda: _open(db))
    resources = guard(lambda: _settings(model, gazetteer, classifier).load())
    totals = Totals()

    def code(items: list[Document | Failure]) -> None:
        code_and_save(engine, items, resources, totals)

    def show(reports: list[Any]) -> None:
        _feed_table(reports)
        stderr.print(totals.summary(), highlight=False)

    try:
        watch(engine, urls, code, timedelta(minutes=interval), once=once, on_round=show)
    except KeyboardInterrupt:
        stderr.print("stopped; every saved article and feed cursor is kept")
    raise typer.Exit(EXIT_FAILED_INPUTS if once and totals.failures else EXIT_OK)


@scale_app.command(name="backfill")
def backfill_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, directories (read recursively) or - for standard input.")
    ],
    engine: Annotated[
        Runner, typer.Option("--engine", help="Code in this process (local) or on Dask (dask).")
    ] = (Runner.dask),
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: start a local cluster)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Worker processes of the local Dask cluster.", min=1)
    ] = 2,
    batch_size: BatchOption = 50,
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that carry none."),
    ] = None,
    model: ModelOption = "",
    gazetteer: GazetteerOption = None,
    classifier: ClassifierOption = True,
) -> None:
    """Code a large archive into the event database, in parallel on Dask; resumable after interruption.

    Stores exactly the events `sitmap ingest` would with the same --batch-size; documents
    already stored are skipped, so an interrupted backfill is simply run again.
    """
    from sitmap import ingest
    from sitmap.scale.backfill import backfill
    from sitmap.scale.batches import Pending, Totals

    database = guard(lambda: _open(db))
    day = parse_date(published)
    items = ingest.read_inputs(inputs, published=day)
    with progress() as bar:
        task = bar.add_task(f"backfill ({engine.value})", total=None)

        def advance(batch: Pending, totals: Totals) -> None:
            bar.update(
                task,
                advance=batch.size,
                description=f"backfill ({engine.value}): {totals.inserted} new events",
            )

        settings = _settings(model, gazetteer, classifier)
        try:
            runner: Literal["local", "dask"] = "dask" if engine is Runner.dask else "local"
            totals = backfill(database, items, settings, runner, scheduler, workers, batch_size, advance)
        except KeyboardInterrupt:
            stderr.print("interrupted: saved batches are kept; run the same command again to go on")
            raise typer.Exit(EXIT_FAILED_INPUTS) from None
        except OSError as error:
            stderr.print(f"[red]sitmap cannot start:[/red] {type(error).__name__}: {error}", highlight=False)
            raise typer.Exit(EXIT_UNAVAILABLE) from None
    for origin in totals.failed:
        stderr.print(f"[red]failed[/red] {origin}", highlight=False)
    stderr.print(totals.summary(), highlight=False)
    raise typer.Exit(EXIT_FAILED_INPUTS if totals.failures else EXIT_OK)


def _settings(model: str, gazetteer: Path | None, classifier: bool) -> Any:
    from sitmap.scale.backfill import Settings

    return Settings(model, gazetteer, classifier)


def _open(db: str | None) -> Any:
    from sitmap import store

    return store.open_database(db)


def _feed_table(reports: list[Any]) -> None:
    table = Table("feed", "status", "new", "ingested", "failed", "retry", "failures", "next poll", "error")
    now = datetime.now(UTC)
    for report in reports:
        state = report.state
        wait = f"in {max(0, int((state.next_poll - now).total_seconds()))} s" if state.next_poll else ""
        colour = {"failing": "red", "ok": "green"}.get(state.status, "")
        status = f"[{colour}]{state.status}[/{colour}]" if colour else state.status
        counts = (report.new, report.ingested, report.failed, report.pending, state.failures)
        table.add_row(state.url, status, *map(str, counts), wait, state.last_error)
    stderr.print(table)
