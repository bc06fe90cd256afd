"""One event per incident: follow-ups fold into the incident, new incidents stay apart."""

from datetime import date

import pytest

from sitmap import nlp
from sitmap.extract import find_events
from sitmap.extract.incidents import victim_class
from sitmap.model import Document

PUBLISHED = date(2024, 5, 15)  # a Wednesday


def _events(text: str, language):
    document = Document("doc-inc", text, published=PUBLISHED)
    return find_events(document, nlp.split_sentences(text), [], language)[0]


FOLLOW_UPS = [
    "Gunmen attacked a bus on Monday, killing six passengers, police said.\n\n"
    "The attackers opened fire on the vehicle from both sides of the road, a survivor said.",
    "Jihadists ambushed an army convoy on Monday, killing nine soldiers.\n\n"
    "Five other soldiers were wounded in the fighting, the army said.",
    "Rebels shelled a market on Tuesday, killing four civilians.\n\n"
    '"We heard three explosions and then screaming," a trader said.',
    "Militants stormed a police post on Monday, killing two officers.\n\n"
    "They burned two patrol vehicles and took away weapons before fleeing.",
    "Police arrested a rebel commander on Monday, officials said.\n\n"
    "Officers seized a rifle, three grenades and cash during the raid.",
    "Hundreds of nurses marched to parliament on Tuesday to demand unpaid wages.\n\n"
    "The protesters carried placards and chanted slogans outside the gates.",
    "A drone strike hit a wedding party on Monday, killing 11 guests, residents said.\n\n"
    "The drone struck the courtyard of the house shortly after noon.",
    "Bandits abducted 20 villagers on Monday, local officials said.\n\n"
    "The kidnappers marched the captives into the forest, a villager said.",
    "Soldiers clashed with militiamen on Monday, killing eight of them, the army said.\n\n"
    "The fighting lasted about four hours, a spokesman added.",
    "Al Shabaab fighters attacked an army base on Tuesday, killing five soldiers.\n\n"
    "The militants opened fire on the base from three directions.",
    "A roadside bomb struck a minibus on Monday, killing seven people, police said.\n\n"
    "The blast tore the roof off the vehicle, witnesses said.",
    "Troops fired tear gas at protesters on Tuesday, witnesses said.\n\n"
    "Police also used water cannon to disperse the crowd.",
    "Gunmen shot dead a village chief on Monday, residents said.\n\n"
    "The gunmen fled on motorbikes after the shooting, a relative said.",
    "Fighter jets bombed a village on Monday, killing nine people, a rights group said.\n\n"
    "Twelve people were injured in the air strike, the group said.",
    "Insurgents attacked a military post on Sunday, killing three soldiers, the army said.\n\n"
    "The army said troops recovered rifles and ammunition after the attackers withdrew.",
]


@pytest.mark.parametrize("text", FOLLOW_UPS)
def test_a_follow_up_sentence_folds_into_its_incident(text, language):
    assert len(_events(text, language)) == 1


