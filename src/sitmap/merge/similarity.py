"""Whether two coded events describe the same real-world event, with the reasons for the answer.

Four tests are gates (date, place, type, actors): failing one means different events. Passing
all of them gives a score, a weighted sum of how well each test and the wording agree; the
events are the same when the score reaches ``SAME_SCORE``.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib.resources import files

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from sitmap.merge.combine import MERGED_TAG
from sitmap.merge.names import content_words, distance_km, normalise_actor, normalise_place, unread_actors
from sitmap.model import Event

SAME_SCORE = 0.65
# Days two event dates may differ by, keyed by the coarser of the two time precisions.
DATE_TOLERANCE_DAYS = {1: 0, 2: 7, 3: 31}
# Kilometres two events may lie apart, keyed by the coarser of the two geo precisions.
PLACE_TOLERANCE_KM = {1: 5.0, 2: 25.0, 3: 60.0}
NAME_SIMILARITY = 85.0
ACTOR_SIMILARITY = 90.0
WORD_SIMILARITY = 85.0
# Events whose words are kept at once (see _words_of).
WORDS_KEPT = 4096
_WORDS: dict[int, tuple[Event, frozenset[str], frozenset[str]]] = {}
# Actor names that say who was hit or that nobody knows who acted: they never tell two events apart.
# Generic labels ("Rebels (Syria)", "Militants") name no particular group either.
WILDCARD_ACTOR_PREFIXES = (
    "unidentified",
    "unknown",
    "civilians",
    "rebels",
    "militants",
    "insurgents",
    "gunmen",
    "armed group",
    "militia",
    "opposition",
    "jihadists",
    "terrorists",
)
# Event types with two armed sides: reports that each name one side may name opposite sides.
TWO_SIDED_TYPES = frozenset({"Battles"})
# Evidence fields whose spans name a place, an actor, a source or a date: other tests weigh them.
NAME_FIELDS = frozenset(
    {"location", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "claimed_by", "event_date"}
)
# A shared kind of site ("hotel", "camp" ~ "base") makes the wording at least this alike.
SITE_SHARE = 0.8
WEIGHTS = {"date": 0.2, "place": 0.25, "type": 0.2, "actors": 0.15, "wording": 0.2}


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on two events: same or not, a score in 0..1, and one reason per test.

    ``blocked`` is true when a gate test failed, so no amount of similar wording can merge them.
    """

    same: bool
    score: float
    reasons: tuple[str, ...]
    blocked: bool = False


@dataclass(frozen=True, slots=True)
class _Test:
    passed: bool
    score: float
    reason: str
    shared: int = 0


def match(a: Event, b: Event) -> Match:
    """Whether ``a`` and ``b`` report the same event: date, place, type, actors and wording compared."""
    wording = _similar_wording(a, b)
    tests = {
        "reports": _separate_reports(a, b),
        "date": _same_date(a, b),
        "place": _same_place(a, b),
        "type": _compatible_type(a, b, wording),
        "actors": _compatible_actors(a, b),
        "wording": wording,
    }
    blocked = not all(test.passed for test in tests.values())
    score = round(sum(WEIGHTS.get(name, 0.0) * test.score for name, test in tests.items()), 3)
    same = not blocked and score >= SAME_SCORE
    verdict = f"{'same' if same else 'different'} event (score {score:.2f}, needs {SAME_SCORE:.2f})"
    reasons = tuple(f"{'pass' if t.passed else 'FAIL'} {name}: {t.reason}" for name, t in tests.items())
    return Match(same, score, (verdict, *reasons), blocked)


def could_match(a: Event, b: Event) -> bool:
    """False when a gate test that needs no wording fails (reports, date, place, actors): then
    ``match`` is sure to block the pair, and callers that only look for matches skip it."""
    return all(test(a, b).passed for test in (_same_date, _separate_reports, _same_place, _compatible_actors))


def _separate_reports(a: Event, b: Event) -> _Test:
    """Two events coded apart from one document stay apart: extraction already merged within it."""
    if _coded_ids(a) & _coded_ids(b):
        return _Test(True, 1.0, "the same coded event")
    shared = sorted({s.doc_id for s in a.sources} & {s.doc_id for s in b.sources})
    if shared:
        return _Test(False, 0.0, f"both coded from document {shared[0]}, which tells them apart")
    return _Test(True, 1.0, "from different documents")


def _coded_ids(event: Event) -> set[str]:
    """The event's id and the ids of the reports already merged into it."""
    return {event.event_id} | {t.removeprefix(MERGED_TAG) for t in event.tags if t.startswith(MERGED_TAG)}


