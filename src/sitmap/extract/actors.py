"""Actor mentions in a sentence, normalised to ACLED names with inter codes.

``actors.csv`` lists ACLED actor names and the words that mention them; ``{country}`` in a name
is filled from a country word right before the mention ("Turkish soldiers" -> "Military Forces of
Turkey", "Assad regime" -> "Military Forces of Syria") or else from the article's country.
"X-backed" and "X-led" name a backer, kept as an associated actor.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from sitmap.extract.lexicon import (
    LITERAL_TEXT,
    LiteralIndex,
    folded,
    folded_or_none,
    literal_prefixes,
    longest_first,
    substring_tests,
)
from sitmap.model import Actor

ACTORS_TABLE = "actors.csv"
COUNTRIES_TABLE = "countries.csv"


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mentioned in a sentence: the normalised actor, its span, and a backer if any."""

    actor: Actor
    start: int
    end: int
    text: str
    backer: Actor | None = None
    explicit_country: bool = False
    identified: bool = False  # a generic word the text names ("the attackers, identified as M23 fighters")


@dataclass(frozen=True, slots=True)
class _ActorRow:
    name: str
    inter: int
    pattern: re.Pattern[str]
    # what every match starts with (lower case); empty when the variants do not say
    prefixes: tuple[str, ...] = ()
    # the pattern to read lexicon.folded text with (faster), when it can be
    folded: re.Pattern[str] | None = None
    # the countries whose stories the row is read in (empty: all): "al-Shabaab" of a Mozambican
    # story is the Islamic State's province there, "Khawarij" is al-Shabaab in Somalia, the TTP
    # in Pakistan
    countries: frozenset[str] = frozenset()

    def applies(self, country: str) -> bool:
        """Whether the row names an actor in a story about ``country``."""
        return not self.countries or country in self.countries

    def spans(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """Where the row matches ``text`` (``lowered`` is its ``folded`` form)."""
        if self.folded is not None:
            return [match.span() for match in self.folded.finditer(lowered)]
        return [match.span() for match in self.pattern.finditer(text)]

    def occurs(self, text: str, lowered: str) -> bool:
        """Whether the row matches ``text`` anywhere (``lowered`` is its ``folded`` form)."""
        if self.folded is not None:
            return self.folded.search(lowered) is not None
        return self.pattern.search(text) is not None


@lru_cache(maxsize=1)
def load_countries() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Countries with ISO3 code and a pattern for their names, demonyms and capitals."""
    rows = []
    with (files(__package__) / COUNTRIES_TABLE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append((row["country"], row["iso3"], _names_pattern(row["names"].split("|"))))
    return tuple(rows)


@lru_cache(maxsize=1)
def load_actors() -> tuple[_ActorRow, ...]:
    """The actor table, compiled; named groups come before the generic words."""
    rows = []
    with (files(__package__) / ACTORS_TABLE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            variants = longest_first(row["variants"])
            pattern = re.compile(rf"(?<![\w-])(?:{variants})(?![\w-])", re.IGNORECASE)
            prefixes = substring_tests(literal_prefixes(row["variants"], LITERAL_TEXT))
            countries = frozenset(filter(None, (row.get("countries") or "").split("|")))
            rows.append(
                _ActorRow(
                    row["acled_actor"],
                    int(row["inter"]),
                    pattern,
                    prefixes,
                    folded_or_none(pattern),
                    countries,
                )
            )
    # a row bound to countries comes first: where it applies, it wins a tie with a general row
    return tuple(sorted(rows, key=lambda row: not row.countries))


@lru_cache(maxsize=1)
def _actor_index() -> LiteralIndex:
    """The actor rows a sentence may mention, found by their literals in one scan."""
    return LiteralIndex([row.prefixes for row in load_actors()])


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    # short names ("US", "UK", "CAR") only in capitals, so the pronoun "us" is not America
    short = [name for name in names if len(name.replace("\\", "")) <= 3]
    long = [name for name in names if name not in short]
    parts = []
    if long:
        parts.append(rf"(?i:{'|'.join(sorted(long, key=len, reverse=True))})")
    if short:
        parts.append("|".join(name.upper() for name in short))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])")


_WORD: Final = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _country_index() -> dict[str, tuple[tuple[str, str, str, bool], ...]]:
    """Country names by their first word: (name, country, iso3, capitals only), longest first."""
    index: dict[str, list[tuple[str, str, str, bool]]] = {}
    with (files(__package__) / COUNTRIES_TABLE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for name in row["names"].split("|"):
                plain = name.replace("\\", "")
                short = len(plain) <= 3
                key = _first_word(plain.upper() if short else plain.lower())
                index.setdefault(key, []).append(
                    (plain.upper() if short else plain.lower(), row["country"], row["iso3"], short)
                )
    return {key: tuple(sorted(names, key=lambda item: -len(item[0]))) for key, names in index.items()}


def _first_word(text: str) -> str:
    match = _WORD.match(text)
    return match.group().rstrip(".") if match else text


@lru_cache(maxsize=256)
def find_countries(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """Country names, demonyms and leaders in ``text``: (country, iso3, start, end), in order.

    One pass over the words: each word is looked up by itself (capitals only for names of three
    letters or fewer, so "us" is not America) and the longest name starting there is kept. A
    sentence is asked about several times (actors, roles, places), so recent answers are kept.
    """
    index = _country_index()
    lowered = text.lower()
    found: list[tuple[str, str, int, int]] = []
    for word in _WORD.finditer(text):
        token = word.group()  # \w+ holds no "."
        token_lowered = token.lower()
        if token_lowered not in index and token not in index:
            continue  # most words start no name: two lookups, not the checks below
        start = word.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        if found and start < found[-1][3]:
            continue
        for key, source in ((token_lowered, lowered), (token, text)):
            for name, country, iso3, short in index.get(key, ()):
                if short != (source is text):
                    continue
                end = start + len(name)
                if source.startswith(name, start) and (
                    end >= len(text) or not (text[end].isalnum() or text[end] == "_")
                ):
                    found.append((country, iso3, start, end))
                    break
            else:
                continue
            break
    return tuple(found)


def iso3_of(country: str) -> str:
    """The ISO3 code of a country in the table, or ""."""
    return next((iso3 for name, iso3, _ in load_countries() if name == country), "")


def main_country(text: str) -> str:
    """The country a text talks about most, by its names and demonyms, or ""."""
    counts = Counter(country for country, _, _, _ in find_countries(text))
    return counts.most_common(1)[0][0] if counts else ""


# GeoNames' country names where ACLED spells the country otherwise
ACLED_COUNTRIES: Final[dict[str, str]] = {
    "Palestinian Territory": "Palestine",
    "Palestinian Territories": "Palestine",
    "State of Palestine": "Palestine",
    "Democratic Republic of the Congo": "Democratic Republic of Congo",
    "DR Congo": "Democratic Republic of Congo",
    "Republic of the Congo": "Republic of Congo",
    "Congo": "Republic of Congo",
    "Czechia": "Czech Republic",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "Eswatini": "eSwatini",
    "Timor Leste": "East Timor",
    "Cabo Verde": "Cape Verde",
    "Côte d'Ivoire": "Ivory Coast",
    "Myanmar [Burma]": "Myanmar",
}


def acled_country(country: str) -> str:
    """ACLED's name of a country the gazetteer names ("Palestinian Territory" -> "Palestine")."""
    return ACLED_COUNTRIES.get(country, country)


def actor_name(template: str, country: str) -> str:
    """An ACLED actor name with its country filled in ("Rebels ({country})" -> "Rebels (Syria)")."""
    if "{country}" not in template:
        return template
    country = acled_country(country)
    if not country:
        return re.sub(r"\s*(?:of )?\(?\{country\}\)?", "", template).strip()
    return template.replace("{country}", "the " + country if country in _WITH_THE else country)


_WITH_THE = frozenset(
    {
        "United States",
        "United Kingdom",
        "United Arab Emirates",
        "Philippines",
        "Democratic Republic of Congo",
        "Central African Republic",
    }
)


# Weapons and craft name their user only with a country or state word right before them
# ("Russian drones", "Syrian government artillery", "military aircraft"), never alone.
_WEAPONS = _ActorRow(
    "Military Forces of {country}",
    1,
    re.compile(
        r"(?<![\w-])(?:drones?|missiles?|rockets?|shells?|artillery|warplanes?|jets?|aircraft|helicopters?|"
        r"(?:air|drone|missile|artillery) ?strikes?|airstrikes?|air raids?|strikes?|bombardments?|shelling|"
        r"gunships?|bombers?|planes|tanks|navy|air force|air forces|naval forces|artillery units|air defen[cs]es?|"
        r"(?:glide|guided|aerial|guided aerial) bombs?)(?![\w-])",
        re.IGNORECASE,
    ),
)
_MODIFIER_AFTER = re.compile(
    r"[-–]\s?(?:linked|affiliated|allied|aligned|inspired|loyal|backed|supported|sponsored)\b", re.IGNORECASE
)
_POLITICAL_OPPOSITION = re.compile(
    r"(?:the\s+)?opposition\s+(?:part(?:y|ies)|leaders?|supporters?|politicians?|figures?|lawmakers?|mps?|"
    r"deput(?:y|ies)|senators?|activists?|coalition|candidates?|members?|rall(?:y|ies)|march(?:es)?|protests?|"
    r"demonstrations?|alliance|bloc|movement|newspapers?|media|channel|figurehead|mayors?|governors?|"
    r"councillors?|councilors?|officials?|voters?|legislators?|parliamentarians?|leadership)\b",
    re.IGNORECASE,
)
# "the main opposition Republican People's Party": a parliament's opposition, no rebels
_PARLIAMENTARY_BEFORE = re.compile(
    r"\b(?:main|largest|biggest|parliamentary|political|democratic)\s+$", re.IGNORECASE
)
_IDENTIFIED_AS = re.compile(
    r",?\s*(?:(?:who\s+(?:were|was)\s+)?(?:identified|described|believed|thought|suspected|named|recognised|recognized)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:as|to\s+be)|(?:said|believed|thought)\s+to\s+be|suspected(?=\s+(?:fighters|members|"
    r"militants|elements|jihadists)\s+of\b))\s+(?:(?:fighters|members|militants|jihadists|"
    r"elements|men|gunmen)\s+of\s+)?(?:from\s+)?(?:the\s+)?(?-i:[A-Z][\w'’-]*[\s/]+){0,4}",
    re.IGNORECASE,
)
_STATE_BEFORE = re.compile(r"(?:government|regime|army|military|state)\s+$", re.IGNORECASE)


def find_mentions(text: str, default_country: str) -> list[Mention]:
    """Actor mentions in one sentence, longest first where they overlap, in text order."""
    candidates: list[tuple[int, int, _ActorRow]] = []
    lowered = folded(text)
    rows = load_actors()
    for index in _actor_index().rows(lowered):
        row = rows[index]
        if row.applies(default_country):
            candidates += [(start, end, row) for start, end in row.spans(text, lowered)]
    for match in _WEAPONS.pattern.finditer(text):
        candidates.append((match.start(), match.end(), _WEAPONS))
    candidates.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, _ActorRow]] = []
    for start, end, row in candidates:
        if any(start < other_end and other_start < end for other_start, other_end, _ in kept):
            continue
        kept.append((start, end, row))
    countries = find_countries(text)
    mentions: list[Mention] = []
    for start, end, row in sorted(kept, key=lambda item: item[0]):
        if row.name.startswith("Rebels") and (
            _POLITICAL_OPPOSITION.match(text, start, end + 30)
            or (text[start:end].lower() == "opposition" and _PARLIAMENTARY_BEFORE.search(text, 0, start))
        ):
            # "opposition protests", "two opposition leaders": the political opposition, no rebels
            continue
        if _MODIFIER_AFTER.match(text, end):
            # "the al Qaeda-linked group JNIM", "an Islamic State-affiliated cell": who it is tied to
            continue
        mention = _mention(text, start, end, row, countries, default_country)
        if row is _WEAPONS and not (mention.explicit_country or _STATE_BEFORE.search(text[:start])):
            continue
        generic = row.inter in {2, 3} and "{country}" in row.name and is_generic(row.name)
        if mentions and _specific_group(mentions[-1].actor) and generic:
            # "the National Liberation Army (ELN) rebel group", "Wazalendo militias", "the Daesh
            # terrorist group": the name says who
            if re.fullmatch(r"[\s()'’s,-]{0,4}", text[mentions[-1].end : start]):
                continue
        previous = mentions[-1] if mentions else None
        if (
            previous is not None
            and is_named(mention.actor)
            and previous.actor.inter in {2, 3}
            and previous.actor.name.startswith(("Rebels", "Unidentified Armed Group", "Unidentified Gang"))
            and re.fullmatch(
                r"\s+(?:(?:of|(?:led|headed|spearheaded|commanded)\s+by)\s+(?:the\s+)?)?",
                text[previous.end : start],
            )
        ):
            # "the rebels of the March 23 Movement", "the armed opposition SPLM-IO", "insurgents led
            # by Hayat Tahrir al-Sham": one mention, the named group
            mentions[-1] = Mention(mention.actor, previous.start, end, text[previous.start : end])
            continue
        if (
            previous is not None
            and is_named(mention.actor)
            and is_generic(previous.actor.name)
            and _IDENTIFIED_AS.fullmatch(text, previous.end, start)
        ):
            # "the attackers, identified by survivors as fighters of the AFC/M23, ...": who they were
            mentions[-1] = Mention(
                mention.actor, previous.start, previous.end, previous.text, identified=True
            )
        mentions.append(mention)
    return mentions


