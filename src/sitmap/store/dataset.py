"""A Hive-partitioned Parquet dataset of one or more stores, queried as one read-only store.

A store is one DuckDB file written by one ingest process. Past one file (several ingest
processes on disjoint slices of the input, or a store too large to copy around), each store is
exported into one dataset folder and the folder is queried like a store::

    from sitmap.store import Store, dataset

    dataset.write("2017-h2.duckdb", "news-ds/", partition="month")
    dataset.write("2018-h1.duckdb", "news-ds/", partition="month")   # same folder: appended
    with Store.reader("news-ds/") as store:                           # every store's rows
        store.events(country="SY", limit=10)

Layout: ``DIR/sitmap-dataset.json`` (what it is, the partitioning, the stores in it) and one
folder per table, ``DIR/<table>/year=YYYY/month=M/<store>-<n>.parquet``; rows are partitioned
by their document's publication date (a situation by its first article's; ``year=0``,
``month=0`` when there is none); ``schema_version`` and ``settings`` are not partitioned.
``<store>`` is the store file's name and a hash of its full path, so several stores write side
by side and exporting a store again replaces only its own files.

Reading (``connect``): an in-memory DuckDB with one view per table over
``read_parquet(..., hive_partitioning=true, union_by_name=true)``, the partition columns left
out and a ``rowid`` column (file and row number) added, so ``Store.events``, ``Store.sql`` and
``export`` run unchanged (``SELECT *`` shows that ``rowid``). The connection can read
only files under the dataset folder (DuckDB's ``allowed_directories`` with external access
otherwise off, configuration locked). Stores in one dataset are not de-duplicated or merged
against each other: a document ingested into two stores is there twice, and each store's
situations stay its own.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sitmap.errors import StoreError

MARKER = "sitmap-dataset.json"
PARTITIONS = {"year": ("year",), "month": ("year", "month")}
"""``partition`` values and the Hive keys each writes."""

_PLAIN = ("schema_version", "settings")
_ROWID = "(file_index::BIGINT << 40) + file_row_number AS rowid"
"""A stand-in for a table's ``rowid`` (the store's paged queries use it): unique per row."""
_DATE_OF = {"situations": "first_published"}


def is_dataset(path: str | Path) -> bool:
    """True when ``path`` is a folder written by ``write`` (it holds ``sitmap-dataset.json``)."""
    return (Path(path) / MARKER).is_file()


def info(path: str | Path) -> dict[str, Any]:
    """The dataset's description (``sitmap-dataset.json``)."""
    try:
        return json.loads((Path(path) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: not a readable sitmap dataset ({exc})") from exc


def write(store: Any, folder: str | Path, *, partition: str = "month") -> dict[str, Any]:
    """Export every table of ``store`` (a ``Store`` or a path) into the dataset ``folder``.

    Returns ``{"format": "parquet", "written": events, "skipped": {}, "files": [...],
    "partition": partition}``. Raises ``StoreError`` when ``folder`` holds a dataset with
    another partitioning, or is not writable.
    """
    from sitmap.store.core import Store

    if partition not in PARTITIONS:
        raise StoreError(
            f"unknown partitioning {partition!r}", hint=f"use one of {', '.join(PARTITIONS)}"
        )
    if isinstance(store, Store):
        return _write(store, Path(folder), partition)
    with Store.reader(store) as db:
        return _write(db, Path(folder), partition)


def _write(store: Any, root: Path, partition: str) -> dict[str, Any]:
    import pyarrow.dataset as pads
    import pyarrow.parquet as pq

    meta = info(root) if is_dataset(root) else None
    if meta and meta.get("partition") != partition:
        raise StoreError(
            f"{root} is partitioned by {meta.get('partition')}, not {partition}",
            hint=f"pass --partition {meta.get('partition')} or another --output folder",
        )
    source = str(Path(store.path).resolve()) if store.path != ":memory:" else ":memory:"
    stem = f"{Path(source).stem}-{hashlib.sha1(source.encode()).hexdigest()[:8]}"
    keys = PARTITIONS[partition]
    present = {t for (t,) in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()}  # fmt: skip
    from sitmap.store.schema import TABLES

    files: list[str] = []
    try:
        root.mkdir(parents=True, exist_ok=True)
        for table in [t for t in (*TABLES, *_PLAIN) if t in present]:
            folder = root / table
            for old in folder.rglob(f"{stem}-*.parquet"):
                old.unlink()
            folder.mkdir(exist_ok=True)
            query = _select(table, store, keys)
            reader = store.con.cursor().sql(query).to_arrow_reader(50_000)
            if table in _PLAIN:
                path = folder / f"{stem}-0.parquet"
                pq.write_table(reader.read_all(), str(path))
                files.append(str(path))
                continue
            written: list[str] = []
            pads.write_dataset(
                reader, str(folder), format="parquet", partitioning=list(keys),
                partitioning_flavor="hive", basename_template=f"{stem}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
                file_visitor=lambda f, out=written: out.append(f.path),
            )  # fmt: skip
            if not written:  # no rows: an empty file keeps the table's columns readable
                empty = folder.joinpath(*(f"{k}=0" for k in keys), f"{stem}-0.parquet")
                empty.parent.mkdir(parents=True, exist_ok=True)
                schema = reader.schema
                pq.write_table(schema.empty_table(), str(empty))
                written.append(str(empty))
            files += written
        stores = {**(meta or {}).get("stores", {}), stem: source}
        (root / MARKER).write_text(json.dumps({
            "format": "sitmap-parquet-dataset", "version": 1, "partition": partition,
            "partition_keys": list(keys), "stores": stores,
        }, indent=2) + "\n", encoding="utf-8")  # fmt: skip
    except OSError as exc:
        raise StoreError(f"cannot write the dataset at {root}: {exc}") from exc
    events = int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])
    return {"format": "parquet", "written": events, "skipped": {}, "files": files,
            "partition": partition}  # fmt: skip


