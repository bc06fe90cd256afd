"""Build the sub-event classifier weights: ``python training/train.py`` writes
``src/sitmap/extract/subevent_model.npz`` from our templates (training/texts/) and, when
present, the CASE 2021 development snippets in ../shared (read in place, never copied)."""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from texts import expand  # noqa: E402

from sitmap.extract.subevents import LABELS, SubeventClassifier  # noqa: E402
from sitmap.nlp.embeddings import embed  # noqa: E402

CASE_SNIPPETS = ROOT.parent / "shared" / "data" / "case2021-task2-dev" / "snippets.tsv"
DEFAULT_OUT = ROOT / "src" / "sitmap" / "extract" / "subevent_model.npz"
CASE_LABELS = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
CASE_WEIGHT = 10.0
L2 = 1e-4
EPOCHS = 400
LEARNING_RATE = 0.02
SEED = 7

FloatArray = npt.NDArray[np.float32]


def read_case(path: Path = CASE_SNIPPETS) -> list[tuple[str, str]]:
    """(snippet, label) rows of the CASE dev set; the five non-political labels become NONE."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(row["EventSnippet"], CASE_LABELS.get(row["SubType"], "NONE")) for row in rows]


def _softmax(logits: FloatArray) -> FloatArray:
    """Row-wise softmax."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: FloatArray = exp / exp.sum(axis=1, keepdims=True)
    return result


def fit(
    vectors: FloatArray,
    labels: Sequence[str],
    weights: FloatArray,
    hidden: int = 0,
    epochs: int = EPOCHS,
    l2: float = L2,
    learning_rate: float = LEARNING_RATE,
) -> SubeventClassifier:
    """A classifier fitted by full-batch Adam on class-balanced, weighted cross-entropy.

    ``hidden`` > 0 adds one ReLU layer of that width (a small MLP); 0 is logistic regression.
    """
    rng = np.random.default_rng(SEED)
    index = {label: i for i, label in enumerate(LABELS)}
    y = np.array([index[label] for label in labels])
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    balance = np.where(counts > 0, len(y) / (len(LABELS) * np.maximum(counts, 1)), 0.0) ** 0.5
    w = (weights * balance[y]).astype(np.float32)
    w /= w.sum()
    target = np.eye(len(LABELS), dtype=np.float32)[y]
    sizes = [vectors.shape[1], *([hidden] if hidden else []), len(LABELS)]
    params: list[FloatArray] = []
    for fan_in, fan_out in zip(sizes, sizes[1:], strict=False):
        params += [
            (
                rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in) * (0.1 if not hidden else 1.0)
            ).astype(np.float32),
            np.zeros(fan_out, dtype=np.float32),
        ]
    moment = [np.zeros_like(p) for p in params]
    velocity = [np.zeros_like(p) for p in params]
    for step in range(1, epochs + 1):
        activations = [vectors]
        for layer in range(0, len(params) - 2, 2):
            activations.append(np.maximum(activations[-1] @ params[layer] + params[layer + 1], 0.0))
        probabilities = _softmax(activations[-1] @ params[-2] + params[-1])
        delta = (probabilities - target) * w[:, None]
        grads: list[FloatArray] = []
        for layer in range(len(params) - 2, -1, -2):
            grads = [activations[layer // 2].T @ delta + l2 * params[layer], delta.sum(axis=0), *grads]
            if layer:
                delta = (delta @ params[layer].T) * (activations[layer // 2] > 0)
        for i, grad in enumerate(grads):
            moment[i] = 0.9 * moment[i] + 0.1 * grad
            velocity[i] = 0.999 * velocity[i] + 0.001 * grad * grad
            step_size = learning_rate * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            params[i] = (params[i] - step_size * moment[i] / (np.sqrt(velocity[i]) + 1e-8)).astype(np.float32)
    layers = tuple((params[i], params[i + 1]) for i in range(0, len(params), 2))
    return SubeventClassifier(LABELS, layers)


def training_rows(case_path: Path | None = CASE_SNIPPETS) -> tuple[list[str], list[str], list[float]]:
    """Texts, labels and sample weights: our expanded templates, plus CASE snippets when present."""
    rows = [(text, label, 1.0) for text, label in expand()]
    if case_path is not None and case_path.is_file():
        rows += [(text, label, CASE_WEIGHT) for text, label in read_case(case_path)]
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def train(out: Path = DEFAULT_OUT, case_path: Path | None = CASE_SNIPPETS, hidden: int = 0) -> Path:
    """Embed the training rows, fit the classifier and write its weights to ``out``."""
    texts, labels, weights = training_rows(case_path)
    vectors = embed(texts)
    classifier = fit(vectors, labels, np.array(weights, dtype=np.float32), hidden=hidden)
    out.parent.mkdir(parents=True, exist_ok=True)
    classifier.save(out)
    return out


def main() -> None:
    """Command line: ``python training/train.py [--out PATH] [--no-case] [--hidden N]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-case", action="store_true", help="train on our templates only")
    parser.add_argument("--hidden", type=int, default=0, help="hidden units (0 = logistic regression)")
    args = parser.parse_args()
    start = time.perf_counter()
    path = train(args.out, None if args.no_case else CASE_SNIPPETS, args.hidden)
    print(f"wrote {path} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
