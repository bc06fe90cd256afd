"""A short text's whole-text reading against the rules' events (CASE-style snippets)."""

import dataclasses
from datetime import date

import pytest

from sitmap.extract import taxonomy
from sitmap.extract.snippets import apply_document_prediction
from sitmap.model import Document, Event, Evidence, Place, Toponym

DOCUMENT = Document(
    "snip-1", "Rioters pelted police with stones after the march.", published=date(2024, 3, 13)
)


def _event(sub_event_type: str, confidence: float = 0.6) -> Event:
    return Event(
        event_id=f"e-{sub_event_type}",
        event_date=date(2024, 3, 13),
        time_precision=1,
        disorder_type=taxonomy.disorder_type_of(sub_event_type),
        event_type=taxonomy.event_type_of(sub_event_type),
        sub_event_type=sub_event_type,
        confidence=confidence,
    )


@pytest.mark.parametrize(
    ("rule", "label", "probability", "expected"),
    [
        ("Armed clash", "Attack", 0.7, "Attack"),  # a sure whole-text reading wins
        ("Armed clash", "Attack", 0.2, "Armed clash"),  # an unsure one does not
        (
            "Government regains territory",
            "Non-state actor overtakes territory",
            0.9,
            "Government regains territory",
        ),  # who took the place comes from the actors
        ("Violent demonstration", "Peaceful protest", 0.8, "Violent demonstration"),  # stones thrown
        (
            "Excessive force against protesters",
            "Protest with intervention",
            0.7,
            "Excessive force against protesters",
        ),
    ],
)
def test_whole_text_label_settles_the_main_event(rule, label, probability, expected):
    (event,) = apply_document_prediction(DOCUMENT, [_event(rule)], [(label, probability)], "", None, {})
    assert event.sub_event_type == expected
    assert event.event_type == taxonomy.event_type_of(expected)


def test_a_sure_none_reading_removes_the_events():
    assert apply_document_prediction(DOCUMENT, [_event("Attack")], [("NONE", 0.8)], "", None, {}) == []


def test_an_unsure_none_keeps_killings_by_state_forces_rebels_or_foreign_forces():
    from dataclasses import replace

    executions = replace(_event("Attack"), fatalities=19, inter1=2, inter2=7)  # "19 executed by ISIL"
    by_gunmen = replace(_event("Armed clash"), event_id="e-gunmen", fatalities=3, inter1=3, inter2=7)
    arrests = replace(_event("Arrests"), inter1=1)  # nobody killed
    kept = apply_document_prediction(
        DOCUMENT, [executions, by_gunmen, arrests], [("NONE", 0.45)], "", None, {}
    )
    assert [event.event_id for event in kept] == ["e-Attack"]
    # a sure "not political" reading removes even those
    assert apply_document_prediction(DOCUMENT, [executions], [("NONE", 0.7)], "", None, {}) == []


def test_a_political_text_without_rule_events_still_gets_one():
    (event,) = apply_document_prediction(DOCUMENT, [], [("Violent demonstration", 0.4)], "Kenya", None, {})
    assert event.sub_event_type == "Violent demonstration"
    assert event.location == "" and event.actor1 == "Rioters (Kenya)"


def test_the_main_event_becomes_the_most_confident():
    events = [_event("Armed clash", 0.9), _event("Arrests", 0.5)]
    result = apply_document_prediction(DOCUMENT, events, [("Attack", 0.95)], "", None, {})
    assert max(result, key=lambda event: event.confidence).sub_event_type == "Attack"


def _dated(sub_event_type: str, text: str, day: str, trigger: str) -> tuple[Document, Event]:
    """A rule event of ``text`` with the evidence spans of its date cue and trigger."""
    document = Document("snip-2", text, published=date(2024, 3, 13))
    spans = []
    for field, words in (("event_date", day), ("sub_event_type", trigger)):
        start = text.index(words)
        spans.append(Evidence("snip-2", 0, start, start + len(words), field, words))
    return document, dataclasses.replace(_event(sub_event_type), evidence=tuple(spans))


@pytest.mark.parametrize(
    ("text", "day", "trigger", "kept"),
    [
        # a funeral after "Saturday's shelling" still reports the shelling
        (
            "Mourners buried four children killed by Saturday's shelling of the quarter.",
            "Saturday's",
            "shelling",
            1,
        ),
        (
            "Mourners buried four children on Saturday after the shelling of the quarter.",
            "Saturday",
            "shelling",
            0,
        ),
    ],
)
def test_a_sure_none_reading_keeps_only_an_event_a_possessive_day_names(text, day, trigger, kept):
    document, event = _dated("Shelling/artillery/missile attack", text, day, trigger)
    assert len(apply_document_prediction(document, [event], [("NONE", 0.6)], "", None, {})) == kept


def test_a_whole_text_event_placed_at_a_region_keeps_region_precision():
    region = Place("Borno", 11.9, 13.1, 2346794, "NG", "NGA", "Nigeria", "Borno", "", "ADM1")
    focus = Toponym("snip-1", 0, 5, "Borno", "place", region, 0.9, 3, 0)
    (event,) = apply_document_prediction(DOCUMENT, [], [("Suicide bomb", 0.4)], "Nigeria", focus, {})
    assert (event.location, event.geo_precision) == ("Borno", 3)


ARTICLE = Document(
    "snip-article",
    "GAZA (Wire) - An Israeli air strike on a house killed nine people on Wednesday, medics said.\n\n"
    "Medics said the dead belonged to one family.",
    published=date(2024, 3, 13),
)


def _strike(document: Document) -> Event:
    start = document.text.index("air strike")
    span = Evidence(document.id, 0, start, start + len("air strike"), "sub_event_type", "air strike")
    return dataclasses.replace(_event("Air/drone strike"), evidence=(span,))


@pytest.mark.parametrize(("probability", "expected"), [(0.6, "Air/drone strike"), (0.85, "Attack")])
def test_a_short_articles_strong_trigger_needs_a_sure_whole_text_reading(probability, expected):
    (event,) = apply_document_prediction(ARTICLE, [_strike(ARTICLE)], [("Attack", probability)], "", None, {})
    assert event.sub_event_type == expected


def test_a_one_paragraph_snippet_keeps_the_tuned_whole_text_threshold():
    snippet = Document("snip-2", ARTICLE.text.split("\n")[0], published=date(2024, 3, 13))
    (event,) = apply_document_prediction(snippet, [_strike(snippet)], [("Attack", 0.6)], "", None, {})
    assert event.sub_event_type == "Attack"
