"""Where an event happened: the best place-kind toponym of its sentence, else the article's focus."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sitmap.model import Toponym

# More specific first: a village beats its district, a district its governorate, that its country.
_SPECIFICITY = {
    "PPL": 0,
    "PPLX": 0,
    "PPLL": 0,
    "PPLQ": 1,
    "ADM3": 1,
    "ADM2": 2,
    "PPLA": 0,
    "PPLA2": 0,
    "PPLA3": 0,
    "PPLA4": 0,
    "PPLC": 0,
    "ADM1": 3,
    "PCLI": 5,
    "PCL": 5,
    "RGN": 4,
}


# How many sentences back, then ahead, an event without a place of its own looks for one.
LOOK_BACK = 1
LOOK_AHEAD = 3
# Capitalised names at least this long are datelines ("BEIRUT"), not abbreviations ("US").
DATELINE_LETTERS = 4


# What may stand between two names of one list: "in Damascus, Aleppo and Idleb", "Homs & Hama".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|&)\s|\s)\s*", re.IGNORECASE)


# The words before a name that put something there ("in Aleppo", "near Azaz").
_LOCATED = re.compile(r"\b(?:in|at|near|inside)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Placing:
    """The toponym an event is placed at and the ACLED geo precision that placing earns."""

    toponym: Toponym
    precision: int


def specificity(toponym: Toponym) -> int:
    """Lower is more specific (a town 0 ... a country 5)."""
    if toponym.place is None:
        return 9
    code = toponym.place.feature_code
    if code in _SPECIFICITY:
        return _SPECIFICITY[code]
    if code.startswith("PPL"):
        return 0
    if code.startswith("ADM"):
        return 2
    if code.startswith("PCL"):
        return 5
    return 2


def usable(toponyms: list[Toponym]) -> list[Toponym]:
    """Place-kind toponyms that resolved to a gazetteer place and are not a dateline."""
    return [
        toponym
        for toponym in toponyms
        if toponym.kind == "place" and toponym.place is not None and not is_dateline(toponym)
    ]


def is_dateline(toponym: Toponym) -> bool:
    """Whether a toponym is written in capitals ("BEIRUT", "DAMASCUS, Syria (AP) —"): the wire
    copy's dateline names where the reporter files from, never where the event happened."""
    return _in_capitals(toponym.text)


@lru_cache(maxsize=4096)
def _in_capitals(text: str) -> bool:
    # asked of every toponym of the article for each of its events: the few names are kept
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= DATELINE_LETTERS and all(char.isupper() for char in letters)


def region_of(toponym: Toponym) -> str:
    """The first-level region a toponym lies in: its admin-1, or its own name when it is one."""
    place = toponym.place
    if place is None:
        return ""
    if place.admin1:
        return place.admin1
    return place.name if place.feature_code == "ADM1" else ""


def focus(
    toponyms: list[Toponym], text: str = "", background: frozenset[int] = frozenset()
) -> Toponym | None:
    """The article's focus place: the most often named specific place of the first-level region
    the article names most (a town counts for its region: Douma, Harasta and "Rif Dimashq"
    together outvote Aleppo named twice), else the most named place. Of regions named equally
    often, the one named after "in", "at" or "near" in ``text`` wins ("martyrs from al-Fouaa
    escorted from a hospital in Aleppo"), then the first named. Places of ``background``
    sentences ("the rebels used the same weapons in Aleppo last year") count only when no other
    sentence names one."""
    places = usable(toponyms)
    if any(toponym.sentence not in background for toponym in places):
        places = [toponym for toponym in places if toponym.sentence not in background]
    if not places:
        return None
    counts = Counter(_key(toponym) for toponym in places)
    regions: Counter[str] = Counter()
    for toponym in places:
        if specificity(toponym) < 4 and region_of(toponym):
            regions[region_of(toponym)] += 1
    if regions:
        first_seen = {region: min(t.start for t in places if region_of(t) == region) for region in regions}
        located: Counter[str] = Counter(
            region_of(t) for t in places if text and _LOCATED.search(text, max(0, t.start - 12), t.start)
        )
        region = min(regions, key=lambda name: (-regions[name], -located[name], first_seen[name]))
        inside = [toponym for toponym in places if region_of(toponym) == region and specificity(toponym) < 4]
        return min(
            inside,
            key=lambda toponym: (specificity(toponym) > 2, -counts[_key(toponym)], toponym.start),
        )
    best_level = min(specificity(toponym) for toponym in places)
    ranked = sorted(
        places,
        key=lambda toponym: (
            specificity(toponym) > 2,
            -counts[_key(toponym)],
            specificity(toponym) != best_level,
            toponym.start,
        ),
    )
    return ranked[0]


