"""Events from the dependency parse: predicate lexicon → PLOVER type, CAMEO root, mode, actors.

One verb: ``extract(doc)`` fills ``doc.events``. Each event comes from a trigger token in a
parsed sentence (``doc._parses``):

* verbs (``bombed``, ``were beginning to encircle``): source = subject (the ``by`` agent in
  passives, the governing verb's subject for ``xcomp``/``conj``), target = direct object or
  the object of a target preposition ("fire on", "clash with"); passives swap the roles;
* nouns (``the bombing of X``, ``Russian airstrikes``, ``a U.S.-Russian proxy war``, light
  verbs such as "launched an attack on"): source = possessive / actor modifier / ``by`` agent /
  the light verb's subject, target = object of ``of``/``on``/``against``; two actor modifiers
  ("U.S.-Russian") give source and target;
* coordination ("Russia and Iran bombed ...") gives one event per actor pair.

Ambiguous predicates (``weak`` in ``data/predicates.yaml``) need a coded actor. Actors come
from ``doc.actors`` (the actors stage) by character span; a first-person pronoun is kept as a
placeholder for the attribution stage to replace with the speaker. Status, place and date are
set by the later stages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sitmap import actors, lexicons
from sitmap.model import Actor, Document, Event, Sentence

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_CLAUSAL = {"ccomp", "advcl", "parataxis", "conj", "cc", "punct", "mark", "relcl", "acl", "xcomp"}
_VERBAL_DEPS = {"advcl", "xcomp", "ccomp", "acl", "relcl"}  # clauses: a PROPN there is a verb
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nummod"}
_FIRST_PERSON = {"we", "i", "us", "me", "our"}
_PRONOUNS = _FIRST_PERSON | {"he", "she", "it", "they", "them", "him", "her", "you"}
# "the government of Syria", "officials from Iran"; inside an apposition also "a contractor at
# the NSA", "a spokesman for the army"
_OWNER_PREPS = {False: {"of", "from"}, True: {"of", "from", "at", "for", "with"}}
# entity types whose names hold event nouns without being events ("the Paris Agreement")
_NAMED_THINGS = {"LAW", "WORK_OF_ART", "ORG", "FAC", "PRODUCT"}
_RESPONSIBILITY = {"responsibility", "responsible", "credit"}
# verbs that charge their object with an event noun: "accused X of atrocities"
_CHARGING = {
    "accuse": {"of"},
    "blame": {"for"},
    "charge": {"with"},
    "condemn": {"for"},
    "criticize": {"for"},
    "criticise": {"for"},
    "punish": {"for"},
    "sanction": {"for"},
}
_PARTICIPANT_PREPS = {"on", "during", "at", "after", "before", "in", "for", "ahead"}
_PERSONAL = {"he", "she", "him", "her", "his"}
_THIRD_PERSON = _PERSONAL | {"it", "its", "they", "them", "their"}
_PRONOUN_FITS = {
    **{p: (lambda a: a.kind == "person") for p in _PERSONAL},
    **{p: (lambda a: a.kind != "person") for p in ("it", "its")},
    **{p: (lambda a: True) for p in ("they", "them", "their")},
}


@dataclass(frozen=True)
class _Entry:
    lemma: str
    type: str
    cameo: str
    mode: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset({"against", "on", "upon"})
    weak: bool = False
    needs_target: bool = False  # a bare mention ("the Syrian war") is not an event
    object_is_source: bool = False  # "pit X against Y": X is a side, not the target
    civil: tuple[str, str] | None = None  # (type, cameo) when the source is a civil sector
    verbal: tuple[str, str] | None = None  # (type, cameo) when a politician attacks in words
    implicit_source: str | None = None  # sector of unnamed doers ("protests erupted")


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, tuple[_Entry, ...]]  # lemma -> senses, first matching one wins
    nouns: dict[str, tuple[_Entry, ...]]
    light_verbs: frozenset[str]
    modes: dict[str, str]  # word or phrase -> mode
    lemmas: dict[str, frozenset[str]]  # trigger lemmas by coarse POS (for the parse filter)
    civil_sectors: frozenset[str]  # sources that make a "strike" a labour strike
    verbal_sources: frozenset[str]  # sectors whose attack on ...
    verbal_targets: frozenset[str]  # ... these sectors or a person is verbal
    symmetric_types: frozenset[str]  # types whose coordinated sides are source and target
    predicatives: dict[str, _Entry]  # "Y was to blame", said by the judge
    denied_findings: dict[str, _Entry]  # "found no evidence": a rejection
    judging_verbs: frozenset[str]  # verbs whose subject judges ("said", "found")
    instruments: frozenset[str]  # weapons as subjects: "an IED exploded"
    lemma_fixes: dict[str, str]  # word forms the tagger lemmatises wrongly: "raped" -> "rape"


def _entry(lemma: str, spec: dict[str, Any]) -> _Entry:
    return _Entry(
        lemma=lemma,
        type=spec["type"],
        cameo=str(spec["cameo"]),
        mode=spec.get("mode"),
        prep=_words([spec["prep"]])[0] if spec.get("prep") is not None else None,
        objects=frozenset(_words(spec.get("object", ()))),
        target_preps=frozenset(_words(spec.get("target_preps", ("against", "on", "upon")))),
        weak=bool(spec.get("weak", False)),
        needs_target=bool(spec.get("needs_target", False)),
        object_is_source=bool(spec.get("object_is_source", False)),
        civil=_alternative(spec, "civil"),
        verbal=_alternative(spec, "verbal"),
        implicit_source=spec.get("implicit_source"),
    )


def _words(items: Any) -> list[str]:
    """Words of a YAML list, where YAML 1.1 reads a bare ``on``/``off`` as a boolean."""
    return [{True: "on", False: "off"}.get(w, w) if isinstance(w, bool) else str(w) for w in items]


def _alternative(spec: dict[str, Any], key: str) -> tuple[str, str] | None:
    alt = spec.get(key)
    return (alt["type"], str(alt["cameo"])) if alt else None


@cache
def _lexicon() -> _Lexicon:
    data = lexicons.yaml_file("predicates.yaml")

    def entries(section: str) -> dict[str, tuple[_Entry, ...]]:
        return {
            lemma: tuple(_entry(lemma, s) for s in (spec if isinstance(spec, list) else [spec]))
            for lemma, spec in data[section].items()
        }

    verbs, nouns = entries("verbs"), entries("nouns")
    civil_sectors = frozenset(data["civil_sectors"])
    modes = {w: mode for mode, words in data["modes"].items() for w in words}
    nominal = frozenset(k.split()[-1] for k in nouns)
    lemmas = {
        "VERB": frozenset(verbs) | frozenset(data["predicatives"]),
        "NOUN": nominal | frozenset(data["denied_findings"]),
        "PROPN": nominal,
        "ADJ": frozenset(data["predicatives"]),
    }
    return _Lexicon(
        verbs,
        nouns,
        frozenset(data["light_verbs"]),
        modes,
        lemmas,
        civil_sectors,
        frozenset(data["verbal_sources"]),
        frozenset(data["verbal_targets"]),
        frozenset(data["symmetric_types"]),
        {lemma: _entry(lemma, spec) for lemma, spec in data["predicatives"].items()},
        {lemma: _entry(lemma, spec) for lemma, spec in data["denied_findings"].items()},
        frozenset(data["judging_verbs"]),
        frozenset(data["instruments"]),
        {str(k): str(v) for k, v in (data.get("lemma_fixes") or {}).items()},
    )


def may_hold_event(span: Any) -> bool:
    """True when a sentence (spaCy span with lemmas) has a token that may trigger an event."""
    lemmas = _lexicon().lemmas
    empty: frozenset[str] = frozenset()
    return any(_lemma(t) in lemmas.get(t.pos_, empty) or _capitalised_verb(t) for t in span)


def _lemma(tok: Any) -> str:
    """The token's lemma, corrected where the tagger gets a trigger wrong ("raped": "rap")."""
    return _lexicon().lemma_fixes.get(tok.lower_) or tok.lemma_.lower()


