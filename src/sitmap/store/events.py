"""Events in the database: saving a processed batch with incremental merging, and querying.

A new event is compared with the stored events of nearby days; when ``sitmap.merge.match`` says
they are the same, the stored event absorbs it (keeping its id) and the decision is logged in
``merges`` so ``sitmap events --explain`` can show why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    update,
)

from sitmap import merge
from sitmap.model import Event, Evidence, Failure, Result, Source, Statistic
from sitmap.store import spatial
from sitmap.store.documents import document_row, failure_row, store_documents
from sitmap.store.pool import Pool, date_intervals, rows_near
from sitmap.store.records import (
    EVIDENCE_COLUMNS,
    SOURCE_COLUMNS,
    event_from_rows,
    event_row,
    evidence_rows,
    source_rows,
    statistic_from_row,
    statistic_row,
)
from sitmap.store.schema import events, evidence, merges, sources, statistics

# What makes a row of ``sources`` and of ``evidence`` one of its own.
SOURCE_KEY = ("doc_id",)
EVIDENCE_KEY = ("doc_id", "sentence", "start", "end", "field")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``query_events`` selects; every field is optional."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    doc_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    near: tuple[float, float, float] | None = None  # latitude, longitude, km
    limit: int | None = None
    offset: int = 0


@dataclass(slots=True)
class SaveReport:
    """What one saved batch changed."""

    documents: int = 0
    failures: int = 0
    inserted: int = 0
    merged: int = 0
    statistics: int = 0
    event_ids: list[str] = field(default_factory=list)


def save_result(engine: Engine, result: Result) -> SaveReport:
    """Store a processed batch in one transaction: its documents, failures, events and statistics."""
    report = SaveReport()
    with engine.begin() as connection:
        _lock_writers(connection)
        for failure in result.failures:
            _store_failure(connection, failure)
            report.failures += 1
        counts: dict[str, int] = {}
        for event_id, merged, event in _store_events(connection, result.events):
            report.event_ids.append(event_id)
            report.merged += merged
            report.inserted += not merged
            for source in event.sources:
                counts[source.doc_id] = counts.get(source.doc_id, 0) + 1
        report.statistics += _store_statistics(connection, result.statistics)
        store_documents(connection, [document_row(d, counts.get(d.id, 0)) for d in result.documents])
        report.documents += len(result.documents)
    return report


def _lock_writers(connection: Connection) -> None:
    """Make concurrent writers save one batch at a time, each seeing what the others stored.

    Without this, two writers read the stored events before either commits, and both insert the
    same document, or two reports of one event as two events (issue 8).
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7425002)")
    elif connection.dialect.name == "sqlite":
        # Takes the write lock before the first read; pysqlite would begin only at the first write.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def query_events(engine: Engine, where: EventFilter = EventFilter()) -> list[Event]:
    """Stored events matching ``where``, by date then id."""
    query = filtered(select(events), where, spatial.has_postgis(engine)).order_by(
        events.c.event_date, events.c.event_id
    )
    if where.limit:
        query = query.limit(where.limit)
    if where.offset:
        query = query.offset(where.offset)
    with engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(query)]
        return _with_children(connection, rows)


def count_events(engine: Engine, where: EventFilter = EventFilter()) -> int:
    """How many stored events match ``where`` (ignoring limit and offset)."""
    query = filtered(select(func.count()).select_from(events), where, spatial.has_postgis(engine))
    with engine.connect() as connection:
        return int(connection.scalar(query) or 0)


def get_event(engine: Engine, event_id: str) -> Event | None:
    """One stored event with its sources and evidence, or None."""
    with engine.connect() as connection:
        row = connection.execute(select(events).where(events.c.event_id == event_id)).first()
        if row is None:
            return None
        return _with_children(connection, [dict(row._mapping)])[0]


def merge_log(engine: Engine, event_id: str) -> list[dict[str, Any]]:
    """The reports merged into an event: which document, which candidate id, the score and reasons."""
    query = select(merges).where(merges.c.event_id == event_id).order_by(merges.c.id)
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query)]


def query_statistics(engine: Engine, doc_id: str | None = None) -> list[Statistic]:
    """Stored statistics (country- or region-level figures), optionally of one document."""
    query = select(statistics).order_by(statistics.c.period_end, statistics.c.id)
    if doc_id:
        query = query.where(statistics.c.doc_id == doc_id)
    with engine.connect() as connection:
        return [statistic_from_row(dict(r._mapping)) for r in connection.execute(query)]


