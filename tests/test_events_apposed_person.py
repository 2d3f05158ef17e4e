"""events: a title that a modifier codes ("Trump's former campaign chair") followed by a
named person in apposition ("..., Paul Manafort") is that person, coded as the modifier's
body when the person has no code of their own: the merge rules can then tell the same named
person in two reports (``situations.rules.same_person``). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _target(text: str, trigger: str) -> tuple[str | None, str | None]:
    doc = pipeline.extract(text, published="2017-10-31", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, [e.trigger for e in doc.events]
    target = found[0].target
    return (target.name, target.code) if target else (None, None)


def test_a_coded_title_in_apposition_names_the_person():
    text = (
        "A reporter asked about the indictment of the Kenyan ruling party's former treasurer, "
        "Samuel Otieno Mwangi."
    )
    name, code = _target(text, "indictment")
    assert name == "Samuel Otieno Mwangi"
    assert code is not None and code.startswith("KEN"), code


def test_a_title_without_a_named_person_keeps_the_modifiers_actor():
    text = "A reporter asked about the indictment of the Kenyan ruling party's former treasurer."
    name, code = _target(text, "indictment")
    assert name != "Samuel Otieno Mwangi"
    assert code is not None and code.startswith("KEN"), code
