"""Who did it to whom when the parse does not say it plainly: pronouns, owners named by a
pronoun, nominal events governed by another verb, places visited."""

from __future__ import annotations

import pytest
from _article_events import event_on as _event

from sitmap import pipeline

pytestmark = pytest.mark.model


def _codes(event) -> tuple[str | None, str | None]:
    return (
        event.source.code if event.source else None,
        event.target.code if event.target else None,
    )


def test_event_sides_pronoun_is_the_subject_of_a_clause_it_sits_in():
    # "he" sits in a clause under "served", whose subject is Cotton, not Pence
    event = _event(
        "U.S. Senator Tom Cotton served just 24 days as chairman before being fired for "
        "misleading Vice President Mike Pence about whether he criticized Russia.",
        "criticized",
    )
    assert _codes(event) == ("USALEG", "RUS")


def test_event_sides_relative_pronoun_subject_stands_for_its_noun():
    event = _event(
        "The Syrian army, which said on Monday that it had attacked rebels near Hama, "
        "denied the report.",
        "attacked",
    )
    assert event.source is not None and event.source.code == "SYRMIL"


def test_event_sides_possessive_pronoun_gives_its_owner_country():
    event = _event(
        "President Donald Trump called his administration's talks with Russia productive.",
        "talks",
    )
    assert _codes(event) == ("USAGOV", "RUS")


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # a light verb's subject does the act its object names
        (
            "Senator John McCain has given a qualified endorsement of the intelligence "
            "community's assessment.",
            "endorsement",
            ("USALEG", "USASPY"),
        ),
        (
            "Chinese President Xi Jinping was upping sanctions on North Korea.",
            "sanctions",
            ("CHNGOV", "PRK"),
        ),
        ("Putin made threats of war to Ukraine on Tuesday.", "threats", ("RUSGOV", "UKR")),
        # "from X" names the doer of a nominal act; a receiving verb's subject undergoes it
        (
            "Trump has faced sharp criticism from Senator John McCain.",
            "criticism",
            ("USALEG", "USAGOV"),
        ),
        ("Ukraine received military aid from the United States.", "aid", ("USA", "UKR")),
    ],
)
def test_event_sides_nominal_events_governed_by_another_verb(text, trigger, codes):
    assert _codes(_event(text, trigger)) == codes


def test_event_sides_a_withdrawal_from_a_place_has_no_source_from_it():
    doc = pipeline.extract("Russia completed the withdrawal of its troops from Syria.")
    assert all(e.source is None or e.source.code != "SYR" for e in doc.events)


def test_event_sides_a_capital_visited_is_its_state():
    assert _codes(_event("Tillerson visited Moscow on Monday.", "visited")) == ("USAGOV", "RUS")
    # elsewhere a capital stands for its government
    assert _codes(_event("Beijing criticized Tokyo on Monday.", "criticized")) == (
        "CHNGOV",
        "JPNGOV",
    )


def test_event_sides_a_title_is_the_person_named_in_apposition():
    event = _event("Arkansas senator, Tom Cotton, on Monday criticized the students.", "criticized")
    assert event.source is not None and event.source.name == "Tom Cotton"
    assert event.speaker == "Tom Cotton"


def test_event_sides_a_body_named_by_sector_speaks_in_the_text_s_words():
    # the speaker of a speech act is "given as the text names it", not sitmap's label
    event = _event(
        "U.S. congressional committee members warned on Friday that the agency could lose "
        "its funding.",
        "warned",
    )
    assert (event.source.code, event.speaker) == ("USALEG", "U.S. congressional committee members")
    event = _event("The White House condemned the attack by Iran on Monday.", "condemned")
    assert event.speaker == "White House"


def test_event_sides_owner_pronoun_whose_antecedent_is_its_own_phrase():
    # "her ministers" is the subject the pronoun's antecedent search looks at: no loop
    doc = pipeline.extract(
        "The queen flew to Amman on Monday, a city that her ministers have accused of spying.",
        published="2017-11-20",
    )
    assert all(e.trigger != "flew" for e in doc.events)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # "our" nation in the outlet's own voice: the country the document is about
        (
            "Chinese hackers attacked our election last year. Ottawa has protested to Beijing. "
            "Canada's prime minister called the envoy in.",
            "attacked",
            "CAN",
        ),
        # ... in its officials' words: their state
        (
            "Canadian officials say Chinese hackers attacked our election last year. Ottawa "
            "has protested to Beijing. Canada's prime minister called the envoy in.",
            "attacked",
            "CAN",
        ),
        # in someone's words: the speaker's state
        (
            "The Kenyan president said Somali militants had attacked our country.",
            "attacked",
            "KEN",
        ),
    ],
)
def test_event_sides_our_nation_is_a_state(text, trigger, target):
    event = _event(text, trigger)
    assert event.target is not None and event.target.code == target


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # not a nation's own: a part of it, or a thing
        ("Chinese hackers attacked our servers last week.", "attacked"),
        ("Russian hackers attacked the election in our state.", "attacked"),
    ],
)
def test_event_sides_our_other_things_are_no_state(text, trigger):
    event = _event(text, trigger)
    assert event.target is None or event.target.kind != "state"


def test_event_sides_he_chain_reaches_the_one_person_named_before():
    # the previous sentence names nobody but goes on about him ("he said"): the person of the
    # sentence before it
    text = (
        "Canadian Foreign Minister Anne Hollis delivered a long address on trade in Ottawa. "
        "The new tariffs would hurt farmers, she said. "
        "She also criticized the Mexican government for the delays."
    )
    event = _event(text, "criticized")
    assert _codes(event) == ("CANGOV", "MEXGOV")


@pytest.mark.parametrize(
    "middle",
    [
        "The new tariffs would hurt farmers, officials said.",  # no "she": the chain breaks
        "Jane Miller, a farmer, said the tariffs would hurt her.",  # another person between
        "Reporters questioned her about the delays.",  # "her" as an object is no topic chain
    ],
)
def test_event_sides_he_chain_stops_at_a_break(middle):
    text = (
        "Canadian Foreign Minister Anne Hollis delivered a long address on trade in Ottawa. "
        f"{middle} She also criticized the Mexican government for the delays."
    )
    event = _event(text, "criticized")
    assert _codes(event)[0] != "CANGOV"


@pytest.mark.parametrize(
    ("text", "trigger", "codes"),
    [
        # an infinitive after the object of a verb of causing or asking is the object's act
        (
            "The border crisis prompted Ugandan officials to meet Tanzanian envoys in Arusha.",
            "meet",
            ("UGAGOV", "TZAGOV"),
        ),
        (
            "The Kenyan Senate leader said the crisis will lead him to work with Ugandan "
            "officials.",
            "work",
            ("KENLEG", "UGAGOV"),
        ),
        # near miss: after other verbs the infinitive is a purpose, the subject's own act
        (
            "Kenyan President Uhuru Kenyatta contacted Ugandan President Yoweri Museveni to "
            "offer aid.",
            "offer",
            ("KENGOV", None),
        ),
    ],
)
def test_event_sides_object_control(text, trigger, codes):
    assert _codes(_event(text, trigger)) == codes
