"""Confidence evidence of how a trigger was found and written: its verb form, its clause, its own
subject and object, its noun phrase, the senses its lemma can take, a side the verb implies and
the later tellings merged into an event."""

from __future__ import annotations

import math

import pytest
from _event_samples import confidence_features

from sitmap import confidence
from sitmap.model import Actor, Document, Event, Sentence, Span

pytestmark = pytest.mark.model

ARTICLE = (
    "Ethiopian troops shelled villages near Gondar on Tuesday. "
    "Kenyan police are arresting protesters in Kisumu. "
    "Colombia accuses Venezuela of sheltering rebels. "
    "Peru will sanction Bolivia next month, officials said. "
    "The rebels who attacked the convoy near Goma fled into the hills. "
    "Ministers from Ghana left for the summit in Nairobi. "
    "Nepal's army launched an offensive against Maoist fighters. "
    "Sudanese jets carried out an attack on a camp in Darfur."
)


def _by_trigger(text: str) -> dict[str, dict[str, float]]:
    """Features of each event of ``text`` by trigger."""
    pairs = confidence_features(text, source="Wire", published="2019-03-14")
    return {e.trigger: r for e, r in pairs}


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, float]]:
    """Features of each event of ``ARTICLE`` by trigger."""
    return _by_trigger(ARTICLE)


def test_the_verb_form_of_the_trigger(rows) -> None:
    assert rows["shelled"]["past"] == 1.0 and rows["shelled"]["gerund"] == 0.0
    assert rows["arresting"]["gerund"] == 1.0 and rows["arresting"]["past"] == 0.0
    assert rows["accuses"]["present"] == 1.0 and rows["shelled"]["present"] == 0.0
    assert rows["sanction"]["base_verb"] == 1.0 and rows["accuses"]["base_verb"] == 0.0


def test_a_trigger_heading_a_subordinate_clause(rows) -> None:
    assert rows["attacked"]["subordinate"] == 1.0  # relative clause on "the rebels"
    assert rows["sanction"]["subordinate"] == 1.0  # complement of "said"
    assert rows["shelled"]["subordinate"] == 0.0
    assert rows["arresting"]["subordinate"] == 0.0


def test_the_trigger_has_its_own_subject_and_object(rows) -> None:
    assert rows["shelled"]["overt_subject"] == 1.0 and rows["shelled"]["overt_object"] == 1.0
    assert rows["accuses"]["overt_object"] == 1.0
    # A noun's participant phrase counts as its object, a place phrase does not.
    assert rows["attack"]["overt_object"] == 1.0  # "an attack on a camp"
    assert rows["summit"]["overt_object"] == 0.0  # "the summit in Nairobi"
    assert rows["summit"]["overt_subject"] == 0.0


def test_a_noun_trigger_named_inside_a_phrase(rows) -> None:
    assert rows["summit"]["nominal"] == 1.0 and rows["summit"]["noun_embedded"] == 1.0
    # The object of a light verb is the act itself, not a phrase about it.
    assert rows["offensive"]["nominal"] == 1.0 and rows["offensive"]["noun_embedded"] == 0.0
    assert rows["shelled"]["noun_embedded"] == 0.0


def test_senses_count_the_types_a_lemma_can_take() -> None:
    senses = confidence._cues().senses
    assert senses["charge"] >= 2  # COERCE (charge with a crime) or ACCUSE
    assert senses["attack"] >= 2  # ASSAULT, or ACCUSE when the attack is verbal
    assert senses["shell"] == 1


def test_senses_feature_is_zero_for_a_single_sense_lemma(rows) -> None:
    assert rows["shelled"]["senses"] == 0.0
    attack = confidence._cues().senses["attack"]
    assert rows["attacked"]["senses"] == pytest.approx(math.log(attack))


def _bare(text: str, event: Event) -> dict[str, float]:
    """Features of one event of a document with no parses (the text fallbacks)."""
    doc = Document(text=text, sentences=[Sentence(0, 0, len(text), text)], events=[event])
    return confidence.features(doc)[0]


def test_a_side_taken_from_the_trigger_word_and_later_tellings() -> None:
    text = "Dozens were detained in Harare on Friday by police, and more were detained on Saturday."
    at, police = text.index("detained"), text.index("police")
    again = text.rindex("detained")
    event = Event(
        doc_id="d", sentence=0, start=0, end=len(text), evidence=text, trigger="detained",
        plover="COERCE", cameo="17", trigger_start=at, trigger_end=at + 8,
        source=Actor(text="detained", start=at, end=at + 8, code="UAF"),
        mentions=[Span(again, again + 8, "detained"), Span(0, 6, "Dozens")],
    )  # fmt: skip
    row = _bare(text, event)
    assert row["side_in_trigger"] == 1.0
    assert row["told_again"] == pytest.approx(math.log(3))
    event.source = Actor(text="police", start=police, end=police + 6, code="ZWECOP")
    event.mentions = []
    row = _bare(text, event)
    assert row["side_in_trigger"] == 0.0 and row["told_again"] == 0.0


def test_the_fitted_model_names_only_known_features() -> None:
    model = confidence._model()
    assert set(model.features) <= set(confidence.FEATURES)
    assert 0.0 < confidence.probability(dict.fromkeys(confidence.FEATURES, 0.0)) < 1.0


def test_a_trigger_that_modifies_a_noun_as_an_adjective() -> None:
    text = (
        "Belarusian police jailed an opposition leader in Minsk on Monday. "
        "The detained journalists in Tehran were freed by Iranian authorities on Friday."
    )
    got = {t: r["modifier"] for t, r in _by_trigger(text).items()}
    assert got["detained"] == 1.0  # "the detained journalists": a state, not a report
    assert got["jailed"] == 0.0 and got["freed"] == 0.0


def test_a_trigger_not_told_as_done() -> None:
    rows = _by_trigger(
        "Kenya would retaliate if Somali militants attacked its border posts again. "
        "Analysts asked whether Turkey will invade northern Syria. "
        "The sanctions were meant to punish Iran for its missile tests. "
        "Chilean police arrested twelve students in Valparaiso on Monday. "
        "Nigerian soldiers tried to free the hostages in Borno."
    )
    assert rows["attacked"]["unrealised"] == 1.0  # an "if" clause
    assert rows["invade"]["unrealised"] == 1.0  # a "whether" clause
    assert rows["punish"]["unrealised"] == 1.0  # a purpose infinitive
    assert rows["arrested"]["unrealised"] == 0.0
    assert rows["free"]["unrealised"] == 0.0  # an attempt, told as done: not a purpose
