"""Composing adjacent pieces into coded actors: noun-phrase grouping, office holders and
their terms, titles, possessors, coordination."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.actors.lexicon import (
    _CAPITAL,
    _COUNTRY,
    _DEMONYM,
    _GROUP,
    _HOLDER,
    _IGO_BASES,
    _LOCATIVE,
    _NEXT,
    _NOUN_POS,
    _ORG,
    _OUTLET,
    _PATRON,
    _PEOPLE,
    _POSSESSOR,
    _SECTOR,
    _STATE_TYPES,
    _TITLE,
    _VERB_POS,
    _Entry,
    _fold,
    _key,
    _Lexicon,
)
from sitmap.actors.scan import _Piece, _scan, _Tok
from sitmap.model import Actor


@dataclass
class _Ctx:
    toks: list[_Tok]
    lex: _Lexicon
    on: date | None
    dated: bool  # a date was given: code holders by the office held then
    text: str
    seen: set[str]  # holders named in full so far
    learned: dict[str, _Entry]  # abbreviations learned in this document
    persons: dict[str, list[Actor]]  # surname/full name of a titled person -> its mentions
    tagged: bool  # tokens carry POS and entities
    named: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # surname -> (offset, full name) of every person the document names in full, in order
    by_role: dict[str, list[Actor]] = field(default_factory=dict)
    # office ("president") -> the office holders the document has named with it, in order


def _group(pieces: list[_Piece], ctx: _Ctx) -> list[list[_Piece]]:
    """Adjacent pieces that read as one noun phrase ("Syrian" "Foreign Minister" "Muallem")."""
    groups: list[list[_Piece]] = []
    for p in pieces:
        if groups:
            last = groups[-1][-1]
            gap = ctx.toks[last.j : p.i]
            possessive = _possessive_gap(gap) and last.type in _POSSESSOR
            if (not gap or possessive) and p.type in _NEXT[last.type]:
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


def _possessive_gap(gap: list[_Tok]) -> bool:
    """Whether the tokens between a possessor and the next piece are "'s" and at most two
    adjectives ("China's top diplomat", "Russia's new ambassador"; not "Russia's plan to")."""
    if not gap or gap[0].norm not in ("'s", "'") or len(gap) > 3:
        return False
    return all(t.pos == "ADJ" for t in gap[1:])


def _holder_term(name: str, ctx: _Ctx) -> dict[str, Any] | None:
    terms = ctx.lex.holders[name]
    if ctx.on is None:
        return max(terms, key=lambda t: t["start"]) if not ctx.dated else None
    iso = ctx.on.isoformat()
    for term in terms:
        if term["start"] <= iso and (not term["end"] or iso < term["end"]):
            return term
    return None


def _compose_code(base: str | None, sector: str | None, tag: str | None, ctx: _Ctx) -> str | None:
    sec = ctx.lex.sector_codes.get(sector or "", "") if sector else ""
    if not base and not sec:
        return None
    return f"{base or ''}{sec}{tag or ''}" or None


def _org_code(name: str, ctx: _Ctx) -> tuple[str | None, str | None, str | None]:
    """(code, country, sector) of a named organisation."""
    org = ctx.lex.orgs[name]
    base = org.get("base")
    code = org.get("code") or _compose_code(base, org.get("sector"), org.get("tag"), ctx)
    country = base if base and base not in _IGO_BASES else None
    return code, country, org.get("sector")


def _country_label(iso3: str, ctx: _Ctx) -> str:
    row = ctx.lex.countries.get(iso3)
    if not row:
        return iso3
    return (row["demonyms"].split("|")[0] or row["name"]) if row["demonyms"] else row["name"]


def _person_after(j: int, ctx: _Ctx) -> int:
    """End of a person's name starting at token j (a PERSON entity, or capitalised words)."""
    toks = ctx.toks
    if j >= len(toks):
        return j
    if ctx.tagged:
        tok, first = toks[j], j
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if (  # a first name the tagger split off ("Natalia" GPE + "Veselnitskaya" PERSON)
            tok.pos == "PROPN"
            and tok.text.istitle()
            and tok.ent != "PERSON"
            and nxt is not None
            and nxt.ent == "PERSON"
            and nxt.ent_start == j + 1
        ):
            tok, first = nxt, j + 1
        if tok.ent == "PERSON" and tok.ent_start == first:
            end = tok.ent_end
            while end > j and toks[end - 1].norm in ("'s", "'"):
                end -= 1
            return end
        return j
    end = j
    while end < len(toks) and (toks[end].text[:1].isupper() or toks[end].text in ("-", "al")):
        end += 1
    return end


