"""One event per real incident: follow-up sentences about the same incident fold into it.

News tells one incident in several sentences: the lead ("Russian drones struck Nikopol on Monday,
killing two"), then details ("the drones hit a residential building"), a wounded count, a quote
restating the attack, the arrest's seized weapons. An ACLED coder codes the incident once. A
sentence starts a new incident only when it brings something new: a marker ("elsewhere",
"separately", "retaliated"), a day of its own, another kind of disorder, deaths by another kind of
violence, a new place together with another tactic or its own deaths, or a new named actor with
another kind of event. A sentence that
cannot stand alone (no actor, victim, toll or place) never starts one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from sitmap.extract import taxonomy
from sitmap.extract.actors import find_mentions, is_generic
from sitmap.extract.events import notes
from sitmap.extract.fatalities import more_precise_toll, updated_toll
from sitmap.model import Event, Territory, place_of

# Who the dead were, from the noun after a figure: two figures of different classes add up.
_STATE: Final[frozenset[str]] = frozenset(
    "soldier soldiers troops trooper troopers police policeman policemen officer officers personnel "
    "servicemen serviceman jawan jawans marines guards guard cadets recruits".split()
)
_ARMED: Final[frozenset[str]] = frozenset(
    "fighter fighters militant militants insurgent insurgents rebel rebels attacker attackers "
    "jihadist jihadists terrorists terrorist gunman gunmen militiamen militiaman paramilitaries "
    "elements assailants bandits bomber".split()
)
_CIVILIAN: Final[frozenset[str]] = frozenset(
    "civilians civilian children child women woman boys boy girls girl students student farmers "
    "villagers residents worshippers passengers journalists journalist teachers teacher doctors "
    "patients infants babies baby pilgrims shepherds traders workers families".split()
)
# what force used on a peaceful demonstration makes of it
_INTERVENED: Final[frozenset[str]] = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)
_AFTERMATH: Final[frozenset[str]] = frozenset({"Looting/property destruction", "Disrupted weapons use"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What one sentence brings to its event: signals of a new incident and support of its own."""

    separate: bool = False
    own_date: bool = False
    own_place: bool = False
    supported: bool = True
    named: bool = False
    victims: frozenset[str] = frozenset()
    tactic: bool = True
    claimant: str = ""  # the group that claimed the incident told before ("JNIM claimed the attack")
    # the sentence only adds to the incident before it: a claim ("the TTP claimed responsibility") or
    # a weak follow-up that gives the day ("The gunmen stormed Kaya village on Monday night"); no
    # event alone
    follow_only: bool = False
    # it opens on the incident told before ("The attack on the Raghwan front was repelled"): a place
    # of its own is that incident's, not a new one
    refers_back: bool = False


@lru_cache(maxsize=1024)
def victim_class(noun: str) -> str:
    """ "state", "armed" or "civilian" for the noun after a death figure ("" when there is none)."""
    word = noun.lower().split()[-1] if noun.strip() else ""
    if not word:
        return ""
    if word in _STATE:
        return "state"
    if word in _ARMED:
        return "armed"
    if word in _CIVILIAN:
        return "civilian"
    # "killed 12 Maoists", "three Houthis": the members of a named non-state group are fighters
    return "armed" if any(mention.actor.inter in {2, 3, 4} for mention in find_mentions(word, "")) else ""


def fold_incidents(events: list[Event], readings: list[Reading]) -> list[Event]:
    """The events of one document, in order, with each follow-up folded into its incident."""
    incidents: list[Event] = []
    victims: list[frozenset[str]] = []
    for event, reading in zip(events, readings, strict=True):
        going_on = [
            index for index in reversed(range(len(incidents))) if continues(incidents[index], event, reading)
        ]
        # the latest incident it continues, unless an earlier one is of its very kind and place
        # (a live page's "drones hit homes in Zaporizhzhia" goes on about the drone attack on
        # Zaporizhzhia, not the nationwide missile count told after it)
        target = next(
            (
                index
                for index in going_on
                if incidents[index].sub_event_type == event.sub_event_type
                and incidents[index].location == event.location
            ),
            going_on[0] if going_on else None,
        )
        if reading.claimant and len(going_on) > 1:
            # "al Shabaab claimed responsibility" after the bombing and the gunfight that followed
            # it: the claim is the deadliest incident's (the latest of equally deadly ones)
            target = max(going_on, key=lambda index: (incidents[index].fatalities, index))
        if target is not None:
            incidents[target] = absorb(
                incidents[target], event, victims[target], reading.victims, reading.claimant
            )
            victims[target] = victims[target] | reading.victims
            continue
        if not reading.supported or reading.follow_only:
            continue
        incidents.append(event)
        victims.append(reading.victims)
    return incidents


