"""Pieces every `sitmap` command shares, listed once: option types, exit codes, dates, progress.

`cli.py` and the command modules of the stages (`geo/commands.py`, `api/commands.py`,
`scale/commands.py`) all take their options from here, so an option reads the same everywhere.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, TypeVar

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

from sitmap.ingest import DEFAULT_MAX_BYTES

# Exit codes (README "Exit codes"): every input coded; some inputs failed and were recorded;
# usage error; sitmap could not start (database, model or gazetteer missing or unreachable).
EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3

stderr = Console(stderr=True)

# Set by the stateless commands that load the language model and the embedding session: Python
# takes 0.4-0.6 s to tear those down at exit, once all the output is written, for nothing.
_quick_exit = False


def exit_quickly_when_done() -> None:
    """Let ``finish`` end this process without the interpreter's teardown (nothing is left to save)."""
    global _quick_exit
    _quick_exit = True


def finish(code: int | str | None) -> None:
    """End a command that exits with ``code``: at once after flushing if ``exit_quickly_when_done``
    was called, else by ``SystemExit`` as usual."""
    if not _quick_exit:
        raise SystemExit(code)
    if isinstance(code, str):
        print(code, file=sys.stderr)
    status = code if isinstance(code, int) else (0 if code is None else 1)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: Python's own exit would fail the same way
        status = status or 1
    logging.shutdown()
    os._exit(status)


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
    typer.Option(
        "--gazetteer",
        help="Gazetteer store (SQLite) [env SITMAP_GAZETTEER; default ~/.cache/sitmap/, built on first use].",
        envvar="SITMAP_GAZETTEER",
    ),
]
ClassifierOption = Annotated[
    bool,
    typer.Option(
        "--classifier/--no-classifier", help="Use the learned sub-event classifier besides the rules."
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        help="Processes coding at once when the inputs fill more than one batch "
        "(default: one per core this process may use).",
        min=1,
        show_default=False,
    ),
]
BatchOption = Annotated[
    int, typer.Option("--batch-size", help="Documents coded and saved per transaction.", min=1)
]

__all__ = [
    "DEFAULT_MAX_BYTES", "EXIT_FAILED_INPUTS", "EXIT_OK", "EXIT_UNAVAILABLE", "EXIT_USAGE", "BatchOption",
    "ClassifierOption", "DbOption", "GazetteerOption", "Inputs", "MaxBytesOption", "ModelOption",
    "PublishedOption", "WorkersOption", "guard", "parse_date", "progress", "stderr",
]  # fmt: skip

T = TypeVar("T")


def parse_date(value: str | None) -> date | None:
    """The date an option gave, or a usage error naming the expected form."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date YYYY-MM-DD, got {value!r}") from None


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """The LAT,LON,KM an option gave, or a usage error saying what is wrong with it."""
    if value is None:
        return None
    from sitmap.store.spatial import parse_near as parse

    try:
        return parse(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def guard(load: Callable[[], T]) -> T:
    """Run a loader; a missing model, gazetteer or database becomes one clear line and exit code 3."""
    try:
        return load()
    except Exception as error:  # noqa: BLE001 - any loader failure is reported, never a traceback
        stderr.print(f"[red]sitmap cannot start:[/red] {type(error).__name__}: {error}", highlight=False)
        raise typer.Exit(EXIT_UNAVAILABLE) from None


def progress() -> Progress:
    """A progress display on standard error for batch commands."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    return Progress(*columns, TimeElapsedColumn(), console=stderr, transient=False)
