"""Sides named through another noun: an apposition names what its noun names, the author of
a rejected bid or offer is the rejection's target, a relative of a person is not that person,
and a court's ruling has no speaker. Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import event_sides

from sitmap import pipeline

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # an apposition's relative clause: its gap is the apposed noun's referent
        (
            "Trump flew to Warsaw, a city that was bombed by German forces in 1944.",
            "bombed",
            ("DEUMIL", "POLGOV"),
        ),
    ],
)
def test_event_sides_an_apposition_names_its_nouns_referent(text, trigger, codes):
    assert event_sides(text, trigger) == codes


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # whoever made the bid or the offer is the one rebuffed
        (
            "A federal appeals court on Thursday rejected a bid by the Trump administration "
            "to reinstate the ban.",
            "rejected",
            ("USAJUD", "USAGOV"),
        ),
        (
            "The Texas secretary of state rejected an offer from Canada this week.",
            "rejected",
            ("USAGOV", "CAN"),
        ),
    ],
)
def test_event_sides_the_author_of_a_rejected_thing_is_the_target(text, trigger, codes):
    assert event_sides(text, trigger) == codes


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "U.S. President Donald Trump's eldest son met with the Senate Intelligence "
            "Committee on Wednesday.",
            "met",
        ),
        ("Investigators want to know whether Trump associates colluded with Russia.", "colluded"),
    ],
)
def test_event_sides_a_relative_or_associate_is_not_the_person_named(text, trigger):
    source, target = event_sides(text, trigger)
    assert source is None and target is not None


def test_event_sides_an_agent_of_a_person_still_takes_the_code():
    # "lawyer" is a trade, not a relation: the phrase keeps its coding
    assert event_sides("Trump's lawyer criticized the U.S. Congress on Monday.", "criticized") == (
        "USABUS",
        "USALEG",
    )


def _speakers(text: str, trigger: str) -> list[str]:
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return [s.name for s in found[0].attribution if s.role == "speaker"]


def test_event_sides_a_courts_ruling_has_no_speaker():
    # a court acts by ruling: its rejection is a proceeding, not a statement
    text = "A federal appeals court on Thursday rejected a bid by the Trump administration."
    assert _speakers(text, "rejected") == []


def test_event_sides_a_government_statement_keeps_its_author_as_speaker():
    assert _speakers("The White House condemned the attack on Monday.", "condemned") == [
        "White House"
    ]


def test_event_sides_a_named_judge_keeps_his_words():
    # a court's ruling has no speaker, but a named judge's words are his
    text = "U.S. District Judge William Pauley denied the request from Russia on Friday."
    assert _speakers(text, "denied") == ["William Pauley"]


def test_event_sides_the_pope_is_the_holy_sees_head_of_state():
    text = (
        "Pope Francis met U.S. President Donald Trump at the Vatican in May. Last year the "
        "Pontiff questioned Trump's faith."
    )
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    codes = {e.trigger: e.source.code for e in doc.events if e.source}
    assert codes == {"met": "VATGOV", "questioned": "VATGOV"}


def test_event_sides_a_meeting_told_the_other_way_round_keeps_two_sides():
    # the later telling has the visitor as target: merging it must not make the host meet
    # himself
    text = (
        "Family members of Japanese abducted by North Korea met U.S. President Donald Trump on "
        "Monday and welcomed his sympathy. On Monday, Trump met Megumi's mother Sakie, as "
        "well as the relatives of seven other abductees."
    )
    doc = pipeline.extract(text, published="2017-11-06", source="Reuters")
    met = [e for e in doc.events if e.plover == "CONSULT"]
    assert met
    for e in met:
        assert not (e.source and e.target and e.source.code == e.target.code)


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # reports no one is named for are the press's: denying them rebuffs the press
        (
            "Secretary of State Rex Tillerson on Friday dismissed reports that he would be "
            "replaced.",
            "dismissed",
            ("USAGOV", "USAMED"),
        ),
        # a report someone is named for is theirs
        ("Russia denied the report by the U.N. inspectors.", "denied", ("RUS", "IGOUNO")),
    ],
)
def test_event_sides_denied_reports_are_the_presss(text, trigger, codes):
    assert event_sides(text, trigger) == codes


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # "his colleagues": the body of the official the possessor stands for
        (
            "U.S. Senator Mark Hollis said he would keep working with his Democratic colleagues on "
            "the farm bill.",
            "working",
            ("USALEG", "USALEG"),
        ),
        # no possessor: the colleagues of the clause's subject
        (
            "Britain's foreign minister urged colleagues to reject the Russian proposal.",
            "urged",
            ("GBRGOV", "GBRGOV"),
        ),
    ],
)
def test_event_sides_colleagues_are_of_the_officials_body(text, trigger, codes):
    assert event_sides(text, trigger) == codes


def test_event_sides_colleagues_of_an_uncoded_person_are_nobody():
    text = "The baker Anna Weiss praised her colleagues at the shop on Monday."
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    assert not [e for e in doc.events if e.target is not None and e.target.code]