NEW_INCIDENTS = [
    "Gunmen attacked a bus on Monday, killing six passengers.\n\n"
    "Separately, police arrested 12 suspects in a raid on a market.",
    "Rebels shelled a market on Tuesday, killing four civilians.\n\n"
    "On Monday, rebels ambushed an army convoy, killing three soldiers.",
    "Militants killed two soldiers in an ambush on Tuesday.\n\n"
    "The army retaliated with air strikes on militant hideouts, killing 14 fighters.",
    "Police arrested an opposition leader on Monday.\n\nOn Tuesday, gunmen shot dead two guards at a bank.",
    "Jihadists attacked a convoy on Monday, killing nine soldiers.\n\n"
    "Elsewhere, a roadside bomb killed four civilians.",
    "Troops captured a rebel stronghold on Tuesday.\n\n"
    "Government artillery shelled a nearby village, killing three children.",
    "Hundreds protested against fuel prices on Monday.\n\n"
    "Gunmen killed five farmers in an attack on a village on Monday.",
    "An air strike killed six fighters on Tuesday.\n\nIn a separate attack, gunmen killed three traders.",
    "Rebels ambushed a patrol on Monday, killing four soldiers.\n\n"
    "The next day, soldiers raided a village and killed two civilians.",
    "Police arrested ten activists on Monday.\n\n"
    "Meanwhile, militants attacked a police station, killing two officers.",
    "A suicide bomber killed nine people at a mosque on Tuesday.\n\n"
    "Separately, gunmen abducted four aid workers.",
    "Soldiers clashed with militants on Monday, killing six.\n\n"
    "On Tuesday, protesters marched against the violence.",
    "A drone strike killed three fighters on Monday.\n\n"
    "The militants retaliated by shelling a government post, killing two soldiers.",
    "Gunmen shot dead a judge on Monday.\n\nA second attack on Tuesday killed a police officer.",
    "Bandits abducted 30 students on Monday.\n\nElsewhere, troops clashed with militants, killing seven.",
]


@pytest.mark.parametrize("text", NEW_INCIDENTS)
def test_a_sentence_with_a_new_incident_stays_apart(text, language):
    assert len(_events(text, language)) == 2


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        (
            "Troops repelled a militant attack on Monday, killing 11 insurgents.\n\n"
            "Two soldiers were killed and four wounded in the fighting, the army said.",
            13,
        ),
        (
            "Soldiers killed six militants in a clash on Monday.\n\n"
            "Three soldiers died in the fighting, officials said.",
            9,
        ),
        (
            "Militants ambushed troops on Monday, killing four soldiers.\n\n"
            "The army said 12 attackers were killed in the clash.",
            16,
        ),
        (
            # the attackers named again after "According to ...", return fire in the same exchange
            "Three policemen were killed when militants attacked a police station on Monday, police said.\n\n"
            "According to the district police chief, the attackers opened fire from several sides. "
            "Two militants were killed in retaliatory fire, he said.",
            5,
        ),
        (
            "Police killed seven Maoists in a gunfight in a forest on Monday.\n\n"
            "A jawan of the reserve guard was also killed in the exchange of fire.",
            8,
        ),
        (
            "Gunmen attacked a market on Monday, killing eight people.\n\n"
            "Officials said eight people were killed in the attack.",
            8,
        ),
        (
            "Rebels shelled the town on Monday, killing five civilians.\n\n"
            "Residents said seven people were killed in the shelling.",
            5,
        ),
    ],
)
def test_tolls_of_different_dead_add_up_and_retold_tolls_do_not(text, fatalities, language):
    events = _events(text, language)
    assert [event.fatalities for event in events] == [fatalities]


@pytest.mark.parametrize(
    ("text", "date_"),
    [
        ("Gunmen killed four villagers on Sunday, a police spokesman said on Tuesday.", date(2024, 5, 12)),
        ("Rebels shelled a market on Monday, killing two, the army said on Tuesday.", date(2024, 5, 13)),
        (
            "Militants attacked a convoy on Sunday, killing nine soldiers.\n\n"
            "Three soldiers were wounded, an army spokesman said in a statement on Tuesday.",
            date(2024, 5, 12),
        ),
    ],
)
def test_the_day_a_report_was_made_does_not_date_the_event(text, date_, language):
    assert [event.event_date for event in _events(text, language)] == [date_]


@pytest.mark.parametrize(
    ("noun", "kind"),
    [
        ("soldiers", "state"),
        ("police officers", "state"),
        ("insurgents", "armed"),
        ("attackers", "armed"),
        ("civilians", "civilian"),
        ("children", "civilian"),
        ("jawans", "state"),
        ("Maoists", "armed"),
        ("Houthis", "armed"),
        ("members", ""),
        ("people", ""),
        ("", ""),
    ],
)
def test_victim_class_reads_the_noun_after_a_figure(noun, kind):
    assert victim_class(noun) == kind


