"""RSS and Atom feeds → one article per entry (feedparser)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.record import Item, _one_line, _Options, _record
from sitmap.model import Skip

_ROOT = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([\w:.-]+)", re.S)


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
