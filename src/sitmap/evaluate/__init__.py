"""Scoring sitmap against gold annotations: events (``events``) and geoparsing (``geo``).

Python API first: ``evaluate_events(gold_docs, predicted_docs)`` and ``evaluate_geo(gold_docs,
predicted_docs)`` score what they are given; ``score_events_file`` and ``score_geo_file`` read a
gold file, run the pipeline (or read predictions) and score — what ``sitmap eval`` calls. The
matching rules are in the docstrings of ``sitmap.evaluate.events`` and ``sitmap.evaluate.geo``;
the conventions for empty inputs (undefined ratios are ``None``) in ``sitmap.evaluate.metrics``.
"""

from __future__ import annotations

from pathlib import Path

from sitmap.evaluate.events import (
    EventScores,
    GoldDocument,
    GoldEvent,
    GoldPlace,
    align,
    evaluate_events,
    read_event_gold,
    read_predictions,
)
from sitmap.evaluate.geo import GeoGoldDocument, GeoScores, GoldToponym, evaluate_geo, read_geo_gold
from sitmap.evaluate.metrics import PRF, Tally, error_auc, error_summary


def score_events_file(
    gold: str | Path, *, predictions: str | Path | None = None, limit: int | None = None
) -> EventScores:
    """Score the pipeline (or a predictions file of Document JSON lines) on a gold JSONL file."""
    from sitmap.evaluate import events

    gold_docs = read_event_gold(gold)[:limit]
    skipped: list[dict[str, str]] = []
    if predictions is None:
        predicted, skipped = events.predict(gold_docs)
    else:
        predicted = align(gold_docs, read_predictions(predictions))
    scores = evaluate_events(gold_docs, predicted)
    scores.skipped = skipped
    return scores


def score_geo_file(
    gold: str | Path,
    *,
    limit: int | None = None,
    scope: str = "pragmatic",
    gold_spans: bool = False,
    full: bool = False,
) -> GeoScores:
    """Geoparse a gold file's texts (LGL, GeoWebNews or JSONL) and score (see ``geo.predict``)."""
    from sitmap.evaluate import geo

    gold_docs = read_geo_gold(gold, limit=limit)
    predicted = geo.predict(gold_docs, gold_spans=gold_spans, full=full, scope=scope)
    return evaluate_geo(gold_docs, predicted, scope=scope)


__all__ = [
    "PRF",
    "EventScores",
    "GeoGoldDocument",
    "GeoScores",
    "GoldDocument",
    "GoldEvent",
    "GoldPlace",
    "GoldToponym",
    "Tally",
    "align",
    "error_auc",
    "error_summary",
    "evaluate_events",
    "evaluate_geo",
    "read_event_gold",
    "read_geo_gold",
    "read_predictions",
    "score_events_file",
    "score_geo_file",
]
