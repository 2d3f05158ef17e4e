"""An undated event takes the date of its occasion told right after it: a retelling in the
next sentence (``told_again``), the attribution sentence of its speech act (``said_next``) or
the date line of the embedded tweet that shows it (``tweeted_next``); or told before it: the
dated letter or statement that a later "In its letter, ..." goes back to (``in_dated_medium``).

An act done "in its letter" takes the date the article gave that letter before
(``in_dated_medium``).

The guide: "An event told twice is annotated at its first mention and takes the date from the
later mention when only that one has it." "Gunmen killed five soldiers near the border. The
attack happened on Monday." dates the killing on Monday: the next sentence tells it again by a
definite event noun of a matching type as the subject of a dated past-tense clause.

A date is not carried forward to the events of the following sentences in general ("Gunmen
attacked a bus on Monday. Police later arrested two men." leaves the arrest undated): the guide
leaves an event undated when the article gives no time for it, and carrying the date of the
sentence before to every sentence (tried in an earlier round) dated events the never-tuned
annotators left undated or dated otherwise. One syntactic case carries it (``continued``): the
next sentence goes on with the same topic in the simple past, its subject a personal pronoun
("Wild responded in a letter on Nov. 20. He declined to provide a list.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from sitmap.model import Actor, Document, Event, Sentence
from sitmap.when.assign import _GLUED, _deadline
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


def _past_occasions(
    found: list[_Found], sent: Sentence, tense_at: Callable[[int, int], str | None]
) -> list[_Found]:
    """The dates beginning in ``sent`` that can be an act's occasion: a day or a week
    (``_CARRIED``) in a past-tense clause."""
    return [
        f
        for f in found
        if f.expr is not None
        and f.expr.date
        and f.expr.precision in _CARRIED
        and sent.start <= f.start < sent.end
        and tense_at(f.start, f.end) == "past"
    ]


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
        dates = [f for f in _past_occasions(found, sent, tense_at) if f.end <= sent.end]
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


def said_next(
    doc: Document,
    found: list[_Found],
    tense_at: Callable[[int, int], str | None],
    published: date | None,
) -> None:
    """Date an undated speech act with the date of its saying told right after it: "Billy Bush
    accused Trump of revisionism. “He said it,” Bush wrote in an editorial on Sunday." One of
    the next ``_SAID_AHEAD`` sentences (no paragraph between; a quotation the splitter cut in
    two counts twice) must put a past day or week after a past verb of saying
    (``saying_verbs``) whose subject is the act's own source (the same code, and for persons
    the same person: "the 64 lawmakers wrote ... on Wednesday"): the lead tells the act, the
    attribution sentence its occasion. A date after another verb ("a letter Reuters reviewed on
    Thursday") or a saying by someone else dates nothing."""
    voc = _vocab()
    cache: dict[int, _Tokens | None] = {}
    for ev in doc.events:
        if (
            ev.date is not None
            or ev.status != "asserted"
            or ev.plover not in voc.speech_act_types
            or ev.source is None
            or not ev.source.code
        ):
            continue
        for index in range(ev.sentence + 1, ev.sentence + 1 + _SAID_AHEAD):
            if index >= len(doc.sentences) or _paragraph_break(doc, index, doc.text):
                break
            if index not in cache:
                cache[index] = _sentence_tokens(doc, index)
            toks = cache[index]
            if toks is None:
                continue
            dates = [
                f
                for f in _past_occasions(found, doc.sentences[index], tense_at)
                if (published is None or f.expr.date <= published.isoformat())
                and _said_by(doc, toks, f, ev)
            ]
            if len(dates) == 1:
                ev.date = dates[0].expr
                break


_SAID_AHEAD = 2


def tweeted_next(
    doc: Document,
    found: list[_Found],
    tense_at: Callable[[int, int], str | None],
    published: date | None,
) -> None:
    """Date an undated speech act the outlet narrates with the date line of the embedded tweet
    that follows it, by the same author ("First, Trump attacked the senator and demanded ...
    <tweet> — Donald J. Trump (@realDonaldTrump) July 25, 2017"): the guide dates a tweet's act
    by its date line, and the narration tells the act the tweet shows. The tweet must begin in
    the narration's sentence or the next one, its author be the act's source (a person: each
    word of the name in the author line), the narration be in the past tense ("he refuses to take
    responsibility" is a habit, no one tweet) and the date line not be after publication."""
    if "(@" not in doc.text:
        return
    from sitmap.attribution import tweet_spans  # a stage before this one; only where tweets are

    tweets = tweet_spans(doc.text)
    if not tweets:
        return
    voc = _vocab()
    for ev in doc.events:
        source = ev.source
        if (
            ev.date is not None
            or ev.status != "asserted"
            or ev.plover not in voc.speech_act_types
            or source is None
            or source.kind != "person"
            or not source.name
            or any(t.start <= ev.start < t.end for t in tweets)
            or ev.trigger_start is None
            or ev.trigger_end is None
            or tense_at(ev.trigger_start, ev.trigger_end) != "past"
        ):
            continue
        last = min(ev.sentence + 1, len(doc.sentences) - 1)
        after = next((t for t in tweets if t.start >= ev.end), None)
        if after is None or after.start >= doc.sentences[last].end:
            continue
        if not set(source.name.lower().split()) <= set(after.author.lower().split()):
            continue  # "Donald Trump" wrote as "Donald J. Trump"; not his son's tweet
        line = [
            f
            for f in found
            if f.expr is not None
            and f.expr.date
            and after.author_end <= f.start <= after.author_end + _DATE_LINE
            and (published is None or f.expr.date <= published.isoformat())
        ]
        if line:
            ev.date = line[0].expr


_DATE_LINE = 24  # characters from the author's name to the date: " (@realDonaldTrump) "


def _said_by(doc: Document, toks: _Tokens, f: _Found, ev: Event) -> bool:
    """Whether date ``f`` follows a past verb of saying whose subject, just before it, is the
    event's source ("Bush wrote in an editorial published in the Times on Sunday"), with no
    other finite verb or quotation between the verb and the date ("... in a letter Reuters
    reviewed on Thursday" dates the reviewing). Read on tags and lemmas, which every sentence
    has, not on a parse, which sentences without an event trigger lack."""
    tokens = toks.tokens
    for k, verb in enumerate(tokens):
        if k == 0 or verb.tag_ != "VBD" or verb.lemma_.lower() not in _vocab().saying_verbs:
            continue
        if verb.idx + toks.offset >= f.start:
            break
        between = [t for t in tokens[k + 1 :] if t.idx + toks.offset < f.start]
        if any(t.tag_ == "VBD" or t.text in _QUOTES for t in between):
            continue
        char = tokens[k - 1].idx + toks.offset
        actor = next((a for a in doc.actors if a.start <= char < a.end), None)
        if actor is not None and _same_source(actor, ev.source):
            return True
    return False


_QUOTES = frozenset('"“”‘’;')


def _same_source(actor: Actor, source: Actor) -> bool:
    """The same code, and for two persons the same person."""
    if actor.code != source.code:
        return False
    if actor.kind == "person" and source.kind == "person":
        return bool(actor.name) and actor.name == source.name
    return True


_CHAIN_PRONOUNS = frozenset({"he", "she", "they"})


def continued(
    doc: Document, found: list[_Found], tense_at: Callable[[int, int], str | None]
) -> None:
    """Date the main-clause events of a sentence that goes on telling the same actor's doings
    with the day of the sentence before: "Wild responded in a letter on Nov. 20. He declined
    to provide a list of witnesses." (a topic chain: the pronoun subject carries on the topic
    of the sentence before, and the simple past goes on with its narrative time). The sentence
    must follow without a paragraph break, state no date of its own (a deadline aside), have a
    past-tense (VBD) main verb whose subject is "he", "she" or "they", and the sentence before
    must state one past day or week. Only events on the main verb or a verb coordinated with
    it take the date, not what a complement reports ("They said rebels had attacked ...")."""
    cache: dict[int, _Tokens | None] = {}
    for index in range(1, len(doc.sentences)):
        if index not in doc._parses or _paragraph_break(doc, index, doc.text):
            continue
        sent, before = doc.sentences[index], doc.sentences[index - 1]
        if any(sent.start <= f.start < sent.end and not _deadline(doc.text, f) for f in found):
            continue  # a date of its own; "asked them to respond by Dec. 15" is a deadline
        mine = [
            ev
            for ev in doc.events
            if ev.sentence == index
            and ev.date is None
            and ev.status not in {"predicted", "hypothetical"}
            and ev.trigger_start is not None
        ]
        if not mine:
            continue
        toks = _chain_tokens(doc, index, cache)
        root = _main_verb(toks)
        if root is None or root.tag_ != "VBD":
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in _CHAIN_PRONOUNS for c in root.children):
            continue
        days = [
            f
            for f in _past_occasions(found, before, tense_at)
            if not _GLUED.search(doc.text, max(0, f.end - 3), sent.start + 2)
        ]  # "... on Thursday.Fernandez has long been ...": a paragraph the scrape glued shut
        if len({f.expr.date for f in days}) != 1:  # type: ignore[union-attr]
            continue
        expr = days[0].expr
        for ev in mine:
            if _on_chain(toks, ev.trigger_start, root):
                ev.date = expr


