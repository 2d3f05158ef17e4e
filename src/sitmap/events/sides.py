"""Sides of an event beyond its arguments: unnamed doers, implicit groups, "anti-X" targets,
symmetric pairs and verbal attacks by politicians."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from sitmap import actors, lexicons
from sitmap.events.finder import _ActorFinder
from sitmap.events.lexicon import _Entry, _Lexicon, _lexicon
from sitmap.events.syntax import _PASS_SUBJ, _SUBJ, _children, _headline_passive, _pobjs
from sitmap.model import Actor, Document

_FIRST_PERSON = {"we", "i", "us", "me", "our"}


def _unnamed_doer(tok: Any, entry: _Entry, source_toks: list[Any], nominal: bool) -> bool:
    """Whether a violent event's doer goes unnamed, so that it is the entry's implicit group
    (UAF: unidentified armed people): an instrument as subject ("an IED exploded", "a
    landmine struck a bus", "..., killing two officers"), or a passive with no agent ("two
    farmers were killed"). An uncoded subject ("the boy stabbed ...") is a doer sitmap cannot
    code, not an unnamed one; a bare noun ("such attacks") or an infinitive ("plan to attack")
    states no event with a victim."""
    if source_toks:
        instruments = _lexicon().instruments
        return all(t.lemma_.lower() in instruments for t in source_toks)
    if nominal or entry.weak:
        return False
    passive = bool(_children(tok, _PASS_SUBJ)) or any(c.dep_ == "auxpass" for c in tok.children)
    one_sided = entry.type in _lexicon().unnamed_doer_types and "with" not in entry.target_preps
    return passive or (one_sided and _headline_passive(tok))


def _uncoded_doer(
    tok: Any, entry: _Entry, source_toks: list[Any], sources: list[Actor | None], nominal: bool
) -> bool:
    """Whether a violent act's doer is named in words sitmap cannot code ("four youths set a
    boy ablaze", "armed assailants kidnapped a trader", "the Free Papua Movement attacked a
    vehicle"): ACLED codes such a doer as an unidentified armed group, so it is one (UAF), an
    explicit code rather than a dropped event.

    Only an unambiguous violent verb (not a ``weak`` one: "hit", "target"), told as done: a
    finite verb, a progressive or a participle ("ten killed"; not "could have gotten him
    assassinated", "talks about lynching you", "his first kill"); and only a doer that is
    people: plural,
    a name, or a person noun of ``doer_nouns`` ("a man", "a patrol"), never a singular thing
    ("this issue is killing the league") nor a personal pronoun ("he will not stop
    fighting")."""
    lex = _lexicon()
    if nominal or entry.weak or entry.type not in lex.unnamed_doer_types:
        return False
    if entry.implicit_source not in (None, "unidentified"):
        return False
    if any(a is not None and (a.code or a.kind == "pronoun") for a in sources):
        return False
    done = tok.tag_ in {"VBD", "VBZ", "VBP"} or (tok.tag_ == "VBN" and tok.dep_ not in _BARE)
    if not (done or (tok.tag_ == "VBG" and any(c.dep_ == "aux" for c in tok.children))):
        return False
    return all(_people(t, lex.doer_nouns) for t in source_toks)


_BARE = {"xcomp", "ccomp", "oprd"}  # "could have gotten him assassinated"
_PEOPLE_ENTS = {"PERSON", "NORP", "ORG"}
_DEFINITE = {"the", "this", "that", "these", "those"}


def _people(tok: Any, nouns: frozenset[str]) -> bool:
    """Whether a doer's head word names people ("youths", "two Maoists", "a man", "the Free
    Papua Movement"), not a thing or a personal pronoun."""
    if tok.pos_ == "PRON":
        return tok.lower_ in {"they", "them"}
    return (
        tok.tag_ in {"NNS", "NNPS"}
        or tok.ent_type_ in _PEOPLE_ENTS
        or tok.lemma_.lower() in nouns
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def _occurring(tok: Any, entry: _Entry) -> bool:
    """Whether a conflict noun is told as something that happened, so that its unnamed doers
    are the entry's implicit group: the subject of an occurrence verb ("a kidnapping took
    place", "clashes broke out", "the attack left two dead"), what "there was" states ("there
    was a brawl between migrants"), or a verbless headline's head ("Clashes between farmers
    and herders over grazing land"). A definite noun ("the attack took place at night") refers
    back to an act already told: no new event."""
    lex = _lexicon()
    if entry.type not in lex.unnamed_doer_types and entry.implicit_source is None:
        return False
    if any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in tok.children):
        return False  # "the attack took place ...": an attack told before, not a new one
    if tok.dep_ == "ROOT":
        return not any(c.pos_ in {"VERB", "AUX"} for c in tok.subtree)
    head = tok.head
    if tok.dep_ in {"attr", "nsubj"} and head.lemma_ == "be":
        return any(c.dep_ == "expl" for c in head.children)
    if tok.dep_ not in _SUBJ | _PASS_SUBJ or head.pos_ not in {"VERB", "AUX"}:
        return False
    words = {c.lower_ for c in head.children if c.dep_ in {"prt", "dobj", "advmod"}}
    return any(
        head.lemma_.lower() == verb and all(w in words for w in rest)
        for verb, *rest in (phrase.split() for phrase in lex.occurrence_verbs)
    )


def _implicit_sides(
    doc: Document,
    tok: Any,
    entry: _Entry,
    finder: _ActorFinder,
    sources: list[Actor | None],
    targets: list[Actor | None],
) -> tuple[list[Actor | None], list[Actor | None]]:
    """Sides of an event whose doers go unnamed ("anti-government protests erupted in
    Harare"): the target from an "anti-X" modifier of the trigger or of its source phrase,
    the source an implicit group of the entry's sector (protesters), of the one country the
    sentence names."""
    if not any(a is not None and a.code for a in targets):
        heads = [tok] if tok.pos_ in {"NOUN", "PROPN"} else _children(tok, _SUBJ)
        heads += [p for h in heads for p in _pobjs(h, {"of"})]  # "hundreds of protesters"
        anti = next((a for h in heads if (a := _anti(h, finder, doc)) is not None), None)
        if anti is not None:
            targets = [anti]
    if entry.type == "PROTEST":  # "women marched", "villagers protested": protesters
        sources = [
            replace(a, sector=entry.implicit_source, code=actors.recode(a, entry.implicit_source))
            if a is not None and entry.implicit_source and a.sector == "civilians"
            else a
            for a in sources
        ]
    if entry.implicit_source and not any(a is not None and a.code for a in sources):
        places = [finder.place_actor(e[0]) for e in tok.doc.ents if e.label_ == "GPE"]
        countries = {a.country for a in places if a is not None}
        country = countries.pop() if len(countries) == 1 else None
        start = finder.offset + tok.idx
        sources = [actors.group(entry.implicit_source, country, tok.text, start)]
    country = next((a.country for a in sources if a is not None and a.country), None)
    targets = [
        actors.with_country(a, country)
        if a is not None and country and not a.country and a.kind != "person" and a.sector
        else a
        for a in targets
    ]
    return sources, targets


@cache
def _national_nouns() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("sectors.yaml")["national_nouns"])


def our_nation(tok: Any, finder: _ActorFinder, targets: list[Actor | None]) -> list[Actor | None]:
    """The targets, or "our" nation (``_our_nation``) when none is coded."""
    if any(a is not None and a.code for a in targets):
        return targets
    ours = _our_nation(tok, finder)
    return [ours] if ours is not None else targets


def _our_nation(tok: Any, finder: _ActorFinder) -> Actor | None:
    """A trigger's object that is "our" nation ("hacked our election", "the attack on our
    country"): a first-person stand-in (kind pronoun, text "our") that attribution turns into
    the speaker's state, or the document's in the outlet's own voice."""
    objects = _children(tok, {"dobj"}) + [
        o
        for p in _children(tok, {"prep"})
        if p.lower_ in {"on", "against", "into"}
        for o in _children(p, {"pobj"})
    ]
    for obj in objects:
        words = {obj.lemma_.lower(), obj.lower_}
        if not words & _national_nouns():
            continue
        our = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ == "our"), None)
        if our is not None:
            start = finder.offset + our.idx
            end = start + len(our)
            return Actor(text=our.text, start=start, end=end, kind="pronoun", score=0.0)
    return None


