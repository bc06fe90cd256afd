"""Rules added against the fifth wire round: context tolls of a conflict, a ceasefire or the months
that followed; a toll of its own before a trailing aside; "relatives of those killed"; a newspaper
named "Today"; what a truce provides for; a defence ministry that is no one country's by default;
where the wounded were taken; tear gas shells and riot police; and actor names that a shorter name
sits inside (the SSPDF is not Myanmar's PDF)."""

from dataclasses import replace
from datetime import date

import pytest

from sitmap import nlp
from sitmap.extract import find_events, taxonomy
from sitmap.extract.actors import find_mentions
from sitmap.extract.claims import find_attribution
from sitmap.extract.dates import find_dates
from sitmap.extract.events import choose_trigger
from sitmap.extract.fatalities import fatalities, find_counts
from sitmap.extract.incidents import absorb
from sitmap.extract.triggers import find_triggers
from sitmap.model import Document, Event, Place, Toponym

PUBLISHED = date(2025, 6, 12)  # a Thursday
TOWN = Place("Kafr Safra", 35.95, 36.62, 9001, "SY", "SYR", "Syria", "Idlib", "Ariha", "PPL")
CITY = Place("Ariha", 35.81, 36.61, 9002, "SY", "SYR", "Syria", "Idlib", "Ariha", "PPLA2")
PLACES = {"Kafr Safra": TOWN, "Ariha": CITY}


def _toponyms(document: Document) -> list[Toponym]:
    found = []
    for sentence in nlp.split_sentences(document.text):
        for name, place in PLACES.items():
            start = sentence.text.find(name)
            while start >= 0:
                begin = sentence.start + start
                found.append(
                    Toponym(
                        document.id, begin, begin + len(name), name, "place", place, 0.9, 1, sentence.index
                    )
                )
                start = sentence.text.find(name, start + 1)
    return found


def _events(text: str, language):
    document = Document("doc-g5", text, published=PUBLISHED)
    return find_events(document, nlp.split_sentences(text), _toponyms(document), language)[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "A research group estimates that more than 7,200 people have been killed in the conflict.",
        "More than 410 people have been killed by drone fire in the south since the truce took effect.",
        "Air raids and street fighting in the months that followed killed hundreds of people.",
    ],
)
def test_tolls_of_a_conflict_a_truce_or_the_months_after_are_context(sentence):
    counts = find_counts(sentence)
    assert counts and all(count.context for count in counts)
    assert fatalities(counts)[0] == 0


def test_a_toll_before_a_trailing_aside_is_the_events_own(language):
    text = (
        "A drone strike on a car in Kafr Safra killed two men on Wednesday, the ministry said, the latest "
        "of many attacks despite a truce in force since March 2024."
    )
    (event,) = _events(text, language)
    assert event.fatalities == 2
    assert event.event_date == date(2025, 6, 11)


def test_relatives_of_those_killed_are_not_the_dead():
    counts = find_counts(
        "Thousands of students and relatives of those killed in the crackdown marched on Sunday."
    )
    assert not [count for count in counts if count.kind == "killed"]


def test_a_paper_named_today_dates_nothing():
    assert find_dates("KABUL (Frontier Today) - Gunmen attacked a checkpoint.", PUBLISHED) == []
    (cue,) = find_dates("Today, gunmen attacked a checkpoint.", PUBLISHED)
    assert cue.value == PUBLISHED


def test_what_a_truce_provides_for_is_no_event(language):
    text = "Under the truce, the militia was to withdraw its fighters from Kafr Safra and hand over the town."
    assert _events(text, language) == []


def test_a_defence_ministry_is_turkeys_only_where_turkey_reports():
    text = "Four soldiers were killed, the Ministry of National Defence said."
    assert find_attribution(text, [], "Syria").speaker == "Turkish Ministry of National Defence"
    assert find_attribution(text, [], "Niger").speaker == "Ministry of Defence (Niger)"


def test_where_the_wounded_were_taken_is_not_the_events_place(language):
    text = (
        "A roadside bomb struck an army patrol near Kafr Safra on Wednesday, killing two soldiers. "
        "The blast wounded five others, who were evacuated to Ariha for treatment, the army said."
    )
    events = _events(text, language)
    assert events and {event.location for event in events} == {"Kafr Safra"}


def test_tear_gas_shells_are_no_shelling(language):
    events = _events("Police fired tear gas shells to disperse protesters in Kafr Safra on Monday.", language)
    assert [event.sub_event_type for event in events] == ["Protest with intervention"]


def test_riot_police_are_no_riot(language):
    events = _events(
        "Riot police broke up a peaceful sit-in outside the town hall in Ariha on Monday.", language
    )
    assert [event.sub_event_type for event in events] == ["Protest with intervention"]


