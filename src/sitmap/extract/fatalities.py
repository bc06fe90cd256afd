"""Casualty figures in one sentence: who counts as dead, who is only wounded, claimed or a subset.

Rules (ACLED codebook): the lowest figure of a range is the best estimate; "including three
children" is a subset of the figure before it; wounded, captured and "neutralised" are kept as
claims, never as deaths; tolls over a whole war or period ("since 2011", "this month") are
statistics, never one event's fatalities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

from sitmap.extract.numbers import Number, find_numbers
from sitmap.model import Event

_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")

KIND_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(
        "killed killing kills kill dead died die dies dying deaths death slain perished massacred "
        "executed murdered martyred martyrs beheaded beheading beheadings decapitated lives bodies fatalities corpses gunned lynched".split(),
        "killed",
    ),
    **dict.fromkeys(
        "wounded wounding wounds wound injured injuring injures injure injuries hurt casualties".split(),
        "wounded",
    ),
    **dict.fromkeys("captured capturing".split(), "captured"),
    **dict.fromkeys("arrested arresting detained detaining abducted kidnapped".split(), "arrested"),
    **dict.fromkeys("neutralised neutralized neutralising neutralizing".split(), "neutralised"),
    **dict.fromkeys("displaced homeless".split(), "displaced"),
    **dict.fromkeys("missing".split(), "missing"),
}
# Words that end the search for the verb a number belongs to.
# "those" heads a clause of its own: "relatives of those killed" counts relatives, not the dead
_STOPS: Final[frozenset[str]] = frozenset(';:()"“”'.split() + ["while", "but", "whereas", "after", "those"])
_SUBSET_CUES: Final[tuple[str, ...]] = (
    "including",
    "among them",
    "among whom",
    "of whom",
    "of them",
    "among those",
    "mostly",
    "included",
    "incl",
    "among the dead",
    "among the victims",
)
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    "soldier soldiers civilian civilians man men woman women child children boy boys girl girls "
    "person people persons policeman policemen police officer officers fighter fighters militant "
    "militants member members journalist journalists protester protesters demonstrator "
    "demonstrators student students teacher teachers farmer farmers villager villagers resident "
    "residents worker workers trooper troopers troops rebel rebels insurgent insurgents gunman "
    "gunmen attacker attackers bomber jihadist jihadists infant infants baby babies doctor doctors "
    "guard guards commander commanders leader leaders others elements terrorists terrorist "
    "pilgrim pilgrims worshipper worshippers passenger passengers family families personnel "
    "servicemen serviceman jawan jawans marine marines paramilitary paramilitaries militiamen militiaman "
    "teenager teenagers youth youths cadet cadets volunteer volunteers shepherd nurse thief thieves "
    "spectator spectators fan fans player players mourner mourners suspect suspects victim victims recruit recruits trader traders worshipers hostage hostages "
    "pupil pupils kids medic medics staffers rescuer rescuers"
    " councillor councillors councilor councilors mayor mayors official officials lawmaker lawmakers"
    " politician politicians candidate candidates judge judges activist activists elder elders chief"
    " chiefs driver drivers vendor vendors miner miners herder herders herdsmen herdsman fisherman"
    " fishermen pastor pastors priest priests imam imams cleric clerics".split()
)
_NOT_CASUALTY_AFTER: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?:-|–)?\s*(?:km|kilomet|kilometr|mile|metre|meter|percent|per cent|%|year|month|week|"
    r"day|hour|minute|am\b|pm\b|a\.m|p\.m|times|tons|tonnes|kg|dollars|\$|euros|°)",
    re.IGNORECASE,
)
# "five soldiers and three militants", "a commander as well as five of his guards"
_COORDINATED: Final[re.Pattern[str]] = re.compile(
    r"^\s*[\w\s'’-]{0,40}?(?:,\s*|\s+)(?:and|as well as|along with|alongside|together with)\s+$"
    r"|^\s*[\w'’-]+,\s*$"
)
# a month's name or abbreviation, and no other word ("five marines", "nine martyrs" are people)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_AFTER: Final[re.Pattern[str]] = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:\s|,|$)", re.I)
_DATE_BEFORE: Final[re.Pattern[str]] = re.compile(rf"\b{_MONTHS}\s+$", re.I)
_QUALIFIER_PAIRS: Final[frozenset[str]] = frozenset({"at least", "more than", "up to", "as many", "no fewer"})
_FIGURE_START: Final[frozenset[str]] = frozenset(
    "over nearly almost about around some dozens scores hundreds several one two three four "
    "five six seven eight nine ten eleven twelve twenty thirty forty fifty".split()
)
_TOLL_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"(?:death toll|toll|number of (?:the )?dead|number of deaths|number of people killed)"
    r"[^.;]{0,100}$",
    re.IGNORECASE,
)
# "the death toll from the shelling ... in the past 24 hours has reached 20": the figure a toll
# rose to, however far the toll word is.
_TOLL_REACHED: Final[re.Pattern[str]] = re.compile(
    r"(?:\btoll\b|\bnumber\b[^.;]{0,60}?\b(?:killed|dead|deaths|victims)\b)[^.;]{0,250}?"
    r"\b(?:reached|rose to|risen to|climbed to|jumped to|increased to|stands at|stood at)\s+$"
    r"|\bbringing\s+(?:the\s+)?(?:death\s+)?(?:toll|number)\b[^.;]{0,120}?\bto\s+$",
    re.IGNORECASE,
)
# "the toll rose to 45", "bringing the number killed in 24 hours to 45": an updated count
_UPDATED_TO: Final[re.Pattern[str]] = re.compile(
    r"(?:\b(?:rose|risen|climbed|jumped|increased)\s+to|\bbringing\b[^.;]{0,120}?\bto|\breached)\s+$",
    re.IGNORECASE,
)
# "claimed the lives of eight civilians", "cost the lives of three"
_LIVES_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:claim\w*|cost\w*|took|tak(?:e|es|ing))\s+(?:the\s+)?lives\s+of\s+$", re.IGNORECASE
)
# "19 killed and injured", "killing and wounding scores", "left many dead and injured": a toll
# of dead and wounded together is casualties, not deaths.
_KILLED_AND_WOUNDED: Final[str] = r"(?:kill\w*|dead)\s+and\s+(?:wound\w*|injur\w*)"
_CASUALTIES_BEFORE: Final[re.Pattern[str]] = re.compile(_KILLED_AND_WOUNDED + r"\s+$", re.IGNORECASE)
_CASUALTIES_AFTER: Final[re.Pattern[str]] = re.compile(
    r"^(?:\s+[\w'’-]+){0,4}?\s+" + _KILLED_AND_WOUNDED + r"\b", re.IGNORECASE
)
# a figure that has a verb of its own before the next one ("18 lorries were destroyed and 20
# civilians were killed") does not share that one's verb
# "20 soldiers were killed and 15 surrendered": the second figure has a verb of its own
_VERB_OF_ITS_OWN: Final[re.Pattern[str]] = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:surrendered|fled|escaped|defected|were (?:arrested|captured|detained|rescued|freed|released)"
    r"|deserted|survived)\b",
    re.IGNORECASE,
)
_OWN_VERB: Final[re.Pattern[str]] = re.compile(r"\b(?:was|were|is|are|has|have|had|been)\b", re.IGNORECASE)
# "including children and two hospital staffers": the list after "including" goes on
_SUBSET_LIST: Final[re.Pattern[str]] = re.compile(
    r"\b(?:including|among them|among whom)\b[^,.;:]{0,40}\sand\s+$", re.IGNORECASE
)
# words that may stand between a figure and the noun it counts ("two car bombs", "five separate raids")
_THING_MODIFIER_STOPS: Final[frozenset[str]] = frozenset(
    "in on at of and or the a an by from to with who which that as for were was had have has include "
    "included includes hit struck targeted".split()
)
_CONTEXT: Final[re.Pattern[str]] = re.compile(
    r"\bsince (?:(?:early |late |mid-?)?(?:19|20)\d\d|the (?:start|beginning|outbreak|onset)|the (?:war|"
    r"conflict|uprising|revolution|crisis|coup|invasion|takeover|insurgency|ceasefire|truce|deal|agreement|"
    r"accord)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"it began|then)|\b(?:this|so far this|earlier this) (?:year|month)\b|\bin recent (?:months|years|weeks)|"
    r"\bover the (?:past|last) (?:\w+ )?(?:years|months|decade)|\b(?:war|conflict|fighting) (?:has|have|had) "
    r"(?:killed|left|claimed)|\bthe (?:civil )?war\b.{0,40}\b(?:killed|claimed|left)|"
    r"\b(?:day|week|month|year)s?-old (?:battle|offensive|siege|campaign|assault)\b[^.;]{0,60}\b(?:has|have|had) "
    r"(?:cost|killed|claimed|left)|"
    # "more than 6,500 people have been killed in the conflict"
    r"\b(?:has|have|had) been killed in the (?:\w+ )?(?:conflict|war|insurgency|crisis|violence)\b|"
    # "battles in the months that followed killed hundreds"
    r"\bin the (?:days|weeks|months|years) (?:that )?(?:followed|since)\b|"
    r"\bin total\b|\boverall\b|\b(?:has|have|had) (?:\w+ ){0,2}killed (?:tens of |hundreds of |many )?thousands\b|"
    r"\bsince \d{4}|\bdeath toll (?:this|for the)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure: its kind (killed, wounded, ...), value, range, span in the sentence."""

    kind: str
    value: int
    low: int
    high: int
    start: int
    end: int
    subset: bool = False
    vague: bool = False
    context: bool = False
    noun: str = ""
    group: int = 0
    updated: bool = False  # the figure a toll rose to ("bringing the toll to 45"): the latest count


