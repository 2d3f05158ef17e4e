"""Toponym mentions: the lexicon, detection in text (NER toponyms plus gazetteer names NER
missed), the analysis of each mention's words and neighbours (core name, qualifier, feature hint,
US state abbreviations) and the containers written beside it ("Alexandria, La.", "X village in
Y district", lists of regions). Scoring is :mod:`sitmap.geo.scoring`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from sitmap import lexicons
from sitmap.geo import context
from sitmap.geo.index import ADM1, ADM2, COUNTRY, Gazetteer, normalise, variant_key
from sitmap.model import Document
from sitmap.tokens import ents, table

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCAN_MIN_POPULATION = 100_000

_NAMESAKE_SHARE = 0.1  # ... when the city has a tenth of the region's people ("Georgia": not)


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
    building_words: frozenset[str]  # "court", "airfield": civic buildings, not offices
    demonyms: frozenset[str]  # normalised "syrian", "syrians", "iraqi" ... (not places)
    media_words: frozenset[str]  # "times", "post": organisations that are news outlets
    scan_settings: frozenset[str]  # "in", "at": a small place's name may follow untagged
    place_of: frozenset[str]  # "town", "south": "<word> of X" makes X a place
    place_after: frozenset[str]  # "area", "residents": "X <word>" makes X a place


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
        building_words=frozenset(data["building_words"]),
        demonyms=_demonyms(),
        media_words=frozenset(data["media_words"]),
        scan_settings=frozenset(data["scan_settings"]),
        place_of=frozenset(data["place_of_words"]),
        place_after=frozenset(data["place_after_words"]),
    )


def _demonyms() -> frozenset[str]:
    """Adjectives and nationality nouns of countries (data/countries.tsv), minus country names."""
    names = {normalise(n) for n, _ in lexicons.country_forms()}
    words = {normalise(w) for col in ("demonyms", "people") for w, _ in lexicons.country_forms(col)}
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
    small: bool = False  # a small town's name taken after "in"/"at" only: kept when it fits
    part: bool = False  # "Lamu East": a compass part of a region the gazetteer holds whole
    variant: bool = False  # found only under another spelling: kept when the document agrees


def _detect(doc: Document, gaz: Gazetteer) -> list[_Mention]:
    """NER toponyms plus gazetteer names in proper nouns NER left untagged."""
    sdoc = doc._spacy
    if sdoc is None:
        return []
    tab = table(sdoc)
    words, lower = tab.text, tab.lower
    taken = [False] * len(tab)
    lex = _lex()
    after_locative = {w for w in lex.locative if " " not in w}
    mentions = []
    for e in ents(sdoc):
        # NER mislabels many places after "in"/"near" ("in Sanaa" as PERSON, "in Rakhine state"
        # as ORG): leave those to the gazetteer scan below instead of taking them.
        if e.label_ not in PLACE_LABELS:
            town = _facility_town(e, gaz) if e.label_ in _FACILITY_LABELS else []
            if town:  # "outside the Orhei Court": the court's town
                mentions.extend(town)
            # "(Gopalganj, Bihar)" read as one organisation: a list of names, left to the scan
            elif e.start > 0 and (
                lower[e.start - 1] in after_locative
                or (words[e.start - 1] == "(" and "," in words[e.start : e.end])
            ):
                continue
            # ... and after "the town of" ("the town of Kaya" as PERSON) or before "residents":
            # the whole entity when some town or region has it as its own name
            elif _place_cue(sdoc, e.start, e.end) == "feature":
                mentions.extend(_cued_entity(e, gaz))
        for t in range(e.start, e.end):
            taken[t] = True
    for e in ents(sdoc):
        if e.label_ in PLACE_LABELS:
            # "(Savalou, Collines)" tagged as one place: a list of containers, each read by
            # the admin context (``_admin_context``), not one name no gazetteer has
            if e.start > 0 and words[e.start - 1] == "(" and "," in words[e.start : e.end]:
                continue
            span = _extend(sdoc, e, taken, gaz)
            mentions.append(_Mention(text=span.text, start=span.start_char, end=span.end_char))
            for t in range(span.start, span.end):
                taken[t] = True
    # Token tests once per token, in lists: most tokens fail them and never become a Span.
    size = len(tab)
    # "NDjamena", "McAllen" are capitalised too
    capital = [
        ti or up or w[:1].isupper()
        for ti, up, w in zip(tab.title, tab.upper, tab.text, strict=True)
    ]
    proper = [p == "PROPN" for p in tab.pos]
    i = 0
    while i < size:
        found = 0
        for n in (4, 3, 2, 1) if capital[i] and not taken[i] else ():
            end = i + n
            if end > size or not proper[end - 1] or any(taken[i:end]):
                continue
            # the span's text and offsets from the table: most candidates never become a Span
            first, last = tab.idx[i], tab.idx[end - 1] + len(tab.text[end - 1])
            span_text = tab.doc_text[first:last]
            if n == 1 and span_text.lower() in lex.stoplist:
                continue
            if tab.text[end - 1] in ("'s", "’s") or (span_text.isupper() and len(span_text) <= 4):
                continue  # possessives; EST, CEO and other upper-case abbreviations
            key = normalise(span_text)
            ids = gaz.key_ids(key)
            if not ids:
                continue
            # a whole name after "in"/"at" ("in Sibut") or a place word ("the town of Kaya",
            # "Chitungwiza residents"), not the start of a longer one ("at Fatima Food Mart",
            # "in Abu Saif neighborhood", "in Al-Midan")
            cue = _place_cue(sdoc, i, end)
            setting = bool(cue) and (
                _whole_name(sdoc, end, capital)
                or (cue == "setting" and _of_region(tab, end, capital, gaz, ids))
            )
            # ... after "in"/"at" only a name of one first-level region's town or district:
            # "in Sibut", not "in Clare" (Ireland, Michigan, South Australia ...)
            if setting and cue == "setting":
                setting = (
                    len(
                        {
                            (gaz.country[j], gaz.admin1[j])
                            for j in ids
                            if _scan_worthy(gaz, j, key, small=True)
                        }
                    )
                    == 1
                )
            if any(_scan_worthy(gaz, j, key, small=setting) for j in ids):
                # a name taken for its place words is kept when it fits ("residents of Saida"
                # in a story from Lebanon is not Saïda, Algeria)
                small = cue == "feature" or not any(_scan_worthy(gaz, j, key) for j in ids)
                mentions.append(
                    _Mention(
                        text=span_text,
                        start=first,
                        end=last,
                        scanned=True,
                        small=small,
                    )
                )
                found = n
                break
        i += found or 1
    mentions.sort(key=lambda m: m.start)
    return mentions


def _name_cues(doc: Document, gaz: Gazetteer, mentions: list[_Mention]) -> list[_Mention]:
    """States, provinces, counties and countries that organisations are named after ("the
    Indiana State Police", "Georgia Bureau of Investigation", "the Edgar County Community
    Foundation"): evidence of where the document is, never places themselves. News outlets
    ("The New York Times") are left out: they say where the news was published, not where it
    happened."""
    sdoc = doc._spacy
    if sdoc is None:
        return []
    lex = _lex()
    cues = []
    for e in ents(sdoc):
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
            # "the Edgar County Community Foundation": a county or district named with its
            # admin word is evidence too (a bare "Jackson" may be a person's name)
            county = words[n - 1].lower_ in lex.admin_words
            kinds = (ADM1, COUNTRY, ADM2) if county else (ADM1, COUNTRY)
            if any(gaz.fcode[i] in kinds and _own_name(gaz.name[i], key) for i in ids):
                start, end = words[0].idx, words[n - 1].idx + len(words[n - 1].text)
                text = doc.clean_text[start:end]
                cues.append(_Mention(text, start, end, key=key, ids=ids, cue=True))
                break
    return cues


def _extend(sdoc: Any, ent: Any, taken: list[bool], gaz: Gazetteer) -> Any:
    """The longest gazetteer name around an entity NER cut short ("Deir" of "Deir ez-Zor")."""
    tab = table(sdoc)
    space, sent_start = tab.space, tab.sent_start
    for right in range(4, -1, -1):
        for left in range(0, 3):
            if not right and not left:
                return ent
            start, end = ent.start - left, ent.end + right
            if start < 0 or end > len(tab):
                continue
            extra = [*range(start, ent.start), *range(ent.end, end)]
            if any(taken[t] or space[t] or sent_start[t] for t in extra):
                continue
            if tab.punct[end - 1]:
                continue
            span = sdoc[start:end]
            if gaz.key_ids(normalise(span.text)):
                return span
    return ent


_JOINERS = frozenset({"-", "–", "&", "/", "'s", "’s", "'", "’"})


def _cued_entity(ent: Any, gaz: Gazetteer) -> list[_Mention]:
    """The entity NER tagged as a person or organisation as a place, when the place words
    around it say so and a town, district or region has it as its own name ("the northern
    town of Kaya"; not "the New Concord Reservoir area", whose whole name is no place)."""
    span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    key = normalise(span.text)
    if not any(_scan_worthy(gaz, j, key, small=True) for j in gaz.key_ids(key)):
        return []
    return [
        _Mention(text=span.text, start=span.start_char, end=span.end_char, scanned=True, small=True)
    ]


_FACILITY_LABELS = frozenset({"ORG", "PERSON"})


def _facility_town(ent: Any, gaz: Gazetteer) -> list[_Mention]:
    """The town of a court, airport or barracks that NER tagged as an organisation or a person
    ("the Soroti Court", "the Gulu Airfield", "the Nakuru Law Courts"): the name before the
    building words (data/geo.yaml ``building_words``), when a town or district has it as its
    own name (see
    :func:`_narrow_to_place`; a country or region so named is only evidence: "the Kenya
    Police", :func:`_name_cues`)."""
    lex = _lex()
    words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    for n in range(min(len(words) - 1, 3), 0, -1):
        name, rest = words[:n], [t.lower_ for t in words[n:]]
        if not all(t.is_title for t in name) or not words[n].is_title:
            continue
        heads = lex.building_words | (lex.facility_words if n > 1 else frozenset())
        phrase = f" {' '.join(rest)} "
        if not any(f" {w} " in phrase for w in heads):
            continue
        start, end = name[0].idx, name[-1].idx + len(name[-1].text)
        text = ent.doc[name[0].i : name[-1].i + 1].text  # = doc.text[start:end], not O(doc)
        key = normalise(text)
        if key in lex.not_places or key in lex.demonyms or text.lower() in lex.stoplist:
            continue
        if any(
            (gaz.fclass[i] == "P" or gaz.fcode[i] == ADM2) and _own_name(gaz.name[i], key)
            for i in gaz.key_ids(key)
        ):
            return [_Mention(text=text, start=start, end=end, scanned=True, small=True)]
    return []


def _place_cue(sdoc: Any, start: int, end: int) -> str:
    """What the words around the tokens ``start:end`` say of them: "setting" after "in", "at",
    "near", "outside"; "feature" after "<place word> of" ("the town of", "south of",
    "residents of") or before a lower-case place word ("the Kano area", "Chitungwiza
    residents", "a Bamako-based charity"); "" otherwise."""
    lex = _lex()
    tab = table(sdoc)
    lower = tab.lower
    if start > 0 and lower[start - 1] in lex.scan_settings:
        return "setting"
    if start > 1 and lower[start - 1] == "of" and lower[start - 2] in lex.place_of:
        return "feature"
    if end < len(tab) and tab.lowercase[end] and lower[end] in lex.place_after:
        return "feature"
    if end + 1 < len(tab) and tab.text[end] == "-" and lower[end + 1] == "based":
        return "feature"  # "a Bamako-based charity"
    return ""


def _whole_name(sdoc: Any, end: int, capital: list[bool]) -> bool:
    """Whether the proper noun ending at token ``end`` is a whole name: not followed by another
    capitalised word, a joiner or a possessive ("Fatima Food Mart", "Al-Midan", "Eva's
    Village"), nor by "and"/"of" and a capitalised word ("Bains and Grants Town")."""
    if end >= len(sdoc):
        return True
    if capital[end] or sdoc[end].text in _JOINERS:
        return False
    return not (sdoc[end].lower_ in ("and", "of") and end + 1 < len(sdoc) and capital[end + 1])


def _of_region(
    tab: Any, end: int, capital: list[bool], gaz: Gazetteer, ids: tuple[int, ...]
) -> bool:
    """Whether the name ending at token ``end`` is followed by "of Y" that says which region
    it lies in, as notes write it ("in Mahajanga of Boeny", "in Kissidougou of Faranah"): Y a
    one- or two-word name ending a phrase (or before a region word: "of Boeny region"), a
    first-level region of a country where a town or district of this name lies in it. A
    longer name ("in Bank of Kigali Towers"), a Y followed by a noun ("in Washington of Iowa
    officials") or a region holding no namesake ("in Kano of Lagos") is no such pair."""
    size = len(tab)
    admin_words = _lex().admin_words  # "of Y province"
    if end + 1 >= size or tab.lower[end] != "of" or not capital[end + 1]:
        return False
    homes = {
        (gaz.country[j], gaz.admin1[j]) for j in ids if gaz.fclass[j] == "P" or gaz.fcode[j] == ADM2
    }
    for n in (2, 1):
        stop = end + 1 + n
        if (
            stop > size
            or not all(capital[end + 1 : stop])
            or not all(p == "PROPN" for p in tab.pos[end + 1 : stop])
        ):
            continue
        if stop < size and (
            capital[stop]
            or (tab.pos[stop] in ("NOUN", "PROPN") and tab.lower[stop] not in admin_words)
        ):
            continue
        first, last = tab.idx[end + 1], tab.idx[stop - 1] + len(tab.text[stop - 1])
        key = normalise(tab.doc_text[first:last])
        if any(
            gaz.fcode[k] == ADM1 and (gaz.country[k], gaz.admin1[k]) in homes
            for k in gaz.key_ids(key)
        ):
            return True
    return False


def _scan_worthy(gaz: Gazetteer, i: int, key: str, *, small: bool = False) -> bool:
    """A name safe to take from untagged text: its own name, and a country/region/big city;
    ``small`` (the name follows a setting preposition: "in Sibut", "at Mbizana"): any town or
    district under its own name."""
    if normalise(gaz.name[i]) != key and gaz.fcode[i] != COUNTRY:
        return False
    if small and (gaz.fclass[i] == "P" or gaz.fcode[i] == ADM2):
        return True
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
    # A compass word ending a name the gazetteer lacks, after a region's own name ("Lamu
    # East", "Wajir South": sub-counties): that part of the region.
    if (
        len(words) > 1
        and words[-1].lower() in _COMPASS_PARTS
        and not gaz.lookup_ids(" ".join(words))
        and _names_region(gaz, normalise(" ".join(words[:-1])))
    ):
        m.qualifier, m.part, words = lex.qualifiers[words[-1].lower()], True, words[:-1]
        m.hint = m.hint or "admin"
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
    if m.hint is None:  # "Kassala town", else "the town of Kassala"
        for hit in (_WORD_AFTER.match(after), _OF_BEFORE.search(before)):
            word = hit.group(1).lower() if hit else ""
            if word in lex.admin_words or word in lex.city_words:
                m.hint = "admin" if word in lex.admin_words else "city"
                break
    m.ids = gaz.key_ids(key)
    if not m.ids and key.endswith(" s"):  # possessive left in the span: "Syria's"
        m.key = key[:-2]
        m.ids = gaz.key_ids(m.key)


_WORD = re.compile(r"\S+")
_COMPASS_PARTS = frozenset(
    {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast"}
    | {"southwest", "north-east", "north-west", "south-east", "south-west"}
)


def _names_region(gaz: Gazetteer, key: str) -> bool:
    """Whether a first- or second-level region has ``key`` as its own name."""
    return any(
        gaz.fcode[i] in (ADM1, ADM2) and _own_name(gaz.name[i], key) for i in gaz.key_ids(key)
    )


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

    def mention(
        start: int, end: int, *, cued: bool, keep: bool = True, container: bool = False
    ) -> _Mention | None:
        for m in mentions:
            if m.start < end and start < m.end:
                return m
        m = _Mention(text=text[start:end], start=start, end=end)
        _analyse(m, text, gaz)
        if m.key is None or m.text.lower() in lex.stoplist:
            return None
        if not m.ids and not cued:
            return None
        if (
            m.ids
            and not cued
            and not any(_own_name(gaz.name[i], m.key) for i in m.ids)
            and not _region_with_word(m, gaz)
            and not (container and _region_spelling(m, gaz))
        ):
            return None
        m.cued = cued
        if keep:
            mentions.append(m)
        return m

    for chain in chains:
        if not chain.parents:  # "in Dan Musa town": a place even when no gazetteer has it
            mention(chain.start, chain.end, cued=True)
            continue
        if chain.strict and not _town_in_region(
            mention(chain.start, chain.end, cued=False, keep=False),
            mention(*chain.parents[0], cued=False, keep=False),
            gaz,
        ):
            # "in Siguirini of Kankan": only a town of that name in that region; a name found
            # only in other countries is a namesake ("in the Southern Province of Savannakhet")
            _namesake_of_region(chain, mentions, mention, gaz)
            continue
        parents = [mention(s, e, cued=False, container=True) for s, e in chain.parents]
        parents = [p for p in parents if p is not None and p.ids]
        if not parents:
            continue
        if chain.strict:  # the region, not a namesake town ("Kankan" of "in X of Kankan")
            parents[0].hint = parents[0].hint or "admin"
        _hint_outer_region(parents, chain, gaz)
        # "Arizona (Ayton)", "Hanoi (VNA)": one bare name in parentheses is a container only
        # when it names a region; a town needs its region beside it ("(Kandi, Alibori)"), or
        # "in": "at Pangani in Nairobi".
        # "at X in Y" makes no new name of X: a spot NER or the gazetteer knows
        child = mention(chain.start, chain.end, cued=chain.cued and not chain.spot)
        if (
            len(parents) == 1
            and not chain.region_word
            and not chain.spot
            and not (chain.cued and child is not None and not child.ids)
            and not _is_region(gaz, parents[0])
        ):
            continue  # unless the name is a village the gazetteer lacks ("X village (Shopian)")
        if child is None or child in parents or (chain.listed and child.ids):
            continue  # "in Aleppo, Homs and Hama" may list equals: only locates unknown names
        child.parents = parents
    mentions.sort(key=lambda m: m.start)
    return mentions


def _namesake_of_region(
    chain: context.Chain, mentions: list[_Mention], mention: Any, gaz: Gazetteer
) -> None:
    """ "in the Southern Province of Savannakhet", "in the Western Province of Kenya": a name
    the text has already found, all of whose readings are towns or regions of other countries
    than the country or first- or second-level region written after "of", names a place
    inside it that the gazetteer lacks under this name, so the name is placed there (its
    readings abroad are namesakes)."""
    town = next(
        (m for m in mentions if m.end == chain.end and m.start <= chain.start < m.end), None
    )
    if town is None or not town.ids or town.parents:
        return
    region = mention(*chain.parents[0], cued=False, keep=False)
    if region is None or region.key is None:
        return
    regions = [r for r in region.ids if gaz.fcode[r] == COUNTRY]  # "... of Kenya"
    if not regions:
        regions = [
            r
            for r in region.ids
            if gaz.fcode[r] in (ADM1, ADM2) and _own_name(gaz.name[r], region.key)
        ]
    homes = {gaz.country[r] for r in regions}
    if not homes or any(
        gaz.country[i] in homes or not (gaz.fclass[i] == "P" or gaz.fcode[i] in (ADM1, ADM2))
        for i in town.ids
    ):
        return
    if region not in mentions:
        mentions.append(region)
    region.hint = region.hint or "admin"
    town.parents = [region]


def _region_with_word(m: _Mention, gaz: Gazetteer) -> bool:
    """Whether the name is written with an admin word ("Nineveh governorate", "Province of
    Nangarhar") and some first- or second-level region has it among its names: the English name
    of a region the gazetteer holds under a local one (Ninawa) is then that region, though it
    is no region's own name."""
    words = m.text.lower().split()
    worded = m.hint == "admin" or (
        len(words) > 1
        and (
            words[-1] in _lex().admin_words
            or (len(words) > 2 and words[0] in _lex().admin_words and words[1] == "of")
        )
    )
    return worded and any(gaz.fcode[i] in (ADM1, ADM2) for i in m.ids)


def _region_spelling(m: _Mention, gaz: Gazetteer) -> bool:
    """Whether a container written beside a name ("Wadi Jarif (Sirt)", "Datori (Kobli,
    Atacora)") is another spelling of a first- or second-level region's own name (Surt,
    Cobly, Atakora: the same words, written alike once vowels, h, doubled letters and c/k are
    folded, ``variant_key``), not a part of a longer name ("Comoe" of Sud-Comoé) nor a town's
    alternate name, often another place's ("Idaho" of Idaho Springs)."""
    if m.key is None:
        return False
    key = _spelled(m.key)
    return any(
        gaz.fcode[i] in (ADM1, ADM2) and _spelled(normalise(gaz.name[i])) == key for i in m.ids
    )


def _spelled(key: str) -> str:
    return variant_key(key.replace("c", "k").replace("q", "k"))


def _town_in_region(town: _Mention | None, region: _Mention | None, gaz: Gazetteer) -> bool:
    """Whether some town or district of the first name lies in a first- or second-level region
    of the second name ("Antalaha" and "Sava"; not "Bank" and "Ireland")."""
    from sitmap.geo.scoring import _inside  # scoring imports this module

    if town is None or region is None:
        return False
    regions = [
        r
        for r in region.ids
        if gaz.fcode[r] in (ADM1, ADM2) and _own_name(gaz.name[r], region.key or "")
    ]
    return any(
        _inside(gaz, r, i)
        for r in regions
        for i in town.ids
        if gaz.fclass[i] == "P" or gaz.fcode[i] == ADM2
    )


def _is_region(gaz: Gazetteer, m: _Mention) -> bool:
    """Whether the name is a country's or a first- or second-level region's own name."""
    return any(
        gaz.fcode[i] in (ADM1, ADM2, COUNTRY) and _own_name(gaz.name[i], m.key or "") for i in m.ids
    )


def _hint_outer_region(parents: list[_Mention], chain: context.Chain, gaz: Gazetteer) -> None:
    """ "X (Y, Z)", "X, Y, Z province": the last of two or more containers is a region whenever
    the gazetteer has a district or region of that name ("(Pobe-Mengao, Soum)": Soum province,
    not a village named Soum elsewhere)."""
    last = parents[-1]
    if len(chain.parents) < 2 or chain.listed or last.hint is not None or last.key is None:
        return
    if any(gaz.fcode[i] in (ADM1, ADM2) and _own_name(gaz.name[i], last.key) for i in last.ids):
        last.hint = "admin"


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


@cache
def _us_state_name(code: str) -> str | None:
    import pycountry

    sub = pycountry.subdivisions.get(code=f"US-{code}")
    return sub.name if sub is not None else None
