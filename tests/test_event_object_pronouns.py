"""An object "him"/"her" stands for the nearest person named before it in its sentence, never
the subject of its own clause (understood subjects included); inside a noun's phrase ("the
allegations against her") the subject may be meant; with none there, the one other person of
the previous sentence. A possessive "his"/"her" with no subject to stand for takes the one
person named before it in its sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _target(text: str, trigger: str) -> str | None:
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0].target.code if found[0].target is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "Indian Prime Minister Narendra Modi praised Nepal's prime minister and promised "
            "to work with him on trade.",
            "work",
            "NPLGOV",
        ),
        (
            "The Kenyan president congratulated Ugandan President Yoweri Museveni and offered "
            "to meet with him next week.",
            "meet",
            "UGAGOV",
        ),
        (
            "Nigerian Senator Ahmed Musa dismissed the corruption allegations against him.",
            "allegations",
            "NGALEG",
        ),
    ],
)
def test_object_pronoun_takes_the_nearest_named_person(text, trigger, target):
    assert _target(text, trigger) == target


def test_object_pronoun_is_never_its_own_clauses_subject():
    # near miss: "him" in "Modi criticized him" is not Modi; the nearest other person is
    text = (
        "Nepalese Prime Minister Sher Bahadur Deuba said Indian Prime Minister Narendra Modi "
        "had criticized him."
    )
    assert _target(text, "criticized") == "NPLGOV"


def test_object_pronoun_with_no_person_before_it_stays_unresolved():
    # near miss: the only person before "him" is the subject of its clause: no act on himself
    text = "Brazilian President Michel Temer criticized him sharply on Monday."
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    (event,) = [e for e in doc.events if e.trigger == "criticized"]
    assert event.source.code == "BRAGOV"
    assert event.target is None


def test_object_pronoun_takes_the_one_other_person_of_the_previous_sentence():
    # "him" has no antecedent in its own sentence; of the previous sentence's two people one
    # is the subject of the pronoun's clause, so it stands for the other
    text = (
        "Chinese President Xi Jinping hosted Mexican President Enrique Pena Nieto in Beijing "
        "on Thursday. Xi urged him to lift the tariffs on Chinese steel."
    )
    assert _target(text, "urged") == "MEXGOV"


def test_object_pronoun_with_two_people_before_it_stays_unresolved():
    # near miss: two people in the previous sentence besides the subject: no guess
    text = (
        "Chinese President Xi Jinping met Mexican President Enrique Pena Nieto and Peruvian "
        "President Pedro Pablo Kuczynski in Beijing on Thursday. Japanese Prime Minister "
        "Shinzo Abe urged him to lift the tariffs on Japanese steel."
    )
    assert _target(text, "urged") is None


def test_possessive_takes_the_one_named_person_before_it():
    # "his" is no subject and its clause's subject is understood: the one person named before
    # it in the sentence owns the trip
    text = (
        "Analysts praised U.S. President Donald Trump on Monday, citing the $250 billion in "
        "deals from his trip to Beijing."
    )
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    trips = [e for e in doc.events if e.trigger == "trip"]
    assert trips and trips[0].source is not None and trips[0].source.code == "USAGOV"


def test_possessive_after_two_named_people_is_not_guessed():
    # near miss: two people named before "his": no owner from this rule
    text = (
        "Analysts praised Chinese President Xi Jinping and U.S. President Donald Trump on "
        "Monday, citing the $250 billion in deals from his trip to Beijing."
    )
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    trips = [e for e in doc.events if e.trigger == "trip"]
    assert all(e.source is None or e.source.code != "USAGOV" for e in trips)
