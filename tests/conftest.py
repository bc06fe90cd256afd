"""Shared fixtures: a real PostgreSQL server for the store tests.

``postgres_url`` gives each test a new, empty database on a throwaway PostgreSQL cluster that
the test session starts itself (``initdb`` and ``pg_ctl`` from Debian's ``postgresql`` package,
run as the ``postgres`` user when the tests run as root), or on the server named by
``$SITMAP_TEST_POSTGRES_URL``. When neither is available the tests FAIL: a store test that
skips without its server would pass while testing nothing.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_ENV = "SITMAP_TEST_POSTGRES_URL"
INSTALL_HINT = "install it with `apt-get install -y postgresql` or set SITMAP_TEST_POSTGRES_URL"


def _bindir() -> Path | None:
    """The directory holding initdb and pg_ctl: on the PATH, else Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    """``command`` run as the postgres user when we are root (PostgreSQL refuses to run as root)."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *command]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server on which the tests may create databases."""
    given = os.environ.get(POSTGRES_ENV)
    if given:
        yield given
        return
    bindir = _bindir()
    if bindir is None:
        pytest.fail(f"PostgreSQL (initdb, pg_ctl) is not installed: {INSTALL_HINT}")
    root = Path(tempfile.mkdtemp(prefix="sitmap-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    _run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "sitmap", "--auth=trust", "-E", "UTF8",
                       "--locale=C", "--no-sync"]))  # fmt: skip
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    log = str(root / "log")
    _run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", log, "-o", options, "-w", "start"]))
    try:
        yield f"postgresql+psycopg://sitmap@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new empty database on the test PostgreSQL server, dropped after the test."""
    import psycopg
    from sqlalchemy.engine import make_url

    server = make_url(postgres_server)
    name = f"sitmap_test_{uuid.uuid4().hex[:12]}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
