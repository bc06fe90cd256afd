"""A wheel (not only an editable install) carries every data file the code reads."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sitmap"


def test_every_data_file_in_the_package_matches_a_package_data_pattern():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = settings["tool"]["setuptools"]["package-data"]["*"]
    data = [
        path.relative_to(PACKAGE)
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc")
    ]
    assert len(data) > 20, "the package's lexicons, gazetteer data and web assets"
    assert [p for p in data if not any(fnmatch.fnmatch(p.name, pattern) for pattern in patterns)] == []
