"""Commands that code articles: `extract` (stateless), `ingest` (into the database), `geoparse`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitmap import ingest
from sitmap.cli.app import FormatOption, RowFormat, app, open_engine, print_events, print_rows
from sitmap.commandline import (
    EXIT_FAILED_INPUTS,
    EXIT_OK,
    BatchOption,
    ClassifierOption,
    DbOption,
    GazetteerOption,
    Inputs,
    MaxBytesOption,
    ModelOption,
    PublishedOption,
    WorkersOption,
    exit_quickly_when_done,
    guard,
    parse_date,
    progress,
    stderr,
)
from sitmap.model import Document, Event, Failure

if TYPE_CHECKING:
    from sitmap.pipeline import Resources

# Documents coded together by `extract`: the parse and the classifier run once per batch.
EXTRACT_BATCH = 50


@app.command()
def extract(
    inputs: Inputs,
    format: FormatOption = RowFormat.jsonl,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = ingest.DEFAULT_MAX_BYTES,
    model: ModelOption = "",
    gazetteer: GazetteerOption = None,
    classifier: ClassifierOption = True,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge/--no-merge",
            help="Merge reports of one event across the inputs (default: each document's events on their own).",
        ),
    ] = False,
    workers: WorkersOption = None,
    batch_size: Annotated[
        int,
        typer.Option("--batch-size", help="Documents coded together (parsed and classified at once).", min=1),
    ] = EXTRACT_BATCH,
) -> None:
    """Print the events coded from INPUTS (stateless: no database is read or written)."""
    from sitmap.merge import merge_events
    from sitmap.scale.pool import available_cores

    exit_quickly_when_done()
    resources = _resources(model, gazetteer, classifier)
    items = ingest.read_inputs(inputs, published=parse_date(published), max_bytes=max_bytes)
    failed: list[Failure] = []
    # coded in batches and written as they come (JSON lines and CSV stream); --merge needs them all
    events = _coded(items, resources, failed, workers or available_cores(), batch_size)
    print_events(merge_events(list(events)) if merge else events, format.value)
    raise typer.Exit(EXIT_FAILED_INPUTS if failed else EXIT_OK)


def _coded(
    items: Iterable[Document | Failure],
    resources: Resources,
    failed: list[Failure],
    workers: int,
    batch_size: int = EXTRACT_BATCH,
) -> Iterator[Event]:
    """The events of each document, one batch at a time, in input order, the batches coded on
    ``workers`` processes; failed inputs reported and kept in ``failed``."""
    from sitmap.scale.batches import batches
    from sitmap.scale.pool import code_batches

    unread: list[Failure] = []  # inputs that failed to read, reported with their batch's results

    def documents() -> Iterator[list[Document]]:
        for batch in batches(items, batch_size):
            unread.extend(item for item in batch if isinstance(item, Failure))
            yield [item for item in batch if isinstance(item, Document)]

    for result in code_batches(documents(), resources, workers):
        for failure in [*unread, *result.failures]:
            _report(failure)
            failed.append(failure)
        unread.clear()
        yield from result.events
    for failure in unread:
        _report(failure)
        failed.append(failure)


@app.command(name="ingest")
def ingest_command(
    inputs: Inputs,
    db: DbOption = None,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = ingest.DEFAULT_MAX_BYTES,
    batch_size: BatchOption = 50,
    workers: WorkersOption = None,
    model: ModelOption = "",
    gazetteer: GazetteerOption = None,
    classifier: ClassifierOption = True,
) -> None:
    """Code INPUTS into the event database; documents already stored are skipped (re-running is safe)."""
    from sitmap.scale.batches import Pending, Totals, code_and_save_all
    from sitmap.scale.pool import available_cores

    engine = open_engine(db)
    resources = _resources(model, gazetteer, classifier)
    items = ingest.read_inputs(inputs, published=parse_date(published), max_bytes=max_bytes)
    with progress() as bar:
        task = bar.add_task("ingesting", total=None)
        reported = 0

        def saved(batch: Pending, totals: Totals) -> None:
            nonlocal reported
            for failure in totals.failed[reported:]:
                bar.console.print(f"[red]failed[/red] {failure}", highlight=False)
            reported = len(totals.failed)
            bar.update(task, advance=batch.size)

        totals = code_and_save_all(engine, items, resources, batch_size, workers or available_cores(), saved)
    stderr.print(totals.summary(), highlight=False)
    raise typer.Exit(EXIT_FAILED_INPUTS if totals.failures else EXIT_OK)


@app.command()
def geoparse(
    inputs: Inputs,
    format: FormatOption = RowFormat.jsonl,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = ingest.DEFAULT_MAX_BYTES,
    gazetteer: GazetteerOption = None,
) -> None:
    """Print every toponym found in INPUTS with its resolved place (one JSON object per toponym)."""
    from sitmap import geo, nlp

    exit_quickly_when_done()
    from sitmap.heap import settle_heap

    loaded = guard(lambda: geo.load_gazetteer(gazetteer))
    settle_heap()
    documents, failures = _read(inputs, published, max_bytes)
    for document in documents:
        toponyms = geo.locate(document, nlp.split_sentences(document.text), loaded)
        print_rows([geo.toponym_record(t) for t in toponyms], format)
    raise typer.Exit(EXIT_FAILED_INPUTS if failures else EXIT_OK)


def _read(inputs: list[str], published: str | None, max_bytes: int) -> tuple[list[Document], list[Failure]]:
    documents: list[Document] = []
    failures: list[Failure] = []
    for item in ingest.read_inputs(inputs, published=parse_date(published), max_bytes=max_bytes):
        if isinstance(item, Failure):
            _report(item)
            failures.append(item)
        else:
            documents.append(item)
    return documents, failures


def _report(failure: Failure) -> None:
    stderr.print(f"[red]failed[/red] {failure.origin}: {failure.reason}", highlight=False)


def _resources(model: str, gazetteer: Path | None, classifier: bool):  # type: ignore[no-untyped-def]
    from sitmap.nlp import DEFAULT_MODEL
    from sitmap.pipeline import load_resources

    return guard(lambda: load_resources(model or DEFAULT_MODEL, gazetteer, classifier))
