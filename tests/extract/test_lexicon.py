import json
import re
from pathlib import Path

import pytest

from sitmap.extract.lexicon import (
    LiteralIndex,
    folded,
    folded_or_none,
    folded_pattern,
    literal_prefixes,
    match_spans,
)

ROOT = Path(__file__).resolve().parents[2]
# letters re.IGNORECASE reads as a-z besides their own cases, and ones lower() changes in length
ODD = "ſcored İnnings ıslamic KNOCKOUT (Kelvin K) DERBY Straße"


def _texts() -> list[str]:
    lines = (ROOT / "benchmarks/annotated/events.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    return [*texts, *(path.read_text(encoding="utf-8") for path in (ROOT / "examples").glob("*.txt")), ODD]


def test_folded_spells_what_ignorecase_reads_as_a_to_z():
    assert folded("ſcored İnnings ıs K") == "scored innings is k"
    assert len(folded(ODD)) == len(ODD)


def test_a_literal_index_gives_the_rows_whose_literals_a_text_holds_in_table_order():
    index = LiteralIndex([("shell", "bomb"), ("rocket",), (), ("shelled the",), ("ship",)])
    # overlapping literals ("shell" inside "shelled the") both count; a row without any always does
    assert index.rows("they shelled the town") == [0, 2, 3]
    assert index.rows("a rocket hit a bomb shelter") == [0, 1, 2]
    assert index.rows("") == [2]
    assert LiteralIndex([(), ()]).rows("anything") == [0, 1]
    assert LiteralIndex([("a",)]).rows("xyz") == []


def test_literal_prefixes_can_run_over_spaces_and_hyphens():
    from sitmap.extract.lexicon import LITERAL_TEXT

    assert literal_prefixes("is-k|a man|islamic state(?: of iraq)?", LITERAL_TEXT) == (
        "a man",
        "is-k",
        "islamic state",
    )


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile("Attack", re.I),
        re.compile("attack"),
        re.compile("(?-i:In) the", re.I),
        re.compile("ejército", re.I),
    ],
)
def test_folded_pattern_refuses_what_it_cannot_read_the_same(pattern):
    with pytest.raises(ValueError):
        folded_pattern(pattern)
    assert folded_or_none(pattern) is None


def test_folded_patterns_match_where_the_originals_do():
    from sitmap.extract import context, reader
    from sitmap.extract.actors import load_actors
    from sitmap.extract.triggers import load_triggers

    patterns = [context.SPORT, context.EXERCISE, context.NON_POLITICAL, reader._ANNIVERSARY, reader._AFTER]
    patterns += [rule.pattern for rule in load_triggers()] + [row.pattern for row in load_actors()]
    checked = 0
    for pattern in patterns:
        fast = folded_or_none(pattern)
        if fast is None:
            continue
        for text in _texts():
            expected = [match.span() for match in pattern.finditer(text)]
            assert [match.span() for match in fast.finditer(folded(text))] == expected
            assert match_spans(pattern, text) == expected
            checked += len(expected)
    assert checked > 100


def test_an_actor_rows_literals_never_hide_one_of_its_matches():
    from sitmap.extract.actors import _actor_index, load_actors

    checked = 0
    texts = _texts()
    present = [set(_actor_index().rows(folded(text))) for text in texts]
    for index, row in enumerate(load_actors()):
        for text, rows in zip(texts, present, strict=True):
            if row.pattern.search(text):
                assert index in rows, row.name
                checked += 1
    assert checked > 100


def test_a_speaker_rows_literals_never_hide_one_of_its_matches():
    from sitmap.extract.claims import _speaker_index, load_speakers

    checked = 0
    texts = _texts()
    present = [set(_speaker_index().rows(folded(text))) for text in texts]
    for index, (speaker, _kind, pattern, _bound, _literals) in enumerate(load_speakers()):
        for text, rows in zip(texts, present, strict=True):
            if pattern.search(text):
                assert index in rows, speaker
                checked += 1
    assert checked > 50
