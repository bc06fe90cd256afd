"""Text articles with and without the ``date YYYY-MM-DD Section`` header."""

from datetime import date
from pathlib import Path

import pytest

from sitmap.ingest import read_inputs, read_text_file
from sitmap.model import Document, Failure

FIXTURES = Path(__file__).parent.parent / "fixtures" / "articles"
BODY = "Gunmen attacked a checkpoint near Bama on Monday, the army said.\n\nTwo soldiers were wounded.\n"


def _only(path: Path, **options) -> Document | Failure:
    (item,) = list(read_text_file(path, **options))
    return item


@pytest.mark.parametrize(
    ("header", "published", "section"),
    [
        ("date 2024-03-12 World", date(2024, 3, 12), "World"),
        (" date 2020-02-26 Fast News", date(2020, 2, 26), "Fast News"),
        ("\tdate 2019-07-01 Africa Security Desk  ", date(2019, 7, 1), "Africa Security Desk"),
        ("date 2024-01-05", date(2024, 1, 5), None),
    ],
)
def test_header_gives_date_and_section_and_body_is_kept_exactly(tmp_path, header, published, section):
    path = tmp_path / "a.txt"
    path.write_text(f"{header}\n\n{BODY}", encoding="utf-8")
    document = _only(path)
    assert isinstance(document, Document)
    assert (document.published, document.section, document.text) == (published, section, BODY)
    assert document.format == "text" and document.origin == str(path)


def test_header_with_windows_line_endings_keeps_the_body(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2024-03-12 World\r\n\r\nShelling hit Avdiivka on Tuesday.\r\n")
    document = _only(path)
    assert document.published == date(2024, 3, 12) and document.section == "World"
    assert document.text == "Shelling hit Avdiivka on Tuesday.\r\n"


def test_offsets_into_text_point_at_the_body_words(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"date 2024-03-12 World\n\n{BODY}", encoding="utf-8")
    document = _only(path)
    start = document.text.index("Bama")
    assert document.text[start : start + 4] == "Bama"
    assert document.raw.decode("utf-8").endswith(document.text)


@pytest.mark.parametrize("bad", ["date 2020-13-45 World", "date 2024-02-30 Africa", "date 24-3-12 World"])
def test_header_with_impossible_date_is_a_failure_naming_the_line(tmp_path, bad):
    path = tmp_path / "bad.txt"
    path.write_text(f"{bad}\n\n{BODY}", encoding="utf-8")
    item = _only(path)
    assert isinstance(item, Failure)
    assert "bad date in header" in item.reason and bad in item.reason
    assert item.raw == path.read_bytes()


def test_header_without_body_is_a_failure(tmp_path):
    path = tmp_path / "header-only.txt"
    path.write_text("date 2024-03-12 World\n\n", encoding="utf-8")
    assert _only(path).reason == "no article text after the date header"


@pytest.mark.parametrize(
    "first_line",
    ["Date palms burned in Basra on Friday, farmers said.", "date night plans were cancelled in Kharkiv."],
)
def test_first_line_starting_with_the_word_date_is_body_text(tmp_path, first_line):
    path = tmp_path / "plain.txt"
    path.write_text(f"{first_line}\n", encoding="utf-8")
    document = _only(path, published=date(2024, 1, 2))
    assert document.text == f"{first_line}\n" and document.published == date(2024, 1, 2)


def test_file_without_header_takes_published_option_or_none():
    path = FIXTURES / "no-header.txt"
    assert _only(path).published is None
    assert _only(path, published=date(2024, 6, 7)).published == date(2024, 6, 7)
    assert _only(path).text == path.read_text(encoding="utf-8")


def test_header_date_wins_over_published_option():
    document = _only(FIXTURES / "header-multiword-section.txt", published=date(2000, 1, 1))
    assert document.published == date(2023, 11, 21) and document.section == "Middle East News"


def test_same_bytes_give_the_same_id_and_other_bytes_another(tmp_path):
    one, two, other = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    one.write_text(BODY, encoding="utf-8")
    two.write_text(BODY, encoding="utf-8")
    other.write_text(BODY + "A third soldier died later.\n", encoding="utf-8")
    ids = [item.id for item in read_inputs([str(one), str(two), str(other)])]
    assert ids[0] == ids[1] != ids[2]
    assert ids[0].startswith("sha1:") and len(ids[0]) == len("sha1:") + 16


def test_utf8_byte_order_mark_is_dropped_before_the_header(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfdate 2024-03-12 World\n\n" + BODY.encode())
    document = _only(path)
    assert document.published == date(2024, 3, 12) and document.text == BODY
