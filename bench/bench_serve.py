"""The map and API on 1,000,000 SYNTHETIC events: first map paint in Chromium, API p95.

The events are generated in SQL exactly as ``bench/bench_query.py`` does (random actors, types,
statuses, dates and places around real Middle East coordinates; not extracted from text), then
paired into 500,000 SYNTHETIC situations in SQL (every two consecutive events one situation;
sources = their distinct outlets), so the map shows situations as it does on a real store.
``--no-situations`` leaves them out: the map then groups events itself.
``sitmap serve`` runs on 127.0.0.1; the bench then

* opens the map in headless Chromium (Debian's ``chromium``) and times from navigation to the
  first markers on screen (target < 2 s), several runs;
* sends filtered requests to ``/api/events``, ``/api/map`` and ``/api/timeline`` (one filter
  combination per request, drawn from a fixed list) and reports p50/p95 (target p95 < 200 ms).

    python bench/bench_serve.py [--events 1000000] [--runs 3] [--requests 60] [--no-situations]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_query import GENERATE

from sitmap.store import Store

CHROMIUM = os.environ.get("SITMAP_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]  # fmt: skip

SITUATIONS = """
CREATE TEMP TABLE sm AS SELECT *, printf('s%015x', (row_number() OVER (ORDER BY id) - 1) // 2)
    AS situation_id FROM events;
INSERT INTO situation_members (situation_id, event_id, doc_id, outlet, published, status)
SELECT situation_id, id, doc_id, outlet, published, status FROM sm;
INSERT INTO situations (id, plover, cameo, status_group, event_date, date_precision, date_start,
    date_end, place_name, geonameid, country, admin1, lat, lon, place_precision, source_code,
    source_name, target_code, target_name, sources, articles, documents, events, outlets,
    first_outlet, first_published, disagreements, record)
SELECT situation_id, min(plover), '19',
    CASE WHEN bool_and(status = 'negated') THEN 'negated' ELSE 'factual' END, min(event_date),
    'day', min(event_date), max(event_date), min(place_name), min(geonameid), min(country),
    min(admin1), avg(lat), avg(lon), 'point', min(source_code), min(source_name),
    min(target_code), min(target_name), count(DISTINCT outlet), count(*), count(DISTINCT doc_id),
    count(*), to_json(list(DISTINCT outlet)), min(outlet), min(published), '[]',
    to_json({'members': list({'event_id': id, 'evidence': evidence, 'trigger': trigger})})
FROM sm GROUP BY situation_id;
DROP TABLE sm;
"""

QUERIES = [
    "/api/events?type=ASSAULT&limit=100",
    "/api/events?actor=SYR&status=asserted,reported&since=2016-01-01&until=2016-06-30&limit=100",
    "/api/events?outlet=Reuters&country=SY&min_confidence=0.4&limit=1000",
    "/api/events?near=35.33,40.14&radius=100&type=ASSAULT&limit=100",
    "/api/events?bbox=35,33,37,35&since=2017-01-01&limit=100",
    "/api/map?zoom=5&bbox=20,20,60,45",
    "/api/map?zoom=7&bbox=35,33,38,36&type=PROTEST",
    "/api/map?zoom=10&bbox=36,34,36.3,34.2&status=negated",
    "/api/map?zoom=6&bbox=30,30,45,40&actor=RUSMIL&since=2016-06-01",
    "/api/timeline?bbox=20,20,60,45",
    "/api/timeline?type=ASSAULT&country=IQ",
    "/api/events?actor=actor 3&limit=100",
    "/api/situations?bbox=35,33,37,35&limit=100",
    "/api/situations?type=ASSAULT&min_sources=2&country=SY&limit=100",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from sitmap.serve import create_app
    from sitmap.serve.app import LOOPBACK_HOSTS

    port = free_port()
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)  # as `sitmap serve` builds it
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def first_paint(base: str, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            t = time.perf_counter()
            page.goto(base + "/?lat=34&lon=38&z=6")
            page.wait_for_selector(".ev-marker, .cell-marker, .marker-cluster", timeout=60_000)
            times.append(time.perf_counter() - t)
            context.close()
        browser.close()
    return times


def api_latencies(base: str, requests: int) -> list[float]:
    times = []
    for i in range(requests):
        url = base + QUERIES[i % len(QUERIES)].replace(" ", "%20")
        t = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as r:
            r.read()
        times.append(time.perf_counter() - t)
    return times


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="map loads and API rounds")
    parser.add_argument("--requests", type=int, default=60, help="API requests per round")
    parser.add_argument("--no-situations", action="store_true", help="events only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        with Store(db) as store:
            t = time.perf_counter()
            store.con.execute(GENERATE, [args.events])
            print(f"generated {args.events:,} SYNTHETIC events in {time.perf_counter() - t:.1f} s")
            if not args.no_situations:
                t = time.perf_counter()
                store.con.execute(SITUATIONS)
                n = store.con.execute("SELECT count(*) FROM situations").fetchone()[0]
                print(f"paired them into {n:,} SYNTHETIC situations in "
                      f"{time.perf_counter() - t:.1f} s")  # fmt: skip
        base, server, thread = start_server(db)
        try:
            api_latencies(base, len(QUERIES))  # warm-up: one of each
            paints = first_paint(base, args.runs)
            print("first map paint (navigation → markers), s: "
                  + ", ".join(f"{x:.2f}" for x in paints)
                  + f"  (target < 2 s: {'OK' if max(paints) < 2 else 'OVER'})")  # fmt: skip
            for run in range(args.runs):
                lat = api_latencies(base, args.requests)
                print(f"API round {run + 1}: {len(lat)} filtered requests, "
                      f"p50 {p(lat, 0.5) * 1000:.0f} ms, p95 {p(lat, 0.95) * 1000:.0f} ms, "
                      f"max {max(lat) * 1000:.0f} ms  "
                      f"(target < 200 ms: {'OK' if p(lat, 0.95) < 0.2 else 'OVER'})")  # fmt: skip
            slow = {}
            for q in QUERIES:
                slow[q] = statistics.median(_time(base + q.replace(" ", "%20")) for _ in range(3))
            print("median of 3 per query, ms:")
            for q, v in sorted(slow.items(), key=lambda kv: -kv[1]):
                print(f"  {v * 1000:7.0f}  {q}")
        finally:
            server.should_exit = True
            thread.join(10)


def _time(url: str) -> float:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
