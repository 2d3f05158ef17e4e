"""events: name-calling by "call X Y" whatever the name (the guide: name-calling is ACCUSE,
a compliment SUPPORT): the frame, an object and what it is called, not the word, makes the
event; a name given ("a group called X") or a call made ("called the minister") is none.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name no insult list holds
        ("The Iranian foreign minister called the Saudi crown prince a reckless young man.",
         ("ACCUSE", "IRNGOV", "SAUGOV")),
        ("The Venezuelan foreign minister called the Colombian president a Yankee lackey.",
         ("ACCUSE", "VENGOV", "COLGOV")),
        # passive: the named actor is the subject
        ("The Ugandan leader was called a dictator by the Kenyan opposition.",
         ("ACCUSE", "KENOPP", "UGAGOV")),
        # a compliment is support
        ("Modi called the Japanese prime minister a great friend of India.",
         ("SUPPORT", "INDGOV", "JPNGOV")),
    ],
)  # fmt: skip
def test_calling_an_actor_a_name_is_name_calling(analysed, text, expected):
    found = coded_events(analysed, text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "A Kenyan group called Youth for Peace posted the videos.",  # a name given
        "The Mexican president called the Guatemalan president on Tuesday.",  # a call made
        "The Kenyan president called the talks productive.",  # a thing named, no actor
    ],
)
def test_naming_that_is_no_name_calling(analysed, text):
    found = coded_events(analysed, text)
    assert not any(t in {"ACCUSE", "SUPPORT"} for t, _, _ in found), found


def test_the_means_of_an_insult_is_no_second_event(analysed):
    found = coded_events(
        analysed, "The Brazilian president insulted the French president by calling him old."
    )
    assert found == [("ACCUSE", "BRAGOV", "FRAGOV")], found
