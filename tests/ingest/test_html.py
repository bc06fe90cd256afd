"""Saved news pages: metadata and main text in, page furniture out."""

from datetime import date
from pathlib import Path

import pytest

from sitmap.ingest import read_html, read_inputs
from sitmap.model import Document, Failure

PAGE = Path(__file__).parent.parent / "fixtures" / "html" / "sahel-dispatch-menaka-clash.html"


@pytest.fixture(scope="module")
def page() -> Document:
    (document,) = list(read_html(PAGE))
    assert isinstance(document, Document)
    return document


def test_page_metadata_reaches_the_document(page):
    assert page.title == "Soldiers and militants clash near Menaka, at least nine dead"
    assert page.published == date(2024, 5, 13)
    assert page.source == "Sahel Dispatch"
    assert page.url == "https://www.saheldispatch.example/africa/2024/05/13/menaka-clash"
    assert page.format == "html" and page.raw == PAGE.read_bytes()


@pytest.mark.parametrize(
    "sentence",
    [
        "At least nine people were killed on Sunday when Malian soldiers clashed with armed militants",
        "came under fire about 40 kilometres east of Menaka",
        'six attackers had been "neutralised" and that three soldiers had died',
        "No group has claimed responsibility for the attack.",
    ],
)
def test_article_sentences_are_in_the_text(page, sentence):
    assert sentence in " ".join(page.text.split())


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies",
        "Accept all cookies",
        "Most read",
        "Drone strike kills twelve at a market in Sagaing region",
        "Rebels seize border post north of Goma",
        "Gunmen abduct forty villagers",
        "Protesters torch police station in Kismayo",
        "Army recaptures Tessit",
        "Landmine blast wounds five near Gao",
        "All rights reserved",
        "Privacy policy",
        "morning security briefing",
        "Subscribe",
    ],
)
def test_page_furniture_is_not_in_the_text(page, furniture):
    assert furniture not in page.text


def test_page_without_a_date_takes_the_published_option(tmp_path):
    path = tmp_path / "undated.html"
    paragraphs = "".join(
        f"<p>Residents of Kaya said the market reopened on Tuesday after {n} weeks of closure, "
        "and traders returned with grain from the surrounding villages.</p>"
        for n in range(2, 7)
    )
    path.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    (document,) = list(read_inputs([str(path)], published=date(2024, 4, 2)))
    assert document.published == date(2024, 4, 2)
    assert "market reopened on Tuesday" in document.text


def test_page_with_no_article_text_is_a_failure(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/africa'>Africa</a>"
        "</nav><div class='cookie'>We use cookies.</div></body></html>",
        encoding="utf-8",
    )
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Failure) and item.reason.startswith("no article text found in the HTML page")


def test_page_in_its_declared_charset_is_read(tmp_path):
    path = tmp_path / "latin.html"
    body = "".join(
        f"<p>Le maire de Ségou a déclaré que {n} maisons avaient été détruites lors des combats "
        "de mercredi, selon un communiqué publié jeudi.</p>"
        for n in range(3, 8)
    )
    markup = f'<html><head><meta charset="windows-1252"></head><body><article>{body}</article></body></html>'
    path.write_bytes(markup.encode("cp1252"))
    (document,) = list(read_inputs([str(path)]))
    assert isinstance(document, Document) and "Le maire de Ségou a déclaré" in document.text
