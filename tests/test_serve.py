"""`sitmap serve`'s HTTP API on a store of hand-built documents (no spaCy, no browser).

The store holds eight events from four documents (tests/_store_samples.py): ASSAULTs in Deir
ez-Zor told by two outlets on the same day, ASSAULTs near Raqqa, a protest and a meeting in
Beirut, a predicted and a negated event.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _store_samples import sample_documents
from fastapi.testclient import TestClient

from sitmap.serve import create_app, queries
from sitmap.store import Store

ERROR_KEYS = {"error", "status", "message"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample documents with their situations merged (as `sitmap ingest` leaves a store)."""
    from sitmap import situations

    path = tmp_path_factory.mktemp("serve") / "serve.duckdb"
    with Store(path) as store:
        store.write_many(sample_documents())
        situations.build(store)
    return path


@pytest.fixture(scope="module")
def events_only(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A store whose events were never merged into situations: the map groups events."""
    path = tmp_path_factory.mktemp("serve") / "plain.duckdb"
    with Store(path) as store:
        store.write_many(sample_documents())
    return TestClient(create_app(path))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def every_event(db: Path) -> list[dict]:
    with Store(db, read_only=True) as store:
        return store.events()


def _ids(client: TestClient, query: str) -> set[str]:
    body = client.get("/api/events?" + query).json()
    assert body["total"] == len(body["events"]), body
    return {e["id"] for e in body["events"]}


def test_events_lists_every_event_with_nested_records(client, every_event):
    body = client.get("/api/events").json()
    assert body["total"] == len(every_event) == 8
    assert {e["id"] for e in body["events"]} == {e["id"] for e in every_event}
    first = body["events"][0]
    assert {"evidence", "trigger", "plover", "status", "attribution", "outlet", "event_date",
            "status_group"} <= set(first)  # fmt: skip
    dates = [e["event_date"] for e in body["events"]]
    dated = [d for d in dates if d is not None]  # undated events (no date in the text) last
    assert dates == sorted(dated) + [None] * (len(dates) - len(dated))


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("type=PROTEST", lambda e: e["plover"] == "PROTEST"),
        ("type=protest,consult", lambda e: e["plover"] in ("PROTEST", "CONSULT")),
        ("type=PROTEST&type=CONSULT", lambda e: e["plover"] in ("PROTEST", "CONSULT")),
        ("status=negated&status=predicted", lambda e: e["status"] in ("negated", "predicted")),
        ("outlet=reuters", lambda e: e["outlet"] == "Reuters"),
        # an event the text gives no date is filtered by its article's publication date
        ("since=2017-10-01", lambda e: str(e["event_date"] or e["published"]) >= "2017-10-01"),
        ("until=2017-09-12", lambda e: str(e["event_date"] or e["published"]) <= "2017-09-12"),
        ("country=LB", lambda e: e["country"] == "LB"),
        ("country=LBN", lambda e: e["country"] == "LB"),
        ("place=raqq", lambda e: "Raqqa" in (e["place_name"] or "")),
        ("bbox=35,33,36,34.5", lambda e: e["lat"] is not None and 35 <= e["lon"] <= 36),
        ("near=35.95,39.0&radius=20", lambda e: e["place_name"] == "Raqqa"),
        ("min_confidence=0.75", lambda e: e["confidence"] >= 0.75),
        (
            "actor=SYR",
            lambda e: any((e[f"{s}_code"] or "").startswith("SYR") for s in ("source", "target")),
        ),
    ],
)
def test_filters_match_the_command_line_filters(client, every_event, query, expect):
    want = {e["id"] for e in every_event if expect(e)}
    assert want, f"the sample store has no event for {query}: the test would prove nothing"
    assert len(want) < len(every_event)
    assert _ids(client, query) == want


def test_min_sources_keeps_what_several_outlets_report(client, events_only, every_event):
    # Deir ez-Zor, 2017-09-11, ASSAULT: told by Reuters and Anti-Media; one situation, or one
    # group of events when the store has no situations.
    deir = {e["id"] for e in every_event if e["place_name"] == "Deir ez-Zor"}
    assert len(deir) == 2
    for app in (client, events_only):
        assert _ids(app, "min_sources=2") == deir
        assert _ids(app, "min_sources=3") == set()


def test_keyset_pages_walk_every_event_once(client, every_event):
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        body = client.get("/api/events", params={"limit": 3, "cursor": cursor}).json()
        assert body["total"] == 8
        seen += [e["id"] for e in body["events"]]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert pages == 3
    assert len(seen) == len(set(seen)) == 8


def test_one_event_has_evidence_trigger_span_and_attribution_chain(client, every_event):
    quoted = next(e for e in every_event if e["status"] == "quoted")
    ev = client.get(f"/api/events/{quoted['id']}").json()
    s, e = ev["trigger_span"]
    assert ev["evidence"][s:e] == ev["trigger"] == "shelled"
    assert [a["role"] for a in ev["attribution"]] == ["outlet", "speaker"]
    assert ev["attribution"][1]["name"] == "Syrian defence ministry"
    assert ev["title"] == "Syrian Army Closing in on Deir ez-Zor"


def test_document_has_text_and_events_with_spans(client, every_event):
    doc_id = every_event[0]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["id"] == doc_id and doc["text"]
    assert {e["id"] for e in doc["events"]} == {e["id"] for e in every_event
                                                 if e["doc_id"] == doc_id}  # fmt: skip
    for ev in doc["events"]:
        assert doc["text"][ev["start"] : ev["end"]] in ev["evidence"]
        assert ev["trigger"] in doc["text"][ev["start"] : ev["end"]]


def test_geojson_has_every_event_with_coordinates(client, every_event):
    r = client.get("/api/events.geojson?type=ASSAULT")
    assert r.headers["content-type"].startswith("application/geo+json")
    data = r.json()
    want = [e for e in every_event if e["plover"] == "ASSAULT" and e["lat"] is not None]
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(want)
    f = data["features"][0]
    lon, lat = f["geometry"]["coordinates"]
    src = next(e for e in want if e["id"] == f["id"])
    assert (lat, lon) == (src["lat"], src["lon"])


def test_map_without_situations_groups_events_by_type_day_and_place(events_only, every_event):
    client = events_only
    body = client.get("/api/map?zoom=5").json()
    assert body["mode"] == "points" and body["unit"] == "events"
    assert body["events"] == sum(1 for e in every_event if e["lat"] is not None)
    deir = [p for p in body["points"] if p["place"] == "Deir ez-Zor"]
    assert len(deir) == 1 and deir[0]["events"] == 2 and deir[0]["sources"] == 2
    assert sum(p["events"] for p in body["points"]) == body["events"]
    assert {p["status_group"] for p in body["points"]} <= {"factual", "possible", "negated"}


def test_map_aggregates_into_cells_when_too_many_markers(client, events_only, monkeypatch):
    monkeypatch.setattr(queries, "POINT_LIMIT", 1)
    for app, unit in ((client, "situations"), (events_only, "events")):
        body = app.get("/api/map?zoom=3").json()
        assert body["mode"] == "cells" and body["unit"] == unit
        assert sum(c[unit] for c in body["cells"]) == body[unit] > 1
        for c in body["cells"]:
            assert c["south"] <= c["lat"] <= c["north"] and c["west"] <= c["lon"] <= c["east"]


def test_map_draws_situations_sized_by_independent_sources(client):
    body = client.get("/api/map?zoom=5").json()
    assert body["unit"] == "situations" and body["mode"] == "points"
    by_place = {}
    for p in body["points"]:
        by_place.setdefault(p["place"], []).append(p)
    assert [p["sources"] for p in by_place["Deir ez-Zor"]] == [2]  # Reuters + Anti-Media
    assert by_place["Deir ez-Zor"][0]["events"] == 2
    assert len(by_place["Beirut"]) == 2  # a protest and a meeting stay apart
    assert body["situations"] == len(body["points"]) == 5  # the two unplaced ones are not drawn
    assert client.get("/api/map?zoom=5&min_sources=2").json()["situations"] == 1
    assert client.get("/api/map?zoom=5&type=PROTEST").json()["situations"] == 1


def test_situations_list_detail_and_pages(client):
    body = client.get("/api/situations").json()
    assert body["total"] == 7 and body["next"] is None
    first = body["situations"][0]
    assert first["sources"] == 2 and sorted(first["outlets"]) == ["Anti-Media", "Reuters"]
    assert first["evidence"] and first["trigger"] in first["evidence"]
    seen, cursor = [], None
    while True:
        page = client.get("/api/situations", params={"limit": 2, "cursor": cursor}).json()
        seen += [s["id"] for s in page["situations"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [s["id"] for s in body["situations"]]
    one = client.get(f"/api/situations/{first['id']}").json()
    assert {m["outlet"] for m in one["members"]} == {"Reuters", "Anti-Media"}
    assert one["first_report"]["outlets"] == ["Reuters"]
    assert client.get("/api/situations/ffffffffffffffff").status_code == 404


def test_situations_geojson_for_gis(client):
    r = client.get("/api/situations.geojson?min_sources=2")
    assert r.headers["content-type"].startswith("application/geo+json")
    (feature,) = r.json()["features"]
    assert feature["geometry"]["coordinates"] == [40.14084, 35.33588]
    assert feature["properties"]["sources"] == 2 and feature["properties"]["place_name"] == (
        "Deir ez-Zor"
    )
    assert len(client.get("/api/situations.geojson").json()["features"]) == 5  # placed ones


@pytest.mark.parametrize(
    ("query", "want"),
    [("type=THREATEN", {"predicted"}), ("status=negated", {"negated"}),
     ("status=quoted", {"factual"}), ("outlet=reuters", {"factual"}),
     ("min_sources=2", {"factual"}), ("since=2017-12-01", {"factual"})],
)  # fmt: skip
def test_situation_filters(client, query, want):
    body = client.get("/api/situations?" + query).json()
    assert 0 < body["total"] < 7
    assert {s["status_group"] for s in body["situations"]} == want


def test_timeline_ignores_the_window_but_not_other_filters(client, every_event):
    whole = client.get("/api/timeline").json()
    assert whole["unit"] == "day"
    # Every event counts: on the date its text gives, else on its publication date.
    assert sum(b["events"] for b in whole["bins"]) == len(every_event)
    undated = [e for e in every_event if not e["event_date"]]
    assert undated and all(e["published"] for e in undated)  # the test means something
    assert client.get("/api/timeline?since=2017-12-01").json() == whole
    protests = client.get("/api/timeline?type=PROTEST").json()
    assert sum(b["events"] for b in protests["bins"]) == 1


def test_outlets_stats_and_facets(client):
    outlets = {o["outlet"]: o for o in client.get("/api/outlets").json()}
    assert outlets["Reuters"]["events"] == 3 and outlets["Anti-Media"]["events"] == 5
    assert outlets["Anti-Media"]["negated"] == 1 and outlets["Anti-Media"]["possible"] == 1
    stats = client.get("/api/stats").json()
    assert stats["events"] == 8 and "path" not in stats
    facets = client.get("/api/facets").json()
    assert facets["types"][0] == {"value": "ASSAULT", "events": 5}
    west, south, east, north = facets["extent"]
    assert west < 36 < 40 < east and south < 34 < 35.9 < north


# -- errors and hostile input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status", "parameter"),
    [
        ("get", "/api/events?limit=0", 422, "limit"),
        ("get", "/api/events?limit=1001", 422, "limit"),
        ("get", "/api/events?since=2017-02-30", 400, "since"),
        ("get", "/api/events?status=rumoured", 400, "status"),
        ("get", "/api/events?bbox=1,2", 400, "bbox"),
        ("get", "/api/events?cursor=bm90IG91cnM", 400, "cursor"),
        ("get", "/api/events/0000000000", 404, None),
        ("get", "/api/documents/nope", 404, None),
        ("get", "/nothing/here", 404, None),
        ("post", "/api/events", 405, None),
        ("delete", "/api/events/abc", 405, None),
    ],
)
def test_every_error_has_one_json_shape(client, method, url, status, parameter):
    r = getattr(client, method)(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) - {"parameter"} == ERROR_KEYS
    assert body["status"] == status and isinstance(body["message"], str) and body["message"]
    assert body["error"] == {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                             422: "invalid_parameter"}[status]  # fmt: skip
    assert body.get("parameter") == parameter


HOSTILE = [
    "' OR 1=1 --", "'; DROP TABLE events; --", "%", "\\", "../../etc/passwd", "\x00",
    "\u202e\u0635\u0648\u0631😀" * 20, "9" * 400, "-1", "1e309", "nan", "-inf", "", " ",
    "a" * 5000, "２０１７-０１-０１", "99999-01-01", "-200,-100,200,100", "181,0,-181,1",
    "0,91,1,92", "1,2,3,nan",
]  # fmt: skip
PARAMS = ["actor", "type", "status", "outlet", "since", "until", "place", "near", "radius",
          "country", "bbox", "min_sources", "min_confidence", "limit", "cursor",
          "zoom"]  # fmt: skip


@pytest.mark.parametrize("param", PARAMS)
def test_hostile_values_get_a_result_or_a_4xx_never_a_500(client, param):
    # Every value on the list route; a few on the others (they share the filter parsing).
    cases = [("/api/events", v) for v in HOSTILE] + [
        (route, v) for route in ("/api/map", "/api/timeline", "/api/situations")
        for v in HOSTILE[::7]
    ]  # fmt: skip
    for route, value in cases:
        r = client.get(route, params={param: value})
        assert r.status_code < 500, (route, param, value, r.text[:300])
        if r.status_code >= 400:
            assert set(r.json()) - {"parameter"} == ERROR_KEYS, r.text


@pytest.mark.parametrize(
    "value", [*(v for v in HOSTILE[:12] if v != "\x00"), "%00", "%2e%2e", "a/b", "x" * 300]
)
def test_hostile_ids_get_404(client, value):
    for route in ("/api/events/", "/api/documents/", "/api/situations/"):
        r = client.get(route + value)
        assert r.status_code == 404, (value, r.status_code)
        assert set(r.json()) - {"parameter"} == ERROR_KEYS


def test_sql_in_a_filter_is_a_value_not_sql(client, db):
    assert client.get("/api/events", params={"actor": "x' OR '1'='1"}).json()["total"] == 0
    client.get("/api/events", params={"outlet": "a'); DELETE FROM events; --"})
    with Store(db, read_only=True) as store:
        assert store.stats()["events"] == 8


def test_read_only_no_write_routes_and_no_sql_endpoint(client):
    from fastapi.routing import APIRoute

    app = client.app
    for route in app.routes:
        if isinstance(route, APIRoute):
            assert route.methods <= {"GET", "HEAD"}, route.path
            assert "sql" not in route.path
    assert client.get("/api/sql?q=SELECT%201").status_code == 404


def test_openapi_and_docs_use_only_local_assets(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/outlets",
            "/api/stats", "/api/events.geojson", "/api/map", "/api/situations",
            "/api/situations/{situation_id}"} <= set(spec["paths"])  # fmt: skip
    page = client.get("/docs").text
    assert "swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page and "//cdn" not in page
    for asset in ("/assets/swagger/swagger-ui-bundle.js", "/assets/swagger/swagger-ui.css",
                  "/assets/leaflet/leaflet.js", "/assets/markercluster/leaflet.markercluster.js",
                  "/static/countries.geojson", "/static/map.js"):  # fmt: skip
        assert client.get(asset).status_code == 200, asset


def test_static_files_do_not_leave_their_folder(client):
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/assets/leaflet/../../../x"):
        r = client.get(url)
        assert r.status_code == 404, url


def test_a_missing_store_is_one_clear_error(tmp_path):
    from sitmap.errors import StoreError

    with pytest.raises(StoreError, match="no sitmap database"):
        create_app(tmp_path / "none.duckdb")


def test_borders_are_natural_earth_countries(client):
    geo = client.get("/static/countries.geojson").json()
    names = {f["properties"]["name"] for f in geo["features"]}
    assert len(geo["features"]) > 150 and {"Syria", "Lebanon", "Iraq", "France"} <= names


# -- how the server holds the store -------------------------------------------------------------


def test_store_is_shared_while_busy_closed_when_idle_and_per_request_while_an_ingest_writes(
    db, monkeypatch
):
    import subprocess
    import time

    from sitmap.serve import reader

    monkeypatch.setattr(reader, "IDLE_CLOSE", 0.2)
    key = f"{db}-policy"  # a reader of its own, not the one the other tests share
    shared = reader._Shared(str(db))
    monkeypatch.setitem(reader._SHARED, key, shared)
    with shared.use() as first:
        pass
    with shared.use() as second:
        assert second is first and shared.store is first  # kept open between requests
    time.sleep(0.6)
    assert shared.store is None  # closed once idle: an ingest may take the file

    # A live writer named in <db>.lock: each request opens and closes the store itself.
    lock = Path(f"{db}.lock")
    had = lock.read_text() if lock.exists() else None
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        lock.write_text(str(sleeper.pid))
        assert reader.writer_active(str(db))
        with shared.use() as store:
            assert store.stats()["events"] == 8
        assert shared.store is None
    finally:
        sleeper.kill()
        sleeper.wait()
        if had is None:
            lock.unlink()
        else:
            lock.write_text(had)
    assert not reader.writer_active(str(db))  # the process is gone: back to sharing


def test_an_ingest_can_write_while_the_map_is_in_use(tmp_path):
    """A writer process gets the file while requests keep coming, and the API keeps answering
    (before, during and after the write), then shows what was written."""
    import subprocess
    import sys
    import threading

    from sitmap import situations

    db = tmp_path / "busy.duckdb"
    docs = sample_documents()
    with Store(db) as store:
        store.write_many(docs[:3])
        situations.build(store)
    client = TestClient(create_app(db))
    before = client.get("/api/events").json()["total"]
    stop = threading.Event()
    answers: list[int] = []

    def browse() -> None:
        while not stop.is_set():
            answers.append(client.get("/api/map?zoom=4").status_code)

    thread = threading.Thread(target=browse)
    thread.start()
    try:
        code = (
            "import sys; sys.path[:0] = sys.argv[2:]\n"
            "from _store_samples import sample_documents\n"
            "from sitmap.store import Store\n"
            "with Store(sys.argv[1], hold=False) as s: s.write_many(sample_documents()[3:])\n"
        )
        tests_dir = str(Path(__file__).parent)
        src = str(Path(__file__).parents[1] / "src")
        done = subprocess.run([sys.executable, "-c", code, str(db), tests_dir, src],
                              capture_output=True, text=True, timeout=60)  # fmt: skip
    finally:
        stop.set()
        thread.join(30)
    assert done.returncode == 0, done.stderr[-2000:]
    assert answers and set(answers) == {200}
    after = client.get("/api/events").json()["total"]
    assert after > before


def test_only_loopback_host_names_are_answered_and_the_page_forbids_other_origins(db):
    from sitmap.serve.app import LOOPBACK_HOSTS

    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/api/stats").status_code == 200
    assert local.get("/api/stats", headers={"host": "localhost:8000"}).status_code == 200
    r = local.get("/api/stats", headers={"host": "attacker.example:8000"})  # DNS rebinding
    assert r.status_code == 400 and set(r.json()) == ERROR_KEYS
    csp = local.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "http" not in csp
