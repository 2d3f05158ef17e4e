"""JSON and JSONL files → articles, one element (and one line) at a time."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.record import (
    Item,
    _field_names,
    _from_mapping,
    _Options,
    _record,
)
from sitmap.ingest.streams import _BadLine, _text_lines
from sitmap.model import Skip

_LIST_KEYS = ("articles", "items", "documents", "records", "data", "results", "entries")


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
        raise InputError("malformed", f"{path}: JSON holds a {type(value).__name__}, not articles")
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
