"""Coding one phrase without a parse: ``lookup``, ``place_actor``, ``group``, ``outlet``."""

from __future__ import annotations

from datetime import date

from sitmap.actors.compose import _actors, _Ctx
from sitmap.actors.countries import _country_entries
from sitmap.actors.lexicon import _CAPITAL, _COUNTRY, _OUTLET, _lexicon
from sitmap.actors.scan import _phrase_tokens, _scan
from sitmap.model import Actor


def lookup(text: str, *, on: date | None = None) -> Actor | None:
    """Code one phrase ("Tillerson", "the Syrian foreign ministry", "a U.S. official").

    Spans are relative to ``text``. Uses the lexicons only (no spaCy model). Returns the most
    specific actor in the phrase, or None when it names no known actor.
    """
    toks = _phrase_tokens(text)
    if not toks:
        return None
    lex = _lexicon()
    ctx = _Ctx(
        toks=toks,
        lex=lex,
        on=on,
        dated=on is not None,
        text=text,
        seen=set(),
        learned={},
        persons={},
        tagged=False,
    )
    actors = _actors(ctx)
    if not actors:
        return None
    rank = {"person": 3, "organisation": 2, "group": 1, "state": 0}
    return max(actors, key=lambda a: (a.end - a.start, rank.get(a.kind, 0), a.start))


def place_actor(text: str, start: int = 0) -> Actor | None:
    """A country or capital named where an actor is meant ("visited Myanmar", "urged
    Pyongyang"): the state, or the capital's government; None for any other place name.
    Spans start at ``start``.

    The actors stage leaves names after locative words ("to Myanmar") uncoded; the caller
    decides that the name is an argument of an event and not a location.
    """
    lex = _lexicon()
    entries = _country_entries(text)
    if not entries or not text[:1].isupper():
        return None
    entry = next((e for e in entries if e.type == _COUNTRY), entries[0])
    iso3 = entry.key
    capital = entry.type == _CAPITAL
    return Actor(
        text=text,
        start=start,
        end=start + len(text),
        name=lex.countries[iso3]["name"],
        country=iso3,
        sector="government" if capital else None,
        code=f"{iso3}{lex.sector_codes['government']}" if capital else iso3,
        kind="organisation" if capital else "state",
        score=0.6 if capital else 0.9,
    )


def group(sector: str, country: str | None, text: str, start: int) -> Actor:
    """An unnamed group known only by what it does ("protests erupted": protesters), coded
    by sector and, when known, country."""
    lex = _lexicon()
    return Actor(
        text=text,
        start=start,
        end=start + len(text),
        country=country,
        sector=sector,
        code=f"{country or ''}{lex.sector_codes[sector]}",
        kind="group",
        score=0.5,
    )


def outlet(text: str) -> str | None:
    """Canonical name of the news outlet or agency a phrase names, else None.

    "Reuters" → "Reuters"; "regional outlet Al-Masdar" → "Al-Masdar News"; "the outlet" → None.
    """
    toks = _phrase_tokens(text)
    if not toks:
        return None
    lex = _lexicon()
    for piece in _scan(toks, lex, {}):
        if piece.type == _OUTLET:
            return piece.entry.key
    return None
