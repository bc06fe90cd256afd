import pytest

from sitmap.extract.actors import actor_name, find_mentions


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Turkish soldiers returned fire.", ["Military Forces of Turkey"]),
        ("Regime forces shelled the village.", ["Military Forces of Syria"]),
        ("The Assad regime denied it.", ["Military Forces of Syria"]),
        ("Opposition forces entered the town.", ["Rebels (Syria)"]),
        ("Russian warplanes struck a market.", ["Military Forces of Russia"]),
        ("HTS fighters clashed with the SDF.", ["Hayat Tahrir al-Sham", "SDF: Syrian Democratic Forces"]),
        ("Unidentified gunmen shot two farmers.", ["Unidentified Armed Group (Syria)", "Civilians (Syria)"]),
        ("Houthi forces fired a drone.", ["Houthis (Ansar Allah)"]),
        ("Protesters marched to the square.", ["Protesters (Syria)"]),
        ("Islamic State fighters ambushed the patrol.", ["Islamic State (Syria)"]),
    ],
)
def test_mentions_are_normalised_to_acled_names(sentence, names):
    assert [mention.actor.name for mention in find_mentions(sentence, "Syria")] == names


def test_regime_elements_is_one_mention_not_regime_alone():
    (mention,) = find_mentions("They neutralised 30 regime elements.", "Syria")
    assert mention.text == "regime elements"


def test_x_backed_names_a_backer_not_the_actors_country():
    (mention,) = find_mentions("Turkish-backed rebels advanced.", "Syria")
    assert mention.actor.name == "Rebels (Syria)"
    assert mention.backer is not None and mention.backer.name == "Military Forces of Turkey"


@pytest.mark.parametrize(
    ("template", "country", "name"),
    [
        ("Military Forces of {country}", "United States", "Military Forces of the United States"),
        ("Civilians ({country})", "", "Civilians"),
        ("Hamas", "Palestine", "Hamas"),
    ],
)
def test_actor_name_fills_the_country(template, country, name):
    assert actor_name(template, country) == name


def test_inter_codes_follow_acled_categories():
    inters = {m.actor.name: m.actor.inter for m in find_mentions(
        "Police and rebels fought as rioters and civilians fled the protesters.", "Kenya")}
    assert inters == {"Police Forces of Kenya": 1, "Rebels (Kenya)": 2, "Rioters (Kenya)": 5,
                      "Civilians (Kenya)": 7, "Protesters (Kenya)": 6}
