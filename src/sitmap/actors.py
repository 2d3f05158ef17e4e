"""Actor mentions → coded actors (country + sector, CAMEO-style codes).

``code(doc)`` fills ``doc.actors`` from the spaCy tokens of ``doc._spacy``; ``lookup(text)``
codes one phrase (a speaker, a source); ``outlet(text)`` names the news outlet in a phrase.

How it works: the lexicons under ``sitmap/data`` (countries, sector words and titles, named
organisations, office holders, outlets) are compiled once into a dictionary keyed by
lower-cased token sequences. A left-to-right scan finds the longest lexicon match at each
token ("pieces"); adjacent pieces are then read as one noun phrase and composed:

* ``Syrian`` + ``army`` → SYRMIL; ``Russia`` + ``'s`` + ``defence ministry`` → RUSMIL;
* ``Assad`` + ``'s`` + ``forces`` → SYRMIL (the office holder's country);
* ``U.S.-backed`` + ``militias`` → MLT (a patron lends no country);
* ``Secretary of State`` + ``Rex Tillerson`` → USAGOV on 2017 dates, code None in 2019;
* ``Syrian`` + ``Foreign Minister`` + an unknown PERSON → SYRGOV (coded from the title);
* ``rebels`` alone → REB; ``the group`` → nothing.

Codes are never filled with a default: what cannot be determined stays ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.model import Actor, Document

__all__ = ["code", "lookup", "outlet"]

# piece types
_COUNTRY, _DEMONYM, _PEOPLE, _CAPITAL = "C", "D", "N", "K"
_ORG, _OUTLET, _HOLDER, _GROUP = "O", "M", "H", "E"
_SECTOR, _TITLE, _PATRON = "S", "T", "P"

_NAME_TYPES = frozenset("CDNKOMHE")
_STATE_TYPES = frozenset("CDNK")
# which piece may follow which inside one noun phrase
_NEXT: dict[str, frozenset[str]] = {
    _COUNTRY: frozenset("STHOE"),
    _DEMONYM: frozenset("STHOE"),
    _GROUP: frozenset("STO"),
    _HOLDER: frozenset("ST"),
    _ORG: frozenset("STH"),
    _SECTOR: frozenset("STOHM"),
    _TITLE: frozenset("TH"),
    _PATRON: frozenset("CDOESTHGM"),
    _OUTLET: frozenset("T"),
    _PEOPLE: frozenset(),
    _CAPITAL: frozenset(),
}
_POSSESSOR = frozenset("CDHOEM")
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_POS = frozenset({"VERB", "AUX"})
_LOCATIVE = frozenset(
    [
        "in",
        "inside",
        "into",
        "across",
        "throughout",
        "within",
        "near",
        "outside",
        "around",
        "to",
        "toward",
        "towards",
        "at",
        "via",
        "through",
    ]
)
_IGO_BASES = frozenset({"IMG", "IGO", "NGO"})
_PRIORITY = {t: i for i, t in enumerate("OMHCDNKEPTS")}
_ABBREV = re.compile(r"^[A-Z][A-Z0-9\-]{1,7}$")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Entry:
    """One way a token sequence can be read: a country, an organisation, a sector word ..."""

    type: str
    key: str  # iso3, org/outlet/holder/group name, sector key, title text
    sector: str | None = None
    strength: int = 2  # sector words: 2 specific, 1 weak ("forces"), 0 government-like
    organisation: bool = False  # sector word naming a body ("army"), not people ("troops")
    weak: bool = False  # holder surname usable only with context
    cap: bool = True  # first token must be capitalised in the text
    upper: tuple[bool, ...] = ()  # tokens that must be written in capitals (US, AP)


@dataclass
class _Lexicon:
    table: dict[tuple[str, ...], list[_Entry]]
    maxlen: dict[str, int]
    countries: dict[str, dict[str, str]]
    orgs: dict[str, dict[str, Any]]
    outlets: dict[str, dict[str, Any]]
    holders: dict[str, list[dict[str, Any]]]
    sector_codes: dict[str, str]
    not_actor_after: frozenset[str]
    former: frozenset[str]
    then: frozenset[str]
    patron_suffixes: frozenset[str]
    patron_prefixes: frozenset[str]
    name_only: frozenset[str]
    surnames: dict[str, int]  # weak surname -> how many holders share it
    honorifics: frozenset[str]
    group_homes: dict[str, str]  # community -> the one country it lives in


def _fold(text: str) -> str:
    """Lower-cased, accent-free form used for matching ("Erdoğan" -> "erdogan")."""
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return text.lower()


def _split_hyphens(text: str, start: int) -> list[tuple[str, int, int]]:
    """Split "U.S.-backed" into "U.S.", "-", "backed" with character offsets."""
    if "-" not in text or text == "-" or len(text) < 3:
        return [(text, start, start + len(text))]
    out: list[tuple[str, int, int]] = []
    pos = 0
    for part in re.split(r"(-)", text):
        if part:
            out.append((part, start + pos, start + pos + len(part)))
        pos += len(part)
    return out


@cache
def _tokenizer() -> Any:
    """spaCy's rule-based English tokenizer (no model): the same token boundaries as the model."""
    import spacy

    return spacy.blank("en").tokenizer


