"""Vectorised blocking for a build from scratch: candidate pairs and the cheap rules in DuckDB.

``Merger.neighbours`` finds an event's neighbours one event at a time: its bucket keys (one per
day of its window and place cell, see ``sitmap.situations.merge``), the events in those
buckets, then ``rules.linked`` on each. At 100,000 events that is millions of Python tuples
and rule calls. ``neighbour_map`` gives the very same answer for every event at once:

1. one small row per event (its window as day ordinals, its index and lookup *cells*: the
   place part of the bucket keys, computed by the same Python as the buckets) goes to DuckDB;
2. DuckDB expands the days, joins lookup cells to index cells on (family, status group, day,
   cell) and the month buckets of long windows the same way: exactly the directed candidate
   pairs of ``Merger.candidates``; copies (``rules.copied``) by their MinHash values and
   adjacent publication blocks;
3. the cheap rules prune pairs that ``rules.score`` would call a conflict anyway: windows
   apart (beyond ``dates.slack``), two events of one document not told by one sentence, two
   places in different countries, two towns or districts farther apart than their radius
   (with a margin: only pairs certainly beyond it);
4. ``rules.linked`` decides every remaining pair, in Python, as before.

The pruning only removes pairs the rules reject, so the neighbours, components and situations
are identical to the rule-by-rule path (tested on random and gold events).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict

import duckdb
import pyarrow as pa

from sitmap.situations import merge, rules
from sitmap.situations.rules import Key

_MARGIN_KM = 0.5
"""Prune a pair on distance only when it is this much beyond the radius (float safety)."""


def _cells(key: Key) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(index cells, lookup cells) of a short-window event: the place part of
    ``merge._keys``'s bucket keys, as (kind, country, extra) strings."""
    if key.level == "point" and key.country and key.lat is not None:
        band = merge._band(key.lat)
        index = [("P", key.country, ""), ("p", key.country, str(band))]
        lookup = [("c", key.country, ""), *(("p", key.country, str(b))
                                          for b in (band - 1, band, band + 1))]  # fmt: skip
    else:
        countries = merge._countries(key)
        index = [("c", c, "") for c in countries]
        lookup = [(kind, c, "") for c in countries for kind in ("c", "P")]
    pair = merge._pair(key)
    if pair:
        index.append(("a", "", "\x1f".join(pair)))
        lookup.append(("a", "", "\x1f".join(pair)))
    return index, lookup


def _coarse_cells(key: Key) -> list[tuple[str, str, str]]:
    """The day-bucket cells a long window looks into: those of its countries (an event
    without a place: every country its document names) and its actor pair."""
    cells = [(kind, c, "") for c in merge._countries(key) for kind in ("c", "P")]
    pair = merge._pair(key)
    if pair:
        cells.append(("a", "", "\x1f".join(pair)))
    return cells


def _month(d) -> int:  # type: ignore[no-untyped-def]
    return d.year * 12 + d.month - 1


