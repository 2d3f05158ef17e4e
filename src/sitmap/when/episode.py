"""An event told again in the next sentence with a date takes that date (``told_again``).

The guide: "An event told twice is annotated at its first mention and takes the date from the
later mention when only that one has it." "Gunmen killed five soldiers near the border. The
attack happened on Monday." dates the killing on Monday: the next sentence tells it again by a
definite event noun of a matching type as the subject of a dated past-tense clause.

A date is not carried forward to the events of the following sentences ("Gunmen attacked a bus
on Monday. They killed four passengers." leaves the killing undated): the guide leaves an event
undated when the article gives no time for it, and carrying the date of the sentence before
(tried in an earlier round) dated events the never-tuned annotators left undated or dated
otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitmap.model import Document
from sitmap.when.find import _Found
from sitmap.when.tense import _sentence_tokens, _Tokens
from sitmap.when.vocab import _vocab

_CARRIED = ("day", "week")  # precisions of a retelling's date: a month or a year is no occasion
_DEFINITE = ("the", "this", "that", "these", "those")


def _paragraph_break(doc: Document, index: int, text: str) -> bool:
    """Whether a paragraph ends between sentence ``index - 1`` and sentence ``index``."""
    before, this = doc.sentences[index - 1], doc.sentences[index]
    gap = text[before.end : this.start]
    if "\n\n" in gap:
        return True
    return gap == "" and bool(re.search(r"[.!?][”\"’']?$", text[before.start : before.end]))


def told_again(
    doc: Document, found: list[_Found], tense_at: Callable[[int, int], str | None]
) -> None:
    """Date an undated event with the date of the next sentence when that sentence tells it
    again by a definite event noun as the subject of a dated past-tense clause ("Gunmen killed
    five soldiers near the border. The attack happened on Monday." dates the killing), the
    noun of a matching type (``episode_nouns``: "the attack" for an assault, "the arrests"
    for a coercion; "the incident" for any)."""
    nouns = _vocab().episode_nouns
    cache: dict[int, _Tokens | None] = {}
    for index in range(1, len(doc.sentences)):
        if index not in doc._parses or _paragraph_break(doc, index, doc.text):
            continue
        earlier = [
            ev
            for ev in doc.events
            if ev.sentence == index - 1
            and ev.date is None
            and ev.status not in {"predicted", "hypothetical"}
        ]
        if not earlier:
            continue
        if index not in cache:
            cache[index] = _sentence_tokens(doc, index)
        toks = cache[index]
        if toks is None:
            continue
        sent = doc.sentences[index]
        dates = [
            f
            for f in found
            if sent.start <= f.start
            and f.end <= sent.end
            and f.expr is not None
            and f.expr.date
            and f.expr.precision in _CARRIED
            and tense_at(f.start, f.end) == "past"
        ]
        if len(dates) != 1:
            continue
        for tok in toks.tokens:
            types = nouns.get(tok.lemma_.lower())
            if types is None or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
                continue
            for ev in earlier:
                if not types or ev.plover in types:
                    ev.date = dates[0].expr
            break
