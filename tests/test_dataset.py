"""Partitioned Parquet datasets: several stores exported into one folder, queried as one store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _store_samples import sample_documents
from typer.testing import CliRunner

from sitmap import situations
from sitmap.cli import app
from sitmap.errors import StoreError
from sitmap.export import export
from sitmap.store import Store, dataset


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> tuple[Path, Path, Path]:
    """Two stores holding different documents (split by outlet), and one holding all."""
    docs = sample_documents()
    base = tmp_path_factory.mktemp("dataset")
    paths = []
    for name, part in (("reuters", [d for d in docs if d.source == "Reuters"]),
                       ("antimedia", [d for d in docs if d.source != "Reuters"]),
                       ("all", docs)):  # fmt: skip
        path = base / f"{name}.duckdb"
        with Store(path) as store:
            store.write_many(part)
            situations.build(store)
        paths.append(path)
    return paths[0], paths[1], paths[2]


def _events(path: Path, **filters) -> list[dict]:
    with Store.reader(path) as store:
        rows = store.events(**filters)
    return sorted(rows, key=lambda r: r["id"])


def test_dataset_of_two_stores_answers_like_one_store(stores, tmp_path: Path) -> None:
    reuters, antimedia, whole = stores
    folder = tmp_path / "ds"
    first = export(reuters, "parquet", folder, partition="month")
    export(antimedia, "parquet", folder, partition="month")
    assert first["written"] == 3 and first["partition"] == "month"
    # Hive layout by the document's publication month; each store's files side by side.
    months = sorted(p.relative_to(folder / "events").parent.as_posix()
                    for p in (folder / "events").rglob("*.parquet"))  # fmt: skip
    assert set(months) == {"year=2017/month=9", "year=2017/month=10", "year=2017/month=12"}
    meta = json.loads((folder / dataset.MARKER).read_text())
    assert meta["partition"] == "month" and len(meta["stores"]) == 2
    # Every filter the store knows gives the rows the single store with all documents gives.
    assert _events(folder) == _events(whole)
    assert _events(folder, country="SY") == _events(whole, country="SY")
    assert _events(folder, since="2017-10-01") == _events(whole, since="2017-10-01")
    assert _events(folder, outlet="Reuters", limit=1) == _events(whole, outlet="Reuters", limit=1)
    with Store.reader(folder) as store:
        assert store.stats()["documents"] == 4
        _, rows = store.sql("SELECT count(*) FROM documents WHERE source = 'Reuters'")
        assert rows == [(2,)]


def test_dataset_reexport_replaces_its_own_files_and_keeps_others(stores, tmp_path) -> None:
    reuters, antimedia, _ = stores
    folder = tmp_path / "ds"
    export(reuters, "parquet", folder, partition="month")
    export(antimedia, "parquet", folder, partition="month")
    before = _events(folder)
    files = sorted((folder / "events").rglob("*.parquet"))
    export(reuters, "parquet", folder, partition="month")  # again: idempotent
    assert sorted((folder / "events").rglob("*.parquet")) == files
    assert _events(folder) == before
    with pytest.raises(StoreError, match="partitioned by month"):
        export(reuters, "parquet", folder, partition="year")


def test_dataset_is_read_only_and_reads_nothing_outside_it(stores, tmp_path: Path) -> None:
    folder = tmp_path / "ds"
    export(stores[0], "parquet", folder, partition="year")
    assert all(p.parent.name.startswith("year=") for p in (folder / "events").rglob("*.parquet"))
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n")
    with Store.reader(folder) as store:
        with pytest.raises(StoreError, match=r"refused|Permission"):
            store.sql(f"SELECT * FROM read_csv('{outside}')")
        with pytest.raises(StoreError):
            store.sql("COPY (SELECT 1) TO 'x.csv'")
    with pytest.raises(StoreError, match="read-only"):
        Store(folder)


def test_cli_export_partition_then_events_sql_export_on_the_folder(stores, tmp_path) -> None:
    runner = CliRunner()
    folder = tmp_path / "ds"
    for db in stores[:2]:
        res = runner.invoke(app, ["export", "--format", "parquet", "--partition", "month",
                                  "--output", str(folder), "--db", str(db)])  # fmt: skip
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["events", "--db", str(folder), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.output)) == len(_events(stores[2]))
    res = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM events", "--db", str(folder),
                              "--format", "json"])  # fmt: skip
    assert res.exit_code == 0 and json.loads(res.output) == [{"n": len(_events(stores[2]))}]
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", str(folder)])
    assert res.exit_code == 0
    assert len([ln for ln in res.stdout.splitlines() if ln.startswith("{")]) == len(
        _events(stores[2])
    )
    res = runner.invoke(app, ["export", "--format", "csv", "--partition", "month",
                              "--db", str(stores[0])])  # fmt: skip
    assert res.exit_code != 0 and "parquet only" in str(res.exception)
