"""Files → prepared ``Document``s, one ``Skip`` for every input (or record) that cannot be read.

Formats go by extension (``.gz`` is decompressed transparently): ``.txt``, ``.html``/``.htm``
(trafilatura), ``.json`` (an object or a list), ``.jsonl``, ``.csv``/``.tsv``, ``.warc``
(warcio; HTML responses), ``.rss``/``.atom``/``.xml`` feeds (feedparser). Standard input
(``"-"``) and files without an extension are sniffed.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from sitmap import lexicons
from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.checks import MAX_BYTES
from sitmap.ingest.normalize import normalise
from sitmap.ingest.prepare import parse_date, prepare
from sitmap.model import Document, Skip

MAX_BAD_RUN = 1000
"""After this many bad records in a row, the rest of a file is not read (one skip says so)."""
CONTAINER_FACTOR = 20
"""Whole-file containers (.json, feeds) may be this many times ``max_bytes``."""

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
_FIELDS = ("text", "title", "published", "source", "url", "id")
_LIST_KEYS = ("articles", "items", "documents", "records", "data", "results", "entries")
_ROOT = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([\w:.-]+)", re.S)

Item = Document | Skip


@dataclass
class _Options:
    source: str | None
    published: date | None
    encoding: str | None
    max_bytes: int
    fields: dict[str, str] = field(default_factory=dict)


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


# --- one article -------------------------------------------------------------------------


def _record(
    text: str,
    *,
    path: str,
    opts: _Options,
    title: str | None = None,
    published: Any = None,
    source: str | None = None,
    url: str | None = None,
    record_id: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Item:
    """One article's fields → a prepared ``Document``, or a ``Skip`` saying why not."""
    if "\x00" in text:
        return Skip("binary", f"{path}: the text holds NUL bytes", path=path, doc_id=record_id)
    if len(text) > opts.max_bytes:
        return Skip(
            "too-large",
            f"{path}: article of {len(text):,} characters is over the {opts.max_bytes:,} limit",
            path=path,
            doc_id=record_id,
        )
    day = None
    if isinstance(published, date):
        day = published
    elif published is not None:
        day = parse_date(str(published), strict=False)
    doc = Document(
        text=normalise(text),
        source=_one_line(source) or opts.source,
        url=_one_line(url),
        published=day or opts.published,
        title=_one_line(normalise(title)) if title else None,
        path=path,
        meta=dict(meta or {}),
    )
    if isinstance(published, str) and published.strip():
        doc.meta["published_raw"] = published
    if record_id is not None:
        doc.meta["record_id"] = record_id
    try:
        return prepare(doc)
    except InputError as err:
        return _skip(err, path, doc_id=record_id)


def _skip(err: InputError, path: str, *, doc_id: str | None = None) -> Skip:
    message = str(err)
    if not message.startswith(path):
        message = f"{path}: {message}"
    return Skip(
        err.reason, message, path=path, doc_id=doc_id, detail=getattr(err, "language", None)
    )


def _one_line(value: Any) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


# --- HTML --------------------------------------------------------------------------------


def _html(
    data: bytes,
    *,
    path: str,
    opts: _Options,
    url: str | None = None,
    charset: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Item:
    """An HTML page → its main text and metadata (trafilatura), or a ``Skip``."""
    try:
        checks.check_bytes(data, path=path, max_bytes=opts.max_bytes)
        html = _decode_html(data, path=path, encoding=opts.encoding or charset)
        text, info = _extract_html(html, url=url, path=path)
    except InputError as err:
        return _skip(err, path)
    return _record(
        text,
        path=path,
        opts=opts,
        title=info.get("title"),
        published=info.get("date"),
        source=info.get("sitename"),
        url=info.get("url") or url,
        meta={**(meta or {}), **{k: info[k] for k in ("author", "hostname") if info.get(k)}},
    )


def _decode_html(data: bytes, *, path: str, encoding: str | None) -> str:
    """HTML bytes → str: the given/declared charset, else UTF-8; an encoding error otherwise."""
    declared = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", data[:4096], re.I)
    tried = [encoding, declared.group(1).decode("ascii") if declared else None]
    for codec in [c for c in tried if c]:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return checks.decode_text(data, path=path)


def _extract_html(html: str, *, url: str | None, path: str) -> tuple[str, dict[str, Any]]:
    try:
        import trafilatura
    except ImportError as err:  # e.g. lxml_html_clean missing beside lxml >= 5.2
        raise InputError(
            "unavailable",
            f"HTML cannot be read: trafilatura does not import ({err})",
            hint="pip install lxml_html_clean (or reinstall sitmap)",
        ) from None
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except (ValueError, TypeError) as err:
        raise InputError("malformed", f"HTML could not be parsed ({err})") from None
    info: dict[str, Any] = {}
    text = ""
    if result is not None:
        info = {k: getattr(result, k, None) for k in ("title", "date", "sitename", "url")}
        info["author"] = getattr(result, "author", None)
        info["hostname"] = getattr(result, "hostname", None)
        text = result.text or ""
    if not text.strip():  # too short or too broken for the main-text extractor: all the text
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        raise InputError(
            "malformed",
            "no article text found in the HTML",
            hint="check that the page holds the article and is not a script-only shell",
        )
    return text, info


# --- records: JSON, JSONL, CSV -----------------------------------------------------------


def _field_names(keys: Iterable[str], opts: _Options) -> dict[str, str]:
    """Which record key holds each article field: ``fields=`` first, then the known names."""
    known: dict[str, list[str]] = lexicons.yaml_file("record_fields.yaml")
    by_norm = {}
    for key in keys:
        by_norm.setdefault(_norm_key(key), key)
    found: dict[str, str] = {}
    for name in _FIELDS:
        if name in opts.fields:
            wanted = opts.fields[name]
            key = wanted if wanted in keys else by_norm.get(_norm_key(wanted))
            if key is not None:
                found[name] = key
            continue
        for candidate in known.get(name, []):
            if candidate in by_norm:
                found[name] = by_norm[candidate]
                break
    return found


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(key).lower())