def is_context_toll(text: str) -> bool:
    """True when a sentence reports a toll over a war, a country or a period, not one event."""
    return bool(_CONTEXT.search(text))


def _context_starts(text: str) -> list[int]:
    return [match.start() for match in _CONTEXT.finditer(text)]


def _in_context(text: str, starts: list[int], number: Number) -> bool:
    """True when a context phrase governs the figure: anywhere but in a later clause set off by a
    comma ("killed one man on Friday, ... despite a ceasefire in force since November" is an
    event's toll; "330 people have been killed since the ceasefire" is not)."""
    return any(start < number.end or "," not in text[number.end : start] for start in starts)


# An official communique's figures: "eleven (11) soldiers fell on the field of honour"; the
# digits repeat the word, and the fallen are the dead.
_REPEATED_DIGITS: Final = re.compile(r"(?<=[A-Za-z])\s+\(\d{1,4}\)")
_FELL: Final = re.compile(
    r"\b(?:fell|died|were killed) (?:on|in) the field of hono(?:u)?r\b|\bfell as martyrs\b", re.IGNORECASE
)


def _plain_toll(text: str) -> str:
    """``text`` with a number word's repeated digits blanked and "fell on the field of honour"
    read as "killed", every other character where it was (spans stay those of ``text``)."""
    if "(" in text:
        text = _REPEATED_DIGITS.sub(lambda match: " " * len(match.group()), text)
    if "fell" in text or "field of hono" in text:
        text = _FELL.sub(lambda match: "killed".ljust(len(match.group())), text)
    return text


