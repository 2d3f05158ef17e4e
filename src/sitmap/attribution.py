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

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from sitmap import actors as actor_stage
from sitmap import lexicons, modality
from sitmap.model import Actor, Document, Event, Source
from sitmap.tokens import table, token_at

_HOSTILE = {"ASSAULT", "COERCE", "SANCTION"}
POSSIBLE = "possible"  # an uncertain act: hypothetical, or predicted under a predicting frame
CONDITIONAL = "conditional"  # an act under its own "if": hypothetical, or a conditional threat
_PAST_TAGS = {"VBD", "VBN"}
_COMPLEMENTS = {"ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj", "csubj", "attr"}


@dataclass(frozen=True)
class _Cues:
    speech: frozenset[str]
    according: frozenset[str]
    cited_nouns: frozenset[str]
    outlet_anaphors: frozenset[str]
    negating_verbs: frozenset[str]
    negating_words: frozenset[str]
    modals: frozenset[str]
    predicting_verbs: frozenset[str]
    predicting_words: frozenset[str]
    attempt_verbs: frozenset[str]
    uncertain_words: frozenset[str]
    conditionals: frozenset[str]
    intent: frozenset[str]
    predicting_speech: frozenset[str]
    speech_acts: frozenset[str]
    quote_open: str
    quote_close: str


@cache
def _cues() -> _Cues:
    d = lexicons.yaml_file("attribution.yaml")
    return _Cues(
        speech=frozenset(d["speech"]),
        according=frozenset(d["according"]),
        cited_nouns=frozenset(d["cited_nouns"]),
        outlet_anaphors=frozenset(d["outlet_anaphors"]),
        negating_verbs=frozenset(d["negating_verbs"]),
        negating_words=frozenset(d["negating_words"]),
        modals=frozenset(d["modals"]),
        predicting_verbs=frozenset(d["predicting_verbs"]),
        predicting_words=frozenset(d["predicting_words"]),
        attempt_verbs=frozenset(d["attempt_verbs"]),
        uncertain_words=frozenset(d["uncertain_words"]),
        conditionals=frozenset(d["conditionals"]),
        intent=frozenset(d["intent"]),
        predicting_speech=frozenset(d["predicting_speech"]),
        speech_acts=frozenset(d["speech_acts"]),
        quote_open="".join(d["quote_open"]),
        quote_close="".join(d["quote_close"]),
    )


@dataclass
class _Frame:
    """Who a clause is attributed to: a cited outlet, a speaker, or both."""

    cited: str | None = None
    cited_text: tuple[str, int, int] | None = None
    speaker: Actor | None = None
    speaker_name: str | None = None
    speaker_text: tuple[str, int, int] | None = None
    journalist: bool = False
    own: bool = False  # the publishing outlet speaking for itself ("As Anti-Media predicted")
    predicts: bool = False  # the frame verb itself predicts ("predicted", "expects")
    tweet: bool = False  # the words of an embedded tweet: quoted, whoever acts in them


@dataclass
class _State:
    """What the document has established so far (in reading order)."""

    last_outlet: str | None = None
    speaker_outlet: dict[str, str] = field(default_factory=dict)


def attribute(doc: Document) -> Document:
    """Set ``status``, ``attribution`` (and THREATEN/pronoun fixes) on every event of ``doc``."""
    state = _State()
    quotes = _quote_spans(doc.text)
    tweets = tweet_spans(doc.text)
    by_sentence: dict[int, list[Event]] = {}
    for event in doc.events:
        by_sentence.setdefault(event.sentence, []).append(event)
    for index in sorted(doc._parses):
        pdoc = doc._parses[index]
        offset = doc.sentences[index].start
        sentence_frames = _sentence_frames(doc, pdoc, offset, state)
        for event in by_sentence.get(index, []):
            tok = _token_at(pdoc, (event.trigger_start or event.start) - offset)
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
        _remember(doc, pdoc, offset, sentence_frames, state)
    # an event needs a coded actor once pronouns are resolved ("they threatened ..." alone is
    # no usable record)
    doc.events = [
        e for e in doc.events if any(a is not None and a.code for a in (e.source, e.target))
    ]
    return doc


