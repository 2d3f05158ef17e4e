"""Who a clause is attributed to: speech-verb, "according to", quotation and tweet frames."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitmap import actors as actor_stage
from sitmap import modality
from sitmap.attribution.cues import _COMPLEMENTS, _cues
from sitmap.attribution.tweets import Tweet
from sitmap.model import Actor, Document
from sitmap.tokens import table


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


# -- frames -----------------------------------------------------------------------------------


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
    if child.dep_ == "conj" and _shares_subject(child):
        return False  # "has denied the claims and apologized": a second act of the speaker's
    if child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _TEMPORAL_MARKS for m in child.children
    ):
        return False  # "said ..., while Trump is on his first trip to Asia": when it was said
    return child.dep_ in _COMPLEMENTS and not (child.dep_ == "advcl" and child.i < verb.i)


_TEMPORAL_MARKS = frozenset({"while", "when", "as", "after", "before", "since", "once", "until"})


def _shares_subject(clause: Any) -> bool:
    """Whether a verb coordinated with a speech verb has no subject, mark or auxiliary of its
    own ("denied the claims *and apologized* to the women"): the speaker's own next act,
    narrated by the outlet, not what the speech verb reports ("said the army would withdraw
    and *would* hold talks" keeps a clause of its own under the speech verb's scope)."""
    if clause.pos_ != "VERB" or clause.tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
        return False
    return not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl", "mark", "aux", "auxpass"} for c in clause.children
    )


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


def _spoken_name(actor: Actor) -> str:
    """A speaker's name: a person's or body's own name ("Donald Trump", "White House"), or the
    words of the text for a body sitmap names only by country and sector ("U.S. congressional
    committee members", not "American legislature"); a body the text names by its initials
    speaks under them ("the EPA said", not "U.S. Environmental Protection Agency"), a capital
    under its own name ("Beijing", not "China"), a party named by its members under their
    word ("Republicans said", not "Republican Party": eval/GUIDE.md, "as the text names it")."""
    name = actor.name or ""
    generated = bool(actor.sector) and (name == actor.sector or name.endswith(f" {actor.sector}"))
    initials = actor.kind == "organisation" and _INITIALS.fullmatch(actor.text or "") is not None
    special = generated or initials or _capital(actor) or _members(actor)
    return actor.text if special or not name else name


def _members(actor: Actor) -> bool:
    """Whether a party is named by its members ("Republicans", "Senate Democrats"), not by
    the party's name ("the Republican Party", "the GOP")."""
    words = _fold(actor.text or "").split()
    return actor.sector == "party" and bool(words) and "party" not in words and words[-1][-1] == "s"


def _capital(actor: Actor) -> bool:
    """Whether an actor is a capital standing for its government ("Moscow has denied"): it
    speaks under the capital's name, as the text names it, not the country's."""
    if actor.kind != "organisation" or not actor.text or actor.text == actor.name:
        return False
    place = actor_stage.place_actor(actor.text)
    return place is not None and place.kind == "organisation" and place.code == actor.code


_INITIALS = re.compile(r"[A-Z][A-Z.]{1,7}")
