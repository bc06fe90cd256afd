"""Where an event is placed: datelines, the article's focus region, the sentence's own place."""

import pytest

from sitmap.extract.places import focus, is_dateline, place_event
from sitmap.model import Place, Toponym

ALEPPO = Place("Aleppo", 36.2, 37.16, 170063, "SY", "SYR", "Syria", "Aleppo", "", "PPLA", 1_600_000)
DOUMA = Place("Dūmā", 33.57, 36.4, 170654, "SY", "SYR", "Syria", "Rif Dimashq", "Duma", "PPLA2", 110_000)
HARASTA = Place("Ḩarastā", 33.56, 36.37, 169897, "SY", "SYR", "Syria", "Rif Dimashq", "", "PPLA3", 37_000)
RIF_DIMASHQ = Place(
    "Rif Dimashq", 33.5, 36.5, 170652, "SY", "SYR", "Syria", "Rif Dimashq", "", "ADM1", 2_000_000
)
DAMASCUS = Place("Damascus", 33.51, 36.29, 170654, "SY", "SYR", "Syria", "Damascus", "", "PPLC", 1_500_000)
SYRIA = Place("Syria", 35.0, 38.0, 163843, "SY", "SYR", "Syria", "", "", "PCLI", 17_000_000)
ALEPPO_REGION = Place("Aleppo", 36.2, 37.5, 170062, "SY", "SYR", "Syria", "Aleppo", "", "ADM1", 4_000_000)


def _toponym(text, place, start, sentence=0):
    return Toponym("d1", start, start + len(text), text, "place", place, 0.9, 1, sentence)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [("BEIRUT", True), ("DAMASCUS", True), ("Damascus", False), ("US", False), ("U.K.", False)],
)
def test_a_name_in_capitals_is_a_dateline(text, dateline):
    assert is_dateline(_toponym(text, DAMASCUS, 0)) is dateline


def test_focus_counts_towns_for_their_region():
    toponyms = [
        _toponym("Aleppo", ALEPPO, 0),
        _toponym("Douma", DOUMA, 40, 1),
        _toponym("Harasta", HARASTA, 80, 2),
        _toponym("Rural Damascus", RIF_DIMASHQ, 120, 2),
        _toponym("Aleppo", ALEPPO, 160, 3),
    ]
    chosen = focus(toponyms)
    assert chosen is not None and chosen.place.admin1 == "Rif Dimashq" and chosen.text == "Douma"


def test_focus_prefers_a_region_named_once_to_the_country_named_often():
    toponyms = [
        _toponym("Syria", SYRIA, 0),
        _toponym("Syria", SYRIA, 30, 1),
        _toponym("Aleppo province", ALEPPO_REGION, 60, 1),
        _toponym("Syria", SYRIA, 90, 2),
    ]
    chosen = focus(toponyms)
    assert chosen is not None and chosen.place.feature_code == "ADM1"


def test_focus_never_takes_a_dateline():
    toponyms = [_toponym("DAMASCUS", DAMASCUS, 0), _toponym("Douma", DOUMA, 40)]
    chosen = focus(toponyms)
    assert chosen is not None and chosen.text == "Douma"


def test_an_event_beside_a_dateline_takes_the_article_focus():
    toponyms = [
        _toponym("DAMASCUS", DAMASCUS, 0),
        _toponym("Syria", SYRIA, 10),
        _toponym("Harasta", HARASTA, 200, 3),
    ]
    placing = place_event(0, 30, toponyms, focus(toponyms))
    assert placing is not None and placing.toponym.text == "Harasta" and placing.precision == 2


HASAKAH_REGION = Place(
    "Al-Hasakah", 36.5, 40.9, 173641, "SY", "SYR", "Syria", "Hasakah", "", "ADM1", 1_500_000
)


def _lede_and_story(place_sentence: int) -> list[Toponym]:
    """A lede with only the country, the scene named later, and the article mostly about Aleppo."""
    return [
        _toponym("Syrian", SYRIA, 10, 0),
        _toponym("Hasakeh province", HASAKAH_REGION, 300, place_sentence),
        *[_toponym("Aleppo", ALEPPO, 600 + 40 * n, 6 + n) for n in range(3)],
    ]


def test_a_lede_without_a_town_takes_the_place_the_next_sentences_name():
    toponyms = _lede_and_story(2)
    placing = place_event(0, 20, toponyms, focus(toponyms))
    assert placing is not None and placing.toponym.text == "Hasakeh province" and placing.precision >= 2


