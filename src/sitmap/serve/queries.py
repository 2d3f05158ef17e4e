"""The SQL behind the HTTP API: filtered pages, map aggregation, timeline, outlets.

Every function takes an open read-only ``Store`` and a ``Filters`` and returns plain JSON-ready
data. Filters are the command line's (``store.event_where``) plus a bounding box, a minimum
number of sources and a minimum confidence; values only ever reach DuckDB as parameters.

The map's unit is the *situation* (``sitmap.situations``: one event told by several outlets,
merged; sized by its independent sources). A store without situations gets *groups* instead:
the events of one PLOVER type on one day at one place (same GeoNames id, or the same position
to 0.01°), whose ``sources`` is the number of distinct outlets among its events.
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

    def where(self, *, dates: bool = True, situations: bool = False) -> tuple[list[str], list[Any]]:
        """WHERE conditions on ``events`` (``dates=False`` leaves since/until out).

        ``min_sources`` counts the independent sources of the event's situation when the store
        has situations (``situations=True``), else the outlets of its group (type, day, place).
        """
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
        if self.min_sources and self.min_sources > 1 and situations:
            where.append(
                "id IN (SELECT m.event_id FROM situation_members m JOIN situations s "
                "ON s.id = m.situation_id WHERE s.sources >= ?)"
            )
            params.append(self.min_sources)
        elif self.min_sources and self.min_sources > 1:
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
    where, params = filters.where(situations=_by_situation(store, filters))
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
    where, params = filters.where(situations=_by_situation(store, filters))
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

    ``unit`` is ``situations`` when the store holds them (one marker per situation, sized by
    its independent sources), else ``events`` (one marker per group of events of one type, day
    and place). ``mode`` is ``points`` (at most ``POINT_LIMIT`` markers) or, when more are in
    view, ``cells``: a grid of about 64 screen pixels per cell at this zoom, each with its
    count, mean position and most common type, aggregated in DuckDB.
    """
    if has_situations(store):
        return _situation_map(store, filters, zoom)
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
        return {"unit": "events", "mode": "points", "events": int(total), "points": points}
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
    return {"unit": "events", "mode": "cells", "events": int(total), "cell_degrees": size,
            "cells": cells}  # fmt: skip


def timeline(store: Store, filters: Filters) -> dict[str, Any]:
    """Events per day, week or month (by the span of the dates) under every filter but the
    time window itself, so the brushed window can be moved over the whole range.

    An event is counted on the date its text gives, else on its article's publication date:
    the date the ``since``/``until`` window filters on."""
    where, params = filters.where(dates=False, situations=_by_situation(store, filters))
    where = [*where, f"{_DAY} IS NOT NULL"]
    sql_where = _sql_where(where)
    first, last = store.con.execute(
        f"SELECT min({_DAY}), max({_DAY}) FROM events{sql_where}", params
    ).fetchone()
    if first is None:
        return {"unit": "day", "first": None, "last": None, "bins": []}
    span = (last - first).days
    unit = "day" if span <= 150 else "week" if span <= 3 * 365 else "month"
    rows = store.con.execute(
        f"SELECT CAST(date_trunc('{unit}', {_DAY}) AS DATE) AS bin, count(*) "
        f"FROM events{sql_where} GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    return {
        "unit": unit, "first": _iso(first), "last": _iso(last),
        "bins": [{"start": _iso(b), "events": int(n)} for b, n in rows],
    }  # fmt: skip


# -- situations --------------------------------------------------------------------------

SITUATION_GROUPS = {
    "asserted": "factual", "reported": "factual", "quoted": "factual",
    "predicted": "predicted", "hypothetical": "hypothetical", "negated": "negated",
}  # fmt: skip
"""Event status → the ``status_group`` of the situations it can belong to."""

_SIT_DAY = "coalesce(event_date, date_start)"
_SIT_COLUMNS = (
    "id", "plover", "cameo", "status_group", "event_date", "date_precision", "date_start",
    "date_end", "place_name", "country", "admin1", "lat", "lon", "place_precision",
    "source_code", "source_name", "target_code", "target_name", "sources", "articles",
    "documents", "events", "outlets", "first_outlet", "first_published", "disagreements",
    "fulfilled_by",
)  # fmt: skip


def has_situations(store: Store) -> bool:
    """Whether the store holds merged situations (``sitmap.situations``); else the map groups
    events itself."""
    try:
        return store.con.execute("SELECT count(*) FROM situations").fetchone()[0] > 0
    except Exception:  # a store without the situations tables
        return False


