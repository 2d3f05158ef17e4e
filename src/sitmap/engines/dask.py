"""The dask engine: batches go to ``dask.distributed`` workers, here or on other machines.

Without a scheduler address a ``LocalCluster`` of ``workers`` processes (one thread each) is
started on this machine and stopped at the end. With one (``tcp://10.0.0.5:8786``) the run uses
that cluster's workers, started elsewhere with ``dask scheduler`` / ``dask worker``; each worker
needs the same sitmap (code, data, model) installed, which is checked before any work is sent.

A worker plugin loads the spaCy model and the gazetteer once per worker process when it joins,
not per task. Batches travel as plain dicts (``Document.to_dict``) and come back as plain dicts;
nothing is written by the workers: the ingest process commits every finished batch into the
store, so idempotence and resume are those of the local engine. At most two batches per worker
thread are in flight. A batch whose worker dies is retried by dask on another worker; when dask
gives up on it (``KilledWorker``) its documents become ``failed`` skips, retried by a re-run.
Every task checks that its worker runs this process's sitmap, model and spaCy (workers may
join after the start-up check); a batch that fails for any reason other than the pipeline
becomes skips too, unless no batch has succeeded yet: then the run stops with the cause.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from sitmap.engines.base import (
    BATCH_SIZE,
    Engine,
    Results,
    code_fingerprint,
    default_workers,
    failed,
    from_wire,
    run_wire,
    to_wire,
)
from sitmap.errors import SitmapError
from sitmap.model import Document

CONNECT_TIMEOUT = 30.0
"""Seconds to reach a scheduler, and then to wait for its first worker."""

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # reported when the engine is created, with what to install
    WorkerPlugin = object  # type: ignore[assignment,misc]


class LoadModel(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Worker plugin: load the spaCy model, the gazetteer and the actor lexicon once, when a
    worker joins (``base.warm``)."""

    name = "sitmap-load-model"
    idempotent = True

    def setup(self, worker: Any) -> None:
        from sitmap.engines.base import warm

        warm()


def _describe() -> dict[str, str]:
    """Run on each worker: what decides its results (compared with this process's)."""
    return code_fingerprint()


def _run_checked(
    dicts: list[dict[str, Any]], batch_size: int, expected: dict[str, str]
) -> list[dict[str, Any]]:
    """A task: ``run_wire``, on a worker that runs the same sitmap as the ingest process only
    (workers can join a cluster after the run's start-up check)."""
    there = code_fingerprint()
    if there != expected:
        raise SitmapError(f"this dask worker runs a different sitmap ({there}, not {expected})")
    return run_wire(dicts, batch_size)


class DaskEngine(Engine):
    """Runs batches as ``dask.distributed`` tasks (see the module docstring)."""

    name = "dask"

    def __init__(
        self,
        *,
        workers: int | None = None,
        batch_size: int = BATCH_SIZE,
        scheduler: str | None = None,
    ) -> None:
        try:
            import distributed
        except ImportError as exc:
            raise SitmapError(
                "the dask engine needs dask.distributed", hint="pip install -e . (it pins it)"
            ) from exc
        self.batch_size = batch_size
        self.scheduler = scheduler
        self._cluster: Any = None
        self._futures: dict[Any, list[Document]] = {}
        self._worked = False
        if scheduler:
            try:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise SitmapError(
                    f"cannot reach the dask scheduler at {scheduler} ({exc})",
                    hint="start one with `dask scheduler` and give its tcp:// address",
                ) from exc
            try:
                self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError as exc:
                self.close()
                raise SitmapError(
                    f"no dask worker joined the scheduler at {scheduler} in "
                    f"{CONNECT_TIMEOUT:.0f} s",
                    hint=f"start workers with: dask worker {scheduler} --nthreads 1",
                ) from exc
        else:
            try:
                self._cluster = distributed.LocalCluster(
                    n_workers=default_workers(workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            except RuntimeError as exc:  # "Nanny failed to start": the cause is logged above
                raise SitmapError(
                    f"the local dask cluster could not start its workers ({exc})",
                    hint="see the error above; --engine local runs without dask",
                ) from exc
            self.client = distributed.Client(self._cluster)
        try:
            self.client.register_plugin(LoadModel())
            self._check_workers()
        except BaseException:
            self.close()
            raise
        self.workers = len(self.client.scheduler_info(n_workers=-1)["workers"])
        self.max_in_flight = 2 * max(1, sum(self.client.nthreads().values()))

    def _check_workers(self) -> None:
        """Refuse workers whose sitmap, model or spaCy differ from this process's."""
        here = code_fingerprint()
        for address, there in self.client.run(_describe).items():
            if there != here:
                diff = ", ".join(f"{k} {there.get(k)} (here {v})" for k, v in here.items()
                                 if there.get(k) != v)  # fmt: skip
                raise SitmapError(
                    f"dask worker {address} runs a different sitmap: {diff}",
                    hint="install the same sitmap version (and model) on every worker",
                )

    def submit(self, batch: list[Document]) -> Iterator[Results]:
        """Send a batch to the cluster; yield the results of batches that finished meanwhile."""
        future = self.client.submit(
            _run_checked, to_wire(batch), self.batch_size, code_fingerprint(), pure=False
        )
        self._futures[future] = batch
        while len(self._futures) >= self.max_in_flight:
            yield from self._wait_some()

    def drain(self) -> Iterator[Results]:
        while self._futures:
            yield from self._wait_some()

    def _wait_some(self) -> Iterator[Results]:
        from distributed import wait

        done = wait(list(self._futures), return_when="FIRST_COMPLETED").done
        yield from self._collect(done)

    def _collect(self, done: Iterable[Any]) -> Iterator[Results]:
        from distributed import KilledWorker

        for future in list(done):
            batch = self._futures.pop(future)
            try:
                wire = future.result()
            except KilledWorker as exc:  # dask retried it on other workers and gave up
                yield [failed(doc, exc) for doc in batch]
                continue
            except Exception as exc:  # the pipeline's own errors are skips already (run_wire)
                if not self._worked:
                    raise SitmapError(
                        f"the dask workers failed on the first batch ({exc})",
                        hint="see the worker logs; --engine local runs without dask",
                    ) from exc
                yield [failed(doc, exc) for doc in batch]  # a re-run retries them
                continue
            finally:
                future.release()
            self._worked = True
            yield [from_wire(d) for d in wire]

    def close(self) -> None:
        for future in self._futures:
            future.cancel()
        self._futures.clear()
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
