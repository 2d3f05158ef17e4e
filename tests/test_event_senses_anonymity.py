"""events.senses: a source asking not to be named, and an ability named by a noun, are no
events (data/non_events.yaml ``anonymity``, ``capability_words``)."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _triggers(text: str) -> list[tuple[str, str]]:
    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    return [(e.trigger, e.plover) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "The official, who asked not to be identified, said Russia had sent troops to the border.",
        "The newspaper said the two aides asked to remain anonymous because they feared reprisals.",
        "A senior diplomat, who asked that his name not be used, said the talks had stalled.",
        "Two diplomats who requested anonymity said the envoy had left Kabul on Friday.",
    ],
)
def test_anonymity_is_no_request(text: str) -> None:
    assert not any(p == "REQUEST" for _, p in _triggers(text))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Trump asked the attorney general to name a special counsel on Friday.", "asked"),
        ("Macron asked Putin on Monday not to be drawn into the conflict in Syria.", "asked"),
        ("The lawmakers asked that the documents be released to the committee.", "asked"),
    ],
)
def test_other_requests_stay(text: str, trigger: str) -> None:
    assert (trigger, "REQUEST") in _triggers(text)


def test_ability_noun_is_no_act() -> None:
    text = (
        "The CIA said North Korea could be months away from developing the ability to hit "
        "the United States with nuclear weapons."
    )
    assert not any(p == "ASSAULT" for _, p in _triggers(text))
    assert ("hit", "ASSAULT") in _triggers("North Korea hit the United States with a missile.")
