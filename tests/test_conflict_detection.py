"""Conflict events that used to be dropped: doers sitmap cannot code, agentless conflict nouns,
and the ACLED sub-event triggers (property destruction, disrupted weapons use, territory).
Sentences written for the tests."""

from __future__ import annotations

import pytest

from sitmap import conflict, pipeline
from sitmap.evaluate.acled import acled_actor1, acled_inter, acled_sub_event
from sitmap.model import Document, Sentence


def _coded(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    """(PLOVER type, source code, ACLED sub-event type, ACLED source type) per conflict event."""
    doc = pipeline.extract(text, source="Wire")
    return [
        (
            e.plover,
            e.source.code if e.source else None,
            acled_sub_event(e),
            acled_inter(e.source, e) if e.source else None,
        )
        for e in doc.events
        if e.plover in {"ASSAULT", "COERCE", "PROTEST"}
    ]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # a doer named in words sitmap cannot code is an unidentified armed group, not dropped
        ("Three party supporters attack a rival activist in Thrissur on Monday.", "Attack"),
        ("Armed assailants have kidnapped a shopkeeper and his son in Toliara.",
         "Abduction/forced disappearance"),
        ("Two Kamajor fighters raided a road construction camp near the village.", "Attack"),
        # (a named armed movement, "two Maoists", is a rebel group: test_mobs.py)
    ],
)  # fmt: skip
def test_conflict_uncoded_doer_is_an_unidentified_armed_group(text, sub_event):
    coded = _coded(text)
    assert coded, text
    plover, code, sub, inter = coded[0]
    assert plover == "ASSAULT" and code is not None and code.endswith("UAF")
    assert sub == sub_event and inter == 3


def test_conflict_unidentified_doer_takes_the_country_of_the_place():
    coded = _coded("Masked men abducted a village chief in Kidal, Mali, on Sunday.")
    assert [c[1] for c in coded] == ["MLIUAF"]


@pytest.mark.parametrize(
    "text",
    [
        "This tax is killing small businesses, the owner said.",  # a thing as doer
        "He will not stop fighting for the farmers of the valley.",  # a personal pronoun
        "Critics said the remarks could have gotten him assassinated.",  # not told as done
        "Such kidnappings are rare in the region, officials said.",  # a bare noun
        "The kidnapping took place shortly after dawn.",  # an act told before
    ],
)
def test_conflict_uncoded_doer_rule_leaves_figures_of_speech(text):
    assert _coded(text) == []


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # a conflict noun told as something that happened, its doers unnamed
        ("A kidnapping took place near the market of Gao on Friday.",
         "Abduction/forced disappearance"),
        ("Clashes broke out between rival traders in the main market of Zinder.", "Armed clash"),
        ("A brawl between migrants broke out at a camp outside the city.", "Mob violence"),
    ],
)  # fmt: skip
def test_conflict_agentless_conflict_nouns_are_events(text, sub_event):
    coded = _coded(text)
    assert coded and coded[0][2] == sub_event, coded
    assert coded[0][1] is not None


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("Soldiers defused a roadside bomb near the bridge on Monday.", "Disrupted weapons use"),
        ("Militants ransacked a health centre in the village and stole medicine.",
         "Looting/property destruction"),
        # a crowd's destruction is a riot (ACLED keeps looting/property destruction for others)
        ("Rioters set the district office on fire after the vote.", "Violent demonstration"),
        ("Insurgents took control of the town of Diffa on Thursday.",
         "Non-violent transfer of territory"),  # no fight told
        ("Insurgents attacked Diffa and took control of the town on Thursday.",
         "Non-state actor overtakes territory"),
        ("The army regained control of the town after two days.", "Government regains territory"),
        ("Hundreds of nurses staged a march to the ministry on Tuesday.", "Peaceful protest"),
    ],
)  # fmt: skip
def test_conflict_sub_event_triggers(text, sub_event):
    assert sub_event in {c[2] for c in _coded(text)}, _coded(text)


def test_conflict_month_march_is_no_protest():
    assert _coded("On 4 March, the minister opened a new school in the capital.") == []


def _sentences(text: str) -> Document:
    """A document split at ". " with no events: what the parse left of a terse report."""
    doc = Document(text=text)
    start = 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + 1
        doc.sentences.append(Sentence(index=i, start=start, end=end, text=text[start:end]))
        start = end + 1
    return doc