def place_event(
    sentence_index: int,
    anchor: int,
    toponyms: list[Toponym],
    focus_place: Toponym | None,
    excluded: list[tuple[int, int]] | None = None,
    object_start: int | None = None,
    asides: frozenset[int] = frozenset(),
    labels: frozenset[int] = frozenset(),
    anchor_end: int | None = None,
) -> Placing | None:
    """The placing of an event whose trigger sits at document offset ``anchor``.

    ``excluded`` spans (triggers, actor words such as "Assad") are never places; ``object_start``
    is where a captured place's name would begin ("retook Saraqeb"): a toponym there wins, and an
    unnamed "a key town" there (``object_start`` < 0) points to the article's focus place.
    ``asides`` are the sentences that tell another incident ("A mosque was also destroyed near
    X"): a lede without a place looks past them to the next sentence that names one. ``labels``
    are the starts of toponyms that head a section ("Daraa: An explosive device ... between Nawa and
    Sheikh Miskin"): like a landmark, the region of the places the section names. ``anchor_end``
    is where the trigger ends: a place after a long trigger is as near as the words between them
    ("signed a cessation of hostilities agreement in Malakal").
    """
    trigger_end = anchor if anchor_end is None else anchor_end
    here = [
        toponym
        for toponym in usable(toponyms)
        if toponym.sentence == sentence_index
        # a name inside an excluded span; a longer name that holds one is a place of its own
        # ("Baghdad International Airport" holds the capital that stands for a government)
        and not any(
            toponym.start < end and start < toponym.end and not (toponym.start <= start and end < toponym.end)
            for start, end in excluded or []
        )
    ]
    if object_start is not None:
        # a country is never the captured place ("after seizing a Syria village")
        named = [
            toponym
            for toponym in here
            if 0 <= toponym.start - object_start <= 40 and specificity(toponym) < 4
        ]
        if named and object_start >= 0:
            best = min(named, key=lambda toponym: toponym.start)
            return Placing(best, max(best.precision, 3 if specificity(best) >= 3 else 1))
        if object_start < 0 and focus_place is not None:
            return Placing(focus_place, focus_place.precision)
    if here:
        landmarks = _landmarks(here)
        best = min(
            here,
            key=lambda toponym: (
                specificity(toponym) >= 4,
                specificity(toponym) >= 3 and any(specificity(other) < 3 for other in here),
                id(toponym) in landmarks or toponym.start in labels,
                anchor - toponym.start if toponym.start < anchor else max(0, toponym.start - trigger_end),
            ),
        )
        if specificity(best) < 4:
            return Placing(best, max(best.precision, 3 if specificity(best) >= 3 else 1))
        # only a country or a wide region ("in northern Syria"): a town nearby, else the focus
        nearby = _nearby(sentence_index, toponyms, asides)
        if nearby is not None:
            return nearby
        if focus_place is not None and specificity(focus_place) < 4:
            return Placing(focus_place, 2)
        return Placing(best, max(best.precision, 3))
    nearby = _nearby(sentence_index, toponyms, asides)
    if nearby is not None:
        return nearby
    if focus_place is not None:
        return Placing(focus_place, max(focus_place.precision, 2))
    return None


# How far a place may end before the landmark that locates it ("Sinjil north of Ramallah", "Nawa
# and Sheikh Miskin in the western countryside of Daraa").
_LANDMARK_GAP = 45


def _landmarks(here: list[Toponym]) -> set[int]:
    """The ids of toponyms that only locate a place named just before them: in "the village of
    Sinjil north of Ramallah" the event is in Sinjil, and Ramallah (precision 2 from "north of")
    is its landmark, however near the trigger it stands."""
    return {
        id(landmark)
        for landmark in here
        if landmark.precision >= 2
        and any(
            place.precision == 1
            and 0 < landmark.start - place.end <= _LANDMARK_GAP
            and specificity(place) <= specificity(landmark)
            for place in here
        )
    }


def _nearby(
    sentence_index: int, toponyms: list[Toponym], asides: frozenset[int] = frozenset()
) -> Placing | None:
    """A specific place in the sentence before, else in the next few (those not telling another
    incident first), at geo precision 2 or more."""
    specific = [toponym for toponym in usable(toponyms) if specificity(toponym) < 4]
    before = [t for t in specific if sentence_index - LOOK_BACK <= t.sentence < sentence_index]
    if before:
        # the place the story was just talking about ("... in Douma. The strikes killed 12")
        best = max(before, key=lambda toponym: (toponym.sentence, -specificity(toponym), toponym.start))
        return Placing(best, max(best.precision, 2))
    after = [t for t in specific if sentence_index < t.sentence <= sentence_index + LOOK_AHEAD]
    if after:
        # a lede without a place, told in the next sentences ("... The village lies in Hasakeh")
        best = min(
            after,
            key=lambda toponym: (
                toponym.sentence in asides,
                toponym.sentence,
                specificity(toponym),
                toponym.start,
            ),
        )
        return Placing(best, max(best.precision, 2))
    return None


def _key(toponym: Toponym) -> int | str:
    place = toponym.place
    if place is None:
        return toponym.text
    return place.geonameid if place.geonameid is not None else place.name


def listed_places(toponym: Toponym, toponyms: list[Toponym], text: str) -> list[Toponym]:
    """The places listed together with ``toponym`` ("in Damascus, Aleppo and Idleb": all three, in
    text order) when they lie in two or more first-level regions; else an empty list."""
    here = sorted(
        (t for t in usable(toponyms) if t.sentence == toponym.sentence and specificity(t) < 4),
        key=lambda t: t.start,
    )
    if toponym not in here:
        return []
    index = here.index(toponym)
    first = last = index
    while first > 0 and _LIST_GAP.fullmatch(text, here[first - 1].end, here[first].start):
        first -= 1
    while last + 1 < len(here) and _LIST_GAP.fullmatch(text, here[last].end, here[last + 1].start):
        last += 1
    listed = here[first : last + 1]
    return listed if len({region_of(t) for t in listed}) >= 2 else []


def deadliest_listed(listed: list[Toponym], deaths: Counter[str]) -> Toponym | None:
    """Of places listed together (a summary: "six killed in Damascus, Aleppo and Idleb"), the first
    of the region where the article reports the most deaths with a place of their own; None when
    it reports none in any of them."""
    most = max((deaths[region_of(t)] for t in listed), default=0)
    if most <= 0:
        return None
    return next(t for t in listed if deaths[region_of(t)] == most)
