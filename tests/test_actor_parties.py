"""Party words and names give a politician or body its country, before the story's main one:
"Labour Party MP" GBR, "Liberal Democrat MP" GBR (not the US "Democrat"), "Republican and
Democratic lawmakers" USA beside a foreign actor; a party word several countries share follows
the one country the sentence places its people in."""

from __future__ import annotations

from datetime import date

import pytest

from sitmap import actors
from sitmap.actors.parties import party_country

D2017 = date(2017, 11, 20)


def _code(doc, text):
    return next(a.code for a in doc.actors if a.text.endswith(text))


def test_party_country_longest_name_first():
    assert party_country(["Liberal", "Democrat"]) == "GBR"
    assert party_country(["Democrat"]) == "USA"
    assert party_country(["Republican", "and", "Democratic"]) == "USA"
    assert party_country(["New", "Democratic", "Party"]) == "CAN"
    # a name parties of several countries bear gives none, and hides its "Democratic"
    assert party_country(["Social", "Democratic"]) is None
    assert party_country(["Labour", "Republican"]) is None  # two countries: no guess
    assert party_country(["Alabama"]) is None


def test_shared_party_word_follows_the_place():
    assert party_country(["Conservative"]) == "GBR"
    assert party_country(["Conservative"], {"CAN"}) == "CAN"
    assert party_country(["Labour"], {"AUS"}) == "AUS"
    assert party_country(["Republican"], {"RUS"}) == "USA"  # not a shared word


@pytest.mark.model
def test_foreign_party_member_in_a_us_story(analysed):
    text = (
        "President Donald Trump mocked the crime figures on Twitter. Labour Party MP Ann Carver "
        "told Trump to stop. Liberal Democrat MP Tom Hale also criticized Trump, and "
        "Republican Senator John Kennedy defended Trump."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _code(doc, "MP Ann Carver") == "GBRLEG"
    assert _code(doc, "MP Tom Hale") == "GBRLEG"
    assert _code(doc, "Senator John Kennedy") == "USALEG"


@pytest.mark.model
def test_party_adjectives_give_a_group_its_country(analysed):
    text = (
        "Both Republican and Democratic lawmakers said the Treasury was slow to list Iranian "
        "banks. Conservative legislators in Ottawa rejected the bill. Labour councillors in "
        "Wellington opposed the plan."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _code(doc, "lawmakers") == "USALEG"
    assert _code(doc, "legislators") == "CANLEG"


@pytest.mark.model
def test_no_party_word_no_party_country(analysed):
    # near misses: a capitalised word that is no party, a party named as an organisation
    doc = actors.code(
        analysed("Iranian lawmakers criticized the Social Democratic party.", published=D2017)
    )
    assert _code(doc, "lawmakers") == "IRNLEG"
    doc = actors.code(
        analysed("Alabama lawmakers met Mexican officials in Monterrey.", published=D2017)
    )
    assert _code(doc, "lawmakers") != "GBRLEG"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # a sentence about the legislature: its members in Congress
        (
            "Republicans have complained for months that Democrats are stalling the "
            "confirmation of the president's judges.",
            "Republicans",
            "USALEG",
        ),
        (
            "The plan has been questioned by some of his fellow Republicans in Congress.",
            "Republicans",
            "USALEG",
        ),
        (
            "The Senate majority leader said he would work with Democrats on the budget next year.",
            "Democrats",
            "USALEG",
        ),
        # elsewhere the party
        (
            "The candidate accused rival Democrats of a smear campaign before the election.",
            "Democrats",
            "USAPTY",
        ),
        (
            "The White House accused Democrats of spreading false stories about the trip.",
            "Democrats",
            "USAPTY",
        ),
        # voters and elections: the party
        (
            "In the poll, 59 percent of Republicans supported the tax bill.",
            "Republicans",
            "USAPTY",
        ),
        (
            "Democrats would need to win 24 seats next year to retake control of the House.",
            "Democrats",
            "USAPTY",
        ),
        # a state before it: the state's people, not Congress
        (
            "Ohio Republicans in the state house rejected the governor's offer.",
            "Republicans",
            "USAPTY",
        ),
    ],
)
def test_party_members_in_a_sentence_about_the_legislature(analysed, text, mention, code):
    doc = actors.code(analysed(text, published=D2017))
    assert _code(doc, mention) == code


@pytest.mark.model
def test_a_year_between_possessor_and_body_keeps_the_possessor_country(analysed):
    # "Donald Trump's 2016 election campaign": the year is a premodifier like an adjective,
    # so the campaign is the possessor's country's party (USAPTY), in a sentence that also
    # names Russians
    text = (
        "Russian officials had repeated contacts with Donald Trump's 2016 election campaign, "
        "the committee said. Angela Merkel's 2017 election campaign rejected the claims of "
        "Russian lawyers."
    )
    doc = actors.code(analysed(text, published=D2017))
    codes = [a.code for a in doc.actors if a.text.endswith("campaign")]
    assert codes == ["USAPTY", "DEUPTY"]
