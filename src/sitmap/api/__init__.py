"""HTTP API and web map: FastAPI routes over the store, the pipeline for writes, static map assets."""

from sitmap.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]
