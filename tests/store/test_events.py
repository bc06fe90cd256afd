"""The event store on a real SQLite file: schema, round trips, idempotence, filters, failures."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from importlib.resources import files

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from sitmap import store
from sitmap.model import Claim, Document, Event, Evidence, Failure, Result, Source, Statistic, Territory
from sitmap.store.records import EVIDENCE_COLUMNS, SOURCE_COLUMNS
from sitmap.store.schema import metadata


def _event(event_id: str = "e1", doc_id: str = "doc-a", **changes: object) -> Event:
    values: dict[str, object] = dict(
        event_id=event_id, event_date=date(2024, 3, 12), time_precision=1, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria", inter1=1, actor2="Civilians (Syria)", inter2=7, interaction=17,
        country="Syria", iso3="SYR", admin1="Idlib", location="Ariha", latitude=35.81, longitude=36.61,
        geo_precision=1, geonameid=172515, fatalities=3,
        claims=(Claim("White Helmets", "killed", 3, Evidence(doc_id, 0, 10, 30, "fatalities", "killed three people")),),
        territory=None, sources=(Source(doc_id, "Example Wire", "https://example.org/a", date(2024, 3, 12)),),
        evidence=(Evidence(doc_id, 0, 0, 40, "sub_event_type", "Shelling hit Ariha on Tuesday"),),
        notes="On 12 March 2024, shelling hit Ariha.", confidence=0.8,
    )  # fmt: skip
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def _document(doc_id: str = "doc-a") -> Document:
    return Document(id=doc_id, text="Shelling hit Ariha on Tuesday and killed three people.", origin="a.txt",
                    published=date(2024, 3, 13), source="Example Wire", raw=b"raw bytes")  # fmt: skip


@pytest.fixture
def engine(tmp_path):
    return store.open_database(str(tmp_path / "events.db"))


def test_open_database_migrates_to_the_latest_revision(engine):
    config = Config()
    config.set_main_option("script_location", str(files("sitmap.store") / "migrations"))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == head
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())


def test_migration_creates_every_column_of_the_schema(engine):
    inspector = inspect(engine)
    for name, table in metadata.tables.items():
        assert {c["name"] for c in inspector.get_columns(name)} == {c.name for c in table.columns}, name


def test_event_round_trip_keeps_sources_evidence_claims_and_territory(engine):
    event = _event(
        territory=Territory("Ariha", "Military Forces of Syria", "Rebels (Syria)"), tags=("highway cut",)
    )
    store.save_result(engine, Result(events=[event], documents=[_document()]))
    assert store.get_event(engine, "e1") == event


def test_saving_the_same_batch_twice_adds_no_event_or_document(engine):
    batch = Result(events=[_event()], documents=[_document()])
    store.save_result(engine, batch)
    store.save_result(engine, batch)
    assert store.count_events(engine) == 1
    assert len(store.list_documents(engine)) == 1
    assert len(store.get_event(engine, "e1").sources) == 1


def test_processed_ids_names_only_documents_coded_successfully(engine):
    store.save_result(
        engine, Result(documents=[_document("good")], failures=[Failure("bad", "b.txt", "empty file")])
    )
    assert store.processed_ids(engine, ["good", "bad", "new"]) == {"good"}


def test_failed_inputs_are_listed_with_their_reason_and_raw_bytes_kept(engine):
    store.save_result(
        engine, Result(failures=[Failure("bad", "b.bin", "binary file (NUL bytes)", b"\x00\x01")])
    )
    (row,) = store.list_documents(engine, failed=True)
    assert (row["id"], row["status"], row["reason"]) == ("bad", "failed", "binary file (NUL bytes)")
    with engine.connect() as connection:
        assert connection.execute(text("select raw from documents where id='bad'")).scalar() == b"\x00\x01"


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (store.EventFilter(country="Syria"), {"e1"}),
        (store.EventFilter(country="yem"), {"e2"}),
        (store.EventFilter(event_type="Battles"), {"e2"}),
        (store.EventFilter(event_type="shelling/artillery/missile attack"), {"e1"}),
        (store.EventFilter(since=date(2024, 3, 13)), {"e2"}),
        (store.EventFilter(until=date(2024, 3, 12)), {"e1"}),
        (store.EventFilter(actor="houthi"), {"e2"}),
        (store.EventFilter(text="ariha"), {"e1"}),
        (store.EventFilter(doc_id="doc-b"), {"e2"}),
        (store.EventFilter(bbox=(35.0, 30.0, 40.0, 37.0)), {"e1"}),
        (store.EventFilter(), {"e1", "e2"}),
    ],
)
def test_query_events_filters(engine, where, expected):
    other = _event(
        "e2", "doc-b", event_date=date(2024, 3, 14), event_type="Battles", sub_event_type="Armed clash",
        actor1="Houthis (Ansar Allah)", actor2="Military Forces of Yemen", country="Yemen", iso3="YEM",
        admin1="Marib", location="Sirwah", latitude=15.43, longitude=45.03, geonameid=None, claims=(),
        evidence=(Evidence("doc-b", 1, 5, 25, "sub_event_type", "fighting in Sirwah"),), notes="Clashes in Sirwah.",
    )  # fmt: skip
    store.save_result(engine, Result(events=[_event(), other], documents=[_document(), _document("doc-b")]))
    assert {e.event_id for e in store.query_events(engine, where)} == expected


def test_statistics_are_stored_once(engine):
    figure = Statistic("Idlib", "displaced", 900000, date(2019, 12, 1), date(2020, 2, 26), "UN",
                       Evidence("doc-a", 4, 0, 50, "statistic", "nearly 900,000 displaced"))  # fmt: skip
    store.save_result(engine, Result(statistics=[figure, figure], documents=[_document()]))
    assert store.query_statistics(engine) == [figure]


def test_database_url_reads_paths_urls_and_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SITMAP_DB", raising=False)
    assert store.database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert store.database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert store.database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("SITMAP_DB", str(tmp_path / "env.db"))
    assert store.database_url() == f"sqlite:///{tmp_path / 'env.db'}"


def test_a_second_report_of_the_same_event_merges_into_the_stored_one(engine):
    store.save_result(engine, Result(events=[_event()], documents=[_document()]))
    other = _event(
        "e9", "doc-b", fatalities=5, location="Ariha", latitude=35.812, longitude=36.608,
        claims=(Claim("Syrian Observatory for Human Rights", "killed", 5, Evidence("doc-b", 0, 0, 20, "fatalities", "five killed")),),
        evidence=(Evidence("doc-b", 0, 0, 44, "sub_event_type", "Regime shelling struck Ariha on Tuesday"),),
    )  # fmt: skip
    report = store.save_result(engine, Result(events=[other], documents=[_document("doc-b")]))
    assert (report.inserted, report.merged) == (0, 1)
    (merged,) = store.query_events(engine)
    assert merged.event_id == "e1"
    assert {s.doc_id for s in merged.sources} == {"doc-a", "doc-b"}
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (3, 3, 5)
    (logged,) = store.merge_log(engine, "e1")
    assert logged["doc_id"] == "doc-b" and logged["reasons"]


def test_a_report_from_a_town_a_hundred_km_away_stays_a_separate_event(engine):
    store.save_result(engine, Result(events=[_event()], documents=[_document()]))
    far = _event(
        "e8", "doc-c", location="Al-Bab", latitude=36.37, longitude=37.52, admin1="Aleppo", geonameid=None
    )
    store.save_result(engine, Result(events=[far], documents=[_document("doc-c")]))
    assert store.count_events(engine) == 2


def test_a_batch_spanning_a_year_reads_only_the_stored_events_near_its_own(engine):
    from sitmap.store.events import _candidate_pool

    stored = [
        _event("spring", event_date=date(2024, 3, 10)),
        _event("summer", event_date=date(2024, 7, 1)),  # months from any event of the batch
        _event("unplaced", event_date=date(2024, 12, 20), country=""),
        _event("abroad", event_date=date(2025, 3, 14), country="Iraq"),
    ]
    store.save_result(engine, Result(events=stored, documents=[_document()]))
    batch = [
        _event("n1", "doc-b", event_date=date(2024, 3, 10)),  # the day of "spring": the same event
        _event("n2", "doc-b", event_date=date(2024, 12, 24)),  # near "unplaced" (a country-less event)
        _event("n3", "doc-b", event_date=date(2025, 3, 13)),  # near "abroad", but in Syria
    ]
    with engine.connect() as connection:
        assert set(_candidate_pool(connection, batch)) == {"spring", "unplaced"}
    report = store.save_result(engine, Result(events=batch, documents=[_document("doc-b")]))
    assert report.merged == 1 and store.count_events(engine) == 6  # n1 into "spring"; n2 and n3 new


def test_the_pool_loads_only_the_stored_events_a_new_one_could_match(engine):
    from sitmap.store.events import _candidate_pool

    far = _event(
        "far",
        "doc-c",
        location="Deir ez-Zor",
        latitude=35.33,
        longitude=40.14,
        admin1="Deir ez-Zor",
        geonameid=None,
    )
    store.save_result(engine, Result(events=[_event(), far], documents=[_document()]))
    with engine.connect() as connection:
        pool = _candidate_pool(connection, [_event("n1", "doc-b")])
    assert set(pool) == {"e1"}  # the same week and country, but Deir ez-Zor is 300 km from Ariha
    assert pool["e1"] == _event()


def test_merging_into_a_stored_event_twice_keeps_each_source_and_evidence_row_once_in_order(engine):
    from sitmap.store.schema import evidence, sources

    def report(doc_id: str) -> Event:
        return _event(
            f"r-{doc_id}", doc_id, evidence=(Evidence(doc_id, 1, 5, 25, "location", f"Ariha in {doc_id}"),)
        )

    store.save_result(engine, Result(events=[_event()], documents=[_document()]))
    store.save_result(engine, Result(events=[report("doc-b")], documents=[_document("doc-b")]))
    store.save_result(
        engine, Result(events=[report("doc-c"), report("doc-b")], documents=[_document("doc-c")])
    )
    (merged,) = store.query_events(engine)
    assert [e.doc_id for e in merged.evidence] == ["doc-a", "doc-b", "doc-c"]
    assert [s.doc_id for s in merged.sources] == ["doc-a", "doc-b", "doc-c"]
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from evidence")).scalar() == 3
        assert connection.execute(text("select count(*) from sources")).scalar() == 3
    assert {c.name for c in evidence.columns} > set(EVIDENCE_COLUMNS)
    assert {c.name for c in sources.columns} > set(SOURCE_COLUMNS)


def test_source_and_evidence_columns_follow_their_records_fields():
    assert tuple(f.name for f in fields(Source)) == SOURCE_COLUMNS
    assert tuple(f.name for f in fields(Evidence)) == EVIDENCE_COLUMNS


def test_a_batch_of_documents_and_statistics_replaces_failures_and_skips_stored_figures(engine):
    store.save_result(engine, Result(failures=[Failure("doc-b", "b.txt", "not UTF-8", b"\xff")]))
    figure = Statistic(
        "Idlib", "killed", 60, None, None, "", Evidence("doc-b", 1, 0, 20, "statistic", "toll rose to 60")
    )
    report = store.save_result(
        engine, Result(statistics=[figure], documents=[_document(), _document("doc-b")])
    )
    again = store.save_result(engine, Result(statistics=[figure], documents=[_document("doc-b")]))
    assert (report.documents, report.statistics, again.statistics) == (2, 1, 0)
    listed = {d["id"]: d["status"] for d in store.list_documents(engine)}
    assert listed == {"doc-a": "ok", "doc-b": "ok"} and not store.list_documents(engine, failed=True)
