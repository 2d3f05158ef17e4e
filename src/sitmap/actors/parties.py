"""The country a party word or name gives the politician or body it qualifies ("Republican
senators" USA, "Labour Party MP" GBR, "Liberal Democrat MP" GBR and not the US "Democrat")."""

from __future__ import annotations

from functools import cache

from sitmap import lexicons
from sitmap.actors.lexicon import _fold

_UNKNOWN = ""  # a party name of several countries: it gives none and hides its last word


@cache
def _shared() -> frozenset[tuple[str, ...]]:
    data = lexicons.yaml_file("roles.yaml")["people"]
    return frozenset(tuple(_fold(w) for w in n.split()) for n in data["shared_party_words"])


@cache
def _table() -> dict[tuple[str, ...], str]:
    data = lexicons.yaml_file("roles.yaml")["people"]
    table = {(k.lower(),): v for k, v in data["party_words"].items()}
    for name, country in data["party_names"].items():
        table[tuple(_fold(w) for w in name.split())] = country or _UNKNOWN
    return table


def party_country(words: list[str], placed: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The one country the party words and names among ``words`` give, longest name first
    ("liberal democrat" covers "democrat"); None when they name none, several, or a name that
    parties of several countries share ("Social Democrat"). A party word several countries use
    ("Conservative") takes the one country ``placed`` names (the countries of the sentence's
    places) when that is not its usual one."""
    table = _table()
    longest = max(len(k) for k in table)
    folded = [_fold(w) for w in words]
    found: set[str] = set()
    i = 0
    while i < len(folded):
        for size in range(min(longest, len(folded) - i), 0, -1):
            key = tuple(folded[i : i + size])
            country = table.get(key)
            if country is not None:
                if key in _shared() and len(placed) == 1 and country not in placed:
                    country = next(iter(placed))
                found.add(country)
                i += size
                break
        else:
            i += 1
    return found.pop() if len(found) == 1 and _UNKNOWN not in found else None