@pytest.mark.parametrize(
    "text",
    [
        "The drones hit a residential building shortly after midday.",
        "The shelling continued into the evening.",
        "The fighting lasted several hours.",
    ],
)
def test_a_detail_without_actor_victim_or_place_starts_no_incident(text, language):
    assert _events(text, language) == []


PROTESTS_OVER_KILLINGS = [
    "Hundreds of people marched through Karachi on Friday to protest against the killing of a lawyer by gunmen.",
    "Students rallied in Dhaka on Monday over the shooting of a classmate by police last month.",
    "Thousands protested in Nairobi on Tuesday against the murder of an activist by unknown attackers.",
    "Traders demonstrated in Kano on Monday to denounce the killing of two merchants by bandits.",
    "Relatives of the victims marched in Lima on Sunday to demand justice for six people shot dead by soldiers.",
    "Crowds gathered in Peshawar on Friday to protest the killing of a tribal elder by militants.",
    "Dozens of women held a sit-in in Quetta on Monday over the abduction and killing of a teacher.",
    "Hundreds of villagers protested in Bamenda on Tuesday after gunmen killed three farmers.",
    "Nurses marched in Port Harcourt on Monday to protest the killing of a colleague by kidnappers.",
    "Residents rallied in Maiduguri on Sunday against attacks by insurgents that killed 12 people.",
    "Hundreds demonstrated in Beni on Monday against the massacre of 20 villagers by rebels.",
    "Teachers staged a protest in Kabul on Tuesday over the murder of a headmaster by gunmen.",
    "Protesters blocked a road in Cauca on Friday to denounce the killing of a community leader by dissidents.",
    "Several hundred people marched in Juba on Monday to protest the killing of a journalist by gunmen.",
    "Students protested in Abuja on Wednesday after bandits shot dead two classmates.",
]


@pytest.mark.parametrize("text", PROTESTS_OVER_KILLINGS)
def test_a_peaceful_protest_over_a_killing_has_protesters_and_no_dead(text, language):
    events = [event for event in _events(text, language) if event.event_type == "Protests"]
    assert len(events) == 1
    assert events[0].actor1 == "Protesters"
    assert events[0].fatalities == 0


def test_a_lede_dated_by_its_report_takes_the_day_the_details_give(language):
    # the lede's only day is when officials spoke; the raid's own night follows
    events = _events(
        "Gunmen killed at least nine villagers in a raid on a farming village, officials said on Wednesday.\n\n"
        "The attackers shot dead nine villagers late on Monday as they slept, a local chief said.",
        language,
    )
    assert len(events) == 1
    assert events[0].event_date == date(2024, 5, 13) and events[0].time_precision == 1


def test_a_wire_dateline_date_is_not_the_event_date(language):
    events = _events(
        "KAMPALA, May 15 (Reuters) - A roadside bomb killed three soldiers on Monday, the army said.",
        language,
    )
    assert [event.event_date for event in events] == [date(2024, 5, 13)]


def test_a_wire_dateline_without_a_city_dates_no_event_either(language):
    # the filing date leaves the capture to the day the next sentence gives it: one event
    events = _events(
        "May 15 (Reuters) - Rebels said on Wednesday they had taken full control of Kivala.\n\n"
        "Rebel fighters overran the last army positions in the town on Monday, a rebel spokesman said.",
        language,
    )
    assert [(event.sub_event_type, event.event_date) for event in events] == [
        ("Non-state actor overtakes territory", date(2024, 5, 13))
    ]


def test_a_lede_dated_only_by_its_report_takes_the_report_day(language):
    events = _events(
        "Rebels said on Monday they had captured the town of Kivala after days of fighting.", language
    )
    assert [(event.event_date, event.time_precision) for event in events] == [(date(2024, 5, 13), 2)]