UNIDENTIFIED: Final[str] = "Unidentified Armed Group"
GENERIC_PREFIXES: Final[tuple[str, ...]] = (UNIDENTIFIED, "Rebels")


def is_generic(actor: str) -> bool:
    """True for actor names that say nobody in particular ("Unidentified Armed Group (Mali)")."""
    return actor.startswith(GENERIC_PREFIXES)


def _specific_group(actor: Actor) -> bool:
    """A non-state group with a name of its own (M23, Islamic State), not "rebels" or "gunmen"."""
    return actor.inter in {2, 3, 4} and not is_generic(actor.name)


def is_named(actor: Actor) -> bool:
    """True for a named non-state group (M23, ISWAP, ELN), not a generic "Rebels (Country)"."""
    return actor.name in _named_groups()


def named_groups_in(text: str, country: str = "") -> list[Actor]:
    """The named non-state groups (M23, ISWAP, ELN) a story about ``country`` mentions anywhere,
    in table order; a group named only as another's ally or parent ("allied with al Qaeda", "an
    al Qaeda-linked group") is not one that acts in it."""
    lowered = folded(text)
    rows = load_actors()
    found: list[Actor] = []
    taken: list[tuple[int, int]] = []  # spans a row bound to the story's country named first
    for row in (rows[index] for index in _actor_index().rows(lowered)):
        if row.name not in _named_groups() or not row.applies(country):
            continue
        spans = [span for span in row.spans(text, lowered) if _acts(text, *span) and span not in taken]
        if row.countries:
            taken += spans
        if spans and Actor(row.name, row.inter) not in found:
            found.append(Actor(row.name, row.inter))
    return found


