"""Lexicon YAML is read with YAML 1.2 booleans (sitmap.lexicons): words such as "on" and "no"
and the country code "NO" stay words; only true/false are booleans."""

from __future__ import annotations

import yaml

from sitmap import lexicons


def test_lexicons_yaml_words_that_yaml_1_1_reads_as_booleans_stay_words():
    loaded = yaml.load(
        "{preps: [at, on, off], codes: [DK, NO, SE], say: [yes, no], weak: true, civil: false}",
        Loader=lexicons._yaml_loader(),
    )
    assert loaded == {
        "preps": ["at", "on", "off"],
        "codes": ["DK", "NO", "SE"],
        "say": ["yes", "no"],
        "weak": True,
        "civil": False,
    }


def test_lexicons_packaged_lists_hold_no_booleans():
    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, bool):
                    yield item
                yield from walk(item)

    for name in ("predicates.yaml", "fatalities.yaml", "macro_regions.yaml", "time.yaml"):
        assert not list(walk(lexicons.yaml_file(name))), name
    assert "NO" in lexicons.yaml_file("macro_regions.yaml")["regions"]["Scandinavia"]["countries"]
