"""find_events end to end with the real spaCy model and toponyms built by hand."""

import sys
from datetime import date

import pytest

from sitmap import nlp
from sitmap.extract import combine, find_events
from sitmap.model import Document, Place, Toponym

PUBLISHED = date(2024, 3, 13)  # a Wednesday
KAFR_SAFRA = Place("Kafr Safra", 35.95, 36.62, 9001, "SY", "SYR", "Syria", "Idlib", "Ariha", "PPL")
ARIHA = Place("Ariha", 35.81, 36.61, 9002, "SY", "SYR", "Syria", "Idlib", "Ariha", "PPLA2")
IDLIB = Place("Idlib", 35.9, 36.6, 9003, "SY", "SYR", "Syria", "Idlib", "", "ADM1")
GAZETTEER = {"Kafr Safra": KAFR_SAFRA, "Ariha": ARIHA, "Idlib": IDLIB}

# Our own article: a retaken town, shelling per rescuers, a ministry's toll, a claim of
# "neutralised" fighters, and background that must give no event.
ARTICLE = (
    "Kafr Safra is a hilltop town on the road between Ariha and the coast.\n\n"
    "Syrian opposition fighters on Tuesday recaptured the town of Kafr Safra from regime forces.\n\n"
    "Regime artillery killed at least five civilians, including two children, in Ariha, White Helmets said.\n\n"
    "Earlier, three Turkish soldiers were killed and four others wounded in a regime attack in Idlib, "
    "Turkey's National Defense Ministry said.\n\n"
    'Turkey retaliated and "neutralised 55 regime elements", the ministry said.\n\n'
    "Idlib was declared a de-escalation zone in a deal between Turkey and Russia in late 2018.\n\n"
    "The offensive since December has displaced nearly 900,000 people."
)


def _toponyms(document: Document) -> list[Toponym]:
    found = []
    for sentence in nlp.split_sentences(document.text):
        for name, place in GAZETTEER.items():
            start = sentence.text.find(name)
            while start >= 0:
                begin = sentence.start + start
                found.append(
                    Toponym(
                        document.id,
                        begin,
                        begin + len(name),
                        name,
                        "place",
                        place,
                        0.9,
                        3 if place.feature_code == "ADM1" else 1,
                        sentence.index,
                    )
                )
                start = sentence.text.find(name, start + 1)
    return found


def _read(text: str, language, published: date = PUBLISHED, toponyms: bool = True):
    document = Document("doc-1", text, published=published)
    sentences = nlp.split_sentences(text)
    return find_events(document, sentences, _toponyms(document) if toponyms else [], language)


@pytest.fixture(scope="module")
def article(language):
    return _read(ARTICLE, language)


def test_article_gives_four_events_and_a_statistic(article):
    events, statistics = article
    assert len(events) == 4
    assert [s.value for s in statistics] == [900_000]


def test_retaken_town_is_a_non_state_territory_gain(article):
    event = next(e for e in article[0] if e.territory is not None)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == ("Rebels (Syria)", "Military Forces of Syria")
    assert event.location == "Kafr Safra" and event.event_date == date(2024, 3, 12)
    assert event.territory.to_actor == "Rebels (Syria)"


def test_shelling_counts_five_not_seven_and_cites_white_helmets(article):
    event = next(e for e in article[0] if e.sub_event_type == "Shelling/artillery/missile attack")
    assert event.fatalities == 5
    assert event.actor2 == "Civilians (Syria)" and event.claimed_by == "White Helmets"
    assert event.location == "Ariha" and event.admin1 == "Idlib"
    assert event.civilian_targeting == "Civilian targeting"


def test_soldiers_killed_per_ministry(article):
    event = next(e for e in article[0] if e.fatalities == 3)
    assert {event.actor1, event.actor2} == {"Military Forces of Syria", "Military Forces of Turkey"}
    assert event.claimed_by == "Turkish Ministry of National Defence"


