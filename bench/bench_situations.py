"""Situations at scale on SYNTHETIC events: merge 100,000 events, update incrementally, check.

The events are generated (not extracted from text): ``--events`` reports of real-world events
over 90 days in 40 countries × 6 towns, 1–4 outlets telling each real event with jittered
actors (a named actor or its bare sector or nothing), places (the town, its region, its
country or nothing) and dates (the day, the month, or only the publication date), 16 PLOVER
types, a few predictions. They are written straight into a DuckDB store.

Measured (each several times; this machine is shared and noisy, so the best and the median are
printed):

* ``build``: every event merged into situations from scratch (target: 100,000 in ≤ 60 s), the
  vectorised build (``sitmap.situations.pairs``: candidate pairs and the cheap rules in DuckDB)
  against baselines from the same run: the rule-by-rule build (each event looked up in the
  buckets, as an incremental update does; the same situations), reading the merge keys of
  every event (the floor any merge pays), and an all-pairs comparison timed on a sample and
  extrapolated (what blocking avoids); wall and CPU seconds (CPU hardly depends on the load
  of this shared machine). Beside each build, where its wall time went, from the kernel's
  scheduler statistics of the calling thread (``/proc/thread-self/schedstat``, Linux): on a
  CPU, runnable but waiting for a CPU (the machine's load), and the rest, blocked (I/O, locks,
  DuckDB's own threads, sleeps); with its voluntary context switches and the blocks it read
  and wrote;
* ``update``: one ingest batch (16 new documents) merged into the full store;
* ``check``: ``check_document`` of one processed article against a store of ``--docs``
  documents (target: ≤ 5 s after the model is loaded; the NLP itself is timed by
  bench_extract.py).

    python bench/bench_situations.py [--events 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitmap import situations
from sitmap.model import Actor, DateExpr, Document, Event, Place
from sitmap.situations import rules, tables
from sitmap.situations.check import check_document
from sitmap.store import Store

TYPES = (["ASSAULT"] * 6 + ["PROTEST"] * 2 + ["COERCE"] * 2 + ["ACCUSE", "CONSULT", "AGREE",
         "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AID", "MOBILIZE", "SANCTION", "RETREAT",
         "CONCEDE", "COOPERATE"])  # fmt: skip
SECTORS = ("MIL", "GOV", "COP", "REB", "INS", "CVL")
OUTLETS = [f"Outlet {i:02d}" for i in range(30)]
WORDS = ("forces", "attacked", "the", "town", "on", "monday", "killing", "people", "officials",
         "said", "police", "troops", "protesters", "near", "capital", "after", "talks", "army",
         "militants", "strike", "residents", "witnesses", "government", "rebels")  # fmt: skip


def _world(rng: random.Random) -> list[dict]:
    countries = []
    for c in range(40):
        lat0, lon0 = rng.uniform(-30, 55), rng.uniform(-100, 140)
        iso2 = f"{chr(65 + c // 26)}{chr(65 + c % 26)}"
        towns = [
            {"name": f"Town {c}-{t}", "geonameid": 10_000 * (c + 1) + t, "country": iso2,
             "admin1": f"Region {c}-{t // 2}", "lat": lat0 + rng.uniform(-3, 3),
             "lon": lon0 + rng.uniform(-3, 3), "feature_class": "P", "feature_code": "PPL"}
            for t in range(6)
        ]  # fmt: skip
        countries.append({"iso2": iso2, "iso3": iso2 + "X", "towns": towns})
    return countries


def synthetic_docs(n_events: int, seed: int = 7) -> list[Document]:
    """Documents of 10 events each, ``n_events`` in all (see the module docstring)."""
    rng = random.Random(seed)
    world = _world(rng)
    start = date(2017, 10, 1)
    reports: list[tuple[str, date, Event]] = []
    while len(reports) < n_events:
        country = rng.choice(world)
        town = rng.choice(country["towns"])
        day = start + timedelta(days=rng.randrange(90))
        plover = rng.choice(TYPES)
        src = f"{country['iso3']}{rng.choice(SECTORS)}"
        tgt = f"{country['iso3']}{rng.choice(SECTORS)}" if rng.random() < 0.6 else None
        status = "predicted" if rng.random() < 0.05 else rng.choice(("asserted", "quoted"))
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
            outlet = rng.choice(OUTLETS)
            published = day + timedelta(days=rng.choice((0, 1, 1, 2)))
            words = " ".join(rng.choice(WORDS) for _ in range(12))
            ev = Event(doc_id="", sentence=0, start=0, end=10, evidence=words,
                       trigger="hit", plover=plover, cameo="19", status=status)  # fmt: skip
            if rng.random() < 0.8:
                code = src if rng.random() < 0.7 else src[3:]
                ev.source = Actor(text=code, start=0, end=1, code=code, sector=src[3:],
                                  country=country["iso3"] if code == src else None)  # fmt: skip
            if tgt and rng.random() < 0.7:
                ev.target = Actor(text=tgt, start=0, end=1, code=tgt, country=country["iso3"])
            r = rng.random()
            if r < 0.75:
                ev.place = Place(text=town["name"], start=0, end=1, score=0.9, **town)
            elif r < 0.85:
                ev.place = Place(text=country["iso2"], start=0, end=1, name=country["iso2"],
                                 country=country["iso2"], lat=town["lat"], lon=town["lon"],
                                 feature_class="A", feature_code="PCLI")  # fmt: skip
            r = rng.random()
            if r < 0.6:
                ev.date = DateExpr(text="on Monday", start=0, end=1, date=day.isoformat(),
                                   precision="day")  # fmt: skip
            elif r < 0.65:
                first = day.replace(day=1).isoformat()
                ev.date = DateExpr(text="this month", start=0, end=1, date=first,
                                   precision="month")  # fmt: skip
            reports.append((outlet, published, ev))
    rng.shuffle(reports)
    docs = []
    for i in range(0, n_events, 10):
        chunk = reports[i : i + 10]
        outlet, published, _ = chunk[0]
        doc = Document(text=f"synthetic document {i}", source=outlet, published=published,
                       url=f"https://{outlet.replace(' ', '').lower()}.example/{i}")  # fmt: skip
        for j, (_, _, ev) in enumerate(chunk):
            ev.doc_id, ev.sentence, ev.id = doc.id, j, ""
            ev.__post_init__()
            doc.events.append(ev)
        docs.append(doc)
    return docs


def _usage() -> tuple[float, float, float, int, int, int]:
    """Wall seconds; this thread's seconds on a CPU and runnable waiting for one (0 where the
    kernel does not say); this process's voluntary context switches, blocks read and written."""
    try:
        with open("/proc/thread-self/schedstat") as fh:
            on_cpu, queued = (int(v) / 1e9 for v in fh.read().split()[:2])
    except OSError:
        on_cpu = queued = 0.0
    r = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), on_cpu, queued, r.ru_nvcsw, r.ru_inblock, r.ru_oublock


