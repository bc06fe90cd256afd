"""Toponym resolution: pick each mention's place from the document's own geography.

A candidate's score adds a prior (feature class and population) to what the document says: its
country and region focus, an explicit "X, State" or "in X province", and the distance to the
other places resolved in the same article. Two passes: the first picks by prior and explicit
clues, the second re-ranks with the focus and proximity the first pass found.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Literal

from rapidfuzz.fuzz import ratio

from sitmap.geo.gazetteer import Candidate, Gazetteer
from sitmap.geo.names import ascii_name, name_key, skeleton
from sitmap.geo.recognise import Mention, find_mentions
from sitmap.geo.store import data_table
from sitmap.model import Document, Place, Sentence, Toponym

FEATURE_PRIOR = {
    "PCLI": 4.0,
    "CONT": 5.0,
    "RGN": 4.0,
    "OCN": 4.0,
    "SEA": 4.0,
    "LK": 3.0,
    "ADM1": 3.0,
    "PPLC": 3.0,
    "PPLA": 1.5,
    "PPLA2": 1.0,
    "PPLA3": 0.6,
    "PPLA4": 0.4,
    "PPL": 0.3,
    "PPLX": 0.0,
    "ADM2": 1.0,
    "ADM3": 0.3,
    "CMPS": 0.2,
    "PPLQ": -1.5,
    "PPLH": -1.5,
    "PPLW": -1.5,
}
REGION_CODES = frozenset({"PCLI", "CONT", "RGN", "OCN", "SEA", "LK", "ADM1", "ADM2"})
METONYM_CODES = frozenset({"PCLI", "PPLC", "ADM1"})
MAX_CANDIDATES = 60
MAX_NEAR = 25
REGION_KM = 500.0
CONTEXT_PASSES = 2
MIN_FOCUS = 2
FOCUS_BONUS = 1.5
FOCUS_MAX_POPULATION = 500_000
MIN_CUES = 1
CUE_WEIGHT = 1.5
ALIAS_POPULATION = 1_000_000
OWN_NAME_POPULATION = 20_000
ALIAS_PENALTY = 3.0
RESPELLED_POPULATION = 1_000_000
_BROAD = frozenset({"PCLI", "CONT", "RGN", "OCN", "SEA", "LK"})
_REGION_OR_CAPITAL = REGION_CODES | {"PPLC"}
_BROAD_OR_CAPITAL = _BROAD | {"ADM1", "PPLC"}
_LIST_GAP = re.compile(r"\s*[,(]\s*")  # "Springfield, Illinois", "Douma (Rif Dimashq)"
# "X in Y", "X near the port city of Y", "X outside the town of Y"
_IN_GAP = re.compile(
    r"\s+(?:in|near|outside)(?:\s+the(?:\s+[\w-]+)?\s+(?:city|town|village)\s+of)?\s+", re.IGNORECASE
)
_IN_THE_GAP = re.compile(r"\s+in\s+the\s+")
MIN_SPELLING = 5
MIN_FOCUS_NAMES = 3  # distinct places in the main country before a lone village abroad is doubted
SPELLING_RATIO = 84.0
MAX_LIST = 9  # mentions a list of places may run over before the "in Y" that contains them
MAX_LIST_CHARS = 160
_AREA_NOUN = (
    r"(?i:areas?|neighbou?rhoods?|districts?|quarters?|towns?|villages?|city|farms?|camps?|suburbs?|"
    r"region|plain|countryside|outskirts|province|governorate|local government areas?|lgas?|"
    r"municipalit(?:y|ies)|prefectures?|sub-?districts?|zones?)"
)
_DIRECTION = (
    r"(?i:north|south|east|west|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northeast|northwest|southeast|southwest|central|rural)"
)
_NAME_WORD = r"(?:[a-z]{1,3}-)?[A-Z][\w'’.-]*"
# Between a place and the place it lies in: more names of a list (after a comma or "and", or an
# Arabic article: "al-Midan al-Hamadaniyeh"), then "in" or "area of", the article, a direction and
# an area word: "and al-Muhafaza in", " area in the countryside of the northern ".
_LIST_ITEM = (
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?=[a-z]{{1,3}}-))(?:the\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?:\s+{_AREA_NOUN})?"
)
_CONTAINED_GAP = re.compile(
    rf"(?:(?:{_LIST_ITEM})*(?:\s+{_AREA_NOUN})?\s+in|\s+{_AREA_NOUN}\s+of)\s+(?:the\s+)?(?:{_DIRECTION}\s+)?"
    rf"(?:{_AREA_NOUN}\s+of\s+(?:the\s+)?(?:{_DIRECTION}\s+)?)?"
)
_COUNTRY_THEN_PLACE = re.compile(rf"(?:'s|’s|s)?\s+(?:{_DIRECTION}\s+)?{_AREA_NOUN}\s+of\s+(?:the\s+)?")
_QUARTER_AFTER = re.compile(r"\s+neighbou?rhoods?\b")
_QUARTER_BEFORE = re.compile(r"\bneighbou?rhoods?\s+of\s+(?:the\s+)?$")
CONTAINER_KM = 100.0
SMALL_POPULATION = 100_000
_SPEECH = re.compile(
    r"^['’]?s?\s+(?:(?:has|have|had|would|will|is|was|also|has also|had also|then|later|quickly|"
    r"strongly|repeatedly|on \w+)\s+)*(?:said|says|say|denied|denies|deny|warned|warns|claimed|claims|"
    r"announced|announces|accused|accuses|insisted|insists|rejected|rejects|condemned|condemns|urged|"
    r"urges|demanded|demands|vowed|threatened|threatens|refused|refuses|responded|retaliated|blamed|"
    r"blames|confirmed|confirms|pledged|promised|argued|imposed|sanctioned|recognized|recognised|backs|"
    r"backed|supports|wants|wanted|hopes|believes|agreed|signed|called|calls|expelled|summoned|"
    r"protested|criticised|criticized|welcomed|dismissed|hit back|objected|retorted|maintains)\b"
)
Votes = defaultdict[str, float]
# A context seen from one name: country votes and total, region votes and total, other points.
_View = tuple[Votes, float, defaultdict[tuple[str, str], float], float, list[tuple[float, float]]]
# Every cue starts with a literal character, so that the same alternatives without the word
# boundary let the regex engine jump to where a cue may start.
_US_CUE_WORDS = (
    r"County|Sheriff|Township|Parish|Interstate|I-\d+|U\.S\. \d+|mph|Gov\.|Sen\.|Rep\.|"
    r"R-[A-Z][a-z]+|D-[A-Z][a-z]+|High School|Middle School|Elementary|Police Department|Fire Department|"
    r"City Council|Board of Education|School Board|County Commission|state Senate|state House|"
    r"Highway \d+|Route \d+|\$\d"
)
_US_CUES = re.compile(rf"\b(?:{_US_CUE_WORDS})")
_US_CUE_ANYWHERE = re.compile(_US_CUE_WORDS)
_NEAR = re.compile(
    r"(?:\bnear|\boutside|\boutskirts of|\bvicinity of|\bclose to|\baround|\b(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)? of|"
    r"\b(?:km|kilometres|kilometers|miles) (?:from|of)|\bcountryside of|\bsuburbs of|\bedge of)"
    r"(?:\s+the)?(?:\s+(?:town|city|village|area|district))?(?:\s+of)?\s*$",
    re.IGNORECASE,
)
# Every _NEAR match holds one of these words: an ASCII text without any has no match (a quick test).
_NEAR_WORDS = re.compile(
    "near|outside|outskirts|vicinity|close|around|north|south|east|west|km|kilomet|miles|countryside|suburbs|edge"
)
# "U.S.-led coalition", "Iran-backed militias", "Britain-based monitor": the name tells whose, not where.
_ORIGIN = re.compile(
    r"-(?:led|backed|based|born|made|brokered|sponsored|supported|allied|trained|funded|run|held|"
    r"controlled|supplied|affiliated|linked|aligned|armed)\b",
    re.IGNORECASE,
)
# "the Al-Rawdah neighbourhood of Taizz": the first name is a part of the town the second names.
_PART_OF = re.compile(r"\s+(?:neighbou?rhood|district|quarter|suburb|area)\s+of\s+", re.IGNORECASE)
PART_OF_KM = 30.0
_CAPITAL_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:state|provincial|regional|region|governorate|province|oblast)\s+)?capital\b",
    re.IGNORECASE,
)
# "in Raqqa and Deir Ezzor provinces", "Kherson, Zaporizhzhia and Donetsk regions"
_LISTED_REGIONS_AFTER = re.compile(
    r"^(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3})*\s*,?\s+and\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}"
    r"\s+(?:provinces|governorates|regions|states|oblasts)\b"
)
_REGION_OF = re.compile(r"\b(?:province|governorate|region|state|oblast)\s+of\s+$", re.IGNORECASE)
_NAMESAKE_CODES = frozenset({"PPLC", "PPLA", "PPL"})
_TOWN_CODES = frozenset({"PPLA2", "PPLA3", "PPLA4", "PPLL"})  # a district's town may be any seat
NAMESAKE_POPULATION = 10_000
NAMESAKE_CITY_KM = 100.0
NAMESAKE_TOWN_KM = 60.0  # a second-level region (district, territory) and the town it is named after
_AREA_AFTER = re.compile(r"^\s+(?:countryside|outskirts|suburbs|environs|area|surroundings)\b", re.IGNORECASE)
_REGION_AFTER = re.compile(
    r"^\s+(?:provinces?|governorates?|regions?|states?|oblasts?|district|county|countryside|parish)\b",
    re.IGNORECASE,
)


def locate(document: Document, sentences: list[Sentence], gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym in ``document.text`` in text order, resolved with the document as context."""
    text = document.text
    mentions = [m for m in find_mentions(text, gazetteer) if m.candidates]
    choices = _resolve(text, mentions)
    starts = [sentence.start for sentence in sentences]
    toponyms = []
    for mention, choice in zip(mentions, choices, strict=True):
        if choice is None:
            continue
        place, score = choice
        if place.feature_code == "ADM1" and _CAPITAL_AFTER.match(text, mention.end):
            # "the Borno state capital", "the North Darfur capital": the region's seat, not the region
            place = gazetteer.seat(place) or place
        elif place.feature_code in ("ADM1", "ADM2"):
            place = _namesake_city(text, mention, place)
        sentence = bisect_right(starts, mention.start) - 1 if starts else -1
        toponyms.append(
            Toponym(
                doc_id=document.id,
                start=mention.start,
                end=mention.end,
                text=mention.text,
                kind=_kind(text, mention, place),
                place=place,
                score=round(score, 3),
                precision=_precision(text, mention, place),
                sentence=sentence,
            )
        )
    return _respellings_inherit(text, toponyms)


