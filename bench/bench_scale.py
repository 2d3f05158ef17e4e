"""Ingest at scale: docs/s from the first 1,000 documents to the last, peak memory, store size.

Usage:
    python bench/bench_scale.py --docs 100000 --workers 2            # the full-size run
    python bench/bench_scale.py --docs 2000 --workers 2 --engine dask
    python bench/bench_scale.py --docs 1500 --articles 500 --every 250   # variants early
    python bench/bench_query.py --events 10000000                    # filtered queries, 10M events
    python bench/bench_scale.py --docs 100000 --workers 2 --db big.duckdb --resume  # go on

``--resume`` (with ``--db``) continues an interrupted run into the same store: the input is
written to the same place (``DB.input.jsonl``, the same documents in the same order, so each
keeps its origin), ingest skips every document the store already holds (``IngestSummary.
already``), and the marks go on counting from the stored total, with the seconds and CPU
seconds of the earlier runs added, appended to the same report (``DB.marks.jsonl``: one JSON
line per mark, written as it is printed, by every run with ``--db``). A run of 100,000
documents can so span sessions: stop it at any moment (at most the batches in flight are
lost) and run the same command again. Without ``--resume`` an existing store is refused.

The input is the two shared corpora (987 Reuters and 1,413 low-credibility-outlet articles,
``../shared/corpora``) and, past them, **built variants** so that de-duplication does not
remove them: variant *r* of article *i* is the first half of article *i*'s sentences followed
by the second half of article *i + r*'s (another real article), titled "TITLE (variant r)".
Every sentence is real news text, but the variants are not real articles: their events repeat
those of the originals, and cross-document situations merge them more than real news would.
The documents are written to one JSONL file and ingested with ``sitmap.corpus.ingest`` into a
fresh store (``--db`` to keep it), as ``sitmap ingest`` does.

Prints docs/s and docs per CPU second over each successive 1,000 stored documents (start,
middle, end), the overall rate, docs per CPU second (this process and its workers: the
per-core throughput, which hardly depends on the machine's load), the peak resident memory of
this process and its workers together (sampled every 0.5 s with psutil), and the store's size
on disk per 1,000 documents. At each mark it also prints what the ingest process itself spent
per batch (CPU ms, this process's threads and DuckDB's together) in each step of a batch commit:
de-duplication (MinHash, LSH query and insert), the store insert (``Store.write_many``), the
situations update (``Updater.update``), opening the store file and releasing it (a close
checkpoints DuckDB's write-ahead log), and the rest (reading, sending, receiving).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from sitmap.engines import BATCH_SIZE

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (ROOT / ".." / "shared" / "corpora").resolve()
_SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")


def build(n: int, out: Path, articles: int = 0) -> dict[str, int]:
    """Write ``n`` documents (originals first, then variants) to ``out``; return the counts.

    ``articles``: start from the first N real articles only (0: all), so that a short run
    also goes through variants.
    """
    arts = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            arts += [json.loads(line) for line in fh if line.strip()]
    if not arts:
        raise SystemExit(f"no corpus under {CORPORA}")
    if articles:
        arts = arts[:: max(1, len(arts) // articles)][:articles]  # both corpora, evenly
    split = [_SENTENCE_END.split(a["text"]) for a in arts]
    written = originals = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in range(n):
            rnd, i = divmod(k, len(arts))
            art = arts[i]
            if rnd == 0:
                row = art
                originals += 1
            else:
                j = (i + rnd) % len(arts)
                head, tail = split[i], split[j]
                text = " ".join(head[: max(1, len(head) // 2)] + tail[len(tail) // 2 :])
                row = {**art, "title": f"{art.get('title', '')} (variant {rnd})", "text": text}
                row.pop("url", None)
            fh.write(json.dumps(row) + "\n")
            written += 1
    return {"documents": written, "originals": originals, "variants": written - originals}


def _tree_cpu() -> float:
    """CPU seconds (user + system) used so far by this process and its live children."""
    total = 0.0
    me = psutil.Process()
    for proc in [me, *me.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


class _Peak(threading.Thread):
    """Samples the resident memory of this process and all its children."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self.stop.wait(0.5):
            try:
                tree = [me, *me.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                continue


STEPS = ("dedup", "store", "situations", "open", "release")


class _Steps:
    """CPU and wall seconds of this process spent in each step of a batch commit, by wrapping
    the functions ``corpus.ingest`` calls (nothing of sitmap itself is changed)."""

    def __init__(self) -> None:
        self.cpu = dict.fromkeys(STEPS, 0.0)
        self.wall = dict.fromkeys(STEPS, 0.0)
        self.calls = dict.fromkeys(STEPS, 0)
        self._local = threading.local()  # per thread: the steps it is in
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, step: str) -> None:
        fn = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            stack = self._local.__dict__.setdefault("stack", [])
            if stack and stack[-1][0] == step:  # (one dedup call inside another)
                return fn(*args, **kwargs)
            cpu, wall = time.process_time(), time.perf_counter()
            stack.append([step, 0.0, 0.0])  # the step, and what nested steps took
            try:
                return fn(*args, **kwargs)
            finally:
                _, inner_cpu, inner_wall = stack.pop()
                used, took = time.process_time() - cpu, time.perf_counter() - wall
                self.cpu[step] += used - inner_cpu
                self.wall[step] += took - inner_wall
                self.calls[step] += 1
                if stack:
                    stack[-1][1] += used
                    stack[-1][2] += took

        self._undo.append((owner, name, fn))
        setattr(owner, name, timed)

    def install(self) -> None:
        from sitmap import dbfile, situations
        from sitmap.dedup import Deduper
        from sitmap.store import Store

        for name in ("signature", "match", "add"):
            self.wrap(Deduper, name, "dedup")
        self.wrap(Store, "write_many", "store")
        self.wrap(situations.Updater, "update", "situations")
        self.wrap(dbfile, "connect", "open")
        self.wrap(Store, "_release", "release")

    def uninstall(self) -> None:
        for owner, name, fn in reversed(self._undo):
            setattr(owner, name, fn)
        self._undo.clear()

    def snapshot(self) -> dict[str, float]:
        return {**self.cpu, "process": time.process_time()}


