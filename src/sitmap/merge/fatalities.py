"""Reconciled death tolls: ACLED's lowest credible figure, UCDP's best/low/high, deaths per side.

A *report* is one claimant in one document. Each report's total adds up the groups of victims it
names (civilians, state forces, non-state fighters), taking within one group the largest figure it
gives ("four civilians, including three children" is four). A report that names some groups but not
others borrows, for the groups it leaves out, the lowest figure another report gives, so a report on
the soldiers and another on the civilians are not read as two rival totals.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files

from sitmap.merge.names import ascii_lower
from sitmap.model import Claim

UNSPECIFIED = "unspecified"
RULE = (
    "fatalities = lowest report total (ACLED: lowest credible figure); best_ucdp = median report total; "
    "low/high = lowest/highest report total; "
    "only 'killed' claims count (wounded, captured, neutralised never)"
)
FALLBACK_RULE = "no 'killed' claims: figures from the reports' own fatality counts, zeros ignored"
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class SideDeaths:
    """Deaths in one group of victims (civilians, state forces, non-state fighters): lowest and highest."""

    group: str
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A reconciled death toll with the rule that produced it."""

    fatalities: int
    low: int | None
    high: int | None
    best_ucdp: int
    rule: str
    by_side: tuple[SideDeaths, ...] = ()


def reconcile_fatalities(claims: Sequence[Claim], fallback: Sequence[int] = ()) -> Fatalities:
    """The death toll that a set of claims supports, plus totals from reports that made no claims.

    ``fallback`` holds fatality counts of reports without any 'killed' claim; zeros there mean
    "no figure given" and are ignored unless nothing else is known.
    """
    reports: dict[tuple[str, str], dict[str, int]] = {}
    for claim in claims:
        if claim.kind != "killed":
            continue
        doc_id = claim.evidence.doc_id if claim.evidence else ""
        groups = reports.setdefault((doc_id, claim.claimed_by), {})
        group = victim_group(claim)
        groups[group] = max(groups.get(group, 0), claim.value)
    by_side = _by_side(reports.values())
    lowest = {side.group: side.low for side in by_side}
    totals = [_report_total(groups, lowest) for groups in reports.values()]
    totals += [value for value in fallback if value > 0]
    if not totals:
        if fallback:
            return Fatalities(0, 0, 0, 0, FALLBACK_RULE)
        return Fatalities(0, None, None, 0, RULE)
    totals.sort()
    rule = RULE if reports else FALLBACK_RULE
    return Fatalities(totals[0], totals[0], totals[-1], totals[(len(totals) - 1) // 2], rule, by_side)


def victim_group(claim: Claim) -> str:
    """Who the claimed dead were, read from the claim's evidence words: civilians, state forces, ..."""
    if claim.evidence is None:
        return UNSPECIFIED
    words = _victim_words()
    text = " ".join((claim.evidence.field, claim.evidence.text))
    for word in _WORD.findall(ascii_lower(text)):
        if word in words and words[word] != UNSPECIFIED:
            return words[word]
    return UNSPECIFIED


def _report_total(groups: dict[str, int], lowest: dict[str, int]) -> int:
    if set(groups) == {UNSPECIFIED}:
        return groups[UNSPECIFIED]
    named = sum(groups.get(group, low) for group, low in lowest.items())
    return max(groups.get(UNSPECIFIED, 0), named)


def _by_side(reports: Iterable[dict[str, int]]) -> tuple[SideDeaths, ...]:
    figures: dict[str, list[int]] = {}
    for groups in reports:
        for group, value in groups.items():
            if group != UNSPECIFIED:
                figures.setdefault(group, []).append(value)
    return tuple(SideDeaths(group, min(values), max(values)) for group, values in sorted(figures.items()))


@functools.cache
def _victim_words() -> dict[str, str]:
    with (files(__package__) / "victims.csv").open(encoding="utf-8") as handle:
        return {row["word"]: row["group"] for row in csv.DictReader(handle)}
