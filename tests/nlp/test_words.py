"""Spelled-out verb forms stand in for the lemmatizer the parse no longer loads."""

from __future__ import annotations

from sitmap.nlp.words import verb_forms


def test_regular_verbs_take_s_ed_and_ing():
    assert verb_forms(["warn"]) == {"warn", "warns", "warned", "warning"}
    assert verb_forms(["accuse"]) == {"accuse", "accuses", "accused", "accusing"}


def test_spelling_rules_for_y_ie_and_doubled_consonants():
    assert verb_forms(["deny"]) == {"deny", "denies", "denied", "denying"}
    assert verb_forms(["die"]) == {"die", "dies", "died", "dying"}
    assert verb_forms(["plan"]) == {"plan", "plans", "planned", "planning"}
    assert verb_forms(["dismiss"]) >= {"dismisses", "dismissed"}
    # two syllables or a vowel pair: no doubling
    assert "threatenned" not in verb_forms(["threaten"]) and "aimmed" not in verb_forms(["aim"])


def test_irregular_past_replaces_the_regular_one():
    forms = verb_forms(["fall", "lose", "seek"])
    assert {"fell", "fallen", "lost", "sought"} <= forms
    assert not {"falled", "losed", "seeked"} & forms