def _anti(head: Any, finder: _ActorFinder, doc: Document) -> Actor | None:
    """The actor X of an "anti-X" modifier in a noun phrase ("anti-American protesters")."""
    pdoc = head.doc
    for t in head.subtree:
        if t.i >= head.i:
            break
        if t.lower_ == "anti" and t.i + 2 < len(pdoc) and pdoc[t.i + 1].text in {"-", "–"}:
            x = pdoc[t.i + 2]
            actor = finder.covering(x)
            if actor is not None and actor.start <= finder.offset + t.idx:
                actor = None  # "anti-American protesters" is one mention: look X up alone
            actor = actor or finder.place_actor(x)
            if actor is None:
                found = actors.lookup(x.text, on=doc.published)
                if found is not None:
                    start = finder.offset + x.idx
                    actor = replace(found, start=start, end=start + len(x))
            return actor
    return None


def _pair_sides(
    entry: _Entry, sources: list[Actor | None], targets: list[Actor | None]
) -> tuple[list[Actor | None], list[Actor | None]]:
    """Symmetric events between coordinated actors: "Trump and Putin met" and "talks between
    Seoul and Tokyo" are one event between the two sides, not one per side with no target."""
    if entry.type not in _lexicon().symmetric_types:
        return sources, targets
    coded_sources = [a for a in sources if a is not None and a.code]
    coded_targets = [a for a in targets if a is not None and a.code]
    if len(coded_sources) >= 2:
        return coded_sources[:1], coded_sources[1:]
    if not coded_sources and len(coded_targets) >= 2:
        return coded_targets[:1], coded_targets[1:]
    return sources, targets


