"""events.doers: a doer that makes a trigger no act of an actor — anyone at all in a present-tense
clause, a poll's share of a population, a message doing violence, a figure that "shoots" up."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _events(text: str) -> list[tuple[str, str]]:
    doc = pipeline.extract(text, published="2018-05-09", source="Wire")
    return [(e.plover, e.trigger) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # anyone at all, told in the present: a kind of conduct (the guide codes no generic
        # reference without an actor)
        (
            "The new law gives the governor a weapon against anyone who opposes him in court.",
            "opposes",
        ),
        ("When people criticize her at town meetings, the senator simply walks away.", "criticize"),
        # a share of a population: an opinion poll's figure, no act
        ("A Gallup survey found that 61 percent of Canadians support the pipeline ban.", "support"),
        ("The poll showed 45% of Kenyan voters oppose the new constitution.", "oppose"),
        # a message or an idea does no violence
        (
            "The minister said her department felt besieged by hostile newspaper reports.",
            "besieged",
        ),
        ("Questions about the loan surround the prime minister's office in Islamabad.", "surround"),
        # a figure that rises is no shooting, a rate that hits a mark no blow
        (
            "The number of Syrians without clean water has shot from 44 percent to 55 percent "
            "since the army's offensive began.",
            "shot",
        ),
        ("Turkish inflation hit 12 percent in April, the statistics office said.", "hit"),
    ],
)
def test_doer_makes_no_act(text: str, trigger: str) -> None:
    assert trigger not in [t for _, t in _events(text)]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a named or counted doer, or a past act, keeps the event
        (
            "Opposition lawmakers who oppose the budget walked out of the chamber on Monday.",
            "walked",
        ),
        (
            "Gunmen attacked a police checkpoint in Kandahar on Monday, killing four officers.",
            "attacked",
        ),
        ("Protesters besieged the parliament building in Yerevan for three days.", "besieged"),
        # "majority" is no poll share: the act of a crowd or a body stays
        (
            "The majority of the protesters attacked the police station in Lagos on Sunday.",
            "attacked",
        ),
        # a quantity of people is not a figure: the act stays
        ("Soldiers shot 12 protesters in the market in Bamako on Friday.", "shot"),
        # "elements" of a named force are its men, not a message
        ("Elements of the FARDC attacked a village in Masisi territory on Monday.", "attacked"),
        (
            "On Saturday, elements of the SAF seized seven young men at a market south of Kadugli.",
            "seized",
        ),
    ],
)
def test_actor_doer_keeps_the_act(text: str, trigger: str) -> None:
    assert trigger in [t for _, t in _events(text)]
