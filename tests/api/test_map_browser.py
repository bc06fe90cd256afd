"""The web map in headless Chromium: load, filter by type, open an event, read its highlighted evidence.

Runs a real uvicorn server in a thread over a real SQLite file and drives Debian's
/usr/bin/chromium through Playwright (no browser is downloaded). The screenshot is kept as
test-artifacts/map.png.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, sync_playwright

from sitmap.api import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(db_path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url) -> Iterator[Page]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base_url + "/")
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)
        yield page
        browser.close()
        assert errors == []


def test_map_shows_every_event_then_only_the_chosen_type(page):
    assert page.inner_text("#count") == "3 of 3 events"
    assert page.locator("#histogram rect").count() == 5  # 26 February to 1 March, one bar a day
    page.select_option("#type", "Battles")
    page.wait_for_function("document.getElementById('count').textContent === '1 of 1 events'")
    assert page.locator("path.event-marker").count() == 1


def test_clicking_an_event_opens_its_fields_sources_and_highlighted_evidence(page):
    # the map zooms to the filtered events; click once Leaflet's zoom animation is over
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim')")
    page.locator("path.event-marker").first.click()
    page.wait_for_selector("#panel:not([hidden]) .evidence mark.span")
    panel = page.locator("#panel")
    assert panel.get_attribute("data-event-id") == "ev-saraqib"
    assert page.inner_text("#panel td[data-field='actor1']") == "Rebels (Syria)"
    assert page.locator("#panel .source").count() == 1
    evidence = page.inner_text("#panel .evidence")
    assert "Rebel fighters took back the town of Saraqib on Monday after a night of heavy fighting." in (
        evidence.replace("actor1", "").replace("sub_event_type", "").replace("location", "")
    )
    marked = page.locator("#panel .evidence mark.span").all_inner_texts()
    assert marked == ["Rebel fightersactor1", "took backsub_event_type", "Saraqiblocation"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))


def test_control_layer_shows_who_holds_saraqib(page):
    page.get_by_label("Territorial control").check()
    label = page.wait_for_selector(".control-label")
    assert "Saraqib" in label.inner_text()
