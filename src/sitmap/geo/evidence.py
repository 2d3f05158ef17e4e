"""Resolution of all a document's mentions together: every name's candidate probabilities are
evidence for countries, first- and second-level regions, and each name is scored against the
others' evidence over a few rounds; names the gazetteer lacks borrow a position.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from sitmap.geo.admin import admin_words
from sitmap.geo.index import (
    ADM1,
    ADM2,
    CONTINENT,
    COUNTRY,
    MACRO,
    REGION,
    Gazetteer,
    normalise,
)
from sitmap.geo.mentions import _Mention, _own_name, _us_state_name
from sitmap.geo.placement import focus_place
from sitmap.geo.scoring import (
    _NO_CONTEXT,
    _Context,
    _context_bonus,
    _curated,
    _inside,
    _neighbours,
    _score,
    _to_place,
    distance_km,
)
from sitmap.model import Document, Place

_HOME_WEIGHT = 1.0  # evidence for a country that places a document firmly there: one name's
_ABROAD_SHARE = 0.1  # evidence for a town's country below which a guessed town is dropped
_GUESS_SUPPORT = 0.2  # country evidence a guessed reading needs (an actor of it gives 0.25)
_CONTAINED_FACTOR = 0.5  # score of an unknown name placed at its container's position
_SHARPNESS = 2.3  # evidence probabilities: ln 10 makes them proportional to population
_ROUNDS = 3  # rounds of document context (each name against the others' evidence)
_W_CONTAINED = 3.0  # a town and the county containing it, both named in the document
_OFF_CONTAINER_KM = 250.0  # a reading this near a written region it lies outside still stands
_CUE_WEIGHT = 0.5  # evidence of a region named in an organisation's name, per name
_MINOR_POPULATION = 100_000  # a town below this, abroad from the story's country: a lacuna
_CAPITALS = frozenset({"PPLC", "PPLA"})  # capitals of countries and first-level regions


def _resolve_all(
    mentions: list[_Mention], doc: Document, gaz: Gazetteer, *, cues: list[_Mention] = ()
) -> list[Place]:
    """Resolve every mention in the context of the document's other toponyms (and ``cues``:
    names that are evidence only, see :func:`_name_cues`)."""
    scores, contexts = _contextual_scores([*mentions, *cues], doc, gaz)
    placed: dict[int, Place] = {}
    best: dict[int, int] = {}
    for m in mentions:
        if m.ids:
            ranked = sorted(((s, i) for i, s in scores[id(m)].items()), reverse=True)
            placed[id(m)] = _to_place(m, gaz, ranked)
            best[id(m)] = ranked[0][1]
    # countries the text names, itself or by one of their first-level regions
    written = {
        gaz.country[best[id(m)]]
        for m in mentions
        if m.ids and gaz.fcode[best[id(m)]] in (COUNTRY, ADM1)
    }
    places: list[Place] = []
    for m in mentions:
        ctx = contexts.get(m.key or "")
        lacks = bool(m.ids) and _minor_abroad(gaz, m, best[id(m)], ctx, written)
        if (
            (m.small and _abroad(gaz, best[id(m)], ctx))
            or (m.variant and not _corroborated(gaz, best[id(m)], ctx))
            or (lacks and not m.parents)  # with containers: placed in them below
        ):
            # "killed in Boura" of a story in Burkina Faso when the gazetteer's only Boura is
            # Romanian, or "in Kinyasi village" (no Kinyasi anywhere) guessed to be Konosu in
            # Japan: a place the gazetteer lacks, not a trip abroad
            places.append(_to_place(m, gaz, []))
            continue
        # A name whose every reading lies outside the containers written beside it ("Bougou
        # (Djougou, Donga)" when the gazetteer's Bougou is in another country; "Colerain,
        # Pennsylvania" when its only Colerains are in Ohio and Massachusetts) is a place the
        # gazetteer lacks.
        outside = (
            lacks
            or (
                bool(m.ids)
                and (gaz.fclass[best[id(m)]] == "P" or gaz.fcode[best[id(m)]] == ADM2)
                and (
                    (
                        bool(m.parents)
                        # any reading of a container: "Berdiansk, Zaporizhia" is in the
                        # region, though "Zaporizhia" alone would be its namesake city
                        and not any(
                            _inside(gaz, q, best[id(m)])
                            for p in m.parents
                            for q in (best[id(p)], *p.ids)
                        )
                    )
                    or _off_container(gaz, best[id(m)], m, doc.clean_text)
                )
            )
            # a region of another country than its written container ("the Southern Province
            # of Savannakhet" read as Sierra Leone's)
            or (
                bool(m.ids)
                and bool(m.parents)
                and gaz.fcode[best[id(m)]] in (ADM1, REGION)
                and all(gaz.country[best[id(p)]] != gaz.country[best[id(m)]] for p in m.parents)
            )
        )
        if m.ids and not outside:
            places.append(placed[id(m)])
        elif m.parents:  # a village no gazetteer has: where its district is
            parent = placed[id(m.parents[0])]
            places.append(
                Place(
                    text=m.text,
                    start=m.start,
                    end=m.end,
                    country=parent.country,
                    admin1=parent.admin1,
                    lat=parent.lat,
                    lon=parent.lon,
                    qualifier=m.qualifier,
                    score=round(parent.score * _CONTAINED_FACTOR, 3),
                )
            )
        elif m.cued or not _looks_like_demonym(m):
            places.append(_to_place(m, gaz, []))
    return places


def _minor_abroad(
    gaz: Gazetteer, m: _Mention, i: int, ctx: _Context | None, written: set[str]
) -> bool:
    """Whether every reading of a name is a town or district of fewer than
    :data:`_MINOR_POPULATION` people (no capital) outside the countries the text names, itself
    or by a first-level region, while the document is firmly set in one of those
    (:func:`_abroad`): "a convoy ambushed near Kiunga" in a report on Kenya's Lamu county, when
    the gazetteer's only Kiunga is in Papua New Guinea, is a place the gazetteer lacks, no
    namesake across the world. A capital or a big city abroad is news from there, and a note
    naming no country or region has no home to set against the reading."""
    if ctx is None or not ctx.countries or gaz.country[i] in written:
        return False
    if ctx.countries.most_common(1)[0][0] not in written or not _abroad(gaz, i, ctx):
        return False
    return all(
        (gaz.fclass[j] == "P" or gaz.fcode[j] == ADM2)
        and gaz.fcode[j] not in _CAPITALS
        and gaz.population[j] < _MINOR_POPULATION
        for j in m.ids
    )


def _off_container(gaz: Gazetteer, i: int, m: _Mention, text: str) -> bool:
    """Whether a reading, and every other reading of the name, lies outside the region or state
    of its own country written after the name, and more than :data:`_OFF_CONTAINER_KM` from it
    ("Colerain, Pennsylvania" read as Colrain, Massachusetts; "Kisumu, Kilifi county" as Kisumu
    town): a namesake the text contradicts. A reading just across the region's border stays (a
    town a report codes to the neighbouring region), and so does one when the gazetteer has
    another reading inside ("Kansas City, Kan."). A container that is a country, or a region
    only of other countries ("Bangui, Russia has agreed", "(Jaffna, Northern)" of a town in Sri
    Lanka's Northern Province), says nothing here: the document's countries decide those; nor
    does the next name of a list ("offices in Miami, West Palm Beach, New York and Detroit")."""
    if text[: m.start].rstrip().endswith(","):
        return False
    if m.container_state:
        state = _us_state_name(m.container_state)
        regions = [
            p
            for p in gaz.key_ids(normalise(state or ""))
            if gaz.fcode[p] == ADM1 and gaz.country[p] == "US"
        ]
    elif m.container:
        words = m.container.split()
        bare = " ".join(words[:-1]) if len(words) > 1 and words[-1] in admin_words() else ""
        regions = [
            p
            for p in gaz.key_ids(m.container)
            if gaz.fcode[p] in (ADM1, ADM2)
            and (_own_name(gaz.name[p], m.container) or (bare and _own_name(gaz.name[p], bare)))
        ]
    else:
        return False
    if any(gaz.fcode[p] == COUNTRY for p in gaz.key_ids(m.container or "")):
        return False  # "Bogota, Colombia": the country, not its namesake municipality
    regions = [p for p in regions if gaz.country[p] == gaz.country[i]]
    return bool(regions) and not any(  # no reading of the name inside or near it
        _inside(gaz, p, j)
        or distance_km(gaz.lat[p], gaz.lon[p], gaz.lat[j], gaz.lon[j]) <= _OFF_CONTAINER_KM
        for p in regions
        for j in (i, *m.ids)
    )


def _corroborated(gaz: Gazetteer, i: int, ctx: _Context | None) -> bool:
    """Whether a guessed reading (a spelling variant) lies in a
    country the document's other names or its actors point to, and not :func:`_abroad`: a
    guess with nothing else placing the story in its country is more likely a place the
    gazetteer lacks than a namesake anywhere on earth."""
    if ctx is None or ctx.countries.get(gaz.country[i], 0.0) < _GUESS_SUPPORT:
        return False
    return not _abroad(gaz, i, ctx)


def _abroad(gaz: Gazetteer, i: int, ctx: _Context | None) -> bool:
    """Whether the reading lies in a country the document's other names give next to no weight
    (nor to its neighbours) while they place the document firmly in another one."""
    if ctx is None or not ctx.countries:
        return False
    home, weight = ctx.countries.most_common(1)[0]
    cc = gaz.country[i]
    if weight < _HOME_WEIGHT or not cc or cc == home:
        return False
    return ctx.countries.get(cc, 0.0) < _ABROAD_SHARE and cc not in _neighbours().get(home, ())


def _contextual_scores(
    mentions: list[_Mention], doc: Document, gaz: Gazetteer
) -> tuple[dict[int, dict[int, float]], dict[str, _Context]]:
    """Candidate scores of each mention (by ``id``) in document context; the context per name.

    Each distinct name holds a probability over its candidates; the countries, first- and
    second-level regions of those candidates, weighted by probability, are that name's evidence
    about where the document is. A name is scored against the evidence of the *other* names
    (never its own). Starting from population and kind alone, a few rounds let unambiguous
    names ("Tennessee", "Barrow County", "Beirut") pull ambiguous ones ("Paris", "Henry County",
    "Tripoli") into their country, region and county.
    """
    actor_countries = _actor_countries(doc)
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        if m.ids and not m.cue:
            groups.setdefault(m.key or "", []).append(m)
    weight = dict.fromkeys(groups, 1.0)
    for m in mentions:
        if m.ids and m.cue and m.key not in groups:  # a name also used as a place counts once
            groups.setdefault(f"cue:{m.key}", []).append(m)
            weight[f"cue:{m.key}"] = _CUE_WEIGHT
    # "Springfield City" and "Springfield" are one name twice, never evidence for each other.
    stem = {k: k.removesuffix(" city") for k in groups}
    related = {k: [o for o in groups if stem[o] == stem[k]] for k in groups}
    local = {id(m): {i: _score(gaz, i, m, _NO_CONTEXT) for i in m.ids} for m in mentions}
    _add_containment(gaz, groups, related, local)
    scores = dict(local)
    contexts: dict[str, _Context] = {}
    evidence = {k: _evidence(gaz, ms, scores, weight[k]) for k, ms in groups.items()}
    above = {id(m): _above_countries(gaz, m) for ms in groups.values() for m in ms}
    for _ in range(_ROUNDS):
        total = _Evidence()
        for ev in evidence.values():
            total.add(ev)
        for key, ms in groups.items():
            own = _Evidence()
            for other in related[key]:
                own.add(evidence[other])
            ctx = contexts[key] = _Context(
                countries=_minus(total.countries, own.countries) + actor_countries,
                admin1=_minus(total.admin1, own.admin1),
                admin2=_minus(total.admin2, own.admin2),
            )
            for m in ms:
                near_ok = not above[id(m)]
                scores[id(m)] = {
                    i: s + _context_bonus(gaz, i, ctx, local=near_ok)
                    for i, s in local[id(m)].items()
                }
        evidence = {k: _evidence(gaz, ms, scores, weight[k]) for k, ms in groups.items()}
    return scores, contexts


def _above_countries(gaz: Gazetteer, m: _Mention) -> bool:
    """Whether the name is the own name of a continent, a region of several countries or a
    sea ("the Middle East", "the Red Sea"). Its namesake towns and quarters (a "Middle East"
    neighbourhood in Baltimore) then get no support from the document's states and counties:
    a story about Baltimore that names the Middle East still means the region."""
    return any(
        (gaz.fcode[i] in (CONTINENT, MACRO) or (gaz.fclass[i] == "H" and not gaz.country[i]))
        and (_own_name(gaz.name[i], m.key or "") or _curated(gaz, i))
        for i in m.ids
    )


def _county_key(gaz: Gazetteer, i: int) -> tuple[str, str | None, str | None]:
    return gaz.country[i], gaz.admin1[i], gaz.admin2[i]


def _add_containment(
    gaz: Gazetteer,
    groups: dict[str, list[_Mention]],
    related: dict[str, list[str]],
    local: dict[int, dict[int, float]],
) -> None:
    """A town and a county of the document that contains it ("Lebanon" and "Boone County":
    Lebanon, Indiana, the seat of Boone County, Indiana) support each other, however unlikely
    either reading is alone: the pair is rarely a coincidence. Own names only ("Washington" is
    no Washington County), and never for a state's name."""
    counties: dict[str, set[tuple[str, str | None, str | None]]] = {}
    towns: dict[str, set[tuple[str, str | None, str | None]]] = {}
    for key, ms in groups.items():
        own = [i for i in ms[0].ids if gaz.admin2[i] and normalise(gaz.name[i]) == key]
        if any(gaz.fcode[i] == ADM1 and normalise(gaz.name[i]) == key for i in ms[0].ids):
            own = []  # "California", "Washington": a state first, never a town by coincidence
        counties[key] = {_county_key(gaz, i) for i in own if gaz.fcode[i] == ADM2}
        towns[key] = {_county_key(gaz, i) for i in own if gaz.fclass[i] == "P"}
    all_counties = Counter(k for ks in counties.values() for k in ks)
    all_towns = Counter(k for ks in towns.values() for k in ks)
    if not all_counties or not all_towns:
        return
    for key, ms in groups.items():
        own_counties = Counter(k for o in related[key] for k in counties[o])
        own_towns = Counter(k for o in related[key] for k in towns[o])
        for m in ms:
            for i in m.ids:
                if not gaz.admin2[i] or normalise(gaz.name[i]) != key:
                    continue
                k = _county_key(gaz, i)
                if (gaz.fclass[i] == "P" and all_counties[k] > own_counties[k]) or (
                    gaz.fcode[i] == ADM2 and all_towns[k] > own_towns[k]
                ):
                    local[id(m)][i] += _W_CONTAINED


@dataclass
class _Evidence:
    """Probability mass per country, first-level and second-level region."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    admin2: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def add(self, other: _Evidence) -> None:
        self.countries.update(other.countries)
        self.admin1.update(other.admin1)
        self.admin2.update(other.admin2)


def _minus(total: Counter[Any], own: Counter[Any]) -> Counter[Any]:
    out: Counter[Any] = Counter()
    for k, v in total.items():
        rest = v - own.get(k, 0.0)
        if rest > 1e-6:
            out[k] = rest
    return out


def _evidence(
    gaz: Gazetteer, ms: list[_Mention], scores: dict[int, dict[int, float]], weight: float = 1.0
) -> _Evidence:
    """Where one name puts the document: the name's mentions' candidate probabilities
    (averaged, times ``weight``) summed per country, first-level and second-level region."""
    prob: Counter[int] = Counter()
    for m in ms:
        sc = scores[id(m)]
        best = max(sc.values())
        weights = {i: math.exp(_SHARPNESS * (s - best)) for i, s in sc.items()}
        total = sum(weights.values())
        for i, w in weights.items():
            prob[i] += weight * w / total / len(ms)
    ev = _Evidence()
    for i, p in prob.items():
        cc = gaz.country[i]
        if not cc or p < 1e-4:
            continue
        ev.countries[cc] += p
        a1 = gaz.admin1[i]
        if a1 and gaz.fcode[i] != COUNTRY:
            ev.admin1[(cc, a1)] += p
            if gaz.admin2[i]:
                ev.admin2[(cc, a1, gaz.admin2[i])] += p
    return ev


def _actor_countries(doc: Document) -> Counter[str]:
    """Countries of the document's coded actors (ISO3 → ISO2), at half a vote each."""
    import pycountry

    out: Counter[str] = Counter()
    for actor in doc.actors:
        if actor.country and len(actor.country) == 3:
            c = pycountry.countries.get(alpha_3=actor.country)
            if c is not None:
                out[c.alpha_2] += 0.25
    return out


_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ean|an|i)s?$")


