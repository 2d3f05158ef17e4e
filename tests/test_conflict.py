"""Report-level conflict coding (sitmap.conflict): what happened to a protest, fights between
communities, and the ACLED types the export writes for them. Sentences written for the tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.evaluate.acled import acled_inter, acled_sub_event


def _coded(text: str) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    """(PLOVER type, mode, source sector, ACLED sub-event type, ACLED source type) per event."""
    doc = pipeline.extract(text, source="Wire")
    return [
        (
            e.plover,
            e.mode,
            e.source.sector if e.source else None,
            acled_sub_event(e),
            acled_inter(e.source, e) if e.source else None,
        )
        for e in doc.events
        if e.plover in {"PROTEST", "ASSAULT", "COERCE"}
    ]


@pytest.mark.parametrize(
    ("text", "mode", "sub_event"),
    [
        (
            "Hundreds of teachers marched in the capital on Monday to demand higher pay.",
            None,
            "Peaceful protest",
        ),
        (
            "Students protested outside the ministry on Tuesday. Police fired tear gas to "
            "disperse them.",
            "intervention",
            "Protest with intervention",
        ),
        (
            "Traders staged a protest at the market over new taxes. Soldiers opened fire on "
            "the crowd, killing two.",
            "excessive",
            "Excessive force against protesters",
        ),
        (
            # armed men who injure protesters: excessive force, whoever they are
            "About 300 residents staged a protest against the election in the town. "
            "Unidentified gunmen opened fire, injuring nine.",
            "excessive",
            "Excessive force against protesters",
        ),
        (
            "Hundreds of residents protested in the town over water shortages, burning tyres "
            "and throwing stones at the governor's office.",
            "violent",
            "Violent demonstration",
        ),
    ],
)
def test_conflict_protest_mode_from_what_happened_to_it(text, mode, sub_event):
    protests = [c for c in _coded(text) if c[0] == "PROTEST"]
    assert protests, text
    assert protests[0][1] == mode
    assert protests[0][3] == sub_event


def test_conflict_protest_source_is_exported_as_protesters_or_rioters():
    # people of any civil sector who demonstrate are ACLED protesters; turned violent, rioters
    (calm,) = [c for c in _coded("Nurses demonstrated outside the hospital on Friday.")]
    assert calm[2] == "health" and calm[4] == 6
    riot = _coded("Angry residents rioted and looted shops in the town after the election.")
    assert any(c[0] == "PROTEST" and c[3] == "Violent demonstration" and c[4] == 5 for c in riot)


@pytest.mark.parametrize(
    "text",
    [
        "Farmers and herders clashed over grazing land near the village on Sunday.",
        "Two people were killed during clashes between herders and farmers in the district.",
        "A group of Fulani gunmen attacked a farming village at night.",
        "Suspected Pokot militia raided a village and stole cattle.",
    ],
)
def test_conflict_communal_fighters_are_identity_militias(text):
    coded = _coded(text)
    assert any(c[0] == "ASSAULT" and c[2] == "communal" and c[4] == 4 for c in coded), coded


def test_conflict_fights_of_crowds_and_armies():
    # a fight between armed forces is an armed clash; students fighting is mob violence
    assert ("ASSAULT", "clash", "military", "Armed clash", 1) in _coded(
        "Soldiers fought rebels near the border town for two days."
    )
    students = _coded("Students from the two unions fought each other with sticks at the campus.")
    assert any(c[3] == "Mob violence" for c in students)
    # an assault in a sentence about a fight is part of it; a plain killing is not
    assert any(c[1] == "clash" for c in _coded("Three soldiers were killed in the fighting."))
    assert not any(c[1] == "clash" for c in _coded("Gunmen killed a trader in his shop."))


def test_conflict_plain_civilian_victims_are_not_recoded():
    coded = _coded("Gunmen shot dead two farmers on their way to the market.")
    assert coded and all(c[2] != "communal" for c in coded)
    assert coded[0][3] == "Attack" and coded[0][4] == 3


def test_conflict_a_community_attacked_stays_civilians():
    coded = _coded("Soldiers attacked Fulani villagers near the market, killing four.")
    assert coded and coded[0][2] == "military"
    doc = pipeline.extract("Soldiers attacked Fulani villagers near the market, killing four.")
    assert doc.events[0].target is not None and doc.events[0].target.sector == "civilians"


@pytest.mark.parametrize(
    ("text", "sides", "sub_event"),
    [
        # a fight noun with "between X and Y" is one event between the two sides, also where
        # it hangs off a casualty verb
        (
            "Three dead and two injured in clashes between farmers and herders.",
            ("MLT", "MLT"),
            "Armed clash",
        ),
        (
            "Two people died in fighting between soldiers and rebels near the border.",
            ("MIL", "REB"),
            "Armed clash",
        ),
        # thrown weapons
        (
            "Unknown assailants hurled two hand grenades at police officers on patrol.",
            ("UAF", "COP"),
            "Grenade",
        ),
        ("Youths threw stones at a police patrol in the town.", ("CVL", "COP"), "Mob violence"),
    ],
)
def test_events_fights_between_sides_and_thrown_weapons(text, sides, sub_event):
    doc = pipeline.extract(text, source="Wire")
    found = [
        ((e.source.code if e.source else None, e.target.code if e.target else None),
         acled_sub_event(e))
        for e in doc.events
        if e.plover == "ASSAULT"
    ]  # fmt: skip
    assert found == [(sides, sub_event)]


def test_events_throwing_support_is_not_an_assault():
    doc = pipeline.extract("Russia threw its weight behind the Syrian government.", source="W")
    assert [e.plover for e in doc.events] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "A civilian was wounded by the explosion of an IED near the village. The device "
            "was likely planted by JNIM militants.",
            "IMGINSJNM",
        ),
        (
            "Gunmen hurled explosives at the county government offices. The attackers are "
            "believed to be al Shabaab fighters.",
            "SOMINSSHB",
        ),
        # two groups named: the report holds neither responsible
        (
            "Gunmen killed two traders in the market. Al Shabaab and the Islamic State both "
            "operate in the area, police said.",
            None,
        ),
        # a group named without being held responsible
        ("Gunmen killed two traders in the market. Al Shabaab operates in the area.", None),
        # two groups of one kind held responsible as alternatives: that kind of group
        (
            "A farmer was killed when his cart struck a landmine near Djibo. The device was "
            "likely planted by JNIM or ISGS militants.",
            "BFAINS",
        ),
        (
            "An IED exploded under a bus near Ouahigouya, wounding six. Islamic State and JNIM "
            "fighters are suspected.",
            "BFAINS",
        ),
        # a group told as the victim is not a second candidate beside the one that claims
        (
            "Three Hezbollah fighters were killed when a roadside bomb exploded near the "
            "border. The Islamic State claimed responsibility.",
            "IMGINSISI",
        ),
        (
            "Two Boko Haram commanders were killed when an explosive device hit their "
            "truck near Monguno. ISWAP later claimed the attack.",
            "IMGINSISI",
        ),
        # a bare sector word beside the named group is the same doer, not a second one
        (
            "Four soldiers were wounded when their vehicle struck a mine near Gao. The device "
            "was probably planted by Islamic State militants.",
            "IMGINSISI",
        ),
        # near miss: the group is only the victim, the state claims the strike
        (
            "Boko Haram fighters were killed by a bomb near Maiduguri; the army claimed "
            "responsibility.",
            None,
        ),
    ],
)
def test_conflict_unnamed_doer_is_the_group_the_report_holds_responsible(text, doer):
    doc = pipeline.extract(text, source="Wire")
    violent = [e for e in doc.events if e.plover == "ASSAULT"]
    assert violent
    codes = {e.source.code if e.source else None for e in violent}
    if doer is None:
        assert all(c is None or c.endswith("UAF") for c in codes), codes
    else:
        assert codes == {doer}


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "A car bomb set off by Al Shabaab militants tore through a hotel in Mogadishu, "
            "killing twelve guests.",
            "SOMINSSHB",
        ),
        (
            "A hand grenade thrown by Taliban militants exploded in the crowd, killing two people.",
            "AFGINSTAL",
        ),
        (
            "A roadside bomb planted by the Taliban hit a police van in Kandahar, killing "
            "three officers.",
            "AFGINSTAL",
        ),
        # the group is the victim, speaks, or fights the army in the sentence: no doer
        ("Two Houthi fighters were killed by a blast near the market in Taiz.", None),
        ("Houthi rebels said two of their fighters were killed in an air strike.", None),
        ("Five Boko Haram fighters died when a bomb exploded near their camp.", None),
        ("Soldiers clashed with Taliban militants near Kandahar; five killed.", None),
    ],
)
def test_conflict_unnamed_doer_is_the_armed_group_its_sentence_names(text, doer):
    doc = pipeline.extract(text, source="Wire")
    violent = [e for e in doc.events if e.plover == "ASSAULT" and e.trigger != "clashed"]
    assert violent
    codes = {e.source.code if e.source else None for e in violent}
    if doer is None:
        assert all(c is None or c.endswith("UAF") for c in codes), codes
    else:
        assert codes == {doer}


def test_conflict_sexual_violence_in_the_sentence_is_the_mode():
    coded = _coded("Soldiers abducted three women near the camp and raped one of them.")
    assert any(c[1] == "sexual" and c[3] == "Sexual violence" for c in coded), coded
    plain = _coded("Soldiers abducted three women near the camp on Sunday.")
    assert plain and all(c[1] == "abduct" for c in plain)


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # force on a crowd by anyone but the crowd (ACLED: excessive force against protesters)
        (
            "Gunmen opened fire on a rally of opposition supporters in the port city, wounding "
            "six people.",
            "Excessive force against protesters",
        ),
        (
            "Three people were injured when police fired rubber bullets during a march by "
            "pensioners in the capital.",
            "Excessive force against protesters",
        ),
        (
            "Riot police violently dispersed hundreds of nurses outside parliament with live "
            "ammunition.",
            "Excessive force against protesters",
        ),
        # a dispersal without force told near it is an intervention
        (
            "Police used tear gas to disperse traders who had gathered outside the town hall.",
            "Protest with intervention",
        ),
        # a crowd's own acts: destroying property is a violent demonstration, looting mob
        # violence, blocking a road a (peaceful) protest; none is a strategic development
        (
            "Angry residents torched a police post in the market town.",
            "Violent demonstration",
        ),
        ("Hundreds of villagers looted a warehouse of food aid near the camp.", "Mob violence"),
        (
            "Residents blocked the highway into the town for hours over power cuts.",
            "Peaceful protest",
        ),
        # an assault by a crowd on anyone is mob violence, not an attack
        (
            "A group of students beat a lecturer unconscious after the exam results came out.",
            "Mob violence",
        ),
        # people detained by an armed group are abducted; by the state, arrested
        (
            "The rebels detained twelve traders at a checkpoint on the main road.",
            "Abduction/forced disappearance",
        ),
        ("Police arrested twelve traders at a checkpoint on the main road.", "Arrests"),
    ],
)
def test_conflict_acled_sub_event_of_crowds_and_force(text, sub_event):
    coded = _coded(text)
    assert sub_event in {c[3] for c in coded}, coded


def test_conflict_no_excessive_force_without_a_crowd():
    # a date in March is no march; a military offensive in it stays a battle
    coded = _coded(
        "On 8 March, soldiers regained control of the town after an offensive against rebels."
    )
    assert coded and all(c[1] != "excessive" for c in coded), coded
    # a bomb at a rally is a bombing first (ACLED codes the weapon)
    bomb = _coded("A bomb exploded at an election rally in the market, killing four people.")
    assert any(c[3] == "Remote explosive/landmine/IED" for c in bomb), bomb
    # an armed group's dispersal of its own fighters is no protest
    fled = _coded("After the battle the rebels dispersed into the forest.")
    assert all(c[3] not in {"Protest with intervention", "Excessive force against protesters"}
               for c in fled), fled  # fmt: skip


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # territory taken after a fight is a change of territory first (ACLED codes the outcome)
        (
            "After heavy fighting with the rebels, the army retook the district capital.",
            "Government regains territory",
        ),
        (
            "Following clashes with soldiers, insurgents captured the garrison town on Friday.",
            "Non-state actor overtakes territory",
        ),
        # "riot police" and "nobody was injured" tell no violence of the crowd or on it
        (
            "Dock workers protested at the port on Monday. Riot police watched from a distance.",
            "Peaceful protest",
        ),
        (
            "Farmers demonstrated outside the ministry. Police dispersed them; no one was injured.",
            "Protest with intervention",
        ),
        # a protest over a killing is not force used on the protest
        (
            "Hundreds of students marched in the city to demand justice for a classmate who was "
            "killed by gunmen last week.",
            "Peaceful protest",
        ),
        # what protesters say is said at a protest
        ("Protesters demanded the resignation of the health minister.", "Peaceful protest"),
    ],
)
def test_conflict_acled_sub_event_outcomes_and_calm_words(text, sub_event):
    coded = _coded(text) + [
        (e.plover, e.mode, None, acled_sub_event(e), None)
        for e in pipeline.extract(text, source="Wire").events
        if e.plover in {"REQUEST", "ACCUSE", "REJECT"}
    ]
    subs = {c[3] for c in coded}
    assert sub_event in subs, coded
    if sub_event in {"Peaceful protest", "Protest with intervention"}:
        assert not subs & {"Violent demonstration", "Excessive force against protesters"}, coded


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # the agent of a passive, also of a verb coordinated with the trigger
        ("Four traders were abducted and one beaten by rebels on the road to the mine.", "rebels"),
        ("Five villagers were abducted and two tortured by soldiers in the hills.", "military"),
        ("Two girls were kidnapped and one raped by militiamen near the river.", "militia"),
    ],
)
def test_conflict_doer_of_a_passive_assault_is_its_agent(text, sector):
    doc = pipeline.extract(text, source="Wire")
    violent = [e for e in doc.events if e.plover == "ASSAULT"]
    assert violent and all(e.source is not None for e in violent), violent
    assert {e.source.sector for e in violent} == {sector}


def test_conflict_doer_of_a_passive_detention_is_its_agent():
    # ... and of a detention: by the police an arrest, by an armed group an abduction
    for doer, sub_event in (("policemen", "Arrests"), ("rebels", "Abduction/forced disappearance")):
        coded = _coded(f"Six students were detained and one assaulted by {doer} after the match.")
        assert sub_event in {c[3] for c in coded if c[0] == "COERCE"}, coded


def test_conflict_by_phrase_that_is_no_agent_names_no_doer():
    # "employed by the army" tells who employs the workers, not who attacked them
    doc = pipeline.extract("Unknown gunmen attacked workers employed by the army.", source="W")
    violent = [e for e in doc.events if e.plover == "ASSAULT"]
    assert violent and all(e.source is not None and e.source.sector == "unidentified"
                           for e in violent)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Hundreds of nurses marched in Accra on Monday over unpaid allowances. Police "
            "interrupted the march near parliament.",
            "Protest with intervention",
        ),
        (
            "Riot police were sent to suppress a protest by taxi drivers in Kampala.",
            "Protest with intervention",
        ),
        (
            "Farmers protested outside the governor's office in Kaduna. Police intervention "
            "ended the rally after an hour.",
            "Protest with intervention",
        ),
        (
            "Students demonstrated in Dakar against fee rises; six of them were taken into "
            "custody.",
            "Protest with intervention",
        ),
        # near miss: the same verb with no police, soldiers or agents named
        (
            "Nurses protested in Lusaka over pay. The minister interrupted his speech to meet "
            "them.",
            "Peaceful protest",
        ),
    ],
)
def test_conflict_protest_stopped_by_security_forces_is_an_intervention(text, sub_event):
    protests = [c for c in _coded(text) if c[0] == "PROTEST"]
    assert protests, text
    assert protests[0][3] == sub_event


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "A suicide bomber blew himself up at a checkpoint in Mogadishu, killing five soldiers.",
            "Suicide bomb",
        ),
        (
            "A suspected militant suicide bomber detonated himself outside a mosque in "
            "Maiduguri, killing three worshippers.",
            "Suicide bomb",
        ),
        (
            "A hand grenade exploded in a market in Bujumbura, wounding eleven traders.",
            "Grenade",
        ),
        # near misses: an explosive that is no suicide bomb or grenade, no weapon told
        (
            "A roadside bomb killed four soldiers near Kidal on Tuesday.",
            "Remote explosive/landmine/IED",
        ),
        ("Militia fighters killed a trader in Bunia on Monday.", "Attack"),
    ],
)
def test_conflict_most_specific_weapon_of_the_sentence(text, sub_event):
    assaults = [c for c in _coded(text) if c[0] == "ASSAULT"]
    assert assaults, text
    assert {c[3] for c in assaults} == {sub_event}


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Security agents detained the blogger in Tashkent on Friday; his whereabouts "
            "remain unknown.",
            "Abduction/forced disappearance",
        ),
        (
            "Police arrested a trade unionist in Harare on Monday. He has not been seen since.",
            "Abduction/forced disappearance",
        ),
        (
            "Four journalists disappeared in Kidal last month. Their families believe the "
            "journalists were detained by the army.",
            "Abduction/forced disappearance",
        ),
        # someone else's disappearance, or none told: a plain arrest
        ("Police arrested two men over the disappearance of a schoolgirl in Lagos.", "Arrests"),
        ("Police arrested two men after a boy disappeared in Kano.", "Arrests"),
        ("Police arrested three suspects in Nairobi.", "Arrests"),
    ],
)
def test_conflict_arrest_with_the_person_hidden_is_a_forced_disappearance(text, sub_event):
    doc = pipeline.extract(text, source="Wire")
    arrests = [e for e in doc.events if e.plover == "COERCE"]
    assert arrests
    assert {acled_sub_event(e) for e in arrests} == {sub_event}


@pytest.mark.parametrize(
    ("text", "sector", "country"),
    [
        # a named armed group's home country is not the country of the forces it fights
        (
            "Al Shabaab fighters raided a village near Mandera. Two police officers were "
            "killed in the attack.",
            "police",
            "KEN",
        ),
        ("Security forces killed four members of al Shabaab in a forest on Tuesday.",
         "military", None),
        (
            "Boko Haram militants stormed a market in Diffa. Soldiers later repelled the "
            "attackers.",
            "military",
            None,
        ),
        # near misses: a country word on the group, or on the forces themselves, still counts
        ("Syrian rebels shelled a town. The army responded with air strikes.", "military", "SYR"),
        ("Kenyan police killed two al Shabaab fighters near Garissa.", "police", "KEN"),
    ],
)  # fmt: skip
def test_conflict_forces_do_not_take_the_country_of_the_group_they_fight(text, sector, country):
    doc = pipeline.extract(text, source="Wire")
    coded = [a for a in doc.actors if a.sector == sector]
    coded += [s for e in doc.events for s in (e.source, e.target) if s and s.sector == sector]
    assert coded
    if country is None:
        assert {a.country for a in coded} == {None}
    else:
        assert country in {a.country for a in coded}
        assert not {a.country for a in coded} - {country, None}


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # a takeover told alone is a non-violent transfer of territory (ACLED Codebook 2023) ...
        (
            "On 2 May, insurgents took control of the village of Nassougou and raised a black "
            "banner over the school.",
            "Non-violent transfer of territory",
        ),
        # ... one won by an assault its sentence, or a sentence just before, tells is a
        # non-state actor overtaking territory
        (
            "On January 28, militants attacked the army base in Nassoumbou, overran the base "
            "and killed four soldiers.",
            "Non-state actor overtakes territory",
        ),
        (
            "Rebels attacked the town of Bunia on Monday. The rebels seized the town after the "
            "army withdrew.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_conflict_takeover_won_in_a_fight_or_without_one(text, sub_event):
    assert sub_event in {c[3] for c in _coded(text)}


def test_conflict_armed_group_crushing_a_protest_with_force_is_excessive_force():
    # an armed group's coercion of a protest with lethal force near it (ACLED Codebook 2023,
    # "Excessive force against protesters"), not only the state's
    text = (
        "Rebels suppressed a demonstration by prisoners in the central prison on Monday. The "
        "rebels used live ammunition to quell the demonstration."
    )
    protests = [c for c in _coded(text) if c[0] == "PROTEST"]
    assert protests and protests[0][1] == "excessive"
    assert protests[0][3] == "Excessive force against protesters"


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # deaths told only with a weapon or a wound of war, no event parsed: an unidentified
        # group's assault of that weapon
        ("Three people died when a mortar shell hit their house in Gao.",
         "Shelling/artillery/missile attack"),
        ("Two soldiers died of gunshot wounds in the camp hospital on Tuesday.", "Attack"),
    ],
)  # fmt: skip
def test_conflict_deaths_told_with_a_weapon_are_an_assault(text, sub_event):
    assert [(c[0], c[3]) for c in _coded(text)] == [("ASSAULT", sub_event)]


@pytest.mark.parametrize(
    "text",
    [
        "Four people died when their bus overturned on the highway near Kano.",
        "The former minister died in hospital on Tuesday after a long illness.",
        "Two miners died when a gallery collapsed after an explosion at the gold mine.",
        "The senator was found dead in a probable suicide from a single gunshot wound near "
        "the city, the coroner said.",
    ],
)
def test_conflict_deaths_without_a_weapon_are_no_assault(text):
    assert _coded(text) == []


def test_conflict_an_attack_whose_target_fires_back_is_a_clash():
    text = (
        "Gunmen stopped a police car near Limuru and started firing at the officers. The "
        "police fired back and killed two of the attackers."
    )
    assert "Armed clash" in [c[3] for c in _coded(text)]
    text = "Gunmen opened fire on a police patrol near the market, and the officers returned fire."
    assert [c[3] for c in _coded(text)] == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # a killing told as mob justice is a mob's, its doer a community or nobody named
        ('A suspected thief was caught and killed in Maroantsetra as a part of "public '
         'justice" by communal militia members.', "Mob violence"),
        ("A suspected thief was lynched in the market in an act of mob justice.",
         "Mob violence"),
        # near miss: armed men named as the doers stay an armed group
        ("Police said the killing was no case of mob justice but an attack by gunmen.",
         "Attack"),
    ],
)  # fmt: skip
def test_conflict_mob_justice_is_mob_violence(text, sub_event):
    coded = [c[3] for c in _coded(text)]
    assert sub_event in coded
    assert sub_event == "Mob violence" or "Mob violence" not in coded


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # sexual violence told as done in the next sentence, which holds no event of its own
        ("A tourist couple was attacked by unidentified armed men at their hotel in Tangalle. "
         "One was reported killed and the other injured and raped.", "Sexual violence"),
        # near misses: the crime named, not told as done; a next sentence with its own event
        ("Gunmen attacked a village near Gao on Sunday. Rape is widespread in the region.",
         "Attack"),
        ("Gunmen attacked a village near Gao on Sunday. Rights groups said women were raped "
         "and called for an inquiry.", "Attack"),
    ],
)  # fmt: skip
def test_conflict_sexual_violence_told_in_the_next_sentence(text, sub_event):
    assert [c[3] for c in _coded(text) if c[0] == "ASSAULT"][:1] == [sub_event]
