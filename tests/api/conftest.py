"""A real SQLite database of hand-built events (our own sentences), and the app over it."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from sitmap import store
from sitmap.api import create_app
from sitmap.model import Claim, Document, Event, Evidence, Result, Source, Territory

SARAQIB_TEXT = (
    "Rebel fighters took back the town of Saraqib on Monday after a night of heavy fighting. "
    "The highway through the town was cut, a commander said."
)
ARIHA_TEXT = "Government artillery shelled Ariha on Tuesday and killed three people, rescuers said."
SIDON_TEXT = "Hundreds of teachers marched peacefully through Sidon on Friday to demand unpaid wages."


def _span(doc_id: str, text: str, words: str, field: str, sentence: int = 0) -> Evidence:
    start = text.index(words)
    return Evidence(doc_id, sentence, start, start + len(words), field, words)


def make_events() -> list[Event]:
    """Three events in two countries: a recapture, a deadly shelling and a protest."""
    saraqib = Event(
        event_id="ev-saraqib", event_date=date(2024, 2, 26), time_precision=1,
        disorder_type="Political violence",
        event_type="Battles", sub_event_type="Non-state actor overtakes territory",
        actor1="Rebels (Syria)", inter1=2, actor2="Military Forces of Syria", inter2=1, interaction=12,
        country="Syria", iso3="SYR", admin1="Idlib", admin2="Idlib", location="Saraqib",
        latitude=35.8647, longitude=36.8006, geo_precision=1, geonameid=163806, fatalities=0,
        territory=Territory("Saraqib", "Military Forces of Syria", "Rebels (Syria)"),
        sources=(Source("doc-saraqib", "Example Wire", "https://example.org/saraqib", date(2024, 2, 27)),),
        evidence=(
            _span("doc-saraqib", SARAQIB_TEXT, "took back", "sub_event_type"),
            _span("doc-saraqib", SARAQIB_TEXT, "Rebel fighters", "actor1"),
            _span("doc-saraqib", SARAQIB_TEXT, "Saraqib", "location"),
        ),
        notes="On 26 February 2024, rebels retook Saraqib from government forces.", confidence=0.9,
        tags=("highway cut",),
    )  # fmt: skip
    ariha = Event(
        event_id="ev-ariha", event_date=date(2024, 2, 27), time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria", inter1=1, actor2="Civilians (Syria)", inter2=7, interaction=17,
        country="Syria", iso3="SYR", admin1="Idlib", location="Ariha", latitude=35.8133, longitude=36.6094,
        geo_precision=1, geonameid=172515, fatalities=3, claimed_by="rescuers",
        claims=(
            Claim("rescuers", "killed", 3,
                  _span("doc-ariha", ARIHA_TEXT, "killed three people", "fatalities")),
        ),
        sources=(Source("doc-ariha", "Example Wire", "https://example.org/ariha", date(2024, 2, 28)),),
        evidence=(
            _span("doc-ariha", ARIHA_TEXT, "shelled", "sub_event_type"),
            _span("doc-ariha", ARIHA_TEXT, "killed three people", "fatalities"),
        ),
        notes="On 27 February 2024, government artillery shelled Ariha, killing 3.", confidence=0.8,
    )  # fmt: skip
    sidon = Event(
        event_id="ev-sidon", event_date=date(2024, 3, 1), time_precision=1, disorder_type="Demonstrations",
        event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Lebanon)", inter1=6,
        interaction=60, country="Lebanon", iso3="LBN", admin1="South Governorate", location="Sidon",
        latitude=33.5631, longitude=35.3689, geo_precision=1, geonameid=268064,
        sources=(Source("doc-sidon", "Other Daily", None, date(2024, 3, 1)),),
        evidence=(_span("doc-sidon", SIDON_TEXT, "marched peacefully", "sub_event_type"),),
        notes="On 1 March 2024, teachers protested in Sidon over unpaid wages.", confidence=0.7,
    )  # fmt: skip
    return [saraqib, ariha, sidon]


def make_documents() -> list[Document]:
    """The three articles the events come from."""
    return [
        Document(
            id="doc-saraqib",
            text=SARAQIB_TEXT,
            published=date(2024, 2, 27),
            source="Example Wire",
            origin="t",
        ),
        Document(
            id="doc-ariha", text=ARIHA_TEXT, published=date(2024, 2, 28), source="Example Wire", origin="t"
        ),
        Document(
            id="doc-sidon", text=SIDON_TEXT, published=date(2024, 3, 1), source="Other Daily", origin="t"
        ),
    ]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """A database file the read-only tests of one module share."""
    path = tmp_path_factory.mktemp("api") / "events.db"
    store.save_result(
        store.open_database(str(path)), Result(events=make_events(), documents=make_documents())
    )
    return str(path)


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path), raise_server_exceptions=False) as test_client:
        yield test_client
