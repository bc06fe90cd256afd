"""The situation report as one self-contained HTML page an information officer can send.

Headline figures, a map, a daily chart of events and fatalities by type, the changes of
territorial control, and the notable events with their sources, all for one country and period.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Engine

from sitmap import store
from sitmap.model import Event
from sitmap.report.charts import colour, daily_chart_svg, map_svg
from sitmap.store import EventFilter
from sitmap.store.stats import Summary, summarise

NOTABLE_EVENTS = 10


def render_report(engine: Engine, country: str | None, since: date, until: date) -> str:
    """The HTML report on the stored events of ``country`` (name or ISO3; None for all) in a period."""
    if since > until:
        raise ValueError(f"since ({since}) is after until ({until})")
    where = EventFilter(since=since, until=until, country=country or None)
    events = store.query_events(engine, where)
    summary = summarise(engine, where)
    place = country or "all countries"
    title = f"Situation report: {place}, {_day(since)} to {_day(until)}"
    sections = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="generated">Generated {datetime.now(UTC):%d %B %Y %H:%M} UTC by sitmap from '
        f"{_count(len({s.doc_id for e in events for s in e.sources}), 'news report')}.</p>",
        _headline(summary, events),
    ]
    if events:
        sections += [
            "<h2>Map</h2>",
            f'<figure class="map">{map_svg(events)}</figure>',
            "<h2>Events and fatalities per day</h2>",
            f'<figure class="chart">{daily_chart_svg(summary.by_day_and_type, since, until)}</figure>',
        ]
    sections += [_control_changes(events), _notable(events)]
    style = (files(__package__) / "report.css").read_text(encoding="utf-8")
    body = "\n".join(section for section in sections if section)
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
        f"<style>\n{style}</style>\n</head>\n<body>\n{body}\n<footer>Event data coded by sitmap in "
        f"ACLED's categories; every figure links back to its reports. "
        f"Map outlines: Made with Natural Earth.</footer>\n"
        f"</body>\n</html>\n"
    )


def report_command(
    country: str | None, since: date, until: date, output: Path | None = None, db: str | None = None
) -> str:
    """Render the report from database ``db`` and write it to ``output`` (when given); the HTML."""
    html = render_report(store.open_database(db), country, since, until)
    if output is not None:
        output.write_text(html, encoding="utf-8")
    return html


def _headline(summary: Summary, events: list[Event]) -> str:
    if not summary.events:
        return '<p class="headline">No events were recorded in this period.</p>'
    worst = summary.by_admin1[0] if summary.by_admin1 else None
    changes = sum(1 for e in events if e.territory)
    figures = [
        _count(summary.events, "event"),
        _count(summary.fatalities, "reported fatality", "reported fatalities"),
        _count(len(summary.by_day), "day with events", "days with events"),
        _count(changes, "change of control", "changes of control"),
    ]
    card = '<div class="figure"><b>{}</b><span>{}</span></div>'
    cards = "".join(card.format(*figure.split(" ", 1)) for figure in figures)
    rows = "".join(
        f'<tr><td><i style="background:{colour(t.key)}"></i>{escape(t.key)}</td><td>{t.events}</td>'
        f"<td>{t.fatalities}</td></tr>"
        for t in summary.by_type
    )
    region = (
        f"<p>Most affected region: <b>{escape(worst.key or 'unknown')}</b> "
        f"({_count(worst.events, 'event')}, {_count(worst.fatalities, 'fatality', 'fatalities')}).</p>"
        if worst
        else ""
    )
    return (
        f'<div class="headline">{cards}</div>{region}'
        f'<table class="types"><tr><th>Event type</th><th>Events</th><th>Fatalities</th></tr>{rows}</table>'
    )


def _control_changes(events: list[Event]) -> str:
    changes = [e for e in events if e.territory]
    if not changes:
        return "<h2>Changes of control</h2><p>No change of territorial control was reported.</p>"
    rows = "".join(
        f"<tr><td>{_day(e.event_date)}</td><td>{escape(e.territory.place or e.location)}</td>"  # type: ignore[union-attr]
        f"<td>{escape(e.territory.from_actor or 'unknown')}</td>"  # type: ignore[union-attr]
        f"<td><b>{escape(e.territory.to_actor)}</b></td><td>{_sources(e)}</td></tr>"  # type: ignore[union-attr]
        for e in changes
    )
    return (
        "<h2>Changes of control</h2><table><tr><th>Date</th><th>Place</th><th>From</th><th>To</th>"
        f"<th>Sources</th></tr>{rows}</table>"
    )


def _notable(events: list[Event]) -> str:
    ranked = sorted(
        events, key=lambda e: (-e.fatalities, e.territory is None, -len(e.sources), e.event_date or date.min)
    )
    if not ranked:
        return ""
    items = "".join(
        f'<li><span class="tag" style="background:{colour(e.event_type)}">{escape(e.sub_event_type)}</span> '
        f"<b>{_day(e.event_date)}, {escape(e.location or e.admin1 or e.country)}</b>"
        f"{f' ({escape(e.admin1)})' if e.admin1 and e.location else ''}: "
        f"{escape(e.notes or (e.actor1 + (' vs ' + e.actor2 if e.actor2 else '')))}"
        f"{_fatalities(e)} <small>Sources: {_sources(e)}</small></li>"
        for e in ranked[:NOTABLE_EVENTS]
    )
    return f'<h2>Notable events</h2><ol class="notable">{items}</ol>'


def _fatalities(event: Event) -> str:
    if not event.fatalities:
        return ""
    spread = ""
    if event.fatalities_low is not None and event.fatalities_high not in (None, event.fatalities_low):
        spread = f", reports range {event.fatalities_low}–{event.fatalities_high}"
    claimed = f", per {escape(event.claimed_by)}" if event.claimed_by else ""
    return f" <em>({_count(event.fatalities, 'fatality', 'fatalities')}{spread}{claimed})</em>"


def _sources(event: Event) -> str:
    links = []
    for source in event.sources:
        name = escape(source.source or source.doc_id)
        if source.url and source.url.startswith(("http://", "https://")):
            name = f'<a href="{escape(source.url)}">{name}</a>'
        links.append(name + (f" {source.published:%d %b}" if source.published else ""))
    return "; ".join(links) or "none"


def _day(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "undated"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
