"""Sentences a scrape glued together ("... after this.Soldiers shot ..."): ``nlp._glued_start``.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import nlp, pipeline


@pytest.fixture(scope="module")
def sents():
    model = nlp.load()
    return lambda text: [s.text for s in model(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks collapsed in the evening.On Friday, rebels shelled the town.",
         ["The talks collapsed in the evening.", "On Friday, rebels shelled the town."]),
        ("The minister said it was over.”Police then arrested him in Lusaka.",
         ["The minister said it was over.”", "Police then arrested him in Lusaka."]),
        ("The crowd dispersed before dusk.“We will return,” a student leader said.",
         ["The crowd dispersed before dusk.", "“We will return,” a student leader said."]),
    ],
)  # fmt: skip
def test_a_full_stop_glued_to_a_capitalised_word_starts_a_sentence(sents, text, expected):
    assert sents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mr.Mwangi met Dr.Achieng at the U.S.Army base in Nairobi.",
        "The vote was Odinga vs.Kenyatta in both rounds.",
        "The figures come from Ochieng et al.The survey is cited widely.",
    ],
)
def test_abbreviations_and_initials_do_not_split(sents, text):
    assert sents(text) == [text]


def test_a_negation_in_the_glued_sentence_before_does_not_reach_the_act():
    doc = pipeline.extract(
        "The opposition does not trust the army anymore, not after this.Soldiers shot dead "
        "three protesters in Harare on Monday.",
        published="2018-03-07",
    )
    (shot,) = [e for e in doc.events if e.trigger == "shot"]
    assert shot.status == "asserted"
    assert shot.evidence.startswith("Soldiers shot dead")
