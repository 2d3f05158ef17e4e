"""The predicate lexicon (``data/predicates.yaml``): entries, trigger look-up, lemma fixes and
the figurative (dismissal) senses a trigger is not an event in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sitmap import lexicons, tokens
from sitmap.events import senses
from sitmap.events.syntax import (
    _VERBAL_DEPS,
    _children,
    _inherited_subject,
    _is_prep,
    _objects,
    _pobjs,
)

GENERATED = "predicates_wordnet.yaml"  # class-level entries, merged below the hand lexicon


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
    complement: frozenset[str] = frozenset()  # "pleaded guilty": needs one of these complements
    negated: bool | None = False  # ... with "not" ("pleaded not guilty"); None: either way
    wish: bool = False  # "wants China to do more": needs a to-clause with its own subject
    refusal: bool = False  # "declined to provide X": needs an object or an infinitive that
    # is no event itself ("refused to criticize X" is the criticism, negated) nor silence
    destination: bool = False  # "a visit to Beijing": a place visited is its state (CHN)
    threat: bool = False  # "vowed to retaliate": holds only with a hostile act as its content
    dissuade: bool = False  # "warned X not to attack": holds only with a negated infinitive
    court: str | None = None  # "source"/"target": the side a court is when none is named
    needs_source: bool = False  # needs a coded source ("X said Y must ...": X's demand)
    foreign: bool = False  # an arrival: a person or body reaching another state ("arrived in")
    directive: bool = False  # "told X to leave": needs an addressee and what it is to do
    naming: bool = False  # "called X a Y": needs an object and what it is called (the guide's
    # name-calling, whatever the name: "called Obama a Kenyan"), no praise (see ``praises``)
    thing_object: bool = False  # "questioned the figures": not with a person as object (the
    # lemma's other sense, "questioned Kushner", is an interrogation)
    appearance: bool = False  # "will testify": the subject's own act, with no that-clause
    # ("testified that ..." reports what was said) and no verb above it that sends or lets
    # the subject do it ("called to testify", "cleared him to testify")


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
    predicatives: dict[str, _Entry]  # "Y was to blame", "Y is a liar", said by the judge
    denied_findings: dict[str, _Entry]  # "found no evidence": a rejection
    judging_verbs: frozenset[str]  # verbs whose subject judges ("said", "found")
    instruments: frozenset[str]  # weapons as subjects: "an IED exploded"
    lemma_fixes: dict[str, str]  # word forms the tagger lemmatises wrongly: "raped" -> "rape"
    silence: frozenset[str]  # infinitives a refusal of which is no event ("declined to comment")
    unnamed_doer_types: frozenset[str] = frozenset()  # types whose uncoded doer is UAF
    occurrence_verbs: tuple[str, ...] = ()  # "took place", "broke out": a noun that happened
    doer_nouns: frozenset[str] = frozenset()  # singular nouns of people ("a man", "a patrol")
    demand: _Entry | None = None  # "X said Y must ...": see ``demand``
    deontic: frozenset[str] = frozenset()  # modals of obligation ("should", "must")
    semi_modals: frozenset[str] = frozenset()  # "needs to", "has to", "ought to"
    documents: frozenset[str] = frozenset()  # "a letter urging X": said by its author
    persons: frozenset[str] = frozenset()  # nouns an evaluation's adjective praises: "a great man"


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
        complement=frozenset(_words(spec.get("complement", ()))),
        negated=None if spec.get("negated", False) is None else bool(spec.get("negated")),
        refusal=bool(spec.get("refusal", False)),
        destination=bool(spec.get("destination", False)),
        wish=bool(spec.get("wish", False)),
        threat=bool(spec.get("threat", False)),
        dissuade=bool(spec.get("dissuade", False)),
        court=spec.get("court"),
        needs_source=bool(spec.get("needs_source", False)),
        foreign=bool(spec.get("foreign", False)),
        directive=bool(spec.get("directive", False)),
        thing_object=bool(spec.get("thing_object", False)),
        naming=bool(spec.get("naming", False)),
        appearance=bool(spec.get("appearance", False)),
    )


def _words(items: Any) -> list[str]:
    """Words of a YAML list, where YAML 1.1 reads a bare ``on``/``off`` as a boolean."""
    return [{True: "on", False: "off"}.get(w, w) if isinstance(w, bool) else str(w) for w in items]


def _alternative(spec: dict[str, Any], key: str) -> tuple[str, str] | None:
    alt = spec.get(key)
    return (alt["type"], str(alt["cameo"])) if alt else None


def _entries(lemma: str, spec: Any) -> tuple[_Entry, ...]:
    """The senses of one lexicon lemma: its spec, or each spec of its list."""
    return tuple(_entry(lemma, s) for s in (spec if isinstance(spec, list) else [spec]))


@cache
def _lexicon() -> _Lexicon:
    data = lexicons.yaml_file("predicates.yaml")
    verbs = {lemma: _entries(lemma, spec) for lemma, spec in data["verbs"].items()}
    nouns = {lemma: _entries(lemma, spec) for lemma, spec in data["nouns"].items()}
    conflict = data.get("conflict") or {}
    for section, table in (("verbs", verbs), ("nouns", nouns)):
        for lemma, spec in (conflict.get(section) or {}).items():
            table[lemma] = _entries(lemma, spec)
    _merge_generated(verbs, nouns)
    civil_sectors = frozenset(data["civil_sectors"])
    modes = {w: mode for mode, words in data["modes"].items() for w in words}
    nominal = frozenset(k.split()[-1] for k in nouns)
    predicatives = {lemma: _entry(lemma, spec) for lemma, spec in data["predicatives"].items()}
    evaluations = dict(data.get("evaluations") or {})
    persons = frozenset(evaluations.pop("persons", ()))
    for kind, spec in evaluations.items():
        judged = {"type": kind, "cameo": spec["cameo"], "needs_target": True, "needs_source": True}
        for word in spec["words"]:
            predicatives.setdefault(str(word), _entry(str(word), judged))
    lemmas = {
        "VERB": frozenset(verbs) | frozenset(predicatives),
        "NOUN": nominal | frozenset(data["denied_findings"]) | frozenset(predicatives),
        "PROPN": nominal,
        "ADJ": frozenset(predicatives),
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
        predicatives,
        {lemma: _entry(lemma, spec) for lemma, spec in data["denied_findings"].items()},
        frozenset(data["judging_verbs"]),
        frozenset(data["instruments"]),
        {str(k): str(v) for k, v in (data.get("lemma_fixes") or {}).items()},
        frozenset(data.get("silence") or ()),
        frozenset(conflict.get("unnamed_doer_types") or ()),
        tuple(conflict.get("occurrence_verbs") or ()),
        frozenset(conflict.get("doer_nouns") or ()),
        _entry("demand", data["demands"]["entry"]),
        frozenset(data["demands"]["modals"]),
        frozenset(data["demands"]["semi_modals"]),
        frozenset(data.get("documents") or ()),
        persons,
    )


def _merge_generated(
    verbs: dict[str, tuple[_Entry, ...]], nouns: dict[str, tuple[_Entry, ...]]
) -> None:
    """Add the class-level predicates generated from WordNet (``predicates_wordnet.yaml``, made
    by ``tools/build_predicates_wordnet.py``) BELOW the hand lexicon: a lemma the hand lexicon
    lists keeps its hand entries."""
    data = lexicons.yaml_file(GENERATED)
    for section, table in (("verbs", verbs), ("nouns", nouns)):
        for lemma, spec in (data.get(section) or {}).items():
            if lemma not in table:
                table[lemma] = _entries(lemma, spec)


def may_hold_event(span: Any) -> bool:
    """True when a sentence (spaCy span with lemmas) has a token that may trigger an event.

    Reads the document's token table (``sitmap.tokens``), not one ``Token`` per word: the same
    tests as ``_lemma``, ``_capitalised_verb``, ``_capitalised_noun`` and ``_hyphenated``."""
    lex = _lexicon()
    lemmas, fixes = lex.lemmas, lex.lemma_fixes
    empty: frozenset[str] = frozenset()
    nouns = lemmas.get("NOUN", empty)
    tab = tokens.table(span.doc)
    text, lower, pos, lemma, trailing = tab.text, tab.lower, tab.pos, tab.lemma, tab.trailing
    title, ent_type = tab.title, tab.ent_type
    journeys = _journey_verbs()
    words = []
    for i in range(span.start, span.end):
        word = lower[i]
        lem = fixes.get(word) or lemma[i].lower()
        words.append(lem)
        tag = pos[i]
        if lem in lemmas.get(tag, empty) and (
            tag != "VERB" or lem not in journeys or _names_place(ent_type, span)
        ):
            return True
        if (
            tag == "PROPN"
            and title[i]
            and (_participle_verb(word) or (not ent_type[i] and _plural_noun(word)))
        ):
            return True
        if (
            i >= 2
            and text[i - 1] == "-"
            and not trailing[i - 2]
            and not trailing[i - 1]
            and f"{lower[i - 2]}-{lem}" in nouns
        ):
            return True
    obliged = any(
        lower[i] in lex.deontic
        or (lem in lex.semi_modals and i + 1 < len(lower) and lower[i + 1] == "to")
        for i, lem in enumerate(words, span.start)
    )
    return obliged and any(lem in lex.judging_verbs for lem in words)


@cache
def _journey_verbs() -> frozenset[str]:
    """Verbs whose every sense is a journey abroad (``foreign``: "arrived in", "went to"):
    a sentence that names no place cannot hold one, so it need not be parsed for them."""
    return frozenset(
        lemma for lemma, entries in _lexicon().verbs.items() if all(e.foreign for e in entries)
    )


def _names_place(ent_type: list[str], span: Any) -> bool:
    """Whether a sentence has a place entity (a state, a city, a region)."""
    return any(ent_type[i] in {"GPE", "LOC"} for i in range(span.start, span.end))


def _hyphenated(tok: Any) -> str | None:
    """The hyphenated word a token ends, as the lexicon spells it ("sit-in", "sit-ins" →
    "sit-in", "shoot-out"): spaCy splits such words into three tokens; None for any other."""
    if tok.i < 2 or tok.nbor(-1).text != "-":
        return None
    first = tok.nbor(-2)
    if first.whitespace_ or tok.nbor(-1).whitespace_:
        return None  # "talks - in Geneva": a dash, no compound
    return f"{first.lower_}-{_lemma(tok)}"


def _lemma(tok: Any) -> str:
    """The token's lemma, corrected where the tagger gets a trigger wrong ("raped": "rap")."""
    return _lexicon().lemma_fixes.get(tok.lower_) or tok.lemma_.lower()