def _capitalised_verb(tok: Any) -> str | None:
    """The lexicon verb a capitalised participle the tagger took for a name stands for
    ("*Visiting* Seoul, Trump warned ..." tagged PROPN), or None."""
    word = tok.lower_
    if tok.pos_ != "PROPN" or not tok.is_title or not word.endswith(("ing", "ed")):
        return None
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    candidates = (stem, stem + "e", stem[:-1], stem[:-1] + "y" if word.endswith("ied") else "")
    verbs = _lexicon().verbs
    return next((c for c in candidates if c in verbs), None)


def extract(doc: Document) -> Document:
    """Fill ``doc.events`` from the parsed sentences and the coded actors."""
    doc.events = []
    for index in sorted(doc._parses):
        sentence = doc.sentences[index]
        previous = doc.sentences[index - 1] if index > 0 else None
        finder = _ActorFinder(doc.actors, sentence.start, sentence.end, previous)
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


class _ActorFinder:
    """Actors of one sentence, looked up by token."""

    def __init__(
        self, actors: list[Actor], start: int, end: int, previous: Sentence | None = None
    ) -> None:
        self.offset = start
        self.actors = [a for a in actors if a.start < end and a.end > start]
        self.before = (
            [a for a in actors if a.code and previous.start <= a.start < previous.end]
            if previous is not None
            else []
        )

    def covering(self, tok: Any) -> Actor | None:
        char = self.offset + tok.idx
        return next((a for a in self.actors if a.start <= char < a.end), None)

    def resolve(self, tok: Any, depth: int = 0) -> Actor | None:
        """The actor a noun phrase headed by ``tok`` denotes, if any (a coded one when the
        phrase has one: "Reality Winner, a contractor at the NSA" is the NSA's)."""
        named = self.covering(tok)
        if named is not None and named.code:
            return named
        found = self._resolve_uncovered(tok, depth) if named is None else None
        if found is not None:
            return found
        if depth < 2:
            for child in tok.children:
                if child.dep_ == "appos":
                    actor = self.resolve(child, depth + 1)
                    if actor is not None and (actor.code or named is None):
                        return actor
                if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS[depth > 0]:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            actor = self.resolve(pobj, depth + 1)
                            if actor is not None and (actor.code or named is None):
                                return actor
        return named

    def _resolve_uncovered(self, tok: Any, depth: int) -> Actor | None:
        """A phrase that is no actor mention itself: a place standing for a state, a pronoun,
        or an actor among its modifiers."""
        if tok.ent_type_ == "GPE":
            actor = self.place_actor(tok)
            if actor is not None:
                return actor
        if tok.lower_ in _THIRD_PERSON and tok.pos_ == "PRON":
            antecedent = self.antecedent(tok)
            if antecedent is not None:
                return antecedent
        if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
            return Actor(
                text=tok.text,
                start=self.offset + tok.idx,
                end=self.offset + tok.idx + len(tok),
                kind="pronoun",
                score=0.0,
            )
        for child in tok.lefts:
            if child.dep_ in _MODIFIER_DEPS:
                actor = self.covering(child)
                if actor is not None:
                    return actor
        return None

    def place_actor(self, tok: Any) -> Actor | None:
        """A country or capital named as an event's argument ("urged Pyongyang to ...",
        "a visit to Myanmar")."""
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.label_ != "GPE":
            return None
        return actors.place_actor(ent.text, self.offset + ent.start_char)

    def antecedent(self, tok: Any) -> Actor | None:
        """What a third-person pronoun refers to, by two conservative rules:

        * the subject of a governing clause ("Trump warned Iran *he* was prepared ...",
          "Russia said *it* would ..."), up to three clauses up;
        * a subject pronoun with no such antecedent: the first coded actor of the previous
          sentence ("The coalition closed the ports. *It* also intensified air strikes").

        The antecedent must agree: he/she → a person, it → not a person.
        """
        fits = _PRONOUN_FITS[tok.lower_]
        if tok.dep_ == "poss":  # "Putin renewed his denial": the owner is the verb's subject
            verb = tok.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            actor = self._agreeing_subject(verb, fits)
            if actor is not None:
                return actor
        node, steps = tok.head, 0
        while steps < 3 and node.dep_ in {"ccomp", "conj", "xcomp", "advcl"}:
            node, steps = node.head, steps + 1
            actor = self._agreeing_subject(node, fits)
            if actor is not None:
                return actor
        if tok.dep_ in _SUBJ | _PASS_SUBJ | {"poss"}:
            return next((a for a in self.before if fits(a)), None)
        return None

    def _agreeing_subject(self, verb: Any, fits: Callable[[Actor], bool]) -> Actor | None:
        """The coded, agreeing actor a verb's (non-pronoun) subject names."""
        for subj in _children(verb, _SUBJ | _PASS_SUBJ):
            if subj.lower_ not in _PRONOUNS:
                actor = self.resolve(subj, depth=2)
                if actor is not None and actor.code and fits(actor):
                    return actor
        return None

    def within(self, start: int, end: int) -> list[Actor]:
        """Coded actors inside a sentence-relative character range, in text order."""
        lo, hi = self.offset + start, self.offset + end
        return [a for a in self.actors if a.code and a.start >= lo and a.end <= hi]

    def modifiers(self, tok: Any) -> list[Actor]:
        """Distinct actors among a noun's left modifiers ("U.S.-Russian proxy war")."""
        found: list[Actor] = []
        head = self.offset + tok.idx
        for child in tok.lefts:
            if child.dep_ in _MODIFIER_DEPS or child.dep_ == "det":
                for t in child.subtree:
                    for actor in self.within(t.idx, tok.idx):  # may span modifiers
                        starts = 0 <= actor.start - self.offset - t.idx < len(t)
                        new = all(a.start != actor.start for a in found)
                        if starts and actor.end <= head and new:
                            found.append(actor)
        return found

    def owners(self, obj: Any, trigger: Any) -> list[Actor]:
        """Whose the object is, when it names no actor itself: an actor in the object's own
        phrase ("the presence of Turkish troops"), or after "that of" in the clause ("any
        presence, whether that of the United States or Turkey"), with its conjuncts."""
        heads: list[Any] = []
        for t in obj.subtree:
            if t.dep_ in {"relcl", "acl"}:
                break
            if t.dep_ == "pobj" and t.head.lower_ in {"of", "including"}:
                heads.append(t)  # "every nation including China and Russia"
        for t in trigger.subtree:
            if t.i > obj.i and t.lower_ in {"that", "those"}:
                heads.extend(
                    p
                    for prep in t.children
                    if prep.lower_ == "of"
                    for p in prep.children
                    if p.dep_ == "pobj"
                )
        for head in heads:
            found = [self.covering(h) for h in (head, *head.conjuncts)]
            found = [a for a in found if a is not None and a.code]
            if found:
                return found
        return []


