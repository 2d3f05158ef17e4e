"""The local engine: this process (1 worker) or a pool of spawned processes on this machine."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from sitmap.engines.base import (
    BATCH_SIZE,
    Engine,
    Results,
    default_workers,
    failed,
    from_wire,
    process_batch,
    run_wire,
    to_wire,
    warm,
)
from sitmap.errors import SitmapError
from sitmap.model import Document

_PR_SET_PDEATHSIG = 1  # prctl option: the signal sent when the parent dies (linux/prctl.h)


def _worker_init(parent: int) -> None:
    """Worker start-up: load spaCy once, and exit if the parent dies (e.g. SIGKILL).

    On Linux the kernel kills the worker with its parent (``PR_SET_PDEATHSIG``), so the worker
    starts no watcher thread and stays single-threaded (spaCy's parsers run cheaper in such a
    process: see ``sitmap.threads``); elsewhere a thread watches the parent."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    if not _die_with_parent(parent):
        threading.Thread(target=watch, daemon=True).start()
    warm()


def _die_with_parent(parent: int) -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    return True


class LocalEngine(Engine):
    """Batches run in this process (1 worker) or in a ``spawn`` process pool, bounded in flight.

    Each pool process loads spaCy once. A worker that dies (out of memory, a crash in native
    code) costs only its batch, recorded as skips (a re-run retries them); a fresh pool takes
    over for the rest.
    """

    name = "local"

    def __init__(self, *, workers: int | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.workers = default_workers(workers)
        self.batch_size = batch_size
        self.max_in_flight = 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None
        self._worked = False
        self._futures: dict[Future, tuple[list[Document], ProcessPoolExecutor]] = {}

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=get_context("spawn"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )
        return self._pool

    def submit(self, batch: list[Document]) -> Iterator[Results]:
        """Queue a batch; yield the results of batches that finished meanwhile."""
        if self.workers <= 1:
            warm()
            yield process_batch(batch, batch_size=self.batch_size)
            return
        pool = self._ensure_pool()
        future = pool.submit(run_wire, to_wire(batch), self.batch_size)
        self._futures[future] = (batch, pool)
        while len(self._futures) >= self.max_in_flight:
            yield from self._collect(wait(self._futures, return_when=FIRST_COMPLETED).done)

    def drain(self) -> Iterator[Results]:
        """Yield the results of every batch still in flight."""
        while self._futures:
            yield from self._collect(wait(self._futures, return_when=FIRST_COMPLETED).done)

    def _collect(self, done: Iterable[Future]) -> Iterator[Results]:
        for future in list(done):
            batch, pool = self._futures.pop(future)
            try:
                results = [from_wire(d) for d in future.result()]
                self._worked = True
                yield results
            except BrokenProcessPool as exc:
                if not self._worked:
                    raise SitmapError(
                        f"worker processes could not start or died at once ({exc})",
                        hint="see the error above; --workers 1 runs in this process",
                    ) from exc
                if pool is self._pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = None
                yield [failed(doc, exc) for doc in batch]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
