"""``GET /events`` (filtered, paginated, four formats) and ``GET /events/{event_id}``."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from sqlalchemy import Engine

from sitmap import export, store
from sitmap.api.params import EventFormat, engine, event_filter
from sitmap.model import to_dict
from sitmap.store import EventFilter

router = APIRouter(tags=["events"])

_MEDIA_TYPES = {
    EventFormat.geojson: "application/geo+json",
    EventFormat.acled_csv: "text/csv; charset=utf-8",
    EventFormat.jsonl: "application/x-ndjson",
}


@router.get("/events", summary="Events matching the filters, one page at a time")
def list_events(
    request: Request,
    where: Annotated[EventFilter, Depends(event_filter)],
    database: Annotated[Engine, Depends(engine)],
    format: Annotated[
        EventFormat, Query(description="json, geojson, acled-csv or jsonl.")
    ] = EventFormat.json,
) -> Response:
    """The page of events that ``where`` selects, in the asked format.

    Every format carries the paging: ``json`` and ``geojson`` in the body (``total``, ``next``),
    the others in the ``X-Total-Count`` and ``Link: <...>; rel="next"`` headers.
    """
    found = store.query_events(database, where)
    total = store.count_events(database, dataclasses.replace(where, limit=None, offset=0))
    following = _next_url(request, where, total)
    headers = {"X-Total-Count": str(total)}
    if following:
        headers["Link"] = f'<{following}>; rel="next"'
    if format is EventFormat.json:
        body: dict[str, Any] = {
            "total": total, "limit": where.limit, "offset": where.offset, "next": following,
            "events": [export.event_record(event) for event in found],
        }  # fmt: skip
        return Response(_dumps(body), media_type="application/json", headers=headers)
    if format is EventFormat.geojson:
        features = [f for f in (export.event_feature(event) for event in found) if f]
        collection = {"type": "FeatureCollection", "total": total, "next": following, "features": features}
        return Response(_dumps(collection), media_type=_MEDIA_TYPES[format], headers=headers)
    out = io.StringIO()
    export.WRITERS[format.value](found, out)
    if format is EventFormat.acled_csv:
        headers["Content-Disposition"] = 'attachment; filename="sitmap-events.csv"'
    return Response(out.getvalue(), media_type=_MEDIA_TYPES[format], headers=headers)


@router.get("/events/{event_id}", summary="One event with its sources, evidence and merge decisions")
def get_event(event_id: str, database: Annotated[Engine, Depends(engine)]) -> Response:
    """The contract record of one event, plus ``merges``: the reports merged into it and why."""
    event = store.get_event(database, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    record = export.event_record(event)
    record["merges"] = [
        {key: to_dict(row[key]) for key in ("doc_id", "merged_id", "score", "reasons", "merged_at")}
        for row in store.merge_log(database, event_id)
    ]
    return Response(_dumps(record), media_type="application/json")


def _next_url(request: Request, where: EventFilter, total: int) -> str | None:
    if where.limit is None or where.offset + where.limit >= total:
        return None
    return str(request.url.include_query_params(offset=where.offset + where.limit))


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
