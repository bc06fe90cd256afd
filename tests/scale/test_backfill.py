"""`sitmap backfill`: the events of a plain `sitmap ingest`, on Dask too, and safe to kill and run again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitmap import store
from sitmap.cli import app
from sitmap.model import to_dict
from sitmap.scale.commands import scale_app

# Small batches, so that a kill lands between saved batches of a short run.
OPTIONS = ["--no-classifier", "--batch-size", "2"]
INGEST = [sys.executable, "-c", "from sitmap.cli import app; app()", "ingest"]
BACKFILL = [sys.executable, "-m", "sitmap.scale", "backfill"]


def _stored(db: str) -> tuple[list[object], list[str]]:
    """Every stored event as plain data, and the ids of the stored documents."""
    engine = store.open_database(db)
    try:
        return [to_dict(e) for e in store.query_events(engine)], sorted(
            d["id"] for d in store.list_documents(engine)
        )
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def ingested(archive, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ingest") / "ingest.db")
    # the plain ingest: every batch coded and saved in this process before the next is read
    result = CliRunner().invoke(app, ["ingest", str(archive), "--db", db, "--workers", "1", *OPTIONS])
    assert result.exit_code == 0, result.output
    events, documents = _stored(db)
    # The example articles' events (about one per incident); each later copy merges into them.
    assert len(documents) == 24 and len(events) >= 8
    return events, documents


def test_backfill_run_again_skips_every_stored_document(archive, ingested, tmp_path):
    db = str(tmp_path / "again.db")
    for _ in range(2):
        result = CliRunner().invoke(
            scale_app, ["backfill", str(archive), "--db", db, "--engine", "local", *OPTIONS]
        )
        assert result.exit_code == 0, result.output
    assert "0 documents coded, 24 already stored" in result.output
    assert _stored(db) == ingested


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_ingest_coding_on_two_forked_processes_stores_what_a_plain_ingest_does(
    archive, ingested, tmp_path, request, database
):
    db = str(tmp_path / "two.db") if database == "sqlite" else request.getfixturevalue("postgres_url")
    done = subprocess.run(
        [*INGEST, str(archive), "--db", db, "--workers", "2", *OPTIONS], capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert "24 documents coded" in done.stderr.decode()
    assert _stored(db) == ingested


def _run_and_kill(command: list[str], db: Path, after_documents: int) -> None:
    """Start ``command``, kill -9 it (and its workers) once ``after_documents`` documents are stored."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        stored = _count_documents(db)
        if stored >= after_documents:
            break
        time.sleep(0.02)
    if process.poll() is not None:
        pytest.fail(f"{command[-1]} ended before it could be killed ({stored} documents stored): "
                    f"{process.stderr.read().decode()[-2000:] if process.stderr else ''}")  # fmt: skip
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    if process.stderr:
        process.stderr.close()
    assert 0 < _count_documents(db) < 24


def _count_documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.parametrize(
    ("killed", "again"),
    [
        (INGEST, INGEST),
        # Both runs code on a local Dask cluster of two workers: the stored events are still those
        # of one uninterrupted plain ingest.
        (
            BACKFILL + ["--engine", "dask", "--workers", "2"],
            BACKFILL + ["--engine", "dask", "--workers", "2"],
        ),
    ],
    ids=["ingest", "backfill"],
)
def test_a_run_killed_with_sigkill_then_run_again_stores_what_a_plain_ingest_does(
    archive, ingested, tmp_path, killed, again
):
    db = tmp_path / "killed.db"
    _run_and_kill([*killed, str(archive), "--db", str(db), *OPTIONS], db, after_documents=4)
    done = subprocess.run([*again, str(archive), "--db", str(db), *OPTIONS], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert _stored(str(db)) == ingested
