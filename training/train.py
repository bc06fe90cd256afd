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

from sitmap.extract.subevents import LABELS, MIX, Linear, SubeventClassifier  # noqa: E402
from sitmap.nlp.embeddings import embed  # noqa: E402
from sitmap.nlp.ngrams import Rows, Vocabulary  # noqa: E402

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
L2_LEXICAL = 1e-4
EPOCHS = 400
LEARNING_RATE = 0.02
LEXICAL_RATE = 0.02
SEED = 7
# An n-gram enters the vocabulary when this many training texts hold it.
MIN_COUNT = 2
# The n-gram model fits best with faster steps and a lighter penalty than the embedding model
# (5-fold CV on CASE, the model alone: weighted F1 0.701, against 0.646-0.690 with the others).
NGRAM_RATE = 0.1
NGRAM_L2 = 1e-5

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


class _Products:
    """The two products full-batch training needs of fixed sparse rows X, by gather and segment sums:
    X @ W (logits) and X.T @ D (gradient). Weights are held transposed, (labels, columns), because
    numpy sums segments of a row-major array fastest along its last axis."""

    def __init__(self, rows: Rows, columns: int) -> None:
        self.rows, self.columns = rows, columns
        self.filled = np.flatnonzero(rows.indptr[1:] > rows.indptr[:-1])
        self.row_starts = rows.indptr[:-1][self.filled]
        row_of = np.repeat(np.arange(len(rows)), np.diff(rows.indptr))
        order = np.argsort(rows.columns, kind="stable")
        by_column = rows.columns[order]
        self.column_starts = np.flatnonzero(np.r_[True, by_column[1:] != by_column[:-1]])
        self.used = by_column[self.column_starts] if len(by_column) else by_column
        self.row_of, self.values_by_column = row_of[order], rows.values[order]

    def logits(self, weight_t: FloatArray) -> FloatArray:
        """(rows, labels) = X @ weight_t.T."""
        out = np.zeros((weight_t.shape[0], len(self.rows)), dtype=np.float32)
        if len(self.filled):
            gathered = np.take(weight_t, self.rows.columns, axis=1)
            gathered *= self.rows.values
            out[:, self.filled] = np.add.reduceat(gathered, self.row_starts, axis=1)
        return out.T

    def gradient(self, delta: FloatArray) -> FloatArray:
        """(labels, columns) = (X.T @ delta).T."""
        out = np.zeros((delta.shape[1], self.columns), dtype=np.float32)
        if len(self.used):
            gathered = np.take(np.ascontiguousarray(delta.T), self.row_of, axis=1)
            gathered *= self.values_by_column
            out[:, self.used] = np.add.reduceat(gathered, self.column_starts, axis=1)
        return out


