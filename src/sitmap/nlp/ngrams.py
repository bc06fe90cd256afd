"""Hashed word n-grams: the lexical features of the sub-event classifier, in plain numpy.

A text becomes its lower-cased words (runs of two or more letters, digits or underscores, as
scikit-learn's default token pattern: "a" and the "s" of "Gao's" are dropped) and the unigrams and
bigrams of those words.
Each n-gram is named by its CRC-32 (``zlib.crc32`` of its UTF-8 bytes, the bigram's two words
joined by one space): stable across processes and machines, unlike Python's salted ``hash``.

A ``Vocabulary`` keeps the n-gram ids seen often enough in training, sorted, each with its
inverse document frequency. It turns texts into sparse ``Rows``: per text and kept n-gram,
(1 + log count) x idf, scaled to unit length. N-grams outside the vocabulary are dropped before
the scaling, as a fitted vocabulary does.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_WORD = re.compile(r"\b\w\w+\b")

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` of two characters or more: "Killed 12 in Gao's market" ->
    ['killed', '12', 'in', 'gao', 'market']."""
    return _WORD.findall(text.lower())


def ngram_ids(text: str) -> list[int]:
    """The CRC-32 of each word unigram and bigram of ``text``, in order, repeats kept."""
    tokens = words(text)
    crc32 = zlib.crc32
    ids = [crc32(token.encode()) for token in tokens]
    ids += [crc32(f"{first} {second}".encode()) for first, second in zip(tokens, tokens[1:], strict=False)]
    return ids


@dataclass(frozen=True)
class Rows:
    """Sparse rows (compressed sparse row layout): row i holds ``columns[indptr[i]:indptr[i + 1]]``
    with ``values`` at the same positions; columns index a vocabulary."""

    indptr: IntArray
    columns: IntArray
    values: FloatArray

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def dot(self, weight: FloatArray) -> FloatArray:
        """The product of these rows with a (vocabulary size, k) weight matrix: one k-vector per row."""
        out = np.zeros((len(self), weight.shape[1]), dtype=np.float32)
        starts = self.indptr[:-1]
        filled = self.indptr[1:] > starts
        if filled.any():
            gathered = weight[self.columns] * self.values[:, None]
            out[filled] = np.add.reduceat(gathered, starts[filled], axis=0)
        return out

    def select(self, rows: Sequence[int]) -> Rows:
        """These rows at the given positions, in that order."""
        index = np.asarray(rows, dtype=np.int64)
        lengths = self.indptr[index + 1] - self.indptr[index]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        take = (
            np.concatenate([np.arange(self.indptr[i], self.indptr[i + 1]) for i in index])
            if len(index)
            else np.zeros(0, dtype=np.int64)
        )
        return Rows(indptr, self.columns[take], self.values[take])


@dataclass(frozen=True)
class Vocabulary:
    """The kept n-gram ids (sorted uint32) and their inverse document frequencies."""

    ids: npt.NDArray[np.uint32]
    idf: FloatArray

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def fit(cls, texts: Sequence[str], min_count: int = 2) -> Vocabulary:
        """The n-grams found in at least ``min_count`` of ``texts``, with smoothed idf
        ``1 + log((1 + n) / (1 + document frequency))``."""
        found = [np.unique(np.array(ngram_ids(text), dtype=np.uint32)) for text in texts]
        every = np.concatenate(found) if found else np.zeros(0, dtype=np.uint32)
        ids, frequency = np.unique(every, return_counts=True)
        keep = frequency >= min_count
        idf = 1.0 + np.log((1.0 + len(texts)) / (1.0 + frequency[keep]))
        return cls(ids[keep].astype(np.uint32), idf.astype(np.float32))

    def rows(self, texts: Sequence[str]) -> Rows:
        """Each text's kept n-grams, weighted (1 + log count) x idf and scaled to unit length."""
        lists = [ngram_ids(text) for text in texts]
        lengths = np.array([len(ids) for ids in lists], dtype=np.int64)
        every = np.fromiter((i for ids in lists for i in ids), dtype=np.uint32, count=int(lengths.sum()))
        row = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        column = np.searchsorted(self.ids, every).astype(np.int64)
        known = column < len(self.ids)
        known[known] = self.ids[column[known]] == every[known]
        # one (row, column) pair per distinct n-gram of a text, with its count
        keys, counts = np.unique(row[known] * len(self.ids) + column[known], return_counts=True)
        row, column = keys // max(len(self.ids), 1), keys % max(len(self.ids), 1)
        values = (1.0 + np.log(counts)) * self.idf[column]
        norms = np.sqrt(np.bincount(row, weights=values * values, minlength=len(texts)))
        values = values / norms[row]
        indptr = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=len(texts)))]).astype(np.int64)
        return Rows(indptr, column, values.astype(np.float32))
