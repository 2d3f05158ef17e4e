"""The situations scorer: pairwise P/R/F1 and B-cubed, hand-computed on small fixtures."""

from __future__ import annotations

import json

import pytest

from sitmap.errors import InputError
from sitmap.evaluate.situations import (
    GoldMention,
    GoldPair,
    evaluate_pairs,
    read_situation_gold,
)


def _m(name: str) -> GoldMention:
    return GoldMention(origin=f"corpus.jsonl#{name}", evidence=f"Sentence of {name}.",
                       trigger="attacked", type="ASSAULT")  # fmt: skip


A, B, C, D, E = (_m(x) for x in "abcde")


def test_situations_eval_pairwise_and_bcubed_hand_computed() -> None:
    pairs = [
        GoldPair("1", A, B, True),  # merged by sitmap: TP
        GoldPair("2", B, C, True),  # C in another situation: FN
        GoldPair("3", A, D, False),  # D merged with A: FP
        GoldPair("4", D, E, False),  # E missed (no event): TN
    ]
    assignment = {A.key: "s1", B.key: "s1", C.key: "s2", D.key: "s1", E.key: None}
    scores = evaluate_pairs(pairs, assignment)
    assert (scores.pairwise.tp, scores.pairwise.fp, scores.pairwise.fn) == (1, 1, 1)
    assert scores.pairwise.precision == 0.5 and scores.pairwise.recall == 0.5
    # Gold clusters {A,B,C} {D} {E}; predicted {A,B,D} {C} {E}.
    # B-cubed precision: A 2/3, B 2/3, D 1/3, C 1, E 1 -> 11/15
    # B-cubed recall:    A 2/3, B 2/3, C 1/3, D 1, E 1 -> 11/15
    assert scores.bcubed_precision == pytest.approx(11 / 15)
    assert scores.bcubed_recall == pytest.approx(11 / 15)
    assert scores.mentions == 5 and scores.mentions_found == 4
    kinds = sorted(e["kind"] for e in scores.errors)
    assert kinds == ["false merge", "missed merge"]


def test_situations_eval_missed_mentions_never_count_as_merged() -> None:
    scores = evaluate_pairs([GoldPair("1", A, B, True), GoldPair("2", C, D, False)], {})
    assert (scores.pairwise.tp, scores.pairwise.fp, scores.pairwise.fn) == (0, 0, 1)
    assert scores.pairwise.precision is None and scores.pairwise.f1 == 0.0
    assert scores.bcubed_precision == 1.0 and scores.bcubed_recall == pytest.approx(3 / 4)