@pytest.mark.parametrize(
    ("sentence", "country", "names"),
    [
        (
            "The deal was signed by the South Sudan People's Defence Forces and the rebels.",
            "South Sudan",
            ["Military Forces of South Sudan", "Rebels (South Sudan)"],
        ),
        (
            "The government and the armed opposition SPLM-IO signed a truce.",
            "South Sudan",
            ["SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)"],
        ),
        (
            "Police and Assam Rifles personnel dispersed the crowd.",
            "India",
            ["Police Forces of India", "Military Forces of India"],
        ),
    ],
)
def test_a_longer_name_wins_over_the_name_inside_it(sentence, country, names):
    assert [mention.actor.name for mention in find_mentions(sentence, country)] == names


def test_a_death_sentence_is_no_death():
    counts = find_counts("A court on Monday sentenced four men to death for the 2019 bombing.")
    assert [count.kind for count in counts] == ["sentenced"]
    assert fatalities(counts)[0] == 0


def test_arrests_in_an_ordinary_police_case_are_no_event(language):
    text = (
        "Police arrested 14 people in Kafr Safra on Tuesday, breaking up a criminal network accused of "
        "stealing cars. Investigators said the gang laundered the money through shops, and the suspects "
        "face charges of vehicle theft."
    )
    assert [event for event in _events(text, language) if event.sub_event_type == "Arrests"] == []


def test_arrests_of_opposition_members_stay_an_event(language):
    text = "Police arrested 14 members of the main opposition party in Kafr Safra on Tuesday."
    assert "Arrests" in {event.sub_event_type for event in _events(text, language)}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The men, who were arrested between 2019 and 2023 in two provinces, can appeal.", date(2019, 1, 1)),
        ("Three men planned the March 2018 attack on the market.", date(2018, 3, 1)),
    ],
)
def test_years_of_the_past_are_background(sentence, value):
    (cue, *_) = find_dates(sentence, PUBLISHED)
    assert cue.background and cue.value == value


def test_the_sentence_after_a_past_attack_goes_on_about_it(language):
    text = (
        "A court convicted two men on Wednesday of helping the perpetrators of the May 2016 attack on a "
        "market in Kafr Safra. The bombing, which struck a crowded street, killed more than 90 people."
    )
    assert [event.fatalities for event in _events(text, language) if event.fatalities] == []


def test_what_came_after_a_past_attack_is_no_event(language):
    text = "Kafr Safra has since been rebuilt, and a memorial stands on the site of the blast."
    assert _events(text, language) == []


def test_an_ordered_boycott_is_no_protest(language):
    text = "The attack came on Youth Day, which the rebels had ordered residents of Kafr Safra to boycott."
    assert [event for event in _events(text, language) if event.event_type == "Protests"] == []


def test_a_press_release_dateline_dates_the_release_not_the_event(language):
    text = (
        "Geneva, 10 June 2025 - The group is alarmed by reports of abductions in Kafr Safra.\n\n"
        "On 7 June 2025, gunmen abducted six farmers near Kafr Safra, witnesses said."
    )
    events = _events(text, language)
    assert events and {event.event_date for event in events} == {date(2025, 6, 7)}


def test_a_statement_read_late_on_a_day_dates_the_statement(language):
    text = (
        "Gunmen stormed an army post in Kafr Safra on Tuesday, killing six soldiers, the army said.\n\n"
        "In a statement read on state television late on Wednesday, the army said the attackers had been "
        "repelled by the troops."
    )
    events = _events(text, language)
    assert events and {event.event_date for event in events} == {date(2025, 6, 10)}


def test_each_item_of_a_bulleted_summary_is_its_own_incident(language):
    text = (
        "Here is a summary of the night:\n\n"
        "- A missile strike on Kafr Safra on Wednesday killed three people, the governor said.\n\n"
        "- One man was killed in a drone attack on Ariha on Wednesday, the mayor said."
    )
    tolls = sorted((event.location, event.fatalities) for event in _events(text, language))
    assert tolls == [("Ariha", 1), ("Kafr Safra", 3)]


def test_a_follow_up_names_the_attacker_a_lede_left_unnamed(language):
    text = (
        "One man was killed in an overnight drone attack on Ariha, the governor said.\n\n"
        "The governor said Russian drones struck houses in Ariha at around 2 am."
    )
    (event,) = _events(text, language)
    assert event.actor1 == "Military Forces of Russia" and event.fatalities == 1


def test_a_nights_tally_of_launched_drones_is_no_incident(language):
    text = "The air force said Russia launched 96 drones and three missiles overnight, of which 80 were shot down."
    assert _events(text, language) == []


def test_an_air_force_that_speaks_is_no_air_strike(language):
    text = "The air force said on Wednesday that it had received new radars for Ariha."
    assert [event for event in _events(text, language) if event.sub_event_type == "Air/drone strike"] == []


def test_a_press_release_is_its_issuers_claim(language):
    text = (
        "RELIEF MISSION PRESS RELEASE\n\n"
        "Gunmen attacked a camp for displaced people in Kafr Safra on Tuesday, killing four civilians."
    )
    (event,) = _events(text, language)
    assert event.claimed_by == "RELIEF MISSION"
    assert any(item.field == "claimed_by" and item.text == "RELIEF MISSION" for item in event.evidence)