def test_neutralised_is_a_claim_not_deaths(article):
    event = next(e for e in article[0] if any(c.kind == "neutralised" for c in e.claims))
    assert event.fatalities == 0
    assert event.actor1 == "Military Forces of Turkey"
    assert any(item.text == "55" for item in event.evidence)


def test_background_sentences_give_no_event(article):
    assert not any(e.event_date and e.event_date.year == 2018 for e in article[0])


def test_evidence_spans_point_into_the_document_text(article):
    for event in article[0]:
        for item in event.evidence:
            assert ARTICLE[item.start : item.end] == item.text
            assert item.doc_id == "doc-1"


def test_event_ids_are_stable(article, language):
    again, _ = _read(ARTICLE, language)
    assert [e.event_id for e in again] == [e.event_id for e in article[0]]


def test_notes_read_like_acled(article):
    event = next(e for e in article[0] if e.sub_event_type == "Shelling/artillery/missile attack")
    # no cue of its own: it takes the previous sentence's Tuesday
    assert event.notes.startswith(
        "On 12 March 2024, Military Forces of Syria shelled Civilians (Syria) in Ariha"
    )


def test_event_without_a_place_is_still_emitted(language):
    events, _ = _read("Gunmen shot dead two farmers on Monday, residents said.", language, toponyms=False)
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].location == "" and events[0].fatalities == 2


def test_headline_and_body_count_the_same_deaths_once(language):
    text = (
        "Bomb kills 9 in Ariha\n\nA car bomb killed at least nine people in a market in Ariha on Monday, "
        "the Syrian Observatory for Human Rights said. Later the monitor said nine people had died."
    )
    events, _ = _read(text, language)
    assert sum(e.fatalities for e in events) == 9


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels threatened to attack the town if their leaders are not freed.",
        "Analysts warned that a new offensive could displace many people.",
        "The army denied that its troops had shelled the camp.",
        "Police arrested three men suspected of robbing a bank.",
        "An earthquake killed 12 people and destroyed dozens of houses.",
        "Nine people were killed when a bus crashed into a ravine.",
        "The foreign ministers met in Ankara to discuss border security.",
        "The zone was agreed between Turkey and Russia in late 2018.",
    ],
)
def test_not_events_give_no_event(sentence, language):
    assert _read(sentence, language, toponyms=False)[0] == []


@pytest.mark.parametrize(
    ("rule", "strength", "label", "probability", "chosen"),
    [
        ("Attack", 1, "Armed clash", 0.6, "Armed clash"),  # weak rule, fairly sure classifier
        ("Suicide bomb", 3, "Remote explosive/landmine/IED", 0.6, "Suicide bomb"),  # strong rule stands
        ("Suicide bomb", 3, "Remote explosive/landmine/IED", 0.9, "Remote explosive/landmine/IED"),
        (
            "Government regains territory",
            2,
            "Non-state actor overtakes territory",
            0.9,
            "Government regains territory",
        ),  # the taker comes from the actors
        ("Armed clash", 2, "", 0.0, "Armed clash"),
    ],
)
def test_combine_lets_the_classifier_settle_unsure_rules(rule, strength, label, probability, chosen):
    assert combine(rule, strength, label, probability)[0] == chosen


def test_combine_gives_chemical_weapon_only_to_a_sentence_that_names_one():
    shells = "Another 43 people were wounded when shells landed in the market's vegetable section."
    gas = "Another 43 people were treated for breathing trouble after chlorine canisters landed."
    substances = "Chemical substances were used in the attack, which left 100 people dead."
    assert combine("Shelling/artillery/missile attack", 2, "Chemical weapon", 0.9, True, shells)[0] == (
        "Shelling/artillery/missile attack"
    )
    assert combine("Shelling/artillery/missile attack", 2, "Chemical weapon", 0.9, True, gas)[0] == (
        "Chemical weapon"
    )
    assert combine("Attack", 1, "Chemical weapon", 0.6, True, substances)[0] == "Chemical weapon"


