"""actors: former holders of a state office are their government's (eval/GUIDE.md: former
officials xxxGOV); a title naming an agency takes the agency's country, not the sentence's."""

from __future__ import annotations

import datetime

import pytest

from sitmap import actors

ON = datetime.date(2019, 6, 3)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("former CIA Director John Brennan", "USAGOV"),  # an agency's office, once held
        ("ex-FBI Director James Comey", "USAGOV"),  # a holder out of office (data/office_holders)
        ("former Mossad chief Tamir Pardo", "ISRGOV"),
        ("CIA Director Gina Haspel", "USASPY"),  # in office: the agency's own sector
    ],
)
def test_former_official_is_government(text, code):
    found = actors.lookup(text, on=ON)
    assert found is not None and found.code == code, found


def test_former_holder_role_says_former():
    found = actors.lookup("former CIA Director John Brennan", on=ON)
    assert found is not None and found.role and found.role.startswith("former"), found


def test_former_company_officer_gets_no_government_code():
    found = actors.lookup("former Gazprom chief executive Alexei Miller", on=ON)
    assert found is None or not (found.code or "").endswith("GOV"), found


@pytest.mark.model
def test_agency_title_keeps_agency_country():
    from sitmap import pipeline

    doc = pipeline.extract(
        "CIA Director Gina Haspel criticized Iran on Monday.", published="2019-06-03"
    )
    sides = [e.source.code for e in doc.events if e.source is not None]
    assert sides == ["USASPY"], [(e.trigger, e.source) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        # campaign staff hold a party term; after the campaign they stay its (eval/GUIDE.md:
        # former officials xxxPTY when acting for a campaign)
        ("Paul Manafort", datetime.date(2016, 6, 1), "USAPTY"),
        ("Paul Manafort", datetime.date(2017, 10, 30), "USAPTY"),
        ("Donald Trump Jr.", datetime.date(2017, 7, 11), "USAPTY"),
        # a later government post is the last office
        ("Jared Kushner", datetime.date(2016, 6, 9), "USAPTY"),
        ("Jared Kushner", datetime.date(2017, 11, 20), "USAGOV"),
        # a campaign adviser's name is no other office holder's ("Carter" is Ash Carter alone)
        ("Carter Page", datetime.date(2017, 11, 2), "USAPTY"),
    ],
)
def test_campaign_staff_are_their_party(text, on, code):
    found = actors.lookup(text, on=on)
    assert found is not None and found.code == code
