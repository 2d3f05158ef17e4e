"""Conflict coding over a whole report: what ACLED's sub-event and actor types need and no
single clause tells. One verb: ``code(doc)``, run after ``events`` (and before ``geo``).

* **What happened to a protest** (``Event.mode`` of PROTEST events), read in the protest's
  sentence and the ``window`` sentences after it (``data/conflict.yaml``): ``violent`` when its
  people used violence ("burned tyres", "threw stones", "clashed with police", or an assault
  by a crowd sector), ``excessive`` when state forces shot, killed, injured or beat them (an
  assault by a state sector, or a force phrase with a state actor named or an armed actor's
  assault or coercion near it: "militants used live ammunition to quell the demonstration"),
  ``intervention``
  when they were dispersed, tear-gassed or arrested; no mode: a peaceful protest. The ACLED
  export writes these as violent demonstration, excessive force against protesters and
  protest with intervention (``export.yaml`` ``acled_types``).
* **Forced disappearance**: an arrest whose sentence or the next tells the person's fate
  hidden ("whereabouts remain unknown", "taken to an unknown location", ``disappearance_words``)
  has mode ``abduct`` (ACLED: abduction/forced disappearance, not arrests).
* **Sexual violence** told anywhere in an assault's sentence (or in the next, when that one
  holds no event of its own) is its mode ("abducted and raped", "beaten and stripped naked"),
  as ACLED codes it before abduction or attack.
* **Claimed attacks**: an assault whose doer goes unnamed (gunmen, an IED, a passive) is the
  one named armed group the report holds responsible ("JNIM claimed responsibility", "likely
  planted by Al Shabaab"); with two or more groups named, nobody is chosen. Without such a
  phrase, the one armed group its own sentence names in a doer's place ("a car bomb set off by
  Al Shabaab militants tore through a hotel, killing twelve"; not a victim, not a speaker,
  no state forces beside it).
* **Deaths told without a doer** ("Al Shabaab detonates grenade in bus; ten killed", "a
  clash ... left four people killed" where the parse finds no event): a sentence that states
  violent deaths (``violent_deaths``, or a death told with a weapon or a wound of war:
  ``weapon_deaths``; no accident or suicide told in it or the sentence before:
  ``not_violent``) and holds no violent
  event, with none before it to take the count (``fatalities.count``), is an assault by an
  unidentified armed group (UAF) with those deaths, its mode from the sentence's words.
* **Deaths in accidents**: a killing with no doer in the text whose sentence tells an
  accident or disaster (``not_violent``: "killed in a road accident", "in a flood") and holds
  no other event is dropped, not coded as an unidentified group's assault.
* **Takeovers won in a fight**: a takeover ("overran the base", "seized the town") whose
  sentence or the ``window`` sentences before it tell another assault ("attacked the army
  camp") has mode ``clash``: the ACLED export writes it as a non-state actor overtaking
  territory; one told alone ("took control of the village and raised their flag") keeps no
  mode and is written as a non-violent transfer of territory (ACLED Codebook 2023).
* **Mob justice** ("caught and killed as a part of 'public justice'"): an assault so told
  whose doer is unnamed, a community or civilians is a mob's (``rioters``; ACLED mob violence).
* **Fights between communities**: a side of an assault whose words name an identity
  ("ethnic", "clan", "Fulani", "Pokot militia") and that is an armed or civilian group, or
  civilians fighting civilians ("farmers and herders clashed"), is recoded to the
  ``communal`` sector (CAMEO MLT; ACLED identity militia).

* **People taken away** ("was taken from his car by gunmen", "were taken away ... to an
  unknown destination"), which the parse gives no event of its own, are abducted: an assault
  of mode ``abduct`` by the armed taker, or by an unidentified group when their fate is
  hidden (``takings``).

Modules: ``tables`` (the word tables, read once), ``deaths`` (accidents dropped, deaths told
without a doer added), ``takings`` (people taken away added as abducted), this one (the rest,
and ``code``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sitmap import actors, fatalities, mobs, tokens
from sitmap.conflict.deaths import drop_accidents, untold_deaths
from sitmap.conflict.deaths import unnamed as _unnamed
from sitmap.conflict.tables import Table as _Table
from sitmap.conflict.tables import load as _table
from sitmap.conflict.tables import sentence as _sentence
from sitmap.conflict.takings import taken_people
from sitmap.model import Actor, Document, Event

PROTEST_MODES = ("violent", "excessive", "intervention")


def code(doc: Document) -> Document:
    """Set the mode of each PROTEST event from its report and recode communal fighters."""
    table = _table()
    drop_accidents(doc, table)
    _noun_fights(doc, table)
    untold_deaths(doc, table)
    taken_people(doc, table)
    held = responsible_group(doc, table)
    for event in doc.events:
        if held is not None and event.plover == "ASSAULT" and _unnamed(event):
            event.source = replace(held, score=min(held.score, 0.6))
        if event.plover == "PROTEST" and event.mode is None:
            event.mode = protest_mode(doc, event, table)
        elif event.plover == "COERCE":
            _passive_agent(doc, event)
            _agentless_arrest(event, table)
            if event.mode is None:
                event.mode = crowd_mode(doc, event, table)
            if event.mode is None and _disappeared(doc, event, table):
                event.mode = "abduct"
        elif event.plover == "ASSAULT":
            _passive_agent(doc, event)
            _sentence_doer(doc, event, table)
            if event.mode != "sexual" and _sexual(doc, event, table):
                event.mode = "sexual"
            mobs.name_doer(doc, event, table.identity)
            _seized_people(doc, event, table)
            _specific_weapon(doc, event, table)
            _clash(doc, event, table)
            _excessive(doc, event, table)
            _recode_communal(doc, event, table)
            _mob_justice(doc, event, table)
    return doc


def _sexual(doc: Document, event: Event, table: _Table) -> bool:
    """Whether sexual violence is told in an assault's sentence, or in the next when that one
    holds no event of its own ("gunmen attacked a couple at the hotel. One was killed and the
    other injured and raped")."""
    if table.sexual.search(_sentence(doc, event)):
        return True
    after = event.sentence + 1
    if any(e.sentence == after for e in doc.events):
        return False
    text = next((s.text for s in doc.sentences if s.index == after), "")
    # told as done to someone ("raped", "sexually assaulted"), not a word for the crime ("rape
    # is widespread in the region")
    return any(m.group(0).lower().endswith("ed") for m in table.sexual.finditer(text))


_MOB_DOERS = frozenset({"unidentified", "communal", "civilians"})


def _mob_justice(doc: Document, event: Event, table: _Table) -> None:
    """An assault its sentence tells as mob justice (``mob_justice``) is a mob's: its doer,
    unnamed (not armed men named: "gunmen"), a community or civilians, is coded as rioters
    (ACLED: mob violence)."""
    if event.mode in {"sexual", "abduct"} or not table.mob_justice.search(_sentence(doc, event)):
        return
    source = event.source
    if source is None or source.sector not in _MOB_DOERS:
        return
    if source.sector == "unidentified" and source.start != event.trigger_start:
        return  # "an attack by gunmen": named armed men are no mob
    event.source = mobs.as_mob(source)


def crowd_mode(doc: Document, event: Event, table: _Table | None = None) -> str | None:
    """The mode of a COERCE act that meets or is a crowd: a state dispersal (or crackdown on a
    protest told near it) is ``excessive`` with force words in its window, else
    ``intervention``; a crowd's own blocking or occupying is told as a protest's
    (``protest_mode``); None for any other act."""
    table = table or _table()
    trigger = (event.trigger or "").lower()
    source = _sector(event.source)
    if source in table.crowd:
        return protest_mode(doc, event, table) if trigger.startswith(table.crowd_acts) else None
    if source not in table.state | {None, "unidentified"} or _sector(event.target) in table.force:
        return None
    first, last = event.sentence, event.sentence + table.window
    text = " ".join(s.text for s in doc.sentences if first <= s.index <= last) or event.evidence
    text = table.calm.sub(" ", text)
    if not trigger.startswith(table.dispersal):
        protest = any(e.plover == "PROTEST" and first - 1 <= e.sentence <= last for e in doc.events)
        if not (
            trigger.startswith(table.crackdown)
            and (
                protest
                or table.protest_words.search(
                    " ".join(s.text for s in doc.sentences if first - 1 <= s.index <= last)
                )
            )
        ):
            return None
    return "excessive" if table.force_words.search(text) else "intervention"


def _passive_agent(doc: Document, event: Event) -> None:
    """The doer of a passive assault or coercion the parse left unnamed, read from the agent
    phrase of its trigger or of a verb coordinated with it ("three women were abducted and one
    raped by army soldiers", "a trader was beaten and robbed by youths"): the coded actor that
    holds the agent's object, in the sentence's parse (nothing without one)."""
    source = event.source
    implicit = source is None or (
        source.sector == "unidentified" and source.start == event.trigger_start
    )
    pdoc = doc._parses.get(event.sentence) if doc._parses else None
    if not implicit or pdoc is None or event.trigger_start is None:
        return
    offset = doc.sentences[event.sentence].start
    trigger = tokens.token_starting(pdoc, event.trigger_start - offset)
    if trigger is None:
        return
    conj = [t for t in trigger.children if t.dep_ == "conj"]  # "abducted and (one) raped"
    verbs = [trigger, *conj, *(t for c in conj for t in c.children if t.dep_ == "acl")]
    if trigger.dep_ == "conj":
        verbs.append(trigger.head)
    for verb in verbs:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                at = obj.idx + offset
                actor = next((a for a in doc.actors if a.start <= at < a.end and a.sector), None)
                if actor is not None and actor is not event.target:
                    event.source = actor
                    return


def _sentence_doer(doc: Document, event: Event, table: _Table) -> None:
    """The doer of an assault the parse left unnamed (the coder's stand-in for a passive or a
    missing subject) when its own sentence names one armed party in a doer's place and it is
    an armed group (``responsible_sectors``): "ADF rebels torch a village; eight dead", "an IED
    planted by the militia detonated, killing four". A victim's place is an event's target or
    a path to the root through an object or passive subject ("two militiamen were killed by a
    blast", "five fighters died when a bomb went off"); a group that speaks ("the rebels said
    two fighters were killed") is no doer; and with state forces also in a doer's place
    ("soldiers clashed with militants; five killed") nobody is chosen."""
    source = event.source
    if source is None or source.sector != "unidentified" or source.start != event.trigger_start:
        return
    pdoc = doc._parses.get(event.sentence) if doc._parses else None
    if pdoc is None:
        return
    sent = doc.sentences[event.sentence]
    targets = {(e.target.start, e.target.end) for e in doc.events if e.target is not None}
    doers = [
        a
        for a in doc.actors
        if a.code
        and a.sector in table.responsible | table.state
        and sent.start <= a.start < sent.end
        and (a.start, a.end) not in targets
        and not _victim_place(pdoc, a.start - sent.start, table)
    ]
    if len({a.code for a in doers}) == 1 and doers[0].sector in table.responsible:
        event.source = replace(doers[0], score=min(doers[0].score, 0.6))


_VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "iobj", "dative", "attr", "appos"})


