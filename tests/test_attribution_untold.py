"""attribution: an act named by a noun with no side but the unnamed doer its trigger implies,
told as not done, is a kind of act and no event; told as done, or with a side, it stays."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _assaults(text: str) -> list[str]:
    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    return [e.trigger for e in doc.events if e.plover == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "There will be violence on both sides, the adviser said on Friday.",
        "Witnesses who come forward will feel confident that there will be no retaliation.",
        "A civil war will happen if the president is impeached, the adviser said.",
    ],
)
def test_untold_kind_is_no_event(text: str) -> None:
    assert _assaults(text) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen attacked a police station in Kano on Monday.", "attacked"),
        ("Rebels will attack the town next week, the army warned.", "attack"),
        # a passive verb names whom the act was done to
        ("The allies said they would defend Estonia if it were attacked.", "attacked"),
    ],
)
def test_acts_with_a_side_stay(text: str, trigger: str) -> None:
    assert trigger in _assaults(text)