def _select(table: str, store: Any, keys: tuple[str, ...]) -> str:
    """The table's rows with the partition columns (year, month of the document's date)."""
    columns = {c for (c,) in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()}  # fmt: skip
    star = "t.* EXCLUDE (rowid)" if "rowid" in columns else "t.*"  # a dataset's stand-in
    if table in _PLAIN:
        return f"SELECT {star} FROM {table} t"
    if table in _DATE_OF:
        day = f"t.{_DATE_OF[table]}"
    elif "published" in columns or table == "documents":
        day = "t.published"
    elif "doc_id" in columns:
        day = "(SELECT d.published FROM documents d WHERE d.id = t.doc_id)"
    else:
        day = "NULL::DATE"
    parts = {"year": f"coalesce(year({day}), 0)", "month": f"coalesce(month({day}), 0)"}
    extra = ", ".join(f"CAST({parts[k]} AS INTEGER) AS {k}" for k in keys)
    return f"SELECT {star}, {extra} FROM {table} t"


def connect(path: str | Path) -> Any:
    """A read-only DuckDB connection whose tables are views over the dataset at ``path``."""
    import duckdb

    root = Path(path).resolve()
    meta = info(root)
    keys = meta.get("partition_keys") or list(PARTITIONS.get(meta.get("partition", ""), ()))
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False})  # fmt: skip
    try:
        con.execute(f"SET allowed_directories = [{_quote(str(root) + '/')}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            table = folder.name
            if not table.isidentifier() or not any(folder.rglob("*.parquet")):
                continue
            glob = _quote(f"{folder}/**/*.parquet")
            if table in _PLAIN:
                src = f"read_parquet({glob}, union_by_name = true)"
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM {src}")
            else:
                src = f"read_parquet({glob}, hive_partitioning = true, union_by_name = true)"
                drop = ", ".join(keys)
                con.execute(
                    f"CREATE VIEW {table} AS SELECT * EXCLUDE ({drop}), {_ROWID} FROM {src}"
                )
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot read the dataset at {path}: {exc}") from exc
    return con


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
