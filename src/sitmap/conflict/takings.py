"""People taken away that the parse gives no event of their own: "take" is an event only as
"took hostage" or "took control" (``predicates.yaml``), so "the official was taken from his
car by gunmen" would be lost. ``taken_people`` adds such a taking as an abduction; see
``sitmap.conflict``."""

from __future__ import annotations

from typing import Any

from sitmap import actors
from sitmap.conflict.tables import Table
from sitmap.model import Actor, Document, Event

_TAKE = "take"
# the doers whose taking of people is an abduction (ACLED Codebook 2023, "Abduction/forced
# disappearance": by armed, non-state actors; the state's is an arrest unless the person's
# fate is hidden)
_ARMED = frozenset({"unidentified", "insurgents", "rebels", "militia", "communal", "criminals"})


def taken_people(doc: Document, table: Table) -> None:
    """Add an abduction (an assault of mode ``abduct``) for each verb "take" whose patient is
    people (the passive subject or the object: a PERSON name, a coded actor of no armed or
    state sector, or a noun of a person, as ``_seized_people`` reads them) and that holds no
    event already, when armed people took them ("was taken from his car by gunmen", "gunmen
    took the trader from his shop": the taker is an actor of an armed, non-state sector) or
    their fate is hidden ("were taken away ... to an unknown destination": ``disappearance``
    words in the sentence or the next, and no state taker named: "police took him to the
    station" is an arrest). Its doer is the taker, else an unidentified armed group."""
    if not doc._parses:
        return
    told = {e.trigger_start for e in doc.events}
    added: list[Event] = []
    for sent in doc.sentences:
        pdoc = doc._parses.get(sent.index)
        if pdoc is None:
            continue
        for tok in pdoc:
            if tok.lemma_.lower() != _TAKE or tok.pos_ != "VERB" or tok.idx + sent.start in told:
                continue
            event = _taking(doc, sent, tok, table)
            if event is not None:
                added.append(event)
    if added:
        doc.events = sorted([*doc.events, *added], key=lambda e: (e.sentence, e.start))


def _taking(doc: Document, sent: Any, tok: Any, table: Table) -> Event | None:
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    patients = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not patients or any(c.dep_ == "neg" for c in tok.children):
        return None
    target = _actor(doc, sent, patients[0])
    if not _people(patients[0], target, table):
        return None
    if passive:
        takers = [o for a in tok.children if a.dep_ == "agent" for o in a.children]
    else:
        takers = [c for c in tok.children if c.dep_ == "nsubj"]
    source = _actor(doc, sent, takers[0]) if takers else None
    sector = source.sector if source is not None else None
    after = next((s.text for s in doc.sentences if s.index == sent.index + 1), "")
    hidden = bool(table.disappearance.search(f"{sent.text} {after}"))
    if not (sector in _ARMED or (hidden and sector not in table.state)):
        return None
    start = sent.start + tok.idx
    if source is None or sector not in _ARMED:
        source = actors.group("unidentified", None, tok.text, start)
    return Event(
        doc_id=doc.id,
        sentence=sent.index,
        start=sent.start,
        end=sent.end,
        evidence=sent.text,
        trigger=tok.text,
        trigger_start=start,
        trigger_end=start + len(tok.text),
        plover="ASSAULT",
        cameo="18",
        source=source,
        target=target,
        mode="abduct",
        confidence=0.4,
    )


def _actor(doc: Document, sent: Any, tok: Any) -> Actor | None:
    """The coded actor whose words hold a token of a sentence's parse, or None."""
    at = tok.idx + sent.start
    return next((a for a in doc.actors if a.start <= at < a.end and a.sector), None)


# sectors of the state whose people are civilians, not armed ("the committee president", "a
# judge"): taken away, they are abducted like any civilian
_CIVIL_OFFICES = frozenset({"government", "legislature", "judiciary"})


def _people(tok: Any, actor: Actor | None, table: Table) -> bool:
    """Whether a patient is people: a coded actor of no armed or state sector, or a person who
    holds a civil office ("the committee president"); else a PERSON name or a noun of a person
    (``captives``)."""
    if actor is not None:
        return actor.sector not in table.force or (
            actor.kind == "person" and actor.sector in _CIVIL_OFFICES
        )
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in table.captives


__all__ = ["taken_people"]
