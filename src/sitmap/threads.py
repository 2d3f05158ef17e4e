"""Keep a one-worker ``sitmap ingest`` single-threaded: spaCy's parsers run cheaper in it.

spaCy's compiled transition parsers (the NER and the dependency parser) take and release the
GIL many times per token (the checks around ``StateC``'s accessors). glibc takes an
uncontended mutex without an atomic instruction only while the process has never started a
second thread; once any library has started one (even one that has ended, and in a fork's
child too) every hand-off takes the full path. On 200 Reuters articles the NER costs 5.27–5.30
CPU s in a process that once started a thread and 4.21–4.28 s in one that never did
(``bench/bench_threads.py``, three runs).

Libraries start threads without being asked: numpy's OpenBLAS its pool when imported,
pyarrow's jemalloc a background thread when loaded, DuckDB its worker and I/O threads for each
database opened. ``quiet_libraries`` (run by ``sitmap.cli`` before anything imports them)
asks the first two for none; ``Store(single_thread=True)`` asks DuckDB for none and releases
the file without the idle-release thread. Results are the same: BLIS (spaCy's matrix
products) is single-threaded either way, and the store's queries are answered alike.
"""

from __future__ import annotations

import ctypes
import os

QUIET = {"OPENBLAS_NUM_THREADS": "1", "JE_ARROW_MALLOC_CONF": "background_thread:false"}
"""Environment that keeps OpenBLAS (numpy) and pyarrow's jemalloc from starting threads; read
when each library loads, so set before the first import. A value the user set is kept."""


def quiet_libraries() -> None:
    """Set ``QUIET`` in this process's environment where the user has not set it."""
    for key, value in QUIET.items():
        os.environ.setdefault(key, value)


def single_threaded() -> bool | None:
    """Whether this process has never started a second thread (glibc's
    ``__libc_single_threaded``, read only); None where the C library does not say."""
    try:
        flag = ctypes.c_char.in_dll(ctypes.CDLL(None), "__libc_single_threaded")
    except (OSError, ValueError, AttributeError):
        return None
    return flag.value != b"\x00"