def _key(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...], bool]:
    """Match key of a lexicon phrase, which tokens must be capitals, and whether it starts upper."""
    parts: list[str] = []
    for tok in _tokenizer()(phrase):
        parts.extend(p for p, _, _ in _split_hyphens(tok.text, tok.idx))
    upper = tuple(p.isupper() and p.replace(".", "").isalpha() and len(p) <= 5 for p in parts)
    return tuple(_fold(p) for p in parts), upper, phrase[:1].isupper()


def _plural(word: str) -> str:
    """English plural of the last word of a phrase (militia -> militias, army -> armies)."""
    head, _, last = word.rpartition(" ")
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es" if not last.endswith(("ers", "ies", "ts", "ns")) else last
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


@cache
def _lexicon() -> _Lexicon:
    """Compile every lexicon file into one token-sequence table (once per process)."""
    table: dict[tuple[str, ...], list[_Entry]] = {}

    def add(phrase: str, entry: _Entry) -> None:
        if not phrase:
            return
        key, upper, starts_upper = _key(phrase)
        if not key:
            return
        cap = entry.cap and starts_upper
        item = replace(entry, cap=cap, upper=upper if entry.type in _NAME_TYPES else ())
        bucket = table.setdefault(key, [])
        if all((e.type, e.key) != (item.type, item.key) for e in bucket):
            bucket.append(item)

    codes = lexicons.yaml_file("codes.yaml")
    sector_codes: dict[str, str] = codes["sectors"]

    countries: dict[str, dict[str, str]] = {}
    for row in lexicons.tsv_file("countries.tsv"):
        iso3 = row["iso3"]
        countries[iso3] = row
        for alias in [row["name"], *row["aliases"].split("|")]:
            add(alias, _Entry(_COUNTRY, iso3))
        for dem in row["demonyms"].split("|"):
            add(dem, _Entry(_DEMONYM, iso3))
        for people in row["people"].split("|"):
            add(people, _Entry(_PEOPLE, iso3))
        if row["capital"]:
            add(row["capital"], _Entry(_CAPITAL, iso3))

    orgs: dict[str, dict[str, Any]] = {}
    for org in lexicons.yaml_file("orgs.yaml")["orgs"]:
        orgs[org["name"]] = org
        for alias in [org["name"], *org.get("aliases", [])]:
            add(alias, _Entry(_ORG, org["name"], sector=org.get("sector")))

    outlets: dict[str, dict[str, Any]] = {}
    for item in lexicons.yaml_file("outlets.yaml")["outlets"]:
        outlets[item["name"]] = item
        for alias in [item["name"], *item.get("aliases", [])]:
            add(alias, _Entry(_OUTLET, item["name"], sector="media"))

    holders: dict[str, list[dict[str, Any]]] = {}
    surnames: dict[str, int] = {}
    for row in lexicons.tsv_file("office_holders.tsv"):
        name = row["name"]
        first_term = name not in holders
        holders.setdefault(name, []).append(row)
        if not first_term:
            continue
        add(name, _Entry(_HOLDER, name))
        for alias in filter(None, row["aliases"].split("|")):
            add(alias, _Entry(_HOLDER, name))
        surname = name.split()[-1]
        if surname.lower() != name.lower() and len(surname) > 2:
            surnames[_fold(surname)] = surnames.get(_fold(surname), 0) + 1
            add(surname, _Entry(_HOLDER, name, weak=True))

    sectors = lexicons.yaml_file("sectors.yaml")
    for sector, words in sectors["sectors"].items():
        for word in words.get("organisation") or []:
            strength = 0 if sector == "government" else 2
            for form in (word, _plural(word)):
                add(form, _Entry(_SECTOR, sector, sector, strength, True, cap=False))
        for word in words.get("group") or []:
            for form in (word, _plural(word)):
                add(form, _Entry(_SECTOR, sector, sector, 2, False, cap=False))
        for word in words.get("weak") or []:
            add(word, _Entry(_SECTOR, sector, sector, 1, False, cap=False))
    for word in sectors["unsectored"]:
        add(word, _Entry(_SECTOR, "", None, 1, False, cap=False))
    for sector, words in sectors["titles"].items():
        real = None if sector in (None, "null") else sector
        for word in words:
            for form in (word, _plural(word)):
                add(form, _Entry(_TITLE, word, real, cap=False))
    for group, words in sectors["groups"].items():
        for word in words:
            add(word, _Entry(_GROUP, group))

    for bucket in table.values():
        bucket.sort(key=lambda e: (_PRIORITY[e.type], e.weak))
    maxlen: dict[str, int] = {}
    for key in table:
        maxlen[key[0]] = max(maxlen.get(key[0], 0), len(key))
    return _Lexicon(
        table=table,
        maxlen=maxlen,
        countries=countries,
        orgs=orgs,
        outlets=outlets,
        holders=holders,
        sector_codes=sector_codes,
        not_actor_after=frozenset(_fold(w) for w in sectors["not_actor_after"]),
        former=frozenset(_fold(w) for w in sectors["former"]),
        then=frozenset(_fold(w) for w in sectors["then"]),
        group_homes=dict(sectors.get("group_homes") or {}),
        patron_suffixes=frozenset(sectors["patron_suffixes"]),
        patron_prefixes=frozenset(sectors["patron_prefixes"]),
        name_only=frozenset(_fold(w) for w in sectors["name_only"]),
        surnames=surnames,
        honorifics=frozenset(sectors["honorifics"]),
    )


