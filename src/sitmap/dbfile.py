"""Opening the store's DuckDB file: locked-down settings, lock waits, causes said plainly.

DuckDB lets one process open a file read-write *or* several open it read-only. sitmap lives
with that by keeping every hold on the file short:

* readers (``Store.reader``: ``sitmap events``, ``stats``, ``sql``, ``export``, ``serve``)
  open the file read-only for one answer and close it; when a writer holds it they retry with
  backoff (``READ_WAIT`` seconds at most) and then see the last committed state;
* the ingest writer (``Store(path, hold=False)``) opens the file for its writes and closes it
  as soon as it is idle (``IDLE_RELEASE``) and at least every ``MAX_HOLD`` seconds, so readers
  get in between batches; it waits for readers the same way (``WRITE_WAIT``);
* one writer at a time: a read-write ``Store`` also holds an advisory lock on ``<file>.lock``,
  so a second ``sitmap ingest`` on the same file is refused at once with a clear message.

Every connection runs with external access off, extension auto-install and auto-load off and
its configuration locked (``SAFE_CONFIG``): a query can read and write only the store itself
and never opens the network, whatever its text.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path
from typing import Any

import duckdb

from sitmap.errors import StoreError

SAFE_CONFIG: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}
"""DuckDB settings of every store connection (see DuckDB's configuration reference)."""

SINGLE_THREAD_CONFIG: dict[str, Any] = {"threads": 1, "async_threads": 0}
"""Added for a store that must start no thread (``Store(single_thread=True)``): DuckDB runs
every query on the calling thread and starts neither its worker nor its I/O threads."""

READ_WAIT = 60.0
"""Seconds a reader waits for a writer to release the file before giving up."""
WRITE_WAIT = 600.0
"""Seconds a writer waits for readers to release the file before giving up."""
IDLE_RELEASE = 0.1
"""A ``hold=False`` writer closes the file after this many idle seconds..."""
MAX_HOLD = 1.0
"""...and at least this often while busy, pausing ``YIELD_PAUSE`` seconds for readers."""
YIELD_PAUSE = 0.05
STARTING_WAIT = 5.0
"""Seconds a file shorter than its own header is retried: a writer is creating it."""

_LOCKED = re.compile(r"could not set lock|conflicting lock|lock on file", re.I)
_STARTING = re.compile(r"could not read enough bytes", re.I)  # a file still being created
_PID = re.compile(r"\(PID (\d+)\)")
_DUCKDB_MAGIC = b"DUCK"


def connect(
    path: str, *, read_only: bool, wait: float, single_thread: bool = False
) -> duckdb.DuckDBPyConnection:
    """A locked-down connection to ``path``, retrying while another process holds the file.

    ``single_thread``: DuckDB starts no thread of its own (``SINGLE_THREAD_CONFIG``).

    Raises ``StoreError`` naming the real cause: not a DuckDB file (and what it is), a
    folder, no permission, a lock held longer than ``wait`` seconds, or DuckDB's own message.
    """
    deadline = time.monotonic() + max(0.0, wait)
    starting = time.monotonic() + min(STARTING_WAIT, max(0.0, wait))
    delay = 0.01
    if path != ":memory:":
        while _empty(path) and time.monotonic() < starting:
            time.sleep(delay)  # created this instant by a writer that has not written yet
            delay = min(delay * 1.5, 0.25)
        _check_file(path, read_only=read_only)
    config = {**SAFE_CONFIG, **(SINGLE_THREAD_CONFIG if single_thread else {})}
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            text = first_line(exc)
            if _STARTING.search(text) and time.monotonic() < starting:
                time.sleep(delay)  # a new store whose writer has not finished its header
                delay = min(delay * 1.5, 0.25)
                continue
            if not _LOCKED.search(text):
                raise _open_error(path, exc) from exc
            if time.monotonic() >= deadline:
                pid = _PID.search(str(exc))
                who = f"process {pid.group(1)}" if pid else "another process"
                raise StoreError(
                    f"cannot open {path}: {who} has held it for over {wait:g} s",
                    hint="a sitmap ingest releases it between batches; if that process is "
                    "not sitmap, close it",
                ) from exc
            time.sleep(delay)
            delay = min(delay * 1.5, 0.25)


def _empty(path: str) -> bool:
    try:
        return os.path.isfile(path) and os.path.getsize(path) == 0
    except OSError:
        return False


def _check_file(path: str, *, read_only: bool) -> None:
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{path} is a folder, not a database file", hint="pass a file to --db")
    if not p.exists():
        return
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(
            f"cannot open {path}: {exc.strerror or exc}",
            hint="check the file's permissions" if isinstance(exc, PermissionError) else None,
        ) from exc
    if not head:
        raise StoreError(
            f"{path} is an empty file, not a DuckDB database",
            hint="remove it, or pass another --db",
        )
    if head[8:12] != _DUCKDB_MAGIC:
        from sitmap.ingest.checks import SIGNATURES

        kind = next((k for magic, k in SIGNATURES if head.startswith(magic)), "not a DuckDB file")
        raise StoreError(
            f"{path} is {kind}, not a sitmap store"
            if kind != "not a DuckDB file"
            else f"{path} is not a DuckDB database file",
            hint="pass the --db of a store made by `sitmap ingest`",
        )


def _open_error(path: str, exc: duckdb.Error) -> StoreError:
    text = first_line(exc)
    low = text.lower()
    if "permission denied" in low:
        return StoreError(f"cannot open {path}: permission denied", hint="check its permissions")
    if "no space left" in low:
        return StoreError(f"cannot open {path}: the disk is full", hint="free some space")
    if "read-only file system" in low:
        return StoreError(f"cannot open {path}: the file system is read-only")
    if _STARTING.search(text):
        return StoreError(
            f"cannot open {path}: the file is shorter than its DuckDB header "
            "(truncated, or still being created)",
            hint="if no sitmap ingest is creating it, it is damaged: restore it or pass "
            "another --db",
        )
    return StoreError(f"cannot open database {path}: {text}")


class WriterLock:
    """An advisory lock on ``<path>.lock``: one read-write ``Store`` per file at a time."""

    def __init__(self, path: str) -> None:
        self.path = f"{path}.lock"
        self._fd: int | None = None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: DuckDB's own lock still applies
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:  # e.g. a read-only folder: DuckDB's own lock still applies
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            other = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise StoreError(
                f"{path} is being written by another sitmap process"
                + (f" (PID {other})" if other else ""),
                hint="wait for it to finish (readers such as `sitmap events` work meanwhile)",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)  # no PID left behind for a later reader to trust
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def is_locked(exc: BaseException) -> bool:
    """Whether a DuckDB error is a lock conflict with another process."""
    return bool(_LOCKED.search(str(exc)))


def first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
