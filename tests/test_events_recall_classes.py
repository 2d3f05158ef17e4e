"""events: classes of predicates (not single words) that whole articles state and sitmap
missed: arrivals and journeys abroad as visits, participles on documents, pronoun objects, ties."""

from __future__ import annotations

import pytest
from _event_samples import coded_events, event_sides

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrival in another state is a visit (CAMEO 042), by verb or noun
        ("The Indian prime minister arrived in Japan on Monday.", ("CONSULT", "INDGOV", "JPN")),
        ("The German chancellor landed in Seoul late on Tuesday.", ("CONSULT", "DEUGOV", "KOR")),
        # a capital arrived in stands for its state
        ("Macron's arrival in Beijing was delayed by fog.", ("CONSULT", "FRAGOV", "CHN")),
        # the arrival as a time adjunct: its clause's subject arrives
        (
            "Upon arrival in Nairobi, the French foreign minister met Kenyan officials.",
            ("CONSULT", "FRAGOV", "KEN"),
        ),
    ],
)
def test_arrival_abroad_is_a_visit(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # at home, somewhere that is no state, or a thing arriving: no visit
        "The Canadian prime minister arrived in Toronto on Friday.",
        "Rescue teams from Turkey arrived at the scene.",
        "A North Korean missile landed in Japanese waters.",
        "Chinese troops arrived in Nepal on Sunday.",
        "A shipment of Russian grain arrived in Egypt.",
    ],
)
def test_arrival_that_is_no_visit(analysed, text):
    assert not [c for c in coded_events(analysed, text) if c[0] == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a journey to another state is a visit too (travel.v.01's heads: travel, fly, go)
        ("The Japanese foreign minister traveled to Iran on Monday.", ("CONSULT", "JPNGOV", "IRN")),
        ("Then the French president went to Algeria.", ("CONSULT", "FRAGOV", "DZA")),
        ("The Indonesian trade minister flew to Beijing for two days of meetings.",
         ("CONSULT", "IDNGOV", "CHN")),
    ],
)  # fmt: skip
def test_journey_abroad_is_a_visit(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # at home, to no state, or no journey at all
        "The Texas governor traveled to Houston.",
        "Prices went to record highs in Brazil.",
        "The Indian government went to court over the ruling.",
        "The Canadian ambassador went to the embassy.",
    ],
)
def test_journey_that_is_no_visit(analysed, text):
    assert not [c for c in coded_events(analysed, text) if c[0] == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle on a document is said by whoever issues the document
        (
            "Dozens of former Indian diplomats signed a statement supporting the Nepalese "
            "government.",
            ("SUPPORT", "INDGOV", "NPLGOV"),
        ),
        (
            "The Cuban government issued a statement condemning the United States.",
            ("ACCUSE", "CUBGOV", "USA"),
        ),
        (
            "Lawyers for the Brazilian government filed a motion asking the court to reject "
            "the appeal.",
            ("REQUEST", "BRAGOV", "BRAJUD"),
        ),
        # a pronoun object is not its own clause's (understood) subject: an earlier object
        (
            "The Kenyan foreign ministry sent a letter to the United Nations on Monday urging "
            "it to lift the embargo.",
            ("REQUEST", "KENGOV", "IGOUNO"),
        ),
        (
            "Germany wrote to the European Commission on Friday, asking it to delay the vote.",
            ("REQUEST", "DEU", "IGOGOV"),
        ),
        (
            "The Chinese ambassador met Japanese officials and urged them to drop the plan.",
            ("REQUEST", "CHNGOV", "JPNGOV"),
        ),
    ],
)
def test_speech_told_by_a_participle_or_to_a_pronoun(analysed, text, expected):
    assert expected in coded_events(analysed, text)


def test_pronoun_object_with_no_earlier_object_is_no_new_event(analysed):
    # "him" is nobody named in the sentence: no appeal to an unknown addressee
    found = coded_events(analysed, "The Kenyan president wanted to ask him about the vote.")
    assert not [c for c in found if c[0] == "REQUEST"]


def test_document_participle_needs_a_document(analysed):
    # banners are no document the minister issues: their criticism is not the minister's
    text = (
        "The Greek minister met a crowd of students carrying banners criticizing the Turkish "
        "government."
    )
    assert ("ACCUSE", "GRCGOV", "TURGOV") not in coded_events(analysed, text)


def test_participle_restating_an_event_noun_is_one_event(analysed):
    # "attacks ... targeting X": one assault, coded on the noun, with the participle's target
    text = "Rocket attacks by Hamas targeting Jerusalem continued on Sunday."
    found = coded_events(analysed, text)
    assert [c for c in found if c[0] == "ASSAULT"] == [("ASSAULT", "PSEINSHMS", "ISRGOV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ties and links with a coded other side are cooperation (alleged or not)
        (
            "Investigators are examining the Brazilian senator's ties to Venezuela.",
            ("COOPERATE", "BRALEG", "VEN"),
        ),
        (
            "Prosecutors are looking into possible ties between the Kenyan opposition party "
            "and Somalia.",
            ("COOPERATE", "KENOPP", "SOM"),
        ),
        ("The French minister's links with Russia drew criticism.", ("COOPERATE", "FRAGOV", "RUS")),
    ],
)
def test_ties_between_actors_are_cooperation(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # no coded other side, or a tie of another sense
        "Family ties kept the Greek minister in Athens.",
        "The Italian team tied the game in the second half.",
        # ties to no one in particular
        "The Kenyan firm denied that it has ties to any government.",
        # links an appeal asks to cut: the appeal is coded, not the links
        "The Japanese prime minister urged Beijing to cut financial links with North Korea.",
    ],
)
def test_ties_that_are_no_cooperation(analysed, text):
    assert not [c for c in coded_events(analysed, text) if c[0] == "COOPERATE"]


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        # through the whole pipeline: the candidate-sentence gate lets these sentences reach
        # the parser (their only trigger word is one of the classes above)
        ("The Indian prime minister arrived in Japan on Monday.", "arrived", ("INDGOV", "JPN")),
        (
            "Investigators are examining the Brazilian senator's ties to Venezuela.",
            "ties",
            ("BRALEG", "VEN"),
        ),
    ],
)
def test_classes_pass_the_candidate_gate(text, trigger, sides):
    assert event_sides(text, trigger) == sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of "is / came / remains under N" or "is subject to N" undergoes N
        (
            "Two Pakistani diplomats in Kabul were subject to expulsion by the Afghan government.",
            ("SANCTION", "AFGGOV", "PAKGOV"),
        ),
        ("Venezuela remains under sanctions imposed by Washington.", ("SANCTION", "USAGOV", "VEN")),
        (
            "The Iraqi army base came under attack from Islamic State militants.",
            ("ASSAULT", "IMGINSISI", "IRQMIL"),
        ),
        (
            "The French journalist has been under arrest in Tehran since June.",
            ("COERCE", None, "FRAMED"),
        ),
    ],
)
def test_event_noun_the_subject_is_under(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.parametrize(
    "text",
    [
        # "under" a thing that is no event, or an event noun not predicated of a subject
        "Under the agreement, Iran must cut its stockpile of enriched uranium.",
        "The Nepalese village is under water after the floods.",
        "The bridge in Lagos has been under repair since March.",
    ],
)
def test_under_no_event(analysed, text):
    assert coded_events(analysed, text) == []