# -- frames -----------------------------------------------------------------------------------


def _token_at(pdoc: Any, char: int) -> Any:
    return token_at(pdoc, char)


def _verbs(pdoc: Any) -> list[Any]:
    """The verbs and auxiliaries of a parse (the only tokens ``_is_speech`` accepts), read
    from its token table."""
    return [pdoc[i] for i, pos in enumerate(table(pdoc).pos) if pos in _VERBAL]


_VERBAL = frozenset({"VERB", "AUX"})


def _is_speech(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if lemma in _cues().speech:
        return True
    if modality.document_says(tok, _subject(tok)):
        return True  # "federal records that showed Arkema lobbied ..."
    # "made it clear that ...", "made clear"
    return lemma == "make" and any(c.lower_ == "clear" for c in tok.children)


def _subject(verb: Any) -> Any:
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and c.dep_ != "nsubjpass":
            return c
    for prep in verb.children:
        if prep.dep_ == "agent":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _conjoined_subject(verb: Any) -> Any:
    """The subject a verb shares with the verb it is coordinated with ("He declined to comment
    but *said* ...": he), up a chain of conjuncts."""
    node, steps = verb, 0
    while node.dep_ == "conj" and steps < 3:
        node, steps = node.head, steps + 1
        subj = _subject(node)
        if subj is not None:
            return subj
    return None


def _frames_for(doc: Document, tok: Any, offset: int, state: _State) -> list[_Frame]:
    """Frames around a trigger, innermost first: speech-verb ancestors, "as X noted",
    "according to"."""
    frames: list[_Frame] = []
    node, child = tok, None
    steps = 0
    while steps < 12:
        if child is not None and _is_speech(node) and _reported_by(child, node):
            subj = _subject(node) or _conjoined_subject(node)
            if subj is not None and subj.i != child.i:
                frames.append(_frame_from(doc, subj, offset, state, verb=node))
        for c in node.children:
            if child is not None and c.i == child.i:
                continue
            if (
                c.dep_ == "advcl"
                and _is_speech(c)
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
            ):
                subj = _subject(c)
                if subj is not None:
                    frames.append(_frame_from(doc, subj, offset, state, verb=c))
            frames.extend(
                _frame_from(doc, pobj, offset, state, verb=None) for pobj in _according(c)
            )
        if node.head.i == node.i or modality.background(node) or modality.aside(node):
            break  # "said ... after Russia banned adoptions", "..., who met Trump Jr.": the
            # outlet's own background, no part of the report
        node, child, steps = node.head, node, steps + 1
    return frames


def _reported_by(child: Any, verb: Any) -> bool:
    """Whether a dependent of a speech verb is what it reports: a complement or the charge of
    "accused X of" / "blamed X for", but not an adverbial clause before the verb ("*Visiting
    Seoul*, Trump warned ..." is narration)."""
    if child.dep_ == "prep":
        return child.lower_ in {"of", "for"}
    if child.dep_ == "conj" and _own_named_subject(child):
        return False  # "Moscow has denied it, and Trump has dismissed ...": a clause of its own
    return child.dep_ in _COMPLEMENTS and not (child.dep_ == "advcl" and child.i < verb.i)


def _own_named_subject(clause: Any) -> bool:
    """Whether a coordinated clause has a subject of its own that is a name or a noun, not a
    pronoun ("..., and *Trump* has dismissed"; "..., and *he* fired" may still be reported),
    nor one a "that" makes reported ("said Russia would respond and *that* NATO had ...")."""
    if any(c.dep_ == "mark" for c in clause.children):
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"PROPN", "NOUN"} for c in clause.children
    )


