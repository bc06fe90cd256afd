"""HTTP API and web map: FastAPI routes over the store, the pipeline for writes, static map assets.

``create_app`` and ``Settings`` are imported on first use, so the command line (which mounts
``api.commands``) starts without loading FastAPI and the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitmap.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sitmap.api import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
