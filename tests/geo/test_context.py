"""What the text says about where a name lies decides among its places: "in X city", "X area in
southern Y province", lists before "in Y", neighbourhoods of the city the article names, and the
country the article is about."""

import shutil
import sqlite3

import pytest

from sitmap.geo import load_gazetteer, locate
from sitmap.geo.geonames_import import import_file
from sitmap.model import Document
from sitmap.nlp import split_sentences


def _toponyms(text, gazetteer):
    return locate(Document(id="d1", text=text), split_sentences(text), gazetteer)


def _admin1(text, mention, gazetteer):
    return next(t.place.admin1 for t in _toponyms(text, gazetteer) if t.text == mention)


@pytest.mark.parametrize(
    ("text", "mention", "admin1"),
    [
        # a list of names before "in X city": all of them lie in X (there is an Al Maydan near Latakia)
        (
            "Russian officers at Hmeimim near Latakia said mortars hit the areas of al-Midan and "
            "al-Muhafaza in Aleppo city.",
            "al-Midan",
            "Aleppo",
        ),
        # an area word and a direction between the name and its province
        (
            "Air strikes hit the Hara area in southern Daraa province, a day after clashes in Saraqeb, "
            "Binnish and Idlib.",
            "Hara",
            "Daraa",
        ),
        (
            "Army units shelled Um Jerin in Abu al-Duhour area in the countryside of the northern Idleb "
            "province while clashes went on in Raqqa and Tabqa.",
            "Abu al-Duhour",
            "Idlib",
        ),
        # a district of the city the text names, however small among the many places called so
        (
            "Gunmen attacked a police station in the al-Midan neighborhood of Damascus.",
            "al-Midan",
            "Damascus",
        ),
        # a given name and a word with a fused article: an Aleppo district, not a person
        ("Rockets hit the Salah Eddin neighborhood in Aleppo.", "Salah Eddin", "Aleppo"),
    ],
)
def test_the_place_the_text_puts_a_name_in_decides(gazetteer, text, mention, admin1):
    assert _admin1(text, mention, gazetteer) == admin1


def test_a_name_the_text_puts_in_a_country_may_be_an_alternate_name(gazetteer):
    toponyms = _toponyms("Militants entered the historic city of Palmyra in central Syria.", gazetteer)
    assert [(t.text, t.place.admin1) for t in toponyms][0] == ("Palmyra", "Homs")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the only al-Kallaseh the gazetteer knows is an Aleppo district, 300 km from Damascus
        ("A bomb hit a bus in the neighbourhood of al-Kallaseh in Damascus.", "al-Kallaseh"),
        # the only Mallah is in As-Suwayda
        ("Troops repelled an attack on Mallah Farms in Aleppo.", "Mallah"),
        # a neighbourhood in a region of which the article names nothing else (Tall Hamis, Hasakah;
        # Bab al-Faraj, once the example here, is now also known as the Aleppo district)
        ("Shells hit Aleppo city on Monday. Mortars also fell on Tal Hamis neighborhood.", "Tal Hamis"),
        # the district of the city named after the country, not of the country (Al Qusur, Raqqa)
        ("A mortar hit the Al Qousour district of Syria's eastern city of Deir ez-Zor.", "Al Qousour"),
    ],
)
def test_a_small_place_far_from_where_the_text_puts_it_is_dropped(gazetteer, text, mention):
    assert mention not in [t.text for t in _toponyms(text, gazetteer)]


def test_two_spellings_of_one_name_in_an_article_are_one_place(gazetteer):
    text = "Fighting raged in Qalamoun on Monday. Later the Qalmoun barrens were shelled."
    assert _admin1(text, "Qalmoun", gazetteer) == "Rif Dimashq"


SUPPLEMENT_HEADER = "name,latitude,longitude,alternates,country_code,admin1,admin2,feature_code,population\n"


def _with_supplement(gazetteer, tmp_path, rows: str):
    """A copy of the test gazetteer with ``rows`` (supplement CSV lines) imported into it."""
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer.path, path)
    supplement = tmp_path / "supplement.csv"
    supplement.write_text(SUPPLEMENT_HEADER + rows, encoding="utf-8")
    connection = sqlite3.connect(path)
    import_file(supplement, connection)
    connection.commit()
    connection.close()
    return load_gazetteer(path)


