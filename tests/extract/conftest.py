"""Shared fixtures of the extraction tests: the real spaCy pipeline, loaded once per session."""

import pytest
from spacy.language import Language

from sitmap import nlp


@pytest.fixture(scope="session")
def language() -> Language:
    """The pinned English pipeline every extraction test reads with."""
    return nlp.load_language()