def _capitalised_verb(tok: Any) -> str | None:
    """The lexicon verb a capitalised participle the tagger took for a name stands for
    ("*Visiting* Seoul, Trump warned ..." tagged PROPN), or None."""
    if tok.pos_ != "PROPN" or not tok.is_title:
        return None
    return _participle_verb(tok.lower_)


def _participle_verb(word: str) -> str | None:
    """The lexicon verb a lower-cased participle ("visiting", "denied") is a form of, or None."""
    if not word.endswith(("ing", "ed")):
        return None
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    candidates = (stem, stem + "e", stem[:-1], stem[:-1] + "y" if word.endswith("ied") else "")
    verbs = _lexicon().verbs
    return next((c for c in candidates if c in verbs), None)


def _capitalised_noun(tok: Any) -> str | None:
    """The lexicon noun a capitalised word the tagger took for a name stands for, when it is
    no entity ("*Meetings* between Trump and Xi ...", "*Arrests* of gang members"), or None."""
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_:
        return None
    return _plural_noun(tok.lower_)


def _plural_noun(word: str) -> str | None:
    """The lexicon noun a lower-cased word is, or is the plural of ("arrests"), or None."""
    candidates = (
        word,
        word[:-1] if word.endswith("s") else "",
        word[:-3] + "y" if word.endswith("ies") else "",
    )
    nouns = _lexicon().nouns
    return next((c for c in candidates if c and c in nouns), None)


