"""attribution.status: a past-tense verb coordinated with a verb under a modal, "to" or a
predicting verb is told as done; it does not share the other verb's modality."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _status(text: str, trigger: str) -> str:
    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    return next(e.status for e in doc.events if e.trigger == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # the past conjunct is its own finite clause: told as done
        (
            "Russia threatened to retaliate and expelled 35 American diplomats on Friday.",
            "expelled",
            "asserted",
        ),
        (
            "Speaking in Beijing, Xi said the Chinese economy would become more open, and "
            "welcomed U.S. companies.",
            "welcomed",
            "asserted",
        ),
        # a parse that hangs the main clause on a predicting verb's clause
        (
            "As the testimony threatened to derail Trump, Speaker Paul Ryan defended the "
            "president on Thursday.",
            "defended",
            "asserted",
        ),
        # a conjunct inside the infinitive keeps its modality
        ("Trump plans to visit Beijing and meet Xi Jinping next week.", "meet", "predicted"),
        ("Merkel will travel to Paris and meet Macron on Friday.", "meet", "predicted"),
    ],
)
def test_conjunct_status(text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger) == status
