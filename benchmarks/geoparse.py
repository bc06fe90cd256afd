"""Geoparsing benchmark on GeoWebNews and LGL (../shared/data/geoparse-dev), scored as the acceptance check.

A gold toponym with coordinates is found when a predicted toponym with coordinates overlaps its
span; found ones are right within 161 km. Also prints exact GeoNames id rate, median error,
recognition precision (predictions overlapping any gold toponym), throughput, gazetteer build
and load time and memory.

Usage: .venv/bin/python benchmarks/geoparse.py [geowebnews|lgl ...] [--gazetteer PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import math
import resource
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from sitmap.geo import load_gazetteer, locate
from sitmap.geo.gazetteer import default_path
from sitmap.heap import settle_heap
from sitmap.model import Document, Toponym
from sitmap.nlp import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparse-dev"
Gold = tuple[int, int, float, float, str | None]


def load_corpus(name: str) -> list[tuple[str, str, list[Gold], list[tuple[int, int]]]]:
    """(doc id, text, gold toponyms with coordinates, all gold spans) for each article."""
    root = ET.parse(DATA / f"{name}.xml").getroot()
    articles = []
    for index, article in enumerate(root.findall(".//article")):
        gold: list[Gold] = []
        spans = []
        for toponym in article.findall(".//toponym"):
            start, end = int(toponym.findtext("start") or 0), int(toponym.findtext("end") or 0)
            spans.append((start, end))
            if name == "lgl":
                tag = toponym.find("gaztag")
                if tag is not None and tag.find("lat") is not None:
                    gold.append(
                        (
                            start,
                            end,
                            float(tag.findtext("lat") or 0),
                            float(tag.findtext("lon") or 0),
                            tag.get("geonameid"),
                        )
                    )
            elif toponym.findtext("latitude"):
                latitude, longitude = toponym.findtext("latitude") or 0, toponym.findtext("longitude") or 0
                gold.append(
                    (start, end, float(latitude), float(longitude), toponym.findtext("geonamesID") or None)
                )
        doc_id = article.get("docid") or article.get("file") or f"{name}-{index}"
        articles.append((doc_id, article.findtext("text") or "", gold, spans))
    return articles


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    h = (
        math.sin((b_lat - a_lat) * p / 2) ** 2
        + math.cos(a_lat * p) * math.cos(b_lat * p) * math.sin((b_lon - a_lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def score(name: str, gazetteer_path: Path | None, show_errors: int) -> None:
    """Print the scores of one corpus."""
    articles = load_corpus(name)
    gazetteer = load_gazetteer(gazetteer_path)
    settle_heap()  # as `sitmap geoparse` does once the gazetteer is loaded
    started, cpu_started = time.perf_counter(), time.process_time()
    predictions: list[list[Toponym]] = []
    for doc_id, text, _, _ in articles:
        predictions.append(locate(Document(id=doc_id, text=text), split_sentences(text), gazetteer))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    n = hit = within = exact = 0
    errors: list[float] = []
    wrong: list[str] = []
    predicted = overlapping = 0
    for (_, text, gold, spans), toponyms in zip(articles, predictions, strict=True):
        located = [t for t in toponyms if t.place is not None]
        predicted += len(located)
        overlapping += sum(any(t.start < e and t.end > s for s, e in spans) for t in located)
        for start, end, lat, lon, geonameid in gold:
            n += 1
            match = next((t for t in located if t.start < end and t.end > start), None)
            if match is None or match.place is None:
                continue
            hit += 1
            distance = km(lat, lon, match.place.latitude, match.place.longitude)
            errors.append(distance)
            within += distance <= 161
            exact += geonameid is not None and str(match.place.geonameid) == str(geonameid)
            if distance > 161:
                wrong.append(
                    f"{text[start:end]!r} -> {match.place.name} ({match.place.country_code} "
                    f"{match.place.admin1} {match.place.feature_code}) {distance:.0f} km"
                )
    median = statistics.median(errors) if errors else float("nan")
    print(
        f"{name}: recall {hit / max(n, 1):.3f}, within-161km of found {within / max(hit, 1):.3f}, "
        f"within-161km of all {within / max(n, 1):.3f}, exact id {exact / max(hit, 1):.3f}, "
        f"median km {median:.1f}, precision {overlapping / max(predicted, 1):.3f}, n={n}, "
        f"docs/s {len(articles) / elapsed:.0f} (per CPU second {len(articles) / cpu:.0f})"
    )
    for line in wrong[:show_errors]:
        print("  ", line)


def main() -> int:
    """Score the requested corpora; skip when the shared data is absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=["geowebnews", "lgl"])
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    path = args.gazetteer or default_path()
    started = time.perf_counter()
    built = not path.exists()
    load_gazetteer(path)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    load_gazetteer(path)
    loaded = time.perf_counter() - started
    print(f"gazetteer {path}: {'build' if built else 'open'} {setup:.1f} s, load {loaded:.2f} s")
    for name in args.corpora:
        score(name, path, args.errors)
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
