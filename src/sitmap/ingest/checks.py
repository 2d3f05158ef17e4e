"""Bytes → text, refusing what cannot be an article: empty, too large, binary, undecodable."""

from __future__ import annotations

import codecs

from sitmap.errors import InputError

MAX_BYTES = 5_000_000
"""Largest single article (file or record) read, in bytes; raise it with ``max_bytes=``."""

# File signatures (magic numbers) of formats people drop into a news folder by mistake, from
# the table in file(1)'s magic database / Wikipedia's "List of file signatures".
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC/XLS)"),
    (b"\x1f\x8b", "gzip-compressed data (name the file *.gz to have it decompressed)"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio/video file"),
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_bytes(data: bytes, *, path: str | None = None, max_bytes: int = MAX_BYTES) -> None:
    """Raise ``InputError`` for bytes that are empty, over ``max_bytes`` or binary."""
    where = f"{path}: " if path else ""
    if not data.strip():
        raise InputError("empty", f"{where}file is empty", hint="nothing to read")
    if len(data) > max_bytes:
        raise InputError(
            "too-large",
            f"{where}{_size(len(data))} is over the {_size(max_bytes)} limit for one article",
            hint="split it, or raise the limit with --max-bytes (max_bytes= in Python)",
        )
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return
    kind = _looks_binary(data)
    if kind:
        raise InputError(
            "binary",
            f"{where}this is {kind}, not text",
            hint="sitmap reads plain text, HTML, JSON, CSV, WARC and RSS/Atom",
        )


def decode(
    data: bytes,
    *,
    path: str | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> str:
    """Bytes of one article → ``str``; UTF-8 (a BOM is fine) unless ``encoding`` is given.

    Raises ``InputError`` with reason ``empty``, ``too-large``, ``binary`` or ``encoding``.
    """
    check_bytes(data, path=path, max_bytes=max_bytes)
    text = decode_text(data, path=path, encoding=encoding)
    if not text.strip():
        where = f"{path}: " if path else ""
        raise InputError("empty", f"{where}text is empty (only white space)")
    return text


def decode_text(data: bytes, *, path: str | None = None, encoding: str | None = None) -> str:
    """Decode without the size and binary checks (records already checked by their reader)."""
    where = f"{path}: " if path else ""
    if encoding is None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                encoding = codec
                break
    codec = encoding or "utf-8"
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(
            "encoding",
            f"unknown encoding {encoding!r}",
            hint="use a Python codec name such as utf-8, latin-1, cp1252",
        ) from None
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        line = data.count(b"\n", 0, err.start) + 1
        hint = (
            "pass the file's encoding, e.g. --encoding latin-1 or --encoding cp1252"
            if encoding is None
            else "check the encoding given"
        )
        raise InputError(
            "encoding",
            f"{where}not valid {codec}: byte 0x{bad} at offset {err.start} (line {line})",
            hint=hint,
        ) from None


def _looks_binary(data: bytes) -> str:
    """What the bytes look like when they are not text ("" when they may be text)."""
    for magic, kind in SIGNATURES:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        if data.startswith(b"MZ"):
            return "a Windows executable"
        return "binary data (it holds NUL bytes)"
    if data[:3] == b"BZh" and data[4:10] == b"1AY&SY":
        return "bzip2-compressed data"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.1:
        return "binary data (mostly control bytes)"
    return ""


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
