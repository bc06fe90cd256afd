"""Recognition rules for conflict reporting: dates, people, groups, English words, origins, possessives."""

import pytest

from sitmap.geo import locate
from sitmap.geo.recognise import find_mentions
from sitmap.model import Document
from sitmap.nlp import split_sentences


def _toponyms(text, gazetteer):
    return locate(Document(id="d1", text=text), split_sentences(text), gazetteer)


def _texts(text, gazetteer):
    return [t.text for t in _toponyms(text, gazetteer)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sat 14 Nov 2015 Government shelling killed four people in Homs.", "Sat"),
        ("Tue Jul 7 2015 Rebels shelled a checkpoint near Hama.", "Tue"),
        ("Updated Jan 20 2016 Clashes went on in Raqqa overnight.", "Jan"),
    ],
)
def test_calendar_abbreviations_are_no_places(gazetteer, text, word):
    names = _texts(text, gazetteer)
    assert not any(word in name for name in names)
    assert len(names) == 1


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Fighters of Jaysh al-Fatah stormed a checkpoint near Hama.", "al-Fatah"),
        ("Ahrar al-Sham said its men held the crossing into Idlib.", "al-Sham"),
        ("The Sham Legion fired rockets at Afrin on Monday.", "Sham"),
    ],
)
def test_armed_group_names_are_no_places(gazetteer, text, word):
    assert word not in _texts(text, gazetteer)


def test_arabic_given_names_start_a_person(gazetteer):
    text = "Rami Saleh, who runs a monitoring network, said five died in Raqqa."
    assert _texts(text, gazetteer) == ["Raqqa"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Syria clashes kill nine Monitor. A monitoring group said nine died in Hama.", "Monitor"),
        ("The Civil Defence said most of the dead in Idlib were civilians.", "Civil"),
    ],
)
def test_english_words_the_article_also_writes_in_lower_case_are_no_respelled_places(gazetteer, text, word):
    assert word not in _texts(text, gazetteer)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The U.S.-led coalition bombed positions around Raqqa.", "U.S."),
        ("Iran-backed militias shelled villages near Aleppo.", "Iran"),
        ("A Turkey-based monitor counted the dead in Homs.", "Turkey"),
    ],
)
def test_a_name_fused_to_led_or_backed_is_an_origin_not_a_place(gazetteer, text, mention):
    found = next(t for t in _toponyms(text, gazetteer) if t.text == mention)
    assert found.kind == "demonym"


def test_a_possessive_without_its_apostrophe_is_the_country(gazetteer):
    found = _toponyms("Ukraines army shelled positions near Bakhmut on Monday.", gazetteer)
    assert [(t.text, t.place.feature_code) for t in found][0] == ("Ukraine", "PCLI")


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Deir ez-Zor on Friday.",
        "Jets struck Deir ez-Zor Syrian state media said.",
        "Daesh shelled Deir ed-Zor and Raqqa overnight.",
    ],
)
def test_article_led_words_continue_a_name(gazetteer, text):
    found = [t for t in _toponyms(text, gazetteer) if t.text.startswith("Deir")]
    assert found and found[0].text.count(" ") == 1 and found[0].place.admin1 == "Deir ez-Zor"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # initials only: the article "A" and an abbreviation (an alternate name of Auburn)
        ("A U.N. team met officials in Sacramento, California, and Reno, Nevada.", "A U.N."),
        # an abbreviation joined to a word
        ("A UN-Red Crescent convoy was hit near Aleppo.", "UN-Red"),
        # the name after "bin" is a father's (Al Jabal is a village near Aleppo)
        ("A car bomb exploded outside the Maath bin Jabal mosque in Damascus.", "Jabal"),
        # a generic head followed by an article word is the start of a longer name (Al Khan, Hama)
        ("Rebels held Khan al-Assad west of Aleppo.", "Khan"),
    ],
)
def test_parts_of_other_names_are_no_places(gazetteer, text, word):
    assert not any(word in name for name in _texts(text, gazetteer))


