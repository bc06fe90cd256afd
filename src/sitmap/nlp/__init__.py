"""Language analysis: sentence splitting for every document, a dependency parse for the few
sentences that can hold an event (the language pipeline is loaded once per process)."""

from sitmap.nlp.parse import DEFAULT_MODEL, batch_zone, load_language, parse
from sitmap.nlp.sentences import split_sentences

__all__ = ["DEFAULT_MODEL", "batch_zone", "load_language", "parse", "split_sentences"]
