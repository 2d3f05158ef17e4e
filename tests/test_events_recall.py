"""events: predicates that whole articles hold and the lexicon used to miss (recall)."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

from sitmap import lexicons

pytestmark = pytest.mark.model


_codes = coded_events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbal attacks
        (
            "President Donald Trump lashed out at Iran on Twitter on Sunday.",
            ("ACCUSE", "USAGOV", "IRN"),
        ),
        (
            "Turkish President Tayyip Erdogan trashed the European Union on Monday.",
            ("ACCUSE", "TURGOV", "IGOGOV"),
        ),
        # "raged" is lemmatised "rag" by the model: the generated lemma fixes repair it
        ("Putin raged against Washington in a speech.", ("ACCUSE", "RUSGOV", "USAGOV")),
        # the phrasal verbs of open criticism, the particle split off or not
        (
            "Senator John McCain called out President Donald Trump over his remarks.",
            ("ACCUSE", "USALEG", "USAGOV"),
        ),
        ("The European Union called Turkey out over the arrests.", ("ACCUSE", "IGOGOV", "TUR")),
        (
            "British Prime Minister Theresa May spoke out against Russia on Thursday.",
            ("ACCUSE", "GBRGOV", "RUS"),
        ),
        # forces called out are mobilised, not criticised
        ("Mexico called out the army after the riots.", ("MOBILIZE", "MEX", None)),
        # refusals and disagreement
        ("Germany disagreed with France over the budget.", ("REJECT", "DEU", "FRA")),
        (
            "Russia disputed the findings of the United Nations inquiry.",
            ("REJECT", "RUS", "IGOUNO"),
        ),
        ("Iran defied the United Nations.", ("REJECT", "IRN", "IGOUNO")),
        # appeals
        ("China encouraged North Korea to return to talks.", ("REQUEST", "CHN", "PRK")),
        ("Saudi Arabia lobbied Washington to block the resolution.", ("REQUEST", "SAU", "USAGOV")),
        # cooperation, aid, support
        ("Iran colluded with Russia to hide the shipments.", ("COOPERATE", "IRN", "RUS")),
        ("Canada offered aid to Mexico after the earthquake.", ("AID", "CAN", "MEX")),
        ("Russia defended Syria at the United Nations.", ("SUPPORT", "RUS", "SYR")),
        # coercion: a fine
        ("Venezuela fined Exxon for the spill.", ("COERCE", "VEN", None)),
        # nouns, with the doer from a light verb ("filed a complaint", "offered condolences")
        (
            "Iran filed a complaint against Saudi Arabia at the United Nations.",
            ("ACCUSE", "IRN", "SAU"),
        ),
        ("Japan offered its condolences to Mexico.", ("SUPPORT", "JPN", "MEX")),
        ("North Korea conducted its sixth nuclear bomb test on Sunday.", ("MOBILIZE", "PRK", None)),
    ],
)
def test_events_recall_lexicon(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # a trip or a conversation with nobody named on the other side is no event
        "Vice President Mike Pence left for a trip on Tuesday.",
        "It was a conversation about the storm, the Mexican minister said.",
        # "offer" is aid only with an aid-like object
        "Canada offered a new explanation for the delay.",
        # "walk" is a protest only as "walk out"
        "Protesters walked to the Interior Ministry in Moscow.",
        # a vote put off resists no one
        "The Mexican Senate pushed back the vote to Friday.",
    ],
)
def test_events_recall_lexicon_senses_that_are_no_event(analysed, text):
    found = _codes(analysed, text)
    assert not [c for c in found if c[0] in {"CONSULT", "AID", "PROTEST", "REJECT"}]


def test_events_lemma_fixes_are_generated_for_lexicon_verbs():
    """Every verb form in lemma_fixes maps to a verb of the lexicon."""
    data = lexicons.yaml_file("predicates.yaml")
    verbs = set(data["verbs"])
    assert {"raged": "rage", "fined": "fine"}.items() <= data["lemma_fixes"].items()
    assert set(data["lemma_fixes"].values()) <= verbs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quantity between the light verb and its event noun
        (
            "North Korea has conducted dozens of ballistic missile tests this year.",
            [("MOBILIZE", "PRK", None)],
        ),
        # light verbs that repeat or attend an event named by a noun
        ("Iran repeated threats against Israel on Monday.", [("THREATEN", "IRN", "ISR")]),
        (
            "Secretary of State Rex Tillerson attended talks with Chinese officials in Beijing.",
            [("CONSULT", "USAGOV", "CHNGOV")],
        ),
        # an exchange is coded in both directions, for the verb and a coordinated noun
        (
            "Trump has traded insults and threats with North Korean leader Kim Jong Un.",
            [
                ("ACCUSE", "USAGOV", "PRKGOV"),
                ("ACCUSE", "PRKGOV", "USAGOV"),
                ("THREATEN", "USAGOV", "PRKGOV"),
                ("THREATEN", "PRKGOV", "USAGOV"),
            ],
        ),
        (
            "Indian and Pakistani troops exchanged fire across the border on Sunday.",
            [("ASSAULT", "INDMIL", "PAKMIL"), ("ASSAULT", "PAKMIL", "INDMIL")],
        ),
        # a sense bound to the preposition's object: the direct object is the target ...
        ("Saudi Arabia sent Qatari diplomats to prison.", [("COERCE", "SAU", "QATGOV")]),
        # ... but not when the direct object is the bound one
        ("Israel launched missiles at Syria on Monday.", [("ASSAULT", "ISR", "SYR")]),
        # a capitalised event noun the tagger took for a name
        (
            "Meetings between U.S. President Donald Trump and Chinese President Xi Jinping "
            "will focus on trade.",
            [("CONSULT", "USAGOV", "CHNGOV")],
        ),
        ("Saudi Arabia cut off Qatar on Monday.", [("SANCTION", "SAU", "QAT")]),
        # praise poured on someone, a deal closed: light verbs with their event noun
        (
            "German Chancellor Angela Merkel lavished praise on French President Emmanuel "
            "Macron on Thursday.",
            [("SUPPORT", "DEUGOV", "FRAGOV")],
        ),
        ("The European Union sealed a trade deal with Japan.", [("AGREE", "IGOGOV", "JPN")]),
        # a court ruling against a party rejects it; "ruled out" stays a refusal
        (
            "A federal judge in Seattle ruled against the Trump administration on Monday.",
            [("REJECT", "USAJUD", "USAGOV")],
        ),
        # resisting someone, the particle parsed as an adverb
        (
            "Senate Majority Leader Mitch McConnell pushed back against President Donald Trump "
            "on Tuesday.",
            [("REJECT", "USALEG", "USAGOV")],
        ),
    ],
)
def test_events_recall_structures(analysed, text, expected):
    found = _codes(analysed, text)
    assert all(e in found for e in expected), found


def test_events_exchange_mirrors_only_with_two_sides(analysed):
    """One side named: no mirrored event with an empty source."""
    found = _codes(analysed, "Pakistani troops exchanged fire on Sunday.")
    assert found and all(source for _, source, _ in found)


def test_events_object_the_parser_coordinated_with_the_verb(analysed):
    """ "criticized both X, appointed by Y, and Z": Z hangs on the verb as a conjunct; it is a
    second target."""
    found = _codes(
        analysed,
        "Turkish President Tayyip Erdogan has repeatedly criticized both Germany, accused by "
        "Ankara of harboring militants, and the European Union.",
    )
    assert ("ACCUSE", "TURGOV", "DEU") in found
    assert ("ACCUSE", "TURGOV", "IGOGOV") in found


def test_events_pronoun_takes_the_subject_of_a_clause_hung_under_its_own(analysed):
    """The parser makes the earlier clause a complement of the pronoun's verb."""
    found = _codes(
        analysed,
        "Donald Trump retweeted fake news videos in the early hours of the morning and for "
        "that, he was widely condemned.",
    )
    assert ("ACCUSE", None, "USAGOV") in found


