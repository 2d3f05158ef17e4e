"""The FastAPI application: read-only JSON routes, the map page and its packaged assets.

Every 4xx (and the 500 that should never happen) answers with one JSON shape::

    {"error": "invalid_parameter", "status": 422, "message": "limit: ...", "parameter": "limit"}

Only GET routes exist; every route reads the store through ``reader.open_store`` (read-only).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from sitmap.errors import SitmapError, StoreError
from sitmap.model import STATUSES
from sitmap.serve import queries
from sitmap.serve.queries import MAX_LIMIT, BadParameter, Filters
from sitmap.serve.reader import close_all, open_store
from sitmap.store import Store

log = logging.getLogger("sitmap.serve")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_TEXT = 200  # longest free-text filter value accepted


def _package_dir(module: str, *parts: str) -> Path:
    mod = __import__(module, fromlist=["_"])
    base = Path(getattr(mod, "BASE_DIR", None) or Path(mod.__file__).parent)
    return base.joinpath(*parts)


def asset_dirs() -> dict[str, Path]:
    """URL prefix → installed folder of every packaged web asset the page and /docs use."""
    return {
        "/assets/leaflet": _package_dir("xstatic.pkg.leaflet"),
        "/assets/markercluster": _package_dir("xstatic.pkg.leaflet_markercluster"),
        "/assets/swagger": _package_dir("fastapi_offline", "static"),
        "/static": Path(str(resources.files("sitmap.serve").joinpath("static"))),
    }


# -- parameters -------------------------------------------------------------------------------


def _list(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated values alike: ``type=A&type=B`` or ``type=A,B``."""
    out: list[str] = []
    for value in values or []:
        out += [v.strip() for v in value.split(",") if v.strip()]
    return out


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        text += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BadParameter(
            name, f"{name}: {value[:40]!r} is not a date", hint="use YYYY-MM-DD"
        ) from exc


def _floats(value: str, name: str, count: int) -> list[float]:
    try:
        numbers = [float(v) for v in value.split(",")]
    except ValueError:
        numbers = []
    if len(numbers) != count or not all(abs(n) < 1e6 for n in numbers):
        raise BadParameter(name, f"{name}: expected {count} numbers separated by commas")
    return numbers


def _centre(near: str, radius: float) -> tuple[float, float, float]:
    if re.fullmatch(r"\s*-?[\d.]+\s*,\s*-?[\d.]+\s*", near):
        lat, lon = _floats(near, "near", 2)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise BadParameter("near", "near: latitude or longitude out of range")
        return lat, lon, radius
    from sitmap import geo

    found = geo.lookup(near)
    if found is None or found.lat is None or found.lon is None:
        raise BadParameter("near", f"near: no place called {near[:60]!r} in the gazetteer",
                           hint="check the spelling, or give 'lat,lon'")  # fmt: skip
    return found.lat, found.lon, radius


Text = Annotated[str | None, Query(max_length=_TEXT)]


def filters(
    actor: Annotated[
        str | None, Query(max_length=_TEXT, description="Actor code prefix or name substring.")
    ] = None,
    type: Annotated[
        list[str] | None, Query(description="PLOVER type(s): repeat or separate by commas.")
    ] = None,
    status: Annotated[
        list[str] | None, Query(description="Status(es): " + ", ".join(STATUSES) + ".")
    ] = None,
    outlet: Annotated[str | None, Query(max_length=_TEXT, description="Outlet name.")] = None,
    since: Annotated[str | None, Query(max_length=20, description="From YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(max_length=20, description="Up to YYYY-MM-DD.")] = None,
    place: Annotated[
        str | None, Query(max_length=_TEXT, description="Place or admin1 substring.")
    ] = None,
    near: Annotated[
        str | None, Query(max_length=_TEXT, description="'lat,lon' or a place name.")
    ] = None,
    radius: Annotated[float, Query(gt=0, le=20000, description="km around --near.")] = 50.0,
    country: Annotated[
        str | None, Query(min_length=2, max_length=3, description="ISO alpha-2 or alpha-3.")
    ] = None,
    bbox: Annotated[
        str | None, Query(max_length=100, description="west,south,east,north in degrees.")
    ] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=10000, description="At least this many outlets.")
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="Confidence at least this (0-1).")
    ] = None,
) -> Filters:
    """The filters every list route shares (the command line's, plus bbox/sources/confidence)."""
    types = [t.upper() for t in _list(type)]
    for t in types:
        if not re.fullmatch(r"[A-Z_]{2,20}", t):
            raise BadParameter("type", f"type: {t[:40]!r} is not a PLOVER type")
    statuses = [s.lower() for s in _list(status)]
    for s in statuses:
        if s not in STATUSES:
            raise BadParameter("status", f"status: {s[:40]!r} is not one of {', '.join(STATUSES)}")
    box = None
    if bbox:
        west, south, east, north = _floats(bbox, "bbox", 4)
        if not (-90 <= south <= north <= 90):
            raise BadParameter("bbox", "bbox: south and north must be latitudes, south ≤ north")
        # Longitudes past ±180 (a map panned round the world) are folded back.
        if east - west >= 360:
            west, east = -180.0, 180.0
        else:
            west, east = ((west + 180) % 360) - 180, ((east + 180) % 360) - 180
        box = (west, south, east, north)
    code = None
    if country:
        if not re.fullmatch(r"[A-Za-z]{2,3}", country):
            raise BadParameter("country", "country: use an ISO code such as SY or SYR")
        from sitmap.store import _alpha2

        try:
            code = _alpha2(country)
        except StoreError as exc:
            raise BadParameter("country", f"country: unknown code {country!r}") from exc
    for name, value in (("actor", actor), ("outlet", outlet), ("place", place)):
        if value and any(ord(c) < 32 for c in value):
            raise BadParameter(name, f"{name}: control characters are not allowed")
    return Filters(
        actor=actor or None, types=types, statuses=statuses, outlet=outlet or None,
        since=_date(since, "since"), until=_date(until, "until"), place=place or None,
        near=_centre(near, radius) if near else None, country=code, bbox=box,
        min_sources=min_sources, min_confidence=min_confidence,
    )  # fmt: skip


