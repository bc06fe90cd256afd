"""Events within a distance of a point: PostGIS where the server has it, plain SQL otherwise.

``near`` filters are (latitude, longitude, km). Every backend first narrows to the bounding box
of the circle (an index range on latitude), then keeps the events whose great-circle distance is
at most ``km``: with PostGIS by ``ST_DWithin`` on geography, backed by a GiST index that
``enable_postgis`` creates; elsewhere by the haversine formula in SQL (SQLite's math functions,
registered by the store when the SQLite build lacks them; PostgreSQL's own).
"""

from __future__ import annotations

import math
import sqlite3
from weakref import WeakSet

from sqlalchemy import ColumnElement, Engine, and_, case, func, literal
from sqlalchemy.exc import DBAPIError

from sitmap.store.schema import events

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LATITUDE = 111.19
# the expression the GiST index is built on, and that ST_DWithin compares
_GEOGRAPHY = "geography(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326))"
_POSTGIS_ENGINES: WeakSet[Engine] = WeakSet()


def parse_near(value: str) -> tuple[float, float, float]:
    """``LAT,LON,KM`` ("36.2,37.16,25") as numbers, or ValueError saying what is wrong with it."""
    try:
        latitude, longitude, km = (float(part) for part in value.split(","))
    except ValueError:
        raise ValueError(f"near must be three numbers LAT,LON,KM; got {value!r}") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180 and 0 < km <= 20_000):
        raise ValueError(
            f"near must have -90 <= LAT <= 90, -180 <= LON <= 180 and 0 < KM <= 20000; got {value!r}"
        )
    return latitude, longitude, km


def enable_postgis(engine: Engine) -> bool:
    """Use PostGIS on this PostgreSQL engine when the server has it: the extension and its index.

    Creating the extension needs the server's PostGIS package and the right to create it; where
    either is missing, distance queries use plain SQL and nothing else changes.
    """
    if engine.dialect.name != "postgresql":
        return False
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7425002)")
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
            connection.exec_driver_sql(
                f"CREATE INDEX IF NOT EXISTS ix_events_geography ON events USING gist (({_GEOGRAPHY}))"
            )
    except DBAPIError:
        return False
    _POSTGIS_ENGINES.add(engine)
    return True


def has_postgis(engine: Engine) -> bool:
    """Whether distance queries on this engine go through PostGIS."""
    return engine in _POSTGIS_ENGINES


def within(near: tuple[float, float, float], postgis: bool = False) -> ColumnElement[bool]:
    """Events at most ``km`` from (``latitude``, ``longitude``), by great-circle distance."""
    latitude, longitude, km = near
    lat_margin = km / KM_PER_DEGREE_LATITUDE
    lon_margin = km / (KM_PER_DEGREE_LATITUDE * max(math.cos(math.radians(latitude)), 1e-6))
    box: ColumnElement[bool] = events.c.latitude.between(latitude - lat_margin, latitude + lat_margin)
    if -180 <= longitude - lon_margin and longitude + lon_margin <= 180:
        # (a circle across the antimeridian or over a pole keeps the latitude band only)
        box = and_(box, events.c.longitude.between(longitude - lon_margin, longitude + lon_margin))
    if postgis:
        here = func.geography(func.ST_SetSRID(func.ST_MakePoint(events.c.longitude, events.c.latitude), 4326))
        point = func.geography(func.ST_SetSRID(func.ST_MakePoint(longitude, latitude), 4326))
        return and_(box, func.ST_DWithin(here, point, km * 1000.0))
    return and_(box, haversine_km(latitude, longitude) <= km)


def haversine_km(latitude: float, longitude: float) -> ColumnElement[float]:
    """The SQL great-circle distance in km from each event to the point."""
    lat, lon = func.radians(events.c.latitude), func.radians(events.c.longitude)
    lat0, lon0 = literal(math.radians(latitude)), literal(math.radians(longitude))
    a = func.power(func.sin((lat - lat0) / 2), 2) + func.cos(lat) * func.cos(lat0) * func.power(
        func.sin((lon - lon0) / 2), 2
    )
    # rounding can push ``a`` a hair above 1 for antipodal points, outside asin's domain
    return 2 * EARTH_RADIUS_KM * func.asin(func.sqrt(case((a > 1.0, 1.0), else_=a)))


def register_math(dbapi_connection: object) -> None:
    """Give a SQLite connection the math functions the distance needs when its build lacks them."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    try:
        dbapi_connection.execute("SELECT sin(0), cos(0), asin(0), sqrt(0), radians(0), power(2, 2)")
    except sqlite3.OperationalError:  # no such function: SQLite built without its math functions
        for name, arity, function in (
            ("sin", 1, math.sin), ("cos", 1, math.cos), ("asin", 1, math.asin), ("sqrt", 1, math.sqrt),
            ("radians", 1, math.radians), ("power", 2, math.pow),
        ):  # fmt: skip
            dbapi_connection.create_function(name, arity, function, deterministic=True)