def _trigger(tok: Any) -> tuple[_Entry, bool] | None:
    """The lexicon entry a token triggers, and whether it is nominal."""
    lex = _lexicon()
    verb_form = _capitalised_verb(tok) if tok.dep_ in _VERBAL_DEPS else None
    lemma = verb_form or _lemma(tok)
    if (tok.pos_ == "VERB" or verb_form) and lemma in lex.verbs:
        children = list(tok.children)
        for entry in lex.verbs[lemma]:
            if entry.prep and not any(
                c.dep_ in {"prep", "prt"} and c.lower_ == entry.prep for c in children
            ):
                continue
            if entry.objects and not any(
                c.lemma_.lower() in entry.objects for c in _objects(tok, entry.prep)
            ):
                continue
            if not entry.objects and _figurative(tok, entry, lemma):
                return None
            return entry, False
        return None
    if tok.pos_ in {"NOUN", "PROPN"}:
        prev = tok.nbor(-1) if tok.i > 0 else None
        if prev is not None and f"{prev.lower_} {lemma}" in lex.nouns:
            return lex.nouns[f"{prev.lower_} {lemma}"][0], True
        if lemma in lex.nouns and tok.dep_ != "compound":
            return lex.nouns[lemma][0], True
    return None


def _person_word(tok: Any, roles: frozenset[str]) -> bool:
    """A name, a personal pronoun or a post's title ("adviser")."""
    return (
        tok.ent_type_ == "PERSON"
        or tok.pos_ == "PROPN"
        or tok.tag_ == "PRP"
        or tok.lemma_.lower() in roles
    )