def test_a_place_named_further_on_leaves_the_lede_to_the_article_focus():
    toponyms = _lede_and_story(4)
    placing = place_event(0, 20, toponyms, focus(toponyms))
    assert placing is not None and placing.toponym.text == "Aleppo" and placing.precision == 2


def test_a_sentence_naming_only_the_country_takes_the_town_of_the_sentence_before():
    toponyms = [
        _toponym("Douma", DOUMA, 0, 0),
        _toponym("Syria", SYRIA, 60, 1),
        *[_toponym("Aleppo", ALEPPO, 200 + 40 * n, 5 + n) for n in range(2)],
    ]
    placing = place_event(1, 70, toponyms, focus(toponyms))
    assert placing is not None and placing.toponym.text == "Douma" and placing.precision == 2


def test_a_country_after_a_capture_verb_is_not_the_captured_place():
    toponyms = [
        _toponym("Syria", SYRIA, 20),
        *[_toponym("Manbij", DOUMA, 100 + 40 * n, 1 + n) for n in range(2)],
    ]
    placing = place_event(0, 5, toponyms, focus(toponyms), object_start=12)
    assert placing is not None and placing.toponym.text == "Manbij"


def test_a_lede_without_a_place_looks_past_a_sentence_telling_another_incident():
    # "Strikes killed four in Syria. A school was also hit near Douma. Medics in Aleppo said ..."
    toponyms = [
        _toponym("Syria", SYRIA, 30, 0),
        _toponym("Douma", DOUMA, 80, 1),
        _toponym("Aleppo", ALEPPO, 140, 2),
    ]
    placing = place_event(0, 5, toponyms, None, asides=frozenset({1}))
    assert placing is not None and placing.toponym.text == "Aleppo" and placing.precision == 2
    # without a sentence beyond it, the aside's place is still better than none
    placing = place_event(0, 5, toponyms[:2], None, asides=frozenset({1}))
    assert placing is not None and placing.toponym.text == "Douma"


def test_places_listed_together_in_several_regions_form_a_list():
    from sitmap.extract.places import listed_places

    text = "Six were killed in Aleppo Douma and Damascus on Friday, near Harasta."
    toponyms = [
        _toponym("Aleppo", ALEPPO, text.index("Aleppo")),
        _toponym("Douma", DOUMA, text.index("Douma")),
        _toponym("Damascus", DAMASCUS, text.index("Damascus")),
        _toponym("Harasta", HARASTA, text.index("Harasta")),
    ]
    listed = listed_places(toponyms[2], toponyms, text)
    assert [t.text for t in listed] == ["Aleppo", "Douma", "Damascus"]
    # a town and its own region ("Douma, Rif Dimashq") are no list of places
    text = "Shells hit Douma, Rif Dimashq."
    pair = [_toponym("Douma", DOUMA, 11), _toponym("Rif Dimashq", RIF_DIMASHQ, 18)]
    assert listed_places(pair[0], pair, text) == []


def test_a_summary_goes_to_the_listed_region_with_the_most_deaths_reported_below():
    from collections import Counter

    from sitmap.extract.places import deadliest_listed

    listed = [_toponym("Damascus", DAMASCUS, 0), _toponym("Aleppo", ALEPPO, 10), _toponym("Douma", DOUMA, 20)]
    chosen = deadliest_listed(listed, Counter({"Aleppo": 5, "Damascus": 1}))
    assert chosen is not None and chosen.text == "Aleppo"
    # a tie goes to the one listed first; no deaths below leaves the summary where it was
    chosen = deadliest_listed(listed, Counter({"Aleppo": 1, "Rif Dimashq": 1}))
    assert chosen is not None and chosen.text == "Aleppo"
    assert deadliest_listed(listed, Counter()) is None


def test_a_lede_without_a_place_finds_one_three_sentences_on():
    toponyms = [_toponym("Syria", SYRIA, 30, 0), _toponym("Douma", DOUMA, 300, 3)]
    placing = place_event(0, 5, toponyms, None)
    assert placing is not None and placing.toponym.text == "Douma" and placing.precision == 2


def test_of_regions_named_equally_often_the_focus_is_the_one_named_after_in():
    text = "Mourners from Douma carried the coffins out of a hospital in Aleppo."
    toponyms = [
        _toponym("Douma", DOUMA, text.index("Douma")),
        _toponym("Aleppo", ALEPPO, text.index("Aleppo")),
    ]
    chosen = focus(toponyms, text)
    assert chosen is not None and chosen.text == "Aleppo"
    # without the text, the first named
    chosen = focus(toponyms)
    assert chosen is not None and chosen.text == "Douma"


