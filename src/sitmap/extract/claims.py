"""Who a sentence attributes its report to, normalised ("Turkey's National Defense Ministry said"
-> "Turkish Ministry of National Defence"); "the ministry" points back to the last ministry named."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from typing import Final

from sitmap.extract.lexicon import (
    LITERAL_TEXT,
    LiteralIndex,
    folded,
    literal_prefixes,
    longest_first,
    split_alternatives,
    substring_tests,
)
from sitmap.extract.numbers import find_numbers

TABLE: Final[str] = "speakers.csv"
# the country column of a generic speaker ("the army", "police") that takes the article's country:
# "the army said" in a story from Negros is "Army (Philippines)", not any army
OF_ARTICLE: Final[str] = "(article)"
_REPORTING: Final[re.Pattern[str]] = re.compile(
    r"\b(?:said|says|say|told|claimed|claims|reported|reports|announced|stated|confirmed|added|"
    r"according to|in a statement|in a series of tweets|tweeted|wrote|posted|quoted|cited|"
    r"said in a statement|quoting|condemns|condemned)\b",
    re.IGNORECASE,
)
# what a phrase that points back may point to: the last speaker of one of these kinds
_ANAPHORS: Final[dict[str, tuple[str, ...]]] = {
    "the ministry": ("ministry",),
    "the defence ministry": ("ministry",),
    "the defense ministry": ("ministry",),
    "the monitor": ("monitor",),
    "the war monitor": ("monitor",),
    "the monitoring group": ("monitor",),
    "the group": ("monitor", "ngo", "named"),
    "the organisation": ("ngo", "named"),
    "the organization": ("ngo", "named"),
    "the charity": ("ngo", "named"),
    "rescuers": ("rescuers",),
    "the agency": ("media", "ngo"),
}


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker a sentence cites: normalised name, kind (ministry, monitor, ...), span."""

    speaker: str
    kind: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def load_speakers() -> tuple[tuple[str, str, re.Pattern[str], str, tuple[str, ...]], ...]:
    """Known speakers with their kind, a pattern for how the news names them, the country the
    pattern is bound to ("state television" is SANA only in an article about Syria) or "" or
    OF_ARTICLE (a generic speaker named after the article's country), and the lower-case literals
    one of which a text must hold for the pattern to match (or ())."""
    rows = []
    with (files(__package__) / TABLE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            variants = split_alternatives(longest_first(row["variants"]))
            short = [v for v in variants if len(v) <= 4]
            long = [v for v in variants if v not in short]
            alternatives = [rf"(?i:{'|'.join(long)})"] if long else []
            alternatives += [v.upper() for v in short]
            rows.append(
                (
                    row["speaker"],
                    row["kind"],
                    re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"),
                    (row.get("country") or "").strip(),
                    substring_tests(literal_prefixes(row["variants"], LITERAL_TEXT)),
                )
            )
    return tuple(rows)


@lru_cache(maxsize=1)
def _speaker_index() -> LiteralIndex:
    return LiteralIndex([row[4] for row in load_speakers()])


def find_attribution(text: str, previous: list[Attribution], country: str = "") -> Attribution | None:
    """The speaker ``text`` attributes its report to, or None when it cites nobody.

    ``previous`` holds the attributions of earlier sentences, newest last, for "the ministry said".
    ``country`` is the article's: a speaker bound to another country ("state television" as SANA)
    is not read in it; an unknown country ("") binds nothing.
    """
    # the reporting verbs, found once: every candidate speaker is measured against them
    verbs = [match.span() for match in _REPORTING.finditer(text)]
    if not verbs:
        return None
    best: Attribution | None = None
    case_folded = folded(text)
    speakers = load_speakers()
    # only the rows whose literals the text holds: most texts name none of them
    for index in _speaker_index().rows(case_folded):
        speaker, kind, pattern, bound, _literals = speakers[index]
        if bound and bound != OF_ARTICLE and country and bound != country:
            continue
        name = f"{speaker} ({country})" if bound == OF_ARTICLE and country else speaker
        for match in pattern.finditer(text):
            candidate = Attribution(name, kind, match.start(), match.end(), match.group())
            if best is None or _closeness(verbs, candidate) < _closeness(verbs, best):
                best = candidate
    named = _named_speaker(text)
    if named is not None and (
        best is None or (best.kind in _VAGUE and _closeness(verbs, named) < _closeness(verbs, best))
    ):
        best = named
    elif (
        named is not None
        and best is not None
        and best.kind in _VAGUE
        and named.start <= best.start < best.end <= named.end
        and (
            _HEADS.search(text[named.start : best.start] + " " + text[best.end : named.end])
            # "SOHR sources said": a name before the table's word says whose
            or (best.end == named.end and _PROPER.fullmatch(text[named.start : best.start].strip()))
        )
    ):
        # the phrase at the verb names more than the table's word ("a health worker and two
        # residents said"): its words, the table's kind
        best = replace(named, kind=best.kind)
    said_he = _HE_SAID.search(text)
    if said_he is not None and previous and (best is None or best.kind in _VAGUE):
        # "..., he said, adding that ...": the speaker of the sentence before
        last = previous[-1]
        return Attribution(last.speaker, last.kind, said_he.start(), said_he.end(), said_he.group())
    lowered = text.lower()  # (not ``folded``: positions in it are positions in ``text``)
    for phrase, kinds in _ANAPHORS.items():
        position = lowered.find(phrase)
        if position < 0 or _NAMED_BODY.match(text, position):
            continue  # "the Group for the Support of Islam and Muslims" is a name, not "the group"
        earlier = next((item for item in reversed(previous) if item.kind in kinds), None)
        if earlier is not None and (
            best is None or best.kind in {"officials", "police", "military", "named"}
        ):
            return Attribution(
                earlier.speaker,
                earlier.kind,
                position,
                position + len(phrase),
                text[position : position + len(phrase)],
            )
    return best


# kinds of known speaker that a named source right at the verb is more exact than
# (a medium farther from the verb is the channel: "the ministry said in a statement read on state television")
_VAGUE: Final = frozenset({"officials", "police", "military", "activists", "media", "residents", "medics"})
# the head of a phrase naming who reports: a role, an office or an organisation
_HEADS: Final = re.compile(
    r"\b(?:governors?|mayors?|spokes(?:man|woman|person|people)|officials?|ministers?|ministry|prosecutors?|"
    r"prosecutor['’]s office|office|agency|network|association|group|council|committee|commission|"
    r"administration|authorit(?:y|ies)|command|chief|commanders?|leaders?|head|doctors?|medics|nurses?|"
    r"health workers?|hospital|witness(?:es)?|residents?|sources?|monitors?|observatory|mission|union|"
    r"coalition|front|movement|army|forces|militia|organi[sz]ation|watch|society|institute|cent(?:re|er)|"
    r"radio|television|tv|news|newspaper|daily|broadcaster|service|services|president|presidency|"
    r"police chief|rescuers?|rescue workers?|officers?|department|directorate|staff|lawmakers?|"
    r"governments?|junta|party|administrators?|(?:deputy )?commissioners?|media wing|(?:defen[cs]e|armed|security|police|air|task) forces?|brigades?|division|battalion|unit|"
    r"compan(?:y|ies)|firm|operator|partners|humanitarians|aid workers?)\b",
    re.IGNORECASE,
)
_VERB_AFTER: Final = re.compile(
    r"\b(?:said|says|told|reported|reports|announced|stated|confirmed|wrote|posted|claimed|tweeted|added|"
    r"(?:strongly )?condemn(?:s|ed))\b"
)
_HE_SAID: Final = re.compile(r"\b(?:he|she) (?:said|added|told|wrote|stated)\b")
_PRONOUNS: Final = re.compile(r"^(?:he|she|it|they|we|i|this|that|who|which)$", re.IGNORECASE)


# A headline's toll is no speaker: "Seven killed in Tripoli militia clashes before ceasefire announced"
_FATE_AFTER: Final = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:killed|dead|die|died|wounded|injured|hurt)\b", re.IGNORECASE
)