# --------------------------------------------------------------------------- tokens


@dataclass
class _Tok:
    text: str
    norm: str
    start: int
    end: int
    pos: str | None = None  # None: no tagger (lookup on a bare phrase)
    ent: str = ""
    ent_start: int = -1  # index (in _Tok list) of the first token of its entity
    ent_end: int = -1


def _doc_tokens(sdoc: Any) -> list[_Tok]:
    """spaCy tokens → match tokens (hyphenated tokens split), keeping POS and entities."""
    toks: list[_Tok] = []
    ent_of: dict[int, tuple[int, int, str]] = {}
    for ent in sdoc.ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = (ent.start, ent.end, ent.label_)
    first_sub: dict[int, int] = {}
    for t in sdoc:
        if t.is_space:
            continue
        first_sub[t.i] = len(toks)
        for text, s, e in _split_hyphens(t.text, t.idx):
            toks.append(_Tok(text, _fold(text), s, e, t.pos_, ent_of.get(t.i, (0, 0, ""))[2]))
            toks[-1].ent_start = t.i  # temporarily the spaCy token index
    # map entity spans from spaCy token indices to _Tok indices
    n_tok = len(sdoc)
    for tok in toks:
        spacy_i = tok.ent_start
        if spacy_i in ent_of:
            es, ee, _ = ent_of[spacy_i]
            tok.ent_start = first_sub.get(es, 0)
            tok.ent_end = _sub_end(first_sub, ee, n_tok, len(toks))
        else:
            tok.ent_start = tok.ent_end = -1
    return toks