def _complemented(tok: Any, entry: _Entry) -> bool:
    """Whether a verb has one of the entry's complements, negated as the entry says:
    "pleaded guilty" (CONCEDE), "pleaded not guilty" (REJECT)."""
    found = [c for c in _complements(tok) if c.lemma_.lower() in entry.complement]
    if not found:
        return False
    negated = any(g.dep_ == "neg" for c in found for g in c.children) or any(
        c.dep_ == "neg" and c.i > tok.i for c in tok.children
    )
    return entry.negated is None or negated == entry.negated


def _complements(tok: Any) -> list[Any]:
    """A verb's complements and objects, with their conjuncts ("called Kim short and *fat*"),
    the words describing a predicated noun ("called him an *ungrateful* fool"), and a noun the
    parser set beside the object ("branded Greece *a terrorist state*")."""
    found: list[Any] = []
    named = any(c.dep_ == "dobj" for c in tok.children)  # not "called the corrupt mayor"
    for c in tok.children:
        if c.dep_ not in {"acomp", "oprd", "dobj", "advmod"}:
            continue
        for x in (c, *c.conjuncts):
            found.append(x)
            nouns = [x] if x.dep_ == "oprd" and named else []
            if x.dep_ == "dobj":
                nouns = [a for a in x.children if a.dep_ == "appos"]
                found.extend(nouns)
            found.extend(m for n in nouns for m in n.children if m.dep_ == "amod")
    return found


