"""Uncoded doers of violence: the words the text names them by, and a mob told from an armed
group (ACLED Codebook 2023, "Actor types" and "Riots").

The event coder puts an unidentified armed group (UAF) for a doer of violence it cannot code
("inmates attacked a prisoner", "a farmer was beaten by community members") and names it by
the trigger's words. ``name_doer`` gives that doer the words of the subject (or the passive's
agent) the parse finds for the trigger ("Inmates", "community members", "a group of illegal
settlers"), and, when those words name a group of people that is neither armed nor a handful
of individuals, codes it as a mob (sector ``rioters``): ACLED's rioters are spontaneous,
disorganised groups acting violently ("villagers", "inmates", "settlers", "a mob"). Armed
people nobody names ("gunmen", "bandits", "assailants", "kidnappers"), a party's or
movement's people ("supporters", "activists", "cadres": ACLED political militias; both lists
in ``data/armed_nouns.yaml``, generated from WordNet by ``tools/build_armed_nouns.py``) and
people named only as men or women ("two men stabbed a trader": ``export.yaml``
``acled_individuals``) stay an unidentified armed group. A doer named by an armed
movement's proper name ("the West Papua Liberation Army": ``conflict.yaml``
``rebel_name_phrases``) is a rebel group.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.model import Actor, Document, Event

_SECTOR = "rioters"
_REBELS = "rebels"
_NAMED = frozenset({"PERSON", "ORG"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(armed and partisan nouns, individuals, collective nouns, group-of nouns)."""
    table = lexicons.yaml_file("conflict.yaml")
    armed = lexicons.yaml_file("armed_nouns.yaml")
    return (
        frozenset(armed["armed"]) | frozenset(armed["partisans"]),
        frozenset(lexicons.yaml_file("export.yaml")["acled_individuals"]),
        frozenset(table["mob_collectives"]),
        frozenset(table["mob_group_of"]),
    )


def name_doer(doc: Document, event: Event, identity: re.Pattern[str] | None = None) -> None:
    """Name the unidentified doer the event coder put for an assault by its subject's or
    agent's words, and code a crowd of people as a mob (see the module docstring); words that
    ``identity`` finds ("Fulani herders", "clansmen") leave it for the communal recoding."""
    source = event.source
    if (
        event.mode in {"sexual", "abduct"}  # ACLED: violence against civilians by armed men
        or source is None
        or source.sector != "unidentified"
        or source.start != event.trigger_start
    ):
        return
    trigger = doc.trigger_token(event)
    if trigger is None:
        return
    offset = doc.sentences[event.sentence].start
    head = _doer_token(trigger)
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return
    start, end = _phrase(head)
    text = trigger.doc.text[start:end]
    sector, code = source.sector, source.code
    if rebel_named(text):
        sector, code = _REBELS, f"{source.country or ''}{_sector_code(_REBELS)}"
    elif _mob(head) and not (identity is not None and identity.search(text)):
        sector, code = _SECTOR, f"{source.country or ''}{_sector_code(_SECTOR)}"
    event.source = replace(
        source, text=text, start=start + offset, end=end + offset, sector=sector, code=code
    )


def _doer_token(trigger: Any) -> Any:
    """The head of the trigger's active subject or passive agent (or of the verb it is
    coordinated with: "assaulted and robbed"), or None."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
    verbs = [trigger] + ([trigger.head] if trigger.dep_ == "conj" and not passive else [])
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
    conj = [c for c in trigger.children if c.dep_ == "conj"]  # "was beaten and robbed by"
    for verb in verbs + conj:
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _phrase(head: Any) -> tuple[int, int]:
    """Character span of a doer's noun phrase: its modifiers and "of" phrase, not a clause or
    apposition after it ("settlers, suspected to be ...": "settlers")."""
    left = min((t.idx for t in head.subtree if t.i <= head.i), default=head.idx)
    last = head
    for child in head.children:
        if child.i > head.i and child.dep_ == "prep" and child.lower_ == "of":
            last = max(child.subtree, key=lambda t: t.i)
    return left, last.idx + len(last)


def rebel_named(text: str) -> bool:
    """Whether a doer's words name an armed movement: a proper name holding one of
    ``conflict.yaml`` ``rebel_name_phrases``, written capitalised ("the West Papua Liberation
    Army", "fighters of the Moro Islamic Liberation Front"; not "a liberation army")."""
    folded = text.lower()
    for phrase in _rebel_phrases():
        at = folded.find(phrase)
        while at >= 0:
            words = text[at : at + len(phrase)].split()
            if all(w[:1].isupper() for w in words if w.lower() not in _LINKS):
                return True
            at = folded.find(phrase, at + 1)
    return False


_LINKS = frozenset({"for", "the", "of"})


@cache
def _rebel_phrases() -> tuple[str, ...]:
    return tuple(lexicons.yaml_file("conflict.yaml")["rebel_name_phrases"])


def _mob(head: Any) -> bool:
    """Whether a doer's head names a crowd: a collective noun ("a mob", "the community") or
    plural people, neither armed nor mere individuals nor the people of a group named before
    them (a name, not a nationality or creed: "Islamic fundamentalists" can be a mob); in "a
    group of X" or "members of X" the words of X decide."""
    armed, individuals, collectives, group_of = _words()
    lemma = head.lemma_.lower()
    inner = next(
        (o for p in head.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"),
        None,
    )
    if lemma in group_of and inner is not None:
        head, lemma = inner, inner.lemma_.lower()
    if any(t.ent_type_ in _NAMED or t.pos_ == "PROPN" for t in head.subtree if t.i <= head.i):
        return False  # "ZANU-PF supporters", "Likud activists": a named group's people
    if lemma in armed or lemma in individuals or head.lower_ in individuals:
        return False
    if any(c.lower_ in {"armed", "masked", "unidentified", "unknown"} for c in head.children):
        return False
    return lemma in collectives or head.tag_ == "NNS"


def armed_nouns() -> frozenset[str]:
    """Nouns of armed people and partisans (``data/armed_nouns.yaml``)."""
    return _words()[0]


def as_rebels(actor: Actor) -> Actor:
    """An unidentified doer named as an armed movement, coded as a rebel group of its country
    (codes.yaml: "REB")."""
    return replace(actor, sector=_REBELS, code=f"{actor.country or ''}{_sector_code(_REBELS)}")


def as_mob(actor: Actor) -> Actor:
    """A doer coded as a mob (sector ``rioters``) of its country."""
    return replace(actor, sector=_SECTOR, code=f"{actor.country or ''}{_sector_code(_SECTOR)}")


@cache
def _sector_code(sector: str) -> str:
    return str(lexicons.yaml_file("codes.yaml")["sectors"][sector])


__all__ = ["armed_nouns", "as_mob", "as_rebels", "name_doer", "rebel_named"]
