"""Coding batches on this machine's cores: processes forked from one that loaded the resources.

`sitmap extract` and `sitmap ingest` of many articles code their batches here, one process per
core, and get the results back in input order: a batch's coding depends on that batch alone, so
the results are the ones one process gives, whichever process codes a batch (`ingest` then saves
them in order, in this process, exactly as it saves batches it coded itself). The children are
forked after the parent loaded the spaCy pipeline, the gazetteer and the classifier, so they
start at once and share those pages with it until they write to them; each reopens its own
connection to the gazetteer's SQLite file (a connection must not cross a fork), and ``in_child``
lets the caller let go of its own (a database engine's pool).

A cluster of machines belongs to `sitmap backfill` (Dask); this is for one command on one
machine, and falls back to coding in this process for one batch or one core.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TYPE_CHECKING

from sitmap.model import Document, Result

if TYPE_CHECKING:
    from sitmap.pipeline import Resources

# Batches sent ahead per process: enough to keep each busy while the parent prints, few enough
# to bound the parent's memory on a long input.
BATCHES_AHEAD_PER_PROCESS = 2

# What a forked child inherits from its parent; set in the parent just before the fork.
_inherited: Resources | None = None
_merge_reports = False
_in_child: Callable[[], None] | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells, else all)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def code_batches(
    batches: Iterable[list[Document]],
    resources: Resources,
    processes: int,
    merge_reports: bool = False,
    in_child: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``pipeline.process(batch, resources, merge_reports)`` of each batch, in input order, on
    ``processes`` forked processes (in this one when ``processes`` is 1 or there is one batch).

    The batches are read ahead, at most ``BATCHES_AHEAD_PER_PROCESS`` per process beyond the
    result last given; ``in_child`` runs first in each forked process.
    """
    from sitmap.pipeline import process

    batches = iter(batches)
    head = list(islice(batches, 2))  # a second batch is what makes other processes worth starting
    if processes <= 1 or len(head) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for batch in chain(head, batches):
            yield process(batch, resources, merge_reports=merge_reports)
        return
    global _inherited, _merge_reports, _in_child
    _inherited, _merge_reports, _in_child = resources, merge_reports, in_child
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_start_child) as pool:
            ahead: deque[Future[Result]] = deque()
            for documents in chain(head, batches):
                ahead.append(pool.submit(_code, documents))
                if len(ahead) >= processes * BATCHES_AHEAD_PER_PROCESS:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
    finally:
        _inherited, _merge_reports, _in_child = None, False, None


def _start_child() -> None:
    if _inherited is not None:
        _inherited.gazetteer.reopen()
    if _in_child is not None:
        _in_child()


def _code(documents: list[Document]) -> Result:
    from sitmap.pipeline import process

    if _inherited is None:
        raise RuntimeError("a coding process was started without the parent's resources")
    return process(documents, _inherited, merge_reports=_merge_reports)
