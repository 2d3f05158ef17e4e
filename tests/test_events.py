"""events: predicates from the parse → PLOVER/CAMEO, source/target actors, mode."""

from __future__ import annotations

import pytest

from sitmap import actors, events

pytestmark = pytest.mark.model


def _events(analysed, text, published="2017-11-06"):
    doc = analysed(text, published=published, source="Reuters")
    actors.code(doc)
    events.extract(doc)
    return doc.events


def _codes(event):
    return (
        event.plover,
        event.source.code if event.source else None,
        event.target.code if event.target else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice, aerial mode from the predicate
        (
            "Saudi-led coalition warplanes bombed Houthi positions in Sanaa on Monday.",
            ("ASSAULT", "IGOMILSAC", "YEMREBHTH"),
        ),
        # passive: the by-agent is the source
        (
            "Iraqi forces were attacked by Islamic State militants near Mosul on Tuesday.",
            ("ASSAULT", "IMGINSISI", "IRQMIL"),
        ),
        # xcomp: the subject of "were beginning" is the source of "encircle"
        (
            "Reuters first reported on Monday that the Syrian Arab Army and its allies were "
            "beginning to encircle ISIS in Deir ez-Zor.",
            ("ASSAULT", "SYRMIL", "IMGINSISI"),
        ),
        # preposition-bound predicate: "met with"
        (
            "Tillerson met with Chinese Foreign Minister Wang Yi in Beijing on Saturday.",
            ("CONSULT", "USAGOV", "CHNGOV"),
        ),
        # object-bound predicate: "imposed sanctions on" is one SANCTION event
        (
            "The United States imposed sanctions on Venezuela's President Nicolas Maduro.",
            ("SANCTION", "USA", "VENGOV"),
        ),
        # an event noun as object: the target is the attack's agent
        (
            "The White House on Wednesday condemned missile attacks by Yemen's Houthi militias "
            "on Saudi Arabia.",
            ("ACCUSE", "USAGOV", "YEMREBHTH"),
        ),
        (
            "Police arrested 20 protesters in Moscow on Saturday.",
            ("COERCE", "RUSCOP", "RUSPRO"),  # the protesters' country, the story's one country
        ),
    ],
)
def test_events_roles_and_types(analysed, text, expected):
    found = [_codes(e) for e in _events(analysed, text)]
    assert expected in found


def test_events_coordination_gives_one_event_per_actor(analysed):
    found = {_codes(e) for e in _events(analysed, "Russia and Iran support the Syrian government.")}
    assert {("SUPPORT", "RUS", "SYRGOV"), ("SUPPORT", "IRN", "SYRGOV")} <= found


def test_events_nominal_with_two_actor_modifiers(analysed):
    text = "The likelihood of a full-blown U.S.-Russian proxy war continues to increase."
    assert ("ASSAULT", "USA", "RUS") in [_codes(e) for e in _events(analysed, text)]


def test_events_evidence_spans_point_into_the_text(analysed):
    text = "Police arrested 20 protesters in Moscow on Saturday."
    doc = analysed(text, published="2017-11-06")
    actors.code(doc)
    events.extract(doc)
    event = doc.events[0]
    assert doc.text[event.trigger_start : event.trigger_end] == "arrested"
    assert "Police arrested 20 protesters" in doc.text[event.start : event.end]
    assert event.evidence == text and event.sentence == 0 and event.cameo == "17"


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian war has lasted six years.",  # a war named, no sides: no event
        "Shares in the company rose 3 percent on Monday.",
        "The attack took place shortly before midnight.",  # no actor at all
    ],
)
def test_events_none_without_actors_or_sides(analysed, text):
    assert _events(analysed, text) == []


def test_events_labour_strike_is_a_protest(analysed):
    found = [
        _codes(e)[0] for e in _events(analysed, "The strike by teachers entered its second week.")
    ]
    assert found == ["PROTEST"]


def test_events_mode_from_the_clause(analysed):
    text = "Russian warplanes struck Islamic State fighters near Deir ez-Zor."
    (event,) = [e for e in _events(analysed, text) if e.plover == "ASSAULT"]
    assert event.mode == "aerial"


