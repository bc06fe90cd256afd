"""Import GeoNames dump files and a supplement CSV of user places into a gazetteer store.

GeoNames files (https://download.geonames.org/export/dump/): ``allCountries.zip`` or ``XX.zip``
(the ``geoname`` table, 19 tab-separated columns), ``alternateNamesV2.zip``,
``admin1CodesASCII.txt`` and ``admin2Codes.txt``. A place already in the store (same GeoNames
id) takes the dump's coordinates, feature code and population and gains its names.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from sitmap.geo.names import name_key, skeleton
from sitmap.geo.store import MIN_SKELETON, PlaceRow, insert_places, write_key_hashes, write_ranked_names

# Feature classes kept: administrative areas, populated places, regions (L), spots/buildings (S)
# and terrain (T) such as mountains and valleys that news reports name.
KEPT_CLASSES = frozenset("APLST")
SKIPPED_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"})
SUPPLEMENT_COLUMNS = ("name", "latitude", "longitude")


def import_file(path: Path, connection: sqlite3.Connection) -> str:
    """Import one GeoNames dump file or supplement CSV; returns a one-line summary."""
    name = path.name
    if name.startswith("alternateNames"):
        count = _add_alternate_names(_lines(path, "alternateNames"), connection)
        summary = f"{count:,} alternate names"
    elif name.startswith("admin1Codes"):
        count = _set_admin_names(_lines(path, "admin1Codes"), connection, "admin1")
        summary = f"{count:,} admin-1 names"
    elif name.startswith("admin2Codes"):
        count = _set_admin_names(_lines(path, "admin2Codes"), connection, "admin2")
        summary = f"{count:,} admin-2 names"
    elif path.suffix.lower() == ".csv":
        count = insert_places(connection, _supplement_places(path))
        summary = f"{count:,} supplement places"
    else:
        added, updated = _import_geonames(_lines(path, path.stem), connection)
        summary = f"{added:,} places added, {updated:,} updated"
    connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"import:{name}", summary))
    sources = connection.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()
    listed = sources[0] if sources else ""
    if name not in listed:
        connection.execute(
            "INSERT OR REPLACE INTO meta VALUES ('sources', ?)", (f"{listed}; {name}" if listed else name,)
        )
    write_ranked_names(connection)
    write_key_hashes(connection)
    connection.commit()
    return f"{name}: {summary}"


def _lines(path: Path, member_prefix: str) -> Iterator[list[str]]:
    """Tab-separated rows of a dump file, read straight from its zip archive when zipped."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            member = next(n for n in archive.namelist() if n.startswith(member_prefix) and n.endswith(".txt"))
            with archive.open(member) as raw:
                yield from _rows(io.TextIOWrapper(raw, encoding="utf-8"))
    else:
        with open(path, encoding="utf-8") as handle:
            yield from _rows(handle)


def _rows(handle: io.TextIOBase | io.TextIOWrapper) -> Iterator[list[str]]:
    for line in handle:
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def _import_geonames(rows: Iterator[list[str]], connection: sqlite3.Connection) -> tuple[int, int]:
    admin1 = dict(connection.execute("SELECT key, value FROM meta WHERE key LIKE 'admin1:%'").fetchall())
    new_places, updated = [], 0
    for row in rows:
        if len(row) < 15 or row[6] not in KEPT_CLASSES:
            continue
        geonameid, feature_code = int(row[0]), row[7]
        names = [n for n in [row[2], *row[3].split(",")] if n and len(n) <= 60]
        population = int(row[14] or 0)
        existing = connection.execute("SELECT id FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        if existing is None:
            new_places.append(
                PlaceRow(
                    row[1],
                    float(row[4]),
                    float(row[5]),
                    geonameid,
                    row[8],
                    admin1=admin1.get(f"admin1:{row[8]}.{row[10]}", ""),
                    admin1_code=row[10],
                    feature_code=feature_code,
                    population=population,
                    source="geonames-dump",
                    names=names,
                )
            )
            continue
        place_id = existing[0]
        connection.execute(
            "UPDATE places SET latitude = ?, longitude = ?, feature_code = ?, "
            "population = max(population, ?), admin1_code = ? WHERE id = ?",
            (float(row[4]), float(row[5]), feature_code, population, row[10], place_id),
        )
        _add_names(connection, place_id, names)
        updated += 1
    added = insert_places(connection, new_places)
    return added, updated


def _add_alternate_names(rows: Iterator[list[str]], connection: sqlite3.Connection) -> int:
    count = 0
    for row in rows:
        if len(row) < 4 or row[2] in SKIPPED_LANGUAGES or (len(row) > 7 and row[7] == "1"):
            continue
        ids = connection.execute("SELECT id FROM places WHERE geonameid = ?", (int(row[1]),)).fetchall()
        for (place_id,) in ids:
            count += _add_names(connection, place_id, [row[3]])
    return count


def _add_names(connection: sqlite3.Connection, place_id: int, names: list[str]) -> int:
    known = {key for (key,) in connection.execute("SELECT key FROM names WHERE place = ?", (place_id,))}
    added = 0
    for name in names:
        key = name_key(name)
        if len(key) < 2 or key in known:
            continue
        known.add(key)
        connection.execute("INSERT INTO names VALUES (?, ?, 0)", (key, place_id))
        if len(skeleton(key)) >= MIN_SKELETON:
            connection.execute("INSERT INTO skeletons VALUES (?, ?, ?)", (skeleton(key), key, place_id))
        added += 1
    return added


def _set_admin_names(rows: Iterator[list[str]], connection: sqlite3.Connection, level: str) -> int:
    """Record code -> name and fill the admin name of places whose GeoNames code matches."""
    count = 0
    for row in rows:
        if len(row) < 2:
            continue
        code, name = row[0], row[1]
        connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"{level}:{code}", name))
        if level == "admin1":
            country, _, admin1_code = code.partition(".")
            cursor = connection.execute(
                "UPDATE places SET admin1 = ? WHERE country_code = ? AND admin1_code = ? AND admin1 = ''",
                (name, country, admin1_code),
            )
            count += max(cursor.rowcount, 0) or 1
        else:
            count += 1
    return count


def _supplement_places(path: Path) -> Iterator[PlaceRow]:
    """Places of a user CSV: name, latitude, longitude and optional alternates (|-joined),
    country_code, admin1, admin2, feature_code, population, geonameid."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in SUPPLEMENT_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: supplement CSV lacks column(s) {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            try:
                latitude, longitude = float(row["latitude"]), float(row["longitude"])
            except ValueError as error:
                bad = f"{row['latitude']!r}, {row['longitude']!r}"
                raise ValueError(f"{path}:{line}: bad coordinates {bad}") from error
            yield PlaceRow(
                row["name"],
                latitude,
                longitude,
                int(row["geonameid"]) if row.get("geonameid") else None,
                (row.get("country_code") or "").upper(),
                row.get("admin1") or "",
                row.get("admin2") or "",
                feature_code=row.get("feature_code") or "PPL",
                population=int(row.get("population") or 0),
                source="supplement",
                names=[n for n in (row.get("alternates") or "").split("|") if n],
            )
