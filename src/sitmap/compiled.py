"""Tables compiled from the packaged data files, kept in the cache folder between processes.

A table that takes a process noticeable time to compile (the actor lexicon: every phrase
through spaCy's tokenizer, ~0.3 CPU s) is written once to the cache folder (:func:`cache_dir`,
which the gazetteer and the language model use too) and read back by later processes
(~0.01 s). The file's name holds a hash of everything the table may depend on: every file
under ``sitmap/data``, the source of the modules that compile it, and the Python and spaCy
versions; an edit to any of them gives a new name, so a stale table is never read. A file that
cannot be read is compiled again; a cache folder that cannot be written costs only the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

T = TypeVar("T")

_KEEP_OTHER_S = 3600
"""Other versions of a table unused this long are deleted (another checkout may use one)."""


def cache_dir() -> Path:
    """Where built tables and indexes are kept: ``$SITMAP_CACHE`` or ``~/.cache/sitmap``."""
    return Path(os.environ.get("SITMAP_CACHE") or Path.home() / ".cache" / "sitmap")


def _data_digest(h: Any) -> None:
    root = resources.files("sitmap.data")
    stack = [root]
    files = []
    while stack:
        for item in stack.pop().iterdir():
            if item.is_dir():
                stack.append(item)
            elif item.is_file() and not item.name.endswith(".pyc"):
                files.append(item)
    for item in sorted(files, key=lambda f: str(f)):
        h.update(item.name.encode())
        h.update(item.read_bytes())


def digest(modules: Iterable[ModuleType]) -> str:
    """A hash of the data files, the given modules' source and the Python and spaCy versions."""
    import spacy

    h = hashlib.sha256(f"{sys.version}|{spacy.__version__}".encode())
    _data_digest(h)
    for module in modules:
        h.update(module.__name__.encode())
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()[:20]


def load(name: str, build: Callable[[], T], *, modules: Iterable[ModuleType]) -> T:
    """``build()``'s table: from the cache file of this version, else built and written there."""
    path = cache_dir() / f"{name}-{digest(modules)}.pickle"
    try:
        with open(path, "rb") as fh:
            table = pickle.load(fh)
        with contextlib.suppress(OSError):
            os.utime(path)  # in use (access times are often not kept on read)
        return table
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        pass
    table = build()
    write(table, path, name)
    return table


def write(table: Any, path: Path, name: str) -> None:
    """Pickle ``table`` to ``path`` through a temporary file and an atomic rename (two processes
    writing at once both leave a whole file), then delete the other versions ``name-*.pickle``
    unused for an hour (another checkout may be on one). A folder that cannot be written is
    skipped: the caller keeps its table in memory and builds it again next process. Temporary
    files left by a writer killed before its rename go the same way."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: two processes writing at once both leave a whole file
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        Path(tmp).unlink(missing_ok=True)
        return
    # and the temporary files of writers killed before their rename, once an hour old
    leftovers = path.parent.glob(f"{name}-*.pickle.*.tmp")
    for old in itertools.chain(path.parent.glob(f"{name}-*.pickle"), leftovers):
        try:
            used = max(old.stat().st_atime, old.stat().st_mtime)
            if old != path and time.time() - used > _KEEP_OTHER_S:
                old.unlink(missing_ok=True)
        except OSError:
            continue
