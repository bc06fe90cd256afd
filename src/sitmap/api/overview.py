"""``GET /control`` (who holds which place on a date) and ``GET /stats`` (counts by day, type, region)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Engine

from sitmap import merge, store
from sitmap.api.params import engine, event_filter
from sitmap.model import to_dict
from sitmap.store import EventFilter
from sitmap.store.stats import summarise

router = APIRouter(tags=["overview"])


@router.get("/control", summary="Territorial control as of a date, from changes of control")
def get_control(
    database: Annotated[Engine, Depends(engine)],
    at: Annotated[date | None, Query(description="The date (YYYY-MM-DD); default: the latest event.")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO3 code.", max_length=100)] = None,
) -> dict[str, Any]:
    """Per place, who holds it as of ``at``, since when, and the events that show it."""
    history = store.query_events(database, EventFilter(until=at, country=country or None))
    places = merge.control_timeline(history, at, country or None)
    return {"at": at.isoformat() if at else None, "places": [to_dict(place) for place in places]}


@router.get("/stats", summary="Events and fatalities by day, event type and admin1 region")
def get_stats(
    where: Annotated[EventFilter, Depends(event_filter)], database: Annotated[Engine, Depends(engine)]
) -> dict[str, Any]:
    """Totals and breakdowns over every event the filters select (``limit`` and ``offset`` ignored)."""
    summary = summarise(database, dataclasses.replace(where, limit=None, offset=0))
    data: dict[str, Any] = to_dict(summary)
    return data