def _sentence_frames(doc: Document, pdoc: Any, offset: int, state: _State) -> list[_Frame]:
    """Sentence-wide frames from "according to X" anywhere in the sentence."""
    tab, according = table(pdoc), _cues().according
    return [
        _frame_from(doc, pobj, offset, state, verb=None)
        for i, dep in enumerate(tab.dep)
        if dep == "prep" and tab.lower[i] in according  # (``_according``'s own test, first)
        for pobj in _according(pdoc[i])
    ]


def _according(tok: Any) -> list[Any]:
    """The source of "according to X" when ``tok`` is its "according"."""
    if tok.dep_ != "prep" or tok.lower_ not in _cues().according:
        return []
    return [p for to in tok.children for p in to.children if p.dep_ == "pobj"]


def _phrase(tok: Any) -> Any:
    """The noun phrase of a head token, without relative clauses and trailing preps."""
    toks = [t for t in tok.subtree if t.dep_ not in {"relcl", "acl", "punct"}]
    left = min(t.i for t in toks)
    right = tok.i
    for t in tok.rights:
        if t.dep_ in {"compound", "flat", "appos"}:
            right = max(right, max(x.i for x in t.subtree))
    return tok.doc[left : right + 1]


def _frame_from(doc: Document, subj: Any, offset: int, state: _State, verb: Any) -> _Frame:
    if verb is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subj = verb.head  # "Mercury LLC, which also said ...": the relative clause's noun
    if subj.lower_ in _PERSONAL_PRONOUNS:
        person = _last_person(doc, offset + subj.idx)
        if person is not None:
            return _person_frame(person, verb)
    phrase = _phrase(subj)
    text = phrase.text
    start, end = offset + phrase.start_char, offset + phrase.end_char
    mention = _covering(doc, offset + subj.idx, offset + subj.idx + len(subj))
    if mention is not None and not (start <= mention.start and mention.end <= end):
        text, start, end = mention.text, mention.start, mention.end
    frame = _Frame()
    frame.predicts = verb is not None and verb.lemma_.lower() in _cues().predicting_speech
    if _is_own(doc, text):
        frame.own = True
        return frame
    outlet = actor_stage.outlet(text)
    anaphor = subj.lemma_.lower() in _cues().outlet_anaphors and any(
        d.lower_ in {"the", "this", "that"} for d in subj.lefts
    )
    if outlet is None and anaphor and state.last_outlet:
        outlet = state.last_outlet
    if outlet is None and subj.lemma_.lower() in _cues().cited_nouns:
        # "according to a U.N. report", "a study by Amnesty found": the document is cited
        words = [t for t in phrase if not (t.i == phrase.start and t.dep_ in {"det", "poss"})]
        outlet = " ".join(t.text for t in words) if words else text
    if outlet is not None:
        frame.cited, frame.cited_text = outlet, (text, start, end)
        head_is_outlet = actor_stage.outlet(subj.text) is not None or (
            subj.lemma_.lower() in _cues().outlet_anaphors
        )
        if not head_is_outlet and subj.ent_type_ == "PERSON":
            # "Al-Masdar's Leith Abou Fadel reports": a journalist of the cited outlet
            name = _person_name(subj)
            frame.speaker_name, frame.journalist = name, True
            frame.speaker_text = (
                name,
                offset + subj.idx - len(name) + len(subj),
                offset + subj.idx + len(subj),
            )
        return frame
    actor = _covering(doc, start, end)
    person = None if actor is not None else _person_in(doc, start, end)
    if actor is None and person is None:
        # the lexicons, only for words the document's own mentions do not cover
        found = actor_stage.lookup(text, on=doc.published)  # spans relative to ``text``
        if found is not None:
            actor = Actor(
                **{**found.to_dict(), "start": start + found.start, "end": start + found.end}
            )
    frame.speaker = actor
    frame.speaker_name = (
        (_spoken_name(actor) if actor is not None else None)
        or (person.name if person is not None else None)
        or _person_name(subj)
    )
    frame.speaker_text = (text, start, end)
    return frame


