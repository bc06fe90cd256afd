"""Numbers as news writes them: digits, number words, vague words, and their qualifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_UNITS: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "half a dozen": 6,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a couple of": 2,
    "a pair of": 2,
    "single": 1,
    "lone": 1,
    "both": 2,
}
_SCALES: Final[dict[str, int]] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague amounts as ACLED codes them when nothing more precise is reported: "several" and "a few"
# are coded as 3 (the codebook's "coded as three"), "dozens" as 12, "hundreds" as 100.
VAGUE: Final[dict[str, int]] = {
    "several": 3,
    "a few": 3,
    "few": 3,
    "some": 3,
    "a number of": 3,
    "many": 10,
    "scores of": 20,
    "dozens of": 12,
    "dozens": 12,
    "tens of": 12,
    "hundreds of": 100,
    "hundreds": 100,
    "thousands of": 1000,
    "thousands": 1000,
}

_WORD = "|".join(sorted((re.escape(w) for w in [*_UNITS, *_SCALES]), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s*(?:million|thousand))?"
_ONE_NUMBER = rf"(?:{_DIGITS}|(?:{_WORD})(?:(?:[\s-]+and)?[\s-]+(?:{_WORD}))*)"
_QUALIFIER = (
    r"at least|more than|over|nearly|almost|about|around|roughly|some|up to|as many as|"
    r"fewer than|less than|no fewer than|approximately|an estimated|a total of|at most"
)

NUMBER: Final[re.Pattern[str]] = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?:between\s+)?(?P<low>{_ONE_NUMBER})\s*(?:-|–|to|and|or)\s*(?P<high>{_ONE_NUMBER})(?![\w-])"
    rf"|(?P<value>{_ONE_NUMBER})(?![\w-])|(?P<vague>{_VAGUE})(?![\w-])|(?P<single>an?|one)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number in a text: best value, low/high for ranges, its span and whether it was vague."""

    value: int
    low: int
    high: int
    start: int
    end: int
    qualifier: str = ""
    vague: bool = False
    article: bool = False


def word_value(text: str) -> int | None:
    """The integer a digit string or number phrase stands for ("twenty-one" = 21, "1,200" = 1200)."""
    cleaned = text.lower().replace(",", "").strip()
    scale_match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|thousand)", cleaned)
    if scale_match:
        return int(float(scale_match.group(1)) * _SCALES[scale_match.group(2)])
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return int(float(cleaned))
    if cleaned in _UNITS:
        return _UNITS[cleaned]
    total, current, seen = 0, 0, False
    for part in re.split(r"[\s-]+", cleaned):
        if part == "and" or part == "a":
            continue
        if part in _UNITS:
            current += _UNITS[part]
            seen = True
        elif part in _SCALES:
            current = max(current, 1) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text`` with its qualifier; ranges keep both ends, the best is the low end.

    A bare "a"/"an"/"one" is returned as an article-number of 1: callers accept it only before a
    casualty noun ("a soldier was killed").
    """
    numbers: list[Number] = []
    for match in NUMBER.finditer(text):
        qualifier = (match.group("qual") or "").lower()
        if match.group("low"):
            low, high = word_value(match.group("low")), word_value(match.group("high"))
            if low is None or high is None or high <= low:
                # "twenty-one" and "one hundred and five" are one number, not a range
                whole = word_value(text[match.start("low") : match.end("high")])
                if whole is None:
                    continue
                low = high = whole
            numbers.append(Number(low, low, high, match.start(), match.end(), qualifier))
        elif match.group("value"):
            value = word_value(match.group("value"))
            if value is None:
                continue
            numbers.append(Number(value, value, value, match.start(), match.end(), qualifier))
        elif match.group("vague"):
            value = VAGUE[match.group("vague").lower()]
            numbers.append(Number(value, value, value, match.start(), match.end(), qualifier, vague=True))
        else:
            numbers.append(Number(1, 1, 1, match.start(), match.end("single"), qualifier, article=True))
    return numbers
