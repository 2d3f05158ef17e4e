"""Row builders: ``sitmap.model`` objects as tuples in the store's column orders."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from sitmap.errors import StoreError
from sitmap.model import Document, Event, content_id


def origin_of(doc: Document) -> str:
    """Where a document came from (path, url, position in its file), as one stable key.

    Two reads of the same text from the same place share an origin (a re-run); the same text
    from another place is an exact duplicate.
    """
    position = doc.meta.get("line", doc.meta.get("index", doc.meta.get("record")))
    return content_id(doc.path, doc.url, position, doc.title, length=16)


def _doc_row(
    doc: Document, signature: bytes | None, duplicate_of: str | None, events: int | None = None
) -> tuple:
    return (
        doc.id, doc.source, doc.url, doc.published, doc.title, doc.language, doc.path,
        origin_of(doc), doc.words, len(doc.text), len(doc.sentences),
        len(doc.events) if events is None else events, doc.text,
        json.dumps([s.to_dict() for s in doc.removed], ensure_ascii=False),
        json.dumps(doc.meta, ensure_ascii=False, default=str), duplicate_of, signature, _now(),
    )  # fmt: skip


def event_row(ev: Event, doc: Document | None = None) -> tuple:
    """An ``Event`` as a tuple in ``EVENT_COLUMNS`` order (``doc`` gives outlet/published/url)."""
    src, tgt, pl, dt = ev.source, ev.target, ev.place, ev.date
    text_date = _as_date(dt.date, "event date") if dt and dt.date else None
    published = doc.published if doc else None
    event_date = text_date  # never the publication date: that has its own column
    basis = "text" if text_date else None
    return (
        ev.id, ev.doc_id, ev.sentence, ev.start, ev.end, ev.evidence, ev.trigger, ev.plover,
        ev.cameo, ev.mode,
        *_actor_cells(src), *_actor_cells(tgt),
        pl.text if pl else None, pl.name if pl else None, pl.geonameid if pl else None,
        pl.country if pl else None, pl.admin1 if pl else None, pl.lat if pl else None,
        pl.lon if pl else None, pl.feature_class if pl else None,
        pl.feature_code if pl else None, ev.place_basis, pl.qualifier if pl else None,
        text_date, dt.precision if dt else None, dt.text if dt else None, event_date, basis,
        bool(ev.historical), ev.status, ev.cited_source, ev.speaker,
        json.dumps([s.to_dict() for s in ev.attribution], ensure_ascii=False),
        float(ev.confidence), published, doc.source if doc else None, doc.url if doc else None,
        json.dumps(ev.to_dict(), ensure_ascii=False), ev.fatalities,
    )  # fmt: skip


def _actor_cells(a: Any) -> tuple:
    if a is None:
        return (None,) * 6
    return (a.text, a.code, a.name, a.country, a.sector, a.kind)


def _cell(value: Any, column: str) -> Any:
    if column == "date" and isinstance(value, str):
        return _as_date(value, "date")
    return value


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _as_date(value: date | str, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        text += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise StoreError(f"{what}: {value!r} is not a date", hint="use YYYY-MM-DD") from exc
