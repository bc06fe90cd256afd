"""ACLED sub-event types read from sentence embeddings by a small learned classifier.

The weights (``subevent_model.npz``) are not in git: ``python training/train.py`` builds them from
the report templates in ``training/texts/`` (and the CASE 2021 development snippets when present).
At run time the classifier needs only numpy and the embedding model (onnxruntime, tokenizers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitmap.nlp.embeddings import embed

MODEL_FILE = "subevent_model.npz"
TRAIN_COMMAND = "python training/train.py"
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

FloatArray = npt.NDArray[np.float32]


def default_model_path() -> Path:
    """Where ``training/train.py`` writes the weights: beside this module."""
    with as_file(files(__package__) / MODEL_FILE) as path:
        return Path(path)


@dataclass(frozen=True)
class SubeventClassifier:
    """A multinomial logistic regression, optionally behind one ReLU hidden layer, over embeddings."""

    labels: tuple[str, ...]
    layers: tuple[tuple[FloatArray, FloatArray], ...]
    temperature: float = 1.0

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
            labels = tuple(str(label) for label in data["labels"])
            count = int(data["layer_count"])
            layers = tuple(
                (data[f"weight_{i}"].astype(np.float32), data[f"bias_{i}"].astype(np.float32))
                for i in range(count)
            )
            temperature = float(data["temperature"])
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ValueError(f"{path}: labels outside the ACLED sub-event types: {sorted(unknown)}")
        return cls(labels, layers, temperature)

    def save(self, path: Path) -> None:
        """Write the weights to ``path`` as an uncompressed npz."""
        arrays: dict[str, npt.NDArray[np.generic]] = {
            "labels": np.array(self.labels),
            "layer_count": np.array(len(self.layers)),
            "temperature": np.array(self.temperature),
        }
        for i, (weight, bias) in enumerate(self.layers):
            arrays[f"weight_{i}"], arrays[f"bias_{i}"] = weight, bias
        np.savez(path, **arrays)  # type: ignore[arg-type]

    def probabilities(self, vectors: FloatArray) -> FloatArray:
        """Label probabilities for each embedding row, columns in ``labels`` order."""
        hidden = vectors.astype(np.float32)
        for weight, bias in self.layers[:-1]:
            hidden = np.maximum(hidden @ weight + bias, 0.0)
        weight, bias = self.layers[-1]
        logits = (hidden @ weight + bias) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return probabilities

    def predict(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """Per text, every (label, probability), most probable first; "NONE" means no political violence."""
        if not texts:
            return []
        probabilities = self.probabilities(embed(list(texts)))
        ranked = []
        for row in probabilities:
            order = np.argsort(-row, kind="stable")
            ranked.append([(self.labels[i], float(row[i])) for i in order])
        return ranked
