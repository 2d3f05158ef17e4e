"""Dates carried from one sentence to the next while a report tells the same episode.

Backwards first (``told_again``): a sentence that tells the event before it again by a definite
noun ("The attack happened on Monday") dates it. Then forwards (``continue_episodes``):

"Gunmen attacked a bus near the border on Monday. They killed four passengers." dates the
killing on Monday too: a past-tense sentence that names no time of its own continues the
episode of the sentence just before it. The date does not carry over

* into a sentence that names a time of its own, a vague one included ("in the past",
  "previously", "later"): that sentence has moved in time, or says it does not know when;
* to an event that is not the main verb of its sentence in the simple past ("killed", "were
  killed"): a perfect, a past perfect, a present or a future is a tense break ("He has long
  opposed the deal", "the funds it had frozen", "They will meet again"); an event noun and
  the verb of a relative clause are left alone;
* to reported, quoted, predicted or hypothetical events (the date of a saying is not the date
  of what it reports);
* across a paragraph break (a blank line, or a paragraph glued shut by the scrape: "ever.The");
* from a sentence whose events carry different dates, or more than ``_REACH`` sentences away
  from the sentence that states the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitmap.model import DateExpr, Document, Event
from sitmap.when.find import _Found
from sitmap.when.tense import _sentence_tokens, _Tokens
from sitmap.when.vocab import _vocab

_REACH = 2  # sentences a stated date carries forward, one step at a time
_CARRIED = ("day", "week")  # precisions that carry: a month or a year is no episode
_DEFINITE = ("the", "this", "that", "these", "those")
_NARRATED = ("asserted", "negated")  # a reported or quoted event's date is not the report's


def continue_episodes(
    doc: Document, found: list[_Found], tense_at: Callable[[int, int], str | None]
) -> None:
    """Date the undated past-tense events of a sentence that states no time with the date of
    the sentence before it (see the module docstring); ``tense_at(start, end)`` is the tense of
    the verb governing a span."""
    if not doc.events or len(doc.sentences) < 2:
        return
    text = doc.text
    by_sentence: dict[int, list[Event]] = {}
    for ev in doc.events:
        by_sentence.setdefault(ev.sentence, []).append(ev)
    cache: dict[int, _Tokens | None] = {}
    carried: dict[int, tuple[DateExpr, int]] = {}  # sentence → (date, steps from its statement)
    for index in range(len(doc.sentences)):
        own = _sentence_date(doc, index, by_sentence.get(index, []), found, tense_at)
        if own is not None:
            carried[index] = (own, 0)
        if index == 0 or index not in by_sentence:
            continue
        prev = carried.get(index - 1)
        if prev is None or prev[1] >= _REACH or _paragraph_break(doc, index, text):
            continue
        sent = doc.sentences[index]
        if _states_time(text, sent.start, sent.end, found):
            continue
        took = False
        for ev in by_sentence[index]:
            if ev.date is not None or ev.status not in _NARRATED:
                continue
            if not _simple_past(doc, ev, cache):
                continue
            ev.date = prev[0]
            took = True
        if took and own is None:
            carried[index] = (prev[0], prev[1] + 1)


def _sentence_date(
    doc: Document,
    index: int,
    events: list[Event],
    found: list[_Found],
    tense_at: Callable[[int, int], str | None],
) -> DateExpr | None:
    """The one day or week a past-tense sentence is about: the date its real past-tense events
    carry, else its only resolved date expression governed by a past-tense verb; None when
    there are several."""
    dates = {
        (ev.date.date, ev.date.precision): ev.date
        for ev in events
        if ev.date is not None
        and ev.date.date
        and ev.date.precision in _CARRIED
        and ev.status not in {"predicted", "hypothetical"}
        and not ev.historical
        and ev.trigger_start is not None
        and ev.trigger_end is not None
        and tense_at(ev.trigger_start, ev.trigger_end) == "past"
    }
    if not dates:
        sent = doc.sentences[index]
        dates = {
            (f.expr.date, f.expr.precision): f.expr
            for f in found
            if sent.start <= f.start
            and f.end <= sent.end
            and f.expr is not None
            and f.expr.date
            and f.expr.precision in _CARRIED
            and tense_at(f.start, f.end) == "past"
        }
    return next(iter(dates.values())) if len(dates) == 1 else None


def _paragraph_break(doc: Document, index: int, text: str) -> bool:
    """Whether a paragraph ends between sentence ``index - 1`` and sentence ``index``."""
    before, this = doc.sentences[index - 1], doc.sentences[index]
    gap = text[before.end : this.start]
    if "\n\n" in gap:
        return True
    return gap == "" and bool(re.search(r"[.!?][”\"’']?$", text[before.start : before.end]))


def _states_time(text: str, start: int, end: int, found: list[_Found]) -> bool:
    """Whether a sentence names a time of its own: a date expression (not a deadline such as
    "by Dec. 15") or a vague time ("in the past", "later")."""
    voc = _vocab()
    for f in found:
        if start <= f.start and f.end <= end:
            words = text[max(start, f.start - 16) : f.start].split()
            if not (words and words[-1].lower() in voc.deadline_before):
                return True
    return voc.vague_time.search(text[start:end]) is not None


def _simple_past(doc: Document, ev: Event, cache: dict[int, _Tokens | None]) -> bool:
    """Whether the event's trigger is the main verb of its sentence (or coordinated with it) in
    the simple past, active or passive ("attacked", "were killed"), not a perfect ("have
    attacked", "had been killed") nor the verb of a relative clause ("firms that lobbied")."""
    if ev.trigger_start is None or ev.sentence not in doc._parses:
        return False
    if ev.sentence not in cache:
        cache[ev.sentence] = _sentence_tokens(doc, ev.sentence)
    toks = cache[ev.sentence]
    if toks is None:
        return False
    tok = next((t for t in toks.tokens if t.idx + toks.offset == ev.trigger_start), None)
    if tok is None:
        return False
    head = tok
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ != "ROOT":
        return False  # a relative, adverbial or reported clause: background, not the narrative
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _vocab().perfect_aux:
        return False
    if tok.tag_ == "VBD":
        return True
    return tok.tag_ == "VBN" and bool(auxes & {"was", "were"})


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
