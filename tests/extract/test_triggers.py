import pytest

from sitmap.extract.events import choose_trigger
from sitmap.extract.triggers import find_triggers, has_trigger


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Rebels and troops clashed near the bridge.", "Armed clash"),
        ("Jets carried out air strikes on the market.", "Air/drone strike"),
        ("A suicide bomber blew himself up at the gate.", "Suicide bomb"),
        ("Artillery shells hit the old quarter.", "Shelling/artillery/missile attack"),
        ("A roadside bomb struck the convoy.", "Remote explosive/landmine/IED"),
        ("Attackers hurled a grenade at the patrol.", "Grenade"),
        ("Witnesses said chlorine gas was dropped on the town.", "Chemical weapon"),
        ("Fighters raped women in the camp.", "Sexual violence"),
        ("Gunmen kidnapped a teacher on the road.", "Abduction/forced disappearance"),
        ("Gunmen shot dead a shopkeeper.", "Attack"),
        ("Hundreds of teachers marched to parliament.", "Peaceful protest"),
        ("Police fired tear gas to disperse the protesters.", "Protest with intervention"),
        ("Troops opened fire on protesters, killing two.", "Excessive force against protesters"),
        ("Rioters torched cars and pelted police with stones.", "Violent demonstration"),
        ("An angry mob lynched a suspected thief.", "Mob violence"),
        ("The two sides signed a peace agreement.", "Agreement"),
        ("Police arrested an opposition leader.", "Arrests"),
        ("Engineers defused a roadside bomb.", "Disrupted weapons use"),
        ("The army established a new base near the border.", "Headquarters or base established"),
        ("Militiamen looted shops in the market.", "Looting/property destruction"),
        ("The rebels withdrew from the town and handed over control.", "Non-violent transfer of territory"),
        ("Rebels captured the town of Tal Abyad.", "Non-state actor overtakes territory"),
        ("Authorities imposed a curfew on the city.", "Change to group/activity"),
        ("The defenders inflicted heavy losses on the attackers.", "Armed clash"),
        ("Militia units cleared the hill villages of enemy fighters.", "Non-state actor overtakes territory"),
        ("High-precision weapons struck a fuel depot overnight.", "Shelling/artillery/missile attack"),
    ],
)
def test_trigger_lexicon_points_to_the_sub_event_type(sentence, sub_event_type):
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


def test_the_killing_of_villagers_names_an_attack_as_clearly_as_killed_villagers():
    for sentence in ("Gunmen killed six villagers.", "Elders condemned the killing of six villagers."):
        trigger = choose_trigger(find_triggers(sentence), sentence)
        assert trigger is not None and (trigger.sub_event_type, trigger.strength) == ("Attack", 2)


@pytest.mark.parametrize(
    "sentence",
    ["Volunteers cleared the road of rubble.", "The court cleared the two officers of all charges."],
)
def test_clearing_something_but_fighters_out_of_a_place_takes_no_territory(sentence):
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is None or trigger.sub_event_type != "Non-state actor overtakes territory"


def test_capturing_people_is_not_a_territory_change():
    sentence = "Troops captured five fighters."
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is None or trigger.sub_event_type != "Non-state actor overtakes territory"


def test_prefilter_passes_no_sentence_without_a_trigger():
    assert not has_trigger("The minister opened a new hospital wing on Monday.")
    assert has_trigger("Shelling hit the hospital.")