def filtered(query: Any, where: EventFilter, postgis: bool = False) -> Any:
    """``query`` narrowed to the events ``where`` selects (shared by lists, counts and statistics).

    ``postgis`` says the server has PostGIS (``spatial.has_postgis``) for the ``near`` filter.
    """
    if where.since:
        query = query.where(events.c.event_date >= where.since)
    if where.until:
        query = query.where(events.c.event_date <= where.until)
    if where.country:
        query = query.where(
            or_(
                func.lower(events.c.country) == where.country.lower(),
                func.lower(events.c.iso3) == where.country.lower(),
            )
        )
    if where.admin1:
        query = query.where(func.lower(events.c.admin1) == where.admin1.lower())
    if where.event_type:
        query = query.where(
            or_(func.lower(events.c.event_type) == where.event_type.lower(),
                func.lower(events.c.sub_event_type) == where.event_type.lower())
        )  # fmt: skip
    if where.sub_event_type:
        query = query.where(func.lower(events.c.sub_event_type) == where.sub_event_type.lower())
    if where.actor:
        pattern = f"%{where.actor.lower()}%"
        query = query.where(
            or_(*(func.lower(c).like(pattern) for c in (events.c.actor1, events.c.actor2,
                                                        events.c.assoc_actor_1, events.c.assoc_actor_2)))
        )  # fmt: skip
    if where.text:
        pattern = f"%{where.text.lower()}%"
        in_evidence = select(evidence.c.event_id).where(func.lower(evidence.c.text).like(pattern))
        query = query.where(
            or_(func.lower(events.c.notes).like(pattern), func.lower(events.c.location).like(pattern),
                events.c.event_id.in_(in_evidence))
        )  # fmt: skip
    if where.doc_id:
        query = query.where(
            events.c.event_id.in_(select(sources.c.event_id).where(sources.c.doc_id == where.doc_id))
        )
    if where.bbox:
        west, south, east, north = where.bbox
        query = query.where(
            events.c.longitude >= west, events.c.longitude <= east,
            events.c.latitude >= south, events.c.latitude <= north,
        )  # fmt: skip
    if where.near:
        query = query.where(spatial.within(where.near, postgis))
    return query


def _with_children(connection: Connection, rows: list[dict[str, Any]]) -> list[Event]:
    ids = [row["event_id"] for row in rows]
    by_event_sources: dict[str, list[Source]] = {i: [] for i in ids}
    by_event_evidence: dict[str, list[Evidence]] = {i: [] for i in ids}
    source_columns = [sources.c[name] for name in SOURCE_COLUMNS]
    evidence_columns = [evidence.c[name] for name in EVIDENCE_COLUMNS]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(sources.c.event_id, *source_columns).where(sources.c.event_id.in_(chunk))
        for event_id, *values in connection.execute(query.order_by(sources.c.doc_id)):
            by_event_sources[event_id].append(Source(*values))
        query = select(evidence.c.event_id, *evidence_columns).where(evidence.c.event_id.in_(chunk))
        for event_id, *values in connection.execute(query.order_by(evidence.c.id)):
            by_event_evidence[event_id].append(Evidence(*values))
    return [
        event_from_rows(row, by_event_sources[row["event_id"]], by_event_evidence[row["event_id"]])
        for row in rows
    ]


def _store_failure(connection: Connection, failure: Failure) -> None:
    existing = connection.execute(
        select(func.count())
        .select_from(events)
        .where(events.c.event_id.in_(select(sources.c.event_id).where(sources.c.doc_id == failure.doc_id)))
    ).scalar()
    if not existing:
        store_documents(connection, [failure_row(failure)])


def _store_events(connection: Connection, new: Sequence[Event]) -> list[tuple[str, bool, Event]]:
    """Insert each new event or merge it into the stored event it reports: (stored id, merged?, event).

    The stored events a batch could merge with are read in one query and matched in memory;
    the batch's inserts, updates and merge decisions are then written in a few statements.
    """
    stored = _candidate_pool(connection, new)  # as read: an update writes only the rows it gained
    pool = Pool(stored.values())
    inserted: dict[str, Event] = {}
    updated: dict[str, Event] = {}
    decisions: list[dict[str, Any]] = []
    outcome: list[tuple[str, bool, Event]] = []
    now = datetime.now(UTC)
    for event in new:
        best = _best_match(event, pool.near(event))
        if best is None:
            pool.put(event)
            inserted[event.event_id] = event
            outcome.append((event.event_id, False, event))
            continue
        kept, verdict = best
        combined = merge.combine(kept, event)
        pool.put(combined)
        (inserted if kept.event_id in inserted else updated)[kept.event_id] = combined
        decisions += [
            {"event_id": kept.event_id, "merged_id": event.event_id, "doc_id": source.doc_id,
             "score": verdict.score, "reasons": list(verdict.reasons), "merged_at": now}
            for source in event.sources
        ]  # fmt: skip
        outcome.append((kept.event_id, True, event))
    _write_events(connection, list(inserted.values()), [(stored[i], e) for i, e in updated.items()], now)
    if decisions:
        connection.execute(insert(merges), decisions)
    return outcome