_RELATIVE = {"which", "who", "that"}
_PERSONAL_PRONOUNS = {"he", "she"}
_PRONOUN_REACH = 600  # characters back to look for the person a pronoun speaker stands for


def _last_person(doc: Document, char: int) -> Actor | None:
    """The person a speaking "he"/"she" stands for: the last named person mention before it
    (coded or not), within a few sentences."""
    before = [
        a
        for a in doc.actors
        if a.kind == "person" and a.name and a.end <= char and char - a.end <= _PRONOUN_REACH
    ]
    return before[-1] if before else None


def _person_frame(person: Actor, verb: Any) -> _Frame:
    frame = _Frame(speaker=person if person.code else None, speaker_name=person.name)
    frame.speaker_text = (person.text, person.start, person.end)
    frame.predicts = verb is not None and verb.lemma_.lower() in _cues().predicting_speech
    return frame


def _person_name(tok: Any) -> str:
    parts = [t for t in tok.lefts if t.dep_ in {"compound", "flat"} and t.pos_ == "PROPN"]
    return " ".join([*(t.text for t in parts), tok.text])


def _covering(doc: Document, start: int, end: int) -> Actor | None:
    """The coded actor mention that best covers a character span (the head actor of a phrase)."""
    inside = [a for a in doc.actors if a.start < end and a.end > start and a.code]
    if not inside:
        return None
    persons = [a for a in inside if a.kind == "person"]
    return (persons or inside)[-1]


