"""People the article describes: a named person with no lexicon entry coded from an apposition
or description anywhere in the document, every mention of him sharing the code."""

from __future__ import annotations

from datetime import date

import pytest

from sitmap import actors, pipeline
from sitmap.actors.compose import _Ctx, _full_names
from sitmap.actors.lexicon import _lexicon
from sitmap.actors.people import describe
from sitmap.actors.scan import _doc_tokens

D2017 = date(2017, 11, 20)


def _codes(doc, word):
    return [a.code for a in doc.actors if word in a.text]


@pytest.mark.model
def test_people_apposition_anywhere_codes_every_mention(analysed):
    # the description comes at the second mention; the first and the third take it too
    text = (
        "Maria Keller met the minister on Monday. Keller, a veteran Labour strategist, later "
        "denied it. British officials said Keller broke no rule."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Keller") == ["GBRPTY", "GBRPTY", "GBRPTY"]
    assert {a.name for a in doc.actors if "Keller" in a.text} == {"Maria Keller"}


@pytest.mark.model
def test_people_description_before_the_name(analysed):
    text = (
        "The top Republican on the Senate Armed Services Committee, John Harlan, criticized "
        "the plan. Harlan said the Pentagon erred."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Harlan") == ["USALEG", "USALEG"]


@pytest.mark.model
def test_people_head_of_a_body_takes_its_code(analysed):
    doc = actors.code(
        analysed("Anna Berg, who heads Sweden's foreign ministry, met the envoy.", published=D2017)
    )
    assert _codes(doc, "Anna Berg") == ["SWEGOV"]
    doc = actors.code(
        analysed(
            "Tomas Lind, director of the Swedish army, visited Riga. Lind praised the troops.",
            published=D2017,
        )
    )
    assert _codes(doc, "Lind") == ["SWEMIL", "SWEMIL"]


@pytest.mark.model
def test_people_party_member_and_family_descriptions(analysed):
    text = (
        "Carla Dunn, who was a Democratic staffer, was found dead in Ohio. Ben Ruiz, the father "
        "of one of the students, accused Mexican police of lying."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Carla Dunn") == ["USAPTY"]
    # a private person takes the country the article is about (the students, the police: MEX)
    assert _codes(doc, "Ben Ruiz") == ["MEXCVL"]


@pytest.mark.model
def test_people_no_description_no_code(analysed):
    # an age, a place or a list is no description; with no fallback the name stays uncoded
    text = "Kenji Mori, 45, was arrested in Osaka on Monday. Japanese police said Mori hid cash."
    doc = actors.code(analysed(text, published=D2017))
    assert set(_codes(doc, "Mori")) == {None}


@pytest.mark.model
def test_people_civilian_fallback_is_the_documents_country(analysed):
    text = "Kenji Mori, 45, was arrested in Osaka on Monday. Japanese police said Mori hid cash."
    parsed = analysed(text, published=D2017)
    doc = actors.code(parsed)
    toks = _doc_tokens(parsed._spacy)
    ctx = _Ctx(toks=toks, lex=_lexicon(), on=D2017, dated=True, text=text, seen=set(),
               learned={}, persons={}, tagged=True)  # fmt: skip
    ctx.named = _full_names(toks)
    coded = describe(doc.actors, ctx, fallback=True)
    mori = [a for a in coded if "Mori" in a.text]
    assert [a.code for a in mori] == ["JPNCVL", "JPNCVL"]
    assert all(a.role is None and a.score <= 0.3 for a in mori)  # no role made up


@pytest.mark.model
def test_people_described_person_brings_the_event():
    # "Manafort"-like: a business partner named only by title, then by surname
    text = (
        "OSLO (Reuters) - Norwegian prosecutors charged shipping magnate Erik Dahl and his "
        "business partner Lars Holm on Monday. Dahl, a longtime Conservative fundraiser, and "
        "Holm pleaded not guilty."
    )
    doc = pipeline.extract(text, published="2017-11-21", source="Reuters")
    pleas = [e for e in doc.events if e.plover == "REJECT"]
    assert {e.source.name for e in pleas} >= {"Lars Holm"}
    assert {e.source.code for e in pleas if e.source.name == "Lars Holm"} == {"NORBUS"}


@pytest.mark.model
def test_people_a_title_alone_is_the_one_person_named_with_it(analysed):
    text = (
        "SEOUL (Reuters) - A South Korean judge on Tuesday rejected the appeal. Seoul Central "
        "District Court Judge Kim Min-soo said the evidence was sufficient."
    )
    doc = actors.code(analysed(text, published=D2017))
    judge = next(a for a in doc.actors if a.text.endswith("judge"))
    assert (judge.name, judge.code) == ("Kim Min-soo", "KORJUD")
    # an unnamed official is not the official the story names; two judges: no one
    text = (
        "A Kenyan official said the vote was fair. Government official Peter Otieno disagreed. "
        "A judge rejected the case. Judge Mary Wanjiru and Judge John Kamau dissented."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert [a.name for a in doc.actors if a.text in ("Kenyan official", "judge")] == [None, None]


@pytest.mark.parametrize(
    ("name", "on", "code", "role"),
    [
        ("Donald Trump", date(2016, 8, 1), "USAPTY", "presidential candidate"),
        ("Donald Trump", date(2016, 12, 1), "USAGOV", "President-elect"),
        ("Donald Trump", date(2017, 8, 1), "USAGOV", "President"),
        ("Hillary Clinton", date(2011, 3, 1), "USAGOV", "Secretary of State"),
        ("Hillary Clinton", date(2017, 11, 1), "USAPTY", "former presidential candidate"),
    ],
)
def test_people_campaigns_are_terms(name, on, code, role):
    found = actors.lookup(name, on=on)
    assert found is not None and (found.code, found.role) == (code, role)


@pytest.mark.model
def test_people_head_of_a_body_named_after_it_and_party_before_a_name(analysed):
    text = (
        "Norway's foreign ministry, a department headed by Ingrid Solheim, protested on Monday. "
        "Solheim said the talks had failed. Republican Jane Roe criticized the bill. Roe "
        "said it would fail."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Solheim") == ["NORGOV", "NORGOV"]
    assert _codes(doc, "Roe") == ["USAPTY", "USAPTY"]
    # "led by" far from any body, across a sentence: nothing
    text = "The talks ended. Delegations led by Ingrid Solheim left Oslo."
    doc = actors.code(analysed(text, published=D2017))
    assert set(_codes(doc, "Solheim")) <= {None}


@pytest.mark.model
def test_people_a_state_or_province_lends_its_country(analysed):
    text = (
        "Ontario Premier Kathleen Wynne rejected the plan on Monday. Later, Wynne met the mayor. "
        "Ohio police arrested two men. The Texas Republican Attorney General objected."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Wynne") == ["CANGOV", "CANGOV"]
    assert _codes(doc, "police") == ["USACOP"]
    assert _codes(doc, "Attorney General") == ["USAGOV"]  # a state cabinet officer
    # scraped pages lose apostrophes: "Manitoba s premier"
    doc = actors.code(analysed("Manitoba s premier criticized the plan.", published=D2017))
    assert _codes(doc, "premier") == ["CANGOV"]
    # a state that is also a country is no state here: Georgia's police are Georgia's
    doc = actors.code(analysed("Georgia police arrested two men.", published=D2017))
    assert _codes(doc, "police") == ["GEOCOP"]


@pytest.mark.model
def test_people_a_state_named_after_a_country_is_the_state(analysed):
    # "New Jersey", "New Mexico", "New South Wales" end in a country's name: the state's
    # office, not Jersey's, Mexico's or Wales's
    text = (
        "New Mexico Governor Susana Martinez met the mayor on Monday. New South Wales police "
        "arrested two men."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Governor Susana Martinez") == ["USAGOV"]
    assert _codes(doc, "police") == ["AUSCOP"]
    assert actors.lookup("New Jersey", on=D2017) is None
    # near miss: the country itself keeps its code
    assert actors.lookup("Mexican Foreign Minister Luis Videgaray", on=D2017).code == "MEXGOV"


@pytest.mark.model
def test_people_title_with_its_office_name_before_a_name(analysed):
    text = "Kenya's Minister of Foreign Affairs Amina Mohamed met the envoy."
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Amina Mohamed") == ["KENGOV"]
    # a lower-case office and a clause between: not her title
    text = "The minister of the interior said that Amina Mohamed left."
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Amina Mohamed") == [None]


@pytest.mark.model
def test_people_description_head_is_before_of(analysed):
    # "a neighbour of the senator" is a private person, not a senator
    text = (
        "Australian police said Ian Pratt, a neighbour of the senator, assaulted Senator Mary "
        "Dunn at her home in Perth. Pratt was charged on Monday."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert set(_codes(doc, "Pratt")) == {"AUSCVL"}


@pytest.mark.model
def test_people_kind_of_person_noun_before_the_name(analysed):
    # a kind of person (a lobbyist: BUS) written right before the name, in lower case
    text = (
        "Canadian officials said on Monday that lobbyist Helen Marsh had criticised the "
        "Canadian government's climate plan. Ottawa rejected her findings."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert set(_codes(doc, "Helen Marsh")) == {"CANBUS"}


@pytest.mark.model
def test_people_apposition_ends_at_its_relative_clause(analysed):
    # no comma within reach: the apposition ends where "who ..." begins
    text = (
        "The senator was accused by Rita Vance, a television reporter who in 2009 travelled "
        "with him on a tour of bases in the Gulf for American troops deployed overseas. "
        "U.S. lawmakers said Vance should testify."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert set(_codes(doc, "Vance")) == {"USAMED"}


@pytest.mark.model
def test_people_title_after_a_bodys_name_codes_the_person_as_the_body(analysed):
    # a title, after at most two modifiers, between a coded body and a name: the body's agent
    text = (
        "Interior Department spokeswoman Dana Whitfield criticized the ruling on Friday. "
        "White House legislative director Mark Ellison met senators. State Department "
        "Counsel Ruth Adler resigned. Whitfield said the department would appeal."
    )
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Whitfield") == ["USAGOV", "USAGOV"]
    assert _codes(doc, "Mark Ellison") == ["USAGOV"]
    assert _codes(doc, "Ruth Adler") == ["USAGOV"]
    # a verb between the body and the title: the name is no title of the body
    text = "The White House said Tuesday director Mark Ellison had left the agency."
    doc = actors.code(analysed(text, published=D2017))
    assert _codes(doc, "Mark Ellison") == [None]