def test_a_claim_of_responsibility_names_the_incidents_actor(language):
    events = _events(
        "A suicide bomber killed 12 people at a market on Monday, police said.\n\n"
        "Boko Haram claimed the bombing in a statement on Tuesday, saying it had targeted soldiers.",
        language,
    )
    assert [(event.actor1, event.fatalities) for event in events] == [("Boko Haram", 12)]


@pytest.mark.parametrize(
    ("claim", "group"),
    [
        # the claim names no tactic at all
        (
            "The Pakistani Taliban, known as the TTP, claimed responsibility in a message to reporters.",
            "TTP: Tehreek-i-Taliban Pakistan",
        ),
        # the claimant is also the sentence's speaker
        (
            "The al Qaeda-linked group JNIM claimed the attack in a statement on Tuesday.",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        # a claimed toll of its own, and a speaker-like figure ("police officers")
        (
            "Al Shabaab claimed responsibility for the attack, saying it had killed 14 police officers.",
            "Al Shabaab",
        ),
    ],
)
def test_a_claim_with_a_weak_or_no_trigger_reaches_the_incident(language, claim, group):
    events = _events(
        "Militants attacked a police checkpoint on Monday night, killing five officers, officials said.\n\n"
        + claim,
        language,
    )
    assert [(event.actor1, event.fatalities) for event in events] == [(group, 5)]


def test_a_claim_alone_is_no_event(language):
    assert _events("The TTP claimed responsibility in a message to reporters on Monday.", language) == []


def test_a_crowd_that_turns_violent_is_one_demonstration_coded_as_a_riot(language):
    events = _events(
        "Hundreds of people protested outside the governor's office on Monday, and police fired tear gas "
        "to disperse them.\n\nSome threw stones at the security forces guarding the building.",
        language,
    )
    assert [(event.sub_event_type, event.actor1.split(" (")[0]) for event in events] == [
        ("Violent demonstration", "Rioters")
    ]


def test_a_killing_during_the_clashes_told_before_is_no_armed_clash(language):
    events = _events(
        "Hundreds of protesters clashed with police outside a court on Tuesday, police said.\n\n"
        "A lawyer was attacked and killed by a group of men in a nearby lane during the clashes.",
        language,
    )
    assert "Armed clash" not in [event.sub_event_type for event in events]
    assert sum(event.fatalities for event in events) == 1


def test_the_most_exact_day_of_a_sentence_dates_it(language):
    events = _events(
        "Protests against the bill, which began last week, spread on Tuesday to the port city.", language
    )
    assert [event.event_date for event in events] == [date(2024, 5, 14)]


def test_a_follow_up_by_the_ledes_actor_gives_the_raids_day(language):
    events = _events(
        "ADF rebels killed at least 14 civilians in an overnight raid on a village, officials said on "
        "Wednesday.\n\nThe attackers entered the village late on Monday and went from house to house.",
        language,
    )
    assert [(event.fatalities, event.event_date) for event in events] == [(14, date(2024, 5, 13))]


def test_a_follow_up_names_the_source_the_lede_only_described(language):
    events = _events(
        "Fighters stormed a village on Saturday, shooting dead 27 residents, a local rights group said.\n\n"
        "The Darfur Bar Association said the attackers opened fire on people at the market.",
        language,
    )
    assert [event.claimed_by for event in events] == ["Darfur Bar Association"]


def test_a_scene_set_apart_at_the_head_of_a_sentence_keeps_its_own_dead(language):
    events = _events(
        "An air strike on a house in the south killed nine people on Wednesday, medics said.\n\n"
        "In the occupied West Bank, troops killed three gunmen in a firefight on Tuesday.",
        language,
    )
    assert sorted(event.fatalities for event in events) == [3, 9]


@pytest.mark.parametrize("opening", ["In the morning, ", "In total, "])
def test_an_opening_that_names_no_place_sets_no_scene_apart(language, opening):
    from sitmap.extract.reader import _ANOTHER_INCIDENT

    assert not _ANOTHER_INCIDENT.search(opening + "troops killed three gunmen.")


def test_a_weak_follow_up_gives_the_day_but_no_event_of_its_own(language):
    events = _events(
        "Armed bandits abducted at least 50 villagers in a raid on a village, police said on Wednesday.\n\n"
        "The gunmen stormed the village on Monday night, shooting sporadically.",
        language,
    )
    assert [(event.sub_event_type, event.event_date) for event in events] == [
        ("Abduction/forced disappearance", date(2024, 5, 13))
    ]


def test_a_weak_sentence_with_a_day_but_no_incident_before_it_is_no_event(language):
    assert _events("The gunmen stormed the village on Monday night, shooting sporadically.", language) == []


def test_a_protester_who_died_of_a_wound_is_the_excessive_force_events_toll(language):
    text = (
        "Police opened fire on protesters in the square on Monday, a rights group said.\n\n"
        "A 22-year-old man died from a gunshot wound on his way to hospital, the group said."
    )
    events = _events(text, language)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Excessive force against protesters", 1)]


def test_an_attack_that_only_wounds_is_still_an_event(language):
    events = _events("Gunmen attacked a bus on Monday, wounding five passengers, police said.", language)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 0)]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        (
            "Warplanes bombed a market in the town on Monday, killing dozens of shoppers.\n\n"
            "A rescue worker said the raid killed 27 people, among them eight children.",
            27,
        ),
        (
            "Rebels shelled the district on Tuesday, killing several residents, a monitor said.\n\n"
            "The monitor later said five residents were killed in the shelling.",
            5,
        ),
        (
            # the lone dead named first ("a commander") is among the toll told after
            "Troops killed a rebel commander in clashes near the town on Monday.\n\n"
            "The army said 23 rebels were killed in the fighting.",
            23,
        ),
        (
            # a figure under half the vague amount is a part of the dead, not their toll
            "Government jets struck the camp on Monday, killing dozens of people.\n\n"
            "Two of the people killed in the strike were nurses, a doctor said.",
            12,
        ),
    ],
)
def test_a_vague_toll_yields_to_a_figure_told_later(text, fatalities, language):
    events = _events(text, language)
    assert sum(event.fatalities for event in events) == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        (
            # "Earlier, a rights group reported that ...": an earlier report of the same strikes
            "Jets struck a village on Monday, killing nine civilians, a monitor said.\n\n"
            "Earlier, a local rights group reported that the strikes on the village killed 14 civilians.",
            [9],
        ),
        (
            # "Earlier, gunmen killed ...": an earlier incident, with its own dead
            "Jets struck a village on Monday, killing nine civilians, a monitor said.\n\n"
            "Earlier, gunmen killed two farmers in a raid on a nearby hamlet, the monitor said.",
            [2, 9],
        ),
    ],
)
def test_an_earlier_report_is_no_earlier_incident(text, fatalities, language):
    assert sorted(event.fatalities for event in _events(text, language)) == fatalities


