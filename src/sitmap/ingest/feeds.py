"""RSS and Atom feeds: the entries a watcher polls for new article pages (through feedparser)."""

from __future__ import annotations

import calendar
import email.utils
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sitmap.ingest.raw import content_id
from sitmap.model import ArticleError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: its stable id (the guid, else the link), page address, title, date, summary."""

    id: str
    link: str | None
    title: str | None
    published: date | None
    summary: str | None


def parse_feed(data: bytes, url: str) -> list[FeedEntry]:
    """The entries of an RSS 2.0, RSS 1.0 or Atom feed, in feed order.

    Relative links are resolved against ``url``, the address the feed was fetched from.

    Raises ArticleError when the bytes are not a feed at all; a feed with small faults that
    feedparser can still read (feedparser's "bozo" flag) gives its entries.
    """
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise ArticleError(f"{url}: not an RSS or Atom feed{detail}")
    return [_entry(raw_entry) for raw_entry in parsed.entries]


def _entry(entry: Any) -> FeedEntry:
    """A FeedEntry from feedparser's entry dict; entries with no guid or link get a content hash."""
    link = entry.get("link") or None
    title = _clean(entry.get("title"))
    summary = _plain_text(entry.get("summary"))
    guid = entry.get("id") or link or content_id(f"{title or ''}\n{summary or ''}")
    return FeedEntry(id=guid, link=link, title=title, published=_entry_date(entry), summary=summary)


def _entry_date(entry: Any) -> date | None:
    """The entry's publication date (else its update date) as the publisher wrote it.

    The date is taken in the publisher's own time zone where the feed gives one, so that an
    article posted late on 12 May in UTC-2 is dated 12 May, as its page would be.
    """
    for key in ("published", "updated", "created"):
        written = _written_date(entry.get(key))
        if written is not None:
            return written
        value = entry.get(f"{key}_parsed")
        if isinstance(value, time.struct_time):
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None


def _written_date(value: Any) -> date | None:
    """The local date of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp, or None if it is neither."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _plain_text(value: Any) -> str | None:
    """The text of a summary that may hold HTML markup, whitespace collapsed."""
    if not isinstance(value, str) or not value.strip():
        return None
    if "<" in value:
        import lxml.html

        value = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
    return _clean(value)


def _clean(value: Any) -> str | None:
    """A string with runs of whitespace made single spaces, or None when empty."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
