"""Countries for sector-only actors: from a possessor, the sentence, the document's focus
(``code``) or the event's place (``localise``); ``with_country`` and ``recode``."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from sitmap.actors.lexicon import _CAPITAL, _COUNTRY, _Entry, _key, _Lexicon, _lexicon
from sitmap.actors.parties import party_country
from sitmap.model import Actor, Document
from sitmap.tokens import ents, sent_ents

_STATE_SECTORS = frozenset(
    {"government", "military", "police", "judiciary", "legislature", "intelligence"}
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})


def _inherit_countries(actors: list[Actor], sdoc: Any, lex: _Lexicon) -> list[Actor]:
    """Give a sector-only actor ("the government" GOV) the country it belongs to:

    * a possessive country, or actor of one, before it, across adjectives ("Libya's
      internationally recognised government" LBYGOV, "Russia s Defense Ministry" RUSMIL,
      "Trump s leadership" USAGOV);
    * a country named right after it with "of" or "from" ("the people of Puerto Rico" PRICVL,
      "officials from Iran" IRNGOV), whatever else its sentence names;
    * for state institutions (government, military, police, courts, parliament, intelligence),
      the one country its sentence names ("the military seized control of Zimbabwe" ZWEMIL);
    * for protesters, the one country named as a place (a country or capital): they belong
      where they protest ("marched in Manila" PHLPRO).
      Two or more countries in the sentence leave it uncoded: sitmap does not guess.
    """
    by_end = {a.end: a for a in actors if a.country and a.code}
    seen: dict[str, set[str]] = {}  # sector -> countries of its mentions so far
    out: list[Actor] = []
    for actor in actors:
        if not actor.country and _sector_only(actor, lex):
            actor = _party_qualified(actor, sdoc)
        if actor.country or not _sector_only(actor, lex) or actor.kind == "person":
            _remember(actor, seen, lex)
            out.append(actor)
            continue
        span = sdoc.char_span(actor.start, actor.end, alignment_mode="expand")
        country = None if span is None else _possessor_country(span, by_end)
        if span is not None and country is None:
            country = _of_country(span)
        if span is not None and country is None:
            country = _definite_anaphor(actor, span, seen)
        if span is not None and country is None and actor.sector in _STATE_SECTORS:
            country = _sole_country(actor, actors, span.sent)
        if span is not None and country is None and actor.sector == "protesters":
            countries = set().union(*_named_countries(span.sent).values())
            country = countries.pop() if len(countries) == 1 else None
        actor = actor if country is None else with_country(actor, country)
        _remember(actor, seen, lex)
        out.append(actor)
    return _focus_countries(out, sdoc, lex)


# words that may sit between a party word and what it qualifies ("Republican and Democratic
# lawmakers", "Labour Party MP", "a Liberal Democrat MP")
_PARTY_RUN = frozenset({"and", ",", "-", "–", "&"})
_AT = frozenset({"in", "at", "from", "of"})  # "Conservative legislators in Ottawa": where they sit


def _party_qualified(actor: Actor, sdoc: Any) -> Actor:
    """A sector-only actor right after party words or a party's name takes the party's country,
    whatever country the rest of the text is about ("Labour Party MP Chris Bryant" GBRLEG in a
    story about Trump; "Republican and Democratic lawmakers" USALEG beside "Russian firms")."""
    span = sdoc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return actor
    words: list[str] = []
    i = span.start - 1
    while i >= 0 and len(words) < 6:
        tok = sdoc[i]
        if not (tok.text[:1].isupper() or (words and tok.lower_ in _PARTY_RUN)):
            break
        words.insert(0, tok.text)
        i -= 1
    if not words:
        return actor
    placed = {
        key
        for ent in _ents_of(span.sent)
        if ent.label_ == "GPE" and ent.start > 0 and span.doc[ent.start - 1].lower_ in _AT
        for key in (e.key for e in _country_entries(ent.text))
    }
    country = party_country(words, placed)
    return actor if country is None else with_country(actor, country)


# institutions a definite noun phrase refers back to ("the court", "the army", "the company");
# not the media, civilians or groups, which "the" names generically ("the media", "the people")
_ANAPHORIC_SECTORS = _STATE_SECTORS | {"business", "party"}


def _definite_anaphor(actor: Actor, span: Any, seen: dict[str, set[str]]) -> str | None:
    """The country of a definite sector-only institution ("the court", "the ministry", "the
    navy"): that of the earlier mentions of its sector in the document, when they all have
    one country, since a definite description refers back to what the text introduced ("A
    Pakistani court freed a cleric. ... Indian officials urged the court ...": PAKJUD).
    Earlier mentions of two countries leave it to the other rules."""
    countries = seen.get(actor.sector or "", set())
    if actor.sector not in _ANAPHORIC_SECTORS or len(countries) != 1 or not _definite(span):
        return None
    return next(iter(countries))


def _remember(actor: Actor, seen: dict[str, set[str]], lex: _Lexicon) -> None:
    if actor.country and actor.code and actor.sector and not _outlet(actor, lex):
        seen.setdefault(actor.sector, set()).add(actor.country)


def _definite(span: Any) -> bool:
    """Whether an actor's noun phrase opens with "the" (across adjectives and nouns before
    it: "the federal court", "the construction company")."""
    sdoc = span.doc
    if span[0].lower_ == "the":
        return True
    i, steps = span.start - 1, 0
    while i >= 0 and steps < 3 and (_is_premodifier(sdoc[i]) or sdoc[i].tag_ in {"NN", "NNS"}):
        i, steps = i - 1, steps + 1
    return i >= 0 and sdoc[i].lower_ == "the"


# sectors that never take the place's country: the media, transnational NGOs and refugees
# (who are, by definition, away from home)
_UNPLACED_SECTORS = frozenset({"media", "ngo", "igo", "refugees"})
# sectors that never take the document's country (the media of a story about one country are
# that country's: "Trump accused the media" USAMED)
_UNFOCUSED_SECTORS = frozenset({"ngo", "igo", "refugees"})
# armed and opposition sectors: beside an actor of the focus country they are its other side
# ("Russia said the militants attacked the base")
_OTHER_SIDE_SECTORS = frozenset(
    {"rebels", "insurgents", "militia", "unidentified", "criminals", "opposition", "rioters"}
)
# named armed groups, whose home country says nothing of the state institutions beside them:
# they fight across borders ("police killed four al Shabaab fighters" in Kenya: not Somalia's
# police); a country word on the group's sector word stays evidence ("Syrian rebels")
_ARMED_GROUPS = frozenset({"rebels", "insurgents", "militia", "unidentified", "criminals"})


def _foreign_group(actor: Actor, lex: _Lexicon) -> bool:
    """Whether an actor is a named armed group ("al Shabaab" SOMINSSHB, "Boko Haram")."""
    sector = lex.sector_codes.get(actor.sector or "", "")
    bare = (None, sector, (actor.country or "") + sector)  # "rebels", "Syrian rebels"
    return actor.sector in _ARMED_GROUPS and actor.code not in bare


_FOCUS_SHARE = 0.6  # a document is about one country when it has this share of mentions


def _focus_countries(actors: list[Actor], sdoc: Any, lex: _Lexicon) -> list[Actor]:
    """Give the still sector-only actors the document's country when the document is about
    one (three in five of its mentions of actors of a country are that country's) and the
    actor's sentence names no other country and no actor of one ("protesters demonstrated at
    airports" in a story about Trump's travel ban: USAPRO; "Trump accused Democrats and the
    media" USAMED). Within a sentence that names another country, a sector-only actor is as
    likely its opponent as its own ("Russian jets bombed army positions"); an actor of the
    focus country with the same sector in the sentence makes two sides too ("U.S. troops
    fought soldiers")."""
    # a named armed group's home says nothing of where the story is set either (al Shabaab
    # in a Kenyan story: ``_foreign_group``)
    focus = _focus(actors, lex, groups=False)
    if focus is None:
        return actors
    out: list[Actor] = []
    for actor in actors:
        if not _sector_only(actor, lex) or actor.country or actor.sector in _UNFOCUSED_SECTORS:
            out.append(actor)
            continue
        span = sdoc.char_span(actor.start, actor.end, alignment_mode="expand")
        home = _domestic_official(actor)
        if span is None or (not home and _other_sides(actor, actors, span.sent, focus)):
            out.append(actor)  # "Russian jets bombed army positions": the army is not Russia's
            continue
        out.append(with_country(actor, focus))
    return _same_person_same_country(out)


def focus_country(actors: list[Actor]) -> str | None:
    """The one country a document is about (three in five of its coded actors of a country
    are that country's, cited outlets left out), or None."""
    return _focus(actors, _lexicon(), groups=True)


def _focus(actors: list[Actor], lex: _Lexicon, groups: bool) -> str | None:
    """The country with three in five of the coded actors' countries, or None. The outlets a
    story cites ("(Reuters)") say nothing of where it is set; named armed groups count only
    with ``groups``."""
    counts = Counter(
        a.country
        for a in actors
        if a.country and a.code and not _outlet(a, lex) and (groups or not _foreign_group(a, lex))
    )
    total = sum(counts.values())
    if not total:
        return None
    focus, top = counts.most_common(1)[0]
    return focus if top / total >= _FOCUS_SHARE else None


def _outlet(actor: Actor, lex: _Lexicon) -> bool:
    """Whether an actor is a news outlet or agency named by its name ("Reuters")."""
    return actor.kind == "organisation" and actor.name in lex.outlets


def _domestic_official(actor: Actor) -> bool:
    """A titled person whose phrase names no country ("national security adviser Michael
    Flynn"): news names a foreign official's country ("Russian Foreign Minister ..."), so in a
    story about one country he is that country's, whatever else his sentence names."""
    return (
        actor.kind == "person"
        and bool(actor.role)
        and not (actor.role or "").startswith("former")
        and actor.sector not in _OTHER_SIDE_SECTORS
    )


def _same_person_same_country(actors: list[Actor]) -> list[Actor]:
    """Mentions of one named person with one code share the country one of them was given
    ("national security adviser Michael Flynn ... Flynn": both USAGOV)."""
    placed: dict[tuple[str, str | None], str] = {}
    for a in actors:
        if a.kind == "person" and a.name and a.country:
            placed.setdefault((a.name, a.sector), a.country)
    out: list[Actor] = []
    for a in actors:
        country = placed.get((a.name or "", a.sector)) if a.kind == "person" else None
        if (
            country
            and not a.country
            and a.code
            and a.code == _lexicon().sector_codes.get(a.sector or "")
        ):
            a = with_country(a, country)
        out.append(a)
    return out


def _other_sides(actor: Actor, actors: list[Actor], sent: Any, focus: str) -> bool:
    """Whether a sentence names a country other than ``focus`` (as a place or an actor's), or
    has actors of ``focus`` beside ``actor`` that may be its other side: one of its force sector,
    any when ``actor`` is armed or in opposition. An outlet ("told Reuters") is neither."""
    if any(named - {focus} for named in _named_countries(sent).values()):
        return True
    lo, hi = sent.start_char, sent.end_char
    lex = _lexicon()
    inside = [
        a
        for a in actors
        if a is not actor and a.country and lo <= a.start < hi and not _outlet(a, lex)
    ]
    if any(a.country != focus or _opposed(a, actor) for a in inside):
        return True
    return bool(inside) and actor.sector in _OTHER_SIDE_SECTORS


# sectors whose members of one country may face each other in one sentence ("U.S. soldiers
# fought soldiers"); "Congress ... lawmakers" are one body
_FORCE_SECTORS = frozenset({"military", "police", "intelligence"}) | _OTHER_SIDE_SECTORS


def _opposed(a: Actor, actor: Actor) -> bool:
    """Whether two actors of one sector may be two sides (armed or security forces)."""
    return a.sector == actor.sector and actor.sector in _FORCE_SECTORS


def localise(doc: Document) -> Document:
    """Give the sector-only actors of each placed event the country of the event's place
    ("gunmen opened fire in Pattani": THAUAF; "police fired tear gas in Nairobi": KENCOP).

    Runs after the geo stage. Only actors still without a country get one, and never
    persons, media, NGOs, international bodies or refugees (``_UNPLACED_SECTORS``): the
    sentence's own country evidence (``code``) always wins over the place. An event with no
    place of its own takes the report's country when every place the document names lies in
    that one country ("Gunmen shot a trader. ... in Garissa county": KENUAF).
    """
    lex = _lexicon()
    by_iso2 = {row["iso2"]: iso3 for iso3, row in lex.countries.items() if row.get("iso2")}
    named = {p.country for p in doc.places if p.country}
    report = by_iso2.get(next(iter(named))) if len(named) == 1 else None
    for event in doc.events:
        country = by_iso2.get(event.place.country or "") if event.place is not None else None
        if event.place is None or not event.place.country:
            country = report
        if country is None:
            continue
        for side in ("source", "target"):
            actor = getattr(event, side)
            if (
                actor is None
                or actor.country
                or actor.kind == "person"
                or actor.sector in _UNPLACED_SECTORS
                or not _sector_only(actor, lex)
            ):
                continue
            setattr(event, side, with_country(actor, country))
    return doc


def _sector_only(actor: Actor, lex: _Lexicon) -> bool:
    """Whether an actor is coded by its sector alone ("the government" GOV)."""
    return actor.code is not None and actor.code == lex.sector_codes.get(actor.sector or "")


def recode(actor: Actor, sector: str) -> str:
    """The code of an actor of a group sector seen as another sector ("villagers" CVL who
    protest: PRO), keeping its country."""
    return f"{actor.country or ''}{_lexicon().sector_codes[sector]}"


def with_country(actor: Actor, country: str) -> Actor:
    """A sector-only actor placed in a country ("government" GOV in Libya: LBYGOV)."""
    sector = _lexicon().sector_codes.get(actor.sector or "", "")
    return replace(actor, country=country, code=f"{country}{sector}")


def _possessor_country(span: Any, by_end: dict[int, Actor]) -> str | None:
    sdoc = span.doc
    i, steps = span.start - 1, 0
    while i >= 0 and steps < 4 and _is_premodifier(sdoc[i]):
        i, steps = i - 1, steps + 1
    if i < 1 or sdoc[i].lower_ not in _POSSESSIVE:
        return None
    owner = by_end.get(sdoc[i - 1].idx + len(sdoc[i - 1]))
    return owner.country if owner is not None else None


def _is_premodifier(tok: Any) -> bool:
    """Adjectives, adverbs, participles, hyphens and numbers (a year: "Trump's *2016*
    campaign" USAPTY) between a possessor and its noun."""
    return tok.pos_ in {"ADJ", "ADV", "NUM"} or tok.tag_ in {"VBN", "CD"} or tok.text in {"-", "–"}


_OF = frozenset({"of", "from"})


def _of_country(span: Any) -> str | None:
    """The country of a place named right after a sector-only actor with "of"/"from" ("the
    people of Puerto Rico", "residents of Kabul", "the government of Syria"): the place, as a
    country or capital, is whose they are. Not a place inside a longer name or a list."""
    sdoc = span.doc
    k = span.end
    if k >= len(sdoc) or sdoc[k].lower_ not in _OF:
        return None
    k += 1
    if k < len(sdoc) and sdoc[k].lower_ == "the":
        k += 1
    if k >= len(sdoc) or sdoc[k].ent_type_ != "GPE" or sdoc[k].ent_iob_ != "B":
        return None
    ent = next((e for e in ents(sdoc) if e.start == k), None)
    if ent is None:
        return None
    after = sdoc[ent.end] if ent.end < len(sdoc) else None
    if after is not None and (after.lower_ in {"and", "or"} or after.text == ","):
        return None  # "people of Syria and Iraq", "officials from Iran, Iraq and Turkey"
    keys = {e.key for e in _country_entries(ent.text)}
    return keys.pop() if len(keys) == 1 else None


def _named_countries(sent: Any) -> dict[str, set[str]]:
    """The countries each place entity of a sentence names, as a country or its capital."""
    out: dict[str, set[str]] = {}
    for ent in _ents_of(sent):
        if ent.label_ == "GPE":
            named = {e.key for e in _country_entries(ent.text)}
            if named:
                out[ent.text] = named
    return out


def _ents_of(sent: Any) -> list[Any]:
    """``sent.ents`` from the document's entities listed once (``sitmap.tokens``)."""
    return sent_ents(sent.doc, sent.start, sent.end)


def _country_entries(text: str) -> list[_Entry]:
    """Lexicon entries that make ``text`` a country's name or its capital's."""
    key, _, _ = _key(text)
    return [e for e in _lexicon().table.get(key, []) if e.type in (_COUNTRY, _CAPITAL)]


def _sole_country(actor: Actor, actors: list[Actor], sent: Any) -> str | None:
    """The one country the actors of a sentence belong to, unless a place in the sentence is
    in another country, another actor of that country has the same sector ("Russian jets
    bombed the army": two sides), or another actor directly modifies this one ("coalition
    warplanes"). Outlets are no evidence: "told Reuters" names no country of the story."""
    lo, hi = sent.start_char, sent.end_char
    inside = [a for a in actors if a is not actor and lo <= a.start < hi]
    if any(0 <= actor.start - a.end <= 1 for a in inside):
        return None
    lex = _lexicon()
    # an outlet the sentence names ("told Reuters") says nothing of where its actors are from
    countries = {
        a.country
        for a in inside
        if a.country and not _outlet(a, lex) and not _foreign_group(a, lex)
    }
    if len(countries) != 1:
        return None
    country = countries.pop()
    if any(country not in named for named in _named_countries(sent).values()):
        return None
    if any(a.country == country and a.sector == actor.sector for a in inside):
        return None
    return country
