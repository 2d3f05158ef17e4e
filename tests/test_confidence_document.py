"""Confidence evidence of the act and its document: one side coded twice, an act long past or
with stated deaths, how eventful and how quoted the document is, the trigger lemma's prior."""

from __future__ import annotations

import math

import pytest
from _event_samples import confidence_features

from sitmap import confidence

pytestmark = pytest.mark.model

ARTICLE = (
    "WASHINGTON (Reuters) - Pakistani troops attacked Pakistani soldiers at a checkpoint in Quetta "
    "on Monday. In 2009, Russian troops attacked Georgian positions near Tskhinvali. "
    "Gunmen killed 12 villagers in Borno state on Tuesday, police said. "
    "\u201cWe will not accept this,\u201d the minister told reporters. "
    "Iran condemned the sanctions imposed by Washington."
)


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, dict[str, float]]]:
    """(trigger, features) of each event of ``ARTICLE``."""
    pairs = confidence_features(ARTICLE, source="Reuters", published="2017-10-18")
    return [(e.trigger, r) for e, r in pairs]


def _row(rows, trigger: str, nth: int = 0) -> dict[str, float]:
    return [r for t, r in rows if t == trigger][nth]


def test_both_sides_coded_alike(rows) -> None:
    assert _row(rows, "attacked")["same_sides"] == 1.0  # Pakistani troops on Pakistani soldiers
    assert _row(rows, "attacked", 1)["same_sides"] == 0.0  # Russian troops, Georgian positions
    assert _row(rows, "condemned")["same_sides"] == 0.0


def test_an_act_long_past_and_an_act_with_stated_deaths(rows) -> None:
    assert _row(rows, "attacked", 1)["historical"] == 1.0  # in 2009, told in 2017
    assert _row(rows, "attacked")["historical"] == 0.0
    assert _row(rows, "killed")["fatalities"] == 1.0
    assert _row(rows, "condemned")["fatalities"] == 0.0


def test_document_evidence_is_the_same_for_every_event(rows) -> None:
    events = len(rows)
    for _, row in rows:
        assert row["events_per_sentence"] == pytest.approx(math.log1p(events / 5))
        quoted = len("We will not accept this,") / len(ARTICLE)
        assert row["quoted_document"] == pytest.approx(quoted, abs=0.01)


def test_a_document_without_quotes_and_with_fewer_events() -> None:
    text = (
        "Syrian troops shelled rebel positions in Idlib on Monday. The weather was mild. "
        "Markets were closed for the holiday. Schools reopened on Tuesday."
    )
    ((_, row),) = confidence_features(text, source="Reuters", published="2017-10-18")
    assert row["quoted_document"] == 0.0
    assert row["events_per_sentence"] == pytest.approx(math.log1p(1 / 4))


def test_the_trigger_prior_comes_from_the_data_file(rows, monkeypatch) -> None:
    model = confidence._model()
    assert all(isinstance(v, float) for v in model.priors.values())
    fitted = confidence._Model(
        model.features, model.weights, model.intercept, {"condemn": 0.75, "attack": -0.5}
    )
    monkeypatch.setattr(confidence, "_model", lambda: fitted)
    pairs = confidence_features(ARTICLE, source="Reuters", published="2017-10-18")
    by_trigger = {e.trigger: r["trigger_prior"] for e, r in pairs}
    assert by_trigger["condemned"] == 0.75 and by_trigger["attacked"] == -0.5
    assert by_trigger["killed"] == 0.0  # a lemma the table does not hold