def _chain_tokens(doc: Document, index: int, cache: dict[int, _Tokens | None]) -> _Tokens | None:
    if index not in cache:
        cache[index] = _sentence_tokens(doc, index) if index in doc._parses else None
    return cache[index]


def _main_verb(toks: _Tokens | None) -> Any:
    """The root verb of a parsed sentence, or None."""
    if toks is None or not toks.parsed:
        return None
    root = next((t for t in toks.tokens if t.head.i == t.i), None)
    return root if root is not None and root.pos_ in ("VERB", "AUX") else None


def _on_chain(toks: _Tokens | None, char: int, root: Any) -> bool:
    """Whether the token at ``char`` is ``root`` or a verb coordinated with it."""
    tok = toks.starting(char) if toks is not None else None
    for _ in range(4):
        if tok is None:
            return False
        if tok.i == root.i:
            return True
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    return False


# "In its letter, ...", "In their joint statement, ...": a fronted phrase that names the medium
# an act is done in by a possessive or demonstrative, i.e. one the article has told already
_IN_MEDIUM = re.compile(
    r"\W*(?:(?:but|and|also)\s+)?in\s+(?:its|their|his|her|the|that|this|the\s+same)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]+?)s?\s*,",
    re.IGNORECASE,
)
_MEDIUM_BACK = 6  # sentences looked back for the medium's earlier, dated mention
_MEDIUM_NEAR = 30  # characters between the medium's noun and its date ("a letter on Tuesday")