def find_counts(text: str) -> list[Count]:
    """Casualty figures in one sentence, each with its kind and character span in ``text``.

    Figures that share one verb ("five soldiers and three militants were killed", "killed five
    soldiers and three militants", "four civilians, including three children") share a ``group``.
    """
    text = _plain_toll(text)
    numbers = [number for number in find_numbers(text) if _plausible(text, number)]
    context_starts = _context_starts(text)
    kinds: list[tuple[str, str] | None] = [
        _kind_of(text, number, _next_start(text, numbers, index), numbers[index - 1].end if index else -1)
        for index, number in enumerate(numbers)
    ]
    linked = [False] * len(numbers)
    for index in reversed(range(len(numbers) - 1)):
        # "five soldiers and three militants were killed": the first figure shares the verb
        gap = text[numbers[index].end : numbers[index + 1].start]
        if (
            kinds[index] is None
            and kinds[index + 1]
            and (
                (_COORDINATED.match(gap) and not _OWN_VERB.search(gap))
                or _is_subset(text, numbers[index + 1])
            )
        ):
            kinds[index] = (kinds[index + 1] or ("", ""))[0], _words(gap)[0] if _words(gap) else ""
            linked[index + 1] = True
    for index in range(1, len(numbers)):
        # "killed five soldiers and three militants": the second figure shares the verb
        gap = text[numbers[index - 1].end : numbers[index].start]
        if (
            kinds[index] is None
            and kinds[index - 1]
            and (_COORDINATED.match(gap) or _is_subset(text, numbers[index]))
            and not _VERB_OF_ITS_OWN.match(text, numbers[index].end)
        ):
            kinds[index] = (
                (kinds[index - 1] or ("", ""))[0],
                next(
                    (
                        word
                        for word in _words(text[numbers[index].end : numbers[index].end + 30])[:3]
                        if word in PERSON_NOUNS
                    ),
                    "",
                ),
            )
            linked[index] = True
    counts: list[Count] = []
    group = -1
    for match in _KILLING_THE_ONE.finditer(text):
        # "killing the driver and wounding six passengers": one dead, named by the role
        if not any(number.start <= match.start("who") < number.end + 20 for number in numbers):
            counts.append(
                Count("killed", 1, 1, 1, match.start("who"), match.end("who"), noun=match.group("noun"))
            )
    for index, number in enumerate(numbers):
        found = kinds[index]
        if found is None:
            continue
        if not linked[index]:
            group += 1
        kind, noun = found
        if number.article and not noun:
            continue
        counts.append(
            Count(
                kind,
                number.value,
                number.low,
                number.high,
                number.start,
                number.end,
                subset=_is_subset(text, number),
                vague=number.vague,
                context=_in_context(text, context_starts, number) or number.value >= 10000,
                noun=noun,
                group=max(group, 0),
                updated=bool(_UPDATED_TO.search(text, max(0, number.start - 140), number.start)),
            )
        )
    return counts


