"""Short texts (snippets, headlines) read whole: the learned classifier's reading of the whole text
settles the main event's sub-event type, and a political text always yields an event."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any, Final

from sitmap.extract import taxonomy
from sitmap.extract.actors import actor_name, find_mentions, iso3_of
from sitmap.extract.dates import names_with_possessive
from sitmap.extract.triggers import find_triggers
from sitmap.model import Document, Event, Evidence, Source, Toponym

NONE_LABEL: Final[str] = "NONE"
# A whole-text "NONE" this sure removes the rules' events (best on the cross-validated CASE dev).
NONE_PROBABILITY: Final[float] = 0.3
# A whole-text "NONE" this sure removes even killings by state forces, rebels or foreign forces.
SURE_NONE: Final[float] = 0.6
# Actor categories whose killings are political violence whatever the wording (ACLED inter codes:
# state forces, rebel groups, external forces); not unidentified gunmen, who may be criminals.
_POLITICAL_ARMED: Final[frozenset[int]] = frozenset({1, 2, 8})
# Below this the whole-text label does not overrule the type the rules read from a sentence.
OVERRULE_PROBABILITY: Final[float] = 0.3
# In a short article of several paragraphs, a sentence whose words settle the type (a strong
# trigger: "air strike", "suicide bomber") is overruled only this surely, as in long articles.
STRONG_OVERRULE_PROBABILITY: Final[float] = 0.8
TERRITORY: Final[frozenset[str]] = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory"}
)
RIOTS: Final[frozenset[str]] = frozenset({"Violent demonstration", "Mob violence"})
PROTESTS: Final[frozenset[str]] = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters", *RIOTS}
)


def apply_document_prediction(
    document: Document,
    events: list[Event],
    whole: list[tuple[str, float]] | None,
    country: str,
    focus_place: Toponym | None,
    dates: dict[int, Any],
) -> list[Event]:
    """The events of a short document after the whole-text prediction is applied.

    Cross-validated on the CASE 2021 dev snippets, the whole-text classifier beats the sentence
    rules wherever they disagree, except on two questions the rules read from the actors and the
    crowd: who took a place (government or not) and whether protesters turned violent.
    """
    if not whole:
        return events
    label, probability = whole[0]
    if label == NONE_LABEL:
        if probability < NONE_PROBABILITY:
            return events
        # an unsure "not political" does not undo state forces, rebels or foreign forces killing
        # people ("at least 19 executed by ISIL"); a sure one does. "Mourners buried children
        # killed by Saturday's shelling": a text about the aftermath (a funeral, a visit, a
        # condemnation) still reports the one event it dates.
        # In a short article of several paragraphs, an unsure one does not undo an armed group's
        # act whose words settle its type either ("ELN guerrillas bombed the oil pipeline").
        article = "\n" in document.text.strip()
        return [
            event
            for event in events
            if (
                probability < SURE_NONE
                and (
                    _political_killing(event)
                    or (article and _political_act(event) and _strong_trigger(event))
                )
            )
            or _dated_by_possessive_day(event)
        ]
    if label not in taxonomy.SUB_EVENT_TYPES:
        return events
    if not events:
        # a short article of several paragraphs in which the rules found nothing (an anniversary,
        # a drill, a verdict) gets the whole text's event only when the classifier is sure
        if "\n" in document.text.strip() and probability < STRONG_OVERRULE_PROBABILITY:
            return events
        return [_whole_text_event(document, label, probability, country, focus_place, dates)]
    # the whole text's label read as one of the events' types is that event's: it does not recode
    # another ("beheading two civilians" stays an attack beside the clash the label tells)
    same = [index for index, item in enumerate(events) if item.sub_event_type == label]
    top = max(same or range(len(events)), key=lambda index: events[index].confidence)
    event = events[top]
    ceiling = max(item.confidence for item in events)
    # the whole-text thresholds are tuned on one-paragraph snippets; a short article of several
    # paragraphs keeps a strong trigger's reading unless the classifier is sure
    article = "\n" in document.text.strip()
    needed = STRONG_OVERRULE_PROBABILITY if article and _strong_trigger(event) else OVERRULE_PROBABILITY
    chosen = label if probability >= needed else event.sub_event_type
    if label in TERRITORY and event.sub_event_type in TERRITORY:
        chosen = event.sub_event_type
    if label in PROTESTS and event.sub_event_type in {*RIOTS, "Excessive force against protesters"}:
        chosen = event.sub_event_type
    if event.sub_event_type != chosen:
        event = replace(
            event,
            sub_event_type=chosen,
            event_type=taxonomy.event_type_of(chosen),
            disorder_type=taxonomy.disorder_type_of(chosen),
        )
    events = list(events)
    events[top] = replace(event, confidence=round(min(0.99, max(ceiling, probability) + 0.01), 3))
    return events


def _strong_trigger(event: Event) -> bool:
    """Whether the words behind the event's type settle it (a trigger of strength 3)."""
    spans = [item.text for item in event.evidence if item.field == "sub_event_type"]
    return any(
        trigger.strength >= 3 and trigger.sub_event_type == event.sub_event_type
        for text in spans
        for trigger in find_triggers(text)
    )


def _political_act(event: Event) -> bool:
    return bool({event.inter1, event.inter2} & _POLITICAL_ARMED)


def _political_killing(event: Event) -> bool:
    return event.fatalities > 0 and bool({event.inter1, event.inter2} & _POLITICAL_ARMED)


def _dated_by_possessive_day(event: Event) -> bool:
    """Whether a possessive day names the event's trigger ("Saturday's shelling", "Friday's deadly
    assault"): the text refers to one dated event, even when it is about what followed."""
    days = [item for item in event.evidence if item.field == "event_date"]
    triggers = [item for item in event.evidence if item.field == "sub_event_type"]
    return any(
        names_with_possessive(day.text, day.end, trigger.start) for day in days for trigger in triggers
    )


def _whole_text_event(
    document: Document,
    label: str,
    probability: float,
    country: str,
    focus_place: Toponym | None,
    dates: dict[int, Any],
) -> Event:
    mentions = find_mentions(document.text, country)
    armed = [m for m in mentions if m.actor.inter != 7]
    actor1 = armed[0].actor if armed else None
    name1 = actor1.name if actor1 else actor_name("Unidentified Armed Group ({country})", country)
    inter1 = actor1.inter if actor1 else 3
    dated = dates.get(0)
    place = focus_place.place if focus_place is not None else None
    location = place.name if place else ""
    evidence = (
        Evidence(document.id, 0, 0, min(len(document.text), 200), "sub_event_type", document.text[:200]),
    )
    return Event(
        event_id=hashlib.sha1(f"{document.id}|doc|{label}|{location}".encode()).hexdigest()[:16],
        event_date=dated.value if dated else document.published,
        time_precision=dated.precision if dated else 3,
        disorder_type=taxonomy.disorder_type_of(label),
        event_type=taxonomy.event_type_of(label),
        sub_event_type=label,
        actor1=name1,
        inter1=inter1,
        interaction=taxonomy.interaction(inter1, None),
        country=place.country if place else country,
        iso3=(place.iso3 if place else "") or iso3_of(country),
        admin1=place.admin1 if place else "",
        admin2=place.admin2 if place else "",
        location=location,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=max(focus_place.precision, 2) if focus_place is not None and place else None,
        geonameid=place.geonameid if place else None,
        sources=(Source(document.id, document.source, document.url, document.published),),
        evidence=evidence,
        notes=f"{name1} took part in a {label.lower()} event" + (f" in {location}." if location else "."),
        confidence=round(min(0.9, probability), 3),
    )
