"""Sentences that are not events: sport, idioms, habitual background, national tallies, denial."""

from datetime import date

import pytest

from sitmap import nlp
from sitmap.extract import context, find_events
from sitmap.model import Document

PUBLISHED = date(2024, 5, 15)  # a Wednesday


def _events(text: str, language):
    document = Document("doc-ctx", text, published=PUBLISHED)
    return find_events(document, nlp.split_sentences(text), [], language)[0]


SPORT_SENTENCES = [
    "Al Ahly beat Zamalek 2-1 in a bruising clash at the Cairo International Stadium on Sunday.",
    "The visitors launched a late attack but the goalkeeper saved the penalty kick.",
    "Their striker fired home from a corner to level the scores before half-time.",
    "Orlando Pirates fought hard in the derby but lost their grip on the league title race.",
    "The midfielder struck a volley from twenty metres that flew past the keeper.",
    "Kenya's rugby team stormed back in the second half to win the championship.",
    "The home side attacked relentlessly after the first whistle and scored twice.",
    "A thunderous strike from the edge of the box sealed a 3-0 win over Hearts of Oak.",
    "India's batsmen were bombarded with short balls as Pakistan took five wickets.",
    "The boxer knocked out his opponent in the third round to capture the world title.",
    "Fans invaded the pitch after the final whistle as the hosts clinched the tournament.",
    "The coach said his defenders and midfielders had been shot to pieces in the semi-final.",
    "The champions captured top of the table with a 2-0 victory at the stadium.",
    "Mamelodi Sundowns' forwards battled the defence for ninety minutes in the quarter-final.",
    "Enugu Rangers clashed with Kwara United in a fixture marred by poor refereeing.",
    "The Olympics basketball team crushed Serbia in a one-sided clash.",
]


@pytest.mark.parametrize("sentence", SPORT_SENTENCES)
def test_sport_sentence_gives_no_event(sentence, language):
    assert _events(sentence, language) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed four people outside the stadium in Jos after the match on Saturday.",
        "A bomb exploded near the football pitch in Mogadishu on Monday, killing three spectators.",
    ],
)
def test_deaths_at_a_sports_ground_are_still_an_event(sentence, language):
    assert len(_events(sentence, language)) == 1


def test_whole_sports_report_gives_no_event(language):
    text = (
        "Asante Kotoko thrashed Accra Lions 4-1 at the Baba Yara stadium on Sunday.\n\n"
        "The hosts attacked down the right from the first whistle and their striker scored twice.\n\n"
        "The visitors fought back with a goal from a free kick before half-time.\n\n"
        '"We attacked with courage," the coach told reporters after the derby.\n\n'
        "Kotoko face Hearts of Oak in another top-of-the-table clash next weekend."
    )
    assert _events(text, language) == []


IDIOMS = [
    "The ruling struck a blow against the opposition's legal challenge on Tuesday.",
    "The new tax law strikes a blow to small traders, economists said.",
    "The senate shot down the proposal to extend the mandate.",
    "Parliament shot down every amendment put forward by the minority.",
    "The minister shot down the rumours of a cabinet reshuffle.",
    "The late goal killed off any hope of a comeback.",
    "The drought killed off the harvest in the north.",
    "The singer captured the imagination of a generation.",
    "The ruling party captured the seat in the by-election.",
    "Her speech captured the mood of the country.",
    "The two firms struck a deal to share the pipeline.",
    "Rival companies are locked in a price war over fuel.",
    "Lawyers began a custody battle over the children.",
    "The governor struck a conciliatory note in his address.",
    "The party captured the attention of young voters.",
]


@pytest.mark.parametrize("sentence", IDIOMS)
def test_violent_words_used_figuratively_give_no_event(sentence, language):
    assert _events(sentence, language) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Israeli jets struck a house in Rafah on Monday, killing six people.",
        "Russian air defences shot down three drones over Belgorod on Tuesday.",
        "Al Shabaab fighters captured the town of Bulo Burte on Monday.",
    ],
)
def test_literal_strikes_and_captures_stay_events(sentence, language):
    assert len(_events(sentence, language)) == 1


