import pytest

from sitmap.extract import taxonomy


def test_taxonomy_has_six_event_types_and_twenty_five_sub_event_types():
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert set(taxonomy.SUB_EVENT_TYPES.values()) == set(taxonomy.EVENT_TYPES)
    assert len(taxonomy.EVENT_TYPES) == 6


def test_every_sub_event_type_has_a_plover_category():
    assert set(taxonomy.PLOVER) == set(taxonomy.SUB_EVENT_TYPES)


@pytest.mark.parametrize(
    ("tactics", "winner"),
    [
        (["Attack", "Armed clash"], "Armed clash"),  # battle above violence against civilians
        (["Shelling/artillery/missile attack", "Attack"], "Shelling/artillery/missile attack"),
        (["Armed clash", "Air/drone strike"], "Armed clash"),
        (["Remote explosive/landmine/IED", "Suicide bomb"], "Suicide bomb"),
        (["Peaceful protest", "Violent demonstration"], "Violent demonstration"),
        (["Arrests", "Peaceful protest"], "Peaceful protest"),
    ],
)
def test_taxonomy_higher_type_wins_when_tactics_co_occur(tactics, winner):
    assert taxonomy.winning(tactics) == winner


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [(1, 7, 17), (2, 1, 12), (1, None, 10), (6, 1, 16), (None, None, None)],
)
def test_interaction_code_puts_the_lower_inter_first(inter1, inter2, code):
    assert taxonomy.interaction(inter1, inter2) == code


@pytest.mark.parametrize(
    ("taker", "violent", "sub_event_type"),
    [
        (1, True, "Government regains territory"),
        (2, True, "Non-state actor overtakes territory"),
        (3, True, "Non-state actor overtakes territory"),
        (1, False, "Non-violent transfer of territory"),
    ],
)
def test_territory_change_is_coded_by_who_takes_it(taker, violent, sub_event_type):
    assert taxonomy.territory_sub_event(taker, violent) == sub_event_type


def test_disorder_type_of_a_protest_is_demonstrations():
    assert taxonomy.disorder_type_of("Peaceful protest") == "Demonstrations"
    assert taxonomy.disorder_type_of("Air/drone strike") == "Political violence"


def test_unknown_sub_event_type_is_refused_with_its_name():
    with pytest.raises(ValueError, match="Bombing"):
        taxonomy.event_type_of("Bombing")
