"""Reading event keys from a store and writing situations back (``situations`` tables)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any

from sitmap.situations import records, rules
from sitmap.situations.merge import Merger, situation_id
from sitmap.situations.rules import Key
from sitmap.store import Store

KEY_COLUMNS = (
    "id", "doc_id", "sentence", "plover", "status", "source_code", "source_name", "source_country",
    "source_kind", "target_code", "target_name", "target_country", "target_kind", "lat", "lon",
    "geonameid", "country", "admin1", "feature_class", "feature_code", "date", "date_precision",
    "published", "outlet", "fatalities", "evidence",
)  # fmt: skip

RECORD_COLUMNS = (
    "id", "doc_id", "sentence", "plover", "cameo", "status", "evidence", "trigger", "source_code",
    "source_name", "source_text", "source_country", "source_kind", "target_code", "target_name",
    "target_text", "target_country", "target_kind", "place_text",
    "place_name", "geonameid", "country", "admin1", "lat", "lon", "feature_class",
    "feature_code", "date", "date_precision", "published", "outlet", "url", "cited_source",
    "speaker",
)  # fmt: skip

SITUATION_COLUMNS = (
    "id", "component", "plover", "cameo", "family", "status_group", "event_date",
    "date_precision", "date_start", "date_end", "place_name", "geonameid", "country", "admin1",
    "lat", "lon", "place_precision", "source_code", "source_name", "target_code", "target_name",
    "sources", "articles", "documents", "events", "outlets", "first_outlet", "first_published",
    "disagreements", "fulfilled_by", "record",
)  # fmt: skip

MEMBER_COLUMNS = ("situation_id", "event_id", "doc_id", "component", "voice", "outlet", "url",
                  "published", "status")  # fmt: skip


def key_query(where: str = "", places_where: str | None = None) -> str:
    """SELECT of ``KEY_COLUMNS`` plus each event's document places (``doc_places``,
    ``doc_countries``), with an optional WHERE clause on ``e.``-prefixed event columns (places
    are aggregated for the selected events' documents only, or for the documents that
    ``places_where`` selects: a constant ``doc_id IN (...)`` list can use the index)."""
    cols = ", ".join(f'e."{c}"' for c in KEY_COLUMNS)
    names = ", ".join(f'ev."{c}"' for c in KEY_COLUMNS)
    if places_where is None and where:
        places_where = "doc_id IN (SELECT doc_id FROM ev)"
    return (
        f"WITH ev AS (SELECT {cols} FROM events e" + (f" WHERE {where}" if where else "") + ") "
        f"SELECT {names}, p.gids, p.ccs FROM ev LEFT JOIN ("
        "SELECT doc_id, list(DISTINCT geonameid) FILTER (WHERE geonameid IS NOT NULL) AS gids, "
        "list(DISTINCT country) FILTER (WHERE country IS NOT NULL) AS ccs FROM places "
        + (f"WHERE {places_where} " if places_where else "")
        + "GROUP BY doc_id) p ON p.doc_id = ev.doc_id"
    )


SMALL = 2000
"""Up to this many ids, lookups use a constant ``IN (...)`` list (an index scan); beyond it,
a join with an Arrow table of the ids (one scan of the table, cheaper than a huge list)."""


def key_from(values: tuple, shared: Shared | None = None) -> Key:
    """A ``Key`` from one row of ``key_query`` (its parts shared with other keys' equal ones
    through ``shared``, when given)."""
    row = dict(zip(KEY_COLUMNS, values, strict=False))
    row["doc_places"], row["doc_countries"] = values[len(KEY_COLUMNS)], values[-1]
    key = rules.key_of(row)
    key.evidence = ""  # kept as its word hashes (``Key.wording``), not as text
    return shared.share(key) if shared is not None else key


class Shared:
    """One object for equal parts of many keys: the ``Updater`` holds every event's key in
    memory (~2.4 KB each as read), and an event's document places, actors, dates and short
    strings repeat across the events of a document and of a story. Sharing them keeps a
    100,000-document store's keys to about half the memory; the keys compare as before."""

    _PARTS = ("doc_id", "plover", "family", "group", "country", "admin1", "level", "outlet",
              "start", "end", "published", "retold_from", "source", "target", "doc_places",
              "doc_countries", "wording")  # fmt: skip

    def __init__(self) -> None:
        self._parts: dict[Any, Any] = {}

    def share(self, key: Key) -> Key:
        parts = self._parts
        for name in self._PARTS:
            value = getattr(key, name)
            if value is not None:
                setattr(key, name, parts.setdefault(value, value))
        key.order = (key.start or key.order[0], key.published or key.order[1], key.id)
        return key


def iter_keys(
    store: Store, doc_ids: Iterable[str] | None = None, shared: Shared | None = None
) -> Iterator[Key]:
    """The merge keys of stored events (of ``doc_ids`` only when given; equal parts shared
    through ``shared``, when given)."""
    query, params = key_query(), []
    if doc_ids is not None:
        ids = sorted(set(doc_ids))
        if not ids:
            return
        marks = ", ".join("?" * len(ids))
        query = key_query(f"e.doc_id IN ({marks})", f"doc_id IN ({marks})")
        params = ids + ids
    cur = store.con.cursor().execute(query, params)
    while chunk := cur.fetchmany(5000):
        for values in chunk:
            yield key_from(values, shared)


