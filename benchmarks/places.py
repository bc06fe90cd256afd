"""Where events are placed in real Syrian war articles (FA-KES dev): governorate misses, explained.

Reads ``../shared/data/fakes-dev/articles.csv`` at run time (skipped when absent), codes each
article as ``sitmap extract`` does (one document at a time, no cross-document merge), takes the
event with the most fatalities the way ``../shared/check/fakes.py`` does and compares its
governorate with the gold. For every miss it prints the gold governorate, the chosen event's
location and admin-1, the sentence it came from and the article's Syrian toponyms.

Usage: .venv/bin/python benchmarks/places.py [--show N] [--ids ID,ID] [--all]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import sys
import time
from collections import Counter
from pathlib import Path

from sitmap.model import Document, Event, Toponym

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes-dev" / "articles.csv"
# The scorer's spellings of the governorates (../shared/check/fakes.py), folded to the gold's.
GOVERNORATES = {
    "aleppo": "aleppo",
    "halab": "aleppo",
    "damascus": "damascus",
    "dimashq": "damascus",
    "rif dimashq": "damascus",
    "rural damascus": "damascus",
    "idlib": "idlib",
    "idleb": "idlib",
    "deir ez-zor": "deir ezzor",
    "deir ezzor": "deir ezzor",
    "dayr az zawr": "deir ezzor",
    "deir-ez-zor": "deir ezzor",
    "raqqa": "raqqa",
    "ar raqqah": "raqqa",
    "ar-raqqa": "raqqa",
    "homs": "homs",
    "hims": "homs",
    "hasakeh": "hasakeh",
    "al hasakah": "hasakeh",
    "al-hasakeh": "hasakeh",
    "hasakah": "hasakeh",
    "hama": "hama",
    "hamah": "hama",
    "daraa": "daraa",
    "dar'a": "daraa",
    "dara": "daraa",
    "lattakia": "lattakia",
    "latakia": "lattakia",
    "al ladhiqiyah": "lattakia",
    "quneitra": "quneitra",
    "al qunaytirah": "quneitra",
    "tartous": "tartous",
    "tartus": "tartous",
}


def governorate(event: Event | None) -> str | None:
    """The scorer's governorate of an event: from admin1, then admin2, then location."""
    if event is None:
        return None
    for value in (event.admin1, event.admin2, event.location):
        folded = (value or "").lower().replace("governorate", "").strip()
        if folded in GOVERNORATES:
            return GOVERNORATES[folded]
    return None


def top_event(events: list[Event]) -> Event | None:
    """The event the scorer reads: most fatalities, then highest confidence."""
    return max(events, key=lambda event: (event.fatalities, event.confidence), default=None)


def fakes_documents() -> list[tuple[Document, dict[str, str]]]:
    """Each FA-KES dev article as a Document (title, text, published on its incident date) with its row."""
    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    documents = []
    for row in rows:
        month, day, year = (int(part) for part in row["date"].split("/"))
        documents.append(
            (
                Document(
                    id=row["unit_id"],
                    text=row["article_content"],
                    title=row["article_title"],
                    published=datetime.date(2000 + year, month, day),
                    source=row["source"],
                ),
                row,
            )
        )
    return documents


def _describe(document: Document, event: Event | None, toponyms: list[Toponym]) -> str:
    lines = []
    if event is not None:
        location = next((e for e in event.evidence if e.field == "location"), None)
        trigger = next((e for e in event.evidence if e.field == "sub_event_type"), None)
        lines.append(
            f"  event: {event.sub_event_type} f={event.fatalities} loc={event.location!r} "
            f"admin1={event.admin1!r} admin2={event.admin2!r} prec={event.geo_precision} "
            f"loc_evidence={location.text if location else None!r}"
        )
        if trigger is not None:
            sentence_start = document.text.rfind("\n", 0, trigger.start) + 1
            lines.append(
                f"  trigger sentence #{trigger.sentence}: "
                f"{document.text[max(sentence_start, trigger.start - 200) : trigger.end + 200]!r}"
            )
    else:
        lines.append("  no event")
    names = Counter(
        f"{t.text}->{t.place.name if t.place else None}/{t.place.admin1 if t.place else ''}"
        f"/{t.place.country_code if t.place else ''}[{t.kind[0]}]"
        for t in toponyms
    )
    lines.append(
        "  toponyms: "
        + ", ".join(f"{name}x{count}" if count > 1 else name for name, count in names.most_common(25))
    )
    return "\n".join(lines)


def main() -> int:
    """Score governorates and print the misses."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=200, help="misses to print")
    parser.add_argument("--ids", default="", help="only these unit ids (comma separated)")
    parser.add_argument("--all", action="store_true", help="print hits too")
    parser.add_argument(
        "--dump", default="", help="write id, gold, found, fatalities and gold deaths per article (TSV)"
    )
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    from sitmap import extract, geo, nlp
    from sitmap.extract.subevents import SubeventClassifier

    gazetteer = geo.load_gazetteer()
    language = nlp.load_language()
    classifier = SubeventClassifier.load()
    documents = fakes_documents()
    if args.ids:
        wanted = set(args.ids.split(","))
        documents = [(document, row) for document, row in documents if document.id in wanted]
    right = shown = exact = 0
    misses: Counter[tuple[str, str | None]] = Counter()
    started = time.time()
    dump = []
    for document, row in documents:
        sentences = nlp.split_sentences(document.text)
        toponyms = geo.locate(document, sentences, gazetteer)
        events, _ = extract.find_events(document, sentences, toponyms, language, classifier)
        event = top_event(events)
        found = governorate(event)
        gold_deaths = int(row["nb_civilians"] or 0) + int(row["nb_noncivilians"] or 0)
        exact += sum(e.fatalities for e in events) == gold_deaths
        ok = found == row["location"]
        dump.append(
            f"{document.id}\t{row['location']}\t{found}\t{sum(e.fatalities for e in events)}\t{gold_deaths}\n"
        )
        right += ok
        if not ok:
            misses[(row["location"], found)] += 1
        if (not ok or args.all) and shown < args.show:
            shown += 1
            print(
                f"{'HIT' if ok else 'MISS'} {document.id} gold={row['location']} found={found} "
                f"title={document.title!r}"
            )
            print(_describe(document, event, toponyms))
    count = len(documents)
    if args.dump:
        Path(args.dump).write_text("".join(dump), encoding="utf-8")
    print(
        f"governorate {right / max(count, 1):.3f} ({right}/{count}), fatalities exact "
        f"{exact / max(count, 1):.3f}, {count / (time.time() - started):.1f} articles/s"
    )
    print("misses (gold, found):", ", ".join(f"{g}->{f}:{n}" for (g, f), n in misses.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
