"""control_timeline(): who holds a place as of a date, since when, and which events show it."""

from datetime import date

import pytest

from sitmap.merge import control_timeline
from sitmap.model import Event, Territory

ARMY, REBELS = "Military Forces of Syria (2000-)", "National Front for Liberation"


def _change(
    event_id: str,
    day: date,
    to_actor: str,
    from_actor: str,
    place: str = "Saraqib",
    country: str = "Syria",
    geonameid: int | None = 164816,
) -> Event:
    return Event(
        event_id,
        day,
        1,
        "Political violence",
        "Battles",
        "Non-state actor overtakes territory",
        actor1=to_actor,
        actor2=from_actor,
        country=country,
        location=place,
        geonameid=geonameid,
        territory=Territory(place, from_actor, to_actor),
    )


HISTORY = [
    _change("e3", date(2020, 3, 5), ARMY, REBELS),
    _change("e1", date(2020, 2, 8), ARMY, REBELS),
    _change("e2", date(2020, 3, 2), REBELS, ARMY),
    _change("e4", date(2020, 3, 6), ARMY, REBELS, place="Saraqeb"),  # a second report, same geonameid
    _change(
        "k1",
        date(2022, 11, 11),
        "Military Forces of Ukraine (2019-)",
        "Military Forces of Russia (2000-)",
        place="Kherson",
        country="Ukraine",
        geonameid=706448,
    ),
    Event("x1", date(2020, 3, 1), 1, "Political violence", "Battles", "Armed clash", location="Saraqib"),
]


@pytest.mark.parametrize(
    ("at", "actor", "since", "event_ids"),
    [
        pytest.param(date(2020, 2, 20), ARMY, date(2020, 2, 8), ("e1",), id="after-the-first-capture"),
        pytest.param(date(2020, 3, 3), REBELS, date(2020, 3, 2), ("e2",), id="after-the-rebels-retook-it"),
        pytest.param(None, ARMY, date(2020, 3, 5), ("e3", "e4"), id="latest-with-a-run-of-two-reports"),
    ],
)
def test_control_timeline_as_of_a_date(at, actor, since, event_ids) -> None:
    (saraqib,) = control_timeline(HISTORY, at=at, country="Syria")
    assert (saraqib.actor, saraqib.since, saraqib.event_ids) == (actor, since, event_ids)


def test_control_timeline_leaves_out_places_not_yet_taken() -> None:
    assert control_timeline(HISTORY, at=date(2020, 1, 1)) == []


def test_control_timeline_lists_every_place_and_filters_by_country_or_iso3() -> None:
    assert [c.place for c in control_timeline(HISTORY)] == ["Saraqeb", "Kherson"]
    assert [c.place for c in control_timeline(HISTORY, country="ukraine")] == ["Kherson"]
    kherson = control_timeline(HISTORY, country="Ukraine")[0]
    assert (kherson.previous_actor, kherson.since) == (
        "Military Forces of Russia (2000-)",
        date(2022, 11, 11),
    )
