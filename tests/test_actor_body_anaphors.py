"""actors: "the group", "the department", "the committee" stand for the last body of that kind
the article named (sectors.yaml body_anaphors). Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _events(text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = pipeline.extract(text, published="2019-05-02", source="Reuters")
    return {
        e.trigger: (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in doc.events
    }


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        # an NGO named before: "the group" is it
        (
            "Human Rights Watch published a report on Egypt on Monday. The group accused the "
            "Egyptian police of torturing detainees.",
            "accused",
            ("NGOHRW", "EGYCOP"),
        ),
        # a department named before, by the noun its name holds
        (
            "The Justice Department lost its case against the city of Denver in March. The "
            "department has criticized the Colorado governor since then.",
            "criticized",
            ("USAGOV", "USAGOV"),
        ),
        # "members of the committee": the committee named before (a legislature's)
        (
            "The Senate Foreign Relations Committee questioned Mike Pompeo on Tuesday. On "
            "Friday the Saudi ambassador met with members of the committee.",
            "met",
            ("SAUGOV", "USALEG"),
        ),
    ],
)
def test_description_stands_for_the_body_named_before(text, trigger, sides):
    assert _events(text).get(trigger) == sides, _events(text)


def test_description_needs_a_body_of_its_kind():
    # a state and a ministry before "the group": no group to stand for
    text = (
        "France expelled two Iranian diplomats on Monday. The group accused the French "
        "government of lying."
    )
    doc = pipeline.extract(text, published="2019-05-02", source="Reuters")
    assert not [a for a in doc.actors if a.text.lower() == "the group"]


def test_description_with_its_own_name_is_left_alone():
    # "the group of 20 nations" names itself; "the group's" owns something
    text = (
        "Amnesty International criticized Brazil. The group of 20 nations met in Osaka, and "
        "the group's director praised the summit."
    )
    doc = pipeline.extract(text, published="2019-05-02", source="Reuters")
    assert not [a for a in doc.actors if a.text.lower() == "the group"], doc.actors