HABITUAL = [
    "The town has been shelled almost daily from across the river.",
    "Jihadists regularly attack convoys on the road to Djibo.",
    "Militants frequently ambush army patrols in the forest.",
    "Bandits routinely abduct travellers on the Kaduna highway.",
    "The camp is shelled nearly daily by government artillery.",
    "Drone strikes on villages have increased as the army loses ground.",
    "Clashes between herders and farmers have intensified in the region.",
    "The militia often raids villages along the border at night.",
    "Gunmen repeatedly attacked churches in the area.",
    "Rebels have repeatedly shelled the airport.",
    "Armed groups constantly clash over the gold mines.",
    "Soldiers regularly arrest young men at the checkpoints.",
    "Protesters march every day through the capital.",
    "Air raids on the city happen every night.",
    "The army has frequently bombed the hills above the valley.",
]


@pytest.mark.parametrize("sentence", HABITUAL)
def test_what_keeps_happening_is_background(sentence, language):
    assert _events(sentence, language) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Jihadists attacked a convoy near Djibo on Monday, killing five soldiers, officials said.",
        "Rebels shelled the airport again on Tuesday, killing two guards.",
    ],
)
def test_a_dated_incident_is_not_habitual(sentence, language):
    assert len(_events(sentence, language)) == 1


NATIONWIDE = [
    "The air force said it had shot down 30 drones across the country overnight.",
    "Police arrested 120 people in protests across the country.",
    "The army said it had repelled attacks in several regions.",
    "Ukraine said its air defences downed 12 missiles nationwide.",
    "Security forces detained dozens of activists nationwide.",
    "Drone attacks were reported in several provinces overnight.",
    "Troops clashed with militants in various regions, the ministry said.",
    "Strikes hit targets across the whole country, the ministry said.",
    "Rebels launched attacks in many districts, the army said.",
    "Dozens of demonstrations were held nationwide against the new law.",
    "The interior ministry said 45 suspects were arrested across the country.",
    "Authorities intercepted 18 rockets across the country on Sunday.",
    "Police broke up rallies in multiple provinces on Friday.",
    "Air strikes were carried out across the entire country, the military said.",
    "Militants attacked schools in several regions last week.",
    "Army units killed many militants as they pressed operations in various areas.",
]


@pytest.mark.parametrize("sentence", NATIONWIDE)
def test_a_national_tally_without_a_place_is_no_event(sentence, language):
    assert _events(sentence, language) == []


NOT_DONE = [
    "There had been no fighting in the village before the strike.",
    "Police said no arrests were made during the march.",
    "The group accused the army of using schools to launch attacks on its positions.",
    "The government blamed the rebels for shelling the market.",
    "The ministry accused the militia of planning attacks on the capital.",
    "Witnesses reported no shooting in the town on Monday.",
    "Officials said there were no clashes after the vote.",
    "The rebels accused the army of bombing villages in the north.",
    "Residents said no shelling was heard overnight.",
    "The opposition blamed the police for attacks on its offices.",
    "There was no looting in the market, traders said.",
    "The army accused the militants of firing rockets from the school.",
    "No protests took place in the city on Friday.",
    "The spokesman accused the insurgents of abducting teachers.",
    "Observers said no strikes had hit the town since the truce.",
]


@pytest.mark.parametrize("sentence", NOT_DONE)
def test_negated_or_accused_actions_give_no_event(sentence, language):
    assert _events(sentence, language) == []


@pytest.mark.parametrize("sentence", SPORT_SENTENCES[:5])
def test_sport_words_are_recognised(sentence):
    assert context.is_sport(sentence)


def test_ordinary_war_report_is_not_sport():
    assert not context.is_sport("Rebels attacked an army post near Beni on Monday, killing four soldiers.")
