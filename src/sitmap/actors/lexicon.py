"""The actor lexicons compiled into one table keyed by lower-cased token sequences, and the
piece types and grammar constants the scan and composition share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from sitmap import lexicons

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
    company_suffixes: frozenset[str] = frozenset()  # "Inc", "Ltd": a company's legal form
    former_officials: frozenset[str] = frozenset()  # sectors whose former holders are GOV
    name_heads: dict[str, str] | None = None  # "University", "Commission": a named body's sector
    name_heads_except: frozenset[str] = frozenset()  # "International", "News": no such body


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Lower-cased, accent-free form used for matching ("Erdoğan" -> "erdogan"); memoised, as
    the same words come back in every document."""
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
    end = -1
    for tok in _tokenizer()(phrase):
        if tok.text == "." and parts and tok.idx == end and parts[-1].isalpha():
            parts[-1] += "."  # "rep." is one token in text ("Rep. Jane Roe"), two in lower case
        else:
            parts.extend(p for p, _, _ in _split_hyphens(tok.text, tok.idx))
        end = tok.idx + len(tok.text)
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


def load() -> None:
    """Compile the actor lexicon now (it is otherwise compiled on first use, once a process)."""
    _lexicon()


@cache
def _lexicon() -> _Lexicon:
    """The compiled table (once per process; compiled once per version of the data and code,
    then read from the cache folder: ``sitmap.compiled``)."""
    import sys

    from sitmap import compiled

    return compiled.load("actor-lexicon", _compile, modules=[sys.modules[__name__], lexicons])


def _compile() -> _Lexicon:
    """Compile every lexicon file into one token-sequence table."""
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
        countries[row["iso3"]] = row
    for column, kind in (
        ("names", _COUNTRY),
        ("demonyms", _DEMONYM),
        ("people", _PEOPLE),
        ("capital", _CAPITAL),
    ):
        for form, iso3 in lexicons.country_forms(column):
            add(form, _Entry(kind, iso3))

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

    # kinds of people generated from WordNet (tools/wordnet_people.py): group words where the
    # hand-written lists above and every other entry leave the word free
    for sector, words in lexicons.yaml_file("people_nouns.yaml")["sectors"].items():
        for word in words:
            for form in (word, _plural(word)):
                if _key(form)[0] not in table:
                    add(form, _Entry(_SECTOR, sector, sector, 2, False, cap=False))
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
        company_suffixes=frozenset(_fold(w) for w in sectors["company_suffixes"]),
        former_officials=frozenset(sectors["former_officials"]),
        name_heads={_fold(k): v for k, v in sectors["name_heads"].items()},
        name_heads_except=frozenset(_fold(w) for w in sectors["name_heads_except"]),
    )
