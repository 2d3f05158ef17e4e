"""Files → prepared ``Document``s, one ``Skip`` for every input (or record) that cannot be read.

Formats go by extension (``.gz`` is decompressed transparently): ``.txt``, ``.html``/``.htm``
(trafilatura), ``.json`` (an object or a list), ``.jsonl``, ``.csv``/``.tsv``, ``.warc``
(warcio; HTML responses), ``.rss``/``.atom``/``.xml`` feeds (feedparser). Standard input
(``"-"``) and files without an extension are sniffed.

This module is the entry (``read``, dispatch by format, standard input); the readers live
by concern: ``files`` (walking paths, skip rows for what is not a file), ``streams`` (byte
budgets, decompression guard, lines within ``max_bytes``), ``record`` (one article or
record → ``Document``), ``htmlpages``, ``jsondocs`` (JSON, JSONL), ``csvrows``, ``warc``,
``feeds``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.checks import MAX_BYTES
from sitmap.ingest.csvrows import _read_csv
from sitmap.ingest.feeds import _feed_root, _read_feed
from sitmap.ingest.files import _expand, _not_regular, _shown
from sitmap.ingest.htmlpages import _html
from sitmap.ingest.jsondocs import _read_json, _read_jsonl
from sitmap.ingest.prepare import parse_date
from sitmap.ingest.record import _FIELDS, Item, _Options, _record, _skip
from sitmap.ingest.streams import (
    _HEAD,
    BOMB_FLOOR,
    BOMB_RATIO,
    CONTAINER_FACTOR,
    _check_line_head,
    _Guarded,
    _peek,
    _Prefixed,
    _size_text,
)
from sitmap.ingest.warc import _read_warc
from sitmap.model import Skip

__all__ = [
    "BOMB_FLOOR",
    "BOMB_RATIO",
    "CONTAINER_FACTOR",
    "MAX_BAD_RUN",
    "MAX_BYTES",
    "Item",
    "read",
]

MAX_BAD_RUN = 1000
"""After this many bad records in a row, the rest of a file is not read (one skip says so)."""

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def read(
    paths: str | Path | Iterable[str | Path],
    *,
    source: str | None = None,
    published: date | str | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    fields: dict[str, str] | None = None,
) -> Iterator[Item]:
    """Read articles from files, directories (recursively, sorted, dot-files left out) or ``-``.

    Yields a prepared ``Document`` per article (``path`` set, ``#N`` added for the Nth record
    of a multi-record file) and a ``Skip`` per input or record that cannot be one; it never
    raises for bad input. ``source`` and ``published`` are defaults for articles that carry
    none; ``fields`` maps ``text``/``title``/``published``/``source``/``url``/``id`` to the
    column or key names of JSON and CSV records. Raises ``InputError("date")`` at once for an
    unreadable ``published``, ``ValueError`` for an unknown ``fields`` key.
    """
    unknown = set(fields or {}) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}: use {', '.join(_FIELDS)}")
    opts = _Options(
        source=source,
        published=parse_date(published, strict=True),
        encoding=encoding,
        max_bytes=max_bytes,
        fields=dict(fields or {}),
    )
    return _read_all(paths, opts)


def _read_all(paths: str | Path | Iterable[str | Path], opts: _Options) -> Iterator[Item]:
    for path in _expand(paths):
        if isinstance(path, Skip):
            yield path
        else:
            yield from _read_path(path, opts)


def _read_path(path: str, opts: _Options) -> Iterator[Item]:
    """Every item of one input, turning any failure into a ``Skip`` for what was not read."""
    shown = _shown(path)
    bad_run = 0
    try:
        for item in _dispatch(path, shown, opts):
            bad_run = bad_run + 1 if isinstance(item, Skip) else 0
            yield item
            if bad_run >= MAX_BAD_RUN:
                yield Skip(
                    "malformed",
                    f"{shown}: {MAX_BAD_RUN:,} bad records in a row; the rest was not read",
                    path=shown,
                    detail="check the file's format, --encoding and --field",
                )
                return
    except InputError as err:
        yield _skip(err, shown)
    except (OSError, EOFError, zlib.error) as err:
        reason = (
            "malformed"
            if isinstance(err, EOFError | zlib.error | gzip.BadGzipFile)
            else ("missing" if isinstance(err, FileNotFoundError) else "unreadable")
        )
        why = getattr(err, "strerror", None) or str(err) or type(err).__name__
        yield Skip(reason, f"{shown}: cannot read: {why}", path=shown)
    except Exception as err:  # a library failing on strange input: record it, go on
        yield Skip(
            "malformed",
            f"{shown}: reading failed ({type(err).__name__}: {err}); "
            "the rest of this input was not read",
            path=shown,
        )


def _dispatch(real: str, path: str, opts: _Options) -> Iterator[Item]:
    """Read the file ``real`` (``path``: its printable name) by its format."""
    if real == "-":
        yield from _read_stdin(opts)
        return
    problem = _not_regular(real)
    if problem:
        yield Skip(problem[0], f"{path}: {problem[1]}", path=path)
        return
    name = os.path.basename(path).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    suffix = Path(name).suffix
    fmt = _EXTENSIONS.get(suffix) if suffix else None
    if fmt is None and suffix:
        yield Skip(
            "unsupported",
            f"{path}: unknown file type {suffix!r}",
            path=path,
            detail=suffix,
        )
        return
    if fmt == "warc":  # warcio reads gzipped WARC itself
        with open(real, "rb") as fh:
            yield from _read_warc(fh, path, opts)
        return
    with open(real, "rb") as raw:
        fh: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw  # type: ignore[assignment]
        if fmt in ("jsonl", "csv", "tsv"):
            stream = io.BufferedReader(_Guarded(fh, raw, path)) if gz else fh
            _check_line_head(_peek(stream), path, opts.encoding)
            if fmt == "jsonl":
                yield from _read_jsonl(stream, path, opts)
            else:
                yield from _read_csv(stream, path, opts, tab=fmt == "tsv")
            return
        limit = opts.max_bytes * (CONTAINER_FACTOR if fmt in ("json", "feed") else 1)
        data = fh.read(limit + 1)
    if len(data) > limit:
        size = os.stat(real).st_size if not gz else None
        raise InputError(
            "too-large",
            f"{path}: {_size_text(size, limit)} is over the {limit:,}-byte limit",
            hint="split it, or raise the limit with --max-bytes (max_bytes= in Python)",
        )
    yield from _read_bytes(data, fmt or _sniff(data), path, opts)


def _read_stdin(opts: _Options) -> Iterator[Item]:
    """Standard input, sniffed from its first 64 kB; line formats streamed, others capped."""
    stdin = sys.stdin.buffer
    head = stdin.read(_HEAD)
    stream = io.BufferedReader(_Prefixed(head, stdin))  # type: ignore[arg-type]
    path = "<stdin>"
    fmt = _sniff(head, complete=len(head) < _HEAD)
    if fmt == "jsonl":
        _check_line_head(head, path, opts.encoding)
        yield from _read_jsonl(stream, path, opts)
        return
    limit = opts.max_bytes * (CONTAINER_FACTOR if fmt in ("json", "feed", "warc") else 1)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            "too-large",
            f"{path}: more than {limit:,} bytes of {fmt} (not read further)",
            hint="split it, or raise the limit with --max-bytes (max_bytes= in Python)",
        )
    yield from _read_bytes(data, fmt, path, opts)


def _read_bytes(data: bytes, fmt: str, path: str, opts: _Options) -> Iterator[Item]:
    if fmt == "txt":
        text = checks.decode(data, path=path, encoding=opts.encoding, max_bytes=opts.max_bytes)
        yield _record(text, path=path, opts=opts)
    elif fmt == "html":
        yield _html(data, path=path, opts=opts)
    elif fmt == "json":
        yield from _read_json(data, path, opts)
    elif fmt == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), path, opts)
    elif fmt in ("csv", "tsv"):
        yield from _read_csv(io.BytesIO(data), path, opts, tab=fmt == "tsv")
    elif fmt == "warc":
        yield from _read_warc(io.BytesIO(data), path, opts)
    elif fmt == "feed":
        yield from _read_feed(data, path, opts)
    else:  # pragma: no cover - _sniff and _EXTENSIONS only give the formats above
        raise ValueError(fmt)


def _sniff(data: bytes, *, complete: bool = True) -> str:
    """The format of extension-less input (standard input, ``README``-like names).

    ``data`` is the whole input, or (``complete=False``) only its head.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise InputError("empty", "file is empty", hint="nothing to read")
    if head.startswith(b"WARC/") or data[:2] == b"\x1f\x8b":
        return "warc" if head.startswith(b"WARC/") else _binary(data)
    if head.startswith(b"<"):
        return "feed" if _feed_root(head) else "html"
    if head[:1] in (b"{", b"["):
        if complete:
            try:
                json.loads(data)
                return "json"
            except ValueError:
                return "jsonl"
        if head[:1] == b"[":
            return "json"
        first = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            return "json"
    return "txt"


def _binary(data: bytes) -> str:
    checks.check_bytes(data[:8192], max_bytes=8193)
    return "txt"  # pragma: no cover - check_bytes refuses gzip data
