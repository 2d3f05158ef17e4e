"""Administrative context written around a place name: which larger places contain it.

Conflict reports and wire copy give a small place its district, province or country right
beside it, and that context is what picks the right one of many namesakes (and places a village
no gazetteer has):

* "Alfakoara (Kandi, Alibori)", "in Ratgama (Hikkaduwa, Galle, Southern)": a name, then its
  containers in parentheses, most specific first;
* "at Khabeisoi village in Imphal East district", "the village of Sare-Dina in Bankass
  district", "Kurram in Khyber Pakhtunkhwa province": a name, then "in"/"of" a region named
  with its feature word;
* "in Suwari, Rueso, Narathiwat", "in Moo 7 village, Kabang district, Yala province", "in
  Sadad, northern Bahrain": after a locative, a name and its containers separated by commas
  (a list of equals goes on with "and"/"or": "in Aleppo, Homs and Hama");
* "raided al-Naser, Makhmur, Arbil, Iraq": with no locative, a name and its containers
  separated by commas up to a country's name (no country before it: "Iran, Iraq, Syria" are
  equals);
* "in Dan Musa town", "at Nduta camp": a name the settlement word makes a place (no
  container);
* "in Siguirini of Kankan", "in Antalaha of Sava": after a locative, a name and its region
  joined by "of" (the name must be in the gazetteer and the container a region: the resolver
  checks both).

:func:`find` returns the character spans only; the resolver turns them into mentions and
scores a candidate higher when it lies inside the containers' candidates. Words come from
``data/geo.yaml`` (``admin_words``, ``city_words``, ``locality_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from sitmap import lexicons

# A capitalised name of up to a few words ("Sare-Dina", "Imphal East", "Jisr al Shughur"), or one
# after a lower-case Arabic article ("al-Dargazliyah", "ash-Shajara"); a
# word ending in a full stop joins the next only when it is short ("St. Louis", not
# "Narathiwat. The", "Iraq. This").
_NAME = (
    r"(?:(?:a[dlnrstz]|ash|el)-)?[A-Z][\w'’.]*"
    r"(?:(?<![a-z]{3}\.)[- ](?:[A-Z][\w'’.]*|(?:al|el|ad|as|ash|ar|de|du|la|le)\b|\d+(?= [A-Z])))*"
)
_NAME_RE = re.compile(_NAME)


@dataclass
class Chain:
    """A place name (``start``, ``end``) and its containers' spans, most specific first.

    ``cued``: the name follows a locative or settlement word ("in", "village of"), so it is a
    place even when no gazetteer has it."""

    start: int
    end: int
    parents: list[tuple[int, int]] = field(default_factory=list)
    cued: bool = False
    region_word: bool = False  # the container was written with its feature word ("district")
    # "in X, Y and Z" (a conjunction goes on) or "in X, Y has ..." (Y starts a clause): the
    # names may be equals, not a name and its containers
    listed: bool = False
    strict: bool = False  # "in X of Y": nothing unless Y is a region and X a gazetteer name
    paren: bool = False  # the containers written in parentheses after the name: "X (Y, Z)"
    spot: bool = False  # "at X in Y": a spot and the town (or region) it lies in


@dataclass(frozen=True)
class _Words:
    admin_word: re.Pattern[str]
    admin: frozenset[str]
    locality: frozenset[str]
    before: frozenset[str]
    in_region: re.Pattern[str]
    comma_chain: re.Pattern[str]
    bare_chain: re.Pattern[str]
    paren: re.Pattern[str]
    settlement: re.Pattern[str]
    of_region: re.Pattern[str]
    spot_in: re.Pattern[str]


@cache
def _words() -> _Words:
    data = lexicons.yaml_file("geo.yaml")
    admin = frozenset(w.lower() for w in data["admin_words"])
    locality = frozenset(w.lower() for w in [*data["city_words"], *data["locality_words"]])
    before = frozenset(w.lower() for w in data["locative_preps"] if " " not in w) | {"of"}
    admin_alt = "|".join(sorted((re.escape(w) for w in admin), key=len, reverse=True))
    loc_alt = "|".join(sorted((re.escape(w) for w in locality), key=len, reverse=True))
    in_region = re.compile(
        rf"(?P<x>{_NAME})(?:\s+(?:{loc_alt}))?,?\s+(?:in|of)\s+(?:the\s+)?"
        rf"(?P<y>{_NAME})\s+(?:{admin_alt})\b",
    )
    feature = rf"(?:{admin_alt}|{loc_alt})"
    item = rf"{_NAME}(?:\s+{feature})?"
    compass = _compass_prefix()
    comma_chain = re.compile(
        rf"\b(?:in|at|near|from)\s+(?:the\s+)?(?P<chain>{item}(?:,\s+{compass}{item})+)"
    )
    # a chain after no locative ("raided al-Naser, Makhmur, Arbil, Iraq"): kept when it ends
    # with a country's name (``_find``)
    bare_chain = re.compile(rf"(?P<chain>{item}(?:,\s+{compass}{item})+)")
    paren = re.compile(rf"(?P<x>{_NAME})(?:\s+{feature})?\s*\((?P<inside>[^()\n]{{2,90}})\)")
    settlement = re.compile(rf"\b(?:in|at|near|from)\s+(?:the\s+)?(?P<x>{_NAME})\s+(?:{loc_alt})\b")
    admin_word = re.compile(rf"\b(?:{admin_alt})\b")
    of_region = re.compile(rf"(?P<x>{_NAME})\s+of\s+(?P<y>{_NAME})")
    # "at Pangani in Nairobi", "at Thorala police station in Rajkot": a spot and the town or
    # region it is in (with the region's feature word written, ``in_region`` has it)
    spot_in = re.compile(
        rf"\b(?:in|at|near)\s+(?:the\s+)?(?P<x>{_NAME})(?:\s+(?:{loc_alt}))?\s+in\s+"
        rf"(?P<y>{_NAME})(?!\s+(?:{admin_alt})\b)"
    )
    return _Words(
        admin_word=admin_word,
        admin=admin,
        locality=locality,
        before=before,
        in_region=in_region,
        comma_chain=comma_chain,
        bare_chain=bare_chain,
        paren=paren,
        settlement=settlement,
        of_region=of_region,
        spot_in=spot_in,
    )


def _cued(text: str, start: int) -> bool:
    """Whether the words before ``start`` make what follows a place: "in", "near", "village
    of", "the town of", "area of"."""
    w = _words()
    before = text[max(0, start - 40) : start].lower().split()
    if before and before[-1] == "the":
        before = before[:-1]
    if not before:
        return False
    if before[-1] in w.before - {"of"}:
        return True
    return before[-1] == "of" and len(before) > 1 and before[-2] in w.locality | w.admin


