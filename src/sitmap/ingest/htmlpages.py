"""HTML pages → their main text and metadata (trafilatura)."""

from __future__ import annotations

import re
from typing import Any

from sitmap.errors import InputError
from sitmap.ingest import checks
from sitmap.ingest.record import Item, _Options, _record, _skip


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