def _victim_place(pdoc: Any, idx: int, table: _Table) -> bool:
    """Whether the token at character ``idx`` of a parsed sentence is in no doer's place: it
    or a head above it is an object or a passive subject, the first verb above it is a speech
    verb, or the parse does not hold it."""
    tok = tokens.token_at(pdoc, idx)
    if tok is None:
        return True
    verb_seen = False
    for _ in range(12):
        if tok.dep_ in _VICTIM_DEPS:
            return True
        head = tok.head
        if not verb_seen and head.pos_ in {"VERB", "AUX"}:
            verb_seen = True
            if head.lemma_.lower() in table.speech or (
                tok.dep_ == "nsubj" and head.lemma_.lower() in table.perish
            ):
                return True
        if head.i == tok.i:
            return False
        tok = head
    return True


def _disappeared(doc: Document, event: Event, table: _Table) -> bool:
    """Whether an arrest is a forced disappearance: its sentence or the next tells the person's
    fate hidden ("detained the blogger; his whereabouts remain unknown", "taken to an unknown
    location", "disappeared after being arrested"), or its sentence or the one before tells
    that the people it holds vanished ("four journalists disappeared in Kidal ... believe the
    journalists were detained by the army"; not "arrested two days after the girl
    disappeared")."""
    if not (event.trigger or "").lower().startswith(table.arrests):
        return False
    around = {s.index: s.text for s in doc.sentences if abs(s.index - event.sentence) <= 1}
    told = " ".join(around.get(i, "") for i in (event.sentence, event.sentence + 1))
    if table.disappearance.search(told or event.evidence):
        return True
    words = (event.target.text if event.target is not None else "").split()
    if not words or not words[-1].isalpha():
        return False
    vanished = re.compile(
        rf"\b{re.escape(words[-1])}\b(?:\s+(?!after\b|before\b|when\b|since\b|until\b)\S+)"
        r"{0,5}?\s+(?:disappeared|vanished|went\s+missing|have\s+gone\s+missing)\b",
        re.IGNORECASE,
    )
    before = " ".join(around.get(i, "") for i in (event.sentence - 1, event.sentence))
    return bool(vanished.search(before))


