"""Docs kept true by tests: the CLI reference is current and names every option and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitmap.export import CONTRACT_FIELDS

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current():
    generated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == generated, "run `make docs`"


def test_readme_names_every_contract_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [f for f in CONTRACT_FIELDS if f"`{f}`" not in readme] == []


def test_readme_quick_start_and_ci_use_the_same_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