def test_fighting_residents_heard_is_no_incident_of_its_own(language):
    text = (
        "Rebels seized the army base at Kafr Safra on Wednesday after days of fighting.\n\n"
        "Residents said they had heard heavy artillery fire throughout Monday night."
    )
    assert [event.sub_event_type for event in _events(text, language)] == [
        "Non-state actor overtakes territory"
    ]


def test_two_days_in_one_sentence_date_each_clause(language):
    text = (
        "Students rallied in Ariha on Saturday; in Kafr Safra, angry crowds set fire to the town hall on "
        "Sunday over power cuts."
    )
    riots = [event for event in _events(text, language) if event.event_type == "Riots"]
    assert riots and {(event.location, event.event_date) for event in riots} == {
        ("Kafr Safra", date(2025, 6, 8))
    }


def test_one_demonstration_per_place_and_day(language):
    text = (
        "Angry crowds set fire to the electricity office in Kafr Safra on Sunday over power cuts.\n\n"
        "In Kafr Safra, hundreds of residents took to the streets on Sunday and threw stones at police."
    )
    events = _events(text, language)
    assert [(event.event_type, event.location) for event in events] == [("Riots", "Kafr Safra")]


@pytest.mark.parametrize(
    ("sentence", "country", "name"),
    [
        (
            "Suspected elements of the Azande Ani Kpi Gbe armed group attacked the site.",
            "Central African Republic",
            "AAKG: Azande Ani Kpi Gbe",
        ),
        (
            "MINUSCA peacekeepers exchanged fire with the assailants.",
            "Central African Republic",
            "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        ),
    ],
)
def test_militias_and_peacekeepers_have_their_names(sentence, country, name):
    assert name in [mention.actor.name for mention in find_mentions(sentence, country)]


def test_a_group_named_only_as_an_ally_is_not_one_that_acts():
    from sitmap.extract.actors import named_groups_in

    text = (
        "Al-Shabaab fighters took the town on Monday. The group, which is allied with al Qaeda, has "
        "fought the government for years. An Islamic State-linked cell was blamed for an earlier blast."
    )
    assert [actor.name for actor in named_groups_in(text)] == ["Al Shabaab"]


def _coded(sub_event_type: str, actor1: str = "", actor2: str = "") -> Event:
    return Event(
        event_id=f"e-{sub_event_type}",
        event_date=PUBLISHED,
        time_precision=1,
        disorder_type=taxonomy.disorder_type_of(sub_event_type),
        event_type=taxonomy.event_type_of(sub_event_type),
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
    )


def test_an_attack_with_nobody_fighting_back_is_coded_by_its_weapon():
    # "Houthi rebels attacked a cargo ship" (read as a clash), then "it was struck by a missile"
    lede = _coded("Armed clash", "Houthis (Ansar Allah)")
    detail = _coded("Shelling/artillery/missile attack")
    assert (
        absorb(lede, detail, frozenset(), frozenset()).sub_event_type == "Shelling/artillery/missile attack"
    )
    # a clash with two sides stays a clash whatever weapons were used in it
    battle = _coded("Armed clash", "Houthis (Ansar Allah)", "Military Forces of Yemen")
    assert absorb(battle, detail, frozenset(), frozenset()).sub_event_type == "Armed clash"


def test_fighters_led_by_a_group_are_that_group():
    mentions = find_mentions("Insurgents led by Hayat Tahrir al-Sham swept into the city on Friday.", "Syria")
    assert [mention.actor.name for mention in mentions] == ["Hayat Tahrir al-Sham"]


def test_a_withdrawal_beside_a_capture_is_the_other_side_of_it(language):
    text = (
        "Rebels of Hayat Tahrir al-Sham seized Kafr Safra on Wednesday, a monitor said.\n\n"
        "Government troops withdrew from Kafr Safra as the fighters advanced, the monitor said."
    )
    (event,) = _events(text, language)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.territory.from_actor == "Military Forces of Syria"


def test_the_opposition_of_a_protest_is_no_rebel_group():
    names = [
        mention.actor.name
        for mention in find_mentions("Police dispersed opposition protests in the city.", "Guinea")
    ]
    assert not any(name.startswith("Rebels") for name in names)
    names = [mention.actor.name for mention in find_mentions("The opposition seized the town.", "Syria")]
    assert names == ["Rebels (Syria)"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police detained two opposition mayors in the capital.",
        "Police raided the offices of the main opposition Democratic Union.",
    ],
)
def test_opposition_mayors_and_a_parliaments_main_opposition_are_no_rebels(sentence):
    names = [mention.actor.name for mention in find_mentions(sentence, "Guinea")]
    assert names and not any(name.startswith("Rebels") for name in names)


