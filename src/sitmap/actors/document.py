"""``code(doc)``: every actor mention of a parsed document, with abbreviations the document
defines and the PERSON/ORG entities no lexicon entry covers."""

from __future__ import annotations

import re
from dataclasses import replace

from sitmap.actors.anaphora import body_anaphors, country_anaphors
from sitmap.actors.compose import _actors, _Ctx, _full_names
from sitmap.actors.countries import _country_entries, _inherit_countries
from sitmap.actors.lexicon import _ABBREV, _ORG, _SECTOR, _Entry, _fold, _Lexicon, _lexicon
from sitmap.actors.parties import seated
from sitmap.actors.people import describe, regional
from sitmap.actors.scan import _doc_tokens, _Tok
from sitmap.model import Actor, Document


def code(doc: Document) -> Document:
    """Fill ``doc.actors`` with every actor mention in ``doc._spacy`` (sorted, non-overlapping).

    Office holders are coded by the office held on ``doc.published`` (by their latest office when
    the document has no date); titled unknown persons by their title; named organisations by
    orgs.yaml; uncoded PERSON/ORG entities are kept with ``code=None``.
    """
    sdoc = doc._spacy
    if sdoc is None:
        doc.actors = []
        return doc
    lex = _lexicon()
    toks = _doc_tokens(sdoc)
    ctx = _Ctx(
        toks=toks,
        lex=lex,
        on=doc.published,
        dated=doc.published is not None,
        text=doc.text,
        seen=set(),
        learned={},
        persons={},
        tagged=True,
    )
    ctx.learned = _abbreviations(toks, lex)
    ctx.named = _full_names(toks)
    actors = regional(_actors(ctx), ctx)
    actors = _absorb_abbreviations(actors, ctx)
    actors += _entities(actors, ctx)
    actors += _surnames(actors, ctx)
    actors += country_anaphors(actors, sdoc, doc.sentences)
    actors += body_anaphors(actors, sdoc, doc.sentences)
    actors.sort(key=lambda a: a.start)
    doc.actors = seated(describe(_inherit_countries(actors, sdoc, lex), ctx), sdoc)
    return doc


def _abbreviations(toks: list[_Tok], lex: _Lexicon) -> dict[str, _Entry]:
    """Abbreviations a document defines for known organisations: "Tahrir al-Sham (HTS)"."""
    learned: dict[str, _Entry] = {}
    for k in range(2, len(toks) - 1):
        if toks[k - 1].text != "(" or toks[k + 1].text != ")" or not _ABBREV.match(toks[k].text):
            continue
        if (toks[k].norm,) in lex.table:
            continue
        for length in range(min(8, k - 1), 0, -1):
            bucket = lex.table.get(tuple(t.norm for t in toks[k - 1 - length : k - 1]))
            if bucket and bucket[0].type == _ORG:
                learned[toks[k].text] = replace(bucket[0], cap=True, upper=())
                break
    return learned


def _absorb_abbreviations(actors: list[Actor], ctx: _Ctx) -> list[Actor]:
    """ "Syrian Democratic Forces (SDF)": the bracketed abbreviation joins the mention."""
    text = ctx.text
    out: list[Actor] = []
    for k, a in enumerate(actors):
        m = re.match(r"\s*\(([A-Z][A-Za-z0-9\-]{1,7})\)", text[a.end : a.end + 14])
        if m and a.kind == "organisation":
            nxt = actors[k + 1] if k + 1 < len(actors) else None
            new_end = a.end + m.end()
            if nxt is not None and nxt.start < new_end:
                if nxt.code != a.code:
                    out.append(a)
                    continue
                actors[k + 1] = replace(nxt, start=-1)  # drop the abbreviation's own mention
            a.end = new_end
            a.text = text[a.start : a.end]
        if a.start >= 0:
            out.append(a)
    return out


