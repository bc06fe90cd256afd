"""combine() and merge_events(): one event per real event, every source kept, ids stable."""

import dataclasses
import itertools
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sitmap.merge import combine, match, merge_events
from sitmap.model import Claim, Event, Evidence, Source, Territory

MAIDUGURI = dict(
    country="Nigeria",
    admin1="Borno",
    location="Maiduguri",
    latitude=11.84692,
    longitude=13.15712,
    geonameid=2331447,
    geo_precision=1,
)


def _report(
    event_id: str,
    doc_id: str,
    text: str,
    killed: int | None = None,
    victims: str = "people",
    **changes: object,
) -> Event:
    evidence = Evidence(doc_id, 0, 0, len(text), "event", text)
    claims = (
        (Claim(doc_id, "killed", killed, Evidence(doc_id, 0, 0, 0, "fatalities", victims)),) if killed else ()
    )
    fields: dict[str, object] = dict(
        event_id=event_id,
        event_date=date(2021, 6, 12),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        actor1="Boko Haram - JAS",
        inter1=2,
        actor2="Civilians (Nigeria)",
        inter2=7,
        claims=claims,
        fatalities=killed or 0,
        sources=(Source(doc_id, doc_id.upper(), None, date(2021, 6, 12)),),
        evidence=(evidence,),
        confidence=0.6,
        **MAIDUGURI,
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


POLICE = _report(
    "e07", "police", "Two suicide bombers blew themselves up at the fish market, police said.", 4
)
WIRE = _report(
    "e03",
    "wire",
    "Twin blasts tore through the crowded fish market on Saturday.",
    10,
    "traders",
    location="Borno state capital",
)
LOCAL = _report(
    "e11",
    "local",
    "The governor visited the fish market hit by Saturday's suicide bombers.",
    actor1="Unidentified Armed Group (Nigeria)",
    inter1=3,
    time_precision=2,
    geo_precision=2,
)
NEXT_DAY = _report(
    "e01",
    "later",
    "A bomber blew himself up at a checkpoint on the Damboa road on Sunday.",
    2,
    event_date=date(2021, 6, 13),
)
BASE_ATTACK = _report(
    "e05",
    "army",
    "Troops repelled ISWAP fighters who attacked a base at dawn, the army said.",
    11,
    "fighters",
    event_type="Battles",
    sub_event_type="Armed clash",
    actor1="Islamic State West Africa Province (ISWAP)",
    actor2="Military Forces of Nigeria (2015-)",
    inter2=1,
)
BATCH = [POLICE, WIRE, LOCAL, NEXT_DAY, BASE_ATTACK]


def _groups(events: list[Event]) -> dict[str, set[str]]:
    return {event.event_id: {source.doc_id for source in event.sources} for event in events}


def test_merge_events_joins_reports_of_one_bombing_and_keeps_near_misses_apart() -> None:
    assert _groups(merge_events(BATCH)) == {
        "e03": {"police", "wire", "local"},
        "e01": {"later"},
        "e05": {"army"},
    }


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(BATCH))))[::7])
def test_merge_events_does_not_depend_on_input_order(order: tuple[int, ...]) -> None:
    assert merge_events([BATCH[i] for i in order]) == merge_events(BATCH)


def test_merge_events_keeps_the_smallest_id_of_a_cluster() -> None:
    assert [event.event_id for event in merge_events([LOCAL, POLICE])] == ["e07"]
    assert [event.event_id for event in merge_events([LOCAL, POLICE, WIRE])] == ["e03"]


def test_merge_events_of_the_same_article_twice_counts_once() -> None:
    (once,) = merge_events([POLICE])
    (twice,) = merge_events([POLICE, POLICE])
    assert twice == once
    assert (twice.fatalities, len(twice.sources), len(twice.claims)) == (4, 1, 1)


def test_merge_events_leaves_two_events_of_one_article_to_the_extraction_that_told_them_apart() -> None:
    # Within one article, extraction merges what is one event (tests/extract: headline and body
    # count once); two events it kept apart, such as an attack and the retaliation, stay apart.
    again = _report(
        "e09",
        "police",
        "Police said the bombers detonated their vests in the fish market.",
        actor1="",
        inter1=None,
    )
    assert sorted(e.event_id for e in merge_events([POLICE, again])) == ["e07", "e09"]
    verdict = match(POLICE, again)
    assert not verdict.same and any("both coded from document police" in r for r in verdict.reasons)


def test_a_report_already_merged_is_recognised_by_its_id_even_from_a_shared_document() -> None:
    merged = combine(LOCAL, POLICE)
    assert match(merged, POLICE).same


def test_combine_keeps_the_id_and_unites_sources_evidence_claims_and_tags() -> None:
    merged = combine(LOCAL, dataclasses.replace(POLICE, tags=("suicide",)))
    assert merged.event_id == "e11"
    assert [s.doc_id for s in merged.sources] == ["local", "police"]
    assert len(merged.evidence) == 2 and merged.claims == POLICE.claims
    assert "merged:e07" in merged.tags and "suicide" in merged.tags


def test_combine_takes_the_more_precise_date_place_and_named_actor() -> None:
    merged = combine(LOCAL, POLICE)
    assert (merged.time_precision, merged.geo_precision, merged.location) == (1, 1, "Maiduguri")
    assert merged.actor1 == "Unidentified Armed Group (Nigeria)"  # kept's actor, more confident report absent
    better = combine(LOCAL, dataclasses.replace(POLICE, confidence=0.9))
    assert better.actor1 == "Boko Haram - JAS"


def test_combine_reconciles_fatalities_lowest_first() -> None:
    merged = combine(POLICE, WIRE)
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (4, 4, 10)


