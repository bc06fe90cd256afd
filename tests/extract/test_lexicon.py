import json
import re
from pathlib import Path

import pytest

from sitmap.extract.lexicon import (
    folded,
    folded_or_none,
    folded_pattern,
    holds_any,
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


def test_holds_any_says_whether_one_literal_is_in_the_text():
    assert holds_any("shelled the town", ("bomb", "shell"))
    assert not holds_any("shelled the town", ("bomb", "rocket"))
    assert not holds_any("shelled the town", ())


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
    from sitmap.extract.actors import load_actors

    checked = 0
    for row in load_actors():
        for text in _texts():
            if row.pattern.search(text):
                assert row.may_match(folded(text)), row.name
                checked += 1
    assert checked > 100