def _agentless_arrest(event: Event, table: _Table) -> None:
    """An arrest told with no doer ("five suspects were arrested") has no source: the
    unidentified armed group the event coder puts for an unnamed doer is no arrester (the
    GUIDE leaves a passive's source empty; the ACLED export names the state, ``export.yaml``
    ``acled_unnamed_doers``)."""
    source = event.source
    if (
        source is not None
        and source.sector == "unidentified"
        and source.start == event.trigger_start
        and (event.trigger or "").lower().startswith(table.arrests)
    ):
        event.source = None


def _excessive(doc: Document, event: Event, table: _Table) -> None:
    """Mode ``excessive`` for an assault on people by anyone but a crowd in a sentence that
    tells a protest ("soldiers opened fire on the rally", "two were shot during the march")."""
    if event.mode is not None and event.mode not in table.excessive_overrides:
        return
    if _sector(event.source) in table.crowd or _sector(event.target) not in table.crowd | {None}:
        return
    protests = [e for e in doc.events if e.plover == "PROTEST" and e.sentence == event.sentence]
    if any(_grievance(doc, event, p, table) for p in protests):
        return  # "marched to demand justice for a student killed by gunmen": its cause
    if protests or table.protest_words.search(_sentence(doc, event)):
        event.mode = "excessive"


