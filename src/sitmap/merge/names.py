"""Normalised names, word tokens and distances that the merge tests compare."""

from __future__ import annotations

import math
import re

from anyascii import anyascii

from sitmap.model import Event

EARTH_RADIUS_KM = 6371.0
# Arabic article prefixes that outlets write or drop at will ("al-Bab", "Bab"; "ad-Dana", "Dana").
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ath)[- ]")
_PARENTHESIS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z]+")
_PLACE_WORDS = frozenset("town city village district province governorate state region area of the".split())
STOP_WORDS = frozenset(
    """
    a about after against also an and are as at be been before but by during for from had has have he her
    his in into is it its last least more most near no not of on or our over said says say she since so
    than that the their them then there these they this those through to under up was we were which while
    who will with would yesterday today tuesday monday wednesday thursday friday saturday sunday according
    told reported reports report statement local officials official sources source news agency week day
    """.split()
)


def ascii_lower(text: str) -> str:
    """``text`` transliterated to ASCII and lower-cased."""
    return anyascii(text).lower()


def normalise_place(name: str) -> str:
    """A place name reduced for comparison: ASCII, no Arabic article, no words like "town" or "province"."""
    words = _NON_WORD.sub(" ", _ARTICLE.sub("", ascii_lower(name).strip())).split()
    return " ".join(word for word in words if word not in _PLACE_WORDS)


def normalise_actor(name: str) -> str:
    """An actor name reduced for comparison: ASCII, lower case, no parenthesised years or countries."""
    return " ".join(_NON_WORD.sub(" ", _PARENTHESIS.sub(" ", ascii_lower(name))).split())


def content_words(text: str) -> frozenset[str]:
    """The distinct words of ``text`` that carry content: three letters or more, no stop words."""
    return frozenset(w for w in _WORD.findall(ascii_lower(text)) if len(w) > 2 and w not in STOP_WORDS)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def unread_actors(event: Event) -> tuple[str, ...]:
    """The actor fields (``actor1``, ``actor2``) of an extracted event that no evidence span names.

    The extractor keeps the span behind every field it reads, so an ``actor1`` without an ``actor1``
    span was filled in by rule ("Military Forces of Syria" for an air strike nobody claimed). An
    event with no field spans at all (coded by hand, or by a tool that keeps none) counts as read.
    """
    read = {item.field for item in event.evidence}
    if not read - {"event"}:
        return ()
    return tuple(name for name in ("actor1", "actor2") if getattr(event, name) and name not in read)
