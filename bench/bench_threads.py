"""What one idle thread costs spaCy's parsers: the NER over the same articles in two fresh
processes, one that never started a thread and one that started (and ended) one first.

Usage:
    python bench/bench_threads.py                 # 200 Reuters articles, 3 pairs of processes

Both processes load sitmap's pipeline with ``sitmap.threads.quiet_libraries`` (so numpy's
OpenBLAS starts no pool), run every component before the NER over the articles, then time the
NER alone (CPU seconds, ``time.process_time``) in batches of 16, as ``sitmap ingest`` does.
The only difference is ``threading.Thread(...).start(); join()`` before the timing: glibc then
takes every mutex (each of the GIL's many hand-offs inside spaCy's compiled parsers) the
atomic way for the rest of the process (see ``sitmap.threads``). The two processes of a pair
run one after the other; read the per-pair difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = (ROOT / ".." / "shared" / "corpora" / "isot-reuters-2017-sample.jsonl").resolve()

CHILD = r"""
import json, sys, threading, time
from sitmap import threads
threads.quiet_libraries()
from sitmap import nlp
model = nlp.load()
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[: int(sys.argv[2])]
docs = [model.make_doc(json.loads(ln)["text"]) for ln in lines if ln.strip()]
for name, proc in model.pipeline:
    if name == "ner":
        break
    docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
if sys.argv[3] == "thread":
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join()
ner = model.get_pipe("ner")
start = time.process_time()
for i in range(0, len(docs), 16):
    list(ner.pipe(docs[i : i + 16]))
print(json.dumps({"ner": time.process_time() - start, "single": threads.single_threaded()}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    print(f"{args.corpus.name}: first {args.limit} articles; load average {os.getloadavg()[0]:.1f}")
    for run in range(1, args.runs + 1):
        row = {}
        for mode in ("none", "thread"):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(args.corpus), str(args.limit), mode],
                capture_output=True, text=True, check=True, env=env,
            )  # fmt: skip
            row[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        a, b = row["none"], row["thread"]
        print(f"run {run}: NER {a['ner']:.2f} CPU s never a thread (single-threaded: "
              f"{a['single']}), {b['ner']:.2f} s after one ({b['single']}): "
              f"{b['ner'] / a['ner']:.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