def _by_situation(store: Store, f: Filters) -> bool:
    """Whether ``min_sources`` on events counts their situations' sources (the store has them)."""
    return bool(f.min_sources and f.min_sources > 1 and has_situations(store))


def situation_where(f: Filters) -> tuple[list[str], list[Any]]:
    """WHERE conditions on ``situations`` for the same filters (as ``situations.query``:
    situation-level columns; ``status`` by its group; ``outlet`` any member's outlet;
    ``min_confidence`` any member event's confidence)."""
    where: list[str] = []
    params: list[Any] = []
    if f.types:
        where.append(f"plover IN ({', '.join('?' * len(f.types))})")
        params += f.types
    if f.statuses:
        groups = sorted({SITUATION_GROUPS[s] for s in f.statuses})
        where.append(f"status_group IN ({', '.join('?' * len(groups))})")
        params += groups
    if f.actor:
        where.append(
            "(starts_with(source_code, ?) OR starts_with(target_code, ?) "
            "OR contains(lower(coalesce(source_name, '')), ?) "
            "OR contains(lower(coalesce(target_name, '')), ?))"
        )
        params += [f.actor.upper(), f.actor.upper(), f.actor.lower(), f.actor.lower()]
    if f.outlet:
        where.append("id IN (SELECT situation_id FROM situation_members WHERE lower(outlet) = ?)")
        params.append(f.outlet.lower())
    if f.since:
        where.append("coalesce(date_end, event_date, first_published) >= ?")
        params.append(f.since)
    if f.until:
        where.append("coalesce(date_start, event_date, first_published) <= ?")
        params.append(f.until)
    if f.place:
        where.append(
            "(contains(lower(coalesce(place_name, '')), ?) "
            "OR contains(lower(coalesce(admin1, '')), ?))"
        )
        params += [f.place.lower()] * 2
    if f.country:
        where.append("country = ?")
        params.append(f.country)
    if f.near:
        lat, lon, km = f.near
        where.append(
            "lat BETWEEN ? AND ? AND lon IS NOT NULL AND 2 * 6371.0088 * asin(sqrt(pow(sin("
            "radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * "
            "pow(sin(radians(lon - ?) / 2), 2))) <= ?"
        )
        params += [lat - km / 110.0, lat + km / 110.0, lat, lat, lon, km]
    if f.bbox:
        west, south, east, north = f.bbox
        where.append("lat BETWEEN ? AND ?")
        params += [south, north]
        where.append("lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)")
        params += [west, east]
    if f.min_sources and f.min_sources > 1:
        where.append("sources >= ?")
        params.append(f.min_sources)
    if f.min_confidence:
        where.append(
            "id IN (SELECT m.situation_id FROM situation_members m JOIN events e "
            "ON e.id = m.event_id WHERE e.confidence >= ?)"
        )
        params.append(f.min_confidence)
    return where, params


def situations_page(
    store: Store, filters: Filters, *, limit: int = 100, cursor: str | None = None
) -> dict[str, Any]:
    """One page of situations, most sources first, then newest (as ``sitmap situations``),
    with the total and the next cursor; each row carries its first member's evidence."""
    where, params = situation_where(filters)
    total = int(store.con.execute(f"SELECT count(*) FROM situations{_sql_where(where)}",
                                  params).fetchone()[0])  # fmt: skip
    if cursor:
        sources, day, last_id = _decode_situation_cursor(cursor)
        if day is None:
            where = [*where, "(sources < ? OR (sources = ? AND date_start IS NULL AND id > ?))"]
            params = [*params, sources, sources, last_id]
        else:
            where = [*where, "(sources < ? OR (sources = ? AND (date_start < ? OR "
                     "(date_start = ? AND id > ?) OR date_start IS NULL)))"]  # fmt: skip
            params = [*params, sources, sources, day, day, last_id]
    cols = ", ".join(f'"{c}"' for c in _SIT_COLUMNS)
    cur = store.con.execute(
        f"SELECT {cols}, record->>'$.members[0].evidence' AS evidence, "
        f"record->>'$.members[0].trigger' AS trigger FROM situations{_sql_where(where)} "
        "ORDER BY sources DESC, date_start DESC NULLS LAST, id LIMIT ?",
        [*params, limit + 1],
    )
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, v, strict=True)) for v in cur.fetchall()]
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = None
    if more and rows:
        last = rows[-1]
        raw = json.dumps([last["sources"], _iso(last["date_start"]), last["id"]])
        nxt = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    for row in rows:
        for key in ("outlets", "disagreements"):
            row[key] = json.loads(row[key] or "[]")
        for key, value in row.items():
            row[key] = _iso(value)
    return {"total": total, "limit": limit, "next": nxt, "situations": rows}