def _grievance(doc: Document, event: Event, protest: Event, table: _Table) -> bool:
    """Whether an assault is what a protest of its sentence is about: the protest's trigger
    governs it through a word of grievance ("to demand justice for a student who was killed",
    "protested over the killing of"), read in the sentence's parse (False without one)."""
    pdoc = doc._parses.get(event.sentence) if doc._parses else None
    if pdoc is None or event.trigger_start is None or protest.trigger_start is None:
        return False
    offset = doc.sentences[event.sentence].start
    inner = tokens.token_starting(pdoc, event.trigger_start - offset)
    outer = tokens.token_starting(pdoc, protest.trigger_start - offset)
    if inner is None or outer is None:
        return False
    for token in inner.ancestors:
        if token.i == outer.i:
            return False
        if token.lower_ in table.grievance:
            return any(a.i == outer.i for a in token.ancestors)
    return False


def _seized_people(doc: Document, event: Event, table: _Table) -> None:
    """An assault that seizes people ("gunmen seized two engineers", "two nuns were captured")
    is an abduction (mode ``abduct``), not the taking of a place; armed people captured
    ("captured three soldiers") and the state's seizures (arrests) are left
    (``conflict.yaml`` ``seizure_verbs``)."""
    if event.mode in {"sexual", "abduct"} or _sector(event.source) in table.state:
        return
    trigger = doc.trigger_token(event)
    if trigger is None or trigger.lemma_.lower() not in table.seizures:
        return
    offset = doc.sentences[event.sentence].start
    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}):
        at = obj.idx + offset
        actor = next((a for a in doc.actors if a.start <= at < a.end and a.sector), None)
        if actor is not None:
            people = actor.sector not in table.force
        else:
            people = obj.ent_type_ == "PERSON" or obj.lemma_.lower() in table.captives
        if people:
            event.mode = "abduct"
            return