def _best_match(event: Event, candidates: list[Event]) -> tuple[Event, merge.Match] | None:
    best: tuple[Event, merge.Match] | None = None
    for candidate in candidates:
        if candidate.event_id != event.event_id and not merge.could_match(candidate, event):
            continue  # a gate blocks the pair: match would say "different"
        verdict = merge.match(candidate, event)
        if candidate.event_id == event.event_id:
            return candidate, verdict
        if verdict.same and (best is None or verdict.score > best[1].score):
            best = (candidate, verdict)
    return best


def _candidate_pool(connection: Connection, new: Sequence[Event]) -> dict[str, Event]:
    """The stored events that could report one of ``new``: the same id, or within a week of one of
    them in its country (or in none), as ``pool.may_match`` asks; only the rows it keeps for one of
    ``new`` are read with their sources and evidence.

    A batch's events can span years and countries (an archive is read in file order), so the
    query asks for each country's merged date intervals, not for one span: the pool stays the
    events near the batch's, however large the database grows.
    """
    if not new:
        return {}
    alternatives: list[ColumnElement[bool]] = [events.c.event_id.in_([e.event_id for e in new])]
    for country, (start, end) in date_intervals(new):
        near: ColumnElement[bool] = events.c.event_date.between(start, end)
        if country:
            near = and_(near, events.c.country.in_([country, ""]))
        alternatives.append(near)
    if any(e.event_date is None for e in new):
        alternatives.append(events.c.event_date.is_(None))
    found = connection.execute(select(events).where(or_(*alternatives)).order_by(events.c.event_id))
    # Only the rows ``pool.may_match`` keeps for one of the new events are read with their sources
    # and evidence (a row's fields, and the new events', do not change while the batch is matched);
    # in id order, so a tie between two stored events goes to the same one on every database.
    rows = [dict(row) for row in rows_near([r._mapping for r in found], new)]
    return {e.event_id: e for e in _with_children(connection, rows)}


def _write_events(
    connection: Connection, inserted: list[Event], updated: list[tuple[Event, Event]], now: datetime
) -> None:
    """Insert the new events; update the merged ones (stored as read, combined), adding only the
    sources and evidence each gained: stored rows keep their ids, so evidence reads back in order."""
    if inserted:
        connection.execute(
            insert(events), [{**event_row(e), "created_at": now, "updated_at": now} for e in inserted]
        )
    if updated:
        connection.execute(
            update(events).where(events.c.event_id == bindparam("old_id")),
            [{**event_row(e), "old_id": e.event_id, "updated_at": now} for _, e in updated],
        )
    changed = [(None, e) for e in inserted] + updated
    source_batch = [
        row
        for was, e in changed
        for row in _new_rows(source_rows(e), SOURCE_KEY, source_rows(was) if was else [])
    ]
    evidence_batch = [
        row
        for was, e in changed
        for row in _new_rows(evidence_rows(e), EVIDENCE_KEY, evidence_rows(was) if was else [])
    ]
    if source_batch:
        connection.execute(insert(sources), source_batch)
    if evidence_batch:
        connection.execute(insert(evidence), evidence_batch)


def _new_rows(
    rows: Sequence[dict[str, Any]], keys: tuple[str, ...], stored: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The first of ``rows`` with each key, leaving out the keys of the ``stored`` rows."""
    seen = {tuple(row[k] for k in keys) for row in stored}
    fresh = []
    for row in rows:
        key = tuple(row[k] for k in keys)
        if key not in seen:
            seen.add(key)
            fresh.append(row)
    return fresh


def _store_statistics(connection: Connection, found: Sequence[Statistic]) -> int:
    """Insert the statistics not stored yet (a statistic's id hashes what it says and where); how many."""
    rows: dict[str, dict[str, Any]] = {}
    for statistic in found:
        doc_id = statistic.evidence.doc_id if statistic.evidence else ""
        key = hashlib.sha1(
            f"{doc_id}|{statistic.scope}|{statistic.what}|{statistic.value}|{statistic.period_start}|{statistic.period_end}".encode()
        ).hexdigest()[:20]
        rows.setdefault(key, statistic_row(statistic, doc_id, key))
    keys = list(rows)
    for start in range(0, len(keys), 500):
        query = select(statistics.c.id).where(statistics.c.id.in_(keys[start : start + 500]))
        for stored in connection.scalars(query):
            del rows[stored]
    if rows:
        connection.execute(insert(statistics), list(rows.values()))
    return len(rows)