def _requested(tok: Any) -> bool:
    """Whether a verb is what an appeal asks for, its to-infinitive or one inside it ("urged
    Russia *to withdraw*", "wanted Pakistan to take action to help *fight* ..."), or what a
    threat threatens ("threatened *to impose* sanctions", "warned it would *retaliate*"): the
    guide codes the appeal or the threat only."""
    for _ in range(3):
        head = tok.head
        if tok.dep_ == "acl" and head.i != tok.i and _asked_for(tok, head):
            return True  # "requests to detain migrants": what the request asks for
        if tok.dep_ not in {"xcomp", "ccomp", "advcl"} or head.i == tok.i:
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if infinitive and head.pos_ == "VERB" and _appeal(head):
            return True
        if _mandative(tok) and head.pos_ == "VERB" and _appeal(head):
            return True  # "demanded that the court punish the lawyers"
        if head.pos_ == "VERB" and _own_act(tok, infinitive) and _threat(head):
            return True
        tok = head
    return False


_THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})


def _mandative(clause: Any) -> bool:
    """Whether a that-clause is mandative: its verb in the bare form (the subjunctive, "that
    the court *punish*") or under "should"/"must", with a subject of its own and no
    question mark ("asked whether ..." asks a question)."""
    if clause.dep_ != "ccomp" or not _children(clause, {"nsubj"}):
        return False
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
        return False
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"should", "must"} for a in auxes):
        return True
    return not auxes and clause.tag_ in {"VB", "VBP"} and clause.lemma_.lower() != "be"


def _asked_for(clause: Any, noun: Any) -> bool:
    """Whether an infinitive on a noun is what a request noun asks for ("requests *to detain*
    people", "a call to withdraw")."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    return any(e.type == "REQUEST" for e in _lexicon().nouns.get(noun.lemma_.lower(), ()))


def _own_act(clause: Any, infinitive: bool) -> bool:
    """Whether a verb's complement clause is an act of the verb's own subject: an infinitive
    with no subject of its own ("threatened *to impose* sanctions") or a clause whose active
    subject is a pronoun for the speaker ("Turkey warned *it* would retaliate"); not "warned
    that North Korea could attack", a warning about another's act."""
    if clause.dep_ == "advcl":
        return False
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    if infinitive:
        return not subjects
    return len(subjects) == 1 and subjects[0].dep_ == "nsubj" and subjects[0].tag_ == "PRP"