def test_places_of_background_sentences_do_not_make_the_focus():
    # "Medics in Douma treated the wounded. The same gas was used in Aleppo last year."
    toponyms = [_toponym("Aleppo", ALEPPO, 10, 0), _toponym("Douma", DOUMA, 60, 1)]
    chosen = focus(toponyms, background=frozenset({0}))
    assert chosen is not None and chosen.text == "Douma"
    # when only background sentences name places, they still do
    chosen = focus(toponyms[:1], background=frozenset({0}))
    assert chosen is not None and chosen.text == "Aleppo"


def test_a_village_located_by_a_nearby_town_is_the_place_not_the_town():
    # "settlers raided the village of Harasta north of Douma, and a man was shot dead": the trigger
    # nearest Douma does not make Douma the place; Douma only says where Harasta lies
    village = _toponym("Harasta", HARASTA, 40)
    landmark = Toponym("d1", 58, 63, "Douma", "place", DOUMA, 0.9, 2, 0)
    placing = place_event(0, 90, [village, landmark], None)
    assert placing is not None and placing.toponym.text == "Harasta" and placing.precision == 1


def test_a_place_near_a_town_named_without_a_village_before_it_stays_near_the_town():
    landmark = Toponym("d1", 58, 63, "Douma", "place", DOUMA, 0.9, 2, 0)
    placing = place_event(0, 20, [landmark], None)
    assert placing is not None and placing.toponym.text == "Douma" and placing.precision == 2


def test_a_section_label_and_the_countryside_that_locates_a_town_give_way_to_the_town():
    # a monitor's section "Aleppo: A bomb exploded ... between Douma and Harasta in the eastern
    # countryside of Aleppo" (the geography does not matter here, only the words)
    text = (
        "Aleppo: A bomb exploded on the road between Douma and Harasta in the eastern countryside of Aleppo."
    )
    label = _toponym("Aleppo", ALEPPO, 0)
    douma = _toponym("Douma", DOUMA, text.index("Douma"))
    harasta = _toponym("Harasta", HARASTA, text.index("Harasta"))
    start = text.rindex("Aleppo")
    countryside = Toponym("d1", start, start + 6, "Aleppo", "place", ALEPPO, 0.9, 2, 0)
    toponyms = [label, douma, harasta, countryside]
    anchor = text.index("bomb")
    placing = place_event(0, anchor, toponyms, None, labels=frozenset({0}))
    assert placing is not None and placing.toponym.text in {"Douma", "Harasta"}
    # unmarked, the section heading beside the trigger would win
    unmarked = place_event(0, anchor, toponyms, None)
    assert unmarked is not None and unmarked.toponym.start == 0


def test_a_longer_name_that_holds_an_excluded_capital_is_a_place_of_its_own():
    # "Damascus" alone stands for a government (excluded); "Damascus International Airport" is a place
    airport = Place(
        "Damascus International Airport", 33.41, 36.52, 1, "SY", "SYR", "Syria", "Rif Dimashq", "", "PPLX", 0
    )
    text = "A rocket landed near Damascus International Airport late on Wednesday."
    start = text.index("Damascus")
    toponym = Toponym(
        "d1",
        start,
        start + len("Damascus International Airport"),
        "Damascus International Airport",
        "place",
        airport,
        0.9,
        2,
        0,
    )
    placing = place_event(
        0, text.index("rocket"), [toponym], None, excluded=[(start, start + len("Damascus"))]
    )
    assert placing is not None and placing.toponym is toponym
    # the capital alone, excluded, is not the event's place
    alone = Toponym("d1", start, start + 8, "Damascus", "place", DAMASCUS, 0.9, 1, 0)
    assert place_event(0, text.index("rocket"), [alone], None, excluded=[(start, start + 8)]) is None


def test_a_place_right_after_a_long_trigger_is_as_near_as_the_words_between_them():
    # "commanders in Harasta signed a cessation of hostilities agreement in Douma": signed in Douma
    text = "Local commanders in Harasta signed a cessation of hostilities agreement in Douma on Friday."
    harasta = _toponym("Harasta", HARASTA, text.index("Harasta"))
    douma = _toponym("Douma", DOUMA, text.index("Douma"))
    start, end = text.index("signed"), text.index("agreement") + len("agreement")
    placing = place_event(0, start, [harasta, douma], None, anchor_end=end)
    assert placing is not None and placing.toponym is douma
    # measured from the trigger's first word only, the place before it would be nearer
    assert place_event(0, start, [harasta, douma], None).toponym is harasta
