import pytest

from sitmap.extract.numbers import find_numbers, word_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("1,200", 1200),
        ("2 million", 2_000_000),
        ("12", 12),
    ],
)
def test_word_value_reads_digits_and_number_words(text, value):
    assert word_value(text) == value


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [("at least four", 4, "at least"), ("more than 380,000", 380_000, "more than"), ("dozens of", 12, "")],
)
def test_find_numbers_keeps_the_qualifier(text, value, qualifier):
    number = find_numbers(text)[0]
    assert (number.value, number.qualifier) == (value, qualifier)


def test_find_numbers_does_not_swallow_a_following_and():
    numbers = find_numbers("killed three and wounded five")
    assert [n.value for n in numbers] == [3, 5]