def _value(value: Any) -> Any:
    """A record value as text: lists of paragraphs joined, ``{"name": ...}`` objects unwrapped."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    if isinstance(value, dict):
        for key in ("name", "title", "value", "text", "id"):
            if isinstance(value.get(key), str | int):
                return value[key]
        return None
    if isinstance(value, bool):
        return None
    return value


def _from_mapping(row: dict[str, Any], names: dict[str, str], path: str, opts: _Options) -> Item:
    get = {name: _value(row.get(key)) for name, key in names.items()}
    record_id = str(get["id"]) if get.get("id") not in (None, "") else None
    if "text" not in names:
        wanted = opts.fields.get("text")
        keys = ", ".join(map(str, row)) or "none"
        return Skip(
            "no-text",
            f"{path}: no text field " + (f"{wanted!r} " if wanted else "") + f"(fields: {keys})",
            path=path,
            doc_id=record_id,
            detail="name the text field with --field text=NAME (fields={'text': NAME})",
        )
    text = get["text"]
    if not isinstance(text, str) or not text.strip():
        kind = "empty" if text in (None, "") or isinstance(text, str) else "malformed"
        return Skip(
            kind, f"{path}: the {names['text']!r} field is empty", path=path, doc_id=record_id
        )
    return _record(
        text,
        path=path,
        opts=opts,
        title=_str_or_none(get.get("title")),
        published=_str_or_none(get.get("published")),
        source=_str_or_none(get.get("source")),
        url=_str_or_none(get.get("url")),
        record_id=record_id,
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _read_json(data: bytes, path: str, opts: _Options) -> Iterator[Item]:
    """A JSON article, a list of them, or an object holding a list (``{"articles": [...]}``).

    Parsed one element (and one member) at a time: a file of millions of tiny values costs
    one value's memory, not the whole tree's (``json.loads`` of 100 MB of ``{}`` takes 2 GB);
    a value over ``max_bytes`` is skipped without being parsed.
    """
    text = checks.decode_text(data, path=path, encoding=opts.encoding)
    del data
    i = _ws(text, 0)
    if i >= len(text):
        raise InputError("empty", f"{path}: file is empty")
    if text[i] == "{":
        small, lists = _members(text, i, path, opts)
        if lists and "text" not in _field_names(small.keys(), opts):
            i = lists[0]
        else:
            yield _json_record(small, path, opts)
            return
    elif text[i] != "[":
        value = _decode_at(text, i, path)
        raise InputError(
            "malformed", f"{path}: JSON holds a {type(value).__name__}, not articles"
        )
    n = 0
    for n, value in enumerate(_elements(text, i, path, opts), 1):
        where = f"{path}#{n}"
        if isinstance(value, _TooBig):
            yield Skip("too-large", f"{where}: {value.message}", path=where)
        else:
            yield _json_record(value, where, opts)
    if n == 0:
        raise InputError("empty", f"{path}: JSON list is empty")


class _TooBig:
    def __init__(self, message: str) -> None:
        self.message = message


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_WS = re.compile(r"[ \t\r\n]*")


def _ws(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def _decode_at(text: str, i: int, path: str) -> Any:
    try:
        return json.JSONDecoder().raw_decode(text, i)[0]
    except json.JSONDecodeError as err:
        raise InputError(
            "malformed", f"{path}: not valid JSON ({err})", hint="one object or a list"
        ) from None


def _value_at(text: str, i: int, path: str, opts: _Options) -> tuple[Any, int]:
    """The JSON value at ``i`` and the index after it; ``_TooBig`` for an oversized one."""
    if i >= len(text):
        raise InputError("malformed", f"{path}: not valid JSON (it ends too soon)")
    if text[i] in "[{":
        end = _container_end(text, i, path)
        if end - i > opts.max_bytes:
            return _TooBig(f"a value of {end - i:,} characters (over the limit, not read)"), end
    try:
        return json.JSONDecoder().raw_decode(text, i)
    except json.JSONDecodeError as err:
        raise InputError("malformed", f"{path}: not valid JSON ({err})") from None


def _container_end(text: str, i: int, path: str) -> int:
    """Index after the array or object starting at ``i`` (strings skipped, nothing built)."""
    depth = 0
    for m in _JSON_TOKENS.finditer(text, i):
        token = m.group()
        if token in ("[", "{"):
            depth += 1
        elif token in ("]", "}"):
            depth -= 1
            if depth == 0:
                return m.end()
    raise InputError("malformed", f"{path}: not valid JSON (unterminated at char {i})")


def _elements(text: str, i: int, path: str, opts: _Options) -> Iterator[Any]:
    """The elements of the JSON array at ``i``, one at a time."""
    i = _ws(text, i + 1)
    if text.startswith("]", i):
        return
    while True:
        value, i = _value_at(text, i, path, opts)
        yield value
        i = _ws(text, i)
        if text.startswith("]", i):
            return
        if not text.startswith(",", i):
            raise InputError("malformed", f"{path}: not valid JSON (expected , or ] at {i})")
        i = _ws(text, i + 1)


def _members(text: str, i: int, path: str, opts: _Options) -> tuple[dict[str, Any], list[int]]:
    """The JSON object at ``i``: its small members, and where its article lists start."""
    small: dict[str, Any] = {}
    lists: list[int] = []
    i = _ws(text, i + 1)
    if text.startswith("}", i):
        return small, lists
    while True:
        key, i = _value_at(text, i, path, opts)
        i = _ws(text, i)
        if not isinstance(key, str) or not text.startswith(":", i):
            raise InputError("malformed", f"{path}: not valid JSON (bad object key at {i})")
        i = _ws(text, i + 1)
        if key in _LIST_KEYS and text.startswith("[", i):
            lists.append(i)
            i = _container_end(text, i, path)
        else:
            value, i = _value_at(text, i, path, opts)
            small[key] = None if isinstance(value, _TooBig) else value
        i = _ws(text, i)
        if text.startswith("}", i):
            lists.sort(key=lambda start: _LIST_KEYS.index(_key_before(text, start)))
            return small, lists
        if not text.startswith(",", i):
            raise InputError("malformed", f"{path}: not valid JSON (expected , or }} at {i})")
        i = _ws(text, i + 1)


def _key_before(text: str, start: int) -> str:
    m = re.search(r'"([^"]*)"\s*:\s*$', text[max(0, start - 200) : start])
    return m.group(1) if m and m.group(1) in _LIST_KEYS else _LIST_KEYS[-1]


def _json_record(obj: Any, path: str, opts: _Options) -> Item:
    if isinstance(obj, str):
        return (
            _record(obj, path=path, opts=opts)
            if obj.strip()
            else Skip("empty", f"{path}: empty string", path=path)
        )
    if not isinstance(obj, dict):
        return Skip(
            "malformed", f"{path}: a JSON {type(obj).__name__}, not an article object", path=path
        )
    return _from_mapping(obj, _field_names(obj.keys(), opts), path, opts)


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


def _read_jsonl(fh: IO[bytes], path: str, opts: _Options) -> Iterator[Item]:
    seen = False
    for n, line in _text_lines(fh, path, opts):
        where = f"{path}#{n}"
        if isinstance(line, _BadLine):
            seen = True
            hint = " (pass its encoding with --encoding)" if line.reason == "encoding" else ""
            yield Skip(line.reason, f"{where}: {line.message}{hint}", path=where)
            continue
        line = line.strip()
        if not line:
            continue
        seen = True
        if "\x00" in line:
            yield Skip("binary", f"{where}: the line holds NUL bytes", path=where)
            continue
        try:
            obj = json.loads(line)
        except ValueError as err:
            yield Skip("malformed", f"{where}: not valid JSON ({err})", path=where)
            continue
        yield _json_record(obj, where, opts)
    if not seen:
        raise InputError("empty", f"{path}: no records")


class _Lines:
    """Lines for ``csv.reader``: a bad line raises ``_BadLine`` and reading can go on after."""

    def __init__(self, lines: Iterator[tuple[int, str | _BadLine]]) -> None:
        self._lines = lines
        self.n = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        self.n, line = next(self._lines)
        if isinstance(line, _BadLine):
            raise line
        return line if line.endswith("\n") else line + "\n"


def _read_csv(fh: IO[bytes], path: str, opts: _Options, *, tab: bool) -> Iterator[Item]:
    """Rows of a CSV/TSV file; a bad row (bad bytes, a field over the limit, broken quoting)
    is one skip and the rows after it are read."""
    csv.field_size_limit(max(csv.field_size_limit(), opts.max_bytes + 1))
    lines = _Lines(_text_lines(fh, path, opts))
    header_line = ""
    for _, first in lines._lines:
        if isinstance(first, _BadLine):
            raise InputError(first.reason, f"{path}: header row: {first.message}")
        if first.strip():
            header_line = first
            break
    if not header_line.strip():
        raise InputError("empty", f"{path}: no header row")
    delimiter = "\t" if tab else max(",;\t|", key=header_line.count)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter))
    except (csv.Error, StopIteration) as err:
        raise InputError("malformed", f"{path}: unreadable header row ({err})") from None
    names = _field_names(header, opts)
    if "text" not in names:
        wanted = opts.fields.get("text")
        raise InputError(
            "no-text",
            f"{path}: no text column "
            + (f"{wanted!r} " if wanted else "")
            + f"among {', '.join(header)}",
            hint="name it with --field text=COLUMN (fields={'text': COLUMN})",
        )
    row_no = 0
    rows = 0
    while True:
        reader = csv.reader(lines, delimiter=delimiter)
        try:
            for row in reader:
                row_no += 1
                if not any(cell.strip() for cell in row):
                    continue
                rows += 1
                yield _from_mapping(
                    dict(zip(header, row, strict=False)), names, f"{path}#{row_no}", opts
                )
            break
        except _BadLine as bad:
            row_no += 1
            rows += 1
            where = f"{path}#{row_no}"
            hint = " (pass its encoding with --encoding)" if bad.reason == "encoding" else ""
            yield Skip(bad.reason, f"{where}: line {bad.n}: {bad.message}{hint}", path=where)
        except csv.Error as err:
            row_no += 1
            rows += 1
            where = f"{path}#{row_no}"
            yield Skip("malformed", f"{where}: CSV error ({err}); row skipped", path=where)
    if not rows:
        raise InputError("empty", f"{path}: a header row and no rows")


# --- WARC --------------------------------------------------------------------------------


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


# --- RSS / Atom --------------------------------------------------------------------------


def _feed_root(head: bytes) -> bool:
    m = _ROOT.match(head)
    return bool(m) and m.group(1).split(b":")[-1].lower() in (b"rss", b"feed", b"rdf")


def _read_feed(data: bytes, path: str, opts: _Options) -> Iterator[Item]:
    """Each entry of an RSS or Atom feed: its content (or summary), link, date, feed title."""
    checks.check_bytes(data, path=path, max_bytes=len(data) + 1)
    if not _feed_root(data[:4096].lstrip(b"\xef\xbb\xbf")):
        m = _ROOT.match(data[:4096].lstrip(b"\xef\xbb\xbf"))
        root = m.group(1).decode("ascii", "replace") if m else "none"
        raise InputError(
            "unsupported",
            f"{path}: XML that is not an RSS or Atom feed (root element <{root}>)",
        )
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise InputError(
            "empty" if not problem else "malformed", f"{path}: the feed has no entries{problem}"
        )
    feed_title = _one_line(parsed.feed.get("title"))
    for n, entry in enumerate(entries, 1):
        where = f"{path}#{n}"
        body, is_html = _entry_body(entry)
        if not body.strip():
            yield Skip("empty", f"{where}: feed entry has no content or summary", path=where)
            continue
        text = _fragment_text(body) if is_html else body
        if not text.strip():
            yield Skip("empty", f"{where}: feed entry has no text", path=where)
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*stamp[:3]) if stamp else entry.get("published") or entry.get("updated")
        yield _record(
            text,
            path=where,
            opts=opts,
            title=entry.get("title"),
            published=published,
            source=feed_title,
            url=entry.get("link"),
            record_id=entry.get("id"),
        )


def _entry_body(entry: Any) -> tuple[str, bool]:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"], "html" in content.get("type", "html")
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", "html" in detail.get("type", "text/html")


# fmt: off
_BLOCK_TAGS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
               "section", "article", "figure", "pre", "ul", "ol", "table")
# fmt: on


def _fragment_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph a line (feed entries)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _size_text(size: int | None, limit: int) -> str:
    return f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes (decompressed)"