def _person_in(doc: Document, start: int, end: int) -> Actor | None:
    """An uncoded person mention inside a span ("Moore", resolved by the actors stage to the
    Kayla Moore the article named before)."""
    inside = [a for a in doc.actors if a.start < end and a.end > start and a.kind == "person"]
    return inside[-1] if inside else None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks (curly pairs, or alternating straight quotes)."""
    cues = _cues()
    spans: list[tuple[int, int]] = []
    pattern = re.compile(
        f"[{re.escape(cues.quote_open)}]([^{re.escape(cues.quote_close)}]{{3,2000}})"
        f"[{re.escape(cues.quote_close)}]"
    )
    for m in pattern.finditer(text):
        spans.append((m.start(1), m.end(1)))
    return spans


def _quote_frame(
    doc: Document, quotes: list[tuple[int, int]], char: int, index: int, state: _State
) -> _Frame | None:
    """Speaker of the quotation holding ``char``: a speech verb outside the quote nearby."""
    quote = next(((s, e) for s, e in quotes if s <= char < e), None)
    if quote is None:
        return None
    candidates = [i for i in (index, index - 1, index + 1) if i in doc._parses]
    best: tuple[int, Any, int] | None = None
    for i in candidates:
        pdoc, offset = doc._parses[i], doc.sentences[i].start
        for tok in _verbs(pdoc):
            pos = offset + tok.idx
            if quote[0] <= pos < quote[1] or not _is_speech(tok):
                continue
            if any(s <= pos < e for s, e in quotes):
                continue
            subj = _subject(tok)
            if subj is None:
                continue
            distance = min(abs(pos - quote[0]), abs(pos - quote[1]))
            if best is None or distance < best[0]:
                best = (distance, subj, offset)
    if best is None:
        return None
    return _frame_from(doc, best[1], best[2], state, verb=None)


@dataclass(frozen=True)
class Tweet:
    """An embedded tweet: its text ``[start, end)`` and its author line."""

    start: int
    end: int
    author: str  # as the author line gives it, camel case split ("Senator John Cornyn")
    handle: str
    author_start: int
    author_end: int


_TWEET_LINE = re.compile(
    r"\(@(?P<handle>\w{1,15})\)\s*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}"
)
_URL = re.compile(r"\S*(?:https?://|pic\.twitter\.com|t\.co/)\S*")
# where a tweet's text starts: after a paragraph break the scrape glued shut ("notice.If you")
_GLUED = re.compile(r"[.!?:”\"](?=[A-Z@#“\"])")
_TWEET_MAX = 320  # characters: a tweet (280) and its link


def tweet_spans(text: str) -> list[Tweet]:
    """Embedded tweets: each "Name (@handle) Month D, YYYY" author line and the text before it,
    back to the previous author line, a line break, a glued paragraph break or 320 characters;
    where the article quoted the tweet just before embedding it, only the embedded copy."""
    found: list[Tweet] = []
    previous = 0
    for m in _TWEET_LINE.finditer(text):
        author = _author(text, max(previous, m.start() - 80), m.start())
        if author is None:
            previous = m.end()
            continue
        name_start, name_end = author
        line_start = name_start
        while line_start > previous and text[line_start - 1] in " \t—–-":
            line_start -= 1
        window_start = max(previous, text.rfind("\n", 0, line_start) + 1, line_start - _TWEET_MAX)
        glued = list(_GLUED.finditer(text, window_start, line_start))
        start = glued[-1].end() if glued else window_start
        start = max(start, _second_copy(text, start, line_start))
        while start < line_start and text[start].isspace():
            start += 1
        if line_start - start >= 3:
            name = text[name_start:name_end]
            author_name = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", name)  # "JohnCornyn"
            found.append(
                Tweet(start, line_start, author_name, m.group("handle"), name_start, name_end)
            )
        previous = m.end()
    return found


def _author(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The author's name right before "(@handle)": up to six words after a dash, a line break,
    a wide gap or a link."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = end
    words = 0
    while start > lo and words < 6:
        at = start
        while at > lo and not text[at - 1].isspace():
            at -= 1
        word = text[at:start]
        if not word or word in "—–-" or _URL.fullmatch(word):
            break
        start, words = at, words + 1
        gap = start
        while gap > lo and text[gap - 1] == " ":
            gap -= 1
        if start - gap != 1 or (gap > lo and text[gap - 1] in "\n—–"):
            break
        start = gap
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if words and end > start else None


def _second_copy(text: str, lo: int, hi: int) -> int:
    """Where the embedded copy starts when the text before it ends with the same words twice
    (the article's quotation of the tweet, then the tweet): the start of the longest run of
    at least four words that ends at ``hi`` and also ends earlier; else ``lo``."""
    spans = [m for m in re.finditer(r"\w+", text[lo:hi]) if not _URL.match(m.group())]
    words = [m.group().lower() for m in spans]
    best, best_len = lo, 3
    for j in range(len(words) - 1):
        k = 0
        while k <= j and words[j - k] == words[-1 - k] and j - k < len(words) - 1 - k:
            k += 1
        if k > best_len and len(words) - k > j:
            best, best_len = lo + spans[len(words) - k].start(), k
    return best


def _tweet_at(tweets: list[Tweet], char: int) -> Tweet | None:
    return next((t for t in tweets if t.start <= char < t.end), None)


def _tweet_frame(doc: Document, tweet: Tweet, state: _State) -> _Frame:
    """The author of an embedded tweet as a frame: a cited outlet, or a speaker."""
    frame = _Frame(tweet=True)
    span = (tweet.author, tweet.author_start, tweet.author_end)
    if _is_own(doc, tweet.author):
        frame.own = True
        return frame
    outlet = actor_stage.outlet(tweet.author)
    if outlet is not None:
        frame.cited, frame.cited_text = outlet, span
        return frame
    actor = _covering(doc, tweet.author_start, tweet.author_end)
    if actor is None:
        found = actor_stage.lookup(tweet.author, on=doc.published)
        if found is not None:
            start = tweet.author_start + found.start
            actor = Actor(**{**found.to_dict(), "start": start, "end": start + found.end})
    frame.speaker = actor
    frame.speaker_name = (actor.name if actor and actor.name else None) or tweet.author
    frame.speaker_text = span
    return frame


def _remember(doc: Document, pdoc: Any, offset: int, frames: list[_Frame], state: _State) -> None:
    """Note the outlets this sentence cites, for "the outlet" in later sentences."""
    for frame in frames:
        if frame.cited:
            state.last_outlet = frame.cited
    for tok in _verbs(pdoc):
        if _is_speech(tok):
            subj = _subject(tok)
            if subj is not None:
                outlet = actor_stage.outlet(_phrase(subj).text)
                if outlet is not None and not _is_own(doc, _phrase(subj).text):
                    state.last_outlet = outlet


def _is_own(doc: Document, text: str) -> bool:
    """Whether a phrase names the publishing outlet itself."""
    if not doc.source:
        return False
    a, b = _fold(text), _fold(doc.source)
    return len(a) > 2 and (a == b or a.endswith(" " + b) or f" {b} " in f" {a} ")


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()).removeprefix("the ")


# -- status ----------------------------------------------------------------------------------


def _modality(tok: Any, plover: str | None = None) -> tuple[str | None, bool]:
    """(negated / hypothetical / predicted / None, whether an intent cue such as "will",
    "vowed to" or "plans to" made it predicted) from the trigger's clause and its governors.
    An "if" clause on the trigger itself makes it hypothetical (``CONDITIONAL``: a hostile act
    the acting side's own speaker announces under a condition is still a threat, see
    ``_apply``), except for a threat (``plover`` THREATEN), which states its condition:
    "threatened to destroy X if attacked" is a threat."""
    cues = _cues()
    conditional_types = plover != "THREATEN"
    path = []
    node = tok
    while True:
        path.append(node)
        # a relative clause or apposition has its own tense and modality; so has a presupposed
        # noun ("his crackdown") and a past temporal clause ("after Russia banned adoptions")
        if (
            node.head.i == node.i
            or _is_speech(node.head)
            or node.dep_ in {"relcl", "appos"}
            or modality.presupposed(node)
            or modality.background(node)
        ):
            break
        node = node.head
        if len(path) > 10:
            break
    negated = hypothetical = predicted = intent = possible = conditioned = False
    last = path[-1]
    if (  # a speech verb that negates what it governs: "Iran denied attacking the tanker"
        last.head.i != last.i
        and last.dep_ != "conj"
        and last.head.lemma_.lower() in cues.negating_verbs
    ):
        negated = True
    for i, node in enumerate(path):
        kids = list(node.children)
        if any(
            c.dep_ == "neg" or (c.lower_ in cues.negating_words and c.dep_ in {"neg", "det"})
            for c in kids
        ):
            negated = negated or i <= 1 or (node.pos_ in {"VERB", "AUX"} and i <= 2)
        if i > 0 and node.lemma_.lower() in cues.negating_verbs and path[i - 1].dep_ != "conj":
            negated = True
        if any(c.dep_ == "mark" and c.lower_ in cues.conditionals for c in kids):
            hypothetical = True
        if i == 0 and conditional_types and any(_conditional(c, cues) for c in kids):
            conditioned = True  # "Moore should step aside if they are true"
        if i == 0 and any(
            c.dep_ in {"amod", "advmod"} and c.lower_ in cues.uncertain_words for c in kids
        ):
            possible = True  # "possible collusion", "possibly coordinated"
        weighed = modality.uncertain(node)  # "investigating whether", "whether to"
        hypothetical = hypothetical or weighed == "hypothetical"
        predicted = predicted or weighed == "predicted"
        if any(c.dep_ == "aux" and c.lower_ in cues.modals for c in kids):
            predicted = True
            intent = intent or any(c.dep_ == "aux" and c.lower_ in cues.intent for c in kids)
        if any(c.dep_ in {"amod", "advmod"} and c.lower_ in cues.predicting_words for c in kids):
            predicted = True
        if (
            i > 0
            and not _past_attempt(node, cues)
            and (
                node.lemma_.lower() in cues.predicting_verbs or node.lower_ in cues.predicting_words
            )
        ):
            predicted = True
            intent = intent or node.lemma_.lower() in cues.intent
        if any(c.lower_ == "going" and any(g.lower_ == "to" for g in c.children) for c in kids):
            predicted = intent = True
    if negated:
        return "negated", False
    if hypothetical:
        return "hypothetical", False
    if conditioned:  # hypothetical, unless the acting side's own speaker threatens it
        return CONDITIONAL, intent and predicted
    if possible and not predicted:  # a possible act in the future is predicted ("could")
        return POSSIBLE, False
    if predicted:
        return "predicted", intent
    return None, False


def _past_attempt(node: Any, cues: _Cues) -> bool:
    """An attempt verb in the past or perfect ("sought to punish", "has tried to persuade"):
    the attempt took place, so it puts the act it governs in no future."""
    return node.lemma_.lower() in cues.attempt_verbs and node.tag_ in _PAST_TAGS


def _conditional(clause: Any, cues: _Cues) -> bool:
    """An adverbial clause under "if"/"unless" ("... if they are true")."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in cues.conditionals for c in clause.children
    )


