"""ACLED sub-event types read by two small learned classifiers, one over the MiniLM sentence
embedding and one over hashed word n-grams (``sitmap.nlp.ngrams``), sharing one weights file.

- ``predict`` reads a text whole (a news snippet, a headline): the two models' probabilities
  mixed, ``(1 - mix) x embedding + mix x n-grams`` (mix 0.35, the best on the cross-validated
  CASE dev snippets).
- ``predict_sentences`` reads the candidate sentences of a long article with the n-gram model
  first; only a sentence whose n-gram reading is unsure (top probability below
  ``sentence_confidence``) is embedded and read by the embedding model instead.

The weights (``subevent_model.npz``: the n-gram vocabulary and both models) are not in git:
``python training/train.py`` builds them from the report templates in ``training/texts/`` (and
the CASE 2021 development snippets when present). At run time the classifier needs only numpy,
and for ``predict`` the embedding model (onnxruntime, tokenizers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitmap.nlp.embeddings import embed
from sitmap.nlp.ngrams import Rows, Vocabulary

MODEL_FILE = "subevent_model.npz"
TRAIN_COMMAND = "python training/train.py"
# The layout of the weights file; a file of another layout must be rebuilt, not misread.
FORMAT = 2
NONE = "NONE"
SUB_EVENT_TYPES = (
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
)
LABELS = (*SUB_EVENT_TYPES, NONE)
MODELS = ("embedding", "ngrams")
# The n-gram model's share of a whole-text reading.
MIX = 0.35
# A sentence's n-gram reading stands when its top label is this sure; otherwise it is embedded.
SENTENCE_CONFIDENCE = 0.6
# The texts read at run time are embedded from their first this many word pieces (the model was
# fitted on 128): the type shows early, and 64 read every benchmark as well as 128 (FA-KES type vs
# cause 0.782 -> 0.785, the rest unchanged) in 0.8x the embedding time of FA-KES articles.
READ_TOKENS = 64

FloatArray = npt.NDArray[np.float32]
Ranked = list[list[tuple[str, float]]]


def default_model_path() -> Path:
    """Where ``training/train.py`` writes the weights: beside this module."""
    with as_file(files(__package__) / MODEL_FILE) as path:
        return Path(path)


@dataclass(frozen=True)
class Linear:
    """A multinomial logistic regression: logits = embedding @ dense + n-grams @ lexical + bias.

    Either feature set may be absent (None); a model without ``dense`` needs no embedding.
    """

    bias: FloatArray
    dense: FloatArray | None = None
    lexical: FloatArray | None = None

    def probabilities(
        self, vectors: FloatArray | None, rows: Rows | None, temperature: float = 1.0
    ) -> FloatArray:
        """Label probabilities per text from its embedding row and n-gram row (where used)."""
        count = len(rows) if rows is not None else len(vectors) if vectors is not None else 0
        logits = np.tile(self.bias, (count, 1)).astype(np.float32)
        if self.dense is not None and vectors is not None:
            logits += vectors.astype(np.float32) @ self.dense
        if self.lexical is not None and rows is not None:
            logits += rows.dot(self.lexical)
        logits /= temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return probabilities


@dataclass(frozen=True)
class SubeventClassifier:
    """The embedding model and the n-gram model over one vocabulary, and how they are combined."""

    labels: tuple[str, ...]
    vocabulary: Vocabulary
    embedding: Linear
    ngrams: Linear
    mix: float = MIX
    sentence_confidence: float = SENTENCE_CONFIDENCE

    @classmethod
    def load(cls, path: Path | None = None) -> SubeventClassifier:
        """The classifier stored at ``path`` (default: ``subevent_model.npz`` beside this module)."""
        path = path or default_model_path()
        if not path.is_file():
            raise FileNotFoundError(
                f"sub-event classifier weights not found at {path}; build them with "
                f"`{TRAIN_COMMAND}` (part of `make install`)"
            )
        with np.load(path, allow_pickle=False) as data:
            layout = int(data["format"]) if "format" in data else 1
            if layout != FORMAT:
                raise ValueError(
                    f"{path} holds sub-event weights of layout {layout}, this sitmap reads layout "
                    f"{FORMAT}; rebuild them with `{TRAIN_COMMAND}`"
                )
            labels = tuple(str(label) for label in data["labels"])
            vocabulary = Vocabulary(data["ngram_ids"].astype(np.uint32), data["ngram_idf"].astype(np.float32))
            models = {
                name: Linear(
                    data[f"{name}_bias"].astype(np.float32),
                    data[f"{name}_dense"].astype(np.float32) if f"{name}_dense" in data else None,
                    data[f"{name}_lexical"].astype(np.float32) if f"{name}_lexical" in data else None,
                )
                for name in MODELS
            }
            mix, confidence = float(data["mix"]), float(data["sentence_confidence"])
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ValueError(f"{path}: labels outside the ACLED sub-event types: {sorted(unknown)}")
        return cls(labels, vocabulary, models["embedding"], models["ngrams"], mix, confidence)

    def save(self, path: Path) -> None:
        """Write the vocabulary, both models and how they combine to ``path`` as an uncompressed npz."""
        arrays: dict[str, npt.NDArray[np.generic]] = {
            "format": np.array(FORMAT),
            "labels": np.array(self.labels),
            "ngram_ids": self.vocabulary.ids,
            "ngram_idf": self.vocabulary.idf,
            "mix": np.array(self.mix),
            "sentence_confidence": np.array(self.sentence_confidence),
        }
        for name, model in zip(MODELS, (self.embedding, self.ngrams), strict=True):
            arrays[f"{name}_bias"] = model.bias
            if model.dense is not None:
                arrays[f"{name}_dense"] = model.dense
            if model.lexical is not None:
                arrays[f"{name}_lexical"] = model.lexical
        np.savez(path, **arrays)  # type: ignore[arg-type]

    def whole_probabilities(self, texts: Sequence[str]) -> FloatArray:
        """Label probabilities of texts read whole: the two models mixed, columns in ``labels`` order."""
        by_embedding = self.embedding.probabilities(embed(list(texts), max_tokens=READ_TOKENS), None)
        by_ngrams = self.ngrams.probabilities(None, self.vocabulary.rows(texts))
        mixed: FloatArray = ((1.0 - self.mix) * by_embedding + self.mix * by_ngrams).astype(np.float32)
        return mixed

    def sentence_probabilities(self, texts: Sequence[str]) -> FloatArray:
        """Label probabilities of single sentences: the n-gram model's where it is sure, the
        embedding model's for the others (only those are embedded)."""
        probabilities = self.ngrams.probabilities(None, self.vocabulary.rows(texts))
        unsure = np.flatnonzero(probabilities.max(axis=1) < self.sentence_confidence)
        if len(unsure):
            vectors = embed([texts[int(i)] for i in unsure], max_tokens=READ_TOKENS)
            probabilities[unsure] = self.embedding.probabilities(vectors, None)
        return probabilities

    def predict(self, texts: Sequence[str]) -> Ranked:
        """Per text read whole, every (label, probability), most probable first; "NONE" means no
        political violence. Mixes the embedding and the n-gram models."""
        return self._ranked(self.whole_probabilities(texts)) if texts else []

    def predict_sentences(self, texts: Sequence[str]) -> Ranked:
        """As ``predict``, for single sentences of a long article: from the n-grams where they are
        sure, else from the embedding."""
        return self._ranked(self.sentence_probabilities(texts)) if texts else []

    def _ranked(self, probabilities: FloatArray) -> Ranked:
        ranked = []
        for row in probabilities:
            order = np.argsort(-row, kind="stable")
            ranked.append([(self.labels[i], float(row[i])) for i in order])
        return ranked