def fatalities(counts: list[Count]) -> tuple[int, int | None, int | None]:
    """Deaths in one sentence (best, low, high): subsets and non-death kinds excluded.

    Figures sharing a verb add up; figures with verbs of their own re-tell one toll (a headline
    run into its first sentence), so the largest such total is kept and equal ones count once.
    """
    killed = [count for count in counts if count.kind == "killed" and not count.subset and not count.context]
    if not killed:
        return 0, None, None
    totals: dict[int, tuple[int, int, int]] = {}
    for count in killed:
        best, low, high = totals.get(count.group, (0, 0, 0))
        totals[count.group] = (best + count.value, low + count.low, high + count.high)
    best, low, high = max(totals.values())
    return best, low, (high if high != low else None)


UPDATED_TAG: Final[str] = "toll-updated"


def updated_toll(main: Event, other: Event) -> bool:
    """True when ``other`` gives the toll ``main`` told as it rose since ("the toll rose to 45",
    "bringing the number killed to 45"): the latest count of the same deaths stands."""
    return UPDATED_TAG in other.tags and UPDATED_TAG not in main.tags and other.fatalities > main.fatalities


def is_updated(counts: list[Count], best: int) -> bool:
    """True when a sentence's deaths are a toll that rose to its figure."""
    return any(count.updated and count.kind == "killed" and count.value == best for count in counts)


def vague_toll(event: Event) -> bool:
    """True when an event's deaths are known only as a vague amount ("dozens were killed")."""
    told = [
        claim.evidence.text
        for claim in event.claims
        if claim.kind == "killed" and claim.value == event.fatalities and claim.evidence is not None
    ]
    return bool(told) and all(_vague_figure(text) for text in told)


def more_precise_toll(main: Event, other: Event) -> bool:
    """True when ``other`` gives, as a figure, the deaths ``main`` knows only as a vague amount.

    ACLED codes "dozens" as 12 only when nothing more precise is reported, so "air strikes
    killed 29 people" told later replaces it; a figure under half the vague amount ("two of
    them were children", "three died in hospital") is a part of those deaths, not their toll.
    The lone dead a lede names ("troops killed a rebel commander") yields the same way to the
    toll told after ("23 rebels were killed in the fighting"), which counts him among them.
    """
    return other.fatalities * 2 >= main.fatalities and vague_toll(main) and not vague_toll(other)


