"""Date cues in a sentence, resolved against the publication date, with ACLED time precision.

Precision 1 is a day, 2 a week or a few days, 3 a month or vaguer. A weekday means the most
recent such day on or before publication; wire copy updated the next day may name the day after
publication ("on Thursday" in a Wednesday story), so publication + 1 is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from sitmap.extract.lexicon import folded

MONTHS: Final[dict[str, int]] = {
    name: index
    for index, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ],
        start=1,
    )
    for name in names.split()
}
WEEKDAYS: Final[dict[str, int]] = {
    name: index
    for index, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_PATTERNS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (
        # before the day patterns: "since Jan. 12" is a period, not the day of the event
        "since",
        re.compile(
            rf"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<month_year>(?:19|20)\d\d))?|(?P<year>(?:19|20)\d\d)|the (?:start|beginning) of)",  # noqa: E501
            re.I,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
            re.I,
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    (
        "weekday",
        # "Palm Sunday", "Good Friday", "Bloody Sunday" name a feast or a past day, not this week's
        re.compile(
            r"\b(?<!palm )(?<!easter )(?<!good )(?<!holy )(?<!bloody )(?<!black )(?<!ash )"
            r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b",
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|last night|overnight|this morning|this afternoon|this evening|earlier today|the previous day|the day before|last week|last weekend|this week|earlier this week|last month|earlier this month|this month|on the same day|earlier|recently|in recent days|a day earlier)\b",  # noqa: E501
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            rf"\b(?:in\s+)?(?:the\s+)?(?P<part>early|late|mid|the end of|the start of|spring|summer|autumn|fall|winter)(?:\s+of)?[\s-]+(?:{_MONTH}\s+)?(?P<year>(?:19|20)\d\d)\b",  # noqa: E501
            re.I,
        ),
    ),
    ("last_year", re.compile(r"\b(?:late |early |the end of )?last year\b", re.I)),
    ("month_year", re.compile(rf"\bin\s+{_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    # "in 2019", "arrested between 2019 and 2024", "during 2023"
    ("year", re.compile(r"\b(?:in|between|from|during)\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    # a year that names an event ("a 2016 truck attack", "the 2021 coup", "its 2022 invasion")
    (
        "named_year",
        re.compile(
            rf"\b(?:a|an|the|its|their|this|that)\s+(?:{_MONTH}\s+)?(?P<year>(?:19|20)\d\d)(?![\d%-])(?=\s+[a-z])",
            re.I,
        ),
    ),
]
_RELATIVE: Final[dict[str, tuple[int, int]]] = {
    "yesterday": (-1, 1),
    "today": (0, 1),
    "tonight": (0, 1),
    "last night": (-1, 1),
    "overnight": (0, 2),  # the night before publication or the one after the day named before
    "this morning": (0, 1),
    "this afternoon": (0, 1),
    "this evening": (0, 1),
    "earlier today": (0, 1),
    "the previous day": (-1, 1),
    "the day before": (-1, 1),
    "a day earlier": (-1, 1),
    "on the same day": (0, 1),
    "last week": (-7, 2),
    "last weekend": (-2, 2),
    "this week": (0, 2),
    "earlier this week": (-2, 2),
    "in recent days": (-3, 2),
    "last month": (-30, 3),
    "earlier this month": (-10, 3),
    "this month": (0, 3),
    "earlier": (0, 2),
    "recently": (-7, 3),
}


@dataclass(frozen=True, slots=True)
class DateCue:
    """A date cue in a sentence: the resolved date, ACLED precision, span, and whether it is background.

    ``background`` marks cues that put a sentence in the past as context ("since December",
    "in late 2018", a date more than 60 days before publication); ``relative_to_previous`` marks
    "earlier" and "the previous day", which lean on the cue of the sentence before.
    """

    value: date
    precision: int
    start: int
    end: int
    text: str
    background: bool = False
    relative_to_previous: bool = False


POSSESSIVE: Final[tuple[str, ...]] = ("'s", "’s")
# Characters a possessive day may stand before the word it dates ("Saturday's deadly shelling").
POSSESSIVE_GAP: Final[int] = 16


def names_with_possessive(day: str, day_end: int, word_start: int) -> bool:
    """Whether the date cue ``day``, ending at ``day_end``, is a possessive that dates the word
    starting at ``word_start`` ("Saturday's shelling", "Friday's deadly assault"): the text refers
    to that one dated event, whatever it is about (a funeral, a visit, a condemnation)."""
    return day.endswith(POSSESSIVE) and 0 < word_start - day_end <= POSSESSIVE_GAP


def weekday_date(weekday: int, published: date) -> date:
    """The date a weekday names in a story published on ``published``."""
    delta = (weekday - published.weekday()) % 7
    if delta == 1:
        return published + timedelta(days=1)
    return published - timedelta(days=(7 - delta) % 7)


# What a text must hold for a kind of cue to be in it at all: most sentences hold no date, and a
# digit or substring test is far cheaper than running the pattern (the others are always run).
_NEEDS_DIGIT: Final[frozenset[str]] = frozenset({"dmy", "mdy", "iso", "period", "year", "named_year"})
_NEEDS_WORD: Final[dict[str, str]] = {
    "since": "since",
    "weekday": "day",
    "last_year": "last year",
    "month_year": "in",
}
_DIGIT: Final = re.compile(r"\d")


def find_dates(text: str, published: date) -> list[DateCue]:
    """Date cues in ``text`` resolved against the publication date, in text order."""
    return list(_find_dates(text, published))


@lru_cache(maxsize=256)
def _find_dates(text: str, published: date) -> tuple[DateCue, ...]:
    # a sentence is read for dates twice (its own date, then the past events it names): the
    # recent answers are kept
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []
    has_digit = _DIGIT.search(text) is not None
    lowered = folded(text)
    for kind, pattern in _PATTERNS:
        if kind in _NEEDS_DIGIT and not has_digit:
            continue
        if kind in _NEEDS_WORD and _NEEDS_WORD[kind] not in lowered:
            continue
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            cue = _resolve(kind, match, published)
            if cue is not None:
                cues.append(cue)
                taken.append((match.start(), match.end()))
    return tuple(sorted(cues, key=lambda cue: cue.start))


def _year_for(month: int, day: int, published: date) -> int:
    # a month and day without a year is the latest such date not far after publication
    candidate = date(published.year, month, min(day, 28) if month == 2 and day > 28 else day)
    return published.year - 1 if candidate > published + timedelta(days=2) else published.year


def _resolve(kind: str, match: re.Match[str], published: date) -> DateCue | None:
    text = match.group()
    groups = match.groupdict()
    try:
        if kind in {"dmy", "mdy", "iso"}:
            month_text = groups["month"]
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
            day = int(groups["day"])
            year = int(groups["year"]) if groups.get("year") else _year_for(month, day, published)
            value = date(year, month, day)
            return DateCue(value, 1, match.start(), match.end(), text, _is_old(value, published))
        if kind == "weekday":
            value = weekday_date(WEEKDAYS[groups["weekday"].lower()], published)
            return DateCue(value, 1, match.start(), match.end(), text)
        if kind == "relative":
            if _in_name(match):
                return None
            rel = groups["rel"].lower()
            days, precision = _RELATIVE[rel]
            return DateCue(
                published + timedelta(days=days),
                precision,
                match.start(),
                match.end(),
                text,
                relative_to_previous=rel
                in {"earlier", "the previous day", "the day before", "a day earlier", "on the same day"},
            )
        if kind == "since":
            if groups.get("month"):
                month = MONTHS[groups["month"].lower().rstrip(".")]
                since_year = published.year if month <= published.month else published.year - 1
                if groups.get("month_year"):
                    since_year = int(groups["month_year"])
                return DateCue(date(since_year, month, 1), 3, match.start(), match.end(), text, True)
            since_year = int(groups["year"]) if groups.get("year") else published.year
            return DateCue(date(since_year, 1, 1), 3, match.start(), match.end(), text, True)
        if kind == "period":
            year = int(groups["year"])
            named = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
            part = groups["part"].lower()
            month = named if named is not None else 0
            if named is None:
                month = {
                    "early": 2,
                    "mid": 6,
                    "late": 11,
                    "the end of": 12,
                    "the start of": 1,
                    "spring": 4,
                    "summer": 7,
                    "autumn": 10,
                    "fall": 10,
                    "winter": 1,
                }[part]
            value = date(year, month, 1)
            return DateCue(value, 3, match.start(), match.end(), text, _is_old(value, published, 40))
        if kind == "month_year":
            month = MONTHS[groups["month"].lower().rstrip(".")]
            year = int(groups["year"]) if groups.get("year") else _year_for(month, 1, published)
            value = date(year, month, 1)
            return DateCue(value, 3, match.start(), match.end(), text, _is_old(value, published, 40))
        if kind == "last_year":
            # "used the same weapons in Aleppo last year": the past, as context
            return DateCue(date(published.year - 1, 1, 1), 3, match.start(), match.end(), text, True)
        if kind == "named_year":
            # "the 2021 coup" names its year; "the July 2016 attack" its month too
            month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else 1
            value = date(int(groups["year"]), month, 1)
            if value.year > published.year:
                return None
            old = value.year < published.year or (
                groups.get("month") is not None and _is_old(value, published, 40)
            )
            return DateCue(value, 3, match.start(), match.end(), text, old)
        if kind == "year":
            value = date(int(groups["year"]), 1, 1)
            return DateCue(value, 3, match.start(), match.end(), text, value.year < published.year)
    except (KeyError, ValueError):
        return None
    return None


def _in_name(match: re.Match[str]) -> bool:
    """True when a capitalised relative word stands inside a name, not at a sentence's start
    ("L'Orient Today", "USA Today", the "Today" programme)."""
    before = match.string[: match.start()].rstrip()
    return match.group()[:1].isupper() and bool(before) and before[-1] not in ".!?\"'“”‘’:;("


def _is_old(value: date, published: date, days: int = 60) -> bool:
    return (published - value).days > days
