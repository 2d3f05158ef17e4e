"""Clause cues for an event's epistemic status, read by ``attribution`` (which owns status).

Three general rules, their words in ``data/attribution.yaml``:

* a *presupposed* noun event — one with an owner ("Washington's *funding* could be halted",
  "the brutality of his *crackdown*") or an existing-state modifier ("would expand *existing
  sanctions*") — already exists: the modality of the clause around it is not its own;
* a finite clause under "whether" is an uncertain fact (``hypothetical``: "investigating whether
  they have *killed* him"); "whether to" weighs a future decision (``predicted``);
* a document that shows, lists or reveals ("federal records that *showed* Arkema lobbied ...",
  "the indictment *listed* firms that lobbied ...") reports what it shows, as a speech verb does;
* a past-tense clause under a temporal mark ("after Russia *banned* adoptions in 2012") is
  background the sentence builds on: neither a modal nor a speech verb above it governs it;
* so is a non-restrictive relative clause outside quotation marks ("a request for Natalia
  Veselnitskaya, who *met* with Donald Trump Jr."): the outlet's aside, not the report;
* a noun event told as still to come — the object of "ahead of" / "in the run-up to", or
  dated by a coming time ("Trump's state *visit* to Beijing next week") — is predicted, even
  with an owner, unless a past time dates it ("ahead of his *visit* last week").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sitmap import lexicons

_NOUNS = {"NOUN", "PROPN"}
_PAST = {"VBD"}
_PERFECT = {"had", "'d"}
_PAST_PASSIVE = {"was", "were"}
_RELATIVE = {"which", "that"}


@dataclass(frozen=True)
class _Cues:
    presupposing: frozenset[str]
    uncertain: frozenset[str]
    temporal: frozenset[str]
    document_verbs: frozenset[str]
    documents: frozenset[str]
    ahead: frozenset[str]
    coming: frozenset[str]
    past: frozenset[str]


@cache
def _cues() -> _Cues:
    d = lexicons.yaml_file("attribution.yaml")
    return _Cues(
        presupposing=frozenset(d["presupposing_words"]),
        uncertain=frozenset(d["uncertain_marks"]),
        temporal=frozenset(d["temporal_marks"]),
        document_verbs=frozenset(d["document_verbs"]),
        documents=frozenset(d["cited_nouns"]),
        ahead=frozenset(d["ahead_words"]),
        coming=frozenset(d["coming_time_words"]),
        past=frozenset(d["past_time_words"]),
    )


def presupposed(tok: Any) -> bool:
    """Whether a noun trigger names an act that exists already (an owner or an
    existing-state modifier), so that the clause's modality is not its own."""
    if tok.pos_ not in _NOUNS or ahead(tok):
        return False  # "ahead of Trump's visit next week": owned, but still to come
    words = _cues().presupposing
    return any(
        c.dep_ == "poss" or (c.dep_ in {"amod", "advmod"} and c.lower_ in words)
        for c in tok.children
    )


_DATING = {"npadvmod", "advmod", "prep", "amod", "tmod", "nmod", "compound"}


def _dated(tok: Any, words: frozenset[str]) -> bool:
    """Whether a time phrase on the noun (a DATE or TIME word) holds one of ``words``."""
    return any(
        t.ent_type_ in {"DATE", "TIME"} and t.lower_ in words
        for c in tok.children
        if c.dep_ in _DATING
        for t in c.subtree
    )


def ahead(tok: Any) -> bool:
    """Whether a noun event is told as still to come: the object of "ahead of", "in the run-up
    to", "on the eve of" ("ahead of his first visit to South Korea"), or dated by a coming time
    ("his state visit to Beijing next week"), and not dated by a past one ("last week")."""
    if tok.pos_ not in _NOUNS:
        return False
    cues = _cues()
    if _dated(tok, cues.past):
        return False
    prep = tok.head
    marked = (
        tok.dep_ == "pobj"
        and prep.lower_ in {"of", "to"}
        and prep.head.i != prep.i
        and prep.head.lower_ in cues.ahead
    )
    return marked or _dated(tok, cues.coming)


def uncertain(node: Any) -> str | None:
    """``hypothetical`` for a finite clause under "whether", ``predicted`` for "whether to",
    else None."""
    if not any(c.dep_ == "mark" and c.lower_ in _cues().uncertain for c in node.children):
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    return "predicted" if infinitive else "hypothetical"


def background(node: Any) -> bool:
    """Whether ``node`` heads a past-tense or perfect clause under a temporal mark ("after Russia
    banned adoptions", "after Turkey had expelled the ambassador"): a fact outside the modality
    and the report of the clause above it."""
    perfect = node.tag_ == "VBN" and any(  # "after Turkey had expelled the ambassador"
        (c.dep_ == "aux" and c.lower_ in _PERFECT)
        or (c.dep_ == "auxpass" and c.lower_ in _PAST_PASSIVE)  # "after it was revealed"
        for c in node.children
    )
    return (node.tag_ in _PAST or perfect) and any(
        c.dep_ == "mark" and c.lower_ in _cues().temporal for c in node.children
    )


def document_says(verb: Any, subject: Any) -> bool:
    """Whether ``verb`` is a showing verb ("showed", "listed") whose subject is a document
    ("records", "the indictment"; through a relative pronoun, the noun it stands for)."""
    cues = _cues()
    if subject is None or verb.lemma_.lower() not in cues.document_verbs:
        return False
    if subject.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head.i != verb.i:
        subject = verb.head
    return subject.lemma_.lower() in cues.documents or subject.lower_ in cues.documents


_QUOTES = set('“”"‘’«»')


def aside(node: Any) -> bool:
    """Whether ``node`` heads a non-restrictive relative clause (set off by a comma) outside
    quotation marks: the outlet's description, not part of what a speaker said."""
    if node.dep_ != "relcl":
        return False
    first = min(t.i for t in node.subtree)
    if first == 0 or node.doc[first - 1].text != ",":
        return False
    before = node.doc[:first]
    return sum(t.text in _QUOTES for t in before) % 2 == 0  # not inside an open quotation


def outside(tok: Any) -> bool:
    """Whether ``tok`` lies in a clause that is the outlet's own background or aside (a past
    temporal clause, a non-restrictive relative clause): no frame of its sentence covers it."""
    node = tok
    for _ in range(12):
        if background(node) or aside(node):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