def _vague_figure(text: str) -> bool:
    # "dozens", and the lone dead of "a commander was killed", whom a later toll often includes
    if text.strip().lower() in {"a", "an"}:
        return True
    numbers = find_numbers(text)
    return bool(numbers) and all(number.vague for number in numbers)


def _next_start(text: str, numbers: list[Number], index: int) -> int:
    return numbers[index + 1].start if index + 1 < len(numbers) else len(text)


def _plausible(text: str, number: Number) -> bool:
    if re.search(r"\bno\s*$", text[max(0, number.start - 4) : number.start], re.IGNORECASE):
        return False
    if _NOT_CASUALTY_AFTER.match(text[number.end :]) or _DATE_AFTER.match(text[number.end :]):
        return False
    if _DATE_BEFORE.search(text[max(0, number.start - 12) : number.start]):
        return False
    if _counts_things(text[number.end : number.end + 60]):
        return False
    digits = text[number.start : number.end]
    # a year ("in 2018") is not a count unless people follow it
    if re.search(r"\b(?:1[89]|20)\d\d\b", digits) and "," not in digits:
        following = _words(text[number.end : number.end + 30])[:1]
        return bool(following) and following[0] in PERSON_NOUNS
    return True


def _words(text: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(text)]


def _counts_things(after: str) -> bool:
    """True when the words after a figure name what it counts as things ("two attacks", "31 lorries",
    "four separate air raids"), read up to the first person noun, kind word or function word."""
    words = _words(after)[:4]
    for position, word in enumerate(words[:3]):
        if word in PERSON_NOUNS or word in KIND_WORDS or word in _THING_MODIFIER_STOPS or not word.isalpha():
            return False
        # "two car bombs" counts bombs; "30 school pupils" and "18 bus passengers" count people
        if word in _things() and not set(words[position + 1 : position + 2]) & PERSON_NOUNS:
            return True
    return False


