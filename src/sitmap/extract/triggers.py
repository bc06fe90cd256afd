"""The trigger lexicon: which words in a sentence point to which ACLED sub-event type.

The table ``triggers.csv`` holds one regular expression per row with its sub-event type and a
strength (3 = the word alone settles the type, 1 = a weak hint such as "attack"); analysts extend it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from sitmap.extract.lexicon import folded, folded_or_none, literal_prefixes
from sitmap.extract.taxonomy import SUB_EVENT_TYPES

TABLE: Final[str] = "triggers.csv"
_WORD: Final[re.Pattern[str]] = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger found in a sentence: the sub-event type it points to, its strength and span."""

    sub_event_type: str
    strength: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    sub_event_type: str
    strength: int
    # the words a match can start with (lower case); empty when the pattern does not say
    prefixes: frozenset[str] = frozenset()
    # the pattern to read lexicon.folded text with (faster), when it can be
    folded: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def load_triggers() -> tuple[_Rule, ...]:
    """The trigger rules of ``triggers.csv``, compiled, in table order."""
    rules: list[_Rule] = []
    with (files(__package__) / TABLE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sub_event_type = row["sub_event_type"]
            if sub_event_type not in SUB_EVENT_TYPES:
                raise ValueError(f"{TABLE}: unknown sub_event_type {sub_event_type!r}")
            pattern = re.compile(rf"(?<![\w-])(?:{row['pattern']})(?![\w])", re.IGNORECASE)
            rules.append(
                _Rule(
                    pattern,
                    sub_event_type,
                    int(row["strength"]),
                    frozenset(literal_prefixes(row["pattern"])),
                    folded_or_none(pattern),
                )
            )
    return tuple(rules)


@lru_cache(maxsize=1)
def _any_trigger() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in load_triggers()), re.IGNORECASE)


def _rules_started(text: str) -> int:
    """The gated rules (bit i for rule i) one of whose prefixes starts a word of ``text``."""
    started = 0
    for word in set(_WORD.findall(text.lower())):
        started |= _rules_started_by(word)
    return started


@lru_cache(maxsize=1 << 16)
def _rules_started_by(word: str) -> int:
    # per word, not per sentence: the same few thousand words make up most sentences
    return sum(
        1 << index
        for index, rule in enumerate(load_triggers())
        if rule.prefixes and word.startswith(tuple(rule.prefixes))
    )


def has_trigger(text: str) -> bool:
    """True when a sentence holds any trigger word: the cheap pre-filter before parsing."""
    return _any_trigger().search(text) is not None


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger in ``text``, in text order; a longer match hides shorter ones inside it."""
    found: list[Trigger] = []
    started = _rules_started(text)
    lowered = folded(text)
    for index, rule in enumerate(load_triggers()):
        if rule.prefixes and not started & (1 << index):
            continue
        pattern, read = (rule.folded, lowered) if rule.folded is not None else (rule.pattern, text)
        for match in pattern.finditer(read):
            start, end = match.span()
            found.append(Trigger(rule.sub_event_type, rule.strength, start, end, text[start:end]))
    found.sort(key=lambda trigger: (trigger.start, -(trigger.end - trigger.start), -trigger.strength))
    kept: list[Trigger] = []
    for trigger in found:
        inside = any(
            other.start <= trigger.start
            and trigger.end <= other.end
            and (other.end - other.start) > (trigger.end - trigger.start)
            for other in kept
        )
        if not inside:
            kept.append(trigger)
    return kept