def _former(i: int, ctx: _Ctx, words: frozenset[str] | None = None) -> bool:
    """Whether a "former" word (or ``words``) stands right before token i ("former President",
    "ex-President")."""
    toks = ctx.toks
    words = ctx.lex.former if words is None else words
    for back in (1, 2):
        k = i - back
        if k >= 0 and toks[k].norm in words:
            return back == 1 or toks[i - 1].text == "-"
    return False


def _past_term(name: str, ctx: _Ctx) -> dict[str, Any] | None:
    """The holder's latest term that ended before the document's date (any term undated)."""
    terms = ctx.lex.holders[name]
    iso = ctx.on.isoformat() if ctx.on is not None else None
    past = [t for t in terms if t["end"] and (iso is None or t["end"] <= iso)]
    return max(past, key=lambda t: t["end"]) if past else None


def _term_code(term: dict[str, Any], ctx: _Ctx) -> tuple[str | None, str | None]:
    """(code, sector) of an office term."""
    if term["org"]:
        code, _, sector = _org_code(term["org"], ctx)
        return code, term["sector"] or sector
    sector = term["sector"] or None
    return _compose_code(term["country"], sector, None, ctx), sector


def _past_term_code(term: dict[str, Any], country: str, ctx: _Ctx) -> tuple[str | None, str | None]:
    """(code, sector) of a holder out of office, by his last term: a former police,
    intelligence or government official (``former_officials``) is his government's ("ex-FBI
    Director Comey": USAGOV; eval/GUIDE.md, former officials xxxGOV)."""
    code, sector = _term_code(term, ctx)
    if sector in ctx.lex.former_officials:
        return _compose_code(country, "government", None, ctx), "government"
    return code, sector


def _former_code(country: str | None, sector: str | None, ctx: _Ctx) -> str | None:
    """The code of a former holder of an organisation's office ("former CIA Director X"): his
    government's for a state office of ``former_officials`` (the gold guide's former officials,
    xxxGOV), none for another organisation's."""
    if country is None or sector not in ctx.lex.former_officials:
        return None
    return _compose_code(country, "government", None, ctx)


