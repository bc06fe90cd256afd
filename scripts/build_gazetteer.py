"""Turn the Who's On First village extracts into sitmap's compact package data.

Usage: python scripts/build_gazetteer.py [WOF_DIR] [--out src/sitmap/geo/data/wof_places.tsv.gz]

Reads ``places_<CC>.tsv`` (see the README beside them), keeps only the columns the geoparser uses,
keeps Latin-script and Arabic-script names (deduplicated by name key), gives regions their common
English names (``admin1_names.tsv``) and renamed towns their current names (``renames.tsv``), and
writes one gzip-compressed TSV sorted by country and region.

With ``--us-counties`` it instead writes ``us_counties.tsv``: every US county (and parish,
borough, census area) with a representative point, the median of its ZIP code points from the
PyPI package ``zipcodes`` (needed only here, at build time; the table ships with sitmap).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitmap.geo.names import is_arabic, is_latin, name_key  # noqa: E402

DATA = ROOT / "src" / "sitmap" / "geo" / "data"
DEFAULT_WOF = ROOT.parent / "shared" / "data" / "gazetteer-wof"
COLUMNS = [
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "country_code",
    "admin1",
    "admin2",
    "feature_code",
    "population",
    "names",
]
PLACETYPE_CODES = {
    "region": "ADM1",
    "macroregion": "ADM1",
    "county": "ADM2",
    "macrocounty": "ADM2",
    "localadmin": "ADM3",
    "neighbourhood": "PPLX",
    "macrohood": "PPLX",
    "microhood": "PPLX",
    "borough": "PPLX",
    "campus": "CMPS",
    "locality": "PPL",
}
MAX_NAMES = 16


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a TSV table in the package data folder, comment lines skipped."""
    with open(DATA / name, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_wof(folder: Path) -> Iterator[dict[str, str]]:
    """Every non-country row of every ``places_<CC>.tsv`` in the folder."""
    for path in sorted(folder.glob("places_*.tsv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["placetype"] != "country":
                    yield row


def compact(row: dict[str, str], admin1_names: dict[tuple[str, str], str]) -> dict[str, str]:
    """One output row: the columns the geoparser uses, names filtered and deduplicated."""
    country = row["country_code"]
    admin1 = admin1_names.get((country, row["admin1"]), row["admin1"])
    name = admin1 if row["placetype"] == "region" else row["name"]
    seen = {name_key(name)}
    names: list[str] = []
    candidates = [row["name"]] + row["name_ar"].split("|") + row["alt_names"].split("|")
    for alternate in candidates:
        alternate = alternate.strip()
        if not alternate or len(alternate) > 60 or not (is_latin(alternate) or is_arabic(alternate)):
            continue
        key = name_key(alternate)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        names.append(alternate)
    return {
        "geonameid": row["geonameid"],
        "name": name,
        "latitude": f"{float(row['latitude']):.5f}",
        "longitude": f"{float(row['longitude']):.5f}",
        "country_code": country,
        "admin1": admin1,
        "admin2": row["admin2"],
        "feature_code": row["feature_code"] or PLACETYPE_CODES.get(row["placetype"], ""),
        "population": row["population"],
        "names": "|".join(names[:MAX_NAMES]),
    }


def apply_renames(rows: list[dict[str, str]]) -> int:
    """Give renamed towns their current primary name; returns how many rows were renamed."""
    renamed = 0
    for rename in read_table("renames.tsv"):
        matches = [
            row
            for row in rows
            if row["country_code"] == rename["country_code"]
            and row["name"] == rename["old_name"]
            and row["feature_code"].startswith("PPL")
        ]
        if not matches:
            continue
        row = max(matches, key=lambda match: int(match["population"] or 0))
        kept = [n for n in row["names"].split("|") if n and n != rename["current_name"]]
        names = [rename["old_name"], *kept]
        row["name"], row["names"] = rename["current_name"], "|".join(names)
        renamed += 1
    return renamed


def write_us_counties(path: Path) -> int:
    """Write US counties with the median of their ZIP code points; returns how many."""
    import statistics

    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in zipcodes.list_all():
        county, state = row.get("county") or "", row.get("state") or ""
        if county and state and row.get("lat") and row.get("long") and row.get("country") == "US":
            points.setdefault((state, county), []).append((float(row["lat"]), float(row["long"])))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# US counties, parishes and boroughs: median of their ZIP code points (PyPI zipcodes, MIT).\n"
        )
        handle.write("state\tname\tlatitude\tlongitude\tzip_codes\n")
        for (state, county), values in sorted(points.items()):
            latitude = statistics.median(point[0] for point in values)
            longitude = statistics.median(point[1] for point in values)
            handle.write(f"{state}\t{county}\t{latitude:.4f}\t{longitude:.4f}\t{len(values)}\n")
    return len(points)


def main() -> None:
    """Build the compact WOF table (or the US county table) and print its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wof", nargs="?", type=Path, default=DEFAULT_WOF)
    parser.add_argument("--out", type=Path, default=DATA / "wof_places.tsv.gz")
    parser.add_argument("--us-counties", action="store_true", help="write us_counties.tsv instead")
    args = parser.parse_args()
    if args.us_counties:
        count = write_us_counties(DATA / "us_counties.tsv")
        print(f"{count:,} US counties -> {DATA / 'us_counties.tsv'}")
        return
    admin1_names = {
        (row["country_code"], row["wof_name"]): row["name"] for row in read_table("admin1_names.tsv")
    }
    rows = [compact(row, admin1_names) for row in read_wof(args.wof)]
    renamed = apply_renames(rows)
    rows.sort(key=lambda row: (row["country_code"], row["admin1"], row["admin2"], row["name"]))
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9, newline="") as handle:
        handle.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            handle.write("\t".join(row[column] for column in COLUMNS) + "\n")
    size = args.out.stat().st_size / 1e6
    print(f"{len(rows):,} places ({renamed} renamed) -> {args.out} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
