"""Helpers for the regular-expression tables (triggers, actors, speakers) beside this module."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import ahocorasick


def split_alternatives(alternatives: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, current = [], 0, ""
    for char in alternatives:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def longest_first(alternatives: str) -> str:
    """The same alternatives reordered longest first, so "regime elements" wins over "regime"."""
    return "|".join(sorted(split_alternatives(alternatives), key=len, reverse=True))


LETTERS = re.compile(r"[a-z]+")
# letters and the other characters that a case-insensitive pattern matches only as themselves
LITERAL_TEXT = re.compile(r"[a-z0-9 '-]+")


def literal_prefixes(pattern: str, literal: re.Pattern[str] = LETTERS) -> tuple[str, ...]:
    """The literal letters a match can start with, or () when some alternative does not say.

    "clash(?:es|ed)?|fighting" -> ("clash", "fighting"); "(?:re)?captur" -> ("captur", "re");
    "(?:car|truck) bombs?" -> ("car", "truck"); "[a-z]+ed" -> () (run always). With ``literal``
    LITERAL_TEXT the prefixes run on over spaces, digits and hyphens ("is-k", "a man").
    """
    found = _starts(pattern.strip('"'), literal)
    return tuple(sorted(found)) if found and all(len(literal) >= 2 for literal in found) else ()


def _starts(pattern: str, literal: re.Pattern[str]) -> set[str] | None:
    """The literal starts of every top-level alternative of ``pattern``; None when one has none."""
    found: set[str] = set()
    for alternative in split_alternatives(pattern):
        starts = _alternative_starts(alternative, literal)
        if starts is None:
            return None
        found |= starts
    return found


def _alternative_starts(alternative: str, literal: re.Pattern[str]) -> set[str] | None:
    match = literal.match(alternative)
    if match is not None:
        text = match.group()
        # a quantifier right after the letters makes the last one optional ("drones?" -> "drone")
        if alternative[match.end() : match.end() + 1] in {"?", "*", "{"}:
            text = text[:-1]
        return {text} if text else None
    if not alternative.startswith("("):
        return None
    close = _closing(alternative)
    if close is None:
        return None
    inner = alternative[3 if alternative.startswith("(?:") else 1 : close]
    if inner.startswith("?"):
        return None  # a look-around or other special group
    starts = _starts(inner, literal)
    after = alternative[close + 1 :]
    if starts is None or after[:1] == "*" or after[:1] == "{":
        return None
    if after[:1] == "?":
        # an optional group: a match starts with it or with what follows it
        rest = _alternative_starts(after[1:], literal) if after[1:] else None
        return None if rest is None else starts | rest
    return starts


def _closing(pattern: str) -> int | None:
    """The index of the parenthesis that closes the one ``pattern`` opens with."""
    depth, escaped = 0, False
    for index, char in enumerate(pattern):
        if escaped or char == "\\":
            escaped = not escaped
            continue
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index
    return None


def substring_tests(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The prefixes that hold no other one: "regime" in a text says all "regime forces" would."""
    return tuple(p for p in prefixes if not any(q != p and q in p for q in prefixes))


class LiteralIndex:
    """Which rows of a table may match a text, from each row's literals (``substring_tests``: a
    text a row matches holds one of them): one Aho-Corasick scan (pyahocorasick, in C) finds every
    literal a text holds at once, where a substring test per row ran for every row on every
    sentence. A row without literals may match any text."""

    def __init__(self, literals: Sequence[tuple[str, ...]]) -> None:
        self._always = frozenset(index for index, row in enumerate(literals) if not row)
        rows_of: dict[str, list[int]] = {}
        for index, row in enumerate(literals):
            for literal in row:
                rows_of.setdefault(literal, []).append(index)
        self._automaton: ahocorasick.Automaton | None = None
        if rows_of:
            self._automaton = ahocorasick.Automaton()
            for literal, rows in rows_of.items():
                self._automaton.add_word(literal, tuple(rows))
            self._automaton.make_automaton()

    def rows(self, lowered: str) -> list[int]:
        """The rows, in table order, that may match the text ``lowered`` is ``folded`` from."""
        found = set(self._always)
        if self._automaton is not None:
            for _end, rows in self._automaton.iter(lowered):
                found.update(rows)
        return sorted(found)


# Besides the two cases of a letter, re.IGNORECASE reads "İ" and "ı" as "i" and "ſ" as "s" (the
# Kelvin sign lowers to "k" by itself); ``folded`` spells them so.
_ODD_CASES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str) -> str:
    """``text`` lower-cased so that whatever a case-insensitive literal of a-z letters matches in
    ``text`` is that literal in the result: ``prefix in folded(text)`` is then a sound, cheap test
    before running a pattern whose matches all start with one of ``literal_prefixes``."""
    if not text.isascii() and any(odd in text for odd in "İıſ"):
        text = text.translate(_ODD_CASES)
    return text.lower()


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern written in lower case, made case-sensitive to read ``folded``
    text: it matches there at the same places (lower-casing keeps every position and what is a
    word character), and runs several times faster, since re skips an alternative by its first
    letter only when case counts. A pattern it cannot say that of is refused (ValueError)."""
    source = re.sub(r"\\.", "", pattern.pattern)  # escapes (\b, \d, \w) are not letters
    if (
        pattern.flags != re.IGNORECASE | re.UNICODE
        or _INLINE_FLAGS.search(source)
        or not source.isascii()
        or any(char.isupper() for char in source)
    ):
        raise ValueError(f"not a lower-case, case-insensitive pattern: {pattern.pattern[:60]!r}")
    return re.compile(pattern.pattern)


def folded_or_none(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``folded_pattern(pattern)``, or None for a pattern it refuses (to be read as it is)."""
    try:
        return folded_pattern(pattern)
    except ValueError:
        return None


def match_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches in ``text``, read on the folded text when
    ``folded_pattern`` can make it case-sensitive (the same spans, faster)."""
    fast = _folded_once(pattern)
    if fast is None:
        return [match.span() for match in pattern.finditer(text)]
    return [match.span() for match in fast.finditer(folded(text))]


@lru_cache(maxsize=256)
def _folded_once(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    return folded_or_none(pattern)
