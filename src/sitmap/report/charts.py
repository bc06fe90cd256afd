"""The report's pictures as inline SVG: a map of events on Natural Earth outlines, and a daily chart.

Drawn with matplotlib's object API (no pyplot, so nothing global and safe in a server thread).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files
from typing import Any

from sitmap.model import Event
from sitmap.store.stats import DailyTally

TYPE_COLOURS = {
    "Battles": "#d2452b",
    "Explosions/Remote violence": "#f08c00",
    "Violence against civilians": "#7b2d8e",
    "Protests": "#2b8a3e",
    "Riots": "#1971c2",
    "Strategic developments": "#5c5f66",
}
OTHER_COLOUR = "#868e96"


def colour(event_type: str) -> str:
    """The colour of an event type, the same as on the web map."""
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def map_svg(events: Sequence[Event], width: float = 7.0) -> str:
    """An SVG map of the events with coordinates, on country outlines around them; "" when none has any."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Polygon

    points = [e for e in events if e.latitude is not None and e.longitude is not None]
    if not points:
        return ""
    xs, ys = [float(e.longitude or 0) for e in points], [float(e.latitude or 0) for e in points]
    pad = max(1.5, 0.25 * max(max(xs) - min(xs), max(ys) - min(ys)))
    west, east, south, north = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    figure = Figure(figsize=(width, width * 0.7))
    axes = figure.add_subplot()
    axes.set_facecolor("#bcd3e6")
    for feature in _basemap()["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            ring = polygon[0]
            if not _overlaps(ring, west, south, east, north):
                continue  # outside the view: drawing it would only weigh down the SVG
            axes.add_patch(Polygon(ring, facecolor="#f4f1e8", edgecolor="#8a8a7a", linewidth=0.6))
    located = sorted(zip(xs, ys, points, strict=True), key=lambda p: -p[2].fatalities)
    for x, y, event in located:
        axes.scatter(
            x, y, s=30 + 20 * event.fatalities, color=colour(event.event_type),
            edgecolors="#222", linewidths=0.6, alpha=0.85, zorder=3,
        )  # fmt: skip
    labels = {event.location: (x, y) for x, y, event in located if event.location}
    for name in sorted(labels)[:12]:
        axes.annotate(name, labels[name], xytext=(4, 4), textcoords="offset points", fontsize=7)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal", adjustable="box")
    axes.tick_params(labelsize=7)
    axes.text(0.99, 0.01, "Made with Natural Earth", transform=axes.transAxes, ha="right", va="bottom",
              fontsize=6)  # fmt: skip
    figure.tight_layout()
    return _svg(figure)


def _overlaps(ring: list[list[float]], west: float, south: float, east: float, north: float) -> bool:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return not (max(xs) < west or min(xs) > east or max(ys) < south or min(ys) > north)


def daily_chart_svg(tallies: Sequence[DailyTally], since: date, until: date, width: float = 7.0) -> str:
    """An SVG chart: events per day stacked by event type, with fatalities per day as a line."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    days: Any = [since + timedelta(days=n) for n in range((until - since).days + 1)]  # matplotlib plots dates
    index = {day: n for n, day in enumerate(days)}
    types = sorted({t.event_type for t in tallies}, key=lambda name: list(TYPE_COLOURS).index(name)
                   if name in TYPE_COLOURS else len(TYPE_COLOURS))  # fmt: skip
    figure = Figure(figsize=(width, width * 0.38))
    axes = figure.add_subplot()
    bottom = [0] * len(days)
    for event_type in types:
        heights = [0] * len(days)
        for tally in tallies:
            if tally.event_type == event_type and tally.day in index:
                heights[index[tally.day]] += tally.events
        axes.bar(days, heights, bottom=bottom, color=colour(event_type), label=event_type, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    deaths = [0] * len(days)
    for tally in tallies:
        if tally.day in index:
            deaths[index[tally.day]] += tally.fatalities
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("events", fontsize=8)
    axes.tick_params(labelsize=7)
    second = axes.twinx()
    second.plot(days, deaths, color="#111", marker="o", markersize=2.5, linewidth=1.1, label="fatalities")
    second.set_ylabel("fatalities", fontsize=8)
    second.tick_params(labelsize=7)
    second.set_ylim(bottom=0)
    handles = axes.get_legend_handles_labels()[0] + second.get_legend_handles_labels()[0]
    if handles:
        axes.legend(handles=handles, fontsize=6.5, loc="upper left", frameon=False)
    figure.autofmt_xdate()
    figure.tight_layout()
    return _svg(figure)


def _svg(figure: Any) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    text = out.getvalue()
    return text[text.index("<svg") :]


@lru_cache(maxsize=1)
def _basemap() -> dict[str, Any]:
    path = files("sitmap") / "api" / "static" / "basemap.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