def test_events_parse_filter_skips_sentences_without_predicates(spacy_nlp):
    doc = spacy_nlp("Shares rose 3 percent. Police arrested 20 protesters.")
    sents = list(doc.sents)
    assert not events.may_hold_event(sents[0])
    assert events.may_hold_event(sents[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one lemma, several senses: "call on" is a REQUEST, "call with" would be CONSULT
        (
            "The United Nations on Tuesday called on Ethiopia to allow aid into Tigray.",
            ("REQUEST", "IGOUNO", "ETH"),
        ),
        # speech-act verbs are events of their own
        ("Myanmar's government denied the accusations on Monday.", ("REJECT", "MMRGOV", None)),
        ("Turkey admonished Germany for hosting the rally.", ("ACCUSE", "TUR", "DEU")),
        # a verdict in a complement clause: the judge is the source, the judged the target
        (
            "The Kremlin said on Sunday that the United States was to blame for the collapse of "
            "the talks.",
            ("ACCUSE", "RUSGOV", "USA"),
        ),
        (
            "Iran said Saudi Arabia was responsible for the attack on the embassy.",
            ("ACCUSE", "IRN", "SAU"),
        ),
        # symmetric events between coordinated actors are one event between the two sides
        (
            "Vladimir Putin and Recep Tayyip Erdogan met in Sochi on Monday.",
            ("CONSULT", "RUSGOV", "TURGOV"),
        ),
        # a capital as object stands for its government
        ("China urged Pyongyang to halt its missile tests.", ("REQUEST", "CHN", "PRKGOV")),
        # object-bound senses: closing ports, sending troops
        (
            "The Saudi-led coalition closed all ports to Yemen on Monday.",
            ("COERCE", "IGOMILSAC", None),
        ),
        ("Russia sent troops to the border with Ukraine.", ("MOBILIZE", "RUS", None)),
    ],
)
def test_events_speech_acts_senses_and_sides(analysed, text, expected):
    found = [_codes(e) for e in _events(analysed, text)]
    assert expected in found, found


def test_events_verdict_needs_a_judge(analysed):
    """ "X was to blame" in the outlet's own voice names no accuser: no verdict event."""
    found = [_codes(e) for e in _events(analysed, "The United States was to blame, he wrote.")]
    assert ("ACCUSE", None, "USA") not in found
    assert all(e[0] != "ACCUSE" or e[1] != "USA" for e in found)  # never the judged as source


def test_events_evaluation_of_an_actor_in_a_said_clause(analysed):
    """ "X said Y is a liar / a terrific guy": X accuses or praises Y; said of a thing, of an
    unnamed suspect or negated, no event."""
    cases = [
        ("China said on Monday that the United States is a bully.", ("ACCUSE", "CHN", "USA")),
        ("“The Russian president is a liar,” Ukraine said.", ("ACCUSE", "UKR", "RUSGOV")),
        (
            "Pakistan said the Chinese president is a terrific leader.",
            ("SUPPORT", "PAK", "CHNGOV"),
        ),
    ]
    for text, expected in cases:
        found = [_codes(e) for e in _events(analysed, text)]
        assert expected in found, (text, found)
    for text in (
        "Duke said it was “a tremendous honor” to serve at DHS.",
        "Police said the attacker was a terrorist.",
        "Merkel said Trump is not a liar.",
    ):
        found = [_codes(e) for e in _events(analysed, text)]
        assert all(e[0] not in {"ACCUSE", "SUPPORT"} for e in found), (text, found)


def test_events_pronoun_takes_the_governing_subject(analysed):
    text = "President Joe Biden warned Russia that he was ready to impose sanctions on Moscow."
    found = [_codes(e) for e in _events(analysed, text, published="2022-02-10")]
    assert ("SANCTION", "USAGOV", "RUSGOV") in found


def test_events_pronoun_takes_the_previous_sentence_actor(analysed):
    text = (
        "The Saudi-led coalition closed the ports on Monday. "
        "It also intensified air strikes on Houthi positions."
    )
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("ASSAULT", "IGOMILSAC", "YEMREBHTH") in found


def test_events_pronoun_agreement_blocks_wrong_antecedent(analysed):
    """ "he" never refers to a country, "it" never to a person."""
    text = "Russia said he would attack the border posts."
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("ASSAULT", "RUS", None) not in found


def test_events_participant_of_a_meeting_phrase(analysed):
    text = "Rex Tillerson, on a visit to Myanmar last week, refused to label it ethnic cleansing."
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("CONSULT", "USAGOV", "MMR") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unnamed protesters: an implicit protester group of the country the place names
        ("Protests erupted in Harare after the vote.", ("PROTEST", "ZWEPRO", None)),
        # "anti-X" names the target; the target inherits the protesters' country
        (
            "Thousands joined anti-government protests in Tehran on Saturday.",
            ("PROTEST", "IRNPRO", "IRNGOV"),
        ),
        (
            "Hundreds of anti-American protesters marched to the embassy.",
            ("PROTEST", "PRO", "USA"),
        ),
    ],
)
def test_events_protests_with_unnamed_protesters(analysed, text, expected):
    found = [_codes(e) for e in _events(analysed, text)]
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sense bound to a preposition's object
        (
            "President Donald Trump and Russian President Vladimir Putin spoke on the phone on "
            "Tuesday.",
            ("CONSULT", "USAGOV", "RUSGOV"),
        ),
        ("Iran launched a missile at Riyadh on Saturday.", ("ASSAULT", "IRN", "SAUGOV")),
        ("North Korea launched a missile on Friday.", ("MOBILIZE", "PRK", None)),
    ],
)
def test_events_senses_bound_to_objects(analysed, text, expected):
    found = [_codes(e) for e in _events(analysed, text)]
    assert expected in found, found