# "allied with al Qaeda", "an affiliate of the Islamic State": a group named as another's tie
_TIED_BEFORE: Final = re.compile(
    r"\b(?:allied|affiliated|aligned|linked|tied|loyal|close)\s+(?:with|to)\s+(?:the\s+)?$|"
    r"\b(?:affiliate|offshoot|branch|franchise|splinter|ally|allies|wing)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _acts(text: str, start: int, end: int) -> bool:
    """Whether the group named at ``start:end`` is one the text tells of, not only a tie."""
    return not (_MODIFIER_AFTER.match(text, end) or _TIED_BEFORE.search(text, max(0, start - 30), start))


@lru_cache(maxsize=1)
def _named_groups() -> frozenset[str]:
    return frozenset(
        row.name for row in load_actors() if "{country}" not in row.name and row.inter in {2, 3, 4}
    )


_POSSESSIVE_PRONOUN: Final = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$", re.IGNORECASE)


def _mention(
    text: str,
    start: int,
    end: int,
    row: _ActorRow,
    countries: Sequence[tuple[str, str, int, int]],
    default_country: str,
) -> Mention:
    country, explicit, backer = default_country, False, None
    # the country word closest before the mention, within three words ("the Bashar al Assad regime")
    for name, _, c_start, c_end in reversed(countries):
        if c_end > start or start - c_end > 25:
            continue
        between = text[c_end:start]
        if re.match(r"^(?:-|\s)*(?:backed|led|supported|sponsored|allied|aligned)\b", between, re.IGNORECASE):
            backer = Actor(
                actor_name("Military Forces of {country}", name), 1, name, text[c_start:start].strip()
            )
            break
        if re.fullmatch(r"(?:['’]s)?[\s-]+(?:[\w'’-]+[\s-]+){0,2}", between):
            country, explicit = name, True
        break
    if (
        not explicit
        and backer is None
        and "{country}" in row.name
        and _POSSESSIVE_PRONOUN.search(text[:start])
    ):
        # "Russia's defence ministry said its forces had taken the town": "its" is the country
        # named before it in the sentence
        before = [name for name, _, _, c_end in countries if c_end <= start]
        if before:
            country, explicit = before[-1], True
    if row.name == "Military Forces of {country}" and text[start:end].lower() == "opposition":
        country = default_country
    actor = Actor(
        actor_name(row.name, country), row.inter, country if "{country}" in row.name else "", text[start:end]
    )
    return Mention(actor, start, end, text[start:end], backer, explicit)


def country_actor(country: str, mention: str = "") -> Actor:
    """A country named as the one acting ("Turkey retaliated"): its military forces."""
    return Actor(actor_name("Military Forces of {country}", country), 1, country, mention)
