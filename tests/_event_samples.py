"""Shared helper of the event tests: a sentence through nlp, actors and events."""

from __future__ import annotations

from collections.abc import Callable

from sitmap import actors, events
from sitmap.model import Document, Event


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


def event_sides(text: str, trigger: str) -> tuple[str | None, str | None]:
    """(source code, target code) of the first event on ``trigger`` when the whole pipeline
    reads ``text``; fails naming the triggers found when there is none."""
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    event = found[0]
    return (
        event.source.code if event.source else None,
        event.target.code if event.target else None,
    )


def confidence_features(text: str, *, source: str, published: str) -> list[tuple[Event, dict]]:
    """Each event of ``text`` (whole pipeline) with its confidence features, taken while the
    parses are still held (``confidence.score`` is wrapped for the one call)."""
    from sitmap import confidence, pipeline

    taken: list[tuple[Document, list[dict[str, float]]]] = []
    real = confidence.score

    def spy(doc: Document) -> Document:
        taken.append((doc, confidence.features(doc)))
        return real(doc)

    confidence.score = spy
    try:
        pipeline.extract(text, source=source, published=published)
    finally:
        confidence.score = real
    doc, feats = taken[0]
    return list(zip(doc.events, feats, strict=True))