def continues(main: Event, event: Event, reading: Reading) -> bool:
    """True when ``event`` tells more of the incident ``main`` and brings no new incident."""
    if reading.claimant and not reading.separate:
        # "Al Shabaab claimed the bombing in a statement on Tuesday": who did it, not another incident
        return True
    if reading.separate:
        return False
    if (
        main.territory is not None
        and main.sub_event_type != "Non-violent transfer of territory"
        and event.sub_event_type == "Non-violent transfer of territory"
        and (event.location == main.location or _names_place_of(event, main))
        and not (reading.own_date and event.event_date != main.event_date)
    ):
        # "government troops withdrew as the fighters advanced": the other side of the capture,
        # even when the sentence places the withdrawal by a landmark ("the fighters entered Merawi,
        # about 30 km south of Bahir Dar, as soldiers withdrew")
        return True
    if (
        reading.own_date
        and event.time_precision == 1
        and (main.time_precision == 1 or (main.event_type != event.event_type and not _refines(main, event)))
        and main.event_date != event.event_date
    ):
        return False
    if (
        main.disorder_type != event.disorder_type
        and event.event_type != "Strategic developments"
        and not _same_crowd(main, event)
        and not _shot_protester(main, event, reading)
        and not _force_on_crowd_told_after(main, event, reading)
    ):
        return False
    if (
        event.fatalities
        and reading.tactic
        and event.event_type != main.event_type
        and not _shot_protester(main, event, reading)
    ):
        # deaths by another kind of violence (shelling after a capture) are an incident of their own
        return False
    if (
        event.sub_event_type in _AFTERMATH
        and main.disorder_type == "Political violence"
        and not event.fatalities
        and not reading.own_date
    ):
        # the attackers "burned two vehicles and took away weapons": part of the attack
        return True
    if (
        _new_place(main, event, reading)
        and (event.sub_event_type != main.sub_event_type or event.fatalities > 0)
        and not (reading.refers_back and event.event_type == main.event_type)
    ):
        return False
    new_actor = (
        reading.named and event.actor1 not in {main.actor1, main.actor2} and not is_generic(event.actor1)
    )
    if new_actor and (_same_crowd(main, event) or _force_on_crowd_told_after(main, event, reading)):
        # "Protesters ... burned tyres. Some threw stones at the security forces": the crowd that
        # turned violent is the demonstration's own, not a new actor
        new_actor = False
    return not (new_actor and event.event_type != main.event_type)


def _pursuers(main: Event, other: Event) -> bool:
    """Whether state forces a follow-up names after gunmen's attack on civilians are those who went
    after the attackers ("the army had neutralised several terrorists while pursuing the
    attackers"), not the gunmen themselves."""
    return (
        main.event_type == "Violence against civilians"
        and main.inter1 not in {0, 1}
        and main.inter2 == 7
        and other.inter1 == 1
    )


def _names_place_of(event: Event, main: Event) -> bool:
    """Whether a sentence of ``event`` names the place ``main`` was coded at, as its text spells it."""
    names = {item.text.lower() for item in main.evidence if item.field == "location" and item.text}
    told = [item.text.lower() for item in event.evidence if item.field == "event"]
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names for text in told)


