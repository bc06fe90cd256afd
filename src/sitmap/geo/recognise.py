"""Toponym recognition by gazetteer matching: capitalised word runs, longest gazetteer name first.

No NER is needed: a run of capitalised words (with the lower-case connectors of place names, as in
"Ma'arrat al-Numan" or "Deir ez-Zor") is matched against the gazetteer's name keys, longest
n-gram first. Demonyms and abbreviations come from small tables; common-word names ("Police",
"Mobile") and words after a title or a first name are flagged for the resolver to judge.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate
from operator import add
from typing import NamedTuple

from sitmap.geo.gazetteer import Candidate, Gazetteer
from sitmap.geo.names import ascii_name, name_key, skeleton
from sitmap.geo.store import data_table

MAX_TOKENS = 6
MIN_FUZZY_LENGTH = 5
MAX_FUZZY_WORDS = 2  # transliterated names have one or two capitalised words ("Khan Shaykhun")
FUZZY_RATIO = 84.0
LONG_FUZZY_RATIO = 75.0
LONG_FUZZY_LENGTH = 7
MIN_ENGLISH_LENGTH = 5
POSSESSIVE_POPULATION = 100_000
# "U.S.-led", "Iran-backed", "Britain-based": a place name fused to these words is an actor's origin.
_ORIGIN_SUFFIX = re.compile(
    r"-(?:led|backed|based|born|made|brokered|sponsored|supported|allied|trained|funded|run|held|"
    r"controlled|supplied|affiliated|linked|aligned|armed)$",
    re.IGNORECASE,
)
# A word: "U.S." or "Dr. K." (a capital and dots), else letters, digits and inner apostrophes or
# hyphens ("Ma'arrat", "al-Bab"). Every word starts with a letter, written first so that the
# regex engine skips to the next letter at once.
_TOKEN = re.compile(
    r"[^\W\d_](?:(?<=[A-Z])(?:\.(?:[A-Z]\.)+|[a-z]?\.\s?[A-Z][a-z]?\.)|\w*(?:['’‘ʿʾ`\-]\w+)*)"
)
_ADJECTIVE = re.compile(r"(?:ish|ian|ese|ean|ans|ists?)$")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_DOTTED = re.compile(r"(?:[A-Z]\.)+")
# An Arabic article fused to a word, its consonant doubled: "Eddin", "Ezzor", "Errahman".
_FUSED_ARTICLE = re.compile(r"[AaEe]([dtsrzn])\1[a-z]")
# "UN-Red Crescent", "EU-Turkey deal": an abbreviation joined to a word names no place.
_ABBREVIATION_COMPOUND = re.compile(
    r"(?:^|\s)(?!(?:AL|EL|AN|AR|AS|ASH|AD|AT|AZ|ES|EZ|ED)-)[A-Z]{2,}-[A-Z][a-z]"
)
_QUOTE_CHARS = "'’‘ʿʾ`"
_ODD_FIRST = frozenset(
    "aeu" + _QUOTE_CHARS
)  # first letters that need a closer look to call a word capitalised
_ARTICLE_NAME = re.compile(
    r"(?:al|el|an|ar|as|ash|ad|adh|at|ath|az|ez|es|esh|ed|et|er|en|ul|ud|ur|us|uz)-[A-Z]"
)
# "According", "Putting", "Historically": English word endings, telling at the start of a sentence.
_ENGLISH_WORD = re.compile(r"(?:ing|ly|ed|tion|ment|ness|ful|ous|ive|ity)$")
_CLAUSE_END = re.compile(r"[.!?:\"“]\s*$")
# "FAMa" (Mali's armed forces), "UNMISSa": capitals, then small letters, is an acronym, not a name
_MIXED_ACRONYM = re.compile(r"^[A-Z]{2,}[a-z]+$")
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)$|n['’]t$")
CONNECTORS = frozenset(
    "al el an ar as ash ad at az ath adh ez es ed de del der des di da la le les los las du of "
    "and on upon am bin bint bani ibn sur sous y".split()
)
TITLES = frozenset(
    "mr mrs ms dr gen general lt col colonel maj major capt captain sgt president minister "
    "secretary senator sen rep gov governor mayor judge justice officer sheriff deputy chief "
    "coach detective prince king queen sheikh pope saint st commander spokesman spokeswoman "
    "professor prof rev father sister brother uncle aunt lord lady sir dame miss inspector "
    "superintendent commissioner brigadier lieutenant sergeant corporal admiral marshal ambassador "
    "envoy spokesperson dsp asp csp acp igp".split()
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
# "the Saba news agency", "Aleppo Today TV channel": a place name before these names an outlet.
_MEDIA_AFTER = re.compile(
    r"\s+(?:[Nn]ews\s+(?:agency|network|channel|service|website|outlet)|[Nn]ewspaper|"
    r"(?:TV|[Tt]elevision|[Rr]adio)\s+(?:station|channel|network))\b"
)
_VOWELS = frozenset("aeiou")
# "Tomahawk missiles", "Patriot air defence missiles": a weapon named like a town
_WEAPON_AFTER = re.compile(r"\s+(?:cruise\s+|ballistic\s+|air[- ]defen[cs]e\s+)?missiles\b")
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
# "Maath bin Jabal": the name after a patronymic particle is a father's, not a place.
PATRONYMICS = frozenset({"bin", "ibn", "bint"})
LOCATIVES = frozenset(
    "in at near from outside into around towards toward through via across inside to "
    "between reached entered".split()
)


class Mention(NamedTuple):
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


class _Tokens(NamedTuple):
    """The words of a text as parallel lists (word ``i`` is ``text[i]`` from ``start[i]`` to
    ``end[i]``): offsets, text, and each word's role in a name. Lists, not an object per word:
    most words are lower case and matter only as neighbours of a name."""

    start: list[int]
    end: list[int]
    text: list[str]
    capital: list[bool]
    connector: list[bool]
    break_before: list[bool]  # punctuation or a line break between this word and the previous one


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every gazetteer or demonym match in ``text``, in text order, without overlaps."""
    tokens = _tokens(text)
    words, capital, connector, break_before = (
        tokens.text,
        tokens.capital,
        tokens.connector,
        tokens.break_before,
    )
    capitals = [index for index, is_capital in enumerate(capital) if is_capital]
    people, surnames = _people(tokens, capitals, text, gazetteer)
    lower_case = _LowerCase(text)
    mentions: list[Mention] = []
    free = 0  # the first token not yet inside a mention
    for index in capitals:
        word = words[index]
        if index < free or index in people or word.lower() in CALENDAR:
            continue
        run_end = index + 1
        while (
            run_end < len(words)
            and run_end - index < MAX_TOKENS
            and not break_before[run_end]
            and (capital[run_end] or connector[run_end])
            and words[run_end].lower() not in CALENDAR
        ):
            run_end += 1
        match = _headed_lower_case(text, tokens, index, run_end, gazetteer) or _longest_match(
            text, tokens, index, run_end, gazetteer
        )
        if match is None:
            continue
        mention, used = match
        if used == 1 and index + 1 < run_end and _continued(word, words[index + 1]):
            free = index + 2
            continue
        if " " not in mention.text and not mention.demonym:
            lowered = mention.text.lower()
            english = lower_case.begins_a_word(lowered)
            if english and mention.fuzzy:
                continue
            surname = lowered in surnames
            common = lower_case.writes(lowered)
            if surname or common or english:
                mention = mention._replace(
                    surname=mention.surname or surname,
                    common=mention.common or common,
                    english=mention.english or english,
                )
        mentions.append(mention)
        free = index + used
    return mentions


