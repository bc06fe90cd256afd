"""Sentence splitting by rule: spans point into the text; abbreviations and initials don't end sentences."""

from __future__ import annotations

import pytest

from sitmap.nlp import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a bus. Five died.", ["Gunmen attacked a bus.", "Five died."]),
        (
            "Gen. Haftar's forces advanced. The U.S. envoy left.",
            ["Gen. Haftar's forces advanced.", "The U.S. envoy left."],
        ),
        (
            "Troops arrived on Jan. 5 in the town. Fighting stopped.",
            ["Troops arrived on Jan. 5 in the town.", "Fighting stopped."],
        ),
        (
            '"We will retake it," he said. Shelling resumed.',
            ['"We will retake it," he said.', "Shelling resumed."],
        ),
        ('He said: "They fled." Then the army came.', ['He said: "They fled."', "Then the army came."]),
        ("John F. Kerry spoke. Talks ended.", ["John F. Kerry spoke.", "Talks ended."]),
        (
            "Headline without a stop\n\nBody starts here. It ends.",
            ["Headline without a stop", "Body starts here.", "It ends."],
        ),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_spans_point_into_the_text_and_are_numbered_in_order():
    text = "  First one here.   Second one!\n\nThird?  "
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_photo_credit_ends_a_caption_without_a_full_stop():
    from sitmap.nlp.sentences import is_caption

    text = "A man walks past rubble in Tallville on Monday (AFP photo) LONDON Five people died in raids. More came."
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == [
        "A man walks past rubble in Tallville on Monday (AFP photo)",
        "LONDON Five people died in raids.",
        "More came.",
    ]
    assert [is_caption(s) for s in sentences] == [True, False, False]


def test_a_credit_after_the_full_stop_stays_with_its_caption():
    from sitmap.nlp.sentences import is_caption

    text = "Smoke rises over Tallville. (Reuters Photo) Ten were killed. He smiled (in a photo) for us."
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == [
        "Smoke rises over Tallville. (Reuters Photo)",
        "Ten were killed.",
        "He smiled (in a photo) for us.",
    ]
    assert [is_caption(s) for s in sentences] == [True, False, False]
