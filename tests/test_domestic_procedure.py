"""events.senses.domestic_procedure: a state's own legislative and budget procedure is no event
(eval/GUIDE.md: domestic legislation, appropriations and party deals on a bill are not coded),
while agreements and aid that reach past one state stay events."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _events(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = pipeline.extract(text, published="2019-03-14", source="Wire")
    return [
        (e.trigger, e.plover, e.source and e.source.code, e.target and e.target.code)
        for e in doc.events
    ]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a deal between a state's own lawmakers on a bill or a budget
        (
            "Lawmakers in the Canadian parliament reached a deal on the budget bill on Monday.",
            "reached",
        ),
        ("Members of the Australian parliament agreed on Tuesday to cut the fuel tax.", "agreed"),
        # money one organ of a state grants another, or that nobody named grants it
        ("Indian lawmakers voted to fund the federal government until April.", "fund"),
        ("The Kenyan parliament approved new funding for the police on Tuesday.", "funding"),
    ],
)
def test_domestic_procedure_is_no_event(text, trigger):
    found = [e for e in _events(text) if e[0] == trigger and e[1] in ("AGREE", "AID")]
    assert not found, found


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # an agreement with another state is an event, legislative words or not
        ("The Turkish government signed a tax agreement with Germany on Monday.", "AGREE"),
        # a domestic agreement about something other than a bill stays (a ceasefire)
        (
            "The Colombian government and the FARC rebels agreed on a ceasefire on Friday.",
            "AGREE",
        ),
        # aid to another state's army, or to people, is aid
        ("Japan gave funding to the Philippine military for new patrol boats.", "AID"),
        ("The Indian government sent aid to flood victims in Kerala on Sunday.", "AID"),
        # funding with no giver found is kept when another state is named in the sentence
        ("The United States approved funding for the Afghan army.", "AID"),
    ],
)
def test_agreements_and_aid_past_one_state_stay(text, plover):
    assert any(e[1] == plover for e in _events(text)), _events(text)
