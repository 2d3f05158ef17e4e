"""events: who is source and who is target when the parse hides them (relative clauses)."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


_found = coded_events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject relative pronoun: "which" is the army
        (
            "The Iraqi army, which killed five Islamic State militants on Monday, said the area "
            "was secure.",
            ("ASSAULT", "IRQMIL", "IMGINSISI"),
        ),
        (
            "Russian officials, who met with Chinese President Xi Jinping on Monday, said nothing.",
            ("CONSULT", "RUSGOV", "CHNGOV"),
        ),
        # restrictive "that" clause
        (
            "Two Chinese firms that lobbied U.S. lawmakers were fined on Monday.",
            ("REQUEST", "CHNBUS", "USALEG"),
        ),
        # passive relative clause: "who" is the target, the by-agent the source
        (
            "Iraqi soldiers who were attacked by Islamic State militants near Mosul fled.",
            ("ASSAULT", "IMGINSISI", "IRQMIL"),
        ),
        # object relative pronoun
        (
            "Iran, which Trump has threatened repeatedly, said it would respond.",
            ("THREATEN", "USAGOV", "IRN"),
        ),
        # the relative subject reaches a gerund through its governing verb
        (
            "Fox News hosts, who also spent years criticizing President Barack Obama, are "
            "hypocrites.",
            ("ACCUSE", "USAMED", "USAGOV"),
        ),
        # the clause modifies a noun predicated of a subject: that subject
        (
            "Saudi Arabia is a country that Trump has criticized in the past.",
            ("ACCUSE", "USAGOV", "SAU"),
        ),
    ],
)
def test_relative_pronoun_stands_for_the_noun_its_clause_modifies(analysed, text, expected):
    assert expected in _found(analysed, text)


def test_complementizer_that_is_no_relative_pronoun(analysed):
    found = _found(analysed, "Officials said that police arrested 20 protesters in Moscow.")
    assert ("COERCE", "RUSCOP", "RUSPRO") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gerund after a temporal preposition: the clause's subject does it
        (
            "After meeting Chinese President Xi Jinping, Trump flew to Vietnam.",
            ("CONSULT", "USAGOV", "CHNGOV"),
        ),
        (
            "Trump criticized Iran before meeting Saudi King Salman.",
            ("CONSULT", "USAGOV", "SAUGOV"),
        ),
        # "by" + gerund: the means of the subject's act
        (
            "Iraq responded by attacking Islamic State militants near Mosul.",
            ("ASSAULT", "IRQ", "IMGINSISI"),
        ),
        # "from"/"for" + gerund: the object (or passive subject) does it
        (
            "The United Nations banned North Korea from attacking South Korea.",
            ("ASSAULT", "PRK", "KOR"),
        ),
        (
            "Iraq was criticized by Turkey for attacking Islamic State militants near Mosul.",
            ("ASSAULT", "IRQ", "IMGINSISI"),
        ),
        # "took the step of asking X": the subject of the verb whose object the phrase modifies
        (
            "The Iraqi government took the unusual step of asking Turkey to withdraw its troops.",
            ("REQUEST", "IRQGOV", "TUR"),
        ),
    ],
)
def test_gerund_after_a_preposition_takes_the_clause_subject(analysed, text, expected):
    assert expected in _found(analysed, text)


def test_gerund_subject_stops_at_an_object_that_is_asked(analysed):
    text = "The Iraqi government took the unusual step of asking Turkey to withdraw its troops."
    found = _found(analysed, text)
    assert not any(e[0] == "RETREAT" and e[1] == "IRQGOV" for e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the owner of a decision or plan does its infinitive
        (
            "Abbas refused to meet Pence in protest of President Donald Trump's decision to "
            "recognize Jerusalem as the capital of Israel.",
            ("SUPPORT", "USAGOV", "ISRGOV"),
        ),
        ("China criticized Russia's plan to attack Ukraine.", ("ASSAULT", "RUS", "UKR")),
        # or its "by" agent
        (
            "The decision by Turkey to attack Kurdish militants angered Iraq.",
            ("ASSAULT", "TUR", None),
        ),
    ],
)
def test_infinitive_of_an_owned_noun_takes_the_owner(analysed, text, expected):
    found = _found(analysed, text)
    assert any(e[:2] == expected[:2] and expected[2] in {None, e[2]} for e in found)


def test_infinitive_of_an_unowned_noun_has_no_source(analysed):
    found = _found(analysed, "The plan to attack Ukraine was cancelled.")
    assert ("ASSAULT", None, "UKR") in found
