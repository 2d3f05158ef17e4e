"""Every document's full output (events, places, dates, actors, sentences) on real articles,
as one JSON object per line: a speed change to the pipeline must leave this byte-identical.

Usage:
    python bench/dump_pipeline.py --out before.jsonl               # first 200 Reuters articles
    python bench/dump_pipeline.py --out after.jsonl && cmp before.jsonl after.jsonl
    python bench/dump_pipeline.py --corpus PATH.jsonl --limit 50 --out x.jsonl

Each article goes through ``ingest.from_text`` (title, published date and source when the
record has them) and ``pipeline.process`` with one process, in batches of 16 as ``sitmap
ingest`` runs them; articles sitmap refuses (empty, not English) are written as skip lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = (ROOT / ".." / "shared" / "corpora" / "isot-reuters-2017-sample.jsonl").resolve()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)

    from sitmap import pipeline
    from sitmap.errors import SitmapError
    from sitmap.ingest import from_text

    lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = lines[: args.limit] if args.limit else lines
    docs, out = [], []
    for n, line in enumerate(lines):
        rec = json.loads(line)
        try:
            docs.append(
                from_text(
                    rec["text"],
                    title=rec.get("title"),
                    published=rec.get("published_raw") or rec.get("published"),
                    source=rec.get("source"),
                )
            )
        except SitmapError as err:
            out.append(json.dumps({"skip": n, "reason": str(err)}, sort_keys=True))
    for doc in pipeline.process(docs, batch_size=16):
        out.append(json.dumps(doc.to_dict(), sort_keys=True, ensure_ascii=False))
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles, {len(out)} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
