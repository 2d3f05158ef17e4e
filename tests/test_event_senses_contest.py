"""events.senses: a violent verb told of a vote or a game is no attack (data/non_events.yaml
``contest_nouns``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _assaults(text: str) -> list[str]:
    doc = pipeline.extract(text, published="2019-03-14", source="Wire")
    return [e.trigger for e in doc.events if e.plover == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Macron beat Le Pen in the runoff to win a second term.",
        "The mayor beat her rival Ana Lopez for the party's nomination in March.",
        "Early returns showed Kenyatta beating Raila Odinga by a wide margin.",
        "Sunday's runoff pits the former general Prabowo against the economist Anies Baswedan.",
    ],
)
def test_contest_is_no_assault(text: str) -> None:
    assert _assaults(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police beat protesters in Nairobi during the election.",
        "Five people were killed in the election violence in Harare.",
        "Soldiers beat the opposition leader Kizza Besigye for hours in Kampala.",
        "Gunmen killed the candidate Juan Perez in the town of Iguala.",
    ],
)
def test_violence_around_a_vote_stays_an_assault(text: str) -> None:
    assert _assaults(text) != []
