"""attribution: a coordinated main clause with a subject of its own is the outlet's narration,
not part of what the first clause's speech verb reports."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _status(text: str, trigger: str) -> str:
    doc = pipeline.extract(text, published="2017-11-30", source="Wire")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0].status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # a second clause with its own named subject is narrated by the outlet
        (
            "Pakistan denied the accusation, and India's army shelled positions in Kashmir on "
            "Monday.",
            "shelled",
            "asserted",
        ),
        (
            "Moscow has denied any such activity, and Trump has dismissed talk of collusion as a "
            "hoax.",
            "dismissed",
            "asserted",
        ),
        # what the speech verb itself reports stays quoted
        (
            "The ministry said rebels had shelled the town and killed ten civilians.",
            "killed",
            "quoted",
        ),
        (
            "Kenya's president condemned the attack, and Uganda's army said it had arrested three "
            "suspects.",
            "arrested",
            "quoted",
        ),
    ],
)
def test_coordinated_clauses_and_report_scope(text, trigger, status):
    assert _status(text, trigger) == status
