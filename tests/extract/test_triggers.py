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
        ("The convoy came under rocket-propelled grenade fire.", "Shelling/artillery/missile attack"),
        ("Witnesses said chlorine gas was dropped on the town.", "Chemical weapon"),
        ("Chemical substances were used in the attack.", "Chemical weapon"),
        ("Insurgents set fire to six trucks and an excavator at the quarry.", "Looting/property destruction"),
        ("Militants torch road-building machines in the district", "Looting/property destruction"),
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
        # a headline's present tense
        ("Thousands march through Kivala against fuel price rises", "Peaceful protest"),
        # one vehicle or building burned is property destruction as much as several
        ("Gunmen set ablaze a council truck in the market on Monday.", "Looting/property destruction"),
        # a crowd that destroys property is a violent demonstration
        ("Protesters marched to the square and set fire to a police vehicle.", "Violent demonstration"),
    ],
)
def test_trigger_lexicon_points_to_the_sub_event_type(sentence, sub_event_type):
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


def test_the_month_march_is_no_protest():
    assert find_triggers("The vote is due in March, officials said.") == []


def test_setting_up_a_base_settles_the_type_so_the_classifier_does_not_overrule_it():
    sentence = "On Friday the militia set up a base in the old customs house."
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and (trigger.sub_event_type, trigger.strength) == (
        "Headquarters or base established",
        3,
    )


def test_the_killing_of_villagers_names_an_attack_as_clearly_as_killed_villagers():
    for sentence in ("Gunmen killed six villagers.", "Elders condemned the killing of six villagers."):
        trigger = choose_trigger(find_triggers(sentence), sentence)
        assert trigger is not None and (trigger.sub_event_type, trigger.strength) == ("Attack", 2)


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # the deaths' cause codes the sentence; the clause after "as" tells another incident
        ("Trader killed by landmine near Kidal as drones hit a market", "Remote explosive/landmine/IED"),
        ("Two herders died in an air strike on Tuesday as rebels shelled the town", "Air/drone strike"),
        # with no second clause, ACLED's precedence still decides
        ("Three guards were killed by gunmen who clashed with troops", "Armed clash"),
    ],
)
def test_what_killed_them_codes_a_sentence_that_tells_another_incident_after_it(sentence, sub_event_type):
    trigger = choose_trigger(find_triggers(sentence), sentence, has_deaths=True)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


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


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        ("clash(?:es|ed)?|fighting", ("clash", "fighting")),
        ("drones? (?:struck|hit)", ("drone",)),
        ("(?:re)?captur(?:e|ed)|retook", ("captur", "re", "retook")),
        ("(?:car|truck) bombs?|(?:peace )?(?:deal|accord)s?", ("accord", "car", "deal", "peace", "truck")),
        ("(?:a|the) bomb", ()),  # one letter says nothing
        ("\\w+ed", ()),
        ("(?<!no )attack", ()),
    ],
)
def test_literal_prefixes_of_a_trigger_pattern(pattern, prefixes):
    from sitmap.extract.lexicon import literal_prefixes

    assert literal_prefixes(pattern) == prefixes


def test_a_rules_prefixes_never_hide_one_of_its_matches():
    """Every match of every gated rule, over our own texts, starts with one of the rule's prefixes."""
    import json
    from pathlib import Path

    from sitmap.extract.triggers import load_triggers

    root = Path(__file__).resolve().parents[2]
    lines = (root / "benchmarks/annotated/events.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [path.read_text(encoding="utf-8") for path in (root / "examples").glob("*.txt")]
    checked = 0
    for rule in load_triggers():
        if not rule.prefixes:
            continue
        for text in texts:
            for match in rule.pattern.finditer(text):
                assert match.group().lower().startswith(tuple(rule.prefixes)), (
                    rule.sub_event_type,
                    match.group(),
                )
                checked += 1
    assert checked > 100


def test_kill_in_a_headline_is_a_weak_attack_trigger():
    (trigger,) = find_triggers("Kurdish-led forces kill 47 militants near Tabqa")
    assert (trigger.sub_event_type, trigger.strength, trigger.text) == ("Attack", 1, "kill")


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        (
            "Troops shot dead at least four protesters outside the court.",
            "Excessive force against protesters",
        ),
        ("Raiders entered the camp, shooting dead nine herders.", "Attack"),
    ],
)
def test_shot_dead_protesters_and_shooting_dead(sentence, sub_event_type):
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # a one-sided attack by a remote weapon is remote violence
        ("Rebels attacked an army post with explosives dropped from drones.", "Air/drone strike"),
        ("A drone dropped two grenades on the checkpoint, killing a soldier.", "Air/drone strike"),
        ("Drone-dropped bombs hit the police station.", "Air/drone strike"),
        # a fight stays a battle whatever the weapons
        ("Rebels clashed with soldiers who were backed by drone strikes.", "Armed clash"),
    ],
)
def test_drone_dropped_explosives_are_air_strikes_unless_both_sides_fight(sentence, sub_event_type):
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


def test_prices_that_dropped_are_no_trigger():
    assert find_triggers("Fuel prices dropped from last year's highs.") == []


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Its forces had taken full control of the town of Kivala.", "Non-state actor overtakes territory"),
        ("The rebels seized complete control of Kivala on Monday.", "Non-state actor overtakes territory"),
        ("He ordered units to withdraw from Kivala.", "Non-violent transfer of territory"),
    ],
)
def test_control_and_withdrawal_wordings(sentence, sub_event_type):
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


def test_plural_blasts_are_explosions():
    assert [t.sub_event_type for t in find_triggers("Ten traders died in twin blasts at a market.")] == [
        "Remote explosive/landmine/IED"
    ]