FiltersDep = Annotated[Filters, Depends(filters)]


def _check_id(value: str, what: str) -> str:
    if not _ID.fullmatch(value):
        raise HTTPException(404, f"no {what} with id {value[:70]!r}")
    return value


# -- errors -----------------------------------------------------------------------------------

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter",
          503: "store_unavailable"}  # fmt: skip


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    """The one JSON error shape of every 4xx/5xx answer."""
    body: dict[str, Any] = {"error": _CODES.get(status, "error"), "status": status,
                            "message": message}  # fmt: skip
    body.update({k: v for k, v in extra.items() if v is not None})
    return body


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, **extra), status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        name = loc[0] if loc else None
        msg = str(first.get("msg", "invalid parameter"))
        return _error(422, f"{name}: {msg}" if name else msg, parameter=name)

    @app.exception_handler(BadParameter)
    async def bad(request: Request, exc: BadParameter) -> JSONResponse:
        return _error(400, str(exc), parameter=exc.parameter)

    @app.exception_handler(HTTPException)
    async def http(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(SitmapError)
    async def sitmap_error(request: Request, exc: SitmapError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:  # never expected
        log.exception("internal error on %s", request.url.path)
        return _error(500, f"internal error: {type(exc).__name__}")


# -- the application --------------------------------------------------------------------------


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")  # fmt: skip
"""The map page's Content-Security-Policy: the browser itself refuses anything not from here."""


def create_app(db: str | Path, *, allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The sitmap HTTP API and map for one store (checked readable now, read per request).

    ``allowed_hosts``: the only ``Host`` headers answered (others get a 400), so that a web
    page elsewhere cannot read a localhost server through DNS rebinding; ``serve`` passes the
    loopback names when it listens on this machine only.
    """
    db = str(Path(db).resolve()) if str(db) != ":memory:" else str(db)
    with Store(db, read_only=True):
        pass  # a missing or foreign file fails here, with the store's one-line message
    app = FastAPI(
        title="sitmap",
        summary="Read-only API over a sitmap store: events, documents, outlets, map views.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    _install_errors(app)
    app.router.on_shutdown.append(close_all)
    if allowed_hosts:
        allowed = {h.lower() for h in allowed_hosts}

        @app.middleware("http")
        async def check_host(request: Request, call_next: Any) -> Any:
            host = request.headers.get("host", "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in allowed:
                return _error(400, f"host {host[:80]!r} is not served here — open the map "
                              "at http://127.0.0.1:PORT/")  # fmt: skip
            return await call_next(request)

    for prefix, folder in asset_dirs().items():
        app.mount(prefix, StaticFiles(directory=folder), name=prefix.strip("/"))
    static = asset_dirs()["/static"]

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html",
                            headers={"Content-Security-Policy": CSP})  # fmt: skip

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="sitmap API",
            swagger_js_url="/assets/swagger/swagger-ui-bundle.js",
            swagger_css_url="/assets/swagger/swagger-ui.css",
            swagger_favicon_url="/assets/swagger/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no call to the online validator
        )  # fmt: skip

    @app.get("/api/events", tags=["events"])
    def list_events(
        f: FiltersDep,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        cursor: Annotated[str | None, Query(max_length=400)] = None,
    ) -> JSONResponse:
        """Events matching every filter, oldest first: ``total``, ``events`` and ``next`` (pass
        it as ``cursor`` for the following page; null on the last page)."""
        with open_store(db) as store:
            return JSONResponse(queries.events_page(store, f, limit=limit, cursor=cursor))

    @app.get("/api/events.geojson", tags=["events"])
    def events_geojson(
        f: FiltersDep, limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000
    ) -> JSONResponse:
        """Events with coordinates as GeoJSON (for QGIS, geopandas ...), flat properties."""
        with open_store(db) as store:
            data = queries.events_geojson(store, f, limit=limit)
        return JSONResponse(data, media_type="application/geo+json")

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event: actors, place, date, status, attribution chain, evidence and trigger span."""
        _check_id(event_id, "event")
        with open_store(db) as store:
            found = queries.event(store, event_id)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return found

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def get_document(doc_id: str) -> dict[str, Any]:
        """One document: text, metadata, sentences, mentions and events with evidence spans."""
        _check_id(doc_id, "document")
        with open_store(db) as store:
            found = queries.document(store, doc_id)
        if found is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        return found

    @app.get("/api/situations", tags=["situations"])
    def list_situations(
        f: FiltersDep,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        cursor: Annotated[str | None, Query(max_length=400)] = None,
    ) -> JSONResponse:
        """Situations (the same event told by several outlets, merged) matching every filter,
        most independent sources first: ``total``, ``situations``, ``next`` cursor."""
        with open_store(db) as store:
            return JSONResponse(queries.situations_page(store, f, limit=limit, cursor=cursor))

    @app.get("/api/situations.geojson", tags=["situations"])
    def situations_geojson(
        f: FiltersDep, limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000
    ) -> JSONResponse:
        """Situations with a position as GeoJSON (sources, outlets, first report ...)."""
        with open_store(db) as store:
            data = queries.situations_geojson(store, f, limit=limit)
        return JSONResponse(data, media_type="application/geo+json")

    @app.get("/api/situations/{situation_id}", tags=["situations"])
    def get_situation(situation_id: str) -> JSONResponse:
        """One situation: canonical fields, sources, first report, disagreements, members."""
        _check_id(situation_id, "situation")
        with open_store(db) as store:
            found = queries.situation(store, situation_id)
        if found is None:
            raise HTTPException(404, f"no situation with id {situation_id!r}")
        return JSONResponse(found)

    @app.get("/api/map", tags=["map"])
    def map_view(f: FiltersDep, zoom: Annotated[int, Query(ge=0, le=22)] = 2) -> JSONResponse:
        """What the map shows in ``bbox`` at ``zoom``: marker groups, or grid cells when many."""
        with open_store(db) as store:
            return JSONResponse(queries.map_view(store, f, zoom=zoom))

    @app.get("/api/timeline", tags=["map"])
    def timeline(f: FiltersDep) -> JSONResponse:
        """Events per day/week/month under every filter but since/until (the brushed window)."""
        with open_store(db) as store:
            return JSONResponse(queries.timeline(store, f))

    @app.get("/api/facets", tags=["map"])
    def facets() -> dict[str, Any]:
        """The types, statuses and outlets present, with counts (the map's filter menus)."""
        with open_store(db) as store:
            return queries.facets(store)

    @app.get("/api/outlets", tags=["outlets"])
    def list_outlets() -> list[dict[str, Any]]:
        """Every outlet: documents, events, events by status group, publication range."""
        with open_store(db) as store:
            return queries.outlets(store)

    @app.get("/api/stats", tags=["store"])
    def stats() -> dict[str, Any]:
        """The store's counts (as ``sitmap stats``)."""
        with open_store(db) as store:
            data = store.stats()
        data.pop("path", None)
        return data

    return app


def serve(
    db: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, log_level: str = "info"
) -> None:
    """Run the API and map with uvicorn until interrupted (localhost unless told otherwise)."""
    import sys

    import uvicorn

    loopback = host in ("127.0.0.1", "localhost", "::1")
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    print(f"sitmap: serving {db} — map http://{shown}:{port}/ · API docs http://{shown}:{port}/docs",
          file=sys.stderr)  # fmt: skip
    if not loopback:
        print(f"sitmap: listening on {host}: other machines can read this store (read-only)",
              file=sys.stderr)  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sitmap")
    except PackageNotFoundError:
        return "0"