def _specific_weapon(doc: Document, event: Event, table: _Table) -> None:
    """The most specific weapon its sentence tells for an assault whose own words tell none or
    only explosives ("a suicide bomber detonated himself, killing two": ``suicide``; "a hand
    grenade detonated, killing two boys": ``grenade``), in ``specific_weapons`` order: told
    before its trigger or in its own words, and not in a phrase of time ("killed two farmers a
    day after a suicide bombing" is no suicide bombing)."""
    if event.mode not in table.refined_modes or event.trigger_start is None:
        return
    pdoc = doc._parses.get(event.sentence) if doc._parses else None
    if pdoc is None:
        return
    offset = doc.sentences[event.sentence].start
    trigger = tokens.token_starting(pdoc, event.trigger_start - offset)
    if trigger is None:
        return
    own = list(trigger.subtree)
    span = (own[0].idx, own[-1].idx + len(own[-1]))
    for pattern, mode in table.specific_weapons:
        for found in pattern.finditer(tokens.table(pdoc).doc_text):
            word = tokens.token_at(pdoc, found.start())
            if word is None or any(a.lower_ in table.time_preps for a in word.ancestors):
                continue  # "a day after a suicide bombing": another act
            if found.start() < trigger.idx or span[0] <= found.start() < span[1]:
                event.mode = mode  # its means: told before it or in its own words
                return


def _noun_fights(doc: Document, table: _Table) -> None:
    """Add an armed clash for a fight told by a noun that the event stage left without an
    event, in a sentence with no assault ("Clashes between Maasai and Sonjo groups", "two died
    in a clash between farmers and herders", "a gun battle was reported between police and
    rebels"): the noun has its sides ("between X and Y", on it or its verb), names an identity
    ("ethnic clashes"), is told as having happened ("fighting broke out") or harm is told in its
    sentence. Not a fight feared, avoided or prevented (``unreal_heads`` above the noun). Its
    sides are the first two coded actors after it; with none, an unidentified armed group (a
    communal militia, by ``_clash``, when the sentence names communities)."""
    fought = {e.sentence for e in doc.events if e.plover == "ASSAULT"}
    added: list[Event] = []
    nouns = table.fight_nouns | table.paired
    for index, pdoc in sorted((doc._parses or {}).items()):
        if index in fought:
            continue
        sent = doc.sentences[index]
        rows = tokens.table(pdoc)
        for i, pos in enumerate(rows.pos):
            lemma = rows.lemma[i].lower() if pos in {"NOUN", "PROPN"} else ""
            if lemma not in nouns:
                continue  # read from the token table: a Token only for a fight noun
            tok = pdoc[i]
            if tok.dep_ == "compound" or _unreal(tok, table):
                continue
            pairs = [c for c in (*tok.children, *tok.head.children) if c.lower_ in _PAIR]
            if tok.dep_ not in {"nsubj", "nsubjpass"}:
                pairs = [c for c in tok.children if c.lower_ in _PAIR]
            marked = any(
                table.identity.search(c.text) for c in tok.children if c.dep_ in _MODIFIERS
            )
            told = tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in table.fight_told
            harm = table.harm.search(sent.text)
            if not (pairs or marked or told or harm) or (lemma in table.paired and not pairs):
                continue  # "the conflict has displaced thousands": no sides, no fight told
            start = sent.start + tok.idx
            after = [a for a in doc.actors if start < a.start < sent.end and a.code]
            sides = list({a.start: a for a in after}.values())[:2]
            n = fatalities.stated(sent.text) if harm else None
            unnamed = actors.group("unidentified", None, tok.text, start)
            added.append(
                Event(
                    doc_id=doc.id,
                    sentence=index,
                    start=sent.start,
                    end=sent.end,
                    evidence=sent.text,
                    trigger=tok.text,
                    trigger_start=start,
                    trigger_end=start + len(tok),
                    plover="ASSAULT",
                    cameo="19",
                    source=sides[0] if sides else unnamed,
                    target=sides[1] if len(sides) > 1 else None,
                    confidence=0.4,
                    fatalities=n or None,
                )
            )
            break
    if added:
        doc.events = sorted([*doc.events, *added], key=lambda e: (e.sentence, e.start))