@pytest.mark.parametrize(
    ("text", "deaths", "mode"),
    [
        ("Grenade thrown into crowded market; six killed", 6, "grenade"),
        ("Night raid on the village of Wuro. Twelve herders shot dead", 12, None),
    ],
)
def test_conflict_deaths_told_without_a_doer_are_an_assault(text, deaths, mode):
    doc = conflict.code(_sentences(text))
    assert [(e.plover, e.source.code, e.fatalities, e.mode) for e in doc.events] == [
        ("ASSAULT", "UAF", deaths, mode)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Four passengers were killed in a bus crash near the border on Sunday.",
        "The roof of the school collapsed. Two pupils were killed",
        "Nobody was killed in the village.",
    ],
)
def test_conflict_deaths_that_are_no_violence_add_no_assault(text):
    assert conflict.code(_sentences(text)).events == []


def test_conflict_deaths_after_a_told_assault_are_its_own():
    doc = pipeline.extract("Gunmen stormed a hotel in the capital. Twelve guests were shot dead.")
    assert sorted(e.fatalities or 0 for e in doc.events) == [0, 12]  # once, on one event


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # coordinated passives share their agent and subject (and, one act told by two
        # verbs, become one event: events.restatements)
        ("Nine strikers were shot and killed by police outside the mine.",
         [("COP", "LAB")]),
        ("Two farmers were beaten and killed by soldiers near the well.",
         [("MIL", "CVL")]),
    ],
)  # fmt: skip
def test_conflict_coordinated_passives_share_their_agent(text, pairs):
    doc = pipeline.extract(text, source="Wire")
    got = [
        (e.source.code[-3:] if e.source and e.source.code else None,
         e.target.code[-3:] if e.target and e.target.code else None)
        for e in doc.events
        if e.plover == "ASSAULT"
    ]  # fmt: skip
    assert got == pairs


@pytest.mark.parametrize(
    ("source", "country", "inter"),
    [
        (("RUSMLTWAG", "militia", "RUS"), "ML", 8),  # a foreign militia (mercenaries): external
        (("MLIMLT", "militia", "MLI"), "ML", 3),  # a militia at home: political militia
        (("RUSMLTWAG", "militia", "RUS"), "RU", 3),
        (("FRAMIL", "military", "FRA"), "ML", 8),  # foreign state forces, as before
    ],
)
def test_conflict_foreign_militia_is_an_external_force(source, country, inter):
    from sitmap.export import acled_inter as export_inter

    code, sector, home = source
    row = {"plover": "ASSAULT", "cameo": "18", "trigger": "attacked", "country": country,
           "source_code": code, "source_sector": sector, "source_country": home,
           "target_code": "CVL", "target_sector": "civilians", "target_country": None}  # fmt: skip
    assert export_inter(row, "source") == inter


def test_conflict_headline_passive_subject_undergoes_the_act():
    doc = pipeline.extract("Three soldiers killed in ambush near the border town", source="W")
    [event] = [e for e in doc.events if e.plover == "ASSAULT"]
    assert event.target is not None and event.target.sector == "military"
    assert event.source is not None and event.source.sector == "unidentified"
    assert event.fatalities == 3


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed in a road accident near Nakuru on Monday.",
        "Three villagers were killed in a flood in Assam on Monday.",
        "Two miners were killed when a tunnel collapsed in Katanga on Monday.",
    ],
)
def test_conflict_a_death_in_an_accident_is_no_assault(text):
    # a passive killing names no killer; when the sentence tells an accident or a disaster,
    # it is not an unidentified group's assault
    assert _coded(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a named doer keeps the event, whatever else the sentence tells
        "Gunmen killed five people near Nakuru on Monday, a day after a road accident closed "
        "the highway.",
        # no accident told: the passive killing stays an assault by an unidentified group
        "Five soldiers were killed in an ambush near Nakuru on Monday.",
    ],
)
def test_conflict_killings_beside_an_accident_or_without_one_stay_assaults(text):
    assert [c[0] for c in _coded(text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Three hundred suspects were arrested in Mombasa after the attack on the church.",
        "Some 40 students were detained overnight in Kisumu.",
        "A journalist was jailed in Nairobi for his reporting.",
    ],
)
def test_conflict_agentless_arrest_is_the_state_not_an_armed_group(text):
    from sitmap.evaluate.acled import acled_actor1

    doc = pipeline.extract(text, source="Wire")
    arrests = [e for e in doc.events if acled_sub_event(e) == "Arrests"]
    assert arrests, text
    assert all(e.source is None for e in arrests)  # GUIDE: a passive with no agent is null
    assert {acled_actor1(e)[2:] for e in arrests} == {(1, "KEN")}  # ACLED: Police Forces of Kenya


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Two aid workers were detained by rebels near Bunia.", "CODREB"),  # a named doer
        ("Police arrested six students in Kisumu.", "KENCOP"),
    ],
)
def test_conflict_arrest_with_a_named_doer_keeps_it(text, code):
    doc = pipeline.extract(text, source="Wire")
    assert [e.source.code for e in doc.events if e.plover == "COERCE"] == [code]


