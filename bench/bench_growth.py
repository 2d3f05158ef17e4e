"""Does ingest slow down as the store grows? Per-batch cost of its main process, 1k to 10k docs.

``sitmap ingest``'s main process does, for every batch of ``corpus.BATCH_SIZE`` processed
documents: near-duplicate detection (a MinHash of each text, a query of the datasketch LSH
index of every stored first copy, then its insertion), the store commit (``write_many`` in one
transaction, on a ``hold=False`` store that releases the file between batches as ingest does)
and the incremental situations (``situations.Updater.update``). The NLP runs in the workers
and does not depend on the store, so this bench leaves it out: the documents are SYNTHETIC,
already processed (random-word texts of ~250 words, 5% of them near-copies of an earlier
text; 4 events each, a third of them retelling a recent real-world event so that situations
merge), and fed to those three steps exactly as ``corpus.ingest`` does.

Printed per 1,000 stored documents: CPU milliseconds per batch (this process and DuckDB's
threads: the machine is shared, and CPU time hardly depends on its load) for each step and in
all, the process's resident memory at the mark, and the ratio of the last window to the first
(flat: about 1). ``--days N`` puts every
event in one N-day window (a backfill of one period: the density of events per day grows with
the store, as in bench_scale.py's variants of the Oct-Dec 2017 corpora); by default the
publication dates advance with the feed (``--per-day`` documents a day), as a running feed
does.

    python bench/bench_growth.py [--docs 10000] [--days 90] [--predicted 0.1] [--json out.json]
    python bench/bench_growth.py --replay scale8k.duckdb [--docs 8000]
    python bench/bench_growth.py --replay corpora.duckdb --variants --docs 6000

``--replay STORE`` feeds the documents of a store that a real ingest wrote (``bench_scale.py
--db``), in the order it wrote them, with the events, actors, places and dates the workers
gave them, through the same three steps into a fresh store: the parent's work on real news
(and on bench_scale's built variants) without the NLP, in minutes. With ``--variants`` the
stored documents are followed by the variants ``bench_scale.build`` would write of them, up to
``--docs``, each carrying the stored analysis of its two halves (``variant_feed``): the
variant input of the 100,000-document run (past the real articles every document repeats an
original's events) from one ingest of the real articles, without the NLP of the variants.

``--sizes 5000,20000,50000`` instead loads stores of those sizes in bulk (documents written
in large batches, situations built once), then times ``--batches`` ingest batches (store commit,
situations update, release) on each, with the store's lookup indexes (migration
``0005_lookup_indexes``) and, as the baseline in the same run, on a copy without them.
De-duplication is left out there: its LSH index lives in memory, not in the store.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

from sitmap import situations
from sitmap.corpus import BATCH_SIZE
from sitmap.dedup import Deduper
from sitmap.model import Actor, DateExpr, Document, Event, Place

TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "PROTEST", "COERCE", "ACCUSE", "CONSULT", "THREATEN")
SECTORS = ("MIL", "GOV", "COP", "REB", "INS", "CVL")


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(6000)]


def synthetic_feed(
    n: int, *, days: int = 0, per_day: int = 100, seed: int = 11, predicted: float = 0.0
) -> list[Document]:
    """``n`` processed documents (see the module docstring); a ``predicted`` share of the
    events are forecasts (no date of their own: the prediction horizon from publication)."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    towns = [
        {"name": f"Town {c}-{t}", "geonameid": 50_000 + 10 * c + t, "country": f"C{c:01d}",
         "admin1": f"R{c}", "lat": -20 + 2.0 * c + rng.uniform(-1, 1),
         "lon": 10 + 3.0 * t + rng.uniform(-1, 1), "feature_class": "P", "feature_code": "PPL"}
        for c in range(30) for t in range(8)
    ]  # fmt: skip
    start = date(2017, 1, 1)
    recent: list[tuple] = []  # real-world events told again by later documents
    texts: list[str] = []
    docs = []
    for i in range(n):
        published = start + timedelta(days=rng.randrange(days) if days else i // per_day)
        if texts and rng.random() < 0.05:  # a near-copy: a few words changed
            text = texts[rng.randrange(max(0, len(texts) - 500), len(texts))].split()
            for _ in range(3):
                text[rng.randrange(len(text))] = rng.choice(words)
            text = " ".join(text)
        else:
            text = " ".join(rng.choice(words) for _ in range(250))
        texts.append(text)
        doc = Document(text=text, source=f"Outlet {rng.randrange(40)}", published=published,
                       url=f"https://feed.example/{i}")  # fmt: skip
        for s in range(4):
            if recent and rng.random() < 0.33:
                town, day, plover, src = rng.choice(recent[-400:])
            else:
                town, plover = rng.choice(towns), rng.choice(TYPES)
                day = published - timedelta(days=rng.choice((0, 0, 1)))
                src = f"{town['country']}X{rng.choice(SECTORS)}"
                recent.append((town, day, plover, src))
            ev = Event(doc_id=doc.id, sentence=s, start=0, end=10, evidence=text[:120],
                       trigger="hit", plover=plover, cameo="19", status="asserted",
                       source=Actor(text=src, start=0, end=1, code=src, sector=src[4:],
                                    country=src[:3]))  # fmt: skip
            ev.place = Place(text=town["name"], start=0, end=1, score=0.9, **town)
            if predicted and rng.random() < predicted:
                ev.status = "predicted"
            elif rng.random() < 0.6:
                ev.date = DateExpr(text="on Monday", start=0, end=1, date=day.isoformat(),
                                   precision="day")  # fmt: skip
            ev.id = ""
            ev.__post_init__()
            doc.events.append(ev)
        docs.append(doc)
    return docs


def replay_feed(path: Path, limit: int = 0) -> list[Document]:
    """The documents of the store at ``path`` in the order they were written, as processed
    ``Document``\\ s (events, actors, places and dates as stored; see the module docstring)."""
    import dataclasses
    import json as _json
    from collections import defaultdict

    from sitmap.store import Store
    from sitmap.store.schema import _ACTOR_COLUMNS, _DATE_COLUMNS, _PLACE_COLUMNS

    docs: list[Document] = []
    with Store(path, read_only=True) as store:
        rows = store.con.execute(
            "SELECT id, source, url, published, title, language, path, text, removed, meta "
            "FROM documents ORDER BY rowid" + (f" LIMIT {int(limit)}" if limit else "")
        ).fetchall()
        mentions: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for table, cols, cls in (("actors", _ACTOR_COLUMNS, Actor), ("places", _PLACE_COLUMNS,
                                 Place), ("dates", _DATE_COLUMNS, DateExpr)):  # fmt: skip
            names = {f.name for f in dataclasses.fields(cls)}
            keep = [c for c in cols if c in names]
            quoted = ", ".join(f'"{c}"' for c in keep)
            for doc_id, *values in store.con.execute(
                f"SELECT doc_id, {quoted} FROM {table} ORDER BY doc_id, idx"
            ).fetchall():
                row = dict(zip(keep, values, strict=True))
                if isinstance(row.get("date"), date):
                    row["date"] = row["date"].isoformat()
                mentions[doc_id][table].append(cls(**row))
        events: dict[str, list[Event]] = defaultdict(list)
        for doc_id, record in store.con.execute(
            'SELECT doc_id, record FROM events ORDER BY doc_id, start, "end", id'
        ).fetchall():
            events[doc_id].append(Event.from_dict(_json.loads(record)))
    for doc_id, source, url, published, title, language, where, text, removed, meta in rows:
        doc = Document.from_dict({
            "id": doc_id, "source": source, "url": url, "published": published,
            "title": title, "language": language, "path": where, "text": text,
            "removed": _json.loads(removed or "[]"), "meta": _json.loads(meta or "{}"),
        })  # fmt: skip
        doc.actors = mentions[doc_id]["actors"]
        doc.places = mentions[doc_id]["places"]
        doc.dates = mentions[doc_id]["dates"]
        doc.events = events.get(doc_id, [])
        docs.append(doc)
    return docs


def _halves(text: str) -> tuple[int, int]:
    """Where ``bench_scale.build``'s variants cut an article: (the end of its first half of
    sentences, the start of its second half)."""
    from bench_scale import _SENTENCE_END

    ends = [m.start() for m in _SENTENCE_END.finditer(text)]  # a sentence ends here
    starts = [m.end() for m in _SENTENCE_END.finditer(text)]  # the next one starts here
    parts = len(ends) + 1
    head = max(1, parts // 2)
    head_end = ends[head - 1] if head - 1 < len(ends) else len(text)
    tail_start = starts[parts // 2 - 1] if parts // 2 >= 1 else 0
    return head_end, tail_start


def _moved(items: list, shift: int, doc_id: str) -> list:
    """Copies of mentions or events, their offsets moved by ``shift``, an event's document
    ``doc_id`` (and its id made again from it)."""
    out = []
    for item in items:
        item = type(item).from_dict(item.to_dict())
        for name in ("start", "end", "trigger_start", "trigger_end"):
            if shift and getattr(item, name, None) is not None:
                setattr(item, name, getattr(item, name) + shift)
        if isinstance(item, Event):
            item.doc_id, item.id = doc_id, ""
            item.__post_init__()
        out.append(item)
    return out


def variant_feed(docs: list[Document], n: int) -> list[Document]:
    """``docs`` and, past them, ``bench_scale.build``'s variants up to ``n`` documents, as
    processed documents: variant *r* of document *i* is its first half of sentences followed
    by the second half of document *i + r*'s, published when and by whom *i* was, with the
    events, actors, places and dates the stored analysis found in those halves (offsets
    moved, ids of the new document). The NLP of a real variant may differ at the seam (a
    pronoun, a relative date read from the other article's day); the events repeat the
    originals' as ``bench_scale``'s do, so its stories grow the same way."""
    out = list(docs[:n])
    cuts = [_halves(d.text) for d in docs]
    k = len(out)
    while len(out) < n:
        rnd, i = divmod(k, len(docs))
        j = (i + rnd) % len(docs)
        k += 1
        first, second = docs[i], docs[j]
        head_end, tail_start = cuts[i][0], cuts[j][1]
        text = first.text[:head_end] + " " + second.text[tail_start:]
        shift = head_end + 1 - tail_start
        doc = Document(text=text, source=first.source, published=first.published,
                       title=f"{first.title or ''} (variant {rnd})",
                       language=first.language)  # fmt: skip
        for name in ("actors", "places", "dates", "events"):
            head = [x for x in getattr(first, name) if x.start < head_end]
            tail = [x for x in getattr(second, name) if x.start >= tail_start]
            items = [*_moved(head, 0, doc.id), *_moved(tail, shift, doc.id)]
            if name == "events":  # (two events of one id: the first, as a store keeps one)
                items = list({e.id: e for e in reversed(items)}.values())[::-1]
            setattr(doc, name, items)
        out.append(doc)
    return out


def run(docs: list[Document], db: Path, every: int) -> list[dict[str, float]]:
    """Feed ``docs`` through dedup, store commit and situations as ``corpus.ingest`` does;
    the mean milliseconds per batch of each step over every ``every`` stored documents."""
    from sitmap.store import Store

    store = Store(db, hold=False)
    dedup = Deduper()
    with store.session():
        updater = situations.Updater(store)
    windows: list[dict[str, float]] = []
    acc: dict[str, list[float]] = {"dedup": [], "commit": [], "situations": [], "release": []}
    stored = 0
    for b in range(0, len(docs), BATCH_SIZE):
        batch = []
        t = time.process_time()
        for doc in docs[b : b + BATCH_SIZE]:
            sig = dedup.signature(doc.text)
            match = dedup.match(sig)
            if match is not None:
                store.add_duplicate(
                    doc,
                    duplicate_of=match[0],
                    kind="near",
                    similarity=match[1],
                    signature=Deduper.to_bytes(sig),
                )
                continue  # fmt: skip
            dedup.add(doc.id, sig)
            batch.append((doc, Deduper.to_bytes(sig)))
        acc["dedup"].append(time.process_time() - t)
        t = time.process_time()
        with store.session():  # (re)opens the file
            store.write_many([d for d, _ in batch], signatures={d.id: s for d, s in batch})
            acc["commit"].append(time.process_time() - t)
            t = time.process_time()
            updater.update([d.id for d, _ in batch])
            acc["situations"].append(time.process_time() - t)
        # ingest waits for the workers' next batch (~1 s): the idle store releases the file
        # (DuckDB checkpoints on close), as ``Store(hold=False)`` does after IDLE_RELEASE
        t = time.process_time()
        with store._lock:
            store._release()
        acc["release"].append(time.process_time() - t)
        before, stored = stored, stored + len(batch)
        if stored // every > before // every:
            row = {k: 1000 * statistics.fmean(v) for k, v in acc.items()}
            row["total"] = sum(row.values())
            row["stored"] = stored
            row["rss_mb"] = psutil.Process().memory_info().rss >> 20
            windows.append(row)
            print(
                f"  {stored:>7,} stored   "
                + "   ".join(f"{k} {row[k]:6.1f}" for k in (*acc, "total"))
                + f" CPU ms/batch   RSS {row['rss_mb']:,} MB",
                flush=True,
            )
            acc = {k: [] for k in acc}
    with store.session():
        updater.count_copies()
    store.close()
    return windows


def _batches(store, updater, docs: list[Document]) -> dict[str, float]:
    """Commit, situations update and release of each ingest batch: mean CPU ms per batch."""
    acc: dict[str, list[float]] = {"commit": [], "situations": [], "release": []}
    for b in range(0, len(docs), BATCH_SIZE):
        batch = docs[b : b + BATCH_SIZE]
        t = time.process_time()
        with store.session():
            store.write_many(batch)
            acc["commit"].append(time.process_time() - t)
            t = time.process_time()
            updater.update([d.id for d in batch])
            acc["situations"].append(time.process_time() - t)
        t = time.process_time()
        with store._lock:
            store._release()
        acc["release"].append(time.process_time() - t)
    row = {k: 1000 * statistics.fmean(v) for k, v in acc.items()}
    row["total"] = sum(row.values())
    return row


def at_sizes(sizes: list[int], batches: int, tmp: Path) -> list[dict[str, float]]:
    """Per-batch cost on stores of each size, with and without the lookup indexes."""
    import shutil

    from sitmap.store import Store
    from sitmap.store.schema import MIGRATIONS

    indexes = [
        line.split()[5]
        for name, sql in MIGRATIONS
        if name == "0005_lookup_indexes"
        for line in sql.splitlines()
        if line.strip().startswith("CREATE INDEX")
    ]
    extra = batches * BATCH_SIZE
    feed = synthetic_feed(max(sizes) + extra)
    rows = []
    for size in sizes:
        base, new = feed[:size], feed[size : size + extra]
        db = tmp / f"size{size}.duckdb"
        store = Store(db)
        for i in range(0, size, 2000):
            store.write_many(base[i : i + 2000])
        situations.build(store)
        store.close()
        plain = tmp / f"size{size}-plain.duckdb"
        shutil.copy(db, plain)
        with Store(plain) as s:
            for name in indexes:
                s.con.execute(f"DROP INDEX IF EXISTS {name}")
        for label, path in (("indexes", db), ("no indexes", plain)):
            store = Store(path, hold=False)
            with store.session():
                updater = situations.Updater(store)
            row = _batches(store, updater, new)
            store.close()
            row.update(stored=size, variant=label)
            rows.append(row)
            print(
                f"  {size:>7,} stored  {label:<10}  "
                + "   ".join(
                    f"{k} {row[k]:6.1f}" for k in ("commit", "situations", "release", "total")
                )
                + " CPU ms/batch",
                flush=True,
            )
        for path in (db, plain):
            path.unlink()
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument(
        "--days",
        type=int,
        default=0,
        help="all events in one window of N days (0: dates advance with the feed)",
    )
    ap.add_argument("--per-day", type=int, default=100, help="documents a day of the feed")
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument(
        "--predicted",
        type=float,
        default=0.0,
        help="share of events that are forecasts, linked to the facts that fulfil them",
    )
    ap.add_argument("--json", type=Path)
    ap.add_argument("--replay", type=Path, help="a store written by an ingest (see above)")
    ap.add_argument(
        "--variants",
        action="store_true",
        help="with --replay: every stored document, then bench_scale's variants up to --docs",
    )
    ap.add_argument("--keep", type=Path, help="keep the fed store here")
    ap.add_argument("--sizes", help="comma-separated store sizes, loaded in bulk (see above)")
    ap.add_argument("--batches", type=int, default=20, help="ingest batches timed per size")
    args = ap.parse_args(argv)
    if args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            rows = at_sizes([int(x) for x in args.sizes.split(",")], args.batches, Path(tmp))
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2))
        return 0
    if args.replay:
        docs = replay_feed(args.replay, 0 if args.variants else args.docs)
        if args.variants:
            stored, docs = len(docs), variant_feed(docs, args.docs)
            print(f"{stored:,} stored documents and {len(docs) - stored:,} variants",
                  flush=True)  # fmt: skip
        print(f"{len(docs):,} processed documents replayed from {args.replay}, batches of "
              f"{BATCH_SIZE}", flush=True)  # fmt: skip
    else:
        docs = synthetic_feed(args.docs, days=args.days, per_day=args.per_day,
                              predicted=args.predicted)  # fmt: skip
        print(f"{len(docs):,} synthetic processed documents, batches of {BATCH_SIZE}, "
              + (f"all in {args.days} days" if args.days else f"{args.per_day} a day"),
              flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        windows = run(docs, args.keep or Path(tmp) / "growth.duckdb", args.every)
    if len(windows) >= 2:
        first, last = windows[0], windows[-1]
        print("last / first window: " + "   ".join(
            f"{k} {last[k] / max(1e-9, first[k]):.2f}x"
            for k in ("dedup", "commit", "situations", "release", "total")))  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(windows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
