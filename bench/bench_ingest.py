"""Corpus ingestion speed, memory and store size, beside the bare spaCy pipeline, same texts.

Usage:
    python bench/bench_ingest.py                          # largest corpus under ../shared/corpora
    python bench/bench_ingest.py --corpus PATH.jsonl --limit 200 --workers 1 2

For each worker count the first ``--limit`` articles are ingested (``sitmap.corpus.ingest``)
into a fresh temporary store, in a fresh process so peak RSS (self + worker processes, from
``resource.getrusage``) is its own. Timings include starting the workers and loading the model
and gazetteer in them, as a user sees them. The baseline is the bare spaCy pipeline
(``spacy.load(sitmap.nlp.MODEL)``, ``nlp.pipe`` over the same texts, model load not timed).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _largest_corpus() -> Path:
    corpora = sorted((ROOT / ".." / "shared" / "corpora").resolve().glob("*.jsonl"),
                     key=lambda p: p.stat().st_size)  # fmt: skip
    if not corpora:
        raise SystemExit("no corpus under ../shared/corpora; pass --corpus PATH.jsonl")
    return corpora[-1]


def _rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024  # ru_maxrss is in KiB on Linux; children: the largest one


def _ingest(subset: str, workers: int, queue: mp.Queue) -> None:
    from sitmap.corpus import ingest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        summary = ingest([subset], db=db, workers=workers)
        size = db.stat().st_size + (db.with_suffix(".duckdb.wal").stat().st_size
                                    if db.with_suffix(".duckdb.wal").exists() else 0)  # fmt: skip
    queue.put({**summary.to_dict(), "db_bytes": size, "rss_mb": _rss_mb()})


def _bare(texts: list[str], queue: mp.Queue) -> None:
    import spacy

    from sitmap.nlp import MODEL

    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:2]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    queue.put({"seconds": time.perf_counter() - start, "rss_mb": _rss_mb()})


def _run(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=0, help="first N articles (0: all)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    corpus = args.corpus or _largest_corpus()
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        lines = lines[: args.limit]
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {corpus.name}, {len(lines)} articles, {words:,} words; "
          f"{os.cpu_count()} CPU cores, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    results: dict = {"corpus": str(corpus), "articles": len(lines), "words": words, "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
        bare = _run(_bare, texts)
        bare_aps = len(texts) / bare["seconds"]
        print(f"bare spaCy nlp.pipe: {bare_aps:6.1f} articles/s {words / bare['seconds']:8.0f} "
              f"words/s  peak RSS {bare['rss_mb']:.0f} MB")  # fmt: skip
        for workers in args.workers:
            r = _run(_ingest, str(subset), workers)
            aps = r["stored"] / r["seconds"] if r["seconds"] else 0.0
            per_1000 = r["db_bytes"] / max(1, r["stored"] + r["duplicates"] + r["near_duplicates"])
            print(f"sitmap ingest, {workers} worker(s): {aps:6.1f} articles/s "
                  f"{r['words'] / r['seconds']:8.0f} words/s  peak RSS {r['rss_mb']:.0f} MB  "
                  f"DB {per_1000 * 1000 / 1e6:.1f} MB per 1,000 articles  "
                  f"({r['stored']} stored, {r['duplicates'] + r['near_duplicates']} duplicates, "
                  f"{r['events']} events, {r['skipped']} skipped, {r['seconds']:.1f} s)  "
                  f"ratio to bare spaCy: {aps / bare_aps:.2f}")  # fmt: skip
            results["runs"].append({"workers": workers, "articles_per_s": aps, **r})
        results["bare"] = {"articles_per_s": bare_aps, **bare}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
