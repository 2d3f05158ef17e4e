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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # an armed movement the lexicon does not know, named by its own name: a rebel group
        ("The Karen National Liberation Army ambushed a truck near Myawaddy.", "Liberation Army"),
        ("Fighters of the Ogaden National Liberation Front attacked a garrison.", "Front"),
        # Maoists and Naxalites are rebels by their word alone
        ("Two Maoists beat a contractor near Gaya on Monday.", "Maoists"),
        ("Naxalites torched three trucks and shot a driver in Sukma.", "Naxalites"),
    ],
)
def test_mobs_armed_movements_are_rebels(text, words):
    coded = _assaults(text)
    assert any(words in w and sector == "rebels" and inter == 2 for w, sector, _, inter in coded)


def test_mobs_rebel_words_need_a_proper_name():
    """A liberation army in lower case, or a party's supporters, is no rebel group."""
    from sitmap.mobs import rebel_named

    assert rebel_named("the Oromo Liberation Army")
    assert rebel_named("gunmen of the Sudan People's Liberation Movement")
    assert not rebel_named("members of a national liberation army")
    assert not rebel_named("supporters of the Movement for Democratic Change")
