"""Rows to records and back: the one place that knows how an Event is laid out in the tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sitmap.model import Claim, Event, Evidence, Source, Statistic, Territory, to_dict

_EVENT_SCALARS = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "geonameid", "fatalities", "fatalities_low", "fatalities_high", "claimed_by",
    "notes", "confidence",
)  # fmt: skip


def event_row(event: Event) -> dict[str, Any]:
    """The ``events`` row of an event (sources and evidence go to their own tables)."""
    row = {name: getattr(event, name) for name in _EVENT_SCALARS}
    row["claims"] = to_dict(event.claims)
    row["territory"] = to_dict(event.territory) if event.territory else None
    row["tags"] = list(event.tags)
    return row


# The columns of ``sources`` and ``evidence`` that hold a Source and an Evidence, in the order of
# their fields: ``Source(*row)`` and ``Evidence(*row)`` make one from a row selected in this order.
SOURCE_COLUMNS = ("doc_id", "source", "url", "published")
EVIDENCE_COLUMNS = ("doc_id", "sentence", "start", "end", "field", "text")


def source_rows(event: Event) -> list[dict[str, Any]]:
    """The ``sources`` rows of an event, one per document."""
    return [
        {"event_id": event.event_id, **{name: getattr(s, name) for name in SOURCE_COLUMNS}}
        for s in event.sources
    ]


def evidence_rows(event: Event) -> list[dict[str, Any]]:
    """The ``evidence`` rows of an event."""
    return [
        {"event_id": event.event_id, **{name: getattr(e, name) for name in EVIDENCE_COLUMNS}}
        for e in event.evidence
    ]


def event_from_rows(row: Mapping[str, Any], sources: Sequence[Source], evidence: Sequence[Evidence]) -> Event:
    """The Event stored in one ``events`` row, with its sources and evidence (read with
    ``SOURCE_COLUMNS`` and ``EVIDENCE_COLUMNS``)."""
    values = {name: row[name] for name in _EVENT_SCALARS}
    territory = row["territory"]
    return Event(
        **values,
        claims=tuple(_claim(c) for c in row["claims"] or ()),
        territory=Territory(**territory) if territory else None,
        tags=tuple(row["tags"] or ()),
        sources=tuple(sources),
        evidence=tuple(evidence),
    )


def statistic_row(statistic: Statistic, doc_id: str, key: str) -> dict[str, Any]:
    """The ``statistics`` row of a statistic reported by document ``doc_id``."""
    return {
        "id": key,
        "doc_id": doc_id,
        "scope": statistic.scope,
        "what": statistic.what,
        "value": statistic.value,
        "period_start": statistic.period_start,
        "period_end": statistic.period_end,
        "claimed_by": statistic.claimed_by,
        "evidence": to_dict(statistic.evidence) if statistic.evidence else None,
    }


def statistic_from_row(row: Mapping[str, Any]) -> Statistic:
    """The Statistic stored in one ``statistics`` row."""
    evidence = row["evidence"]
    return Statistic(
        scope=row["scope"],
        what=row["what"],
        value=row["value"],
        period_start=row["period_start"],
        period_end=row["period_end"],
        claimed_by=row["claimed_by"],
        evidence=Evidence(**evidence) if evidence else None,
    )


def _claim(data: Mapping[str, Any]) -> Claim:
    evidence = data.get("evidence")
    return Claim(
        claimed_by=data["claimed_by"],
        kind=data["kind"],
        value=int(data["value"]),
        evidence=Evidence(**evidence) if evidence else None,
    )


def parse_date(value: str | date | None) -> date | None:
    """A date from an ISO string (or a date, or None)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)
