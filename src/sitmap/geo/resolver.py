"""Toponym resolution with document context (the place of each event: ``geo.placement``).

A mention's candidates come from the gazetteer index; each is scored by population (log), kind
(countries outrank namesake cities; a city outranks its namesake region when the city is a big
part of it, unless the text says "province"/"state"), whether the mention is the entry's own
name rather than an alternate one, an explicit container ("Alexandria, La.", "Paris, Texas",
"Springfield, MO", "Tripoli, Lebanon") and the document's other toponyms: every name's candidate
probabilities are evidence for countries, first-level regions (states) and second-level regions
(counties), and each name is scored against the others' evidence over a few rounds, so that
"Paris" next to "Henry County" and "Tenn." is Paris, Tennessee. Scores become a probability over
the candidates. Facilities named after their town ("the Henderson County Jail") are narrowed to
the town when the whole name is not a place. A name the gazetteer lacks under its spelling may
be another spelling of a town of 5,000+ people or a region (:func:`index.variant_key`:
"Jisr ash-Shugur", "Savannahkhet"), kept when it lies in the document's country.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from sitmap import lexicons
from sitmap.geo import index
from sitmap.geo.evidence import (  # noqa: F401  (re-exported)
    _above_countries,
    _actor_countries,
    _contextual_scores,
    _locate_unknown,
    _looks_like_demonym,
    _resolve_all,
)
from sitmap.geo.index import Gazetteer
from sitmap.geo.mentions import (  # noqa: F401  (re-exported)
    PLACE_LABELS,
    SCAN_MIN_POPULATION,
    _admin_context,
    _analyse,
    _detect,
    _hint_lists,
    _lex,
    _link_containers,
    _Mention,
    _name_cues,
    _narrow_to_place,
    _own_name,
    _state_code,
    _us_state_name,
)
from sitmap.geo.placement import place_events
from sitmap.geo.scoring import (  # noqa: F401  (re-exported)
    _Context,
    _context_bonus,
    _resolve_mention,
    _score,
    distance_km,
)
from sitmap.model import Document, Place

__all__ = ["candidates", "distance_km", "gazetteer", "lookup", "resolve"]


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]* $")


@cache
def _compass_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.yaml_file("geo.yaml")["compass_words"])


def _compass_tail(m: _Mention, text: str) -> bool:
    """A bare compass word ("Central", "Northern") right after a capitalised word is the end of
    a longer name ("Kajiado Central" constituency, "Nakuru Central Police Station"), not the
    region of that bare name in some other country."""
    if m.text.strip().lower() not in _compass_words():
        return False
    return bool(_CAPITALISED_BEFORE.search(text[max(0, m.start - 30) : m.start]))


_PART_AFTER = re.compile(
    r" (?:North|South|East|West|Central|North-East|North-West|South-East|South-West)\b"
)


def _extend_to_part(m: _Mention, text: str, gaz: Gazetteer) -> None:
    """ "Wajir East", "Turkana West" where NER tagged the region alone: the mention takes the
    compass word, and so the part of the region (:func:`sitmap.geo.mentions._analyse`)."""
    hit = _PART_AFTER.match(text, m.end)
    if m.key is None or not m.ids or hit is None:
        return
    longer = _Mention(text=text[m.start : hit.end()], start=m.start, end=hit.end())
    _analyse(longer, text, gaz)
    if longer.part:
        m.text, m.end, m.key, m.ids = longer.text, longer.end, longer.key, longer.ids
        m.qualifier, m.part, m.hint = longer.qualifier, True, longer.hint


def _add_respelled_capital(m: _Mention, gaz: Gazetteer) -> None:
    """A first-level region's name that no town shares under this spelling, written without
    "province"/"region", may still be its namesake capital spelled otherwise ("Zaporizhia" of
    Zaporizhzhia in Zaporizhia oblast): such towns of the region join the candidates, and
    the usual city-before-region scoring decides."""
    if m.key is None or not m.ids or m.hint == "admin":
        return
    regions = [i for i in m.ids if gaz.fcode[i] == index.ADM1]
    if not regions or any(gaz.fclass[i] == "P" for i in m.ids):
        return
    homes = {(gaz.country[r], gaz.admin1[r]) for r in regions}
    extra = tuple(
        j
        for j in gaz.variant_ids(m.key)
        if gaz.fclass[j] == "P" and j not in m.ids and (gaz.country[j], gaz.admin1[j]) in homes
    )
    if extra:
        m.ids = (*m.ids, *extra)
        m.namesake_population = None


def gazetteer() -> Gazetteer:
    """The gazetteer (built on first use, then loaded from the cache; kept per process)."""
    return index.load()


def candidates(name: str) -> list[Place]:
    """Every gazetteer entry ``name`` may denote, most populous first."""
    return gazetteer().candidates(name)


def lookup(name: str, *, country: str | None = None) -> Place | None:
    """Best single resolution of a bare name (``country``: ISO2 the place is expected in).

    Feature words and directional qualifiers are understood: ``lookup("Idlib province")``
    gives the region, ``lookup("southern Raqqa")`` the city with qualifier "south".
    """
    mention = _Mention(text=name, start=0, end=len(name))
    _analyse(mention, name, gazetteer())
    _add_respelled_capital(mention, gazetteer())
    context = _Context(countries=Counter({country.upper(): 5.0}) if country else Counter())
    place = _resolve_mention(mention, gazetteer(), context)
    return place if place.geonameid is not None else None


def resolve(
    doc: Document,
    *,
    spans: list[tuple[int, int]] | None = None,
    document_place: bool = False,
) -> Document:
    """Fill ``doc.places`` and set ``place``/``place_basis`` on each of ``doc.events``.

    Toponyms are the GPE/LOC/FAC entities of ``doc._spacy`` plus gazetteer names NER missed
    (countries, regions, cities of 100k+ people in capitalised proper nouns); ``spans`` gives
    the toponym character spans instead (evaluation against gold toponyms). A toponym that
    cannot be resolved is kept with ``geonameid`` None, at the position of the document's focus
    place when it has one (see :func:`_locate_unknown`). Events are placed by
    :func:`sitmap.geo.placement.place_events`; ``document_place`` gives the events the text does
    not place the document's focus place, marked ``place_basis="document"``.
    """
    gaz = gazetteer()
    text = doc.clean_text
    if spans is not None:
        mentions = [_Mention(text=doc.text[s:e], start=s, end=e) for s, e in sorted(spans)]
    else:
        mentions = _detect(doc, gaz)
    for m in mentions:
        _analyse(m, text, gaz)
        _extend_to_part(m, text, gaz)
        _add_respelled_capital(m, gaz)
        if m.key is not None and not m.ids:
            _narrow_to_place(m, text, gaz)
        if m.key is not None and not m.ids:  # "Jisr ash-Shugur", "Bossaso": another spelling
            m.ids = gaz.variant_ids(m.key)
            m.small = m.variant = bool(m.ids)  # ... kept only in the document's country
    mentions = [m for m in mentions if m.key is not None]
    if spans is None:
        mentions = _admin_context(mentions, text, gaz)
        mentions = [m for m in mentions if not _compass_tail(m, text)]
    _link_containers(mentions, text)
    _hint_lists(mentions, text, gaz)
    places = _resolve_all(mentions, doc, gaz, cues=_name_cues(doc, gaz, mentions))
    _locate_unknown(places)
    doc.places = places
    place_events(doc, document_place=document_place)
    return doc
