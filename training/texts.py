"""Training reports for the sub-event classifier, expanded from our own templates in texts/.

Each ``texts/<name>.txt`` holds one template per line for one label (FILE_LABELS); slots such as
``{town}``, ``{army}`` or ``{group}`` are filled from one country scene in ``texts/countries.yaml``
so a report never mixes countries. Expansion is seeded, so the same call gives the same texts.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

TEXTS_DIR = Path(__file__).resolve().parent / "texts"

FILE_LABELS = {
    "armed_clash": "Armed clash",
    "gov_regains": "Government regains territory",
    "nsa_overtakes": "Non-state actor overtakes territory",
    "chemical": "Chemical weapon",
    "air_strike": "Air/drone strike",
    "suicide": "Suicide bomb",
    "shelling": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "sexual": "Sexual violence",
    "attack": "Attack",
    "abduction": "Abduction/forced disappearance",
    "peaceful_protest": "Peaceful protest",
    "protest_intervention": "Protest with intervention",
    "excessive_force": "Excessive force against protesters",
    "violent_demo": "Violent demonstration",
    "mob": "Mob violence",
    "agreement": "Agreement",
    "arrests": "Arrests",
    "change_group": "Change to group/activity",
    "disrupted": "Disrupted weapons use",
    "hq": "Headquarters or base established",
    "looting": "Looting/property destruction",
    "nonviolent_transfer": "Non-violent transfer of territory",
    "other": "Other",
    "none": "NONE",
}
PER_LABEL = 240
PER_LABEL_EXCEPTIONS = {"NONE": 1200, "Other": 80}

NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"]
DAYS = [
    "on Monday",
    "on Tuesday night",
    "late on Wednesday",
    "early on Thursday",
    "on Friday morning",
    "on Saturday",
    "on Sunday evening",
    "overnight",
    "yesterday",
    "earlier this week",
    "last week",
    "on 14 March",
    "on August 3",
    "at dawn",
    "this morning",
    "",
    "",
    "",
]
SAID = [
    "",
    "",
    "",
    ", officials said",
    ", a military spokesman said",
    ", residents told AFP",
    ", according to local media",
    ", police said",
    ", the UN said in a statement",
    ", a local official told Reuters",
    ", witnesses said",
    ", a war monitor reported",
    ", the ministry said in a statement",
    ", security sources said",
    ", a hospital source said",
    ", according to a rights group",
    ", state media reported",
]
CIVILIANS = [
    "civilians",
    "villagers",
    "farmers",
    "worshippers",
    "residents",
    "traders",
    "displaced people",
    "women and children",
    "miners",
    "herders",
    "passengers",
    "fishermen",
    "students",
]
PROTESTERS = [
    "students",
    "teachers",
    "opposition supporters",
    "farmers",
    "health workers",
    "residents",
    "lawyers",
    "unemployed graduates",
    "women's rights activists",
    "traders",
    "workers",
    "supporters of the jailed leader",
    "families of missing people",
    "youths",
    "pensioners",
]
DEMANDS = [
    "early elections",
    "the release of detained activists",
    "better pay",
    "an end to corruption",
    "the resignation of the governor",
    "justice for the victims",
    "reliable electricity",
    "the return of their land",
    "more security",
    "lower fuel prices",
]
GRIEVANCES = [
    "rising fuel prices",
    "the arrest of an opposition leader",
    "police brutality",
    "the killing of a student",
    "a disputed election result",
    "power cuts",
    "a new tax law",
    "the government's handling of the crisis",
    "land grabs",
    "insecurity in the region",
]
DISTRACTORS = [
    "The area has seen repeated violence in recent years.",
    "{country} has been in turmoil for more than a decade.",
    "More details were not immediately available.",
    "The report could not be independently verified.",
    "The incident comes days before a planned visit by the UN envoy.",
    "Local media published images from the scene.",
    "{town} lies about {big} km from {capital}.",
    "The government has promised to restore order in {region}.",
    "It was the latest incident in a region where tensions have been high.",
    "Officials did not respond to requests for comment.",
    "Aid groups have repeatedly called for better protection of civilians.",
    "Phone lines in the area were cut, making verification difficult.",
]
WIRE_TAGS = ["Reuters", "AFP", "AP", "Xinhua", "Anadolu"]
PREFIXES = [
    "In a statement, the ministry of defence said that ",
    "A local official said that ",
    "According to witnesses, ",
    "Human Rights Watch said ",
    "The government said ",
    "Local sources reported that ",
    "Residents said ",
    "A spokesman confirmed that ",
]
PROPER_STARTS = {
    "Russian",
    "Turkish",
    "US",
    "Iran-backed",
    "Israeli",
    "Coalition",
    "OPCW",
    "UN",
    "European",
    "Grad",
    "World",
    "Doctors",
    "Foreign",
    "Tribal",
    "Human",
    "Football",
}
SLOT = re.compile(r"\{(\w+)\}")


def load_templates(directory: Path = TEXTS_DIR) -> dict[str, list[str]]:
    """Templates per label, read from ``directory/<name>.txt``."""
    templates: dict[str, list[str]] = {}
    for name, label in FILE_LABELS.items():
        lines = (directory / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        templates[label] = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return templates


def _number(rng: random.Random, low: int, high: int) -> str:
    """A count as digits or, for small counts, sometimes as words."""
    value = rng.randint(low, high)
    if value <= 11 and rng.random() < 0.4:
        return NUMBER_WORDS[min(value - 2, len(NUMBER_WORDS) - 1)] if value >= 2 else "one"
    return str(value)


def _scene(rng: random.Random, countries: dict[str, dict[str, object]]) -> dict[str, str]:
    """Slot values drawn from one country."""
    country = rng.choice(sorted(countries))
    data = countries[country]

    def pick(key: str) -> list[str]:
        value = data[key]
        assert isinstance(value, list)
        return [str(v) for v in value]

    towns, groups = pick("towns"), pick("groups")
    town, town2 = rng.sample(towns, 2)
    group, group2 = rng.sample(groups, 2)
    return {
        "country": country,
        "town": town,
        "town2": town2,
        "region": rng.choice(pick("regions")),
        "capital": str(data["capital"]),
        "army": rng.choice(pick("army")),
        "police": rng.choice(pick("police")),
        "group": group,
        "group2": group2,
        "n": _number(rng, 2, 15),
        "n2": _number(rng, 2, 20),
        "big": str(rng.randint(20, 900)),
        "day": rng.choice(DAYS),
        "said": rng.choice(SAID),
        "civ": rng.choice(CIVILIANS),
        "protesters": rng.choice(PROTESTERS),
        "demand": rng.choice(DEMANDS),
        "grievance": rng.choice(GRIEVANCES),
    }


def _fill(template: str, scene: dict[str, str]) -> str:
    """The template with its slots filled and spacing tidied."""
    text = SLOT.sub(lambda m: scene[m.group(1)], template)
    text = re.sub(r"\b(fighters|militants|rebels|militiamen) (fighters|militants)\b", r"\1", text)
    return re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _sentence_start(text: str) -> str:
    """``text`` capitalised as the start of a sentence."""
    return text[:1].upper() + text[1:]


def _inner(text: str) -> str:
    """``text`` as it reads after a prefix such as "Residents said ": common first words lowered."""
    first = text.split(" ", 1)[0]
    proper = first in PROPER_STARTS or (first.isupper() and len(first) > 1)  # "UN", not "A"
    return text if proper else text[:1].lower() + text[1:]


def _styled(rng: random.Random, body: str, extra: str, scene: dict[str, str]) -> str:
    """One report in a random outlet style: wire dateline, attributed, headline or plain."""
    style = rng.random()
    if style < 0.2:
        dateline = f"{scene['town'].upper()}, {scene['country']} ({rng.choice(WIRE_TAGS)})"
        text = f"{dateline} - {_sentence_start(body)}"
    elif style < 0.35:
        text = rng.choice(PREFIXES) + _inner(body)
    elif style < 0.45:
        text = _sentence_start(body).rstrip(".")
    else:
        text = _sentence_start(body)
    if extra:
        text = f"{text} {_sentence_start(extra)}"
    roll = rng.random()
    if roll < 0.35:
        text = f"{text} {_fill(rng.choice(DISTRACTORS), scene)}"
    elif roll < 0.45:
        text = f"{_fill(rng.choice(DISTRACTORS), scene)} {text}"
    if rng.random() < 0.05:
        text = text.split(" ", 3)[-1]
    return text


def expand(seed: int = 13, directory: Path = TEXTS_DIR) -> list[tuple[str, str]]:
    """(text, label) training reports, PER_LABEL per label (PER_LABEL_EXCEPTIONS aside)."""
    rng = random.Random(seed)
    countries = yaml.safe_load((directory / "countries.yaml").read_text(encoding="utf-8"))
    rows: list[tuple[str, str]] = []
    for label, templates in load_templates(directory).items():
        for i in range(PER_LABEL_EXCEPTIONS.get(label, PER_LABEL)):
            scene = _scene(rng, countries)
            body = _fill(templates[i % len(templates)], scene)
            extra = ""
            if label != "NONE" and rng.random() < 0.25:
                extra = _fill(rng.choice(templates), {**scene, "day": "", "said": ""})
            rows.append((_styled(rng, body, extra, scene), label))
    return rows
