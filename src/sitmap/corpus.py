"""Ingest many documents into a store: read, deduplicate, process in workers, write, resume.

::

    from sitmap.corpus import ingest

    summary = ingest(["news/", "feeds/world.jsonl"], db="sitmap.duckdb", workers=2)
    print(summary.stored, summary.duplicates, summary.skips)

How a run goes:

1. ``sitmap.ingest.read`` turns every path into ``Document``\\ s or ``Skip``\\ s (every bad input
   is a ``Skip`` with a reason: it never stops the run); skips are written as ``skips`` rows.
2. A document whose id (content hash) is already in the store from the same origin is
   skipped (resume / re-run: nothing is added twice). The same text from another origin is an
   exact duplicate; a text whose MinHash Jaccard similarity to a stored or earlier document
   is ≥ ``sitmap.dedup.THRESHOLD`` (0.8) is a near-duplicate. Duplicates are recorded, linked
   to the first copy (``duplicate_of``), counted, and not processed. Signatures are stored, so
   near-duplicates are found across runs.
3. New documents go in batches to an engine (``sitmap.engines``): ``local`` worker processes
   (``spawn``: each loads spaCy once) or ``dask`` workers, on this machine or a cluster; they
   run ``sitmap.pipeline.process`` and send back plain dicts.
4. The parent writes each finished batch of documents, with all their rows, in one
   transaction (one per batch rather than per document: DuckDB's cost is per statement, and
   this is ~10x faster). Killing the run at any moment loses at most the batches in flight,
   never part of a document; re-running the same command finishes the job with every
   document stored exactly once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitmap import dbfile, engines, situations
from sitmap.dedup import SIGNATURE_SCHEME, Deduper
from sitmap.engines import BATCH_SIZE, Engine, process_batch
from sitmap.engines.base import default_workers
from sitmap.model import Document, Skip
from sitmap.store import DEFAULT_PATH, Store, origin_of


@dataclass
class IngestSummary:
    """What an ``ingest`` run did. Counts are for this run; ``Store.stats()`` has totals."""

    read: int = 0  # documents read (not counting skipped inputs)
    stored: int = 0  # processed and written
    already: int = 0  # already in the store from the same origin (resume / re-run)
    duplicates: int = 0  # exact copies of a stored or earlier text, from another origin
    near_duplicates: int = 0  # MinHash Jaccard >= threshold with a stored or earlier text
    events: int = 0  # events written
    words: int = 0  # words in the documents written
    skips: dict[str, int] = field(default_factory=dict)  # skipped inputs by reason
    seconds: float = 0.0
    workers: int = 1
    engine: str = "local"
    db: str = ""

    @property
    def skipped(self) -> int:
        return sum(self.skips.values())

    @property
    def docs_per_s(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "already_stored": self.already,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "events": self.events,
            "words": self.words,
            "skipped": self.skipped,
            "skips": dict(self.skips),
            "seconds": round(self.seconds, 2),
            "docs_per_s": round(self.docs_per_s, 2),
            "words_per_s": round(self.words_per_s, 1),
            "workers": self.workers,
            "engine": self.engine,
            "db": self.db,
        }


Progress = Callable[[IngestSummary], None]


def ingest(
    paths: str | Path | Iterable[str | Path],
    *,
    db: str | Path | Store = DEFAULT_PATH,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    source: str | None = None,
    published: date | str | None = None,
    max_bytes: int | None = None,
    encoding: str | None = None,
    fields: dict[str, str] | None = None,
    progress: Progress | None = None,
    engine: str | Engine = "local",
    scheduler: str | None = None,
) -> IngestSummary:
    """Read, deduplicate, process and store every document under ``paths``.

    ``workers``: processes running the pipeline (default: the number of CPU cores; 1 runs in
    this process). ``source``/``published`` apply to documents that do not carry their own.
    ``max_bytes`` caps one article (default ``sitmap.ingest.MAX_BYTES``); ``encoding`` and
    ``fields`` are passed to ``sitmap.ingest.read``. ``progress`` is called
    with the running summary after each document or skip is written. ``engine``: where the
    pipeline runs, ``local`` or ``dask`` (``scheduler``: a dask scheduler's address; without
    it a local dask cluster of ``workers`` processes), or an ``Engine`` to reuse (left open).
    """
    from sitmap import ingest as reader

    if isinstance(paths, str | Path):
        paths = [paths]
    paths = [str(p) for p in paths]
    if not isinstance(engine, Engine):
        engines.check(engine, scheduler)  # before the store file is created
    # hold=False: the file is released between writes, so readers answer during the run.
    # One worker in this process: the store starts no thread (see ``sitmap.threads``) and is
    # released here, before each batch's NLP and whenever reading leaves it idle.
    alone = engine == "local" and default_workers(workers) == 1
    store = db if isinstance(db, Store) else Store(db, hold=False, single_thread=alone)

    def idle(seconds: float = dbfile.IDLE_RELEASE) -> None:
        """Release the file if idle (at once with 0): what the store's thread does otherwise."""
        if store.single_thread:
            store.release_if_idle(seconds)

    summary = IngestSummary(db=store.path)
    skips: Counter[str] = Counter()
    started = time.perf_counter()

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        summary.skips = dict(skips.most_common())
        if progress is not None:
            progress(summary)

    def skip(item: Skip) -> None:
        store.add_skip(item)
        skips[item.reason] += 1
        tick()

    known = store.origins()
    first_copy = store.duplicate_links()  # near-duplicate id -> its first copy
    dedup = _load_signatures(store)
    pending: dict[str, tuple[str, bytes | None]] = {}  # id -> (origin, signature) in flight
    with store.session():  # one hold on the file for each group of reads and writes
        merged = situations.Updater(store)  # each written batch is merged into situations

    def finished(results: list[Document | Skip]) -> None:
        """Write a finished batch: its documents in one transaction, then its skips."""
        done = [d for d in results if isinstance(d, Document)]
        sigs = {d.id: pending.pop(d.id, ("", None)) for d in done}
        with store.session():
            store.write_many(done, signatures={i: sig for i, (_, sig) in sigs.items()})
            if done:
                merged.update([d.id for d in done])
        for doc in done:
            known.setdefault(doc.id, set()).add(sigs[doc.id][0])
            summary.stored += 1
            summary.events += len(doc.events)
            summary.words += doc.words
        if done:
            tick()
        for item in results:
            if isinstance(item, Skip):
                pending.pop(item.doc_id or "", None)
                dedup.remove(item.doc_id or "")
                skip(item)

    kwargs: dict[str, Any] = {
        "source": source, "published": published, "encoding": encoding, "fields": fields,
    }  # fmt: skip
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    runner = engine if isinstance(engine, Engine) else None
    try:
        if runner is None:
            runner = engines.create(
                engine, workers=workers, batch_size=batch_size, scheduler=scheduler
            )
        summary.workers, summary.engine = runner.workers, runner.name
        batch: list[Document] = []
        for item in reader.read(paths, **kwargs):
            idle()
            if isinstance(item, Skip):
                skip(item)
                continue
            doc = item
            summary.read += 1
            origin = origin_of(doc)
            seen = known.get(doc.id)
            in_flight = pending.get(doc.id)
            if (seen and origin in seen) or (in_flight and in_flight[0] == origin):
                summary.already += 1
                tick()
                continue
            if seen or in_flight:
                original = first_copy.get(doc.id, doc.id)
                store.add_duplicate(doc, duplicate_of=original, kind="exact")
                known.setdefault(doc.id, set()).add(origin)
                summary.duplicates += 1
                tick()
                continue
            sig = dedup.signature(doc.text)
            sig_bytes = Deduper.to_bytes(sig)
            match = dedup.match(sig)
            if match is not None:
                store.add_duplicate(
                    doc, duplicate_of=match[0], kind="near", similarity=match[1],
                    signature=sig_bytes,
                )  # fmt: skip
                known.setdefault(doc.id, set()).add(origin)
                first_copy[doc.id] = match[0]
                summary.near_duplicates += 1
                tick()
                continue
            dedup.add(doc.id, sig)
            pending[doc.id] = (origin, sig_bytes)
            batch.append(doc)
            if len(batch) >= batch_size:
                idle(0.0)
                for results in runner.submit(batch):
                    finished(results)
                batch = []
        if batch:
            idle(0.0)
            for results in runner.submit(batch):
                finished(results)
        idle(0.0)
        for results in runner.drain():
            finished(results)
        with store.session():
            merged.update([])  # events stored before situations existed (an older store)
            merged.count_copies()
    finally:
        if runner is not None and runner is not engine:
            runner.close()
        summary.seconds = time.perf_counter() - started
        summary.skips = dict(skips.most_common())
        if not isinstance(db, Store):
            store.close()
    return summary


def _load_signatures(store: Store) -> Deduper:
    """A ``Deduper`` of every stored first copy (signatures recomputed if the scheme changed)."""
    dedup = Deduper()
    same_scheme = store.setting("signature_scheme") in (None, SIGNATURE_SCHEME)
    for doc_id, data, text in store.signatures():
        sig = dedup.from_bytes(data) if data and same_scheme else dedup.signature(text)
        dedup.add(doc_id, sig)
    if not store.read_only:
        store.set_setting("signature_scheme", SIGNATURE_SCHEME)
    return dedup


__all__ = ["BATCH_SIZE", "IngestSummary", "ingest", "process_batch"]