def _per_batch(a: dict[str, float], b: dict[str, float], batches: float) -> dict[str, float]:
    """CPU ms per batch of each step between two ``_Steps.snapshot`` readings."""
    return {k: (b[k] - a[k]) * 1000 / max(1.0, batches) for k in b}


def _step_line(per: dict[str, float]) -> str:
    rest = per["process"] - sum(per[k] for k in STEPS)
    cells = ", ".join(f"{k} {per[k]:.0f}" for k in STEPS)
    rss = psutil.Process().memory_info().rss / 1e6
    return f"      ingest process CPU ms per batch: {cells}, rest {rest:.0f}; RSS {rss:,.0f} MB"


def _input_path(db: Path) -> Path:
    return db.with_name(db.name + ".input.jsonl")


def _marks_path(db: Path) -> Path:
    return db.with_name(db.name + ".marks.jsonl")


def _stored(db: Path) -> int:
    """Documents a store holds (first copies: what ``IngestSummary.stored`` counts)."""
    if not db.exists():
        return 0
    from sitmap.store import Store

    with Store(db, read_only=True) as store:
        return int(store.stats()["documents"])


def _last_mark(log: Path) -> dict[str, Any]:
    """The last mark an earlier run appended to the report (empty: none)."""
    if not log.exists():
        return {}
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    return json.loads(lines[-1]) if lines else {}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", default="local", choices=["local", "dask"])
    ap.add_argument("--scheduler", default=None, help="a dask scheduler's address")
    ap.add_argument("--db", type=Path, default=None, help="keep the store here")
    ap.add_argument("--every", type=int, default=1000, help="report every N stored documents")
    ap.add_argument(
        "--articles",
        type=int,
        default=0,
        help="real articles to start from (0: all); the rest are variants",
    )
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run into the --db store (see above)",
    )
    args = ap.parse_args(argv)
    if args.resume and args.db is None:
        ap.error("--resume needs --db (the store of the interrupted run)")
    if args.db is not None:
        args.db = args.db.resolve()
        if not args.resume and args.db.exists():
            ap.error(f"{args.db} exists: add --resume to continue that run, or remove it")

    from sitmap.corpus import ingest

    with tempfile.TemporaryDirectory() as tmp:
        # with --db the input lies beside the store, so a resumed run reads the same path
        # (a document's origin) and ingest skips the documents stored already
        source = _input_path(args.db) if args.db else Path(tmp) / "scale.jsonl"
        counts = build(args.docs, source, args.articles)
        db = args.db or Path(tmp) / "scale.duckdb"
        log = _marks_path(db) if args.db else None
        before = _stored(db) if args.resume else 0
        earlier = _last_mark(log) if args.resume and log else {}
        base_s, base_cpu = earlier.get("seconds", 0.0), earlier.get("cpu_seconds", 0.0)
        print(f"{counts['documents']:,} documents ({counts['originals']:,} real articles, "
              f"{counts['variants']:,} built variants), {source.stat().st_size / 1e6:.0f} MB; "
              f"--engine {args.engine} --workers {args.workers}; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        if args.resume:
            print(f"  resuming: {before:,} documents stored in {db}; marks go on from "
                  f"{earlier.get('stored', 0):,} ({base_s:.0f} s, {base_cpu:.0f} CPU s)",
                  flush=True)  # fmt: skip
        # (stored in all runs, seconds since the first run's start) at each --every documents
        marks: list[tuple[int, float]] = []
        cpu_marks: list[float] = [_tree_cpu()]  # CPU seconds of this process and its workers
        steps = _Steps()
        step_marks: list[dict[str, float]] = [steps.snapshot()]
        step_rows: list[dict[str, float]] = []

        def progress(summary) -> None:
            total = before + summary.stored
            if total >= (before // args.every + 1 + len(marks)) * args.every:
                seconds = base_s + summary.seconds
                marks.append((total, seconds))
                cpu_marks.append(_tree_cpu())
                prev = marks[-2] if len(marks) > 1 else (before, base_s)
                rate = (total - prev[0]) / max(1e-9, seconds - prev[1])
                per_cpu = (total - prev[0]) / max(1e-9, cpu_marks[-1] - cpu_marks[-2])
                print(f"  {total:>7,} stored  {seconds:8.0f} s  "
                      f"{rate:6.2f} docs/s, {per_cpu:5.2f} docs per CPU s since the last "
                      f"mark; load {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
                step_marks.append(steps.snapshot())
                batches = (total - prev[0]) / args.batch_size
                per = _per_batch(step_marks[-2], step_marks[-1], batches)
                print(_step_line(per), flush=True)
                row = {"stored": total, **{k: round(v, 1) for k, v in per.items()}}
                step_rows.append(row)
                if log is not None:
                    cpu_total = base_cpu + cpu_marks[-1] - cpu_marks[0]
                    with log.open("a", encoding="utf-8") as fh:
                        fh.write(json.dumps({
                            "stored": total, "seconds": round(seconds, 1),
                            "cpu_seconds": round(cpu_total, 1), "docs_per_s": round(rate, 2),
                            "docs_per_cpu_s": round(per_cpu, 2),
                            "rss_mb": round(psutil.Process().memory_info().rss / 1e6),
                            "steps_ms_per_batch": row,
                        }) + "\n")  # fmt: skip

        peak = _Peak()
        peak.start()
        steps.install()
        try:
            summary = ingest([source], db=db, workers=args.workers, engine=args.engine,
                             scheduler=args.scheduler, progress=progress,
                             batch_size=args.batch_size)  # fmt: skip
        finally:
            steps.uninstall()
        peak.stop.set()
        extra = {_input_path(db), _marks_path(db)}  # (beside the store, not of it)
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p not in extra)
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF,
              resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime"))  # fmt: skip
    pairs = zip([(before, base_s), *marks], marks, strict=False)
    rates = [(b[0] - a[0]) / max(1e-9, b[1] - a[1]) for a, b in pairs]
    figures = {
        **counts,
        "engine": args.engine,
        "workers": summary.workers,
        "stored": summary.stored,
        "stored_before": before,
        "duplicates": summary.duplicates + summary.near_duplicates,
        "skipped": summary.skipped,
        "events": summary.events,
        "seconds": round(summary.seconds, 1),
        "docs_per_s": round(summary.docs_per_s, 2),
        "cpu_seconds": round(cpu, 1),
        "docs_per_cpu_s": round(summary.stored / max(1e-9, cpu), 2),
        "docs_per_s_first": round(rates[0], 2) if rates else None,
        "docs_per_s_last": round(rates[-1], 2) if rates else None,
        "peak_rss_mb": round(peak.peak / 1e6),
        "store_mb": round(size / 1e6, 1),
        "store_mb_per_1000_docs": round(size / 1e6 / max(1, summary.stored) * 1000, 1),
    }
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(
            json.dumps({**figures, "rates": rates, "steps_ms_per_batch": step_rows}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
