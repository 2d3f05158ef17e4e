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


@pytest.mark.parametrize(
    "text",
    [
        "A local official was taken from his car by gunmen outside Mopti on Friday.",
        "Armed men took two aid workers from their vehicle near Gao on Tuesday.",
        # no taker named, the fate hidden
        "Two journalists were taken from their hotel and driven to an unknown location.",
    ],
)
def test_conflict_people_taken_away_are_abducted(text):
    """ "take" is no event of its own; people taken by armed men, or taken to a place kept
    hidden, are abducted (conflict.takings)."""
    doc = pipeline.extract(text, source="Wire")
    taken = [e for e in doc.events if e.plover == "ASSAULT" and e.mode == "abduct"]
    assert len(taken) == 1
    assert acled_sub_event(taken[0]) == "Abduction/forced disappearance"
    assert taken[0].target is not None and taken[0].source.sector == "unidentified"


@pytest.mark.parametrize(
    "text",
    [
        "The wounded were taken to hospital by soldiers after the attack.",
        "Police took the suspect to the station for questioning on Monday.",
        "The senator took questions from reporters at the Capitol.",
        "Gunmen took the money from the bank before fleeing.",
        "Rebels took the town of Kidal on Monday.",
    ],
)
def test_conflict_takings_that_are_no_abduction(text):
    """A taking by the state with the person's fate told, by carers, or of things or places
    is no abduction."""
    doc = pipeline.extract(text, source="Wire")
    assert not [e for e in doc.events if e.mode == "abduct"]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Police seized rifles and ammunition from a house in Kisumu on Monday.",
            "Disrupted weapons use",
        ),
        ("Soldiers seized a cache of weapons in a village near Gao.", "Disrupted weapons use"),
        # an armed group's seizure of arms in a raid is looting
        (
            "Militants seized weapons from the barracks after a raid.",
            "Looting/property destruction",
        ),
    ],
)
def test_conflict_seized_arms_are_coercion(text, sub_event):
    """Arms seized are coercion (PLOVER COERCE), not fighting: the state's a disrupted weapons
    use, an armed group's a looting."""
    doc = pipeline.extract(text, source="Wire")
    seized = [e for e in doc.events if e.trigger == "seized"]
    assert [(e.plover, acled_sub_event(e)) for e in seized] == [("COERCE", sub_event)]