def _headed_lower_case(
    text: str, tokens: _Tokens, index: int, run_end: int, gazetteer: Gazetteer
) -> tuple[Mention, int] | None:
    """A generic head and the lower-case word after it, when the two together are a place's name
    ("Deir ezzor", "Tal abyad"): reports do not always capitalise the second word."""
    words = tokens.text
    if run_end != index + 1 or index + 1 >= len(words) or words[index].lower() not in _name_heads():
        return None
    following = index + 1
    if (
        tokens.break_before[following]
        or tokens.connector[following]
        or len(words[following]) < 3
        or not words[following].isalpha()
    ):
        return None
    start, end = tokens.start[index], tokens.end[following]
    mention = _match(text, tokens, index, start, end, text[start:end], gazetteer)
    return (mention, 2) if mention is not None and not mention.fuzzy else None


def _continued(word: str, following: str) -> bool:
    """Whether a one-word match is only the head of a longer Arabic name the gazetteer lacks: a
    generic head of place names ("Khan", "Bab", "Tal") followed by a word with an article
    ("Khan al-Assad", "Bab al-Maqam")."""
    return word.lower() in _name_heads() and bool(_ARTICLE_NAME.match(following))


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
    stem = surface[:-1]
    found = gazetteer.candidates(name_key(stem))
    if not found:
        return ()
    lowered = surface.lower()
    if any(c.primary and ascii_name(c.place.name).lower() == lowered for c in candidates):
        return ()
    if any(
        c.primary
        and ascii_name(c.place.name).lower() == stem.lower()
        and (c.place.feature_code in _REGION_OR_CAPITAL or c.place.population >= POSSESSIVE_POPULATION)
        for c in found
    ):
        return found
    return ()