@cache
def _figurative_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    data = lexicons.yaml_file("predicates.yaml")
    return frozenset(data["dismissal_verbs"]), frozenset(data["dismissed_roles"])


def _figurative(tok: Any, entry: _Entry, lemma: str) -> bool:
    """A person fired from a post ("fired Mueller", "fired his adviser"): a dismissal, no
    assault."""
    dismissal, roles = _figurative_lexicon()
    if entry.type != "ASSAULT" or lemma not in dismissal:
        return False
    return any(_person_word(o, roles) for o in _children(tok, {"dobj", "nsubjpass"}))


def _judgement(tok: Any) -> tuple[_Entry, list[Any], list[Any]] | None:
    """A verdict reported by a speaker: "X said / found that Y was to blame (responsible)".

    The trigger is the predicate of a "be" clause that is the complement of a judging verb;
    the source is whoever judges (the verb's subject), the target the clause's subject.
    Returns (entry, source tokens, target tokens), or None.
    """
    lex = _lexicon()
    entry = lex.predicatives.get(tok.lemma_.lower())
    be = tok.head
    if entry is None or be.lemma_ != "be" or be.i == tok.i:
        return None
    if tok.dep_ == "xcomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if tok.dep_ not in {"acomp", "xcomp"} or be.dep_ != "ccomp":
        return None
    judge = be.head
    if judge.lemma_.lower() not in lex.judging_verbs:
        return None
    sources, targets = _children(judge, _SUBJ), _children(be, _SUBJ)
    if not sources or not targets:
        return None
    return entry, sources, targets


