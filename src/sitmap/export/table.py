"""Human-readable output: events and plain rows as rich tables (or CSV rows) on a terminal."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table

from sitmap.model import Event

_EVENT_COLUMNS = ("event_id", "event_date", "sub_event_type", "actor1", "actor2", "location", "admin1",
                  "country", "fatalities", "claimed_by")  # fmt: skip


def write_table(events: Iterable[Event], out: TextIO) -> int:
    """Write events as a table of their main fields; the number written."""
    table = Table(*_EVENT_COLUMNS)
    count = 0
    for event in events:
        table.add_row(*(_text(getattr(event, name)) for name in _EVENT_COLUMNS))
        count += 1
    _console(out).print(table)
    return count


def write_rows(rows: Sequence[Mapping[str, object]], format: str, out: TextIO) -> None:
    """Write plain records as a table (``format`` "table") or CSV."""
    if not rows:
        return
    if format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(*rows[0].keys())
    for row in rows:
        table.add_row(*(_text(v) for v in row.values()))
    _console(out).print(table)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _console(out: TextIO) -> Console:
    # Piped output keeps whole rows readable instead of wrapping at 80 columns.
    return Console(file=out, width=None if out.isatty() else 200)
