"""`sitmap watch`: feeds polled from a real local HTTP server, cursors kept in a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sitmap import store
from sitmap.model import Document, Failure, Result
from sitmap.scale.watch import MAX_BACKOFF, backoff, poll_feed, read_feed_list
from sitmap.store.feeds import get_feed, list_feeds

RSS = "scale-lakeside-courier-rss.xml"
ATOM = "scale-river-wire-atom.xml"
PAGES = ("scale-pages/dori-market-raid.html", "scale-pages/djibo-checkpoint.html")
KIDAL = "scale-pages/kidal-convoy-strike.html"
MISSING = "scale-pages/missing-page.html"
INTERVAL = timedelta(minutes=5)
T0 = datetime(2024, 5, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "watch.db")


def _store_only(db: str):
    """Save the fetched articles without coding them: the cursor, not the pipeline, is under test."""
    engine = store.open_database(db)

    def save(items: list[Document | Failure]) -> None:
        documents = [item for item in items if isinstance(item, Document)]
        failures = [item for item in items if isinstance(item, Failure)]
        store.save_result(engine, Result(documents=documents, failures=failures))

    return save


def test_poll_ingests_each_new_article_page_with_its_text_and_address(feed_server, db):
    engine = store.open_database(db)
    report = poll_feed(engine, feed_server.url(RSS), _store_only(db), INTERVAL, T0)
    assert (report.new, report.ingested, report.failed, report.pending) == (3, 2, 0, 1)
    rows = {row["url"]: row for row in store.list_documents(engine)}
    assert set(rows) == {feed_server.url(page) for page in PAGES}
    dori = store.get_document(engine, rows[feed_server.url(PAGES[0])]["id"])
    assert "killing at least six traders" in dori["text"]
    assert "All rights reserved" not in dori["text"]
    assert (dori["format"], str(dori["published"])) == ("html", "2024-05-14")


def test_a_restarted_watcher_fetches_no_page_twice(feed_server, db):
    for poll in range(2):
        engine = store.open_database(db)
        report = poll_feed(engine, feed_server.url(ATOM), _store_only(db), INTERVAL, T0 + poll * INTERVAL)
    assert feed_server.count(KIDAL) == 1
    assert (report.state.status, report.new, report.state.documents) == ("not-modified", 0, 1)
    assert len(store.list_documents(store.open_database(db))) == 1


def test_an_unreachable_page_is_retried_then_stored_as_failed_on_the_third_poll(feed_server, db):
    engine = store.open_database(db)
    save = _store_only(db)
    reports = [poll_feed(engine, feed_server.url(RSS), save, INTERVAL, T0 + k * INTERVAL) for k in range(4)]
    counts = [(r.new, r.ingested, r.failed, r.pending) for r in reports]
    assert counts == [(3, 2, 0, 1), (1, 0, 0, 1), (1, 0, 1, 0), (0, 0, 0, 0)]
    assert feed_server.count(MISSING) == 3
    (failed,) = store.list_documents(engine, failed=True)
    missing = feed_server.url(MISSING)
    assert (failed["origin"], failed["reason"]) == (missing, f"{missing}: HTTP 404 Not Found")
    assert reports[-1].state.entries == 3


def test_a_feed_that_keeps_failing_is_polled_after_doubling_delays_then_recovers(feed_server, db):
    engine = store.open_database(db)
    url = feed_server.url(ATOM)
    feed_server.broken.add("/" + ATOM)
    delays = []
    now = T0
    for _ in range(3):
        state = poll_feed(engine, url, _store_only(db), INTERVAL, now).state
        delays.append(state.next_poll - now)
        now = state.next_poll
    assert delays == [INTERVAL * 2, INTERVAL * 4, INTERVAL * 8]
    assert (state.status, state.failures) == ("failing", 3)
    assert "HTTP 503" in state.last_error
    feed_server.broken.clear()
    state = poll_feed(engine, url, _store_only(db), INTERVAL, now).state
    assert (state.status, state.failures, state.next_poll - now, state.documents) == ("ok", 0, INTERVAL, 1)


@pytest.mark.parametrize(
    ("interval", "failures", "expected"),
    [
        (timedelta(minutes=5), 0, timedelta(minutes=5)),
        (timedelta(minutes=5), 1, timedelta(minutes=10)),
        (timedelta(minutes=5), 3, timedelta(minutes=40)),
        (timedelta(minutes=5), 12, MAX_BACKOFF),
        (timedelta(hours=2), 1, timedelta(hours=2)),  # never sooner than the interval itself
    ],
)
def test_backoff_doubles_per_failure_up_to_an_hour(interval, failures, expected):
    assert backoff(interval, failures) == expected


def test_a_feed_that_is_not_a_feed_counts_as_a_failure(feed_server, db):
    engine = store.open_database(db)
    state = poll_feed(engine, feed_server.url(PAGES[0]), _store_only(db), INTERVAL, T0).state
    assert (state.status, state.failures) == ("failing", 1)
    assert "not an RSS or Atom feed" in state.last_error


def test_unreachable_server_is_reported_not_raised(db):
    engine = store.open_database(db)
    state = poll_feed(engine, "http://127.0.0.1:9/feed.xml", _store_only(db), INTERVAL, T0).state
    assert state.status == "failing"
    assert [feed.url for feed in list_feeds(engine)] == ["http://127.0.0.1:9/feed.xml"]
    assert get_feed(engine, "http://127.0.0.1:9/feed.xml").next_poll == T0 + 2 * INTERVAL


def test_feed_list_file_skips_blank_lines_and_comments(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# wires\nhttp://a.example/rss\n\nhttp://b.example/atom  # second\n", encoding="utf-8")
    assert read_feed_list(path) == ["http://a.example/rss", "http://b.example/atom"]


def test_watch_once_codes_new_articles_into_events_and_a_second_run_adds_nothing(feed_server, db):
    from typer.testing import CliRunner

    from sitmap.scale.commands import scale_app

    command = ["watch", feed_server.url(RSS), feed_server.url(ATOM), "--once", "--db", db, "--no-classifier"]
    first = CliRunner().invoke(scale_app, command)
    assert first.exit_code == 0, first.output
    engine = store.open_database(db)
    events = store.query_events(engine)
    pages = {feed_server.url(page) for page in (*PAGES, KIDAL)}
    assert events and {source.url for event in events for source in event.sources} <= pages
    second = CliRunner().invoke(scale_app, command)
    assert second.exit_code == 0, second.output
    assert "0 documents coded" in second.output
    assert len(store.query_events(engine)) == len(events)
