"""The country a party word or name gives the politician or body it qualifies ("Republican
senators" USA, "Labour Party MP" GBR, "Liberal Democrat MP" GBR and not the US "Democrat")."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.actors.lexicon import _fold, _lexicon
from sitmap.model import Actor

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


@cache
def _seating() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = lexicons.yaml_file("roles.yaml")["people"]
    return (
        frozenset(data["member_plurals"]),
        frozenset(data["legislature_cues"]),
        frozenset(data["electorate_cues"]),
    )


def seated(actors: list[Actor], sdoc: Any) -> list[Actor]:
    """A party named by its members ("Republicans", "Democrats") in a sentence about the
    legislature, recoded as legislators of its country ("Republicans have complained that
    Democrats are obstructing the confirmation of judges": USALEG, both): in such a sentence
    the members meant are those in Congress (eval/GUIDE.md, "Legislators and Congress").
    Elsewhere ("accused rival Democrats of a smear campaign") and with a state or other
    modifier before it ("Texas Republicans") or in a sentence about voters or elections ("59
    percent of Republicans back the bill") the party is left as it is."""
    plurals, cues, electorate = _seating()
    out: list[Actor] = []
    for a in actors:
        if a.sector == "party" and a.kind == "organisation" and a.text.lower() in plurals:
            span = sdoc.char_span(a.start, a.end)
            if span is not None and _about_legislature(span, cues, electorate):
                code = f"{a.country or ''}{_lexicon().sector_codes['legislature']}"
                a = replace(a, sector="legislature", code=code)
        out.append(a)
    return out


def _about_legislature(span: Any, cues: frozenset[str], electorate: frozenset[str]) -> bool:
    """Whether the sentence of a bare party mention is about the legislature (a cue word of
    ``legislature_cues``: "Congress", "the Senate", "lawmakers", "the bill", "confirmation")
    and not about voters or elections (``electorate_cues``), the mention having no place
    before it ("Texas Republicans": the state's)."""
    sdoc = span.doc
    before = sdoc[span.start - 1] if span.start > 0 else None
    if before is not None and before.ent_type_ in {"GPE", "NORP", "LOC"}:
        return False
    if any(t.lower_ in electorate for t in span.sent):
        return False
    for tok in span.sent:
        word = tok.lower_
        if word not in cues or span.start <= tok.i < span.end:
            continue
        if word == "house" and tok.i > 0 and sdoc[tok.i - 1].lower_ == "white":
            continue
        if word in {"bill", "bills"} and tok.pos_ == "PROPN":
            continue
        return True
    return False
