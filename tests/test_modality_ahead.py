"""modality.ahead: a noun event told as still to come ("ahead of", "in the run-up to", a coming
date) is predicted, even with an owner; a past date keeps it asserted (eval/GUIDE.md:
predicted is the future)."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _status(text: str, trigger: str) -> str:
    doc = pipeline.extract(text, published="2017-11-03", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0].status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # owned, but still to come
        (
            "Seoul tightened security on Friday ahead of Japanese Prime Minister Shinzo Abe's "
            "state visit to South Korea next week.",
            "visit",
            "predicted",
        ),
        (
            "Canada pledged $40 million in aid to Jordan on Monday, just ahead of Prime Minister "
            "Justin Trudeau's first visit to Amman since taking office in 2015.",
            "visit",
            "predicted",
        ),
        # dated by a coming time, no mark
        (
            "Officials in Ankara said Erdogan's visit to Tehran next month would focus on trade.",
            "visit",
            "predicted",
        ),
        # a past date: the act took place
        (
            "Days before Erdogan's visit to Tehran last week, Turkish officials met Iranian "
            "diplomats in Ankara.",
            "visit",
            "asserted",
        ),
        (
            "During Macron's visit to Beijing last month, Xi promised to open China's markets.",
            "visit",
            "asserted",
        ),
    ],
)
def test_coming_noun_event_is_predicted(text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger) == status
