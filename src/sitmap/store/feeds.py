"""Feed cursors: what `sitmap watch` knows about each feed, kept in the database between polls.

A feed's row holds its HTTP validators (ETag, Last-Modified), its health (consecutive failures,
the last error, when to poll next) and counters. Each entry the watcher has dealt with has a
row in ``feed_entries``, so a restarted watcher fetches no page twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, and_, delete, insert, select

from sitmap.store.schema import feed_entries, feeds

# Entry states: "ok" the page was ingested, "failed" it was given up on, "pending" a retry is due.
DONE_STATES = ("ok", "failed")


@dataclass(frozen=True, slots=True)
class FeedState:
    """One feed's cursor and health, as stored."""

    url: str
    title: str | None = None
    etag: str | None = None
    modified: str | None = None
    status: str = "new"
    failures: int = 0
    last_error: str = ""
    last_polled: datetime | None = None
    last_success: datetime | None = None
    next_poll: datetime | None = None
    entries: int = 0
    documents: int = 0


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """What became of one feed entry: ingested (``doc_id``), given up on, or pending a retry."""

    entry_id: str
    link: str | None
    status: str
    doc_id: str | None = None
    attempts: int = 1
    reason: str = ""


def get_feed(engine: Engine, url: str) -> FeedState:
    """The stored state of the feed at ``url``, or a new state if it was never polled."""
    with engine.connect() as connection:
        row = connection.execute(select(feeds).where(feeds.c.url == url)).first()
    return _state(row._mapping) if row else FeedState(url)


def list_feeds(engine: Engine) -> list[FeedState]:
    """Every polled feed's state, by address."""
    with engine.connect() as connection:
        return [_state(row._mapping) for row in connection.execute(select(feeds).order_by(feeds.c.url))]


def save_feed(engine: Engine, state: FeedState) -> None:
    """Store a feed's state, replacing what was stored."""
    with engine.begin() as connection:
        connection.execute(delete(feeds).where(feeds.c.url == state.url))
        connection.execute(insert(feeds).values(**asdict(state)))


def entry_states(engine: Engine, url: str, entry_ids: Iterable[str]) -> dict[str, tuple[str, int]]:
    """The stored (status, attempts) of those of ``entry_ids`` that the feed's cursor holds."""
    wanted = list(dict.fromkeys(entry_ids))
    found: dict[str, tuple[str, int]] = {}
    with engine.connect() as connection:
        for start in range(0, len(wanted), 500):
            query = select(feed_entries.c.entry_id, feed_entries.c.status, feed_entries.c.attempts).where(
                feed_entries.c.feed_url == url, feed_entries.c.entry_id.in_(wanted[start : start + 500])
            )
            found.update({row.entry_id: (row.status, row.attempts) for row in connection.execute(query)})
    return found


def has_pending(engine: Engine, url: str) -> bool:
    """Whether an entry of the feed at ``url`` waits for another try at its page."""
    query = select(feed_entries.c.entry_id).where(
        feed_entries.c.feed_url == url, feed_entries.c.status == "pending"
    )
    with engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is not None


def record_entries(engine: Engine, url: str, records: Iterable[EntryRecord], now: datetime) -> None:
    """Store what became of some entries of the feed at ``url`` (replacing earlier attempts)."""
    rows = [{**asdict(record), "feed_url": url, "seen_at": now} for record in records]
    if not rows:
        return
    with engine.begin() as connection:
        for row in rows:
            connection.execute(
                delete(feed_entries).where(
                    and_(feed_entries.c.feed_url == url, feed_entries.c.entry_id == row["entry_id"])
                )
            )
        connection.execute(insert(feed_entries), rows)


def _state(row: Any) -> FeedState:
    """A FeedState from a row; SQLite hands back naive times, which were written as UTC."""
    values = dict(row)
    for key in ("last_polled", "last_success", "next_poll"):
        if values[key] is not None and values[key].tzinfo is None:
            values[key] = values[key].replace(tzinfo=UTC)
    return FeedState(**values)
