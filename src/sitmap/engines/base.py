"""The engine contract, and the work every engine does on a batch (``process_batch``)."""

from __future__ import annotations

import atexit
import gc
import hashlib
import os
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sitmap.model import Document, Skip

BATCH_SIZE = 16
"""Documents sent to a worker at a time (and spaCy's ``nlp.pipe`` batch size)."""

Results = list[Document | Skip]

GC_THRESHOLD = 10_000
"""Allocations between young-generation collections in a warmed process (Python's default:
700). The pipeline allocates and frees millions of short-lived objects, nearly all by reference
counting; at 700 the collector ran 470 times for 200 Reuters articles (0.35 CPU s), at 10,000
19 times (0.15 CPU s). What is freed, and so every result, is the same."""


class Engine:
    """Runs ``pipeline.process`` over batches of documents somewhere; subclasses say where.

    Subclasses implement ``submit`` (queue a batch, yield batches finished meanwhile), ``drain``
    (yield every batch still in flight) and ``close``. At most a few batches per worker are in
    flight, so memory stays bounded however long the input.
    """

    name = "engine"
    workers = 1

    def run(self, batches: Iterable[list[Document]]) -> Iterator[Results]:
        """Process every batch; yield each batch's results as it finishes (any order)."""
        for batch in batches:
            yield from self.submit(batch)
        yield from self.drain()

    def submit(self, batch: list[Document]) -> Iterator[Results]:
        raise NotImplementedError

    def drain(self) -> Iterator[Results]:
        raise NotImplementedError

    def close(self) -> None:
        """Stop the workers this engine started (idempotent)."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_WARM = False


def warm() -> None:
    """Load what every batch needs once: the spaCy model, the gazetteer, the actor lexicon.

    They load with the garbage collector paused, and are then moved out of its reach
    (``gc.freeze``): they are hundreds of thousands of long-lived objects (the gazetteer's
    index alone 500,000 keys), which every full collection would otherwise walk again for
    nothing (~0.5 CPU s per 200 Reuters articles). Nothing they hold is ever freed before the
    process ends, so the results are the same. The young generation is then collected less
    often (``GC_THRESHOLD``; a higher threshold set by the user is kept). Idempotent; costs
    nothing the batches would not load anyway.
    """
    global _WARM
    if _WARM:
        return
    from sitmap import geo, nlp
    from sitmap.actors import lexicon

    enabled = gc.isenabled()
    try:
        for load in (nlp.load, geo.gazetteer, lexicon.load):
            gc.disable()  # again each time: srsly's msgpack reader turns the collector back on
            load()
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    atexit.register(gc.unfreeze)  # a clean shutdown (native extensions check for leaks)
    threshold, *older = gc.get_threshold()
    if 0 < threshold < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, *older)
    _WARM = True


def default_workers(workers: int | None) -> int:
    return max(1, workers if workers is not None else (os.cpu_count() or 1))


def process_batch(docs: list[Document], *, batch_size: int = BATCH_SIZE) -> Results:
    """Run the pipeline over a batch; a document that fails becomes a ``Skip``, not a crash.

    The batch goes through ``pipeline.process`` in one pass; if anything in it raises, each
    document is retried alone so one bad document costs only itself.
    """
    from sitmap import pipeline

    try:
        return list(pipeline.process(list(docs), batch_size=batch_size))
    except Exception as exc:  # retried one by one below; each failure becomes a skip row
        if len(docs) == 1:
            return [failed(docs[0], exc)]
    out: Results = []
    for doc in docs:
        try:
            out.extend(pipeline.process([doc], batch_size=batch_size))
        except Exception as exc:  # recorded as a skip row with the error
            out.append(failed(doc, exc))
    return out


def failed(doc: Document, exc: BaseException | None = None) -> Skip:
    """The skip recorded for a document the pipeline (or its worker) failed on."""
    from sitmap.errors import InputError

    if isinstance(exc, InputError):
        return Skip(reason=exc.reason, message=str(exc), path=doc.path, doc_id=doc.id)
    what = f"{type(exc).__name__}: {exc}" if exc else "processing failed"
    return Skip(
        reason="failed",
        message=f"the pipeline failed on this document ({what}); please report it",
        path=doc.path,
        doc_id=doc.id,
        detail=what[:500],
    )


# -- the wire: what goes to a worker and comes back is plain dicts -------------------------------


def to_wire(batch: list[Document]) -> list[dict[str, Any]]:
    return [d.to_dict() for d in batch]


def run_wire(dicts: list[dict[str, Any]], batch_size: int) -> list[dict[str, Any]]:
    """A worker's task: plain dicts in, processed documents and skips out as plain dicts."""
    docs = [Document.from_dict(d) for d in dicts]
    out = []
    for item in process_batch(docs, batch_size=batch_size):
        d = item.to_dict()
        d["_kind"] = "skip" if isinstance(item, Skip) else "doc"
        out.append(d)
    return out


def from_wire(d: dict[str, Any]) -> Document | Skip:
    d = dict(d)
    kind = d.pop("_kind")
    return Skip.from_dict(d) if kind == "skip" else Document.from_dict(d)


@cache
def code_fingerprint() -> dict[str, str]:
    """What decides a worker's results: sitmap's code and data (a hash), the model, spaCy.

    Workers on other machines must run the same sitmap, or one store would mix two codings.
    """
    import spacy

    from sitmap import nlp

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return {"sitmap": h.hexdigest()[:16], "model": nlp.MODEL, "spacy": spacy.__version__}
