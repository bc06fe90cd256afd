"""Who a sentence attributes its report to, normalised ("Turkey's National Defense Ministry said"
-> "Turkish Ministry of National Defence"); "the ministry" points back to the last ministry named."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from sitmap.extract.lexicon import longest_first, split_alternatives

TABLE: Final[str] = "speakers.csv"
_REPORTING: Final[re.Pattern[str]] = re.compile(
    r"\b(?:said|says|say|told|claimed|claims|reported|reports|announced|stated|confirmed|added|"
    r"according to|in a statement|in a series of tweets|tweeted|wrote|posted|quoted|cited|"
    r"said in a statement|quoting)\b",
    re.IGNORECASE,
)
_ANAPHORS: Final[dict[str, str]] = {
    "the ministry": "ministry",
    "the defence ministry": "ministry",
    "the defense ministry": "ministry",
    "the monitor": "monitor",
    "the war monitor": "monitor",
    "the monitoring group": "monitor",
    "the group": "monitor",
    "rescuers": "rescuers",
    "the agency": "media",
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
def load_speakers() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Known speakers with their kind and a pattern for how the news names them."""
    rows = []
    with (files(__package__) / TABLE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            variants = split_alternatives(longest_first(row["variants"]))
            short = [v for v in variants if len(v) <= 4]
            long = [v for v in variants if v not in short]
            alternatives = [rf"(?i:{'|'.join(long)})"] if long else []
            alternatives += [v.upper() for v in short]
            rows.append(
                (row["speaker"], row["kind"], re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"))
            )
    return tuple(rows)


def find_attribution(text: str, previous: list[Attribution]) -> Attribution | None:
    """The speaker ``text`` attributes its report to, or None when it cites nobody.

    ``previous`` holds the attributions of earlier sentences, newest last, for "the ministry said".
    """
    if not _REPORTING.search(text):
        return None
    best: Attribution | None = None
    for speaker, kind, pattern in load_speakers():
        for match in pattern.finditer(text):
            candidate = Attribution(speaker, kind, match.start(), match.end(), match.group())
            if best is None or _closeness(text, candidate) < _closeness(text, best):
                best = candidate
    lowered = text.lower()
    for phrase, kind in _ANAPHORS.items():
        position = lowered.find(phrase)
        if position < 0:
            continue
        earlier = next((item for item in reversed(previous) if item.kind == kind), None)
        if earlier is not None and (best is None or best.kind in {"officials", "police", "military"}):
            return Attribution(
                earlier.speaker,
                kind,
                position,
                position + len(phrase),
                text[position : position + len(phrase)],
            )
    return best


def _closeness(text: str, attribution: Attribution) -> int:
    # the speaker nearest a reporting verb is the one cited ("X said", "according to X")
    distances = [
        min(abs(match.start() - attribution.end), abs(attribution.start - match.end()))
        for match in _REPORTING.finditer(text)
    ]
    return min(distances) if distances else 10_000
