from datetime import date

import pytest

from sitmap.extract.dates import find_dates, weekday_date

WEDNESDAY = date(2020, 2, 26)


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        (2, date(2020, 2, 26)),  # Wednesday: the publication day
        (3, date(2020, 2, 27)),  # Thursday: wire copy updated the next day
        (1, date(2020, 2, 25)),  # Tuesday: the day before
        (5, date(2020, 2, 22)),  # Saturday: the one before publication
        (0, date(2020, 2, 24)),
    ],
)
def test_weekday_is_the_latest_such_day_or_the_day_after_publication(weekday, expected):
    assert weekday_date(weekday, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "precision", "background"),
    [
        ("Rebels retook the town on Thursday.", date(2020, 2, 27), 1, False),
        ("The village fell yesterday.", date(2020, 2, 25), 1, False),
        ("Fighting broke out last week.", date(2020, 2, 19), 2, False),
        ("The same gas was used in the north last year.", date(2019, 1, 1), 3, True),
        ("The clashes began on February 20, 2020.", date(2020, 2, 20), 1, False),
        ("On 22 February gunmen attacked the post.", date(2020, 2, 22), 1, False),
        ("The zone was agreed in late 2018.", date(2018, 11, 1), 3, True),
        ("The offensive since December has displaced many.", date(2019, 12, 1), 3, True),
    ],
)
def test_find_dates_resolves_cues_against_publication(sentence, value, precision, background):
    cue = find_dates(sentence, WEDNESDAY)[0]
    assert (cue.value, cue.precision, cue.background) == (value, precision, background)


def test_earlier_leans_on_the_previous_sentence():
    assert find_dates("Earlier, two soldiers were killed.", WEDNESDAY)[0].relative_to_previous


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Troops shelled the city in the spring of 2017, killing hundreds.", date(2017, 4, 1)),
        ("The strikes were the eighth round since Jan. 12.", date(2020, 1, 1)),
        ("Fighting has raged since 12 January 2019.", date(2019, 1, 1)),
        ("He helped plan a 2016 truck attack in Nice.", date(2016, 1, 1)),
    ],
)
def test_seasons_periods_since_a_day_and_named_years_are_background(text, value):
    (cue,) = find_dates(text, WEDNESDAY)
    assert cue.background and cue.value == value and cue.precision == 3


def test_a_number_that_looks_like_a_year_of_the_future_is_no_date():
    assert find_dates("The toll rose to 2031 people.", WEDNESDAY) == []


@pytest.mark.parametrize(
    "text", ["It was hit on Palm Sunday in 2025.", "The Good Friday attack is remembered."]
)
def test_a_feast_day_is_no_weekday_of_this_week(text):
    assert [cue.text for cue in find_dates(text, date(2026, 6, 16)) if "day" in cue.text.lower()] == []
