"""Ingest: raw input → prepared ``Document``s (normalised, titled, boilerplate marked, English).

Public API::

    from_text(text, *, source=None, published=None, title=None, url=None, path=None) -> Document
    prepare(doc) -> Document            # boilerplate, title and language on a built Document
    decode(data, *, path=None, encoding=None, max_bytes=MAX_BYTES) -> str
    read(paths, *, source=None, published=None, encoding=None, max_bytes=MAX_BYTES,
         fields=None) -> Iterator[Document | Skip]

``from_text`` and ``decode`` raise ``InputError`` (reason ``empty``, ``binary``, ``encoding``,
``too-large``, ``not-english``, ``date``); ``read`` never raises for bad input: it yields a
``Skip`` for every file or record it cannot turn into a ``Document``.
"""

from __future__ import annotations

from sitmap.ingest.checks import MAX_BYTES, decode
from sitmap.ingest.language import NotEnglish
from sitmap.ingest.normalize import normalise
from sitmap.ingest.prepare import detect_title, from_text, prepare
from sitmap.ingest.readers import read

__all__ = [
    "MAX_BYTES",
    "NotEnglish",
    "decode",
    "detect_title",
    "from_text",
    "normalise",
    "prepare",
    "read",
]