def _no_finding(tok: Any) -> tuple[_Entry, list[Any], list[Any]] | None:
    """A finding denied with "no": "its probe *found* no evidence of wrongdoing", "says there
    *is* no evidence". The verb is the trigger; the source is its subject, or the speaker of
    the verb's clause when the subject is "there" or no actor. Returns (entry, sources, [])."""
    lex = _lexicon()
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    for obj in _children(tok, {"dobj", "attr"}):
        entry = lex.denied_findings.get(obj.lemma_.lower())
        if entry is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            sources = _children(tok, _SUBJ)
            judge = tok.head
            if tok.dep_ == "ccomp" and judge.lemma_.lower() in lex.judging_verbs:
                sources += _children(judge, _SUBJ)
            return entry, sources, []
    return None


def _objects(tok: Any, prep: str | None) -> list[Any]:
    """A verb's objects: direct or passive-subject ones, and with ``prep`` the objects of that
    preposition ("spoke on the phone")."""
    return _children(tok, {"dobj", "nsubjpass"}) + (_pobjs(tok, {prep}) if prep else [])


def _children(tok: Any, deps: set[str]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Any, preps: frozenset[str] | set[str]) -> list[Any]:
    out = []
    for prep in tok.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _inherited_subject(tok: Any) -> list[Any]:
    """Subject shared from a governing verb: xcomp ("began to encircle"), conj, relcl; the
    object of a verb whose "for"/"of" gerund tells what the object did."""
    prep = tok.head
    if tok.dep_ == "pcomp" and prep.lower_ in {"for", "of"} and prep.head.pos_ == "VERB":
        # "cursed Obama for raising concerns", "accused Iran of arming the Houthis"
        objects = _children(prep.head, {"dobj"})
        if objects:
            return objects
    seen = 0
    while (
        seen < 4
        and tok.dep_ in {"xcomp", "conj", "relcl", "acl", "advcl", "acomp"}
        and tok.head.i != tok.i
    ):
        head = tok.head
        if tok.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return [head] if tok.dep_ == "relcl" else []
        # "Pence is set to hold talks", "Trump was forced to sign": a passive governor's
        # subject is the subject of its infinitive
        subj = _children(head, _SUBJ | _PASS_SUBJ if tok.dep_ == "xcomp" else _SUBJ)
        if subj:
            return subj
        tok, seen = head, seen + 1
    return []


