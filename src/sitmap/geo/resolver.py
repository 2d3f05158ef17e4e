"""Toponym resolution with document context, and the place of each event.

A mention's candidates come from the gazetteer index; each is scored by population (log), kind
(countries outrank namesake cities, a city outranks its namesake region unless the text says
"province"/"state"), whether the mention is the entry's own name, an explicit container
("Alexandria, La.", "Tripoli, Lebanon") and the document's other places (countries and regions
the rest of the document is about). Scores become a probability over the candidates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import Any

from sitmap import lexicons
from sitmap.geo import index
from sitmap.geo.index import ADM1, ADM2, CONTINENT, COUNTRY, Gazetteer, normalise
from sitmap.model import Document, Event, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCAN_MIN_POPULATION = 100_000

# Score weights (log10 population units).
_W_COUNTRY = 3.0  # "Georgia" the country before a village named Georgia
_W_CONTINENT = 2.0
_W_ADMIN_PENALTY = 1.5  # "Aleppo" the city before Aleppo governorate
_W_ADMIN2_PENALTY = 1.5
_W_HINT = 3.0  # "Aleppo province" / "Raqqa city"
_W_ALTERNATE = 0.5  # the mention is only an alternate name of the entry
_W_CAPITAL = 0.5
_W_CONTAINER = 2.0  # "Alexandria, La."
_W_CONTEXT_COUNTRY = 3.0
_W_CONTEXT_ADMIN1 = 2.0
_BASIS_FACTOR = {"clause": 1.0, "sentence": 0.8, "document": 0.5}
_SPECIFICITY = {"P": 3, ADM2: 2, ADM1: 1, COUNTRY: 0, CONTINENT: -1}


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


def resolve(doc: Document, *, spans: list[tuple[int, int]] | None = None) -> Document:
    """Fill ``doc.places`` and set ``place``/``place_basis`` on each of ``doc.events``.

    Toponyms are the GPE/LOC/FAC entities of ``doc._spacy`` plus gazetteer names NER missed
    (countries, regions, cities of 100k+ people in capitalised proper nouns); ``spans`` gives
    the toponym character spans instead (evaluation against gold toponyms). A toponym that
    cannot be resolved is kept with ``geonameid`` None.
    """
    gaz = gazetteer()
    text = doc.clean_text
    if spans is not None:
        mentions = [_Mention(text=doc.text[s:e], start=s, end=e) for s, e in sorted(spans)]
    else:
        mentions = _detect(doc, gaz)
    for m in mentions:
        _analyse(m, text, gaz)
    mentions = [m for m in mentions if m.key is not None]
    _link_containers(mentions, text)
    places = _resolve_all(mentions, doc, gaz)
    doc.places = places
    _place_events(doc)
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
    demonyms: frozenset[str]  # normalised "syrian", "syrians", "iraqi" ... (not places)


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
        demonyms=_demonyms(),
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
    i = 0
    while i < len(sdoc):
        found = 0
        for n in (4, 3, 2, 1):
            span = sdoc[i : i + n]
            if len(span) < n or any(taken[t] for t in range(i, i + n)):
                continue
            if not (span[0].is_title or span[0].is_upper) or span[-1].pos_ != "PROPN":
                continue
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
    if core.lower() in lex.state_abbr:  # "Kan." alone
        core = _us_state_name(lex.state_abbr[core.lower()]) or core
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


_STATE_AFTER = re.compile(r"^\s*,\s*([A-Z][A-Za-z]*\.(?:[A-Z][a-z]?\.)?)")


def _link_containers(mentions: list[_Mention], text: str) -> None:
    """ "Alexandria, La." / "Tripoli, Lebanon": the second names the first's state or country."""
    lex = _lex()
    for a, b in pairwise(mentions):
        gap = text[a.end : b.start]
        if gap.strip() == "," and b.key:
            a.container = b.key
    for m in mentions:
        hit = _STATE_AFTER.match(text[m.end : m.end + 12])
        if hit and hit.group(1).lower() in lex.state_abbr:
            m.container_state = lex.state_abbr[hit.group(1).lower()]


# --------------------------------------------------------------------------- scoring


@dataclass
class _Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]] | None = None


def _prior(gaz: Gazetteer, i: int, m: _Mention) -> float:
    code = gaz.fcode[i]
    score = math.log10(gaz.population[i] + 10)
    if code == COUNTRY:
        score += _W_COUNTRY
    elif code == CONTINENT:
        score += _W_CONTINENT
    elif code == ADM1:
        score += _W_HINT if m.hint == "admin" else -_W_ADMIN_PENALTY
    elif code == ADM2:
        score += _W_HINT - 0.5 if m.hint == "admin" else -_W_ADMIN2_PENALTY
    elif m.hint == "city":
        score += _W_HINT
    if code == "PPLC":
        score += _W_CAPITAL
    if normalise(gaz.name[i]) != m.key:
        score -= _W_ALTERNATE
    return score


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
    if m.container_state and cc == "US" and gaz.admin1[i]:
        state = _us_state_name(m.container_state)
        if state and normalise(gaz.admin1[i]) == normalise(state):
            score += _W_CONTAINER
    weight = ctx.countries.get(cc, 0.0)
    if weight:
        score += _W_CONTEXT_COUNTRY * min(1.0, weight)
    if ctx.admin1 and gaz.admin1[i] and gaz.fcode[i] not in (ADM1, COUNTRY):
        w = ctx.admin1.get((cc, gaz.admin1[i]), 0.0)
        score += _W_CONTEXT_ADMIN1 * min(1.0, w)
    return score


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


