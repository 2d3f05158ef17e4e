"""The fixed costs of one ``sitmap ingest`` process: CPU seconds of each thing loaded or opened
once per run, in a fresh process, in the order an ingest meets them.

Usage:
    python bench/fixed_costs.py                 # one fresh process
    python bench/fixed_costs.py --runs 3        # three fresh processes, each step's median

Steps: the interpreter with ``sitmap.cli`` imported; the spaCy model (``nlp.load``); the
gazetteer (``geo.gazetteer``, from its cache file); the actor lexicon; a fresh store opened
(migrations); the situations updater on it; the deduplicator with its first signature; the
language check's first call; the first article through ``pipeline.process`` (what a first
call loads lazily). CPU time (``time.process_time``) moves little with a shared machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = (ROOT / ".." / "shared" / "corpora" / "isot-reuters-2017-sample.jsonl").resolve()

CHILD = r"""
import json, sys, tempfile, time
from pathlib import Path
t0 = time.process_time()
import sitmap.cli  # noqa: F401
out = {"interpreter + import sitmap.cli": time.process_time()}
def step(name, fn):
    start = time.process_time()
    value = fn()
    out[name] = time.process_time() - start
    return value
from sitmap import geo, nlp, pipeline, situations
from sitmap.actors import lexicon
from sitmap.dedup import Deduper
from sitmap.ingest import from_text
from sitmap.ingest.language import check_english
from sitmap.store import Store
text = json.loads(open(sys.argv[1], encoding="utf-8").readline())["text"]
step("spaCy model (nlp.load)", nlp.load)
step("gazetteer (geo.gazetteer)", geo.gazetteer)
step("actor lexicon", lexicon.load)
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "s.duckdb"
    store = step("fresh store (open + migrations)", lambda: Store(path, hold=False))
    def updater():
        with store.session():
            return situations.Updater(store)
    step("situations updater", updater)
    step("deduplicator + first signature", lambda: Deduper().signature(text))
    step("language check, first call", lambda: check_english(text))
    doc = from_text(text)
    step("first article through the pipeline", lambda: list(pipeline.process([doc])))
    store.close()
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args(argv)
    env_path = str(ROOT / "src")
    runs: list[dict[str, float]] = []
    for _ in range(args.runs):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.corpus)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONPATH": env_path},
        )  # fmt: skip
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    total = 0.0
    for name in runs[0]:
        value = statistics.median(r[name] for r in runs)
        total += value
        print(f"{name:40s} {value:6.2f} CPU s")
    print(f"{'total':40s} {total:6.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