def _arguments(tok: Any, entry: _Entry, nominal: bool) -> tuple[list[Any], list[Any]]:
    """(source tokens, target tokens) of a trigger."""
    if not nominal:
        passive = bool(_children(tok, _PASS_SUBJ)) or any(c.dep_ == "auxpass" for c in tok.children)
        agents = _pobjs(tok, {"by"})
        if passive and not agents and entry.type in _lexicon().symmetric_types:
            return [], []  # "any threat will be met with a response": no meeting
        if passive:
            sources, targets = agents, _children(tok, _PASS_SUBJ)
            if entry.objects:  # "sanctions will be imposed on X": the subject is the object
                targets = _pobjs(tok, entry.target_preps)
        else:
            sources = _children(tok, _SUBJ) or _inherited_subject(tok)
            targets = _children(tok, {"dobj", "dative"}) or _pobjs(tok, entry.target_preps)
            if entry.objects:  # "imposed sanctions on X": X hangs off the verb or the object
                objects = _children(tok, {"dobj"})
                targets = (
                    _pobjs(tok, entry.target_preps)
                    or _children(tok, {"dative"})
                    or [t for o in objects for t in _pobjs(o, entry.target_preps)]
                )
            if entry.object_is_source:
                sources = _children(tok, {"dobj"}) or sources
                targets = _pobjs(tok, entry.target_preps)
        return sources, targets
    sources = _children(tok, {"poss"}) + _pobjs(tok, {"by"}) or _answerable(tok)
    targets = _pobjs(tok, {"of", *entry.target_preps})
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_ == "be":  # "Obama was a sharp critic of Duterte"
        sources = sources or _children(head, _SUBJ)
    if tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in _lexicon().light_verbs:
        sources = sources or _children(head, _SUBJ) or _inherited_subject(head)
        targets = targets or _pobjs(head, entry.target_preps)
    if not sources and entry.type in _lexicon().symmetric_types:
        sources = _participant(tok)
    return sources, targets


def _answerable(tok: Any) -> list[Any]:
    """Who is held to have done an event named by a noun: "X claimed responsibility for the
    attack", "X was responsible for the killing", "accused X of atrocities", "blamed X for
    the attack"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep":
        return []
    holder, word = prep.head, prep.lower_
    lemma = holder.lemma_.lower()
    if word == "for" and lemma in _RESPONSIBILITY and holder.pos_ == "NOUN":
        verb = holder.head
        return (_children(verb, _SUBJ) or _inherited_subject(verb)) if holder.dep_ == "dobj" else []
    if word == "for" and lemma in _RESPONSIBILITY and holder.dep_ in {"acomp", "amod"}:
        return _children(holder.head, _SUBJ)
    if holder.pos_ == "VERB" and word in _CHARGING.get(lemma, ()):
        return _children(holder, {"dobj"} | _PASS_SUBJ)
    verb = holder.head  # the parser hung "of atrocities" on the accused
    if holder.dep_ == "dobj" and word in _CHARGING.get(verb.lemma_.lower(), ()):
        return [holder]
    return []


def _other_targets(tok: Any, entry: _Entry, found: list[Any], nominal: bool) -> list[Any]:
    """Targets to try when the first ones name no actor: a verb's target-preposition object
    behind a non-actor direct object ("discussed the resolution *with Sisi*"); for a noun, a
    target preposition the parser hung inside the noun's phrase ("attacks by the Houthis *on
    Saudi Arabia*", "atrocities, including rape, *against the Rohingya*")."""
    preps = entry.target_preps - {"of"}
    if not nominal:
        return [t for t in _pobjs(tok, preps) if t not in found]
    for t in tok.subtree:
        if t.dep_ in _CLAUSAL and t.i != tok.i:
            break
        if t.dep_ == "prep" and t.lower_ in preps and t.head.i != tok.i:
            return [p for p in t.children if p.dep_ == "pobj"]
    return []