def test_combine_keeps_a_violent_reading_when_people_were_killed():
    assert combine("Armed clash", 1, "Change to group/activity", 0.6, casualties=True)[0] == "Armed clash"
    assert (
        combine("Armed clash", 1, "Change to group/activity", 0.6, casualties=False)[0]
        == "Change to group/activity"
    )


def test_a_batch_codes_exactly_as_its_documents_one_by_one(language):
    """find_events_in parses and classifies a batch together; each document's events stay its own."""
    from sitmap.extract import find_events_in
    from sitmap.extract.subevents import SubeventClassifier

    classifier = SubeventClassifier.load()
    texts = [
        ARTICLE,
        "Police fired tear gas at hundreds of teachers marching to parliament on Monday.",
        "Militants ambushed an army convoy near Ariha on Tuesday, killing seven soldiers, the army said. "
        "In a separate attack, a roadside bomb wounded two police officers in Idlib.",
    ]
    articles = []
    for number, text in enumerate(texts):
        document = Document(f"doc-{number}", text, published=PUBLISHED)
        articles.append((document, nlp.split_sentences(text), _toponyms(document)))
    alone = [find_events(*article, language, classifier) for article in articles]
    together = find_events_in(articles, language, classifier)
    assert together == alone
    assert all(events for events, _ in together)
    assert {e.sources[0].doc_id for e in together[2][0]} == {"doc-2"}


def test_every_event_keeps_the_sentence_that_reports_it(article):
    for event in article[0]:
        sentences = [item for item in event.evidence if item.field == "event"]
        assert sentences, event
        assert all(ARTICLE[item.start : item.end] == item.text and len(item.text) > 40 for item in sentences)


TURKEY = Place("Turkey", 39.0, 35.0, 298795, "TR", "TUR", "Turkey", "", "", "PCLI")


def _with_country_words(document: Document) -> list[Toponym]:
    """The hand-built toponyms plus "Turkish"/"Turkey" as the gazetteer gives them: demonym or place."""
    found = _toponyms(document)
    for word, kind in (("Turkish", "demonym"), ("Turkey", "place")):
        start = document.text.find(word)
        if start >= 0:
            found.append(Toponym(document.id, start, start + len(word), word, kind, TURKEY, 0.9, 3, 0))
    return sorted(found, key=lambda toponym: toponym.start)


def _read_with_countries(text: str, language):
    document = Document("doc-2", text, published=PUBLISHED)
    return find_events(document, nlp.split_sentences(text), _with_country_words(document), language)


@pytest.mark.parametrize(
    "text",
    [
        # the demonym is counted once: the drone's country does not outvote the town it struck
        "A Turkish drone struck a fuel depot in Kafr Safra on Tuesday, killing two workers.",
        # a tie goes to the country whose towns the article names
        "Syrian rebels backed by Turkey recaptured the town of Kafr Safra on Tuesday.",
    ],
)
def test_the_article_country_is_where_its_towns_are(text, language):
    (event,) = _read_with_countries(text, language)[0]
    assert (event.location, event.country) == ("Kafr Safra", "Syria")


def test_a_possessive_day_dates_the_event_even_after_a_reporting_verb(language):
    text = "The rebels claimed Sunday's ambush on an army patrol near Ariha, saying they killed six soldiers."
    (event,) = _read(text, language)[0]
    assert (event.event_date, event.time_precision) == (date(2024, 3, 10), 1)


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("The governor condemned Sunday's killing of six villagers by gunmen in Ariha.", 1),
        ("The governor condemned the killing of villagers by gunmen in Ariha.", 0),  # no dated event
    ],
)
def test_condemning_a_dated_killing_still_reports_the_killing(text, events, language):
    found = _read(text, language)[0]
    assert len(found) == events
    assert all(e.sub_event_type == "Attack" and e.event_date == date(2024, 3, 10) for e in found)