def _shot_protester(main: Event, event: Event, reading: Reading) -> bool:
    """Whether a follow-up tells a death by the force used on protesters told before ("police
    opened fire on protesters" ... "A man died from a gunshot wound", or "three men had been shot
    dead" by the same forces): the same event's toll."""
    return (
        main.sub_event_type == "Excessive force against protesters"
        and event.event_type == "Violence against civilians"
        and (not reading.tactic or (bool(event.actor1) and event.actor1 == main.actor2))
        and not reading.own_place
    )


def _force_on_crowd_told_after(main: Event, event: Event, reading: Reading) -> bool:
    """Whether the force used on protesters, told after a killing by state forces in the same
    place ("Two young men were shot dead in Kisumu" ... "officers opened fire on a crowd near the
    roundabout"), tells how that killing happened: one event of excessive force."""
    return (
        main.event_type == "Violence against civilians"
        and main.inter1 == 1
        and event.sub_event_type == "Excessive force against protesters"
        and event.location == main.location
        and not (reading.own_date and event.event_date != main.event_date)
    )


_CROWD_CODES: Final[frozenset[int]] = frozenset({5, 6})  # rioters, protesters


def _same_crowd(main: Event, event: Event) -> bool:
    """Whether both are demonstrations whose first actors are crowds (protesters, rioters)."""
    return (
        main.event_type in {"Protests", "Riots"}
        and event.event_type in {"Protests", "Riots"}
        and main.inter1 in _CROWD_CODES
        and event.inter1 in _CROWD_CODES
    )


def told_by_weapon(main: Event, other: Event) -> bool:
    """Whether an attack told again by its weapon takes the weapon's type: "Israeli strike on a
    school kills 11" then "an Israeli air strike on a school ..." (remote violence ranks above an
    attack in ACLED's precedence)."""
    return (
        main.sub_event_type == "Attack"
        and other.event_type == "Explosions/Remote violence"
        and not main.territory
    )


def _claims_own_act(event: Event) -> bool:
    """Whether the event's claimant is its own first actor (a group claiming its attack)."""
    return bool(event.claimed_by) and any(
        mention.actor.name == event.actor1 for mention in find_mentions(event.claimed_by, event.country)
    )


def better_source(first: str, second: str) -> str:
    """The claimant of an incident told twice: the first, unless it only described a source the
    second names ("..., a local rights group said." then "The Darfur Bar Association said ...")."""
    if second and _described(first) and _proper_name(second):
        return second
    return first or second


def _described(speaker: str) -> bool:
    """A source described, not named: several words, none capitalised after the first ("Local
    rights group", "Medical group")."""
    words = speaker.split()
    return len(words) >= 2 and not any(word[:1].isupper() for word in words[1:])


def _proper_name(speaker: str) -> bool:
    """A source named by a proper name of two or more capitalised words ("Darfur Bar Association")."""
    return sum(word[:1].isupper() for word in speaker.split()) >= 2


def _refines(main: Event, event: Event) -> bool:
    """Whether a follow-up by the lede's own actor, with no dead of its own, gives the day and the
    place inside the lede's region that the lede lacked ("ADF rebels killed 14 in a raid in North
    Kivu, officials said on Thursday" ... "the attackers entered the village of Mamove in Beni
    territory late on Tuesday")."""
    return (
        bool(main.actor1)
        and event.actor1 == main.actor1
        and not event.fatalities
        and (_inside(event, main) or event.location == main.location)
    )


def _new_place(main: Event, event: Event, reading: Reading) -> bool:
    if not (reading.own_place and event.location and main.location):
        return False
    wider = {main.location, main.admin1, main.country}
    if (event.geo_precision or 1) >= 2:
        wider.add(main.admin2)
    return event.location not in wider and main.location not in {event.admin1, event.admin2}


def _inside(other: Event, main: Event) -> bool:
    """True when ``other`` is placed more exactly in ``main``'s region ("Zamfara state", then
    "Kaya village in Maradun"): a town of it, where ``main`` has only the region or its namesake
    seat."""
    if not (other.location and main.location) or other.location == main.location:
        return False
    finer, same = (
        (other.geo_precision or 9) < (main.geo_precision or 9),
        other.geo_precision == main.geo_precision,
    )
    # a seat named like its region ("explosion in eastern Deir Ezzor", then "near Al-Mayadin"):
    # the place in the region it names, told at the same precision
    return (finer and main.location in {other.admin1, other.admin2}) or (
        same and main.location == other.admin1
    )


