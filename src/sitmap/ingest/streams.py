"""Byte budgets and streaming: stdin and decompression guards, line-file checks, lines read
within ``max_bytes``."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO, Any

from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.record import _Options

CONTAINER_FACTOR = 20
"""Whole-file containers (.json, feeds) may be this many times ``max_bytes``."""

_HEAD = 65536


class _Prefixed(io.RawIOBase):
    """Bytes already read (``head``) followed by the rest of a stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Guarded(io.RawIOBase):
    """A decompressing stream that stops a decompression bomb.

    Reading goes on while the output stays under ``BOMB_RATIO`` times the compressed bytes
    read (or under ``BOMB_FLOOR`` bytes in all): real news compresses 3-10x, a bomb 1000x.
    """

    def __init__(self, fh: IO[bytes], raw: IO[bytes], path: str) -> None:
        self._fh, self._raw, self._path = fh, raw, path
        self._out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._fh.read(len(buffer))
        self._out += len(data)
        if self._out > BOMB_FLOOR and self._out > BOMB_RATIO * max(1, self._raw.tell()):
            raise InputError(
                "too-large",
                f"{self._path}: decompresses to over {BOMB_RATIO}x its size "
                f"({self._out:,} bytes from {self._raw.tell():,}): a decompression bomb? "
                "the rest was not read",
                hint="decompress it yourself if it is genuine",
            )
        buffer[: len(data)] = data
        return len(data)


BOMB_RATIO = 100
"""A compressed line file that grows past this many times its compressed size is refused..."""
BOMB_FLOOR = 50_000_000
"""...once it has produced this many bytes."""


def _peek(fh: IO[bytes]) -> bytes:
    if not isinstance(fh, io.BufferedReader | io.BufferedRandom):
        return b""
    return fh.peek(8192)[:8192]


def _check_line_head(head: bytes, path: str, encoding: str | None = None) -> None:
    """Refuse a line-based file that is empty or plainly binary (a stray NUL is one bad line).

    With an ``encoding`` given (UTF-16 text is full of NUL bytes) only file signatures count.
    """
    if not head.strip():
        raise InputError("empty", f"{path}: file is empty")
    if any(head.startswith(bom) for bom, _ in checks._BOMS):
        return
    for magic, kind in checks.SIGNATURES:
        if head.startswith(magic):
            raise InputError(
                "binary",
                f"{path}: this is {kind}, not text",
                hint="sitmap reads plain text, HTML, JSON, CSV, WARC and RSS/Atom",
            )
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if encoding is None and controls / len(head) > 0.1:
        raise InputError(
            "binary",
            f"{path}: binary data (mostly control bytes), not text",
            hint="if it is UTF-16 text without a BOM, pass --encoding utf-16-le",
        )


class _BadLine(Exception):
    """A line that cannot be read (too long, undecodable): skipped alone."""

    def __init__(self, n: int, reason: str, message: str) -> None:
        self.n, self.reason, self.message = n, reason, message
        super().__init__(message)


def _text_lines(fh: IO[bytes], path: str, opts: _Options) -> Iterator[tuple[int, str | _BadLine]]:
    """``(line number, text)`` of each line, never holding more than ``max_bytes`` of one.

    A line over the limit is read past (not kept) and given as a ``_BadLine``, as is a line
    that is not valid in the encoding; UTF-16/32 files (a BOM or ``encoding=``) are decoded
    whole, up to ``CONTAINER_FACTOR`` times ``max_bytes``.
    """
    limit = opts.max_bytes
    head = _peek(fh)
    encoding = opts.encoding
    if encoding is None:
        encoding = next((c for bom, c in checks._BOMS if head.startswith(bom)), "utf-8-sig")
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            "encoding",
            f"{path}: unknown encoding {encoding!r}",
            hint="use a Python codec name such as utf-8, latin-1, cp1252, utf-16",
        ) from None
    if codec.startswith(("utf-16", "utf-32")):
        cap = limit * CONTAINER_FACTOR
        data = fh.read(cap + 1)
        if len(data) > cap:
            raise InputError(
                "too-large",
                f"{path}: over {cap:,} bytes of {codec}, which is read whole",
                hint="convert it to UTF-8 to stream it, or raise --max-bytes",
            )
        text = checks.decode_text(data, path=path, encoding=encoding)
        for n, line in enumerate(text.split("\n"), 1):
            yield n, line
        return
    decoder = codecs.getincrementaldecoder(encoding)
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # read past the rest of the line without keeping it
                more = fh.readline(1 << 20)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield (
                n,
                _BadLine(
                    n, "too-large", f"line of {size:,} bytes is over the {limit:,}-byte limit"
                ),
            )
            continue
        try:
            yield n, decoder().decode(line, final=True)
        except UnicodeDecodeError as err:
            bad = line[err.start : err.start + 1].hex()
            yield (
                n,
                _BadLine(
                    n,
                    "encoding",
                    f"not valid {encoding.replace('-sig', '')}: byte 0x{bad} at column {err.start}",
                ),
            )


def _size_text(size: int | None, limit: int) -> str:
    return f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes (decompressed)"