def test_a_clash_in_which_a_side_withdrew_records_the_change_of_control(language):
    text = "Government troops withdrew from positions in Ariha on Tuesday after fierce clashes with rebels."
    (event,) = _read(text, language)[0]
    assert event.sub_event_type == "Armed clash"
    assert event.territory is not None and event.territory.place == "Ariha"
    assert event.territory.from_actor == "Military Forces of Syria"
    (kept,) = _read("Rebels clashed with troops in Ariha after the army withdrew its tanks.", language)[0]
    assert kept.territory is None


def test_a_picture_caption_gives_no_event_and_the_story_keeps_its_place(language):
    text = (
        "A man runs past destroyed houses in Ariha on Monday (AFP photo) BEIRUT Air strikes killed "
        "at least seven civilians in Kafr Safra on Wednesday, a monitor said."
    )
    events, _ = _read(text, language)
    assert [(e.location, e.fatalities) for e in events] == [("Kafr Safra", 7)]


def test_a_headline_listing_regions_is_placed_where_the_body_reports_the_deaths(language, monkeypatch):
    hama = Place("Hama", 35.13, 36.75, 9004, "SY", "SYR", "Syria", "Hama", "", "PPLA")
    monkeypatch.setitem(GAZETTEER, "Hama", hama)
    text = (
        "Four civilians killed in rocket attacks in Hama and Ariha\n\n"
        "Rockets fired by militants on Monday hit a market in Ariha, killing four civilians, police said."
    )
    events, _ = _read(text, language)
    top = max(events, key=lambda e: e.fatalities)
    assert top.fatalities == 4 and top.admin1 == "Idlib"


def test_names_in_a_keyword_list_run_into_the_story_are_no_event_places(language):
    text = (
        "Tags Syria Ariha rebels airstrikes war A car bomb killed six fighters in northern Syria on "
        "Monday. The blast hit a base near Kafr Safra, activists said."
    )
    events, _ = _read(text, language)
    assert [(e.location, e.fatalities) for e in events] == [("Kafr Safra", 6)]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Tags Homs Hama war Government jets struck a village in the north", "Tags Homs Hama war "),
        ("Tags Idlib Russia A hospital was hit", "Tags Idlib Russia "),
        ("Tags Aleppo rebels At least ten died", "Tags Aleppo rebels "),
        ("No tags here. Shelling hit Homs.", None),
    ],
)
def test_a_keyword_list_ends_where_the_story_starts(text, tags):
    from sitmap.extract.reader import _tag_spans

    spans = _tag_spans(text)
    assert [text[start:end] for start, end in spans] == ([tags] if tags else [])


def test_a_roundup_toll_in_various_areas_leaves_the_deaths_to_the_placed_report(language):
    text = (
        "Army units killed many militants as they pressed operations in various areas on Monday. "
        "In Kafr Safra troops killed 15 fighters of the group on Monday, a military source said."
    )
    events, _ = _read(text, language)
    assert [(e.location, e.fatalities) for e in events] == [("Kafr Safra", 15)]


def test_a_lede_naming_only_the_province_takes_the_town_its_follow_up_names(language):
    events, _ = _read(
        "Gunmen killed four farmers in a raid in Idlib province on Tuesday, police said.\n\n"
        "The attackers shot dead the four farmers in their fields outside Ariha, a police officer said.",
        language,
    )
    assert [(event.location, event.fatalities) for event in events] == [("Ariha", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "A court on Wednesday sentenced two men for helping to plan a 2016 truck attack that killed 86 "
        "people, as families gathered outside.\n\nThe attacker was shot dead by police at the scene.",
        "A film about the siege premiered in London on Monday.\n\nIt follows medics who stayed behind as "
        "troops shelled the city in the spring of 2017, killing hundreds of people.",
        # a relative clause goes on telling the past event
        "A judge on Tuesday jailed three men for the 2019 raid on a border post, during which six "
        "guards were shot dead.",
        "Nine men were convicted over the 2020 assault on the port, in which dozens of people were killed.",
    ],
)
def test_a_past_event_named_by_its_year_or_season_is_no_event(text, language):
    assert _read(text, language, toponyms=False)[0] == []


