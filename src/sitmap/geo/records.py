"""The ``sitmap geoparse --format jsonl`` record of a toponym."""

from __future__ import annotations

from typing import Any

from sitmap.model import Toponym


def toponym_record(toponym: Toponym) -> dict[str, Any]:
    """One JSON-ready object per toponym, with the output contract's field names."""
    place = toponym.place
    return {
        "doc_id": toponym.doc_id,
        "start": toponym.start,
        "end": toponym.end,
        "text": toponym.text,
        "name": place.name if place else None,
        "geonameid": place.geonameid if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "feature_code": place.feature_code if place else None,
        "kind": toponym.kind,
        "score": toponym.score,
    }