def demand(tok: Any) -> tuple[_Entry, list[Any], list[Any]] | None:
    """A demand stated as another actor's obligation in a speaker's complement clause: "X
    said (insisted, believes) Y should / must / ought to / needs to / has to do Z" is X's
    demand on Y (CAMEO 10), what Y is to do not coded apart. ``tok`` is the obliged act;
    returns (entry, source tokens, target tokens), or None. Not a past obligation ("should
    have acted": a reproach), a passive ("should be lifted": no one obliged), a state ("must
    be worried") nor a plan ("will stop")."""
    lex = _lexicon()
    if lex.demand is None or tok.pos_ not in {"VERB", "AUX"} or _lemma(tok) == "be":
        return None
    clause, obliged = tok, False
    if tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        clause = tok.head  # "Pakistan *needs* to dismantle ...": the semi-modal heads it
        obliged = _lemma(clause) in lex.semi_modals and clause.i != tok.i
    auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
    if not obliged:
        if clause is not tok:
            return None
        obliged = any(a in lex.deontic for a in auxes)
    if not obliged or "have" in auxes or clause.dep_ != "ccomp":
        return None
    judge = clause.head
    if judge.i == clause.i or _lemma(judge) not in lex.judging_verbs:
        return None
    targets = [c for c in clause.children if c.dep_ == "nsubj"]
    sources = [c for c in judge.children if c.dep_ == "nsubj"] or _inherited_subject(judge)
    if not targets or not sources or any(c.dep_ == "nsubjpass" for c in tok.children):
        return None
    return lex.demand, sources, targets


def _demanded(tok: Any) -> bool:
    """Whether a verb is what a demand obliges another actor to do ("said Iran needs to
    *withdraw*"): coded as the demand only (the modal ones are left out by ``senses``)."""
    return demand(tok) is not None


def _dissuaded(tok: Any) -> Any:
    """The negated to-infinitive of a warning, what the warned actor is told not to do
    ("warned Washington *not to attack*"): such a warning is an appeal (the guide's REQUEST),
    or None."""
    for clause in tok.children:
        if clause.dep_ not in {"xcomp", "ccomp"} or clause.pos_ not in {"VERB", "AUX"}:
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ in {"aux", "neg"}}
        if {"to", "not"} <= marks or {"to", "never"} <= marks:
            return clause
    return None


def _threat(head: Any) -> bool:
    """Whether a verb is a threat (a THREATEN sense whose conditions hold), read without
    ``_trigger``'s look-up of its own head."""
    for entry in _lexicon().verbs.get(_lemma(head), ()):
        if entry.type != "THREATEN" or entry.prep or entry.objects:
            continue
        return not entry.threat or _hostile_content(head) is not None
    return False


def _hostile_content(tok: Any) -> Any:
    """The to-infinitive of a promise that is a hostile act of the promiser ("vowed *to
    retaliate* against Israel", "pledged to punish ..."), or None ("vowed to cooperate")."""
    for clause in tok.children:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if clause.dep_ != "xcomp" or not infinitive or clause.pos_ != "VERB":
            continue
        found = _trigger(clause, content=True)
        if found is not None and found[0].type in _THREAT_TYPES:
            return clause
    return None


def threat_content(tok: Any) -> list[tuple[Any, _Entry]]:
    """The acts a threat verb threatens, with their lexicon entries ("warned it would
    *retaliate* against Greece"): where the threat's target is found."""
    found = []
    for clause in tok.children:
        if clause.dep_ not in {"xcomp", "ccomp"} or clause.pos_ != "VERB":
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        act = _trigger(clause, content=True) if _own_act(clause, infinitive) else None
        if act is not None and not act[1]:
            found.append((clause, act[0]))
    return found