def evidence(store: Store, event_ids: list[str]) -> dict[str, str]:
    """Event id -> its evidence sentence (for the clustering's tie-breaks, read on demand: the
    keys held in memory do not carry the text)."""
    out: dict[str, str] = {}
    for i in range(0, len(event_ids), 2000):  # constant IN lists of ``SMALL``'s size: index scans
        chunk = event_ids[i : i + 2000]
        rows = store.con.execute(
            f"SELECT id, evidence FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        ).fetchall()
        out.update((event_id, text or "") for event_id, text in rows)
    return out


def members_of(store: Store, doc_ids: list[str]) -> set[str]:
    """Ids of the stored situation members of these documents."""
    out: set[str] = set()
    for i in range(0, len(doc_ids), 2000):  # constant IN lists of ``SMALL``'s size
        chunk = doc_ids[i : i + 2000]
        rows = store.con.execute(
            "SELECT event_id FROM situation_members "
            f"WHERE doc_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        out.update(r[0] for r in rows)
    return out


def stored_components(store: Store) -> dict[str, str]:
    """event id -> component id of every stored member."""
    return dict(store.con.execute("SELECT event_id, component FROM situation_members").fetchall())


def event_rows(store: Store, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The columns a record needs, for these events (``fatalities`` too when the store has it)."""
    ids = list(event_ids)
    if not ids:
        return {}
    cols = list(RECORD_COLUMNS)
    if "fatalities" in store._arrow_types("events"):  # (cached: no catalog query a batch)
        cols.append("fatalities")
    import pyarrow as pa

    select = ", ".join(f'e."{c}"' for c in cols)
    out: dict[str, dict[str, Any]] = {}

    def read(cur: Any) -> dict[str, dict[str, Any]]:
        while chunk := cur.fetchmany(5000):
            for values in chunk:
                row = dict(zip(cols, values, strict=True))
                out[row["id"]] = row
        return out

    if len(ids) <= SMALL:
        marks = ", ".join("?" * len(ids))
        return read(
            store.con.execute(f"SELECT {select} FROM events e WHERE e.id IN ({marks})", ids)
        )
    store.con.register("_sitmap_ids", pa.table({"id": pa.array(ids, type=pa.string())}))
    try:
        return read(
            store.con.execute(f"SELECT {select} FROM events e JOIN _sitmap_ids i ON e.id = i.id")
        )
    finally:
        store.con.unregister("_sitmap_ids")


def copies(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, int]:
    """first copy's doc id -> how many exact and near-duplicate copies the store holds (of
    ``doc_ids`` only when given: an ingest batch reads its own, not the whole table)."""
    if doc_ids is None:
        rows = store.con.execute(
            "SELECT duplicate_of, count(*) FROM duplicates GROUP BY 1"
        ).fetchall()
        return {d: int(n) for d, n in rows if d}
    import pyarrow as pa

    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    if len(ids) <= SMALL:
        rows = store.con.execute(
            "SELECT duplicate_of, count(*) FROM duplicates "
            f"WHERE duplicate_of IN ({', '.join('?' * len(ids))}) GROUP BY 1",
            ids,
        ).fetchall()
        return {d: int(n) for d, n in rows if d}
    store.con.register("_sitmap_docs", pa.table({"d": pa.array(ids, type=pa.string())}))
    try:
        rows = store.con.execute(
            "SELECT duplicate_of, count(*) FROM duplicates "
            "WHERE duplicate_of IN (SELECT d FROM _sitmap_docs) GROUP BY 1"
        ).fetchall()
    finally:
        store.con.unregister("_sitmap_docs")
    return {d: int(n) for d, n in rows if d}


def write(
    store: Store,
    merger: Merger,
    old: set[str],
    fresh: list[tuple[str, list[list[Key]]]],
    fulfilled: dict[str, str | None] | None = None,
) -> int:
    """Replace the situations of the components ``old`` with those in ``fresh`` (``fulfilled``:
    situation id -> the situation that fulfils it, written with the row; none by default)."""
    ids = [k.id for _, sits in fresh for s in sits for k in s]
    rows = event_rows(store, ids)
    dup = copies(store, {k.doc_id for _, sits in fresh for s in sits for k in s})
    sit_rows: list[tuple] = []
    member_rows: list[tuple] = []
    for comp, situations in fresh:
        for members in situations:
            sid = merger.situation.get(members[0].id) or situation_id(members)
            rec = records.build(sid, comp, members, rows, dup)
            if fulfilled:
                rec["fulfilled_by"] = fulfilled.get(sid)
            sit_rows.append(_situation_row(rec))
            voices = {m["event_id"]: m["voice"] for m in rec["record"]["members"]}
            for key in members:
                ev = rows.get(key.id, {})
                member_rows.append((
                    sid, key.id, key.doc_id, comp, voices.get(key.id), ev.get("outlet"),
                    ev.get("url"), ev.get("published"), ev.get("status"),
                ))  # fmt: skip
    gone = sorted(old)
    replaced = sorted(merger.replaced)  # situations of attached events (``bounded``), by id
    with store._transaction():
        if gone:
            _delete(store, gone)
        for i in range(0, len(replaced), 2000):  # constant IN lists of ``SMALL``'s size
            chunk = replaced[i : i + 2000]
            marks = ", ".join("?" * len(chunk))
            store.con.execute(f"DELETE FROM situations WHERE id IN ({marks})", chunk)
            store.con.execute(
                f"DELETE FROM situation_members WHERE situation_id IN ({marks})", chunk
            )
        store._insert("situations", SITUATION_COLUMNS, sit_rows)
        store._insert("situation_members", MEMBER_COLUMNS, member_rows)
    return len(sit_rows)


def _delete(store: Store, components: list[str]) -> None:
    import pyarrow as pa

    if len(components) <= SMALL:
        marks = ", ".join("?" * len(components))
        for table in ("situations", "situation_members"):
            store.con.execute(f"DELETE FROM {table} WHERE component IN ({marks})", components)
        return

    store.con.register("_sitmap_gone", pa.table({"c": pa.array(components, type=pa.string())}))
    try:
        for table in ("situations", "situation_members"):
            store.con.execute(
                f"DELETE FROM {table} WHERE component IN (SELECT c FROM _sitmap_gone)"
            )
    finally:
        store.con.unregister("_sitmap_gone")


def _situation_row(rec: dict[str, Any]) -> tuple:
    out = []
    for col in SITUATION_COLUMNS:
        value = rec.get(col)
        if col in ("outlets", "disagreements", "record"):
            value = json.dumps(value, ensure_ascii=False, default=str)
        out.append(value)
    return tuple(out)


def stored_situations(store: Store) -> dict[str, str]:
    """event id -> situation id of every stored member."""
    rows = store.con.execute("SELECT event_id, situation_id FROM situation_members").fetchall()
    return dict(rows)


def stored_links(store: Store) -> dict[str, str | None]:
    """predicted situation id -> the situation that fulfils it (None: not yet)."""
    rows = store.con.execute(
        "SELECT id, fulfilled_by FROM situations WHERE status_group = 'predicted'"
    ).fetchall()
    return dict(rows)


def prediction_links(
    merger: Merger,
    fresh: list[tuple[str, list[list[Key]]]],
    links: dict[str, str | None],
    linked_to: dict[str, list[str]] | None = None,
) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The links of the last recluster: (situation id -> the situation that fulfils it, for
    every situation it wrote: to write with the row; the links of situations it did not write
    that changed: to update in place). ``links`` (id -> target, as stored after this batch)
    is kept in step; see ``Merger.predictions_to_relink``. ``linked_to`` (``links_to`` of the
    links stored before this run, emptied as it goes): a stored prediction whose target was
    re-clustered is linked again, though the merger never learnt which fact it was (a resumed
    run: its ``_best_of`` knows only the predictions it linked itself)."""
    written = {merger.situation[s[0].id] for _, sits in fresh for s in sits}
    relink = merger.predictions_to_relink(fresh)
    for sid in merger.gone if linked_to else ():
        relink.update(p for p in linked_to.pop(sid, ()) if p in merger.situation_members)
    for sid in merger.gone:  # (situations leave only by a recluster: not a scan of ``links``)
        if sid not in merger.situation_members:
            links.pop(sid, None)  # replaced by a re-clustered situation
    for sid in written:
        if sid in links:
            links[sid] = None  # written again with no link unless it has one now
    with_rows: dict[str, str | None] = {}
    changed: dict[str, str | None] = {}
    for sid in relink:
        target = merger.fulfilment(sid)
        if sid in written:
            with_rows[sid] = target
        elif links.get(sid) != target:
            changed[sid] = target
        links[sid] = target
    return with_rows, changed


def links_to(links: dict[str, str | None]) -> dict[str, list[str]]:
    """Target situation id -> the predicted situations ``links`` links to it."""
    out: dict[str, list[str]] = {}
    for sid, target in links.items():
        if target is not None:
            out.setdefault(target, []).append(sid)
    return out


def update_links(store: Store, changed: dict[str, str | None]) -> None:
    """Set ``fulfilled_by`` of situations written in an earlier batch whose link changed."""
    if changed:
        with store._transaction():
            store.con.executemany(
                "UPDATE situations SET fulfilled_by = ? WHERE id = ?",
                [(target, sid) for sid, target in changed.items()],
            )


def horizon() -> timedelta:
    return timedelta(days=int(rules.config()["prediction_horizon_days"]))


__all__ = [
    "KEY_COLUMNS",
    "MEMBER_COLUMNS",
    "SITUATION_COLUMNS",
    "copies",
    "event_rows",
    "evidence",
    "iter_keys",
    "links_to",
    "members_of",
    "prediction_links",
    "stored_components",
    "stored_links",
    "stored_situations",
    "update_links",
    "write",
]
