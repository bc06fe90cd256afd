"""The sub-event classifier ranks our own unseen reports by ACLED sub-event type, read whole (the
embedding and n-gram models mixed) and as single sentences (the n-gram model alone, no embedding).

When ``subevent_model.npz`` has not been built yet (``python training/train.py``), the module
builds weights from the templates alone into a temporary directory first (about a minute).
"""

import importlib.util
import subprocess
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
def weights(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = default_model_path()
    if not path.is_file():
        path = _train_module().train(tmp_path_factory.mktemp("weights") / "model.npz", case_path=None)
    return path


@pytest.fixture(scope="module")
def classifier(weights: Path) -> SubeventClassifier:
    return SubeventClassifier.load(weights)


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


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Hundreds of students marched peacefully through the capital on Friday to demand free elections.",
            "Peaceful protest",
        ),
        ("Police arrested three journalists at a checkpoint outside the city on Sunday.", "Arrests"),
        (
            "An improvised explosive device planted by the roadside killed two soldiers near Kidal.",
            "Remote explosive/landmine/IED",
        ),
        ("Fighter jets bombed rebel positions in the hills, killing 12 fighters.", "Air/drone strike"),
        ("The striker scored twice as the home side won the cup final 3-1.", "NONE"),
    ],
)
def test_sentence_model_reads_clear_sentences_from_their_words(
    classifier: SubeventClassifier, text: str, label: str
) -> None:
    ranked = classifier.predict_sentences([text])[0]
    assert ranked[0][0] == label, ranked[:3]


def test_sentence_model_gives_every_label_with_probabilities_summing_to_one(
    classifier: SubeventClassifier,
) -> None:
    ranked = classifier.predict_sentences(["Rebels shelled the town.", "", "Zzyzx qwerty."])
    assert len(ranked) == 3
    for row in ranked:
        assert sorted(label for label, _ in row) == sorted(classifier.labels)
        assert np.isclose(sum(p for _, p in row), 1.0, atol=1e-4)
    assert classifier.predict_sentences([]) == []


def test_sentence_model_runs_without_the_embedding_model(weights: Path) -> None:
    """Long articles' sentences are read from n-grams alone: onnxruntime is never even imported."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sitmap.extract.subevents import SubeventClassifier\n"
        "classifier = SubeventClassifier.load(Path(sys.argv[1]))\n"
        "top = classifier.predict_sentences(['Soldiers opened fire on the demonstrators.'])[0][0]\n"
        "print('onnxruntime' in sys.modules, top[0])\n"
    )
    run = [sys.executable, "-c", script, str(weights)]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "False"


def test_save_and_load_keep_both_models(classifier: SubeventClassifier, tmp_path: Path) -> None:
    classifier.save(tmp_path / "copy.npz")
    again = SubeventClassifier.load(tmp_path / "copy.npz")
    assert again.embedding.dense is not None and again.embedding.lexical is None
    assert again.ngrams.dense is None and again.ngrams.lexical is not None
    assert np.array_equal(again.vocabulary.ids, classifier.vocabulary.ids)
    assert (again.mix, again.sentence_confidence) == (classifier.mix, classifier.sentence_confidence)
    text = ["Troops retook the town from the insurgents after a week of fighting."]
    assert again.predict(text) == classifier.predict(text)
    assert again.predict_sentences(text) == classifier.predict_sentences(text)


def test_weights_of_the_old_layout_ask_to_be_rebuilt(tmp_path: Path) -> None:
    old = tmp_path / "old.npz"
    np.savez(old, labels=np.array(LABELS), layer_count=np.array(1), temperature=np.array(1.0))
    with pytest.raises(ValueError, match=r"python training/train\.py"):
        SubeventClassifier.load(old)


def test_load_without_weights_names_the_training_command(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"python training/train\.py"):
        SubeventClassifier.load(tmp_path / "missing.npz")


def test_a_text_read_whole_mixes_the_embedding_and_ngram_readings(classifier: SubeventClassifier) -> None:
    import dataclasses

    text = ["Protesters burned tyres and threw stones at riot police outside the governor's office."]
    mixed = dict(classifier.predict(text)[0])
    by_embedding = dict(dataclasses.replace(classifier, mix=0.0).predict(text)[0])
    by_ngrams = dict(dataclasses.replace(classifier, mix=1.0).predict(text)[0])
    for label, probability in mixed.items():
        low, high = sorted((by_embedding[label], by_ngrams[label]))
        assert low - 1e-6 <= probability <= high + 1e-6
    assert mixed != by_embedding