def _same_date(a: Event, b: Event) -> _Test:
    if a.event_date is None or b.event_date is None:
        return _Test(False, 0.0, "a date is unknown")
    precision = max(a.time_precision, b.time_precision, 1)
    tolerance = DATE_TOLERANCE_DAYS.get(precision, DATE_TOLERANCE_DAYS[3])
    days = abs((a.event_date - b.event_date).days)
    if days > tolerance:
        return _Test(
            False,
            0.0,
            f"{a.event_date} vs {b.event_date}: {days} days apart, precision {precision} allows {tolerance}",
        )
    if days == 0 and precision == 1:
        return _Test(True, 1.0, f"same day {a.event_date}")
    return _Test(
        True, 0.7, f"{a.event_date} vs {b.event_date} within precision {precision} ({tolerance} days)"
    )


def _same_place(a: Event, b: Event) -> _Test:
    if a.country and b.country and a.country != b.country:
        return _Test(False, 0.0, f"different countries {a.country} vs {b.country}")
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return _Test(True, 1.0, f"same geonameid {a.geonameid} ({a.location or b.location})")
    precision = max(a.geo_precision or 1, b.geo_precision or 1)
    if precision >= 3 and a.admin1 and b.admin1:
        if normalise_place(a.admin1) == normalise_place(b.admin1):
            if _names_alike(a.location, b.location):
                return _Test(
                    True, 0.9, f"same admin1 {a.admin1} and alike names {a.location!r}, {b.location!r}"
                )
            if _region_only(a) or _region_only(b):
                return _Test(True, 0.6, f"same admin1 {a.admin1}, one placed only at precision 3")
            return _Test(False, 0.0, f"two towns {a.location!r}, {b.location!r} in admin1 {a.admin1}")
        return _Test(False, 0.0, f"admin1 {a.admin1} vs {b.admin1} at precision 3")
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if km > PLACE_TOLERANCE_KM.get(precision, PLACE_TOLERANCE_KM[3]) and _names_alike(
            a.location, b.location
        ):
            # "Gao" placed at the town by one report and at the region by another, or a second
            # gazetteer row of one town ("Birnin Gwari" / "Birnin-Gwari"): one place, two points.
            return _Test(
                True, 0.7, f"same place name {a.location!r} / {b.location!r}, points {km:.0f} km apart"
            )
        limit = PLACE_TOLERANCE_KM.get(precision, PLACE_TOLERANCE_KM[3])
        where = f"{a.location or '?'} vs {b.location or '?'} {km:.1f} km apart"
        if km <= limit:
            return _Test(True, 1.0 - 0.4 * km / limit, f"{where}, precision {precision} allows {limit:g}")
        return _Test(False, 0.0, f"{where}, precision {precision} allows {limit:g}")
    return _same_place_name(a, b)


def _region_only(event: Event) -> bool:
    """Whether the event is placed only at its admin1: precision 3 and no other place name."""
    if (event.geo_precision or 1) < 3:
        return False
    return not event.location or _names_alike(event.location, event.admin1)


def _names_alike(name_a: str, name_b: str) -> bool:
    if not name_a or not name_b:
        return False
    return fuzz.ratio(normalise_place(name_a), normalise_place(name_b)) >= NAME_SIMILARITY


def _same_place_name(a: Event, b: Event) -> _Test:
    names_a = {normalise_place(n) for n in (a.location, a.admin1 if (a.geo_precision or 1) >= 3 else "") if n}
    names_b = {normalise_place(n) for n in (b.location, b.admin1 if (b.geo_precision or 1) >= 3 else "") if n}
    if not names_a or not names_b:
        return _Test(False, 0.0, "a place is unknown")
    best = max(fuzz.ratio(x, y) for x in names_a for y in names_b)
    where = f"names {a.location or a.admin1!r} vs {b.location or b.admin1!r} ({best:.0f}% alike)"
    if best >= NAME_SIMILARITY:
        return _Test(True, 0.8 * best / 100, where + ", no coordinates")
    return _Test(False, 0.0, where + ", no coordinates")


