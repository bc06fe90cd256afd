"""The example articles: each reads cleanly, dated by its header, of wire-story length."""

import re
from pathlib import Path

from sitmap.ingest import read_inputs
from sitmap.model import Document

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def test_every_example_article_reads_with_its_header_date():
    paths = sorted(EXAMPLES.glob("*.txt"))
    assert len(paths) >= 8
    for document in read_inputs([str(EXAMPLES)]):
        assert isinstance(document, Document), document
        assert document.published is not None and document.published.isoformat() in Path(document.origin).name
        assert 150 <= len(document.text.split()) <= 350, document.origin


def test_examples_readme_lists_every_example_and_no_missing_one():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(\d{4}-\d{2}-\d{2}-[\w-]+\.txt)`", readme))
    assert listed == {path.name for path in EXAMPLES.glob("*.txt")}
