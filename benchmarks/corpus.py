# ruff: noqa: E501 - the templates are sentences, kept one to a line so they can be read and edited
"""A generated corpus of wire-style conflict articles (~320 words each) for throughput benchmarks.

Every sentence comes from our own templates below, filled with places, actors and figures drawn
by a seeded random generator, so the same seed gives the same corpus. Each article has a
dated lead event, attributed figures, a second incident, and background paragraphs that hold no
event, in the proportions of real wire copy.

    python benchmarks/corpus.py --articles 2000 > corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta

# (town, province, country) triples: real places the shipped gazetteer knows.
PLACES = [
    ("Sarmin", "Idlib", "Syria"), ("Ariha", "Idlib", "Syria"), ("Maarat al-Numan", "Idlib", "Syria"),
    ("Kafr Nabl", "Idlib", "Syria"), ("Atarib", "Aleppo", "Syria"), ("Nikopol", "Dnipropetrovsk", "Ukraine"),
    ("Kherson", "Kherson", "Ukraine"), ("Avdiivka", "Donetsk", "Ukraine"), ("Kupiansk", "Kharkiv", "Ukraine"),
    ("Monguno", "Borno", "Nigeria"), ("Maiduguri", "Borno", "Nigeria"), ("Gwoza", "Borno", "Nigeria"),
    ("El Fasher", "North Darfur", "Sudan"), ("Omdurman", "Khartoum", "Sudan"), ("Nyala", "South Darfur", "Sudan"),
    ("Djibo", "Sahel", "Burkina Faso"), ("Menaka", "Menaka", "Mali"), ("Gao", "Gao", "Mali"),
    ("Goma", "North Kivu", "DR Congo"), ("Beni", "North Kivu", "DR Congo"), ("Bunia", "Ituri", "DR Congo"),
    ("Marib", "Marib", "Yemen"), ("Taiz", "Taiz", "Yemen"), ("Hodeidah", "Hodeidah", "Yemen"),
]  # fmt: skip
STATE = {
    "Syria": "Syrian government forces", "Ukraine": "Russian forces", "Nigeria": "the Nigerian army",
    "Sudan": "the Sudanese army", "Burkina Faso": "the army", "Mali": "Malian soldiers",
    "DR Congo": "the Congolese army", "Yemen": "Saudi-led coalition aircraft",
}  # fmt: skip
REBELS = {
    "Syria": "opposition fighters", "Ukraine": "Ukrainian troops", "Nigeria": "Boko Haram militants",
    "Sudan": "the Rapid Support Forces", "Burkina Faso": "jihadist militants", "Mali": "armed men on motorbikes",
    "DR Congo": "M23 rebels", "Yemen": "Houthi fighters",
}  # fmt: skip
SOURCES = ["a local health official", "the civil defence", "a spokesman for the regional governor",
           "a monitoring group", "residents reached by telephone", "the defence ministry"]  # fmt: skip
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "15", "21"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

LEADS = [
    "{state} shelled {town} in {province} province on {day}, killing {n} civilians and wounding {m} others, "
    "{source} said.",
    "{rebels} attacked an army position near {town} on {day}, and at least {n} soldiers were killed in the "
    "fighting, according to {source}.",
    "An air strike hit a market in {town} on {day}, killing {n} people, among them {k} children, {source} said.",
    "{rebels} said on {day} they had taken control of {town} after two days of clashes with {state}.",
    "A roadside bomb struck a bus on the road out of {town} on {day}, killing {n} passengers, {source} said.",
    "Hundreds of people marched through {town} on {day} to protest against rising prices and the conduct of "
    "{state}, and police fired tear gas to disperse them.",
]
DETAILS = [
    "The attack began in the early morning, when most families were still at home, and lasted for about an hour.",
    "Rescue teams pulled {k} survivors from the rubble of a collapsed building and took them to a hospital in "
    "{province}.",
    "Witnesses said the shells fell on a residential street near the central mosque and a school.",
    "{source_cap} said the toll could rise because several of the wounded were in a critical condition.",
    "A statement from {state} said the operation had targeted fighters and weapons depots, and denied hitting "
    "civilians.",
    "Photographs shared by residents showed burnt-out cars and damaged shop fronts along the main road.",
]
SECONDS = [
    "Separately, {n2} fighters were reported killed in clashes near {town2} on {day2}.",
    "In a separate incident on {day2}, a drone struck a vehicle outside {town2}, wounding {m2} people.",
    "Later the same day, {rebels} said they had shot down a drone over {town2}.",
]
BACKGROUND = [
    "The region has seen repeated fighting since a ceasefire brokered last year collapsed in the spring.",
    "Aid agencies say more than a million people have been displaced across the country since the war began.",
    "Talks between the warring parties, hosted by neighbouring states, have stalled for months.",
    "The United Nations has repeatedly called on all sides to protect civilians and allow aid convoys through.",
    "Prices of bread and fuel have more than doubled in the past year, and many families depend on food aid.",
    "Independent journalists have limited access to the area, and casualty figures are hard to verify.",
    "Local officials said schools in the district would remain closed until further notice.",
    "Humanitarian groups warned that hospitals in the province were running short of medicine and fuel.",
    "The government has promised to rebuild damaged homes, but residents say little help has arrived so far.",
    "Analysts say control of the area matters because it sits on the main supply road to the provincial capital.",
    "Electricity has been cut in much of the district for weeks, and water is brought in by truck.",
    "Several foreign governments have urged their citizens to leave the country while commercial flights are still running.",
    "Farmers say they have been unable to reach their fields this season because of the fighting and the mines left behind.",
    "A court in the capital is due to hear a case next month over the killing of two aid workers last year.",
]
QUOTES = [
    '"We heard a whistle and then the whole street shook," said a shopkeeper who asked not to be named for fear of reprisals.',
    '"There was no warning at all, and the children were playing outside," a mother of four told reporters at the hospital.',
    '"We are doing what we can, but we have no more beds," a doctor at the main hospital in {province} said.',
]
SECTIONS = ["World", "Middle East", "Africa", "Europe"]


def generate(count: int, seed: int = 8) -> Iterator[dict[str, str]]:
    """``count`` articles as JSON-lines records: id, title, text, published, source, section."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    for number in range(count):
        town, province, country = rng.choice(PLACES)
        town2, _, _ = rng.choice([p for p in PLACES if p[2] == country and p[0] != town] or PLACES)
        published = start + timedelta(days=rng.randrange(600))
        values = {
            "town": town, "province": province, "town2": town2, "state": STATE[country], "rebels": REBELS[country],
            "n": rng.choice(NUMBERS), "m": rng.choice(NUMBERS), "k": rng.choice(NUMBERS[:4]),
            "n2": rng.choice(NUMBERS), "m2": rng.choice(NUMBERS), "source": rng.choice(SOURCES),
            "day": WEEKDAYS[(published.weekday() - 1) % 7], "day2": WEEKDAYS[(published.weekday() - 2) % 7],
        }  # fmt: skip
        values["source_cap"] = values["source"][0].upper() + values["source"][1:]
        lead = _capitalise(rng.choice(LEADS).format(**values))
        paragraphs = [lead, " ".join(_capitalise(s.format(**values)) for s in rng.sample(DETAILS, 3))]
        paragraphs.append(rng.choice(QUOTES).format(**values))
        paragraphs.append(_capitalise(rng.choice(SECONDS).format(**values)))
        background = rng.sample(BACKGROUND, len(BACKGROUND))
        while _words(paragraphs) < 300 and background:
            paragraphs.append(" ".join(background.pop() for _ in range(min(2, len(background)))))
        yield {
            "id": f"generated-{seed}-{number:05d}",
            "title": f"{town}: {lead.split(',')[0][:80]}",
            "text": "\n\n".join(paragraphs),
            "published": published.isoformat(),
            "source": "Generated Wire",
            "section": rng.choice(SECTIONS),
        }


def _capitalise(text: str) -> str:
    return text[0].upper() + text[1:]


def _words(paragraphs: list[str]) -> int:
    return sum(len(paragraph.split()) for paragraph in paragraphs)


def main() -> None:
    """Write the generated corpus as JSON lines to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    for record in generate(args.articles, args.seed):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
