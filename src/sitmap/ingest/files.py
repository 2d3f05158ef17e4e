"""Input paths → files to read: folders walked, a ``Skip`` for each one that cannot be read."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitmap.model import Skip


def _expand(paths: str | Path | Iterable[str | Path]) -> Iterator[str | Skip]:
    """Input paths, folders walked (sorted, dot-files left out); a ``Skip`` for each folder,
    link or special file that cannot be read, so nothing is left out silently."""
    if isinstance(paths, str | Path):
        paths = [paths]
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = os.fspath(p)
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(top: str) -> Iterator[str | Skip]:
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(top, onerror=errors.append):
        while errors:  # an unreadable subfolder: one skip row, the rest of the walk goes on
            err = errors.pop(0)
            where = _shown(err.filename or folder)
            yield Skip("unreadable", f"{where}: cannot list folder: {err.strerror}", path=where)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            problem = _not_regular(full)
            if problem:
                yield Skip(problem[0], f"{_shown(full)}: {problem[1]}", path=_shown(full))
            else:
                yield full
    while errors:
        err = errors.pop(0)
        where = _shown(err.filename or top)
        yield Skip("unreadable", f"{where}: cannot list folder: {err.strerror}", path=where)


def _not_regular(path: str) -> tuple[str, str] | None:
    """(reason, message) for a path that is not a readable regular file, else None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            return "missing", f"dangling link to {_shown(os.readlink(path))}"
        return "missing", "no such file"
    except OSError as err:
        return "unreadable", f"cannot read: {err.strerror}"
    if stat.S_ISREG(mode):
        return None
    kind = (
        "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a folder" if stat.S_ISDIR(mode)
        else "not a regular file"
    )  # fmt: skip
    return "unsupported", f"{kind}, not a regular file"


def _shown(path: str | bytes) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 as \\xNN."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")
