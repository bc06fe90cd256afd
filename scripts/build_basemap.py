"""Write the web map's offline basemap: Natural Earth country outlines as a small GeoJSON.

The outlines come from the Natural Earth 1:110m admin-0 countries that the ``pyogrio`` wheel
ships as test data (public domain, "Made with Natural Earth"). This runs at build time only:
``pip install pyogrio && python scripts/build_basemap.py``. The map never fetches anything.

The result (src/sitmap/api/static/basemap.json) keeps a name and ISO3 code per country and
coordinates rounded to 0.01 degrees after Douglas-Peucker simplification.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "sitmap" / "api" / "static" / "basemap.json"
TOLERANCE = 0.05  # degrees; about 5 km, finer than the 110m source needs
PRECISION = 2


def main() -> None:
    """Read the shipped Natural Earth countries, simplify them and write the basemap GeoJSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    args = parser.parse_args()
    collection = _read_countries()
    features = [_simplified(feature, args.tolerance) for feature in collection["features"]]
    basemap = {
        "type": "FeatureCollection",
        "attribution": "Made with Natural Earth (public domain), 1:110m admin-0 countries",
        "features": [f for f in features if f["geometry"]["coordinates"]],
    }
    args.output.write_text(json.dumps(basemap, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(basemap['features'])} countries, {args.output.stat().st_size} bytes -> {args.output}")


def _read_countries() -> dict[str, Any]:
    """The Natural Earth countries as GeoJSON, converted from the shapefile by pyogrio (GDAL)."""
    from pyogrio import raw

    shapefile = files("pyogrio") / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    meta, _, geometry, field_data = raw.read(str(shapefile), columns=["name", "iso_a3"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "countries.geojson"
        raw.write(str(path), geometry, field_data, fields=meta["fields"], driver="GeoJSON",
                  geometry_type="MultiPolygon", crs=meta["crs"], promote_to_multi=True)  # fmt: skip
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _simplified(feature: dict[str, Any], tolerance: float) -> dict[str, Any]:
    polygons = []
    for polygon in feature["geometry"]["coordinates"]:
        rings = [_ring(ring, tolerance) for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 4]
        if rings:
            polygons.append(rings)
    properties = feature["properties"]
    return {
        "type": "Feature",
        "properties": {"name": properties["name"], "iso3": properties["iso_a3"]},
        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
    }


def _ring(points: list[list[float]], tolerance: float) -> list[list[float]]:
    kept = _douglas_peucker(points, tolerance)
    rounded: list[list[float]] = []
    for x, y in kept:
        point = [round(x, PRECISION), round(y, PRECISION)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def _douglas_peucker(points: list[list[float]], tolerance: float) -> list[list[float]]:
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, distance = first, 0.0
        for index in range(first + 1, last):
            d = _distance(points[index], points[first], points[last])
            if d > distance:
                far, distance = index, d
        if distance > tolerance:
            keep[far] = True
            stack += [(first, far), (far, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance(point: list[float], start: list[float], end: list[float]) -> float:
    dx, dy = end[0] - start[0], end[1] - start[1]
    if dx == dy == 0:
        return math.dist(point, start)
    t = max(0.0, min(1.0, ((point[0] - start[0]) * dx + (point[1] - start[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(point, (start[0] + t * dx, start[1] + t * dy))


if __name__ == "__main__":
    main()
