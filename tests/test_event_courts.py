"""The court as the implied side of a legal step (eval/GUIDE.md, "Legal steps"): the source
of a conviction or sentence told in the passive, the target of a plea. Sentences written for
these tests, not taken from gold."""

from __future__ import annotations

import pytest
from _event_samples import event_sides

from sitmap import pipeline

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        # a passive sentence: the court of the defendant's country
        (
            "A Kenyan businessman was sentenced to five years in prison on Tuesday for "
            "bribing tax officials.",
            "sentenced",
            ("KENJUD", "KENBUS"),
        ),
        # a participle after its noun ("a senator, convicted of ...")
        (
            "A Brazilian senator, convicted of corruption last year, still leads the polls.",
            "convicted",
            ("BRAJUD", "BRALEG"),
        ),
        # the place of the trial wins over the defendant's nationality
        (
            "An American student was sentenced to 15 years of hard labour in North Korea in March.",
            "sentenced",
            ("PRKJUD", "USAEDU"),
        ),
        # a jury is a court
        (
            "A French diplomat was convicted by a jury in Paris of spying for Iran.",
            "convicted",
            ("FRAJUD", "FRAGOV"),
        ),
        # pleas are made to the court
        (
            "Two Pakistani officials pleaded not guilty to corruption charges on Monday.",
            "pleaded",
            ("PAKGOV", "PAKJUD"),
        ),
        (
            "The Nigerian senator pleaded guilty to fraud in a court in Abuja.",
            "pleaded",
            ("NGALEG", "NGAJUD"),
        ),
    ],
)
def test_event_courts_implied_court_of_a_legal_step(text, trigger, sides):
    assert event_sides(text, trigger) == sides


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        # a named court stays the source
        (
            "A Turkish court sentenced a German journalist to two years in prison.",
            "sentenced",
            ("TURJUD", "DEUMED"),
        ),
        # "plead with" is an appeal, not a plea in court
        (
            "The Yemeni rebels pleaded with the United Nations for more aid.",
            "pleaded",
            ("YEMREB", "IGOUNO"),
        ),
    ],
)
def test_event_courts_named_sides_are_kept(text, trigger, sides):
    assert event_sides(text, trigger) == sides


def test_event_courts_no_court_without_a_coded_defendant():
    doc = pipeline.extract(
        "He was later convicted of fraud.", published="2017-11-20", source="Reuters"
    )
    assert not [e for e in doc.events if e.trigger == "convicted"]
