"""Event queries: ``event_where`` (the filters shared with ``sitmap.serve``) and their SQL."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date
from typing import Any

from sitmap.errors import StoreError
from sitmap.store.rows import _as_date, _iso
from sitmap.store.schema import EVENT_COLUMNS, FLAT_EVENT_COLUMNS


def event_where(
    *,
    actor: str | None = None,
    plover: str | Iterable[str] | None = None,
    status: str | Iterable[str] | None = None,
    outlet: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    place: str | None = None,
    near: tuple[float, float, float] | None = None,
    country: str | None = None,
    doc_id: str | None = None,
    min_confidence: float | None = None,
) -> tuple[list[str], list[Any]]:
    """The WHERE conditions (ANDed) and parameters of ``Store.events``'s filters.

    Shared by ``Store.events`` and the HTTP API (``sitmap.serve``), so both filter alike.
    """
    where: list[str] = []
    params: list[Any] = []
    for column, value, fold in (("plover", plover, str.upper), ("status", status, str.lower)):
        if value:
            values = [value] if isinstance(value, str) else list(value)
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += [fold(v) for v in values]
    if outlet:
        where.append("lower(outlet) = ?")
        params.append(outlet.lower())
    if since:
        where.append("coalesce(event_date, published) >= ?")
        params.append(_as_date(since, "since"))
    if until:
        where.append("coalesce(event_date, published) <= ?")
        params.append(_as_date(until, "until"))
    if place:
        where.append(
            "(contains(lower(coalesce(place_name, '')), ?) "
            "OR contains(lower(coalesce(place_text, '')), ?) "
            "OR contains(lower(coalesce(admin1, '')), ?))"
        )
        params += [place.lower()] * 3
    if country:
        where.append("country = ?")
        params.append(_alpha2(country))
    if doc_id:
        where.append("doc_id = ?")
        params.append(doc_id)
    if min_confidence is not None:
        where.append("confidence >= ?")
        params.append(float(min_confidence))
    if near:
        lat, lon, km = (float(v) for v in near)
        # A bounding box first (plain comparisons on typed columns, prunes most rows and
        # row groups), then the haversine distance on what is left.
        box, box_params = _near_box(lat, lon, km)
        where.append(f"{box} AND {_DISTANCE} <= ?")
        params += [*box_params, lat, lat, lon, km]
    # String work last: typed comparisons above are cheap; an actor code prefix is tried
    # before the case-folded name substrings.
    if actor:
        where.append(
            "(starts_with(source_code, ?) OR starts_with(target_code, ?) "
            "OR contains(lower(coalesce(source_name, source_text, '')), ?) "
            "OR contains(lower(coalesce(target_name, target_text, '')), ?))"
        )
        params += [actor.upper(), actor.upper(), actor.lower(), actor.lower()]
    return where, params


def _near_box(lat: float, lon: float, km: float) -> tuple[str, list[float]]:
    """A lat/lon box holding every point within ``km`` of (lat, lon): SQL and parameters.

    Conservative by construction: the latitude band is km / 110 degrees (a degree of latitude
    is 111.2 km); for longitude, haversine gives hav(d/R) >= cos(lat1) cos(lat2) hav(dlon), so
    dlon <= 2 asin(sqrt(hav(d/R)) / cos(lat_max)) with lat_max the band's largest |latitude|.
    Near a pole, or where the box would cross the antimeridian, only the band is used.
    """
    south, north = lat - km / 110.0, lat + km / 110.0
    lat_max = max(abs(south), abs(north))
    if lat_max < 89.0:
        hav = math.sin(min(km / 6371.0088, math.pi) / 2) ** 2
        ratio = math.sqrt(hav) / math.cos(math.radians(lat_max))
        if ratio < 1.0:
            dlon = math.degrees(2 * math.asin(ratio)) * 1.0001 + 1e-6
            if lon - dlon >= -180.0 and lon + dlon <= 180.0:
                return "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", [
                    south, north, lon - dlon, lon + dlon,
                ]  # fmt: skip
    return "lat BETWEEN ? AND ? AND lon IS NOT NULL", [south, north]


_DISTANCE = (
    "2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + "
    "cos(radians(?)) * cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2)))"
)
"""Great-circle distance in km from (?, ?, ?) = (lat, lat, lon) to the row's lat/lon."""


def _event_query(
    *,
    near: tuple[float, float, float] | None = None,
    limit: int | None = None,
    nested: bool = False,
    **filters: Any,
) -> tuple[str, list[Any]]:
    """The SQL and parameters of ``Store.events`` (see there for the filters)."""
    where, params = event_where(near=near, **filters)
    select = ", ".join(f'"{c}"' for c in (EVENT_COLUMNS if nested else FLAT_EVENT_COLUMNS))
    if near:
        lat, lon, _ = (float(v) for v in near)
        select += f", {_DISTANCE} AS distance_km"
        params = [lat, lat, lon, *params]
    order = ' ORDER BY event_date NULLS LAST, doc_id, start, "end", id'
    conditions = (" WHERE " + " AND ".join(where)) if where else ""
    if limit is None:
        return f"SELECT {select} FROM events{conditions}{order}", params
    # Late materialisation: the page is found on the filter and sort columns alone, then
    # only its rows have their wide columns (evidence, attribution, record) read.
    query = (
        f"SELECT {select} FROM events WHERE rowid IN "
        f"(SELECT rowid FROM events{conditions}{order} LIMIT ?){order}"
    )
    return query, [*params, int(limit)]


def _nested(row: dict[str, Any]) -> dict[str, Any]:
    rec = json.loads(row["record"])
    rec.update(
        outlet=row["outlet"],
        published=_iso(row["published"]),
        url=row["url"],
        event_date=_iso(row["event_date"]),
        date_basis=row["date_basis"],
    )
    if "distance_km" in row:
        rec["distance_km"] = row["distance_km"]
    return rec


def _alpha2(code: str) -> str:
    code = code.strip().upper()
    if len(code) == 3:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
        if found is None:
            raise StoreError(f"unknown country code {code!r}", hint="use ISO alpha-2, e.g. SY")
        return found.alpha_2
    return code