def _looks_like_demonym(m: _Mention) -> bool:
    """'Syrian', 'Iraqi', 'Kurdish': adjectives of place are actors, not places."""
    return " " not in m.text.strip() and bool(_DEMONYM.search(m.text.strip()))


# --------------------------------------------------------------------------- unknown names

_UNKNOWN_FACTOR = 0.2  # score of a borrowed position: a fifth of the lending place's


def _locate_unknown(places: list[Place]) -> None:
    """Give a name the gazetteer lacks the position of the document's focus place.

    Streets, parks, rivers, neighbourhoods and hamlets missing from the packaged data are
    nearly always in the locale the story is about ("Frenchmen Street" in a New Orleans story),
    so the document's most salient place (``placement.focus_place``) is a far better estimate
    than none.
    Such a place keeps ``name``, ``geonameid``, ``feature_class`` and ``feature_code`` None (it
    is no gazetteer entry, and events are never placed on it) and gets a low score.
    """
    focus = focus_place([p for p in places if p.geonameid is not None])
    if focus is None:
        return
    for n, p in enumerate(places):
        if p.geonameid is None and p.lat is None:
            places[n] = replace(
                p,
                country=focus.country,
                admin1=focus.admin1,
                lat=focus.lat,
                lon=focus.lon,
                score=round(focus.score * _UNKNOWN_FACTOR, 3),
            )
