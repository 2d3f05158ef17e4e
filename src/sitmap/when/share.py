"""Dates shared between the events of one sentence: coordinated acts, "-ing" clauses, events on
one trigger word, and acts done at a dated occasion ("At a summit in May, he admonished ...").
Run after ``assign._assign`` has given each event the date of its own clause."""

from __future__ import annotations

import re
from typing import Any

from sitmap.model import Document, Event
from sitmap.when.tense import _verb_tense

# A paragraph break the scrape glued shut ("the most corrupt president ever.Former Attorney
# General Eric Holder tweeted on Friday"), also after the date line of an embedded tweet
# ("— Name (@handle) June 16, 2017This daily melodrama ..."): the sentence splitter keeps both
# in one sentence, and the tweet's date is not the next paragraph's.
_GLUED = re.compile(r"[a-z]{2}[.!?][”\"]?(?=[A-Z][a-z])|(?<=\b[12]\d{3})(?=[A-Z][a-z])")


def _infinitive(node: Any) -> bool:
    """A "to" infinitive ("do more to rein in North Korea on Thursday"): part of its governor's
    clause, not a clause of its own."""
    return node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def share_trigger(doc: Document, triggers: dict[tuple[int, int], tuple[Event, Any]]) -> None:
    """Events on one trigger word (one per coordinated side: "charged Manafort and Gates") tell
    one act at one time: each takes the date of the first, which the parse placed (the others
    are not in ``triggers``, so a date of another clause would reach them unchecked)."""
    first = {(ev.sentence, ev.trigger_start): ev for ev, _ in triggers.values()}
    for ev in doc.events:
        lead = first.get((ev.sentence, ev.trigger_start))
        if lead is None or lead is ev or ev.trigger_start is None or lead.status != ev.status:
            continue
        ev.date, ev.historical = lead.date, lead.historical


_NOW_OR_LATER = ("present", "future")  # tenses of a conjunct told at another time


def share_with_conjuncts(triggers: dict[tuple[int, int], tuple[Event, Any]], text: str) -> None:
    """An undated event coordinated with a dated one shares its date ("met on Saturday and
    agreed on a statement"), and so does one whose subjectless participle clause is dated
    ("Visiting Seoul last week, Trump warned ..."), unless it is predicted or hypothetical or
    told in the present or future where the dated one is not ("was jailed in May, and both
    are facing further charges"). A subjectless "-ing" clause hanging from a dated event tells
    what that event did, at its time ("fired tear gas on Monday, injuring dozens")."""
    for (sentence, _), (ev, tok) in triggers.items():
        if ev.date is not None or ev.status in {"predicted", "hypothetical"}:
            continue
        node = tok
        if tok.dep_ == "dobj" and (sentence, tok.head.i) not in triggers:
            node = tok.head  # "did not hold talks": the light verb carries the coordination
        later = _told_later(node)
        for _ in range(3):  # "met on Saturday, agreed on a statement but did not hold talks"
            if node.dep_ != "conj":
                break
            node = node.head
            head = triggers.get((sentence, node.i))
            if head is not None:
                if (
                    head[0].date is not None
                    and not _glued_between(text, head[0], ev)
                    and not (later and _verb_tense(node) == "past")
                ):
                    ev.date, ev.historical = head[0].date, head[0].historical
                break
        if ev.date is not None:
            continue
        for child in tok.children:
            if child.dep_ != "advcl" or _infinitive(child) or child.tag_ in ("VBD", "VBZ", "VBP"):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children):
                continue  # "after he visited ...", "when troops arrived ...": a clause of its own
            dated = triggers.get((sentence, child.i))
            if dated is not None and dated[0].date is not None:
                ev.date, ev.historical = dated[0].date, dated[0].historical
                break
        if ev.date is None and _trailing_participle(tok):
            head = triggers.get((sentence, tok.head.i))
            if head is not None and head[0].date is not None:
                ev.date, ev.historical = head[0].date, head[0].historical


_OCCASION_PREPOSITIONS = frozenset({"at", "during"})


def share_occasion(triggers: dict[tuple[int, int], tuple[Event, Any]]) -> None:
    """An undated act done at a dated occasion takes its date: "At a NATO summit in Brussels in
    May, the president admonished European leaders" (the summit's May dates the admonishing),
    "had a frank exchange of views during a visit by Trump on Thursday". The occasion is an
    event noun, object of "at" or "during" hanging from the act's trigger (or from the light
    verb whose object the trigger is); predicted and hypothetical acts take none (the
    conjuncts of the act then share it)."""
    for (sentence, _), (ev, tok) in triggers.items():
        if ev.date is not None or ev.status in {"predicted", "hypothetical"}:
            continue
        carrier = tok.head if tok.dep_ == "dobj" and (sentence, tok.head.i) not in triggers else tok
        for prep in carrier.children:
            if prep.dep_ != "prep" or prep.lower_ not in _OCCASION_PREPOSITIONS:
                continue
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            occasion = triggers.get((sentence, noun.i)) if noun is not None else None
            if occasion is not None and occasion[0].date is not None:
                ev.date, ev.historical = occasion[0].date, occasion[0].historical
                break


def _trailing_participle(tok: Any) -> bool:
    """Whether ``tok`` heads a subjectless "-ing" clause of its governor ("fired tear gas on
    Monday, injuring dozens"), not a clause of its own ("while he was visiting")."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in tok.children)
    )


def _told_later(node: Any) -> bool:
    """Whether a verb is told in the present or the future ("are facing", "will march")."""
    return node.pos_ in ("VERB", "AUX") and _verb_tense(node) in _NOW_OR_LATER


def _glued_between(text: str, one: Event, other: Event) -> bool:
    """Whether a glued paragraph break lies between two events' clauses."""
    lo, hi = min(one.end, other.end), max(one.start, other.start)
    return lo <= hi and _GLUED.search(text, max(0, lo - 3), hi + 2) is not None
