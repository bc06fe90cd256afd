import pytest

from sitmap.geo.names import name_key


@pytest.mark.parametrize("name", ["Saraqib", "Bakhmut", "Laurel County", "Kentucky"])
def test_gazetteer_knows_the_keys_of_its_names(gazetteer, name):
    assert gazetteer.known(name_key(name))
    assert gazetteer.candidates(name_key(name))


@pytest.mark.parametrize("word", ["Qwzxvplk", "Ministry of Everything"])
def test_gazetteer_rejects_absent_names_before_querying(gazetteer, word):
    assert not gazetteer.known(name_key(word))
    assert gazetteer.candidates(name_key(word)) == ()


def test_gazetteer_reads_county_abbreviations(gazetteer):
    counties = gazetteer.candidates(name_key("Laurel Co."))
    assert {c.place.admin1 for c in counties} >= {"Kentucky"}


def test_gazetteer_finds_a_place_spelled_another_way_by_its_consonants(gazetteer):
    similar = gazetteer.similar(name_key("Kafr Nabl"), 75.0)
    assert [(c.place.name, c.place.admin1) for c in similar] == [("Kafranbel", "Idlib")]
    assert gazetteer.similar(name_key("Qwzxvplk"), 75.0) == ()
