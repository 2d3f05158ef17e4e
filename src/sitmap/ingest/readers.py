"""Files → prepared ``Document``s, one ``Skip`` for every input (or record) that cannot be read.

Formats go by extension (``.gz`` is decompressed transparently): ``.txt``, ``.html``/``.htm``
(trafilatura), ``.json`` (an object or a list), ``.jsonl``, ``.csv``/``.tsv``, ``.warc``
(warcio; HTML responses), ``.rss``/``.atom``/``.xml`` feeds (feedparser). Standard input
(``"-"``) and files without an extension are sniffed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
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
        yield from _read_path(path, opts)


def _expand(paths: str | Path | Iterable[str | Path]) -> Iterator[str]:
    if isinstance(paths, str | Path):
        paths = [paths]
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in rel):
                    yield str(child)
        else:
            yield str(path)


def _read_path(path: str, opts: _Options) -> Iterator[Item]:
    """Every item of one input, turning any failure into a ``Skip`` for what was not read."""
    try:
        yield from _dispatch(path, opts)
    except InputError as err:
        yield _skip(err, path)
    except (OSError, EOFError, zlib.error) as err:
        reason = (
            "malformed"
            if isinstance(err, EOFError | zlib.error | gzip.BadGzipFile)
            else ("missing" if isinstance(err, FileNotFoundError) else "unreadable")
        )
        yield Skip(reason, f"{path}: cannot read: {err}", path=path)
    except Exception as err:  # a library failing on strange input: record it, go on
        yield Skip(
            "malformed",
            f"{path}: reading failed ({type(err).__name__}: {err}); "
            "the rest of this input was not read",
            path=path,
        )


def _dispatch(path: str, opts: _Options) -> Iterator[Item]:
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from _read_bytes(data, _sniff(data), "<stdin>", opts)
        return
    p = Path(path)
    if not p.exists():
        yield Skip("missing", f"{path}: no such file", path=path)
        return
    if not p.is_file():
        yield Skip("unsupported", f"{path}: not a regular file", path=path)
        return
    name = p.name.lower()
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
        with p.open("rb") as fh:
            yield from _read_warc(fh, path, opts)
        return
    opener = gzip.open if gz else open
    with opener(p, "rb") as fh:
        if fmt in ("jsonl", "csv", "tsv"):
            head = fh.peek(8192)[:8192] if hasattr(fh, "peek") else b""
            _check_head(head, path)
            if fmt == "jsonl":
                yield from _read_jsonl(fh, path, opts)
            else:
                yield from _read_csv(fh, path, opts, tab=fmt == "tsv")
            return
        limit = opts.max_bytes * (CONTAINER_FACTOR if fmt in ("json", "feed") else 1)
        data = fh.read(limit + 1)
    if len(data) > limit:
        size = p.stat().st_size if not gz else None
        raise InputError(
            "too-large",
            f"{path}: {_size_text(size, limit)} is over the {limit:,}-byte limit",
            hint="split it, or raise the limit with --max-bytes (max_bytes= in Python)",
        )
    yield from _read_bytes(data, fmt or _sniff(data), path, opts)


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


def _sniff(data: bytes) -> str:
    """The format of extension-less input (standard input, ``README``-like names)."""
    checks.check_bytes(data, max_bytes=len(data) + 1)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<"):
        return "feed" if _feed_root(head) else "html"
    if head[:1] in (b"{", b"["):
        try:
            json.loads(data)
            return "json"
        except ValueError:
            return "jsonl"
    return "txt"


def _check_head(head: bytes, path: str) -> None:
    if not head.strip():
        raise InputError("empty", f"{path}: file is empty")
    checks.check_bytes(head, path=path, max_bytes=len(head) + 1)


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
    text = checks.decode_text(data, path=path, encoding=opts.encoding)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            "malformed", f"{path}: not valid JSON ({err})", hint="one object or a list"
        ) from None
    if isinstance(obj, dict):
        lists = [k for k in _LIST_KEYS if isinstance(obj.get(k), list)]
        if lists and "text" not in _field_names(obj.keys(), opts):
            obj = obj[lists[0]]
        else:
            yield _json_record(obj, path, opts)
            return
    if not isinstance(obj, list):
        raise InputError("malformed", f"{path}: JSON holds a {type(obj).__name__}, not articles")
    if not obj:
        raise InputError("empty", f"{path}: JSON list is empty")
    for n, item in enumerate(obj, 1):
        yield _json_record(item, f"{path}#{n}", opts)


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


def _read_jsonl(fh: IO[bytes], path: str, opts: _Options) -> Iterator[Item]:
    seen = False
    for n, raw in enumerate(fh, 1):
        line = raw.strip()
        if not line:
            continue
        seen = True
        where = f"{path}#{n}"
        if len(line) > opts.max_bytes:
            yield Skip(
                "too-large",
                f"{where}: line of {len(line):,} bytes is over the {opts.max_bytes:,} limit",
                path=where,
            )
            continue
        try:
            obj = json.loads(checks.decode_text(line, path=where, encoding=opts.encoding))
        except InputError as err:
            yield _skip(err, where)
            continue
        except json.JSONDecodeError as err:
            yield Skip("malformed", f"{where}: not valid JSON ({err})", path=where)
            continue
        yield _json_record(obj, where, opts)
    if not seen:
        raise InputError("empty", f"{path}: no records")


def _read_csv(fh: IO[bytes], path: str, opts: _Options, *, tab: bool) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), opts.max_bytes + 1))
    stream = io.TextIOWrapper(fh, encoding=opts.encoding or "utf-8-sig", newline="")
    row_no = 0
    try:
        header_line = stream.readline()
        if not header_line.strip():
            raise InputError("empty", f"{path}: no header row")
        delimiter = "\t" if tab else max(",;\t|", key=header_line.count)
        lines = _chain_first(header_line, stream)
        reader = csv.reader(lines, delimiter=delimiter)
        header = next(reader)
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
        for row_no, row in enumerate(reader, 1):
            if not any(cell.strip() for cell in row):
                continue
            yield _from_mapping(
                dict(zip(header, row, strict=False)), names, f"{path}#{row_no}", opts
            )
    except UnicodeDecodeError as err:
        raise InputError(
            "encoding",
            f"{path}: not valid {opts.encoding or 'utf-8'} after row {row_no} "
            f"(byte 0x{err.object[err.start : err.start + 1].hex()}); later rows not read",
            hint="pass the file's encoding, e.g. --encoding latin-1",
        ) from None
    except csv.Error as err:
        raise InputError(
            "malformed", f"{path}: CSV error after row {row_no} ({err}); later rows not read"
        ) from None
    finally:
        stream.detach()


def _chain_first(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


# --- WARC --------------------------------------------------------------------------------


def _read_warc(fh: IO[bytes], path: str, opts: _Options) -> Iterator[Item]:
    """HTML (and plain-text) 2xx responses of a WARC file; other records are not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen = 0
    try:
        for n, rec in enumerate(ArchiveIterator(fh), 1):
            if rec.rec_type not in ("response", "resource", "conversion"):
                continue
            if rec.rec_type == "response":
                if rec.http_headers is None:
                    continue
                status = rec.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            kind = "html" if "html" in ctype.lower() else "txt" if "text/plain" in ctype else ""
            if not kind:
                continue
            seen += 1
            where = f"{path}#{n}"
            url = rec.rec_headers.get_header("WARC-Target-URI")
            payload = rec.content_stream().read(opts.max_bytes + 1)
            meta = {"crawled": rec.rec_headers.get_header("WARC-Date")}
            if len(payload) > opts.max_bytes:
                yield Skip(
                    "too-large",
                    f"{where}: record over the {opts.max_bytes:,}-byte limit",
                    path=where,
                )
                continue
            charset = re.search(r"charset=([\w-]+)", ctype, re.I)
            if kind == "html":
                yield _html(
                    payload,
                    path=where,
                    opts=opts,
                    url=url,
                    charset=charset.group(1) if charset else None,
                    meta=meta,
                )
                continue
            try:
                text = checks.decode(
                    payload,
                    path=where,
                    encoding=opts.encoding or (charset.group(1) if charset else None),
                )
            except InputError as err:
                yield _skip(err, where)
                continue
            yield _record(text, path=where, opts=opts, url=url, meta=meta)
    except ArchiveLoadFailed as err:
        raise InputError("malformed", f"{path}: not a readable WARC file ({err})") from None
    if not seen:
        raise InputError("empty", f"{path}: no HTML or text responses in the WARC file")


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
