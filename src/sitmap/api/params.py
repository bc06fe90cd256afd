"""Query parameters shared by the event routes: the filters, pagination and output format."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import HTTPException, Query, Request
from sqlalchemy import Engine

from sitmap.store import EventFilter, spatial

DEFAULT_LIMIT = 100
MAX_LIMIT = 5000


class EventFormat(StrEnum):
    """Output formats of ``GET /events``."""

    json = "json"
    geojson = "geojson"
    acled_csv = "acled-csv"
    jsonl = "jsonl"


def engine(request: Request) -> Engine:
    """The database engine of the running app."""
    return request.app.state.engine  # type: ignore[no-any-return]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees as a tuple, or 422 saying what is wrong with it."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise HTTPException(422, f"bbox must be four numbers west,south,east,north; got {value!r}") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(
            422,
            f"bbox must satisfy -180 <= west <= east <= 180 and -90 <= south <= north <= 90; got {value!r}",
        )
    return west, south, east, north


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """``lat,lon,km`` as a tuple, or 422 saying what is wrong with it."""
    if value is None or value == "":
        return None
    try:
        return spatial.parse_near(value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None


def event_filter(
    since: Annotated[
        date | None, Query(description="Only events on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        date | None, Query(description="Only events on or before this date (YYYY-MM-DD).")
    ] = None,
    bbox: Annotated[
        str | None,
        Query(description="Only events inside west,south,east,north (degrees).", examples=["35,35,38,37"]),
    ] = None,
    near: Annotated[
        str | None,
        Query(description="Only events within km of a point: lat,lon,km.", examples=["36.2,37.16,25"]),
    ] = None,
    country: Annotated[str | None, Query(description="Country name or ISO3 code.", max_length=100)] = None,
    admin1: Annotated[
        str | None, Query(description="First-level region, e.g. Idlib.", max_length=200)
    ] = None,
    type: Annotated[str | None, Query(description="Event type or sub-event type.", max_length=100)] = None,
    sub_event_type: Annotated[str | None, Query(description="Sub-event type.", max_length=100)] = None,
    actor: Annotated[str | None, Query(description="Text found in an actor name.", max_length=200)] = None,
    text: Annotated[
        str | None, Query(description="Text found in notes, location or evidence.", max_length=200)
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many events.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Skip this many events first.")] = 0,
) -> EventFilter:
    """The store filter that the query parameters describe."""
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return EventFilter(
        since=since, until=until, country=country or None, admin1=admin1 or None, event_type=type or None,
        sub_event_type=sub_event_type or None, actor=actor or None, text=text or None, bbox=parse_bbox(bbox),
        near=parse_near(near), limit=limit, offset=offset,
    )  # fmt: skip