def _make(group: list[_Piece], ctx: _Ctx) -> Actor | None:
    """One noun phrase of pieces → an Actor (or None when it names no actor)."""
    toks, lex = ctx.toks, ctx.lex
    types = [p.type for p in group]
    i, j = group[0].i, group[-1].j
    ethnic = next((p for p in group if p.type == _GROUP), None)
    country: str | None = None
    for p in group:
        if p.type in _STATE_TYPES:
            country = p.entry.key
            break
    if ethnic is not None:  # "Syrian Kurdish forces" are not Syria's forces
        country = lex.group_homes.get(ethnic.entry.key)
    country = country or _owner_country(group, ctx)
    score = 0.9
    role: str | None = None
    name: str | None = None
    kind = "group"
    sector: str | None = None
    code: str | None = None
    former = _former(i, ctx) or any(toks[k].norm in lex.former for k in range(i, j))
    then = _former(i, ctx, lex.then) or any(toks[k].norm in lex.then for k in range(i, j))

    title = next((p for p in reversed(group) if p.type == _TITLE), None)
    holder = next((p for p in group if p.type == _HOLDER), None)
    org = next((p for p in reversed(group) if p.type == _ORG), None)
    sectors = [p for p in group if p.type == _SECTOR]
    last = group[-1]

    # a weak (surname-only) holder needs context: full name seen, a title, or a unique surname
    if holder is not None and holder.entry.weak and holder.entry.key not in ctx.seen:
        unique = lex.surnames.get(toks[holder.i].norm, 0) == 1
        titled = holder is not group[0] and group[group.index(holder) - 1].type in "TCD"
        # in a document a bare surname needs the full name first ("Johnson" is too common);
        # a phrase given to lookup() is already known to name someone
        if not (titled or (unique and not ctx.tagged)):
            group = [p for p in group if p is not holder]
            if not group:
                return None
            holder = None
            types = [p.type for p in group]
            j = group[-1].j
            last = group[-1]
    if holder is not None and holder is group[0] and _other_person(holder, ctx):
        return None
    if holder is not None and _named_earlier(holder, ctx) is not None:
        return None  # "Kayla Moore ... Moore said": the person the article named, not a holder

    # an unnamed person after a title: "Syrian Foreign Minister Walid X", "rebel commander Abu Y"
    person_end = j
    if last.type == _TITLE or (last.type == _OUTLET and _possessive_at(j, ctx)):
        start = j + 1 if last.type == _OUTLET else j
        end = _person_after(start, ctx)
        if end > start:
            person_end = end
    bare = person_end == j
    lone_title = title is not None and holder is None and len(group) == 1 and bare
    if lone_title and _fold(title.entry.key) in lex.name_only:
        return None  # "in general", "a major"
    if lone_title and ctx.tagged and _singular(title, ctx):
        known = _holder_of(title, ctx)
        if known is not None:  # "President Donald Trump ... the president said": him
            start, end = toks[i].start, toks[j - 1].end
            return replace(known, text=ctx.text[start:end], start=start, end=end, score=0.8)
    untagged_noun = last.type in (_SECTOR, _TITLE) and bare and ctx.tagged
    placed_sector = last.type == _SECTOR and any(p.type in _STATE_TYPES for p in group)
    if untagged_noun and toks[last.j - 1].pos not in _NOUN_POS and not placed_sector:
        return None  # "official statement", "press ahead"; but "U.S. military operations"
    if last.type == _SECTOR and last.entry.strength == 1 and len(group) == 1:
        return None  # "forces", "units" alone
    if last.type == _PATRON:
        return None
    if types == [_DEMONYM] and j < len(toks) and toks[j].norm in lex.not_actor_after:
        return None
    if types == [_GROUP] and j < len(toks) and toks[j].norm in lex.not_actor_after:
        return None
    if types in ([_COUNTRY], [_CAPITAL]) and i > 0 and toks[i - 1].norm in _LOCATIVE:
        return None
    if types == [_CAPITAL]:
        nxt = toks[j] if j < len(toks) else None
        if nxt is None or not (nxt.norm in ("'s", "'") or (nxt.pos or "") in _VERB_POS):
            return None
        if ctx.tagged and toks[i].ent != "GPE":
            return None
    if any(p.type in _STATE_TYPES for p in group) and ctx.tagged:
        for p in group:
            if p.type in _STATE_TYPES and toks[p.i].ent == "PERSON" and toks[p.i].ent_end > p.j:
                return None  # "Jordan Peterson"

    # sector: the most specific sector word wins; later ones on ties ("army troops" MIL)
    best = None
    for p in sectors:
        if best is None or p.entry.strength >= best.entry.strength:
            best = p
    if best is not None:
        sector = best.entry.sector

    if holder is None and org is not None:
        code, org_country, org_sector = _org_code(org.entry.key, ctx)
        name, kind, country, sector = org.entry.key, "organisation", org_country, org_sector
        if title is not None and group.index(title) > group.index(org):
            kind = "person" if person_end > j or _singular(title, ctx) else "group"
            role = ctx.text[toks[title.i].start : toks[title.j - 1].end]
            name = ctx.text[toks[j].start : toks[person_end - 1].end] if person_end > j else None
            if title.entry.sector == "party" and org_sector != "party":
                sector = "party"  # "U.S. Senate candidate Roy Moore" runs for it: PTY
                code = _compose_code(org_country, sector, None, ctx)
            if former:
                code, score = _former_code(org_country, org_sector, ctx), 0.6
                sector = "government" if code else sector
                role = f"former {role}"
    elif holder is not None:
        kind, name = "person", holder.entry.key
        ctx.seen.add(holder.entry.key)
        term = None if former else _holder_term(holder.entry.key, ctx)
        first = lex.holders[holder.entry.key][0]
        country = first["country"] if first["country"] not in _IGO_BASES else None
        past = _past_term(holder.entry.key, ctx) if term is None else None
        if term is None and then and past is not None:
            term = past  # "then-President Obama": the office held at the time told
        if term is not None:
            role = term["role"]
            code, sector = _term_code(term, ctx)
        elif past is not None and country is not None:
            # out of office: coded by the last office held (the gold guide's convention: a
            # former president is his government's, GOV), the role telling "former"
            role, score = f"former {past['role']}", 0.7
            code, sector = _past_term_code(past, country, ctx)
        else:
            sector, code, score = None, None, 0.7
        after = group[group.index(holder) + 1 :]
        if title is not None and title in after:
            # "Trump's defense secretary": the holder's state, the title's office
            kind, role = "person", ctx.text[toks[title.i].start : toks[title.j - 1].end]
            sector = (best.entry.sector if best else None) or title.entry.sector
            code = _compose_code(first["country"], sector, None, ctx)
            name = ctx.text[toks[j].start : toks[person_end - 1].end] if person_end > j else None
            country = first["country"] if first["country"] not in _IGO_BASES else None
        elif any(p.type == _SECTOR for p in after):
            # "Assad's forces", "Trump administration": the holder's state, the sector's body
            name, kind, role = None, "group", None
            sector = best.entry.sector if best else None
            code = _compose_code(first["country"], sector, None, ctx)
            country = first["country"] if first["country"] not in _IGO_BASES else None
            if best is not None and best.entry.organisation:
                kind = "organisation"
    elif (title is not None and title is last) or person_end > j:
        kind = "person"
        role = toks[title.i].text if title else None
        if title is not None:
            role = ctx.text[toks[title.i].start : toks[title.j - 1].end]
        sector = (best.entry.sector if best is not None else None) or (
            title.entry.sector if title else None
        )
        if title is not None and title.entry.sector == "party":
            sector = "party"  # "Senate candidate Roy Moore" runs for the Senate: PTY
        if sector is None and country is not None and _heads_country(title):
            sector = "government"  # "the U.S. leader", "China's leaders": USAGOV, CHNGOV
        code = _compose_code(country, sector, None, ctx)
        if group[0].type == _OUTLET:
            out = lex.outlets[group[0].entry.key]
            country, sector = out.get("country"), "media"
            code = _compose_code(country, sector, None, ctx)
        if person_end > j:
            name = ctx.text[
                toks[j if last.type == _TITLE else j + 1].start : toks[person_end - 1].end
            ]
        else:
            name = None
            if not _singular(title, ctx):  # "officials"
                kind = "group"
        if former and not then:
            # "former Defense Secretary X": coded by the office once held, the role telling
            # "former" (the gold guide's convention for former officials)
            score = 0.6
            code = _compose_code(country, sector, None, ctx) if country else None
            role = f"former {role}" if role else role
        if name is None and sector is None and country is None:
            return None  # "spokesman", "leaders": nobody in particular
    elif last.type == _OUTLET:
        out = lex.outlets[last.entry.key]
        name, kind, sector, country = out["name"], "organisation", "media", out.get("country")
        code = _compose_code(country, sector, None, ctx)
    elif best is not None:
        kind = "organisation" if best.entry.organisation else "group"
        label = _country_label(country, ctx) if country else (ethnic.entry.key if ethnic else "")
        name = (
            f"{label} {sector or ''}".strip()
            if sector
            else ctx.text[toks[i].start : toks[j - 1].end]
        )
        code = _compose_code(country, sector, None, ctx) if sector else None
        if country is None and ethnic is None and len(group) == 1:
            score = 0.7
    elif last.type == _GROUP and ethnic is not None:
        name, kind, score = ethnic.entry.key, "group", 0.6
        if country is not None:  # a community of one country: its civilians
            sector = "civilians"
            code = _compose_code(country, sector, None, ctx)
    elif last.type in _STATE_TYPES:
        iso3 = last.entry.key
        name = lex.countries[iso3]["name"]
        country = iso3
        if last.type == _CAPITAL:
            kind, sector, score = "organisation", "government", 0.6
            code = _compose_code(iso3, sector, None, ctx)
        elif _demonym_person(group, ctx):  # "a Briton", "a Russian named Ivan Petrov"
            kind, sector, score, name = "person", "civilians", 0.7, None
            code = _compose_code(iso3, sector, None, ctx)
            if j + 1 < len(toks) and toks[j].norm == "named":
                end = _person_after(j + 1, ctx)
                if end > j + 1:
                    person_end = end
                    name = ctx.text[toks[j + 1].start : toks[end - 1].end]
        else:
            kind = "state" if last.type != _PEOPLE else "group"
            code = iso3
            score = 0.9 if last.type == _COUNTRY else 0.7
    else:
        return None

    end = max(j, person_end)
    start_char, end_char = toks[i].start, toks[end - 1].end
    actor = Actor(
        text=ctx.text[start_char:end_char],
        start=start_char,
        end=end_char,
        name=name,
        country=country,
        sector=sector,
        code=code,
        kind=kind,
        role=role,
        score=score,
    )
    if kind == "person" and person_end > j and holder is None and name and " " in name.strip():
        # a person named in full: later bare mentions of the surname are this person
        ctx.persons.setdefault(_fold(name.split()[-1]), []).append(actor)
        ctx.persons.setdefault(_fold(name), []).append(actor)
    if kind == "person" and name and role and code and not role.startswith("former"):
        ctx.by_role.setdefault(_fold(role), []).append(actor)
    return actor


