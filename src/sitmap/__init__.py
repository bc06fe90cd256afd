"""sitmap: conflict news in, ACLED-style event data out, with the evidence for every field."""

__version__ = "0.1.0"

from sitmap import lazy_spacy_cli

lazy_spacy_cli.install()
