"""Sub-event classifier figures, the classifier alone (no rules), for three feature sets: the
MiniLM embedding, the hashed word n-grams, and both (what ``predict`` reads; ``predict_sentences``
reads the n-grams alone): (a) trained on our templates only, weighted F1 on the CASE 2021 dev
snippets; (b) 5-fold cross-validated weighted F1 with CASE folds added to training (each fold
scored on snippets it never saw); (c) load time and texts per second of both models.

Run ``.venv/bin/python benchmarks/subevents.py``. Reads ../shared at run time; the CASE parts are
skipped when the snippets are absent. Weighted F1 is computed as ../shared/check/common.py does,
over gold labels, with the five non-political CASE labels expecting "NONE".
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from texts import expand  # noqa: E402
from train import CASE_SNIPPETS, CASE_WEIGHT, MIN_COUNT, fit, read_case  # noqa: E402

from sitmap.extract.subevents import LABELS, SubeventClassifier, default_model_path  # noqa: E402
from sitmap.nlp import embeddings  # noqa: E402
from sitmap.nlp.embeddings import embed  # noqa: E402
from sitmap.nlp.ngrams import Vocabulary  # noqa: E402

FOLDS = 5


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """F1 per gold label, weighted by the label's share of the gold rows."""
    total, score = len(gold), 0.0
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        score += f1 * gold.count(label) / total
    return score


def _report(title: str, gold: list[str], pred: list[str]) -> None:
    """Print weighted F1, accuracy, per-class F1 and the most frequent confusions."""
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    print(f"{title}: weighted F1 {weighted_f1(gold, pred):.3f}, accuracy {accuracy:.3f}, n={len(gold)}")
    for label in sorted(set(gold), key=lambda x: -gold.count(x)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        predicted, actual = pred.count(label), gold.count(label)
        f1 = 2 * tp / (predicted + actual) if predicted + actual else 0.0
        print(f"    {label:38s} n={actual:3d}  F1 {f1:.2f}")
    print("  confusions (gold -> predicted):")
    pairs = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    for (g, p), n in pairs.most_common(15):
        print(f"    {n:3d}  {g} -> {p}")


FEATURES = {"embedding": (True, False), "n-grams": (False, True), "both": (True, True)}


def _fit_and_read(
    train_texts: list[str],
    train_vectors: np.ndarray,
    labels: list[str],
    weights: np.ndarray,
    texts: list[str],
    vectors: np.ndarray,
    features: str,
) -> list[str]:
    """Top labels of ``texts`` from a model fitted on the training rows with the named features."""
    dense, lexical = FEATURES[features]
    vocabulary = Vocabulary.fit(train_texts, MIN_COUNT)
    model = fit(
        labels,
        weights.astype(np.float32),
        train_vectors if dense else None,
        vocabulary.rows(train_texts) if lexical else None,
        len(vocabulary),
    )
    probabilities = model.probabilities(
        vectors if dense else None, vocabulary.rows(texts) if lexical else None
    )
    return [LABELS[int(i)] for i in probabilities.argmax(1)]


def main() -> None:
    """Print figures (a), (b) and (c)."""
    rows = expand()
    ours_texts = [text for text, _ in rows]
    start = time.perf_counter()
    ours = embed(ours_texts)
    ours_seconds = time.perf_counter() - start
    labels = [label for _, label in rows]
    print(f"embedded {len(rows)} template reports in {ours_seconds:.1f} s")
    if CASE_SNIPPETS.is_file():
        case = read_case()
        case_texts = [text for text, _ in case]
        gold = [label for _, label in case]
        vectors = embed(case_texts)
        for features in FEATURES:
            pred = _fit_and_read(ours_texts, ours, labels, np.ones(len(ours)), case_texts, vectors, features)
            _report(f"(a) {features}, templates only -> CASE dev", gold, pred)
        folds = np.arange(len(case)) % FOLDS
        for features in FEATURES:
            pred = [""] * len(case)
            for fold in range(FOLDS):
                train_rows = folds != fold
                held_out = np.flatnonzero(~train_rows)
                weights = np.concatenate([np.ones(len(ours)), np.full(train_rows.sum(), CASE_WEIGHT)])
                read = _fit_and_read(
                    ours_texts + [case_texts[i] for i in np.flatnonzero(train_rows)],
                    np.vstack([ours, vectors[train_rows]]),
                    labels + [g for g, keep in zip(gold, train_rows, strict=True) if keep],
                    weights,
                    [case_texts[i] for i in held_out],
                    vectors[held_out],
                    features,
                )
                for i, label in zip(held_out, read, strict=True):
                    pred[i] = label
            _report(f"(b) {features}, templates + CASE, {FOLDS}-fold CV", gold, pred)
    else:
        print(f"(a), (b) skipped: {CASE_SNIPPETS} not found")
    path = default_model_path()
    if path.is_file():
        # time a cold start: drop the session and tokenizer the figures above already loaded
        embeddings._session.cache_clear()
        embeddings._tokenizer.cache_clear()
        start = time.perf_counter()
        classifier = SubeventClassifier.load(path)
        classifier.predict(["Gunmen attacked a village."])
        load_seconds = time.perf_counter() - start
        sample = [text for text, _ in rows[::7]][:1000]
        rates = []
        for read in (classifier.predict, classifier.predict_sentences):
            start = time.process_time()
            read(sample)
            rates.append(len(sample) / (time.process_time() - start))
        print(
            f"(c) load + first prediction {load_seconds:.2f} s; per CPU second: {rates[0]:.0f} texts "
            f"whole (embedding + n-grams), {rates[1]:.0f} sentences (n-grams), n={len(sample)}"
        )
    else:
        print(f"(c) skipped: no weights at {path}; run `python training/train.py`")


if __name__ == "__main__":
    main()
