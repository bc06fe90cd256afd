"""The situation report over a real SQLite file of hand-built events (our own sentences)."""

from __future__ import annotations

import re
from datetime import date
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import pytest

from sitmap import store
from sitmap.model import Result
from sitmap.report import render_report, report_command


def _api_fixtures():
    """The hand-built events and articles of the API tests (one set of fixtures for both)."""
    spec = spec_from_file_location("api_fixtures", Path(__file__).parents[1] / "api" / "conftest.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    fixtures = _api_fixtures()
    engine = store.open_database(str(tmp_path_factory.mktemp("report") / "events.db"))
    store.save_result(engine, Result(events=fixtures.make_events(), documents=fixtures.make_documents()))
    return engine


@pytest.fixture(scope="module")
def syria(engine):
    return render_report(engine, "Syria", date(2024, 2, 20), date(2024, 3, 5))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_report_headline_counts_only_the_countrys_events_in_the_period(syria):
    text = _text(syria)
    assert "Situation report: Syria, 20 February 2024 to 5 March 2024" in text
    assert "2 events" in text and "3 reported fatalities" in text and "1 change of control" in text
    assert "Most affected region: Idlib (2 events, 3 fatalities)" in text
    assert "Sidon" not in text  # a Lebanese event


def test_report_has_an_inline_map_and_daily_chart(syria):
    assert syria.count("<svg") == 2
    assert "Made with Natural Earth" in syria


def test_report_lists_the_control_change_and_notable_events_with_sources(syria):
    text = _text(syria)
    assert "26 February 2024 Saraqib Military Forces of Syria Rebels (Syria) Example Wire 27 Feb" in text
    deadliest = text.index("27 February 2024, Ariha")
    assert deadliest < text.index("26 February 2024, Saraqib")
    assert "(3 fatalities, per rescuers)" in text
    assert 'href="https://example.org/ariha"' in syria


def test_report_of_a_quiet_period_says_so_without_pictures(engine):
    html = render_report(engine, "Syria", date(2023, 1, 1), date(2023, 1, 31))
    assert "No events were recorded in this period." in html
    assert "<svg" not in html


def test_report_refuses_a_period_that_ends_before_it_starts(engine):
    with pytest.raises(ValueError, match="after until"):
        render_report(engine, None, date(2024, 3, 1), date(2024, 2, 1))


def test_report_command_writes_the_file(tmp_path, engine):
    output = tmp_path / "brief.html"
    db = engine.url.database
    html = report_command("LBN", date(2024, 3, 1), date(2024, 3, 1), output, db)
    assert output.read_text(encoding="utf-8") == html
    assert " 1 event 0 reported fatalities 1 day with events 0 changes of control " in _text(html)
    assert "Sidon" in html
