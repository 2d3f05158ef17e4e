"""Many sources, one picture: events of many documents merged into situations.

::

    from sitmap import situations
    from sitmap.store import Store

    with Store("sitmap.duckdb") as store:
        situations.build(store)                      # from scratch (ingest keeps it up to date)
        situations.query(store, min_sources=2, plover="ASSAULT", since="2017-10-01")
        situations.get(store, "3f1c...")             # one situation with its members
        situations.outlets(store)                    # each outlet's track record

A **situation** is one real-world event as told by one or more documents: its member events,
canonical fields (the most precise place and date the members agree on), ``sources`` (the
number of independent outlets: copies and wire re-runs are one voice), the first report, and
the members' disagreements. The merge rules are in ``sitmap.situations.rules`` (and
``data/situations.yaml``); blocking and clustering in ``sitmap.situations.merge``; the record in
``sitmap.situations.records``; the track record in ``sitmap.situations.track``; the
fact-checker's ``check`` in ``sitmap.situations.check``.

Every event is in exactly one situation (most in one of their own). ``ingest`` updates the
situations after each batch it writes (``Updater``); ids come from content, so a re-run, a
resumed run and ``build`` give the same situations.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import date
from typing import Any

import duckdb

from sitmap.errors import SitmapError
from sitmap.situations import bounded, tables
from sitmap.situations.merge import Merger
from sitmap.store import Store, _alpha2, _as_date

FLAT_COLUMNS = tuple(c for c in tables.SITUATION_COLUMNS if c not in ("record", "component"))
"""Columns of a flat situation row (``query(nested=False)``)."""


class Updater:
    """Keeps a store's situations up to date as documents are written (one per ingest run)."""

    def __init__(
        self, store: Store, *, blocking: bool = True, cap: int | bool | None = True
    ) -> None:
        self.store = store
        # ``cap``: True, ``bounded.component_cap()``; None: every component clustered whole
        self.merger = Merger(blocking=blocking, cap=bounded.component_cap() if cap is True else cap)
        self.merger.texts = lambda ids: tables.evidence(store, ids)
        self.shared = tables.Shared()  # equal parts of the keys held once (memory)
        self.merger.load(
            tables.iter_keys(store, shared=self.shared),
            tables.stored_components(store),
            tables.stored_situations(store),
        )
        self.links = tables.stored_links(store)
        self.linked_to = tables.links_to(self.links)  # (stored links: see ``prediction_links``)

    def update(self, doc_ids: Iterable[str] | None = None) -> dict[str, Any]:
        """Merge the events of these (new or rewritten) documents; all pending ones if None."""
        started = time.perf_counter()
        if doc_ids is not None:
            ids = sorted(set(doc_ids))
            self.merger.remove(self._events_of(ids))  # (a rewritten document's old events)
            self.merger.add(tables.iter_keys(self.store, ids, self.shared))
        old, fresh = self.merger.recluster()
        written = linked = 0
        if old or fresh:
            # the links first: a written situation's goes in with its row (no UPDATE after)
            with_rows, changed = tables.prediction_links(
                self.merger, fresh, self.links, self.linked_to
            )
            written = tables.write(self.store, self.merger, old, fresh, with_rows)
            tables.update_links(self.store, changed)
            linked = len(changed) + sum(t is not None for t in with_rows.values())
        return {
            "situations_written": written,
            "components": len(fresh),
            "predictions_relinked": linked,
            "seconds": round(time.perf_counter() - started, 3),
        }

    def _events_of(self, doc_ids: list[str]) -> list[str]:
        """The merged events of these documents (their stored members: not an index of every
        document held in memory) and those not merged yet."""
        if not doc_ids:
            return []
        found = tables.members_of(self.store, doc_ids)
        docs = set(doc_ids)
        keys = self.merger.keys
        found.update(i for i in self.merger.pending() if keys[i].doc_id in docs)
        return sorted(i for i in found if i in keys)

    def count_copies(self) -> None:
        """Recount ``articles`` (members' documents + their stored copies) of every situation.

        Copies (exact and near duplicates) are recorded without events, so they change no
        situation but its article count; ``ingest`` calls this once at the end of a run.
        """
        with self.store._transaction():
            self.store.con.execute(
                "UPDATE situations SET articles = documents + coalesce((SELECT count(*) "
                "FROM duplicates d WHERE d.duplicate_of IN (SELECT m.doc_id FROM "
                "situation_members m WHERE m.situation_id = situations.id)), 0)"
            )


def build(store: Store, *, vectorised: bool = True) -> dict[str, Any]:
    """Merge every stored event into situations from scratch (replaces the tables' rows).

    ``vectorised`` (the default) finds every event's neighbours at once in DuckDB
    (``sitmap.situations.pairs``); ``False`` looks each event up in the buckets, rule by rule,
    as an incremental update does. Both give identical situations.
    """
    from sitmap.situations import pairs

    store._writable()
    started = time.perf_counter()
    with store._transaction():
        store.con.execute("DELETE FROM situation_members")
        store.con.execute("DELETE FROM situations")
    with store.session():
        updater = Updater(store, blocking=not vectorised, cap=None)
        if vectorised:
            updater.merger.prime(pairs.neighbour_map(updater.merger.keys))
        result = updater.update(None)
    result["seconds"] = round(time.perf_counter() - started, 3)
    result.update(summary(store))
    return result


def update(store: Store, doc_ids: Iterable[str]) -> dict[str, Any]:
    """Merge the events of these documents into the stored situations (see ``Updater``)."""
    return Updater(store).update(doc_ids)