def _parts(inside: str, offset: int) -> list[tuple[int, int]]:
    """Spans of the comma-separated names inside the parentheses, or [] when any part is not a
    capitalised name ("(AFP)" and "(2 km)" pass as names only when the caller finds them in
    the gazetteer)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in inside.split(","):
        stripped = piece.strip()
        start = offset + pos + (piece.index(stripped[0]) if stripped else 0)
        pos += len(piece) + 1
        if len(stripped.split()) > 4 or ". " in stripped:
            return []  # a sentence, not a list of names
        if not stripped or not _NAME_RE.fullmatch(stripped.split(" ")[0]):
            continue  # "J&K", a date: not a name the gazetteer can hold
        if stripped.isupper() and len(stripped) <= 5:
            continue  # "(AP)", "(MoD)"-like abbreviations
        spans.append((start, start + len(stripped)))
    return spans


@cache
def _item() -> re.Pattern[str]:
    w = _words()
    words = sorted((re.escape(x) for x in w.admin | w.locality), key=len, reverse=True)
    return re.compile(rf"(?P<n>{_NAME})(?:\s+(?P<f>{'|'.join(words)}))?")


@cache
def _prefixed() -> re.Pattern[str]:
    words = lexicons.yaml_file("geo.yaml")["neighbourhood_prefixes"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+{_NAME}")


def prefixed_names(text: str) -> list[tuple[int, int]]:
    """Spans of neighbourhood names that start with a word like "Colonia" or "Barrio"."""
    return [hit.span() for hit in _prefixed().finditer(text)]


_END_STOP = re.compile(r"[a-z]{3}\.$")


def _trim(span: tuple[int, int], text: str) -> tuple[int, int]:
    """Without a sentence's full stop ("Narathiwat." → "Narathiwat"; "D.C." and "La." stay)."""
    start, end = span
    return (start, end - 1) if _END_STOP.search(text[start:end]) else (start, end)


