"""The events a batch is matched against while it is saved: which could report the same event.

``may_match`` is the cheap test before ``merge.match``: within a week, in the same country (or
none), and near in space. ``Pool`` holds the stored events a batch read, and the batch's events
as they are inserted or merged, indexed by day, so that each new event is tested only against
the events of its fortnight and not against every event the batch read.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Protocol, TypeVar

from sitmap.model import Event

# How far apart two reports of one event can be dated and still be compared.
MERGE_WINDOW = timedelta(days=7)
# Half-size in degrees of latitude of the box searched for merge candidates (about 110 km).
CANDIDATE_DEGREES = 1.0

Row = TypeVar("Row", bound=Mapping[Any, Any])


class Placed(Protocol):
    """What ``may_match`` reads of an event: an Event, or a stored row before it is loaded."""

    @property
    def event_id(self) -> str: ...
    @property
    def event_date(self) -> date | None: ...
    @property
    def country(self) -> str: ...
    @property
    def admin1(self) -> str: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


class RowPlace:
    """The fields of a stored ``events`` row that ``may_match`` reads."""

    __slots__ = ("event_id", "event_date", "country", "admin1", "latitude", "longitude")

    def __init__(self, row: Mapping[Any, Any]) -> None:
        self.event_id: str = row["event_id"]
        self.event_date: date | None = row["event_date"]
        self.country: str = row["country"]
        self.admin1: str = row["admin1"]
        self.latitude: float | None = row["latitude"]
        self.longitude: float | None = row["longitude"]


def may_match(stored: Placed, event: Event) -> bool:
    """A cheap pre-filter for ``merge.match``: near in time, and near in space, same admin1 or unplaced.

    It keeps everything within a week and about 110 km (the widest tolerance of a match is 60 km).
    """
    if stored.event_id == event.event_id:
        return True
    if event.event_date is None or stored.event_date is None:
        if event.event_date is not stored.event_date:
            return False
    elif abs(stored.event_date - event.event_date) > MERGE_WINDOW:
        return False
    if event.country and stored.country not in (event.country, ""):
        return False
    if (
        event.latitude is None
        or event.longitude is None
        or stored.latitude is None
        or stored.longitude is None
    ):
        return True
    if event.admin1 and stored.admin1 == event.admin1:
        return True
    lon_span = CANDIDATE_DEGREES / max(math.cos(math.radians(event.latitude)), 0.2)
    return (
        abs(stored.latitude - event.latitude) <= CANDIDATE_DEGREES
        and abs(stored.longitude - event.longitude) <= lon_span
    )


def date_intervals(new: Sequence[Event]) -> list[tuple[str, tuple[date, date]]]:
    """Per country ("" for an event placed in none), the dated events' days widened by the merge
    window, overlapping intervals joined."""
    days: dict[str, set[date]] = defaultdict(set)
    for event in new:
        if event.event_date is not None:
            days[event.country].add(event.event_date)
    intervals: list[tuple[str, tuple[date, date]]] = []
    for country in sorted(days):
        joined: list[list[date]] = []
        for day in sorted(days[country]):
            if joined and day - MERGE_WINDOW <= joined[-1][1]:
                joined[-1][1] = day + MERGE_WINDOW
            else:
                joined.append([day - MERGE_WINDOW, day + MERGE_WINDOW])
        intervals += [(country, (start, end)) for start, end in joined]
    return intervals


def rows_near(rows: Iterable[Row], new: Sequence[Event]) -> list[Row]:
    """The stored ``rows`` that ``may_match`` keeps for at least one of ``new``, in their order."""
    by_day: dict[date | None, list[Event]] = defaultdict(list)
    by_id = {event.event_id: event for event in new}
    for event in new:
        by_day[event.event_date].append(event)
    kept = []
    for row in rows:
        place = RowPlace(row)
        same = by_id.get(place.event_id)
        near = [same] if same is not None else []
        near += (event for day in _days_around(place.event_date) for event in by_day.get(day, ()))
        if any(may_match(place, event) for event in near):
            kept.append(row)
    return kept


class Pool:
    """Events by id in the order they entered (a replaced event keeps its place), indexed by day."""

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self._events: dict[str, Event] = {}
        self._order: dict[str, int] = {}
        self._by_day: dict[date | None, set[str]] = defaultdict(set)
        for event in events:
            self.put(event)

    def put(self, event: Event) -> None:
        """Add ``event``, or replace the event of its id (which keeps its place in the order)."""
        old = self._events.get(event.event_id)
        if old is None:
            self._order[event.event_id] = len(self._order)
        else:
            self._by_day[old.event_date].discard(event.event_id)
        self._events[event.event_id] = event
        self._by_day[event.event_date].add(event.event_id)

    def near(self, event: Event) -> list[Event]:
        """The events ``may_match`` keeps for ``event``, in pool order (ties go to the earliest)."""
        ids = {i for day in _days_around(event.event_date) for i in self._by_day.get(day, ())}
        if event.event_id in self._events:
            ids.add(event.event_id)
        found = (self._events[i] for i in sorted(ids, key=self._order.__getitem__))
        return [stored for stored in found if may_match(stored, event)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._events)

    def __getitem__(self, event_id: str) -> Event:
        return self._events[event_id]


def _days_around(day: date | None) -> list[date | None]:
    """The days within the merge window of ``day`` (an undated event is compared with undated ones)."""
    if day is None:
        return [None]
    return [day + timedelta(days=offset) for offset in range(-MERGE_WINDOW.days, MERGE_WINDOW.days + 1)]