def test_a_lede_codes_its_main_clause_and_lethal_force_on_protesters(language):
    text = (
        "Security forces shot dead a young man in Kafr Safra on Wednesday during opposition protests, while "
        "marches in Ariha passed off peacefully."
    )
    (event,) = _events(text, language)
    assert (event.sub_event_type, event.location, event.fatalities) == (
        "Excessive force against protesters",
        "Kafr Safra",
        1,
    )


def test_those_killed_name_people_not_an_event(language):
    text = "Relatives of those killed gathered in Kafr Safra on Wednesday to demand justice."
    assert not [
        event for event in _events(text, language) if event.event_type == "Violence against civilians"
    ]


def test_a_vaguer_day_of_what_came_before_is_not_the_storys_day(language):
    text = (
        "Police fired tear gas at marchers in Kafr Safra on Wednesday.\n\n"
        "The groups had called for protests after parliament passed the law last week.\n\n"
        "In Ariha, about 2,000 people marched peacefully to the governor's office."
    )
    days = {event.location: event.event_date for event in _events(text, language)}
    assert days.get("Ariha") == date(2025, 6, 11)


def test_a_toll_the_same_forces_caused_joins_their_force_on_protesters(language):
    text = (
        "Police opened fire on protesters in Kafr Safra on Wednesday, killing one man, witnesses said.\n\n"
        "A rights group said three young men had been shot dead by police and 20 wounded."
    )
    events = _events(text, language)
    assert [event.sub_event_type for event in events] == ["Excessive force against protesters"]


def test_state_forces_are_a_suicide_bombings_target_not_its_author(language):
    text = "A suicide car bomb exploded at the gate of a military base in Kafr Safra on Wednesday, killing nine people."
    (event,) = _events(text, language)
    assert event.sub_event_type == "Suicide bomb"
    assert not event.actor1.startswith("Military Forces")


def test_a_claim_goes_to_the_deadliest_incident_told_before(language):
    text = (
        "A suicide car bomb exploded at an army base in Kafr Safra on Wednesday, killing nine people, police said.\n\n"
        "After the blast, gunmen tried to storm the base but were repelled by troops in an exchange of fire.\n\n"
        "Al Shabaab claimed responsibility for the attack in a statement."
    )
    bombing = next(e for e in _events(text, language) if e.sub_event_type == "Suicide bomb")
    assert bombing.actor1 == "Al Shabaab"


def test_a_clause_that_an_old_date_ends_tells_the_past():
    from sitmap.extract.reader import _past_event_spans

    text = (
        "A court on Wednesday convicted four men over the twin bombings that killed seven people in the "
        "capital in November 2021."
    )
    ((start, end),) = _past_event_spans(text, PUBLISHED)
    assert start < text.index("bombings") < end


def test_a_trial_gives_no_event(language):
    text = (
        "A court in Kafr Safra on Wednesday convicted three men over a 2019 bombing that killed 20 people.\n\n"
        "The judge said the defendants had helped the bombers, and two others were acquitted.\n\n"
        "The group behind the attack has carried out massacres in the region, the UN says."
    )
    assert _events(text, language) == []


def test_a_crowd_that_beats_and_burns_men_is_mob_violence_and_its_toll_follows(language):
    text = (
        "Two men accused of theft were beaten and set on fire by a crowd in Kafr Safra on Wednesday night, "
        "prosecutors said. Both men died.\n\n"
        "One man died at the scene; the other was taken by paramedics to the hospital in Ariha, where he died."
    )
    (event,) = _events(text, language)
    assert (event.sub_event_type, event.location, event.fatalities) == ("Mob violence", "Kafr Safra", 2)


def test_a_toll_alone_never_starts_an_incident(language):
    assert _events("Both men died in Kafr Safra on Wednesday.", language) == []


def test_a_named_source_with_a_described_apposition_is_its_name():
    text = "The Emergency Lawyers, a group that documents abuses in the war, said a drone struck the station."
    assert find_attribution(text, [], "Sudan").speaker == "Emergency Lawyers"


def test_a_paper_named_daily_tells_no_habit(language):
    text = (
        "KABUL (Daily Frontier) - Gunmen killed 14 villagers in Kafr Safra overnight, police said on Monday."
    )
    (event,) = _events(text, language)
    assert event.fatalities == 14


def test_the_previous_day_of_a_report_is_the_day_before_it(language):
    text = (
        "The army said on 10 June that its troops had clashed with insurgents near Kafr Safra the previous "
        "day, killing four of them."
    )
    (event,) = _events(text, language)
    assert event.event_date == date(2025, 6, 9)


def test_captives_beheaded_are_dead():
    counts = find_counts("Insurgents captured two fishermen on the beach and beheaded them, residents said.")
    assert [(count.kind, count.value) for count in counts] == [("killed", 2)]


