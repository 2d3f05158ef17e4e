"""Targets of events on whole sentences: what an inquiry looks into, prepositions of time that
are no side, the owner of what an act is done to."""

from __future__ import annotations

import pytest
from _event_samples import event_sides

from sitmap import pipeline

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # a time after the object is when, not whom: the target hangs off the object
        (
            "The European Union imposed sanctions on Iranian officials on Monday.",
            "imposed",
            ("IGOGOV", "IRNGOV"),
        ),
        # a request for an inquiry targets what the inquiry looks into
        (
            "The senator called for an investigation into the Pentagon.",
            "called",
            ("USALEG", "USAMIL"),
        ),
        (
            "Kenyan opposition leaders demanded an inquiry into the Kenyan police.",
            "demanded",
            ("KENOPP", "KENCOP"),
        ),
        # ... or whose doings it looks into
        (
            "Kenyan lawmakers asked for a review of the Kenyan interior minister's travels.",
            "asked",
            ("KENLEG", "KENGOV"),
        ),
    ],
)
def test_event_targets_of_requests_and_time_prepositions(text, trigger, codes):
    assert event_sides(text, trigger) == codes


def test_event_targets_request_for_something_else_keeps_its_target():
    # not an inquiry: "called for calm" names no target
    assert event_sides("The French president called for calm in Kenya.", "called")[1] is None


def test_event_targets_us_federal_agencies_are_the_us_government():
    # executive departments and agencies named alone are USAGOV, as the State Department is
    doc = pipeline.extract(
        "Trump criticized the Justice Department and the EPA on Friday, and the Treasury "
        "Department sanctioned Venezuelan officials.",
        published="2017-11-20",
        source="Reuters",
    )
    codes = {(e.trigger, e.target.text, e.target.code) for e in doc.events if e.target}
    assert ("criticized", "Justice Department", "USAGOV") in codes
    assert ("criticized", "EPA", "USAGOV") in codes
    sanctions = [e for e in doc.events if e.trigger == "sanctioned"]
    assert sanctions and sanctions[0].source.code == "USAGOV"


def test_event_targets_body_named_by_initials_speaks_under_them():
    doc = pipeline.extract(
        "The EPA on Monday criticized the Texas governor over the chemical plant fire.",
        published="2017-11-20",
        source="Reuters",
    )
    found = [e for e in doc.events if e.trigger == "criticized"]
    assert found and found[0].source.code == "USAGOV"
    speakers = [s.name for s in found[0].attribution if s.role == "speaker"]
    assert speakers == ["EPA"]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # a demonym noun after "a"/"an" is one person of that country, a civilian
        ("Chinese police arrested a Russian named Ivan Petrov.", "arrested", "RUSCVL"),
        ("An American was killed by gunmen in Kabul.", "killed", "USACVL"),
        # ... and it codes the named person it describes
        ("Chinese police arrested Ivan Petrov, a Russian, on Monday.", "arrested", "RUSCVL"),
        # an adjective stays the country: "a Russian plan" is no person
        ("Chinese police rejected a Russian plan.", "rejected", "RUS"),
    ],
)
def test_event_targets_person_known_only_by_nationality(text, trigger, target):
    assert event_sides(text, trigger)[1] == target


def test_event_targets_the_one_named_in_call_x_y_even_when_parsed_as_a_complement():
    # the parser reads "Trump" and "a '... tyrant'" both as complements of "called"
    text = 'Iranian President Hassan Rouhani has called Trump a "mentally unstable U.S. tyrant."'
    assert event_sides(text, "called") == ("IRNGOV", "USAGOV")


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # the object is the topic; "with" names the other party
        (
            "The Japanese foreign minister discussed Chinese trade policy with South Korean "
            "officials on Monday.",
            "discussed",
            ("JPNGOV", "KORGOV"),
        ),
        # the parser hangs "with" on the object
        (
            "The Kenyan president discussed the border with Ugandan President Yoweri Museveni.",
            "discussed",
            ("KENGOV", "UGAGOV"),
        ),
    ],
)
def test_event_targets_the_with_party_of_a_meeting_not_its_topic(text, trigger, codes):
    assert event_sides(text, trigger) == codes


def test_event_targets_a_person_met_stays_the_party_met():
    # near miss: the object is a person, the one met; "with" is company
    text = "The Kenyan president met Ugandan President Yoweri Museveni with his delegation."
    assert event_sides(text, "met") == ("KENGOV", "UGAGOV")