def _sub_end(first_sub: dict[int, int], spacy_end: int, n_tok: int, n_sub: int) -> int:
    for i in range(spacy_end, n_tok):
        if i in first_sub:
            return first_sub[i]
    return n_sub


def _phrase_tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for t in _tokenizer()(text):
        if t.is_space:
            continue
        for part, s, e in _split_hyphens(t.text, t.idx):
            toks.append(_Tok(part, _fold(part), s, e))
    return toks


# --------------------------------------------------------------------------- scanning


@dataclass
class _Piece:
    type: str
    entry: _Entry
    i: int  # first token
    j: int  # one past the last token


def _valid(entry: _Entry, toks: list[_Tok], i: int, j: int) -> bool:
    first = toks[i].text
    if entry.type in _NAME_TYPES:
        if entry.cap and not first[:1].isupper():
            return False
        for k, must in enumerate(entry.upper):
            if must and not toks[i + k].text.replace(".", "").isupper():
                return False
    return True


def _scan(toks: list[_Tok], lex: _Lexicon, learned: dict[str, _Entry]) -> list[_Piece]:
    """Longest lexicon match at each token, left to right, non-overlapping."""
    pieces: list[_Piece] = []
    n = len(toks)
    i = 0
    while i < n:
        norm = toks[i].norm
        found: _Piece | None = None
        longest = lex.maxlen.get(norm, 0)
        for length in range(min(longest, n - i), 0, -1):
            bucket = lex.table.get(tuple(t.norm for t in toks[i : i + length]))
            if not bucket:
                continue
            entry = next((e for e in bucket if _valid(e, toks, i, i + length)), None)
            if entry is not None:
                found = _Piece(entry.type, entry, i, i + length)
                break
        if found is None and toks[i].text in learned:
            entry = learned[toks[i].text]
            found = _Piece(entry.type, entry, i, i + 1)
        if found is None:
            i += 1
            continue
        pieces.append(found)
        i = found.j
    return _patrons(pieces, toks, lex)


def _patrons(pieces: list[_Piece], toks: list[_Tok], lex: _Lexicon) -> list[_Piece]:
    """Turn "U.S.-backed", "Kurdish-led", "pro-government" into patron pieces (no country)."""
    out: list[_Piece] = []
    n = len(toks)
    k = 0
    while k < len(pieces):
        p = pieces[k]
        j = p.j
        if (
            j + 1 < n
            and toks[j].text == "-"
            and toks[j + 1].norm in lex.patron_suffixes
            and p.type in _NAME_TYPES
        ):
            out.append(_Piece(_PATRON, p.entry, p.i, j + 2))
            k += 1
            continue
        if (
            p.i >= 2
            and toks[p.i - 1].text == "-"
            and toks[p.i - 2].norm in lex.patron_prefixes
            and (not out or out[-1].j <= p.i - 2)
        ):
            out.append(_Piece(_PATRON, p.entry, p.i - 2, p.j))
            k += 1
            continue
        out.append(p)
        k += 1
    return out


# --------------------------------------------------------------------------- composing


@dataclass
class _Ctx:
    toks: list[_Tok]
    lex: _Lexicon
    on: date | None
    dated: bool  # a date was given: code holders by the office held then
    text: str
    seen: set[str]  # holders named in full so far
    learned: dict[str, _Entry]  # abbreviations learned in this document
    persons: dict[str, Actor]  # surname of a titled person -> its actor
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
            possessive = len(gap) == 1 and gap[0].norm in ("'s", "'") and last.type in _POSSESSOR
            if (not gap or possessive) and p.type in _NEXT[last.type]:
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


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
        tok = toks[j]
        if tok.ent == "PERSON" and tok.ent_start == j:
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
            if former:
                code, score = None, 0.6
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
            # out of office: CAMEO codes former officials as their country's elite (ELI)
            role, sector, score = f"former {past['role']}", "elites", 0.7
            code = _compose_code(country, sector, None, ctx)
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
            # "former Defense Secretary X": the country's elite (CAMEO ELI), not its government
            sector, score = ("elites" if country else None), 0.6
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
    if kind == "person" and person_end > j and holder is None and name:
        ctx.persons[_fold(name.split()[-1])] = actor
        ctx.persons[_fold(name)] = actor
    if kind == "person" and name and role and code and not role.startswith("former"):
        ctx.by_role.setdefault(_fold(role), []).append(actor)
    return actor


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
        if p.type == _SECTOR and first.text[:1].isupper() and _in_name(p, toks, covered):
            continue  # "Harvard University", "Refugee Act", "European Union"
        out.append(p)
    return out