def test_a_monitors_summary_rolls_up_and_gives_no_event_of_its_own(language):
    text = "Summary: Insurgents abducted nine children in Kafr Safra and beheaded two men in Ariha this week."
    assert _events(text, language) == []


def test_children_seized_and_marched_away_are_abducted_not_marching(language):
    text = (
        "On 10 June, insurgents entered Kafr Safra in the afternoon.\n\n"
        "The insurgents seized nine children and marched them into the bush, local sources said."
    )
    assert [event.sub_event_type for event in _events(text, language)] == ["Abduction/forced disappearance"]


def test_a_section_heading_opens_a_new_scene(language):
    text = (
        "Kafr Safra district\n\n"
        "On 9 June, insurgents seized six farmers in Kafr Safra, residents said.\n\n"
        "Ariha district\n\n"
        "On 10 June, insurgents seized two fishermen near Ariha and beheaded them, residents said."
    )
    events = sorted((event.location, event.fatalities) for event in _events(text, language))
    assert events == [("Ariha", 2), ("Kafr Safra", 0)]


def test_a_military_vehicle_hit_by_an_ied_is_its_target(language):
    text = "An IED went off in Kafr Safra on Wednesday as a military vehicle was passing, killing three soldiers."
    (event,) = _events(text, language)
    assert event.actor2.startswith("Military Forces") and not event.actor1.startswith("Military Forces")


def test_a_scene_set_in_a_regions_countryside_is_another_incident():
    from sitmap.extract.reader import _ANOTHER_INCIDENT

    assert _ANOTHER_INCIDENT.search("In the western countryside of Daraa, gunmen shot dead a council member.")
    assert not _ANOTHER_INCIDENT.search("In the attack, gunmen shot dead a council member.")


def test_a_town_in_the_region_a_seat_is_named_for_places_the_incident():
    seat = replace(
        _coded("Remote explosive/landmine/IED"), location="Deir ez-Zor", admin1="Deir ez-Zor", geo_precision=1
    )
    town = replace(seat, location="Al Mayadin", geo_precision=1)
    assert absorb(seat, town, frozenset(), frozenset()).location == "Al Mayadin"
    elsewhere = replace(town, admin1="Homs")
    assert absorb(seat, elsewhere, frozenset(), frozenset()).location == "Deir ez-Zor"


def test_the_paper_a_dateline_credits_is_no_place(language):
    text = "DAMASCUS (Ariha Times) - Rebels shelled a village on Wednesday, killing two civilians."
    (event,) = _events(text, language)
    assert event.location != "Ariha"


def test_attackers_identified_as_a_groups_fighters_are_that_group(language):
    names = [
        mention.actor.name
        for mention in find_mentions(
            "The attackers, identified by survivors as fighters of the M23, fled.", "Syria"
        )
    ]
    assert names == ["M23: March 23 Movement", "M23: March 23 Movement"]  # the attackers, then the name
    text = (
        "Armed men raped at least 14 women in Kafr Safra on Saturday, the UN said.\n\n"
        "The attackers, identified by survivors as fighters of the M23, went from house to house.\n\n"
        "Wazalendo militias deny any part in it."
    )
    (event,) = [e for e in _events(text, language) if e.sub_event_type == "Sexual violence"]
    assert event.actor1 == "M23: March 23 Movement"


def test_the_protest_named_again_leaves_the_sentence_its_arrest(language):
    text = (
        "Police fired tear gas at protesters in Kafr Safra on Thursday.\n\n"
        "The protest was called after police on Wednesday arrested three opposition leaders in Kafr Safra."
    )
    kinds = sorted((event.sub_event_type, event.event_date) for event in _events(text, language))
    assert kinds == [("Arrests", date(2025, 6, 11)), ("Protest with intervention", date(2025, 6, 12))]


def test_killing_the_driver_is_one_dead():
    counts = find_counts("A drone hit a minibus on Tuesday, killing the driver and wounding six passengers.")
    assert fatalities(counts)[0] == 1


def test_where_a_vehicle_was_heading_is_no_place(language):
    text = (
        "A drone hit a minibus in Kafr Safra on Tuesday, killing the driver.\n\n"
        "The minibus was travelling to Ariha when the drone struck its front, officials said."
    )
    assert {event.location for event in _events(text, language)} == {"Kafr Safra"}


def test_fighting_that_also_flared_elsewhere_keeps_its_own_toll(language):
    text = (
        "Four displaced people were killed on Wednesday when rebel shells hit a camp in Kafr Safra, an official said.\n\n"
        "Fighting also flared on Wednesday in Ariha, where troops said they had repelled a rebel attack. "
        "A military source said five soldiers were killed."
    )
    tolls = sorted((event.location, event.fatalities) for event in _events(text, language))
    assert tolls == [("Ariha", 5), ("Kafr Safra", 4)]


def test_he_said_cites_the_speaker_of_the_sentence_before():
    first = find_attribution(
        "Army spokesman Colonel Musa Ali said on Monday that five soldiers died.", [], "Nigeria"
    )
    again = find_attribution(
        'Troops "fully recovered" the town by the afternoon, he said.', [first], "Nigeria"
    )
    assert again is not None and again.speaker == first.speaker


