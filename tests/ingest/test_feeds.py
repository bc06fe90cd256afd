"""RSS 2.0 and Atom feeds parsed into entries for the watcher."""

from datetime import date
from pathlib import Path

import pytest

from sitmap.ingest import FeedEntry, parse_feed
from sitmap.model import ArticleError

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
RSS_URL = "https://www.saheldispatch.example/security/rss.xml"


def test_rss_entries_keep_guid_link_title_date_and_plain_summary():
    first, *_ = parse_feed((FEEDS / "sahel-dispatch-rss.xml").read_bytes(), RSS_URL)
    assert first == FeedEntry(
        id="saheldispatch-48213",
        link="https://www.saheldispatch.example/africa/2024/05/13/menaka-clash",
        title="Soldiers and militants clash near Menaka, at least nine dead",
        published=date(2024, 5, 13),
        summary="At least nine people were killed on Sunday near Menaka, a local official said.",
    )


def test_rss_entry_without_guid_uses_its_link_resolved_against_the_feed_address():
    _, second, _ = parse_feed((FEEDS / "sahel-dispatch-rss.xml").read_bytes(), RSS_URL)
    assert second.link == "https://www.saheldispatch.example/africa/2024/05/12/mopti-truce"
    assert second.id == second.link


def test_rss_date_is_the_publishers_local_date():
    _, second, _ = parse_feed((FEEDS / "sahel-dispatch-rss.xml").read_bytes(), RSS_URL)
    assert second.published == date(2024, 5, 12)


def test_rss_entry_without_guid_or_link_gets_a_stable_content_id():
    data = (FEEDS / "sahel-dispatch-rss.xml").read_bytes()
    third = parse_feed(data, RSS_URL)[2]
    assert third.link is None and third.published is None
    assert third.id.startswith("sha1:") and third.id == parse_feed(data, RSS_URL)[2].id


def test_atom_entries_keep_id_link_and_dates():
    shelling, protest = parse_feed(
        (FEEDS / "kivu-monitor-atom.xml").read_bytes(), "https://kivumonitor.example/feed.atom"
    )
    assert shelling.id == "tag:kivumonitor.example,2024:1093"
    assert shelling.link == "https://kivumonitor.example/2024/03/08/goma-camp-shelling"
    assert shelling.published == date(2024, 3, 8)
    assert shelling.summary == "Two shells struck the Bulengo camp west of Goma on Friday, aid workers said."
    assert (
        protest.published == date(2024, 3, 7) and protest.title == "Traders in Butembo close shops in protest"
    )


@pytest.mark.parametrize(
    "data", [b"", b"just some text, no feed here", b"<html><body><p>A page</p></body></html>"]
)
def test_bytes_that_are_not_a_feed_raise_article_error(data):
    with pytest.raises(ArticleError, match="not an RSS or Atom feed"):
        parse_feed(data, "https://example.org/feed")
