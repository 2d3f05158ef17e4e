"""events.senses: a release verb whose object is information publishes it and frees no one
(the object class generated from WordNet: data/information_nouns.yaml)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sitmap import lexicons, pipeline
from sitmap.events import senses

pytestmark = pytest.mark.model


def _triggers(text: str) -> list[str]:
    doc = pipeline.extract(text, published="2019-03-14", source="Wire")
    return [e.trigger for e in doc.events if e.plover == "RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        # none of these objects is on the hand list (object_senses): the WordNet class finds them
        "Statistics released by the Kenyan health ministry on Monday showed a fall in cholera "
        "cases.",
        "New guidance released on Friday by Brazil's electoral court requires campaigns to label "
        "paid posts.",
        "The Dutch safety board released a bulletin on the crash in Ukraine on Tuesday.",
        "Adverts to be released by the Peruvian opposition this week mock the president.",
        "Indian police released a dossier on the night of the riot.",
    ],
)
def test_information_released_is_no_retreat(text: str) -> None:
    assert _triggers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Houthi rebels released two Saudi pilots on Wednesday after talks in Muscat.",
        "The Iranian authorities released the British tanker and its crew on Friday.",
        "Venezuela released him on Sunday after nine months in jail.",
    ],
)
def test_captives_released_stay_a_retreat(text: str) -> None:
    assert _triggers(text) != []


def test_generated_class_reaches_words_no_hand_list_names() -> None:
    nouns = senses._information_nouns()
    assert {"statistic", "guidance", "bulletin", "communique", "dossier"} <= nouns
    assert not {"hostage", "prisoner", "detainee", "journalist", "tanker"} & nouns


WORDNET = Path("/usr/share/wordnet")


@pytest.mark.skipif(not (WORDNET / "data.noun").exists(), reason="WordNet 3.0 not installed")
def test_tool_regenerates_the_committed_file() -> None:
    spec = importlib.util.spec_from_file_location(
        "wordnet_information", Path(__file__).parents[1] / "tools" / "wordnet_information.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.generate(WORDNET) == lexicons.yaml_file("information_nouns.yaml")["nouns"]
