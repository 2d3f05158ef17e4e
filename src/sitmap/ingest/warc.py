"""WARC files → articles from their HTML and plain-text 2xx responses (warcio)."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import IO, Any

from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.htmlpages import _html
from sitmap.ingest.record import Item, _Options, _record, _skip
from sitmap.model import Skip


def _read_warc(fh: IO[bytes], path: str, opts: _Options) -> Iterator[Item]:
    """HTML (and plain-text) 2xx responses of a WARC file; other records are not articles.

    Bytes that are not a WARC record (garbage between records, a broken gzip member) cost one
    skip row: reading resumes at the next record. A record cut short is skipped, not stored.
    """
    from warcio.archiveiterator import ArchiveIterator

    if not fh.seekable():  # pragma: no cover - files and stdin buffers are seekable here
        fh = io.BytesIO(fh.read())
    gz = fh.read(2) == b"\x1f\x8b"
    size = fh.seek(0, os.SEEK_END)
    seen = 0
    n = 0
    base = 0
    last = -1
    end = 0
    while True:
        fh.seek(base)
        records = ArchiveIterator(fh)
        try:
            for rec in records:
                if rec.format == "warc" and not (rec.rec_headers.protocol or "").startswith(
                    "WARC/"
                ):  # warcio reads bytes after a gzip member as a record with no header
                    raise ValueError("bytes that are not a WARC record header")
                item = _warc_item(rec, f"{path}#{n + 1}", opts)
                offset = base + records.get_record_offset()  # after reading: it reads to end
                if offset <= last:
                    continue  # read before a resync
                last = offset
                end = offset + records.get_record_length()
                n += 1
                if item is not None:
                    seen += 1
                    yield item
            if end >= size or not _bytes_after(fh, end):
                break
            raise ValueError("warcio stopped before the end of the file")
        except Exception as err:  # warcio on bytes that are no record: skip to the next one
            start = max(last + 1, base + 1, end)
            nxt = _next_record(fh, start, gz)
            where = f"{path}@{start}"
            gap = f"bytes {start:,}-{nxt:,}" if nxt is not None else f"from byte {start:,} on"
            yield Skip(
                "malformed",
                f"{where}: not a WARC record ({_first_line(err)}); {gap} skipped",
                path=where,
            )
            if nxt is None:
                break
            base = nxt
    if not seen and n == 0:
        raise InputError("malformed", f"{path}: not a readable WARC file (no records)")
    if not seen:
        raise InputError("empty", f"{path}: no HTML or text responses in the WARC file")


def _warc_item(rec: Any, where: str, opts: _Options) -> Item | None:
    """One WARC record as an article, a ``Skip``, or None for records that are not articles."""
    if rec.rec_type not in ("response", "resource", "conversion"):
        return None
    if rec.rec_type == "response":
        if rec.http_headers is None:
            return None
        status = rec.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    kind = "html" if "html" in ctype.lower() else "txt" if "text/plain" in ctype else ""
    if not kind:
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI")
    payload = rec.content_stream().read(opts.max_bytes + 1)
    meta = {"crawled": rec.rec_headers.get_header("WARC-Date")}
    if len(payload) > opts.max_bytes:
        return Skip(
            "too-large", f"{where}: record over the {opts.max_bytes:,}-byte limit", path=where
        )
    missing = getattr(rec.raw_stream, "limit", 0) or 0
    if missing > 0:
        declared = rec.rec_headers.get_header("Content-Length") or "?"
        return Skip(
            "truncated",
            f"{where}: record cut short ({missing:,} of its {declared} bytes missing); not stored",
            path=where,
        )
    charset = re.search(r"charset=([\w-]+)", ctype, re.I)
    if kind == "html":
        return _html(
            payload,
            path=where,
            opts=opts,
            url=url,
            charset=charset.group(1) if charset else None,
            meta=meta,
        )
    try:
        text = checks.decode(
            payload,
            path=where,
            encoding=opts.encoding or (charset.group(1) if charset else None),
        )
    except InputError as err:
        return _skip(err, where)
    return _record(text, path=where, opts=opts, url=url, meta=meta)


def _next_record(fh: IO[bytes], start: int, gz: bool) -> int | None:
    """Offset of the next WARC record (a gzip member, or a ``WARC/1.x`` line) from ``start``."""
    marker = b"\x1f\x8b\x08" if gz else b"\nWARC/1."
    fh.seek(max(0, start - (0 if gz else 1)))
    pos = fh.tell()
    tail = b""
    while chunk := fh.read(1 << 20):
        buf = tail + chunk
        i = buf.find(marker)
        if i >= 0:
            found = pos - len(tail) + i + (0 if gz else 1)
            if found >= start:
                return found
        tail = buf[-(len(marker) - 1) :]
        pos += len(chunk)
    return None


def _bytes_after(fh: IO[bytes], start: int) -> bool:
    """Whether the file holds more than white space after ``start`` (warcio stopped early)."""
    fh.seek(start)
    while chunk := fh.read(1 << 16):
        if chunk.strip():
            return True
    return False


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0][:200] if text else type(err).__name__
