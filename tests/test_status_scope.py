"""How far a negation reaches (attribution.status): not past a "but" that sets a second act
against the first, not through a verb that only tells of an act (disclose, report, acknowledge:
generated from WordNet, data/disclosure_verbs_wordnet.yaml). Sentences written for these
tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from _article_events import event_on

from sitmap import lexicons

pytestmark = pytest.mark.model


def _status(text: str, trigger: str) -> str:
    return event_on(text, trigger).status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # "not X but Y": the second act took place
        ("The general came not to praise the rebels but to condemn them.", "condemn", "asserted"),
        ("The general came not to praise the rebels but to condemn them.", "praise", "negated"),
        (
            "The minister did not resign but apologised to the families of the victims.",
            "apologised",
            "asserted",
        ),
        # "or" / "nor" keep the negation on both
        ("The president did not meet or call the Turkish leader.", "meet", "negated"),
        (
            "The army did not attack the village, nor did it arrest anyone.",
            "arrest",
            "negated",
        ),
        # an act told under a verb of disclosing or acknowledging keeps its own modality ...
        (
            "The minister failed to disclose several meetings with Iranian officials.",
            "meetings",
            "asserted",
        ),
        (
            "Colombia refused to acknowledge the killings of the activists.",
            "killings",
            "asserted",
        ),
        (
            "The president declined to discuss his meeting with the Russian envoy.",
            "meeting",
            "asserted",
        ),
        # ... while one under a negating verb, or held by a light verb under it, stays negated
        ("Iran denied attacking the tanker in the Gulf of Oman.", "attacking", "negated"),
        (
            "The rebels refused to hold talks with the government in Khartoum.",
            "talks",
            "negated",
        ),
    ],
)
def test_negation_scope(text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger) == status


WORDNET = Path("/usr/share/wordnet")


@pytest.mark.skipif(not (WORDNET / "data.verb").exists(), reason="WordNet 3.0 not installed")
def test_tool_regenerates_the_committed_file() -> None:
    pytest.importorskip("nltk")
    tools = Path(__file__).parents[1] / "tools"
    spec = importlib.util.spec_from_file_location(
        "wordnet_disclosure", tools / "wordnet_disclosure.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    wn = mod._reader(WORDNET)
    committed = lexicons.yaml_file("disclosure_verbs_wordnet.yaml")["verbs"]
    assert mod.generate(wn) == committed
    assert {"disclose", "acknowledge", "report", "mention", "divulge"} <= set(committed)
    assert not {"deny", "refuse", "raise", "name"} & set(committed)
