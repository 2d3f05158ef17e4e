"""A date carried to the next sentence while the report tells the same episode (when/episode),
and the vague times that stop it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

PUBLISHED = "2017-12-08"  # a Friday: "on Monday" is 2017-12-04


def _dated(text: str, published: str | None = PUBLISHED) -> dict[str, str | None]:
    doc = pipeline.extract(text, published=published)
    return {e.trigger: e.date.date if e.date else None for e in doc.events}


def test_episode_date_carries_to_the_next_past_tense_sentence():
    dated = _dated("Gunmen attacked a bus near the border on Monday. They killed four passengers.")
    assert dated["attacked"] == "2017-12-04"
    assert dated["killed"] == "2017-12-04"


def test_episode_date_of_a_sentence_without_events_carries():
    """The lawmakers' letter of Friday dates the request the next sentence tells; the deadline
    "by Dec. 15" is no time of the asking."""
    dated = _dated(
        "In Friday's letter, the senators said their concerns were serious. "
        "They asked the agency to respond by Dec. 15."
    )
    assert dated["asked"] == "2017-12-08"


@pytest.mark.parametrize(
    ("second", "trigger"),
    [
        ("Police have arrested two suspects.", "arrested"),  # a perfect: tense break
        ("Police later arrested two suspects.", "arrested"),  # a vague time of its own
        ("In the past, the rebels raided the town.", "raided"),
        ("Police will arrest the suspects.", "arrest"),  # predicted
    ],
)
def test_episode_date_stops_at_a_tense_break_or_a_time_of_its_own(second, trigger):
    dated = _dated("Gunmen attacked a bus near the border on Monday. " + second)
    assert dated["attacked"] == "2017-12-04"
    assert dated[trigger] is None


def test_episode_date_stops_at_a_paragraph_break():
    dated = _dated("Gunmen attacked a bus near the border on Monday.\n\nPolice arrested two men.")
    assert dated["arrested"] is None
    # a paragraph break the scrape glued shut: one "sentence" to the splitter, two paragraphs
    glued = _dated("Gunmen attacked a bus near the border on Monday.Police arrested two men.")
    assert glued["attacked"] == "2017-12-04"
    assert glued["arrested"] is None


def test_episode_date_not_given_to_a_reported_event_or_a_past_perfect():
    dated = _dated(
        "Troops shelled the village on Monday. "
        "The governor said rebels had ambushed a convoy near the bridge."
    )
    assert dated["shelled"] == "2017-12-04"
    assert dated["ambushed"] is None


def test_episode_date_reaches_two_sentences_at_most():
    dated = _dated(
        "Rebels attacked an army post on Monday. They seized two trucks. "
        "They abducted a teacher. They bombed a market."
    )
    assert dated["seized"] == "2017-12-04"
    assert dated["abducted"] == "2017-12-04"
    assert dated["bombed"] is None


def test_episode_not_carried_from_a_sentence_with_two_dates():
    dated = _dated(
        "Rebels attacked an army post on Monday and soldiers shelled their camp on Wednesday. "
        "They killed five people."
    )
    assert dated["killed"] is None