@cache
def _country_heads() -> frozenset[str]:
    return frozenset(_fold(w) for w in lexicons.yaml_file("sectors.yaml")["country_heads"])


def _heads_country(title: _Piece | None) -> bool:
    """Whether a title of no sector of its own names, after a country, whoever leads that
    country ("the U.S. leader", "the Chinese leaders": ``country_heads``): its government."""
    return title is not None and _fold(title.entry.key) in _country_heads()


def _demonym_person(group: list[_Piece], ctx: _Ctx) -> bool:
    """Whether a lone demonym names one person of that country, a noun after "a"/"an" ("a
    Briton", "an American was killed", "a Russian named X"), not an adjective ("a Russian
    plan") nor the people or state ("Russians", "the Russians")."""
    i, j, toks = group[0].i, group[-1].j, ctx.toks
    if len(group) != 1 or group[0].type != _DEMONYM or not ctx.tagged or i == 0:
        return False
    if toks[i - 1].norm not in {"a", "an"} or toks[j - 1].pos not in _NOUN_POS:
        return False
    return j >= len(toks) or toks[j].pos not in _NOUN_POS


# patron suffixes that make a firm or outlet the patron country's own ("a Russian-controlled
# company" RUSBUS, "a U.S.-based firm" USABUS); militias backed or led by a state stay unplaced
_OWNING_SUFFIXES = frozenset({"owned", "controlled", "based", "run", "headquartered"})
_OWNED_SECTORS = frozenset({"business", "media"})


