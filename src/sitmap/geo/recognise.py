"""Toponym recognition by gazetteer matching: capitalised word runs, longest gazetteer name first.

No NER is needed: a run of capitalised words (with the lower-case connectors of place names, as in
"Ma'arrat al-Numan" or "Deir ez-Zor") is matched against the gazetteer's name keys, longest
n-gram first. Demonyms and abbreviations come from small tables; common-word names ("Police",
"Mobile") and words after a title or a first name are flagged for the resolver to judge.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from rapidfuzz.fuzz import ratio

from sitmap.geo.gazetteer import Candidate, Gazetteer
from sitmap.geo.names import ascii_name, name_key, skeleton
from sitmap.geo.store import data_table

MAX_TOKENS = 6
MIN_FUZZY_LENGTH = 5
MAX_FUZZY_WORDS = 2  # transliterated names have one or two capitalised words ("Khan Shaykhun")
FUZZY_RATIO = 84.0
MIN_ENGLISH_LENGTH = 5
POSSESSIVE_POPULATION = 100_000
# "U.S.-led", "Iran-backed", "Britain-based": a place name fused to these words is an actor's origin.
_ORIGIN_SUFFIX = re.compile(
    r"-(?:led|backed|based|born|made|brokered|sponsored|supported|allied|trained|funded|run|held|"
    r"controlled|supplied|affiliated|linked|aligned|armed)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]?\.\s?[A-Z][a-z]?\.|[^\W\d_](?:[\w]|['’‘ʿʾ`\-](?=\w))*")
_ADJECTIVE = re.compile(r"(?:ish|ian|ese|ean|ans|ists?)$")
_QUOTE_CHARS = "'’‘ʿʾ`"
_ARTICLE_NAME = re.compile(
    r"(?:al|el|an|ar|as|ash|ad|adh|at|ath|az|ez|es|esh|ed|et|er|en|ul|ud|ur|us|uz)-[A-Z]"
)
# "According", "Putting", "Historically": English word endings, telling at the start of a sentence.
_ENGLISH_WORD = re.compile(r"(?:ing|ly|ed|tion|ment|ness|ful|ous|ive|ity)$")
_CLAUSE_END = re.compile(r"[.!?:\"“]\s*$")
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)$|n['’]t$")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
CONNECTORS = frozenset(
    "al el an ar as ash ad at az ath adh ez es ed de del der des di da la le les los las du of "
    "and on upon am bin bint bani ibn sur sous y".split()
)
TITLES = frozenset(
    "mr mrs ms dr gen general lt col colonel maj major capt captain sgt president minister "
    "secretary senator sen rep gov governor mayor judge justice officer sheriff deputy chief "
    "coach detective prince king queen sheikh pope saint st commander spokesman spokeswoman "
    "professor prof rev father sister brother uncle aunt lord lady sir dame miss".split()
)
# "Northern Syria", "Greater London": words that may stand before a place without being a name.
MODIFIERS = frozenset(
    "north south east west northern southern eastern western central upper lower greater "
    "downtown metro rural old new northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern mid inner outer occupied coastal".split()
)
# "Royal Street", "Carnegie Library": a town name before these words names a street or a building.
FACILITIES = frozenset(
    "street st avenue ave road rd boulevard blvd lane drive library inn church school high middle "
    "elementary academy golf club hotel square fields plantation canal creek bridge hall building mall "
    "restaurant cemetery trail parkway highway court gardens theatre theater museum university college "
    "hospital park center centre stadium arena county township parish river valley medical memorial "
    "cathedral mosque temple chapel tower towers plaza terrace circle place way pike expressway "
    "turnpike freeway stadium field airport station prison jail front legion brigade brigades battalion "
    "battalions division corps regiment rights watch agency".split()
)
# "the Saraqeb countryside", "Idlib province": words after a place name that confirm it.
AREA_WORDS = frozenset(
    "countryside outskirts suburbs environs area province governorate region state oblast district "
    "county city town village camp border".split()
)
# A street or a bridge named after a town is not in that town.
STREETS = frozenset(
    "street st avenue ave road rd boulevard blvd lane drive parkway highway pike expressway turnpike "
    "freeway way circle terrace place bridge square trail".split()
)
# Titles that also begin place names ("St. Louis", "Prince George's County").
_PLACE_TYPES = frozenset(
    "county parish city province state island islands valley east west coast "
    "peninsula gulf sea ocean river lake bay mountains hills heights".split()
)
_NAME_PARTICLES = frozenset("al el bin bint ibn de del van von der da di du la le".split())
_PLACE_TITLES = frozenset("st saint prince king queen lord lady pope sister".split())
CALENDAR = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
# The first word of an Arabic organisation's name ("Ahrar al-Sham", "Jaysh al-Fatah", "Tahrir al-Sham"):
# the words after it name the group, not a place.
ORGANISATION_HEADS = frozenset(
    "ahrar fateh fatah tahrir jabhat jabhet jebhat jaish jaysh jeish faylaq failaq liwa liwaa harakat "
    "harakat hayat hayaat hayet ansar jund katibat kataib kataeb saraya asaib nour nur thuwar".split()
)
LOCATIVES = frozenset(
    "in at near from outside into around towards toward through via across inside to "
    "between reached entered".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised name: its span, the places it may be, and clues for the resolver."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    demonym: str = ""
    fuzzy: bool = False
    sentence_start: bool = False
    common: bool = False
    after_name: bool = False
    locative: bool = False
    facility: bool = False
    street: bool = False
    area: bool = False
    camp: bool = False
    surname: bool = False
    english: bool = False


class _Token(NamedTuple):
    """A word: offsets, text, and its role in a name."""

    start: int
    end: int
    text: str
    capital: bool
    connector: bool
    break_before: bool


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every gazetteer or demonym match in ``text``, in text order, without overlaps."""
    tokens = _tokens(text)
    people, surnames = _people(tokens, text, gazetteer)
    lower_words = frozenset(_LOWER_WORD.findall(text))
    sorted_lower = sorted(lower_words)
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token.capital or index in people or token.text.lower() in CALENDAR:
            index += 1
            continue
        run_end = index + 1
        while (
            run_end < len(tokens)
            and run_end - index < MAX_TOKENS
            and not tokens[run_end].break_before
            and (tokens[run_end].capital or tokens[run_end].connector)
            and tokens[run_end].text.lower() not in CALENDAR
        ):
            run_end += 1
        match = _longest_match(text, tokens, index, run_end, gazetteer)
        if match is None:
            index += 1
            continue
        mention, used = match
        if " " not in mention.text and not mention.demonym:
            lowered = mention.text.lower()
            if lowered in surnames:
                mention = replace(mention, surname=True)
            if lowered in lower_words and not mention.common:
                mention = replace(mention, common=True)
            if _begins_a_word(lowered, sorted_lower):
                if mention.fuzzy:
                    index += 1
                    continue
                mention = replace(mention, english=True)
        mentions.append(mention)
        index += used
    return mentions