def test_situations_eval_reads_gold_and_names_bad_lines(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    good = {"id": "pair-0001", "same": True, "why": "same strike",
            "a": {"origin": "x.jsonl#1", "evidence": "E1.", "trigger": "hit", "type": "ASSAULT"},
            "b": {"origin": "y.jsonl#2", "evidence": "E2.", "trigger": "struck",
                  "type": "ASSAULT"}}  # fmt: skip
    path.write_text(json.dumps(good) + "\n\n" + '{"id": "pair-2", "a": {}}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:3"):
        read_situation_gold(path)
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    (pair,) = read_situation_gold(path)
    assert pair.same and pair.a.origin == "x.jsonl#1" and pair.b.trigger == "struck"


def test_situations_eval_missed_merges_give_their_reason() -> None:
    from sitmap.situations import rules

    def key(id: str, **row):
        base = dict(id=id, doc_id=id, plover="ASSAULT", status="asserted",
                    published="2017-10-15", source_code="SOMMIL", source_country="SOM")  # fmt: skip
        return rules.key_of({**base, **row})

    pairs = [
        GoldPair("1", A, B, True),  # B has no event
        GoldPair("2", C, D, True),  # another kind of act (the extraction typed it PROTEST)
        GoldPair("3", C, E, True),  # compatible, but one shared actor is not enough
    ]
    assignment = {A.key: "s1", B.key: None, C.key: "s2", D.key: "s3", E.key: "s4"}
    keys = {A.key: key("a"), C.key: key("c"), D.key: key("d", plover="PROTEST"), E.key: key("e")}
    scores = evaluate_pairs(pairs, assignment, keys)
    assert [e["reason"] for e in scores.errors] == [
        "no event: one", "type family", "too little evidence"]  # fmt: skip
    assert scores.to_dict()["missed_by_reason"] == {
        "no event: one": 1, "type family": 1, "too little evidence": 1}  # fmt: skip


def test_situations_eval_clustering_misses_name_the_member_that_keeps_them_apart() -> None:
    """Two linked events in two situations of one component: the reason names the rule that
    keeps a member of one situation apart from a member of the other (here a strike on
    another stated day in Beledweyne joined to the second report first)."""
    from sitmap.situations import rules

    def key(id: str, **row):
        base = dict(id=id, doc_id=id, plover="ASSAULT", status="asserted",
                    published="2017-10-16", source_code="SOMMIL", source_country="SOM",
                    lat=4.74, lon=45.2, geonameid=57000, country="SO", feature_class="P",
                    feature_code="PPL")  # fmt: skip
        return rules.key_of({**base, **row})

    a, b = key("a", date="2017-10-14"), key("b")
    other_day = key("f", date="2017-10-12")
    assert rules.linked(a, b) and rules.compatible(b, other_day)
    assert not rules.compatible(a, other_day)
    assignment = {A.key: "s1", B.key: "s2"}
    scores = evaluate_pairs([GoldPair("1", A, B, True)], assignment, {A.key: a, B.key: b},
                            members={"s1": [a], "s2": [b, other_day]})  # fmt: skip
    assert scores.errors[0]["reason"] == "clustering: dates"
    bare = evaluate_pairs([GoldPair("1", A, B, True)], assignment, {A.key: a, B.key: b})
    assert bare.errors[0]["reason"] == "clustering"


def test_situations_eval_matches_an_event_told_again_inside_the_gold_sentence() -> None:
    """A later telling merged into an event (``Event.mentions``) is that event's mention: the
    gold sentence holding only the later telling still finds the event, by its span."""
    from sitmap.evaluate.situations import Telling, match_telling

    text = (
        "Police in Lyon arrested two men on Sunday after a fire at a mosque. "
        "The arrests came hours after the blaze, the prefect said. "
        "Separately, farmers protested in Nantes."
    )
    first = text.index("arrested")
    later = text.index("The arrests")
    protest = text.index("farmers")
    tellings = [
        Telling("ev1", first - 15, first + 12, "Police in Lyon arrested two men", "arrested",
                "COERCE"),
        Telling("ev1", later, later + 11, "The arrests", "arrests", "COERCE"),
        Telling("ev2", protest, protest + 16, "farmers protested", "protested", "PROTEST"),
    ]  # fmt: skip
    gold = GoldMention("x.jsonl#1", "The arrests came hours after the blaze, the prefect said.",
                       "arrests", "COERCE")  # fmt: skip
    assert match_telling(text, tellings, gold) == "ev1"
    # the sentence of another event's telling is not this mention's event
    other = GoldMention("x.jsonl#1", "Separately, farmers protested in Nantes.", "arrests",
                        "COERCE")  # fmt: skip
    assert match_telling(text, tellings, other) is None
    # an event of a neighbouring sentence sharing most of its words is no match when the
    # sentence is found in the text
    near = GoldMention("x.jsonl#1", "Police in Lyon arrested two men on Sunday after a fire "
                       "at a mosque.", "detained", "COERCE")  # fmt: skip
    assert match_telling(text, tellings[1:], near) is None
    assert match_telling(text, tellings, near) == "ev1"  # the type decides: same kind of act


def test_situations_eval_locates_a_sentence_whose_white_space_differs() -> None:
    from sitmap.evaluate.situations import locate

    text = "Rebels shelled  the town.\nResidents fled north."
    assert locate(text, "Rebels shelled the town.") == (0, 25)
    assert locate(text, "Residents fled north.") == (26, 47)
    assert locate(text, "Nobody fled.") is None


def test_situations_eval_says_why_a_mention_has_no_event() -> None:
    from sitmap.evaluate.situations import Telling, miss_cause

    text = "Troops shelled Idlib on Monday. Aid workers were detained in Aleppo."
    shell = Telling("ev1", 0, 30, "Troops shelled Idlib on Monday.", "shelled", "ASSAULT")
    detained = GoldMention("x.jsonl#1", "Aid workers were detained in Aleppo.", "detained",
                           "COERCE")  # fmt: skip
    shelling = GoldMention("x.jsonl#1", "Troops shelled Idlib on Monday.", "troops", "MOBILIZE")
    assert miss_cause(text, [shell], detained) == "no event in the sentence (known trigger)"
    assert miss_cause(text, [shell], shelling) == "another act in the sentence"
    gone = GoldMention("x.jsonl#1", "Nobody was hurt.", "hurt", "ASSAULT")
    assert miss_cause(text, [shell], gone) == "sentence not found"
    assert miss_cause("", [], detained) == "article not found"
    scores = evaluate_pairs([GoldPair("1", A, B, True)], {A.key: "s1", B.key: None}, {},
                            {B.key: "no event in the sentence"})  # fmt: skip
    assert scores.mentions_missed == {"no event in the sentence": 1}
    assert scores.errors[0]["b_missed"] == "no event in the sentence"


def test_situations_eval_says_whether_a_missed_trigger_is_in_the_lexicon() -> None:
    """A mention with no event in its sentence: a trigger word the event lexicon has (the
    context dropped it) or one it lacks."""
    from sitmap.evaluate.situations import miss_cause, trigger_known

    assert trigger_known("detained") and trigger_known("allegations")
    assert trigger_known("firing") and trigger_known("charged with")
    assert not trigger_known("undermining") and not trigger_known("wrong thing to do")
    text = "The governor kept undermining the health minister in radio interviews in Lagos."
    told = GoldMention("x.jsonl#1", text, "undermining", "ACCUSE")
    assert miss_cause(text, [], told) == "no event in the sentence (no trigger)"


def test_situations_eval_says_when_the_act_is_told_in_another_sentence() -> None:
    """A mention whose sentence has no event, while the article has the act (its type, its
    trigger's word) in another sentence: a retelling sitmap did not tie to the event."""
    from sitmap.evaluate.situations import Telling, miss_cause, told_elsewhere

    text = ("Police arrested five students in Kano on Monday. The arrests drew crowds to "
            "the police station. A court fined a trader.")  # fmt: skip
    detained = Telling("ev1", 0, 48, "Police arrested five students in Kano on Monday.",
                       "arrested", "COERCE")  # fmt: skip
    again = GoldMention("x.jsonl#1", "The arrests drew crowds to the police station.",
                        "arrests", "COERCE")  # fmt: skip
    assert told_elsewhere([detained], again)
    assert miss_cause(text, [detained], again) == "no event in the sentence (told elsewhere)"
    # another word, or the same word coded as another type, is not the act told again
    fined = GoldMention("x.jsonl#1", "A court fined a trader.", "fined", "SANCTION")
    assert not told_elsewhere([detained], fined)
    assert miss_cause(text, [detained], fined) == "no event in the sentence (known trigger)"
    other = GoldMention("x.jsonl#1", again.evidence, "arrests", "SANCTION")
    assert not told_elsewhere([detained], other)


def test_situations_eval_names_the_other_acts_in_the_sentence() -> None:
    """A mention whose sentence holds only other acts gets them listed (``a_acts``/``b_acts``):
    what sitmap found there instead of the gold act."""
    from sitmap.evaluate.situations import Telling, acts_in_sentence

    text = ("Rangers detained a ferry captain in Mombasa and fined the owners. "
            "Fishermen protested in Lamu.")  # fmt: skip
    fined = text.index("fined")
    tellings = [
        Telling("ev1", 0, 40, "Rangers detained a ferry captain", "detained", "COERCE"),
        Telling("ev1", fined, fined + 16, "fined the owners", "fined", "COERCE"),
        Telling("ev2", text.index("Fishermen"), len(text), "Fishermen protested", "protested",
                "PROTEST"),
    ]  # fmt: skip
    seized = GoldMention("x.jsonl#1", "Rangers detained a ferry captain in Mombasa and fined "
                         "the owners.", "impounded", "SANCTION")  # fmt: skip
    assert acts_in_sentence(text, tellings, seized) == ["detained COERCE", "fined COERCE"]
    assert acts_in_sentence(text, tellings, GoldMention("x.jsonl#1", "Not there.", "x")) == []
    scores = evaluate_pairs([GoldPair("1", A, B, True)], {A.key: "s1", B.key: None}, {},
                            {B.key: "another act in the sentence"},
                            {B.key: ["detained COERCE"]})  # fmt: skip
    assert scores.errors[0]["b_acts"] == ["detained COERCE"]
    assert "a_acts" not in scores.errors[0]
