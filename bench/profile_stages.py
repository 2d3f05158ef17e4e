"""Where `sitmap ingest` spends its time: the share of each stage, on real articles, one process.

Usage:
    python bench/profile_stages.py                        # first 200 Reuters articles
    python bench/profile_stages.py --limit 100 --top 25   # and the 25 costliest functions
    python bench/profile_stages.py --top 30 --within geo  # the costliest functions inside geo
    python bench/profile_stages.py --components --limit 80  # bare spaCy, per pipeline component
    python bench/profile_stages.py --cpu --limit 100      # CPU seconds (steadier on a busy machine)
    python bench/profile_stages.py --spacy --cpu          # sitmap's spaCy pass beside bare spaCy's

Runs ``sitmap.corpus.ingest`` with one worker (in this process) into a fresh temporary store,
the way ``sitmap ingest --workers 1`` does, with every stage's entry point wrapped by a timer:
spaCy (``nlp.analyse``: tagging, NER, sentence split, the parser on candidate sentences),
actors (and placing them, offices), events, attribution, fatalities, conflict coding, geo,
when, confidence, the language check, situations, deduplication, the store's writes;
"read + prepare + other glue" is what is left of the wall time. Model and gazetteer loading are
timed apart (``load``). With ``--top`` the run is also under cProfile and the costliest
functions (own time) are listed, all of them or only those in one module (``--within``), with
the count of spaCy ``Token`` objects made (``--save FILE`` keeps the stats for ``pstats``:
callers and callees) (each ``doc[i]``, ``token.head``, ``for t in doc``
makes one; ``sitmap.tokens`` reads the columns instead).
``--components`` instead times each component of the bare spaCy pipeline (the full model, as
``bench_engines.py``'s baseline runs it) over the same texts, batches of 16. ``--spacy`` times
sitmap's own spaCy pass (``nlp.analyse``) step by step over the prepared articles, batches of
16 as in ``sitmap ingest``: each component of its pipeline (the memoised attributes instead of
the attribute ruler and lemmatizer, the sentence recogniser instead of the parser), then the
sentence split with the candidate gate, then the parser on the sentences the gate keeps, with
how many tokens each step sees; and beside it the bare pipeline's components on the same texts.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REUTERS = (ROOT / ".." / "shared" / "corpora" / "isot-reuters-2017-sample.jsonl").resolve()

SPENT: dict[str, float] = defaultdict(float)
CLOCK = time.perf_counter
"""Wall time; ``--cpu``: this process's CPU time (``time.process_time``), which the load of a
shared machine moves much less."""


def _timed(name: str, fn: Callable) -> Callable:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = CLOCK()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name] += CLOCK() - start

    return wrapper


def _timed_gen(name: str, fn: Callable) -> Callable:
    """Time a generator's own work: only the time spent inside its ``next`` calls."""

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = fn(*args, **kwargs)
        while True:
            start = CLOCK()
            try:
                item = next(it)
            except StopIteration:
                SPENT[name] += CLOCK() - start
                return
            SPENT[name] += CLOCK() - start
            yield item

    return wrapper


def _instrument() -> None:
    from sitmap import (
        actors,
        attribution,
        confidence,
        conflict,
        dedup,
        events,
        fatalities,
        geo,
        nlp,
        situations,
        store,
        when,
    )
    from sitmap.ingest import language

    nlp.analyse = _timed_gen("spaCy (nlp.analyse)", nlp.analyse)
    actors.code = _timed("actors", actors.code)
    actors.localise = _timed("actors (localise)", actors.localise)
    actors.in_office = _timed("actors (in office)", actors.in_office)
    fatalities.count = _timed("fatalities", fatalities.count)
    conflict.code = _timed("conflict", conflict.code)
    confidence.score = _timed("confidence", confidence.score)
    language.check_english = _timed("language check", language.check_english)
    events.extract = _timed("events", events.extract)
    attribution.attribute = _timed("attribution", attribution.attribute)
    geo.resolve = _timed("geo", geo.resolve)
    when.resolve = _timed("when", when.resolve)
    situations.Updater.update = _timed("situations", situations.Updater.update)
    for name in ("signature", "match", "add"):
        setattr(dedup.Deduper, name, _timed("dedup", getattr(dedup.Deduper, name)))
    store.Store.write_many = _timed("store writes", store.Store.write_many)


