"""Where the pipeline runs: one contract, two engines.

::

    from sitmap.engines import create

    with create("dask", workers=2) as engine:          # or "local"; scheduler="tcp://host:8786"
        for results in engine.run(batches):            # batches: lists of prepared Documents
            ...                                        # each a list of Document | Skip

An ``Engine`` takes batches of prepared documents (``sitmap.ingest``) and gives back each
batch processed by ``sitmap.pipeline.process``: every document comes back as a processed
``Document`` or, when the pipeline fails on it, a ``Skip``. Engines only compute; the caller
(``sitmap.corpus.ingest``) deduplicates before and commits results into the store after, so
idempotence and resume are the same whatever the engine.

* ``local``: this process (1 worker) or a pool of spawned worker processes on this machine.
* ``dask``: ``dask.distributed`` workers, on a ``LocalCluster`` started here or on any cluster
  reached through its scheduler's address; the model is loaded once per worker by a worker plugin.
"""

from __future__ import annotations

from sitmap.engines.base import BATCH_SIZE, Engine, process_batch
from sitmap.errors import SitmapError

ENGINES = ("local", "dask")


def check(name: str, scheduler: str | None = None) -> None:
    """Raise ``SitmapError`` unless ``name`` (with ``scheduler``) names a usable engine."""
    if name not in ENGINES:
        raise SitmapError(f"unknown engine {name!r}", hint=f"choose one of: {', '.join(ENGINES)}")
    if scheduler and name != "dask":
        raise SitmapError(
            "a scheduler address is only used by the dask engine",
            hint="add --engine dask, or drop --scheduler",
        )


def create(
    name: str = "local",
    *,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    scheduler: str | None = None,
) -> Engine:
    """The engine called ``name`` (``local`` or ``dask``), ready to ``run`` batches.

    ``workers``: processes (default: one per CPU core); with ``scheduler`` (dask only) the
    cluster's own workers are used and ``workers`` is ignored.
    """
    check(name, scheduler)
    if name == "dask":
        from sitmap.engines.dask import DaskEngine

        return DaskEngine(workers=workers, batch_size=batch_size, scheduler=scheduler)
    from sitmap.engines.local import LocalEngine

    return LocalEngine(workers=workers, batch_size=batch_size)


__all__ = ["BATCH_SIZE", "ENGINES", "Engine", "check", "create", "process_batch"]