class _LowerCase:
    """Which words a text also writes in lower case: whole words of three or more letters a-z with
    no letter, digit, apostrophe or hyphen on either side, found by searching the text for the
    word asked about rather than by listing every word."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: dict[str, bool] = {}
        self._starts: dict[str, bool] = {}

    def writes(self, word: str) -> bool:
        """Whether the text writes ``word`` in lower case as a word of its own."""
        if word not in self._words:
            self._words[word] = self._find(word, whole=True)
        return self._words[word]

    def begins_a_word(self, word: str) -> bool:
        """Whether the text writes ``word`` (five letters or more) in lower case, alone or as the
        start of a longer word ("Monitor" and "monitoring", "Civil" and "civilians"): an English
        word, not a transliteration."""
        if len(word) < MIN_ENGLISH_LENGTH:
            return False
        if word not in self._starts:
            self._starts[word] = self._find(word, whole=False)
        return self._starts[word]

    def _find(self, word: str, whole: bool) -> bool:
        if len(word) < 3 or not (word.isascii() and word.isalpha() and word.islower()):
            return False
        text, size = self._text, len(self._text)
        position = text.find(word)
        while position >= 0:
            if position == 0 or not _in_word(text[position - 1]):
                end = position + len(word)
                if not whole:
                    while end < size and "a" <= text[end] <= "z":
                        end += 1
                if end == size or not _in_word(text[end]):
                    return True
            position = text.find(word, position + 1)
        return False


def _in_word(char: str) -> bool:
    """Whether a character can be part of a word for ``_LowerCase`` (a letter, digit, ``_``, an
    apostrophe or a hyphen)."""
    return char.isalnum() or char in "_'’-"


def _people(
    tokens: _Tokens, capitals: list[int], text: str, gazetteer: Gazetteer
) -> tuple[set[int], set[str]]:
    """Indexes of the tokens of person names (a given name or a title, then capitalised words,
    middle initials and particles like "al-" or "bin" included) and the surnames they end with.
    A given name that begins a place name ("Beverly Hills", "Salah al-Din") is not a person."""
    people: set[int] = set()
    surnames: set[str] = set()
    words, capital = tokens.text, tokens.capital
    for index in capitals:
        lowered = words[index].lower()
        title = lowered.rstrip(".") in TITLES and lowered.rstrip(".") not in _PLACE_TITLES
        if not title and lowered not in _first_names() and lowered not in ORGANISATION_HEADS:
            continue
        last = index
        end = index + 1
        while (
            end < len(words)
            and end - index <= 4
            and (_continues(tokens, end) or (title and end == index + 1))
            and (capital[end] or words[end].lower() in _NAME_PARTICLES)
            and words[end].lower() not in FACILITIES
        ):
            if capital[end]:
                last = end
            end += 1
        if last == index or (
            not title
            and _names_a_place(
                words[index : last + 1], text[tokens.start[index] : tokens.end[last]], gazetteer
            )
        ):
            continue
        people.update(range(index + 1 if title else index, last + 1))
        if lowered not in ORGANISATION_HEADS:
            surnames.add(words[last].lower())
    for first, last in _described_people(tokens, capitals, text):
        if first not in people:
            people.update(range(first, last + 1))
            surnames.add(words[last].lower())
    return people, surnames


def _described_people(tokens: _Tokens, capitals: list[int], text: str) -> list[tuple[int, int]]:
    """The first and last tokens of capitalised names that an apposition says are people
    ("Modu Alhaji Bukar, a leader of the civilian militia, said"), whatever their given names."""
    words, capital = tokens.text, tokens.capital
    found = []
    for index in capitals:
        if index > 0 and capital[index - 1] and _continues(tokens, index):
            continue  # inside a run of capitalised words: the run is read from its first word
        last = index
        while (
            last + 1 < len(words)
            and last + 1 - index < MAX_PERSON_WORDS
            and capital[last + 1]
            and _continues(tokens, last + 1)
        ):
            last += 1
        if _described_as_person().match(text, tokens.end[last]):
            found.append((index, last))
    return found


MAX_PERSON_WORDS = 4


@lru_cache(maxsize=1)
def _described_as_person() -> re.Pattern[str]:
    roles = "|".join(sorted(_word_list("person_roles.txt"), key=len, reverse=True))
    return re.compile(
        rf"['’]?,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{roles})(?:s|es)?\b(?!-)"
        # "... Avdiivka, the minister said": the speaker of a new clause, not an apposition
        r"(?!\s+(?:(?:has|had|have|also)\s+)*(?:said|says|told|tells|added|reported|stated|announced|claimed|"
        r"confirmed|wrote|warned|noted|insisted|explained)\b)",
        re.IGNORECASE,
    )


def _names_a_place(words: list[str], surface: str, gazetteer: Gazetteer) -> bool:
    """Whether a given name and what follows it name a place rather than a person: some place is
    called exactly so ("Beverly Hills"), or the name has the shape of an Arabic place name, a
    generic head or a word with an article ("Salah al-Din", "Salah Eddin", "Abu al-Duhur") and some
    place is called something like it. "Hassan Abboud" is a man, not the Iraqi village Hasan 'Abbud."""
    candidates = gazetteer.candidates(name_key(surface))
    if not candidates:
        return False
    arabic = words[0].lower() in _name_heads() or any(
        _ARTICLE_NAME.match(word) or _FUSED_ARTICLE.match(word) for word in words[1:]
    )
    spelled = ascii_name(surface).lower()
    return arabic or any(c.primary and ascii_name(c.place.name).lower() == spelled for c in candidates)


