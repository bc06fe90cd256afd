"""Live feeds: poll RSS/Atom feeds, fetch each new entry's page, and code and store its article.

Each feed's cursor (validators, the entries already dealt with, its health) lives in the
database (``sitmap.store.feeds``), so a watcher that is stopped and started again fetches no
page twice and codes no article twice. A feed that fails is polled again after a delay that
doubles with each consecutive failure, up to ``MAX_BACKOFF``.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from sitmap.ingest import parse_feed
from sitmap.ingest.html import html_document
from sitmap.ingest.raw import failure
from sitmap.model import ArticleError, Document, Failure
from sitmap.scale.fetch import Fetched, FetchError, fetch
from sitmap.store.feeds import (
    DONE_STATES,
    EntryRecord,
    FeedState,
    entry_states,
    get_feed,
    has_pending,
    record_entries,
    save_feed,
)

DEFAULT_INTERVAL = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=1)
# A page that cannot be fetched this many polls in a row is recorded as failed and not tried again.
MAX_PAGE_ATTEMPTS = 3

Coder = Callable[[list[Document | Failure]], object]
Fetcher = Callable[..., Fetched]


@dataclass(frozen=True, slots=True)
class PollReport:
    """One poll of one feed: its state afterwards and what became of its new entries."""

    state: FeedState
    new: int = 0
    ingested: int = 0
    failed: int = 0
    pending: int = 0


def backoff(interval: timedelta, failures: int) -> timedelta:
    """How long to wait before polling a feed again after ``failures`` consecutive failures."""
    if failures <= 0:
        return interval
    factor: int = 2**failures
    return min(interval * factor, max(MAX_BACKOFF, interval))


def poll_feed(
    engine: Engine,
    url: str,
    code: Coder,
    interval: timedelta = DEFAULT_INTERVAL,
    now: datetime | None = None,
    fetcher: Fetcher = fetch,
) -> PollReport:
    """Poll the feed at ``url`` once: hand its new articles to ``code`` and move its cursor on."""
    now = now or datetime.now(UTC)
    state = get_feed(engine, url)
    try:
        # A feed with an entry to retry is fetched whole: a "not modified" answer would not list it.
        retry = has_pending(engine, url)
        fetched = fetcher(url, None if retry else state.etag, None if retry else state.modified)
        entries = [] if fetched.not_modified else parse_feed(fetched.body, url)
    except (FetchError, ArticleError) as error:
        failures = state.failures + 1
        failing = dataclasses.replace(
            state, status="failing", failures=failures, last_error=str(error), last_polled=now,
            next_poll=now + backoff(interval, failures),
        )  # fmt: skip
        save_feed(engine, failing)
        return PollReport(failing)
    known = entry_states(engine, url, [entry.id for entry in entries])
    items: list[Document | Failure] = []
    records: list[EntryRecord] = []
    for entry in entries:
        status, attempts = known.get(entry.id, ("", 0))
        if status in DONE_STATES:
            continue
        item, record = _article(entry.id, entry.link, entry.title, entry.published, attempts + 1, fetcher)
        records.append(record)
        if item is not None:
            items.append(item)
    if items:
        code(items)
    record_entries(engine, url, records, now)
    ingested = sum(record.status == "ok" for record in records)
    done = dataclasses.replace(
        state, status="not-modified" if fetched.not_modified else "ok", failures=0, last_error="",
        etag=fetched.etag, modified=fetched.modified, last_polled=now, last_success=now,
        next_poll=now + interval, entries=state.entries + sum(r.status in DONE_STATES for r in records),
        documents=state.documents + ingested,
    )  # fmt: skip
    save_feed(engine, done)
    failed = sum(record.status == "failed" for record in records)
    return PollReport(done, len(records), ingested, failed, len(records) - ingested - failed)


def watch(
    engine: Engine,
    urls: Sequence[str],
    code: Coder,
    interval: timedelta = DEFAULT_INTERVAL,
    once: bool = False,
    on_round: Callable[[list[PollReport]], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[PollReport]:
    """Poll every feed when it is due, forever; with ``once``, poll every feed now and return the round."""
    while True:
        now = datetime.now(UTC)
        due = [url for url in urls if once or _due(get_feed(engine, url), now)]
        reports = [poll_feed(engine, url, code, interval, now) for url in due]
        if on_round is not None and reports:
            on_round(reports)
        if once:
            return reports
        upcoming = [get_feed(engine, url).next_poll or now for url in urls]
        sleep(max(1.0, (min(upcoming) - datetime.now(UTC)).total_seconds()))


def read_feed_list(path: Path) -> list[str]:
    """The feed addresses listed in a file, one a line; blank lines and ``#`` comments are ignored."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _due(state: FeedState, now: datetime) -> bool:
    return state.next_poll is None or state.next_poll <= now


def _article(
    entry_id: str, link: str | None, title: str | None, published: date | None, attempt: int, fetcher: Fetcher
) -> tuple[Document | Failure | None, EntryRecord]:
    """The Document (or Failure) of one entry's page and the record of what became of the entry.

    A page that cannot be fetched is left pending, to be tried at the next poll, until its
    ``MAX_PAGE_ATTEMPTS``-th attempt, when it is stored as a failed input.
    """
    if not link:
        reason = "feed entry has no link to an article page"
        return None, EntryRecord(entry_id, link, "failed", attempts=attempt, reason=reason)
    try:
        page = fetcher(link)
    except FetchError as error:
        if attempt < MAX_PAGE_ATTEMPTS:
            return None, EntryRecord(entry_id, link, "pending", attempts=attempt, reason=str(error))
        gave_up = failure(link, str(error), key=link)
        return gave_up, EntryRecord(entry_id, link, "failed", gave_up.doc_id, attempt, str(error))
    item = html_document(page.body, link, published=published)
    if isinstance(item, Failure):
        return item, EntryRecord(entry_id, link, "failed", item.doc_id, attempt, item.reason)
    document = dataclasses.replace(item, url=item.url or page.url, title=item.title or title)
    return document, EntryRecord(entry_id, link, "ok", document.id, attempt)
