"""One event out of several reports of it: sources, evidence and claims united, figures reconciled."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sitmap.merge.fatalities import Fatalities, reconcile_fatalities
from sitmap.merge.names import unread_actors
from sitmap.model import Event

MERGED_TAG = "merged:"
DEATHS_TAG = "deaths:"
# Confidence gained from a second, independent document: half the weaker report's confidence.
CORROBORATION = 0.5
_PLACE_FIELDS = (
    "country",
    "iso3",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "geonameid",
)
_TYPE_FIELDS = ("disorder_type", "event_type", "sub_event_type", "civilian_targeting", "notes")
_ACTOR_FIELDS = (("actor1", "inter1"), ("actor2", "inter2"), ("assoc_actor_1", None), ("assoc_actor_2", None))
_NON_STATE_INTERS = frozenset({2, 3, 4})
_T = TypeVar("_T")


def combine(kept: Event, other: Event) -> Event:
    """``kept`` with ``other`` folded in: ``kept``'s id, every source, evidence, claim and tag of both.

    The date comes from the more precise report, the place likewise; the type and actors come from the
    report that codes a change of control, else the more confident one, else ``kept``; empty actor
    fields are filled from the other report. Fatalities are reconciled across all claims.
    """
    if other == kept:
        return kept
    events = (kept, other)
    primary = _primary(kept, other)
    changes: dict[str, object] = {name: getattr(primary, name) for name in _TYPE_FIELDS}
    changes.update(_actors(primary, other if primary is kept else kept))
    dated = min(events, key=lambda e: (e.event_date is None, e.time_precision))
    changes.update(event_date=dated.event_date, time_precision=dated.time_precision)
    placed = min(events, key=_place_rank)
    changes.update({name: getattr(placed, name) for name in _PLACE_FIELDS})
    claims = _union(kept.claims + other.claims)
    fatalities = reconcile_fatalities(claims, _fallback(kept) + _fallback(other))
    changes.update(
        fatalities=fatalities.fatalities,
        fatalities_low=fatalities.low,
        fatalities_high=fatalities.high,
        claims=claims,
        sources=_union(kept.sources + other.sources, key=lambda source: source.doc_id),
        evidence=_union(kept.evidence + other.evidence),
        territory=primary.territory or kept.territory or other.territory,
        claimed_by="; ".join(_union(c for e in events for c in e.claimed_by.split("; ") if c)),
        confidence=_confidence(kept, other),
        tags=_tags(kept, other, fatalities, primary),
    )
    return dataclasses.replace(kept, **changes)  # type: ignore[arg-type]


def death_tags(fatalities: Fatalities, event: Event) -> tuple[str, ...]:
    """Tags like ``deaths:side_a=2`` or ``deaths:civilians=4-7``: deaths per side of ``event``."""
    tags = []
    for side in fatalities.by_side:
        figure = str(side.low) if side.low == side.high else f"{side.low}-{side.high}"
        tags.append(f"{DEATHS_TAG}{_side_label(side.group, event)}={figure}")
    return tuple(tags)


def _primary(kept: Event, other: Event) -> Event:
    if (kept.territory is None) != (other.territory is None):
        return kept if kept.territory is not None else other
    return other if other.confidence > kept.confidence else kept


def _actors(primary: Event, secondary: Event) -> dict[str, object]:
    """Each actor field from ``primary``, unless it is empty or filled in by rule where ``secondary``
    names the actor ("warplanes struck" in one report, "Russian warplanes" in the other)."""
    changes: dict[str, object] = {}
    unread = (set(unread_actors(primary)), set(unread_actors(secondary)))
    sources: dict[str, Event] = {}
    for actor_field, inter_field in _ACTOR_FIELDS:
        usable = bool(getattr(primary, actor_field))
        if (
            usable
            and actor_field in unread[0]
            and getattr(secondary, actor_field)
            and actor_field not in unread[1]
        ):
            usable = False
        source = sources[actor_field] = primary if usable else secondary
        changes[actor_field] = getattr(source, actor_field)
        if inter_field:
            changes[inter_field] = getattr(source, inter_field)
    changes["interaction"] = sources["actor1"].interaction
    return changes


def _place_rank(event: Event) -> tuple[int, int]:
    """Lower is more precise: events with coordinates first, then by geo precision."""
    return (event.latitude is None, event.geo_precision or 4)


def _fallback(event: Event) -> list[int]:
    """An event's own figures, for reconciliation when it carries no 'killed' claim."""
    if any(claim.kind == "killed" for claim in event.claims):
        return []
    figures = [event.fatalities, event.fatalities_low, event.fatalities_high]
    return sorted({figure for figure in figures if figure is not None})


def _confidence(kept: Event, other: Event) -> float:
    high, low = max(kept.confidence, other.confidence), min(kept.confidence, other.confidence)
    new_documents = {s.doc_id for s in other.sources} - {s.doc_id for s in kept.sources}
    if not new_documents:
        return high
    return round(1 - (1 - high) * (1 - CORROBORATION * low), 4)


def _tags(kept: Event, other: Event, fatalities: Fatalities, primary: Event) -> tuple[str, ...]:
    tags = [tag for tag in kept.tags + other.tags if not tag.startswith(DEATHS_TAG)]
    if other.event_id != kept.event_id:
        tags.append(MERGED_TAG + other.event_id)
    return _union(tags) + death_tags(fatalities, primary)


def _side_label(group: str, event: Event) -> str:
    if group == "civilians":
        return group
    wanted = {1} if group == "state forces" else _NON_STATE_INTERS
    if event.inter1 in wanted:
        return "side_a"
    if event.inter2 in wanted:
        return "side_b"
    return group.replace(" ", "_")


def _union(items: Iterable[_T], key: object = None) -> tuple[_T, ...]:
    """Items in first-seen order without repeats (by ``key`` when given)."""
    seen: set[object] = set()
    kept: list[_T] = []
    for item in items:
        marker = key(item) if callable(key) else item
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return tuple(kept)


def fold(events: Sequence[Event]) -> Event:
    """One event from a cluster: the smallest event id kept, the others folded in by id order."""
    ordered = sorted(events, key=lambda event: event.event_id)
    merged = ordered[0]
    for event in ordered[1:]:
        merged = combine(merged, event)
    return merged
