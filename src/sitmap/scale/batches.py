"""Batches of inputs on their way to the store: skip what is stored, code the rest, save in one transaction.

`sitmap ingest`, `sitmap watch` and `sitmap backfill` cut their inputs the same way, so that a
backfill stores exactly the events a plain ingest would: the same batches, coded by
``pipeline.process``, saved in input order, each in one transaction (a batch is stored whole or
not at all, which is what makes a killed run safe to start again).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from sitmap import store
from sitmap.model import Document, Failure, Result

if TYPE_CHECKING:
    from sitmap.pipeline import Resources

DEFAULT_BATCH_SIZE = 50


@dataclass(frozen=True, slots=True)
class Pending:
    """One batch after the store was asked what it holds: documents to code, inputs that failed to read."""

    documents: list[Document]
    failures: list[Failure]
    skipped: int
    size: int


@dataclass(slots=True)
class Totals:
    """What a run has done so far, summed over its saved batches."""

    read: int = 0
    documents: int = 0
    skipped: int = 0
    failures: int = 0
    inserted: int = 0
    merged: int = 0
    statistics: int = 0
    failed: list[str] = field(default_factory=list)  # "origin: reason" of each input that failed

    def add(self, pending: Pending, report: store.SaveReport, result: Result) -> None:
        """Count one saved batch."""
        self.read += pending.size
        self.skipped += pending.skipped
        self.documents += report.documents
        self.failures += report.failures
        self.inserted += report.inserted
        self.merged += report.merged
        self.statistics += report.statistics
        self.failed += [
            f"{failure.origin}: {failure.reason}" for failure in pending.failures + result.failures
        ]

    def summary(self) -> str:
        """One line for the operator."""
        return (
            f"{self.documents} documents coded, {self.skipped} already stored, {self.failures} failed; "
            f"{self.inserted} new events, {self.merged} merged into existing ones, "
            f"{self.statistics} statistics"
        )


def batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    """``items`` cut into lists of ``size`` (the last may be shorter)."""
    batch: list[Document | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def pending(engine: Engine, batch: list[Document | Failure], seen: set[str] | None = None) -> Pending:
    """The documents of ``batch`` still to code: not stored yet, nor in ``seen`` (which it extends)."""
    documents = [item for item in batch if isinstance(item, Document)]
    failures = [item for item in batch if isinstance(item, Failure)]
    done = store.processed_ids(engine, [document.id for document in documents])
    if seen is not None:
        done |= seen
        seen.update(document.id for document in documents)
    fresh = [document for document in documents if document.id not in done]
    return Pending(fresh, failures, len(documents) - len(fresh), len(batch))


def save(engine: Engine, batch: Pending, result: Result) -> store.SaveReport:
    """Store a coded batch in one transaction, with the inputs that could not be read."""
    combined = Result(result.events, result.statistics, batch.failures + result.failures, result.documents)
    return store.save_result(engine, combined)


def code_and_save(
    engine: Engine, batch: list[Document | Failure], resources: Resources, totals: Totals
) -> Result:
    """Code the unstored documents of ``batch`` in this process and save them; returns the coded result."""
    from sitmap.pipeline import process

    todo = pending(engine, batch)
    result = process(todo.documents, resources)
    totals.add(todo, save(engine, todo, result), result)
    return result


def code_and_save_all(
    engine: Engine,
    items: Iterable[Document | Failure],
    resources: Resources,
    batch_size: int = DEFAULT_BATCH_SIZE,
    processes: int = 1,
    on_batch: Callable[[Pending, Totals], None] | None = None,
) -> Totals:
    """``code_and_save`` of every batch of ``items``, coded on ``processes`` forked processes
    (``sitmap.scale.pool``) and saved here in input order; ``on_batch`` after each save.

    Documents of a batch sent ahead but not saved yet count as stored for the batches after it,
    as they would once saved: the same documents are coded, and the same events stored, as when
    each batch is coded and saved before the next is read.
    """
    from sitmap.scale.pool import code_batches

    totals = Totals()
    seen: set[str] = set()
    todos: deque[Pending] = deque()

    def documents() -> Iterator[list[Document]]:
        for batch in batches(items, batch_size):
            todo = pending(engine, batch, seen)
            todos.append(todo)
            yield todo.documents

    # a forked process must not use (nor close) the connections of its parent's pool
    let_go = partial(engine.dispose, close=False)
    for result in code_batches(documents(), resources, processes, merge_reports=True, in_child=let_go):
        todo = todos.popleft()
        totals.add(todo, save(engine, todo, result), result)
        if on_batch is not None:
            on_batch(todo, totals)
    return totals
