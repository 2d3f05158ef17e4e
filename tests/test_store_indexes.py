"""The store's lookup indexes: one ingest batch reads its own rows, not whole tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from _situation_samples import report

from sitmap import situations
from sitmap.situations import tables
from sitmap.store import Store

LOOKUP_INDEXES = {
    "events_doc_id", "events_id", "actors_doc_id", "places_doc_id", "dates_doc_id",
    "duplicates_duplicate_of", "situations_component", "situation_members_component",
}  # fmt: skip


def _reports(n: int) -> list:
    """``n`` reports of strikes in three towns on several days, by several outlets."""
    towns = ("Mogadishu", "Afgooye", "Kismayo")
    return [
        report(f"Outlet {i % 7}", f"2017-10-{10 + i % 15:02d}",
               f"Report {i}: an al-Shabaab car bomb killed {i % 9 + 2} people in {towns[i % 3]} "
               "on Saturday.",
               trigger="killed", place=towns[i % 3], date=f"2017-10-{9 + i % 15:02d}",
               source="al-Shabaab")
        for i in range(n)
    ]  # fmt: skip


def _index_names(store: Store) -> set[str]:
    return {n for (n,) in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}


def test_store_has_lookup_indexes_and_old_stores_get_them(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        assert _index_names(store) >= LOOKUP_INDEXES
        for name in LOOKUP_INDEXES:  # a store written before the migration
            store.con.execute(f"DROP INDEX {name}")
        store.con.execute("DELETE FROM schema_version WHERE name = '0005_lookup_indexes'")
    with Store(path) as store:
        assert _index_names(store) >= LOOKUP_INDEXES


def test_store_batch_lookup_scans_the_index(tmp_path: Path) -> None:
    docs = _reports(300)
    with Store(tmp_path / "s.duckdb") as store:
        store.write_many(docs)
        ids = [d.id for d in docs[:5]]
        marks = ", ".join("?" * len(ids))
        query = tables.key_query(f"e.doc_id IN ({marks})", f"doc_id IN ({marks})")
        plan = store.con.execute("EXPLAIN ANALYZE " + query, ids + ids).fetchall()[0][1]
        assert plan.count("Index Scan") == 2  # events and places, no sequential scan of either
        assert {k.doc_id for k in tables.iter_keys(store, ids)} == set(ids)


@pytest.mark.parametrize("small", [0, tables.SMALL])
def test_situations_same_with_either_lookup_path(monkeypatch, small: int) -> None:
    """Constant id lists (index scans) and Arrow-table joins read the same rows."""
    monkeypatch.setattr(tables, "SMALL", small)
    docs = _reports(40)
    incremental = Store(":memory:")
    updater = situations.Updater(incremental)
    for i in range(0, len(docs), 8):  # ingest-sized batches
        incremental.write_many(docs[i : i + 8])
        updater.update([d.id for d in docs[i : i + 8]])
    incremental.write_many(docs[:8])  # a rewritten batch replaces its situations
    updater.update([d.id for d in docs[:8]])
    monkeypatch.setattr(tables, "SMALL", 10**9)
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)

    def snapshot(store: Store) -> list[tuple]:
        return sorted((s["id"], s["sources"], s["events"],
                       tuple(sorted(m["event_id"] for m in s["members"])))
                      for s in situations.query(store, nested=True, limit=None))  # fmt: skip

    assert snapshot(incremental) == snapshot(full)
    assert any(s[1] > 1 for s in snapshot(full))  # reports of one strike merged
    ev_ids = [r[0] for r in full.con.execute("SELECT id FROM events").fetchall()]
    monkeypatch.setattr(tables, "SMALL", small)
    assert set(tables.event_rows(full, ev_ids)) == set(ev_ids)
