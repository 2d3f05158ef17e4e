"""nlp: one pipeline, paragraph breaks, glued quotes, parse only where events may be."""

from __future__ import annotations

import pytest

from sitmap import events, nlp
from sitmap.model import Document

pytestmark = pytest.mark.model


def test_nlp_paragraph_break_starts_a_sentence():
    doc = next(
        nlp.analyse([Document(text="Syrian Army Closing in on Deir ez-Zor\n\nRussia bombed it.")])
    )
    assert [s.text for s in doc.sentences] == [
        "Syrian Army Closing in on Deir ez-Zor",
        "Russia bombed it.",
    ]


def test_nlp_glued_quote_is_split():
    doc = next(nlp.analyse([Document(text="“It is over,” Tillerson said“Again we are working.”")]))
    assert "said" in [t.text for t in doc._spacy]


def test_nlp_selective_parse_matches_full_parse(spacy_nlp):
    text = "Shares rose 3 percent on Monday. Police arrested 20 protesters in Moscow."
    doc = next(nlp.analyse([Document(text=text)], parse_if=events.may_hold_event))
    assert sorted(doc._parses) == [1]
    parsed = doc._parses[1]
    full = spacy_nlp.get_pipe("parser")(spacy_nlp(text))  # reference: the parser on the whole text
    reference = [(t.text, t.dep_, t.head.text) for t in full[7:]]
    assert [(t.text, t.dep_, t.head.text) for t in parsed] == reference


def test_nlp_model_name_in_one_place():
    assert nlp.model_info()["package"] == nlp.MODEL


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("MOSCOW (Reuters) - The Kremlin said on Sunday it was ready.", "The Kremlin said"),
        ("KABUL, Afghanistan (AP) — Taliban fighters attacked a post.", "Taliban fighters"),
        ("BEIRUT/AMMAN (Reuters) - Syrian troops shelled rebels.", "Syrian troops"),
        # no dateline: an ordinary capitalised opening is kept whole
        ("NATO (the alliance) said it would act.", "NATO (the alliance)"),
        ("Russia bombed it (again) - twice.", "Russia bombed it"),
    ],
)
def test_nlp_wire_dateline_is_not_part_of_the_sentence(text, first):
    doc = next(nlp.analyse([Document(text=text)]))
    assert doc.sentences[0].text.startswith(first)