def test_events_pronoun_skips_a_subject_outside_its_clause(analysed):
    """ "Trump would ignite protests in August, when he was asked ...": the asker is unknown,
    and Trump's clause does not hang under "asked"; no request to Trump is made up."""
    found = _codes(
        analysed,
        "Trump would ignite protests again in August, when he was asked to respond to white "
        "nationalists marching in Charlottesville.",
    )
    assert not [c for c in found if c[0] == "REQUEST" and c[2] == "USAGOV"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for X to do Y": X is whom the request is made of
        (
            "The European Union called for Israel to halt settlement building.",
            ("REQUEST", "IGOGOV", "ISR"),
        ),
        (
            "Members of the U.S. Congress have called for China to do more to clamp down "
            "on Pyongyang.",
            ("REQUEST", "USALEG", "CHN"),
        ),
        # a call for a thing names no one it is made of
        ("Russia called for restraint on Monday.", ("REQUEST", "RUS", None)),
    ],
)
def test_events_request_for_someone_to_act(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pleas in court (the annotation guide's legal steps), made to the court
        (
            "A Russian diplomat pleaded guilty to spying on Tuesday.",
            ("CONCEDE", "RUSGOV", "RUSJUD"),
        ),
        (
            "A Turkish police officer pleaded not guilty to the charges on Monday.",
            ("REJECT", "TURCOP", "TURJUD"),
        ),
        # no complement: the appeal sense
        ("Turkey pleaded with Russia to stop the offensive.", ("REQUEST", "TUR", "RUS")),
    ],
)
def test_events_pleas_by_their_complement(analysed, text, expected):
    found = _codes(analysed, text)
    assert expected in found
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event noun takes its sides through a participle that modifies it
        (
            "Russia criticized the sanctions imposed by the European Union on Belarus.",
            [("SANCTION", "IGOGOV", "BLR"), ("ACCUSE", "RUS", "IGOGOV")],
        ),
        (
            "France condemned the attack carried out by Islamic State in Mali.",
            [("ASSAULT", "IMGINSISI", None), ("ACCUSE", "FRA", "IMGINSISI")],
        ),
        (
            "The talks held between Iran and Iraq in Baghdad ended without a deal.",
            [("CONSULT", "IRN", "IRQ")],
        ),
        (
            "The nuclear agreement reached among Iran, France and Germany was signed in Vienna.",
            [("AGREE", "IRN", "FRA"), ("AGREE", "IRN", "DEU")],
        ),
        # the parser hangs the second member of a list on the first as an apposition
        (
            "The accord reached among Tehran, the United States and others is at risk.",
            [("AGREE", "IRNGOV", "USA")],
        ),
    ],
)
def test_events_noun_sides_through_a_participle(analysed, text, expected):
    found = _codes(analysed, text)
    assert all(e in found for e in expected), found