def situations_geojson(store: Store, filters: Filters, *, limit: int) -> dict[str, Any]:
    """Situations with a position as GeoJSON (flat properties: type, status group, dates,
    place, actors, sources, articles, outlets, first report), most sources first."""
    where, params = situation_where(filters)
    where = [*where, "lat IS NOT NULL AND lon IS NOT NULL"]
    cols = ", ".join(f'"{c}"' for c in _SIT_COLUMNS)
    cur = store.con.execute(
        f"SELECT {cols} FROM situations{_sql_where(where)} "
        "ORDER BY sources DESC, date_start DESC NULLS LAST, id LIMIT ?",
        [*params, limit],
    )
    names = [d[0] for d in cur.description]
    features = []
    for values in cur.fetchall():
        row = {k: _iso(v) for k, v in zip(names, values, strict=True)}
        lat, lon = row.pop("lat"), row.pop("lon")
        for key in ("outlets", "disagreements"):
            row[key] = json.loads(row[key] or "[]")
        features.append({
            "type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": row,
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def _decode_situation_cursor(cursor: str) -> tuple[int, date | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sources, day, sid = json.loads(raw)
        if not isinstance(sources, int) or not isinstance(sid, str):
            raise ValueError(cursor)
        return sources, (date.fromisoformat(day) if day else None), sid
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadParameter(
            "cursor", "cursor is not one this API gave", hint="pass the `next` of a page"
        ) from exc


def situation(store: Store, situation_id: str) -> dict[str, Any] | None:
    """One situation's full record: canonical fields, sources, first report, disagreements and
    members (event, document, outlet, url, published, status, evidence, trigger)."""
    from sitmap import situations

    return situations.get(store, situation_id)


def _situation_map(store: Store, filters: Filters, zoom: int) -> dict[str, Any]:
    where, params = situation_where(filters)
    where = [*where, "lat IS NOT NULL AND lon IS NOT NULL"]
    sql_where = _sql_where(where)
    total, events = store.con.execute(
        f"SELECT count(*), coalesce(sum(events), 0) FROM situations{sql_where}", params
    ).fetchone()
    if total <= POINT_LIMIT:
        cur = store.con.execute(
            f"SELECT id, plover, {_SIT_DAY} AS day, lat, lon, events, sources, status_group, "
            "place_name AS place, first_outlet FROM situations"
            f"{sql_where} ORDER BY sources DESC, day NULLS LAST, id",
            params,
        )
        names = [d[0] for d in cur.description]
        points = [{k: _iso(v) for k, v in zip(names, row, strict=True)} for row in cur.fetchall()]
        return {"unit": "situations", "mode": "points", "situations": int(total),
                "events": int(events), "points": points}  # fmt: skip
    size = 360.0 / (2 ** max(0, min(zoom, 22))) / 4.0
    cur = store.con.execute(
        "SELECT sum(n) AS situations, sum(ev) AS events, sum(slat) / sum(n) AS lat, "
        "sum(slon) / sum(n) AS lon, arg_max(plover, n) AS plover, max(src) AS sources, "
        "min(s) AS south, max(nn) AS north, min(w) AS west, max(e) AS east FROM ("
        "SELECT floor(lat / ?) AS cy, floor(lon / ?) AS cx, plover, count(*) AS n, "
        "sum(events) AS ev, sum(lat) AS slat, sum(lon) AS slon, max(sources) AS src, "
        "min(lat) AS s, max(lat) AS nn, min(lon) AS w, max(lon) AS e "
        f"FROM situations{sql_where} GROUP BY 1, 2, 3) GROUP BY cy, cx ORDER BY 1 DESC",
        [size, size, *params],
    )
    names = [d[0] for d in cur.description]
    cells = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    for cell in cells:
        cell["situations"], cell["events"] = int(cell["situations"]), int(cell["events"])
    return {"unit": "situations", "mode": "cells", "situations": int(total),
            "events": int(events), "cell_degrees": size, "cells": cells}  # fmt: skip


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
        "unit": "situations" if has_situations(store) else "events",
    }  # fmt: skip


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
