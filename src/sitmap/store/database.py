"""Opening the event database: a SQLite file by default, any SQLAlchemy URL (PostgreSQL) otherwise.

The schema is brought to the latest Alembic revision every time a database is opened, so a
database made by an older sitmap is upgraded in place.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from sitmap.store.spatial import enable_postgis, register_math

DEFAULT_DB = "sitmap.db"
DB_ENV = "SITMAP_DB"


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``db``: a URL as given, a path as SQLite; default $SITMAP_DB or ./sitmap.db.

    A plain ``postgresql://`` URL is read with psycopg 3, the driver sitmap installs.
    """
    value = db or os.environ.get(DB_ENV) or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def open_database(db: str | None = None) -> Engine:
    """An engine on the migrated database named by ``db`` (see ``database_url``)."""
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    migrate(engine)
    enable_postgis(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Upgrade the database to the latest schema revision (a no-op when it is current)."""
    config = Config()
    config.set_main_option("script_location", str(files("sitmap.store") / "migrations"))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Two processes opening a new database at once must not both create the tables.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7425001)")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    register_math(dbapi_connection)
