"""Import spaCy without its command line, which sitmap never uses, until something asks for it.

``spacy/__init__.py`` imports ``spacy.cli.info`` only to re-export ``spacy.info``, and with it the
whole spaCy command line: typer, weasel, requests, httpx. That is 0.25-0.4 s of every cold start
and about 15 MB in every process (a coding worker, a cold ``sitmap extract``); upstream merged a
lazy import for it once (explosion/spaCy#12962) but 3.8 imports it eagerly again.

``install()`` (called by ``sitmap/__init__.py``) puts a finder on ``sys.meta_path`` that waits for
the first ``import spacy``. While spaCy's ``__init__`` runs, ``spacy.cli`` and ``spacy.cli.info``
are stand-ins whose ``info`` imports the real one when called; once spaCy is imported the stand-ins
are gone, so a later ``import spacy.cli`` loads the real command line as usual. Nothing changes
when spaCy was imported before sitmap.
"""

from __future__ import annotations

import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Loader


def install() -> None:
    """Make the next first ``import spacy`` skip ``spacy.cli`` (idempotent; no-op once spaCy is in)."""
    if "spacy" in sys.modules or any(isinstance(finder, _SpacyFinder) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _SpacyFinder())


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported on first call."""
    from spacy.cli.info import info as real_info

    return real_info(*args, **kwargs)


class _SpacyFinder:
    """Finds ``spacy`` as the other finders do, with a loader that runs it without ``spacy.cli``."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)  # once: the real search, and every later import, goes on as usual
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _WithoutCli(spec.loader)  # type: ignore[assignment]
        return spec


class _WithoutCli:
    """spaCy's own loader, run with ``spacy.cli`` and ``spacy.cli.info`` stood in for."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        cli_info = types.ModuleType("spacy.cli.info")
        cli_info.info = info  # type: ignore[attr-defined]
        stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": cli_info}
        sys.modules.update(stand_ins)  # spaCy's first import: neither is loaded yet
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in stand_ins.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            # spaCy is the real loader's module from here on (resource readers, reloads)
            module.__loader__ = self._loader
            if module.__spec__ is not None:
                module.__spec__.loader = self._loader