_PAIR = {"between", "among"}
_MODIFIERS = {"amod", "compound", "nmod", "npadvmod"}


def _unreal(tok: Any, table: _Table) -> bool:
    """Whether a fight noun is feared, avoided, prevented or denied rather than told ("fears of
    clashes", "police prevented the clashes", "no fighting was reported")."""
    if any(c.dep_ in {"neg", "det"} and c.lower_ in {"no", "not", "never"} for c in tok.children):
        return True
    head, steps = tok.head, 0
    while steps < 3 and head.i != head.head.i:
        if head.lemma_.lower() in table.unreal:
            return True
        head, steps = head.head, steps + 1
    return head.lemma_.lower() in table.unreal


def _clash(doc: Document, event: Event, table: _Table) -> None:
    """Mode ``clash`` for an assault whose sentence speaks of a fight; its unnamed doer in a
    fight between communities becomes a communal militia."""
    if event.mode is not None and event.mode not in table.clash_overrides:
        return
    sentence = _sentence(doc, event)
    fight = (event.trigger or "").lower().startswith(table.fights)
    if not (fight or table.fight_words.search(sentence) or _fought_for(doc, event, table)):
        return
    event.mode = "clash"
    source = event.source
    implicit = source is None or (
        source.sector == "unidentified" and source.start == event.trigger_start
    )
    if implicit and table.communal_words.search(sentence):
        doer = source or Actor(
            text=event.trigger,
            start=event.trigger_start or event.start,
            end=event.trigger_end or event.end,
            sector="unidentified",
            score=0.3,
        )
        event.source = communal(doer, table)


def _fought_for(doc: Document, event: Event, table: _Table) -> bool:
    """Whether a takeover ("overran the base", "took control of the town") was won by
    violence its sentence or the ``window`` sentences before it tell as another assault
    ("attacked the camp, overran it, killing four"): a fight, as a takeover told alone ("took
    control of the village and raised their flag") is not (ACLED Codebook 2023: a non-state
    actor overtakes territory after a battle; without one, a non-violent transfer)."""
    if not (event.trigger or "").lower().startswith(table.takeovers):
        return False
    return any(
        other is not event
        and other.plover == "ASSAULT"
        and event.sentence - table.window <= other.sentence <= event.sentence
        and not (other.trigger or "").lower().startswith(table.takeovers)
        for other in doc.events
    )


def responsible_group(doc: Document, table: _Table | None = None) -> Actor | None:
    """The one named armed group a report holds responsible ("JNIM claimed responsibility",
    "likely planted by Al Shabaab militants"), or None (none, or groups of several kinds
    named). A group told as a victim (an assault's or coercion's target: "two Hezbollah
    fighters were killed by a bomb; IS claimed it") is none, nor a bare sector word beside a
    named group ("militants" after "Katiba Macina (JNIM)"). Two or more named groups of one
    sector and country held responsible together ("likely planted by JNIM or ISGS militants",
    "Katiba Macina or Ansaroul Islam militants") give that sector's unnamed group (insurgents,
    INS): which of them did it the report leaves open, what kind of group did it is told."""
    table = table or _table()
    victims = {
        (e.target.start, e.target.end)
        for e in doc.events
        if e.target is not None and e.plover in ("ASSAULT", "COERCE")
    }
    groups = [
        a
        for a in doc.actors
        if a.name and a.code and a.sector in table.responsible and (a.start, a.end) not in victims
    ]
    named = [a for a in groups if a.code != actors.recode(a, a.sector)]
    groups = named or groups
    several = len({a.code for a in groups}) > 1
    if several and len({(a.sector, a.country) for a in groups}) != 1:
        return None
    for actor in groups:
        sentence = next((s for s in doc.sentences if s.start <= actor.start < s.end), None)
        if sentence is None or not table.responsibility.search(sentence.text):
            continue
        if several:  # "JNIM or ISGS militants": an insurgent group, not one of them
            return replace(actor, name=None, code=actors.recode(actor, actor.sector or ""))
        return actor
    return None