def test_a_toll_that_rose_replaces_the_first_figure(language):
    events = _events(
        "Air strikes hit the old city on Monday, killing 14 people, a monitor said.\n\n"
        "A later strike on the market killed nine more, bringing the toll of the raids to 23.",
        language,
    )
    assert sum(event.fatalities for event in events) == 23


def test_a_demonstration_the_police_then_push_back_with_force_is_a_protest_with_intervention(language):
    events = _events(
        "Several thousand people gathered outside the central courthouse in Kivala on Monday evening, "
        "chanting slogans.\n\n"
        "Riot police used pepper spray and rubber bullets to push back protesters who tried to break "
        "through barricades.",
        language,
    )
    assert [event.sub_event_type for event in events] == ["Protest with intervention"]


def test_the_classifier_reads_only_a_headlines_first_item():
    from sitmap.extract.reader import SHORT_DOCUMENT, _draft, _to_classify

    # the second item ("protesters teargassed ...") is told below, as its own event
    text = (
        "Police detain four opposition mayors; protesters teargassed outside Kivala courthouse\n\n"
        "KIVALA, May 15 (AFP) - Police detained four district mayors of the main opposition party and "
        "20 other people in dawn raids across Kivala on Monday as part of a fraud inquiry, prosecutors "
        "said.\n\n"
        "The party called the detentions a political coup and said its leaders would appeal. The "
        "inquiry concerns contracts for road works signed over the past five years, according to "
        "the prosecutors' statement, which named no other suspects. The mayors were elected in 2024 "
        "and had been expected to stand again next spring. Their lawyers said they had not yet been "
        "allowed to see them. Markets and schools in the city stayed open through the day. The "
        "interior minister is expected to brief parliament on the inquiry next week, when the party "
        "plans to table a motion against him. Opposition leaders have called on supporters to gather "
        "in the main square on Saturday, and the city council has approved the route of their march."
    )
    assert len(text) > SHORT_DOCUMENT  # a long article's sentences are classified one by one
    draft = _draft(Document("doc-head", text, published=PUBLISHED), nlp.split_sentences(text), [])
    read = [words for _, words in _to_classify(draft)]
    assert any(words.startswith("Police detain four opposition mayors") for words in read)
    assert not any("teargassed" in words for words in read), read


