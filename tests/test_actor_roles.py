"""People and bodies coded by what the text says they are: trades and campaign roles, owners of
firms, descriptions in apposition, and agents coded by the principal they act for."""

from __future__ import annotations

from datetime import date

import pytest

from sitmap import actors, pipeline

D2017 = date(2017, 11, 20)


@pytest.mark.parametrize(
    ("phrase", "code", "name"),
    [
        ("Russian lawyer Olga Petrova", "RUSBUS", "Olga Petrova"),
        ("Democratic National Committee staffer Jane Doe", "USAPTY", "Jane Doe"),
        ("Trump campaign chairman John Roe", "USAPTY", "John Roe"),
        ("U.S. Senate candidate John Roe", "USAPTY", "John Roe"),
        ("a Chinese-owned bank", "CHNBUS", "Chinese business"),
        ("a Russian-controlled company", "RUSBUS", "Russian business"),
        ("Fox News hosts", "USAMED", None),
    ],
)
def test_actor_roles_trades_campaigns_and_owned_firms(phrase, code, name):
    found = actors.lookup(phrase, on=D2017)
    assert found is not None and (found.code, found.name) == (code, name)


def test_actor_roles_backers_still_lend_no_country():
    # a patron backs armed groups without owning them; only firms and outlets are owned
    assert actors.lookup("Iranian-backed militias", on=D2017).code == "MLT"
    assert actors.lookup("a host country", on=D2017) is None  # "host" needs a name


@pytest.mark.model
def test_actor_roles_apposition_codes_a_name_and_its_later_mentions(analysed):
    text = (
        "Lawyers for Norland Energy Corp, a Russian-owned company, filed the motion on Monday. "
        "In a letter, Norland asked the court to help. Mark Ellison, a lobbyist, backed the "
        "firm. Ellison met senators."
    )
    doc = actors.code(analysed(text, published=D2017))
    coded = {(a.text, a.code) for a in doc.actors}
    assert {("Norland Energy Corp", "RUSBUS"), ("Norland", "RUSBUS")} <= coded
    assert ("Mark Ellison", "BUS") in {(a.text, a.code and a.code[-3:]) for a in doc.actors}
    assert [a.code[-3:] for a in doc.actors if a.text == "Ellison"] == ["BUS"]


@pytest.mark.model
def test_actor_roles_title_before_a_name_in_apposition(analysed):
    text = "Senators wrote to the IAEA's director, Karl Brenner. Brenner rejected their request."
    doc = actors.code(analysed(text, published=D2017))
    assert [a.code for a in doc.actors if "Brenner" in a.text] == ["IGOIAE", "IGOIAE"]


@pytest.mark.model
def test_actor_roles_a_namesake_is_not_the_titled_person(analysed):
    text = "Senate candidate Roy Danton spoke on Monday. His wife Mary Danton defended him."
    doc = actors.code(analysed(text, published=D2017))
    assert [a.name for a in doc.actors if "Danton" in a.text] == ["Roy Danton", "Mary Danton"]


@pytest.mark.model
def test_actor_roles_agent_is_coded_as_its_principal():
    text = (
        "Lawyers for Norland Energy Corp, a Russian-owned company, on Tuesday accused U.S. "
        "prosecutors of hiding evidence."
    )
    doc = pipeline.extract(text, published="2017-11-21", source="Reuters")
    accuse = next(e for e in doc.events if e.plover == "ACCUSE")
    assert (accuse.source.code, accuse.target.code) == ("RUSBUS", "USAJUD")
    # "officials from Iran" stay the state's officials, not the state
    doc = pipeline.extract("Officials from Iran on Monday rejected the accusations.")
    assert doc.events[0].source.code == "IRNGOV"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # a cabinet's chief law officer is a minister (GOV), not a court; a prosecutor is JUD
        ("Kenya's Attorney General", "KENGOV"),
        ("former Indian Attorney General Ravi Menon", "INDGOV"),
        ("Kenyan public prosecutor", "KENJUD"),
    ],
)
def test_actor_roles_an_attorney_general_is_a_minister(phrase, code):
    found = actors.lookup(phrase, on=D2017)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # a country's leader is its head of state or government (eval/GUIDE.md: GOV)
        ("the U.S. leader", "USAGOV"),
        ("Chinese leaders", "CHNGOV"),
        # a sector or body before the title keeps its own
        ("the Syrian opposition leader", "SYROPP"),
        ("American business leaders", "USABUS"),
    ],
)
def test_actor_roles_a_countrys_leader_is_its_government(phrase, code):
    found = actors.lookup(phrase, on=D2017)
    assert found is not None and found.code == code


def test_actor_roles_a_leader_of_no_country_is_nobody():
    assert actors.lookup("world leaders", on=D2017) is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("American cops", "USACOP"), ("the cops", "COP"), ("Mexican state troopers", "MEXCOP")],
)
def test_actor_roles_informal_words_for_police(phrase, code):
    found = actors.lookup(phrase, on=D2017)
    assert found is not None and found.code == code
