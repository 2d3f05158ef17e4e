"""The map page in a real browser: Debian's headless Chromium driven by Playwright.

The server runs in this process (uvicorn on a free 127.0.0.1 port) over a store of
hand-built documents. Every test reads the browser's own request log: no request may go to
any host but 127.0.0.1. Without Chromium the tests skip locally but FAIL in CI (``CI=true``).
The marker-click test also takes the README's screenshot; ``make screenshot`` (SITMAP_SCREENSHOT=1)
saves it as docs/map.png.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from _store_samples import sample_documents

from sitmap.store import Store

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SITMAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]  # fmt: skip


def _browser_or_fail() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"Chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from sitmap import situations
    from sitmap.serve import create_app
    from sitmap.serve.app import LOOPBACK_HOSTS

    db = tmp_path_factory.mktemp("browser") / "map.duckdb"
    with Store(db) as store:
        store.write_many(sample_documents())
        situations.build(store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start", pytrace=False)
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _browser_or_fail()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # Console errors include Content-Security-Policy refusals and failed requests.
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    yield pg
    hosts = {urlsplit(u).hostname for u in pg.requests if not u.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {hosts}"
    assert not pg.errors, pg.errors
    context.close()


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def _wait_count(page, text: str) -> None:
    page.wait_for_function(
        "t => document.getElementById('count').textContent.startsWith(t)", arg=text,
        timeout=10_000,
    )  # fmt: skip


def test_page_loads_markers_and_list_from_the_store(page, server):
    _open(page, server + "/")
    _wait_count(page, "5 situations (6 events)")
    page.wait_for_selector(".ev-marker, .marker-cluster")
    assert page.locator("#list li").count() == 5
    assert "2 source(s): Anti-Media, Reuters" in page.locator("#list li").first.inner_text()
    assert page.locator("#timeline rect.bar").count() >= 3
    assert page.locator("#f-type option").count() == 1 + 4  # all + the four types stored
    # The borders come from the package: many country polygons on the map.
    assert page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() > 100
    assert any("/static/countries.geojson" in u for u in page.requests)
    assert any("/assets/leaflet/leaflet.js" in u for u in page.requests)


def test_a_filter_changes_what_is_shown_and_is_kept_in_the_url(page, server):
    _open(page, server + "/")
    _wait_count(page, "5 situations")
    page.select_option("#f-type", "PROTEST")
    _wait_count(page, "1 situations")
    page.wait_for_function("() => document.querySelectorAll('#list li').length === 1")
    assert "PROTEST" in page.locator("#list li").inner_text()
    page.wait_for_url("**type=PROTEST**", timeout=10_000)  # the URL is rewritten after the list
    assert "type=PROTEST" in page.url
    # The shared URL opens the same view.
    _open(page, page.url)
    _wait_count(page, "1 situations")
    assert page.locator("#f-type").input_value() == "PROTEST"


def test_clicking_a_marker_shows_the_evidence_with_its_trigger(page, server, tmp_path):
    # Deir ez-Zor: one situation told by two outlets, drawn bigger than one source.
    _open(page, server + "/?lat=34.9&lon=38.4&z=7")
    marker = page.locator(".ev-marker[title*='Deir ez-Zor']")
    marker.wait_for()
    assert marker.evaluate("e => e.offsetWidth") > 12
    marker.click()
    page.wait_for_selector("#detail:not([hidden]) .member")
    members = page.locator("#detail .member")
    assert members.count() == 2
    text = page.locator("#detail").inner_text()
    assert "Reuters" in text and "Anti-Media" in text and "2 source(s)" in text
    assert "first reported by Reuters on 2017-09-12" in text
    assert "Syrian government forces shelled Deir ez-Zor on Monday" in text
    marks = page.locator("#detail .evidence mark").all_inner_texts()
    assert sorted(marks) == ["pounded", "shelled"]
    assert "speaker: Syrian defence ministry" in text
    # The README's screenshot: this view with the panel open.
    page.wait_for_timeout(300)
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000  # a drawn map, not a blank page
    if os.environ.get("SITMAP_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(shot, ROOT / "docs" / "map.png")


def test_brushing_the_timeline_sets_a_window(page, server):
    _open(page, server + "/")
    _wait_count(page, "5 situations")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.9, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 1, y, steps=4)
    page.mouse.up()
    _wait_count(page, "2 situations")  # the protest and the meeting in Beirut, December
    assert "since=2017-1" in page.url and "until=2017-12" in page.url


def test_api_docs_render_offline(page, server):
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/situations" in paths