def _participant(tok: Any) -> list[Any]:
    """Who takes part in a meeting-like event named in a prepositional phrase: "Tillerson,
    on a visit to Myanmar", "he raised it during a meeting with Suu Kyi"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _PARTICIPANT_PREPS:
        return []
    holder = prep.head
    if holder.pos_ in {"NOUN", "PROPN"} and holder.dep_ in _SUBJ | _PASS_SUBJ:
        return [holder]
    if holder.pos_ in {"VERB", "AUX"}:
        return _children(holder, _SUBJ) or _inherited_subject(holder)
    return []


def _expand(tokens: list[Any]) -> list[Any]:
    """Add coordinated conjuncts: "Russia and Iran" → [Russia, Iran]."""
    out: list[Any] = []
    for t in tokens:
        for c in (t, *t.conjuncts):
            if c not in out:
                out.append(c)
    return out


def _clause_span(tok: Any, extra: list[Any]) -> tuple[int, int]:
    """Token-character span of the event clause: trigger, its non-clausal dependents, arguments."""
    start, end = tok.idx, tok.idx + len(tok)
    parts = [c for c in tok.children if c.dep_ not in _CLAUSAL] + extra
    for part in parts:
        sub = list(part.subtree)
        start = min(start, sub[0].idx)
        end = max(end, sub[-1].idx + len(sub[-1]))
    return start, end


def _mode(entry: _Entry, text: str) -> str | None:
    if entry.mode:
        return entry.mode
    lowered = f" {text.lower()} "
    for word, mode in _lexicon().modes.items():
        if f" {word}" in lowered:
            return mode
    return None


def _merged_into_verb(tok: Any) -> bool:
    """A nominal trigger that is part of a verbal event: its means ("killed in an airstrike") or
    its object ("imposed sanctions")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"in", "during", "by", "with"}:
        verb = head.head
        return verb.pos_ == "VERB" and _trigger(verb) is not None
    if tok.dep_ == "dobj" and head.pos_ == "VERB":
        found = _trigger(head)  # "threatened war": the war is what is threatened
        return found is not None and (
            tok.lemma_.lower() in found[0].objects or found[0].type == "THREATEN"
        )
    return False


def _threatened(obj: Any, finder: _ActorFinder) -> list[Actor]:
    """Whom a threatened event noun is aimed at ("threatened war with North Korea")."""
    found = _trigger(obj)
    if found is None or not found[1]:
        return []
    actors = [finder.resolve(t) for t in _expand(_pobjs(obj, found[0].target_preps | {"with"}))]
    return [a for a in actors if a is not None and a.code]


