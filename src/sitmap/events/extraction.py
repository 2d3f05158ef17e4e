"""Events of a document: ``extract(doc)`` walks the parsed sentences, finds triggers, resolves
their sides and builds :class:`~sitmap.model.Event` records."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sitmap import actors, mobs
from sitmap.events import senses
from sitmap.events.arguments import (
    _arguments,
    _between,
    _coordinated,
    _event_agents,
    _judgement,
    _means_agents,
    _merged_into_verb,
    _misattached_conjunct,
    _no_finding,
    _other_targets,
    _press,
    _threatened,
    reciprocal,
)
from sitmap.events.finder import _ActorFinder
from sitmap.events.lexicon import _Entry, _lexicon, _trigger, demand, threat_content
from sitmap.events.sides import (
    _court_sides,
    _implicit_sides,
    _occurring,
    _pair_sides,
    _uncoded_doer,
    _unnamed_doer,
    _verbal,
    our_nation,
    verbal_clause,
)
from sitmap.events.syntax import (
    _children,
    _clause_span,
    _expand,
    _inherited_subject,
    _pobjs,
)
from sitmap.model import Actor, Document, Event
from sitmap.tokens import table

# entity types whose names hold event nouns without being events ("the Paris Agreement")
_NAMED_THINGS = {"LAW", "WORK_OF_ART", "ORG", "FAC", "PRODUCT"}
_PRESS_TYPES = frozenset({"REJECT", "ACCUSE"})  # denials and attacks on what the press reported
_CHAIN = 3  # sentences before the previous one a "he"/"she" chain may reach back over


def extract(doc: Document) -> Document:
    """Fill ``doc.events`` from the parsed sentences and the coded actors."""
    doc.events = []
    for index in sorted(doc._parses):
        sentence = doc.sentences[index]
        previous = doc.sentences[index - 1] if index > 0 else None
        earlier = doc.sentences[max(0, index - 1 - _CHAIN) : max(0, index - 1)]
        finder = _ActorFinder(doc.actors, sentence.start, sentence.end, previous, earlier)
        seen: set[tuple] = set()
        for event in _sentence_events(doc, index, doc._parses[index], finder):
            key = (
                event.trigger_start,
                event.source and event.source.start,
                event.target and event.target.start,
            )
            if key not in seen:
                seen.add(key)
                doc.events.append(event)
    return doc


_MAY_TRIGGER = frozenset({"VERB", "AUX", "NOUN", "PROPN"})
"""The parts of speech ``_trigger``, ``_no_finding`` and ``demand`` accept (``_judgement``
wants a predicative's lemma)."""


def _sentence_events(doc: Document, index: int, pdoc: Any, finder: _ActorFinder) -> list[Event]:
    sentence = doc.sentences[index]
    offset = sentence.start
    events: list[Event] = []
    tab, predicatives = table(pdoc), _lexicon().predicatives
    for i, pos in enumerate(tab.pos):
        if pos not in _MAY_TRIGGER and tab.lemma[i].lower() not in predicatives:
            continue  # no trigger, verdict, denied finding or demand: read from the table
        tok = pdoc[i]
        judged = _judgement(tok) or _no_finding(tok) or demand(tok)
        if judged is not None:
            entry, nominal = judged[0], False
            source_toks, target_toks = judged[1], judged[2]
            judges = [finder.resolve(t) for t in source_toks]
            if all(a is not None and a.kind == "pronoun" for a in judges):
                continue  # "the US was to blame, he wrote": an unknown judge
        else:
            found = _trigger(tok)
            if found is None:
                continue
            entry, nominal = found
            merged = _merged_into_verb(tok) and not _between(tok, entry)
            if nominal and (merged or tok.ent_type_ in _NAMED_THINGS or _asked_object(tok)):
                continue
            if not nominal and _restating(tok, entry):
                continue  # "a lawsuit *accusing* X": the noun is the act (X its target)
            source_toks, target_toks = _arguments(tok, entry, nominal)
            if nominal:  # "ties to any government": to no one in particular
                target_toks = [t for t in target_toks if not _unspecified(t)]
            if not nominal and entry.prep == "as" and not target_toks:
                target_toks = [c for c in tok.children if c.dep_ == "dobj"]  # "X's acts as"
            if not nominal and not target_toks and senses.one_act(tok, entry.type, _trigger):
                continue  # "had never met or spoken to Trump": one contact
        sources = [finder.resolve(t) for t in _expand(source_toks)]
        targets = [finder.resolve(t) for t in _expand(target_toks)]
        if not nominal and not any(a is not None and a.code for a in sources):
            sources = (
                _misattached_conjunct(tok, finder)
                or _means_agents(tok, finder)
                or _author(tok, finder)
                or sources
            )
        if not nominal and entry.type in _PARTNER_TYPES:
            targets = _partners(tok, finder, target_toks) or targets  # "discussed X with Y"
        if not any(targets):  # "discussed the resolution with Sisi", "attacks by X on Y"
            other = _other_targets(tok, entry, target_toks, nominal)
            resolved = [finder.resolve(t) for t in _expand(other)]
            targets = resolved if any(resolved) else targets
        if not nominal and target_toks and not any(targets) and entry.type == "THREATEN":
            targets = _threatened(target_toks[0], finder)  # "threatened war with North Korea"
        if not nominal and not any(targets) and entry.type == "THREATEN":
            targets = _content_targets(tok, finder) or targets  # "warned it would hit X"
        if not nominal and entry.type == "ACCUSE" and _coded(sources) and not _coded(targets):
            targets = _accused(tok, finder, sources) or targets  # "alleged that the police ..."
        asks = entry.type == "REQUEST" and not entry.needs_target
        if asks and _coded(sources) and not _coded(targets):
            targets = _mandated(tok, finder, sources) or targets  # "demanded that X resign"
        if not nominal and not any(targets) and entry.type == "THREATEN":
            aimed = [finder.resolve(t) for t in _expand(senses.threatened_objects(tok))]
            targets = [a for a in aimed if a is not None and a.code] or targets  # "to destroy X"
        if not nominal and target_toks and not any(targets):
            targets = _event_agents(target_toks[0], finder) or finder.owners(target_toks[0], tok)
        if not nominal and entry.type in _PRESS_TYPES and _coded(sources) and not _coded(targets):
            targets = _press(target_toks, sources, finder) or targets  # "dismissed reports"
        if not nominal and not _coded(targets):
            targets = _complement_targets(tok, finder, sources) or targets  # "refused to meet X"
        act = _participle_act(tok, entry) if nominal and not _coded(targets) else None
        if act is not None:  # "a lawsuit accusing *Chevron*", "attacks targeting *Riyadh*"
            told = [finder.resolve(t) for t in _expand(_arguments(*act, False)[1])]
            targets = [a for a in told if a is not None and a.code] or targets
        if nominal and not any(sources):
            mods = finder.modifiers(tok)
            if mods and not any(targets):  # "U.S.-Russian proxy war"
                sources = [mods[0]]
                targets = [mods[1]] if len(mods) > 1 else [None]
            elif mods:  # "U.S. military operations against al-Qaeda"
                sources = [m for m in mods if all(m.start != t.start for t in targets if t)][:1]
        if entry.foreign and not _coded(sources):
            sources = _arriver(tok, finder) or sources  # "upon arrival in Nairobi, X met ..."
        sources = [a for a in sources if a is not None] or [None]
        targets = [_visited(a) if entry.destination else a for a in targets if a is not None]
        targets = targets or [None]
        if entry.type in _lexicon().symmetric_types and len(source_toks) == 1:
            sources = _coordinated(source_toks[0], finder) or sources
        sources, targets = _pair_sides(entry, sources, targets)
        if reciprocal(tok) and len(source_toks) == 1 and not any(t for t in targets):
            sides = _coordinated(source_toks[0], finder)  # "Indian and Pakistani troops"
            sources, targets = (sides[:1], sides[1:2]) if len(sides) >= 2 else (sources, targets)
        pair = _pobjs(tok, {"between"}) if nominal and not _coded(sources) else []
        if len(pair) == 1 and (entry.type == "ASSAULT" or reciprocal(tok)):
            sides = _coordinated(pair[0], finder)  # "between Indian and Pakistani troops"
            sources, targets = (sides[:1], sides[1:2]) if len(sides) >= 2 else (sources, targets)
        if nominal and _between(tok, entry):  # one fight between the two sides, not two
            targets = [t for t in targets if t is None or t is not sources[0]][:1] or [None]
            sources = sources[:1]
        occurring = nominal and _occurring(tok, entry)
        if entry.type == "PROTEST" or (
            entry.implicit_source and _unnamed_doer(tok, entry, source_toks, nominal)
        ):
            sources, targets = _implicit_sides(doc, tok, entry, finder, sources, targets)
        elif _uncoded_doer(tok, entry, source_toks, sources, nominal) or (
            occurring and not any(a is not None and a.code for a in sources)
        ):
            implicit = replace(entry, implicit_source=entry.implicit_source or "unidentified")
            named = sources[0] if len(sources) == 1 else None
            sources, targets = _implicit_sides(doc, tok, implicit, finder, sources, targets)
            if named is not None and sources[0] is not None:  # keep the words of the doer
                sources = [replace(sources[0], text=named.text, start=named.start, end=named.end)]
                if mobs.rebel_named(named.text):  # "the West Papua Liberation Army": rebels
                    sources = [mobs.as_rebels(sources[0])]
        sources, targets = _court_sides(tok, entry, finder, sources, targets, nominal)
        targets = our_nation(tok, finder, targets)  # "hacked our election"
        coded = any(a is not None and a.code for a in (*sources, *targets))
        has_args = bool(source_toks or target_toks) or coded
        if (entry.weak or nominal) and not coded:
            continue
        if entry.needs_source and not _coded(sources):
            continue  # "analysts said Iran must ...": no actor's demand
        if (
            entry.needs_target
            and not occurring
            and not any(a is not None and a.code for a in targets)
            and not (entry.destination and _places(_expand(target_toks)))
        ):
            continue
        if not has_args:
            continue
        start, end = _clause_span(tok, source_toks + target_toks)
        own = list(tok.subtree)
        span_text = pdoc.text[own[0].idx : own[-1].idx + len(own[-1])]
        pairs = [(s, t) for s in sources for t in targets]
        if reciprocal(tok) and entry.type not in _lexicon().symmetric_types:
            # "traded insults with Kim": each side did it to the other (a meeting is coded once)
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
        for source, target in pairs:
            if source is not None and target is not None and source.start == target.start:
                continue
            if entry.needs_source and _own_side(source, target):
                continue  # "Erdogan said Turkey must defend itself": his own state's duty
            if entry.foreign and not _abroad(source, target):
                continue  # "arrived in Texas", "a missile landed in ...": no visit
            if senses.domestic_procedure(tok, entry.type, source, target, finder.actors):
                continue  # "Congress reached a deal on tax legislation": procedure, no event
            events.append(
                _event(
                    doc,
                    index,
                    tok,
                    entry,
                    source,
                    target,
                    offset + start,
                    offset + end,
                    _mode(entry, span_text),
                )
            )
    return events


# types whose "with" names the other party and whose direct object may be only the topic
_PARTNER_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_PARTIES = frozenset({"person", "organisation"})


def _partners(tok: Any, finder: _ActorFinder, target_toks: list[Any]) -> list[Actor]:
    """The coded party of a meeting, a deal or cooperation named by "with" when the direct
    object is what is discussed or agreed, not a party: "discussed *Chinese* trade policy with
    South Korean officials" (not China), "discussed the border with Museveni" (the parser may
    hang "with" on the object). A person or body as the object is a party itself ("met
    Putin"): no change."""
    objects = [t for t in target_toks if t.dep_ == "dobj"]
    if not objects:
        return []
    for obj in objects:
        named = finder.covering(obj)
        if named is not None and named.code and named.kind in _PARTIES:
            return []
    heads = _pobjs(tok, {"with"}) + [p for o in objects for p in _pobjs(o, {"with"})]
    found = [finder.resolve(t) for t in _expand(heads)]
    return [a for a in found if a is not None and a.code]


def _content_targets(tok: Any, finder: _ActorFinder) -> list[Actor]:
    """The coded targets of what a threat threatens ("vowed to retaliate against *Israel*",
    "warned it would strike *Greece*"): the threat's own target, the act not coded itself."""
    for clause, entry in threat_content(tok):
        _, target_toks = _arguments(clause, entry, False)
        found = [finder.resolve(t) for t in _expand(target_toks)]
        coded = [a for a in found if a is not None and a.code]
        if coded:
            return coded
    return []


# prepositions whose object a controlled complement acts on ("agreed to pay $6 million *to* the
# government", "refused to cooperate *with* the FBI", "vowed to fight *against* X")
_COMPLEMENT_PREPS = frozenset({"to", "with", "against"})


def _complement_targets(tok: Any, finder: _ActorFinder, sources: list[Actor | None]) -> list[Actor]:
    """Whom a verb's own act is done to when a to-infinitive complement names it: the coded
    object of the complement ("refused *to meet* Xi", "agreed *to pay* $6 million to the U.S.
    government", "declined *to refer* Clinton"). Only for a complement that shares the verb's
    subject (the verb has no object of its own: "urged Iran to attack X" asks Iran, not X)
    and names someone other than the subject; not one done to the subject itself (a
    reflexive object: "promised to surround himself with the best people")."""
    if _children(tok, {"dobj", "dative"}):
        return []
    doers = {(a.name or a.text) for a in sources if a is not None}
    for clause in tok.children:
        if clause.dep_ != "xcomp" or clause.pos_ != "VERB":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        if _children(clause, {"nsubj", "nsubjpass"}):
            continue
        direct = _children(clause, {"dobj", "dative"})
        if any(t.lower_.endswith(("self", "selves")) for t in direct):
            continue  # "promised to surround himself with the best people": his own act
        objects = direct + _pobjs(clause, _COMPLEMENT_PREPS)
        found = [finder.resolve(t) for t in _expand(objects)]
        coded = [a for a in found if a is not None and a.code and (a.name or a.text) not in doers]
        if coded:
            return coded
    return []


# prepositions whose clause says what a complaint is about ("complained *about* why X did not")
_ISSUE_PREPS = frozenset({"about", "over"})


def _accused(tok: Any, finder: _ActorFinder, sources: list[Actor | None]) -> list[Actor]:
    """Whom an accusation's that-clause accuses: the clause's active subject ("alleged that
    *the police* had rigged the vote", "complained that *the media* was unfair", "complained
    about why *the minister* did not resign"), when it is a coded actor; not an expletive
    ("complained that it was raining") nor the accuser himself ("whined about how *he* is
    working hard")."""
    accusers = {(a.name or a.text) for a in sources if a is not None}
    clauses = [c for c in tok.children if c.dep_ == "ccomp"] + [
        c
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in _ISSUE_PREPS
        for c in p.children
        if c.dep_ == "pcomp"
    ]
    for clause in clauses:
        if clause.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        found = [finder.resolve(t) for t in _expand(subjects) if t.lower_ not in {"it", "there"}]
        coded = [
            a for a in found if a is not None and a.code and (a.name or a.text) not in accusers
        ]
        if coded:
            return coded
    return []


# a clause a directive verb governs that is a question, not what is asked for ("asked
# whether Russia had ...")
_QUESTION_MARKS = frozenset({"whether", "if"})
# the subjunctive is the verb's bare form, which the tagger reads as VB or, after a subject, as
# a present not of the third person singular (VBP); "stopped", "stops" state a fact
_BARE_FORMS = frozenset({"VB", "VBP"})


def _mandated(tok: Any, finder: _ActorFinder, sources: list[Actor | None]) -> list[Actor]:
    """Whom a request in a that-clause asks to act: the subject of its mandative clause, the
    one the clause obliges ("demanded that *Sessions* investigate Clinton", "urged that *the
    Pentagon* release the report", "his request that *Congress* provide the money"). The
    clause must be one of obligation, a bare verb (the subjunctive) or a modal ("should",
    "must"), not a statement or a question ("asked whether Russia had ..."); the subject must
    be a coded actor other than the one who asks."""
    asking = {(a.name or a.text) for a in sources if a is not None}
    for clause in tok.children:
        if clause.pos_ not in {"VERB", "AUX"}:
            continue
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if clause.dep_ != ("ccomp" if tok.pos_ in {"VERB", "AUX"} else "acl") or (
            clause.dep_ == "acl" and not that  # "his request that *Congress* provide $1bn"
        ):
            continue
        if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in clause.children):
            continue
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
        if not modal and (clause.tag_ not in _BARE_FORMS or _children(clause, {"aux", "auxpass"})):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        told = [t for t in _expand(subjects) if t.lower_ not in {"it", "there"}]
        found = [_obliged(t, finder, asking) for t in told]
        coded = [a for a in found if a is not None and a.code and (a.name or a.text) not in asking]
        if coded:
            return coded
    return []


