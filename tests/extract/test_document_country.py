"""The country an article is about: where its places are, more than whose forces it names."""

import re

from sitmap.extract.reader import _document_country
from sitmap.model import Document, Place, Toponym

SYRIA = Place("Syria", 35.0, 38.0, 163843, "SY", "SYR", "Syria", "", "", "PCLI", 17_000_000)
TURKEY = Place("Turkey", 39.0, 35.0, 298795, "TR", "TUR", "Turkey", "", "", "PCLI", 80_000_000)
AZAZ = Place("Azaz", 36.59, 37.05, 169389, "SY", "SYR", "Syria", "Aleppo", "A'zaz", "PPLA2", 30_000)
UKRAINE = Place("Ukraine", 49.0, 32.0, 690791, "UA", "UKR", "Ukraine", "", "", "PCLI", 40_000_000)
RUSSIA = Place("Russia", 60.0, 100.0, 2017370, "RU", "RUS", "Russia", "", "", "PCLI", 140_000_000)
KHARKIV = Place("Kharkiv", 49.98, 36.25, 706483, "UA", "UKR", "Ukraine", "Kharkiv", "", "PPLA", 1_400_000)


def _toponyms(text: str, names: dict[str, tuple[Place, str]]) -> list[Toponym]:
    return [
        Toponym("d1", match.start(), match.end(), name, kind, place, 0.9)  # type: ignore[arg-type]
        for name, (place, kind) in names.items()
        for match in re.finditer(rf"\b{name}\b", text)
    ]


def test_an_operation_by_one_country_inside_another_is_about_the_other():
    text = (
        "Turkey and the coalition killed 20 militants in northern Syria, Turkish officials said. "
        "Turkish jets and Turkish artillery struck targets near Azaz. Turkey says the group threatens Turkey."
    )
    names = {"Turkey": (TURKEY, "place"), "Turkish": (TURKEY, "demonym"), "Syria": (SYRIA, "place"),
             "Azaz": (AZAZ, "place")}  # fmt: skip
    assert _document_country(Document("d1", text), _toponyms(text, names)) == "Syria"


def test_the_country_named_as_the_scene_wins_over_the_attacker_named_more_often():
    text = (
        "Russian drones hit a power plant in Kharkiv overnight. Russia said Russian forces struck "
        "military targets; Russia denies hitting civilians."
    )
    names = {"Russian": (RUSSIA, "demonym"), "Russia": (RUSSIA, "place"), "Kharkiv": (KHARKIV, "place")}
    assert _document_country(Document("d1", text), _toponyms(text, names)) == "Ukraine"
