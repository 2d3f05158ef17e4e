"""events: classes of predicates (not single words) that whole articles state and sitmap
missed: arrivals abroad as visits, ..."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrival in another state is a visit (CAMEO 042), by verb or noun
        ("The Indian prime minister arrived in Japan on Monday.", ("CONSULT", "INDGOV", "JPN")),
        ("The German chancellor landed in Seoul late on Tuesday.", ("CONSULT", "DEUGOV", "KOR")),
        # a capital arrived in stands for its state
        ("Macron's arrival in Beijing was delayed by fog.", ("CONSULT", "FRAGOV", "CHN")),
        # the arrival as a time adjunct: its clause's subject arrives
        (
            "Upon arrival in Nairobi, the French foreign minister met Kenyan officials.",
            ("CONSULT", "FRAGOV", "KEN"),
        ),
    ],
)
def test_arrival_abroad_is_a_visit(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # at home, somewhere that is no state, or a thing arriving: no visit
        "The Canadian prime minister arrived in Toronto on Friday.",
        "Rescue teams from Turkey arrived at the scene.",
        "A North Korean missile landed in Japanese waters.",
        "Chinese troops arrived in Nepal on Sunday.",
        "A shipment of Russian grain arrived in Egypt.",
    ],
)
def test_arrival_that_is_no_visit(analysed, text):
    assert not [c for c in coded_events(analysed, text) if c[0] == "CONSULT"]
