"""The records every stage shares: small frozen dataclasses, read by any stage, changed by none.

Data flows one way: ``Document`` -> ``Sentence`` -> ``Toponym`` (resolved to a ``Place``)
-> ``Event`` (with ``Actor``, ``Claim``, ``Territory``, ``Evidence``) and ``Statistic``.
Field names follow ACLED where ACLED has the concept, so analysts' scripts keep working.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

ToponymKind = Literal["place", "demonym", "metonym"]
ClaimKind = Literal["killed", "wounded", "captured", "neutralised", "displaced", "arrested", "missing"]


class ArticleError(Exception):
    """One article cannot be read or coded; the batch records it as failed and goes on."""


@dataclass(frozen=True, slots=True)
class Document:
    """One article as ingested: ``text`` is the body that every character offset points into."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    section: str | None = None
    raw: bytes = b""
    origin: str = ""
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become a Document: where it came from, why, and its raw bytes."""

    doc_id: str
    origin: str
    reason: str
    raw: bytes = b""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: its index and character span in ``Document.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a coded field came from: a character span in one document."""

    doc_id: str
    sentence: int
    start: int
    end: int
    field: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: GeoNames-style identity, coordinates and admin names."""

    name: str
    latitude: float
    longitude: float
    geonameid: int | None = None
    country_code: str = ""
    iso3: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    feature_code: str = ""
    population: int = 0


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a document's text and what it resolved to.

    ``kind`` says how the name is used: a place where something happens, a demonym ("Turkish")
    that is an actor-country cue, or a metonym ("Damascus denied") standing for a government.
    ``precision`` is ACLED's geo_precision for an event placed here: 1 the place itself,
    2 near it or part of a region, 3 only the region.
    """

    doc_id: str
    start: int
    end: int
    text: str
    kind: ToponymKind
    place: Place | None
    score: float = 0.0
    precision: int = 1
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised ACLED actor with its inter code (1 state forces ... 8 external/other forces)."""

    name: str
    inter: int
    country: str = ""
    mention: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed figure behind an event: who says what number of what."""

    claimed_by: str
    kind: ClaimKind
    value: int
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Territory:
    """A change of control: who held a place before and who holds it now."""

    place: str
    from_actor: str
    to_actor: str


@dataclass(frozen=True, slots=True)
class Source:
    """One document that reports an event."""

    doc_id: str
    source: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Statistic:
    """A figure over a whole country or region and a period: never an event, never a map point."""

    scope: str
    what: str
    value: int
    period_start: date | None = None
    period_end: date | None = None
    claimed_by: str = ""
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: the output contract of DESIGN.md, with ACLED's field names."""

    event_id: str
    event_date: date | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    claimed_by: str = ""
    claims: tuple[Claim, ...] = ()
    territory: Territory | None = None
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    confidence: float = 0.0
    tags: tuple[str, ...] = ()


PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
                "geonameid")  # fmt: skip


def place_of(event: Event) -> dict[str, Any]:
    """The event's place fields, to give another event the same place with ``dataclasses.replace``."""
    return {name: getattr(event, name) for name in PLACE_FIELDS}


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline returns for a batch: events, statistics, and the inputs that failed."""

    events: list[Event] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data: dates as ISO strings, tuples as lists, bytes dropped."""
    names = _field_names(type(record))
    if names:
        values = ((name, getattr(record, name)) for name in names)
        return {name: to_dict(value) for name, value in values if not isinstance(value, bytes)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, date):
        return record.isoformat()
    return record


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    # asked once per record type, not once per record: storing a batch serialises ~150 records
    # per article, and dataclasses.fields() is the slow part of that
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()
        _FIELD_NAMES[kind] = names
    return names
