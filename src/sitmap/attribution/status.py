"""An event's epistemic status and attribution chain from its frames (``_apply``)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from sitmap import actors as actor_stage
from sitmap import lexicons, modality
from sitmap.attribution.cues import _HOSTILE, _PAST_TAGS, CONDITIONAL, POSSIBLE, _Cues, _cues
from sitmap.attribution.frames import _Frame, _is_speech, _spoken_name, _State
from sitmap.model import Actor, Document, Event, Source

# -- status ----------------------------------------------------------------------------------


@cache
def _disclosure_verbs() -> frozenset[str]:
    """Verbs that tell of an act without doing it (generated from WordNet by
    tools/wordnet_disclosure.py): what they govern keeps its own modality."""
    return frozenset(map(str, lexicons.yaml_file("disclosure_verbs_wordnet.yaml")["verbs"]))


def _contrasted(path: list[Any], i: int) -> bool:
    """Whether ``path[i - 1]`` is a conjunct set against ``path[i]`` by "but" ("did not resign
    *but* apologised", "came not to praise them but to condemn them"): the negation of the
    first conjunct is not the second's."""
    if i == 0 or path[i - 1].dep_ != "conj":
        return False
    second = path[i - 1]
    return any(
        c.dep_ == "cc" and c.lower_ == "but" and c.i < second.i
        for c in (*path[i].children, *second.children)
    )


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
            or node.head.lemma_.lower() in _disclosure_verbs()
        ):
            break  # "failed to disclose the meetings": the meetings' own modality holds
        if _own_tense(node, cues):
            break  # "said the economy would open up and welcomed U.S. firms": told as done
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
        if not _contrasted(path, i) and any(
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
        if i == 0 and modality.ahead(node):
            predicted = True  # "ahead of Trump's state visit to Beijing next week"
        if (
            i > 0
            and not _past_attempt(node, cues)
            and path[i - 1].dep_ != "conj"  # "threatened to strike, and expelled diplomats"
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


def _own_tense(node: Any, cues: _Cues) -> bool:
    """Whether ``node`` is a past-tense verb coordinated with a verb under a modal or "to" ("said
    the economy *would* become open and *welcomed* U.S. firms", "threatened *to* retaliate and
    *expelled* 35 diplomats"): a finite verb of its own tense shares no auxiliary with the verb
    it is coordinated with, so that verb's modal is not its modality."""
    head = node.head
    return (
        node.dep_ == "conj"
        and node.tag_ == "VBD"
        and head.tag_ in {"VB", "VBN"}
        and any(
            c.dep_ == "aux" and (c.lower_ in cues.modals or c.lower_ == "to") for c in head.children
        )
    )


@cache
def _stance() -> tuple[frozenset[str], frozenset[str]]:
    d = lexicons.yaml_file("attribution.yaml")
    return frozenset(d["stance_verbs"]), frozenset(d["stance_carriers"])


_PLAIN_FUTURE = {"will", "would", "'ll", "'d"}


def _declared_stance(tok: Any) -> bool:
    """Whether a stance verb ("support", "oppose") is held on ("continue to") under only
    "will" / "would" in a clause a speech verb reports ("said it would continue to support
    him"): the stance holds now, and saying so declares it ("would support his appointment"
    is a future vote)."""
    verbs, carriers = _stance()
    if tok.lemma_.lower() not in verbs:
        return False
    if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in carriers:
        return False  # "would support his appointment": a future vote, predicted
    node = tok.head
    auxes = [c.lower_ for c in node.children if c.dep_ == "aux"]
    if not auxes or any(a not in _PLAIN_FUTURE for a in auxes):
        return False  # "could continue to support"
    return node.dep_ == "ccomp" and _is_speech(node.head)


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
    speech_act = event.plover in _cues().speech_acts or _spoken_concession(event, tok)
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
        and _author(event.source)
        and not _deed(tok)
        and not _ruling_body(event.source)
    ):
        # "The White House condemned ...": the act's author is its speaker; not of a deed
        # ("the group sued the ministry", "a judge sided with the city") nor of a court's
        # ruling ("the appeals court rejected the bid")
        chain.append(_speaker_source(event.source))
    event.attribution = chain
    status = "asserted"
    if any(s.role == "cited" for s in chain):
        status = "reported"
    if (
        speaker is not None
        and not speaker.journalist
        and not own_words
        and not (tok is not None and not tweeted and modality.presupposed(tok))
    ):
        # a speech act narrated by the outlet ("X said Y was to blame") is asserted; so is an
        # act the report presupposes as known ("warned that Washington's funding could be
        # halted", "would question him about his past denials")
        status = "quoted"
    modal, intent = _modality(tok, event.plover) if tok is not None else (None, False)
    if (
        modal is None
        and predicts
        and not own_words
        and not (tok is not None and modality.presupposed(tok))
    ):
        modal = "predicted"  # "warned that ... could be halted", but not "Washington's funding"
    if modal == "predicted" and own_words and tok is not None and _declared_stance(tok):
        modal = None  # "said it would continue to support him": the stance is declared now
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


def _spoken_concession(event: Event, tok: Any) -> bool:
    """A concession made in words ("apologized", "pleaded guilty", "conceded the race":
    ``spoken_concessions``), whose author is its speaker as a speech act's is."""
    return (
        event.plover == "CONCEDE"
        and tok is not None
        and tok.lemma_.lower() in _cues().spoken_concessions
    )


def _author(actor: Actor | None) -> bool:
    """Whether a speech act's source can be named as its speaker: a coded actor, or a person
    named in full or a body named that sitmap has no code for ("Jerry Falwell blamed ...",
    "NILE has encouraged Congress ..."); not a pronoun, an unnamed group nor a lone word read
    as a person ("Erdo an s security forces" in a page that lost its letters)."""
    if actor is None:
        return False
    if actor.code:
        return True
    if actor.kind == "person":
        return len((actor.name or "").split()) >= 2
    return actor.kind == "organisation" and bool(actor.name)


@cache
def _deed_verbs() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("deed_verbs_wordnet.yaml")["deed_verbs"])


def _deed(tok: Any) -> bool:
    """Whether a trigger is a verb that names a deed, never words ("sued", "sided with",
    "lobbied": ``data/deed_verbs_wordnet.yaml``, generated from WordNet's verb classes)."""
    return tok is not None and tok.pos_ == "VERB" and tok.lemma_.lower() in _deed_verbs()


def _ruling_body(actor: Actor | None) -> bool:
    """A court, a jury or an unnamed judge or prosecutor (``ruling_sectors``), whose acts are
    rulings, not statements; a named person keeps his words ("Judge William Pauley denied
    ...")."""
    if actor is None or actor.sector not in _cues().ruling_sectors:
        return False
    return not (actor.kind == "person" and actor.name)


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


def _our_nation(doc: Document, event: Event, speaker: Actor | None) -> None:
    """ "Our" nation as a side ("hacked our election": ``events.sides``) is the state of the
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