def find(text: str) -> list[Chain]:
    """The name-and-containers chains of ``text`` (see the module docstring)."""
    chains = _find(text)
    for c in chains:
        c.start, c.end = _trim((c.start, c.end), text)
        c.parents = [_trim(p, text) for p in c.parents]
    linked = {(c.start, c.end) for c in chains if c.parents}
    return [c for c in chains if c.parents or (c.start, c.end) not in linked]


_OPEN = re.compile(r"\([^()\n]{2,90}\)")
_WINDOW = 160  # characters before an anchor that a pattern may start in


def _windowed(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``pattern`` that end at a match of the cheap ``anchor`` (a parenthesis, a
    feature word): the costly name pattern runs only on a window before each anchor."""
    hits: list[re.Match[str]] = []
    last = 0
    for a in anchor.finditer(text):
        start = max(last, a.start() - _WINDOW)
        for hit in pattern.finditer(text, start, a.end()):
            if hit.end() == a.end():
                hits.append(hit)
                last = hit.end()
    return hits


def _find(text: str) -> list[Chain]:
    w = _words()
    chains: list[Chain] = []
    for hit in _windowed(w.paren, text, _OPEN):
        parents = _parts(hit.group("inside"), hit.start("inside"))
        if not parents:
            continue
        x0, x1 = hit.span("x")
        chains.append(Chain(x0, x1, parents, cued=_cued(text, x0), paren=True))
    for hit in _windowed(w.in_region, text, w.admin_word):
        x0, x1 = hit.span("x")
        y0, y1 = hit.span("y")
        if hit.group("x").lower() in w.admin | w.locality:
            continue
        after_x = text[x1:y0].lower()
        cued = _cued(text, x0) or any(f" {loc}" in f" {after_x}" for loc in w.locality)
        chains.append(Chain(x0, x1, [(y0, y1)], cued=cued, region_word=True))
    for hit in w.comma_chain.finditer(text):
        items = list(_item().finditer(hit.group("chain")))
        at = hit.start("chain")
        spans = [(at + m.start("n"), at + m.end("n")) for m in items]
        if len(spans) < 2:
            continue
        featured = any(_featured(m, w) for m in items[1:])
        # "in Aleppo, Homs and Hama" lists equals (it goes on with a conjunction); "in
        # Daulatpur village, Kushtia, Khulna" and "in Sadad, northern Bahrain" name a place
        # and its containers
        listed = not featured and (
            bool(_LIST_GOES_ON.match(text, hit.end())) or not _chain_ends(text, hit.end())
        )
        chains.append(Chain(*spans[0], spans[1:], cued=True, region_word=featured, listed=listed))
    # spans other chains hold, their parentheses included ("(Mokwa, Niger)" is Niger State's)
    taken = [(c.start, max(e for _, e in [(c.start, c.end), *c.parents])) for c in chains]
    for hit in w.bare_chain.finditer(text):  # "raided al-Naser, Makhmur, Arbil, Iraq."
        items = list(_item().finditer(hit.group("chain")))
        at = hit.start("chain")
        spans = [(at + m.start("n"), at + m.end("n")) for m in items]
        names = [m.group("n") for m in items]
        if (
            len(spans) < 2
            or any(s <= spans[0][0] < e for s, e in taken)
            or text[: spans[0][0]].rstrip().endswith("(")
            or not _country_name(names[-1])
            or any(_country_name(n) for n in names[:-1])  # "Iran, Iraq, Syria": equals
            or _LIST_GOES_ON.match(text, hit.end())
            or not _chain_ends(text, hit.end())
        ):
            continue
        chains.append(Chain(*spans[0], spans[1:], cued=True))
    for hit in w.spot_in.finditer(text):  # "at Pangani in Nairobi"
        x0, x1 = hit.span("x")
        if hit.group("x").lower() in w.admin | w.locality or any(c.start == x0 for c in chains):
            continue
        chains.append(Chain(x0, x1, [hit.span("y")], cued=True, spot=True))
    for hit in w.settlement.finditer(text):  # "in Dan Musa town", "at Nduta camp"
        chains.append(Chain(*hit.span("x"), [], cued=True))
    for at in _OF_ANCHOR.finditer(text):  # "in Siguirini of Kankan": the town in that region
        hit = w.of_region.match(text, at.end())
        if hit and hit.group("x").lower() not in w.admin | w.locality:
            chains.append(Chain(*hit.span("x"), [hit.span("y")], strict=True))
    return chains


def _country_name(name: str) -> bool:
    return name.rstrip(".").lower() in lexicons.country_names(geo_aliases=True)


@cache
def _feature_paren() -> re.Pattern[str]:
    w = _words()
    words = sorted((re.escape(x) for x in w.admin | w.locality), key=len, reverse=True)
    return re.compile(rf"\b(?P<x>{'|'.join(words)})\s*\((?P<inside>[^()\n]{{2,90}})\)")


def feature_parens(text: str, chains: list[Chain]) -> list[Chain]:
    """Spots written as a common noun with their containers in parentheses, which ``find``
    leaves out as they name no place of their own ("at Barheta village under Banke Bazar
    police station area (Gaya district, Bihar)", "in the area (Turkana West, Turkana)"): the
    feature word's span and the containers' (``paren``), for placing an event set there.
    ``chains``: ``find``'s, whose parentheses these skip."""
    taken = {tuple(c.parents) for c in chains if c.paren}
    out: list[Chain] = []
    for hit in _windowed(_feature_paren(), text, _OPEN):
        parents = [_trim(p, text) for p in _parts(hit.group("inside"), hit.start("inside"))]
        if parents and tuple(parents) not in taken:
            out.append(Chain(*hit.span("x"), parents, cued=True, paren=True))
    return out


_LIST_GOES_ON = re.compile(r",?\s+(?:and|or|&)\s+(?:the\s+)?[A-Z]")


_NEXT_WORD = re.compile(r"\s*(?P<w>[a-z]+)\b")


@cache
def _chain_followers() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("geo.yaml")["chain_followers"])


def _chain_ends(text: str, end: int) -> bool:
    """Whether a comma chain ends its locative phrase at ``end``: punctuation, the text's end,
    a capitalised word or a preposition, conjunction or time word follows ("in Kolda,
    Casamance, Senegal on Tuesday"); not a verb or noun ("in Bangui, Russia has agreed")."""
    hit = _NEXT_WORD.match(text, end)
    return hit is None or hit.group("w") in _chain_followers()


@cache
def _compass_prefix() -> str:
    """An optional compass adjective before a container ("northern Bahrain")."""
    words = lexicons.yaml_file("geo.yaml")["compass_words"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?:(?:{alt})\s+)?"


def _featured(item: re.Match[str], w: _Words) -> bool:
    """Whether a chain item carries a feature word, lower case after the name ("Kushtia
    district") or as the name's last capitalised word ("Sissili Province")."""
    if item.group("f"):
        return True
    return item.group("n").split()[-1].rstrip(".").lower() in w.admin


_OF_ANCHOR = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?(?=[A-Z])")