def _event_agents(tok: Any, finder: _ActorFinder) -> list[Actor]:
    """When an object is itself an event noun ("condemned missile attacks by the Houthis"),
    the actors behind that event: its ``by`` agent, possessor or actor modifiers."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.lemma_.lower() not in _lexicon().nouns:
        return []
    heads = _pobjs(tok, {"by"}) + _children(tok, {"poss"})
    found = [finder.resolve(h) for h in heads]
    return [a for a in found if a is not None and a.code] or finder.modifiers(tok)[:1]


def _sentence_events(doc: Document, index: int, pdoc: Any, finder: _ActorFinder) -> list[Event]:
    sentence = doc.sentences[index]
    offset = sentence.start
    events: list[Event] = []
    for tok in pdoc:
        judged = _judgement(tok) or _no_finding(tok)
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
            if nominal and (_merged_into_verb(tok) or tok.ent_type_ in _NAMED_THINGS):
                continue
            source_toks, target_toks = _arguments(tok, entry, nominal)
        sources = [finder.resolve(t) for t in _expand(source_toks)]
        targets = [finder.resolve(t) for t in _expand(target_toks)]
        if not nominal and not any(a is not None and a.code for a in sources):
            sources = _misattached_conjunct(tok, finder) or sources
        if not any(targets):  # "discussed the resolution with Sisi", "attacks by X on Y"
            other = _other_targets(tok, entry, target_toks, nominal)
            resolved = [finder.resolve(t) for t in _expand(other)]
            targets = resolved if any(resolved) else targets
        if not nominal and target_toks and not any(targets) and entry.type == "THREATEN":
            targets = _threatened(target_toks[0], finder)  # "threatened war with North Korea"
        if not nominal and target_toks and not any(targets):
            targets = _event_agents(target_toks[0], finder) or finder.owners(target_toks[0], tok)
        if nominal and not any(sources):
            mods = finder.modifiers(tok)
            if mods and not any(targets):  # "U.S.-Russian proxy war"
                sources = [mods[0]]
                targets = [mods[1]] if len(mods) > 1 else [None]
            elif mods:  # "U.S. military operations against al-Qaeda"
                sources = [m for m in mods if all(m.start != t.start for t in targets if t)][:1]
        sources = [a for a in sources if a is not None] or [None]
        targets = [a for a in targets if a is not None] or [None]
        if entry.type in _lexicon().symmetric_types and len(source_toks) == 1:
            sources = _coordinated(source_toks[0], finder) or sources
        sources, targets = _pair_sides(entry, sources, targets)
        if entry.type == "PROTEST" or (
            entry.implicit_source and _unnamed_doer(tok, entry, source_toks, nominal)
        ):
            sources, targets = _implicit_sides(doc, tok, entry, finder, sources, targets)
        coded = any(a is not None and a.code for a in (*sources, *targets))
        has_args = bool(source_toks or target_toks) or coded
        if (entry.weak or nominal) and not coded:
            continue
        if entry.needs_target and not any(a is not None and a.code for a in targets):
            continue
        if not has_args:
            continue
        start, end = _clause_span(tok, source_toks + target_toks)
        own = list(tok.subtree)
        span_text = pdoc.text[own[0].idx : own[-1].idx + len(own[-1])]
        for source in sources:
            for target in targets:
                if source is not None and target is not None and source.start == target.start:
                    continue
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
    return bool(_children(tok, _PASS_SUBJ)) or any(c.dep_ == "auxpass" for c in tok.children)


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


def _misattached_conjunct(tok: Any, finder: _ActorFinder) -> list[Actor | None]:
    """ "Iran says its program is peaceful and denies ...": the parser joins "denies" to the
    reported clause, whose subject is no actor; the speaker is the one who denies."""
    head = tok.head
    if tok.dep_ != "conj" or head.dep_ != "ccomp":
        return []
    found = [finder.resolve(t) for t in _children(head.head, _SUBJ)]
    return [a for a in found if a is not None and a.code]


def _coordinated(head: Any, finder: _ActorFinder) -> list[Actor | None]:
    """Coded actors joined by "and" inside one subject phrase, when the parser missed the
    coordination ("President Donald Trump and Russian President Vladimir Putin spoke")."""
    sub = list(head.subtree)
    if not any(t.lower_ == "and" and t.dep_ == "cc" for t in sub):
        return []
    inside = finder.within(sub[0].idx, sub[-1].idx + len(sub[-1]))
    return list(inside) if len(inside) >= 2 else []


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
    if entry.verbal and mode is None and _verbal(source, target, lex):
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
