"""when: "a day after <clause>" dates the clause it introduces, counted back from the day its
main clause states in the sentence; as an adverb ("two days later") it counts forward."""

from __future__ import annotations

import pytest

from sitmap import pipeline, when

pytestmark = pytest.mark.model


def _dates(text: str, trigger: str, published: str = "2017-12-06") -> list[str | None]:
    doc = pipeline.extract(text, published=published, source="Wire")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return [e.date.date if e.date is not None else None for e in found]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the offset's clause is a day before the Wednesday of the main clause
        (
            "Utah Republicans on Wednesday rallied around Mitt Romney, a day after former "
            "White House aide Steve Bannon accused him of using his religion to avoid service.",
            "accused",
            "2017-12-05",
        ),
        # ... and the main clause keeps its own day
        (
            "Utah Republicans on Wednesday rallied around Mitt Romney, a day after former "
            "White House aide Steve Bannon accused him of using his religion to avoid service.",
            "rallied",
            "2017-12-06",
        ),
        # a clause set first, its subject a noun phrase: counted back from Friday
        (
            "Two days after the army attacked the village, police arrested the rebel leader on "
            "Friday.",
            "attacked",
            "2017-11-29",
        ),
        (
            "Two days after the army attacked the village, police arrested the rebel leader on "
            "Friday.",
            "arrested",
            "2017-12-01",
        ),
        # a clause without a subject ("after freeing ...") is a clause too
        (
            "Burkina Faso soldiers on Tuesday fired a rocket at the main courthouse in Fada "
            "NGourma, a day after freeing a comrade from jail, witnesses said.",
            "freeing",
            "2017-12-04",
        ),
        # "before" counts forward from the main clause's day
        (
            "Police detained the opposition leader on Monday, a day before protesters marched "
            "on the parliament.",
            "marched",
            "2017-12-05",
        ),
    ],
)
def test_offset_before_a_clause_dates_that_clause(text, trigger, expected):
    assert _dates(text, trigger) == [expected]


def test_offset_without_a_day_in_its_sentence_dates_nothing():
    # the main clause states no day: the offset has no reference, whatever came before
    text = (
        "Rebels shelled the town on Monday. The army arrested their commander two days after "
        "the rebels attacked the village."
    )
    assert _dates(text, "attacked") == [None]


def test_offset_as_an_adverb_still_counts_forward(analysed):
    doc = when.resolve(
        analysed(
            "Rebels attacked the town on Monday. Two days later, the army shelled the village.",
            published="2017-12-06",
        )
    )
    assert {d.text: d.date for d in doc.dates} == {
        "Monday": "2017-12-04",
        "Two days later": "2017-12-06",
    }


def test_offset_before_a_noun_phrase_is_no_date(analysed):
    # "two days after the election": the main clause's time relative to an undated thing
    doc = when.resolve(
        analysed(
            "Police arrested the mayor on Friday, two days after the election.",
            published="2017-12-06",
        )
    )
    assert [d.text for d in doc.dates] == ["Friday"]


def test_thats_when_is_the_day_told_before_it(analysed):
    doc = when.resolve(
        analysed(
            "Protesters gathered at the airport on Saturday. That s when police arrested "
            "their leader.",
            published="2017-12-06",
        )
    )
    assert {d.text: d.date for d in doc.dates} == {
        "Saturday": "2017-12-02",
        "That s when": "2017-12-02",
    }


def test_thats_when_without_a_day_before_it_is_no_date(analysed):
    doc = when.resolve(
        analysed("That's when police arrested their leader.", published="2017-12-06")
    )
    assert doc.dates == []


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "it's been a week since <clause>" counts back from publication (a Sunday here): the
        # clause happened that day (the seventh split's call: the previous Sunday, a day)
        (
            "It's only been a week since a gunman shot and killed 58 people in Las Vegas.",
            "killed",
            "2017-10-01",
        ),
        # the apostrophe lost in scraping; days count back day by day
        (
            "It s been two days since police arrested the protesters in Cairo.",
            "arrested",
            "2017-10-06",
        ),
        # said in the past ("it had been a week"), the count starts at the saying, not at
        # publication: no date
        (
            "Villagers said last month it had been a week since rebels attacked the village.",
            "attacked",
            None,
        ),
    ],
)
def test_it_has_been_n_days_since_a_clause(text: str, trigger: str, expected: str | None) -> None:
    assert _dates(text, trigger, published="2017-10-08") == [expected]


def test_it_has_been_n_days_since_dates_no_other_clause() -> None:
    """The count dates only the clause after "since", not an event elsewhere in the sentence."""
    text = (
        "It has been a week since gunmen attacked the village, and the governor condemned the "
        "violence."
    )
    assert _dates(text, "attacked", published="2017-10-08") == ["2017-10-01"]
    assert _dates(text, "condemned", published="2017-10-08") == [None]
