"""match(): the same event in other words merges; another day, town, fight or actor does not."""

import dataclasses
from datetime import date

import pytest

from sitmap.merge import match
from sitmap.model import Event, Evidence, Territory

SARAQIB = dict(location="Saraqib", latitude=35.86447, longitude=36.80591, geonameid=164816, geo_precision=1)
SARMIN = dict(location="Sarmin", latitude=35.904, longitude=36.724, geonameid=None, geo_precision=1)  # 8.6 km
IDLIB_REGION = dict(location="Idlib", latitude=35.93, longitude=36.63, geonameid=None, geo_precision=3)
SARAQEB_NAME_ONLY = dict(
    location="Saraqeb", latitude=None, longitude=None, geonameid=None, geo_precision=None
)
BASE = Event(
    event_id="a",
    event_date=date(2020, 2, 26),
    time_precision=1,
    disorder_type="Political violence",
    event_type="Battles",
    sub_event_type="Armed clash",
    actor1="Hayat Tahrir al-Sham",
    inter1=2,
    actor2="Military Forces of Syria (2000-)",
    inter2=1,
    country="Syria",
    admin1="Idlib",
    evidence=(
        Evidence("d1", 0, 0, 60, "event", "Rebel fighters stormed Saraqib after heavy clashes with the army"),
    ),
    **SARAQIB,
)


def _other(**changes: object) -> Event:
    return dataclasses.replace(BASE, **{"event_id": "b", **changes})  # type: ignore[arg-type]


def _says(text: str) -> tuple[Evidence, ...]:
    return (Evidence("d2", 0, 0, len(text), "event", text),)


SAME = [
    pytest.param(
        _other(evidence=_says("Opposition factions retook Saraqeb from government troops")), id="reworded"
    ),
    pytest.param(
        _other(
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            evidence=_says("Army artillery pounded Saraqib as rebels stormed it"),
        ),
        id="battle-as-shelling",
    ),
    pytest.param(_other(actor1="", inter1=None, actor2="", inter2=None), id="unnamed-actors"),
    pytest.param(
        _other(actor1="Military Forces of Syria (2000-)", actor2="Hayat Tahrir al-Sham"), id="actors-swapped"
    ),
    pytest.param(
        _other(actor1="Unidentified Armed Group (Syria)", actor2="Military Forces of Syria (2000-)"),
        id="unidentified-is-a-wildcard",
    ),
    pytest.param(_other(**SARMIN | {"geo_precision": 2}), id="neighbouring-town-precision-2"),
    pytest.param(_other(**IDLIB_REGION), id="same-admin1-precision-3"),
    pytest.param(_other(**SARAQEB_NAME_ONLY), id="no-coordinates-spelling-variant"),
    pytest.param(_other(event_date=date(2020, 2, 23), time_precision=2), id="within-the-week-precision-2"),
    pytest.param(_other(actor1="Rebels (Syria)", actor2=""), id="generic-rebels-label-is-a-wildcard"),
    pytest.param(_other(actor1="Military Forces of Syria (2000-)", actor2=""), id="a-report-naming-one-side"),
    pytest.param(
        _other(location="Saraqeb", latitude=None, longitude=None, geonameid=None, geo_precision=3),
        id="precision-3-same-town-name",
    ),
]
DIFFERENT = [
    pytest.param(
        _other(location="Sarmin", latitude=None, longitude=None, geonameid=None, geo_precision=3),
        "FAIL place",
        id="precision-3-two-towns-in-one-admin1",
    ),
    pytest.param(_other(event_date=date(2020, 2, 27)), "FAIL date", id="next-day-same-town"),
    pytest.param(_other(**SARMIN), "FAIL place", id="neighbouring-town-same-day"),
    pytest.param(_other(country="Turkey"), "FAIL place", id="other-country"),
    pytest.param(
        _other(actor1="Islamic State (Syria)", actor2="Military Forces of Turkey"),
        "FAIL actors",
        id="other-actors-same-town-same-day",
    ),
    pytest.param(_other(event_type="Protests", sub_event_type="Peaceful protest"), "FAIL type", id="protest"),
    pytest.param(_other(event_date=None), "FAIL date", id="unknown-date"),
    pytest.param(
        _other(event_date=date(2020, 3, 5), time_precision=2), "FAIL date", id="eight-days-precision-2"
    ),
    pytest.param(
        _other(**SARAQEB_NAME_ONLY | {"location": "Sarmin"}), "FAIL place", id="other-name-no-coords"
    ),
    pytest.param(
        _other(
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            actor1="",
            actor2="",
            evidence=_says("A roadside bomb hit a minibus carrying farmers to market"),
        ),
        "different event",
        id="other-attack-weak-wording",
    ),
    pytest.param(
        _other(
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            evidence=_says("A missile hit a mosque in Saraqib during evening prayers"),
        ),
        "no telling word is shared",
        id="missile-on-mosque-is-not-the-battle",
    ),
]


