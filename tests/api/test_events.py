"""GET /events, /events/{id}, /documents/{id}, /stats and /control over a real SQLite file."""

from __future__ import annotations

import csv
import io
import json

import pytest

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp\n"
)


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [event["event_id"] for event in response.json()["events"]]


def test_events_lists_every_stored_event_by_date(client):
    assert _ids(client.get("/events")) == ["ev-saraqib", "ev-ariha", "ev-sidon"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=Battles", ["ev-saraqib"]),
        ("type=battles", ["ev-saraqib"]),
        ("sub_event_type=Peaceful protest", ["ev-sidon"]),
        ("type=Shelling/artillery/missile attack", ["ev-ariha"]),
        ("country=Lebanon", ["ev-sidon"]),
        ("country=SYR", ["ev-saraqib", "ev-ariha"]),
        ("admin1=idlib", ["ev-saraqib", "ev-ariha"]),
        ("actor=rebels", ["ev-saraqib"]),
        ("actor=Military Forces of Syria", ["ev-saraqib", "ev-ariha"]),
        ("text=unpaid wages", ["ev-sidon"]),  # in the notes
        ("text=killed three", ["ev-ariha"]),  # in the evidence
        ("since=2024-02-27", ["ev-ariha", "ev-sidon"]),
        ("until=2024-02-26", ["ev-saraqib"]),
        ("since=2024-02-27&until=2024-02-27", ["ev-ariha"]),
        ("bbox=36.7,35.8,36.9,35.9", ["ev-saraqib"]),  # a box around Saraqib only
        ("bbox=35,33,37,36", ["ev-saraqib", "ev-ariha", "ev-sidon"]),
        ("bbox=0,0,1,1", []),
        ("near=35.86,36.80,5", ["ev-saraqib"]),  # within 5 km of Saraqib
        ("near=35.86,36.80,30", ["ev-saraqib", "ev-ariha"]),  # Ariha is about 18 km away
        ("near=35.86,36.80,400", ["ev-saraqib", "ev-ariha", "ev-sidon"]),
        ("near=35.86,36.80,30&type=Battles", ["ev-saraqib"]),
        ("type=Battles&country=Lebanon", []),
    ],
)
def test_events_filters_select_the_matching_events(client, query, expected):
    assert _ids(client.get(f"/events?{query}")) == expected


def test_events_pages_through_results_with_total_and_next_link(client):
    first = client.get("/events?limit=2").json()
    assert (first["total"], len(first["events"]), first["offset"]) == (3, 2, 0)
    second = client.get(first["next"]).json()
    assert [e["event_id"] for e in second["events"]] == ["ev-sidon"]
    assert second["next"] is None


def test_events_paging_headers_come_with_every_format(client):
    response = client.get("/events?limit=1&format=jsonl")
    assert response.headers["x-total-count"] == "3"
    assert 'rel="next"' in response.headers["link"] and "offset=1" in response.headers["link"]


def test_events_as_geojson_are_points_at_longitude_latitude(client):
    response = client.get("/events?format=geojson&type=Protests")
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [35.3689, 33.5631]}
    assert feature["properties"]["location"] == "Sidon"


def test_events_as_acled_csv_start_with_acleds_header_byte_for_byte(client):
    response = client.get("/events?format=acled-csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.decode("utf-8").startswith(ACLED_HEADER)
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["event_id_cnty"], r["location"], r["fatalities"]) for r in rows] == [
        ("SYRev-saraqib", "Saraqib", "0"), ("SYRev-ariha", "Ariha", "3"), ("LBNev-sidon", "Sidon", "0"),
    ]  # fmt: skip


def test_events_as_jsonl_give_one_contract_record_per_line(client):
    lines = client.get("/events?format=jsonl").text.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event_id"] for r in records] == ["ev-saraqib", "ev-ariha", "ev-sidon"]
    assert records[1]["claims"][0]["value"] == 3


