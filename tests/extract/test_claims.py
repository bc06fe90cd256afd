import pytest

from sitmap.extract.claims import Attribution, find_attribution


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Shelling killed two people, White Helmets said on Friday.", "White Helmets"),
        (
            "According to the Syrian Observatory for Human Rights, 12 fighters died.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "Two soldiers were killed, Turkey's National Defense Ministry said.",
            "Turkish Ministry of National Defence",
        ),
        ("The Britain-based monitor reported nine deaths.", "Syrian Observatory for Human Rights"),
        ("Eleven people were killed, state media reported.", "SANA"),
    ],
)
def test_claimed_by_is_the_normalised_speaker(sentence, speaker):
    attribution = find_attribution(sentence, [])
    assert attribution is not None and attribution.speaker == speaker


def test_the_ministry_points_back_to_the_last_ministry_named():
    first = find_attribution("Two soldiers died, the Turkish Ministry of National Defence said.", [])
    assert first is not None
    again = find_attribution(
        'It "neutralised 40 fighters", the ministry said in a series of tweets.', [first]
    )
    assert again is not None and again.speaker == "Turkish Ministry of National Defence"


def test_a_sentence_without_a_reporting_verb_cites_nobody():
    assert find_attribution("The White Helmets pulled bodies from the rubble.", []) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Missiles hit a depot in the city on Friday, regional governor Anna Petrenko said.",
            "Regional governor Anna Petrenko",
        ),
        ("The Coastal Doctors Union said in a statement that nine people died.", "Coastal Doctors Union"),
        ("Gunmen killed four farmers, the state prosecutor's office said.", "State prosecutor's office"),
        (
            "Raiders burned the village, said Paul Mbeki, a local youth leader.",
            "Paul Mbeki, a local youth leader",
        ),
        (
            "Separately, the state-run Northern News Agency (NNA) said troops killed 30 fighters.",
            "State-run Northern News Agency",
        ),
        # the tense is no part of the speaker
        ("Two herders died in the raid, the district commissioner has said.", "District commissioner"),
        ("Jets bombed the camp, a rebel commander had told reporters.", "Rebel commander"),
        # "According to ..." opening the sentence, and the relief world's "partners"
        ("According to local authorities, nine villagers were killed.", "Local authorities"),
        ("According to health partners, six women were raped near the camp.", "Health partners"),
        # a name before the table's vague word says whose sources they are
        ("KMN sources have reported that a mine killed two herders.", "KMN sources"),
    ],
)
def test_a_speaker_the_table_does_not_know_is_named_as_written(sentence, speaker):
    attribution = find_attribution(sentence, [])
    assert attribution is not None and attribution.speaker == speaker


def test_a_known_speaker_beats_a_named_one_and_pronouns_name_nobody():
    known = find_attribution("Two men were shot dead, the Syrian Observatory for Human Rights said.", [])
    assert known is not None and known.speaker == "Syrian Observatory for Human Rights"
    assert find_attribution("Three houses burned down, she said.", []) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Troops killed four rebels in the hills on Sunday, the army said.", "Army (Uganda)"),
        ("Two officers died in the blast, police said.", "Police (Uganda)"),
        ("A drone was shot down, the military's media wing said.", "Military (Uganda)"),
    ],
)
def test_a_generic_speaker_takes_the_article_country(sentence, speaker):
    attribution = find_attribution(sentence, [], "Uganda")
    assert attribution is not None and attribution.speaker == speaker


def test_a_generic_speaker_without_an_article_country_keeps_its_plain_name():
    attribution = find_attribution("Four rebels were killed, the army said.", [])
    assert attribution is not None and attribution.speaker == "Army"


def test_a_district_official_named_at_the_verb_is_the_speaker():
    attribution = find_attribution(
        "Gunmen shot dead five travellers, the district's deputy commissioner said.", []
    )
    assert attribution is not None and "deputy commissioner" in attribution.speaker


@pytest.mark.parametrize(
    ("sentence", "country", "speaker"),
    [
        # "civil defence" is the White Helmets only in Syria; elsewhere the country's own service
        ("Rescuers pulled six bodies from the rubble, civil defence said.", "Syria", "White Helmets"),
        ("A strike killed six people, the civil defence agency said.", "Lebanon", "Civil Defence (Lebanon)"),
    ],
)
def test_civil_defence_is_the_white_helmets_only_in_syria(sentence, country, speaker):
    attribution = find_attribution(sentence, [], country)
    assert attribution is not None and attribution.speaker == speaker


def test_a_phrase_naming_another_source_beside_residents_is_kept_whole():
    attribution = find_attribution("The blast killed four, a nurse and two residents said.", [], "Mali")
    assert attribution is not None and attribution.speaker == "Nurse and two residents"
    assert attribution.kind == "residents"


def test_a_number_before_the_tables_word_adds_no_source():
    attribution = find_attribution("Ten soldiers died, two security sources said.", [], "Mali")
    assert attribution is not None and attribution.speaker == "Officials"


def test_a_rights_group_is_named_and_the_group_points_back_to_it():
    first = find_attribution("Police fired on the crowd, Amnesty International Kenya said.", [], "Kenya")
    assert first is not None and first.speaker == "Amnesty International"
    again = find_attribution("A man died of his wounds, the group said.", [first], "Kenya")
    assert again is not None and again.speaker == "Amnesty International"


def test_a_group_named_in_full_is_no_anaphor_for_the_last_speaker():
    earlier = Attribution("A farmer", "named", 0, 8, "a farmer")
    sentence = (
        "Fighters of the Group for the Defence of the Valley burned the market, according to two "
        "local officials."
    )
    attribution = find_attribution(sentence, [earlier])
    assert attribution is not None and attribution.speaker != "A farmer"
    assert "officials" in attribution.text
    # a group spoken of as such still points back
    monitor = Attribution("Valley Rights Monitor", "monitor", 0, 5, "x")
    again = find_attribution("The group said five people died.", [monitor])
    assert again is not None and again.speaker == "Valley Rights Monitor"


def test_witnesses_are_named_as_witnesses_not_residents():
    attribution = find_attribution("Two men were shot dead at the market, witnesses said.", [])
    assert attribution is not None and (attribution.speaker, attribution.kind) == ("Witnesses", "residents")
