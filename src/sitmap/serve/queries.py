"""The SQL behind the HTTP API: filtered pages, map aggregation, timeline, outlets.

Every function takes an open read-only ``Store`` and a ``Filters`` and returns plain JSON-ready
data. Filters are the command line's (``store.event_where``) plus a bounding box, a minimum
number of sources and a minimum confidence; values only ever reach DuckDB as parameters.

The map's unit, until the store holds situations, is a *group*: the events of one PLOVER type
on one day at one place (same GeoNames id, or the same position to 0.01°). Its ``sources`` is
the number of distinct outlets among its events.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitmap.errors import SitmapError
from sitmap.store import Store, event_where

MAX_LIMIT = 1000
"""The most rows one page of ``/api/events`` returns."""

POINT_LIMIT = 4000
"""Above this many groups in view, the map gets grid cells instead of single markers."""

STATUS_GROUPS = {
    "asserted": "factual",
    "reported": "factual",
    "quoted": "factual",
    "predicted": "possible",
    "hypothetical": "possible",
    "negated": "negated",
}
"""Status → the three outline styles of the map (factual, possible, negated)."""

_DAY = "coalesce(event_date, published)"
_GROUP_KEY = (
    f"plover || '|' || coalesce(CAST({_DAY} AS VARCHAR), '') || '|' || "
    "coalesce(CAST(geonameid AS VARCHAR), printf('%.2f,%.2f', lat, lon))"
)
_GROUP_STATUS = (
    "CASE WHEN bool_or(status IN ('asserted', 'reported', 'quoted')) THEN 'factual' "
    "WHEN bool_or(status IN ('predicted', 'hypothetical')) THEN 'possible' ELSE 'negated' END"
)


class BadParameter(SitmapError):
    """A request parameter that cannot be used (the API answers 400 with its name)."""

    code = "bad_parameter"

    def __init__(self, parameter: str, message: str, *, hint: str | None = None) -> None:
        self.parameter = parameter
        super().__init__(message, hint=hint)


@dataclass
class Filters:
    """What a request asks for: the CLI's event filters plus map-only ones."""

    actor: str | None = None
    types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    near: tuple[float, float, float] | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_sources: int | None = None
    min_confidence: float | None = None

    def where(self, *, dates: bool = True) -> tuple[list[str], list[Any]]:
        """WHERE conditions and parameters (``dates=False`` leaves since/until out)."""
        where, params = event_where(
            actor=self.actor, plover=self.types or None, status=self.statuses or None,
            outlet=self.outlet, since=self.since if dates else None,
            until=self.until if dates else None, place=self.place, near=self.near,
            country=self.country,
        )  # fmt: skip
        if self.bbox:
            west, south, east, north = self.bbox
            where.append("lat BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                where.append("lon BETWEEN ? AND ?")
                params += [west, east]
            else:  # the box crosses the antimeridian
                where.append("(lon >= ? OR lon <= ?)")
                params += [west, east]
        if self.min_confidence:
            where.append("confidence >= ?")
            params.append(self.min_confidence)
        if self.min_sources and self.min_sources > 1:
            where.append(
                f"lat IS NOT NULL AND {_GROUP_KEY} IN (SELECT {_GROUP_KEY} FROM events "
                f"WHERE lat IS NOT NULL GROUP BY 1 HAVING count(DISTINCT lower(outlet)) >= ?)"
            )
            params.append(self.min_sources)
        return where, params


def _sql_where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


# -- events ---------------------------------------------------------------------------------


def encode_cursor(event_date: date | None, event_id: str) -> str:
    """An opaque keyset cursor: the sort key of the last row of a page."""
    raw = json.dumps([event_date.isoformat() if event_date else None, event_id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, str]:
    """The (event_date, id) a cursor stands for; ``BadParameter`` if it was not ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        if not isinstance(event_id, str) or not (day is None or isinstance(day, str)):
            raise ValueError(cursor)
        return (date.fromisoformat(day) if day else None), event_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadParameter(
            "cursor", "cursor is not one this API gave", hint="pass the `next` of a page"
        ) from exc


def events_page(
    store: Store, filters: Filters, *, limit: int = 100, cursor: str | None = None
) -> dict[str, Any]:
    """One page of events (nested records), oldest first, with the total and the next cursor."""
    where, params = filters.where()
    keyset: list[str] = []
    key_params: list[Any] = []
    if cursor:
        day, last_id = decode_cursor(cursor)
        if day is None:
            keyset, key_params = ["event_date IS NULL AND id > ?"], [last_id]
        else:
            keyset = ["(event_date > ? OR (event_date = ? AND id > ?) OR event_date IS NULL)"]
            key_params = [day, day, last_id]
    # The filters are evaluated once: the matching row ids are counted, the page's are kept,
    # and only those rows' records are read.
    total, rowids = store.con.execute(
        f"WITH m AS MATERIALIZED (SELECT rowid AS r, event_date, id FROM events"
        f"{_sql_where(where)}) SELECT (SELECT count(*) FROM m), (SELECT list(r) FROM "
        f"(SELECT r FROM m{_sql_where(keyset)} ORDER BY event_date NULLS LAST, id LIMIT ?))",
        [*params, *key_params, limit + 1],
    ).fetchone()
    rows = store.con.execute(
        "SELECT record, outlet, published, url, event_date, date_basis, id FROM events "
        "WHERE rowid = ANY(?) ORDER BY event_date NULLS LAST, id",
        [rowids or []],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1][4], rows[-1][6]) if more and rows else None
    events = [_record(r) for r in rows]
    return {"total": int(total), "limit": limit, "next": nxt, "events": events}


def _record(row: tuple) -> dict[str, Any]:
    record, outlet, published, url, event_date, basis, _ = row
    rec = json.loads(record)
    rec.update(outlet=outlet, published=_iso(published), url=url,
               event_date=_iso(event_date), date_basis=basis)  # fmt: skip
    rec["status_group"] = STATUS_GROUPS.get(rec.get("status", ""), "factual")
    return rec


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event as a nested record with its document's title, or None."""
    rows = store.con.execute(
        "SELECT e.record, e.outlet, e.published, e.url, e.event_date, e.date_basis, e.id, "
        "d.title, strpos(d.text, e.evidence) FROM events e "
        "LEFT JOIN documents d ON d.id = e.doc_id WHERE e.id = ? LIMIT 1",
        [event_id],
    ).fetchall()
    if not rows:
        return None
    rec = _record(rows[0][:7])
    rec["title"] = rows[0][7]
    rec["trigger_span"] = _trigger_span(rec, rows[0][8])
    return rec


def _trigger_span(rec: dict[str, Any], position: int | None) -> list[int] | None:
    """The trigger's [start, end) inside ``evidence`` (the sentence), from its document span."""
    start, end, evidence = rec.get("trigger_start"), rec.get("trigger_end"), rec["evidence"]
    if position and start is not None and end is not None:
        s, e = start - (position - 1), end - (position - 1)
        if 0 <= s < e <= len(evidence):
            return [s, e]
    found = evidence.find(rec.get("trigger") or "\0")
    return [found, found + len(rec["trigger"])] if found >= 0 else None


def events_geojson(store: Store, filters: Filters, *, limit: int) -> dict[str, Any]:
    """Events with coordinates as a GeoJSON FeatureCollection (flat properties, for GIS)."""
    where, params = filters.where()
    where = [*where, "lat IS NOT NULL AND lon IS NOT NULL"]
    cur = store.con.execute(
        "SELECT id, lat, lon, event_date, plover, cameo, mode, status, confidence, trigger, "
        "evidence, source_code, source_name, target_code, target_name, place_name, country, "
        f"admin1, outlet, url, doc_id FROM events{_sql_where(where)} "
        "ORDER BY event_date NULLS LAST, id LIMIT ?",
        [*params, limit],
    )
    cols = [d[0] for d in cur.description]
    features = []
    for values in cur.fetchall():
        row = dict(zip(cols, values, strict=True))
        lat, lon = row.pop("lat"), row.pop("lon")
        row["event_date"] = _iso(row["event_date"])
        features.append({
            "type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": row,
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


# -- map ------------------------------------------------------------------------------------


def map_view(store: Store, filters: Filters, *, zoom: int) -> dict[str, Any]:
    """What the map draws in its bounding box at a zoom level.

    ``mode`` is ``points`` (one marker per group, at most ``POINT_LIMIT``) or, when more
    groups are in view, ``cells``: a grid of about 64 screen pixels per cell at this zoom, each
    with its count, mean position and most common type, aggregated in DuckDB.
    """
    where, params = filters.where()
    where = [*where, "lat IS NOT NULL AND lon IS NOT NULL"]
    sql_where = _sql_where(where)
    total = int(store.con.execute(f"SELECT count(*) FROM events{sql_where}", params)
                .fetchone()[0])  # fmt: skip
    groups: int | None = None
    if total <= POINT_LIMIT * 4:
        groups = int(store.con.execute(
            f"SELECT count(DISTINCT {_GROUP_KEY}) FROM events{sql_where}", params
        ).fetchone()[0])  # fmt: skip
    if groups is not None and groups <= POINT_LIMIT:
        cur = store.con.execute(
            "SELECT any_value(plover) AS plover, min(" + _DAY + ") AS day, avg(lat) AS lat, "
            "avg(lon) AS lon, count(*) AS events, count(DISTINCT lower(outlet)) AS sources, "
            f"{_GROUP_STATUS} AS status_group, list(id ORDER BY id)[1:50] AS ids, "
            "any_value(coalesce(place_name, place_text)) AS place, max(confidence) AS confidence "
            f"FROM events{sql_where} GROUP BY {_GROUP_KEY} ORDER BY day NULLS LAST, plover",
            params,
        )
        cols = [d[0] for d in cur.description]
        points = []
        for values in cur.fetchall():
            row = dict(zip(cols, values, strict=True))
            row["day"] = _iso(row["day"])
            points.append(row)
        return {"mode": "points", "events": int(total), "points": points}
    size = 360.0 / (2 ** max(0, min(zoom, 22))) / 4.0
    # Per cell and type first, then per cell: the cell's most common type without mode().
    cur = store.con.execute(
        "SELECT sum(n) AS events, sum(slat) / sum(n) AS lat, sum(slon) / sum(n) AS lon, "
        "arg_max(plover, n) AS plover, min(s) AS south, max(nn) AS north, min(w) AS west, "
        "max(e) AS east FROM (SELECT floor(lat / ?) AS cy, floor(lon / ?) AS cx, plover, "
        "count(*) AS n, sum(lat) AS slat, sum(lon) AS slon, min(lat) AS s, max(lat) AS nn, "
        f"min(lon) AS w, max(lon) AS e FROM events{sql_where} GROUP BY 1, 2, 3) "
        "GROUP BY cy, cx ORDER BY 1 DESC",
        [size, size, *params],
    )
    cols = [d[0] for d in cur.description]
    cells = [dict(zip(cols, values, strict=True)) for values in cur.fetchall()]
    for cell in cells:
        cell["events"] = int(cell["events"])
    return {"mode": "cells", "events": int(total), "cell_degrees": size, "cells": cells}


def timeline(store: Store, filters: Filters) -> dict[str, Any]:
    """Events per day, week or month (by the span of the dates) under every filter but the
    time window itself, so the brushed window can be moved over the whole range."""
    where, params = filters.where(dates=False)
    where = [*where, "event_date IS NOT NULL"]
    sql_where = _sql_where(where)
    first, last = store.con.execute(
        f"SELECT min(event_date), max(event_date) FROM events{sql_where}", params
    ).fetchone()
    if first is None:
        return {"unit": "day", "first": None, "last": None, "bins": []}
    span = (last - first).days
    unit = "day" if span <= 150 else "week" if span <= 3 * 365 else "month"
    rows = store.con.execute(
        f"SELECT CAST(date_trunc('{unit}', event_date) AS DATE) AS bin, count(*) "
        f"FROM events{sql_where} GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    return {
        "unit": unit, "first": _iso(first), "last": _iso(last),
        "bins": [{"start": _iso(b), "events": int(n)} for b, n in rows],
    }  # fmt: skip


# -- documents, outlets, stats --------------------------------------------------------------


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A stored document: its text, metadata and events (each with its evidence span)."""
    doc = store.document(doc_id)
    if doc is None:
        return None
    data = doc.to_dict()
    data.pop("signature", None)
    data["events"] = [_record(r) for r in store.con.execute(
        "SELECT record, outlet, published, url, event_date, date_basis, id FROM events "
        'WHERE doc_id = ? ORDER BY start, "end", id', [doc_id]).fetchall()]  # fmt: skip
    return data


def outlets(store: Store) -> list[dict[str, Any]]:
    """Every outlet with its documents, events and events by status group."""
    rows = store.con.execute(
        "WITH d AS (SELECT coalesce(source, '(unknown)') AS outlet, count(*) AS documents, "
        "min(published) AS first, max(published) AS last FROM documents "
        "WHERE duplicate_of IS NULL GROUP BY 1), "
        "e AS (SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS events, "
        "count(*) FILTER (WHERE status IN ('asserted', 'reported', 'quoted')) AS factual, "
        "count(*) FILTER (WHERE status IN ('predicted', 'hypothetical')) AS possible, "
        "count(*) FILTER (WHERE status = 'negated') AS negated, "
        "count(*) FILTER (WHERE lat IS NOT NULL) AS mapped FROM events GROUP BY 1) "
        "SELECT coalesce(d.outlet, e.outlet) AS outlet, coalesce(d.documents, 0), "
        "coalesce(e.events, 0), coalesce(e.factual, 0), coalesce(e.possible, 0), "
        "coalesce(e.negated, 0), coalesce(e.mapped, 0), d.first, d.last "
        "FROM d FULL JOIN e ON d.outlet = e.outlet ORDER BY 3 DESC, 1"
    ).fetchall()
    keys = ("outlet", "documents", "events", "factual", "possible", "negated", "mapped",
            "first_published", "last_published")  # fmt: skip
    return [{k: _iso(v) for k, v in zip(keys, r, strict=True)} for r in rows]


def facets(store: Store) -> dict[str, Any]:
    """The values the map's filter menus offer (types, statuses, outlets, by frequency) and the
    ``extent`` [west, south, east, north] of the events with coordinates."""

    def column(name: str) -> list[dict[str, Any]]:
        rows = store.con.execute(
            f"SELECT {name}, count(*) FROM events WHERE {name} IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200"
        ).fetchall()
        return [{"value": v, "events": int(n)} for v, n in rows]

    south, west, north, east = store.con.execute(
        "SELECT min(lat), min(lon), max(lat), max(lon) FROM events WHERE lon IS NOT NULL"
    ).fetchone()
    return {
        "types": column("plover"), "statuses": column("status"), "outlets": column("outlet"),
        "extent": None if south is None else [west, south, east, north],
    }  # fmt: skip


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
