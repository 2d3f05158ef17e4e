"""One article's fields (or one JSON/CSV record) → a prepared ``Document`` or a ``Skip``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitmap import lexicons
from sitmap.errors import InputError
from sitmap.ingest.normalize import normalise
from sitmap.ingest.prepare import parse_date, prepare
from sitmap.model import Document, Skip

_FIELDS = ("text", "title", "published", "source", "url", "id")

Item = Document | Skip


@dataclass
class _Options:
    source: str | None
    published: date | None
    encoding: str | None
    max_bytes: int
    fields: dict[str, str] = field(default_factory=dict)


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
