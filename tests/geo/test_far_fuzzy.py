"""A name matched only weakly by spelling is dropped when it lies far from every place the article
names exactly: the gazetteer lacks the village, and the event falls back to the town it is near."""

from sitmap.geo.recognise import Mention
from sitmap.geo.resolve import FUZZY_DOUBT, _reject_far_fuzzy
from sitmap.model import Place

TOWN = Place("Komanda", 1.365, 29.764, 1, "CD", "COD", "DR Congo", "Ituri", "Irumu", "PPL", 5000)
SEAT = Place("Irumu", 1.458, 29.917, 2, "CD", "COD", "DR Congo", "Ituri", "Irumu", "PPL", 8000)
FAR = Place("Makongo", 3.248, 26.359, 3, "CD", "COD", "DR Congo", "Bas-Uele", "", "PPL", 500)
NEAR = Place("Makayanga", 1.40, 29.80, 4, "CD", "COD", "DR Congo", "Ituri", "Irumu", "PPL", 500)


def _mention(text: str, fuzzy: bool = False) -> Mention:
    return Mention(0, len(text), text, (), fuzzy=fuzzy)


def _resolved(village: Place, score: float) -> list:
    results = [(village, score), (TOWN, 0.9), (SEAT, 0.9)]
    mentions = [_mention("Makayanga", fuzzy=True), _mention("Komanda"), _mention("Irumu")]
    _reject_far_fuzzy(results, mentions)
    return results


def test_a_weak_fuzzy_match_far_from_every_named_place_is_dropped():
    assert _resolved(FAR, FUZZY_DOUBT - 0.1)[0] is None


def test_a_weak_fuzzy_match_beside_the_named_places_stays():
    assert _resolved(NEAR, FUZZY_DOUBT - 0.1)[0] == (NEAR, FUZZY_DOUBT - 0.1)


def test_a_close_respelling_far_away_stays():
    # "Jarablous" for Jarabulus in an article about Idlib: a good match, whatever the distance
    assert _resolved(FAR, FUZZY_DOUBT + 0.1)[0] == (FAR, FUZZY_DOUBT + 0.1)
