"""events: an "attack" said in words is ACCUSE, one with violence evidence ASSAULT (verbal.yaml)."""

from __future__ import annotations

import pytest

from sitmap import actors, events

pytestmark = pytest.mark.model


def _types(analysed, text):
    doc = analysed(text, published="2019-05-02", source="Reuters")
    actors.code(doc)
    events.extract(doc)
    return {e.trigger.lower(): e.plover for e in doc.events}


@pytest.mark.parametrize(
    "text",
    [
        # an issue complement ("over", "for") with a political or media side
        "The opposition party attacked the Kenyan government over the rise in fuel prices.",
        "The newspaper attacked the Polish government for its judicial reforms.",
        "The Nigerian senate attacked the electoral commission over the delayed results.",
        # a manner word only words take
        "Brazil's Workers' Party launched a blistering attack on the Supreme Court.",
        # the medium it was said in
        "Hungarian ministers attacked the European Commission in a series of posts on Facebook.",
    ],
)
def test_verbal_attack_is_accuse(analysed, text):
    assert "ACCUSE" in _types(analysed, text).values()


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked a police post in northern Mali.",
        "The army attacked rebel positions over the weekend.",  # "over" a time, armed sides
        "A man attacked a teacher with a knife in Lyon.",
        "Gunmen attacked the offices of an opposition party in Kinshasa, killing two guards.",
        # an issue complement, but casualties in the sentence
        "Protesters attacked the parliament building over the fuel price rise, injuring three "
        "officers.",
    ],
)
def test_physical_attack_stays_assault(analysed, text):
    found = _types(analysed, text)
    assert found.get("attacked") == "ASSAULT", found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a named political body (not a crowd) on a person or on its own state's institution
        ("The Democrats attacked Attorney General Jeff Sessions on Monday.", "attacked"),
        ("The Republicans have been attacking the Justice Department for weeks.", "attacking"),
        # a politician on an agency of the politician's own state, with no issue complement
        ("President Donald Trump has openly attacked the FBI.", "attacked"),
        # "confront" a person: words, like "attack" (a verbal alternative)
        (
            "Emmanuel Macron is expected to confront Vladimir Putin about the poisoning.",
            "confront",
        ),
    ],
)
def test_political_side_on_political_side_is_accuse(analysed, text, trigger):
    doc = analysed(text, published="2019-05-02", source="Reuters")
    actors.code(doc)
    events.extract(doc)
    found = {e.trigger.lower(): (e.plover, e.source, e.target) for e in doc.events}
    assert found.get(trigger, ("",))[0] == "ACCUSE", found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Putin attacked Ukraine in 2014.", "attacked"),  # a state, not an institution
        ("Netanyahu attacked Hamas on Sunday.", "attacked"),  # an armed group abroad
        (
            "Opposition supporters attacked the police in Kinshasa, injuring three officers.",
            "attacked",
        ),
        ("Police confronted protesters in Santiago.", "confronted"),  # an armed source
        ("Israeli jets targeted a Hamas commander in Gaza.", "targeted"),
    ],
)
def test_armed_or_foreign_attack_stays_assault(analysed, text, trigger):
    found = _types(analysed, text)
    assert found.get(trigger) == "ASSAULT", found