def test_a_town_fully_recovered_is_regained(language):
    text = 'Troops launched a counter-offensive on Wednesday and "fully recovered" Kafr Safra, the army said.'
    (event,) = _events(text, language)
    assert event.sub_event_type == "Government regains territory"


def test_where_attackers_withdrew_to_is_no_place(language):
    text = (
        "Militants overran the army base in Kafr Safra on Wednesday, killing five soldiers, the army said.\n\n"
        "The militants set fire to the clinic and carted away weapons before withdrawing towards Ariha."
    )
    assert {event.location for event in _events(text, language)} == {"Kafr Safra"}


def test_a_drone_belonging_to_an_army_that_struck_is_an_air_strike():
    from sitmap.extract.triggers import find_triggers

    text = "Witnesses said a drone belonging to the armed forces struck the station at noon."
    assert "Air/drone strike" in {trigger.sub_event_type for trigger in find_triggers(text)}


def test_a_dispersed_demonstration_where_some_threw_stones_is_one_riot(language):
    text = (
        "Police fired tear gas at protesters in Kafr Safra on Wednesday.\n\n"
        "In Kafr Safra, some demonstrators hurled stones and set tyres alight on the main street."
    )
    events = _events(text, language)
    assert [(event.sub_event_type, event.location) for event in events] == [
        ("Violent demonstration", "Kafr Safra")
    ]


def test_a_storms_rescuers_who_fought_through_the_night_are_no_battle(language):
    text = (
        "A cyclone made landfall near Kafr Safra on Wednesday, and floods cut off villages.\n\n"
        '"Our volunteers fought through the night to get people to safety," a Red Crescent official said.'
    )
    assert _events(text, language) == []


def test_an_opposition_mp_is_no_rebel():
    names = [m.actor.name for m in find_mentions("Police detained an opposition MP at his home.", "Armenia")]
    assert not any(name.startswith("Rebels") for name in names)


def test_a_rally_outside_a_court_is_still_a_rally(language):
    text = (
        "A court in Kafr Safra on Tuesday ordered a judge's review of the trial of an opposition MP.\n\n"
        "On Wednesday, several hundred supporters rallied peacefully outside the court in Kafr Safra."
    )
    assert "Peaceful protest" in {event.sub_event_type for event in _events(text, language)}


def test_a_headlines_killing_told_again_as_an_air_strike_is_the_air_strike():
    from sitmap.extract.merging import merge_document_events

    headline = replace(_coded("Attack", "Military Forces of Israel", "Civilians (Palestine)"), fatalities=11)
    lede = replace(
        _coded("Air/drone strike", "Military Forces of Israel", "Civilians (Palestine)"),
        event_id="e-2",
        fatalities=11,
    )
    (event,) = merge_document_events([headline, lede])
    assert event.sub_event_type == "Air/drone strike"
    assert absorb(headline, lede, frozenset(), frozenset()).sub_event_type == "Air/drone strike"


def test_an_undated_headline_and_its_dated_lede_are_one_event_across_a_byline(language):
    text = (
        "Three soldiers killed in roadside blast in Ariha\n\n"
        "By our correspondent\n\n"
        "Three soldiers were killed on Tuesday when their vehicle hit a roadside bomb near Kafr Safra, police said."
    )
    events = _events(text, language)
    assert [(event.fatalities, event.event_date) for event in events] == [(3, date(2025, 6, 10))]


def test_who_condemns_an_attack_reports_it_and_did_not_do_it(language):
    text = (
        "The UN mission (UNMISS) strongly condemns the attack on villages around Kafr Safra on 9 June 2025, "
        "in which at least 23 people were killed.\n\n"
        "Several hundred armed youths believed to be from the Lou Nuer community attacked the area at dawn."
    )
    (event,) = [e for e in _events(text, language) if e.fatalities]
    assert event.fatalities == 23 and event.event_date == date(2025, 6, 9)
    assert not event.actor1.startswith("UNMISS")
    assert event.claimed_by


def test_druze_factions_and_bedouin_gunmen_are_militias():
    names = [
        m.actor.name
        for m in find_mentions(
            "Clashes between local Druze armed factions and Bedouin tribal gunmen killed 14.", "Syria"
        )
    ]
    assert names == ["Druze Militia (Syria)", "Bedouin Tribal Militia (Syria)"]


def test_a_headline_in_a_district_and_the_lede_in_its_town_are_one_event():
    from sitmap.extract.merging import merge_document_events

    headline = replace(
        _coded("Armed clash", "TTP", "Military Forces of Pakistan"),
        fatalities=4,
        location="North Waziristan",
        admin1="Khyber Pakhtunkhwa",
        geo_precision=3,
    )
    lede = replace(headline, event_id="e-2", location="Mir Ali", geo_precision=2, admin2="North Waziristan")
    (event,) = merge_document_events([headline, lede])
    assert event.location == "Mir Ali"


