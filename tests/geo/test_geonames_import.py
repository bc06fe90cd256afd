import sqlite3
import zipfile

from typer.testing import CliRunner

from sitmap.geo import load_gazetteer
from sitmap.geo.commands import gazetteer_app
from sitmap.geo.names import name_key
from sitmap.geo.store import create_store, finish_store

# Our own rows in the GeoNames `geoname` dump layout (19 tab-separated columns); ids are made up
# except where a test says otherwise.
GEONAME_ROWS = [
    [
        "900001",
        "Tal Hamra",
        "Tal Hamra",
        "Tell el Hamra,Tall al Hamrah",
        "35.5",
        "37.1",
        "P",
        "PPL",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "1200",
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "900002",
        "Wadi Sabr",
        "Wadi Sabr",
        "",
        "35.2",
        "37.3",
        "H",
        "WAD",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "0",
        "",
        "250",
        "Asia/Damascus",
        "2024-01-01",
    ],
]
ADMIN1 = "SY.07\tHama Governorate\tHama Governorate\t170016\n"
ADMIN2 = "SY.07.1\tMasyaf District\tMasyaf District\t900100\n"
ALTERNATE = (
    "1\t900001\ten\tRed Hill Village\t\t\t\t\t\t\n2\t900001\tlink\thttps://example.org/x\t\t\t\t\t\t\n"
)
SUPPLEMENT = (
    "name,latitude,longitude,alternates,country_code,admin1,feature_code\n"
    "Checkpoint Seven,35.61,36.70,CP7|Hajiz Saba,SY,Idlib,CMPS\n"
)


def _empty_store(path):
    connection = create_store(path)
    finish_store(connection, ["test"])
    connection.close()
    return path


def _write_dumps(folder):
    with zipfile.ZipFile(folder / "SY.zip", "w") as archive:
        archive.writestr("SY.txt", "".join("\t".join(row) + "\n" for row in GEONAME_ROWS))
    with zipfile.ZipFile(folder / "alternateNamesV2.zip", "w") as archive:
        archive.writestr("alternateNamesV2.txt", ALTERNATE)
    (folder / "admin1CodesASCII.txt").write_text(ADMIN1, encoding="utf-8")
    (folder / "admin2Codes.txt").write_text(ADMIN2, encoding="utf-8")
    (folder / "places.csv").write_text(SUPPLEMENT, encoding="utf-8")
    return [
        folder / name
        for name in (
            "SY.zip",
            "alternateNamesV2.zip",
            "admin1CodesASCII.txt",
            "admin2Codes.txt",
            "places.csv",
        )
    ]


def test_gazetteer_import_reads_geonames_dumps_and_a_supplement(tmp_path):
    store = _empty_store(tmp_path / "g.sqlite")
    result = CliRunner().invoke(
        gazetteer_app, ["import", *map(str, _write_dumps(tmp_path)), "--gazetteer", str(store)]
    )
    assert result.exit_code == 0, result.output
    gazetteer = load_gazetteer(store)
    tal = gazetteer.candidates(name_key("Tell el Hamra"))
    assert [(c.place.geonameid, c.place.admin1, c.place.population) for c in tal] == [
        (900001, "Hama Governorate", 1200)
    ]
    assert gazetteer.candidates(name_key("Red Hill Village"))[0].place.geonameid == 900001
    assert gazetteer.candidates(name_key("Wadi Sabr")) == ()  # stream class H is not kept
    checkpoint = gazetteer.candidates(name_key("Hajiz Saba"))[0].place
    assert (checkpoint.name, checkpoint.feature_code) == ("Checkpoint Seven", "CMPS")
    assert checkpoint.admin1 == "Idlib"


def test_gazetteer_import_updates_a_place_it_already_holds(tmp_path):
    store = _empty_store(tmp_path / "g.sqlite")
    files = _write_dumps(tmp_path)
    runner = CliRunner()
    runner.invoke(gazetteer_app, ["import", str(files[0]), "--gazetteer", str(store)])
    GEONAME_ROWS[0][14] = "5000"
    (tmp_path / "SY.zip").unlink()
    files = _write_dumps(tmp_path)
    runner.invoke(gazetteer_app, ["import", str(files[0]), "--gazetteer", str(store)])
    with sqlite3.connect(store) as connection:
        rows = connection.execute("SELECT population FROM places WHERE geonameid = 900001").fetchall()
    GEONAME_ROWS[0][14] = "1200"
    assert rows == [(5000,)]


def test_gazetteer_import_rejects_a_supplement_without_coordinates(tmp_path):
    store = _empty_store(tmp_path / "g.sqlite")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,alternates\nSomewhere,\n", encoding="utf-8")
    result = CliRunner().invoke(gazetteer_app, ["import", str(bad), "--gazetteer", str(store)])
    assert result.exit_code != 0
    assert "latitude" in str(result.exception)


def test_gazetteer_info_shows_size_sources_and_build_date(tmp_path):
    store = _empty_store(tmp_path / "g.sqlite")
    runner = CliRunner()
    runner.invoke(gazetteer_app, ["import", str(_write_dumps(tmp_path)[-1]), "--gazetteer", str(store)])
    result = runner.invoke(gazetteer_app, ["info", "--gazetteer", str(store)])
    assert result.exit_code == 0
    assert "places: 1" in result.output
    assert "places.csv" in result.output and "built:" in result.output and "size_mb:" in result.output


def test_gazetteer_info_of_the_default_store_lists_its_sources(gazetteer):
    info = gazetteer.info()
    assert "Who's On First" in info["sources"] and "cities500" in info["sources"]
    assert int(info["places"]) > 50_000
