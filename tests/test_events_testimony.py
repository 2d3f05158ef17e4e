"""events: a witness's testimony before a committee, a commission or a legislature is a
consultation, witness -> body (the guide's hearings), bound to "before"/"to" the body, or a
coded witness's own appearance with no body named ("will testify on Thursday").
Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import coded_events


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The former Colombian defence minister testified before the Senate committee on Tuesday.",
         ("CONSULT", "COLMIL", "COLLEG")),
        ("Kenya's finance minister testified to the Kenyan parliament about the election.",
         ("CONSULT", "KENGOV", "KENLEG")),
        ("In her testimony before the Philippine Senate, the former police chief described "
         "the raids.", ("CONSULT", None, "PHLLEG")),
    ],
)  # fmt: skip
def test_testimony_before_a_body_is_a_consultation(analysed, text, expected):
    found = coded_events(analysed, text)
    assert expected in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil's former finance minister will be testifying on Wednesday.",
         ("CONSULT", "BRAGOV", None)),
        ("The South African police chief is willing to testify.", ("CONSULT", "ZAFCOP", None)),
        ("The Italian interior minister testified for six hours.", ("CONSULT", "ITAGOV", None)),
    ],
)  # fmt: skip
def test_a_coded_witness_testifying_with_no_body_named(analysed, text, expected):
    found = coded_events(analysed, text)
    assert expected in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # sent or allowed to testify: the call is the event, not a testimony
        "The Turkish parliament subpoenaed the intelligence chief to testify.",
        "The Greek court cleared the former defence minister to testify.",
        # what the witness said is reported, no appearance coded
        "The Argentine army chief testified that the convoy had been ambushed.",
    ],
)
def test_no_appearance_when_sent_to_testify_or_reporting_content(analysed, text):
    found = coded_events(analysed, text)
    assert all(f[0] != "CONSULT" for f in found), found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # what the witness said, no body named
        "The witness testified that the Chilean soldiers fired first.",
        # a call to testify is no testimony
        "The Mexican senators said the army chiefs must be called to testify.",
        # evidence, no witness
        "The figures testify to a slowing Indian economy.",
        "Her testimony was read aloud in the Peruvian court.",
    ],
)
def test_testimony_near_misses(analysed, text):
    found = coded_events(analysed, text)
    assert all(f[0] != "CONSULT" for f in found), found