def _apply(doc: Document, event: Event, tok: Any, frames: list[_Frame], state: _State) -> None:
    chain: list[Source] = []
    if doc.source:
        chain.append(Source(role="outlet", name=doc.source))
    speaker: _Frame | None = None
    predicts = any(f.predicts for f in frames)
    frames = [f for f in frames if not f.own]
    for frame in reversed(frames):  # outermost first
        if frame.cited and all(s.name != frame.cited for s in chain if s.role == "cited"):
            text = frame.cited_text
            chain.append(
                Source(
                    role="cited",
                    name=frame.cited,
                    text=text and text[0],
                    start=text and text[1],
                    end=text and text[2],
                )
            )
        if frame.speaker_name:
            speaker = frame
    if speaker is not None:
        key = speaker.speaker_name or ""
        if not any(s.role == "cited" for s in chain) and key in state.speaker_outlet:
            chain.append(Source(role="cited", name=state.speaker_outlet[key]))
        cited_here = next((s.name for s in chain if s.role == "cited"), None)
        if cited_here and key:
            state.speaker_outlet.setdefault(key, cited_here)
        text = speaker.speaker_text
        chain.append(
            Source(
                role="speaker",
                name=speaker.speaker_name or (text[0] if text else ""),
                text=text and text[0],
                start=text and text[1],
                end=text and text[2],
                code=speaker.speaker.code if speaker.speaker else None,
            )
        )
    speech_act = event.plover in _cues().speech_acts
    tweeted = any(f.tweet for f in frames)
    author = speaker.speaker if tweeted and speaker is not None else None
    if (
        speech_act
        and author is not None
        and (event.source is None or event.source.kind == "pronoun")
    ):
        event.source = author  # "Wrong! ..." tweeted: the author's own act
    own_words = (
        speech_act
        and not tweeted
        and speaker is not None
        and _same_actor(speaker.speaker, event.source)
    )
    if (
        speech_act
        and speaker is None
        and event.source is not None
        and event.source.code
        and not _deed(tok)
    ):
        # "The White House condemned ...": the act's author is its speaker; not of a deed
        # ("the group sued the ministry", "a judge sided with the city")
        chain.append(_speaker_source(event.source))
    event.attribution = chain
    status = "asserted"
    if any(s.role == "cited" for s in chain):
        status = "reported"
    if speaker is not None and not speaker.journalist and not own_words:
        # a speech act narrated by the outlet ("X said Y was to blame") is asserted
        status = "quoted"
    modal, intent = _modality(tok, event.plover) if tok is not None else (None, False)
    if (
        modal is None
        and predicts
        and not own_words
        and not (tok is not None and modality.presupposed(tok))
    ):
        modal = "predicted"  # "warned that ... could be halted", but not "Washington's funding"
    if modal == POSSIBLE:  # "warned of a possible attack": ahead; "possible collusion": uncertain
        modal = "predicted" if predicts else "hypothetical"
    speaker_actor = speaker.speaker if speaker is not None else None
    _our_nation(doc, event, speaker_actor)
    _first_person(event, speaker_actor)
    if (
        modal in ("predicted", CONDITIONAL)
        and intent
        and event.plover in _HOSTILE
        and speaker_actor is not None
        and speaker_actor.code
        and speaker_actor.sector != "media"
        and _same_side(speaker_actor, event.source)
    ):
        event.plover, event.cameo = "THREATEN", "13"
        event.source = speaker_actor
        modal = None
    if modal == CONDITIONAL:
        modal = "hypothetical"
    event.status = modal or status
    for actor in (event.source, event.target):
        if actor is not None and actor.kind == "pronoun":
            if event.source is actor:
                event.source = None
            else:
                event.target = None