def _continues(tokens: _Tokens, index: int) -> bool:
    """Whether the token continues the previous one's name (no break, or after an initial "D.")."""
    if not tokens.break_before[index]:
        return True
    return len(tokens.text[index - 1]) == 1 and tokens.capital[index - 1]


def _longest_match(
    text: str,
    tokens: _Tokens,
    first: int,
    run_end: int,
    gazetteer: Gazetteer,
) -> tuple[Mention, int] | None:
    words, capital = tokens.text, tokens.capital
    fuzzy: tuple[Mention, int] | None = None
    for last in range(run_end - 1, first - 1, -1):
        if tokens.connector[last] or (last > first and words[last].lower().rstrip(".") in TITLES):
            continue
        start, end = tokens.start[first], tokens.end[last]
        surface = text[start:end]
        mention = _match(text, tokens, first, start, end, surface, gazetteer)
        following = last + 1
        followed = following < len(words)
        if (
            mention is not None
            and followed
            and not capital[following]
            and words[following].lower() in AREA_WORDS
        ):
            mention = mention._replace(area=True)
        if mention is not None and _names_a_camp(tokens, following):
            mention = mention._replace(area=True, camp=True)
        if (
            mention is not None
            and followed
            and not tokens.break_before[following]
            and capital[following]
            and words[following].lower() in FACILITIES
        ):
            mention = mention._replace(facility=True, street=words[following].lower() in STREETS)
        if mention is not None and (_MEDIA_AFTER.match(text, end) or _WEAPON_AFTER.match(text, end)):
            continue  # "the Saba news agency", "Tomahawk missiles": an outlet or a weapon, not a place
        if mention is not None and mention.fuzzy and last > first:
            # a run of names ("in Aleppo Hama and Homs") is not one misspelt name when a shorter
            # run spells a place exactly
            fuzzy = fuzzy or (mention, last - first + 1)
            continue
        if mention is not None:
            return mention, last - first + 1
    return fuzzy


