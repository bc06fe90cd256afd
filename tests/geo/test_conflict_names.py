"""Names of conflict news that other places share: a store of the countries involved, built once."""

from pathlib import Path

import pytest

from sitmap.geo import Gazetteer, load_gazetteer, locate
from sitmap.geo.store import build_store
from sitmap.model import Document
from sitmap.nlp import split_sentences

# Congo, Somalia, Nigeria and Cameroon with the countries whose places share their names: Austria
# (Vienna's many alternate names), Mozambique (Gaza province, Maxixe), Palestine, Niger and Iran
# (Tehran lists "Tera" among its alternate names), Mexico and Venezuela (whose hamlets share
# Mexican region names)
COUNTRIES = frozenset({"CD", "SO", "NG", "CM", "AT", "MZ", "PS", "NE", "IR", "MX", "VE"})


@pytest.fixture(scope="module")
def conflict_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("conflict") / "gazetteer.sqlite"
    build_store(path, COUNTRIES)
    return load_gazetteer(path)


def _places(text: str, gazetteer: Gazetteer) -> dict[str, tuple[str, str]]:
    found = locate(Document(id="d1", text=text), split_sentences(text), gazetteer)
    return {t.text: (t.place.country_code, t.place.feature_code) for t in found}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a city by its own name outranks a foreign capital that has it as one of its alternate names
        ("Crowds gathered in Beni on Sunday.", "Beni", ("CD", "PPL")),
        # a town of 40,000 by its own name too: Niger's Tera, not Tehran
        ("Gunmen attacked a patrol near Tera on Monday.", "Tera", ("NE", "PPL")),
        # an armed group that fights in one country votes for it: Masisi of North Kivu, not Maxixe
        ("M23 rebels seized Masisi on Monday.", "Masisi", ("CD", "PPL")),
        ("Israeli strikes killed 12 people in Gaza, Hamas said.", "Gaza", ("PS", "PPL")),
        # a district's name alone is the town it is named after
        ("Troops retook Adan Yabaal from al-Shabaab.", "Adan Yabaal", ("SO", "PPL")),
        # the town by the district's own name, not the larger one that carries it as an alternate
        ("Gunmen killed ten villagers in Birnin Gwari.", "Birnin Gwari", ("NG", "PPLA2")),
        # a state's name alone is the state when its namesake town only carries it as an alternate
        # (GeoNames lists Bama as "Borno" too)
        ("Nine people died in a market in Konduga, Borno police said.", "Borno", ("NG", "ADM1")),
    ],
)
def test_conflict_names_resolve_where_the_news_means_them(conflict_gazetteer, text, name, expected):
    assert _places(text, conflict_gazetteer)[name] == expected


def test_an_outlet_named_like_a_place_is_no_toponym(conflict_gazetteer):
    assert _places("Al Jazeera and the Saba news agency reported fighting in Beni.", conflict_gazetteer) == {
        "Beni": ("CD", "PPL")
    }


def test_regions_carry_the_english_names_the_news_uses(conflict_gazetteer):
    text = (
        "M23 fighters took Shabunda in South Kivu province; Boko Haram raided Mora in the Far North region."
    )
    found = locate(Document(id="d1", text=text), split_sentences(text), conflict_gazetteer)
    admin1 = {t.text: t.place.admin1 for t in found}
    assert admin1["Shabunda"] == admin1["South Kivu"] == "South Kivu"
    assert admin1["Mora"] == admin1["Far North"] == "Far North"
    # the first word of a group's name is no village of the same name
    assert "Boko" not in admin1


def test_a_village_the_text_puts_in_another_state_is_dropped(conflict_gazetteer):
    # the only Ungwar Dogo the gazetteer knows is in Taraba; the text puts this one in Katsina,
    # through the district it names first
    places = _places(
        "Gunmen raided Ungwar Dogo village in Faskari Local Government Area of Katsina State.",
        conflict_gazetteer,
    )
    assert "Ungwar Dogo" not in places
    assert places["Faskari"] == ("NG", "PPLA2")


def test_a_village_far_from_every_place_of_the_story_is_a_namesake(conflict_gazetteer):
    # the only Kasando the gazetteer knows lies in Kasai, 900 km from the North Kivu of the story
    places = _places(
        "ADF fighters attacked the village of Kasando in Lubero territory on Monday, and residents "
        "fled to Butembo and Beni, North Kivu officials said.",
        conflict_gazetteer,
    )
    assert "Kasando" not in places
    assert places["Butembo"][0] == places["Beni"][0] == "CD"


def test_a_village_abroad_no_other_place_of_the_story_supports_is_a_namesake(conflict_gazetteer):
    # in a story placed in Michoacan, "the Tierra Caliente region" is no Venezuelan hamlet of that name
    places = _places(
        "Gunmen shot dead two farmers near Aguililla, in the western state of Michoacan, on Monday. "
        "A local gang has been fighting the Jalisco cartel for control of the Tierra Caliente region "
        "for years, residents of Tepalcatepec said.",
        conflict_gazetteer,
    )
    assert "Tierra Caliente" not in places
    assert places["Aguililla"] == ("MX", "PPL")


def test_capitalised_words_an_apposition_calls_a_person_are_no_places(conflict_gazetteer):
    # Kachalla is a village of Niger State too; ", a youth leader" says these words name a man
    places = _places(
        "Kachalla Modu Alhaji, a youth leader in Bama, told reporters that gunmen had burned shops.",
        conflict_gazetteer,
    )
    assert set(places) == {"Bama"}