@pytest.mark.parametrize("other", SAME)
def test_match_merges_reports_of_one_event(other: Event) -> None:
    verdict = match(BASE, other)
    assert verdict.same, verdict.reasons
    assert not verdict.blocked


@pytest.mark.parametrize(("other", "reason"), DIFFERENT)
def test_match_keeps_near_misses_apart(other: Event, reason: str) -> None:
    verdict = match(BASE, other)
    assert not verdict.same
    assert any(reason in line for line in verdict.reasons), verdict.reasons


@pytest.mark.parametrize("other", [p.values[0] for p in SAME + DIFFERENT])
def test_match_is_symmetric(other: Event) -> None:
    forward, backward = match(BASE, other), match(other, BASE)
    assert (forward.same, forward.score, forward.blocked) == (backward.same, backward.score, backward.blocked)


def test_match_reasons_name_every_test_for_explain() -> None:
    reasons = match(BASE, _other(event_date=date(2020, 2, 27))).reasons
    assert reasons[0].startswith("different event")
    assert [line.split(":")[0] for line in reasons[1:]] == [
        "pass reports",
        "FAIL date",
        "pass place",
        "pass type",
        "pass actors",
        "pass wording",
    ]
    assert "1 days apart" in reasons[2]


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "same"),
    [
        ("Battles", "Armed clash", True),
        ("Violence against civilians", "Attack", False),
    ],
)
def test_match_reports_naming_one_side_each_meet_only_in_a_battle(event_type, sub_event_type, same) -> None:
    rebels = _other(event_id="r", event_type=event_type, sub_event_type=sub_event_type, actor2="")
    army = _other(
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1="Military Forces of Syria (2000-)",
        actor2="Civilians (Syria)",
    )
    assert match(rebels, army).same is same


def test_match_two_changes_of_control_of_one_town_are_compatible() -> None:
    taken = _other(
        event_id="t1",
        event_type="Battles",
        sub_event_type="Government regains territory",
        territory=Territory("Saraqib", "Hayat Tahrir al-Sham", "Military Forces of Syria (2000-)"),
    )
    handed = _other(
        event_type="Strategic developments",
        sub_event_type="Non-violent transfer of territory",
        territory=Territory("Saraqib", "Hayat Tahrir al-Sham", "Military Forces of Syria (2000-)"),
    )
    verdict = match(taken, handed)
    assert verdict.same, verdict.reasons


@pytest.mark.parametrize(
    ("first", "second", "compatible"),
    [
        ("Military Forces", "Military Forces of Syria", True),
        ("Police Forces", "Police Forces of Nigeria", True),
        ("Military Forces of Syria", "Military Forces of Turkey", False),
        ("Police Forces of Nigeria", "Police Forces", True),
        ("Hamas", "Hamas Movement of Ukraine", False),
    ],
)
def test_an_actor_named_without_its_country_matches_the_same_force_with_it(first, second, compatible):
    from sitmap.merge.names import normalise_actor
    from sitmap.merge.similarity import _same_force

    assert _same_force(normalise_actor(first), normalise_actor(second)) is compatible


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Gao", 16.27, -0.04), ("Gao", 17.5, 0.5)),  # the town and the region's centre
        (("Birnin Gwari", 10.66, 6.54), ("Birnin-Gwari", 10.8, 6.75)),  # two gazetteer rows of one town
    ],
)
def test_one_place_name_at_two_points_is_still_the_same_place(first, second):
    a = _other(location=first[0], latitude=first[1], longitude=first[2], geonameid=None, geo_precision=2)
    b = _other(location=second[0], latitude=second[1], longitude=second[2], geonameid=None, geo_precision=2)
    assert any(r.startswith("pass place: same place name") for r in match(a, b).reasons)


def test_two_towns_with_different_names_far_apart_stay_different_places():
    a = _other(location="Gao", latitude=16.27, longitude=-0.04, geonameid=None)
    b = _other(location="Ansongo", latitude=15.66, longitude=0.5, geonameid=None)
    assert any(r.startswith("FAIL place") for r in match(a, b).reasons)


def _read(event_id: str, doc_id: str, text: str, spans: dict[str, str], **changes: object) -> Event:
    """An event as the extractor codes it: the sentence, and the span behind each field it read."""
    evidence = [Evidence(doc_id, 0, 0, len(text), "event", text)]
    for field, words in spans.items():
        start = text.index(words)
        evidence.append(Evidence(doc_id, 0, start, start + len(words), field, words))
    return dataclasses.replace(BASE, event_id=event_id, evidence=tuple(evidence), **changes)  # type: ignore[arg-type]


