"""``sitmap gazetteer ...``: import GeoNames dumps and user places, show the store's size and sources."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated

import typer

from sitmap.commandline import GazetteerOption
from sitmap.geo.gazetteer import default_path, load_gazetteer
from sitmap.geo.geonames_import import import_file

gazetteer_app = typer.Typer(help="Build, extend and inspect the gazetteer.", no_args_is_help=True)


@gazetteer_app.command("import")
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            dir_okay=False,
            help="GeoNames dumps (allCountries.zip, XX.zip, alternateNamesV2.zip, admin1CodesASCII.txt, "
            "admin2Codes.txt) or a supplement CSV (name,latitude,longitude[,alternates,country_code,"
            "admin1,admin2,feature_code,population,geonameid]).",
        ),
    ],
    gazetteer: GazetteerOption = None,
) -> None:
    """Add GeoNames dump files or a CSV of your own places to the gazetteer."""
    path = gazetteer or default_path()
    load_gazetteer(path)
    # Code tables first, so places imported in the same call get their admin-1 names.
    order = sorted(files, key=lambda f: (not f.name.startswith("admin"), f.name.startswith("alternate")))
    connection = sqlite3.connect(path)
    try:
        for file in order:
            typer.echo(import_file(file, connection))
    finally:
        connection.close()


@gazetteer_app.command("info")
def info_command(gazetteer: GazetteerOption = None) -> None:
    """Show the gazetteer's path, size, number of places, sources and build date."""
    info = load_gazetteer(gazetteer).info()
    for key in ("path", "size_mb", "places", "built", "sources"):
        typer.echo(f"{key}: {info.get(key, '')}")
    for key, value in sorted(info.items()):
        if key.startswith("import:"):
            typer.echo(f"{key}: {value}")