def _claimant_inter(other: Event, claimant: str, default: int | None) -> int | None:
    """The actor code of the claimant, read from the claiming sentence's event when it names it."""
    if other.actor1 == claimant:
        return other.inter1
    if other.actor2 == claimant:
        return other.inter2
    return default


def _lede(event: Event) -> int:
    """The sentence an event was first read from (its first evidence)."""
    return event.evidence[0].sentence if event.evidence else -1


def absorb(
    main: Event,
    other: Event,
    main_victims: frozenset[str],
    other_victims: frozenset[str],
    claimant: str = "",
) -> Event:
    """``main`` with a follow-up's details: actors it lacked, its toll, claims and evidence."""
    fatalities, low, high = main.fatalities, main.fatalities_low, main.fatalities_high
    if other.fatalities and not main.fatalities:
        fatalities, low, high = other.fatalities, other.fatalities_low, other.fatalities_high
    elif other.fatalities and main.fatalities:
        both = main_victims | other_victims
        if both == {"state", "armed"} and not main_victims & other_victims:
            # "killing 11 insurgents" ... "two soldiers were killed": both sides' dead add up
            fatalities = main.fatalities + other.fatalities
            low = high = None
        elif more_precise_toll(main, other) or updated_toll(main, other):
            # "dozens were killed" ... "the strikes killed 29 people": the precise figure stands, and
            # "... bringing the toll to 45": the latest
            fatalities, low, high = other.fatalities, other.fatalities_low, other.fatalities_high
        else:
            # the same deaths told again with another figure: the first stands, the spread is kept
            values = [
                v
                for v in (
                    main.fatalities_low,
                    main.fatalities_high,
                    other.fatalities_low,
                    other.fatalities_high,
                    main.fatalities,
                    other.fatalities,
                )
                if v
            ]
            low, high = min(values), max(values)
            if low == high:
                low = high = None
    actor1, inter1 = main.actor1, main.inter1
    actor2, inter2 = main.actor2, main.inter2
    # the lede named no attacker of its own: its actor1 is the type's default
    defaulted = not any(item.field == "actor1" and item.sentence == _lede(main) for item in main.evidence)
    unnamed = main.territory is None and main.sub_event_type == other.sub_event_type and defaulted
    if (
        (is_generic(actor1) or (unnamed and any(item.field == "actor1" for item in other.evidence)))
        and other.actor1
        and not is_generic(other.actor1)
        and other.actor1 != actor2
        and not _pursuers(main, other)
    ):
        # the lede's unnamed attacker ("an overnight drone attack", coded by default) named by a
        # follow-up ("Russian drones struck houses"), or a generic one named more exactly
        actor1, inter1 = other.actor1, other.inter1
    if claimant and claimant != actor2 and (not actor1 or is_generic(actor1) or inter1 == 7 or defaulted):
        claimed = other.actor1 if other.actor1 == claimant else claimant
        actor1, inter1 = claimed, other.inter1 if other.actor1 == claimant else inter1
    elif claimant and claimant != actor1 and actor2 and is_generic(actor2):
        # "militants attacked a base" coded with the base's forces first: the claimant did the
        # attack, so it leads and the forces it attacked follow
        actor1, inter1, actor2, inter2 = claimant, _claimant_inter(other, claimant, inter2), actor1, inter1
    civilian_target = main.territory is not None and other.inter2 == 7
    withdrew = (
        main.territory is not None
        and other.sub_event_type == "Non-violent transfer of territory"
        and not actor2
        and other.actor1
        and other.actor1 != actor1
    )
    if withdrew:
        # the side that withdrew is the one the place was taken from
        actor2, inter2 = other.actor1, other.inter1
    if not actor2 and other.actor2 and other.actor2 != actor1 and not civilian_target:
        actor2, inter2 = other.actor2, other.inter2
    elif (
        is_generic(actor2)
        and other.actor2
        and not is_generic(other.actor2)
        and other.actor2 != actor1
        and other.actor1 != actor2
    ):
        # (a follow-up told from the other side, "the militants opened fire on a police station",
        # names the lede's first side as its target, not the lede's second)
        actor2, inter2 = other.actor2, other.inter2
    if inter2 == 7 and taxonomy.event_type_of(main.sub_event_type) == "Battles":
        # "fighting between two armed groups killed seven, including two civilians", then "clashes
        # between the Radaa force and the 444 Brigade": the civilians only add to the battle's dead;
        # its second side is the other armed party the follow-up names
        side = next(
            ((name, inter) for name, inter in ((other.actor2, other.inter2), (other.actor1, other.inter1))
             if name and inter != 7 and name != actor1),
            None,
        )  # fmt: skip
        if side is not None:
            actor2, inter2 = side
    placed = other if not main.location and other.location else main
    if _inside(other, main):
        # the lede names the province, the next sentence the village in it: the village
        placed = other
    dated = other if other.time_precision == 1 and main.time_precision > 1 else main
    territory = main.territory
    if territory is not None and territory.to_actor == main.actor1 and actor1 != main.actor1:
        territory = Territory(territory.place, territory.from_actor, actor1)
    if territory is not None and withdrew and not territory.from_actor:
        territory = Territory(territory.place, actor2, territory.to_actor)
    # a group that claims its own act ("JNIM claimed the bombing") is its author, not the source
    # that reported it
    claimed_by = (
        better_source(main.claimed_by, other.claimed_by)
        if not _claims_own_act(other)
        else main.claimed_by or other.claimed_by
    )
    sub_event_type = main.sub_event_type
    if (
        main.event_type == "Violence against civilians"
        and other.sub_event_type == "Excessive force against protesters"
    ):
        # the killing told first was the force used on a crowd (``_force_on_crowd_told_after``):
        # ACLED codes the protesters first, the force that fired on them second
        sub_event_type = other.sub_event_type
        actor1, inter1, actor2, inter2 = other.actor1, other.inter1, main.actor1, main.inter1
    if (
        sub_event_type == "Armed clash"
        and not main.actor2
        and not actor2
        and other.event_type == "Explosions/Remote violence"
    ):
        # "the rebels attacked a cargo ship" ... "it was struck by a projectile": a clash needs two
        # sides; with none facing the attackers, the weapon says what the attack was
        sub_event_type = other.sub_event_type
    elif told_by_weapon(main, other):
        sub_event_type = other.sub_event_type
    if main.sub_event_type == "Peaceful protest" and other.sub_event_type in _INTERVENED:
        # "Several thousand gathered outside the courthouse" ... "riot police used pepper spray to
        # push them back": the demonstration met force, as ACLED codes it
        sub_event_type = other.sub_event_type
    if (
        _same_crowd(main, other)
        and other.event_type == "Riots"
        and main.sub_event_type in {"Peaceful protest", "Protest with intervention"}
    ):
        # the demonstrators turned violent: ACLED codes the demonstration as a riot by rioters
        sub_event_type = other.sub_event_type
        actor1, inter1 = other.actor1, other.inter1
    return replace(
        main,
        sub_event_type=sub_event_type,
        event_type=taxonomy.event_type_of(sub_event_type),
        disorder_type=taxonomy.disorder_type_of(sub_event_type),
        actor1=actor1,
        inter1=inter1,
        actor2=actor2,
        inter2=inter2,
        interaction=taxonomy.interaction(inter1, inter2),
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        claimed_by=claimed_by,
        territory=territory,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        notes=notes(
            dated.event_date,
            sub_event_type,
            actor1,
            actor2,
            placed.location,
            placed.admin1,
            fatalities,
            claimed_by,
            territory is not None,
        ),
        claims=main.claims + tuple(claim for claim in other.claims if claim not in main.claims),
        evidence=main.evidence + tuple(item for item in other.evidence if item not in main.evidence),
        confidence=max(main.confidence, other.confidence),
        tags=tuple(dict.fromkeys(main.tags + other.tags)),
        **place_of(placed),
    )
