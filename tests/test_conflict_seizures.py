"""Seizures of people (conflict._seized_people): an armed, non-state actor's seizure of people
is an abduction (ACLED "Abduction/forced disappearance"), its seizure of a place the taking of
territory, its capture of armed people no abduction. Sentences written for the tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.evaluate.acled import acled_sub_event


def _seizures(text: str) -> list[tuple[str | None, str | None]]:
    """(mode, ACLED sub-event type) of each assault."""
    doc = pipeline.extract(text, source="Wire")
    return [(e.mode, acled_sub_event(e)) for e in doc.events if e.plover == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen seized two engineers in Zamfara state on Monday.",
        "Two Chinese engineers were seized by gunmen near Port Harcourt on Monday.",
        "Militants captured three aid workers near Kidal.",
    ],
)
def test_conflict_seizure_of_people_is_an_abduction(text):
    assert _seizures(text) == [("abduct", "Abduction/forced disappearance")]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized the town of Goma on Tuesday.",
        "Al-Shabaab fighters took over the village of Bulo Marer.",
        "Insurgents seized the military base at Monguno.",
        # armed people captured are no abduction
        "Militants captured three soldiers near Kidal.",
    ],
)
def test_conflict_seizure_of_a_place_or_of_fighters_is_territory(text):
    # told with no fight, a non-violent transfer (ACLED Codebook 2023); fought for, overtaken
    assert _seizures(text) == [(None, "Non-violent transfer of territory")]
    fought = _seizures(text.replace(".", " after heavy fighting with the army."))
    assert ("clash", "Non-state actor overtakes territory") in fought