def _entities(actors: list[Actor], ctx: _Ctx) -> list[Actor]:
    """PERSON and ORG entities no lexicon entry covers: titled persons' later mentions keep their
    code; the rest are kept uncoded (code None) so later stages still see them as actors."""
    taken = [(a.start, a.end) for a in actors]
    out: list[Actor] = []
    seen_spans: set[tuple[int, int]] = set()
    for tok in ctx.toks:
        if tok.ent not in ("PERSON", "ORG") or tok.ent_start < 0:
            continue
        s_i, e_i = tok.ent_start, tok.ent_end
        if (s_i, e_i) in seen_spans:
            continue
        seen_spans.add((s_i, e_i))
        while e_i > s_i and ctx.toks[e_i - 1].norm in ("'s", "'"):
            e_i -= 1
        if e_i <= s_i:
            continue
        start, end = ctx.toks[s_i].start, ctx.toks[e_i - 1].end
        if any(s < end and start < e for s, e in taken):
            continue
        text = ctx.text[start:end]
        if not any(c.isalpha() for c in text):
            continue
        known = _known_person(text, start, ctx)
        full = _earlier_full_name(text, start, ctx) if tok.ent == "PERSON" else None
        if known is None and tok.ent == "PERSON":
            known = _named_in_full(text, start, actors + out)
        surname = known is not None and _short_name(known, text)
        if known is not None and (tok.ent == "PERSON" or surname or _same_body(known, text)):
            out.append(replace(known, text=text, start=start, end=end, score=0.8))  # "Cotton"
        elif full is not None:
            out.append(Actor(text=text, start=start, end=end, name=full, kind="person", score=0.5))
        else:
            kind = "person" if tok.ent == "PERSON" else "organisation"
            actor = Actor(text=text, start=start, end=end, name=text, kind=kind, score=0.3)
            found = _described(actor, actors, ctx)
            if found is None and kind == "organisation":
                found = _company(text, start, end, ctx) or _named_body(text, start, end, ctx)
            out.append(found or actor)
        taken.append((start, end))
    return out


# a stock ticker after a company's name: "(GS.N)", "(AAPL.O)", "(7203.T)", "(NYSE: T)"
_TICKER = re.compile(r"\s*\((?:[A-Z0-9]{1,6}\.[A-Z]{1,2}|(?:NYSE|NASDAQ|Nasdaq|LSE):\s*[A-Z.]+)\)")


def _company(text: str, start: int, end: int, ctx: _Ctx) -> Actor | None:
    """A name the parser tags as an organisation that ends in a company's legal form ("AT&T
    Inc", "Mercury LLC", "Prevezon Holdings Ltd") or stands before a stock ticker ("Goldman
    Sachs Group Inc (GS.N)"): a business, BUS, of no country yet (the document's may follow).
    Its name is the short form without the legal form, which later mentions ("AT&T") use."""
    words = text.split()
    legal = len(words) > 1 and _fold(words[-1]).rstrip(",") in ctx.lex.company_suffixes
    if not legal and _TICKER.match(ctx.text, end) is None:
        return None
    name = " ".join(words[:-1]).rstrip(",") if legal else text
    company = Actor(
        text=text,
        start=start,
        end=end,
        name=name,
        kind="organisation",
        sector="business",
        code=ctx.lex.sector_codes["business"],
        score=0.6,
    )
    ctx.persons.setdefault(_fold(name), []).append(company)
    return company


def _named_body(text: str, start: int, end: int, ctx: _Ctx) -> Actor | None:
    """A name the parser tags as an organisation whose last word says what kind of body it is
    ("Harvard University" EDU, "the Food and Drug Administration" GOV, sectors.yaml
    `name_heads`), or whose last words are a sector's body word ("Los Angeles Police
    Department" COP): that sector, of no country yet (found later as for "the government").
    Bodies above states and the press ("International Energy Agency", "Xinhua News Agency")
    keep no code."""
    words = [_fold(w) for w in re.findall(r"[\w\-'’.&]+", text)]
    if words and words[0] == "the":
        words = words[1:]
    heads = ctx.lex.name_heads or {}
    if len(words) < 2 or words[-1] not in heads or ctx.lex.name_heads_except & set(words):
        return None
    body_words = (  # "Police Department": the sector word before the head wins
        entry.sector
        for size in (3, 2)
        for entry in ctx.lex.table.get(tuple(words[-size:]), ())
        if entry.type == _SECTOR and entry.organisation and entry.sector
    )
    sector = next(body_words, heads[words[-1]])
    return Actor(
        text=text,
        start=start,
        end=end,
        name=text[4:] if text.startswith(("the ", "The ")) else text,
        kind="organisation",
        sector=sector,
        code=ctx.lex.sector_codes[sector],
        score=0.5,
    )


def _same_body(known: Actor, text: str) -> bool:
    """Whether ``text`` is a known body's name as written ("AT&T" after "AT&T Inc")."""
    return known.kind == "organisation" and _fold(known.name or "") == _fold(text)


# ", a Russian-controlled company", ", who is a lobbyist", ", the group's leader"
_APPOSITION = re.compile(r"\s*,\s*(?:(?:who|which)\s+(?:is|was)\s+)?(?:(?:a|an|the)\s+)?")


