"""Rules added against the third wire round: earlier events inside a sentence, drills, beheadings,
infrastructure bombings, claims at a sentence's end, speakers bound to a country, retaliation."""

from datetime import date

import pytest

from sitmap import nlp
from sitmap.extract import context, find_events
from sitmap.extract.claims import find_attribution
from sitmap.extract.events import choose_trigger
from sitmap.extract.fatalities import fatalities, find_counts
from sitmap.extract.triggers import find_triggers
from sitmap.model import Document

PUBLISHED = date(2024, 5, 15)  # a Wednesday


def _events(text: str, language):
    document = Document("doc-g3", text, published=PUBLISHED)
    return find_events(document, nlp.split_sentences(text), [], language)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds gathered at the cathedral on Sunday to mark five years since militants bombed it, "
        "killing 40 worshippers.",
        "Relatives laid flowers on Monday on the anniversary of the massacre in which soldiers shot dead 30 "
        "villagers.",
    ],
)
def test_what_an_anniversary_marks_is_no_event(text, language):
    assert _events(text, language) == []


def test_what_came_a_day_after_is_not_the_sentences_event(language):
    text = (
        "Rebels fired rockets at a school on Tuesday, killing four pupils, just a day after 30 children "
        "were killed in air strikes on another school."
    )
    events = _events(text, language)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Shelling/artillery/missile attack", 4)]


def test_hours_after_keeps_the_day_and_never_the_earlier_toll(language):
    text = "Police fired tear gas at protesters on Monday, hours after a bomb killed six people."
    events = _events(text, language)
    protest = [e for e in events if e.sub_event_type == "Protest with intervention"]
    assert protest and protest[0].fatalities == 0


@pytest.mark.parametrize(
    "text",
    [
        "Troops fired artillery and stormed a beach in a simulated invasion on Tuesday.",
        "Navy ships launched missiles at targets at sea during the annual naval exercises on Monday.",
    ],
)
def test_violence_in_a_drill_is_no_event(text, language):
    assert not context.is_exercise("Police shelled nobody.")
    assert _events(text, language) == []


def test_a_drill_word_does_not_hide_deaths(language):
    text = "Two soldiers were killed on Monday when a shell exploded during military exercises."
    assert any(e.fatalities == 2 for e in _events(text, language))


def test_beheading_counts_its_victims():
    text = "Militants attacked the village on Sunday, beheading two farmers and burning homes."
    assert fatalities(find_counts(text))[0] == 2
    trigger = choose_trigger(find_triggers(text), text, True)
    assert trigger is not None and trigger.sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels bombed the oil pipeline near the border on Tuesday.",
        "Insurgents blew up a railway bridge outside the town overnight.",
    ],
)
def test_bombing_a_pipeline_or_bridge_is_an_explosive_attack(text):
    trigger = choose_trigger(find_triggers(text), text, False)
    assert trigger is not None and trigger.sub_event_type == "Remote explosive/landmine/IED"
    assert trigger.strength == 3


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Troops killed 11 insurgents in a clash near the town, the Rwanda Defence Force said in a statement.",
            "Rwanda Defence Force",
        ),
        ("Rebels blew up a pipeline, state oil company Petrocorp said.", "State oil company Petrocorp"),
        ("Gunmen killed two traders, a local administrator said.", "Local administrator"),
    ],
)
def test_a_named_body_at_the_end_of_a_sentence_is_the_claim(text, speaker):
    attribution = find_attribution(text, [])
    assert attribution is not None and attribution.speaker == speaker


def test_a_speaker_bound_to_a_country_is_not_read_in_another():
    text = "Eleven people were killed, state television reported."
    assert find_attribution(text, [], "Syria").speaker == "SANA"
    assert find_attribution(text, [], "Niger").speaker == "State media"
    assert find_attribution("Five died, the Syrian Arab News Agency said.", [], "Lebanon").speaker == "SANA"


def test_the_body_that_speaks_beats_the_channel_it_speaks_on():
    text = "Gunmen killed 15 villagers, the interior ministry said in a statement read on state television."
    assert find_attribution(text, [], "Niger").speaker == "Interior ministry"


def test_being_prompted_to_retaliate_is_the_same_exchange_of_fire(language):
    text = (
        "Ten militants were killed in a gunfight with security forces near the border on Monday, police said.\n\n"
        "The militants opened fire on a police post, prompting the troops to retaliate, an officer said."
    )
    clashes = [e for e in _events(text, language) if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1 and clashes[0].fatalities == 10


def test_a_sentence_that_opens_on_the_attack_told_before_adds_to_it(language):
    text = (
        "Eight soldiers were killed on Saturday when rebels attacked army positions north of the town.\n\n"
        "The attack on the hill front was repelled after hours of fighting, an army spokesman said, "
        "adding that a dozen rebels were also killed."
    )
    clashes = [e for e in _events(text, language) if e.event_type == "Battles"]
    assert [e.fatalities for e in clashes] == [20]


def test_half_a_dozen_is_six():
    assert fatalities(find_counts("Half a dozen villagers were killed."))[0] == 6


@pytest.mark.parametrize(
    "text",
    [
        "The clashes marked the heaviest fighting in the town in months, killing 11 fighters on Monday.",
        "A protest on Tuesday was marked by clashes with police who fired tear gas.",
    ],
)
def test_marked_as_a_plain_verb_hides_no_event(text, language):
    assert _events(text, language)


def test_an_opening_after_clause_without_its_end_hides_no_event(language):
    text = "A day after the raid gunmen shot dead three more villagers on Tuesday."
    assert any(e.fatalities == 3 for e in _events(text, language))