def _owner_country(group: list[_Piece], ctx: _Ctx) -> str | None:
    """The country that owns a firm or outlet named with a patron ("Russian-owned bank")."""
    last = group[-1]
    if last.type != _SECTOR or last.entry.sector not in _OWNED_SECTORS:
        return None
    for p in group:
        suffix = ctx.toks[p.j - 1].norm
        if p.type == _PATRON and suffix in _OWNING_SUFFIXES and p.entry.type in _STATE_TYPES:
            return p.entry.key
    return None


def _holder_of(title: _Piece, ctx: _Ctx) -> Actor | None:
    """The one person the document has named so far with this office ("the president" after
    "President Donald Trump"); None when it named none or several (Trump and Putin)."""
    office = " ".join(t.norm for t in ctx.toks[title.i : title.j])
    holders = ctx.by_role.get(office, [])
    if len({a.name for a in holders}) != 1:
        return None
    return holders[-1]


def _singular(title: _Piece, ctx: _Ctx) -> bool:
    words = " ".join(t.norm for t in ctx.toks[title.i : title.j])
    return words == " ".join(_key(title.entry.key)[0])


def _possessive_at(j: int, ctx: _Ctx) -> bool:
    return j < len(ctx.toks) and ctx.toks[j].norm in ("'s", "'")


