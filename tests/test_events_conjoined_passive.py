"""events: a passive conjoined to a verb, with no subject of its own, shares that verb's
subject as the one who undergoes it ("X was removed from the court, and was later accused
of ..."); a weak trigger, whose sense its own arguments decide, does not ("writes rules and
can only be fired for cause": a dismissal, no shots). Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive subject shared, a clause between the two verbs
        ("The Kenyan opposition leader was dismissed from his party for breaking its rules, "
         "and was later accused of fraud by the Ugandan government.",
         ("ACCUSE", "UGAGOV", "KENOPP")),
        # an active subject shared
        ("The Venezuelan foreign minister resigned on Friday and was accused of corruption by "
         "the Colombian president.",
         ("ACCUSE", "COLGOV", "VENGOV")),
    ],
)  # fmt: skip
def test_a_conjoined_passive_shares_the_subject(analysed, text, expected):
    found = coded_events(analysed, text)
    assert expected in found, found


def test_a_weak_conjoined_passive_takes_no_shared_subject(analysed):
    text = (
        "The Kenyan central bank governor writes the rules, enforces them and can only be "
        "fired for cause."
    )
    found = coded_events(analysed, text)
    assert not [e for e in found if e[0] == "ASSAULT"], found
