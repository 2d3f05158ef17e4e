"""events: speech acts from the CAMEO codebook's verb lists (criticism, appeals, rejections,
praise, yielding) with the particle that makes each one a speech act, threats whose content is
not coded apart, and warnings not to act (an appeal); each on sentences written for the test,
with near-misses that must not fire."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # criticism (CAMEO 111), with its particle
        ("Egypt's foreign minister hit out at Ethiopia over the dam.", ("ACCUSE", "EGYGOV", "ETH")),
        ("The Nigerian senate censured the Ghanaian ambassador.", ("ACCUSE", "NGALEG", "GHAGOV")),
        (
            "The Nigerian senate's censure of the Ghanaian ambassador was unusual.",
            ("ACCUSE", "NGALEG", "GHAGOV"),
        ),
        ("Erdogan rounded on the European Union after the vote.", ("ACCUSE", "TURGOV", "IGOGOV")),
        # appeals (CAMEO 02)
        ("Washington nudged Seoul to resume talks with Tokyo.", ("REQUEST", "USAGOV", "KORGOV")),
        # rejections (CAMEO 12)
        ("Colombia turned down the Venezuelan offer.", ("REJECT", "COL", "VEN")),
        ("The Kremlin brushed off the British accusations.", ("REJECT", "RUSGOV", "GBR")),
        ("Beijing shrugged off criticism from Washington.", ("REJECT", "CHNGOV", "USAGOV")),
        ("The Russian ambassador scoffed at the British claims.", ("REJECT", "RUSGOV", "GBR")),
        ("Mexico objected to the U.S. wall plan.", ("REJECT", "MEX", "USA")),
        ("Hungary balked at the EU migrant quotas.", ("REJECT", "HUN", "IGOGOV")),
        # praise and endorsement (CAMEO 051)
        (
            "The Chilean president complimented Argentina on its handling of the crisis.",
            ("SUPPORT", "CHLGOV", "ARG"),
        ),
        ("Britain sided with France in the dispute with Russia.", ("SUPPORT", "GBR", "FRA")),
        (
            "Pakistan will stand by China, the Pakistani prime minister said.",
            ("SUPPORT", "PAK", "CHN"),
        ),
        ("Cuba expressed solidarity with Venezuela.", ("SUPPORT", "CUB", "VEN")),
        # yielding (CAMEO 08) and contact
        ("Greece caved in to pressure from Germany.", ("CONCEDE", "GRC", "DEU")),
        ("Macron conferred with Merkel by telephone.", ("CONSULT", "FRAGOV", "DEUGOV")),
        # "pay" is a light verb: the payer pays the visit
        ("Xi paid a visit to Pakistan last week.", ("CONSULT", "CHNGOV", "PAK")),
    ],
)
def test_codebook_speech_acts(analysed, text, expected):
    assert expected in coded_events(analysed, text)


def test_backing_down_is_a_concession_not_support(analysed):
    found = coded_events(analysed, "Japan backed down from its demand for compensation.")
    assert ("CONCEDE", "JPN", None) in found
    assert all(kind != "SUPPORT" for kind, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The river turned south near the Iraqi border.",
        "The Iranian team turned the game around.",
        "She stood by the window in the Kremlin.",
        "The Russian troops stood by as the crowd gathered.",
        "The turnout was a tribute to democracy.",
        "Traders in Jakarta shrugged and moved on.",
        "A missile hit the Saudi base on Sunday.",  # an assault, no accusation
        "People in Ohio have objections to the new tax.",  # an objection to no actor's act
    ],
)
def test_near_misses_are_no_speech_act(analysed, text):
    found = coded_events(analysed, text)
    speech = {"ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "REQUEST"}
    assert not [e for e in found if e[0] in speech]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threat's content is not coded apart; its target is the threat's
        ("Iran threatened to impose sanctions on Israel.", [("THREATEN", "IRN", "ISR")]),
        ("Turkey warned it would retaliate against Greece.", [("THREATEN", "TUR", "GRC")]),
        # a promise of one's own hostile act is a threat
        (
            "The Iranian president vowed to retaliate against Israel.",
            [("THREATEN", "IRNGOV", "ISR")],
        ),
        ("Pakistan pledged to impose sanctions on India.", [("THREATEN", "PAK", "IND")]),
        (
            "The Nigerian army vowed to attack Boko Haram bases.",
            [("THREATEN", "NGAMIL", "NGAINSBKH")],
        ),
        # warning an actor not to act is an appeal, its content not coded apart
        (
            "China warned the United States not to attack North Korea.",
            [("REQUEST", "CHN", "USA")],
        ),
        (
            "The European Commission warned Poland not to cut the pay of judges.",
            [("REQUEST", "IGOGOV", "POL")],
        ),
    ],
)
def test_threats_and_warnings(analysed, text, expected):
    assert coded_events(analysed, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan pledged to cooperate with Afghanistan.",  # a promise of no hostile act
        "The Colombian minister promised to build new schools.",
        "Putin was sworn in as president.",
    ],
)
def test_promises_of_no_hostile_act_are_no_threat(analysed, text):
    assert all(kind != "THREATEN" for kind, _, _ in coded_events(analysed, text))


def test_warning_about_anothers_act_keeps_that_act(analysed):
    found = coded_events(analysed, "Seoul warned that North Korea could attack Japan.")
    assert ("ASSAULT", "PRK", "JPN") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X said Y must / should / ought to / needs to / has to do Z": X's demand on Y, the
        # act Y is to do not coded apart
        (
            "The Kenyan president said Somalia must stop the cross-border raids.",
            [("REQUEST", "KENGOV", "SOM")],
        ),
        (
            "Merkel said on Tuesday that Poland should respect the court's rulings.",
            [("REQUEST", "DEUGOV", "POL")],
        ),
        (
            "The Indian minister insisted that Pakistan needs to dismantle the militant camps.",
            [("REQUEST", "INDGOV", "PAK")],
        ),
        (
            "Poland should pay reparations, the German foreign minister told reporters.",
            [("REQUEST", "DEUGOV", "POL")],
        ),
        ("Putin believes Ukraine ought to hold new elections.", [("REQUEST", "RUSGOV", "UKR")]),
        ("Iran must withdraw its troops from Syria, Macron said.", [("REQUEST", "FRAGOV", "IRN")]),
        (
            "The Kenyan president said that Somalia should not host the militants.",
            [("REQUEST", "KENGOV", "SOM")],
        ),
    ],
)
def test_demands_stated_as_obligations(analysed, text, expected):
    assert coded_events(analysed, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Merkel said Poland should have acted sooner.",  # a past obligation: a reproach
        "Analysts said Iran must be worried about the sanctions.",  # a state; no actor speaks
        "Merkel said the sanctions should be lifted.",  # a passive: no one obliged
        "We must stop the raids, the Kenyan president said.",  # the speaker's own side
        "Erdogan said Turkey must defend itself against the Kurdish militants.",
        "The Kenyan president said Somalia will stop the raids.",  # a plan, no obligation
        "Macron said the French economy must grow faster.",
        "The Saudi minister said the world must act.",
    ],
)
def test_no_demand_without_an_obliged_other_actor(analysed, text):
    assert all(kind != "REQUEST" for kind, _, _ in coded_events(analysed, text))


def test_a_demand_sentence_reaches_the_parser(spacy_nlp):
    """The parser runs only on sentences that may hold an event: an obligation with a
    judging verb is one, an obligation alone is not."""
    from sitmap.events import lexicon

    said = spacy_nlp("Merkel said Poland should respect the rulings.")
    assert lexicon.may_hold_event(said[:])
    alone = spacy_nlp("The weather should be warmer tomorrow.")
    assert not lexicon.may_hold_event(alone[:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an accusation's that-clause names whom it accuses
        (
            "The opposition alleged that the Kenyan police had rigged the vote.",
            ("ACCUSE", "OPP", "KENCOP"),
        ),
        (
            "The Indian foreign minister complained that Pakistan was sheltering militants.",
            ("ACCUSE", "INDGOV", "PAK"),
        ),
        (
            "Zimbabwe's ruling party charged that Britain was funding the opposition.",
            ("ACCUSE", "ZWEPTY", "GBR"),
        ),
    ],
)
def test_accusation_target_from_its_that_clause(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Indian foreign minister complained that it was too hot in Delhi.",  # expletive
        "Leaked documents alleged that Pakistan had hidden the money.",  # no coded accuser
    ],
)
def test_no_accused_from_an_expletive_or_without_an_accuser(analysed, text):
    assert not [e for e in coded_events(analysed, text) if e[0] == "ACCUSE" and e[2]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act labelled as a crime accuses its doer, also when the parser hangs the "as"
        # phrase on the object
        (
            "The UN envoy described the Burmese army's actions as ethnic cleansing.",
            ("ACCUSE", "IGOUNO", "MMRMIL"),
        ),
        ("Moscow branded the Ukrainian offensive as aggression.", ("ACCUSE", "RUSGOV", "UKR")),
        ("Turkey labelled the Greek patrols as provocation.", ("ACCUSE", "TUR", "GRC")),
        ("Armenia described the Turkish massacres as genocide.", ("ACCUSE", "ARM", "TUR")),
    ],
)
def test_acts_labelled_as_crimes(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        "The police described the attack as terrorism.",  # no doer named
        "The report described the Burmese army's actions in detail.",  # no label
        "Historians describe the period as an era of persecution.",
        "He described the Rwandan genocide as a turning point.",  # the crime is the object
    ],
)
def test_labels_that_accuse_no_one(analysed, text):
    assert all(kind != "ACCUSE" for kind, _, _ in coded_events(analysed, text))


def test_giving_up_weapons_is_a_concession_not_aid(analysed):
    found = coded_events(analysed, "The FARC rebels gave up their weapons in June.")
    assert [kind for kind, _, _ in found] == ["CONCEDE"]
    assert ("AID", "JPN", "PHLMIL") in coded_events(
        analysed, "Japan gave weapons to the Philippine navy."
    )
    # what a vow refuses is not coded as an act of its own
    vowed = coded_events(analysed, "North Korea has vowed never to give up its nuclear weapons.")
    assert all(kind not in {"AID", "CONCEDE"} for kind, _, _ in vowed)