def test_those_who_surrendered_are_not_counted_with_the_dead():
    counts = find_counts("More than 20 soldiers were killed and 15 surrendered with their weapons, he said.")
    assert fatalities(counts)[0] == 20


def test_a_headlines_second_item_gives_its_toll_to_no_first_item(language):
    text = "Rebels seize army base at Kafr Safra; air strike kills six in Ariha"
    events = _events(text, language)
    assert all(event.fatalities == 0 for event in events if event.location == "Kafr Safra")


def test_a_group_residents_blame_is_the_unnamed_attacker(language):
    text = (
        "A man and a girl were killed on Wednesday when drones dropped explosives on Kafr Safra, prosecutors said.\n\n"
        "Local people blamed La Familia Michoacana, a criminal group fighting a rival for the area's roads."
    )
    (event,) = _events(text, language)
    assert event.sub_event_type == "Air/drone strike" and event.actor1 == "La Familia Michoacana"


def test_a_russian_guided_aerial_bomb_is_an_air_strike_by_russia(language):
    text = "In Kafr Safra, a woman was killed when a Russian guided aerial bomb struck a street on Wednesday."
    (event,) = _events(text, language)
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Russia")


def test_a_paragraph_about_another_place_and_day_keeps_its_own_toll(language):
    text = (
        "Raiders killed at least 23 people in Kafr Safra on 9 June 2025, the UN mission said.\n\n"
        "On 10 June, armed youths pursuing the raiders clashed with them near Ariha. Six people were killed."
    )
    tolls = sorted((event.location, event.fatalities) for event in _events(text, language))
    assert tolls == [("Ariha", 6), ("Kafr Safra", 23)]


def test_within_one_paragraph_a_second_toll_is_read_as_the_main_toll_again(language):
    # (the reading FA-KES scores: its crawled articles run as one paragraph and recap earlier tolls)
    text = (
        "Raiders killed at least 23 people in Kafr Safra on 9 June 2025, the UN mission said. "
        "On 10 June, armed youths pursuing the raiders clashed with them near Ariha, where six died."
    )
    assert sum(event.fatalities for event in _events(text, language)) == 23


@pytest.mark.parametrize(
    "sentence",
    [
        # the event a perfect tense counts from is background, and so is its day
        "Ariha has come under heavy shelling since government troops launched an offensive on 2 June.",
        "Kafr Safra has been emptied of its residents since the militants seized the hills around it on 2 June.",
    ],
)
def test_what_a_since_clause_tells_is_the_start_of_a_period_not_an_event(sentence, language):
    lede = "Government warplanes struck a market in Kafr Safra on Wednesday, killing four people."
    (event,) = _events(f"{lede} {sentence}", language)
    assert (event.sub_event_type, event.event_date) == ("Air/drone strike", date(2025, 6, 11))


def test_a_since_clause_without_a_perfect_tense_before_it_keeps_its_event(language):
    text = "Militants seized the hills around Ariha on Wednesday, since the army had left its posts there."
    (event,) = _events(text, language)
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_of_a_list_of_foes_the_named_armed_force_is_the_second_actor(language):
    text = (
        "On Wednesday, opposition forces took the village of Kafr Safra after an offensive against terror groups, "
        "regime forces and foreign militias."
    )
    (event,) = _events(text, language)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor2 == "Military Forces of Syria"


def test_an_unidentified_group_alone_stays_the_second_actor(language):
    text = "On Wednesday, opposition forces took the village of Kafr Safra after an offensive against terror groups."
    (event,) = _events(text, language)
    assert event.actor2.startswith("Unidentified Armed Group")


def test_an_explosion_the_lede_blames_on_fireworks_is_an_accident(language):
    text = (
        "An explosion ripped through a fireworks workshop in Kafr Safra on Wednesday, killing six people.\n\n"
        "The blast destroyed the house where the workshop operated and damaged the homes around it."
    )
    assert _events(text, language) == []


def test_an_explosion_without_an_accident_cue_is_still_a_bombing(language):
    text = "An explosion ripped through a market in Kafr Safra on Wednesday, killing six people."
    (event,) = _events(text, language)
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_a_password_stolen_by_hackers_is_no_property_destruction(language):
    text = (
        "Hospitals in Ariha were hit by a ransomware attack on Wednesday. "
        "Experts said the attackers had entered the network through a stolen password."
    )
    assert _events(text, language) == []


def test_who_speaks_in_a_headlines_second_item_does_not_claim_the_first(language):
    text = (
        "Rebel shelling kills six in Kafr Safra; army says it retook Ariha\n\n"
        "Shells fired by rebels hit a market in Kafr Safra on Wednesday, killing six civilians, "
        "the provincial governor said. Medics said 20 people were wounded, several of them children, "
        "and that the toll could rise as rescuers kept digging through the rubble of the shops."
    )
    shelling = [e for e in _events(text, language) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.location for e in shelling] == ["Kafr Safra"]
    assert "army" not in shelling[0].claimed_by.lower()


