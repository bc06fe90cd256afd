"""Merging a batch of events into one event per real-world event, whatever order they come in."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from sitmap.merge.combine import fold
from sitmap.merge.similarity import DATE_TOLERANCE_DAYS, SAME_SCORE, Match, could_match, match
from sitmap.model import Event

WINDOW_DAYS = max(DATE_TOLERANCE_DAYS.values())


def merge_events(events: Sequence[Event]) -> list[Event]:
    """One event per cluster of reports of the same event, sorted by date then id.

    Clusters grow best-first by average linkage with a veto: at each step the two clusters with the
    highest mean pair score join, provided at least one pair across them matches, none fails a gate
    test (date, place, type, actors), and the mean reaches the match threshold; ties go to the larger
    cluster. A chain of near-misses therefore never glues two events together, and a vague report
    that fits two events joins the better-supported one. Each cluster keeps its smallest event id,
    so the result does not depend on the input order.
    """
    by_id: dict[str, list[Event]] = {}
    for event in events:
        by_id.setdefault(event.event_id, []).append(event)
    reports = {event_id: fold(same_id) for event_id, same_id in by_id.items()}
    verdicts = _verdicts(list(reports.values()))
    clusters = {event_id: frozenset((event_id,)) for event_id in reports}
    while best := _best_join(clusters, verdicts):
        joined = best[0] | best[1]
        for event_id in joined:
            clusters[event_id] = joined
    # sorted, not in set order: a set of strings iterates in an order that changes from one
    # process to the next (string hashing is salted), and folding and sums depend on the order
    merged = [fold([reports[event_id] for event_id in sorted(cluster)]) for cluster in set(clusters.values())]
    return sorted(merged, key=lambda e: (e.event_date or date.max, e.event_id))


def _best_join(
    clusters: dict[str, frozenset[str]], verdicts: dict[tuple[str, str], Match]
) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two clusters to join next, or None when no pair of clusters may join."""
    candidates = {
        (clusters[a], clusters[b]) if min(clusters[a]) < min(clusters[b]) else (clusters[b], clusters[a])
        for (a, b), verdict in verdicts.items()
        if verdict.same and clusters[a] is not clusters[b]
    }
    best: tuple[tuple[float, int, str], tuple[frozenset[str], frozenset[str]]] | None = None
    # in a fixed order (clusters are disjoint, so their smallest ids differ): ties go to the first
    for left, right in sorted(candidates, key=lambda pair: (min(pair[0]), min(pair[1]))):
        mean = _mean_score(left, right, verdicts)
        if mean is None:
            continue
        key = (mean, len(left) + len(right), "~" + min(min(left), min(right)))
        if best is None or key > best[0]:
            best = (key, (left, right))
    return None if best is None else best[1]


def _verdicts(events: list[Event]) -> dict[tuple[str, str], Match]:
    """Match verdicts for the pairs of events within ``WINDOW_DAYS`` of each other and not in two countries.

    A pair without a verdict never joins (``_mean_score``), exactly as a pair that fails a gate.
    """
    dated = sorted((e for e in events if e.event_date is not None), key=lambda e: (e.event_date, e.event_id))
    verdicts: dict[tuple[str, str], Match] = {}
    for i, first in enumerate(dated):
        for second in dated[i + 1 :]:
            if (second.event_date - first.event_date).days > WINDOW_DAYS:  # type: ignore[operator]
                break
            if first.country and second.country and first.country != second.country:
                continue  # the place gate would refuse it; skipping keeps big batches cheap
            a, b = sorted((first, second), key=lambda e: e.event_id)
            if could_match(a, b):  # else match would block the pair: no verdict is the same answer
                verdicts[(a.event_id, b.event_id)] = match(a, b)
    return verdicts


def _mean_score(
    left: frozenset[str], right: frozenset[str], verdicts: dict[tuple[str, str], Match]
) -> float | None:
    """The mean score of all pairs across two clusters; None if a pair fails a gate or the mean is low."""
    scores = []
    for a, b in ((min(x, y), max(x, y)) for x in sorted(left) for y in sorted(right)):
        verdict = verdicts.get((a, b))
        if verdict is None or verdict.blocked:
            return None
        scores.append(verdict.score)
    mean = math.fsum(scores) / len(scores)
    return mean if mean >= SAME_SCORE else None
