"""Abbreviated titles ("Sen.", "Rep.", "Gov.", "Gen.") and the US press's party-and-state tag
("(R-Ohio)", ", D-Calif.,") code the person they name; the European Union and NATO carry the
codes eval/GUIDE.md gives them (IGOGOV, IGOMIL). Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitmap import actors
from sitmap.actors.lexicon import _key

D2017 = date(2017, 11, 20)

pytestmark = pytest.mark.model


def _codes(doc, word):
    return [a.code for a in doc.actors if word in a.text]


def test_abbreviated_title_key_is_one_token():
    # the tokenizer splits lower-case "rep." in two, but keeps "Rep." whole in text
    assert _key("rep.")[0] == ("rep.",)
    assert _key("gov.")[0] == ("gov.",)
    assert _key("u.s. army")[0][-1] == "army"


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Sen. Laura Whitfield questioned the Pentagon budget on Tuesday.", "Whitfield", "USALEG"),
        ("Rep. Omar Lindqvist voted against the Pentagon plan.", "Lindqvist", "USALEG"),
        ("Oregon Gov. Dana Prescott vetoed the state budget.", "Prescott", "USAGOV"),
        ("Adm. Harold Beech, the U.S. Navy commander, toured the base.", "Beech", "USAMIL"),
    ],
)
def test_abbreviated_titles_code_the_named_person(analysed, text, word, code):
    doc = actors.code(analysed(text, published=D2017))
    assert code in _codes(doc, word)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Harlan (R-Ohio) accused the Federal Reserve of ignoring savers. Harlan wants a vote.",
        "The plan drew fire from Ellen Marsh, D-Calif., who chairs no committee. Marsh spoke.",
        "Critics included Victor Osei (I-Vt.) and several unions. Osei was blunt.",
    ],
)
def test_party_and_state_tag_makes_a_us_legislator(analysed, text):
    doc = actors.code(analysed(text, published=D2017))
    surname = text.split(".")[-2].split()[0]
    codes = [a.code for a in doc.actors if surname in a.text]
    assert codes and all(c == "USALEG" for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Ali (right) shook hands with the Kenyan police chief in Nairobi.",
        "Ahmed Ali (2-1 winner) thanked the Kenyan fans in Nairobi.",
    ],
)
def test_party_and_state_near_misses(analysed, text):
    doc = actors.code(analysed(text, published=D2017))
    assert "USALEG" not in _codes(doc, "Ahmed Ali")


def test_eu_and_nato_codes_follow_the_guide(analysed):
    doc = actors.code(
        analysed(
            "Poland accused the European Union of meddling, while NATO sent jets to Lithuania.",
            published=D2017,
        )
    )
    assert "IGOGOV" in _codes(doc, "European Union")
    assert "IGOMIL" in _codes(doc, "NATO")