def _compatible_type(a: Event, b: Event, wording: _Test) -> _Test:
    """Same type, or two types one fight can show, when the reports share a telling word.

    A clash and a shelling in one town on one day are one fight only when the reports say something
    alike ("hotel", "base"); a missile on a mosque and a battle west of the city share nothing.
    """
    if _one_handover(a, b):
        return _Test(
            True, 0.9, f"one change of control told from both sides ({a.sub_event_type}, {b.sub_event_type})"
        )
    if a.event_type == b.event_type:
        if a.sub_event_type == b.sub_event_type:
            return _Test(True, 1.0, f"same sub-event type {a.sub_event_type}")
        if (a.territory is None) != (b.territory is None):
            return _Test(True, 0.8, f"{a.event_type}, one a change of control, the other the fighting")
        family = _families().get(a.sub_event_type)
        if family is not None and family == _families().get(b.sub_event_type):
            return _Test(True, 0.9, f"one kind of {family} ({a.sub_event_type} vs {b.sub_event_type})")
        return _Test(True, 0.8, f"same event type {a.event_type} ({a.sub_event_type} vs {b.sub_event_type})")
    if a.territory is not None and b.territory is not None:
        return _Test(True, 0.8, f"both changes of control ({a.sub_event_type}, {b.sub_event_type})")
    fight = next((e for e in (a, b) if e.event_type == "Battles" and e.territory is None), None)
    if fight is not None and (b if fight is a else a).territory is not None:
        # "troops withdrew from Nyala" (a strategic development) and "fierce clashes in Nyala"
        return _Test(True, 0.8, "a change of control and the fighting for the place")
    score = _type_pairs().get(frozenset((a.event_type, b.event_type)), 0.0)
    if score == 0:
        return _Test(False, 0.0, f"{a.event_type} vs {b.event_type}")
    if wording.shared == 0:
        return _Test(
            False, 0.0, f"{a.event_type} and {b.event_type} could be one fight, but no telling word is shared"
        )
    return _Test(True, score, f"{a.event_type} and {b.event_type} can be one fight")


def _compatible_actors(a: Event, b: Event) -> _Test:
    named_a, named_b = _named_actors(a), _named_actors(b)
    if not named_a or not named_b:
        unread = sorted({getattr(e, name) for e in (a, b) for name in unread_actors(e)})
        filled = f" ({', '.join(unread)}: filled in by rule, not read)" if unread else ""
        return _Test(True, 0.5, f"compatible: an event names no armed actor{filled}")
    shared = [
        x
        for x in sorted(named_a)
        if x in named_b
        or any(_same_force(x, y) for y in named_b)
        or process.extractOne(x, named_b, scorer=fuzz.ratio, score_cutoff=ACTOR_SIMILARITY) is not None
    ]
    if shared:
        return _Test(True, 1.0, f"shared actor {', '.join(shared)}")
    if len(named_a) == len(named_b) == 1 and _one_handover(a, b):
        return _Test(
            True, 0.8, f"one names who took the place, the other who lost it: {min(named_a)}, {min(named_b)}"
        )
    if len(named_a) == len(named_b) == 1 and (_two_sided(a) or _two_sided(b)):
        # a clash and a bombing of one fight: the army in one report, the attackers in the other
        return _Test(True, 0.4, f"each names one side: {min(named_a)} vs {min(named_b)}")
    return _Test(False, 0.0, f"no shared actor: {sorted(named_a)} vs {sorted(named_b)}")


def _same_force(first: str, second: str) -> bool:
    """ "Military Forces" and "Military Forces of Syria": a report that did not say whose forces."""
    shorter, longer = sorted((first, second), key=len)
    return longer.startswith((shorter + " of ", shorter + " (")) and len(shorter.split()) >= 2


def _two_sided(event: Event) -> bool:
    return event.event_type in TWO_SIDED_TYPES or event.territory is not None