@cache
def _deed_verbs() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("deed_verbs_wordnet.yaml")["deed_verbs"])


def _deed(tok: Any) -> bool:
    """Whether a trigger is a verb that names a deed, never words ("sued", "sided with",
    "lobbied": ``data/deed_verbs_wordnet.yaml``, generated from WordNet's verb classes)."""
    return tok is not None and tok.pos_ == "VERB" and tok.lemma_.lower() in _deed_verbs()


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    return a.start == b.start or (bool(a.code) and a.code == b.code)


def _speaker_source(actor: Actor) -> Source:
    return Source(
        role="speaker",
        name=_spoken_name(actor),
        text=actor.text,
        start=actor.start,
        end=actor.end,
        code=actor.code,
    )


def _spoken_name(actor: Actor) -> str:
    """A speaker's name: a person's or body's own name ("Donald Trump", "White House"), or the
    words of the text for a body sitmap names only by country and sector ("U.S. congressional
    committee members", not "American legislature"); a body the text names by its initials
    speaks under them ("the EPA said", not "U.S. Environmental Protection Agency"), a capital
    under its own name ("Beijing", not "China")."""
    name = actor.name or ""
    generated = bool(actor.sector) and (name == actor.sector or name.endswith(f" {actor.sector}"))
    initials = actor.kind == "organisation" and _INITIALS.fullmatch(actor.text or "") is not None
    return actor.text if generated or initials or _capital(actor) or not name else name


