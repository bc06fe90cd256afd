"""Pairwise merge precision and recall on our own set of differently worded reports.

    python benchmarks/merge.py                 # hand-coded events through sitmap.merge (fast)
    python benchmarks/merge.py --mode pipeline # the articles through sitmap.pipeline.process
    python benchmarks/merge.py --mode both
    python benchmarks/merge.py --mode pipeline --explain  # why each wrong or missed pair went so

``merge_set/articles.jsonl`` holds short articles written for this benchmark, each with the gold
cluster of the real-world event it reports; ``merge_set/coded.jsonl`` holds what an ideal
extractor would code from each article. Two articles count as merged when one output event lists
both as sources; the pairs are scored against the gold clusters.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from sitmap.merge import match, merge_events
from sitmap.model import Claim, Document, Event, Evidence, Source, Territory

SET = Path(__file__).parent / "merge_set"
TARGET_PRECISION, TARGET_RECALL = 0.95, 0.90


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file, in order."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def coded_event(article: dict[str, Any], coding: dict[str, Any]) -> Event:
    """The event an ideal extractor would code from ``article``, built from its hand coding."""
    doc_id = article["id"]
    claims = tuple(
        Claim(c["claimed_by"], "killed", c["value"], Evidence(doc_id, 0, 0, 0, "fatalities", c["victims"]))
        for c in coding["killed"]
    )
    territory = Territory(**coding["territory"]) if coding["territory"] else None
    return Event(
        event_id=f"ev-{doc_id}",
        event_date=date.fromisoformat(coding["event_date"]),
        time_precision=coding["time_precision"],
        disorder_type="Political violence",
        event_type=coding["event_type"],
        sub_event_type=coding["sub_event_type"],
        actor1=coding["actor1"],
        inter1=coding["inter1"],
        actor2=coding["actor2"],
        inter2=coding["inter2"],
        country=coding["country"],
        admin1=coding["admin1"],
        location=coding["location"],
        latitude=coding["latitude"],
        longitude=coding["longitude"],
        geonameid=coding["geonameid"],
        geo_precision=coding["geo_precision"],
        fatalities=min((c.value for c in claims), default=0),
        claims=claims,
        territory=territory,
        sources=(Source(doc_id, article["source"], None, date.fromisoformat(article["published"])),),
        evidence=(Evidence(doc_id, 0, 0, len(article["text"]), "event", article["text"]),),
        confidence=0.6,
    )


def merged_pairs(events: Iterable[Event]) -> set[tuple[str, str]]:
    """Pairs of documents that one merged event lists together as sources."""
    pairs: set[tuple[str, str]] = set()
    for event in events:
        pairs.update(combinations(sorted({source.doc_id for source in event.sources}), 2))
    return pairs


def score(
    articles: list[dict[str, Any]],
    events: list[Event],
    label: str,
    reports: list[Event] | None = None,
) -> tuple[float, float]:
    """Print and return pairwise precision and recall, with the wrong and missed pairs.

    With ``reports`` (the events before merging), each wrong or missed pair is explained: what was
    coded from each of its two articles and the verdict of ``match`` on each pair of their events.
    """
    cluster = {article["id"]: article["cluster"] for article in articles}
    gold = {pair for pair in combinations(sorted(cluster), 2) if cluster[pair[0]] == cluster[pair[1]]}
    predicted = {pair for pair in merged_pairs(events) if pair[0] in cluster and pair[1] in cluster}
    right = predicted & gold
    precision = len(right) / len(predicted) if predicted else 1.0
    recall = len(right) / len(gold) if gold else 1.0
    print(
        f"[{label}] {len(articles)} articles, {len(set(cluster.values()))} clusters, {len(events)} events out"
    )
    print(f"[{label}] pairs: gold {len(gold)}, merged {len(predicted)}, right {len(right)}")
    for pair in sorted(predicted - gold):
        print(f"[{label}]   wrongly merged: {pair[0]} + {pair[1]}")
        if reports is not None:
            explain(pair, reports)
    for pair in sorted(gold - predicted):
        print(f"[{label}]   missed:         {pair[0]} + {pair[1]}")
        if reports is not None:
            explain(pair, reports)
    verdict = "ok" if precision >= TARGET_PRECISION and recall >= TARGET_RECALL else "BELOW TARGET"
    print(
        f"[{label}] pairwise precision {precision:.3f} (target {TARGET_PRECISION}), "
        f"recall {recall:.3f} (target {TARGET_RECALL}): {verdict}"
    )
    return precision, recall


def describe(event: Event) -> str:
    """One line with the fields that the merge tests compare."""
    place = "/".join(part for part in (event.country, event.admin1, event.location) if part) or "no place"
    actors = " vs ".join(name for name in (event.actor1, event.actor2) if name) or "no actor"
    territory = " (change of control)" if event.territory is not None else ""
    return (
        f"{event.event_date} p{event.time_precision} | {event.sub_event_type}{territory} | {actors} | "
        f"{place} (geonameid {event.geonameid}, p{event.geo_precision}) | {event.fatalities} killed"
    )


def explain(pair: tuple[str, str], reports: list[Event]) -> None:
    """What each article of ``pair`` was coded as, and why ``match`` joins or parts each two events."""
    coded = {doc_id: [e for e in reports if doc_id in {s.doc_id for s in e.sources}] for doc_id in pair}
    for doc_id, events in coded.items():
        if not events:
            print(f"        {doc_id}: no event coded")
        for event in events:
            print(f"        {doc_id}: {describe(event)}")
    for first in coded[pair[0]]:
        for second in coded[pair[1]]:
            print("        " + "\n          ".join(match(first, second).reasons))


def run_coded(articles: list[dict[str, Any]], explain_pairs: bool = False) -> tuple[float, float]:
    """Score ``merge_events`` on hand-coded events, and check that input order changes nothing."""
    codings = {coding["id"]: coding for coding in read_jsonl(SET / "coded.jsonl")}
    events = [coded_event(article, codings[article["id"]]) for article in articles]
    started = time.perf_counter()
    merged = merge_events(events)
    elapsed = time.perf_counter() - started
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    same = merge_events(shuffled) == merged
    print(f"[coded] merge_events took {elapsed * 1000:.0f} ms; shuffled input gives the same events: {same}")
    return score(articles, merged, "coded", events if explain_pairs else None)


def run_pipeline(articles: list[dict[str, Any]], explain_pairs: bool = False) -> tuple[float, float] | None:
    """Score the whole pipeline on the articles' text; None when the pipeline cannot be imported yet."""
    try:
        from sitmap.pipeline import load_resources, process
    except ImportError as error:
        print(f"[pipeline] skipped: the pipeline cannot be imported yet ({error})")
        return None

    documents = [
        Document(a["id"], a["text"], published=date.fromisoformat(a["published"]), source=a["source"])
        for a in articles
    ]
    try:
        resources = load_resources()
    except FileNotFoundError as error:
        print(f"[pipeline] running without the sub-event classifier: {error}")
        resources = load_resources(classifier=False)
    started = time.perf_counter()
    result = process(documents, resources, merge_reports=False)
    merged = merge_events(result.events)  # what process() does by default, kept apart to explain it
    print(f"[pipeline] processed in {time.perf_counter() - started:.1f} s, {len(result.failures)} failures")
    return score(articles, merged, "pipeline", result.events if explain_pairs else None)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen modes; exit 1 when a mode misses a target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["coded", "pipeline", "both"], default="coded")
    parser.add_argument(
        "--explain", action="store_true", help="print the coded events and match reasons of each miss"
    )
    args = parser.parse_args(argv)
    articles = read_jsonl(SET / "articles.jsonl")
    results: list[tuple[float, float] | None] = []
    if args.mode in ("coded", "both"):
        results.append(run_coded(articles, args.explain))
    if args.mode in ("pipeline", "both"):
        results.append(run_pipeline(articles, args.explain))
    scored = [result for result in results if result is not None]
    if not scored:
        return 2
    return 0 if all(p >= TARGET_PRECISION and r >= TARGET_RECALL for p, r in scored) else 1


if __name__ == "__main__":
    sys.exit(main())