def test_events_participle_that_is_an_event_itself_gives_the_noun_no_sides(analysed):
    """ "the sanctions opposed by Russia": Russia rejects them, it does not impose them."""
    found = _codes(analysed, "The sanctions opposed by Russia were adopted by the council.")
    assert ("REJECT", "RUS", None) in found
    assert not [c for c in found if c[0] == "SANCTION" and c[1] == "RUS"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain apologised to Kenya for the abuses.", ("CONCEDE", "GBR", "KEN")),
        ("Pakistan invited India to talks on Kashmir.", ("CONSULT", "PAK", "IND")),
        (
            "The Nigerian army has harassed journalists in Lagos.",
            ("COERCE", "NGAMIL", "NGAMED"),
        ),
        ("Cuba has persecuted dissidents for decades.", ("COERCE", "CUB", "OPP")),
        ("Kazakhstan ruled out talks with the rebels.", ("REJECT", "KAZ", None)),
        ("Kenya pushed for sanctions against South Sudan.", ("REQUEST", "KEN", None)),
        (
            "The Colombian government admitted responsibility for the massacre.",
            ("CONCEDE", "COLGOV", None),
        ),
        ("Ukraine blamed Russia for a cyberattack on its power grid.", ("ASSAULT", "RUS", None)),
        (
            "Indonesia offered mediation between Myanmar and Bangladesh.",
            ("CONSULT", "IDN", "MMR"),
        ),
        (
            "Rights groups condemned the harassment of Egyptian journalists.",
            ("COERCE", None, "EGYMED"),
        ),
        ("Turkey promised retaliation against Syrian forces.", ("ASSAULT", None, "SYRMIL")),
    ],
)
def test_events_recall_codebook_verbs_and_nouns(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # "admit" concedes only a fault; "rule" and "push" need their particle
        "The Moroccan hospital admitted two patients on Monday.",
        "The Jordanian king ruled the country for ten years.",
        "Syrian soldiers pushed the car off the road.",
    ],
)
def test_events_recall_codebook_senses_that_are_no_event(analysed, text):
    found = _codes(analysed, text)
    assert not [c for c in found if c[0] in {"CONCEDE", "REJECT", "REQUEST"}], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who an accusation noun accuses: the subject of its "that" clause
        (
            "Opposition lawmakers went public with accusations that Hungary had rigged the vote.",
            ("ACCUSE", None, "HUN"),
        ),
        (
            "Ukraine renewed allegations that Russia supplied the rebels with tanks.",
            ("ACCUSE", "UKR", "RUS"),
        ),
    ],
)
def test_events_accusation_noun_targets_the_subject_of_its_clause(analysed, text, expected):
    assert expected in _codes(analysed, text)