def candidate_pairs(
    keys: dict[str, Key], con: duckdb.DuckDBPyConnection | None = None, *, prune: bool = True
) -> tuple[list[str], list[int], list[int]]:
    """(ids, a, b): the directed candidate pairs (``ids[b[n]]`` in
    ``Merger.candidates(keys[ids[a[n]]])``) that the cheap rules do not reject (all of them
    with ``prune=False``)."""
    ids = sorted(keys)
    slack = int(rules.config()["dates"]["slack"])
    blocks: dict[tuple[str, str], int] = {}
    ev: dict[str, list] = defaultdict(list)
    icell: dict[str, list] = defaultdict(list)
    lcell: dict[str, list] = defaultdict(list)
    months: dict[str, list] = defaultdict(list)
    words: dict[str, list] = defaultdict(list)  # copy cells (``merge._keys``): short windows
    for i, event_id in enumerate(ids):
        key = keys[event_id]
        if key.start is None or key.end is None:
            continue  # never indexed, never a candidate
        fg = blocks.setdefault(merge._block(key), len(blocks))
        coarse = merge._is_coarse(key)
        end = key.end.toordinal() + slack
        ev["i"].append(i)
        ev["fg"].append(fg)
        ev["s"].append(rules.first_day(key).toordinal())
        ev["e"].append(end)
        ev["doc"].append(key.doc_id)
        ev["sent"].append(key.sentence)
        ev["level"].append(key.level)
        ev["country"].append(key.country)
        ev["gid"].append(key.geonameid)
        ev["lat"].append(key.lat)
        ev["lon"].append(key.lon)
        if coarse:  # looks into the day buckets of its countries and of its two actors
            for kind, cc, x in _coarse_cells(key):
                lcell["i"].append(i)
                lcell["kind"].append(kind)
                lcell["cc"].append(cc)
                lcell["x"].append(x)
        else:
            index, lookup = _cells(key)
            lead = rules.wording_hashes(key) if key.published is not None else ()
            if lead:
                block = merge.wording_block(key.published)
                for h in lead:
                    words["i"].append(i)
                    words["fg"].append(fg)
                    words["h"].append(h)
                    words["blk"].append(block)
            for table, cells in ((icell, index), (lcell, lookup)):
                for kind, cc, x in cells:
                    table["i"].append(i)
                    table["kind"].append(kind)
                    table["cc"].append(cc)
                    table["x"].append(x)
        # month buckets: long windows are indexed there by their countries and actor pair,
        # everyone looks (``merge._month_keys``)
        pair = merge._pair(key)
        for country in [*merge._countries(key), *(["\x1f".join(pair)] if pair else [])]:
            months["i"].append(i)
            months["fg"].append(fg)
            months["cc"].append(country)
            months["m0"].append(_month(rules.first_day(key)))
            months["m1"].append(_month(key.end + merge._slack()))
            months["coarse"].append(coarse)
    if not ev["i"]:
        return ids, [], []
    own = con is None
    con = con or duckdb.connect()
    try:
        con.register("ev", pa.table({
            "i": pa.array(ev["i"], pa.int64()), "fg": pa.array(ev["fg"], pa.int64()),
            "s": pa.array(ev["s"], pa.int64()), "e": pa.array(ev["e"], pa.int64()),
            "doc": pa.array(ev["doc"], pa.string()), "sent": pa.array(ev["sent"], pa.int64()),
            "level": pa.array(ev["level"], pa.string()),
            "country": pa.array(ev["country"], pa.string()),
            "gid": pa.array(ev["gid"], pa.int64()), "lat": pa.array(ev["lat"], pa.float64()),
            "lon": pa.array(ev["lon"], pa.float64()),
        }))  # fmt: skip
        for name, table in (("icell", icell), ("lcell", lcell)):
            con.register(name, pa.table({
                "i": pa.array(table["i"], pa.int64()), "kind": pa.array(table["kind"], pa.string()),
                "cc": pa.array(table["cc"], pa.string()), "x": pa.array(table["x"], pa.string()),
            }))  # fmt: skip
        con.register("mon", pa.table({
            "i": pa.array(months["i"], pa.int64()), "fg": pa.array(months["fg"], pa.int64()),
            "cc": pa.array(months["cc"], pa.string()), "m0": pa.array(months["m0"], pa.int64()),
            "m1": pa.array(months["m1"], pa.int64()),
            "coarse": pa.array(months["coarse"], pa.bool_()),
        }))  # fmt: skip
        con.register("wd", pa.table({
            "i": pa.array(words["i"], pa.int64()), "fg": pa.array(words["fg"], pa.int64()),
            "h": pa.array(words["h"], pa.int64()), "blk": pa.array(words["blk"], pa.int64()),
        }))  # fmt: skip
        radius = rules.config()["radius_km"]
        sql = _PAIRS_SQL.format(point=float(radius["point"]) + _MARGIN_KM,
                                district=float(radius["district"]) + _MARGIN_KM)  # fmt: skip
        if not prune:
            sql = sql.split("WHERE NOT coalesce")[0]
        found = con.execute(sql).fetchnumpy()
    finally:
        for name in ("ev", "icell", "lcell", "mon", "wd"):
            with contextlib.suppress(duckdb.Error):
                con.unregister(name)
        if own:
            con.close()
    return ids, found["a"].tolist(), found["b"].tolist()