def _appeal(head: Any) -> bool:
    """Whether a verb is an appeal (a REQUEST sense whose conditions hold), read without
    ``_trigger`` so that the two never call each other in a loop."""
    children = list(head.children)
    for entry in _lexicon().verbs.get(_lemma(head), ()):  # the appeal's sense, as _trigger
        if entry.prep and not (
            any(_bound_prep(c, entry.prep) for c in children)
            or _marked_clause(children, entry.prep)
        ):
            continue
        if entry.objects and not any(  # "sought help" appeals, "sought to punish" does not
            c.lemma_.lower() in entry.objects
            for c in _objects(head, entry.prep) + _children(head, _COMPLEMENTS)
        ):
            continue
        if not _frame_holds(head, entry):
            continue
        return entry.type == "REQUEST"
    return False


def _frame_holds(tok: Any, entry: _Entry) -> bool:
    """Whether the clause conditions an entry sets hold on its verb (shared by ``_trigger``
    and ``_appeal``): a complement, a wished subject ("wants *Pakistan* to act"; "wants to
    deport ..." is the subject's own plan, coded itself), a dissuasion, a directive's act."""
    return not (
        (entry.complement and not _complemented(tok, entry))
        or (entry.wish and (not wished_subjects(tok) or senses.idle_wish(tok)))
        or (entry.dissuade and _dissuaded(tok) is None)
        or (entry.directive and directed_act(tok) is None)
        or (entry.thing_object and _person_object(tok))
        or (entry.naming and not _named(tok))
        or (entry.appearance and not _own_appearance(tok))
    )


def _own_appearance(tok: Any) -> bool:
    """Whether a verb is its subject's own act, with no reported content: no that-clause
    ("testified *that* ...") and not an infinitive under another verb ("was called *to
    testify*", "subpoenaed him *to testify*"); under an adjective or a modal it is ("is
    willing to testify", "will testify")."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return not (infinitive and tok.dep_ in {"xcomp", "ccomp", "advcl"} and tok.head.pos_ == "VERB")


def _named(tok: Any) -> bool:
    """Whether a naming verb has both an object and what the object is called: an object's
    complement ("called the minister *a coward*", "was called *a liar*"), a name set beside the
    object ("called Obama *a Kenyan*"), or a second object ("which you call *Fake News*"); not
    a name given ("a group called Britain First") nor a call made ("called the minister"),
    nor the means of an act a verb above it tells ("insulted him *by calling* him old"), nor a
    thing named ("calling *it* a handout", "called the *investigation* a witch hunt"): a label
    for a thing is an opinion of it, no accusation of an actor."""
    objects = _objects(tok, None)
    if not objects or all(senses.thing(o, tok) for o in objects):
        return False
    by = tok.head
    means = tok.dep_ == "pcomp" and by.lower_ == "by" and by.head.i != by.i
    if means and by.head.pos_ == "VERB" and _trigger(by.head) is not None:
        return False
    predicate = any(c.dep_ == "oprd" and c.pos_ in {"NOUN", "PROPN", "ADJ"} for c in tok.children)
    beside = any(a.dep_ == "appos" for o in objects for a in o.children)
    return predicate or beside or len([c for c in tok.children if c.dep_ == "dobj"]) > 1


def _person_object(tok: Any) -> bool:
    """Whether a verb's direct object or passive subject is a person: a name, a personal
    pronoun or a noun of people ("questioned *Kushner*", "*he* was questioned by agents",
    "questioned two *men*"), not "it" nor a thing."""
    people = _lexicon().doer_nouns | _figurative_lexicon()[1]  # "a man", "the minister"
    return any(
        x.ent_type_ == "PERSON"
        or (x.tag_ == "PRP" and x.lower_ not in {"it", "this", "that"})
        or (x.pos_ == "NOUN" and x.lemma_.lower() in people)
        for o in _objects(tok, None)
        for x in (o, *o.conjuncts)
    )


def wished_subjects(tok: Any) -> list[Any]:
    """Whom a wish asks to act: the subject of its to-clause ("wants *Pakistan* to take
    action", "want *him* to withdraw"); [] when the wish is the speaker's own ("wants to meet
    Putin")."""
    for clause in tok.children:
        if clause.dep_ in {"ccomp", "xcomp"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                return subjects
    return []


def directed_act(tok: Any) -> Any:
    """What a directive verb tells its addressee to do, or None: a to-infinitive with no
    subject of its own beside a direct object ("ordered the army *to withdraw*", "persuaded
    Ghana *to join*", "tells voters not *to sell*") or an imperative clause ("told the minister
    don't *bother*"). Without both, "told reporters that ..." or "ordered a review" is no
    appeal."""
    children = list(tok.children)
    if not any(c.dep_ in {"dobj", "dative"} for c in children):
        return None
    for clause in children:
        if clause.pos_ not in {"VERB", "AUX"}:
            continue
        own = any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in clause.children)
        if own:
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if clause.dep_ == "xcomp" and infinitive:
            return clause
        if clause.dep_ == "ccomp" and clause.tag_ == "VB" and clause.i > tok.i:
            return clause
    return None


def _refused(tok: Any) -> bool:
    """Whether a refusal verb rejects something: an object ("declined the invitation") or an
    infinitive that is neither silence ("declined to comment"; "refused to answer questions" is
    a rejection of the questioner) nor an event of its own, which
    is coded instead, negated ("refused to criticize China") — except a meeting or a deal
    refused ("refused to meet X"), a rejection as the guide codes it."""
    lex = _lexicon()
    for clause in tok.children:
        if clause.dep_ != "xcomp" or not any(c.lower_ == "to" for c in clause.children):
            continue
        if _lemma(clause) in lex.silence:
            # "refused to answer the senator's questions": questions someone put to one,
            # refused (as "dodged a question"); "declined to comment", "declined to answer
            # questions" (nobody's), "declined to say whether": silence
            return any(
                c.dep_ == "dobj" and c.lemma_.lower() == "question" and _asked_by(c)
                for c in clause.children
            )
        found = _trigger(clause) if clause.pos_ == "VERB" else None
        return found is None or found[0].type in lex.symmetric_types
    # "declined comment", "refused further comment": silence as a noun is no rejection either
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in lex.silence for c in tok.children)