def test_events_trip_to_a_region_is_a_visit_with_no_host(analysed):
    """A trip whose destination is a named place that is no state still happened."""
    found = _codes(analysed, "The Chinese president's trip to Africa begins on Sunday.")
    assert ("CONSULT", "CHNGOV", None) in found
    assert not _codes(analysed, "The Chinese president left for a long trip on Sunday.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun whose sense is bound to its "of" object; an exchange goes both ways
        (
            # (the army named Nigerian: a group's home country is not its opponent's)
            "An exchange of fire between the Nigerian army and Boko Haram fighters left five dead.",
            [("ASSAULT", "NGAMIL", "NGAINSBKH"), ("ASSAULT", "NGAINSBKH", "NGAMIL")],
        ),
        (
            "The exchange of insults between the Turkish and Dutch governments worsened ties.",
            [("ACCUSE", "TURGOV", "NLDGOV"), ("ACCUSE", "NLDGOV", "TURGOV")],
        ),
        ("Egypt rejected an offer of aid from Turkey.", [("AID", "TUR", None)]),
        ("Kenya welcomed the pledge of aid by Britain.", [("AID", "GBR", None)]),
        ("Peru condemned Chile's supply of weapons to the rebels.", [("AID", "CHL", None)]),
        (
            "The release of the Japanese hostages by the Taliban came after talks.",
            [("RETREAT", "AFGINSTAL", "JPN")],
        ),
        # one "between" phrase whose two sides are coordinated modifiers
        (
            "Clashes between Indian and Pakistani troops killed two soldiers.",
            [("ASSAULT", "INDMIL", "PAKMIL")],
        ),
        # "have" as a light verb; a meeting-like exchange is coded once
        (
            "The United States and China had a frank exchange of views on trade.",
            [("CONSULT", "USA", "CHN")],
        ),
        ("Putin had talks with Erdogan in Sochi on Monday.", [("CONSULT", "RUSGOV", "TURGOV")]),
    ],
)
def test_events_recall_nouns_bound_to_their_object(analysed, text, expected):
    found = _codes(analysed, text)
    assert all(e in found for e in expected), found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the "of" object decides the sense: no aid offered, no hostage released
        ("Spain made an offer of talks to the Basque government.", "AID"),
        ("The release of the Moroccan report was delayed.", "RETREAT"),
        # "has had sanctions imposed on it": Russia undergoes them
        ("Russia has had sanctions imposed on it since 2014.", "SANCTION"),
    ],
)
def test_events_recall_nouns_bound_to_their_object_no_event(analysed, text, absent):
    assert not [c for c in _codes(analysed, text) if c[0] == absent]


def test_events_exchange_of_views_is_one_meeting(analysed):
    found = _codes(analysed, "The United States and China had a frank exchange of views.")
    assert ("CONSULT", "CHN", "USA") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "to X" that the parser labels a dative is the recipient, or the bound preposition
        ("Iran offered help to Iraq after the earthquake.", ("AID", "IRN", "IRQ")),
        ("Japan gave money to Myanmar for the refugees.", ("AID", "JPN", "MMR")),
        ("Belarus sent dissidents to prison camps.", ("COERCE", "BLR", "OPP")),
    ],
)
def test_events_dative_preposition_is_a_preposition(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # halting one's own military acts is a retreat; militarisation a mobilisation
        ("Saudi Arabia halted airstrikes on Yemen on Sunday.", ("RETREAT", "SAU", "YEM")),
        ("Iran suspended uranium enrichment in 2003.", ("RETREAT", "IRN", None)),
        ("China has militarized islands in the South China Sea.", ("MOBILIZE", "CHN", None)),
        # "suspend" with anything else keeps its sanction sense
        ("Turkey suspended visa services in the United States.", ("SANCTION", "TUR", None)),
    ],
)
def test_events_recall_halting_and_militarising(analysed, text, expected):
    assert expected in _codes(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian police stopped the car at a checkpoint.",
        "The Nigerian army stopped the attack on the village.",
        "Egypt developed a new missile defence plan.",
    ],
)
def test_events_recall_stopping_and_developing_are_no_retreat_or_mobilisation(analysed, text):
    assert not [c for c in _codes(analysed, text) if c[0] in {"RETREAT", "MOBILIZE"}]