def test_a_monitors_daily_roll_up_is_no_candidate_event():
    from sitmap.extract.reader import _draft

    text = (
        "Daily toll: five people killed across the country on Monday\n\n"
        "Five people were killed across the country on Monday, the monitor said, as follows:\n\n"
        "Kivala: Gunmen shot dead three farmers near the market.\n\n"
        "Norvat: A roadside bomb killed two soldiers on the highway."
    )
    draft = _draft(Document("doc-roll", text, published=PUBLISHED), nlp.split_sentences(text), [])
    # only the sections' incidents are read; the headline and the sentence that opens the list
    # roll them up
    assert [item.sentence.index for item in draft.spotted] == [2, 3]


def test_a_period_word_without_a_figure_is_background_unless_the_sentence_has_its_own_day(language):
    # "this year" compares the rally; the march has its day and is an event
    marched = _events(
        "Tens of thousands of people marched through central Kivala on Monday evening in one of the "
        "largest rallies this year, demanding early elections.",
        language,
    )
    assert [event.sub_event_type for event in marched] == ["Peaceful protest"]
    # no figure and no day: the period it speaks of is the story's background
    assert _events("Since then, fighting has shifted east towards Norvat.", language) == []


def test_a_headline_event_joins_the_body_event_of_its_kind_and_place(language):
    from sitmap.model import Place, Toponym

    kivala = Place("Kivala", 1.0, 30.0, 1, "CD", "COD", "Congo", "North Kivu", "", "PPL", 20_000)
    text = (
        "Army says six rebels killed near Norvat; teacher shot dead in Kivala\n\n"
        "In Kivala, suspected rebels shot dead a teacher at his home on Saturday night, residents said."
    )
    toponyms = [
        Toponym("doc-h", start, start + 6, "Kivala", "place", kivala, 0.9, 1, sentence)
        for start, sentence in ((text.index("Kivala"), 0), (text.rindex("Kivala"), 1))
    ]
    document = Document("doc-h", text, published=PUBLISHED)
    events = find_events(document, nlp.split_sentences(text), toponyms, language)[0]
    kivala_events = [event for event in events if event.location == "Kivala"]
    assert len(kivala_events) == 1 and kivala_events[0].event_date == date(2024, 5, 11)
    # the headline's words are kept as evidence of the body's event
    assert any(item.field == "event" and item.sentence == 0 for item in kivala_events[0].evidence)
