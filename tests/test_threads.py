"""A one-worker ingest stays single-threaded (spaCy's parsers run cheaper in such a process):
the libraries are asked for no threads, and the store releases its file without one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sitmap import threads
from sitmap.store import Store


def test_quiet_libraries_keeps_what_the_user_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    monkeypatch.delenv("JE_ARROW_MALLOC_CONF", raising=False)
    threads.quiet_libraries()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
    assert os.environ["JE_ARROW_MALLOC_CONF"] == "background_thread:false"


def test_single_thread_store_starts_no_thread_and_releases_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    before = threading.active_count()
    store = Store(path, hold=False, single_thread=True)
    try:
        store.set_setting("k", "v")
        assert store._releaser is None and threading.active_count() == before
        assert store.con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
        with store.session():
            store.release_if_idle(0)  # a session holds the file: kept
            assert store._con is not None
        store.release_if_idle(3600)  # not idle that long: kept
        assert store._con is not None
        store.release_if_idle(0)
        assert store._con is None
        code = (
            "import sys; from sitmap.store import Store\n"
            "with Store.reader(sys.argv[1], wait=5) as s: print(s.setting('k'))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, timeout=60
        )
        assert out.stdout.decode().strip() == "v", out.stderr.decode()
        store.set_setting("k", "w")  # reopened on demand
        assert store.setting("k") == "w"
    finally:
        store.close()


ARTICLES = (
    "Police in the northern town of Kirkuk arrested three men on Tuesday after a bomb exploded "
    "near a market, a police spokesman said. The explosion wounded four people, the provincial "
    "health office said in a statement.",
    "Farmers blocked the main highway into Nairobi on Monday to protest against a new tax on "
    "fertiliser, witnesses said. Riot police fired tear gas to clear the road, and the interior "
    "ministry said twelve people had been detained.",
    "The foreign ministers of Chile and Peru met in Lima on Thursday and signed an agreement to "
    "share data on fishing fleets, the Peruvian government said. Both sides called the deal a "
    "first step towards joint patrols.",
)


@pytest.mark.model
def test_one_worker_ingest_never_starts_a_thread(tmp_path: Path) -> None:
    """The whole ``sitmap ingest --workers 1`` process: glibc still counts it single-threaded
    at the end (numpy, pyarrow and DuckDB were all loaded and used)."""
    if threads.single_threaded() is None:
        pytest.skip("the C library does not say whether a process is single-threaded")
    folder = tmp_path / "news"
    folder.mkdir()
    for i, text in enumerate(ARTICLES):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    code = (
        "import sys\n"
        "from sitmap.cli import main\n"
        "sys.argv = ['sitmap', 'ingest', sys.argv[1], '--db', sys.argv[2], '--workers', '1',\n"
        "            '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "from sitmap import threads\n"
        "print(threads.single_threaded())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(tmp_path / "c.duckdb")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    summary, _, flag = out.stdout.rpartition("}")
    assert json.loads(summary + "}")["stored"] == 3
    assert flag.strip() == "True"
