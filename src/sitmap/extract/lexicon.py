"""Helpers for the regular-expression tables (triggers, actors, speakers) beside this module."""

from __future__ import annotations


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