@pytest.fixture
def gazetteer_with_a_village_abroad(gazetteer, tmp_path):
    """The test gazetteer plus one Somali village, Habare, imported as a supplement."""
    return _with_supplement(gazetteer, tmp_path, "Habare,2.9,44.1,,SO,Bay,,PPL,12000\n")


def test_a_lone_village_abroad_spelled_otherwise_is_dropped(gazetteer_with_a_village_abroad):
    text = (
        "The army took Palmyra and advanced on Deir ez-Zor. The al-Habbari field fell on Monday, "
        "and troops reached Raqqa and Homs."
    )
    names = [t.text for t in _toponyms(text, gazetteer_with_a_village_abroad)]
    assert "al-Habbari" not in names
    assert {"Deir ez-Zor", "Raqqa", "Homs"} <= set(names)


def test_a_village_abroad_the_text_places_there_stays(gazetteer_with_a_village_abroad):
    text = "The army took Palmyra, Raqqa and Homs. Elders met in al-Habbari, Somalia."
    toponym = next(t for t in _toponyms(text, gazetteer_with_a_village_abroad) if t.text == "al-Habbari")
    assert toponym.place.country_code == "SO"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a group that fights in Syria and Iraq votes for both: the Syrian Palmyra (Tadmur), not
        # the Palmyra in Pennsylvania that bears the name as its own
        ("Soldiers fought Islamic State fighters near Palmyra on Friday.", "SY"),
        ("Daesh claimed an ambush on a convoy outside Palmyra.", "SY"),
        # without a word about the war, the town that is called Palmyra stays the likelier one
        ("A storm knocked down trees in Palmyra on Tuesday.", "US"),
    ],
)
def test_a_group_fighting_in_several_countries_votes_for_each(text, country, gazetteer):
    found = [t for t in _toponyms(text, gazetteer) if t.text == "Palmyra"]
    assert found and found[0].place.country_code == country


@pytest.fixture
def gazetteer_with_fama_and_sani(gazetteer, tmp_path):
    """The test gazetteer plus two towns named like an army's acronym and a given name."""
    return _with_supplement(
        gazetteer, tmp_path, "Fama,35.1,36.7,,SY,Hama,,PPL,9000\nSani,35.2,36.6,,SY,Hama,,PPL,8000\n"
    )


def test_an_acronym_in_mixed_case_and_a_name_after_a_rank_are_no_places(gazetteer_with_fama_and_sani):
    text = (
        "A convoy escorted by FAMa units was ambushed near Hama, police spokesman DSP Sani Idris said. "
        "Shelling later hit Fama and Sani."
    )
    found = [(t.text, t.start) for t in _toponyms(text, gazetteer_with_fama_and_sani)]
    names = [name for name, _ in found]
    assert "FAMa" not in names
    assert ("Sani", text.index("Sani Idris")) not in found
    assert {"Fama", "Sani", "Hama"} <= set(names)


def test_a_district_named_after_a_town_holds_it_even_under_a_renamed_region():
    """ "Mir Ali, North Waziristan": the district's towns gain, whatever first-level region the
    gazetteer still files them under (the tribal areas became Khyber Pakhtunkhwa)."""
    from sitmap.geo.resolve import _Hint
    from sitmap.model import Place

    district = Place(
        "North Waziristan",
        32.95,
        69.98,
        1,
        "PK",
        "PAK",
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "North Waziristan",
        "ADM2",
    )
    filed = Place(
        "Mir Ali",
        33.02,
        70.29,
        2,
        "PK",
        "PAK",
        "Pakistan",
        "Federally Administered Tribal Areas",
        "North Waziristan",
        "PPL",
    )
    near = Place("Mir Ali", 32.99, 70.26, 3, "PK", "PAK", "Pakistan", "", "", "PPL")
    far = Place("Mir Ali", 34.30, 72.36, 4, "PK", "PAK", "Pakistan", "Khyber Pakhtunkhwa", "Swabi", "PPL")
    hint = _Hint()
    hint.within.append(district)
    assert hint.bonus(filed) > 0 and hint.bonus(near) > 0 and hint.bonus(far) == 0
    assert hint.places_inside(filed) and not hint.places_inside(far)
