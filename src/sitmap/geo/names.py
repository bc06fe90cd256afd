"""Name keys that make transliterations of one place name compare equal.

``name_key`` folds the spelling variation of romanised Arabic, Persian, Turkish and Slavic names
(Saraqeb = Saraqib, Ma'arrat an Nu'man = Maarat al-Numan, Khan Sheikhoun = Khan Shaykhun);
``skeleton`` keeps only the consonants, so Kafranbel meets Kafr Nabl and an Arabic-script name
(through anyascii) meets its English spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import methodcaller

from anyascii import anyascii

# Arabic articles assimilate to the next consonant: al-, el-, an-, ash-, ad-, ar-, as-, at-, az-, adh-...
_ARTICLE = r"(?:a|e|u)?(?:l|n|sh|s|d|dh|r|t|th|z|zh)"
_LEADING_ARTICLE = re.compile(rf"^{_ARTICLE}[-\s']+(?=\w{{3,}})")
_INNER_ARTICLE = re.compile(rf"(?<=\w)[-\s]+{_ARTICLE}[-\s']+(?=\w{{2,}})")
_ARTICLE_FIRST = "aeulnsdrtz"  # the letters an article can start with: no match without one
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIPHTHONG = re.compile(r"ay|ai|ei|ey|ee|ie")
_DOUBLED = re.compile(r"(.)\1+")
_FIRST_GROUP = methodcaller("group", 1)  # a C-level replacement callable: the doubled letter once
_VOWELS = re.compile(r"[aeiouyw]")
_ARABIC_ARTICLE = "\u0627\u0644"  # al- written in Arabic script


@lru_cache(maxsize=200_000)
def ascii_name(name: str) -> str:
    """The name in plain ASCII: accents dropped, other scripts romanised by anyascii."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return anyascii(stripped)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a place name: lower case, articles, punctuation and vowel variants folded."""
    text = name.strip()
    if not text.isascii():
        if text.startswith(_ARABIC_ARTICLE):
            text = text[len(_ARABIC_ARTICLE) :]
        text = ascii_name(text)
    # ASCII from here on: the only quotes left are ' ` and " (str.replace is faster than translate
    # on short ASCII strings).
    text = text.lower().replace("'", "").replace("`", "").replace('"', "")
    if not text.isalnum():  # a single plain word has no article, hyphen or space to fold
        if text[:1] in _ARTICLE_FIRST:
            text = _LEADING_ARTICLE.sub("", text)
        text = _INNER_ARTICLE.sub(" ", text)
        # most names are words with spaces or hyphens between them: no regex needed to join them
        joined = text.replace(" ", "").replace("-", "")
        text = joined if joined.isalnum() else _NON_ALNUM.sub("", text)
    text = text.replace("ou", "u").replace("aw", "u").replace("kh", "x").replace("gh", "g")
    text = _DIPHTHONG.sub("i", text)
    # q/k, e/i, o/u, c/k (one after the other: no fold produces a letter a later one changes)
    text = text.replace("q", "k").replace("e", "i").replace("o", "u").replace("c", "k")
    return _DOUBLED.sub(_FIRST_GROUP, text)


def skeleton(key: str) -> str:
    """The consonants of a name key: the coarse key used to find fuzzy candidates."""
    return _VOWELS.sub("", key)


def is_latin(name: str) -> bool:
    """Whether every letter of the name is in Latin script."""
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def is_arabic(name: str) -> bool:
    """Whether the name contains Arabic-script letters."""
    return any("\u0600" <= char <= "\u06ff" for char in name)
