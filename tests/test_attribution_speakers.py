"""Who said it: the speaker of a speech verb coordinated with another verb, titled cabinet
members, and bodies named by the text's own words. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _speaker(text: str, trigger: str) -> str | None:
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    names = [s.name for s in found[0].attribution if s.role == "speaker"]
    return names[0] if names else None


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        # "rejected ... but said": the coordinated speech verb shares the subject
        (
            "The Kenyan foreign minister rejected the report but said Somali troops had "
            "attacked the border post.",
            "attacked",
            "Kenyan foreign minister",
        ),
        (
            "Iran's foreign ministry summoned the Swiss envoy and said Saudi Arabia had "
            "attacked its embassy.",
            "attacked",
            "Iran's foreign ministry",
        ),
        (
            "The Turkish president met Putin on Monday and later told reporters that Syrian "
            "forces had shelled the town.",
            "shelled",
            "Turkish president",
        ),
        # a cabinet secretary is a person of the government, not the country before his title
        (
            "Talks between U.S. President Donald Trump and Chinese President Xi Jinping will "
            "focus on trade, U.S. Commerce Secretary Wilbur Ross said on Wednesday.",
            "Talks",
            "Wilbur Ross",
        ),
    ],
)
def test_attribution_speakers_of_reported_events(text, trigger, speaker):
    assert _speaker(text, trigger) == speaker


def test_attribution_speakers_a_coordinated_verb_with_its_own_subject_keeps_it():
    # "and the mayor said": the second clause has its own subject, not the police
    text = "Police arrested the protesters and the mayor said the army had deployed to the city."
    assert _speaker(text, "deployed") == "mayor"


def test_attribution_speakers_a_verb_coordinated_with_a_non_speech_verb_has_no_speaker():
    # "met ... and attacked": no speech verb, no speaker
    text = "Russian troops crossed the border and attacked Ukrainian positions near Donetsk."
    assert _speaker(text, "attacked") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japanese Trade Minister Hiroshige Seko criticized the tariffs on Tuesday.", "JPNGOV"),
        ("The Mexican economy minister met with Canadian officials in Ottawa.", "MEXGOV"),
        ("U.S. Treasury Secretary Steven Mnuchin urged China to open its markets.", "USAGOV"),
    ],
)
def test_attribution_speakers_cabinet_titles_are_government(text, code):
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    assert doc.events and doc.events[0].source is not None
    assert doc.events[0].source.code == code


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        # a coordinated clause with a subject of its own is its own speaker's act
        (
            "Beijing has rejected the claims, and Obama has criticized the report as biased.",
            "criticized",
            "Barack Obama",
        ),
        (
            "Tehran has denied the charges, and Putin has accused Washington of lying.",
            "accused",
            "Vladimir Putin",
        ),
        # "said ... and that ...": both clauses are the report
        (
            "Lavrov said Russia would respond and that NATO had threatened Moscow.",
            "threatened",
            "Sergei Lavrov",
        ),
        # a capital standing for its government speaks under its own name
        (
            "Beijing has rejected the claims, and Obama has criticized the report.",
            "rejected",
            "Beijing",
        ),
        ("China rejected the claims on Monday.", "rejected", "China"),
    ],
)
def test_attribution_speakers_coordinated_clauses_and_capitals(text, trigger, speaker):
    assert _speaker(text, trigger) == speaker


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        # a concession made in words is its author's statement
        ("Kenyan Senator Moses Wetangula apologized to the Ugandan traders on Thursday.",
         "apologized", "Moses Wetangula"),
        ("Former Nigerian oil minister Ahmed Bello pleaded guilty to bribing Ghanaian officials.",
         "pleaded", "Ahmed Bello"),
        # a named author sitmap has no code for still speaks
        ("NILE has encouraged the U.S. Congress to close loopholes in the lobbying law.",
         "encouraged", "NILE"),
    ],
)  # fmt: skip
def test_attribution_speakers_said_concessions_and_uncoded_authors(text, trigger, speaker):
    assert _speaker(text, trigger) == speaker


def test_attribution_speakers_a_lone_uncoded_word_is_no_speaker():
    # near miss: a page that lost its letters ("Erdo an s") leaves a one-word "person"
    text = "Erdo an s security forces accused the protesters of provoking the police."
    assert _speaker(text, "accused") in (None, "security forces")


def test_attribution_speakers_a_concession_done_is_no_statement():
    # near miss: lifting sanctions is a deed (CONCEDE), said by no one in the outlet's voice
    text = "The European Union lifted sanctions on Belarus on Monday."
    assert _speaker(text, "lifted") is None


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        # a party named by its members speaks under the text's word (eval/GUIDE.md: "as the
        # text names it"), not as the party's name; the party named as such keeps its name
        (
            "Senate Republicans on Tuesday accused the Democrats of stalling the budget talks.",
            "accused",
            "Senate Republicans",
        ),
        (
            "Some pro-labor Democrats have praised the trade representative for his tough line.",
            "praised",
            "Democrats",
        ),
        (
            "The Democratic Party condemned the governor's decision to close the clinics.",
            "condemned",
            "Democratic Party",
        ),
    ],
)
def test_attribution_speakers_party_members_named_as_written(text, trigger, speaker):
    assert _speaker(text, trigger) == speaker
