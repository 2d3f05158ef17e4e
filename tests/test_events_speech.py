"""events: speech acts and legal steps on whole articles (name-calling, refusals, calls for,
legal charges), each on sentences written for the test."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


_codes = coded_events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name-calling is an insult (ACCUSE), with or without a negation on the verb
        (
            "President Erdogan called the Dutch prime minister a fascist.",
            ("ACCUSE", "TURGOV", "NLDGOV"),
        ),
        ("Turkey branded Greece a terrorist state.", ("ACCUSE", "TUR", "GRC")),
        (
            "Iran's president would never call Saudi Arabia weak and corrupt.",
            ("ACCUSE", "IRNGOV", "SAU"),
        ),
        (
            "In March Kim Jong Un described Trump as a dangerous lunatic.",
            ("ACCUSE", "PRKGOV", "USAGOV"),
        ),
        ("Ankara branded the Greek prime minister a liar.", ("ACCUSE", "TURGOV", "GRCGOV")),
        ("The Kremlin labelled the British government as liars.", ("ACCUSE", "RUSGOV", "GBRGOV")),
        # refusals: an object, or an infinitive that is no event of its own
        ("Iran declined to provide a list of the detainees.", ("REJECT", "IRN", None)),
        ("Syria declined the invitation to Geneva.", ("REJECT", "SYR", None)),
        # a refused meeting stays a rejection, of whom the meeting would have been with
        ("Venezuela refused to meet the Colombian delegation.", ("REJECT", "VEN", "COL")),
        # legal steps: "charged X with" a crime is coercion, not an accusation
        (
            "Turkish police charged two German journalists with espionage.",
            ("COERCE", "TURCOP", "DEUMED"),
        ),
        # a call for something, as a noun
        ("Germany's call for talks with Russia was welcomed in Paris.", ("REQUEST", "DEU", None)),
        # verbal onslaughts as nouns, with the doer from the light verb or the owner
        (
            "Erdogan launched a tirade against the Dutch prime minister on Sunday.",
            ("ACCUSE", "TURGOV", "NLDGOV"),
        ),
        ("Duterte's rant at the European Union drew laughs.", ("ACCUSE", "PHLGOV", "IGOGOV")),
        # lifting a hold on money is a concession
        ("Switzerland lifted the hold on the Egyptian accounts.", ("CONCEDE", "CHE", "EGY")),
    ],
)
def test_speech_acts_and_legal_steps(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # calling someone something neutral is no insult; "call" alone is no appeal
        ("Putin called Merkel a partner of Russia.", "ACCUSE"),
        ("Putin called the corrupt governor of Kursk on Friday.", "ACCUSE"),
        # "on Friday" is a time, not the "on" of "called on X to ..."
        ("Putin called the governor of Kursk on Friday.", "REQUEST"),
        ("Japan answered a call from South Korea.", "REQUEST"),
        # refusing to speak, to attend, or a figure that declines: no rejection
        ("The Chinese foreign ministry declined to comment on the report.", "REJECT"),
        ("Egypt's foreign minister declined to attend the summit in Doha.", "REJECT"),
        ("Exports from Germany to China declined sharply in October.", "REJECT"),
    ],
)
def test_not_speech_acts(analysed, text, absent):
    assert absent not in [plover for plover, _, _ in _codes(analysed, text)]


def test_refusing_an_act_is_that_act_negated_not_a_second_rejection(analysed):
    """ "refused to criticize China": the criticism (negated later by attribution), no REJECT."""
    found = _codes(analysed, "Pakistan refused to criticize China over the dispute.")
    assert ("ACCUSE", "PAK", "CHN") in found
    assert "REJECT" not in [plover for plover, _, _ in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past participle modifying a noun is a passive without "who were": the noun undergoes it
        (
            "Police questioned the leader of a Belgian party convicted of inciting hatred.",
            ("COERCE", None, "BEL"),
        ),
        (
            "Dozens of Egyptian protesters detained in Cairo were released on Sunday.",
            ("COERCE", None, "EGYPRO"),
        ),
        # the doer of a passive event is the one behind the event noun that is its means
        (
            "Syrian civilians killed in Russian airstrikes were buried on Sunday.",
            ("ASSAULT", "RUS", "SYRCVL"),
        ),
    ],
)
def test_reduced_relatives_and_means(analysed, text, expected):
    found = _codes(analysed, text)
    if expected[1] is None:  # no doer named: whatever the sides stage fills in, the target holds
        assert (expected[0], expected[2]) in [(plover, target) for plover, _, target in found]
    else:
        assert expected in found


def _types(analysed, text):
    return [plover for plover, _, _ in _codes(analysed, text)]


def test_a_wish_that_another_actor_act_is_an_appeal_and_its_content_no_event(analysed):
    found = _codes(analysed, "China wants Russia to withdraw its troops from Syria.")
    assert ("REQUEST", "CHN", "RUS") in found
    assert "RETREAT" not in [plover for plover, _, _ in found]  # the guide codes the appeal only


@pytest.mark.parametrize(
    "text",
    [
        "Germany urged Iran to release the British sailors.",
        # the content may sit deeper inside the requested clause
        "France wanted Mali to take action to help fight the rebels.",
    ],
)
def test_what_an_appeal_asks_for_is_no_event(analysed, text):
    types = _types(analysed, text)
    assert "REQUEST" in types
    assert not {"RETREAT", "ASSAULT"} & set(types)


def test_a_wish_of_ones_own_is_no_appeal(analysed):
    """ "want to meet": the subject's own plan, coded as the meeting it plans."""
    types = _types(analysed, "The Japanese senators want to meet Putin in Moscow.")
    assert "CONSULT" in types
    assert "REQUEST" not in types


def test_an_event_noun_that_is_the_agent_of_a_passive_is_its_means_not_a_second_event(analysed):
    """ "wounded by a Taliban attack": one assault, the Taliban's, as with "killed in an attack"."""
    found = _codes(analysed, "Two Afghan soldiers were wounded by a Taliban attack in Kandahar.")
    assert [c for c in found if c[0] == "ASSAULT"] == [("ASSAULT", "AFGINSTAL", "AFGMIL")]
