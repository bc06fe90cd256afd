"""Text articles: an optional ``date YYYY-MM-DD Section`` header line, a blank line, the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sitmap.ingest.raw import DEFAULT_MAX_BYTES, content_id, decode_text, failure, read_whole
from sitmap.model import ArticleError, Document, Failure

# "date" then something date-shaped: digits and dashes. "date palms grow ..." is body text.
HEADER = re.compile(r"^[ \t]*date[ \t]+(?P<date>\d[\d-]*\d)(?:[ \t]+(?P<section>[^\r\n]*?))?[ \t\r]*$")


def read_text_file(
    path: Path, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """The one Document of a text file, or the Failure saying why it cannot be read."""
    return read_whole(path, max_bytes, lambda raw, origin: [text_document(raw, origin, published=published)])


def text_document(raw: bytes, origin: str, *, published: date | None = None) -> Document | Failure:
    """A Document from the bytes of a text article; the header's date wins over ``published``.

    ``Document.text`` is the body exactly as written (after the header line and the blank lines
    that follow it), because every character offset downstream points into it.
    """
    try:
        text = decode_text(raw)
        header_date, section, body = split_header(text)
    except ArticleError as error:
        return failure(origin, str(error), raw)
    if not body.strip():
        return failure(origin, "no article text after the date header", raw)
    return Document(
        id=content_id(raw),
        text=body,
        published=header_date or published,
        section=section,
        raw=raw,
        origin=origin,
        format="text",
    )


def split_header(text: str) -> tuple[date | None, str | None, str]:
    """The header's date and section and the body; no header gives ``(None, None, text)``.

    A first line shaped like a header whose date is not a real ``YYYY-MM-DD`` date raises
    ArticleError: guessing would date every event of the article wrongly.
    """
    first, newline, rest = text.partition("\n")
    match = HEADER.match(first)
    if match is None:
        return None, None, text
    value = match["date"]
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        header_date = date.fromisoformat(value)
    except ValueError:
        raise ArticleError(
            f"bad date in header: first line must be 'date YYYY-MM-DD Section', got {first.strip()!r}"
        ) from None
    body = rest.lstrip("\r\n") if newline else ""
    return header_date, match["section"] or None, body
