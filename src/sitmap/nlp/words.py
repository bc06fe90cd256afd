"""The inflected forms of the few verbs the extraction rules look up.

The rules ask only whether a token is a form of one of a few dozen verbs ("threatened", "dies"),
so the parse runs without spaCy's attribute ruler and lemmatizer, which cost a third of its time;
those verbs' forms are spelled out here instead.
"""

from __future__ import annotations

from collections.abc import Iterable

_VOWELS = frozenset("aeiou")
# Past forms that no spelling rule gives (they replace the -ed form).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "fall": ("fell", "fallen"),
    "lose": ("lost",),
    "seek": ("sought",),
}


def verb_forms(bases: Iterable[str]) -> frozenset[str]:
    """Every form of each base verb: itself, -s, -ed and -ing, by English spelling rules."""
    forms: set[str] = set()
    for base in bases:
        forms.update((base, _third_person(base), _gerund(base), *_IRREGULAR.get(base, (_past(base),))))
    return frozenset(forms)


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if _consonant_y(verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if _consonant_y(verb):
        return verb[:-1] + "ied"
    return (verb + verb[-1] if _doubles(verb) else verb) + "ed"


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return (verb + verb[-1] if _doubles(verb) else verb) + "ing"


def _consonant_y(verb: str) -> bool:
    return len(verb) > 1 and verb.endswith("y") and verb[-2] not in _VOWELS


def _doubles(verb: str) -> bool:
    # a one-syllable verb ending consonant-vowel-consonant doubles its last letter ("plan" -> "planned")
    syllables = sum(1 for i, c in enumerate(verb) if c in _VOWELS and (i == 0 or verb[i - 1] not in _VOWELS))
    return (
        syllables == 1
        and len(verb) >= 3
        and verb[-1] not in _VOWELS | {"w", "x", "y"}
        and verb[-2] in _VOWELS
        and verb[-3] not in _VOWELS
    )