def _verbal(source: Actor | None, target: Actor | None, lex: _Lexicon) -> bool:
    """A politician (a person of a political sector) attacking a person or political body."""
    if source is None or target is None or source.kind != "person":
        return False
    if source.sector not in lex.verbal_sources:
        return False
    return target.kind == "person" or target.sector in lex.verbal_targets


def verbal_clause(tok: Any, source: Actor | None, target: Actor | None) -> bool:
    """Whether an attack is said in words (ACCUSE), from its clause (``data/verbal.yaml``):
    a political or media side, speech evidence on the trigger ("attacked the governor *over*
    the budget", "a *blistering* attack", "attacked her *in a tweet*") and no violence word
    in the sentence nor an armed side ("militants attacked a police post")."""
    data = lexicons.yaml_file("verbal.yaml")
    if _politician_on(source, target, data) and not _has_words(tok.sent, data["violence"]):
        return True
    sides = [a for a in (source, target) if a is not None]
    if any(a.sector in data["armed_sectors"] for a in sides):
        return False
    if not any(a.sector in data["political_sectors"] for a in sides):
        return False
    if _has_words(tok.sent, data["violence"]):
        return False
    return _speech_evidence(tok, data)


def _politician_on(source: Actor | None, target: Actor | None, data: dict[str, Any]) -> bool:
    """A political side attacking a political one, which only words do (eval/GUIDE.md: ASSAULT
    needs violence): the source a politician or a named political body ("the Democrats",
    "the Senate"; not a crowd of supporters), the target a person, a political body, or an
    institution of the source's own state ("Duterte attacked the national police", "the
    Republicans attacked the FBI": a state does not assault its own agencies)."""
    if source is None or target is None or not source.code or not target.code:
        return False
    lex = _lexicon()
    person = source.kind == "person" and source.sector in lex.verbal_sources
    body = source.kind == "organisation" and source.sector in data["political_bodies"]
    if not (person or body):
        return False
    if target.kind == "person" or target.sector in lex.verbal_targets:
        return True
    return (
        target.kind == "organisation"
        and target.sector in data["own_state_institutions"]
        and target.country is not None
        and target.country == source.country
    )


def _has_words(span: Any, words: list[str]) -> bool:
    """Whether one of the words or phrases occurs in the span (lower-cased, whole words)."""
    text = f" {' '.join(t.lower_ for t in span)} "
    return any(f" {w} " in text for w in words)


def _speech_evidence(tok: Any, data: dict[str, Any]) -> bool:
    """An issue complement, a verbal manner word or a speech medium on the trigger."""
    for child in tok.children:
        if child.lower_ in data["manner"] and child.dep_ in {"amod", "advmod"}:
            return True
        if child.dep_ == "prep" and child.lower_ in data["issue_preps"]:
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if any(
                o.lower_ not in data["time_words"] and o.ent_type_ not in {"DATE", "TIME"}
                for o in objects
            ):
                return True
    under = [t for t in tok.subtree if t.i != tok.i]
    return _has_words(under, data["speech_nouns"])


def _court_sides(
    tok: Any,
    entry: _Entry,
    finder: _ActorFinder,
    sources: list[Actor | None],
    targets: list[Actor | None],
    nominal: bool,
) -> tuple[list[Actor | None], list[Actor | None]]:
    """The court of a legal step that names none (eval/GUIDE.md, legal steps): the source of
    a conviction or sentence told in the passive ("a Kenyan businessman was sentenced",
    "an aide, convicted of fraud, ...") and the target of a plea ("pleaded not guilty to
    bribery"). Only beside a coded defendant; the court is of the country the trial is
    placed in ("convicted in Moscow"), else the defendant's ("a Kenyan businessman": KENJUD),
    else none (``actors.localise`` may give it the event's place)."""
    side = entry.court
    if side is None or nominal:
        return sources, targets
    named, other = (sources, targets) if side == "source" else (targets, sources)
    defendant = next((a for a in other if a is not None and a.code), None)
    if defendant is None or any(a is not None and a.code for a in named):
        return sources, targets
    if side == "source" and not _agentless_passive(tok):
        return sources, targets
    country = _trial_country(tok, finder) or defendant.country
    court = actors.group("judiciary", country, tok.text, finder.offset + tok.idx)
    return ([court], targets) if side == "source" else (sources, [court])


def _agentless_passive(tok: Any) -> bool:
    """A passive verb with no "by" agent: "was convicted", or a participle after its noun
    ("a leader convicted of fraud")."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    reduced = tok.dep_ == "acl" and tok.tag_ == "VBN"
    return (
        reduced
        or bool(_children(tok, _PASS_SUBJ))
        or any(c.dep_ == "auxpass" for c in tok.children)
    )


def _trial_country(tok: Any, finder: _ActorFinder) -> str | None:
    """The one country a legal step is placed in by an "in" phrase of its clause ("was
    sentenced in Ankara", "pleaded guilty in a court in Abuja")."""
    countries = set()
    for t in tok.subtree:
        if t.ent_type_ == "GPE" and t.dep_ == "pobj" and t.head.lower_ == "in":
            actor = finder.place_actor(t)
            if actor is not None and actor.country:
                countries.add(actor.country)
    return countries.pop() if len(countries) == 1 else None
