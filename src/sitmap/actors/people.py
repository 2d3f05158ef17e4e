"""People the article describes: a named person no lexicon entry codes takes a code from what
the document says of him anywhere, and every mention of him (full name or surname) shares it.

* an apposition after any mention: "Paul Manafort, a longtime Republican operative" USAPTY,
  "Rick Gates, his business partner" BUS of the document's country, "Tom Jones, who heads the
  Environmental Protection Agency" USAGOV;
* a description set before the name: "The top Democrat on the House Oversight Committee, Elijah
  Cummings, said" USALEG, or a kind-of-person noun right before it ("lobbyist Jane Roe" BUS,
  "his neighbor John Doe" CVL);
* a description's head is what precedes "of": "a neighbor of the senator" is a civilian, "a
  favorite of conservative Republicans" no party member; "X of <body>" makes a person the
  body's only where X is a title held in it ("director", "co-chairman"); an apposition with
  no comma soon enough ends where its relative clause ("who ...") begins;
* a code one mention has (a title: "business partner Rick Gates") goes to the uncoded others
  ("Gates", even where the parser took the surname for an organisation);
* as a last resort a person the article names in full and describes in no way is coded by the
  document's main country and the civilian sector, CVL (CAMEO's sector for private persons):
  no role is made up, the score (0.3) says how little the code rests on.

The country of a description comes from the description itself (a country, a party word, a
possessor: "Prevezon's lawyer" RUSBUS), else from the document's main country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from sitmap import lexicons
from sitmap.actors.compose import _compose_code, _Ctx
from sitmap.actors.lexicon import _TITLE, _fold
from sitmap.actors.parties import party_country
from sitmap.model import Actor

_FOCUS_SHARE = 0.6  # the document's main country: this share of its actors' countries
_FALLBACK_SCORE = 0.3

# ", a longtime Republican operative," ", who heads the EPA," ", Trump's lawyer,"
_AFTER = re.compile(
    r"\s*,\s*(?:who\s+(?:is|was|has\s+been|had\s+been)\s+|now\s+|then\s+)?"
    r"(?P<desc>(?:(?:a|an|the|his|her|their|its)\s+|[A-Z][\w.\-]*['’]s?\s+|who\s+\w+\s+"
    r"|[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s+(?:of|at|for)\s+)"
    r"[^,;:.()\"“”\n]{2,90}?)\s*(?=[,;:.()\"“”\n]|$)"
)
# the same ending at a relative clause when no punctuation comes soon enough (", a radio
# broadcaster who in 2006 appeared with ... in ... for ...")
_AFTER_RELATIVE = re.compile(
    _AFTER.pattern.replace(r"(?=[,;:.()\"“”\n]|$)", r"(?=\s(?:who|whom|whose|which|that)\s)")
)
# "The top Democrat on the committee, " right before the name, at a sentence's start
_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)\s*(?P<desc>(?:The|A|An)\s+[^,;:.()\"“”\n]{2,90}),\s*$")


@dataclass(frozen=True)
class _Words:
    legislature: frozenset[str]
    nouns: dict[tuple[str, ...], str]  # description noun (tokens) -> sector
    head_verbs: frozenset[str]
    anonymous: frozenset[str]  # titles an unnamed source keeps on purpose
    regions: re.Pattern[str]  # a state or province right before an actor
    region_country: dict[str, str]


@cache
def _words() -> _Words:
    data = lexicons.yaml_file("roles.yaml")["people"]
    nouns: dict[tuple[str, ...], str] = {}
    regions = {name: iso3 for iso3, names in data["subnational"].items() for name in names}
    for sector, words in data["nouns"].items():
        for w in words:
            nouns[tuple(w.lower().split())] = sector
            nouns[tuple((w + "s").lower().split())] = sector
    return _Words(
        legislature=frozenset(data["legislature_words"]),
        nouns=nouns,
        head_verbs=frozenset(data["head_verbs"]),
        anonymous=frozenset(data["anonymous_titles"]),
        regions=re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, regions), key=len, reverse=True)) + r")"
            r"(?:['’]?s|\s[’']?s)?\s+(?:(?:Republican|Democratic|Democrat|Liberal|Conservative)\s+)?$"
        ),
        region_country=regions,
    )


def describe(actors: list[Actor], ctx: _Ctx, *, fallback: bool = False) -> list[Actor]:
    """Code the document's uncoded people from what it says of them (see the module text);
    returns the actors with those mentions recoded, in the same order."""
    focus = _focus(actors, ctx)
    groups = _identities(actors, ctx)
    out = list(actors)
    for name, idx in groups.items():
        mentions = [out[k] for k in idx]
        coded = next((a for a in mentions if a.code), None)
        if coded is None:
            coded = _from_descriptions(name, mentions, out, ctx, focus)
        if coded is None and fallback:
            coded = _civilian(name, mentions, ctx, focus)
        if coded is None:
            continue
        for k in idx:
            a = out[k]
            if a.code:
                continue
            out[k] = replace(
                a,
                name=name,
                kind="person",
                code=coded.code,
                country=coded.country,
                sector=coded.sector,
                role=coded.role,
                score=min(a.score if a.score else 1.0, coded.score),
            )
    return _placed_names(_titled_named(_bare_surnames(out, ctx)))


def regional(actors: list[Actor], ctx: _Ctx) -> list[Actor]:
    """An office or body with no country written right after a state or province takes the
    state's country ("Texas Secretary of State" USAGOV, "Quebec's minister" CANGOV). Runs on
    the composed phrases, before names in apposition copy their codes."""
    words = _words()
    out: list[Actor] = []
    for a in actors:
        if a.code and a.sector and not a.country and a.kind != "state":
            m = words.regions.search(ctx.text[max(0, a.start - 40) : a.start])
            if m is not None:
                country = words.region_country[m.group(1)]
                old = a
                a = replace(a, country=country, code=_compose_code(country, a.sector, None, ctx))
                for mentions in ctx.persons.values():  # later surname mentions copy these
                    mentions[:] = [a if x is old else x for x in mentions]
        out.append(a)
    return out


def _placed_names(actors: list[Actor]) -> list[Actor]:
    """A person's mentions with no country take the country another mention of the same name
    and sector has ("Pablos" after "Texas Secretary of State Rolando Pablos")."""
    placed = {(a.name, a.sector): a for a in actors if a.kind == "person" and a.name and a.country}
    out = list(actors)
    for k, a in enumerate(out):
        known = placed.get((a.name, a.sector)) if a.kind == "person" and not a.country else None
        if known is not None and a.code:
            out[k] = replace(a, country=known.country, code=known.code)
    return out


def _titled_named(actors: list[Actor]) -> list[Actor]:
    """A person the text names only by a title ("A U.S. judge on Friday denied ...") is the one
    person the document names in full with that title ("U.S. District Judge William Pauley"),
    before or after; two such people (two judges) leave him unnamed."""
    named: dict[str, list[Actor]] = {}
    for a in actors:
        if a.kind == "person" and a.name and " " in a.name.strip() and a.role:
            named.setdefault(_fold(a.role.split()[-1]), []).append(a)
    if not named:
        return actors
    out: list[Actor] = []
    for a in actors:
        if (
            a.kind == "person"
            and not a.name
            and a.role
            and not a.role.startswith("former")
            and _fold(a.role.split()[-1]) not in _words().anonymous
        ):
            same = [
                b
                for b in named.get(_fold(a.role.split()[-1]), [])
                if None in (a.country, b.country) or a.country == b.country
            ]
            if len({b.name for b in same}) == 1:
                b = same[0]
                a = replace(a, name=b.name, code=a.code or b.code, country=a.country or b.country)
        out.append(a)
    return out


# entity labels of tokens that are never a person's surname
_NOT_NAME = frozenset({"LOC", "FAC", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "GPE"})


def _bare_surnames(actors: list[Actor], ctx: _Ctx) -> list[Actor]:
    """Bare surnames the parser tagged as no entity ("Lind praised the troops") of a coded
    person named in full whose surname no other person shares: mentions of that person."""
    by_surname: dict[str, Actor] = {}
    for a in actors:
        if a.kind == "person" and a.code and a.name and " " in a.name.strip():
            full = {n for _, n in ctx.named.get(_fold(a.name.split()[-1]), [])}
            if full == {a.name}:
                by_surname.setdefault(a.name.split()[-1], a)
    if not by_surname:
        return actors
    taken = [(a.start, a.end) for a in actors]
    toks, added = ctx.toks, []
    for k, tok in enumerate(toks):
        known = by_surname.get(tok.text)
        if known is None or tok.ent in _NOT_NAME or tok.start < known.start:
            continue
        if any(s < tok.end and tok.start < e for s, e in taken):
            continue
        beside = [toks[n] for n in (k - 1, k + 1) if 0 <= n < len(toks)]
        if any(t.text[:1].isupper() and t.text.isalpha() for t in beside):
            continue
        added.append(replace(known, text=tok.text, start=tok.start, end=tok.end))
    return sorted(actors + added, key=lambda a: a.start) if added else actors


def _focus(actors: list[Actor], ctx: _Ctx) -> str | None:
    """The document's main country: three in five of its coded actors' countries."""
    counts = Counter(
        a.country
        for a in actors
        if a.country and a.code and not (a.kind == "organisation" and a.name in ctx.lex.outlets)
    )
    total = sum(counts.values())
    if not total:
        return None
    country, top = counts.most_common(1)[0]
    return country if top / total >= _FOCUS_SHARE else None


def _identities(actors: list[Actor], ctx: _Ctx) -> dict[str, list[int]]:
    """Full name -> indices of its mentions: persons by name, and uncoded one-word mentions
    (person or organisation) that are the surname of exactly one person named in full."""
    surname_of: dict[str, set[str]] = {}
    for key, named in ctx.named.items():
        surname_of[key] = {n for _, n in named}
    groups: dict[str, list[int]] = {}
    for k, a in enumerate(actors):
        name = None
        words = a.text.strip().split()
        if len(words) == 1 and not a.code and a.kind in ("person", "organisation"):
            full = surname_of.get(_fold(words[0]), set())
            if len(full) == 1 and a.name in (None, words[0], *full):
                name = next(iter(full))
        if name is None and a.kind == "person" and a.name:
            name = a.name
            if " " not in name.strip():
                full = surname_of.get(_fold(name), set())
                name = next(iter(full)) if len(full) == 1 else name
        if name:
            groups.setdefault(name, []).append(k)
    return groups


# the periods of an abbreviation ("U.S.", "U.N.") end no description: "a U.S. actress"
_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}")


@lru_cache(maxsize=4)  # the document being read: not every text of a long ingest
def _masked(text: str) -> str:
    """``text`` with the periods of abbreviations replaced (same length, same offsets)."""
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", "_"), text)


def _descriptions(mention: Actor, ctx: _Ctx) -> list[tuple[int, int]]:
    """Character spans of the descriptions beside one mention (after it, or before it)."""
    spans: list[tuple[int, int]] = []
    text = _masked(ctx.text)
    m = _AFTER.match(text, mention.end) or _AFTER_RELATIVE.match(text, mention.end)
    if m:
        spans.append((m.start("desc"), m.end("desc")))
    b = _BEFORE.search(text, max(0, mention.start - 120), mention.start)
    if b and re.match(r"\s*,", ctx.text[mention.end : mention.end + 3]):
        spans.append((b.start("desc"), b.end("desc")))
    return spans


def _from_descriptions(
    name: str, mentions: list[Actor], actors: list[Actor], ctx: _Ctx, focus: str | None
) -> Actor | None:
    """The first description of any mention that gives a code."""
    if any(a.kind == "organisation" for a in mentions) and not any(
        a.kind == "person" for a in mentions
    ):
        return None
    for mention in mentions:
        for lo, hi in _descriptions(mention, ctx):
            coded = _code_description(lo, hi, actors, ctx, focus)
            if coded is not None:
                return coded
    for mention in mentions:
        coded = (
            _role_before(mention, actors, ctx, focus)
            or _title_of_body(mention, actors, ctx)
            or _office_of(mention, actors, ctx)
            or _headed_by(mention, actors, ctx)
            or _party_before(mention, ctx)
            or _party_and_state(mention, ctx)
        )
        if coded is not None:
            return coded
    return None


def _role_before(mention: Actor, actors: list[Actor], ctx: _Ctx, focus: str | None):
    """A kind-of-person noun the tagger reads as a common noun right before the name
    ("lobbyist Jane Roe", "his neighbor John Doe"): the person's description, coded as one
    written after the name would be."""
    k = next((n for n, t in enumerate(ctx.toks) if t.start == mention.start), None)
    if not k:
        return None
    prev = ctx.toks[k - 1]
    if prev.pos != "NOUN" or not prev.text.islower() or prev.end > mention.start:
        return None
    lo = ctx.toks[k - 2].start if k >= 2 and ctx.toks[k - 2].pos in ("NOUN", "ADJ") else prev.start
    toks = [_fold(t.text) for t in ctx.toks[max(0, k - 2) : k] if t.start >= lo]
    nouns = _words().nouns
    sector = nouns.get(tuple(toks)) or nouns.get((toks[-1],))
    if sector is None:
        return None
    near = [a for a in actors if a.end <= lo and lo - a.end <= 3 and a.code and a.country]
    country = party_country(toks) or (near[-1].country if near else None) or focus
    return _coded(sector, country, None, ctx, 0.4)


_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def _title_of_body(mention: Actor, actors: list[Actor], ctx: _Ctx) -> Actor | None:
    """A title written between a coded body's name and a person's, with at most two modifiers
    before it ("Interior Department spokeswoman Jane Roe", "White House legislative director
    John Roe", "White House Communications Director John Roe"): the person works or speaks
    for that body (CAMEO codes an agent by its principal). The title is the mention's own
    first word or the last word before the name; the words between are modifiers (nouns,
    adjectives), never a verb, a preposition or punctuation ("the White House said Tuesday
    director Jane Roe ..." is no title of the White House)."""
    bodies = [
        a
        for a in actors
        if a.end <= mention.start
        and mention.start - a.end <= 40
        and a.kind == "organisation"
        and a.code
    ]
    if not bodies:
        return None
    body = bodies[-1]
    gap = [t for t in ctx.toks if body.end <= t.start and t.end <= mention.start]
    if not re.fullmatch(r"(?:\s+[A-Za-z][\w\-]*){0,3}\s+", ctx.text[body.end : mention.start]):
        return None
    if len(gap) > 3 or not all(t.pos in _MODIFIER_POS for t in gap):
        return None
    role = mention.role or ""
    own = bool(role) and _fold(mention.text).startswith(_fold(role)) and _title(role, ctx)
    before = bool(gap) and _title(gap[-1].text, ctx)
    if not (own or before) or len(gap) > (2 if own else 3):
        return None
    return replace(body, kind="person", role=role or gap[-1].text.lower(), score=0.5)


# "Minister| of International Relations |Christine St-Pierre": the office's name between
_OFFICE_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+(?:(?:and|&|of)\s+)?){1,5}$")


def _office_of(mention: Actor, actors: list[Actor], ctx: _Ctx) -> Actor | None:
    """A title with its office's name written before a name ("Quebec's Minister of
    International Relations Christine St-Pierre"): the person holds that title."""
    titles = [
        a
        for a in actors
        if a.end <= mention.start
        and mention.start - a.end <= 60
        and a.kind == "person"
        and not a.name
        and a.code
    ]
    if not titles or not _OFFICE_NAME.fullmatch(ctx.text[titles[-1].end : mention.start]):
        return None
    t = titles[-1]
    return _coded(t.sector, t.country, t.role, ctx, 0.6)


# "the bureau, an independent regulator headed by Democrat Richard Cordray": the head
_HEADED_BY = re.compile(
    r"\b(?:headed|led|run|chaired|directed)\s+by\s+(?:(?:[A-Z][\w.\-]*|the|former)\s+){0,4}$"
)
_HEAD_REACH = 90  # characters between the body's name and "headed by"


def _headed_by(mention: Actor, actors: list[Actor], ctx: _Ctx) -> Actor | None:
    """A person named as the head of the coded body just before ("The Consumer Financial
    Protection Bureau, an independent regulator headed by X": USAGOV)."""
    before = ctx.text[max(0, mention.start - 60) : mention.start]
    m = _HEADED_BY.search(before)
    if m is None:
        return None
    at = mention.start - len(before) + m.start()
    bodies = [
        a
        for a in actors
        if a.end <= at
        and at - a.end <= _HEAD_REACH
        and a.code
        and a.kind in ("organisation", "group")
        and not re.search(r"[.!?]\s", ctx.text[a.end : at])
    ]
    if not bodies:
        return None
    body = bodies[-1]
    return replace(body, kind="person", role=None, score=0.5)


def _party_before(mention: Actor, ctx: _Ctx) -> Actor | None:
    """A party word right before a name ("Democrat Jane Roe", "Republican John Roe"): the
    party's (PTY) of its country."""
    m = re.search(
        r"(?:\b[A-Z][a-z]+\s+){1,3}$", ctx.text[max(0, mention.start - 40) : mention.start]
    )
    if m is None:
        return None
    country = party_country(m.group(0).split())  # "Liberal Democrat Jo Swinson": GBR
    return _coded("party", country, None, ctx, 0.5) if country else None


# "(R-Texas)", ", D-N.Y.,", "(I-Vt.)": the US press's party-and-state tag of a member of Congress
# or of a state legislature
_PARTY_STATE = re.compile(
    r"\s*[(,]\s*[RDI]\s?[-–]\s?[A-Z][A-Za-z.]{1,13}(?:\s[A-Z][a-z.]+)?\s*[),]"
)


def _party_and_state(mention: Actor, ctx: _Ctx) -> Actor | None:
    """A name followed by the party-and-state tag ("Jane Roe (D-Calif.)") is a US legislator."""
    if _PARTY_STATE.match(ctx.text, mention.end) is None:
        return None
    return _coded("legislature", "USA", None, ctx, 0.6)


def _code_description(
    lo: int, hi: int, actors: list[Actor], ctx: _Ctx, focus: str | None
) -> Actor | None:
    """One description → (code, country, sector, role) as an Actor, or None."""
    words = _words()
    text = ctx.text[lo:hi]
    toks = [_fold(t) for t in re.findall(r"[\w\-’']+", text)]
    inside = [a for a in actors if lo <= a.start and a.end <= hi]
    # the description's head is what comes before "of": "a neighbor of the senator" is no
    # senator, "a favorite of conservative Republicans" no Republican
    of = re.search(r"\s(?:of|for|to|with)\s", text)
    head_end = lo + of.start() if of else hi
    head_toks = toks[: len(re.findall(r"[\w\-’']+", text[: head_end - lo]))]
    party = party_country(head_toks)
    if toks and toks[0] == "who":  # "who heads the EPA": the body's code
        if len(toks) > 1 and toks[1] in words.head_verbs:
            body = next((a for a in inside if a.code and a.kind == "organisation"), None)
            if body is not None:
                return replace(body, kind="person", role=None, score=0.5)
        return None
    head = re.match(
        r"(?:(?:a|an|the)\s+)?(?P<role>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s+(?:of|at|for)\s", text
    )
    body = next((a for a in inside if a.code and a.kind == "organisation"), None)
    if (
        head
        and body is not None
        and _title(head.group("role"), ctx)
        and not any(a.kind == "person" and a.code for a in inside)
    ):
        return replace(body, kind="person", role=None, score=0.5)  # "director of the CFPB"
    at = re.search(r"\s+at\s+", text)
    works_at = next((a for a in inside if a.start >= lo + at.end()), None) if at else None
    if (
        at
        and works_at is not None
        and works_at.code
        and works_at.kind == "organisation"
        and works_at.start in (lo + at.end(), lo + at.end() + _article(text[at.end() :]))
        and re.search(r"[a-z]\s*$", text[: at.start()])
        and not any(a.code for a in inside if a.start < lo + at.start())
    ):  # "a senior economics fellow at the Brookings Institution": where he works
        if works_at.country or not works_at.sector:
            return replace(works_at, kind="person", role=None, score=0.5)
        return _coded(works_at.sector, party or focus, None, ctx, 0.5)
    titled = next(
        (a for a in inside if a.code and a.kind == "person" and not a.name and a.end <= head_end),
        None,
    )
    if titled is not None:  # "a Russian lawyer", "the EPA chief", "a Republican senator"
        country = titled.country or party or _possessor(inside, titled) or focus
        return _coded(titled.sector, country, titled.role, ctx, 0.5)
    if party is not None and words.legislature & set(toks):
        return _coded("legislature", party, None, ctx, 0.5)
    sector = _noun_sector(head_toks)
    if party is not None and sector in (None, "party"):
        return _coded("party", party, None, ctx, 0.5)
    if sector is not None:
        country = party or _possessor(inside, None) or focus
        return _coded(sector, country, None, ctx, 0.4)
    return None


def _article(text: str) -> int:
    """Length of a leading article ("the ", "a ") in ``text``, else 0."""
    m = re.match(r"(?:the|a|an)\s+", text)
    return m.end() if m else 0


def _title(words: str, ctx: _Ctx) -> bool:
    """Whether a description's head is a title one holds in a body ("director", "member",
    "chief executive"), not a relation to it ("a favorite of", "a critic of")."""
    toks = tuple(_fold(t) for t in words.split())
    keys = (toks, toks[-1:], (toks[-1].split("-")[-1],))  # "co-chairman": a chairman
    return any(e.type == _TITLE for key in keys for e in ctx.lex.table.get(key, ()))


def _noun_sector(toks: list[str]) -> str | None:
    """The sector of the description's head noun (the last listed noun in it)."""
    nouns = _words().nouns
    found = None
    for n in range(len(toks)):
        for size in (2, 1):
            key = tuple(toks[n : n + size])
            if len(key) == size and key in nouns:
                found = nouns[key]
                break
    return found


def _possessor(inside: list[Actor], besides: Actor | None) -> str | None:
    """The country of a coded actor the description names ("Prevezon's lawyer": Prevezon's)."""
    for a in inside:
        if a is not besides and a.country and a.code:
            return a.country
    return None


def _coded(sector: str | None, country: str | None, role: str | None, ctx: _Ctx, score: float):
    code = _compose_code(country, sector, None, ctx)
    if code is None:
        return None
    return Actor(text="", start=0, end=0, code=code, country=country, sector=sector,
                 kind="person", role=role, score=score)  # fmt: skip


def _civilian(name: str, mentions: list[Actor], ctx: _Ctx, focus: str | None) -> Actor | None:
    """The last resort: a person named in full, by the parser's PERSON tag, in a document
    about one country: that country's civilian (CVL), no role."""
    if focus is None or " " not in name.strip():
        return None
    if not all(a.kind == "person" or len(a.text.split()) == 1 for a in mentions):
        return None
    if not any(a.kind == "person" and a.name == name for a in mentions):
        return None
    if not any(_is_person_entity(a, ctx) for a in mentions):
        return None
    return _coded("civilians", focus, None, ctx, _FALLBACK_SCORE)


def _is_person_entity(actor: Actor, ctx: _Ctx) -> bool:
    """Whether the parser tagged the mention's first word as a PERSON."""
    for tok in ctx.toks:
        if tok.start == actor.start:
            return tok.ent == "PERSON"
    return False
