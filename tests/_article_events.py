"""Shared helpers for tests that read one event of a written sentence through the pipeline."""

from __future__ import annotations

from sitmap import pipeline


def event_on(text: str, trigger: str):
    """The first event whose trigger is ``trigger`` in ``text`` (a Reuters report of 2017-11-20)."""
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0]


def speaker_of(event) -> str | None:
    """The name of the event's speaker in its attribution chain, or None."""
    return next((s.name for s in event.attribution if s.role == "speaker"), None)
