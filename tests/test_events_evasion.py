"""Avoiding a question put to one ("sidestepped a question", "dodged questions") is a refusal
to answer, REJECT (WordNet hedge.v.01); the same verbs of anything else are no event.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from tests._article_events import event_on

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        (
            "White House spokeswoman Sarah Sanders sidestepped a question from a Reuters "
            "reporter on Monday about the tax bill.",
            "sidestepped",
            "USAGOV",
            "GBRMED",
        ),
        (
            "U.S. Senator Ted Cruz dodged questions about the shutdown on Tuesday.",
            "dodged",
            "USALEG",
            None,
        ),
    ],
)
def test_avoiding_a_question_is_a_rejection(text, trigger, source, target):
    event = event_on(text, trigger)
    assert event.plover == "REJECT"
    assert event.source is not None and event.source.code == source
    assert (event.target.code if event.target else None) == target


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ted Cruz ducked into a side room on Tuesday.",
        "Former FBI Director James Comey dodged the bullet when the panel adjourned.",
        "The Russian businessman evaded capture for three years.",
    ],
)
def test_the_same_verbs_of_anything_else_are_no_event(text):
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    assert not [e for e in doc.events if e.plover == "REJECT"]


def test_refusing_to_answer_questions_is_a_rejection_and_declining_to_comment_none():
    # a refusal whose infinitive is silence rejects only the questions put to one
    event = event_on(
        "Attorney General Jeff Sessions refused to answer the questions of Senator Martin "
        "Heinrich on Tuesday.",
        "refused",
    )
    assert event.plover == "REJECT"
    assert (event.source.code, event.target.code) == ("USAGOV", "USALEG")
    for text in (
        "Attorney General Jeff Sessions declined to comment on the report on Tuesday.",
        "Attorney General Jeff Sessions declined to say whether he would resign.",
    ):
        doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
        assert not [e for e in doc.events if e.plover == "REJECT"]