def test_events_possessive_pronoun_is_the_verbs_subject(analysed):
    text = "Putin renewed his denial of the allegations during his meeting with Trump on Saturday."
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("REJECT", "RUSGOV", None) in found
    assert ("CONSULT", "RUSGOV", "USAGOV") in found


def test_events_conjunct_misattached_to_a_reported_clause(analysed):
    text = "Iran says its nuclear program is for peaceful purposes and denies it seeks a bomb."
    assert ("REJECT", "IRN", None) in [_codes(e) for e in _events(analysed, text)]


def test_events_conjunct_with_its_own_actor_subject_keeps_it(analysed):
    text = "Russia said the militants were in the city and attacked the base."
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("ASSAULT", "INS", None) in found and ("ASSAULT", "RUS", None) not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever claims responsibility for an event noun did it
        (
            "Islamic State claimed responsibility for the suicide attack in Kabul on Tuesday.",
            ("ASSAULT", "IMGINSISI", None),
        ),
        # "responsible for" the event
        (
            "Philippine President Rodrigo Duterte has been responsible for the killing of "
            "thousands of drug suspects.",
            ("ASSAULT", "PHLGOV", None),
        ),
        # the accused of "accused X of <event>", even when the parser hangs "of" on X
        (
            "Rights groups accused Myanmar's military of atrocities against the Rohingya.",
            ("ASSAULT", "MMRMIL", "MMRCVL"),
        ),
    ],
)
def test_events_noun_event_takes_whoever_is_held_responsible(analysed, text, expected):
    assert expected in [_codes(e) for e in _events(analysed, text)]


def test_events_noun_event_source_from_a_modifier_beside_its_target(analysed):
    text = "U.S. military operations against al-Qaeda in Yemen continued on Sunday."
    assert ("ASSAULT", "USAMIL", "IMGINSALQ") in [_codes(e) for e in _events(analysed, text)]


def test_events_passive_with_a_bound_object_keeps_its_target(analysed):
    text = "New sanctions will be imposed on North Korea, the Treasury said."
    assert ("SANCTION", None, "PRK") in [_codes(e) for e in _events(analysed, text)]


def test_events_capitalised_participle_tagged_as_a_name(analysed):
    text = "Visiting Seoul last week, U.S. President Donald Trump warned North Korea."
    found = {_codes(e): e.status for e in _events(analysed, text)}
    assert ("CONSULT", "USAGOV", "KOR") in found  # the capital visited is its state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada's Justin Trudeau raised concerns about Duterte's war on drugs.", "ACCUSE"),
        ("China and the United States boosted coordination on North Korea.", "COOPERATE"),
        ("Duterte sought closer ties with China and Russia.", "COOPERATE"),
        ("Russia threw its support behind the Syrian government.", "SUPPORT"),
        ("Philippine riot police used water cannon against anti-American protesters.", "COERCE"),
        # a critic is the source of the accusation its copula states
        ("President Obama was a sharp critic of Duterte.", "ACCUSE"),
    ],
)
def test_events_idioms_bound_to_their_object(analysed, text, expected):
    assert expected in [e.plover for e in _events(analysed, text)]


def test_events_named_agreement_is_no_event(analysed):
    text = "The United States remains committed to the Libyan Political Agreement, it said."
    assert "AGREE" not in [e.plover for e in _events(analysed, text)]
    text = "Libya's agreement with the United States took effect on Monday."
    assert ("AGREE", "LBY", "USA") in [_codes(e) for e in _events(analysed, text)]  # unnamed


def test_events_gerund_of_a_charge_takes_the_verbs_object(analysed):
    text = "Duterte cursed the U.S. government for raising concerns about Duterte's war on drugs."
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("ACCUSE", "USAGOV", "PHLGOV") in found, found
    text = "Washington accused Iran of arming the Houthis in Yemen."
    assert ("AID", "IRN", "YEMREBHTH") in [_codes(e) for e in _events(analysed, text)]


