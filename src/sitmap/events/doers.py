"""Doers that make a verb trigger no act of an actor (``data/non_events.yaml``), read by
``events.senses``:

* a present-tense clause whose doer is anyone at all ("anyone who *opposes* him", "people who
  *support* him") states a kind of conduct, no act (eval/GUIDE.md: generic references without
  an actor are not coded), and a share of a population ("57 percent of Americans *support* a
  ban") is an opinion poll's figure (the guide: polls are not coded);
* a violent verb (``figurative_types``) whose doer is a message or an idea ("besieged by media
  *reports*", "questions *surround* the White House") is figurative: words hit no one;
* so is one whose path runs between quantities ("has *shot* from 44 percent to 55 percent",
  "*hit* 10 percent"): a figure that rises, no attack.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.events.syntax import _children

_PRESENT = {"VBP", "VBZ"}
_RELATIVE = {"who", "that", "which"}
_QUANTITIES = {"PERCENT", "MONEY", "QUANTITY"}
_NAMED = {"PERSON", "ORG", "NORP", "GPE"}
_OWNED = {
    "det",
    "poss",
    "nummod",
    "compound",
    "prep",
    "appos",
}  # "the people of Idlib", "12 people"
_SETTING = {"GPE", "LOC", "FAC", "DATE", "TIME"}


@cache
def _words() -> dict[str, frozenset[str]]:
    data = lexicons.yaml_file("non_events.yaml")
    info = lexicons.yaml_file("information_nouns.yaml")["nouns"]
    return {
        "anyone": frozenset(map(str, data["generic_objects"])),
        "shares": frozenset(map(str, data["poll_shares"])),
        "messages": frozenset(map(str, info)) - frozenset(map(str, data["outlet_doers"])),
        "paths": frozenset(map(str, data["path_preps"])),
    }


def _doers(tok: Any) -> list[Any]:
    """The active subjects of ``tok`` and the objects of its passive "by", with their
    conjuncts; a relative pronoun stands for the noun its clause describes."""
    doers = _children(tok, {"nsubj"}) + [
        p for agent in _children(tok, {"agent"}) for p in _children(agent, {"pobj"})
    ]
    out = []
    for d in doers:
        if d.lower_ in _RELATIVE and tok.dep_ == "relcl" and tok.head.i != tok.i:
            d = tok.head
        out += [d, *d.conjuncts]
    return out


def generic(tok: Any) -> bool:
    """A present-tense verb whose only doer is a bare word for anyone ("anyone who opposes him",
    "when people oppose him") or a share of a population ("57 percent of Americans support")."""
    doers = _doers(tok)
    if not doers:
        return False
    words = _words()
    if any(d.lemma_.lower() in words["shares"] and _children(d, {"prep"}) for d in doers):
        return True  # "57 percent of Americans", "a majority of voters": a poll's figure
    if tok.tag_ not in _PRESENT:
        return False
    if any(t.ent_type_ in _SETTING for t in tok.subtree):
        return False  # "people protest in Tehran": a place or a time tells an act
    return all(
        d.lemma_.lower() in words["anyone"] and not any(c.dep_ in _OWNED for c in d.children)
        for d in doers
    )


def message(tok: Any) -> bool:
    """A violent verb done by a message or an idea ("besieged by media reports", "questions
    surround the White House"), with no named doer beside it."""
    doers = _doers(tok)
    if not doers or any(d.ent_type_ in _NAMED or d.pos_ == "PROPN" for d in doers):
        return False
    return any(
        d.pos_ == "NOUN" and d.lemma_.lower() in _words()["messages"] and not _of_named(d)
        for d in doers
    )


def _of_named(noun: Any) -> bool:
    """Whether ``noun`` is a part of a named group ("elements of the SAF", "units of the
    army's 5th Division"): people, not a message."""
    return any(
        p.ent_type_ in _NAMED or p.pos_ == "PROPN"
        for prep in _children(noun, {"prep"})
        if prep.lower_ == "of"
        for p in _children(prep, {"pobj"})
    )


def figure(tok: Any) -> bool:
    """A violent verb whose object or path ("from 44 percent to 55 percent") is a quantity: a
    figure that rises or falls ("shot up to 55 percent", "hit $100 a barrel")."""
    ends = _children(tok, {"dobj"}) + [
        p
        for head in [tok, *_children(tok, {"prt", "advmod"})]
        for prep in _children(head, {"prep"})
        if prep.lower_ in _words()["paths"]
        for p in _children(prep, {"pobj"})
    ]
    return any(e.ent_type_ in _QUANTITIES for e in ends)