@pytest.mark.parametrize(
    ("text", "sexual"),
    [
        ("Militiamen beat two farmers and paraded them naked through the market in Bunia.", True),
        ("A group of men attacked a woman and stripped her in a street in Lilongwe.", True),
        ("Soldiers forced the detainees to undress before beating them in Gao.", True),
        ("Rioters attacked the governor, who was stripped of his powers, in Ibadan.", False),
    ],
)
def test_conflict_forced_nudity_is_sexual_violence(text, sexual):
    subs = {s for _, _, s, _ in _coded(text)}
    assert ("Sexual violence" in subs) is sexual, (text, subs)


@pytest.mark.parametrize(
    ("text", "plover", "sub_event"),
    [
        # "set X ablaze/alight/afire": a person burned is an assault, a thing destroyed ...
        ("A teenager was set ablaze by a gang in Patna on Sunday night.", "ASSAULT", "Attack"),
        ("Militiamen set two farmers alight after a quarrel in Ituri.", "ASSAULT", "Attack"),
        ("Attackers set the village school ablaze in Kidal on Tuesday.", "COERCE",
         "Looting/property destruction"),
        # ... and a crowd's burning is a violent demonstration
        ("Angry traders set the tax office afire in Bamenda.", "COERCE",
         "Violent demonstration"),
    ],
)  # fmt: skip
def test_conflict_set_ablaze_is_an_event(text, plover, sub_event):
    assert any(c[0] == plover and c[2] == sub_event for c in _coded(text)), _coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The government set a new deadline for the talks in Harare.",
        "The fire was set off by a faulty cable in a Lagos market.",
        "Herders set up camp near the river outside Gao.",
    ],
)
def test_conflict_set_without_burning_is_no_event(text):
    assert _coded(text) == []


def _subs(text: str) -> list[str | None]:
    return [acled_sub_event(e) for e in pipeline.extract(text, source="Wire").events]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 June, a police patrol discovered an IED buried under the road near Kaya.",
        "Soldiers uncovered an arms cache in a forest outside Beni on Tuesday.",
        "Customs officers intercepted 40 rifles hidden in a lorry at the Busia border post.",
        "The army neutralised two landmines on the road to Djibo.",
    ],
)
def test_conflict_weapons_found_before_use_are_disrupted_weapons_use(text):
    """Weapons found, seized in transit or neutralised before they are used: ACLED's
    disrupted weapons use."""
    assert "Disrupted weapons use" in _subs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Archaeologists discovered a Roman coin near the river.",
        "Police discovered the body of a trader in a ditch outside Kisumu.",
        "The ruling party overtook the opposition in the latest poll.",
    ],
)
def test_conflict_discoveries_and_overtaking_of_no_weapon_or_place_are_no_events(text):
    subs = _subs(text)
    assert "Disrupted weapons use" not in subs
    assert "Non-state actor overtakes territory" not in subs


def test_conflict_rebels_overtaking_territory_in_a_clash():
    subs = _subs("Rebels clashed with soldiers near Bria, overtaking the town after an hour.")
    assert "Non-state actor overtakes territory" in subs