def _capital(actor: Actor) -> bool:
    """Whether an actor is a capital standing for its government ("Moscow has denied"): it
    speaks under the capital's name, as the text names it, not the country's."""
    if actor.kind != "organisation" or not actor.text or actor.text == actor.name:
        return False
    place = actor_stage.place_actor(actor.text)
    return place is not None and place.kind == "organisation" and place.code == actor.code


_INITIALS = re.compile(r"[A-Z][A-Z.]{1,7}")


def _our_nation(doc: Document, event: Event, speaker: Actor | None) -> None:
    """"Our" nation as a side ("hacked our election": ``events.sides``) is the state of the
    speaker's country, or in the outlet's own voice the country the document is about."""
    for role in ("source", "target"):
        actor = getattr(event, role)
        if actor is None or actor.kind != "pronoun" or actor.text.lower() != "our":
            continue
        country = speaker.country if speaker else actor_stage.focus_country(doc.actors)
        if country:
            setattr(event, role, replace(actor, country=country, code=country, kind="state"))


def _first_person(event: Event, speaker: Actor | None) -> None:
    if speaker is None or not speaker.code:
        return
    for role in ("source", "target"):
        actor = getattr(event, role)
        if (
            actor is not None
            and actor.kind == "pronoun"
            and actor.text.lower() in {"we", "i", "us"}
        ):
            setattr(event, role, speaker)


def _same_side(speaker: Actor, source: Actor | None) -> bool:
    if source is None or source.kind == "pronoun":
        return True
    return bool(speaker.country) and speaker.country == source.country