def _in_name(p: _Piece, toks: list[_Tok], covered: set[int]) -> bool:
    for k in (p.i - 1, p.j):
        if 0 <= k < len(toks) and k not in covered:
            tok = toks[k]
            if tok.pos == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha():
                return True
    return False


# --------------------------------------------------------------------------- public API


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
    actors = _actors(ctx)
    actors = _absorb_abbreviations(actors, ctx)
    actors += _entities(actors, ctx)
    actors.sort(key=lambda a: a.start)
    doc.actors = _inherit_countries(actors, sdoc, lex)
    return doc


_STATE_SECTORS = frozenset(
    {"government", "military", "police", "judiciary", "legislature", "intelligence"}
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})


def _inherit_countries(actors: list[Actor], sdoc: Any, lex: _Lexicon) -> list[Actor]:
    """Give a sector-only actor ("the government" GOV) the country it belongs to:

    * a possessive country before it, across adjectives ("Libya's internationally recognised
      government" LBYGOV, "Russia s Defense Ministry" RUSMIL);
    * for state institutions (government, military, police, courts, parliament, intelligence),
      the one country its sentence names ("the military seized control of Zimbabwe" ZWEMIL);
    * for protesters, the one country named as a place (a country or capital): they belong
      where they protest ("marched in Manila" PHLPRO).
      Two or more countries in the sentence leave it uncoded: sitmap does not guess.
    """
    by_end = {a.end: a for a in actors if a.country and a.kind == "state"}
    out: list[Actor] = []
    for actor in actors:
        if actor.country or not _sector_only(actor, lex) or actor.kind == "person":
            out.append(actor)
            continue
        span = sdoc.char_span(actor.start, actor.end, alignment_mode="expand")
        country = None if span is None else _possessor_country(span, by_end)
        if span is not None and country is None and actor.sector in _STATE_SECTORS:
            country = _sole_country(actor, actors, span.sent)
        if span is not None and country is None and actor.sector == "protesters":
            countries = set().union(*_named_countries(span.sent).values())
            country = countries.pop() if len(countries) == 1 else None
        out.append(actor if country is None else with_country(actor, country))
    return _focus_countries(out, sdoc, lex)


# sectors that never take the document's country: the media, transnational NGOs and refugees
# (who are, by definition, away from home)
_UNPLACED_SECTORS = frozenset({"media", "ngo", "igo", "refugees"})
_FOCUS_SHARE = 0.75  # a document is about one country when it has this share of mentions


def _focus_countries(actors: list[Actor], sdoc: Any, lex: _Lexicon) -> list[Actor]:
    """Give the still sector-only actors the document's country when the document is about
    one (three in four of its mentions of actors of a country are that country's) and the
    actor's sentence names no country and no actor of one ("protesters demonstrated at
    airports" in a story about Trump's travel ban: USAPRO). Within a sentence that names a
    country, a sector-only actor is as likely its opponent as its own ("Russian jets bombed
    army positions")."""
    counts = Counter(a.country for a in actors if a.country and a.code)
    total = sum(counts.values())
    if not total:
        return actors
    focus, top = counts.most_common(1)[0]
    if top / total < _FOCUS_SHARE:
        return actors
    out: list[Actor] = []
    for actor in actors:
        if not _sector_only(actor, lex) or actor.country or actor.sector in _UNPLACED_SECTORS:
            out.append(actor)
            continue
        span = sdoc.char_span(actor.start, actor.end, alignment_mode="expand")
        if (
            span is None
            or _named_countries(span.sent)
            or any(
                a.country and span.sent.start_char <= a.start < span.sent.end_char for a in actors
            )
        ):
            out.append(actor)  # "Russian jets bombed army positions": the army is not Russia's
            continue
        out.append(with_country(actor, focus))
    return out


