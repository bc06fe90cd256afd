"""sitmap: conflict news in, ACLED-style event data out, with the evidence for every field."""

__version__ = "0.1.0"
