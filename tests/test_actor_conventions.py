"""Actor codes that follow the gold guide's conventions on text written for these tests: cabinet
members are their government's, a special counsel is a government official, a candidate is his
party's during the campaign, a possessor lends its country across adjectives ("Japan's top
diplomat") and a legislature's committees named by their remit are the legislature."""

from __future__ import annotations

from datetime import date

import pytest
from _article_events import event_on as _event
from _article_events import speaker_of as _speaker

from sitmap import actors

D2017 = date(2017, 11, 20)


@pytest.mark.parametrize(
    ("phrase", "on", "code"),
    [
        # the U.S. Attorney General sits in the cabinet: a minister, GOV (not a court)
        ("Attorney General Jeff Sessions", D2017, "USAGOV"),
        ("Jeff Sessions", D2017, "USAGOV"),
        ("special counsel Robert Mueller", D2017, "USAGOV"),
        # a Senate candidate during the campaign is his party's; not before it
        ("Roy Moore", D2017, "USAPTY"),
        ("Judge Roy Moore", D2017, "USAPTY"),
    ],
)
def test_actor_conventions_office_holders(phrase, on, code):
    found = actors.lookup(phrase, on=on)
    assert found is not None and found.code == code


def test_actor_conventions_candidate_term_ends_with_the_election():
    # after election day a losing candidate stays coded by the campaign, as a former candidate
    found = actors.lookup("Roy Moore", on=date(2018, 3, 1))
    assert found is not None and found.role == "former Senate candidate"
    before = actors.lookup("Roy Moore", on=date(2016, 3, 1))
    assert before is None or before.code is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        (
            "The visitors were greeted by Japan’s top diplomat Taro Kono in Tokyo.",
            "Taro Kono",
            "JPNGOV",
        ),
        (
            "Germany's new ambassador Peter Wittig met with senators on Monday.",
            "Peter Wittig",
            "DEUGOV",
        ),
        ("India's senior envoy criticised the decision on Friday.", "envoy", "INDGOV"),
        # a possessor before a non-actor noun lends nothing
        ("Brazil's long plan to build a dam worried Peru.", "plan", None),
    ],
)
def test_actor_conventions_possessor_across_adjectives(analysed, text, mention, code):
    doc = actors.code(analysed(text, published=D2017))
    found = [a.code for a in doc.actors if mention in a.text]
    assert (found[0] if found else None) == code


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The minister said she would cooperate with an Ethics Committee inquiry.",
            "Ethics Committee",
        ),
        (
            "The House Ethics Committee opened an inquiry into the congressman on Friday.",
            "Ethics Committee",
        ),
        (
            "Kenya's finance minister briefed the parliamentary Budget Committee on Tuesday.",
            "Budget Committee",
        ),
        ("The Senate Banking Committee will vote on the nominee next week.", "Banking Committee"),
    ],
)
def test_actor_conventions_legislature_committees(analysed, text, mention):
    doc = actors.code(analysed(text, published=D2017))
    found = [a for a in doc.actors if mention in a.text]
    assert found and found[0].code is not None and found[0].code.endswith("LEG")


@pytest.mark.model
def test_actor_conventions_other_committees_are_not_legislatures(analysed):
    text = "The International Olympic Committee suspended the national team in December."
    doc = actors.code(analysed(text, published=D2017))
    assert not any(a.code and a.code.endswith("LEG") for a in doc.actors)


@pytest.mark.model
def test_actor_conventions_special_counsel_title_later_mentions(analysed):
    text = (
        "Special Counsel Robert Mueller questioned the aide on Monday. "
        "On Friday the special counsel interviewed a lobbyist."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert [a.code for a in doc.actors if "ounsel" in a.text] == ["USAGOV", "USAGOV"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "code", "speaker"),
    [
        # a singular group noun with a name in apposition: the named person acts and speaks
        (
            "Another man, Peter Novak, accused the governor of lying about the budget.",
            "accused",
            "CVL",
            "Peter Novak",
        ),
        (
            "One protester, Ali Khan, urged the police to release the students.",
            "urged",
            "PRO",
            "Ali Khan",
        ),
        # a plural group stays the group
        (
            "Protesters, mostly students, urged the police to leave the square.",
            "urged",
            "PRO",
            "Protesters",
        ),
    ],
)
def test_actor_conventions_group_noun_named_in_apposition(text, trigger, code, speaker):
    event = _event(text, trigger)
    assert event.source is not None and event.source.code == code
    assert _speaker(event) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # "the people of <country>" are that country's, beside an actor of another country
        ("Donald Trump insulted the people of Puerto Rico on Friday.", "insulted", "PRICVL"),
        (
            "The Turkish minister criticized the government of Syria on Tuesday.",
            "criticized",
            "SYRGOV",
        ),
        ("Russian officials met residents of Kabul on Monday.", "met", "AFGCVL"),
        # a list of countries names no one country
        ("The French envoy praised the people of Syria, Iraq and Lebanon.", "praised", "CVL"),
    ],
)
def test_actor_conventions_group_of_a_country(text, trigger, target):
    event = _event(text, trigger)
    assert event.target is not None and event.target.code == target


@pytest.mark.model
def test_actor_conventions_an_outlet_lends_no_country():
    text = (
        "Senator Jane Roe told Reuters on Monday that Congress would pass the bill. The senator "
        "told Reuters she was urging her fellow lawmakers to reject the bill."
    )
    event = _event(text, "urging")
    assert event.target is not None and event.target.code == "USALEG"
    doc_military = _event(
        "A spokesman told Reuters the military would withdraw from the border area.", "withdraw"
    )
    assert doc_military.source is not None and doc_military.source.code == "MIL"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # a candidate's campaign is his party's side (the gold guide: candidate Trump USAPTY)
        ("the Trump campaign", "USAPTY"),
        ("the Macron campaign", "FRAPTY"),
        ("the military campaign", "MIL"),  # a military campaign stays the military's
    ],
)
def test_actor_conventions_campaigns(phrase, code):
    found = actors.lookup(phrase, on=D2017)
    assert found is not None and found.code == code


def test_actor_conventions_a_campaign_alone_is_no_actor():
    assert actors.lookup("a bombing campaign", on=D2017) is None
    assert actors.lookup("the campaign", on=D2017) is None


@pytest.mark.model
def test_actor_conventions_campaign_as_a_side():
    event = _event(
        "Investigators are examining whether the Macron campaign colluded with Russia.", "colluded"
    )
    assert event.source is not None and event.source.code == "FRAPTY"
