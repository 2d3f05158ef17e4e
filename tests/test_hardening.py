"""Hostile files, queries and values (issue 16): a clear message or a skip row, never a
traceback, a read or write outside the store, a network attempt or a lost good record."""

from __future__ import annotations

import contextlib
import io
import re
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from _store_samples import sample_documents

from sitmap.cli import main
from sitmap.errors import StoreError
from sitmap.export import ExportError, export
from sitmap.store import Store


@dataclass
class _Result:
    returncode: int
    stdout: bytes
    stderr: bytes


def _cli(*args: str, stdin: bytes | None = None) -> _Result:
    """Run the ``sitmap`` console entry point in this process (as the shell would)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr
    sys.argv = ["sitmap", *args]
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""))
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
    return _Result(code, out.getvalue().encode(), err.getvalue().encode())


def _one_line_error(out: subprocess.CompletedProcess) -> str:
    """The CLI failed with exit 1 and one line on stderr (no traceback); that line."""
    err = out.stderr.decode()
    assert out.returncode == 1, (out.returncode, err)
    assert "Traceback" not in err, err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture()
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_many(sample_documents())
    return path


# -- SQL: the engine's own settings keep queries inside the store --------------------------------

_REFUSED = "refused|does not exist"  # a file name as a table: not looked up on disk at all


@pytest.mark.parametrize(
    "query",
    [
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{db}' (FORMAT csv)",
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{victim}' (FORMAT csv)",
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM read_blob('{secret}')",
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM '{secret}'",
        "SELECT * FROM glob('{dir}/*')",
        "SELECT * FROM sqlite_scan('{dir}/x.sqlite', 't')",
        "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
    ],
)
def test_sql_cannot_touch_files_or_network(store_file: Path, tmp_path: Path, query: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n")
    victim = tmp_path / "victim.csv"
    before = store_file.read_bytes()
    q = query.format(db=store_file, victim=victim, secret=secret, dir=tmp_path)
    with Store.reader(store_file) as store, pytest.raises(StoreError, match=_REFUSED) as err:
        store.sql(q)
    assert "hunter2" not in str(err.value)
    assert store_file.read_bytes() == before and not victim.exists()
    # The same through the CLI: one line, exit 1, nothing written or read.
    out = _cli("sql", q, "--db", str(store_file))
    assert re.search(_REFUSED, _one_line_error(out)) and "hunter2" not in out.stdout.decode()
    assert store_file.read_bytes() == before and not victim.exists()


def test_sql_settings_are_locked(store_file: Path) -> None:
    with Store.reader(store_file) as store:
        assert store.sql(
            "SELECT value FROM duckdb_settings() WHERE name = 'enable_external_access'"
        )[1] == [("false",)]
        with pytest.raises(StoreError):
            store.sql("SET enable_external_access = true")
        with pytest.raises(duckdb.Error, match="locked"):
            store.con.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error, match="locked"):
            store.con.execute("SET autoinstall_known_extensions = true")
        assert store.sql("SELECT count(*) FROM documents")[1] == [(4,)]


def test_sql_on_a_read_write_store_changes_nothing(store_file: Path) -> None:
    with Store(store_file) as store:
        with pytest.raises(StoreError, match="only SELECT"):
            store.sql("DELETE FROM events")
        store.sql("EXPLAIN ANALYZE SELECT count(*) FROM events")
        columns, rows = store.sql("SELECT count(*) AS n FROM events")
        n = rows[0][0]
        assert n > 0 and columns == ["n"]
    with Store.reader(store_file) as store:
        assert store.sql("SELECT count(*) FROM events")[1] == [(n,)]


def test_an_sqlite_file_as_db_is_refused_without_loading_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    before = path.read_bytes()
    for args in (("events",), ("stats",), ("sql", "SELECT 1"), ("ingest", "-")):
        out = _cli(*args, "--db", str(path), stdin=b"")
        assert "SQLite database" in _one_line_error(out)
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="SQLite database, not a sitmap store"):
        Store(path)


def test_ingest_refuses_another_programs_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (name VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    con = duckdb.connect(str(path), read_only=True)
    tables = [
        t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    ]
    con.close()
    assert tables == ["customers"]  # nothing added
    with pytest.raises(StoreError, match="not a sitmap database"):
        Store(path, read_only=True)


@pytest.mark.parametrize("content", [b"", b"just some text, not a database\n" * 4])
def test_store_open_failures_say_the_real_cause(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store(path, read_only=True)
    assert "another sitmap process" not in str(err.value)
    assert "not a DuckDB" in str(err.value)
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_unknown_migration_is_one_line(store_file: Path) -> None:
    con = duckdb.connect(str(store_file))
    con.execute("INSERT INTO schema_version VALUES (99, '0099_from_the_future', NULL)")
    con.close()
    with Store.reader(store_file) as store:  # reading still works
        assert store.stats()["documents"] == 4
    with pytest.raises(StoreError, match="newer version"):
        Store(store_file)
    out = _cli("ingest", "-", "--db", str(store_file), "--workers", "1", stdin=b"text")
    assert "newer version" in _one_line_error(out)


# -- export never overwrites the store ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "acled"])
def test_export_onto_the_store_is_refused(store_file: Path, fmt: str) -> None:
    before = store_file.read_bytes()
    with pytest.raises(ExportError, match="the store"):
        export(store_file, fmt, store_file)
    with pytest.raises(ExportError, match="the store"):
        export(store_file, fmt, str(store_file.parent / "." / store_file.name))
    out = _cli("export", "--format", fmt, "-o", str(store_file), "--db", str(store_file))
    assert "the store" in _one_line_error(out)
    assert store_file.read_bytes() == before
    with Store.reader(store_file) as store:
        assert store.stats()["documents"] == 4


def test_parquet_export_still_works_with_external_access_off(store_file: Path, tmp_path: Path):
    import pyarrow.parquet as pq

    summary = export(store_file, "parquet", tmp_path / "pq")
    assert summary["written"] > 0
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == summary["written"]


# -- one writer, many readers ---------------------------------------------------------------------


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from sitmap.store import Store
    store = Store(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    store.close()
    """
)


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE
    )
    assert proc.stdout.readline().strip() == b"holding"
    return proc


def test_reader_waits_for_a_writer_then_answers(store_file: Path) -> None:
    proc = _hold(store_file, 1.5)
    try:
        with (
            pytest.raises(StoreError, match=r"has held it for over 0.2 s"),
            Store.reader(store_file, wait=0.2),
        ):
            pass
        started = time.monotonic()
        with Store.reader(store_file, wait=30) as store:
            assert store.stats()["documents"] == 4
        assert time.monotonic() - started < 30
    finally:
        proc.wait(timeout=30)


def test_a_second_writer_is_refused_at_once(store_file: Path) -> None:
    proc = _hold(store_file, 3)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="another sitmap process"):
            Store(store_file, hold=False)
        assert time.monotonic() - started < 2
    finally:
        proc.wait(timeout=30)


def test_a_released_writer_lets_readers_in(store_file: Path) -> None:
    """A ``hold=False`` writer closes the file when idle: another process can read it."""
    writer = Store(store_file, hold=False)
    try:
        writer.set_setting("k", "v")
        time.sleep(0.5)
        code = (
            "import sys; from sitmap.store import Store\n"
            "with Store.reader(sys.argv[1], wait=0.5) as s: print(s.setting('k'))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(store_file)], capture_output=True, timeout=60
        )
        assert out.stdout.decode().strip() == "v", out.stderr.decode()
        writer.set_setting("k", "w")  # and the writer reopens on demand
        assert writer.setting("k") == "w"
    finally:
        writer.close()