def _named_actors(event: Event) -> frozenset[str]:
    """The armed actors a report names: no wildcards, and no actor the extractor filled in by rule."""
    unread = _unread_actors(event)
    fields = (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
    names = {normalise_actor(name) for value in fields for name in value.split(";")}
    return frozenset(n for n in names if n and n not in unread and not n.startswith(WILDCARD_ACTOR_PREFIXES))


def _unread_actors(event: Event) -> frozenset[str]:
    """The normalised names of the actors the extractor filled in by rule (``names.unread_actors``)."""
    values = (getattr(event, name) for name in unread_actors(event))
    return frozenset(normalise_actor(part) for value in values for part in value.split(";") if part.strip())


def _one_handover(a: Event, b: Event) -> bool:
    """Whether two changes of control can be one place changing hands: who took it and who lost it
    never disagree, and one report names a side the other leaves out (the taker in one, the side that
    withdrew in the other)."""
    first, second = a.territory, b.territory
    if first is None or second is None:
        return False
    takers = {normalise_actor(t.to_actor) for t in (first, second) if t.to_actor}
    losers = {normalise_actor(t.from_actor) for t in (first, second) if t.from_actor}
    return len(takers) <= 1 and len(losers) <= 1 and not takers & losers and bool(takers) and bool(losers)


def _similar_wording(a: Event, b: Event) -> _Test:
    """How far the evidence texts share words about what happened.

    Place and actor names are left out (the place and actor tests weigh them), and so are words
    every conflict report uses (``common_words.txt``), so "killed in Taiz" does not make two
    reports alike while "hotel", "market" or "dormitory" does.
    """
    (event_a, names_a), (event_b, names_b) = _words_of(a), _words_of(b)
    names = names_a | names_b
    words_a, words_b = _not_found(event_a, names), _not_found(event_b, names)
    if not words_a or not words_b:
        return _Test(True, 0.3, "no evidence text to compare")
    listed_a, listed_b = sorted(words_a), sorted(words_b)
    alike = _alike(listed_a, listed_b)
    in_b = [bool(hit) for hit in np.any(alike, axis=1)]
    shared = [word for word, hit in zip(listed_a, in_b, strict=True) if hit]
    overlap = (len(shared) / len(words_a) + int(np.count_nonzero(np.any(alike, axis=0))) / len(words_b)) / 2
    # a kind of site both reports name, in one word or in two ("camp" ~ "base"), is telling
    sites = sorted(
        "~".join(sorted(kind & (words_a | words_b)))
        for kind in _site_kinds()
        if kind & words_a and kind & words_b
    )
    if sites:
        overlap = max(overlap, SITE_SHARE)
    synonyms = [site for site in sites if "~" in site]
    reason = f"{overlap:.0%} of telling words shared ({', '.join([*shared[:8], *synonyms]) or 'none'})"
    if sites:
        reason += f", the same kind of site ({', '.join(sites)})"
    return _Test(True, overlap, reason, len(shared) + len(synonyms))


def _event_words(event: Event) -> frozenset[str]:
    texts = {evidence.text for evidence in event.evidence if evidence.text}
    return content_words(" ".join(sorted(texts))) - _common_words()


def _name_words(event: Event) -> frozenset[str]:
    """Words of the event's place and actor names and of the spans they were read from ("Houthi").

    The span of a wildcard actor stays: "bandits" or "gunmen" name nobody the actor test weighs.
    """
    wildcards = {
        field
        for field in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        if normalise_actor(getattr(event, field)).startswith(WILDCARD_ACTOR_PREFIXES)
    }
    spans = " ".join(
        item.text for item in event.evidence if item.field in NAME_FIELDS and item.field not in wildcards
    )
    names = (
        spans,
        event.location,
        event.admin1,
        event.admin2,
        event.country,
        event.actor1,
        event.actor2,
        event.assoc_actor_1,
        event.assoc_actor_2,
    )
    return content_words(" ".join(names))


def _words_of(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The event's telling words and its name words, worked out once per event object.

    A batch compares each event with many others; the cache holds the event itself beside its
    words, so an id is never taken for another object's, and it is emptied when it grows large.
    """
    cached = _WORDS.get(id(event))
    if cached is None or cached[0] is not event:
        if len(_WORDS) >= WORDS_KEPT:
            _WORDS.clear()
        cached = (event, _event_words(event), _name_words(event))
        _WORDS[id(event)] = cached
    return cached[1], cached[2]


def _alike(first: list[str], second: list[str]) -> npt.NDArray[np.bool_]:
    """Which words of ``first`` are a word of ``second`` or a spelling variant of it ("Saraqeb",
    "Saraqib"), as a len(first) x len(second) matrix; fuzz.ratio is symmetric, so the columns
    answer the same question for ``second``."""
    if not first or not second:
        return np.zeros((len(first), len(second)), dtype=bool)
    scores = process.cdist(first, second, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY)
    alike: npt.NDArray[np.bool_] = scores > 0
    return alike


def _not_found(words: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """The words with no spelling variant in ``other``."""
    listed = sorted(words)
    found = [bool(hit) for hit in np.any(_alike(listed, sorted(other)), axis=1)]
    return frozenset(word for word, hit in zip(listed, found, strict=True) if not hit)


@functools.cache
def _common_words() -> frozenset[str]:
    text = (files(__package__) / "common_words.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@functools.cache
def _site_kinds() -> tuple[frozenset[str], ...]:
    text = (files(__package__) / "site_words.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return tuple(frozenset(line.split()) for line in lines)


@functools.cache
def _families() -> dict[str, str]:
    with (files(__package__) / "subevent_families.csv").open(encoding="utf-8") as handle:
        return {row["sub_event_type"]: row["family"] for row in csv.DictReader(handle)}


@functools.cache
def _type_pairs() -> dict[frozenset[str], float]:
    with (files(__package__) / "compatible_types.csv").open(encoding="utf-8") as handle:
        return {
            frozenset((r["event_type_a"], r["event_type_b"])): float(r["score"])
            for r in csv.DictReader(handle)
        }