def test_conflict_security_personnel_are_state_forces():
    doc = pipeline.extract(
        "Security personnel beat two traders at a market in Kasese.", source="Wire"
    )
    assert any(e.source is not None and e.source.sector == "military" for e in doc.events)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # where a weapon was made says nothing of whose forces use it or whom they hit
        ("Police seized Chinese-made rifles at a checkpoint in Kano on Tuesday.", "NGA"),
        ("Rebels fired Russian-made rockets into Zlitan, killing four residents.", "LBY"),
        ("Two Russian-made attack helicopters were used to bomb rebels near Abeche.", "TCD"),
        ("Soldiers raided a Houthi camp in Marib and seized Iranian-supplied rifles.", "YEM"),
    ],
)
def test_conflict_made_in_a_country_lends_no_country(text, country):
    doc = pipeline.extract(text, source="Wire")
    sides = [a for e in doc.events for a in (e.source, e.target) if a is not None]
    assert sides and {a.country for a in sides if a.country} == {country}, text


@pytest.mark.parametrize(
    ("text", "sub_event", "first"),
    [
        # a fight with a crowd is a riot whoever fought it, the crowd first (ACLED "Riots")
        ("Clashes between police and rioters at a mosque in Semere left eight people dead.",
         "Mob violence", 5),
        ("Police clashed with protesters in Nairobi on Tuesday.", "Violent demonstration", 5),
        # force used on protesters who fought nobody stays excessive force (a Protests event)
        ("Police shot dead two protesters in Nairobi on Tuesday.",
         "Excessive force against protesters", 6),
        # killings in a sentence that speaks of clashes are no fight of their own
        ("Soldiers killed three protesters during clashes in Samawa on Sunday.",
         "Excessive force against protesters", 6),
    ],
)  # fmt: skip
def test_conflict_fights_with_crowds_are_riots(text, sub_event, first):
    doc = pipeline.extract(text, source="Wire")
    coded = [(acled_sub_event(e), acled_actor1(e)[2]) for e in doc.events if e.plover == "ASSAULT"]
    assert (sub_event, first) in coded, coded


@pytest.mark.parametrize(
    "text",
    [
        "Two suicide bombers blew themselves up at a market in Maiduguri, killing 12 people.",
        "A suicide bomber blew himself up at a market in Maiduguri, killing 12 people.",
    ],
)
def test_conflict_suicide_bombers_one_or_several_are_a_suicide_bombing(text):
    assert "Suicide bomb" in {c[2] for c in _coded(text)}, _coded(text)


@pytest.mark.parametrize(
    ("text", "plover", "sub_event"),
    [
        # a curfew imposed, declared or prolonged is coercion (CAMEO 1723)
        ("The governor extended the curfew in the northern region by three months.",
         "COERCE", "Change to group/activity"),
        ("The army imposed a curfew on Maiduguri after the attack.",
         "COERCE", "Change to group/activity"),
        # bombs dropped are an air attack; a grenade dropped by a drone a grenade attack
        ("A military helicopter dropped two bombs on a mining site near Bambari on Monday.",
         "ASSAULT", "Air/drone strike"),
        ("Mercenaries dropped a grenade by drone on houses in Tabankort.", "ASSAULT", "Grenade"),
        # an armed group's base set up
        ("Russian mercenaries established a base in Hombori last week.",
         "MOBILIZE", "Headquarters or base established"),
    ],
)  # fmt: skip
def test_conflict_curfews_dropped_bombs_and_bases_are_events(text, plover, sub_event):
    doc = pipeline.extract(text, source="Wire")
    found = {(e.plover, acled_sub_event(e)) for e in doc.events}
    assert (plover, sub_event) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The company dropped its plans and extended the deadline for bids.",
        "The ministry established a committee and dropped the charges against the editor.",
        "The council imposed a fine on the firm for late filings.",
    ],
)
def test_conflict_drop_extend_establish_without_their_objects_are_no_conflict(text):
    doc = pipeline.extract(text, source="Wire")
    assert not [e for e in doc.events if e.plover in ("ASSAULT", "COERCE", "MOBILIZE")]


def test_conflict_and_or_between_groups_reads_both_groups():
    doc = pipeline.extract(
        "On July 8, suspected JNIM and/or ISGS militants seized control of a mining site "
        "near Mansila.",
        source="Wire",
    )
    sources = {e.source.code for e in doc.events if e.plover == "ASSAULT" and e.source}
    assert sources and sources <= {"IMGINSJNM", "IMGINSISI"}, sources