def _possessive_stem(
    surface: str,
    candidates: tuple[Candidate, ...],
    gazetteer: Gazetteer,
) -> tuple[Candidate, ...]:
    """The places of "Turkey" when the text writes "Turkeys" for "Turkey's" (apostrophes lost):
    only when the stem is exactly the primary name of a country, region or city over 100,000 and
    the whole word is no place's own name."""
    if len(surface) < 5 or not surface.endswith("s") or surface.isupper():
        return ()
    lowered = surface.lower()
    if any(c.primary and ascii_name(c.place.name).lower() == lowered for c in candidates):
        return ()
    stem = surface[:-1]
    found = gazetteer.candidates(name_key(stem))
    if any(
        c.primary
        and ascii_name(c.place.name).lower() == stem.lower()
        and (c.place.feature_code in REGION_CODES | {"PPLC"} or c.place.population >= POSSESSIVE_POPULATION)
        for c in found
    ):
        return found
    return ()


def _begins_a_word(word: str, sorted_lower: list[str]) -> bool:
    """Whether the text writes ``word`` in lower case, alone or as the start of a longer word
    ("Monitor" and "monitoring", "Civil" and "civilians"): an English word, not a transliteration."""
    if len(word) < MIN_ENGLISH_LENGTH:
        return False
    position = bisect_left(sorted_lower, word)
    return position < len(sorted_lower) and sorted_lower[position].startswith(word)


def _people(tokens: list[_Token], text: str, gazetteer: Gazetteer) -> tuple[set[int], set[str]]:
    """Indexes of the tokens of person names (a given name or a title, then capitalised words,
    middle initials and particles like "al-" or "bin" included) and the surnames they end with.
    A given name that begins a place name ("Beverly Hills") is not a person."""
    people: set[int] = set()
    surnames: set[str] = set()
    for index, token in enumerate(tokens):
        if not token.capital:
            continue
        lowered = token.text.lower()
        title = lowered.rstrip(".") in TITLES and lowered.rstrip(".") not in _PLACE_TITLES
        if not title and lowered not in _first_names() and lowered not in ORGANISATION_HEADS:
            continue
        last = index
        end = index + 1
        while (
            end < len(tokens)
            and end - index <= 4
            and (_continues(tokens, end) or (title and end == index + 1))
            and (tokens[end].capital or tokens[end].text.lower() in _NAME_PARTICLES)
            and tokens[end].text.lower() not in FACILITIES
        ):
            if tokens[end].capital:
                last = end
            end += 1
        if last == index or (
            not title and gazetteer.candidates(name_key(text[token.start : tokens[last].end]))
        ):
            continue
        people.update(range(index + 1 if title else index, last + 1))
        if lowered not in ORGANISATION_HEADS:
            surnames.add(tokens[last].text.lower())
    return people, surnames