AIR_STRIKE = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")


def test_an_actor_filled_in_by_rule_does_not_block_the_actor_another_report_names() -> None:
    named = _read(
        "a1",
        "d1",
        "Russian warplanes struck homes in Saraqib on Wednesday, killing two civilians.",
        {"actor1": "warplanes", "sub_event_type": "warplanes", "location": "Saraqib"},
        actor1="Military Forces of Russia",
        actor2="Civilians (Syria)",
        **AIR_STRIKE,
    )
    # "air strikes hit Saraqeb": nobody named, the extractor's default is the Syrian air force
    unnamed = _read(
        "a2",
        "d2",
        "Air strikes hit the town of Saraqeb on Wednesday; two people died.",
        {"sub_event_type": "Air strikes", "location": "Saraqeb", "actor2": "people"},
        actor1="Military Forces of Syria",
        actor2="Civilians (Syria)",
        **AIR_STRIKE,
    )
    verdict = match(named, unnamed)
    assert verdict.same, verdict.reasons
    assert any("Military Forces of Syria: filled in by rule" in line for line in verdict.reasons)
    # both read from the text: two different air forces are two different strikes
    read = _read(
        "a3",
        "d3",
        "Syrian jets struck homes in Saraqib on Wednesday, killing two civilians.",
        {"actor1": "Syrian jets", "sub_event_type": "jets", "location": "Saraqib"},
        actor1="Military Forces of Syria",
        actor2="Civilians (Syria)",
        **AIR_STRIKE,
    )
    assert any(line.startswith("FAIL actors") for line in match(named, read).reasons)


def test_a_name_written_in_both_reports_is_no_telling_word() -> None:
    """The battle west of town and the missile on a mosque both say "Houthi": that word is the actor's."""
    battle = _read(
        "m1",
        "d1",
        "Tribal fighters repelled a Houthi push west of Marib on Monday.",
        {"actor2": "Houthi", "location": "Marib"},
        actor1="Military Forces of Yemen",
        actor2="Houthis (Ansar Allah)",
    )
    missile = _read(
        "m2",
        "d2",
        "A Houthi missile struck a mosque in Marib on Monday, killing three worshippers.",
        {"actor1": "Houthi", "location": "Marib"},
        actor1="Houthis (Ansar Allah)",
        actor2="Civilians (Yemen)",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    verdict = match(battle, missile)
    assert not verdict.same
    assert any("no telling word is shared" in line for line in verdict.reasons)


def test_the_words_of_a_wildcard_actor_still_tell() -> None:
    """ "Bandits" names nobody the actor test weighs, so two reports saying it share a telling word."""
    raid = _read(
        "b1",
        "d1",
        "Bandits on motorbikes raided a farming village near Saraqib on Sunday.",
        {"actor1": "Bandits", "location": "Saraqib"},
        actor1="Unidentified Armed Group (Syria)",
        actor2="",
    )
    condemned = _read(
        "b2",
        "d2",
        "The governor condemned Sunday's killing of farmers by bandits in Saraqib.",
        {"actor1": "bandits", "location": "Saraqib"},
        actor1="Unidentified Armed Group (Syria)",
        actor2="",
    )
    wording = next(line for line in match(raid, condemned).reasons if "wording" in line)
    assert "bandits" in wording


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("Gunmen stormed the army camp at dawn.", "Mortar fire hit the main base at dawn.", "base~camp"),
        (
            "Twin blasts tore through the vegetable market.",
            "Shoppers fled the bazaar after a blast.",
            "bazaar~market",
        ),
    ],
)
def test_two_words_for_one_kind_of_site_are_a_shared_telling_word(first: str, second: str, kind: str) -> None:
    a = _other(event_id="s1", evidence=_says(first))
    b = _other(
        event_id="s2",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        evidence=(Evidence("d3", 0, 0, len(second), "event", second),),
    )
    verdict = match(a, b)
    assert verdict.same, verdict.reasons
    assert any(kind in line for line in verdict.reasons)


def test_the_same_site_counts_more_than_one_word_among_many() -> None:
    long_a = "Soldiers ended a day-long siege of a hotel near the port after gunmen took guests hostage."
    long_b = "An ambulance service counted twelve dead at the hotel, where gunmen had held guests since noon."
    verdict = match(
        _other(event_id="h1", evidence=_says(long_a)), _other(event_id="h2", evidence=_says(long_b))
    )
    wording = next(line for line in verdict.reasons if "wording" in line)
    assert "the same kind of site (hotel)" in wording


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Suicide bomb", "Remote explosive/landmine/IED", True),  # "twin blasts" / "suicide bombers"
        ("Air/drone strike", "Shelling/artillery/missile attack", True),  # a strike from afar
    ],
)
def test_sub_event_types_of_one_family_score_above_a_plain_type_match(first, second, same) -> None:
    explosions = "Explosions/Remote violence"
    a = _other(event_id="f1", event_type=explosions, sub_event_type=first)
    b = _other(event_type=explosions, sub_event_type=second)
    verdict = match(a, b)
    assert verdict.same is same
    assert any(line.startswith("pass type: one kind of") for line in verdict.reasons)
    plain = match(a, _other(event_type=explosions, sub_event_type="Chemical weapon"))
    assert plain.score < verdict.score