def _resolve_all(mentions: list[_Mention], doc: Document, gaz: Gazetteer) -> list[Place]:
    """Two passes: alone, then with the countries and regions of the document's other places."""
    empty = _Context(countries=Counter())
    first = {id(m): _ranked(gaz, m, empty) for m in mentions if m.ids}
    votes: dict[str, Counter[str]] = {}
    admin_votes: dict[str, Counter[tuple[str, str]]] = {}
    for m in mentions:
        ranked = first.get(id(m))
        if not ranked:
            continue
        best = ranked[0][1]
        conf = _probability(ranked)
        c = votes.setdefault(m.key or "", Counter())
        a = admin_votes.setdefault(m.key or "", Counter())
        if gaz.fcode[best] == COUNTRY:
            c[gaz.country[best]] += 1.0
        elif conf >= 0.6:
            c[gaz.country[best]] += 0.5 * conf
            if gaz.admin1[best]:
                a[(gaz.country[best], gaz.admin1[best])] += 0.5 * conf
    actor_countries = _actor_countries(doc)
    places: list[Place] = []
    for m in mentions:
        if not m.ids:
            if not _looks_like_demonym(m):
                places.append(_to_place(m, gaz, []))
            continue
        countries: Counter[str] = Counter(actor_countries)
        admin1: Counter[tuple[str, str]] = Counter()
        for key, c in votes.items():
            if key != m.key:
                countries.update(c)
                admin1.update(admin_votes[key])
        ranked = _ranked(gaz, m, _Context(countries=countries, admin1=admin1))
        places.append(_to_place(m, gaz, ranked))
    return places


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


# --------------------------------------------------------------------------- events


def _place_events(doc: Document) -> None:
    resolved = [p for p in doc.places if p.geonameid is not None]
    if not doc.events:
        return
    # A place name the actors stage coded as an actor ("the United States will ...",
    # "Venezuela's President") is used as an actor there, not as a location: the actors stage
    # leaves locative uses ("in Syria") uncoded.
    acting = [(a.start, a.end) for a in doc.actors if a.code]
    resolved = [p for p in resolved if not any(p.start < e and s < p.end for s, e in acting)]
    focus = _focus(resolved)
    text = doc.clean_text
    for event in doc.events:
        place, basis = _event_place(event, resolved, doc, text)
        if place is None and focus is not None:
            place, basis = focus, "document"
        if place is None:
            continue
        event.place = replace(place, score=round(place.score * _BASIS_FACTOR[basis], 3))
        event.place_basis = basis


def _event_place(
    event: Event, places: list[Place], doc: Document, text: str
) -> tuple[Place | None, str]:
    actor_spans = [(a.start, a.end) for a in (event.source, event.target) if a is not None]

    def own_actor(p: Place) -> bool:
        return any(p.start < e and s < p.end for s, e in actor_spans)

    in_clause = [
        p for p in places if event.start <= p.start and p.end <= event.end and not own_actor(p)
    ]
    if in_clause:
        return _best_local(in_clause, text), "clause"
    sent = doc.sentences[event.sentence] if 0 <= event.sentence < len(doc.sentences) else None
    if sent is not None:
        in_sentence = [
            p for p in places if sent.start <= p.start and p.end <= sent.end and not own_actor(p)
        ]
        if in_sentence:
            return _best_local(in_sentence, text), "sentence"
    return None, ""


def _after_locative(p: Place, text: str) -> bool:
    """Whether the place follows "in", "near", "on the outskirts of" ... (qualifiers skipped)."""
    lex = _lex()
    words = text[max(0, p.start - 60) : p.start].lower().split()
    while words and (words[-1] in lex.qualifiers or words[-1] == "the"):
        words.pop()
    tail = " " + " ".join(words[-5:])
    return any(tail.endswith(" " + prep) for prep in lex.locative)


def _best_local(places: list[Place], text: str) -> Place:
    """After a locative preposition first, then the most specific, then the earliest."""
    return max(
        places,
        key=lambda p: (
            _after_locative(p, text),
            _specificity(p),
            -p.start,
        ),
    )


def _specificity(p: Place) -> int:
    if p.feature_class == "P":
        return _SPECIFICITY["P"]
    return _SPECIFICITY.get(p.feature_code or "", 0)


def _focus(places: list[Place]) -> Place | None:
    """The document's most salient place: its main country, then the most-mentioned place in it
    if that is mentioned at least twice (else the country itself)."""
    if not places:
        return None
    by_country: Counter[str] = Counter(p.country or "" for p in places)
    country = by_country.most_common(1)[0][0]
    inside = [p for p in places if (p.country or "") == country]
    counts: Counter[int] = Counter(p.geonameid for p in inside if p.feature_code != COUNTRY)
    first = {p.geonameid: p for p in reversed(inside)}
    if counts:
        gid, n = max(counts.items(), key=lambda kv: (kv[1], _specificity(first[kv[0]])))
        if n >= 2:
            return first[gid]
    countries = [p for p in inside if p.feature_code == COUNTRY]
    if countries:
        return countries[0]
    return max(inside, key=lambda p: (counts.get(p.geonameid, 0), _specificity(p)))