_PAIRS_SQL = """
WITH days AS (
    SELECT i, fg, unnest(range(s, e + 1)) AS day FROM ev
), ib AS MATERIALIZED (
    SELECT d.fg, d.day, c.kind, c.cc, c.x, c.i FROM days d JOIN icell c ON c.i = d.i
), lb AS MATERIALIZED (
    SELECT d.fg, d.day, c.kind, c.cc, c.x, c.i FROM days d JOIN lcell c ON c.i = d.i
), mi AS (
    SELECT i, fg, cc, unnest(range(m0, m1 + 1)) AS m FROM mon WHERE coarse
), ml AS (
    SELECT i, fg, cc, unnest(range(m0, m1 + 1)) AS m FROM mon
), cand AS (
    SELECT DISTINCT lb.i AS a, ib.i AS b FROM lb JOIN ib
        ON lb.fg = ib.fg AND lb.day = ib.day AND lb.kind = ib.kind AND lb.cc = ib.cc
           AND lb.x = ib.x
    WHERE lb.i <> ib.i
    UNION
    SELECT ml.i AS a, mi.i AS b FROM ml JOIN mi ON ml.fg = mi.fg AND ml.cc = mi.cc AND ml.m = mi.m
    WHERE ml.i <> mi.i
    UNION
    SELECT w1.i AS a, w2.i AS b FROM wd w1 JOIN wd w2 ON w1.fg = w2.fg AND w1.h = w2.h
        AND abs(w1.blk - w2.blk) <= 1
    WHERE w1.i <> w2.i
)
SELECT c.a, c.b FROM cand c JOIN ev x ON x.i = c.a JOIN ev y ON y.i = c.b
WHERE NOT coalesce(
    x.s > y.e OR y.s > x.e
    OR (x.doc = y.doc AND (x.sent IS NULL OR x.sent <> y.sent))
    OR (x.level IS NOT NULL AND y.level IS NOT NULL
        AND NOT coalesce(x.gid = y.gid, false)
        AND (
            coalesce(x.country <> '' AND y.country <> '' AND x.country <> y.country, false)
            OR (x.level IN ('point', 'district') AND y.level IN ('point', 'district')
                AND 2 * 6371.0088 * asin(least(1.0, sqrt(
                    pow(sin(radians(y.lat - x.lat) / 2), 2)
                    + cos(radians(x.lat)) * cos(radians(y.lat))
                      * pow(sin(radians(y.lon - x.lon) / 2), 2))))
                    > CASE WHEN 'district' IN (x.level, y.level) THEN {district} ELSE {point} END)
        )),
    false)
"""


def neighbour_map(keys: dict[str, Key]) -> dict[str, list[str]]:
    """Every event's neighbours, as ``Merger.neighbours`` gives them one by one (events
    without a date window have none)."""
    ids, a_col, b_col = candidate_pairs(keys)
    decided: dict[tuple[int, int], bool] = {}
    near: dict[str, list[str]] = {i: [] for i in ids}
    linked = rules.linked
    for a, b in zip(a_col, b_col, strict=True):
        pair = (a, b) if a < b else (b, a)
        ok = decided.get(pair)
        if ok is None:
            ok = decided[pair] = linked(keys[ids[pair[0]]], keys[ids[pair[1]]])
        if ok:
            near[ids[a]].append(ids[b])
    return near


__all__ = ["candidate_pairs", "neighbour_map"]
