"""The one reading of the country table's names (sitmap.lexicons.country_forms/country_names),
shared by the actor lexicon, the place mentions and the place context."""

from __future__ import annotations

from sitmap import lexicons
from sitmap.geo import context


def test_lexicons_country_forms_by_column():
    names = dict(lexicons.country_forms())
    assert names["Syria"] == "SYR" and names["Syrian Arab Republic"] == "SYR"
    assert ("Syrian", "SYR") in lexicons.country_forms("demonyms")
    assert ("Syrians", "SYR") in lexicons.country_forms("people")
    assert ("Damascus", "SYR") in lexicons.country_forms("capital")
    assert all(form for form, _ in lexicons.country_forms("capital"))


def test_lexicons_country_names_with_gazetteer_aliases():
    assert "syria" in lexicons.country_names()
    assert "soviet union" not in lexicons.country_names()
    assert "soviet union" in lexicons.country_names(geo_aliases=True)


def test_geo_context_country_is_the_shared_set():
    """The admin context ends a chain at a country named by either table ("Kandi, Benin";
    "Mosul, Soviet Union" is a former state's name from geo.yaml)."""
    assert context._country_name("Benin.") and context._country_name("Soviet Union")
    assert not context._country_name("Alibori")


def test_lexicons_country_names_hold_no_english_word_or_given_name():
    """countryinfo's "Island" (Iceland), "Mann" (Isle of Man) and "Dominique" (Dominica) are
    dropped (tools/country_extras.yaml): "protesting on Reem Island", "Thomas Mann",
    "Dominique Strauss-Kahn" name no country."""
    assert not {"island", "mann", "dominique"} & lexicons.country_names()
    assert {"iceland", "isle of man", "dominica"} <= lexicons.country_names()