def _described(entity: Actor, actors: list[Actor], ctx: _Ctx) -> Actor | None:
    """An uncoded name coded by the description the text gives it in apposition: "Prevezon
    Holdings, a Russian-controlled company" RUSBUS, "Paul Miller, a lobbyist" BUS, "the
    agency's director, Christopher Wild" (the director's code). The name keeps its own text
    and name; later mentions of it ("Prevezon", "Wild") take the code too. None when no coded
    description of the same kind (a person for a person, a body for a body) stands beside it."""
    person = entity.kind == "person"
    kinds = {"person"} if person else {"organisation"}

    def fits(a: Actor) -> bool:  # a description, not another named person
        return bool(a.code) and a.kind in kinds and not (person and a.name)

    m = _APPOSITION.match(ctx.text, entity.end)
    after = m.end() if m and "," in m.group() else -1
    found = next((a for a in actors if a.start == after and fits(a)), None)
    if found is None and person:  # "the agency's director, Christopher Wild"
        before = [a for a in actors if a.end <= entity.start and fits(a)]
        if before and re.fullmatch(r"\s*,\s*", ctx.text[before[-1].end : entity.start]):
            found = before[-1]
    if found is None:
        return None
    coded = replace(
        entity,
        code=found.code,
        country=found.country,
        sector=found.sector,
        role=found.role,
        score=0.6,
    )
    words = entity.name.split() if entity.name else []
    keys = {_fold(entity.name or "")}
    if entity.kind == "person" and len(words) > 1:
        keys.add(_fold(words[-1]))
    elif entity.kind == "organisation" and words and len(words[0]) > 3:
        keys.add(_fold(words[0]))
    for key in keys - {""}:
        ctx.persons.setdefault(key, []).append(coded)
    return coded


def _named_in_full(text: str, start: int, actors: list[Actor]) -> Actor | None:
    """The one coded person named in full before ``start`` with ``text`` as one word of the
    name: a family name written first ("North Korean leader Kim Jong Un ... Kim")."""
    if " " in text.strip():
        return None
    found = [
        a
        for a in actors
        if a.kind == "person"
        and a.start < start
        and a.name
        and len(a.name.split()) > 1
        and text in a.name.split()
    ]
    one = found and len({a.name for a in found}) == 1 and found[-1].code
    return found[-1] if one else None


def _known_person(text: str, start: int, ctx: _Ctx) -> Actor | None:
    """The titled person named in full before ``start`` whose full name or surname ``text`` is
    (the latest such mention: "U.S. Senator Tom Cotton ... Cotton said")."""
    for key in (_fold(text), _fold(text.split()[-1])):
        earlier = [
            a
            for a in ctx.persons.get(key, [])
            if a.start < start and _same_person(text, a.name or "")
        ]
        if earlier:
            return earlier[-1]
    return None


def _same_person(text: str, name: str) -> bool:
    """Whether a mention can name the person: one word, or the full name's last words
    ("Kayla Moore" is not "Roy Moore")."""
    words, full = _fold(text).split(), _fold(name).split()
    return len(words) == 1 or full[-len(words) :] == words


# entity labels of tokens that are never a person's surname here; the parser's GPE is
# checked against the countries and capitals instead ("Cotton" may be tagged GPE, "Jordan" is
# the country)
_NOT_NAME_LABELS = frozenset({"LOC", "FAC", "NORP", "DATE", "TIME", "MONEY", "CARDINAL"})


def _surnames(actors: list[Actor], ctx: _Ctx) -> list[Actor]:
    """Bare surnames the parser took for no person ("Cotton, 40, is a staunch Trump ally"),
    of titled persons the document named in full before: mentions of that person.

    The surname must be written as in the full name, stand alone (no capitalised word next to
    it: "Joseph Cotton", "Cotton Bowl") and lie outside every other mention."""
    if not ctx.persons:
        return []
    taken = [(a.start, a.end) for a in actors]
    toks = ctx.toks
    out: list[Actor] = []
    for k, tok in enumerate(toks):
        if not tok.text[:1].isupper() or not tok.text.isalpha() or tok.ent in _NOT_NAME_LABELS:
            continue
        if tok.ent == "GPE" and _country_entries(tok.text):
            continue
        known = _known_person(tok.text, tok.start, ctx)
        if known is None or not _short_name(known, tok.text):
            continue
        if any(s < tok.end and tok.start < e for s, e in taken):
            continue
        beside = [toks[n] for n in (k - 1, k + 1) if 0 <= n < len(toks)]
        if any(t.text[:1].isupper() and t.text.isalpha() for t in beside):
            continue
        out.append(replace(known, text=tok.text, start=tok.start, end=tok.end, score=0.7))
        taken.append((tok.start, tok.end))
    return out


def _short_name(known: Actor, text: str) -> bool:
    """Whether ``text`` is the short form of a known name: a person's surname ("Cotton"), a
    body's first word ("Prevezon" for "Prevezon Holdings")."""
    words = (known.name or "").split()
    if not words:
        return False
    return words[0 if known.kind == "organisation" else -1] == text


def _earlier_full_name(text: str, start: int, ctx: _Ctx) -> str | None:
    """A bare surname's full name when the document named exactly one such person before it."""
    if " " in text.strip():
        return None
    names = {n for at, n in ctx.named.get(_fold(text), []) if at < start}
    return names.pop() if len(names) == 1 else None