def test_the_day_something_is_yet_to_happen_does_not_date_the_sentences_after_it(language):
    text = (
        "Police fired tear gas at protesters in Kafr Safra yesterday as demonstrations against a fuel tax "
        "spread. Officers said 20 people had been arrested and would be charged in court today. "
        "In Ariha, protesters blocked the main road with burning tyres and threw stones at police."
    )
    days = {event.location: event.event_date for event in _events(text, language)}
    assert days["Ariha"] == date(2025, 6, 11)


def test_a_headlines_toll_is_no_speaker():
    assert find_attribution("Seven killed in militia clashes before ceasefire announced", [], "SY") is None
    said = find_attribution("Seven people were killed, the Emergency Medicine Centre announced.", [], "SY")
    assert said is not None and said.speaker == "Emergency Medicine Centre"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighters of the Radaa force clashed with rivals.", "Radaa: Special Deterrence Force"),
        ("Units of the 444 Combat Brigade moved in.", "444th Combat Brigade"),
        ("Forces of the Libyan National Army advanced.", "LNA: Libyan National Army"),
        ("Islamic State's Khorasan branch claimed the bombing.", "Islamic State Khorasan Province (ISKP)"),
    ],
)
def test_armed_groups_named_by_wire_copy_are_in_the_table(text, name):
    assert name in [mention.actor.name for mention in find_mentions(text, "LY")]


def test_a_battles_second_side_is_the_armed_party_a_follow_up_names_not_the_civilians(language):
    text = (
        "Heavy fighting between two armed groups in Ariha killed seven people, including two civilians, "
        "on Wednesday, medics said. The clashes between Hayat Tahrir al-Sham and Islamic State fighters "
        "broke out in the old market and spread to the northern districts."
    )
    (event,) = _events(text, language)
    assert event.sub_event_type == "Armed clash"
    assert event.inter2 != 7 and event.actor2 != event.actor1


def test_a_communiques_repeated_digits_and_fallen_soldiers_are_read_as_its_toll():
    counts = find_counts(
        "On our side, eleven (11) soldiers fell on the field of honour and seven (07) were wounded."
    )
    assert [(count.value, count.kind) for count in counts] == [(11, "killed"), (7, "wounded")]
    assert [
        (c.value, c.kind) for c in find_counts("Fighters fell on the town at dawn, killing two (02) guards.")
    ] == [(2, "killed")]


def test_a_trailing_as_fighting_intensified_clause_sets_the_scene_and_is_no_battle(language):
    text = (
        "A drone strike hit a market in Kafr Safra on Wednesday, killing nine people, a health official "
        "said, as fighting between government troops and rebels intensified around Ariha."
    )
    (event,) = _events(text, language)
    assert (event.sub_event_type, event.location) == ("Air/drone strike", "Kafr Safra")


def test_fighting_that_continues_as_the_main_clause_is_still_a_battle(language):
    text = "Fighting between government troops and rebels continued in Ariha on Wednesday, killing four fighters."
    (event,) = _events(text, language)
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        (
            "Clashes broke out between police and armed men from a local clan near the well.",
            "Unidentified Clan Militia (Kenya)",
        ),
        ("Clan militias fought over grazing land on Sunday.", "Unidentified Clan Militia (Kenya)"),
        ("Armed tribesmen stormed the checkpoint at dawn.", "Unidentified Tribal Militia (Kenya)"),
    ],
)
def test_clan_and_tribal_fighters_are_an_identity_militia_not_an_unidentified_armed_group(sentence, actor):
    mentions = find_mentions(sentence, "Kenya")
    assert any(mention.actor.name == actor and mention.actor.inter == 4 for mention in mentions)


def test_hartal_picketers_who_burn_buses_riot_and_party_factions_are_the_party():
    sentence = "Picketers enforcing the hartal set fire to two buses in the capital."
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == "Violent demonstration"
    assert [m.actor.name for m in find_mentions(sentence, "Bangladesh")][0] == "Protesters (Bangladesh)"
    names = [m.actor.name for m in find_mentions("Two BNP factions clashed in the market.", "Bangladesh")]
    assert "BNP: Bangladesh Nationalist Party" in names


def test_iraqi_factions_are_named_apart_from_the_lebanese_party_and_disarming_is_a_change_of_activity():
    names = [m.actor.name for m in find_mentions("Kataib Hezbollah vowed to keep its arms.", "Iraq")]
    assert names == ["Kataib Hezbollah"]
    sentence = (
        "The faction said it was dissolving its armed wing and would hand its heavy weapons to the army."
    )
    trigger = choose_trigger(find_triggers(sentence), sentence)
    assert trigger is not None and trigger.sub_event_type == "Change to group/activity"
