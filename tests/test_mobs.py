"""Uncoded doers of violence (sitmap.mobs): named by their own words, a crowd coded as a mob
(ACLED rioters, mob violence), armed people and lone men as an unidentified armed group.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.evaluate.acled import acled_inter, acled_sub_event


def _assaults(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    """(source words, source sector, ACLED sub-event type, ACLED source type) per assault."""
    doc = pipeline.extract(text, source="Wire")
    return [
        (e.source.text, e.source.sector, acled_sub_event(e), acled_inter(e.source, e))
        for e in doc.events
        if e.plover == "ASSAULT" and e.source is not None
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Prisoners attacked two guards with metal bars inside the Mombasa jail.", "Prisoners"),
        ("Squatters attacked two bailiffs in Harare on Tuesday.", "Squatters"),
        ("Pilgrims assaulted a shrine guard in Karbala.", "Pilgrims"),
        ("Hundreds of settlers attacked a forestry patrol near Jambi.", "Hundreds of settlers"),
    ],
)
def test_mobs_a_crowd_of_people_is_a_mob(text, words):
    assert (words, "rioters", "Mob violence", 5) in _assaults(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # armed people nobody names stay an unidentified armed group (ACLED type 3) ...
        ("Unknown assailants stabbed a journalist in Dhaka.", "Unknown assailants"),
        ("Armed robbers attacked a bank in Lagos.", "robbers"),
        # ... and so do people named only as men or women
        ("Three men stabbed a shopkeeper in Nairobi on Friday.", "men"),
        ("Two women attacked a nurse in Manila.", "women"),
        # ... and the people of a named party or movement (its militia in ACLED's coding)
        ("Four Likud supporters assaulted a reporter in Haifa.", None),
    ],
)
def test_mobs_armed_people_and_lone_men_are_no_mob(text, words):
    coded = _assaults(text)
    assert coded and all(c[1] != "rioters" and c[2] == "Attack" for c in coded), coded
    assert any(words in (None, c[0]) and c[3] == 3 for c in coded), coded


def test_mobs_named_or_coded_doers_are_left_alone():
    # a coded doer keeps its own words and sector; an identity leaves it to the communal recoding
    coded = _assaults("Soldiers attacked protesters in Khartoum, wounding ten.")
    assert coded and all(c[1] == "military" for c in coded), coded
    coded = _assaults("Fulani herders attacked farmers in the village of Agatu.")
    assert coded and all(c[1] != "rioters" for c in coded), coded