def _respellings_inherit(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """A place's other spelling in brackets right after it ("the countryside of Daraa (Dara'a)")
    is the same mention: it takes that one's precision."""
    for index in range(1, len(toponyms)):
        before, after = toponyms[index - 1], toponyms[index]
        if (
            before.place is not None
            and after.place is not None
            and before.place.geonameid == after.place.geonameid
            and after.precision != before.precision
            and text[before.end : after.start].strip() == "("
            and text[after.end : after.end + 1] == ")"
        ):
            toponyms[index] = replace(after, precision=before.precision)
    return toponyms


def _resolve(text: str, mentions: list[Mention]) -> list[tuple[Place, float] | None]:
    """One place per distinct name in the document (one sense per discourse), then per mention."""
    groups: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        groups.setdefault(mention.demonym or name_key(mention.text), []).append(index)
    _merge_spellings(groups, mentions)
    hints = _explicit_hints(text, mentions)
    keys = list(groups)
    group_hints = [_merge_hints([hints[i] for i in groups[key]]) for key in keys]
    ranked = [
        _pool([mentions[i] for i in groups[key]], hint) for key, hint in zip(keys, group_hints, strict=True)
    ]
    pools = [pool for pool, _ in ranked]
    demonym = [bool(mentions[groups[key][0]].demonym) for key in keys]
    surfaces = [ascii_name(mentions[groups[key][0]].text).lower() for key in keys]
    bases = [
        [_base(candidate, prior, hint, surface) for candidate, prior in zip(pool, priors, strict=True)]
        for (pool, priors), hint, surface in zip(ranked, group_hints, surfaces, strict=True)
    ]
    picks = [_pick(pool, base) for pool, base in zip(pools, bases, strict=True)]
    cues = _country_cues(text)
    _add_focus(pools, bases, picks, _country_votes(picks, demonym, cues))
    members = [[(mentions[i], hints[i]) for i in groups[key]] for key in keys]
    features = [_features(pool) for pool in pools]
    for _ in range(CONTEXT_PASSES):
        context = _Context(_voting(picks, members, demonym), demonym, cues)
        picks = [
            _rerank(pool, base, feature, context.without(index))
            for index, (pool, base, feature) in enumerate(zip(pools, bases, features, strict=True))
        ]
    picks = _named_countries_first(picks, pools, bases, demonym, surfaces, members)
    countries = _country_votes(picks, demonym)
    results: list[tuple[Place, float] | None] = [None] * len(mentions)
    for key, pick in zip(keys, picks, strict=True):
        for index in groups[key]:
            if pick is not None and _accepted(mentions[index], pick[0], countries, hints[index]):
                results[index] = (pick[0].place, pick[1])
    _reject_misplaced(results, hints)
    _reject_strays(results, hints)
    _reject_far_strays(results, hints, mentions)
    _reject_far_fuzzy(results, mentions)
    for index, hint in enumerate(hints):
        if results[index] is None and hint.town is not None:
            results[index] = results[hint.town]  # a neighbourhood the gazetteer lacks: its town
    return results


def _named_countries_first(
    picks: list[tuple[Candidate, float] | None],
    pools: list[list[Candidate]],
    bases: list[list[float]],
    demonym: list[bool],
    surfaces: list[str],
    members: list[list[tuple[Mention, _Hint]]],
) -> list[tuple[Candidate, float] | None]:
    """A pick the text vouches for but spells otherwise, in a country no other name of the article
    points to, yields to the name's best candidate in the country the article names most often,
    demonyms included (each mention counts), and in a first-level region the article names (when
    it names any of that country): "the town of Marea" in a report on "Syrian activists" is Mari'
    of Aleppo, not a María of Spain."""
    countries = _country_votes(picks, demonym)
    # the article's countries counted per mention: "Syrian" four times outweighs one "Britain"
    mentioned: Votes = defaultdict(float)
    for pick, is_demonym, group in zip(picks, demonym, members, strict=True):
        if pick is not None:
            mentioned[pick[0].place.country_code] += (0.5 if is_demonym else 1.0) * len(group)
    regions: dict[str, set[str]] = defaultdict(set)
    for pick, is_demonym in zip(picks, demonym, strict=True):
        if pick is not None and not is_demonym and pick[0].place.admin1:
            regions[pick[0].place.country_code].add(pick[0].place.admin1)
    result = list(picks)
    for index, pick in enumerate(picks):
        if pick is None or demonym[index]:
            continue
        place = pick[0].place
        others = dict(mentioned)
        others[place.country_code] -= len(members[index])
        most = max(others.values(), default=0.0)
        if countries[place.country_code] > 1.0 or ascii_name(place.name).lower() == surfaces[index]:
            continue
        if not any(_accepted(mention, pick[0], countries, hint) for mention, hint in members[index]):
            continue  # a name the text does not vouch for stays unresolved
        named = [
            i
            for i, candidate in enumerate(pools[index])
            if candidate.place.country_code
            and candidate.place.country_code != place.country_code
            and 0 < others.get(candidate.place.country_code, 0.0) >= most
            # in a region the article names, unless it names none of that country
            and (
                not regions[candidate.place.country_code]
                or candidate.place.admin1 in regions[candidate.place.country_code]
            )
        ]
        if named:
            best = max(named, key=bases[index].__getitem__)
            result[index] = (pools[index][best], pick[1])
    return result


def _reject_strays(results: list[tuple[Place, float] | None], hints: list[_Hint]) -> None:
    """Drop a small place abroad when nothing else in the article supports it: in an article
    about one country, a village of another country it names no country, region or city of
    ("near al-Habbari field" in a report on Deir ez-Zor is no Somali Habare; "the Tierra Caliente
    region" of Michoacan is no Venezuelan hamlet)."""
    named = {result[0] for result in results if result is not None}
    countries = Counter(place.country_code for place in named)
    if not countries:
        return
    main, count = countries.most_common(1)[0]
    if count < MIN_FOCUS_NAMES:
        return
    supported = {place.country_code for place in named if not _small(place)}
    for index, (result, hint) in enumerate(zip(results, hints, strict=True)):
        if result is None:
            continue
        place = result[0]
        if (
            place.country_code != main
            and place.country_code not in supported
            and _small(place)
            and countries[place.country_code] * 2 <= count
            and hint.bonus(place) <= 0
        ):
            results[index] = None


# A village of the article's country lies this far from every other place the article names, in a
# first-level region none of them is in: a namesake, not where the story is.
STRAY_KM = 300.0
# ... and has fewer people than this (a town of its size is named for itself)
STRAY_POPULATION = 5_000
# ... when the article names at least this many places that anchor the story
MIN_STRAY_CONTEXT = 2
# what says nothing of where a story happens: countries and continents
_NOT_STORY_PLACES = frozenset({"PCLI", "CONT", "RGN"})


def _reject_far_strays(
    results: list[tuple[Place, float] | None], hints: list[_Hint], mentions: list[Mention]
) -> None:
    """Drop a village of the article's main country that lies far from every place that anchors
    the story, in a region none of them is in, when nothing in the text ties it there: "the
    village of Kasando ... in Lubero territory" in a report on North Kivu is not the Kasando of
    Kasai 900 km away (the gazetteer lacks the village; the event falls back to the places the
    text gives). The anchors are the article's regions, towns and villages the text places, not
    other villages (two namesakes far away would vouch for each other), not countries, and not a
    place named only in capitals, as a dateline is ("MEXICO CITY (AP) - ... in Michoacan")."""
    named = [(index, result[0]) for index, result in enumerate(results) if result is not None]
    countries = Counter(place.country_code for _, place in named)
    if not countries:
        return
    main = countries.most_common(1)[0][0]

    def village(index: int, place: Place) -> bool:
        return _small(place) and place.population < STRAY_POPULATION and hints[index].bonus(place) <= 0

    in_text = {place.geonameid for index, place in named if not mentions[index].text.isupper()}
    anchors = {
        place.geonameid: place
        for index, place in named
        if place.feature_code not in _NOT_STORY_PLACES
        and place.geonameid in in_text
        and not village(index, place)
    }
    if len(anchors) < MIN_STRAY_CONTEXT:
        return
    for index, place in named:
        if place.country_code != main or not village(index, place):
            continue
        if any(
            other.country_code == place.country_code and other.admin1 == place.admin1
            for other in anchors.values()
        ):
            continue
        if all(_km(place, other) > STRAY_KM for other in anchors.values()):
            results[index] = None


# A name matched only fuzzily must lie this near some place the article names exactly.
FUZZY_REACH_KM = 150.0
# ... when its score is this low or lower (a close respelling, "Jarablous", scores higher)
FUZZY_DOUBT = 0.6


def _reject_far_fuzzy(results: list[tuple[Place, float] | None], mentions: list[Mention]) -> None:
    """Drop a small place a name matches only weakly and fuzzily when it lies far from every place the
    article names exactly: "the village of Makayanga, near Komanda" is not Makongo 400 km away
    (the gazetteer lacks the village; the event falls back to Komanda)."""
    exact = [
        result[0]
        for result, mention in zip(results, mentions, strict=True)
        if result is not None and not mention.fuzzy and result[0].feature_code not in REGION_CODES
    ]
    if len(exact) < 2:
        return
    for index, (result, mention) in enumerate(zip(results, mentions, strict=True)):
        if result is None or not mention.fuzzy or not _small(result[0]) or result[1] > FUZZY_DOUBT:
            continue
        if all(_km(result[0], other) > FUZZY_REACH_KM for other in exact):
            results[index] = None


def _reject_misplaced(results: list[tuple[Place, float] | None], hints: list[_Hint]) -> None:
    """Drop small places the text itself contradicts: one said to lie in a place of the same
    country far from it ("al-Kallaseh in Damascus" is no Aleppo district), and a neighbourhood in
    a region of which the article names no other place while it names places elsewhere in the
    country ("Bab al-Faraj neighborhood" in an article about Aleppo is not in Hasakah)."""
    named = {result[0] for result in results if result is not None}
    regions = Counter((place.country_code, place.admin1) for place in named if place.admin1)
    countries = Counter(place.country_code for place in named)
    for index, (result, hint) in enumerate(zip(results, hints, strict=True)):
        if result is None or not _small(result[0]):
            continue
        place = result[0]
        container = _known_container(results, hints, index)
        if container is not None and _outside(place, container):
            results[index] = None
        elif (
            hint.quarter
            and place.admin1
            and regions[(place.country_code, place.admin1)] == 1
            and countries[place.country_code] > 1
        ):
            results[index] = None


def _known_container(
    results: list[tuple[Place, float] | None], hints: list[_Hint], index: int
) -> Place | None:
    """The first place the resolver rarely gets wrong up the chain of places the text puts mention
    ``index`` in: "Unguwar Dogo village in Faskari Local Government Area of Katsina State" is
    checked against Katsina State when Faskari is only a district seat."""
    seen = {index}
    container = hints[index].container
    while container is not None and container not in seen:
        result = results[container]
        if result is not None and _known_place(result[0]):
            return result[0]
        seen.add(container)
        container = hints[container].container
    return None


def _small(place: Place) -> bool:
    """A town, village or feature: no region, capital or city of 100,000."""
    return (
        place.feature_code not in REGION_CODES
        and place.feature_code != "PPLC"
        and place.population < SMALL_POPULATION
    )


def _known_place(place: Place) -> bool:
    """A place the resolver rarely gets wrong: a country, first-level region, capital, first-level
    seat or a city of 100,000."""
    return place.feature_code in ("PCLI", "ADM1", "PPLC", "PPLA") or (
        place.feature_code.startswith("PPL") and place.population >= SMALL_POPULATION
    )


def _outside(place: Place, container: Place) -> bool:
    """Whether a place is plainly not where the text puts it: in another country or first-level
    region than the place that should contain it, and over 100 km from it ("Rubaya in North Kivu"
    is no Rubaya of Burundi)."""
    return (
        container.feature_code not in _BROAD
        and (
            place.country_code != container.country_code
            or place.admin1 != (container.admin1 or container.name)
        )
        and _km(place, container) > CONTAINER_KM
    )


def _merge_spellings(groups: dict[str, list[int]], mentions: list[Mention]) -> None:
    """One sense for two spellings of one name in a document ("Qalmoun" and "Qalamoun"): keys
    of five letters or more with the same consonants and a close rapidfuzz ratio join the
    group of the first."""
    keys = [key for key in groups if len(key) >= MIN_SPELLING and not mentions[groups[key][0]].demonym]
    by_skeleton: dict[str, str] = {}
    for key in keys:
        consonants = skeleton(key)
        first = by_skeleton.setdefault(consonants, key)
        if first != key and _respelled(first, key):
            groups[first].extend(groups.pop(key))
            groups[first].sort()


def _respelled(key: str, other: str) -> bool:
    """Whether two name keys with the same consonants spell one name: as long within a letter,
    starting alike, close by rapidfuzz ratio, and neither just the other with letters added in
    front or behind ("Delta" and "A Delta" are not one name)."""
    return (
        abs(len(key) - len(other)) <= 1
        and key[0] == other[0]
        and not (key.startswith(other) or other.startswith(key) or key.endswith(other) or other.endswith(key))
        and ratio(key, other) >= SPELLING_RATIO
    )


def _add_focus(
    pools: list[list[Candidate]],
    bases: list[list[float]],
    picks: list[tuple[Candidate, float] | None],
    countries: Votes,
) -> None:
    """Raise the candidates in the document's focus region: the admin-1 region of its main country
    where the most distinct names have a candidate (Sharon, Kent, Cornwall and Canaan all have one
    in Connecticut)."""
    if not countries:
        return
    country = max(countries, key=countries.__getitem__)
    counts: Counter[str] = Counter()
    for pool in pools:
        counts.update({c.place.admin1 for c in pool if c.place.country_code == country and c.place.admin1})
    if not counts:
        return
    ranked = counts.most_common(2)
    region, count = ranked[0]
    if count < MIN_FOCUS or (len(ranked) > 1 and ranked[1][1] == count):
        return
    for pool, base, pick in zip(pools, bases, picks, strict=True):
        if (
            pick is None
            or pick[0].place.country_code != country
            or pick[0].place.feature_code in REGION_CODES
            or pick[0].place.population >= FOCUS_MAX_POPULATION
        ):
            continue
        for index, candidate in enumerate(pool):
            if candidate.place.country_code == country and candidate.place.admin1 == region:
                base[index] += FOCUS_BONUS


def _country_votes(
    picks: list[tuple[Candidate, float] | None],
    demonym: list[bool],
    cues: Votes | None = None,
) -> Votes:
    """Votes for each country: one per name placed there, half for a demonym, plus wording cues
    (the countries of ``_Context``)."""
    countries: Votes = defaultdict(float, cues or {})
    for pick, is_demonym in zip(picks, demonym, strict=True):
        if pick is not None:
            countries[pick[0].place.country_code] += 0.5 if is_demonym else 1.0
    return countries


def _voting(
    picks: list[tuple[Candidate, float] | None],
    members: list[list[tuple[Mention, _Hint]]],
    demonym: list[bool],
) -> list[tuple[Candidate, float] | None]:
    """The picks that may shape the document's geography: those some mention of the name accepts."""
    countries = _country_votes(picks, demonym)
    return [
        pick if pick is not None and any(_accepted(m, pick[0], countries, h) for m, h in group) else None
        for pick, group in zip(picks, members, strict=True)
    ]


def _country_cues(text: str) -> Votes:
    """Votes for a country from wording rather than names: "County", "Sheriff", "Interstate" say US;
    an armed group that fights in one country ("M23", "Houthis", "al-Shabaab") says that country."""
    cues: Votes = defaultdict(float)
    groups, countries = _group_cues()
    for match in groups.finditer(text):
        # a group that fights in several countries ("Islamic State": Syria, Iraq) splits its vote
        owners = countries[match.group()].split(",")
        for owner in owners:
            cues[owner] = CUE_WEIGHT / len(owners)
    found: set[str] = set()
    anywhere = _US_CUE_ANYWHERE.search(text)
    if anywhere is None:
        return cues
    for match in _US_CUES.finditer(text, anywhere.start()):
        found.add(match.group())
        if len(found) >= MIN_CUES:
            cues["US"] = CUE_WEIGHT
            break
    return cues


@lru_cache(maxsize=1)
def _group_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """The armed groups of ``data/country_cues.tsv`` as one pattern, and each one's country codes
    (comma-separated when it fights in several)."""
    countries = {row["cue"]: row["country_code"] for row in data_table("country_cues.tsv")}
    names = sorted(countries, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"), countries


def _merge_hints(hints: list[_Hint]) -> _Hint:
    merged = _Hint()
    for hint in hints:
        merged.within.extend(hint.within)
        merged.part_of.extend(hint.part_of)
        merged.region = merged.region or hint.region
    return merged


def _pool(mentions: list[Mention], hint: _Hint) -> tuple[list[Candidate], list[float]]:
    """The candidates a name's mentions allow, best prior first, and their priors."""
    candidates = list(mentions[0].candidates)
    for mention in mentions[1:]:
        if mention.candidates is not mentions[0].candidates:  # another spelling of the name
            seen = {candidate.id for candidate in candidates}
            candidates.extend(c for c in mention.candidates if c.id not in seen)
    if all(m.common and not m.locative for m in mentions) and not hint.within:
        candidates = [c for c in candidates if c.primary and c.place.feature_code in ("PCLI", "ADM1", "CONT")]
    if all(m.after_name for m in mentions):
        candidates = [
            c
            for c in candidates
            if c.primary and (c.place.feature_code in _REGION_OR_CAPITAL or c.place.population >= 300_000)
        ]
    if all(m.street for m in mentions):
        return [], []
    if all(m.facility or m.surname for m in mentions):
        candidates = [
            c
            for c in candidates
            if c.primary and (c.place.feature_code in _BROAD_OR_CAPITAL or c.place.population >= 100_000)
        ]
    if hint.part_of:
        # "the Al-Rawdah neighbourhood of Taizz" lies in Taizz, whatever else bears its name
        candidates = [c for c in candidates if any(_km(c.place, town) < PART_OF_KM for town in hint.part_of)]
    priors = [_prior(candidate) for candidate in candidates]
    owners = {
        c.place.country_code
        for c in candidates
        if c.primary and c.place.feature_code.startswith("PPL") and c.place.population >= OWN_NAME_POPULATION
    }
    if owners:
        # "Beni" is a Congolese city of 230,000 by its own name and Vienna by one of the dozens of
        # foreign-language names GeoNames lists for a capital ("Tera": Niger's town of 40,000 and
        # Tehran): a town that bears the name as its own outranks another country's capital
        # that only carries it as an alternate name
        priors = [
            prior - ALIAS_PENALTY
            if not c.primary and c.place.feature_code == "PPLC" and c.place.country_code not in owners
            else prior
            for c, prior in zip(candidates, priors, strict=True)
        ]
    order = sorted(range(len(candidates)), key=priors.__getitem__, reverse=True)
    if len(order) > MAX_CANDIDATES and hint.within:
        # a place the text says the name is in or near stays in the running however small it is
        # ("al-Midan neighborhood of Damascus" among 128 places called Midan)
        order.sort(key=lambda i: hint.bonus(candidates[i].place) <= 0)
    order = order[:MAX_CANDIDATES]
    return [candidates[i] for i in order], [priors[i] for i in order]


def _prior(candidate: Candidate) -> float:
    place = candidate.place
    prior = FEATURE_PRIOR.get(place.feature_code, 0.2)
    if place.feature_code == "PCLI":
        prior += 0.4 * math.log10(place.population + 1)
    elif place.feature_code not in REGION_CODES:
        prior += 0.4 * math.log10(place.population + 1)
    return prior + (0.8 if candidate.primary else 0.0)


class _Hint:
    """Explicit clues for one mention: a containing region ("X, Georgia"), a nearby place, or the
    town it is a part of ("X neighbourhood of Y")."""

    def __init__(self) -> None:
        self.within: list[Place] = []
        self.part_of: list[Place] = []
        self.town: int | None = None  # the mention of the town a neighbourhood is part of
        self.region = False
        self.container: int | None = None  # the mention of the place this one is said to be in
        self.quarter = False  # "X neighbourhood", "the neighbourhoods of X": part of a city

    def places_inside(self, place: Place) -> bool:
        """Whether a region or town the text names around the mention holds or adjoins ``place``."""
        return any(
            (
                region.feature_code == "ADM1"
                and place.country_code == region.country_code
                and (_same_name(place.admin1, region.name) or _inside(place, region))
            )
            or (region.feature_code.startswith("PPL") and _km(place, region) < 30)
            or (region.feature_code == "ADM2" and self._district(region) and _in_district(place, region))
            for region in self.within
        )

    def _district(self, region: Place) -> bool:
        """Whether a second-level region the text names is read as such: not when a first-level
        region of its name is named too ("Sagaing region" is the region, not Sagaing district)."""
        return not any(
            other.feature_code == "ADM1" and _same_name(other.name, region.name) for other in self.within
        )

    def bonus(self, place: Place) -> float:
        total = 3.0 if self.region and place.feature_code in ("ADM1", "ADM2") else 0.0
        for region in self.within:
            if region.feature_code == "PCLI" and place.country_code == region.country_code:
                total += 3.0
            elif (
                region.feature_code == "ADM1"
                and place.country_code == region.country_code
                and (_same_name(place.admin1, region.name) or _inside(place, region))
            ):
                total += 4.0
            elif region.feature_code.startswith("PPL") and _km(place, region) < 30:
                total += 3.0
            elif region.feature_code == "ADM2" and self._district(region) and _in_district(place, region):
                # "Mir Ali, North Waziristan": the district the gazetteer files it in, or near its
                # seat (a district's region may have been renamed since: FATA is Khyber Pakhtunkhwa)
                total += 4.0
        return total


def _in_district(place: Place, district: Place) -> bool:
    """Whether ``place`` lies in the second-level region ``district``: filed under its name, or,
    filed under no district, within 60 km of its point."""
    return (
        place.country_code == district.country_code
        and place.feature_code != "ADM2"
        and (_same_name(place.admin2, district.name) or (not place.admin2 and _km(place, district) < 60))
    )


def _explicit_hints(text: str, mentions: list[Mention]) -> list[_Hint]:
    hints = [_Hint() for _ in mentions]
    for hint, mention in zip(hints, mentions, strict=True):
        hint.region = bool(_REGION_AFTER.match(text[mention.end : mention.end + 20]))
    for index in range(len(mentions) - 1):
        mention, following = mentions[index], mentions[index + 1]
        candidates = following.candidates
        if not candidates or following.demonym:
            continue
        gap = text[mention.end : following.start]
        if _LIST_GAP.fullmatch(gap):
            containers = [c.place for c in candidates if c.place.feature_code in ("PCLI", "ADM1", "ADM2")]
            if containers:
                hints[index].within.extend(containers)
                continue
        if _IN_GAP.fullmatch(gap):
            hints[index].within.extend(c.place for c in candidates[:5])
            if gap.split()[0].lower() in ("in", "near"):
                hints[index].container = index + 1
            continue
        if _IN_THE_GAP.fullmatch(gap) and hints[index + 1].region:
            # "Chuhuiv in the Kharkiv region"
            hints[index].within.extend(
                c.place for c in candidates if c.place.feature_code in ("PCLI", "ADM1")
            )
            continue
        if _PART_OF.fullmatch(gap):
            # only when the town outranks anything the first name could be: "the Aleppo district of
            # Marjeh" names a district of Aleppo, not an Aleppo inside Marjeh
            towns = [c.place for c in candidates if c.place.feature_code.startswith("PPL")]
            largest = max((c.place.population for c in mention.candidates), default=0)
            hints[index].part_of.extend(town for town in towns if town.population > largest)
            if hints[index].part_of:
                hints[index].town = index + 1
                continue
        container = _container(text, mentions, index)
        if container is None:
            continue
        hints[index].container = container
        hints[index].within.extend(c.place for c in mentions[container].candidates[:5])
    for hint, mention in zip(hints, mentions, strict=True):
        hint.quarter = bool(
            _QUARTER_AFTER.match(text, mention.end)
            or _QUARTER_BEFORE.search(text[max(0, mention.start - 30) : mention.start])
        )
    return hints


def _container(text: str, mentions: list[Mention], index: int) -> int | None:
    """The mention of the place that the text says mention ``index`` lies in, across a list and
    area words: "al-Midan and al-Muhafaza in Aleppo city", "the Hara area in southern Daraa
    province", "Tal Salmo and Um Jerin in Abu al-Duhour area in the countryside of Idleb"."""
    end = mentions[index].end
    for other in range(index + 1, min(len(mentions), index + MAX_LIST)):
        following = mentions[other]
        if following.start - end > MAX_LIST_CHARS:
            return None
        if (
            following.candidates
            and not following.demonym
            and _CONTAINED_GAP.fullmatch(text, end, following.start)
        ):
            # "Al Qousour district of Syria's eastern city of Deir ez-Zor": the city, not the country
            after = mentions[other + 1] if other + 1 < len(mentions) else None
            if (
                after is not None
                and following.candidates[0].place.feature_code == "PCLI"
                and _COUNTRY_THEN_PLACE.fullmatch(text, following.end, after.start)
            ):
                return other + 1
            return other
    return None


class _Context:
    """The document's geography as the current picks see it: countries, regions, points."""

    def __init__(
        self,
        picks: list[tuple[Candidate, float] | None],
        demonym: list[bool],
        cues: Votes | None = None,
    ) -> None:
        self.countries: Votes = defaultdict(float, cues or {})
        self.regions: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.points: dict[tuple[float, float], int] = {}
        self.own: list[tuple[str, float, tuple[str, str], float, tuple[float, float] | None]] = []
        for pick, is_demonym in zip(picks, demonym, strict=True):
            if pick is None:
                self.own.append(("", 0.0, ("", ""), 0.0, None))
                continue
            place = pick[0].place
            weight = 0.5 if is_demonym else 1.0
            self.countries[place.country_code] += weight
            region = (place.country_code, place.admin1.lower())
            region_weight = 0.0
            if place.admin1:
                region_weight = 2.0 if place.feature_code == "ADM1" else 1.0
                self.regions[region] += region_weight
            point = None
            if place.feature_code not in _BROAD:
                point = (place.latitude, place.longitude)
                self.points[point] = self.points.get(point, 0) + 1
            self.own.append((place.country_code, weight, region, region_weight, point))
        self.point_list = list(self.points)
        self.total_countries = sum(self.countries.values())
        self.total_regions = sum(self.regions.values())

    def without(self, index: int) -> _View:
        """Countries, regions and points without the group at ``index`` (it must not vote for itself)."""
        code, weight, region, region_weight, point = self.own[index]
        countries, regions = self.countries, self.regions
        if weight:
            countries = countries.copy()
            countries[code] -= weight
        if region_weight:
            regions = regions.copy()
            regions[region] -= region_weight
        points = (
            self.point_list
            if point is None or self.points[point] > 1
            else [other for other in self.point_list if other != point]
        )
        return (
            countries,
            (self.total_countries - weight) or 1.0,
            regions,
            (self.total_regions - region_weight) or 1.0,
            points,
        )


def _base(candidate: Candidate, prior: float, hint: _Hint, surface: str) -> float:
    """The part of a candidate's score that the document's other places do not change."""
    place = candidate.place
    score = prior + hint.bonus(place)
    if surface and ascii_name(place.name).lower() == surface:
        score += 0.8
    return score


def _pick(pool: list[Candidate], base: list[float]) -> tuple[Candidate, float] | None:
    """The best candidate by its base score, and a confidence from its margin."""
    if not pool:
        return None
    best_index = max(range(len(pool)), key=base.__getitem__)
    ordered = sorted(base, reverse=True)
    margin = ordered[0] - ordered[1] if len(ordered) > 1 else 4.0
    return pool[best_index], 1.0 / (1.0 + math.exp(-margin))


# What the context scoring reads of a candidate: country, (country, admin-1) region, whether it is
# an admin-1 region, whether distance counts for it (among the first MAX_NEAR, not a broad region),
# latitude, longitude and the cosine of its latitude.
_Feature = tuple[str, tuple[str, str], bool, bool, float, float, float]


def _features(pool: list[Candidate]) -> list[_Feature]:
    """The fixed parts of each candidate's context score, read once per document."""
    features = []
    for rank, candidate in enumerate(pool):
        place = candidate.place
        features.append(
            (
                place.country_code,
                (place.country_code, place.admin1.lower()),
                place.feature_code == "ADM1",
                rank < MAX_NEAR and place.feature_code not in _BROAD,
                place.latitude,
                place.longitude,
                math.cos(place.latitude * math.pi / 180),
            )
        )
    return features


def _rerank(
    pool: list[Candidate],
    base: list[float],
    features: list[_Feature],
    context: _View,
) -> tuple[Candidate, float] | None:
    """The best candidate with the document's other places (``context`` is ``_Context.without``):
    their countries and regions, and the distance to the nearest of their points."""
    if not pool:
        return None
    countries, total_countries, regions, total_regions, points = context
    best, second, best_rank = -math.inf, -math.inf, 0
    for rank, (score, feature) in enumerate(zip(base, features, strict=True)):
        country, region, is_adm1, near, latitude, longitude, scale = feature
        score += 4.0 * countries.get(country, 0.0) / total_countries
        region_share = regions.get(region, 0.0) / total_regions
        score += 3.0 * region_share
        if is_adm1:
            score += 2.0 * min(1.0, 3 * region_share)
        elif near and points:
            # beyond 300 km no point counts: skip points more than 3 degrees north or south
            nearest = 9.0
            for lat, lon in points:
                north = lat - latitude
                if -3.0 < north < 3.0:
                    east = (lon - longitude) * scale
                    squared = north * north + east * east
                    if squared < nearest:
                        nearest = squared
            score += _proximity(math.sqrt(nearest) * 111.2)
        if score > best:
            best, second, best_rank = score, best, rank
        elif score > second:
            second = score
    margin = best - second if len(pool) > 1 else 4.0
    return pool[best_rank], 1.0 / (1.0 + math.exp(-margin))


def _proximity(km: float) -> float:
    """The bonus for lying ``km`` from the nearest other place of the document (none at the same point)."""
    if km < 0.5:
        return 0.0
    return 2.0 if km < 30 else 1.2 if km < 100 else 0.6 if km < 300 else 0.0


def _accepted(mention: Mention, candidate: Candidate, countries: Votes, hint: _Hint | None = None) -> bool:
    """Whether a pick has enough support: weak matches need their country named elsewhere too.

    A name the text puts in a place that holds the pick ("Chuhuiv in the Kharkiv region",
    "Kafr Nabl, Idlib", "Palmyra in central Syria") is vouched for as if written after "in".
    """
    place = candidate.place
    if hint is not None and (hint.places_inside(place) or hint.bonus(place) > 0):
        mention = mention._replace(locative=True)
    respelled = not candidate.primary or ascii_name(place.name).lower() != ascii_name(mention.text).lower()
    if mention.english and respelled and not mention.locative and not mention.area:
        return False  # "Civil" (the article writes "civilians") is not Kevil, nor "Monitor" Al Muntar
    if mention.fuzzy:
        return countries[place.country_code] > 2
    if (
        place.population < 5000
        and place.feature_code not in REGION_CODES
        and not mention.locative
        and not mention.camp
        and " " not in mention.text
    ):
        return countries[place.country_code] > 1
    if mention.sentence_start and place.feature_code not in REGION_CODES and place.population < 10_000:
        return countries[place.country_code] > 1
    single = " " not in mention.text
    if (
        not candidate.primary
        and single
        and (place.population < ALIAS_POPULATION or len(mention.text) <= 3)
        and place.feature_code not in REGION_CODES
        and not mention.locative
        and not mention.area
    ):
        return False
    if (
        respelled
        and place.population < RESPELLED_POPULATION
        and place.feature_code not in REGION_CODES
        and not mention.locative
        and not mention.area
    ):
        return countries[place.country_code] > 1
    return True


def _kind(text: str, mention: Mention, place: Place) -> Literal["place", "demonym", "metonym"]:
    if mention.demonym or _ORIGIN.match(text, mention.end):
        return "demonym"
    if place.feature_code in METONYM_CODES and _SPEECH.match(text[mention.end : mention.end + 80]):
        return "metonym"
    return "place"


def _namesake_city(text: str, mention: Mention, region: Place) -> Place:
    """The city a first- or second-level region's name alone names: "missiles struck Zaporizhzhia",
    "shelling hit Aleppo", "troops retook Adan Yabaal" name the region's chief city or the district's
    town, as ACLED codes them, unless the text says "Zaporizhzhia region", "Aleppo province",
    "Ariha district" or "the region of". Only a place of the region that lies near its point:
    "Quebec" or "New York" alone may well mean the far larger region."""
    after = text[mention.end : mention.end + 80]
    if (
        _REGION_AFTER.match(after)
        or _LISTED_REGIONS_AFTER.match(after)
        or _REGION_OF.search(text[max(0, mention.start - 30) : mention.start])
    ):
        return region
    district = region.feature_code == "ADM2"
    admin1 = region.admin1 or region.name
    namesakes = [
        c
        for c in mention.candidates
        if (c.place.feature_code in _NAMESAKE_CODES or (district and c.place.feature_code in _TOWN_CODES))
        and c.place.country_code == region.country_code
        and c.place.admin1 == admin1
        and (district or c.place.feature_code != "PPL" or c.place.population >= NAMESAKE_POPULATION)
        # a town that carries a state's name only as an alternate is no namesake of it ("Borno
        # police" is the state's police, not Bama, which GeoNames also lists as "Borno")
        and (
            district
            or c.primary
            or c.place.feature_code != "PPL"
            or skeleton(c.place.name) == skeleton(region.name)
        )
    ]
    # a region's chief city by size; a district's town by its own name first ("Birnin Gwari", not
    # the larger Sofo-Birnin-Gwari that carries it as an alternate)
    chosen = max(namesakes, key=lambda c: (district and c.primary, c.place.population), default=None)
    limit = NAMESAKE_TOWN_KM if district else NAMESAKE_CITY_KM
    return chosen.place if chosen is not None and _km(chosen.place, region) <= limit else region


def _precision(text: str, mention: Mention, place: Place) -> int:
    if place.feature_code in REGION_CODES:
        return 3
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 30]
    near = not (before.isascii() and _NEAR_WORDS.search(before.lower()) is None) and _NEAR.search(before)
    return 2 if near or _AREA_AFTER.match(after) else 1


def _inside(place: Place, region: Place) -> bool:
    """Whether a place without an admin-1 name lies near enough to the region's point to be in it."""
    return not place.admin1 and place.feature_code not in REGION_CODES and _km(place, region) < REGION_KM


def _same_name(first: str, second: str) -> bool:
    return bool(first) and name_key(first) == name_key(second)


def _km(first: Place, second: Place) -> float:
    radians = math.pi / 180
    haversine = (
        math.sin((second.latitude - first.latitude) * radians / 2) ** 2
        + math.cos(first.latitude * radians)
        * math.cos(second.latitude * radians)
        * math.sin((second.longitude - first.longitude) * radians / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(haversine)))
