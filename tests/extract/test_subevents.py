"""The sub-event classifier ranks our own unseen reports by ACLED sub-event type.

When ``subevent_model.npz`` has not been built yet (``python training/train.py``), the module
builds weights from the templates alone into a temporary directory first (about a minute).
"""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from sitmap.extract.subevents import LABELS, SUB_EVENT_TYPES, SubeventClassifier, default_model_path

ROOT = Path(__file__).resolve().parents[2]


def _train_module():
    """training/train.py imported as a module (training/ is scripts, not a package)."""
    sys.path.insert(0, str(ROOT / "training"))
    spec = importlib.util.spec_from_file_location("sitmap_training_train", ROOT / "training" / "train.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> SubeventClassifier:
    path = default_model_path()
    if not path.is_file():
        path = _train_module().train(tmp_path_factory.mktemp("weights") / "model.npz", case_path=None)
    return SubeventClassifier.load(path)


def test_labels_are_the_25_acled_sub_event_types_and_none() -> None:
    assert len(SUB_EVENT_TYPES) == 25 and len(set(LABELS)) == 26 and LABELS[-1] == "NONE"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Jihadist fighters and Malian troops exchanged fire for three hours outside Douentza, "
            "leaving nine combatants dead.",
            "Armed clash",
        ),
        (
            "A military jet bombed a crowded livestock market in Tabarak Allah, killing 14.",
            "Air/drone strike",
        ),
        (
            "A bomb buried under the dirt road exploded beneath a pickup truck carrying "
            "police officers near Kalat.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A man strapped with explosives blew himself up inside a crowded wedding hall in "
            "Kandahar, killing 20 guests.",
            "Suicide bomb",
        ),
        (
            "Thousands of nurses marched peacefully to the health ministry to demand unpaid wages.",
            "Peaceful protest",
        ),
        (
            "Gunmen abducted a Catholic priest and two seminarians from their parish house overnight.",
            "Abduction/forced disappearance",
        ),
        ("Police detained the editor of an opposition newspaper at his home on Tuesday.", "Arrests"),
        (
            "The junta and the rebel alliance signed a truce in the border town, agreeing to swap prisoners.",
            "Agreement",
        ),
        (
            "Army engineers defused two explosive devices found under a bridge outside Kunduz.",
            "Disrupted weapons use",
        ),
        ("The club's new forward scored a hat-trick as the champions crushed their rivals 4-0.", "NONE"),
        ("A powerful earthquake flattened villages in the mountains, killing dozens of people.", "NONE"),
    ],
)
def test_classifier_ranks_the_right_sub_event_type_first(
    classifier: SubeventClassifier, text: str, label: str
) -> None:
    ranked = classifier.predict([text])[0]
    assert ranked[0][0] == label, ranked[:3]


def test_predict_gives_every_label_with_probabilities_summing_to_one(
    classifier: SubeventClassifier,
) -> None:
    ranked = classifier.predict(["Rebels shelled the town.", "Rain fell all day."])
    assert len(ranked) == 2
    for row in ranked:
        assert sorted(label for label, _ in row) == sorted(classifier.labels)
        probabilities = [p for _, p in row]
        assert probabilities == sorted(probabilities, reverse=True)
        assert np.isclose(sum(probabilities), 1.0, atol=1e-4)


def test_predict_of_no_texts_is_empty(classifier: SubeventClassifier) -> None:
    assert classifier.predict([]) == []


def test_save_and_load_keep_the_predictions(classifier: SubeventClassifier, tmp_path: Path) -> None:
    classifier.save(tmp_path / "copy.npz")
    again = SubeventClassifier.load(tmp_path / "copy.npz")
    text = ["Troops retook the town from the insurgents after a week of fighting."]
    assert again.predict(text) == classifier.predict(text)


def test_load_without_weights_names_the_training_command(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"python training/train\.py"):
        SubeventClassifier.load(tmp_path / "missing.npz")
