"""ACLED's first actor (export.acled_actors, evaluate.acled.acled_actor1): in a Protests or Riots
event the crowd is actor1 and the force that met it actor2 (ACLED Codebook 2023). Sentences
written for the tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.evaluate.acled import acled_actor1, acled_sub_event
from sitmap.export import acled_actors


def _row(**kw):
    row = {
        "plover": "COERCE",
        "cameo": "17",
        "mode": "intervention",
        "trigger": "dispersed",
        "country": "KE",
        "source_code": "KENCOP",
        "source_sector": "police",
        "source_country": "KEN",
        "source_name": "police",
        "target_code": None,
        "target_sector": None,
        "target_country": None,
        "target_name": None,
    }
    return {**row, **kw}


def test_export_acled_actors_unnamed_crowd_of_a_dispersal_is_actor1():
    first, second = acled_actors(_row())
    assert first == ("Protesters (Kenya)", 6, "KEN")
    assert second == ("police", 1, "KEN")


def test_export_acled_actors_crowd_target_is_actor1():
    first, second = acled_actors(
        _row(
            target_code="KENEDU",
            target_sector="education",
            target_country="KEN",
            target_name="students",
        )
    )
    assert first == ("students", 6, "KEN") and second[1] == 1


def test_export_acled_actors_other_events_keep_source_first():
    shelled = _row(plover="ASSAULT", cameo="19", mode="artillery", trigger="shelled")
    assert acled_actors(shelled)[0] == ("police", 1, "KEN")
    protest = _row(
        plover="PROTEST",
        cameo="14",
        mode=None,
        trigger="marched",
        source_code="KENPRO",
        source_sector="protesters",
        source_name="protesters",
    )
    assert acled_actors(protest)[0] == ("protesters", 6, "KEN")


def test_export_acled_actors_crowd_with_no_country_takes_the_events():
    # a crowd is coded with the country it gathers in (sitmap.mobs' rioters carry none)
    mob = _row(
        plover="ASSAULT",
        cameo="18",
        mode=None,
        trigger="attacked",
        source_code="RIO",
        source_sector="rioters",
        source_country=None,
        source_name="Squatters",
    )
    assert acled_actors(mob)[0] == ("Squatters (Kenya)", 5, "KEN")
    assert acled_actors({**mob, "country": None})[0] == ("Squatters", 5, None)


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Security forces broke up a demonstration by farmers in Lahore, arresting twelve.",
            "Protest with intervention",
        ),
        (
            "Riot police beat students who were protesting against tuition fees in Bogota.",
            "Excessive force against protesters",
        ),
        (
            "Police in Harare dispersed opposition supporters who had gathered outside the "
            "court on Saturday.",
            "Protest with intervention",
        ),
    ],
)
def test_acled_actor1_of_a_protest_met_by_force_is_the_crowd(text, sub_event):
    doc = pipeline.extract(text, source="Wire")
    met = [e for e in doc.events if acled_sub_event(e) == sub_event]
    assert met, text
    assert {acled_actor1(e)[2] for e in met} == {6}


def test_acled_actor1_of_shelling_is_the_doer():
    doc = pipeline.extract("Soldiers shelled rebel positions near Goma on Friday.", source="Wire")
    assert [acled_actor1(e)[1:3] for e in doc.events] == [("CODMIL", 1)]


@pytest.mark.parametrize(
    ("text", "sub_event", "inter"),
    [
        # civilians are never ACLED's actor1 of violence: an unidentified armed group (3) ...
        ("Two men raped a schoolgirl in Gitega on Sunday.", "Sexual violence", 3),
        ("Unknown people kidnapped a court clerk in Kharkiv on Monday.",
         "Abduction/forced disappearance", 3),
        # ... or, as a crowd, rioters (5); a peaceful crowd stays protesters (6)
        ("Villagers attacked a suspected thief in Kisumu.", "Mob violence", 5),
        ("Students demonstrated against fees in Kisumu.", "Peaceful protest", 6),
    ],
)  # fmt: skip
def test_export_acled_civilian_doer_of_violence_is_no_civilian(text, sub_event, inter):
    doc = pipeline.extract(text, source="Wire")
    firsts = {(acled_sub_event(e), acled_actor1(e)[2]) for e in doc.events}
    assert (sub_event, inter) in firsts, firsts


@pytest.mark.parametrize(
    ("text", "sub_event", "inter"),
    [
        # one person, or people named only as men or women, is no mob: an attack by an
        # unidentified armed group (ACLED Codebook 2023, "Riots" and "Actor types") ...
        ("A man stabbed a shopkeeper outside a bakery in Mombasa on Monday.", "Attack", 3),
        ("Two women threw acid at a teacher in Lahore.", "Attack", 3),
        ("Three men beat a bus driver to death in Accra after a dispute over fares.", "Attack", 3),
        ("A woman shot a security guard at a bank in Lima.", "Attack", 3),
        # ... and their assault on an armed side is an armed clash
        ("Four men attacked a police station at Loropeni on Sunday.", "Armed clash", 3),
        # ... while residents, villagers or a mob are rioters
        ("Residents beat a suspected thief to death in Kisumu.", "Mob violence", 5),
        # community members are a mob, not an identity militia
        ("Two suspected thieves were fatally assaulted by community members in Nairobi.",
         "Mob violence", 5),
        ("A group of villagers attacked a tax collector near Gulu.", "Mob violence", 5),
        ("A mob lynched a man accused of theft in Dhaka.", "Mob violence", 5),
    ],
)  # fmt: skip
def test_export_acled_violence_of_individuals_is_an_attack_not_mob_violence(text, sub_event, inter):
    doc = pipeline.extract(text, source="Wire")
    firsts = {(acled_sub_event(e), acled_actor1(e)[2]) for e in doc.events}
    assert (sub_event, inter) in firsts, firsts


def test_export_acled_unnamed_doer_of_an_explosion_is_an_unidentified_armed_group():
    # ACLED Codebook 2023, "Actor types": an explosion or abduction whose doer no sentence names
    # is an unidentified armed group's; an arrest with none stays the police's
    blast = _row(
        plover="ASSAULT", cameo="18", mode="explosives", trigger="hit", source_code=None,
        source_sector=None, source_country=None, source_name=None, target_code="KENMIL",
        target_sector="military", target_country="KEN", target_name="convoy",
    )  # fmt: skip
    assert acled_actors(blast)[0] == ("Unidentified Armed Group (Kenya)", 3, "KEN")
    abducted = {**blast, "mode": "abduct", "trigger": "abducted", "country": None}
    assert acled_actors(abducted)[0] == ("Unidentified Armed Group", 3, None)
    arrest = {**blast, "plover": "COERCE", "cameo": "17", "mode": None, "trigger": "arrested"}
    assert acled_actors(arrest)[0] == ("Police Forces of Kenya", 1, "KEN")
    doc = pipeline.extract(
        "A military convoy was hit by a roadside bomb near Gao on Friday.", source="Wire"
    )
    assert ("Unidentified Armed Group (Mali)", 3, "MLI") in {
        (n, i, c) for n, _, i, c in map(acled_actor1, doc.events)
    }


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # force on protesters (mode excessive) is excessive force even when they are the
        # target of the dispersal; without it, a dispersal is a protest with intervention
        ("Soldiers violently dispersed protesters outside the parliament in Conakry.",
         "Excessive force against protesters"),
        ("Riot police dispersed demonstrators with live ammunition in Khartoum, killing two.",
         "Excessive force against protesters"),
        ("Police dispersed protesters outside the court in Lusaka on Monday.",
         "Protest with intervention"),
    ],
)  # fmt: skip
def test_export_acled_excessive_dispersal_of_protesters_is_excessive_force(text, sub_event):
    doc = pipeline.extract(text, source="Wire")
    subs = {acled_sub_event(e) for e in doc.events if e.plover == "COERCE"}
    assert subs == {sub_event}, subs


@pytest.mark.parametrize(
    ("text", "inter", "country"),
    [
        # a country as the doer is its state (ACLED Codebook 2023, "State forces"); abroad,
        # an external force
        ("Niger charged two opposition leaders with plotting a coup on Tuesday.", 1, "NER"),
        ("Ghana agreed with Togo to reopen the border on Monday.", 1, "GHA"),
        ("Turkey shelled Kurdish positions near Kobani in northern Syria.", 8, "TUR"),
        # near miss: a country-only victim leaves the doer first
        ("A Kenyan was abducted by gunmen in Mogadishu.", 3, "SOM"),
    ],
)
def test_export_acled_a_country_as_doer_is_its_state(text, inter, country):
    doc = pipeline.extract(text, source="Wire")
    firsts = {(i, c) for _, _, i, c in map(acled_actor1, doc.events)}
    assert (inter, country) in firsts, firsts


def test_export_acled_inter_of_a_country_code_alone():
    row = _row(plover="ASSAULT", cameo="19", mode="artillery", trigger="shelled")
    niger = {"source_code": "NER", "source_sector": None, "source_country": "NER"}
    assert acled_actors({**row, **niger, "country": "NE"})[0][1] == 1
    assert acled_actors({**row, **niger, "country": "ML"})[0][1] == 8
    assert acled_actors({**row, **niger, "source_code": None})[0][1] is None


def test_export_acled_actors_take_the_country_of_the_events_place():
    # "gunmen ambushed a park chief in Surat Thani": an actor the report gives no country is of
    # the country it acts in, and the name the export writes says so
    ambush = _row(
        plover="ASSAULT",
        cameo="18",
        mode=None,
        trigger="ambushed",
        country="TH",
        source_code="UAF",
        source_sector="militia",
        source_country=None,
        source_name="gunmen",
        target_code="GOV",
        target_sector="government",
        target_country=None,
        target_name="park chief",
    )
    first, second = acled_actors(ambush)
    assert first == ("gunmen (Thailand)", 3, "THA")
    assert second == ("park chief (Thailand)", 1, "THA")
    # an actor the text gives a country keeps it (a foreign militia: external, 8); an event
    # with no place adds none
    assert acled_actors({**ambush, "source_country": "MYS"})[0] == ("gunmen", 8, "MYS")
    assert acled_actors({**ambush, "country": None})[0] == ("gunmen", 3, None)


def test_export_acled_protesters_are_of_the_country_they_gather_in():
    # "residents of Kisumu demonstrated against sanctions on Russia": the actors stage gave the
    # crowd the country its sentence names; ACLED codes protesters where they protest
    protest = _row(
        plover="PROTEST",
        cameo="14",
        mode="demonstrate",
        trigger="demonstrated",
        source_code="RUSPRO",
        source_sector="protesters",
        source_country="RUS",
        source_name="residents",
    )
    assert acled_actors(protest)[0] == ("residents (Kenya)", 6, "KEN")
    # the country is matched as a word, and a crowd's name loses the other country it carried
    niger = {**protest, "country": "NE"}
    assert acled_actors({**niger, "source_name": "Nigerian traders"})[0] == (
        "Nigerian traders (Niger)",
        6,
        "NER",
    )
    assert acled_actors({**niger, "source_name": "Protesters (Nigeria)", "source_country": "NGA"})[
        0
    ] == ("Protesters (Niger)", 6, "NER")
    assert acled_actors({**niger, "source_name": "Niger traders", "source_country": None})[0] == (
        "Niger traders",
        6,
        "NER",
    )
    # a police force of another country stays that country's (ACLED type 8, external forces)
    police = {**protest, "source_code": "UGACOP", "source_sector": "police"}
    assert acled_actors(
        {
            **police,
            "plover": "ASSAULT",
            "cameo": "18",
            "mode": None,
            "source_country": "UGA",
            "source_name": "Ugandan police",
        }
    )[0] == ("Ugandan police", 8, "UGA")


def test_export_acled_actor_with_no_name_takes_the_country_but_no_name():
    # "gunmen attacked in Surat Thani" with a target known only by its sector: the side takes the
    # country of the event's place, and its name stays empty, not " (Thailand)"
    attack = _row(
        plover="ASSAULT",
        cameo="18",
        mode=None,
        trigger="attacked",
        country="TH",
        source_code="UAF",
        source_sector="militia",
        source_country=None,
        source_name="gunmen",
        target_code=None,
        target_sector="civilians",
        target_country=None,
        target_name=None,
        target_text=None,
    )
    first, second = acled_actors(attack)
    assert first == ("gunmen (Thailand)", 3, "THA")
    assert second == ("", 7, "THA")
