"""events/syntax: who does what a gerund after a preposition names when the gerund has no
subject of its own — the clause's subject after "for", "at" and "about" once no object can be
the doer, and through a light verb's object ("took the step of asking"). Sentences written for
the tests, with near-misses where the object is the doer."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kenyan foreign minister took the rare step on Friday of asking Uganda to "
            "withdraw its troops.",
            ("REQUEST", "KENGOV", "UGA"),
        ),
        (
            "The Mexican minister lied to reporters about meeting with Cuban officials.",
            ("CONSULT", "MEXGOV", "CUBGOV"),
        ),
        (
            "The Danish defence minister apologized on Monday for refusing to condemn Russia.",
            ("ACCUSE", "DNKMIL", "RUS"),
        ),
    ],
)
def test_prepositional_gerund_takes_the_clause_subject(analysed, text, expected):
    assert expected in coded_events(analysed, text)


def test_gerund_after_at_takes_the_clause_subject(analysed):
    text = "The Japanese government would look at easing sanctions on Iran."
    found = coded_events(analysed, text)
    assert any(src == "JPNGOV" and tgt == "IRN" for _, src, tgt in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object does what the "for"/"of" gerund names
        ("Peru thanked Chile for helping its flood victims.", ("SUPPORT", "PER", "CHL")),
        ("Poland accused Belarus of arming the smugglers.", ("ACCUSE", "POL", "BLR")),
    ],
)
def test_object_gerund_near_misses_keep_the_object(analysed, text, expected):
    assert expected in coded_events(analysed, text)
