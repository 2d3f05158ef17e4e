"""Epistemic status and attribution chain of every event: according to whom, how sure.

One verb: ``attribute(doc)``. For each event it finds the *frames* around its trigger in the
parse, innermost first:

* a speech verb governing the event's clause ("X said that ...", "Reuters reported that ...",
  "made it clear that ...");
* an "As X noted, ..." clause or an "according to X" phrase on a governing clause;
* a quotation the trigger sits in, with the speech verb next to it ("“...,” Tillerson said");
* an embedded tweet the trigger sits in: the tweet's text before its "— Name (@handle)
  Month D, YYYY" line is its author's words (``quoted``, the author as speaker, the author as
  source of a speech act the tweet performs with no other source).

A frame's speaker that names a news outlet (``actors.outlet``) — or is "the outlet"/"the
agency" after one was cited, or a journalist of one ("Al-Masdar's Leith Abou Fadel") — is a
*cited* source; any other speaker is a *speaker*. The chain is outlet (``doc.source``) → cited
→ speaker. A speaker whose quote names no outlet inherits the outlet that introduced them
earlier in the document ("As Newsweek noted, Tillerson stated ...").

Status, by precedence: ``negated`` > ``hypothetical`` > ``predicted`` > ``quoted`` >
``reported`` > ``asserted``. A predicted hostile act announced by the acting side's own
speaker ("the Syrian army will target ...", said by the Syrian government) is a THREATEN event
by that speaker. A first-person pronoun ("we") as source becomes the speaker's actor.
"""

from __future__ import annotations

from sitmap import modality
from sitmap.attribution.cues import CONDITIONAL, POSSIBLE
from sitmap.attribution.frames import (
    _frames_for,
    _quote_frame,
    _quote_spans,
    _remember,
    _sentence_frames,
    _State,
    _tweet_frame,
)
from sitmap.attribution.status import _apply
from sitmap.attribution.tweets import Tweet, _tweet_at, tweet_spans
from sitmap.model import Document, Event
from sitmap.tokens import token_at

__all__ = ["CONDITIONAL", "POSSIBLE", "Tweet", "attribute", "tweet_spans"]


def attribute(doc: Document) -> Document:
    """Set ``status``, ``attribution`` (and THREATEN/pronoun fixes) on every event of ``doc``."""
    state = _State()
    quotes = _quote_spans(doc.text)
    tweets = tweet_spans(doc.text)
    by_sentence: dict[int, list[Event]] = {}
    untold: set[int] = set()
    for event in doc.events:
        by_sentence.setdefault(event.sentence, []).append(event)
    for index in sorted(doc._parses):
        pdoc = doc._parses[index]
        offset = doc.sentences[index].start
        sentence_frames = _sentence_frames(doc, pdoc, offset, state)
        for event in by_sentence.get(index, []):
            tok = token_at(pdoc, (event.trigger_start or event.start) - offset)
            frames = _frames_for(doc, tok, offset, state) if tok is not None else []
            tweet = _tweet_at(tweets, event.trigger_start or event.start)
            if tweet is not None:
                frames = [*frames, _tweet_frame(doc, tweet, state)]
            elif not frames and event.trigger_start is not None:
                frame = _quote_frame(doc, quotes, event.trigger_start, index, state)
                if frame is not None:
                    frames = [frame]
            if not frames and sentence_frames and not (tok is not None and modality.outside(tok)):
                frames = sentence_frames  # not for "... after Russia banned adoptions in 2012"
            _apply(doc, event, tok, frames, state)
            if tok is not None and tok.pos_ in _NOUNS and _untold_kind(event):
                untold.add(id(event))
        _remember(doc, pdoc, offset, sentence_frames, state)
    # an event needs a coded actor once pronouns are resolved ("they threatened ..." alone is
    # no usable record)
    doc.events = [
        e
        for e in doc.events
        if any(a is not None and a.code for a in (e.source, e.target)) and id(e) not in untold
    ]
    return doc


_UNTOLD = frozenset({"negated", "hypothetical", "predicted"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def _untold_kind(event: Event) -> bool:
    """An act with no side but the unnamed doer its own trigger implies, told as not done
    ("there will be violence", "no fear of retaliation", "a civil war will happen"): a kind of
    act, no event (eval/GUIDE.md: generic references without any actor are not coded). Read on
    noun triggers only: a passive verb ("if they were attacked", "the leaker was arrested")
    names whom it was done to."""
    source = event.source
    return (
        event.status in _UNTOLD
        and event.target is None
        and source is not None
        and source.sector == "unidentified"
        and source.start == event.trigger_start
    )