def summary(store: Store) -> dict[str, Any]:
    """Counts: situations, multi-source situations, events merged, by sources."""
    n, multi, events = store.con.execute(
        "SELECT count(*), count(*) FILTER (WHERE sources > 1), "
        "coalesce(sum(events) FILTER (WHERE events > 1), 0) FROM situations"
    ).fetchone()
    by = store.con.execute(
        "SELECT sources, count(*) FROM situations GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return {
        "situations": int(n),
        "multi_source": int(multi),
        "events_in_merged": int(events),
        "by_sources": {str(s): int(c) for s, c in by},
    }


def query(
    store: Store,
    *,
    plover: str | Iterable[str] | None = None,
    status_group: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    country: str | None = None,
    place: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    min_sources: int | None = None,
    near: tuple[float, float, float] | None = None,
    situation_id: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    nested: bool = False,
) -> list[dict[str, Any]]:
    """Situations matching every filter given, most sources first, then newest.

    * ``plover``: one type or several; ``status_group``: factual, predicted, hypothetical,
      negated; ``actor``: code prefix or name substring (source or target);
    * ``outlet``: situations with a member from this outlet (case-insensitive);
    * ``country`` (ISO alpha-2 or alpha-3) / ``place`` (name or admin1 substring) /
      ``near=(lat, lon, km)``;
    * ``since`` / ``until``: inclusive bounds on the situation's date window;
    * ``min_sources``: at least this many independent outlets.

    Flat rows (``FLAT_COLUMNS``, ``outlets`` and ``disagreements`` as lists) by default;
    ``nested=True`` gives each full record with ``members`` (event, document, outlet, url,
    published, evidence, voice).
    """
    where, params = _where(
        plover=plover, status_group=status_group, actor=actor, outlet=outlet, country=country,
        place=place, since=since, until=until, min_sources=min_sources, near=near,
        situation_id=situation_id,
    )  # fmt: skip
    cols = ", ".join(f'"{c}"' for c in (*FLAT_COLUMNS, "record"))
    sql = f"SELECT {cols} FROM situations"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY sources DESC, date_start DESC NULLS LAST, id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    try:
        cur = store.con.execute(sql, params)
    except duckdb.Error as exc:  # e.g. no situations table in an old store opened read-only
        raise SitmapError(
            f"cannot read situations from {store.path}: {str(exc).splitlines()[0]}",
            hint="open the store read-write once (`sitmap ingest` or `sitmap situations "
            "--rebuild`)",
        ) from exc
    names = [d[0] for d in cur.description]
    out = []
    for values in cur.fetchall():
        row = dict(zip(names, values, strict=True))
        record = row.pop("record")
        row["outlets"] = json.loads(row["outlets"] or "[]")
        row["disagreements"] = json.loads(row["disagreements"] or "[]")
        for k in ("event_date", "date_start", "date_end", "first_published"):
            row[k] = row[k].isoformat() if isinstance(row[k], date) else row[k]
        out.append({**json.loads(record), **row} if nested else row)
    return out


def get(store: Store, situation_id: str) -> dict[str, Any] | None:
    """One situation's full record (with members), or None."""
    found = query(store, situation_id=situation_id, limit=1, nested=True)
    return found[0] if found else None


def situation_of(store: Store, event_id: str) -> str | None:
    """The id of the situation an event belongs to."""
    row = store.con.execute(
        "SELECT situation_id FROM situation_members WHERE event_id = ?", [event_id]
    ).fetchone()
    return row[0] if row else None


def _where(**f: Any) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f["plover"]:
        values = [f["plover"]] if isinstance(f["plover"], str) else list(f["plover"])
        where.append(f"plover IN ({', '.join('?' * len(values))})")
        params += [v.upper() for v in values]
    if f["status_group"]:
        where.append("status_group = ?")
        params.append(f["status_group"].lower())
    if f["actor"]:
        a = f["actor"]
        where.append(
            "(starts_with(source_code, ?) OR starts_with(target_code, ?) "
            "OR contains(lower(coalesce(source_name, '')), ?) "
            "OR contains(lower(coalesce(target_name, '')), ?))"
        )
        params += [a.upper(), a.upper(), a.lower(), a.lower()]
    if f["outlet"]:
        where.append("id IN (SELECT situation_id FROM situation_members WHERE lower(outlet) = ?)")
        params.append(f["outlet"].lower())
    if f["country"]:
        where.append("country = ?")
        params.append(_alpha2(f["country"]))
    if f["place"]:
        where.append(
            "(contains(lower(coalesce(place_name, '')), ?) "
            "OR contains(lower(coalesce(admin1, '')), ?))"
        )
        params += [f["place"].lower()] * 2
    if f["since"]:
        where.append("coalesce(date_end, event_date, first_published) >= ?")
        params.append(_as_date(f["since"], "since"))
    if f["until"]:
        where.append("coalesce(date_start, event_date, first_published) <= ?")
        params.append(_as_date(f["until"], "until"))
    if f["min_sources"]:
        where.append("sources >= ?")
        params.append(int(f["min_sources"]))
    if f["situation_id"]:
        where.append("id = ?")
        params.append(f["situation_id"])
    if f["near"]:
        lat, lon, km = (float(v) for v in f["near"])
        where.append(
            "lat IS NOT NULL AND 2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + "
            "cos(radians(?)) * cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2))) <= ?"
        )
        params += [lat, lat, lon, km]
    return where, params


def outlets(store: Store, **kwargs: Any) -> list[dict[str, Any]]:
    """Each outlet's track record (see ``sitmap.situations.track.outlets``)."""
    from sitmap.situations.track import outlets as run

    return run(store, **kwargs)


__all__ = [
    "FLAT_COLUMNS",
    "Updater",
    "build",
    "get",
    "outlets",
    "query",
    "situation_of",
    "summary",
    "update",
]
