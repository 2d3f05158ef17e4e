"""`sitmap ingest` with each engine and worker count, beside the bare spaCy pipeline, whole process.

Usage:
    python bench/bench_engines.py                          # 200 Reuters articles, 1 run
    python bench/bench_engines.py --runs 3 --configs local:1          # the speed ratio, 3 runs
    python bench/bench_engines.py --configs local:1 local:2 dask:1 dask:2 --json out.json

Every measurement is a whole fresh process timed from start to exit, as a user runs it:

* bare spaCy: ``python -c`` that imports spaCy, loads ``sitmap.nlp.MODEL`` (the full pipeline,
  parser on every sentence) and runs ``nlp.pipe`` over the articles' texts;
* sitmap: ``sitmap ingest SUBSET.jsonl --db NEW.duckdb --engine E --workers N`` (reading,
  deduplication, the whole pipeline, the store, situations; model loading in the workers, a
  dask cluster's start and stop).

Each run measures the baseline and then every config, so each ratio (bare seconds / sitmap
seconds: above 1 means sitmap is faster) is against a baseline from the same run: on a shared,
noisy machine only these ratios mean anything. Docs per CPU second (user + system time of the
process and its workers) is the per-core throughput, which hardly depends on the load. Peak RSS
is the largest sum of resident memory over the process and all its children (sampled every
0.1 s with psutil).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
REUTERS = (ROOT / ".." / "shared" / "corpora" / "isot-reuters-2017-sample.jsonl").resolve()

BARE = """
import json, sys, spacy
from sitmap.nlp import MODEL
nlp = spacy.load(MODEL)
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(cmd: list[str]) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS (MB, process tree), stdout and CPU seconds of one whole process.

    CPU seconds (user + system, the process and every child it waited for) hardly depend on
    what else the machine runs: docs per CPU second is the per-core throughput.
    """
    cpu = _cpu()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path[1:]])}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}):\n{err[-2000:]}")
    return seconds, peak / 1e6, out, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--configs", nargs="+", default=["local:1", "local:2", "dask:1", "dask:2"],
                    help="ENGINE:WORKERS")  # fmt: skip
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = lines[: args.limit] if args.limit else lines
    words = sum(len(json.loads(ln)["text"].split()) for ln in lines)
    print(f"{args.corpus.name}: {len(lines)} articles, {words:,} words; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    sitmap = [sys.executable, "-c", "from sitmap.cli import main; main()", "ingest"]
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for run in range(1, args.runs + 1):
            bare, bare_rss, _, bare_cpu = _measure([sys.executable, "-c", BARE, str(subset)])
            print(f"run {run}: bare spaCy {bare:6.1f} s  {len(lines) / bare:5.2f} docs/s  "
                  f"peak RSS {bare_rss:5.0f} MB  "
                  f"{len(lines) / bare_cpu:5.2f} docs per CPU s")  # fmt: skip
            for config in args.configs:
                engine, workers = config.split(":")
                db = Path(tmp) / f"{engine}-{workers}-{run}.duckdb"
                cmd = [*sitmap, str(subset), "--db", str(db), "--engine", engine,
                       "--workers", workers, "--format", "json"]  # fmt: skip
                seconds, rss, out, cpu = _measure(cmd)
                summary = json.loads(out)
                ratio = bare / seconds
                print(f"run {run}: sitmap ingest --engine {engine} --workers {workers}: "
                      f"{seconds:6.1f} s  {summary['stored'] / seconds:5.2f} docs/s  peak RSS "
                      f"{rss:5.0f} MB  {summary['stored'] / cpu:5.2f} docs per CPU s  "
                      f"{summary['events']} events  "
                      f"ratio to bare {ratio:.2f}")  # fmt: skip
                results.append({"run": run, "engine": engine, "workers": int(workers),
                                "seconds": seconds, "bare_seconds": bare, "ratio": ratio,
                                "peak_rss_mb": rss, "bare_peak_rss_mb": bare_rss,
                                "cpu_seconds": cpu, "bare_cpu_seconds": bare_cpu,
                                "stored": summary["stored"],
                                "events": summary["events"]})  # fmt: skip
    if args.runs > 1:
        for config in args.configs:
            engine, workers = config.split(":")
            ratios = [r["ratio"] for r in results
                      if (r["engine"], r["workers"]) == (engine, int(workers))]  # fmt: skip
            print(f"{config}: ratios {', '.join(f'{r:.2f}' for r in ratios)} "
                  f"(median {statistics.median(ratios):.2f})")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
