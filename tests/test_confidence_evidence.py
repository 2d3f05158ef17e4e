"""Confidence evidence of background and second tellings: old years, conditional clauses, one act
told twice, irrealis triggers, quoted posts, generic relative clauses."""

from __future__ import annotations

import pytest
from _event_samples import confidence_features

pytestmark = pytest.mark.model

ARTICLE = (
    "WASHINGTON (Reuters) - Syrian government forces shelled rebel positions in Idlib on Monday. "
    "In 2009, Russian troops attacked Georgian positions near Tskhinvali. "
    "The army will respond if the rebels attack government positions again. "
    "Syrian troops shelled Douma on Monday after rebels attacked an army post in Harasta. "
    "Turkey is expected to sanction Syria over the shelling, officials said. "
    "Trump tweeted that Assad had attacked civilians with gas. "
    "Police are hunting a gunman who attacked soldiers in Aleppo."
)


def _features(text: str) -> list[tuple[int, str, dict[str, float]]]:
    """(sentence, trigger, features) of each event of ``text``."""
    pairs = confidence_features(text, source="Reuters", published="2017-10-18")
    return [(e.sentence, e.trigger, r) for e, r in pairs]


@pytest.fixture(scope="module")
def rows() -> list[tuple[int, str, dict[str, float]]]:
    """Features of each event of ``ARTICLE``."""
    return _features(ARTICLE)


def _first(rows, sentence: int, trigger: str | None = None) -> dict[str, float]:
    return next(r for s, t, r in rows if s == sentence and trigger in (None, t))


def test_a_year_long_before_publication_marks_background(rows) -> None:
    assert _first(rows, 1)["past_year"] == 1.0
    assert _first(rows, 0)["past_year"] == 0.0


def test_a_conditional_clause_on_the_trigger(rows) -> None:
    assert _first(rows, 2, "attack")["if_clause"] == 1.0
    assert _first(rows, 0)["if_clause"] == 0.0


def test_a_second_event_of_the_same_type_in_a_sentence_is_one_act(rows) -> None:
    assert _first(rows, 3, "shelled")["same_act"] == 0.0
    assert _first(rows, 3, "attacked")["same_act"] == 1.0


def test_an_expected_act_is_irrealis(rows) -> None:
    assert _first(rows, 4, "sanction")["irrealis"] == 1.0
    assert _first(rows, 0)["irrealis"] == 0.0


def test_a_quoted_post_and_a_generic_relative_clause(rows) -> None:
    assert _first(rows, 5)["post"] == 1.0 and _first(rows, 0)["post"] == 0.0
    assert _first(rows, 6, "attacked")["generic"] == 1.0
    assert _first(rows, 0)["generic"] == 0.0


RETOLD = (
    "WASHINGTON (Reuters) - Russian troops attacked Ukrainian positions near Donetsk on Monday. "
    "Kiev said the attack came after Ukraine shelled a Russian convoy near Luhansk. "
    "Russian forces also attacked a checkpoint, which Ukrainian troops had captured in May. "
    "Syrian troops shelled civilians in Idlib on Tuesday."
)


@pytest.fixture(scope="module")
def retold() -> list[tuple[int, str, dict[str, float]]]:
    """Features of each event of ``RETOLD``."""
    return _features(RETOLD)


def test_the_same_act_word_in_a_later_sentence_is_restated(retold) -> None:
    assert _first(retold, 0, "attacked")["restated"] == 0.0
    assert _first(retold, 2, "attacked")["restated"] == 1.0
    assert _first(retold, 2, "attacked")["restated_side"] == 1.0  # Russian forces again
    assert _first(retold, 3, "shelled")["restated"] == 1.0
    assert _first(retold, 3, "shelled")["restated_side"] == 0.0  # other sides: Syria, civilians


def test_a_past_after_clause_and_a_non_restrictive_relative_are_asides(retold) -> None:
    assert _first(retold, 1, "shelled")["aside"] == 1.0  # "after Ukraine shelled ..."
    assert _first(retold, 2, "captured")["aside"] == 1.0  # ", which Ukrainian troops captured"
    assert _first(retold, 0, "attacked")["aside"] == 0.0


def test_a_side_named_by_a_common_noun(retold) -> None:
    assert _first(retold, 3, "shelled")["common_side"] == 1.0  # "civilians"
    assert _first(retold, 0, "attacked")["common_side"] == 0.0  # "Ukrainian positions": a name
