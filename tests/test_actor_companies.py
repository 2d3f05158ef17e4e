"""Companies named by their legal form or a stock ticker are businesses (BUS), and their short
name later in the text is the same company. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests._article_events import event_on

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "side", "code"),
    [
        # a legal form ends the name; the country is the document's
        (
            "The Kenyan finance ministry fined Safaricom PLC on Monday for overcharging customers.",
            "fined",
            "target",
            "KENBUS",
        ),
        (
            "Indian regulators accused Tata Motors Ltd of hiding defects.",
            "accused",
            "target",
            "INDBUS",
        ),
        # a stock ticker after the name
        (
            "Toyota Motor Corp (7203.T) criticized the Japanese trade ministry.",
            "criticized",
            "source",
            "JPNBUS",
        ),
        # the short name later in the text is the same company
        (
            "The Kenyan finance ministry fined Safaricom PLC on Monday. Safaricom rejected the "
            "fine.",
            "rejected",
            "source",
            "KENBUS",
        ),
        # a description in apposition still wins over the legal form
        (
            "Prevezon Holdings Ltd, a Russian-controlled company, accused U.S. prosecutors of "
            "bias.",
            "accused",
            "source",
            "RUSBUS",
        ),
    ],
)
def test_a_company_named_by_its_legal_form_is_a_business(text, trigger, side, code):
    actor = getattr(event_on(text, trigger), side)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("text", "trigger", "side"),
    [
        # an attorney general's abbreviation is no legal form
        ("The Texas AG sued the Mexican airline on Monday.", "sued", "source"),
        # a name with no legal form and no ticker stays uncoded
        (
            "Kenyan lawmakers criticized Safaricom for overcharging customers.",
            "criticized",
            "target",
        ),
    ],
)
def test_a_name_without_a_legal_form_is_no_business(text, trigger, side):
    actor = getattr(event_on(text, trigger), side)
    assert actor is None or actor.code is None or not actor.code.endswith("BUS")
