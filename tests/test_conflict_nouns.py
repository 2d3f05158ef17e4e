"""Conflict events told by nouns (sitmap.conflict ``_noun_fights``), by hyphenated trigger
words (events.lexicon ``_hyphenated``) and by a verb whose sense its object's complement binds
("took twelve sailors hostage"). Sentences written for the tests, not taken from gold."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.evaluate.acled import acled_inter, acled_sub_event


def _events(text: str) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    """(PLOVER type, trigger, source sector, ACLED sub-event, ACLED source type) per event."""
    doc = pipeline.extract(text, source="Wire")
    return [
        (
            e.plover,
            e.trigger,
            e.source.sector if e.source else None,
            acled_sub_event(e),
            acled_inter(e.source, e) if e.source else None,
        )
        for e in doc.events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nurses staged a sit-in outside the health ministry in Lima on Tuesday.",
        "Hundreds of farmers held sit-ins in front of provincial offices in Punjab.",
        "Teachers began an indefinite sit-in at the education ministry in Tegucigalpa.",
    ],
)
def test_conflict_hyphenated_sit_in_is_a_protest(text):
    protests = [e for e in _events(text) if e[0] == "PROTEST"]
    assert protests, text
    assert protests[0][3] == "Peaceful protest"


def test_conflict_spaced_dash_is_no_hyphenated_word():
    found = _events("The talks - in Geneva - ended without a deal.")
    assert not [e for e in found if e[0] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Clashes between Masaai and Sonjo ethnic groups over grazing rights", {"communal"}),
        (
            "A gunfight between soldiers and smugglers near the Colombian border wounded two.",
            {"military"},
        ),
        (
            "A gun battle was reported between police and Al Shabaab militants in Mandera on "
            "Monday.",
            {"police"},
        ),
        ("Fighting broke out between two clans in Galkayo on Tuesday.", {"communal"}),
        (
            "Two villagers died and six were hurt in a clash between farmers and herders near Jos.",
            {"communal"},
        ),
        ("Ethnic clashes in Kasai province forced thousands to flee.", {"communal"}),
    ],
)
def test_conflict_fight_told_by_a_noun_is_an_armed_clash(text, sides):
    fights = [e for e in _events(text) if e[0] == "ASSAULT"]
    assert fights, text
    assert {e[3] for e in fights} == {"Armed clash"}
    assert {e[2] for e in fights} & sides


def test_conflict_fight_noun_takes_the_stated_deaths():
    doc = pipeline.extract(
        "Four people died and nine were injured in a clash between fishermen and traders in Mopti.",
        source="Wire",
    )
    assert [e.fatalities for e in doc.events if e.plover == "ASSAULT"] == [4]


@pytest.mark.parametrize(
    "text",
    [
        "Police deployed to prevent clashes between rival fans in Belgrade.",
        "A clash of cultures dominated the summit in Vienna.",
        "The minister called for an end to the fighting in Darfur.",
        "Elders warned of clashes between the two communities over the land.",
    ],
)
def test_conflict_fight_noun_feared_or_figurative_is_no_event(text):
    assert not [e for e in _events(text) if e[0] == "ASSAULT"], text


@pytest.mark.parametrize(
    "text",
    [
        "Pirates took hostage twelve sailors from a cargo ship off the coast of Benin.",
        "Gunmen took twelve sailors hostage off the coast of Benin.",
        "An armed gang took ten oil workers hostage off the coast of Bakassi.",
        "Twelve sailors were taken hostage by pirates off the coast of Benin.",
        "Rebels took two aid workers captive near Bunia on Friday.",
    ],
)
def test_conflict_taken_hostage_is_an_abduction(text):
    taken = [e for e in _events(text) if e[0] == "ASSAULT"]
    assert [e[3] for e in taken] == ["Abduction/forced disappearance"], text


def test_conflict_take_without_hostage_is_no_abduction():
    assert not _events("The minister took questions from reporters in Nairobi.")


@pytest.mark.parametrize(
    "text",
    [
        "Three villagers died in violence between Tiv and Jukun youths near Wukari.",
        "Two people were killed during a conflict between cattle herders and farmers in Kwara.",
        "Violence among rival clans in Galkayo left four dead.",
    ],
)
def test_conflict_violence_with_its_two_sides_is_an_armed_clash(text):
    subs = {e[3] for e in _events(text) if e[0] == "ASSAULT"}
    assert subs == {"Armed clash"}, text


@pytest.mark.parametrize(
    "text",
    [
        "The conflict in the region has displaced thousands of families in Kwara.",
        "Years of conflict have left the economy of Bangui in ruins.",
    ],
)
def test_conflict_a_conflict_without_sides_is_no_fight(text):
    assert not [e for e in _events(text) if e[0] == "ASSAULT"], text
