"""An offset before a clause ("a day after Bannon accused him", "two days before police
stormed the building"): it dates the clause it introduces, counted back (or forward) from the
time of the clause it hangs from.

"Utah Republicans on Wednesday rallied around Romney, a day after Bannon accused him" tells the
accusation on the Tuesday: "after" is the subordinating conjunction of "accused" (its ``mark``
in the parse), and the main clause's date is the reference. Read as an adverb ("He was freed
two days later", "the day after") the same words count forward from the date told before them
(``expressions.resolve_anaphors``). The reference must be a day stated in the same sentence
outside the subordinate clause: without one the offset dates nothing (the story's last date
is no reliable reference for a clause of another sentence). Before a noun ("two days after the
election") the offset dates the main clause relative to a thing of unknown date: no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitmap.model import Document
from sitmap.when.expressions import _expr, _number
from sitmap.when.find import _Found
from sitmap.when.tense import _sentence_tokens
from sitmap.when.vocab import _vocab

# What follows an anaphor ("the same day", "a day after") when it opens a noun phrase, or a
# clause the parse does not show: such an offset is no date of its own.
_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|this|that|he|she|they|it|we)\b|(?-i:[A-Z0-9]))",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+[\w“\"‘']")


def _direction(f: _Found) -> str:
    return (f.groups.get("dir") or f.groups.get("dir2") or "").lower()


def mark_clauses(doc: Document, found: list[_Found]) -> list[_Found]:
    """``found`` with each "N days after/before <clause>" marked (``_Found.clause``: the
    character span of the clause it introduces) and with the other anaphors before a noun
    phrase removed ("the same day Republicans passed", "the day after the inauguration");
    anaphors read as adverbs ("two days later", "the day after.") are kept as they are."""
    out: list[_Found] = []
    for f in found:
        if f.kind == "since":  # "it's been a week since <clause>": dates that clause only
            f.clause = _clause(doc, f, noun=True)
            if f.clause is not None:
                out.append(f)
            continue
        if f.kind != "anaphor":
            out.append(f)
            continue
        if _direction(f) in ("after", "before") and _WORD_AFTER.match(doc.text, f.end):
            f.clause = _clause(doc, f)
        if f.clause is not None or f.groups.get("then") or not _OBJECT.match(doc.text, f.end):
            out.append(f)  # "two days later", "the day after.": an adverb, as before
    return out


def _clause(doc: Document, f: _Found, *, noun: bool = False) -> tuple[int, int] | None:
    """The span of the clause whose subordinating conjunction ends ``f``, from the parse: from
    the offset to the last word under the clause's verb (the parser may make that verb the root).
    With ``noun``, a preposition's object phrase counts too ("a week since the shooting")."""
    sent = doc.sentence_at(f.start)
    if sent is None or sent.index not in doc._parses:
        return None
    toks = _sentence_tokens(doc, sent.index)
    if toks is None or not toks.parsed:
        return None
    inside = toks.inside(f.start, f.end)
    if not inside:
        return None
    word = inside[-1]
    verb = word.head
    if word.dep_ == "prep":  # "a day after freeing a comrade": a clause without a subject
        verb = next((c for c in word.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if verb is None and noun:
            verb = next((c for c in word.children if c.dep_ == "pobj"), None)
        if verb is None:
            return None
    elif word.dep_ != "mark" or verb.pos_ not in ("VERB", "AUX") or verb.i < word.i:
        return None
    last = list(verb.subtree)[-1]  # the clause runs from the offset to its verb's last word
    return f.start, last.idx + len(last) + toks.offset


def resolve_clauses(doc: Document, found: list[_Found]) -> list[_Found]:
    """Date each marked offset from the day its main clause states in the same sentence
    ("on Wednesday ..., a day after Bannon accused him" → the Tuesday); ``found`` without the
    marked offsets that have no such day, and without a "that's when" that no day before it
    dates."""
    voc = _vocab()
    out: list[_Found] = []
    for f in found:
        if f.groups.get("then") and (f.expr is None or not f.expr.date):
            continue  # "that's when" with no day told before it: no time at all
        if f.clause is None or f.kind == "since":  # "since" counts back from publication
            out.append(f)
            continue
        sent = doc.sentence_at(f.start)
        lo, hi = f.clause
        refs = [
            p
            for p in found
            if p is not f
            and p.clause is None
            and p.expr is not None
            and p.expr.date
            and p.expr.precision == "day"
            and sent is not None
            and sent.start <= p.start < sent.end
            and not (lo <= p.start < hi)
        ]
        if not refs:
            continue
        ref = min(refs, key=lambda p: abs(p.start - f.start))
        unit = f.groups.get("aunit2") or f.groups.get("aunit3") or "day"
        n = _number(voc, f.groups.get("anum")) or 1
        sign = -1 if _direction(f) == "after" else 1
        when = date.fromisoformat(ref.expr.date[:10]) + timedelta(  # type: ignore[union-attr]
            days=sign * n * (7 if unit == "week" else 1)
        )
        precision = "day"
        if unit == "week":
            when, precision = when - timedelta(days=when.weekday()), "week"
        f.expr = _expr(f, doc.text, when, precision, relative=True, score=0.7)
        out.append(f)
    return out
