"""``in_office``: office holders coded by the office held on the event's date."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sitmap.actors.compose import _Ctx, _past_term_code, _term_code
from sitmap.actors.lexicon import _IGO_BASES, _lexicon
from sitmap.model import Document


def in_office(doc: Document) -> Document:
    """Code each office holder of an event by the office held on the event's date ("Obama
    imposed sanctions in 2014": USAGOV in a 2017 article), after his terms by his last office
    with the role "former ...". Runs after ``when`` has dated the events."""
    lex = _lexicon()
    ctx = _Ctx(toks=[], lex=lex, on=None, dated=False, text="", seen=set(), learned={},
               persons={}, tagged=False)  # fmt: skip
    for event in doc.events:
        day = _event_day(event)
        if day is None:
            continue
        for side in ("source", "target"):
            actor = getattr(event, side)
            if actor is None or actor.kind != "person" or actor.name not in lex.holders:
                continue
            terms = lex.holders[actor.name]
            held = [t for t in terms if t["start"] <= day and (not t["end"] or day < t["end"])]
            term = held[0] if held else None
            past = [t for t in terms if t["end"] and t["end"] <= day]
            country = terms[0]["country"] if terms[0]["country"] not in _IGO_BASES else None
            if term is not None:
                code, sector = _term_code(term, ctx)
                role = term["role"]
            elif past and country is not None:
                last = max(past, key=lambda t: t["end"])
                code, sector = _past_term_code(last, country, ctx)
                role = f"former {last['role']}"
            else:
                continue  # before any term: the date may be another event's; keep the code
            if (code, role) != (actor.code, actor.role):
                setattr(event, side, replace(actor, code=code, sector=sector, role=role))
    return doc


def _event_day(event: Any) -> str | None:
    """The event's date as an ISO day to compare with terms: mid-period for a month or year."""
    expr = event.date
    if expr is None or not expr.date or expr.precision not in ("day", "week", "month", "year"):
        return None
    iso = expr.date[:10]
    if expr.precision == "year":
        return iso[:4] + "-07-01"
    if expr.precision == "month":
        return iso[:7] + "-15"
    return iso