def test_combine_corroboration_raises_confidence_only_for_a_new_document() -> None:
    assert combine(POLICE, WIRE).confidence > 0.6
    assert combine(POLICE, dataclasses.replace(POLICE, event_id="e08")).confidence == 0.6


def test_combine_keeps_the_territory_and_its_type() -> None:
    taken = dataclasses.replace(
        BASE_ATTACK,
        event_id="e06",
        sub_event_type="Non-state actor overtakes territory",
        territory=Territory("Maiduguri", "Military Forces of Nigeria (2015-)", "ISWAP"),
    )
    merged = combine(BASE_ATTACK, taken)
    assert merged.territory == taken.territory
    assert merged.sub_event_type == "Non-state actor overtakes territory"


def test_combine_tags_deaths_per_side() -> None:
    soldiers = dataclasses.replace(
        BASE_ATTACK,
        event_id="e06",
        claims=(Claim("army", "killed", 3, Evidence("army2", 0, 0, 0, "fatalities", "soldiers")),),
    )
    assert {"deaths:side_a=11", "deaths:side_b=3"} <= set(combine(BASE_ATTACK, soldiers).tags)


def _extracted(event_id: str, doc_id: str, text: str, spans: dict[str, str], **changes: object) -> Event:
    """A report as the extractor codes it: its sentence and the span behind each field it read."""
    evidence = [Evidence(doc_id, 0, 0, len(text), "event", text)]
    for field, words in spans.items():
        start = text.index(words)
        evidence.append(Evidence(doc_id, 0, start, start + len(words), field, words))
    return dataclasses.replace(_report(event_id, doc_id, text), evidence=tuple(evidence), **changes)


def test_combine_takes_the_actor_a_report_read_over_one_filled_in_by_rule() -> None:
    strike = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    default = _extracted(
        "e20",
        "wire",
        "Air strikes hit the market on Saturday.",
        {"sub_event_type": "Air strikes"},
        actor1="Military Forces of Nigeria",
        inter1=1,
        confidence=0.9,
        **strike,
    )
    named = _extracted(
        "e21",
        "rescue",
        "Cameroonian jets struck the market on Saturday.",
        {"actor1": "Cameroonian jets", "sub_event_type": "jets"},
        actor1="Military Forces of Cameroon",
        inter1=8,
        confidence=0.5,
        **strike,
    )
    merged = combine(default, named)
    assert (merged.actor1, merged.inter1) == ("Military Forces of Cameroon", 8)
    assert merged.event_id == "e20"


def test_merge_events_a_siege_joins_the_hotel_attack_not_a_clash_elsewhere_in_town() -> None:
    """Average linkage: the siege report shares "hotel" with the bombing reports; a clan clash the
    same day in the same city shares nothing with them and is vetoed by the bombing's type."""
    battle = dict(event_type="Battles", sub_event_type="Armed clash", actor2="", inter2=None)
    bombing = _extracted(
        "h1",
        "police",
        "Gunmen stormed a seafront hotel in Maiduguri after a car bomb on Saturday; nine died.",
        {"location": "Maiduguri", "sub_event_type": "car bomb"},
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Boko Haram - JAS",
    )
    victims = _extracted(
        "h2",
        "medics",
        "Medics counted eleven dead at the hotel attacked in Maiduguri late on Saturday.",
        {"location": "Maiduguri", "sub_event_type": "attacked"},
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Nigeria)",
    )
    siege = _extracted(
        "h3",
        "wire",
        "Soldiers ended a day-long siege of the hotel in Maiduguri that began on Saturday.",
        {"actor1": "Soldiers", "location": "Maiduguri", "sub_event_type": "siege"},
        actor1="Military Forces of Nigeria",
        inter1=1,
        **battle,
    )
    clash = _extracted(
        "h4",
        "local",
        "Two vigilante groups fought over cattle on the edge of Maiduguri on Saturday.",
        {"location": "Maiduguri", "sub_event_type": "fought"},
        actor1="Unidentified Armed Group (Nigeria)",
        inter1=3,
        **battle,
    )
    assert match(siege, clash).same  # on its own, the pair looks alike: same day, town and type
    assert _groups(merge_events([bombing, victims, siege, clash])) == {
        "h1": {"police", "medics", "wire"},
        "h4": {"local"},
    }


_TIED = "Gunmen stormed the cattle market at dawn and set stalls on fire, residents said."
# An unnamed attacker's report fits two reports that name different groups equally well.
VAGUE = _report("e01", "radio", _TIED, 3, actor1="Unidentified Armed Group (Nigeria)", inter1=3)
NAMED_JAS = _report("e02", "paper", _TIED, 3, actor1="Boko Haram - JAS")
NAMED_ISWAP = _report("e04", "agency", _TIED, 3, actor1="Islamic State West Africa Province (ISWAP)")
TIED = [VAGUE, NAMED_JAS, NAMED_ISWAP]


def test_a_report_that_fits_two_events_equally_joins_the_one_of_the_smaller_id() -> None:
    assert match(VAGUE, NAMED_JAS).score == match(VAGUE, NAMED_ISWAP).score
    assert match(NAMED_JAS, NAMED_ISWAP).blocked
    assert _groups(merge_events(TIED)) == {"e01": {"radio", "paper"}, "e04": {"agency"}}


def test_merge_events_gives_the_same_events_in_every_process() -> None:
    """Python salts string hashes per process, so set order changes from run to run; merging must not."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_merge_events as t; "
        "from sitmap.merge import merge_events; print(repr(merge_events(t.TIED)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert len(outputs) == 1