def _asked_by(question: Any) -> bool:
    """Whether a question noun names who asked it ("the senator's questions", "questions
    from reporters", "the questions of Senator X")."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"of", "from", "by"})
        for c in question.children
    )


def labelled_as(tok: Any) -> list[Any]:
    """What a labelling verb's object is called, when the parser hung the "as" phrase on the
    object ("described [the army's actions as ethnic *cleansing*]")."""
    return [
        p
        for obj in tok.children
        if obj.dep_ == "dobj"
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def _bound_prep(child: Any, prep: str) -> bool:
    """Whether a verb's child is its bound preposition or particle ("called *on* Iran"), not
    a time ("called the mayor *on* Friday")."""
    # a particle the parser made an adverb right after its verb ("pushed *back* on")
    particle = child.dep_ == "advmod" and child.i == child.head.i + 1
    if not (_is_prep(child) or child.dep_ == "prt" or particle) or child.lower_ != prep:
        return False
    return not any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in child.children)


def _marked_clause(children: list[Any], prep: str) -> Any:
    """A clause the preposition introduces as its mark ("called *for* Israel to halt ...":
    the parser makes "for" the mark of "halt"), or None."""
    return next(
        (
            c
            for c in children
            if c.dep_ in {"advcl", "xcomp", "ccomp", "acl"}
            and any(m.dep_ == "mark" and m.lower_ == prep for m in c.children)
        ),
        None,
    )


# an object's complement that binds a verb's sense like its object: "took twelve sailors
# *hostage*", "were taken *hostage*", "took *hostage* twelve sailors" (parsed as a dative),
# "took ten oil workers *hostage*" (parsed as a clause of its own)
_COMPLEMENTS = {"oprd", "xcomp", "dative", "ccomp"}


def _trigger(tok: Any, content: bool = False) -> tuple[_Entry, bool] | None:
    """The lexicon entry a token triggers, and whether it is nominal; with ``content``, also
    when it is the content of an appeal or a threat (coded with that speech act only)."""
    lex = _lexicon()
    verb_form = _capitalised_verb(tok) if tok.dep_ in _VERBAL_DEPS else None
    lemma = verb_form or _lemma(tok)
    if (tok.pos_ == "VERB" or verb_form) and lemma in lex.verbs:
        if not content and (_requested(tok) or _demanded(tok)):
            return None
        children = list(tok.children)
        for entry in lex.verbs[lemma]:
            labels = labelled_as(tok) if entry.prep == "as" else []
            if (
                entry.prep
                and not any(_bound_prep(c, entry.prep) for c in children)
                and not _marked_clause(children, entry.prep)
                and not labels
            ):
                continue
            named = _pobjs(tok, {"as"}) + labels if entry.prep == "as" else []
            if entry.objects and not any(  # "as": what the object is called, not the object
                c.lemma_.lower() in entry.objects
                for c in named or _objects(tok, entry.prep) + _children(tok, _COMPLEMENTS)
            ):
                continue
            if not _frame_holds(tok, entry):
                continue
            if entry.refusal and not _refused(tok):
                continue
            if entry.threat and _hostile_content(tok) is None:
                continue
            if not entry.objects and (
                _figurative(tok, entry, lemma)
                or (not content and senses.other_verb_sense(tok, entry.type, lemma))
            ):
                return None  # (the content of a threat is no event of its own: see senses)
            return entry, False
        return None
    if tok.pos_ in {"NOUN", "PROPN"}:
        lemma = _capitalised_noun(tok) or lemma
        prev = tok.nbor(-1) if tok.i > 0 else None
        pair = f"{prev.lower_} {lemma}" if prev is not None else None
        joined = _hyphenated(tok)
        phrase = next((k for k in (pair, joined) if k is not None and k in lex.nouns), None)
        if phrase is None and (lemma not in lex.nouns or tok.dep_ == "compound"):
            return None  # no event noun here: the costlier sense tests below need not run
        if senses.figurative_noun(tok) or tok.ent_type_ in {"DATE", "TIME"}:
            return None  # "an empty threat", "a war of words"; "in March"
        if phrase is not None:  # a two-word or hyphenated event noun
            return lex.nouns[phrase][0], True
        children = list(tok.children)
        for entry in lex.nouns[lemma]:  # "a call *for* talks"; "a call" alone is none
            if entry.prep and not (
                any(c.dep_ == "prep" and c.lower_ == entry.prep for c in children)
                or _marked_clause(children, entry.prep)
            ):
                continue
            if entry.objects and not any(  # "an exchange *of fire*", "an offer of aid"
                o.lemma_.lower() in entry.objects for o in _pobjs(tok, {"of"})
            ):
                continue
            return entry, True
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
    """A person fired from a post: a dismissal, no assault. The one fired is a person word as
    object or passive subject ("fired Mueller", "fired his adviser", "Comey, *who* was fired"),
    the post is named ("being fired from the FBI"), or the participle sits on a person ("fired
    FBI Director James Comey"); firing "at" or "on" someone stays an attack."""
    dismissal, roles = _figurative_lexicon()
    if entry.type != "ASSAULT" or lemma not in dismissal:
        return False
    preps = {  # "fired him on Tuesday": a time is no one fired on
        c.lower_
        for c in tok.children
        if c.dep_ == "prep" and not any(p.ent_type_ in {"DATE", "TIME"} for p in c.children)
    }
    if preps & {"at", "on", "upon"}:
        return False  # "fired on protesters", "fired at the police"
    if "from" in preps:
        return True  # "since being fired from the FBI"
    if tok.dep_ == "amod" and tok.head.i != tok.i and _person_word(tok.head, roles):
        return True
    return any(
        _person_word(o, roles) or o.lower_ in {"who", "whom"}
        for o in _children(tok, {"dobj", "nsubjpass"})
    )
