"""spaCy is imported without its command line, which still loads, whole, when asked for."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import sitmap.pipeline
heavy = sorted(m for m in ("spacy.cli", "weasel", "requests", "httpx") if m in sys.modules)
import spacy
about = spacy.info()
import spacy.cli
print(json.dumps({"heavy": heavy, "info": sorted(about), "download": callable(spacy.cli.download),
                  "loader": type(spacy.__loader__).__name__}))
"""


def _probe(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_coding_imports_spacy_without_its_command_line_and_spacy_info_still_works():
    seen = _probe(PROBE)
    assert seen["heavy"] == []  # none of spaCy's command-line modules came with the pipeline
    assert "spacy_version" in seen["info"] and seen["download"] is True  # both load when asked for
    assert seen["loader"] == "SourceFileLoader"  # spaCy is left with its own loader


def test_spacy_imported_before_sitmap_is_left_as_it_is():
    seen = _probe(
        "import json, spacy, sys; import sitmap.pipeline; print(json.dumps('spacy.cli' in sys.modules))"
    )
    assert seen is True
