"""Kinds of people generated from WordNet hyponym trees (tools/wordnet_people.py →
data/people_nouns.yaml) code a group by its sector: scientists and scholars EDU, pharmacists
HLH, brokers BUS, newscasters MED. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitmap import actors, lexicons
from sitmap.actors.lexicon import _key, _lexicon

D2017 = date(2017, 11, 20)
WORDNET = Path("/usr/share/wordnet")


def test_generated_list_holds_general_kinds_not_gold_words():
    data = lexicons.yaml_file("people_nouns.yaml")["sectors"]
    assert {"geologist", "economist", "historian"} <= set(data["education"])
    assert {"pharmacist", "surgeon"} <= set(data["health"])
    assert "stockbroker" in data["business"]
    # excluded trees and words that are verbs too stay out
    assert "investigator" not in data["education"]
    assert not any(w in data[s] for s in data for w in ("vet", "intern", "soldier", "lawyer"))


def test_hand_lists_win_over_the_generated_ones():
    # WordNet lists "trader" and "shopkeeper" as business people and "pundit" as a scholar;
    # sectors.yaml has them as civilians and as a media title: only the hand entries are read
    generated = lexicons.yaml_file("people_nouns.yaml")["sectors"]
    assert {"trader", "shopkeeper"} <= set(generated["business"])
    assert "pundit" in generated["education"]
    lex = _lexicon()
    for word in ("trader", "shopkeeper", "shopkeepers"):
        assert [e.sector for e in lex.table[_key(word)[0]]] == ["civilians"], word
    assert [(e.type, e.sector) for e in lex.table[_key("pundit")[0]]] == [("T", "media")]
    assert any(e.type == "T" for e in lex.table[_key("reporter")[0]])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("A group of Brazilian economists urged the central bank to cut rates.", "economists",
         "BRAEDU"),
        ("Canadian geologists criticized the mining ministry on Tuesday.", "geologists", "CANEDU"),
        ("Turkish pharmacists accused the government of delays.", "pharmacists", "TURHLH"),
        ("Indian stockbrokers condemned the new tax.", "stockbrokers", "INDBUS"),
    ],
)  # fmt: skip
def test_generated_kinds_code_a_group(analysed, text, word, code):
    doc = actors.code(analysed(text, published=D2017))
    assert code in [a.code for a in doc.actors if word in a.text]


@pytest.mark.model
def test_investigators_are_not_scholars(analysed):
    doc = actors.code(analysed("Swedish investigators questioned the mayor.", published=D2017))
    assert not any((a.code or "").endswith("EDU") for a in doc.actors)


@pytest.mark.skipif(not (WORDNET / "data.noun").exists(), reason="WordNet 3.0 not installed")
def test_tool_regenerates_the_committed_file():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "wordnet_people", Path(__file__).parents[1] / "tools" / "wordnet_people.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    generated = mod.generate(WORDNET)
    assert generated == lexicons.yaml_file("people_nouns.yaml")["sectors"]
