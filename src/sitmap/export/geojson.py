"""GeoJSON: a FeatureCollection of events with coordinates; events without a point are left out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitmap.export.fields import event_record
from sitmap.model import Event


def event_feature(event: Event) -> dict[str, Any] | None:
    """One event as a GeoJSON Point feature, or None when it has no coordinates."""
    if event.latitude is None or event.longitude is None:
        return None
    properties = event_record(event)
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
        "properties": properties,
    }


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """Write a FeatureCollection; the number of features written."""
    features = [f for f in (event_feature(e) for e in events) if f]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
