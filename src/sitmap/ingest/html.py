"""Saved news pages: the article's title, date, site name, address and main text, through trafilatura.

Page furniture (navigation, cookie banners, "most read" boxes, related links, footers) is left
out by trafilatura's main-content extraction, so no event is coded from a neighbouring headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sitmap.ingest.raw import (
    DEFAULT_MAX_BYTES,
    content_id,
    decode_text,
    failure,
    parse_date,
    read_whole,
)
from sitmap.model import ArticleError, Document, Failure

# A charset the page declares itself is a fact, not a guess, so it is honoured.
# Fewer words than this is menu or banner text that the extractor fell back on, not an article.
MIN_WORDS = 20
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(
    path: Path, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """The one Document of a saved HTML page, or the Failure saying why it cannot be read."""
    return read_whole(path, max_bytes, lambda raw, origin: [html_document(raw, origin, published=published)])


def html_document(raw: bytes, origin: str, *, published: date | None = None) -> Document | Failure:
    """A Document from the bytes of an HTML page; the page's own date wins over ``published``."""
    try:
        markup = _decode_html(raw)
    except ArticleError as error:
        return failure(origin, str(error), raw)
    extracted = _extract(markup)
    words = len((extracted or {}).get("text", "").split())
    if extracted is None or words < MIN_WORDS:
        return failure(origin, f"no article text found in the HTML page ({words} words)", raw)
    page_date = _page_date(extracted.get("date"))
    return Document(
        id=content_id(raw),
        text=extracted["text"],
        title=extracted.get("title") or None,
        published=page_date or published,
        source=extracted.get("sitename") or None,
        url=extracted.get("url") or None,
        raw=raw,
        origin=origin,
        format="html",
    )


def _decode_html(raw: bytes) -> str:
    """The page as text: UTF-8, else the charset the page declares in a ``<meta>`` tag."""
    try:
        return decode_text(raw)
    except ArticleError as error:
        declared = DECLARED_CHARSET.search(raw[:4096])
        if declared is None or not str(error).startswith("not UTF-8"):
            raise
        charset = declared.group(1).decode("ascii")
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise ArticleError(f"{error} and not the declared charset {charset!r} either") from None


def _extract(markup: str) -> dict[str, Any] | None:
    """Trafilatura's main text and metadata of a page, as a dict (None when nothing is found)."""
    import trafilatura

    result = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    if result is None:
        return None
    return dict(result) if isinstance(result, dict) else dict(result.as_dict())


def _page_date(value: Any) -> date | None:
    """The page's publication date from trafilatura's ``YYYY-MM-DD`` string, if it found one."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None
