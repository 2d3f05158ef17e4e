"""Status cues of attribution: an attempt told in the past is the act (asserted, not
predicted); one still ahead or under way stays predicted. Sentences written for these tests."""

from __future__ import annotations

import pytest
from _article_events import event_on

pytestmark = pytest.mark.model


def _status(text: str, trigger: str) -> str:
    return event_on(text, trigger).status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # an attempt in the past or perfect took place: the act it names is asserted
        (
            "The union has sought to punish members who crossed the picket line.",
            "punish",
            "asserted",
        ),
        (
            "Kenya's opposition tried to persuade the electoral commission to delay the vote.",
            "persuade",
            "asserted",
        ),
        (
            "Last year the junta attempted to arrest the opposition leader in Bangkok.",
            "arrest",
            "asserted",
        ),
        # ... an attempt still ahead or under way in the present stays predicted
        ("The ministry seeks to punish firms that evade the embargo.", "punish", "predicted"),
        ("The governor will try to persuade lawmakers to back the plan.", "persuade", "predicted"),
        ("Brazil plans to sanction the mining firms next month.", "sanction", "predicted"),
    ],
)
def test_attempts(text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger) == status
