"""One sentence to one candidate event: type, actors, fatalities, claims, territory, evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from spacy.tokens import Doc

from sitmap.extract import context, roles, taxonomy
from sitmap.extract.actors import UNIDENTIFIED, Mention, actor_name, country_actor, find_countries
from sitmap.extract.claims import Attribution
from sitmap.extract.fatalities import UPDATED_TAG, Count, fatalities, is_updated
from sitmap.extract.triggers import Trigger, find_triggers
from sitmap.model import Actor, Claim, Evidence, Sentence, Territory

TERRITORY: Final[frozenset[str]] = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory"}
)
HANDOVER: Final[frozenset[str]] = TERRITORY | {"Non-violent transfer of territory"}
_TERRITORY_OBJECT: Final[re.Pattern[str]] = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:town|city|village|villages|district|area|areas|neighbou?rhoods?|hills?|"
    r"base|airport|airbase|region|province|positions?|territory|border crossing|highway|road|"
    r"crossing|outskirts|suburbs?|countryside|strongholds?|bastion|[A-Z][\w'’-]+)",
)
_INFRASTRUCTURE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:cut|severed|blocked|closed|seized|took control of)\b[^.]{0,40}\b(?:highway|road|motorway|"
    r"supply (?:route|line)|m\d+|m-\d+)\b",
    re.IGNORECASE,
)
_CROWD: Final[re.Pattern[str]] = re.compile(
    r"riot|unrest|violent protest|running battles|clash|stone|rock|brick|petrol|molotov|bottles|fireworks|"
    r"scuffle|violence|aggressive",
    re.IGNORECASE,
)
_ACTOR_WORD: Final[re.Pattern[str]] = re.compile(r"gunmen|armed men|assailants", re.IGNORECASE)
_PROTEST_TYPES: Final[frozenset[str]] = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    }
)


# Where the wounded were taken, or where a vehicle was heading, is no event's place ("evacuated
# to Niamey for treatment", "the minibus was travelling to Kherson when a drone struck it"): the
# span after the verb, up to the clause's end.
_DESTINATION: Final = re.compile(
    r"\b(?:evacuated|taken|rushed|flown|airlifted|transferred|transported|brought|referred|admitted|travell?ing|"
    r"heading|driving|bound|returning|fleeing|fled|withdr[ae]w\w*|retreat\w*|pull(?:ed|ing)? back)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:to|towards?)\s+(?P<place>(?:(?:a|the|an)\s+)?(?:\w+\s+){0,3}?(?:hospitals?\s+in\s+)?[A-Z][^,.;]{0,40})"
)

# The seat of an institution that speaks or decides ("the defence ministry in Maputo did not
# address the claim", "officials in Kabul denied it"): where it sits, not where the event was.
_SEAT: Final = re.compile(
    r"\b(?:ministry|ministries|government|officials|authorities|spokes(?:man|woman|person)|embassy|"
    r"parliament|presidency|junta|leadership|command|headquarters|prosecutors?|court)"
    r"\s+in\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    r"(?=\s+(?:said|says|did|does|has|have|had|denied|denies|declined|confirmed|confirms|"
    r"rejected|accused|blamed|dismissed|insisted|announced|would|could|did not|was|were|is|are)\b)"
)


@dataclass(slots=True)
class Candidate:
    """An event read from one sentence, before merging with the rest of its document."""

    sentence: Sentence
    sub_event_type: str
    strength: int
    trigger: Trigger
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc1: Actor | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    claims: list[Claim] = field(default_factory=list)
    claimed_by: str = ""
    territory: Territory | None = None
    evidence: list[Evidence] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    confidence: float = 0.5
    not_places: list[tuple[int, int]] = field(default_factory=list)


def choose_trigger(triggers: list[Trigger], text: str, has_deaths: bool = False) -> Trigger | None:
    """The trigger that codes the sentence: strong words first, then ACLED precedence.

    Protest words settle the kind of demonstration together; a disrupted weapon ("defused a
    roadside bomb") is not an explosion unless someone died; burning or vandalism without a
    crowd is property destruction, not a riot.
    """
    usable = [trigger for trigger in triggers if _valid(trigger, text)]
    types = {trigger.sub_event_type for trigger in usable}
    if "Peaceful protest" not in types and "Excessive force against protesters" not in types:
        usable = [
            trigger
            for trigger in usable
            if trigger.sub_event_type != "Violent demonstration" or _CROWD.search(trigger.text)
        ]
        types = {trigger.sub_event_type for trigger in usable}
    if not usable:
        return None
    told = [
        trigger
        for trigger in usable
        if _TOLD_BEFORE.search(text[: trigger.start]) and trigger.text.lower().startswith("clash")
    ]
    if told and len(told) < len(usable):
        # "a lawyer was attacked and killed by a group of men during the clashes": the clashes
        # (a riot as often as a battle) were told before; the sentence's own event is the killing.
        # "Civilians were killed by stray bullets during the fighting" stays the battle's.
        usable = [trigger for trigger in usable if trigger not in told]
        types = {trigger.sub_event_type for trigger in usable}
    if "Looting/property destruction" in types and types & {"Peaceful protest", "Protest with intervention"}:
        # "protesters ... set fire to the local office of the ruling party": a crowd destroying
        # property is a violent demonstration
        usable = [
            replace(t, sub_event_type="Violent demonstration")
            if t.sub_event_type == "Looting/property destruction"
            else t
            for t in usable
        ]
        types = {trigger.sub_event_type for trigger in usable}
    protest = _protest_type(types)
    if protest is not None and has_deaths and protest in {"Peaceful protest", "Protest with intervention"}:
        # "security forces shot dead a young man during opposition protests": lethal force against
        # demonstrators, whatever the other protest words say
        shot = [t for t in usable if t.sub_event_type == "Attack" and _FORCES_BEFORE.search(text[: t.start])]
        if shot:
            return replace(shot[0], sub_event_type="Excessive force against protesters")
    if protest is not None:
        exact = next((trigger for trigger in usable if trigger.sub_event_type == protest), None)
        if exact is not None:
            return exact
        first = next(trigger for trigger in usable if trigger.sub_event_type in _PROTEST_TYPES)
        return replace(first, sub_event_type=protest)
    if not has_deaths:
        disrupted = [
            trigger
            for trigger in usable
            if trigger.sub_event_type == "Disrupted weapons use" and trigger.strength >= 3
        ]
        if disrupted:
            return disrupted[0]
    if has_deaths:
        cause = next((t for t in usable if _KILLED_BY.search(text[: t.start])), None)
        if cause is not None and all(
            t.start < cause.end or _ANOTHER_CLAUSE.search(text, cause.end, t.start) for t in usable
        ):
            # "Soldier killed by landmine in Michoacan as cartel drones hit village": the deaths'
            # cause codes the sentence; what the later clause tells is another incident
            usable = [t for t in usable if t.start <= cause.start]
    strong = [trigger for trigger in usable if trigger.strength >= 2] or usable
    violent = [
        trigger
        for trigger in strong
        if taxonomy.event_type_of(trigger.sub_event_type)
        in {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    ]
    pool = violent or strong
    remote = [
        trigger
        for trigger in pool
        if trigger.strength >= 3
        and taxonomy.event_type_of(trigger.sub_event_type) == "Explosions/Remote violence"
    ]
    if remote and all(
        _ONE_SIDED.match(trigger.text)
        for trigger in pool
        if taxonomy.event_type_of(trigger.sub_event_type) == "Battles"
    ):
        # "attacked a military patrol with explosives dropped from drones": a one-sided attack by
        # a remote weapon is remote violence, not a battle (nobody is said to fight back)
        pool = remote
    winner = taxonomy.winning([trigger.sub_event_type for trigger in pool])
    killing = [trigger for trigger in usable if trigger.sub_event_type == "Attack"]
    if has_deaths and winner == "Abduction/forced disappearance" and killing:
        # "bandits killed 12 people and abducted dozens": a raid that kills is an attack (ACLED
        # codes an abduction in which people die as an attack on them)
        pool, winner = killing, "Attack"
    # the verb, not the actor word ("gunmen"), anchors the event in the parse
    return min(
        (trigger for trigger in pool if trigger.sub_event_type == winner),
        key=lambda trigger: (-trigger.strength, bool(_ACTOR_WORD.fullmatch(trigger.text))),
    )


_TOLD_BEFORE: Final = re.compile(
    r"\b(?:during|amid|in|after|following)\s+(?:the|these|those)\s+$", re.IGNORECASE
)
_ONE_SIDED: Final = re.compile(r"attack(?:ed|s)?\b", re.IGNORECASE)
# what killed them, right before the trigger: "killed by landmine", "died in an air strike"
_KILLED_BY: Final = re.compile(
    r"\b(?:killed|dead|died|dies|slain)\s+(?:by|in)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE
)
# a clause that tells something else: "... as cartel drones hit village", "...; in Kumbo, ..."
_ANOTHER_CLAUSE: Final = re.compile(r"\s(?:as|while|whereas)\s|;", re.IGNORECASE)


# Tactics of armed groups: a state force named in such a sentence is its target
_NEVER_BY_STATE: Final[frozenset[str]] = frozenset({"Suicide bomb", "Remote explosive/landmine/IED"})
# The state's forces named before a killing ("Security forces ... shot dead", "police opened fire")
_FORCES_BEFORE: Final = re.compile(
    r"\b(?:security forces|police(?:men)?|soldiers|troops|gendarmes|riot police|army|officers)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


def _protest_type(types: set[str]) -> str | None:
    if not types & {
        "Peaceful protest",
        "Violent demonstration",
        "Mob violence",
        "Excessive force against protesters",
    }:
        return None
    if "Mob violence" in types:
        return "Mob violence"
    if "Excessive force against protesters" in types:
        return "Excessive force against protesters"
    if "Violent demonstration" in types and (
        "Peaceful protest" in types or "Protest with intervention" in types
    ):
        return "Violent demonstration"
    if "Violent demonstration" in types:
        return "Violent demonstration"
    if "Protest with intervention" in types or "Arrests" in types:
        return "Protest with intervention"
    return "Peaceful protest"


def _valid(trigger: Trigger, text: str) -> bool:
    if context.is_figurative(text, trigger.start):
        return False
    if trigger.sub_event_type in TERRITORY:
        # "captured the town", "took control of Saraqeb" — not "captured five fighters"
        return bool(_TERRITORY_OBJECT.match(text[trigger.end :])) and not re.match(
            r"^\W*(?:\w+\W+){0,2}?(?:fighters|soldiers|militants|members|men|people|weapons|arms)\b",
            text[trigger.end :],
            re.IGNORECASE,
        )
    return True


def build(
    sentence: Sentence,
    doc: Doc | None,
    trigger: Trigger,
    mentions: list[Mention],
    counts: list[Count],
    attribution: Attribution | None,
    doc_id: str,
    country: str,
) -> Candidate:
    """The candidate event of one sentence from its trigger, actor mentions and casualty counts."""
    offset = sentence.start
    candidate = Candidate(sentence, trigger.sub_event_type, trigger.strength, trigger)
    # the whole sentence that reports the event, then the span behind each coded field
    candidate.evidence.append(_evidence(doc_id, sentence, 0, len(sentence.text), "event"))
    candidate.evidence.append(_evidence(doc_id, sentence, trigger.start, trigger.end, "sub_event_type"))
    candidate.not_places = (
        [(trigger.start, trigger.end)]
        + [
            (start, end)
            for country_name, _, start, end in find_countries(sentence.text)
            if sentence.text[start:end].lower() != country_name.lower()
        ]
        + [(mention.start, mention.end) for mention in mentions]
        + [match.span("place") for match in _DESTINATION.finditer(sentence.text)]
        + [match.span("place") for match in _SEAT.finditer(sentence.text)]
    )
    agents, targets, others = _roles(doc, trigger, mentions, sentence, country)
    _assign_actors(candidate, agents, targets, others, country)
    best, low, high = fatalities(counts)
    candidate.fatalities = best
    if best and is_updated(counts, best):
        candidate.tags.append(UPDATED_TAG)
    if high is not None:
        candidate.fatalities_low, candidate.fatalities_high = low, high
    speaker = attribution.speaker if attribution else ""
    candidate.claimed_by = speaker
    if attribution is not None:
        candidate.evidence.append(
            _evidence(doc_id, sentence, attribution.start, attribution.end, "claimed_by")
        )
    for count in counts:
        if count.context or count.subset:
            continue
        evidence = _evidence(
            doc_id, sentence, count.start, count.end, "fatalities" if count.kind == "killed" else "claims"
        )
        candidate.evidence.append(evidence)
        candidate.claims.append(Claim(speaker, count.kind, count.value, evidence))  # type: ignore[arg-type]
    _adjust_type(candidate, sentence.text)
    _fight_for_territory(candidate, sentence.text)
    _protest_actors(candidate, country)
    del offset
    return candidate


def _protest_actors(candidate: Candidate, country: str) -> None:
    """ACLED's protest coding: protesters are actor1; a peaceful protest has no fatalities.

    "Hundreds marched to protest against the killing of a teacher by gunmen": the gunmen and the
    teacher are the grievance, not the protest's actors or dead.
    """
    sub = candidate.sub_event_type
    if sub not in {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}:
        return
    protesters = _default_actor1(sub, country)
    if candidate.actor1 is not None and candidate.actor1.inter == 6:
        protesters = candidate.actor1
    if sub == "Peaceful protest":
        candidate.actor1, candidate.actor2 = protesters, None
        candidate.fatalities, candidate.fatalities_low, candidate.fatalities_high = 0, None, None
        candidate.evidence = [
            item for item in candidate.evidence if item.field not in {"actor1", "actor2", "fatalities"}
        ]
        return
    if candidate.actor1 is not None and candidate.actor1.inter != 6:
        # the forces that intervened are the second actor
        intervening = candidate.actor1 if candidate.actor1.inter in {1, 3, 8} else candidate.actor2
        candidate.actor1, candidate.actor2 = protesters, intervening
        candidate.evidence = [item for item in candidate.evidence if item.field != "actor1"]
    if sub == "Protest with intervention":
        candidate.fatalities, candidate.fatalities_low, candidate.fatalities_high = 0, None, None


def _roles(
    doc: Doc | None, trigger: Trigger, mentions: list[Mention], sentence: Sentence, country: str
) -> tuple[list[Mention], list[Mention], list[Mention]]:
    mentions = mentions + _country_subjects(doc, sentence, mentions)
    if doc is None:
        return [], [], mentions
    head = roles.trigger_token(doc, trigger.start, trigger.end)
    agents: list[Mention] = []
    targets: list[Mention] = []
    others: list[Mention] = []
    for mention in mentions:
        role = roles.role_of(doc, mention.start, mention.end, head)
        (agents if role == "agent" else targets if role == "target" else others).append(mention)
    return agents, targets, others


def _country_subjects(doc: Doc | None, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    # "Turkey retaliated", "Israel struck": a country as the subject of a verb acts through its forces
    if doc is None:
        return []
    found = []
    for country, _, start, end in find_countries(sentence.text):
        if any(m.start <= start < m.end or start <= m.start < end for m in mentions):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ not in {"nsubj"} or span.root.tag_ not in {"NNP", "NNPS"}:
            continue
        found.append(Mention(country_actor(country, span.text), start, end, span.text, None, True))
    return found


def _named_first(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the unidentified armed groups after the named armed actors, when there
    are both: an operation "against terror groups, regime forces and Russian-backed militias"
    was against the regime's forces, as a coder reads it."""
    unnamed = [m for m in mentions if m.actor.name.startswith(UNIDENTIFIED)]
    if not unnamed or not any(m.actor.inter != 7 and m not in unnamed for m in mentions):
        return mentions
    return [m for m in mentions if m not in unnamed] + unnamed


def _assign_actors(
    candidate: Candidate, agents: list[Mention], targets: list[Mention], others: list[Mention], country: str
) -> None:
    everyone = [*agents, *targets, *others]
    armed = [m for m in everyone if m.actor.inter != 7]
    first = next((m for m in agents if m.actor.inter != 7), None)
    if first is None:
        first = next((m for m in others if m.actor.inter != 7), None)
    if first is None and not targets and armed:
        first = armed[0]
    targets = _named_first(targets)
    second = next((m for m in targets if first is None or m.actor.name != first.actor.name), None)
    if taxonomy.event_type_of(candidate.sub_event_type) == "Battles" and (
        second is None or second.actor.inter == 7
    ):
        # a battle's second side is the other armed party ("fighting between the ELN and FARC
        # dissidents killed nine, among them five civilians"): civilians caught in it only add dead
        second = next(
            (m for m in _named_first([*targets, *others, *agents]) if m.actor.inter != 7
             and (first is None or m.actor.name != first.actor.name)),
            second,
        )  # fmt: skip
    if second is None:
        # civilians are the target whenever they are named; otherwise the next other actor
        pool = sorted([*others, *agents, *targets], key=lambda m: m.actor.inter != 7)
        second = next((m for m in pool if first is None or m.actor.name != first.actor.name), None)
    candidate.actor1 = first.actor if first else None
    candidate.actor2 = second.actor if second else None
    backers = [m.backer for m in everyone if m.backer is not None]
    candidate.assoc1 = backers[0] if backers else None
    for mention, name in ((first, "actor1"), (second, "actor2")):
        if mention is not None:
            candidate.evidence.append(
                Evidence(
                    "",
                    candidate.sentence.index,
                    candidate.sentence.start + mention.start,
                    candidate.sentence.start + mention.end,
                    name,
                    mention.text,
                )
            )
    if candidate.actor1 is None:
        candidate.actor1 = _default_actor1(candidate.sub_event_type, country)
    if candidate.actor2 is not None and candidate.actor1.name == candidate.actor2.name:
        candidate.actor2 = None


def _default_actor1(sub_event_type: str, country: str) -> Actor:
    if sub_event_type in {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    }:
        return Actor(actor_name("Protesters ({country})", country), 6, country)
    if sub_event_type in {"Violent demonstration", "Mob violence"}:
        return Actor(actor_name("Rioters ({country})", country), 5, country)
    if sub_event_type in {"Arrests", "Disrupted weapons use"}:
        return Actor(actor_name("Police Forces of {country}", country), 1, country)
    if sub_event_type == "Air/drone strike":
        return Actor(actor_name("Military Forces of {country}", country), 8 if not country else 1, country)
    return Actor(actor_name("Unidentified Armed Group ({country})", country), 3, country)


def _adjust_type(candidate: Candidate, text: str) -> None:
    """ACLED's conditions on actors: an attack needs an unarmed target, a protest needs protesters."""
    sub = candidate.sub_event_type
    if sub in _NEVER_BY_STATE and candidate.actor1 is not None and candidate.actor1.inter == 1:
        # "a suicide car bomb exploded at the gate of a military base", "an IED went off as a
        # military vehicle was passing": state forces are the target, not the author
        if candidate.actor2 is None or candidate.actor2.inter == 7:
            candidate.actor2 = candidate.actor1
        candidate.actor1 = Actor(
            actor_name("Unidentified Armed Group ({country})", candidate.actor1.country),
            3,
            candidate.actor1.country,
        )
    target = candidate.actor2
    if sub == "Attack" and candidate.strength <= 1 and target is not None and target.inter in {1, 2, 3, 4, 8}:
        candidate.sub_event_type = "Armed clash"
    if sub in TERRITORY:
        taker = candidate.actor1
        candidate.sub_event_type = taxonomy.territory_sub_event(taker.inter if taker else None, violent=True)
        candidate.territory = Territory(
            "", candidate.actor2.name if candidate.actor2 else "", taker.name if taker else ""
        )
    if sub == "Non-violent transfer of territory":
        candidate.territory = Territory(
            "",
            candidate.actor1.name if candidate.actor1 else "",
            candidate.actor2.name if candidate.actor2 else "",
        )
    if _INFRASTRUCTURE.search(text):
        candidate.tags.append("infrastructure:road-cut")
    if (
        candidate.actor2 is not None
        and candidate.actor2.inter == 7
        and candidate.sub_event_type not in _PROTEST_TYPES
    ):
        candidate.tags.append("civilian_targeting")


def _fight_for_territory(candidate: Candidate, text: str) -> None:
    """A clash in which a side also took or left a place records that change of control.

    "Troops withdrew from positions in Nyala after fierce clashes with the rebels" is coded as the
    clash, and the territory record keeps what else the sentence says: the army left Nyala.
    """
    if candidate.territory is not None or taxonomy.event_type_of(candidate.sub_event_type) != "Battles":
        return
    for trigger in find_triggers(text):
        if trigger.sub_event_type not in HANDOVER or not _valid(trigger, text):
            continue
        if not _TERRITORY_OBJECT.match(text[trigger.end :]):
            continue  # "withdrew its troops", "handed over the prisoners"
        first = candidate.actor1.name if candidate.actor1 else ""
        second = candidate.actor2.name if candidate.actor2 else ""
        withdrew = trigger.sub_event_type == "Non-violent transfer of territory"
        candidate.territory = Territory("", first, second) if withdrew else Territory("", second, first)
        return


def _evidence(doc_id: str, sentence: Sentence, start: int, end: int, name: str) -> Evidence:
    return Evidence(
        doc_id, sentence.index, sentence.start + start, sentence.start + end, name, sentence.text[start:end]
    )


def with_doc_id(evidence: list[Evidence], doc_id: str) -> tuple[Evidence, ...]:
    """The evidence spans with the document id filled in, without duplicates, in text order."""
    seen, result = set(), []
    for item in evidence:
        fixed = replace(item, doc_id=doc_id)
        key = (fixed.sentence, fixed.start, fixed.end, fixed.field)
        if key not in seen:
            seen.add(key)
            result.append(fixed)
    return tuple(sorted(result, key=lambda item: (item.start, item.field)))


def notes(
    event_date: date | None,
    sub_event_type: str,
    actor1: str,
    actor2: str,
    location: str,
    admin1: str,
    fatalities: int,
    claimed_by: str,
    territory: bool,
) -> str:
    """An ACLED-style notes sentence ("On 27 February 2020, Rebels (Syria) took control of ...")."""
    when = f"On {event_date.day} {event_date:%B %Y}, " if event_date else ""
    verb = _VERBS.get(sub_event_type, "were involved in an event with")
    where = f" in {location}" if location else ""
    if location and admin1 and admin1 != location:
        where += f" ({admin1})"
    whom = f" {actor2}" if actor2 else ""
    if territory and not actor2:
        whom = " the area"
    text = f"{when}{actor1 or 'an unidentified actor'} {verb}{whom}{where}."
    if fatalities:
        text += f" {fatalities} {'fatality' if fatalities == 1 else 'fatalities'} reported"
        text += f" by {claimed_by}." if claimed_by else "."
    elif claimed_by:
        text += f" Reported by {claimed_by}."
    return text[0].upper() + text[1:]


_VERBS: Final[dict[str, str]] = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained control from",
    "Non-state actor overtakes territory": "took control from",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Peaceful protest": "demonstrated, joined by",
    "Protest with intervention": "demonstrated and were met by",
    "Excessive force against protesters": "faced excessive force from",
    "Violent demonstration": "rioted, confronting",
    "Mob violence": "carried out mob violence against",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed activity concerning",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a base, facing",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "handed over territory to",
    "Other": "were involved in an event with",
}
