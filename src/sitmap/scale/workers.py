"""What runs on Dask workers: a plugin that loads the pipeline's resources once, and the coding task.

Imported only on the Dask path (it imports ``distributed``), by the client and by the workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from sitmap.model import Document, Result

if TYPE_CHECKING:
    from distributed import Worker

    from sitmap.pipeline import Resources
    from sitmap.scale.backfill import Settings

PLUGIN_NAME = "sitmap-resources"


class ResourcesPlugin(WorkerPlugin):
    """Loads the language model, gazetteer and classifier once per worker, when the worker starts."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.resources: Resources | None = None

    def setup(self, worker: Worker) -> None:
        """Load this worker's resources."""
        self.resources = self.settings.load()


def code_on_worker(documents: list[Document]) -> Result:
    """Code ``documents`` with ``pipeline.process`` and the resources this worker loaded once."""
    from sitmap.pipeline import process

    plugin = get_worker().plugins[PLUGIN_NAME]
    if not isinstance(plugin, ResourcesPlugin) or plugin.resources is None:
        raise RuntimeError(f"worker has no {PLUGIN_NAME!r} plugin loaded")
    return process(documents, plugin.resources)
