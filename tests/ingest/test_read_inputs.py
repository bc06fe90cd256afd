"""Files, directories and standard input, and every kind of bad input as a Failure."""

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitmap.ingest import read_inputs
from sitmap.model import Document, Failure

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLE = "date 2024-03-12 World\n\nTroops shelled the outskirts of Bakhmut on Tuesday, officials said.\n"


def _one(inputs, **options):
    (item,) = list(read_inputs(inputs, **options))
    return item


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden_and_unknown_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE.replace("Bakhmut", "Kupiansk"), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "Raid in Gao."}) + "\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("What each example should give.\n", encoding="utf-8")
    origins = [item.origin for item in read_inputs([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt"), f"{tmp_path / 'c.jsonl'}:1"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (ARTICLE.encode(), "text"),
        (
            b'\n  {"id": "s1", "text": "Strike on Marib."}\n{"id": "s2", "text": "Arrests in Lahore."}\n',
            "jsonl",
        ),
        ((FIXTURES / "html" / "sahel-dispatch-menaka-clash.html").read_bytes(), "html"),
    ],
)
def test_standard_input_format_is_sniffed(data, fmt):
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert items and all(isinstance(item, Document) and item.format == fmt for item in items)
    assert items[0].origin.startswith("<stdin>")


def test_file_with_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "wire-export"
    path.write_text(json.dumps({"id": "k1", "text": "Curfew in Kismayo."}) + "\n", encoding="utf-8")
    assert _one([str(path)]).id == "k1"


def test_feed_given_as_an_article_is_a_failure_pointing_to_watch():
    item = _one([str(FIXTURES / "feeds" / "kivu-monitor-atom.xml")])
    assert isinstance(item, Failure) and "RSS/Atom feed, not an article" in item.reason


LATIN_ARTICLE = (
    "date 2024-03-12 World\n\nLe préfet a confirmé jeudi que l'armée contrôlait Kidal, selon un communiqué "
    "publié à Bamako. Les habitants ont signalé des tirs près de l'aéroport.\n"
)
BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\n \t\n", "empty file (only whitespace)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes)"),
    ("noise.txt", bytes(range(1, 32)) * 20, "binary file (control characters in the data)"),
    ("utf16.txt", ARTICLE.encode("utf-16"), "not UTF-8 (looks like utf-16"),
    ("latin.txt", LATIN_ARTICLE.encode("cp1252"), "not UTF-8 (looks like cp1252"),
    ("header.txt", b"date 2020-13-45 X\n\nBody.\n", "bad date in header"),
    ("bad.jsonl", b'{"text": "unterminated', "line 1: malformed JSON"),
    ("bad.json", b'{"text": ', "malformed JSON"),
    ("page.html", b"\xff\xfe\x00<\x00h\x00t\x00m\x00l", "not UTF-8 (looks like utf-16"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS])
def test_bad_file_is_one_failure_with_its_reason_and_raw_bytes_and_the_batch_goes_on(
    tmp_path, name, data, reason
):
    bad, good = tmp_path / name, tmp_path / "good.txt"
    bad.write_bytes(data)
    good.write_text(ARTICLE, encoding="utf-8")
    first, second = list(read_inputs([str(bad), str(good)]))
    assert isinstance(first, Failure) and first.reason.startswith(reason), first.reason
    assert first.origin.startswith(str(bad))
    assert first.raw == data
    assert isinstance(second, Document) and second.published == date(2024, 3, 12)


def test_failure_id_is_the_same_on_a_second_run(tmp_path):
    path = tmp_path / "image.bin"
    path.write_bytes(b"\x00\x01\x02 binary")
    assert _one([str(path)]).doc_id == _one([str(path)]).doc_id


def test_file_over_the_size_limit_is_a_failure_without_its_bytes(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE * 200, encoding="utf-8")
    item = _one([str(path)], max_bytes=1000)
    assert isinstance(item, Failure) and item.raw == b""
    assert item.reason == f"file too large: {path.stat().st_size} bytes, limit 1000"


def test_standard_input_over_the_size_limit_is_a_failure():
    item = _one(["-"], stdin=io.BytesIO(ARTICLE.encode() * 100), max_bytes=500)
    assert isinstance(item, Failure) and item.reason == "input too large: over the limit of 500 bytes"


@pytest.mark.parametrize("name", ["missing.txt", "missing.jsonl", "no-such-dir/file.html", "noext"])
def test_missing_path_is_a_failure_with_an_id_from_the_path(tmp_path, name):
    path = tmp_path / name
    item = _one([str(path)])
    assert isinstance(item, Failure) and item.reason == "cannot read file: No such file or directory"
    assert item.doc_id == _one([str(path)]).doc_id


def test_path_through_a_file_is_a_failure(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    item = _one([str(tmp_path / "article.txt" / "child.txt")])
    assert isinstance(item, Failure) and item.reason == "cannot read file: Not a directory"