def _where(before: tuple, after: tuple) -> str:
    """Where the wall time between two ``_usage()`` readings went."""
    wall, on_cpu, queued, waits, read, wrote = (b - a for a, b in zip(before, after, strict=True))
    blocked = wall - on_cpu - queued
    return (
        f"{wall:.1f} s = {on_cpu:.1f} on a CPU + {queued:.1f} waiting for one (load) + "
        f"{blocked:.1f} blocked; {waits:,} waits, {read:,}/{wrote:,} blocks in/out"
    )


def _times(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def _show(label: str, times: list[float], extra: str = "") -> None:
    print(f"  {label:<44} best {min(times):7.2f} s   median {statistics.median(times):7.2f} s"
          f"{extra}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=10_000, help="store size for check")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print(f"generating {args.events:,} synthetic events ...")
    docs = synthetic_docs(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        t = time.perf_counter()
        for i in range(0, len(docs), 2000):
            store.write_many(docs[i : i + 2000])
        print(f"  written in {time.perf_counter() - t:.1f} s ({len(docs):,} documents)")

        keys = _times(lambda: list(tables.iter_keys(store)), args.repeat)
        _show("baseline: read every merge key", keys)
        sample = list(tables.iter_keys(store))[:2000]
        t = time.perf_counter()
        for i, a in enumerate(sample):
            for b in sample[i + 1 :]:
                rules.linked(a, b)
        per_pair = (time.perf_counter() - t) / (len(sample) * (len(sample) - 1) / 2)
        all_pairs = per_pair * args.events * (args.events - 1) / 2
        print(
            f"  baseline: all pairs, extrapolated             {all_pairs:9.0f} s "
            f"({per_pair * 1e6:.1f} µs a pair)"
        )

        cpu: dict[bool, list[float]] = {True: [], False: []}
        waits: dict[bool, list[str]] = {True: [], False: []}

        def build(vectorised: bool) -> None:
            t, usage = time.process_time(), _usage()
            situations.build(store, vectorised=vectorised)
            cpu[vectorised].append(time.process_time() - t)
            waits[vectorised].append(_where(usage, _usage()))

        slow = _times(lambda: build(False), args.repeat)
        _show("baseline: build rule by rule (buckets)", slow,
              f"   (CPU best {min(cpu[False]):.2f} s)")  # fmt: skip
        builds = _times(lambda: build(True), args.repeat)
        summary = situations.summary(store)
        _show(f"build: {args.events:,} events -> situations", builds,
              f"   (CPU best {min(cpu[True]):.2f} s; {args.events / min(builds):,.0f} events/s, "
              f"{min(slow) / min(builds):.1f}x the rule-by-rule build, "
              f"{min(builds) / min(keys):.1f}x reading the keys; target ≤ 60 s)")  # fmt: skip
        print(
            "    each run, seconds (wall / CPU): rule by rule "
            + ", ".join(f"{w:.1f}/{c:.1f}" for w, c in zip(slow, cpu[False], strict=True))
            + "; vectorised "
            + ", ".join(f"{w:.1f}/{c:.1f}" for w, c in zip(builds, cpu[True], strict=True))
        )
        for vectorised, label in ((False, "rule by rule"), (True, "vectorised")):
            print(f"    {label}: " + "; ".join(waits[vectorised]))
        print(f"    {summary['situations']:,} situations, {summary['multi_source']:,} with 2+ "
              f"sources, by sources {summary['by_sources']}")  # fmt: skip

        updater = situations.Updater(store)
        extra = synthetic_docs(160, seed=99)
        batches = [extra[i : i + 16] for i in range(0, len(extra), 16)]
        times = []
        for batch in batches[: max(args.repeat, 3)]:
            store.write_many(batch)
            t = time.perf_counter()
            updater.update([d.id for d in batch])
            times.append(time.perf_counter() - t)
        _show("update: one batch of 16 documents", times)
        store.close()

        small = Store(Path(tmp) / "check.duckdb")
        subset = docs[: args.docs]
        for i in range(0, len(subset), 2000):
            small.write_many(subset[i : i + 2000])
        situations.build(small)
        probes = synthetic_docs(200, seed=5)[:10]
        per_doc = []
        for d in probes:
            t = time.perf_counter()
            check_document(small, d)
            per_doc.append(time.perf_counter() - t)
        _show(f"check: one article (10 events), {len(subset):,} docs", per_doc,
              f"   (max {max(per_doc):.2f} s; target ≤ 5 s)")  # fmt: skip
        small.close()


if __name__ == "__main__":
    main()