def localise(doc: Document) -> Document:
    """Give the sector-only actors of each placed event the country of the event's place
    ("gunmen opened fire in Pattani": THAUAF; "police fired tear gas in Nairobi": KENCOP).

    Runs after the geo stage. Only actors still without a country get one, and never
    persons, media, NGOs, international bodies or refugees (``_UNPLACED_SECTORS``): the
    sentence's own country evidence (``code``) always wins over the place.
    """
    lex = _lexicon()
    by_iso2 = {row["iso2"]: iso3 for iso3, row in lex.countries.items() if row.get("iso2")}
    for event in doc.events:
        country = by_iso2.get(event.place.country or "") if event.place is not None else None
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
    """Adjectives, adverbs, participles and hyphens between a possessor and its noun."""
    return tok.pos_ in {"ADJ", "ADV"} or tok.tag_ == "VBN" or tok.text in {"-", "–"}


def _named_countries(sent: Any) -> dict[str, set[str]]:
    """The countries each place entity of a sentence names, as a country or its capital."""
    out: dict[str, set[str]] = {}
    for ent in sent.ents:
        if ent.label_ == "GPE":
            named = {e.key for e in _country_entries(ent.text)}
            if named:
                out[ent.text] = named
    return out


def _country_entries(text: str) -> list[_Entry]:
    """Lexicon entries that make ``text`` a country's name or its capital's."""
    key, _, _ = _key(text)
    return [e for e in _lexicon().table.get(key, []) if e.type in (_COUNTRY, _CAPITAL)]


def _sole_country(actor: Actor, actors: list[Actor], sent: Any) -> str | None:
    """The one country the actors of a sentence belong to, unless a place in the sentence is
    in another country, another actor of that country has the same sector ("Russian jets
    bombed the army": two sides), or another actor directly modifies this one ("coalition
    warplanes")."""
    lo, hi = sent.start_char, sent.end_char
    inside = [a for a in actors if a is not actor and lo <= a.start < hi]
    if any(0 <= actor.start - a.end <= 1 for a in inside):
        return None
    countries = {a.country for a in inside if a.country}
    if len(countries) != 1:
        return None
    country = countries.pop()
    if any(country not in named for named in _named_countries(sent).values()):
        return None
    if any(a.country == country and a.sector == actor.sector for a in inside):
        return None
    return country


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
        known = ctx.persons.get(_fold(text)) or ctx.persons.get(_fold(text.split()[-1]))
        full = _earlier_full_name(text, start, ctx) if tok.ent == "PERSON" else None
        if tok.ent == "PERSON" and known is not None:
            out.append(replace(known, text=text, start=start, end=end, score=0.8))
        elif full is not None:
            out.append(Actor(text=text, start=start, end=end, name=full, kind="person", score=0.5))
        else:
            kind = "person" if tok.ent == "PERSON" else "organisation"
            out.append(Actor(text=text, start=start, end=end, name=text, kind=kind, score=0.3))
        taken.append((start, end))
    return out


def in_office(doc: Document) -> Document:
    """Code each office holder of an event by the office held on the event's date ("Obama
    imposed sanctions in 2014": USAGOV in a 2017 article), as a former official (ELI) after
    his terms. Runs after ``when`` has dated the events."""
    lex = _lexicon()
    ctx = _Ctx(toks=[], lex=lex, on=None, dated=False, text="", seen=set(), learned={},
               persons={}, tagged=False)  # fmt: skip
    for event in doc.events:
        day = _event_day(event)
        if day is None:
            continue
        for side in ("source", "target"):
            actor = getattr(event, side)
            if actor is None or actor.kind != "person" or actor.name not in lex.holders:
                continue
            terms = lex.holders[actor.name]
            held = [t for t in terms if t["start"] <= day and (not t["end"] or day < t["end"])]
            term = held[0] if held else None
            past = [t for t in terms if t["end"] and t["end"] <= day]
            country = terms[0]["country"] if terms[0]["country"] not in _IGO_BASES else None
            if term is not None:
                code, sector = _term_code(term, ctx)
                role = term["role"]
            elif past and country is not None:
                code, sector = _compose_code(country, "elites", None, ctx), "elites"
                role = f"former {max(past, key=lambda t: t['end'])['role']}"
            else:
                continue  # before any term: the date may be another event's; keep the code
            if code != actor.code:
                setattr(event, side, replace(actor, code=code, sector=sector, role=role))
    return doc


