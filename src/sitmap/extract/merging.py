"""ACLED's one-event rule inside a document: one event per actor pair, place and day, so the
same deaths reported twice (a headline and its body, a toll that rises) are counted once."""

from __future__ import annotations

from dataclasses import replace

from sitmap.extract import taxonomy
from sitmap.extract.fatalities import more_precise_toll, updated_toll
from sitmap.extract.incidents import better_source, told_by_weapon
from sitmap.model import Event, place_of


def merge_document_events(
    events: list[Event], distinct: dict[str, bool] | None = None, paragraphs: frozenset[str] = frozenset()
) -> list[Event]:
    """The events of one document with duplicates folded into the first report of each.

    News repeats its main toll ("29 rebels dead" in the headline, "at least 29" below, "the toll
    rose to 31" later): a later figure joins the first incident with deaths unless its sentence
    marks another incident (``distinct`` by event id: "elsewhere", "earlier", another place), or
    it opens a paragraph of its own (``paragraphs``, event ids) about another place on another day.
    """
    merged: list[Event] = []
    flags = distinct or {}
    for event in events:
        # a sentence that marks another incident ("In Bogura, ...") still tells the demonstration
        # of that place and day if the article named it before
        same = _same_demonstration if flags.get(event.event_id) else _same
        target = next((index for index, kept in enumerate(merged) if same(kept, event)), None)
        if target is None:
            merged.append(event)
        else:
            merged[target] = _fold(merged[target], event)
    return _reconcile_tolls(merged, distinct or {}, paragraphs)


def _reconcile_tolls(
    events: list[Event], distinct: dict[str, bool], paragraphs: frozenset[str] = frozenset()
) -> list[Event]:
    main: int | None = None
    result: list[Event] = []
    for event in events:
        if not event.fatalities:
            result.append(event)
            continue
        if main is None:
            main = len(result)
            result.append(event)
            continue
        kept = result[main]
        if distinct.get(event.event_id) or (
            event.event_id in paragraphs
            and (_elsewhere_another_day(kept, event) or _other_region(kept, event))
        ):
            # ("On 19 January, armed youth clashed with the raiders near Likuangole": a paragraph
            # of its own about another place and day tells another incident's deaths)
            result.append(event)
            continue
        # a repeated report of the same deaths: the first figure stands, the spread is kept
        low = min(kept.fatalities_low or kept.fatalities, event.fatalities_low or event.fatalities)
        high = max(kept.fatalities_high or kept.fatalities, event.fatalities_high or event.fatalities)
        fatalities = kept.fatalities
        if (more_precise_toll(kept, event) or updated_toll(kept, event)) and not _other_region(kept, event):
            # "dozens were killed" told first, "29 people" later: the precise figure stands; and
            # "the toll rose to 45": the latest
            fatalities = event.fatalities
            low, high = event.fatalities_low or fatalities, event.fatalities_high or fatalities
        dated = event if event.time_precision < kept.time_precision else kept
        result[main] = replace(
            kept,
            fatalities=fatalities,
            event_date=dated.event_date,
            time_precision=dated.time_precision,
            fatalities_low=low if high != low else None,
            fatalities_high=high if high != low else None,
            claims=kept.claims + tuple(claim for claim in event.claims if claim not in kept.claims),
            evidence=kept.evidence + tuple(item for item in event.evidence if item not in kept.evidence),
        )
        result.append(
            replace(
                event,
                fatalities=0,
                fatalities_low=None,
                fatalities_high=None,
                tags=(*event.tags, "toll-reported-above"),
            )
        )
    return result


def _elsewhere_another_day(main: Event, event: Event) -> bool:
    """Whether ``event`` is dated to another day than ``main`` and placed elsewhere."""
    return (
        event.time_precision == 1
        and main.time_precision == 1
        and event.event_date != main.event_date
        and bool(event.location)
        and event.location != main.location
    )


def _other_region(main: Event, event: Event) -> bool:
    """Deaths placed in another first-level region than the main toll's are not it told again."""
    return bool(main.admin1 and event.admin1 and main.admin1 != event.admin1)


