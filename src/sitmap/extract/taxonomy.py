"""The ACLED event taxonomy: disorder types, 6 event types, 25 sub-event types, precedence and PLOVER.

ACLED's codebook rules kept here: when tactics co-occur in one event the higher event type wins
(Battles above Explosions/Remote violence above Violence against civilians above Riots above
Protests above Strategic developments); a change of control is coded by who takes the place.
"""

from __future__ import annotations

from typing import Final, Literal

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

SUB_EVENT_TYPES: Final[dict[str, str]] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

EVENT_TYPES: Final[tuple[str, ...]] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
    "Protests",
    "Strategic developments",
)

# Lower rank wins when two tactics describe one event.
_EVENT_RANK: Final[dict[str, int]] = {name: rank for rank, name in enumerate(EVENT_TYPES)}

# Inside one event type, the more specific tactic wins ("a suicide car bomb" is not a plain IED).
_SUB_RANK: Final[dict[str, int]] = {name: rank for rank, name in enumerate(SUB_EVENT_TYPES)}
_SPECIFIC_FIRST: Final[dict[str, int]] = {
    "Non-state actor overtakes territory": 0,
    "Government regains territory": 0,
    "Armed clash": 1,
    "Chemical weapon": 0,
    "Suicide bomb": 1,
    "Air/drone strike": 2,
    "Shelling/artillery/missile attack": 3,
    "Grenade": 4,
    "Remote explosive/landmine/IED": 5,
    "Sexual violence": 0,
    "Abduction/forced disappearance": 1,
    "Attack": 2,
    "Excessive force against protesters": 0,
    "Protest with intervention": 1,
    "Peaceful protest": 2,
    "Violent demonstration": 1,
    "Mob violence": 0,
}

DISORDER_TYPES: Final[dict[str, str]] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# PLOVER event types (Halterman et al.) for GDELT/POLECAT users; the nearest single category.
PLOVER: Final[dict[str, str]] = {
    "Armed clash": "FIGHT",
    "Government regains territory": "FIGHT",
    "Non-state actor overtakes territory": "FIGHT",
    "Chemical weapon": "FIGHT",
    "Air/drone strike": "FIGHT",
    "Suicide bomb": "ASSAULT",
    "Shelling/artillery/missile attack": "FIGHT",
    "Remote explosive/landmine/IED": "ASSAULT",
    "Grenade": "ASSAULT",
    "Sexual violence": "ASSAULT",
    "Attack": "ASSAULT",
    "Abduction/forced disappearance": "ASSAULT",
    "Peaceful protest": "PROTEST",
    "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "ASSAULT",
    "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT",
    "Agreement": "AGREE",
    "Arrests": "COERCE",
    "Change to group/activity": "MOBILIZE",
    "Disrupted weapons use": "COERCE",
    "Headquarters or base established": "MOBILIZE",
    "Looting/property destruction": "COERCE",
    "Non-violent transfer of territory": "CONCEDE",
    "Other": "OTHER",
}

INTER_NAMES: Final[dict[int, str]] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/other forces",
}


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to."""
    try:
        return SUB_EVENT_TYPES[sub_event_type]
    except KeyError:
        raise ValueError(f"not an ACLED sub-event type: {sub_event_type!r}") from None


def disorder_type_of(sub_event_type: str) -> str:
    """ACLED's disorder type for a sub-event type."""
    return DISORDER_TYPES[event_type_of(sub_event_type)]


def precedence(sub_event_type: str) -> tuple[int, int, int]:
    """A sort key: the sub-event type that wins when tactics co-occur sorts first."""
    return (
        _EVENT_RANK[event_type_of(sub_event_type)],
        _SPECIFIC_FIRST.get(sub_event_type, 9),
        _SUB_RANK[sub_event_type],
    )


def winning(sub_event_types: list[str]) -> str:
    """The sub-event type coded when several tactics describe one event."""
    if not sub_event_types:
        raise ValueError("winning() needs at least one sub-event type")
    return min(sub_event_types, key=precedence)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (10 * 1 + 7 = 17; alone 10 * 1)."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def territory_sub_event(taker_inter: int | None, violent: bool) -> str:
    """The sub-event type of a change of control, by who takes the place."""
    if not violent:
        return "Non-violent transfer of territory"
    if taker_inter == 1:
        return "Government regains territory"
    return "Non-state actor overtakes territory"
