"""when: a deadline ("by mid-August", "no later than Friday", "before Friday") is no time of a
coming event."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _date(text: str, trigger: str) -> str | None:
    doc = pipeline.extract(text, published="2019-06-12", source="Wire")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0].date.date if found[0].date is not None else None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Turkey will withdraw its troops from Afrin by Friday.", "withdraw"),
        (
            "North Korea says it will complete its plan to attack waters near Guam by mid-August.",
            "attack",
        ),
        (
            "The EU said Hungary must withdraw its troops from the border no later than Friday.",
            "withdraw",
        ),
        ("The ministry said Turkey will withdraw its troops from Afrin before Friday.", "withdraw"),
    ],
)
def test_a_deadline_does_not_date_a_coming_event(text: str, trigger: str) -> None:
    assert _date(text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the day of a coming event is its date
        ("Turkey will withdraw its troops from Afrin on Friday.", "withdraw", "2019-06-14"),
        # a past act done "by" a time keeps that time
        ("Police arrested 40 protesters in Minsk by Sunday evening.", "arrested", "2019-06-09"),
        # and one done shortly before a time keeps its day
        ("Police arrested two men shortly before midnight on Sunday.", "arrested", "2019-06-09"),
    ],
)
def test_other_dates_still_date_the_event(text: str, trigger: str, day: str) -> None:
    assert _date(text, trigger) == day
