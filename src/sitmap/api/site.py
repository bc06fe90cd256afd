"""The web map: ``/`` and its static files, Leaflet from the xstatic packages, and the map settings."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(str(files(__package__) / "static"))
BASEMAP_CREDIT = "Made with Natural Earth"


def mount(app: FastAPI) -> None:
    """Serve the map page at ``/``, its assets under ``/static``, Leaflet under ``/vendor``."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")
    app.add_api_route("/", _index, include_in_schema=False)
    app.add_api_route("/map-config", _map_config, summary="Settings of the web map", tags=["map"])


def _index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


def _map_config(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    return {
        "tiles": settings.tiles,
        "tiles_attribution": settings.tiles_attribution,
        "basemap_credit": BASEMAP_CREDIT,
    }
