"""A wheel (not only an editable install) carries every data file the code reads."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_in_the_package_matches_a_package_data_pattern():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["*"]
    tracked = subprocess.run(
        ["git", "ls-files", "src/sitmap"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    data = [path for path in tracked if not path.endswith(".py")]
    assert data, "git lists the package's files"
    assert [p for p in data if not any(fnmatch.fnmatch(Path(p).name, pattern) for pattern in patterns)] == []