def test_event_detail_has_sources_evidence_and_merge_log(client):
    event = client.get("/events/ev-ariha").json()
    assert event["sources"] == [
        {
            "doc_id": "doc-ariha",
            "source": "Example Wire",
            "url": "https://example.org/ariha",
            "published": "2024-02-28",
        }
    ]
    assert {(e["field"], e["text"]) for e in event["evidence"]} == {
        ("sub_event_type", "shelled"), ("fatalities", "killed three people"),
    }  # fmt: skip
    assert event["merges"] == []


def test_document_offsets_of_evidence_point_into_its_text_and_sentence(client):
    event = client.get("/events/ev-saraqib").json()
    document = client.get("/documents/doc-saraqib").json()
    for evidence in event["evidence"]:
        start, end = document["sentences"][evidence["sentence"]]
        assert start <= evidence["start"] < evidence["end"] <= end
        assert document["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    assert len(document["sentences"]) == 2


@pytest.mark.parametrize("path", ["/events/no-such-event", "/documents/no-such-document"])
def test_unknown_ids_are_404_with_a_json_error(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "no-such" in response.json()["error"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("bbox=1,2", "four numbers"),
        ("bbox=a,b,c,d", "four numbers"),
        ("bbox=10,0,5,1", "west <= east"),
        ("bbox=0,-95,1,1", "south <= north"),
        ("near=1,2", "three numbers"),
        ("near=95,0,10", "-90 <= LAT"),
        ("near=35,36,0", "0 < KM"),
        ("since=last tuesday", "invalid request"),
        ("until=2024-13-01", "invalid request"),
        ("since=2024-03-02&until=2024-03-01", "after until"),
        ("limit=0", "invalid request"),
        ("limit=1000000", "invalid request"),
        ("offset=-1", "invalid request"),
        ("format=xml", "invalid request"),
        ("country=" + "x" * 101, "invalid request"),
    ],
)
def test_bad_query_parameters_are_422_with_a_message_and_no_trace(client, query, words):
    response = client.get(f"/events?{query}")
    assert response.status_code == 422
    assert words in json.dumps(response.json())
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_stats_count_events_and_fatalities_by_day_type_and_region(client):
    stats = client.get("/stats").json()
    assert (stats["events"], stats["fatalities"], stats["first_day"], stats["last_day"]) == (
        3, 3, "2024-02-26", "2024-03-01",
    )  # fmt: skip
    assert {t["key"]: (t["events"], t["fatalities"]) for t in stats["by_admin1"]} == {
        "Idlib": (2, 3), "South Governorate": (1, 0),
    }  # fmt: skip
    assert [t["key"] for t in stats["by_day"]] == ["2024-02-26", "2024-02-27", "2024-03-01"]
    assert stats["by_type"][0]["key"] in {"Battles", "Explosions/Remote violence", "Protests"}
    assert len(stats["by_day_and_type"]) == 3


def test_stats_follow_the_event_filters(client):
    stats = client.get("/stats?country=Syria&type=Explosions/Remote violence").json()
    assert (stats["events"], stats["fatalities"]) == (1, 3)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2024-02-25", []),  # before the recapture nobody is recorded as holding Saraqib
        ("2024-02-26", [("Saraqib", "Rebels (Syria)", "2024-02-26")]),
        ("2024-03-10", [("Saraqib", "Rebels (Syria)", "2024-02-26")]),
    ],
)
def test_control_names_who_holds_each_place_on_a_date(client, at, expected):
    places = client.get(f"/control?at={at}").json()["places"]
    assert [(p["place"], p["actor"], p["since"]) for p in places] == expected


def test_openapi_lists_every_endpoint_and_docs_page_is_served(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/events",
        "/events/{event_id}",
        "/documents",
        "/documents/{doc_id}",
        "/control",
        "/stats",
    } <= set(paths)
    assert client.get("/docs").status_code == 200


def test_map_page_and_leaflet_from_the_xstatic_packages_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/map.js" in page.text
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/vendor/markercluster/leaflet.markercluster.js").status_code == 200
    basemap = client.get("/static/basemap.json").json()
    assert "Syria" in {feature["properties"]["name"] for feature in basemap["features"]}