def in_dated_medium(doc: Document, found: list[_Found], published: date | None) -> None:
    """Date an undated speech act told "In its letter, ..." with the date the article gave that
    letter when it first told of it: "Lawyers for the company disagreed in a letter on Tuesday.
    ... In its letter, the company asked the court to ..." dates the asking on Tuesday; so does
    "Friday's letter ... In their letter, the senators repeated an earlier request". The medium
    (``media``: a letter, statement, filing, lawsuit, speech ...) is named by a possessive or
    demonstrative in a fronted phrase, so it is one told before, and the act is done in it. The
    nearest earlier mention of the same noun within ``_MEDIUM_BACK`` sentences must hold a past
    day or week right by it ("in a letter on Tuesday", "Friday's letter", "a letter filed on
    Oct. 31"); a nearer indefinite mention without a date ("a second letter") dates nothing, a
    definite one ("the Prevezon letter said") is the same letter told again."""
    voc = _vocab()
    for ev in doc.events:
        if (
            ev.date is not None
            or ev.status in {"predicted", "hypothetical"}
            or ev.plover not in voc.speech_act_types
            or not 0 <= ev.sentence < len(doc.sentences)
        ):
            continue
        sent = doc.sentences[ev.sentence]
        m = _IN_MEDIUM.match(doc.text, sent.start, sent.end)
        if m is None or m["noun"].lower() not in voc.media:
            continue
        if ev.trigger_start is not None and ev.trigger_start < m.end():
            continue
        if any(sent.start <= f.start < sent.end for f in found):
            continue  # a date of its own: not undated for want of one
        ev.date = _medium_date(doc, found, ev.sentence, m["noun"], published)


def _medium_date(
    doc: Document, found: list[_Found], index: int, noun: str, published: date | None
) -> Any:
    """The date by the nearest earlier mention of ``noun``, or None."""
    word = re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)
    for k in range(index - 1, max(-1, index - 1 - _MEDIUM_BACK), -1):
        before = doc.sentences[k]
        mentions = list(word.finditer(doc.text, before.start, before.end))
        if not mentions:
            continue
        for f in found:
            if (
                f.expr is None
                or not f.expr.date
                or f.expr.precision not in _CARRIED
                or not before.start <= f.start < before.end
                or (published is not None and f.expr.date > published.isoformat())
            ):
                continue
            if any(_near(doc.text, n.start(), n.end(), f) for n in mentions):
                return f.expr
        if any(
            _NEW_ONE.search(doc.text, max(before.start, n.start() - 30), n.start())
            for n in mentions
        ):
            return None  # "a second letter went to the judge": another one, never dated
    return None


# An indefinite mention brings in another medium ("a second letter", "another statement"); a
# definite one ("the Prevezon letter said") goes back to the same one, and the search goes on.
_NEW_ONE = re.compile(r"\b(?:a|an|another|second|new)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _near(text: str, start: int, end: int, f: _Found) -> bool:
    """Whether a date stands right by a noun, no clause boundary between ("a letter on
    Tuesday", "Friday's letter", "the letter filed on Oct. 31")."""
    lo, hi = (end, f.start) if end <= f.start else (f.end, start)
    return hi - lo <= _MEDIUM_NEAR and not re.search(r"[,;:.!?\"“”]", text[lo:hi])