def _match(
    text: str,
    tokens: _Tokens,
    first: int,
    start: int,
    end: int,
    surface: str,
    gazetteer: Gazetteer,
) -> Mention | None:
    abbreviations = _abbreviations()
    if end < len(text) and text[end] == "." and f"{surface}." in abbreviations:
        end, surface = end + 1, surface + "."
    lowered = surface.lower()
    demonyms = _demonyms()
    demonym = demonyms.get(surface) or demonyms.get(surface.title())
    before = first - 1  # the previous word's index
    previous = tokens.text[before].lower() if first > 0 else None  # the previous word, lower case
    titled = previous is not None and previous.rstrip(".") in TITLES
    if demonym and not titled:
        return Mention(start, end, surface, target_candidates(demonym, gazetteer), demonym=demonym)
    if lowered.startswith("an ") and lowered[3:4] in _VOWELS:
        return None  # "An Odesa port": English's article; Arabic's an- stands only before n ("An Nabk")
    if lowered in _outlet_words() and _in_outlet_name(text, start, end):
        return None  # "Al Jazeera reported" (or its "Jazeera"): a news outlet
    target = abbreviations.get(surface)
    single = " " not in surface
    if (
        single
        and (
            lowered in _stop_words()
            or lowered in _group_words()
            or lowered in CALENDAR
            or len(surface) < 3
            or lowered in MODIFIERS
            or lowered in TITLES
            or _CONTRACTION.search(lowered)
        )
        and not target
    ):
        return None  # the commonest case first ("The", "But"): the shape tests below say None too
    if not target and (
        (surface.isupper() and len(surface) <= 4)
        or _initials_only(surface)
        or _MIXED_ACRONYM.match(surface)
        or _ABBREVIATION_COMPOUND.search(surface)
        or (previous is not None and previous in PATRONYMICS)
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
            or (not single and sum(word[:1].isupper() for word in surface.split()) > MAX_FUZZY_WORDS)
        )
    ):
        return None
    sentence_start = (
        previous is None
        or tokens.break_before[before]
        or bool(_CLAUSE_END.search(text, tokens.end[before], start))
    )
    locative = previous is not None and (previous in LOCATIVES or _place_cue(tokens, first))
    if titled and not locative:
        return None
    if target:
        return Mention(start, end, surface, target_candidates(target, gazetteer), locative=locative)
    after_name = (
        previous is not None
        and tokens.capital[before]
        and not tokens.break_before[before]
        and text[tokens.end[before] : start].strip() == ""
        and previous not in MODIFIERS
        and not sentence_start
    )
    if not candidates and (sentence_start or after_name):
        return None  # a fuzzy match needs a name inside a sentence, not after another name
    common = _common(lowered, sentence_start)
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
    if common:
        return None
    fuzzy = _fuzzy_candidates(key, gazetteer)
    if fuzzy:
        return Mention(start, end, surface, fuzzy, fuzzy=True, locative=locative)
    return None


def _initials_only(surface: str) -> bool:
    """Whether a name of two or more words is only initials ("A U.N.": the article and an
    abbreviation), which no gazetteer name of a place is written as."""
    words = surface.split()
    return len(words) > 1 and all(
        len(word.replace(".", "")) <= 1 or _DOTTED.fullmatch(word) for word in words
    )


def _common(lowered: str, sentence_start: bool) -> bool:
    """Whether a name is made of common words, is a given name, or is an English word form that
    starts a sentence ("According")."""
    words = lowered.split()
    return (
        (
            all(word in _common_words() or word in _stop_words() for word in words)
            and not (len(words) > 1 and words[-1] in _PLACE_TYPES)
        )
        or lowered in _first_names()
        or (sentence_start and len(words) == 1 and bool(_ENGLISH_WORD.search(lowered)))
    )


# Countries whose place names English text spells as the gazetteer does: no fuzzy matching there.
SPELLED_AS_WRITTEN = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})


