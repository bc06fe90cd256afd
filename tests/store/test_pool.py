"""The in-memory pool a saved batch is matched against: by day, in the order events entered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitmap.model import Event
from sitmap.store.pool import Pool, may_match, rows_near


def _event(event_id: str, day: date | None, **changes: object) -> Event:
    values: dict[str, object] = dict(
        event_id=event_id, event_date=day, time_precision=1, disorder_type="Political violence",
        event_type="Battles", sub_event_type="Armed clash", country="Syria", admin1="Idlib",
        location="Ariha", latitude=35.81, longitude=36.61,
    )  # fmt: skip
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_near_gives_the_events_of_the_week_around_in_the_order_they_entered():
    pool = Pool(
        [_event("b", date(2024, 3, 8)), _event("a", date(2024, 3, 1)), _event("c", date(2024, 3, 20))]
    )
    pool.put(_event("d", None))
    found = pool.near(_event("new", date(2024, 3, 8)))
    assert [e.event_id for e in found] == ["b", "a"]  # 7 days before is in, 12 days after is out
    assert [e.event_id for e in pool.near(_event("new", None))] == ["d"]
    assert [e.event_id for e in pool.near(_event("c", None))] == ["c", "d"]  # its own id always


def test_a_replaced_event_keeps_its_place_and_moves_to_its_new_day():
    pool = Pool([_event("a", date(2024, 3, 1)), _event("b", date(2024, 3, 2))])
    pool.put(_event("a", date(2024, 3, 20)))
    assert [e.event_id for e in pool.near(_event("new", date(2024, 3, 3)))] == ["b"]
    pool.put(_event("b", date(2024, 3, 21)))
    assert [e.event_id for e in pool.near(_event("new", date(2024, 3, 22)))] == ["a", "b"]
    assert list(pool) == ["a", "b"] and pool["a"].event_date == date(2024, 3, 20)


def test_near_keeps_exactly_what_may_match_keeps():
    stored = [
        _event("same-admin1", date(2024, 3, 5), latitude=36.9, longitude=38.5),
        _event("close", date(2024, 3, 6), admin1="Aleppo", latitude=36.2, longitude=37.1),
        _event("far", date(2024, 3, 6), admin1="Deir ez-Zor", latitude=35.33, longitude=40.14),
        _event("abroad", date(2024, 3, 6), country="Iraq", admin1="Nineveh"),
        _event("nowhere", date(2024, 3, 6), country="", latitude=None, longitude=None),
    ]
    new = _event("new", date(2024, 3, 7))
    expected = [e.event_id for e in stored if may_match(e, new)]
    assert [e.event_id for e in Pool(stored).near(new)] == expected == ["same-admin1", "close", "nowhere"]
    rows = [{"event_id": e.event_id, "event_date": e.event_date, "country": e.country, "admin1": e.admin1,
             "latitude": e.latitude, "longitude": e.longitude} for e in stored]  # fmt: skip
    assert [r["event_id"] for r in rows_near(rows, [new, replace(new, event_id="abroad")])] == [
        "same-admin1", "close", "abroad", "nowhere"
    ]  # fmt: skip
