"""Definite descriptions of institutions ("the court", "the army") take the country of the
earlier mentions of their sector in the document. Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import event_sides

from sitmap import pipeline

pytestmark = pytest.mark.model


def _codes(text: str, word: str) -> list[str | None]:
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    return [a.code for a in doc.actors if a.text.lower().endswith(word)]


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # another country's officials in the sentence do not make it their court
        (
            "A Pakistani court on Monday freed a cleric wanted by India. On Tuesday, Indian "
            "officials urged the court to reverse its ruling.",
            "court",
            "PAKJUD",
        ),
        # the army of the troops introduced before, not of the country that speaks
        (
            "Chinese troops crossed into the disputed valley on Monday. India said the army "
            "had attacked its soldiers.",
            "army",
            "CHNMIL",
        ),
        # across an adjective, and for a firm
        (
            "A Brazilian company signed a deal with Argentina. Argentina later accused the "
            "construction company of bribery.",
            "company",
            "BRABUS",
        ),
    ],
)
def test_actor_anaphors_definite_institution_takes_its_antecedents_country(text, word, code):
    assert _codes(text, word)[-1] == code


def test_actor_anaphors_two_candidate_countries_give_none():
    text = (
        "A Russian court fined the journalist. A Ukrainian court acquitted him. "
        "The court criticized the police."
    )
    assert _codes(text, "court")[-1] == "JUD"


def test_actor_anaphors_indefinite_is_a_new_institution():
    # "a court" introduces another court: it is not the earlier one
    text = (
        "A Pakistani court on Monday freed a cleric wanted by India. On Tuesday, Indian "
        "officials asked a court to reverse the ruling."
    )
    assert _codes(text, "court")[-1] != "PAKJUD"


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        # the country named in the sentence before
        (
            "North Korea fired another missile on Friday. Trump threatened to destroy the "
            "country if it attacked Guam.",
            "threatened",
            ("USAGOV", "PRK"),
        ),
        # not the subject of its own sentence
        (
            "Iran tested a ballistic missile on Sunday. The United States said it would impose "
            "new sanctions on the country.",
            "impose",
            ("USA", "IRN"),
        ),
        # a country named as a place, across an adjective
        (
            "The storm hit Cuba on Monday. Venezuela sent aid to the impoverished country.",
            "sent",
            ("VEN", "CUB"),
        ),
        # a possessor inside the subject is no subject
        (
            "Japan's prime minister said the country would send aid to the Philippines.",
            "send",
            ("JPN", "PHL"),
        ),
        # a country word that only modifies a noun ("a U.S. dotard") introduces no country
        (
            "North Korea fired a missile on Friday. Its state media called Trump a senile U.S. "
            "dotard, and Trump threatened to destroy the country.",
            "threatened",
            ("USAGOV", "PRK"),
        ),
        # the subject of a second clause of the sentence is no antecedent either
        (
            "The storm hit Cuba on Monday. Venezuelan doctors flew in on Tuesday, and Brazil "
            "sent aid to the country.",
            "sent",
            ("BRA", "CUB"),
        ),
    ],
)
def test_actor_anaphors_the_country_is_the_state_named_last(text, trigger, sides):
    assert event_sides(text, trigger) == sides


@pytest.mark.parametrize(
    "text",
    [
        # the description names its country itself
        "Russia sent troops to the country of Georgia in 2008.",
        # a possessor, and the speaker's own country
        "Iran tested a missile. The country's leaders praised it.",
        "Iran tested a missile. Trump said this country would respond.",
    ],
)
def test_actor_anaphors_named_or_possessive_or_own_country_is_no_new_mention(text):
    doc = pipeline.extract(text, published="2017-11-20", source="Reuters")
    assert not [a for a in doc.actors if a.text.lower().endswith(("the country", "this country"))]