def _same(first: Event, second: Event) -> bool:
    if first.event_date != second.event_date and first.time_precision == 1 and second.time_precision == 1:
        return False
    inside = (
        second.location in {first.admin1, first.admin2}
        or first.location in {second.admin1, second.admin2}
        # a region told only as a region (precision 3) in the same first-level region
        or (max(first.geo_precision or 1, second.geo_precision or 1) >= 3 and first.admin1 == second.admin1)
    )
    if (
        first.location
        and second.location
        and first.location != second.location
        and not (
            # "an attack in North Waziristan" and "the checkpoint at Mir Ali": the town in the district
            inside
            and (first.actor1, first.actor2, first.event_type)
            == (second.actor1, second.actor2, second.event_type)
        )
    ):
        if not (
            first.admin1 == second.admin1
            and (
                (first.geo_precision or 1) + (second.geo_precision or 1) > 2
                # an undated headline's toll "in Lamu", told again by the dated lede "near Hindi"
                or first.time_precision != second.time_precision
            )
            and first.fatalities == second.fatalities
            and first.fatalities > 0
        ):
            return False
    if first.fatalities and first.fatalities == second.fatalities:
        # the same toll told twice ("29 rebels dead" in the headline, "at least 29" below)
        return _compatible(first, second)
    if _same_demonstration(first, second):
        return True
    pair_first = (first.actor1, first.actor2)
    pair_second = (second.actor1, second.actor2)
    if pair_first != pair_second or first.event_type != second.event_type:
        return _battle_absorbs(first, second)
    return (
        first.territory is None or second.territory is None or first.territory.place == second.territory.place
    )


def _same_demonstration(first: Event, second: Event) -> bool:
    """One demonstration per place and day: the crowd that set fire to an office is the one the
    police dispersed with tear gas."""
    return (
        first.event_type in {"Protests", "Riots"}
        and second.event_type in {"Protests", "Riots"}
        and bool(first.location)
        and first.location == second.location
        and first.event_date == second.event_date
    )


def _compatible(first: Event, second: Event) -> bool:
    kinds = {first.event_type, second.event_type}
    return not ({"Protests", "Riots"} & kinds and len(kinds) > 1)


def _battle_absorbs(first: Event, second: Event) -> bool:
    # civilians killed during a battle add to that battle's fatalities (ACLED codebook)
    if first.event_type != "Battles" or second.sub_event_type != "Attack":
        return False
    return second.actor1 in {first.actor1, first.actor2} and first.location == second.location


def _fold(kept: Event, other: Event) -> Event:
    absorbed = _battle_absorbs(kept, other) and kept.fatalities != other.fatalities
    # the first report of the same deaths stands; a later, different figure widens the spread
    fatalities = kept.fatalities + other.fatalities if absorbed else (kept.fatalities or other.fatalities)
    if not absorbed and (more_precise_toll(kept, other) or updated_toll(kept, other)):
        fatalities = other.fatalities  # "dozens" yields to the precise figure told later
    chosen_type = kept.sub_event_type
    if kept.event_type == other.event_type and not kept.territory:
        chosen_type = taxonomy.winning([kept.sub_event_type, other.sub_event_type])
        if {kept.sub_event_type, other.sub_event_type} == {"Mob violence", "Violent demonstration"}:
            chosen_type = "Violent demonstration"  # a crowd that demonstrates is no mere mob
    elif told_by_weapon(kept, other):
        chosen_type = other.sub_event_type
    elif {kept.event_type, other.event_type} == {"Protests", "Riots"} and not kept.territory:
        # a demonstration the police dispersed in which some threw stones: ACLED codes the riot,
        # unless lethal force was used on the protesters
        protest = kept if kept.event_type == "Protests" else other
        riot = other if protest is kept else kept
        lethal = protest.sub_event_type == "Excessive force against protesters"
        chosen_type = protest.sub_event_type if lethal else riot.sub_event_type
    spread = (
        [kept.fatalities, other.fatalities] if kept.fatalities and other.fatalities and not absorbed else []
    )
    low = [value for value in (kept.fatalities_low, other.fatalities_low, *spread) if value is not None]
    high = [value for value in (kept.fatalities_high, other.fatalities_high, *spread) if value is not None]
    better_place = other if (kept.geo_precision or 9) > (other.geo_precision or 9) else kept
    dated = other if other.time_precision < kept.time_precision else kept
    return replace(
        kept,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        sub_event_type=chosen_type,
        event_type=taxonomy.event_type_of(chosen_type),
        disorder_type=taxonomy.disorder_type_of(chosen_type),
        actor1=kept.actor1 or other.actor1,
        inter1=kept.inter1 if kept.actor1 else other.inter1,
        actor2=kept.actor2 or other.actor2,
        inter2=kept.inter2 if kept.actor2 else other.inter2,
        interaction=taxonomy.interaction(
            kept.inter1 if kept.actor1 else other.inter1, kept.inter2 if kept.actor2 else other.inter2
        ),
        fatalities=fatalities,
        fatalities_low=min(low) if low and min(low) != max(high) else None,
        fatalities_high=max(high) if high and min(low) != max(high) else None,
        claimed_by=better_source(kept.claimed_by, other.claimed_by),
        claims=kept.claims + tuple(claim for claim in other.claims if claim not in kept.claims),
        evidence=kept.evidence + tuple(item for item in other.evidence if item not in kept.evidence),
        confidence=max(kept.confidence, other.confidence),
        tags=tuple(dict.fromkeys(kept.tags + other.tags)),
        **place_of(better_place),
    )
