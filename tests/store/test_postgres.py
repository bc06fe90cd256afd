"""The store on SQLite and on a real PostgreSQL server: the same API and answers, safe concurrent writers."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import inspect, text

import sitmap.store.feeds  # noqa: F401 - puts the feed tables in the schema compared below
from sitmap import store
from sitmap.model import Claim, Document, Event, Evidence, Failure, Result, Source
from sitmap.store.schema import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(db):
    engine = store.open_database(db)
    yield engine
    engine.dispose()


def _document(doc_id: str) -> Document:
    text = f"Report {doc_id}: shelling hit the market of Kafr Nabl on Monday."
    return Document(id=doc_id, text=text, published=date(2024, 6, 4), source="Valley Post",
                    origin=f"{doc_id}.txt", raw=b"\x00raw")  # fmt: skip


def _event(doc_id: str, event_id: str | None = None, **changes: object) -> Event:
    values: dict[str, object] = dict(
        event_id=event_id or f"ev-{doc_id}", event_date=date(2024, 6, 3), time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Syria", inter1=1,
        actor2="Civilians (Syria)", inter2=7, interaction=17, country="Syria", iso3="SYR", admin1="Idlib",
        location="Kafr Nabl", latitude=35.61, longitude=36.56, geo_precision=1, geonameid=169388,
        fatalities=2,
        claims=(Claim("Civil Defence", "killed", 2, Evidence(doc_id, 0, 0, 20, "fatalities", "killed two")),),
        sources=(Source(doc_id, "Valley Post", f"https://valley.example/{doc_id}", date(2024, 6, 4)),),
        evidence=(Evidence(doc_id, 0, 0, 30, "sub_event_type", "shelling hit the market"),),
        notes="On 3 June 2024, shelling hit Kafr Nabl.", confidence=0.7,
    )  # fmt: skip
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_migration_creates_every_table_and_column_of_the_schema(engine):
    inspector = inspect(engine)
    for name, table in metadata.tables.items():
        assert {c["name"] for c in inspector.get_columns(name)} == {c.name for c in table.columns}, name


def test_event_round_trip_is_exact(engine):
    event = _event("d1", tags=("market",))
    store.save_result(engine, Result(events=[event], documents=[_document("d1")]))
    assert store.get_event(engine, "ev-d1") == event
    where = store.EventFilter(country="syr", bbox=(36.0, 35.0, 37.0, 36.0))
    assert store.query_events(engine, where) == [event]


def test_saving_a_batch_twice_stores_it_once(engine):
    batch = Result(events=[_event("d1")], documents=[_document("d1")])
    for _ in range(2):
        store.save_result(engine, batch)
    assert (store.count_events(engine), len(store.list_documents(engine))) == (1, 1)


def test_failed_inputs_keep_their_raw_bytes_and_are_not_processed(engine):
    bad = Failure("bad", "bad.bin", "binary", b"\x00\xff")
    store.save_result(engine, Result(documents=[_document("ok")], failures=[bad]))
    assert store.processed_ids(engine, ["ok", "bad", "new"]) == {"ok"}
    with engine.connect() as connection:
        assert connection.execute(text("select raw from documents where id = 'bad'")).scalar() == b"\x00\xff"


def test_a_second_report_of_the_same_event_is_merged_into_it(engine):
    store.save_result(engine, Result(events=[_event("d1")], documents=[_document("d1")]))
    report = store.save_result(engine, Result(events=[_event("d2")], documents=[_document("d2")]))
    (stored,) = store.query_events(engine)
    assert (report.merged, stored.event_id, {s.doc_id for s in stored.sources}) == (1, "ev-d1", {"d1", "d2"})


def test_concurrent_writers_of_overlapping_batches_store_each_document_and_event_once(db):
    # Two writers save the same ten reports of one shelling, each in its own order, in one-document
    # batches, at the same time: every report must be stored once and all merged into one event.
    engines = [store.open_database(db) for _ in range(2)]
    orders = [list(range(10)), list(reversed(range(10)))]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(engine, order):
        start.wait()
        try:
            for i in order:
                store.save_result(engine, Result(events=[_event(f"d{i}")], documents=[_document(f"d{i}")]))
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)

    threads = [threading.Thread(target=write, args=pair) for pair in zip(engines, orders, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    (event,) = store.query_events(engines[0])
    assert sorted(s.doc_id for s in event.sources) == sorted(f"d{i}" for i in range(10))
    assert len(store.list_documents(engines[0])) == 10
    for engine in engines:
        engine.dispose()


def _placed(doc_id: str, location: str, latitude: float, longitude: float, day: int) -> Event:
    # a day apart each, so that no two are merged as reports of one event
    return _event(
        doc_id, location=location, latitude=latitude, longitude=longitude, event_date=date(2024, 6, day)
    )


def test_near_selects_events_by_great_circle_distance(engine):
    placed = [
        _placed("d-kafr-nabl", "Kafr Nabl", 35.61, 36.56, 1),
        _placed("d-maarat", "Maarat al-Numan", 35.648, 36.673, 3),  # about 11 km east
        _placed("d-aleppo", "Aleppo", 36.20, 37.16, 5),  # about 85 km north-east
        _placed("d-sidon", "Sidon", 33.56, 35.37, 7),  # Lebanon, about 250 km
    ]
    for event in placed:
        documents = [_document(event.sources[0].doc_id)]
        store.save_result(engine, Result([event], [], [], documents))

    def near(km: float) -> list[str]:
        where = store.EventFilter(near=(35.61, 36.56, km))
        return sorted(e.location for e in store.query_events(engine, where))

    assert near(5) == ["Kafr Nabl"]
    assert near(15) == ["Kafr Nabl", "Maarat al-Numan"]
    assert near(100) == ["Aleppo", "Kafr Nabl", "Maarat al-Numan"]
    assert near(300) == ["Aleppo", "Kafr Nabl", "Maarat al-Numan", "Sidon"]
    assert store.count_events(engine, store.EventFilter(near=(35.61, 36.56, 15))) == 2
    # the plain-SQL haversine gives the same answer as PostGIS on a server that has both
    from sqlalchemy import select

    from sitmap.store.schema import events
    from sitmap.store.spatial import within

    with engine.connect() as connection:
        plain = connection.execute(
            select(events.c.location).where(within((35.61, 36.56, 100), postgis=False))
        )
        assert sorted(row[0] for row in plain) == near(100)


def test_postgis_is_used_where_the_server_has_it(postgres_url):
    """With PostGIS installed on the server (``.ci/run`` installs it), distances go through it."""
    import glob

    from sitmap.store.spatial import has_postgis

    engine = store.open_database(postgres_url)
    installed = bool(glob.glob("/usr/share/postgresql/*/extension/postgis.control"))
    assert has_postgis(engine) is installed
    if installed:
        with engine.connect() as connection:
            indexes = connection.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'events'"))
            assert "ix_events_geography" in {row[0] for row in indexes}
    engine.dispose()
