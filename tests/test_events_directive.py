"""events: the directive class ("ordered the army to withdraw", "persuaded Ghana to join"),
generated from WordNet's order/persuade/advise trees and held only with an addressee and
what it is told to do (``lexicon.directed_act``). Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

from sitmap.events.lexicon import _lexicon


def test_directive_entries_are_generated_requests_with_the_condition():
    lex = _lexicon()
    for verb in ("order", "instruct", "persuade", "convince", "advise", "tell"):
        senses = [e for e in lex.verbs[verb] if e.directive]
        assert senses and all(e.type == "REQUEST" and e.weak for e in senses), verb
    # "tell off" keeps its own sense beside the directive one
    assert any(e.prep == "off" and e.type == "ACCUSE" for e in lex.verbs["tell"])
    assert "instruct" in lex.lemmas["VERB"]  # the candidate gate parses their sentences


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan president instructed the police to release the detained students.",
         ("REQUEST", "KENGOV", "KENCOP")),
        ("Germany's chancellor persuaded Poland to join the energy pact on Monday.",
         ("REQUEST", "DEUGOV", "POL")),
        ("The Peruvian government told the mining companies not to resume work in Cusco.",
         ("REQUEST", "PERGOV", "PERBUS")),
        ("The Indonesian foreign ministry advised Malaysia to close its border crossings.",
         ("REQUEST", "IDNGOV", "MYS")),
        ("Nigeria's army chief ordered the soldiers to withdraw from the town.",
         ("REQUEST", "NGAMIL", "NGAMIL")),
    ],
)  # fmt: skip
def test_directive_with_addressee_and_infinitive_is_a_request(analysed, text, expected):
    found = coded_events(analysed, text)
    assert expected in found, found


@pytest.mark.model
def test_what_the_addressee_is_told_to_do_is_not_coded_apart(analysed):
    found = coded_events(
        analysed, "The Indian government ordered the army to attack the rebel camps."
    )
    assert [f[0] for f in found] == ["REQUEST"], found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mandative that-clause under an appeal is what is asked for
        (
            "The Kenyan government is demanding that the court punish the Somali lawyers.",
            ["REQUEST"],
        ),
        # the infinitive on a request noun is what the request asks for
        (
            "Kenyan police requests to detain Somali migrants were ignored by the courts.",
            ["REQUEST", "REJECT"],
        ),
        # a statement of fact under a speech verb stays an act of its own
        ("The Kenyan government said that Uganda withdrew its troops.", ["RETREAT"]),
    ],
)
def test_what_an_appeal_asks_for_in_a_clause_is_not_coded_apart(analysed, text, expected):
    found = coded_events(analysed, text)
    assert [f[0] for f in found] == expected, found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a statement to an audience, no telling to act
        "The Chilean minister told reporters that the talks with Bolivia had failed.",
        # an order of a thing, no addressee told to act
        "The Brazilian president ordered a review of the Amazon logging permits.",
        # an addressee but no act it is told to do
        "The Egyptian foreign minister convinced the Sudanese delegation of his good faith.",
    ],
)
def test_directive_near_misses(analysed, text):
    found = coded_events(analysed, text)
    assert all(f[0] != "REQUEST" for f in found), found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "seek" appeals only for what its sense names (help, aid, extradition ...): "sought to
        # punish" is an attempt, and the punishment is coded
        ("The Turkish government has sought to punish Dutch companies over the dispute.",
         ("SANCTION", "TURGOV", "NLDBUS")),
        # ... while an appeal's content is still coded as the appeal only
        ("The Colombian president asked Venezuela to expel the rebels.",
         ("REQUEST", "COLGOV", "VEN")),
    ],
)  # fmt: skip
def test_an_appeal_sense_holds_only_under_its_own_conditions(analysed, text, expected):
    found = coded_events(analysed, text)
    assert expected in found and len(found) == 1, found