def _named_earlier(holder: _Piece, ctx: _Ctx) -> str | None:
    """The full name of another person the document named before this bare surname of an office
    holder ("Kayla Moore ... Moore"), when the holder was not named in full: the document's own
    people come before the famous-person lexicon."""
    toks = ctx.toks
    if holder.j - holder.i != 1 or holder.entry.key in ctx.seen or not ctx.named:
        return None
    if holder.i > 0 and toks[holder.i - 1].pos == "PROPN" and toks[holder.i - 1].text.istitle():
        return None  # part of a longer name
    here = toks[holder.i].start
    earlier = [n for at, n in ctx.named.get(toks[holder.i].norm, []) if at < here]
    others = {n for n in earlier if not _names_holder(n, holder.entry.key, ctx.lex)}
    if len(others) != 1 or len(others) != len(set(earlier)):
        return None  # nobody else, or the holder himself also named: keep the holder
    return others.pop()


def _names_holder(name: str, key: str, lex: _Lexicon) -> bool:
    entries = lex.table.get(_key(name)[0], [])
    return any(e.type == _HOLDER and e.key == key and not e.weak for e in entries)


def _full_names(toks: list[_Tok]) -> dict[str, list[tuple[int, str]]]:
    """Surname -> (offset, full name) of each multi-word PERSON entity, in document order."""
    named: dict[str, list[tuple[int, str]]] = {}
    for k, tok in enumerate(toks):
        if tok.ent != "PERSON" or tok.ent_start != k:
            continue
        end = tok.ent_end
        while end > k and toks[end - 1].norm in ("'s", "'"):
            end -= 1
        words = [t for t in toks[k:end] if t.text[:1].isalpha()]
        if len(words) < 2 or not words[-1].text[:1].isupper():
            continue
        full = " ".join(t.text for t in words)
        named.setdefault(words[-1].norm, []).append((tok.start, full))
    return named


def _other_person(holder: _Piece, ctx: _Ctx) -> bool:
    """ "Ivanka Trump", "Donald Trump Jr": the surname belongs to someone else here."""
    toks = ctx.toks
    i, j = holder.i, holder.j
    if j < len(toks) and toks[j].norm.rstrip(".") in ("jr", "sr"):
        return True
    if i == 0 or j - i > 1:
        return False
    prev = toks[i - 1]
    if not prev.text[:1].isupper() or not prev.text.isalpha() or prev.norm in ctx.lex.honorifics:
        return False
    return not ctx.tagged or prev.pos == "PROPN"


