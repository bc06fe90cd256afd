"""Backfill: code an archive in batches on this process or on a Dask cluster, saving as it goes.

Batches are cut, checked against the store and saved exactly as `sitmap ingest` does
(``sitmap.scale.batches``); only the coding (``pipeline.process``) moves to the workers. The
client saves the coded batches in input order, so the stored events are the ones a plain
ingest of the same inputs gives. Every batch is saved in its own transaction, so an
interrupted backfill started again skips what was saved and codes the rest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Engine

from sitmap.model import Document, Failure, Result
from sitmap.scale.batches import (
    DEFAULT_BATCH_SIZE,
    Pending,
    Totals,
    batches,
    code_and_save_all,
    pending,
    save,
)

if TYPE_CHECKING:
    from distributed import Client, Future

    from sitmap.pipeline import Resources

Runner = Literal["local", "dask"]
DEFAULT_WORKERS = 2
# Coded batches waiting to be saved, per worker: enough to keep every worker busy while the
# client saves, few enough to bound the client's memory.
BATCHES_IN_FLIGHT_PER_WORKER = 2

# Dask settings of the local cluster a backfill starts: a worker codes one batch after another, so
# the statistical profiler (a thread walking the coding thread's stack every 10 ms), twice-a-second
# system monitoring and the event-loop health check every 20 ms (in the client and in every worker;
# it only warns of a loop blocked for 3 s) take CPU from the coding; the A/B figures are in
# docs/scale.md. A cluster given by address keeps its own settings.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.admin.tick.interval": "1s",
}

OnBatch = Callable[[Pending, Totals], None]
InFlight = tuple[Pending, "Future[Result] | None"]


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker loads once: the spaCy pipeline, the gazetteer, whether to use the classifier."""

    model: str = ""
    gazetteer: Path | None = None
    classifier: bool = True

    def load(self) -> Resources:
        """The pipeline's resources for these settings."""
        from sitmap.nlp import DEFAULT_MODEL
        from sitmap.pipeline import load_resources

        return load_resources(self.model or DEFAULT_MODEL, self.gazetteer, self.classifier)


def backfill(
    engine: Engine,
    items: Iterable[Document | Failure],
    settings: Settings,
    runner: Runner = "dask",
    scheduler: str | None = None,
    workers: int = DEFAULT_WORKERS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: OnBatch | None = None,
) -> Totals:
    """Code and store ``items``; the totals of what was coded, skipped and failed.

    ``runner`` "local" codes in this process; "dask" on the cluster at ``scheduler``, or on a
    new local cluster of ``workers`` processes when no address is given.
    """
    if runner == "local":
        return _backfill_here(engine, items, settings, batch_size, on_batch)
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            return _backfill_on(client, engine, items, settings, batch_size, on_batch)
    import dask

    cluster_options: dict[str, Any] = {"n_workers": workers, "threads_per_worker": 1, "processes": True}
    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        LocalCluster(dashboard_address=None, **cluster_options) as cluster,
        Client(cluster) as client,
    ):
        return _backfill_on(client, engine, items, settings, batch_size, on_batch)


def _backfill_here(
    engine: Engine,
    items: Iterable[Document | Failure],
    settings: Settings,
    batch_size: int,
    on_batch: OnBatch | None,
) -> Totals:
    return code_and_save_all(engine, items, settings.load(), batch_size, 1, on_batch)


def _backfill_on(
    client: Client,
    engine: Engine,
    items: Iterable[Document | Failure],
    settings: Settings,
    batch_size: int,
    on_batch: OnBatch | None,
) -> Totals:
    from sitmap.scale.workers import PLUGIN_NAME, ResourcesPlugin, code_on_worker

    client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)
    limit = BATCHES_IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    totals = Totals()
    seen: set[str] = set()
    in_flight: deque[InFlight] = deque()
    for batch in batches(items, batch_size):
        # Ids sent in an earlier, unsaved batch count as stored, as they would be in a plain ingest.
        todo = pending(engine, batch, seen)
        future = client.submit(code_on_worker, todo.documents, pure=False) if todo.documents else None
        in_flight.append((todo, future))
        while len(in_flight) >= limit:
            _save_oldest(engine, in_flight, totals, on_batch)
    while in_flight:
        _save_oldest(engine, in_flight, totals, on_batch)
    return totals


def _save_oldest(
    engine: Engine, in_flight: deque[InFlight], totals: Totals, on_batch: OnBatch | None
) -> None:
    todo, future = in_flight.popleft()
    result = future.result() if future is not None else Result()
    if future is not None:
        future.release()
    _saved(engine, todo, result, totals, on_batch)


def _saved(engine: Engine, todo: Pending, result: Result, totals: Totals, on_batch: OnBatch | None) -> None:
    totals.add(todo, save(engine, todo, result), result)
    if on_batch is not None:
        on_batch(todo, totals)