_OBLIGED_PRONOUNS = frozenset({"he", "she", "they"})


def _obliged(tok: Any, finder: _ActorFinder, asking: set[str]) -> Actor | None:
    """The actor the subject of a mandative clause names. A personal pronoun there is someone
    other than the one who asks ("attacked Sessions and demanded *he* resign", "met Magufuli
    and urged that *he* reopen the border"): when it would stand for the asker, it is the
    nearest agreeing person named before it instead."""
    actor = finder.resolve(tok)
    if tok.lower_ not in _OBLIGED_PRONOUNS or tok.pos_ != "PRON":
        return actor
    if actor is not None and actor.code and (actor.name or actor.text) not in asking:
        return actor
    return finder.earlier_mention(tok)


def _own_side(source: Actor | None, target: Actor | None) -> bool:
    """Whether a target is the source itself or the source's own state ("Erdogan said
    *Turkey* must ..."): no demand on another actor."""
    if source is None or target is None:
        return False
    same_state = not target.sector and target.country == source.country
    return target.code == source.code or same_state


def _asked_object(tok: Any) -> bool:
    """Whether an event noun is the bound object of an act that is itself only asked for or
    threatened ("urging Beijing to *cut* financial links with X", "urged Y to impose
    *sanctions*"): the appeal is coded, not what it asks for."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.pos_ != "VERB" or _trigger(verb) is not None:
        return False
    found = _trigger(verb, content=True)
    return found is not None and tok.lemma_.lower() in found[0].objects


def _unspecified(tok: Any) -> bool:
    """A phrase that names no one in particular: "any government", "no country"."""
    return any(c.dep_ == "det" and c.lower_ in {"any", "no"} for c in tok.children)


def _author(tok: Any, finder: _ActorFinder) -> list[Actor]:
    """Who says what a participle on a document says: the document's possessor or "by"
    agent, else the subject of the verb that issues it ("Kenya *sent* a letter *urging* X",
    "diplomats signed a statement *supporting* Y", "Egypt's note protesting ...")."""
    document = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or document.i == tok.i:
        return []
    if document.lemma_.lower() not in _lexicon().documents:
        return []
    heads = _children(document, {"poss"}) + _pobjs(document, {"by"})
    if not heads and document.dep_ == "dobj":
        heads = _children(document.head, {"nsubj"}) or _inherited_subject(document.head)
    found = [finder.resolve(t) for t in _expand(heads)]
    return [a for a in found if a is not None and a.code]


def _restating(tok: Any, entry: _Entry) -> bool:
    """Whether a present participle restates the event noun it modifies, of its own type ("a
    lawsuit *accusing* X", "attacks *targeting* Riyadh"): one act, coded on the noun."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    found = _trigger(noun)
    return found is not None and found[1] and found[0].type == entry.type


def _participle_act(tok: Any, entry: _Entry) -> tuple[Any, _Entry] | None:
    """A present participle on an event noun that is an act of the noun's own type, which
    tells the act with its target ("a lawsuit *accusing* Chevron of ...", "a complaint
    *accusing* Saudi Arabia"), with its lexicon entry; or None."""
    for child in tok.children:
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.pos_ == "VERB":
            found = _trigger(child)
            if found is not None and not found[1] and found[0].type == entry.type:
                return child, found[0]
    return None


def _arriver(tok: Any, finder: _ActorFinder) -> list[Actor]:
    """Who arrives, when an arrival is a time adjunct of another clause ("*upon arrival* in
    Nairobi, the minister met ...", "after *landing* in Seoul, she said ..."): that clause's
    subject."""
    prep = tok.head
    if tok.dep_ not in {"pobj", "pcomp"} or prep.lower_ not in {"upon", "on", "after"}:
        return []
    found = [finder.resolve(t) for t in _expand(_children(prep.head, {"nsubj"}))]
    return [a for a in found if a is not None and a.code]


def _abroad(source: Actor | None, target: Actor | None) -> bool:
    """Whether an arrival is a visit: a coded person or body (not a state read off a modifier,
    "a North Korean missile") reaching a coded state other than its own ("arrived in Japan")."""
    if source is None or target is None or not source.code or not target.code:
        return False
    visitor = source.kind in {"person", "organisation"}
    return visitor and target.kind == "state" and target.country != source.country


def _coded(found: list[Actor | None]) -> bool:
    return any(a is not None and a.code for a in found)


def _places(tokens: list[Any]) -> bool:
    """Whether a trip's destination is a named place that is no state ("a trip to Asia",
    "his tour of the Middle East"): the trip is a visit there, its host unnamed."""
    return any(t.ent_type_ in {"GPE", "LOC"} for t in tokens)


def _visited(actor: Actor) -> Actor:
    """The state a capital stands for when it is the place visited ("Trump's visit to
    Beijing" is a visit to China, CHN), not the government the capital names elsewhere."""
    place = actors.place_actor(actor.text) if actor.kind == "organisation" else None
    if place is None or place.kind == "state" or place.code != actor.code:
        return actor
    return replace(actor, code=place.country, sector=None, kind="state", name=place.name)


def _mode(entry: _Entry, text: str) -> str | None:
    if entry.mode:
        return entry.mode
    lowered = f" {text.lower()} "
    for word, mode in _lexicon().modes.items():
        if f" {word}" in lowered:
            return mode
    return None


def _event(
    doc: Document,
    index: int,
    tok: Any,
    entry: _Entry,
    source: Actor | None,
    target: Actor | None,
    start: int,
    end: int,
    mode: str | None,
) -> Event:
    sentence = doc.sentences[index]
    trigger_start = sentence.start + tok.idx
    plover, cameo = entry.type, entry.cameo
    lex = _lexicon()
    if entry.civil and source is not None and source.sector in lex.civil_sectors:
        plover, cameo = entry.civil
    if (
        entry.verbal
        and mode is None
        and (_verbal(source, target, lex) or verbal_clause(tok, source, target))
    ):
        plover, cameo = entry.verbal
    confidence = 0.4 + (0.2 if source is not None and source.code else 0.0)
    confidence += 0.2 if target is not None and target.code else 0.0
    confidence += 0.0 if entry.weak else 0.1
    return Event(
        doc_id=doc.id,
        sentence=index,
        start=start,
        end=end,
        evidence=sentence.text,
        trigger=tok.text,
        trigger_start=trigger_start,
        trigger_end=trigger_start + len(tok),
        plover=plover,
        cameo=cameo,
        source=source,
        target=target,
        mode=mode,
        confidence=round(min(confidence, 0.95), 2),
    )