def _continues(tokens: list[_Token], index: int) -> bool:
    """Whether the token continues the previous one's name (no break, or after an initial "D.")."""
    if not tokens[index].break_before:
        return True
    previous = tokens[index - 1]
    return len(previous.text) == 1 and previous.capital


def _longest_match(
    text: str,
    tokens: list[_Token],
    first: int,
    run_end: int,
    gazetteer: Gazetteer,
) -> tuple[Mention, int] | None:
    for last in range(run_end - 1, first - 1, -1):
        if tokens[last].connector or (last > first and tokens[last].text.lower().rstrip(".") in TITLES):
            continue
        start, end = tokens[first].start, tokens[last].end
        surface = text[start:end]
        mention = _match(text, tokens, first, start, end, surface, gazetteer)
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        if (
            mention is not None
            and following is not None
            and not following.capital
            and following.text.lower() in AREA_WORDS
        ):
            mention = replace(mention, area=True)
        if mention is not None and _names_a_camp(tokens, last + 1):
            mention = replace(mention, area=True, camp=True)
        if (
            mention is not None
            and following is not None
            and following.capital
            and not following.break_before
            and following.text.lower() in FACILITIES
        ):
            mention = replace(mention, facility=True, street=following.text.lower() in STREETS)
        if mention is not None:
            return mention, last - first + 1
    return None


def _match(
    text: str,
    tokens: list[_Token],
    first: int,
    start: int,
    end: int,
    surface: str,
    gazetteer: Gazetteer,
) -> Mention | None:
    abbreviation = end < len(text) and text[end] == "." and f"{surface}." in _abbreviations()
    if abbreviation:
        end, surface = end + 1, surface + "."
    lowered = surface.lower()
    demonym = _demonyms().get(surface) or _demonyms().get(surface.title())
    previous = tokens[first - 1] if first > 0 else None
    titled = previous is not None and previous.text.lower().rstrip(".") in TITLES
    if demonym and not titled:
        return Mention(start, end, surface, target_candidates(demonym, gazetteer), demonym=demonym)
    target = _abbreviations().get(surface)
    if surface.isupper() and len(surface) <= 4 and not target:
        return None
    single = " " not in surface
    if (
        single
        and (
            lowered in _stop_words()
            or lowered in CALENDAR
            or len(surface) < 3
            or lowered in MODIFIERS
            or lowered in TITLES
            or _CONTRACTION.search(lowered)
        )
        and not target
    ):
        return None
    key = name_key(surface)
    candidates = gazetteer.candidates(key) if len(key) >= 3 and not target else ()
    stem = _possessive_stem(surface, candidates, gazetteer) if single and not target else ()
    if stem:
        end, surface, lowered, candidates = end - 1, surface[:-1], lowered[:-1], stem
    if (
        not target
        and not candidates
        and (
            len(key) < MIN_FUZZY_LENGTH
            or _ADJECTIVE.search(lowered)
            or sum(word[:1].isupper() for word in surface.split()) > MAX_FUZZY_WORDS
        )
    ):
        return None
    sentence_start = (
        previous is None or previous.break_before or bool(_CLAUSE_END.search(text, previous.end, start))
    )
    locative = previous is not None and (previous.text.lower() in LOCATIVES or _place_cue(tokens, first))
    if titled and not locative:
        return None
    if target:
        return Mention(start, end, surface, target_candidates(target, gazetteer), locative=locative)
    after_name = (
        previous is not None
        and previous.capital
        and not previous.break_before
        and text[previous.end : start].strip() == ""
        and previous.text.lower() not in MODIFIERS
        and not sentence_start
    )
    words = lowered.split()
    common = (
        (
            all(word in _common_words() or word in _stop_words() for word in words)
            and not (len(words) > 1 and words[-1] in _PLACE_TYPES)
        )
        or lowered in _first_names()
        or (sentence_start and len(words) == 1 and bool(_ENGLISH_WORD.search(lowered)))
    )
    if candidates:
        return Mention(
            start,
            end,
            surface,
            candidates,
            common=common,
            after_name=after_name,
            locative=locative,
            sentence_start=sentence_start and single,
        )
    if common or sentence_start or after_name:
        return None
    fuzzy = _fuzzy_candidates(key, gazetteer)
    if fuzzy:
        return Mention(start, end, surface, fuzzy, fuzzy=True, locative=locative)
    return None


