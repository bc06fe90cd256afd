"""Export formats: the ACLED header byte for byte, GeoJSON points, JSON lines with the contract fields."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from sitmap.export import CONTRACT_FIELDS, write_acled_csv, write_csv, write_geojson, write_jsonl
from sitmap.model import Event, Evidence, Source

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp\n"
)


def _event(**changes: object) -> Event:
    values: dict[str, object] = dict(
        event_id="abc123", event_date=date(2023, 5, 2), time_precision=1, disorder_type="Political violence",
        event_type="Battles", sub_event_type="Armed clash", actor1="Rebels (Syria)", inter1=2,
        actor2="Military Forces of Syria", inter2=1, interaction=12, country="Syria", iso3="SYR",
        admin1="Idlib", location="Saraqib", latitude=35.86, longitude=36.8, geo_precision=1, fatalities=5,
        sources=(Source("d1", "Wire A"), Source("d2", "Wire B")),
        evidence=(Evidence("d1", 2, 10, 40, "sub_event_type", "clashes erupted in Saraqib"),),
        notes="On 2 May 2023, rebels clashed with the army in Saraqib.",
    )  # fmt: skip
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_acled_csv_header_matches_acled_byte_for_byte():
    out = io.StringIO()
    write_acled_csv([], out)
    assert out.getvalue() == ACLED_HEADER


def test_acled_row_carries_numeric_iso_region_and_sources():
    out = io.StringIO()
    write_acled_csv([_event()], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["iso"], row["region"], row["year"], row["source"]) == (
        "760",
        "Middle East",
        "2023",
        "Wire A; Wire B",
    )
    assert row["event_id_cnty"] == "SYRabc123" and row["fatalities"] == "5"


def test_geojson_has_a_point_per_located_event_and_skips_the_rest():
    out = io.StringIO()
    assert write_geojson([_event(), _event(event_id="x", latitude=None, longitude=None)], out) == 1
    (feature,) = json.loads(out.getvalue())["features"]
    assert feature["geometry"]["coordinates"] == [36.8, 35.86]
    assert feature["properties"]["sub_event_type"] == "Armed clash"


def test_jsonl_records_have_exactly_the_contract_fields_and_doc_ids():
    out = io.StringIO()
    write_jsonl([_event()], out)
    record = json.loads(out.getvalue())
    assert tuple(record) == CONTRACT_FIELDS
    assert [s["doc_id"] for s in record["sources"]] == ["d1", "d2"]
    assert record["evidence"][0] == {"doc_id": "d1", "sentence": 2, "start": 10, "end": 40,
                                     "field": "sub_event_type", "text": "clashes erupted in Saraqib"}  # fmt: skip


def test_flat_csv_encodes_nested_fields_as_json():
    out = io.StringIO()
    write_csv([_event()], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert json.loads(row["sources"])[1]["doc_id"] == "d2" and row["territory"] == ""
