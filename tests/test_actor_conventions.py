"""Actor codes that follow the gold guide's conventions on text written for these tests: cabinet
members are their government's, a special counsel is a government official, a candidate is his
party's during the campaign, a possessor lends its country across adjectives ("Japan's top
diplomat") and a legislature's committees named by their remit are the legislature."""

from __future__ import annotations

from datetime import date

import pytest

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
