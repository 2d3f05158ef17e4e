"""Corpus ingestion of real Reuters articles: skips, dedup, idempotent re-runs, resume on kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitmap.corpus import ingest
from sitmap.store import Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def short_articles(shared: Path) -> list[dict]:
    """Real Reuters articles of 60-110 words (fast to process), distinct texts."""
    path = shared / "corpora" / "isot-reuters-2017-sample.jsonl"
    seen: set[str] = set()
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art["title"].startswith("Trump on Twitter"):  # tweet digests, not articles
                continue
            if 60 <= len(art["text"].split()) <= 110 and art["text"][:200] not in seen:
                seen.add(art["text"][:200])
                out.append(art)
    return out


def _write(folder: Path, name: str, art: dict) -> Path:
    path = folder / name
    path.write_text(f"{art['title']}\n\n{art['text']}\n", encoding="utf-8")
    return path


def _edited(art: dict) -> dict:
    """A re-publication of the same wire story: "UPDATE 1-" headline, a word changed, a credit."""
    words = art["text"].split()
    words[len(words) // 2] = "reportedly"
    text = " ".join(words) + "\n(Reporting by staff)"
    return {**art, "title": f"UPDATE 1-{art['title']}", "text": text}


def test_corpus_mixed_folder_every_bad_file_is_a_skip(tmp_path: Path, short_articles) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, art in enumerate(short_articles[:2]):
        _write(folder, f"article{i}.txt", art)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    (folder / "de.txt").write_text(
        "Die syrische Armee hat nach Angaben von Aktivisten die Stadt Deir ez-Zor im Osten des "
        "Landes erreicht. Die Belagerung durch die Extremistenmiliz Islamischer Staat sei nach "
        "fast drei Jahren durchbrochen worden, teilte die Beobachtungsstelle mit.",
        encoding="utf-8",
    )
    (folder / "broken.json").write_text('{"title": "Syria", "text": "The army', encoding="utf-8")
    (folder / "huge.txt").write_text(short_articles[3]["text"] * 30, encoding="utf-8")
    db = tmp_path / "c.duckdb"

    summary = ingest([folder], db=db, workers=1, max_bytes=10_000)

    assert summary.stored == 2 and summary.read == 2
    assert summary.skips == {
        "binary": 1, "empty": 1, "malformed": 1, "not-english": 1, "too-large": 1,
    }  # fmt: skip
    with Store(db, read_only=True) as store:
        reasons = dict(store.sql("SELECT path, reason FROM skips")[1])
        assert reasons[str(folder / "de.txt")] == "not-english"
        assert reasons[str(folder / "photo.txt")] == "binary"
        assert store.stats()["documents"] == 2

    again = ingest([folder], db=db, workers=1, max_bytes=10_000)
    assert (again.stored, again.already, again.events) == (0, 2, 0)
    with Store(db, read_only=True) as store:
        assert store.stats()["skips"] == 5  # recorded once, not once per run


def test_corpus_exact_and_near_duplicates(tmp_path: Path, short_articles) -> None:
    a, b = short_articles[4], short_articles[5]
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "a.txt", a)  # read first (files are read in name order): the first copy
    _write(folder, "b.txt", b)
    _write(folder, "a2-mirror.txt", a)  # the same text from another place: exact duplicate
    _write(folder, "a3-edited.txt", _edited(a))  # near-duplicate
    db = tmp_path / "c.duckdb"

    summary = ingest([folder], db=db, workers=1)

    assert (summary.read, summary.stored) == (4, 2)
    assert (summary.duplicates, summary.near_duplicates) == (1, 1)
    with Store(db, read_only=True) as store:
        a_id = store.sql(f"SELECT id FROM documents WHERE path = '{folder / 'a.txt'}'")[1][0][0]
        dups = store.sql("SELECT kind, path, duplicate_of, similarity FROM duplicates")[1]
        assert {(k, Path(p).name, d) for k, p, d, _ in dups} == {
            ("exact", "a2-mirror.txt", a_id),
            ("near", "a3-edited.txt", a_id),
        }
        assert next(s for k, *_, s in dups if k == "near") >= 0.8
        # Duplicates are not processed: events come from the two first copies only.
        assert store.sql("SELECT count(DISTINCT doc_id) FROM events")[1][0][0] <= 2
        edited_events = store.sql(
            "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id "
            "WHERE d.duplicate_of IS NOT NULL"
        )[1]
        assert edited_events == [(0,)]

    # Signatures are stored: a near-duplicate arriving in a later run is still caught.
    later = tmp_path / "later"
    later.mkdir()
    _write(later, "b-edited.txt", _edited(b))
    second = ingest([later], db=db, workers=1)
    assert (second.stored, second.near_duplicates) == (0, 1)
    third = ingest([folder, later], db=db, workers=1)  # re-run of everything adds nothing
    assert (third.stored, third.duplicates, third.near_duplicates, third.already) == (0, 0, 0, 5)


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_corpus_resume_after_kill(tmp_path: Path, short_articles) -> None:
    """SIGKILL a real `sitmap ingest` mid-run, re-run: every document stored once, whole."""
    folder = tmp_path / "news"
    folder.mkdir()
    arts = short_articles[10:50]
    for i, art in enumerate(arts):
        _write(folder, f"{i:02d}.txt", art)
    db = tmp_path / "c.duckdb"
    exe = shutil.which("sitmap")
    cmd = [exe] if exe else [sys.executable, "-c", "from sitmap.cli import main; main()"]
    proc = subprocess.Popen(
        [*cmd, "ingest", str(folder), "--db", str(db), "--workers", "2"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 240
        for line in proc.stderr:
            if line.startswith("progress:") and int(line.split()[1]) > 0:
                workers = _children(proc.pid)
                os.kill(proc.pid, signal.SIGKILL)
                break
            assert time.monotonic() < deadline, "no progress from sitmap ingest"
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
        # The workers notice their parent is gone and exit on their own.
        stop = time.monotonic() + 15
        while any(_alive(p) for p in workers) and time.monotonic() < stop:
            time.sleep(0.2)
        assert not any(_alive(p) for p in workers), "worker processes outlived the killed run"
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)

    with Store(db) as store:  # opening read-write replays the write-ahead log
        before = store.stats()["documents"]
        partial = store.sql(
            "SELECT count(*) FROM documents d WHERE events != "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.id)"
        )[1]
    assert 0 < before < len(arts)
    assert partial == [(0,)]

    summary = ingest([folder], db=db, workers=1)
    assert summary.already == before and summary.stored == len(arts) - before

    # Every document exactly once, each with exactly the events a clean run gives it.
    clean = ingest([folder], db=tmp_path / "clean.duckdb", workers=1)
    assert clean.stored == len(arts)
    query = "SELECT doc_id, list_sort(list(id)) FROM events GROUP BY 1"
    with Store(db, read_only=True) as resumed, Store(tmp_path / "clean.duckdb") as ref:
        assert resumed.sql("SELECT count(*), count(DISTINCT id) FROM documents")[1] == [
            (len(arts), len(arts))
        ]
        assert dict(resumed.sql(query)[1]) == dict(ref.sql(query)[1])
        assert resumed.stats()["events"] == ref.stats()["events"] > 0