def _coordinated(actors: list[Actor], ctx: _Ctx) -> None:
    """ "Russian and Syrian troops": a bare demonym takes the sector of the phrase it pairs with."""
    for k in range(len(actors) - 2, -1, -1):
        a, b = actors[k], actors[k + 1]
        if a.kind != "state" or a.country is None or b.sector is None or b.kind == "person":
            continue
        if b.country is None or not _is_demonym(a, ctx):
            continue
        between = ctx.text[a.end : b.start].strip().lower()
        if between not in ("and", "or", ",", "and the", "or the"):
            continue
        a.sector, a.kind = b.sector, b.kind
        a.code = _compose_code(a.country, b.sector, None, ctx)
        a.name = f"{_country_label(a.country, ctx)} {b.sector}"


def _is_demonym(actor: Actor, ctx: _Ctx) -> bool:
    key, _, _ = _key(actor.text)
    return any(e.type == _DEMONYM for e in ctx.lex.table.get(key, []))


def _actors(ctx: _Ctx) -> list[Actor]:
    pieces = _scan(ctx.toks, ctx.lex, ctx.learned)
    pieces = _drop_inside_names(pieces, ctx)
    # "New Jersey Governor Chris Christie", "New Mexico": a US state, not Jersey nor Mexico
    pieces = [p for p in pieces if not (p.type == _COUNTRY and _in_region_name(p, ctx))]
    actors: list[Actor] = []
    for group in _group(pieces, ctx):
        actor = _make(group, ctx)
        if actor is not None:
            actors.append(actor)
    _coordinated(actors, ctx)
    return actors


def _drop_inside_names(pieces: list[_Piece], ctx: _Ctx) -> list[_Piece]:
    """Drop a one-word org match that is the tail of a longer unknown name ("African National
    Congress"), and title pieces inside a PERSON entity ("Major Garrett" stays a name)."""
    if not ctx.tagged:
        return pieces
    toks = ctx.toks
    covered = {k for p in pieces for k in range(p.i, p.j)}
    out = []
    for p in pieces:
        first = toks[p.i]
        if p.type in (_ORG, _OUTLET) and p.i > 0 and 0 <= first.ent_start < p.i:
            prev = toks[p.i - 1]
            if prev.pos == "PROPN" and prev.text[:1].isupper() and (p.i - 1) not in covered:
                continue
        # "Harvard University", "Refugee Act", "European Union" are names; "House Ethics
        # Committee" is the chamber's committee
        capital = p.type == _SECTOR and first.text[:1].isupper()
        if capital and _in_name(p, toks, covered) and not _committee(p, toks):
            continue
        out.append(p)
    return out


def _committee(p: _Piece, toks: list[_Tok]) -> bool:
    """A legislature's committee named by its remit ("Foreign Affairs Committee")."""
    return p.entry.sector == "legislature" and toks[p.j - 1].norm in ("committee", "committees")


def _in_name(p: _Piece, toks: list[_Tok], covered: set[int]) -> bool:
    for k in (p.i - 1, p.j):
        if 0 <= k < len(toks) and k not in covered:
            tok = toks[k]
            if tok.pos == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha():
                return True
    return False


@cache
def _region_names() -> frozenset[str]:
    """Folded names of states and provinces (``roles.yaml`` people ``subnational``)."""
    data = lexicons.yaml_file("roles.yaml")["people"]["subnational"]
    return frozenset(_fold(name) for names in data.values() for name in names)


def _in_region_name(piece: _Piece, ctx: _Ctx) -> bool:
    """Whether a country's name is the end of a longer state or province name ("Jersey" in
    "New Jersey", "Mexico" in "New Mexico", "Wales" in "New South Wales"): that region, not
    the country."""
    toks, end = ctx.toks, piece.j
    for k in (piece.i - 1, piece.i - 2):
        if k >= 0 and " ".join(t.norm for t in toks[k:end]) in _region_names():
            return True
    return False
