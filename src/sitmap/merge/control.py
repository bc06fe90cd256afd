"""Who controls which place, and since when, read from territory events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sitmap.merge.names import normalise_actor, normalise_place
from sitmap.model import Event


@dataclass(frozen=True, slots=True)
class Control:
    """One place's controlling actor as of a date, since when, and the events that show it."""

    place: str
    actor: str
    since: date
    previous_actor: str
    event_ids: tuple[str, ...]
    country: str = ""
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None


def control_timeline(
    events: Sequence[Event], at: date | None = None, country: str | None = None
) -> list[Control]:
    """Per place, who holds it as of ``at`` (default: the latest event) and since when.

    The controller is the ``to_actor`` of the latest change of control on or before ``at``;
    ``since`` is the first event of the unbroken run of events that give the place to that actor,
    and those events support the answer. Places sort by country then name.
    """
    by_place: dict[object, list[Event]] = {}
    for event in events:
        if event.territory is None or event.event_date is None:
            continue
        if at is not None and event.event_date > at:
            continue
        if country and country.lower() not in (event.country.lower(), event.iso3.lower()):
            continue
        by_place.setdefault(_place_key(event), []).append(event)
    timeline = [
        _control(sorted(history, key=lambda e: (e.event_date, e.event_id))) for history in by_place.values()
    ]
    return sorted(timeline, key=lambda control: (control.country, control.place))


def _place_key(event: Event) -> object:
    if event.geonameid is not None:
        return event.geonameid
    return normalise_place(event.territory.place if event.territory else event.location)


def _control(history: list[Event]) -> Control:
    """The latest holder of a place from its changes of control, oldest first."""
    last = history[-1]
    holder = normalise_actor(last.territory.to_actor)  # type: ignore[union-attr]
    run = [last]
    for event in reversed(history[:-1]):
        if normalise_actor(event.territory.to_actor) != holder:  # type: ignore[union-attr]
            break
        run.insert(0, event)
    first = run[0]
    return Control(
        place=last.territory.place or last.location,  # type: ignore[union-attr]
        actor=last.territory.to_actor,  # type: ignore[union-attr]
        since=first.event_date,  # type: ignore[arg-type]
        previous_actor=first.territory.from_actor,  # type: ignore[union-attr]
        event_ids=tuple(event.event_id for event in run),
        country=last.country,
        admin1=last.admin1,
        latitude=last.latitude,
        longitude=last.longitude,
        geonameid=last.geonameid,
    )
