"""Engines: the local and the dask engine give identical stores on the same real articles."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from sitmap import engines
from sitmap.corpus import ingest
from sitmap.engines.base import code_fingerprint
from sitmap.errors import SitmapError

SKIP_TYPES = ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE")  # when a row was written, not what


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that record when a row was written."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()]  # fmt: skip
        for table in names:
            cols = [
                c for c, t in con.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = ? ORDER BY ordinal_position", [table],
                ).fetchall() if t not in SKIP_TYPES
            ]  # fmt: skip
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(shared: Path, tmp_path_factory) -> Path:
    """A dozen short real Reuters articles, one exact duplicate of the first and an empty file."""
    folder = tmp_path_factory.mktemp("engines") / "news"
    folder.mkdir()
    seen: set[str] = set()
    arts = []
    with (shared / "corpora" / "isot-reuters-2017-sample.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art["title"].startswith("Trump on Twitter") or art["text"][:200] in seen:
                continue
            if 60 <= len(art["text"].split()) <= 120:
                seen.add(art["text"][:200])
                arts.append(art)
            if len(arts) == 10:
                break
    rows = [json.dumps({k: a[k] for k in ("title", "text", "published", "source") if k in a})
            for a in arts]  # fmt: skip
    (folder / "a.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "b-mirror.jsonl").write_text(rows[0] + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_tables(corpus: Path, tmp_path_factory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    summary = ingest([corpus], db=db, workers=1, engine="local")
    assert (summary.stored, summary.duplicates, summary.skipped) == (10, 1, 1)
    assert summary.events > 0
    return _tables(db)


def _same_stores(ours: dict[str, list[tuple]], local: dict[str, list[tuple]]) -> None:
    assert ours.keys() == local.keys()
    tables = ["documents", "events", "actors", "places", "dates", "duplicates", "skips"]
    tables += [t for t in ("situations", "situation_members") if t in local]
    for table in tables:
        assert local[table], f"no {table} rows: nothing would be compared"
    for table, rows in local.items():
        if table == "schema_version":
            continue
        assert ours[table] == rows, f"table {table} differs between engines"


@pytest.mark.model
def test_engines_dask_local_cluster_gives_the_local_store(corpus, local_tables, tmp_path):
    db = tmp_path / "dask.duckdb"
    with engines.create("dask", workers=2, batch_size=4) as engine:
        assert (engine.name, engine.workers) == ("dask", 2)
        summary = ingest([corpus], db=db, engine=engine, batch_size=4)  # 3 batches, 2 workers
        assert (summary.engine, summary.stored, summary.duplicates) == ("dask", 10, 1)
        _same_stores(_tables(db), local_tables)
        again = ingest([corpus], db=db, engine=engine, batch_size=4)  # idempotent re-run
    assert (again.stored, again.already, again.events) == (0, 11, 0)
    _same_stores(_tables(db), local_tables)


def _dask_cli(*args: str) -> list[str]:
    exe = shutil.which("dask")
    return [exe, *args] if exe else [sys.executable, "-m", "distributed.cli.dask_" + args[0],
                                     *args[1:]]  # fmt: skip


@pytest.mark.model
def test_engines_dask_scheduler_and_two_worker_processes(corpus, local_tables, tmp_path):
    """`dask scheduler` and `dask worker` started as separate processes, then `sitmap ingest`."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    info = tmp_path / "scheduler.json"
    procs = [subprocess.Popen(
        _dask_cli("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                  "--scheduler-file", str(info)),
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )]  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert procs[0].poll() is None and time.monotonic() < deadline, "no scheduler"
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for _ in range(2):
            procs.append(subprocess.Popen(
                _dask_cli("worker", address, "--nthreads", "1", "--no-dashboard",
                          "--host", "127.0.0.1", "--death-timeout", "60"),
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True,
            ))  # fmt: skip
        import distributed

        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=120)

        db = tmp_path / "cluster.duckdb"
        cmd = [sys.executable, "-c", "from sitmap.cli import main; main()", "ingest",
               str(corpus), "--db", str(db), "--engine", "dask", "--scheduler", address,
               "--batch-size", "4", "--format", "json"]  # fmt: skip
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        summary = json.loads(out.stdout)
        assert (summary["engine"], summary["workers"], summary["stored"]) == ("dask", 2, 10)
        _same_stores(_tables(db), local_tables)
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def test_engines_unknown_engine_and_misplaced_scheduler_are_clear_errors():
    with pytest.raises(SitmapError, match="unknown engine 'spark'"):
        engines.create("spark")
    with pytest.raises(SitmapError, match="only used by the dask engine"):
        engines.create("local", scheduler="tcp://127.0.0.1:8786")


def test_engines_unreachable_scheduler_is_one_clear_error(monkeypatch):
    from sitmap.engines import dask as dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 2.0)
    started = time.monotonic()
    with pytest.raises(
        SitmapError, match=re.escape("cannot reach the dask scheduler at tcp://127.0.0.1:9")
    ):
        engines.create("dask", scheduler="tcp://127.0.0.1:9")
    assert time.monotonic() - started < 30


def test_engines_code_fingerprint_names_code_model_and_spacy():
    here = code_fingerprint()
    assert set(here) == {"sitmap", "model", "spacy"} and len(here["sitmap"]) == 16


def test_engines_dask_task_refuses_a_worker_running_other_code():
    """A worker that joins late with another sitmap fails its tasks instead of coding them."""
    from sitmap.engines.dask import _run_checked

    other = {**code_fingerprint(), "sitmap": "0" * 16}
    with pytest.raises(SitmapError, match="runs a different sitmap"):
        _run_checked([{"text": "The army shelled Deir ez-Zor on Monday."}], 4, other)


def test_engines_cli_unknown_engine_is_one_line_and_creates_no_store(tmp_path, corpus):
    db = tmp_path / "never.duckdb"
    out = subprocess.run(
        [sys.executable, "-c", "from sitmap.cli import main; main()", "ingest", str(corpus),
         "--db", str(db), "--engine", "spark"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "unknown engine 'spark'" in out.stderr
    assert not db.exists()


def test_engines_warm_collects_young_objects_less_often_and_keeps_a_users_threshold():
    """A warmed process runs the young-generation collector every ``GC_THRESHOLD``
    allocations, not Python's 700; a higher threshold the user set stays as it was."""
    code = (
        "import gc\n"
        "from sitmap.engines import base\n"
        "gc.set_threshold(700, 10, 10)\n"
        "base.warm()\n"
        "print(gc.get_threshold(), gc.get_freeze_count() > 100_000)\n"
        "base._WARM = False\n"
        "gc.set_threshold(50_000, 20, 10)\n"
        "base.warm()\n"
        "print(gc.get_threshold())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:2] == ["(10000, 10, 10) True", "(50000, 20, 10)"]