def test_a_clash_and_a_bombing_each_naming_one_side_may_be_one_fight() -> None:
    """The army ended the siege (a battle), the police blamed al-Shabaab for the car bomb."""
    siege = _other(
        event_id="q1",
        actor1="Military Forces of Somalia",
        actor2="",
        evidence=_says("Troops ended a siege of the hotel after a night of gunfire"),
    )
    bomb = _other(
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Al Shabaab",
        actor2="Civilians (Somalia)",
        evidence=_says("Al-Shabaab set off a car bomb at the hotel gate before gunmen stormed in"),
    )
    verdict = match(siege, bomb)
    assert verdict.same, verdict.reasons
    assert any("each names one side" in line for line in verdict.reasons)


def test_one_change_of_control_told_by_the_taker_and_by_the_side_that_left() -> None:
    taken = _other(
        event_id="c1",
        sub_event_type="Government regains territory",
        actor1="Military Forces of Syria (2000-)",
        actor2="",
        time_precision=2,
        territory=Territory("Saraqib", "", "Military Forces of Syria (2000-)"),
        evidence=_says("The army announced it had fully liberated the town"),
    )
    left = _other(
        event_type="Strategic developments",
        sub_event_type="Non-violent transfer of territory",
        actor1="Hayat Tahrir al-Sham",
        actor2="",
        territory=Territory("Saraqib", "Hayat Tahrir al-Sham", ""),
        evidence=_says("Commanders said their men pulled out overnight to avoid encirclement"),
    )
    verdict = match(taken, left)
    assert verdict.same, verdict.reasons
    assert any("told from both sides" in line for line in verdict.reasons)
    assert any("who took the place, the other who lost it" in line for line in verdict.reasons)
    # the same side both taking and losing the town is no handover told twice
    lost = dataclasses.replace(left, territory=Territory("Saraqib", "Military Forces of Syria (2000-)", ""))
    assert not any("told from both sides" in line for line in match(taken, lost).reasons)


def test_a_withdrawal_and_the_fighting_for_the_place_are_one_event() -> None:
    withdrawal = _other(
        event_id="w1",
        event_type="Strategic developments",
        sub_event_type="Change to group/activity",
        territory=Territory("Saraqib", "Military Forces of Syria (2000-)", ""),
    )
    verdict = match(withdrawal, BASE)
    assert verdict.same, verdict.reasons
    assert any("a change of control and the fighting for the place" in line for line in verdict.reasons)
    calm = dataclasses.replace(withdrawal, territory=None)
    assert any(line.startswith("FAIL type") for line in match(calm, BASE).reasons)


def test_a_capture_and_the_fighting_score_like_two_kinds_of_battle() -> None:
    capture = _other(
        event_id="k1",
        sub_event_type="Non-state actor overtakes territory",
        territory=Territory("Saraqib", "Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham"),
        actor1="",
        actor2="",
        evidence=_says("Opposition factions said they had taken full control"),
    )
    fighting = _other(actor1="", actor2="", evidence=_says("Heavy fighting continued, a minister said"))
    verdict = match(capture, fighting)
    assert verdict.same, verdict.reasons
    assert any("one a change of control, the other the fighting" in line for line in verdict.reasons)


@pytest.mark.parametrize(
    "changes",
    [
        {},  # the same report again
        {"event_date": date(2020, 2, 28)},  # another day
        {"event_date": None},
        {**SARMIN},  # a town 8.6 km away
        {"location": "Aleppo", "latitude": 36.2, "longitude": 37.16, "admin1": "Aleppo", "geonameid": 170063},
        {"country": "Turkey"},
        {"actor1": "Islamic State (Syria)", "inter1": 2},  # another armed group
        {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"},  # gate by wording
        {**IDLIB_REGION},
    ],
)
def test_could_match_is_false_only_for_pairs_that_match_blocks(changes):
    from sitmap.merge import could_match

    other = _other(**changes)
    verdict = match(BASE, other)
    if not could_match(BASE, other):
        assert verdict.blocked and not verdict.same
    if verdict.same:
        assert could_match(BASE, other)
