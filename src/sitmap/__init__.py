"""sitmap: conflict news in, ACLED-style event data out, with the evidence for every field."""

__version__ = "0.1.0"

import os

# The parser's matrix products run on numpy's OpenBLAS (nlp/parse.py). sitmap runs in parallel by
# processes, one per core, so a second BLAS thread only spins on the core another worker needs
# (twice the CPU time for the same wall time, measured). Set before numpy loads; a value the user
# set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from sitmap import lazy_spacy_cli  # noqa: E402

lazy_spacy_cli.install()
