"""tools/build_region_aliases.py: a region's alternate name loses its feature word, before or
after it, unless what is left is only generic words."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "tools" / "build_region_aliases.py"
_SPEC = importlib.util.spec_from_file_location("build_region_aliases", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)

_WORDS = {"region", "governorate", "province"}


def test_build_region_aliases_feature_word_after_or_before():
    assert build.bare_names("Banadir Region", _WORDS) == ["Banadir"]
    assert build.bare_names("Gobolka Awdal", _WORDS) == ["Awdal"]
    assert build.bare_names("Provincia de Lima", _WORDS) == ["Lima"]


def test_build_region_aliases_generic_words_are_no_name():
    assert build.bare_names("Central Region", _WORDS) == []
    assert build.bare_names("Governorate Number One", _WORDS) == []
    assert build.bare_names("Awdal", _WORDS) == []


def test_build_region_aliases_kind_after_a_bare_name():
    """Zambia's "North-Western", a province, is also "North-Western Province"."""
    words = _WORDS | {"state"}
    assert build.with_feature_word("North-Western", "Province", words) == "North-Western Province"
    assert build.with_feature_word("Western Province", "Province", words) is None
    assert build.with_feature_word("Lusaka", "Metropolitan department", words) is None
