"""The `sitmap` Typer application and the output choices its commands share."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

import typer

from sitmap import export
from sitmap.commandline import guard
from sitmap.export import write_rows
from sitmap.model import Event

app = typer.Typer(
    name="sitmap",
    help="Turn conflict news into ACLED-style event data, with the evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class RowFormat(StrEnum):
    """Output formats for events coded on the fly and for plain records."""

    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class EventFormat(StrEnum):
    """Output formats for stored events."""

    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"
    table = "table"


FormatOption = Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")]


def print_events(events: Iterable[Event], format: str) -> None:
    """Write events to standard output in ``format``, as they come where the format allows."""
    export.WRITERS[format](events, sys.stdout)


def print_rows(rows: list[dict[str, Any]], format: RowFormat) -> None:
    """Write plain records to standard output: one JSON object a line, CSV, or a table."""
    if format is RowFormat.jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
        return
    write_rows(rows, format.value, sys.stdout)


def open_engine(db: str | None) -> Any:
    """The migrated database, or one clear line and exit code 3."""
    from sitmap import store

    return guard(lambda: store.open_database(db))
