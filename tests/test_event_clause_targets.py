"""Targets found in a clause's structure: the subject of a mandative that-clause is whom a
request asks to act ("demanded that X investigate"), and the noun a contact relative clause
modifies fills the clause's object gap ("the president he was indicting"). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _sides(text: str, trigger: str) -> tuple[str | None, str | None]:
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    event = found[0]
    return (
        event.source.code if event.source is not None else None,
        event.target.code if event.target is not None else None,
    )


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        (
            "Kenyan President Uhuru Kenyatta demanded that Ugandan President Yoweri Museveni "
            "release the detained traders.",
            "demanded",
            ("KENGOV", "UGAGOV"),
        ),
        (
            "Kenyan President Uhuru Kenyatta urged that Uganda should release the detained "
            "traders.",
            "urged",
            ("KENGOV", "UGA"),
        ),
    ],
)
def test_the_subject_of_a_mandative_clause_is_the_one_asked(text, trigger, sides):
    assert _sides(text, trigger) == sides


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        (
            "Kenyan President Uhuru Kenyatta met Tanzanian President John Magufuli and urged "
            "that he reopen the border.",
            "urged",
            ("KENGOV", "TZAGOV"),
        ),
        (
            "Ghana's president criticized Togolese President Faure Gnassingbe and demanded he "
            "release the detained traders.",
            "demanded",
            ("GHAGOV", "TGOGOV"),
        ),
    ],
)
def test_a_pronoun_subject_of_a_mandative_clause_is_not_the_one_who_asks(text, trigger, sides):
    assert _sides(text, trigger) == sides


def test_a_pronoun_subject_of_a_mandative_clause_with_no_one_else_named_stays_unknown():
    # near miss: the only person before "she" is the one who asks: no one else is asked
    text = "German Chancellor Angela Merkel demanded that she be allowed to address the summit."
    assert _sides(text, "demanded") == ("DEUGOV", None)


def test_a_question_or_a_statement_after_ask_names_no_one_asked():
    # near misses: "whether" asks a question; a past-tense clause states a fact
    for text in (
        "Kenyan President Uhuru Kenyatta asked whether Uganda had released the traders.",
        "Kenyan President Uhuru Kenyatta asked that Uganda released the traders.",
    ):
        doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
        asked = [e for e in doc.events if e.trigger == "asked"]
        assert all(e.target is None or e.target.code != "UGA" for e in asked), text


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        (
            "Nigeria's army freed the Cameroonian soldiers the rebels had abducted in May.",
            "abducted",
            ("NGAREB", "CMRMIL"),
        ),
        (
            "The Kenyan senator declined to name the sitting president he was accusing in the "
            "report.",
            "accusing",
            ("KENLEG", "KENGOV"),
        ),
    ],
)
def test_the_noun_a_contact_relative_clause_modifies_fills_its_object_gap(text, trigger, sides):
    assert _sides(text, trigger) == sides


def test_a_relative_clause_with_its_own_object_or_a_time_noun_has_no_gap():
    # near misses: the clause names its own object; "the day" is when, not whom
    doc = pipeline.extract(
        "The Kenyan senator praised the Ugandan envoy the day he criticized Tanzania.",
        published="2017-11-20",
        source="Reuters",
    )
    criticized = [e for e in doc.events if e.trigger == "criticized"]
    assert criticized and all(e.target is not None and e.target.code == "TZA" for e in criticized)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "The Kenyan government refused to cooperate with Uganda over the detained traders.",
            "refused",
            "UGA",
        ),
        (
            "Ugandan President Yoweri Museveni declined to meet Kenyan President Uhuru Kenyatta "
            "in Nairobi.",
            "declined",
            "KENGOV",
        ),
    ],
)
def test_a_controlled_complement_names_whom_the_act_is_done_to(text, trigger, target):
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    assert target in [e.target.code for e in found if e.target is not None], found


def test_a_reflexive_complement_is_the_doers_own_act():
    # "himself" is the object: the act is done to its doer, the "with" phrase names no target
    doc = pipeline.extract(
        "Ugandan President Yoweri Museveni promised to surround himself with Kenyan officials.",
        published="2017-11-20",
        source="Reuters",
    )
    promised = [e for e in doc.events if e.trigger == "promised"]
    assert all(e.target is None or e.target.code != "KENGOV" for e in promised)


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        # a noun's that-clause: whom the request asks to act
        (
            "The Kenyan president renewed his demand that Uganda release the detained traders.",
            "demand",
            ("KENGOV", "UGA"),
        ),
        # a complaint about what someone did: the clause's subject is the one accused
        (
            "Kenyan President Uhuru Kenyatta complained about why Ugandan President Yoweri "
            "Museveni did not release the traders.",
            "complained",
            ("KENGOV", "UGAGOV"),
        ),
    ],
)
def test_a_noun_s_that_clause_or_a_complaint_s_clause_names_the_other_side(text, trigger, sides):
    assert _sides(text, trigger) == sides


def test_a_that_clause_of_no_obligation_names_no_one_asked():
    # near miss: the clause's subject is a thing, not an actor
    assert _sides(
        "The Kenyan president made a request that the talks be kept quiet.", "request"
    ) == ("KENGOV", None)


def test_a_complaint_about_the_complainer_s_own_lot_names_no_one_accused():
    # the clause's subject is the accuser himself: no target, not the accuser
    for text in (
        "Kenyan President Uhuru Kenyatta complained that he had been treated unfairly.",
        "Kenyan President Uhuru Kenyatta complained about how he was working hard.",
    ):
        assert _sides(text, "complained") == ("KENGOV", None), text
