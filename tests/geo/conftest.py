"""A real gazetteer store, built once per session from the shipped data for three countries."""

from pathlib import Path

import pytest

from sitmap.geo import Gazetteer, load_gazetteer
from sitmap.geo.store import build_store

TEST_COUNTRIES = frozenset({"SY", "UA", "US"})


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_store(path, TEST_COUNTRIES)
    return load_gazetteer(path)