def components(texts: list[str]) -> dict[str, float]:
    """Seconds and share of each component of the bare model's pipeline (and the tokenizer)."""
    import spacy

    from sitmap.nlp import MODEL

    model = spacy.load(MODEL)
    list(model.pipe(texts[:4]))
    spent: dict[str, float] = defaultdict(float)
    for i in range(0, len(texts), 16):
        start = CLOCK()
        docs = [model.make_doc(t) for t in texts[i : i + 16]]
        spent["tokenizer"] += CLOCK() - start
        for name, proc in model.pipeline:
            start = CLOCK()
            docs = list(proc.pipe(docs, batch_size=16))
            spent[name] += CLOCK() - start
    total = sum(spent.values())
    print(f"bare {MODEL}, {len(texts)} articles: {total:.1f} s")
    for name, seconds in spent.items():
        print(f"  {name:<20} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    return dict(spent)


def sitmap_components(lines: list[str]) -> dict[str, float]:
    """Seconds of each step of sitmap's spaCy pass (``nlp.analyse``, batches of 16), and the
    tokens each sees: the pipeline over every prepared article, the parser on gate sentences."""
    from sitmap import contractions, events, nlp
    from sitmap.errors import SitmapError
    from sitmap.ingest import from_text

    docs = []
    for line in lines:
        record = json.loads(line)
        try:
            docs.append(from_text(record["text"], title=record.get("title")))
        except SitmapError:
            continue  # not an article sitmap would keep (empty, not English)
    model = nlp.load()
    parser = model.get_pipe("parser")
    list(model.pipe(["The army said on Tuesday it had shelled the town."]))
    spent: dict[str, float] = defaultdict(float)
    tokens = parsed = 0
    for i in range(0, len(docs), 16):
        batch = docs[i : i + 16]
        start = CLOCK()
        sdocs = [model.make_doc(contractions.restore(d.clean_text)) for d in batch]
        spent["tokenizer"] += CLOCK() - start
        tokens += sum(len(s) for s in sdocs)
        for name, proc in model.pipeline:
            start = CLOCK()
            if hasattr(proc, "pipe"):
                sdocs = list(proc.pipe(sdocs, batch_size=16))
            else:  # a plain function component (the paragraph breaks)
                sdocs = [proc(s) for s in sdocs]
            spent[name] += CLOCK() - start
        start = CLOCK()
        pairs = zip(batch, sdocs, strict=True)
        group = [(d, nlp._sentences(d, s, events.may_hold_event)) for d, s in pairs]
        spent["sentences + gate"] += CLOCK() - start
        parsed += sum(len(sent) for _, chosen in group for _, sent in chosen)
        start = CLOCK()
        list(nlp._parse(group, parser, 16))
        spent["parser (gate sentences)"] += CLOCK() - start
    total = sum(spent.values())
    print(f"sitmap's spaCy pass, {len(docs)} articles kept, {tokens:,} tokens, the parser on "
          f"{parsed:,} ({100 * parsed / max(tokens, 1):.0f}%): {total:.1f} s")  # fmt: skip
    for name, seconds in spent.items():
        print(f"  {name:<24} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    return dict(spent)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--top", type=int, default=0, help="also list the N costliest functions")
    ap.add_argument("--within", default="", help="only functions whose file path contains this")
    ap.add_argument("--json", type=Path, help="also write the shares here")
    ap.add_argument("--save", type=Path, help="with --top: also save the cProfile stats here")
    ap.add_argument("--components", action="store_true", help="bare spaCy, per component")
    ap.add_argument("--spacy", action="store_true", help="sitmap's spaCy pass beside bare's")
    ap.add_argument("--cpu", action="store_true", help="CPU seconds instead of wall seconds")
    args = ap.parse_args(argv)
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    if args.components:
        lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
        components([json.loads(ln)["text"] for ln in lines[: args.limit or None]])
        return 0
    if args.spacy:
        lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
        lines = lines[: args.limit or None]
        mine = sitmap_components(lines)
        bare = components([json.loads(ln)["text"] for ln in lines])
        print(f"sitmap's pass / bare pipeline: {sum(mine.values()) / sum(bare.values()):.2f}")
        return 0

    from sitmap import geo, nlp
    from sitmap.corpus import ingest

    start = CLOCK()
    nlp.load()
    geo.gazetteer()
    load = CLOCK() - start
    _instrument()
    lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = lines[: args.limit] if args.limit else lines
    profiler = cProfile.Profile() if args.top else None
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
        start = CLOCK()
        if profiler:
            profiler.enable()
        summary = ingest([subset], db=Path(tmp) / "profile.duckdb", workers=1)
        if profiler:
            profiler.disable()
        wall = CLOCK() - start
    shares = dict(sorted(SPENT.items(), key=lambda kv: -kv[1]))
    shares["read + prepare + other glue"] = wall - sum(SPENT.values())
    print(f"{args.corpus.name}: {len(lines)} articles, {summary.stored} stored, "
          f"{summary.events} events, {summary.words:,} words; ingest {wall:.1f} s "
          f"({summary.stored / wall:.1f} docs/s), "
          f"model + gazetteer load {load:.1f} s apart")  # fmt: skip
    for name, seconds in shares.items():
        print(f"  {name:<30} {seconds:7.2f} s  {100 * seconds / wall:5.1f}%")
    if profiler:
        stats = pstats.Stats(profiler)
        if args.save:
            stats.dump_stats(args.save)  # (read with pstats: callers, callees)
        made = sum(
            v[1]
            for k, v in stats.stats.items()  # type: ignore[attr-defined]
            if k[2] == "cinit" and k[0].endswith("token.pxd")
        )
        print(f"\nspaCy Token objects made: {made:,} ({made / max(summary.words, 1):.1f} a word)")
        rows = [(k, v) for k, v in stats.stats.items() if args.within in k[0]]  # type: ignore[attr-defined]
        rows.sort(key=lambda kv: -kv[1][2])
        print(f"\ncostliest functions (own time){' in ' + args.within if args.within else ''}:")
        for (file, line, func), (_, calls, own, cum, _) in rows[: args.top]:
            where = f"{Path(file).parent.name}/{Path(file).name}:{line}"
            print(f"  {own:7.2f} s own {cum:7.2f} s cum {calls:>9,} calls  {func}  {where}")
    if args.json:
        args.json.write_text(json.dumps({"wall": wall, "load": load, "shares": shares}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
