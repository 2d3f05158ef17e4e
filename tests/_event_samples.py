"""Shared helper of the event tests: a sentence through nlp, actors and events."""

from __future__ import annotations

from collections.abc import Callable

from sitmap import actors, events
from sitmap.model import Document


def coded_events(
    analysed: Callable[..., Document], text: str, published: str = "2017-11-06"
) -> list[tuple[str, str | None, str | None]]:
    """(PLOVER type, source code, target code) of each event sitmap finds in ``text``."""
    doc = analysed(text, published=published, source="Reuters")
    actors.code(doc)
    events.extract(doc)
    return [
        (e.plover, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in doc.events
    ]
