"""Hashed word n-grams: stable ids, the vocabulary's choice of n-grams, and unit-length sparse rows."""

import json
import os
import subprocess
import sys
import zlib

import numpy as np

from sitmap.nlp.ngrams import Rows, Vocabulary, ngram_ids, words

TEXTS = [
    "Gunmen killed 12 villagers in Kalat on Monday.",
    "Gunmen killed 40 police officers in Kalat.",
    "Hundreds of teachers marched peacefully in the capital.",
    "Teachers marched again on Friday, demanding unpaid wages.",
]


def test_words_are_lower_cased_and_two_characters_or_more():
    assert words("Killed 12 in Gao's market, 2,500 displaced: a toll") == [
        "killed",
        "12",
        "in",
        "gao",
        "market",
        "500",
        "displaced",
        "toll",
    ]
    assert words("al-Shabaab — Ségou") == ["al", "shabaab", "ségou"]


def test_ngram_ids_are_the_crc32_of_each_unigram_then_each_bigram():
    assert ngram_ids("Troops shelled Idlib") == [
        zlib.crc32(b"troops"),
        zlib.crc32(b"shelled"),
        zlib.crc32(b"idlib"),
        zlib.crc32(b"troops shelled"),
        zlib.crc32(b"shelled idlib"),
    ]
    assert ngram_ids("") == [] and ngram_ids("...") == []


def test_ngram_ids_are_the_same_in_processes_with_other_hash_seeds():
    script = (
        "import json, sys; from sitmap.nlp.ngrams import ngram_ids; print(json.dumps(ngram_ids(sys.argv[1])))"
    )
    text = "Rebels overran the army base at Dabaga after heavy fighting."
    seen = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script, text], env=env, capture_output=True, text=True, check=True
        ).stdout
        seen.add(tuple(json.loads(out)))
    assert seen == {tuple(ngram_ids(text))}


def test_the_vocabulary_keeps_ngrams_found_in_enough_texts_sorted():
    vocabulary = Vocabulary.fit(TEXTS, min_count=2)
    kept = set(vocabulary.ids.tolist())
    assert zlib.crc32(b"gunmen killed") in kept and zlib.crc32(b"marched") in kept
    assert zlib.crc32(b"villagers") not in kept  # in one text only
    assert list(vocabulary.ids) == sorted(vocabulary.ids)
    assert len(Vocabulary.fit(TEXTS, min_count=1)) > len(vocabulary)
    # a rarer n-gram weighs more: "kalat" (2 texts of 4) against "in" (3 texts of 4)
    idf = dict(zip(vocabulary.ids.tolist(), vocabulary.idf.tolist(), strict=True))
    assert idf[zlib.crc32(b"kalat")] > idf[zlib.crc32(b"in")]


def test_rows_are_unit_length_and_drop_unknown_ngrams():
    vocabulary = Vocabulary.fit(TEXTS, min_count=2)
    rows = vocabulary.rows(["Gunmen killed 7 teachers in Kalat.", "Quiet weather over the hills.", ""])
    lengths = [
        float(np.sqrt((rows.values[rows.indptr[i] : rows.indptr[i + 1]] ** 2).sum())) for i in range(3)
    ]
    assert np.isclose(lengths[0], 1.0)
    assert lengths[1] == 0.0 and lengths[2] == 0.0  # no known n-gram: an empty row
    assert len(rows) == 3


def test_a_repeated_ngram_counts_sublinearly():
    vocabulary = Vocabulary(
        np.array(sorted([zlib.crc32(b"shelled"), zlib.crc32(b"town")]), np.uint32), np.ones(2, np.float32)
    )
    rows = vocabulary.rows(["shelled shelled town"])
    by_id = dict(zip(vocabulary.ids[rows.columns].tolist(), rows.values.tolist(), strict=True))
    ratio = by_id[zlib.crc32(b"shelled")] / by_id[zlib.crc32(b"town")]
    assert np.isclose(ratio, 1.0 + np.log(2.0))


def test_dot_and_select_agree_with_the_dense_matrix():
    vocabulary = Vocabulary.fit(TEXTS, min_count=1)
    rows = vocabulary.rows(["", *TEXTS, "nothing known here"])
    dense = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
    for i in range(len(rows)):
        span = slice(rows.indptr[i], rows.indptr[i + 1])
        dense[i, rows.columns[span]] = rows.values[span]
    weight = np.random.default_rng(0).standard_normal((len(vocabulary), 3)).astype(np.float32)
    assert np.allclose(rows.dot(weight), dense @ weight, atol=1e-5)
    picked = rows.select([3, 0, 1])
    assert isinstance(picked, Rows) and np.allclose(
        picked.dot(weight), (dense @ weight)[[3, 0, 1]], atol=1e-5
    )