def _toll_first(phrase: str) -> bool:
    """True when ``phrase`` opens with a figure and what befell them ("Seven killed in ...")."""
    numbers = find_numbers(phrase)
    return bool(numbers) and numbers[0].start == 0 and _FATE_AFTER.match(phrase, numbers[0].end) is not None


def _named_speaker(text: str) -> Attribution | None:
    """A speaker the table does not know, named right at a reporting verb: "regional governor Oleh
    Syniehubov said", "the Sudan Doctors Network said", "according to the Darfur Bar Association",
    "said Jean Kasereka, a local civil society leader"; its phrase must hold a role or body word."""
    plain = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)  # "(SONNA)", "(AFP)"
    candidates: list[tuple[int, int]] = []
    for verb in _VERB_AFTER.finditer(plain):
        before = plain[: verb.start()]
        cut = max(before.rfind(mark) for mark in ('"', "“", "”", " - ", " – ", " — ", ";", ":"))
        segments = re.split(r",", before[cut + 1 :])
        if len(segments) >= 3 and not segments[-1].strip():
            # "Ivan Fedorov, the head of the regional administration, said"
            start = len(before) - len(",".join(segments[-3:]))
            candidates.append((start, len(before.rstrip(", "))))
        elif segments[-1].strip():
            start = len(before) - len(segments[-1])
            candidates.append((start, len(before.rstrip())))
        after = plain[verb.end() :]
        if re.match(r"\s+[A-Z]", after) and not re.match(r"\s+(?:On|In|At|The|A|An|It|That|On)\b", after):
            # "..., said Kinos Katuho, a local civil society leader."
            stop = re.search(r"[.;]\s|[.;]$|$", after)
            end = verb.end() + (stop.start() if stop else len(after))
            candidates.append((verb.end(), end))
    for match in re.finditer(r"\baccording to\s+", plain, re.IGNORECASE):
        tail = plain[match.end() :]
        stop = re.search(r"[,.;]\s|[,.;]$|$", tail)
        candidates.append((match.end(), match.end() + (stop.start() if stop else len(tail))))
    for start, end in candidates:
        phrase = text[start:end].strip(" ,")
        phrase = re.sub(r"^(?:separately|meanwhile|earlier|later|also)\s+", "", phrase, flags=re.IGNORECASE)
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE).strip()
        # "the county commissioner has said", "a military source had told": the speaker, not the tense
        phrase = _AUXILIARY_AFTER.sub("", phrase)
        name, _, apposition = phrase.partition(",")
        if apposition and _RELATIVE.search(apposition) and _PROPER.fullmatch(name.strip()):
            # "The Emergency Lawyers, a group that documents abuses in the war, said": the name,
            # vouched for by the body word of the description after it
            if not _HEADS.search(apposition):
                continue
            phrase = name.strip()
        words = phrase.split()
        if not words or len(words) > 12 or _PRONOUNS.match(phrase) or not _HEADS.search(phrase + apposition):
            continue
        if _RELATIVE.search(phrase) or _toll_first(phrase):
            continue
        first = text.find(phrase, start)
        speaker = re.sub(r"\s+", " ", phrase)
        return Attribution(speaker[0].upper() + speaker[1:], "named", first, first + len(phrase), phrase)
    return None


# "the Group for the Support of Islam", "the Agency for Technical Cooperation": a body's name
_NAMED_BODY: Final = re.compile(r"[Tt]he\s+[A-Z]\w*\s+(?:(?:for|of|on)\s+(?:the\s+)?)?[A-Z]")
_AUXILIARY_AFTER: Final = re.compile(
    r"\s+(?:(?:has|have|had|also|later|earlier|previously)\b\s*)+$", re.IGNORECASE
)
_RELATIVE: Final = re.compile(r"\b(?:that|which|who|when|after|because|if|while)\b", re.IGNORECASE)
# A proper name: capitalised words, with "of", "for", "the" and "and" between them
_PROPER: Final = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:(?:of|for|the|and|de|du|des)\s+)*[A-Z][\w'’.-]*)*")


def _closeness(verbs: list[tuple[int, int]], attribution: Attribution) -> int:
    # the speaker nearest a reporting verb (its span in ``verbs``) is the one cited ("X said",
    # "according to X")
    distances = [min(abs(start - attribution.end), abs(attribution.start - end)) for start, end in verbs]
    return min(distances) if distances else 10_000
