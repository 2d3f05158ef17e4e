"""Confidence evidence of how each side was coded: the actor coder's own score and whether a
coded side is named (a proper name or a demonym) rather than described by common words."""

from __future__ import annotations

import pytest
from _event_samples import confidence_features

pytestmark = pytest.mark.model

ARTICLE = (
    "NAIROBI (Reuters) - Kenyan President William Ruto criticised Uganda's army on Tuesday. "
    "Protesters accused the police of brutality in Mombasa. "
    "Brazil's foreign minister accused Argentina of interfering in the election. "
    "A hospital in Lagos was attacked overnight. "
    "Pakistani troops clashed with militants near Peshawar."
)


@pytest.fixture(scope="module")
def rows() -> dict[int, tuple[object, dict[str, float]]]:
    """Sentence -> (event, features) of the first event of each sentence of ``ARTICLE``."""
    out: dict[int, tuple[object, dict[str, float]]] = {}
    for event, row in confidence_features(ARTICLE, source="Reuters", published="2024-03-05"):
        out.setdefault(event.sentence, (event, row))
    return out


def test_two_named_sides(rows) -> None:
    for sentence in (0, 2):  # a president by name, "Uganda's army"; a minister of Brazil, Argentina
        assert rows[sentence][1]["named_sides"] == 1.0


def test_sides_in_common_words_are_not_named(rows) -> None:
    assert rows[1][1]["named_sides"] == 0.0  # "Protesters", "the police"
    assert rows[3][1]["named_sides"] == 0.0  # "a hospital", a doer implied by the verb


def test_a_demonym_names_a_side_even_first_in_the_sentence(rows) -> None:
    assert rows[4][1]["named_sides"] == 0.5  # "Pakistani troops" named; "militants" not


def test_the_actor_coders_own_score_is_kept(rows) -> None:
    event, row = rows[0]
    assert row["source_score"] == event.source.score > 0
    assert row["target_score"] == event.target.score > 0
    implied, row = rows[3]  # a passive with no doer: any source the verb implies scores lower
    source = implied.source
    assert row["source_score"] == (source.score if source is not None else 0.0)
    assert row["source_score"] < rows[0][1]["source_score"]


def test_without_the_parse_a_capitalised_word_names_a_side() -> None:
    from sitmap import confidence, pipeline

    doc = pipeline.extract(ARTICLE, source="Reuters", published="2024-03-05")
    assert not doc._parses  # released: the text fallback
    named = {}
    for event, row in zip(doc.events, confidence.features(doc), strict=True):
        named.setdefault(event.sentence, row["named_sides"])
    assert named[0] == 1.0  # "Kenyan President William Ruto", "Uganda's army"
    assert named[2] == 0.5  # "Brazil's" begins the sentence: without the parse, not told; Argentina
    assert named[1] == 0.0  # "Protesters" begins the sentence; "the police"


def _bands(row: dict[str, float]) -> tuple[float, float, float, float]:
    return tuple(
        row[k] for k in ("sides_lexicon", "sides_described", "sides_weak", "sides_uncoded")
    )


def test_coding_bands_share_the_two_sides_by_how_each_was_coded(rows) -> None:
    assert _bands(rows[0][1]) == (1.0, 0.0, 0.0, 0.0)  # a president by name, "Uganda's army"
    assert _bands(rows[1][1]) == (0.0, 1.0, 0.0, 0.0)  # "Protesters", "the police": descriptions
    assert _bands(rows[4][1]) == (0.5, 0.5, 0.0, 0.0)  # "Pakistani troops"; "militants"
    event, row = rows[3]  # "A hospital ... was attacked": the doer only implied by the verb
    assert event.source is None or event.source.score < 0.6
    assert row["sides_weak"] + row["sides_uncoded"] == 0.5
    for _, row in rows.values():
        assert sum(_bands(row)) == 1.0


def test_a_missing_side_counts_as_uncoded() -> None:
    text = (
        "LIMA (Reuters) - The mayor of Arequipa was threatened last week. "
        "Thousands protested in the capital on Sunday."
    )
    found = confidence_features(text, source="Reuters", published="2024-03-05")
    by_trigger = {event.trigger: (event, row) for event, row in found}
    event, row = by_trigger["threatened"]  # no one said who threatened
    assert event.source is None and row["sides_uncoded"] == 0.5
    event, row = by_trigger["protested"]  # protesters implied by the verb, nobody protested against
    assert event.target is None and row["sides_uncoded"] == 0.5 and row["sides_weak"] == 0.5