def _event_day(event: Any) -> str | None:
    """The event's date as an ISO day to compare with terms: mid-period for a month or year."""
    expr = event.date
    if expr is None or not expr.date or expr.precision not in ("day", "week", "month", "year"):
        return None
    iso = expr.date[:10]
    if expr.precision == "year":
        return iso[:4] + "-07-01"
    if expr.precision == "month":
        return iso[:7] + "-15"
    return iso


def _earlier_full_name(text: str, start: int, ctx: _Ctx) -> str | None:
    """A bare surname's full name when the document named exactly one such person before it."""
    if " " in text.strip():
        return None
    names = {n for at, n in ctx.named.get(_fold(text), []) if at < start}
    return names.pop() if len(names) == 1 else None


def lookup(text: str, *, on: date | None = None) -> Actor | None:
    """Code one phrase ("Tillerson", "the Syrian foreign ministry", "a U.S. official").

    Spans are relative to ``text``. Uses the lexicons only (no spaCy model). Returns the most
    specific actor in the phrase, or None when it names no known actor.
    """
    toks = _phrase_tokens(text)
    if not toks:
        return None
    lex = _lexicon()
    ctx = _Ctx(
        toks=toks,
        lex=lex,
        on=on,
        dated=on is not None,
        text=text,
        seen=set(),
        learned={},
        persons={},
        tagged=False,
    )
    actors = _actors(ctx)
    if not actors:
        return None
    rank = {"person": 3, "organisation": 2, "group": 1, "state": 0}
    return max(actors, key=lambda a: (a.end - a.start, rank.get(a.kind, 0), a.start))


def place_actor(text: str, start: int = 0) -> Actor | None:
    """A country or capital named where an actor is meant ("visited Myanmar", "urged
    Pyongyang"): the state, or the capital's government; None for any other place name.
    Spans start at ``start``.

    The actors stage leaves names after locative words ("to Myanmar") uncoded; the caller
    decides that the name is an argument of an event and not a location.
    """
    lex = _lexicon()
    entries = _country_entries(text)
    if not entries or not text[:1].isupper():
        return None
    entry = next((e for e in entries if e.type == _COUNTRY), entries[0])
    iso3 = entry.key
    capital = entry.type == _CAPITAL
    return Actor(
        text=text,
        start=start,
        end=start + len(text),
        name=lex.countries[iso3]["name"],
        country=iso3,
        sector="government" if capital else None,
        code=f"{iso3}{lex.sector_codes['government']}" if capital else iso3,
        kind="organisation" if capital else "state",
        score=0.6 if capital else 0.9,
    )


def group(sector: str, country: str | None, text: str, start: int) -> Actor:
    """An unnamed group known only by what it does ("protests erupted": protesters), coded
    by sector and, when known, country."""
    lex = _lexicon()
    return Actor(
        text=text,
        start=start,
        end=start + len(text),
        country=country,
        sector=sector,
        code=f"{country or ''}{lex.sector_codes[sector]}",
        kind="group",
        score=0.5,
    )


def outlet(text: str) -> str | None:
    """Canonical name of the news outlet or agency a phrase names, else None.

    "Reuters" → "Reuters"; "regional outlet Al-Masdar" → "Al-Masdar News"; "the outlet" → None.
    """
    toks = _phrase_tokens(text)
    if not toks:
        return None
    lex = _lexicon()
    for piece in _scan(toks, lex, {}):
        if piece.type == _OUTLET:
            return piece.entry.key
    return None
