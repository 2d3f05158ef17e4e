"""contractions: apostrophes a scrape dropped ("didn t", "Trump s") restored for the parser."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.contractions import restore


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Merkel didn t meet him.", "Merkel didn't meet him."),
        ("The minister can t and won t resign.", "The minister can't and won't resign."),
        ("Ankara s envoy said it s over.", "Ankara's envoy said it's over."),
        (
            "We ll see; they re late; I m sure; you ve seen; he d go.",
            "We'll see; they're late; I'm sure; you've seen; he'd go.",
        ),
    ],
)
def test_restores_dropped_apostrophes_keeping_offsets(text: str, fixed: str) -> None:
    assert restore(text) == fixed
    assert len(restore(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "It said that the plan d was dropped.",  # "d" after a noun is no clitic
        "The mayor sat t he back.",  # "t" after a word that is not a negated auxiliary
        "The ministers said so.",  # a plural, no space before the "s"
        "Sanctions on Iran.",
    ],
)
def test_leaves_other_words_alone(text: str) -> None:
    assert restore(text) == text


@pytest.mark.model
def test_a_negation_without_its_apostrophe_negates_the_event() -> None:
    doc = pipeline.extract(
        "Brazil s foreign minister didn t condemn Venezuela on Monday.",
        published="2019-03-06",
        source="Wire",
    )
    condemn = [e for e in doc.events if e.trigger == "condemn"]
    assert condemn and condemn[0].status == "negated"
    # the text and the evidence keep the article's own characters
    assert doc.text.startswith("Brazil s") and "didn t" in condemn[0].evidence


@pytest.mark.model
def test_a_future_without_its_apostrophe_is_predicted() -> None:
    doc = pipeline.extract(
        "The Polish defence minister said: we ll deploy troops to the Belarus border.",
        published="2021-11-10",
        source="Wire",
    )
    deploy = [e for e in doc.events if e.trigger == "deploy"]
    assert deploy and deploy[0].status == "predicted"