def fit(
    labels: Sequence[str],
    weights: FloatArray,
    vectors: FloatArray | None = None,
    rows: Rows | None = None,
    columns: int = 0,
    epochs: int = EPOCHS,
    l2: float = L2,
    l2_lexical: float = L2_LEXICAL,
    learning_rate: float = LEARNING_RATE,
    lexical_rate: float = LEXICAL_RATE,
) -> Linear:
    """A logistic regression fitted by full-batch Adam on class-balanced, weighted cross-entropy,
    over embedding ``vectors``, sparse n-gram ``rows`` (of a vocabulary of ``columns``), or both."""
    if vectors is None and rows is None:
        raise ValueError("fit needs embeddings, n-gram rows or both")
    rng = np.random.default_rng(SEED)
    index = {label: i for i, label in enumerate(LABELS)}
    y = np.array([index[label] for label in labels])
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    balance = np.where(counts > 0, len(y) / (len(LABELS) * np.maximum(counts, 1)), 0.0) ** 0.5
    w = (weights * balance[y]).astype(np.float32)
    w /= w.sum()
    target = np.eye(len(LABELS), dtype=np.float32)[y]
    # parameters: bias, then the embedding weight (dims, labels), then the n-gram weight held
    # transposed (labels, columns); the n-gram weight starts at zero (most n-grams are rare)
    params: list[FloatArray] = [np.zeros(len(LABELS), dtype=np.float32)]
    decay, rates = [0.0], [learning_rate]
    if vectors is not None:
        dims = vectors.shape[1]
        params.append(
            (rng.standard_normal((dims, len(LABELS))) * np.sqrt(2.0 / dims) * 0.1).astype(np.float32)
        )
        decay.append(l2)
        rates.append(learning_rate)
    products = _Products(rows, columns) if rows is not None else None
    if products is not None:
        params.append(np.zeros((len(LABELS), columns), dtype=np.float32))
        decay.append(l2_lexical)
        rates.append(lexical_rate)
    moment = [np.zeros_like(p) for p in params]
    velocity = [np.zeros_like(p) for p in params]
    for step in range(1, epochs + 1):
        logits = np.broadcast_to(params[0], target.shape).copy()
        if vectors is not None:
            logits += vectors @ params[1]
        if products is not None:
            logits += products.logits(params[-1])
        delta = (_softmax(logits) - target) * w[:, None]
        grads: list[FloatArray] = [delta.sum(axis=0)]
        if vectors is not None:
            grads.append(vectors.T @ delta)
        if products is not None:
            grads.append(products.gradient(delta))
        correction = np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        for i, grad in enumerate(grads):
            grad = grad + decay[i] * params[i] if decay[i] else grad
            moment[i] = 0.9 * moment[i] + 0.1 * grad
            velocity[i] = 0.999 * velocity[i] + 0.001 * grad * grad
            step_size = rates[i] * correction
            params[i] = (params[i] - step_size * moment[i] / (np.sqrt(velocity[i]) + 1e-8)).astype(np.float32)
    return Linear(
        bias=params[0],
        dense=params[1] if vectors is not None else None,
        lexical=np.ascontiguousarray(params[-1].T) if products is not None else None,
    )


def training_rows(case_path: Path | None = CASE_SNIPPETS) -> tuple[list[str], list[str], list[float]]:
    """Texts, labels and sample weights: our expanded templates, plus CASE snippets when present."""
    rows = [(text, label, 1.0) for text, label in expand()]
    if case_path is not None and case_path.is_file():
        rows += [(text, label, CASE_WEIGHT) for text, label in read_case(case_path)]
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def fit_classifier(
    texts: Sequence[str], labels: Sequence[str], weights: Sequence[float], vectors: FloatArray
) -> SubeventClassifier:
    """Both models over one n-gram vocabulary of ``texts``: the embedding model and the n-gram model."""
    vocabulary = Vocabulary.fit(texts, MIN_COUNT)
    sample_weights = np.array(weights, dtype=np.float32)
    embedding = fit(labels, sample_weights, vectors)
    ngrams = fit(
        labels,
        sample_weights,
        None,
        vocabulary.rows(texts),
        len(vocabulary),
        l2_lexical=NGRAM_L2,
        learning_rate=NGRAM_RATE,
        lexical_rate=NGRAM_RATE,
    )
    return SubeventClassifier(LABELS, vocabulary, embedding, ngrams, MIX)


def train(out: Path = DEFAULT_OUT, case_path: Path | None = CASE_SNIPPETS) -> Path:
    """Embed the training rows, fit both models and write their weights to ``out``."""
    texts, labels, weights = training_rows(case_path)
    classifier = fit_classifier(texts, labels, weights, embed(texts))
    out.parent.mkdir(parents=True, exist_ok=True)
    classifier.save(out)
    return out


def main() -> None:
    """Command line: ``python training/train.py [--out PATH] [--no-case]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-case", action="store_true", help="train on our templates only")
    args = parser.parse_args()
    start = time.perf_counter()
    path = train(args.out, None if args.no_case else CASE_SNIPPETS)
    print(f"wrote {path} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