# Countries whose place names English text spells as the gazetteer does: no fuzzy matching there.
SPELLED_AS_WRITTEN = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})


def _fuzzy_candidates(key: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    consonants = skeleton(key)
    if len(consonants) < 4:
        return ()
    place_ids = [
        place_id
        for other_key, place_id in gazetteer.near_candidates(consonants)
        if ratio(key, other_key) >= FUZZY_RATIO or (len(key) >= 7 and ratio(key, other_key) >= 75)
    ]
    return tuple(
        candidate
        for candidate in gazetteer.places(place_ids)
        if candidate.place.country_code not in SPELLED_AS_WRITTEN
    )


def _tokens(text: str) -> list[_Token]:
    """Word tokens with their capitalisation, connector role and whether punctuation precedes them."""
    tokens: list[_Token] = []
    append = tokens.append
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start, match_end = match.span()
        word = match.group()
        if len(word) > 3 and word[-2] in "'’" and word[-1] == "s":
            word = word[:-2]
        origin = _ORIGIN_SUFFIX.search(word)
        if origin is not None and origin.start() > 0:
            word = word[: origin.start()]
        if start == previous_end or (start == previous_end + 1 and text[previous_end] == " "):
            break_before = False
        else:
            gap = text[previous_end:start]
            stripped = gap.strip()
            break_before = (bool(stripped) and stripped != "-") or "\n" in gap
        first = word[0]
        if first in _QUOTE_CHARS:
            first = word.lstrip(_QUOTE_CHARS)[:1]
        capital = first.isupper() or (first in "aeu" and bool(_ARTICLE_NAME.match(word)))
        connector = not capital and len(word) <= 5 and word.lower() in CONNECTORS
        append(_Token(start, start + len(word), word, capital, connector, break_before))
        previous_end = match_end
    return tokens


def _place_cue(tokens: list[_Token], first: int) -> bool:
    """Whether the words before the name at ``tokens[first]`` say a place follows (``place_cues.txt``):
    "the town of", "residential neighbourhoods of", "strikes on", "retook"."""
    cues = _place_cues()
    previous = tokens[first - 1].text.lower()
    if previous in cues["verb"]:
        return True
    return first >= 2 and previous in ("of", "on") and tokens[first - 2].text.lower() in cues[previous]


def _names_a_camp(tokens: list[_Token], index: int) -> bool:
    """Whether ``tokens[index:]`` read "military camp", "air base": the name before is the camp's town."""
    if index + 1 >= len(tokens) or tokens[index].capital or tokens[index + 1].capital:
        return False
    cues = _place_cues()
    return tokens[index].text.lower() in cues["kind"] and tokens[index + 1].text.lower() in cues["camp"]


@lru_cache(maxsize=1)
def _place_cues() -> dict[str, frozenset[str]]:
    text = (files(__package__) / "data" / "place_cues.txt").read_text(encoding="utf-8")
    cues: dict[str, set[str]] = {"of": set(), "on": set(), "verb": set(), "kind": set(), "camp": set()}
    for line in text.splitlines():
        kind, _, words = line.partition(":")
        if not line.startswith("#") and kind in cues:
            cues[kind].update(words.split())
    return {kind: frozenset(words) for kind, words in cues.items()}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {row["demonym"]: row["target"] for row in data_table("demonyms.tsv")}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Short forms written in capitals or with dots ("U.S.", "UK", "Ga."), each to its target."""
    table: dict[str, str] = {}
    for row in data_table("countries.tsv"):
        for alias in row["aliases"].split("|"):
            if alias and (alias.isupper() or "." in alias):
                table[alias] = row["country_code"]
    for row in data_table("regions.tsv"):
        for alias in row["aliases"].split("|"):
            if alias and (alias.isupper() or "." in alias):
                table[alias] = row["name"].removesuffix(" State")
    table.update({"US": "US", "UK": "GB", "N.Y.": "New York", "NYC": "New York City"})
    return table


REGION_CODES = frozenset({"ADM1", "CONT", "RGN", "OCN", "SEA", "LK", "PCLI"})


def target_candidates(target: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The places a demonym or abbreviation target names: a country code or a region's name."""
    if len(target) == 2 and target.isupper():
        country = gazetteer.country(target)
        return (Candidate(-1, country, True),) if country else ()
    if target == "New York City":
        return tuple(
            c
            for c in gazetteer.candidates(name_key("New York"))
            if c.place.country_code == "US" and c.place.feature_code.startswith("PPL")
        )
    return tuple(c for c in gazetteer.candidates(name_key(target)) if c.place.feature_code in REGION_CODES)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    text = (files(__package__) / "data" / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    text = (files(__package__) / "data" / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
