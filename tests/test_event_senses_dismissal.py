"""events.senses: embedded wh-questions, dismissals, withdrawals, silence, violence against
anyone at all (a kind of conduct) and shared opinions are no events of their trigger's type
(data/non_events.yaml, data/predicates.yaml `silence`, `dismissal_verbs`). Sentences written for
these tests, each with near-misses that keep the event."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _triggers(text: str) -> list[tuple[str, str]]:
    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    return [(e.trigger, e.plover) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "kept"),
    [
        # an embedded wh-question is a question, no request ...
        (
            "When a reporter asked the prime minister's spokesman how the loans were repaid, "
            "he walked away.",
            "asked",
            "REQUEST",
            False,
        ),
        ("Asked why the army had been deployed, the minister smiled.", "asked", "REQUEST", False),
        ("Asked what Beijing would do next, the spokeswoman shrugged.", "asked", "REQUEST", False),
        # ... while asking someone to act stays one
        (
            "The senator asked the finance minister to explain the shortfall.",
            "asked",
            "REQUEST",
            True,
        ),
        ("Egypt asked Sudan to hand over the suspects.", "asked", "REQUEST", True),
        # firing a person is a dismissal, no attack ...
        (
            "Thabo Nkosi, who was fired in March by the mining minister, testified on Thursday.",
            "fired",
            "ASSAULT",
            False,
        ),
        (
            "Since being fired from the ministry, Ahmed has spoken at rallies.",
            "fired",
            "ASSAULT",
            False,
        ),
        ("The Peruvian president fired him on Tuesday.", "fired", "ASSAULT", False),
        # ... firing on people or firing weapons is one
        ("Soldiers fired on protesters in Caracas on Monday.", "fired", "ASSAULT", True),
        ("The gunman fired at police officers outside the embassy.", "fired", "ASSAULT", True),
        ("Rebels fired rockets at the airport in Aden.", "fired", "ASSAULT", True),
        # backing away, off or down is a withdrawal, no support ...
        (
            "A Canadian senator is backing away from a proposed tax on banks.",
            "backing",
            "SUPPORT",
            False,
        ),
        (
            "The mayor of Rome backed off from the plan to close the stadium.",
            "backed",
            "SUPPORT",
            False,
        ),
        # ... backing someone is support
        ("France backed Germany's call for new sanctions.", "backed", "SUPPORT", True),
        # declining comment is silence, no rejection ...
        ("A spokesman for the Turkish army declined comment.", "declined", "REJECT", False),
        ("The Indian embassy declined further comment on Tuesday.", "declined", "REJECT", False),
        # ... declining an invitation rejects it
        ("Iran declined the invitation to the talks in Vienna.", "declined", "REJECT", True),
    ],
)
def test_senses(text: str, trigger: str, plover: str, kept: bool) -> None:
    assert ((trigger, plover) in _triggers(text)) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # agreeing that something is true, or "couldn't agree more": an opinion, no accord
        ("Most economists in Chile agree that the central bank was behind the devaluation.", False),
        ("Asked about the plan, the Italian minister said he couldn't agree more.", False),
        # ... consent to act or an accord with a partner is an agreement
        ("Iran agreed to limit its uranium enrichment.", True),
        ("Ghana agreed with Togo on new border patrols.", True),
    ],
)
def test_opinion_is_no_agreement(text: str, kept: bool) -> None:
    assert any(plover == "AGREE" for _, plover in _triggers(text)) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a violent verb not told as a past act, on a bare word for anyone at all: conduct
        ("Attacking innocent people will not bring peace to Kashmir.", False),
        ("The militia leader said he wanted to kill more people.", False),
        ("She is known for attacking people on social media.", False),
        ("The insurgents are trying to destroy everything.", False),
        # ... a past act, a named place, a determiner or a number keep the attack
        ("Gunmen killed people in the market on Monday.", True),
        ("Militants are killing people in Aleppo every day.", True),
        ("The army has been shelling the people of Idlib.", True),
        ("Rebels want to kill 12 people a week, the general said.", True),
    ],
)
def test_generic_violence(text: str, kept: bool) -> None:
    assert any(plover == "ASSAULT" for _, plover in _triggers(text)) is kept
