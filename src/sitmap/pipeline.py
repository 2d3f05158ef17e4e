"""The one way text becomes events: ingest → nlp → actors → events → attribution →
fatalities → conflict (report-level ACLED coding) → geo (→ actors placed by their event) →
when, then one event per act told twice (``events.merge_restatements``) and each event's
confidence."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sitmap import (
    actors,
    attribution,
    confidence,
    conflict,
    events,
    fatalities,
    geo,
    ingest,
    nlp,
    when,
)
from sitmap.errors import InputError
from sitmap.model import Document


def process(
    docs: Iterable[Document], *, batch_size: int = 32, document_place: bool = False
) -> Iterator[Document]:
    """Run every stage over prepared documents (see ``ingest``), yielding each when done.

    ``document_place`` gives the events the text does not place the document's main place,
    marked ``place_basis="document"`` (a guess; exports and maps leave it out unless asked).

    Documents are expected to have been through ``ingest.prepare`` (normalised text,
    boilerplate marked, language checked).
    """
    for doc in nlp.analyse(docs, parse_if=events.may_hold_event, batch_size=batch_size):
        actors.code(doc)
        events.extract(doc)
        attribution.attribute(doc)
        fatalities.count(doc)
        conflict.code(doc)
        geo.resolve(doc, document_place=document_place)
        actors.localise(doc)
        when.resolve(doc)
        actors.in_office(doc)
        events.merge_restatements(doc)
        confidence.score(doc)
        release(doc)
        yield doc


def extract(
    text: str,
    *,
    source: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    document_place: bool = False,
) -> Document:
    """One article's text in, one fully processed ``Document`` out (``document_place``: see
    ``process``).

    Raises ``InputError`` for text that cannot be an English article (empty, non-English).
    """
    doc = ingest.from_text(text, source=source, published=published, title=title, url=url)
    return next(process([doc], document_place=document_place))


def extract_path(
    path: str | Path,
    *,
    source: str | None = None,
    published: date | str | None = None,
    encoding: str | None = None,
    document_place: bool = False,
    max_bytes: int = ingest.MAX_BYTES,
) -> Document:
    """``extract`` on a text file, or standard input when ``path`` is ``"-"``.

    At most ``max_bytes`` are read: a larger input is refused without reading the rest.
    Raises ``InputError`` (empty, binary, encoding, too-large, not-english) with a message that
    says what to do.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(
                "missing", f"{path}: no such file", hint="give a text file or - for stdin"
            )
        try:
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as err:
            raise InputError("unreadable", f"{path}: cannot read: {err.strerror}") from None
    if len(data) > max_bytes:
        raise InputError(
            "too-large",
            f"{path}: more than {max_bytes:,} bytes (the limit for one article; not read further)",
            hint="split it, or raise the limit with --max-bytes",
        )
    text = ingest.decode(data, path=str(path), encoding=encoding, max_bytes=max_bytes)
    return extract(text, source=source, published=published, document_place=document_place)


def release(doc: Document) -> Document:
    """Drop the spaCy objects so a finished document is light to keep or send between processes."""
    doc._spacy = None
    doc._parses = {}
    return doc
