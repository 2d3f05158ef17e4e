"""Bodies and the people who work at them: a named body whose name says what kind of body it is
(a university, a commission, an agency), the U.S. federal agencies and regulators, a state's
central bank, and a person described as working at a coded body. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests._article_events import event_on

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "side", "code"),
    [
        # the last word of a body's name says its sector; the country is the document's
        (
            "Researchers at Stanford University accused the Environmental Protection Agency of "
            "ignoring the data.",
            "accused",
            "source",
            "USAEDU",
        ),
        (
            "The Urban Institute criticized President Donald Trump's housing plan on Monday.",
            "criticized",
            "source",
            "USAEDU",
        ),
        (
            "The Transportation Security Administration criticized Senator Chuck Schumer on "
            "Monday.",
            "criticized",
            "source",
            "USAGOV",
        ),
        # a sector word before the head wins over the head
        (
            "The Dallas Police Department arrested the driver, Tom Weller, a Texas oil worker.",
            "arrested",
            "source",
            "USACOP",
        ),
        # federal agencies and regulators by name and short form
        (
            "The Securities and Exchange Commission sued Tesla Inc on Thursday.",
            "sued",
            "source",
            "USAGOV",
        ),
        ("The FCC fined Sinclair Broadcast Group Inc $13 million.", "fined", "source", "USAGOV"),
        (
            "Senator Elizabeth Warren criticized the Federal Reserve on Tuesday.",
            "criticized",
            "target",
            "USAGOV",
        ),
        # a central bank is its state's, not a commercial bank
        (
            "Turkey's central bank rejected President Tayyip Erdogan's demand on Thursday.",
            "rejected",
            "source",
            "TURGOV",
        ),
    ],
)
def test_a_body_is_coded_by_what_its_name_says_it_is(text, trigger, side, code):
    actor = getattr(event_on(text, trigger), side)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("text", "trigger", "side"),
    [
        # bodies above states and news agencies are not a state's agencies
        (
            "The International Energy Agency criticized Saudi Arabia's oil minister.",
            "criticized",
            "source",
        ),
        ("Prime Minister Narendra Modi praised the Press Trust Agency.", "praised", "target"),
    ],
)
def test_international_and_press_bodies_take_no_state_sector(text, trigger, side):
    actor = getattr(event_on(text, trigger), side)
    assert actor is None or actor.code is None or not actor.code.endswith("GOV")


@pytest.mark.parametrize(
    ("text", "trigger", "side", "code"),
    [
        # an office held at a body: the body's code
        (
            "Federal Reserve Chair Janet Yellen met Treasury Secretary Steven Mnuchin on Friday.",
            "met",
            "source",
            "USAGOV",
        ),
        (
            "Jerome Powell, the Fed chair, met Treasury Secretary Steven Mnuchin on Friday.",
            "met",
            "source",
            "USAGOV",
        ),
        (
            "The Director of National Intelligence warned Russia on Tuesday.",
            "warned",
            "source",
            "USASPY",
        ),
        # a person described as working at a coded body takes the body's code
        (
            "Anne Holt, a senior fellow at the Hoover Institution, criticized U.S. Senator Ted "
            "Cruz.",
            "criticized",
            "source",
            "USAEDU",
        ),
        (
            "Greg Marsh, chief economist at Oxford Analytics Ltd, praised President Donald "
            "Trump's trade team.",
            "praised",
            "source",
            "USABUS",
        ),
        # an abbreviation's periods end no description
        (
            "Rose Dunn, a U.S. actress, criticized President Donald Trump on Sunday.",
            "criticized",
            "source",
            "USACVL",
        ),
        # a trade named before the name
        (
            "Movie producer Harold Brand praised President Donald Trump on Sunday.",
            "praised",
            "source",
            "USABUS",
        ),
        # scholars described with no employer: EDU of the document's country
        (
            "Alan Pike, a historian, accused President Donald Trump of rewriting history.",
            "accused",
            "source",
            "USAEDU",
        ),
    ],
)
def test_a_person_is_coded_by_the_office_or_body_the_text_gives(text, trigger, side, code):
    actor = getattr(event_on(text, trigger), side)
    assert actor is not None and actor.code == code
