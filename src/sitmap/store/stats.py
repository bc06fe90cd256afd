"""Counts of stored events and their fatalities, grouped by day, event type and admin1 region."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select

from sitmap.store import spatial
from sitmap.store.events import EventFilter, filtered  # one filter language for lists and counts
from sitmap.store.schema import events


@dataclass(frozen=True, slots=True)
class Tally:
    """How many events and fatalities fall under one key (a day, a type or a region)."""

    key: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class DailyTally:
    """Events and fatalities of one day and one event type."""

    day: date
    event_type: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures of ``/stats`` and the situation report, over the events a filter selects."""

    events: int
    fatalities: int
    first_day: date | None
    last_day: date | None
    by_day: list[Tally]
    by_type: list[Tally]
    by_admin1: list[Tally]
    by_day_and_type: list[DailyTally]


def summarise(engine: Engine, where: EventFilter | None = None) -> Summary:
    """Totals and breakdowns of the stored events matching ``where`` (limit and offset are ignored)."""
    where = where or EventFilter()
    count, deaths = func.count(), func.coalesce(func.sum(events.c.fatalities), 0)
    postgis = spatial.has_postgis(engine)
    with engine.connect() as connection:
        total = connection.execute(
            filtered(
                select(count, deaths, func.min(events.c.event_date), func.max(events.c.event_date)),
                where,
                postgis,
            )
        ).one()

        def grouped(*columns: Any) -> list[Any]:
            query = filtered(select(*columns, count, deaths), where, postgis)
            query = query.group_by(*columns).order_by(*columns)
            return list(connection.execute(query))

        by_day = [
            Tally(r[0].isoformat(), r[1], r[2]) for r in grouped(events.c.event_date) if r[0] is not None
        ]
        by_type = sorted((Tally(r[0], r[1], r[2]) for r in grouped(events.c.event_type)), key=_largest_first)
        by_admin1 = sorted(
            (Tally(r[0] or "", r[1], r[2]) for r in grouped(events.c.admin1)), key=_largest_first
        )
        by_day_and_type = [
            DailyTally(r[0], r[1], r[2], r[3])
            for r in grouped(events.c.event_date, events.c.event_type)
            if r[0] is not None
        ]
    return Summary(
        int(total[0]), int(total[1]), total[2], total[3], by_day, by_type, by_admin1, by_day_and_type
    )


def _largest_first(tally: Tally) -> tuple[int, int, str]:
    return (-tally.events, -tally.fatalities, tally.key)