def test_a_past_event_named_by_its_year_leaves_the_days_own_event(language):
    events, _ = _read(
        "Gunmen killed four villagers on Monday, a year after the 2023 massacre in the same area.",
        language,
        toponyms=False,
    )
    assert [event.fatalities for event in events] == [4]


@pytest.mark.parametrize(
    "text",
    [
        # a place name that begins a group's name or a road's is not where the event is
        "In Kafr Safra on Tuesday, fighters of the Ariha Liberation Army ambushed a patrol, killing two.",
        "Police fired on protesters who blocked the Ariha road in Kafr Safra on Tuesday, killing two.",
    ],
)
def test_a_place_beginning_a_group_or_road_name_is_not_the_event_place(text, language):
    events, _ = _read(text, language)
    assert [event.location for event in events] == ["Kafr Safra"]


@pytest.mark.parametrize(
    "text",
    [
        # what a group has done before is background, not today's event
        "The town is on the front line, and the militants have in the past attacked convoys on the road.",
        # a capture verb describing people names who is held, not a place taken
        "The exchange covers soldiers captured on the northern front lines and ten civilians.",
    ],
)
def test_past_habits_and_people_captured_earlier_are_no_event(text, language):
    assert _read(text, language, toponyms=False)[0] == []


def test_in_the_past_day_still_reports_events(language):
    events, _ = _read(
        "In the past 24 hours, air strikes killed 12 people in the city.", language, toponyms=False
    )
    assert [event.fatalities for event in events] == [12]


def test_a_raid_that_kills_and_abducts_is_an_attack(language):
    events, _ = _read(
        "Gunmen killed nine villagers and abducted dozens of others in Kafr Safra on Tuesday.", language
    )
    assert [(event.sub_event_type, event.fatalities) for event in events] == [("Attack", 9)]


def test_vigilantes_deployed_are_no_mob_violence(language):
    text = "A joint team of soldiers and local vigilantes was deployed to Kafr Safra on Tuesday."
    assert [event.sub_event_type for event in _read(text, language)[0]] != ["Mob violence"]


def test_a_battles_second_side_is_the_other_armed_party_not_the_civilians_caught_in_it(language):
    events, _ = _read(
        "Fighting between the army and rebels near Ariha killed at least nine people on Tuesday, "
        "among them five civilians caught in the crossfire.",
        language,
    )
    assert [(event.sub_event_type, event.actor2) for event in events] == [("Armed clash", "Rebels (Syria)")]


def test_once_the_first_words_are_kept_coding_a_batch_leaves_no_new_words_in_the_vocabulary(
    language, monkeypatch
):
    # a long backfill must not grow spaCy's string store with every new word it parses
    monkeypatch.setattr(sys.modules["sitmap.nlp.parse"], "KEPT_STRINGS", 0)
    events, _ = _read(
        "Gunmen from the Qwzyxlorp group killed four villagers in Kafr Safra on Tuesday.", language
    )
    assert events and "Qwzyxlorp" not in language.vocab.strings


def test_the_first_batches_keep_their_words_for_the_next(language, monkeypatch):
    # their lexemes and tokenizer entries are not made again by every later batch
    monkeypatch.setattr(sys.modules["sitmap.nlp.parse"], "KEPT_STRINGS", 10**9)
    events, _ = _read(
        "Gunmen from the Qwzyxvlorp group killed four villagers in Kafr Safra on Tuesday.", language
    )
    assert events and "Qwzyxvlorp" in language.vocab.strings
