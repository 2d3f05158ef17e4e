"""How the server reads the store: ``open_store(db)``, the one entry point of every route.

DuckDB lets one process write a file *or* several read it. A fresh read-only open costs tens
of milliseconds and starts with a cold buffer pool (every column read and decompressed again),
which alone would put a filtered query on 1,000,000 events over 200 ms. So:

* while no ingest is writing the file, the server keeps ONE read-only store open, serves its
  requests one at a time, and closes it after ``IDLE_CLOSE`` seconds without a request;
* while an ingest is writing it (its ``<db>.lock`` names a live process other than this one),
  every request opens the store for itself and closes it at once (``Store.reader`` where the
  store has it: it waits for the writer between batches), so the ingest is never held up by
  more than one request.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitmap.store import Store

IDLE_CLOSE = 1.0
"""Seconds without a request after which the shared store is closed."""


def writer_active(db: str) -> bool:
    """Whether another live process holds ``db`` for writing (from its ``<db>.lock`` PID)."""
    try:
        pid = int(Path(f"{db}.lock").read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return False
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def _per_request(db: str) -> Iterator[Store]:
    reader = getattr(Store, "reader", None)
    if reader is not None:
        with reader(db) as store:
            yield store
    else:
        with Store(db, read_only=True) as store:
            yield store


class _Shared:
    """One read-only store kept open for a file while requests keep coming."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.lock = threading.Lock()
        self.store: Store | None = None
        self.last = 0.0
        self.timer: threading.Timer | None = None

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self.lock:
            if writer_active(self.db):
                self.close()
                with _per_request(self.db) as store:
                    yield store
                return
            if self.store is None:
                self.store = Store(self.db, read_only=True)
            try:
                yield self.store
            finally:
                self.last = time.monotonic()
                self._schedule(IDLE_CLOSE)

    def _schedule(self, delay: float) -> None:
        if self.timer is None:
            self.timer = threading.Timer(delay, self._close_if_idle)
            self.timer.daemon = True
            self.timer.start()

    def _close_if_idle(self) -> None:
        with self.lock:
            self.timer = None
            idle = time.monotonic() - self.last
            if idle >= IDLE_CLOSE:
                self.close()
            else:
                self._schedule(IDLE_CLOSE - idle)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


_SHARED: dict[str, _Shared] = {}
_SHARED_LOCK = threading.Lock()


@contextmanager
def open_store(db: str) -> Iterator[Store]:
    """A read-only store for one request (see the module docstring for the policy)."""
    with _SHARED_LOCK:
        shared = _SHARED.setdefault(db, _Shared(db))
    with shared.use() as store:
        yield store


def close_all() -> None:
    """Close every store the server holds open (at shutdown and at exit)."""
    with _SHARED_LOCK:
        for shared in _SHARED.values():
            with shared.lock:
                shared.close()


atexit.register(close_all)