@cache
def _things() -> frozenset[str]:
    text = (files(__package__) / "counted_things.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _kind_of(text: str, number: Number, next_start: int, previous_end: int = -1) -> tuple[str, str] | None:
    if _KILLED_THEM.match(text, number.end):
        # "captured two fishermen on the beach and beheaded them": the captives were killed
        return "killed", next(
            (w for w in _words(text[number.end : number.end + 30])[:3] if w in PERSON_NOUNS), ""
        )
    before = _words(text[max(0, number.start - 40) : number.start])[-3:]
    after = _words(text[number.end : next_start])[:9]
    following = _words(text[number.end : number.end + 120])
    noun = next((word for word in after[:4] if word in PERSON_NOUNS), "")
    if number.article:
        # "a soldier was killed": the article counts only right before a person
        if not any(word in PERSON_NOUNS for word in after[:3]):
            return None
    close = next((position for position, word in enumerate(after[:2]) if word in KIND_WORDS), None)
    if close is not None and _describes_person(after, close):
        # "killed at least 26 displaced people": who the dead were, not what happened to them
        close = None
    elif close is not None and not _has_object(following, close):
        # "2 killed 8 injured", "five others wounded": the word right after the figure names it
        return _combined(text, number, KIND_WORDS[after[close]]), noun
    for word in reversed(before):
        if word in {"or", "and"}:
            break
        if word == "dead" and {"shot", "shooting", "shoot", "shoots", "gunning"} & set(before):
            return "killed", noun
        if word in KIND_WORDS and word not in {"dead", "bodies", "lives", "deaths", "fatalities", "martyrs"}:
            return _combined(text, number, KIND_WORDS[word]), noun
    if _TOLL_BEFORE.search(text[max(0, number.start - 120) : number.start]) or _TOLL_REACHED.search(
        text[max(0, number.start - 300) : number.start]
    ):
        return "killed", noun or "toll"
    if _LIVES_BEFORE.search(text[max(0, number.start - 40) : number.start]):
        return _combined(text, number, "killed"), noun
    for position, word in enumerate(after):
        if word in _STOPS or (
            word == ","
            and position > 0
            and "including" not in after[position : position + 2]
            and after[position - 1] not in PERSON_NOUNS
        ):
            break
        if word in KIND_WORDS and not _describes_person(after, position):
            if _has_object(following, position):
                # "a suicide bomber killed 30": the figure before the verb is its agent
                return None
            return _combined(text, number, KIND_WORDS[word], after[position : position + 4]), noun
    return None


def _describes_person(words: list[str], position: int) -> bool:
    """True when the kind word at ``position`` only describes the person noun after it: the
    displaced or homeless people a figure counts are not counted as displaced ("26 displaced
    people were killed")."""
    return (
        KIND_WORDS[words[position]] == "displaced"
        and words[position + 1 : position + 2] != []
        and (words[position + 1] in PERSON_NOUNS)
    )


def _has_object(following: list[str], position: int) -> bool:
    """True when the kind word at ``position`` is a verb with a figure of its own after it.

    "killed 30 people" has one; "killed 12 injured" does not: the 12 has its own kind word.
    """
    if position + 1 >= len(following):
        return False
    nxt = following[position + 1]
    pair = " ".join(following[position + 1 : position + 3])
    skip = 2 if pair in _QUALIFIER_PAIRS else 1
    if skip == 1 and not (nxt in _FIGURE_START or nxt.isdigit()):
        return False
    rest = following[position + 1 + skip : position + 3 + skip]
    return not (
        rest
        and (rest[0] in KIND_WORDS or (rest[0] in {"others", "more"} and rest[1:2] and rest[1] in KIND_WORDS))
    )


def _combined(text: str, number: Number, kind: str, ahead: list[str] | None = None) -> str:
    # "killed or captured 40 fighters" and "killed, wounded or captured" are claims, not deaths
    window = text[max(0, number.start - 40) : number.end + 60].lower()
    if kind in {"killed", "captured", "wounded"} and re.search(
        r"kill\w*,? (?:wounded,? |injured,? )?(?:or|and/or) (?:captured|wounded|injured|arrested)", window
    ):
        return "neutralised"
    if kind == "killed" and _SENTENCED.search(window):
        return "sentenced"  # "sentenced three men to death": a verdict, not deaths
    if kind in {"killed", "wounded"} and (
        _CASUALTIES_BEFORE.search(text, max(0, number.start - 30), number.start)
        or _CASUALTIES_AFTER.match(text[number.end : number.end + 60])
    ):
        return "wounded"
    return kind


_KILLING_THE_ONE: Final = re.compile(
    r"\b(?:killing|killed)\s+(?P<who>(?:the|its|his|her|their)\s+(?P<noun>driver|pilot|owner|operator|motorist|"
    r"cyclist|shepherd|imam|priest|headmaster|principal|mayor|chief|guard))\b",
    re.IGNORECASE,
)
_KILLED_THEM: Final = re.compile(
    r"[^.;,]{0,60}?\band (?:then |later )?(?:beheaded|killed|executed|murdered|shot dead|shot and killed|hacked to death)"
    r" (?:them|him|her)\b",
    re.IGNORECASE,
)
_SENTENCED: Final = re.compile(r"\b(?:sentenc\w*|condemn\w*) (?:[\w-]+ ){0,4}to death\b|\bdeath sentences?\b")


def _is_subset(text: str, number: Number) -> bool:
    before = text[max(0, number.start - 25) : number.start].lower()
    if any(before.rstrip(" ,").endswith(cue) for cue in _SUBSET_CUES):
        return True
    listed = _SUBSET_LIST.search(text[max(0, number.start - 60) : number.start])
    if listed and not _OWN_VERB.search(listed.group()) and not set(_words(listed.group())) & set(KIND_WORDS):
        return True
    after = text[number.end : number.end + 60].lower()
    # "six civilians were among at least 22 people killed"
    return bool(re.match(r"^[\w\s-]{0,30}\b(?:were|was|are) among\b", after))
