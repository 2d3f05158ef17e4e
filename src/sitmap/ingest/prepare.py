"""One article's text → a prepared ``Document``: normalised, titled, boilerplate marked, English."""

from __future__ import annotations

import re
from datetime import date, datetime

from sitmap.errors import InputError
from sitmap.ingest import boilerplate, language
from sitmap.ingest.normalize import normalise
from sitmap.model import Document

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30


def from_text(
    text: str,
    *,
    source: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Document:
    """An article's text (and what is known about it) → a ``Document`` ready for the pipeline.

    ``published`` may be a date or a string such as "September 12, 2017". Raises
    ``InputError`` (reason ``empty``, ``not-english`` or ``date``) for text that cannot be an
    English article or a date that cannot be read.
    """
    if isinstance(text, bytes):
        from sitmap.ingest.checks import decode

        text = decode(text, path=path)
    day = parse_date(published, strict=True)
    doc = Document(
        text=normalise(text),
        source=_clean(source),
        url=_clean(url),
        published=day,
        title=_clean(normalise(title)) if title else None,
        path=path,
    )
    if isinstance(published, str):
        doc.meta["published_raw"] = published
    return prepare(doc)


def prepare(doc: Document) -> Document:
    """Mark boilerplate, detect a missing title and check the language, in place.

    Expects ``doc.text`` normalised (``from_text`` and ``read`` do it). Raises ``InputError``
    ``empty`` when nothing but white space or boilerplate is left, ``NotEnglish`` (an
    ``InputError``, reason ``not-english``) for confidently non-English text.
    """
    if not doc.text.strip():
        raise InputError("empty", "text is empty (only white space)", hint="nothing to read")
    doc.removed = boilerplate.find(doc.text)
    clean = doc.clean_text
    if not clean.strip():
        raise InputError("empty", "text holds only boilerplate (footers, credits, appeals)")
    if doc.title is None:
        doc.title = detect_title(doc.text)
    doc.language = language.check_english(clean)
    return doc


def detect_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, more text after it, no final stop.

    Bylines ("By Tom Perry"), time stamps and datelines ("KABUL (Reuters) -") are not titles.
    """
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    if len(first) > MAX_TITLE_CHARS or len(first.split()) > MAX_TITLE_WORDS:
        return None
    if first[-1] in ".,;:" or re.search(r"\(\w+\)\s*[-–—]", first):  # "KABUL (Reuters) -"
        return None
    if re.match(r"(?i)by\s|updated\b|published\b", first):  # a byline or a time stamp
        return None
    return first


def parse_date(value: date | str | None, *, strict: bool) -> date | None:
    """A publication date from a date, datetime or string (``sitmap.when.parse_published``).

    An unreadable string raises ``InputError("date")`` when ``strict`` (a person typed it),
    else gives None (a record's date field; the raw value is kept by the reader).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from sitmap.when import parse_published

    day = parse_published(str(value))
    if day is None and strict:
        raise InputError(
            "date",
            f"cannot read the publication date {value!r}",
            hint="give it as YYYY-MM-DD, e.g. 2017-09-12",
        )
    return day


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