def test_events_object_standing_for_the_members_it_includes(analysed):
    text = "Trump called on every responsible nation including China and Russia to act."
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("REQUEST", "USAGOV", "CHN") in found and ("REQUEST", "USAGOV", "RUS") in found


def test_events_noun_target_hung_inside_the_agents_phrase(analysed):
    text = "The White House condemned missile attacks by Yemen's Houthi militias on Saudi Arabia."
    assert ("ASSAULT", "YEMREBHTH", "SAU") in [_codes(e) for e in _events(analysed, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia says there is no evidence that Damascus used chemical weapons.", "RUS"),
        ("The Pentagon has seen no evidence of Russian involvement.", "USAMIL"),
    ],
)
def test_events_finding_denied_with_no_is_a_rejection(analysed, text, expected):
    found = [_codes(e) for e in _events(analysed, text)]
    assert ("REJECT", expected, None) in found, found


def test_events_finding_of_evidence_is_no_rejection(analysed):
    text = "U.N. investigators found evidence that Syria used sarin in Khan Sheikhoun."
    assert "REJECT" not in [e.plover for e in _events(analysed, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a politician's attack on a person is verbal
        ("Philippine President Rodrigo Duterte attacked Canada's Justin Trudeau.", "ACCUSE"),
        # a leader's attack on a country is not
        ("Russian President Vladimir Putin attacked Ukraine.", "ASSAULT"),
        # armed actors attack
        ("Syrian troops attacked rebel positions near Hama.", "ASSAULT"),
    ],
)
def test_events_verbal_attacks_by_politicians(analysed, text, expected):
    assert [e.plover for e in _events(analysed, text)] == [expected]


def test_events_threatened_event_is_the_threat(analysed):
    text = "On Saturday, Donald Trump once again threatened nuclear war against North Korea."
    assert [_codes(e) for e in _events(analysed, text)] == [("THREATEN", "USAGOV", "PRK")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # agentless passive: an unidentified doer (UAF), the victims as target
        ("Two farmers were shot dead near the village on Sunday.", ("ASSAULT", "UAF", "CVL")),
        ("A local trader was abducted from his shop overnight.", ("ASSAULT", "UAF", "CVL")),
        # unnamed armed people are coded, never dropped
        ("Unknown gunmen opened fire on a group of villagers.", ("ASSAULT", "UAF", "CVL")),
        # an instrument as subject: the doer goes unnamed
        ("An IED exploded near a police vehicle on the main road.", ("ASSAULT", "UAF", None)),
        # exchanged fire with: both sides
        ("Police officers exchanged fire with armed men at the market.", ("ASSAULT", "COP", "UAF")),
        # a crowd of civilians who protest are protesters
        ("Hundreds of villagers protested against the new dam.", ("PROTEST", "PRO", None)),
    ],
)
def test_events_unnamed_doers_and_victims(analysed, text, expected):
    assert expected in [_codes(e) for e in _events(analysed, text)]


def test_events_an_ied_explosion_has_the_explosives_mode(analysed):
    (event,) = _events(analysed, "A roadside bomb exploded as the convoy passed.")
    assert (event.plover, event.mode, event.source.code) == ("ASSAULT", "explosives", "UAF")


@pytest.mark.parametrize(
    "text",
    [
        "North Korea says it will complete a plan to attack waters near Guam.",  # no victim
        "The president said such attacks would not be tolerated.",  # a bare noun
    ],
)
def test_events_no_unidentified_doer_without_an_agentless_act(analysed, text):
    assert all(e.source is None or e.source.code != "UAF" for e in _events(analysed, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "fire" a person is a dismissal, not an assault
        ("Trump fired his national security adviser on Friday.", []),
        ("Trump could fire Mueller, Republican senators warned.", [("warned", "THREATEN")]),
        ("He fired them last week.", []),
        # ... while the violent senses keep their events
        ("Rebels fired rockets at the army base on Monday.", [("fired", "ASSAULT")]),
        ("Soldiers fired at the protesters on Monday.", [("fired", "ASSAULT")]),
    ],
)
def test_events_firing_a_person_is_a_dismissal_not_an_assault(text, expected):
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    assert [(e.trigger, e.plover) for e in doc.events] == expected


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A suicide bomber attacked a crowded market on Friday.", "suicide"),
        ("Militants attacked a police post with a grenade.", "grenade"),
        ("Two soldiers raped a woman at the checkpoint.", "sexual"),
        ("A roadside bomb struck a police vehicle, killing two officers.", "explosives"),
    ],
)
def test_events_modes_precise_enough_for_acled_sub_event_types(analysed, text, mode):
    assert mode in {e.mode for e in _events(analysed, text) if e.plover == "ASSAULT"}
