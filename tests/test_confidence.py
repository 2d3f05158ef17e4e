"""Event confidence: the logistic score, its data file, and the evidence it reads."""

from __future__ import annotations

import math

import pytest

from sitmap import confidence, pipeline
from sitmap.model import Document, Event

ARTICLE = (
    "BEIRUT (Reuters) - Syrian government forces shelled rebel positions in Deir ez-Zor on "
    "Monday, a war monitor said. "
    "The rebels did not attack the army, the monitor said. "
    "“If they attack us, we will respond,” a rebel commander told Reuters. "
    "Syrian government forces shelled rebel positions in Deir ez-Zor on Sunday. "
    "I think you would agree that Russia could sanction Turkey if it wanted to."
)


@pytest.fixture(scope="module")
def scored() -> tuple[Document, list[dict[str, float]]]:
    """The article through the whole pipeline, with the features taken while parses are held."""
    taken: list[list[dict[str, float]]] = []
    real = confidence.score

    def spy(doc: Document) -> Document:
        taken.append(confidence.features(doc))
        return real(doc)

    confidence.score = spy
    try:
        doc = pipeline.extract(ARTICLE, source="Reuters", published="2017-10-18")
    finally:
        confidence.score = real
    return doc, taken[0]


def _row(doc: Document, rows: list[dict[str, float]], sentence: int) -> dict[str, float]:
    return next(r for e, r in zip(doc.events, rows, strict=True) if e.sentence == sentence)


def test_confidence_probability_is_the_logistic_of_the_weights() -> None:
    model = confidence._Model(features=("date", "weak"), weights=(2.0, -1.0), intercept=-1.0)
    assert confidence.probability({"date": 1.0, "weak": 0.0}, model) == round(
        1 / (1 + math.exp(-1.0)), 2
    )
    assert confidence.probability({"date": 1.0, "weak": 1.0}, model) == 0.5
    assert confidence.probability({}, model) == round(1 / (1 + math.exp(1.0)), 2)


@pytest.mark.model
def test_confidence_features_read_the_stages_evidence(scored) -> None:
    doc, rows = scored
    assert len(rows) == len(doc.events) and all(set(r) == set(confidence.FEATURES) for r in rows)
    lead = _row(doc, rows, 0)
    assert lead["lead"] == 1.0 and lead["past"] == 1.0 and lead["date"] == 1.0
    assert lead["place_local"] == 1.0 and lead["assault"] == 1.0 and lead["repeat"] == 0.0
    denied = _row(doc, rows, 1)
    assert denied["negation_cue"] == 1.0 and denied["status_negated"] == 1.0
    assert denied["past"] == 0.0  # "did not attack": a bare verb
    threat = _row(doc, rows, 2)
    assert threat["in_quote"] == 1.0 and threat["conditional_cue"] == 1.0
    told_again = _row(doc, rows, 3)
    assert told_again["repeat"] == 1.0 and told_again["lead"] == 0.0
    opinion = _row(doc, rows, 4)
    assert opinion["personal"] == 1.0 and opinion["modal_cue"] == 1.0
    assert lead["personal"] == 0.0 and 0 < lead["personal_document"] < 1


@pytest.mark.model
def test_confidence_ranks_a_dated_report_above_denials_and_conditionals(scored) -> None:
    doc, _ = scored
    by_sentence = {e.sentence: e.confidence for e in doc.events}
    assert all(0.0 < c < 1.0 for c in by_sentence.values())
    assert by_sentence[0] > max(by_sentence[1], by_sentence[2], by_sentence[4])
    # No ranking of sentence 3 (the same sides' shelling told again, another day): the
    # retelling features did not hold up across files in tools/fit_confidence.py's selection.


def test_confidence_features_without_parses_fall_back_to_the_text() -> None:
    text = "Rebels did not attack the army in Idlib, a monitor said."
    doc = Document(text=text)
    doc.events = [
        Event(doc_id=doc.id, sentence=0, start=0, end=len(text), evidence=text, trigger="attack",
              trigger_start=text.index("attack"), trigger_end=text.index("attack") + 6,
              plover="ASSAULT", cameo="19", status="negated")
    ]  # fmt: skip
    (row,) = confidence.features(doc)
    assert row["negation_cue"] == 1.0 and row["status_negated"] == 1.0
    assert row["nominal"] == 0.0 and row["past"] == 0.0  # no parse: no part of speech
    confidence.score(doc)
    assert 0.0 < doc.events[0].confidence < 1.0
