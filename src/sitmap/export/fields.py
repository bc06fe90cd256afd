"""The event record of DESIGN.md's output contract, as plain JSON-ready data."""

from __future__ import annotations

from typing import Any

from sitmap.model import Event, to_dict

# Field order of `sitmap extract --format jsonl`, the API and the exports.
CONTRACT_FIELDS = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "inter1", "inter2", "interaction",
    "civilian_targeting", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "geonameid", "fatalities", "fatalities_low", "fatalities_high", "claimed_by",
    "claims", "territory", "sources", "evidence", "notes", "confidence", "tags",
)  # fmt: skip


def event_record(event: Event) -> dict[str, Any]:
    """The contract record of one event, fields in contract order."""
    data = to_dict(event)
    return {name: data[name] for name in CONTRACT_FIELDS}