def test_a_given_name_and_a_respelled_village_name_are_a_person(gazetteer):
    # Khalil Kulku is a village near Aleppo; the commander's surname is spelled otherwise
    text = "Rebels said Khalil Kulkou was killed near Saraqeb, Binnish and Taftanaz in Idlib."
    assert _texts(text, gazetteer) == ["Saraqeb", "Binnish", "Taftanaz", "Idlib"]
    assert _texts("Shelling hit Khalil Kulku near Aleppo.", gazetteer) == ["Khalil Kulku", "Aleppo"]


def test_a_head_and_the_lower_case_word_after_it_make_one_name(gazetteer):
    found = _toponyms("Coalition strikes hit the Deir ezzor countryside on Friday.", gazetteer)
    assert [(t.text, t.place.admin1) for t in found] == [("Deir ezzor", "Deir ez-Zor")]


@pytest.mark.parametrize(
    ("text", "mention", "admin1"),
    [
        ("Mortars fell on the Jobar district of Damascus on Sunday.", "Jobar", "Damascus"),
        ("Government jets pounded Eastern Ghouta and Douma overnight.", "Eastern Ghouta", "Rif Dimashq"),
        ("Snipers fired into Sheikh Maqsoud, a Kurdish district of Aleppo.", "Sheikh Maqsoud", "Aleppo"),
        ("Israeli jets struck targets on the Golan Heights near Quneitra.", "Golan Heights", "Quneitra"),
        ("Shells hit Bab al-Faraj and Sheikh Maqsoud in Aleppo city.", "Bab al-Faraj", "Aleppo"),
    ],
)
def test_city_districts_and_areas_carry_their_governorate(gazetteer, text, mention, admin1):
    found = next(t for t in _toponyms(text, gazetteer) if t.text == mention)
    assert found.place.admin1 == admin1


@pytest.mark.parametrize(
    "text",
    [
        "Rockets killed four people in Aleppo Hama and Homs on Friday.",
        "Two were hurt when shells hit Aleppo Hama Damascus and its suburbs.",
    ],
)
def test_a_run_of_place_names_without_commas_is_each_place_not_one_misspelt_name(gazetteer, text):
    names = _texts(text, gazetteer)
    assert "Aleppo" in names and "Hama" in names
    assert not any(" " in name for name in names)


def test_a_fuzzy_match_of_a_whole_run_yields_to_an_exact_shorter_name(monkeypatch, gazetteer):
    from sitmap.geo import recognise

    def match(text, tokens, first, start, end, surface, gazetteer):
        # the two-word run only sounds like some far-off village; its first word is a place
        return recognise.Mention(start, end, surface, (), fuzzy=" " in surface)

    monkeypatch.setattr(recognise, "_match", match)
    text = "shells hit Aleppo Hama overnight"
    tokens = recognise._tokens(text)
    first = tokens.text.index("Aleppo")
    mention, used = recognise._longest_match(text, tokens, first, first + 2, gazetteer)
    assert (mention.text, used, mention.fuzzy) == ("Aleppo", 1, False)


def test_the_levant_is_the_region_not_a_town_in_maine(gazetteer):
    text = "The group calls itself the Islamic State in Iraq and the Levant and fights in Syria."
    levant = next(t for t in _toponyms(text, gazetteer) if t.text == "Levant")
    assert levant.place.feature_code == "RGN" and levant.place.country_code == ""


def test_shipped_stop_words_are_spacys():
    """The geoparser reads its own copy of spaCy's English stop words (no spaCy import)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from sitmap.geo.recognise import _stop_words

    assert _stop_words() == frozenset(STOP_WORDS)


def test_religions_sects_and_peoples_are_never_places(gazetteer):
    # without the list, "Sunni" and "Christian" find towns spelt alike (Christian County, Kentucky ...)
    text = "Druze and Alawite elders, Sunni and Shia clerics, Christian and Yazidi families met in Homs."
    assert [m.text for m in find_mentions(text, gazetteer) if m.candidates] == ["Homs"]


def test_a_weapon_named_like_a_town_and_the_english_article_an_are_no_place(gazetteer):
    text = "An Odesa port was hit. The US fired Tomahawk cruise missiles at a base near Homs."
    found = {m.text for m in find_mentions(text, gazetteer) if m.candidates}
    assert "Odesa" in found and "An Odesa" not in found and "Tomahawk" not in found
