"""The tense of the verb that governs a date expression (past, present, future)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitmap.model import Document
from sitmap.when.vocab import _vocab


@dataclass
class _Tokens:
    """Tokens of one sentence (a parse when there is one) and its offset in the document."""

    tokens: list[Any]
    offset: int
    parsed: bool


def _sentence_tokens(doc: Document, index: int) -> _Tokens | None:
    if index in doc._parses:
        return _Tokens(list(doc._parses[index]), doc.sentences[index].start, True)
    if doc._spacy is not None:
        sent = doc.sentences[index]
        span = doc._spacy.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None:
            return _Tokens(list(span), 0, False)
    return None


def _tense(toks: _Tokens | None, start: int, end: int) -> str | None:
    """The tense ("past", "future", "present" or None) of the verb governing [start, end).

    With a dependency parse the governing verb is found through the heads, and a non-finite
    verb ("telling the court on Wednesday", "to question him on Sunday") takes the tense of
    the verb it hangs from; without one, the nearest finite verb decides.
    """
    if toks is None:
        return None
    tokens = toks.tokens
    if not tokens:
        return None
    inside = [t for t in tokens if start <= t.idx + toks.offset < end]
    if not inside:
        return None
    verb = None
    if toks.parsed:
        node = next((t for t in inside if not (start <= t.head.idx + toks.offset < end)), inside[0])
        verb = _verb_above(node)
    if verb is None:
        verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.tag_ != "MD"]
        if not verbs:
            return None
        verb = min(verbs, key=lambda t: min(abs(t.i - inside[0].i), abs(t.i - inside[-1].i)))
    for _ in range(4):
        tense = _verb_tense(verb, tokens)
        if tense != "nonfinite":
            return tense
        head = _verb_above(verb.head) if toks.parsed and verb.head.i != verb.i else None
        if head is None:
            return None
        verb = head
    return None


def _verb_above(node: Any) -> Any:
    """``node`` itself or the nearest verb above it in the parse (None if there is none)."""
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _verb_tense(verb: Any, tokens: list[Any]) -> str | None:
    """Tense of one verb from its tag and its auxiliaries; "nonfinite" for participles."""
    base = tokens[0].i
    k = verb.i - base
    lo = k
    while lo > 0 and k - lo < 5 and tokens[lo - 1].tag_[:2] in ("MD", "VB", "RB", "TO"):
        lo -= 1
    window = [t.text.lower() for t in tokens[lo : k + 1]]
    after = [t.text.lower() for t in tokens[k + 1 : k + 2]]
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