def _fuzzy_candidates(key: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    if len(skeleton(key)) < 4:
        return ()
    # a name of seven letters or more may differ a little more
    cutoff = LONG_FUZZY_RATIO if len(key) >= LONG_FUZZY_LENGTH else FUZZY_RATIO
    return tuple(
        candidate
        for candidate in gazetteer.similar(key, cutoff)
        if candidate.place.country_code not in SPELLED_AS_WRITTEN
    )


def _tokens(text: str) -> _Tokens:
    """Word tokens with their capitalisation, connector role and whether punctuation precedes them.

    The text is split once by the token pattern and each property is computed over the whole list
    (most words are lower case and matter only as neighbours of a name).
    """
    parts = _TOKEN_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    words = [_trimmed(word) if word[-1] == "s" or "-" in word else word for word in parts[1::2]]
    ends = list(map(add, starts, map(len, words)))
    capitals = [first.isupper() if (first := word[0]) not in _ODD_FIRST else _capital(word) for word in words]
    connectors = [
        not capital and len(word) <= 5 and word.lower() in CONNECTORS
        for word, capital in zip(words, capitals, strict=True)
    ]
    breaks = [
        gap != " " and gap != "" and ((bool(stripped := gap.strip()) and stripped != "-") or "\n" in gap)
        for gap in parts[0:-1:2]
    ]
    return _Tokens(starts, ends, words, capitals, connectors, breaks)


def _trimmed(word: str) -> str:
    """The word without a possessive "'s" and without an origin suffix ("U.S.-led" is "U.S.")."""
    if len(word) > 3 and word[-2] in "'’" and word[-1] == "s":
        word = word[:-2]
    if "-" in word:  # every origin suffix starts with a hyphen
        origin = _ORIGIN_SUFFIX.search(word)
        if origin is not None and origin.start() > 0:
            word = word[: origin.start()]
    return word


def _capital(word: str) -> bool:
    """Whether a word that starts with a quote or a lower-case vowel counts as capitalised ("al-Bab")."""
    first = word[0]
    if first in _QUOTE_CHARS:
        first = word.lstrip(_QUOTE_CHARS)[:1]
    return first.isupper() or (first in "aeu" and bool(_ARTICLE_NAME.match(word)))


def _place_cue(tokens: _Tokens, first: int) -> bool:
    """Whether the words before the name at word ``first`` say a place follows (``place_cues.txt``):
    "the town of", "residential neighbourhoods of", "strikes on", "retook"."""
    cues = _place_cues()
    previous = tokens.text[first - 1].lower()
    if previous in cues["verb"]:
        return True
    return first >= 2 and previous in ("of", "on") and tokens.text[first - 2].lower() in cues[previous]


def _names_a_camp(tokens: _Tokens, index: int) -> bool:
    """Whether the words from ``index`` read "military camp", "air base": the name before is the camp's town."""
    words = tokens.text
    if index + 1 >= len(words) or tokens.capital[index] or tokens.capital[index + 1]:
        return False
    cues = _place_cues()
    return words[index].lower() in cues["kind"] and words[index + 1].lower() in cues["camp"]


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
_REGION_OR_CAPITAL = REGION_CODES | {"PPLC"}


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


def _word_list(name: str) -> frozenset[str]:
    """The words of a list shipped in ``sitmap/geo/data`` (whitespace-separated, ``#`` comment lines)."""
    return frozenset(word for line in _data_lines(name) for word in line.split())


def _data_lines(name: str) -> list[str]:
    """The lines of a list shipped in ``sitmap/geo/data``, without ``#`` comments and blank lines."""
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return _word_list("common_words.txt")


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return _word_list("name_heads.txt")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return _word_list("first_names.txt")


@lru_cache(maxsize=1)
def _outlets() -> tuple[str, ...]:
    """News outlets named like places ("Al Jazeera", "Anadolu"), lower case."""
    return tuple(_data_lines("outlets.txt"))


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    """Every name and word of the outlets' names: the cheap test before ``_in_outlet_name``."""
    return frozenset(_outlets()) | {word for name in _outlets() for word in re.split(r"[\s-]+", name)}


def _in_outlet_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside an outlet's name written around it."""
    lowered = text.lower()
    for name in _outlets():
        found = lowered.find(name, max(0, start - len(name)), end + len(name))
        if found != -1 and found <= start and end <= found + len(name):
            return True
    return False


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    """Religions, sects and peoples ("Hindu", "Sunni", "Fulani"): never a place, however spelt alike."""
    return _word_list("group_words.txt")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, shipped as a list: importing spaCy for them costs a CPU second."""
    return _word_list("stop_words.txt")
