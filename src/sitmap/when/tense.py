"""The tense of the verb that governs a date expression (past, present, future)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sitmap.model import Document
from sitmap.tokens import table
from sitmap.when.vocab import _vocab


@dataclass
class _Tokens:
    """Tokens of one sentence (a parse when there is one) and its offset in the document:
    ``doc[lo:hi]``, read through the doc's token table (``sitmap.tokens``) and made into
    ``Token`` objects only where asked."""

    doc: Any
    lo: int
    hi: int
    offset: int
    parsed: bool

    @cached_property
    def tokens(self) -> list[Any]:
        """All the sentence's tokens."""
        return list(self.doc[self.lo : self.hi])

    def inside(self, start: int, end: int) -> list[Any]:
        """The tokens that start in document characters ``[start, end)``, in order."""
        idx = table(self.doc).idx
        first = max(self.lo, bisect_left(idx, start - self.offset, self.lo, self.hi))
        last = bisect_left(idx, end - self.offset, first, self.hi)
        return [self.doc[i] for i in range(first, last)]

    def starting(self, char: int) -> Any:
        """The token that starts at document character ``char``, or None."""
        found = self.inside(char, char + 1)
        return found[0] if found else None


def _sentence_tokens(doc: Document, index: int) -> _Tokens | None:
    if index in doc._parses:
        pdoc = doc._parses[index]
        return _Tokens(pdoc, 0, len(pdoc), doc.sentences[index].start, True)
    if doc._spacy is not None:
        sent = doc.sentences[index]
        span = doc._spacy.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None:
            return _Tokens(doc._spacy, span.start, span.end, 0, False)
    return None


def _tense(toks: _Tokens | None, start: int, end: int) -> str | None:
    """The tense ("past", "future", "present" or None) of the verb governing [start, end).

    With a dependency parse the governing verb is found through the heads, and a non-finite
    verb ("telling the court on Wednesday", "to question him on Sunday") takes the tense of
    the verb it hangs from; without one, the nearest finite verb decides. A date the parser
    hung inside a that-less complement right after a reporting verb takes the reporting verb's
    tense ("said on Monday it would reject the results": the Monday before, not after).
    """
    if toks is None or toks.hi <= toks.lo:
        return None
    inside = toks.inside(start, end)
    if not inside:
        return None
    verb = None
    if toks.parsed:
        node = next((t for t in inside if not (start <= t.head.idx + toks.offset < end)), inside[0])
        verb = _verb_above(_report_date(node) or node)
    if verb is None:
        tab, doc = table(toks.doc), toks.doc
        verbs = [
            doc[i]
            for i in range(toks.lo, toks.hi)
            if tab.pos[i] in ("VERB", "AUX") and tab.tag[i] != "MD"
        ]
        if not verbs:
            return None
        verb = min(verbs, key=lambda t: min(abs(t.i - inside[0].i), abs(t.i - inside[-1].i)))
    for _ in range(4):
        tense = _verb_tense(verb, toks)
        if tense != "nonfinite":
            return tense
        head = _verb_above(verb.head) if toks.parsed and verb.head.i != verb.i else None
        if head is None:
            return None
        verb = head
    return None


def _report_date(head: Any) -> Any | None:
    """The reporting verb a date belongs to when the parser hung it inside the verb's
    complement with no "that" ("said on Monday it would reject the results": the date stands
    before the complement's subject, so it dates the saying, as in "said on Monday that it
    would reject"), or None."""
    verb = head
    for _ in range(4):  # "Monday" → "on" → "reject"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    report = verb.head
    if (
        verb.dep_ != "ccomp"
        or report.lemma_.lower() not in _vocab().reporting
        or not report.i < head.i < verb.i
        or any(c.dep_ == "mark" for c in verb.children)
    ):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return report if subjects and all(head.i < s.i for s in subjects) else None


def _verb_above(node: Any) -> Any:
    """``node`` itself or the nearest verb above it in the parse (None if there is none)."""
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _verb_tense(verb: Any, tokens: list[Any] | _Tokens | None = None) -> str | None:
    """Tense of one verb from its tag and its auxiliaries; "nonfinite" for participles.

    ``tokens``: the consecutive tokens of ``verb.doc`` around it (a list, or a sentence's
    ``_Tokens``; by default all of ``verb.doc``), read through the doc's token table."""
    if tokens is None:
        base, size = 0, len(verb.doc)  # no list of the doc's Token objects to make
    elif isinstance(tokens, _Tokens):
        base, size = tokens.lo, tokens.hi - tokens.lo
    else:
        base, size = tokens[0].i, len(tokens)
    tab = table(verb.doc)
    tags, words = tab.tag[base : base + size], tab.text[base : base + size]
    k = verb.i - base
    lo = k
    while lo > 0 and k - lo < 5 and tags[lo - 1][:2] in ("MD", "VB", "RB", "TO"):
        lo -= 1
    window = [w.lower() for w in words[lo : k + 1]]
    after = [w.lower() for w in words[k + 1 : k + 2]]
    voc = _vocab()
    for cue in voc.future_cues:
        seq = window + after if cue[-1] == "to" else window
        if any(tuple(seq[i : i + len(cue)]) == cue for i in range(len(seq))):
            return "future"
    before = set(window[:-1])
    tag = verb.tag_
    if tag == "VBD":
        return "past"
    if before & voc.modals:
        return "present"
    if tag == "VBN":
        if before & voc.past_aux:
            return "past"
        if before & voc.present_aux:
            return None
        return "nonfinite" if verb.dep_ == "conj" else "past"
    if tag in ("VBZ", "VBP"):
        return None if verb.lemma_ in voc.reporting else "present"
    if tag in ("VBG", "VB"):
        if before & voc.past_aux:
            return "past"
        if tag == "VBG" and before & voc.present_aux:
            return "present"
        if tag == "VB" and "to" not in before:
            return "present"
        return "nonfinite"
    return None
