"""Speed and memory of ``sitmap extract`` beside the bare spaCy pipeline, on the same texts.

Usage:
    python bench/bench_extract.py                      # the packaged demo corpus, repeated
    python bench/bench_extract.py --corpus PATH.jsonl --limit 300

Each measurement runs in a fresh process (spawn) so its peak RSS is its own. Model loading and
the gazetteer load are done before the clock starts and reported separately. Prints one table
and, with --json, writes the figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from importlib import resources
from pathlib import Path


def _texts(corpus: str | None, limit: int, repeat: int) -> list[dict]:
    if corpus:
        rows = [json.loads(line) for line in Path(corpus).read_text().splitlines() if line.strip()]
    else:
        demo = resources.files("sitmap.data").joinpath("demo/demo.jsonl").read_text()
        rows = [json.loads(line) for line in demo.splitlines() if line.strip()] * repeat
    return rows[:limit] if limit else rows


def _bare(rows: list[dict], queue: mp.Queue) -> None:
    import spacy

    from sitmap.nlp import MODEL

    nlp = spacy.load(MODEL)
    texts = [r["text"] for r in rows]
    list(nlp.pipe(texts[:2]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    seconds = time.perf_counter() - start
    queue.put(
        {"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    )


def _sitmap(rows: list[dict], queue: mp.Queue) -> None:
    from sitmap import geo, ingest, nlp, pipeline

    t0 = time.perf_counter()
    nlp.load()
    geo.gazetteer()
    load_seconds = time.perf_counter() - t0
    docs = []
    skipped = 0
    for r in rows:
        try:
            docs.append(
                ingest.from_text(
                    r["text"],
                    source=r.get("source"),
                    published=r.get("published") or r.get("published_raw"),
                    title=r.get("title"),
                )
            )
        except Exception:
            skipped += 1
    list(pipeline.process(docs[:2]))
    start = time.perf_counter()
    events = sum(len(d.events) for d in pipeline.process(docs))
    seconds = time.perf_counter() - start
    queue.put(
        {
            "seconds": seconds,
            "load_seconds": load_seconds,
            "events": events,
            "skipped": skipped,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )


def _run(target, rows: list[dict]) -> dict:
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(rows, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="JSONL with a 'text' field (default: packaged demo corpus)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=40, help="demo corpus repetitions")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    rows = _texts(args.corpus, args.limit, args.repeat)
    words = sum(len(r["text"].split()) for r in rows)
    bare = _run(_bare, rows)
    ours = _run(_sitmap, rows)
    figures = {
        "corpus": args.corpus or f"demo corpus x{args.repeat}",
        "articles": len(rows),
        "words": words,
        "bare_spacy_words_per_s": round(words / bare["seconds"]),
        "bare_spacy_articles_per_s": round(len(rows) / bare["seconds"], 1),
        "bare_spacy_peak_rss_mb": round(bare["rss_mb"]),
        "sitmap_words_per_s": round(words / ours["seconds"]),
        "sitmap_articles_per_s": round(len(rows) / ours["seconds"], 1),
        "sitmap_peak_rss_mb": round(ours["rss_mb"]),
        "sitmap_load_seconds": round(ours["load_seconds"], 2),
        "sitmap_events": ours["events"],
        "ratio_vs_bare": round(bare["seconds"] / ours["seconds"], 2),
    }
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