def protest_mode(doc: Document, event: Event, table: _Table | None = None) -> str | None:
    """``violent``, ``excessive``, ``intervention`` or None (peaceful) for a protest event."""
    table = table or _table()
    if (event.trigger or "").lower().startswith(("riot", "rampag")):
        return "violent"
    first, last = event.sentence, event.sentence + table.window
    text = " ".join(s.text for s in doc.sentences if first <= s.index <= last) or event.evidence
    text = table.calm.sub(" ", text)  # "riot police", "no one was injured": no violence told
    near = [e for e in doc.events if first <= e.sentence <= last and e is not event]
    if table.violence.search(text) or any(
        e.plover in {"ASSAULT", "COERCE"}
        and _sector(e.source) in table.crowd
        and _sector(e.target) not in table.crowd
        and not (e.plover == "COERCE" and (e.trigger or "").lower().startswith(table.crowd_acts))
        for e in near
    ):
        return "violent"
    sectors = {a.sector for a in doc.actors if first <= _sentence_of(doc, a.start) <= last}
    state_named = bool(sectors & table.state) or any(
        _sector(e.source) in table.state or _sector(e.target) in table.state for e in near
    )
    armed = state_named or any(
        e.plover in {"ASSAULT", "COERCE"}
        and _sector(e.source) in table.force
        and _sector(e.target) in table.crowd | {None}
        for e in near
    )
    if armed and table.force_words.search(text):
        return "excessive"
    if (
        any(e.plover == "COERCE" and _sector(e.source) in table.state | {None} for e in near)
        or table.intervention.search(text)
        or (sectors & table.security and table.state_intervention.search(text))
    ):
        return "intervention"
    return None


def _recode_communal(doc: Document, event: Event, table: _Table) -> None:
    fight = (event.trigger or "").lower().startswith(table.fights)
    sides = (event.source, event.target)
    civil = [a is not None and a.sector == "civilians" for a in sides]
    for name, actor in zip(("source", "target"), sides, strict=True):
        if actor is None or actor.sector not in table.armed_or_civil:
            continue
        named = bool(table.identity.search(_with_modifiers(doc, actor)))
        victims = name == "target" and actor.sector == "civilians" and not fight
        if (named and not victims) or (
            fight and actor.sector == "civilians" and (all(civil) or None in sides)
        ):
            setattr(event, name, communal(actor, table))


def communal(actor: Actor, table: _Table | None = None) -> Actor:
    """An actor recoded as a communal (identity) militia, keeping its country."""
    table = table or _table()
    return replace(actor, sector="communal", code=f"{actor.country or ''}{table.communal_code}")


def _with_modifiers(doc: Document, actor: Actor) -> str:
    """An actor's words and the two words before it in its sentence ("suspected Pokot
    militia": the coder's span may hold only "militia")."""
    if not doc.text or doc.text[actor.start : actor.end] != actor.text:
        return actor.text
    start = next((s.start for s in doc.sentences if s.start <= actor.start < s.end), 0)
    before = doc.text[start : actor.start].split()[-2:]
    return " ".join([*before, actor.text])


def _sector(actor: Actor | None) -> str | None:
    return actor.sector if actor is not None else None


def _sentence_of(doc: Document, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.index
    return -1


__all__ = [
    "PROTEST_MODES",
    "code",
    "communal",
    "crowd_mode",
    "protest_mode",
    "responsible_group",
]
