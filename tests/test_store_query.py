"""``Store.events``'s query plan (bounding box before the haversine distance, string work
last, late materialisation of a page) returns exactly what the plain query returned.

The reference below is the query as it was before those changes: every filter in one WHERE,
a latitude band then the distance, all columns read before ORDER BY/LIMIT.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import pytest

from sitmap.store import _DISTANCE, FLAT_EVENT_COLUMNS, Store, _alpha2, _as_date

# Synthetic events spread over the whole globe (poles and the antimeridian included), some
# without coordinates, some without an event date (the published date then counts).
_GENERATE = """
INSERT INTO events (id, doc_id, sentence, start, "end", evidence, trigger, plover, status,
    source_code, source_name, source_text, target_code, target_name, place_name, place_text,
    country, admin1, lat, lon, event_date, published, outlet, confidence, record)
SELECT
    printf('%020x', i), printf('%016x', i // 7), (i % 7)::INTEGER, (i % 13)::INTEGER, 100,
    'synthetic event ' || i, 'attack',
    (['ASSAULT', 'PROTEST', 'CONSULT', 'ACCUSE'])[1 + (hash(i) % 4)::INTEGER],
    (['asserted', 'reported', 'quoted', 'negated'])[1 + (hash(i + 1) % 4)::INTEGER],
    (['SYRMIL', 'SYRGOV', 'USAMIL', 'RUSMIL', NULL])[1 + (hash(i + 2) % 5)::INTEGER],
    (['Syrian army', 'Syrian government', 'US forces', NULL, 'Kremlin'])
        [1 + (hash(i + 3) % 5)::INTEGER],
    'the ' || (hash(i + 3) % 5),
    (['SYRREB', 'IMGINSISI', NULL, 'USAGOV'])[1 + (hash(i + 4) % 4)::INTEGER],
    (['rebels', 'Islamic State', 'civilians of Syria', NULL])[1 + (hash(i + 4) % 4)::INTEGER],
    'place ' || (hash(i + 5) % 50), 'in place ' || (hash(i + 5) % 50),
    (['SY', 'IQ', 'RU', 'FJ'])[1 + (hash(i + 6) % 4)::INTEGER], 'admin ' || (hash(i + 6) % 9),
    CASE WHEN hash(i + 7) % 10 = 0 THEN NULL ELSE -89.9 + (hash(i + 8) % 1799) / 10.0 END,
    CASE WHEN hash(i + 7) % 10 = 0 THEN NULL ELSE -180 + (hash(i + 9) % 3600) / 10.0 END,
    CASE WHEN hash(i + 10) % 8 = 0 THEN NULL
         ELSE DATE '2016-01-01' + (hash(i + 11) % 730)::INTEGER END,
    DATE '2016-01-01' + (hash(i + 12) % 730)::INTEGER,
    (['Reuters', 'AP', 'SANA'])[1 + (hash(i + 13) % 3)::INTEGER],
    (hash(i + 14) % 100) / 100.0, '{}'
FROM range(?) t(i)
"""


def _reference(
    store: Store,
    *,
    actor: str | None = None,
    plover: list[str] | None = None,
    status: list[str] | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    near: tuple[float, float, float] | None = None,
    country: str | None = None,
    min_confidence: float | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The events query as it was written before the plan changes."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append(
            "(starts_with(source_code, ?) OR starts_with(target_code, ?) "
            "OR contains(lower(coalesce(source_name, source_text, '')), ?) "
            "OR contains(lower(coalesce(target_name, target_text, '')), ?))"
        )
        params += [actor.upper(), actor.upper(), actor.lower(), actor.lower()]
    for column, values in (("plover", plover), ("status", status)):
        if values:
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
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
    if min_confidence is not None:
        where.append("confidence >= ?")
        params.append(min_confidence)
    select = ", ".join(f'"{c}"' for c in FLAT_EVENT_COLUMNS)
    if near:
        lat, lon, km = near
        where.append(f"lat BETWEEN ? AND ? AND lon IS NOT NULL AND {_DISTANCE} <= ?")
        params += [lat - km / 110.0, lat + km / 110.0, lat, lat, lon, km]
        select += f", {_DISTANCE} AS distance_km"
        params = [lat, lat, lon, *params]
    query = f"SELECT {select} FROM events"
    if where:
        query += " WHERE " + " AND ".join(where)
    query += ' ORDER BY event_date NULLS LAST, doc_id, start, "end", id'
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    cur = store.con.execute(query, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Store:
    path: Path = tmp_path_factory.mktemp("query") / "synthetic.duckdb"
    with Store(path) as store:
        store.con.execute(_GENERATE, [20_000])
    store = Store(path, read_only=True)
    yield store
    store.close()


# Centres where a box is easy (the Levant), near a pole, on both sides of the antimeridian,
# and radii from a town to a continent.
_NEAR = [
    (35.33, 40.14, 100.0), (35.33, 40.14, 2500.0), (88.5, 10.0, 300.0), (-87.0, -120.0, 900.0),
    (-17.7, 178.9, 400.0), (10.0, -179.5, 150.0), (0.0, 0.0, 20000.0), (60.0, 30.0, 0.5),
]  # fmt: skip

_FILTERS: list[dict[str, Any]] = [
    {"actor": "SYR"}, {"actor": "syria"}, {"actor": "US"}, {"plover": ["ASSAULT"]},
    {"status": ["asserted", "reported"]}, {"outlet": "reuters"},
    {"since": "2016-06", "until": "2016-12-31"}, {"place": "place 1"}, {"country": "SYR"},
    {"min_confidence": 0.7},
]  # fmt: skip


@pytest.mark.parametrize("near", _NEAR)
@pytest.mark.parametrize("limit", [None, 1, 50])
def test_near_matches_reference(synthetic: Store, near: tuple, limit: int | None) -> None:
    expected = _reference(synthetic, near=near, limit=limit)
    assert synthetic.events(near=near, limit=limit) == expected
    if near[2] >= 100:
        assert expected  # the case is not vacuous


def test_filter_combinations_match_reference(synthetic: Store) -> None:
    """Every pair of filters, in turn alone and with a radius, with and without a page limit."""
    extras = itertools.cycle(
        [{}, {"near": (35.33, 40.14, 1500.0)}, {"near": (-17.7, 178.9, 2500.0)}]
    )
    limits = itertools.cycle([None, 20, 3])
    checked = 0
    for first, second in itertools.combinations(_FILTERS, 2):
        filters = {**first, **second, **next(extras), "limit": next(limits)}
        expected = _reference(synthetic, **filters)
        assert synthetic.events(**filters) == expected, filters
        checked += bool(expected)
    assert checked > 30  # most combinations return rows


def test_everything_at_once_matches_reference(synthetic: Store) -> None:
    filters = {
        "actor": "SYR", "plover": ["ASSAULT", "PROTEST"], "status": ["asserted", "reported"],
        "since": "2016-03-01", "until": "2017-06-30", "near": (35.33, 40.14, 3000.0),
    }  # fmt: skip
    for limit in (None, 1, 10, 1000):
        expected = _reference(synthetic, **filters, limit=limit)
        assert synthetic.events(**filters, limit=limit) == expected
    assert len(expected) > 10


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` degrees (great circle)."""
    p1, l1, t, d = math.radians(lat), math.radians(lon), math.radians(bearing), km / 6371.0088
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(t))
    l2 = l1 + math.atan2(
        math.sin(t) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def test_near_keeps_points_on_the_rim(tmp_path: Path) -> None:
    """Points just inside the radius at every bearing are kept: the box never cuts the circle."""
    centres = [(35.33, 40.14, 100.0), (70.0, 20.0, 800.0), (-60.0, -70.0, 2000.0), (5.0, 5.0, 1.0)]
    with Store(tmp_path / "rim.duckdb") as store:
        rows = []
        for c, (lat, lon, km) in enumerate(centres):
            for bearing in range(0, 360, 3):
                for r, factor in enumerate((0.999, 1.001)):
                    plat, plon = _destination(lat, lon, km * factor, bearing)
                    rows.append((f"{c}-{bearing:03d}-{r}", f"d{c}", plat, plon))
        store.con.executemany("INSERT INTO events (id, doc_id, lat, lon) VALUES (?, ?, ?, ?)", rows)
        for c, near in enumerate(centres):
            got = {row["id"] for row in store.events(near=near)}
            assert got == {f"{c}-{b:03d}-0" for b in range(0, 360, 3)}, near
