"""The DuckDB store: migrations, idempotent atomic writes, every query filter, the SQL guard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _store_samples import sample_documents

from sitmap import store as store_module
from sitmap.errors import StoreError
from sitmap.model import Document, Skip
from sitmap.store import FLAT_EVENT_COLUMNS, Store


@pytest.fixture()
def docs() -> list[Document]:
    return sample_documents()


def _filled(path: Path) -> Store:
    store = Store(path)
    for doc in sample_documents():
        store.write(doc)
    return store


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Store:
    """One store shared by the read-only tests."""
    store = _filled(tmp_path_factory.mktemp("store") / "t.duckdb")
    yield store
    store.close()


@pytest.fixture()
def fresh(tmp_path: Path) -> Store:
    """A store of its own for a test that writes."""
    store = _filled(tmp_path / "t.duckdb")
    yield store
    store.close()


def _ids(rows: list[dict]) -> set[str]:
    return {r["id"] for r in rows}


def _by_trigger(docs: list[Document], *triggers: str) -> set[str]:
    return {e.id for d in docs for e in d.events if e.trigger in triggers}


def test_store_migrations_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    with Store(path) as s:
        assert s.schema_version[0] == "0001_initial"
        assert s.schema_version == [name for name, _ in store_module.MIGRATIONS]
    with Store(path) as s:  # reopening applies nothing twice
        assert s.sql("SELECT count(*) FROM schema_version")[1] == [(len(store_module.MIGRATIONS),)]


def test_store_new_migration_applied_on_open(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "m.duckdb"
    Store(path).close()
    extra = (*store_module.MIGRATIONS, ("9999_test_column", "ALTER TABLE events ADD note VARCHAR"))
    monkeypatch.setattr(store_module.core, "MIGRATIONS", extra)
    with pytest.raises(StoreError, match="needs schema migrations"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.schema_version == [n for n, _ in extra]
        assert "note" in s.sql("SELECT * FROM events LIMIT 0")[0]


def test_store_write_is_idempotent(fresh: Store, docs: list[Document]) -> None:
    before = fresh.stats()
    for doc in docs:
        fresh.write(doc)
    after = fresh.stats()
    assert after["documents"] == before["documents"] == 4
    assert after["events"] == before["events"] == 8
    assert fresh.sql("SELECT count(*), count(DISTINCT id) FROM events")[1] == [(8, 8)]
    assert fresh.sql("SELECT count(*) FROM actors")[1] == [(3,)]


def test_store_write_replaces_a_documents_rows(fresh: Store, docs: list[Document]) -> None:
    doc = docs[0]
    dropped = doc.events.pop()
    fresh.write(doc)
    stored = fresh.events(doc_id=doc.id)
    assert len(stored) == 2 and dropped.id not in _ids(stored)


def test_store_write_is_one_transaction(tmp_path: Path, docs: list[Document], monkeypatch) -> None:
    store = Store(tmp_path / "t.duckdb")
    real = Store._insert

    def failing(self, table, columns, rows):
        if table == "places":
            raise RuntimeError("disk full")
        return real(self, table, columns, rows)

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.write(docs[0])
    monkeypatch.undo()
    # Neither the document nor its events (inserted before the failure) were kept.
    assert store.sql("SELECT count(*) FROM documents")[1] == [(0,)]
    assert store.sql("SELECT count(*) FROM events")[1] == [(0,)]
    store.write(docs[0])
    assert store.sql("SELECT count(*) FROM events")[1] == [(3,)]
    store.close()


def test_store_document_round_trip(filled: Store, docs: list[Document]) -> None:
    back = filled.document(docs[0].id)
    assert back is not None
    assert back.text == docs[0].text and back.published == date(2017, 9, 13)
    assert sorted(e.id for e in back.events) == sorted(e.id for e in docs[0].events)
    original = {e.id: e for e in docs[0].events}
    assert all(e == original[e.id] for e in back.events)


def test_store_event_date_never_invented(filled: Store, docs: list[Document]) -> None:
    by_id = {r["id"]: r for r in filled.events()}
    quoted, coalition = docs[0].events[0], docs[0].events[1]
    assert by_id[quoted.id]["event_date"] == date(2017, 9, 11)
    assert by_id[quoted.id]["date_basis"] == "text"
    assert by_id[coalition.id]["date"] is None
    # The text gives no date: the event date stays empty, the publication date has its column.
    assert by_id[coalition.id]["event_date"] is None
    assert by_id[coalition.id]["date_basis"] is None
    assert by_id[coalition.id]["published"] == date(2017, 9, 13)


def test_store_migration_empties_publication_dates_of_old_stores(tmp_path, docs) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write_many(docs)
    con = duckdb.connect(str(path))  # as a store before 0003 wrote it
    con.execute(
        "UPDATE events SET event_date = published, date_basis = 'published' WHERE date IS NULL"
    )
    con.execute("DELETE FROM schema_version WHERE name = '0004_event_date_from_text_only'")
    con.close()
    with Store(path) as store:
        rows = store.events()
        assert "0004_event_date_from_text_only" in store.schema_version
    undated = [r for r in rows if r["date"] is None]
    assert undated and all(r["event_date"] is None and r["published"] for r in undated)
    assert all(r["event_date"] == r["date"] for r in rows if r["date"] is not None)


@pytest.mark.parametrize(
    ("filters", "triggers"),
    [
        ({"actor": "SYR"}, ("shelled", "attacked", "pounded")),  # code prefix, source or target
        ({"actor": "IMGINS"}, ("struck",)),  # target code prefix
        ({"actor": "aoun"}, ("met",)),  # name substring, case-insensitive
        ({"plover": "protest"}, ("marched",)),
        ({"plover": ["CONSULT", "THREATEN"]}, ("met", "punish")),
        ({"status": "negated"}, ("bomb",)),
        ({"status": ["quoted", "reported"]}, ("shelled", "pounded")),
        ({"outlet": "reuters"}, ("marched", "met", "pounded")),
        ({"since": "2017-12-01"}, ("marched", "met")),
        ({"until": "2017-09-12"}, ("shelled", "pounded")),  # text date 09-11, not published 09-13
        ({"since": "2017-09-13", "until": "2017-10"}, ("struck", "attacked")),
        ({"place": "raqq"}, ("struck", "attacked")),
        ({"place": "beyrouth"}, ("marched", "met")),  # admin1
        ({"near": (35.33, 40.14, 10)}, ("shelled", "pounded")),
        ({"near": (35.33, 40.14, 150)}, ("shelled", "pounded", "struck", "attacked")),
        ({"country": "LB"}, ("marched", "met")),
        ({"country": "SYR"}, ("shelled", "pounded", "struck", "attacked")),  # alpha-3
        ({"actor": "SYR", "plover": "ASSAULT", "status": "asserted"}, ("attacked",)),
        ({"min_confidence": 0.8}, ("shelled", "marched", "met", "pounded")),
        ({"min_confidence": 0.0, "plover": "THREATEN"}, ("punish",)),  # 0 keeps every event
    ],
)
def test_store_events_filters(filled: Store, docs, filters: dict, triggers: tuple) -> None:
    rows = filled.events(**filters)
    assert _ids(rows) == _by_trigger(docs, *triggers)


def test_store_events_limit_and_order(filled: Store) -> None:
    rows = filled.events(limit=3)
    assert len(rows) == 3
    dated = [r["event_date"] for r in rows if r["event_date"] is not None]
    assert dated == sorted(dated) and rows[0]["event_date"] == date(2017, 9, 11)


def test_store_events_near_gives_distance(filled: Store) -> None:
    rows = filled.events(near=(35.33588, 40.14084, 5))
    assert rows and all(r["distance_km"] < 0.01 for r in rows)


def test_store_events_nested_round_trips(filled: Store, docs) -> None:
    from sitmap.model import Event

    rec = filled.events(plover="PROTEST", nested=True)[0]
    assert rec["outlet"] == "Reuters" and rec["event_date"] == "2017-12-03"
    assert Event.from_dict(rec) == docs[1].events[0]


def test_store_events_rows_have_flat_columns(filled: Store) -> None:
    assert list(filled.events(limit=1)[0]) == list(FLAT_EVENT_COLUMNS)


def test_store_events_bad_filter_is_store_error(filled: Store) -> None:
    with pytest.raises(StoreError, match="not a date"):
        filled.events(since="last week")
    with pytest.raises(StoreError, match="unknown country"):
        filled.events(country="XYZ")


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "INSERT INTO skips (id) VALUES ('x')",
        "COPY events TO '/tmp/sitmap-leak.csv'",
        "SELECT 1; DELETE FROM events",
        "ATTACH 'other.duckdb' AS o",
    ],
)
def test_store_sql_refuses_writes(filled: Store, query: str) -> None:
    with pytest.raises(StoreError):
        filled.sql(query)
    assert filled.sql("SELECT count(*) FROM events")[1] == [(8,)]


def test_store_sql_select_and_with(filled: Store) -> None:
    cols, rows = filled.sql(
        "WITH t AS (SELECT plover, count(*) AS n FROM events GROUP BY 1) "
        "SELECT * FROM t ORDER BY n DESC, plover"
    )
    assert cols == ["plover", "n"] and rows[0] == ("ASSAULT", 5)


def test_store_read_only(tmp_path: Path, docs) -> None:
    path = tmp_path / "ro.duckdb"
    with pytest.raises(StoreError, match="no sitmap database"):
        Store(path, read_only=True)
    with Store(path) as s:
        s.write(docs[0])
    with Store(path, read_only=True) as s:
        assert s.stats()["events"] == 3
        with pytest.raises(StoreError, match="read-only"):
            s.write(docs[1])


def test_store_duplicates_and_skips(fresh: Store, docs) -> None:
    copy = Document(text=docs[1].text, source="Reuters", path="mirror/beirut.txt")
    near = Document(text=docs[1].text + " Police said.", source="Reuters", path="b2.txt")
    fresh.add_duplicate(copy, duplicate_of=docs[1].id, kind="exact")
    fresh.add_duplicate(near, duplicate_of=docs[1].id, kind="near", similarity=0.93)
    fresh.add_duplicate(near, duplicate_of=docs[1].id, kind="near", similarity=0.93)
    skip = Skip(reason="binary", message="photo.jpg: a JPEG image", path="photo.jpg")
    fresh.add_skip(skip)
    fresh.add_skip(skip)
    fresh.add_skip(Skip(reason="not-english", message="x: German", path="de.txt", detail="de"))
    stats = fresh.stats()
    assert stats["documents"] == 4  # near-duplicates are stored but are not documents
    assert stats["duplicates"] == 1 and stats["near_duplicates"] == 1
    assert stats["skips_by_reason"] == {"binary": 1, "not-english": 1}
    row = fresh.sql(f"SELECT duplicate_of, events FROM documents WHERE id = '{near.id}'")[1]
    assert row == [(docs[1].id, 0)]
    assert fresh.origins()[docs[1].id] >= {store_module.origin_of(copy)}


def test_store_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats["events_by_type"] == {"ASSAULT": 5, "CONSULT": 1, "PROTEST": 1, "THREATEN": 1}
    assert stats["events_by_status"]["asserted"] == 4
    assert stats["event_dates"] == ["2017-09-11", "2017-12-04"]
    assert stats["events_with_coordinates"] == 6
    assert stats["outlets"] == {"Anti-Media": 2, "Reuters": 2}
