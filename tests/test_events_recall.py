"""events: predicates that whole articles hold and the lexicon used to miss (recall)."""

from __future__ import annotations

import pytest

from sitmap import actors, events, lexicons

pytestmark = pytest.mark.model


def _codes(analysed, text, published="2017-11-06"):
    doc = analysed(text, published=published, source="Reuters")
    actors.code(doc)
    events.extract(doc)
    return [
        (e.plover, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in doc.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbal attacks
        (
            "President Donald Trump lashed out at Iran on Twitter on Sunday.",
            ("ACCUSE", "USAGOV", "IRN"),
        ),
        (
            "Turkish President Tayyip Erdogan trashed the European Union on Monday.",
            ("ACCUSE", "TURGOV", "IGOEUR"),
        ),
        # "raged" is lemmatised "rag" by the model: the generated lemma fixes repair it
        ("Putin raged against Washington in a speech.", ("ACCUSE", "RUSGOV", "USAGOV")),
        # refusals and disagreement
        ("Germany disagreed with France over the budget.", ("REJECT", "DEU", "FRA")),
        (
            "Russia disputed the findings of the United Nations inquiry.",
            ("REJECT", "RUS", "IGOUNO"),
        ),
        ("Iran defied the United Nations.", ("REJECT", "IRN", "IGOUNO")),
        # appeals
        ("China encouraged North Korea to return to talks.", ("REQUEST", "CHN", "PRK")),
        ("Saudi Arabia lobbied Washington to block the resolution.", ("REQUEST", "SAU", "USAGOV")),
        # cooperation, aid, support
        ("Iran colluded with Russia to hide the shipments.", ("COOPERATE", "IRN", "RUS")),
        ("Canada offered aid to Mexico after the earthquake.", ("AID", "CAN", "MEX")),
        ("Russia defended Syria at the United Nations.", ("SUPPORT", "RUS", "SYR")),
        # coercion: a prison sentence, a fine
        (
            "A Turkish court sent two opposition lawmakers to prison on Friday.",
            ("COERCE", "TURJUD", None),
        ),
        ("Venezuela fined Exxon for the spill.", ("COERCE", "VEN", None)),
        # nouns, with the doer from a light verb ("filed a complaint", "offered condolences")
        (
            "Iran filed a complaint against Saudi Arabia at the United Nations.",
            ("ACCUSE", "IRN", "SAU"),
        ),
        ("Japan offered its condolences to Mexico.", ("SUPPORT", "JPN", "MEX")),
        ("North Korea conducted its sixth nuclear bomb test on Sunday.", ("MOBILIZE", "PRK", None)),
    ],
)
def test_events_recall_lexicon(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # a trip or a conversation with nobody named on the other side is no event
        "Vice President Mike Pence left for a trip on Tuesday.",
        "It was a conversation about the storm, the Mexican minister said.",
        # "offer" is aid only with an aid-like object
        "Canada offered a new explanation for the delay.",
        # "walk" is a protest only as "walk out"
        "Protesters walked to the Interior Ministry in Moscow.",
    ],
)
def test_events_recall_lexicon_senses_that_are_no_event(analysed, text):
    found = _codes(analysed, text)
    assert not [c for c in found if c[0] in {"CONSULT", "AID", "PROTEST"}]


def test_events_lemma_fixes_are_generated_for_lexicon_verbs():
    """Every verb form in lemma_fixes maps to a verb of the lexicon."""
    data = lexicons.yaml_file("predicates.yaml")
    verbs = set(data["verbs"])
    assert {"raged": "rage", "fined": "fine"}.items() <= data["lemma_fixes"].items()
    assert set(data["lemma_fixes"].values()) <= verbs
