"""Senses in which an event trigger names no event (``data/non_events.yaml``).

A lexicon predicate is a cue, not an event: "voted to *kill* the rule", "*released* a poll",
"*struck* the rule *down*", "*asked* if he had", "a *war* of words". Each
rule reads the trigger's own arguments in the parse (its objects, particle, clausal complement)
or the fixed phrase around a noun, so it applies to any text, not to one outlet or record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.events import doers
from sitmap.events.syntax import _PASS_SUBJ, _children
from sitmap.tokens import table

_OBJECTS = {"dobj"} | _PASS_SUBJ
_RELATIVE = {"which", "that", "who", "whom"}
_COMPLEMENTS = {"ccomp", "parataxis", "xcomp", "advcl"}  # "asked if": advcl to the parser
_DESCRIBING = {"acl", "relcl"}  # a clause describing the noun it hangs on
_UNTOLD_TAGS = {"VB", "VBG", "VBP", "VBZ"}  # infinitive, gerund, present: no past act told
_SETTING_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME"}
_WH_TAGS = {"WRB", "WP", "WP$", "WDT"}  # how, why, what, whose, which


@dataclass(frozen=True)
class _Senses:
    figurative_types: frozenset[str]
    inanimate_objects: frozenset[str]
    figurative_preps: frozenset[str]
    object_senses: dict[str, frozenset[str]]
    particle_senses: dict[str, frozenset[str]]
    transitive_senses: dict[str, frozenset[str]]  # verb -> objects that keep the event
    asking_verbs: frozenset[str]
    question_marks: frozenset[str]
    idle_wish_marks: frozenset[str]
    label_participles: frozenset[str]
    figurative_phrases: tuple[tuple[str, ...], ...]
    capability_words: frozenset[str]
    threat_verbs: frozenset[str]
    deontic_modals: frozenset[str]
    deontic_types: frozenset[str]
    defied_frames: frozenset[str]
    object_preps: frozenset[str]
    labelling_verbs: frozenset[str]
    modifier_senses: dict[str, frozenset[str]]
    generic_determiners: frozenset[str]
    partner_verbs: frozenset[str]
    singular_pronouns: frozenset[str]
    collective_nouns: frozenset[str]
    kind_determiners: frozenset[str]
    given_determiners: frozenset[str]
    advisory_verbs: frozenset[str]
    public_audiences: frozenset[str]
    natural_agents: frozenset[str]
    opinion_verbs: frozenset[str]
    opinion_degrees: frozenset[str]
    generic_objects: frozenset[str]
    formulas: dict[str, frozenset[str]]
    setting_verbs: frozenset[str]
    setting_preps: frozenset[str]
    press_audiences: frozenset[str]
    talk_verbs: frozenset[str]
    public_partners: frozenset[str]
    question_modals: frozenset[str]
    topic_preps: frozenset[str]
    state_verbs: frozenset[str]
    information_verbs: frozenset[str]
    contest_nouns: frozenset[str]
    contest_preps: frozenset[str]
    personal_events: frozenset[str]
    anonymity: dict[str, frozenset[str]]


@cache
def _senses() -> _Senses:
    data = lexicons.yaml_file("non_events.yaml")

    def table(key: str) -> dict[str, frozenset[str]]:
        return {str(k): frozenset(map(str, v)) for k, v in (data.get(key) or {}).items()}

    return _Senses(
        figurative_types=frozenset(data["figurative_types"]),
        inanimate_objects=frozenset(data["inanimate_objects"]),
        figurative_preps=frozenset(data.get("figurative_preps") or ()),
        object_senses=table("object_senses"),
        particle_senses=table("particle_senses"),
        transitive_senses=table("transitive_senses"),
        asking_verbs=frozenset(data["asking_verbs"]),
        question_marks=frozenset(data["question_marks"]),
        idle_wish_marks=frozenset(data["idle_wish_marks"]),
        label_participles=frozenset(data["label_participles"]),
        figurative_phrases=tuple(tuple(p.lower().split()) for p in data["figurative_phrases"]),
        capability_words=frozenset(data["capability_words"]),
        threat_verbs=frozenset(data["threat_verbs"]),
        deontic_modals=frozenset(data["deontic_modals"]),
        deontic_types=frozenset(data["deontic_types"]),
        defied_frames=frozenset(data["defied_frames"]),
        object_preps=frozenset(data["object_preps"]),
        labelling_verbs=frozenset(data["labelling_verbs"]),
        modifier_senses=table("modifier_senses"),
        generic_determiners=frozenset(data["generic_determiners"]),
        partner_verbs=frozenset(data["partner_verbs"]),
        singular_pronouns=frozenset(data["singular_pronouns"]),
        collective_nouns=frozenset(data["collective_nouns"]),
        kind_determiners=frozenset(data["kind_determiners"]),
        given_determiners=frozenset(data.get("given_determiners") or ()),
        advisory_verbs=frozenset(data["advisory_verbs"]),
        public_audiences=frozenset(data["public_audiences"]),
        natural_agents=frozenset(data["natural_agents"]),
        opinion_verbs=frozenset(data["opinion_verbs"]),
        opinion_degrees=frozenset(data["opinion_degrees"]),
        generic_objects=frozenset(data["generic_objects"]),
        formulas=table("formulas"),
        setting_verbs=frozenset(data["setting_verbs"]),
        setting_preps=frozenset(data["setting_preps"]),
        press_audiences=frozenset(data["press_audiences"]),
        talk_verbs=frozenset(data["talk_verbs"]),
        public_partners=frozenset(data["public_partners"]),
        question_modals=frozenset(data["question_modals"]),
        topic_preps=frozenset(data["topic_preps"]),
        state_verbs=frozenset(data["state_verbs"]),
        information_verbs=frozenset(data.get("information_verbs") or ()),
        contest_nouns=frozenset(data.get("contest_nouns") or ()),
        contest_preps=frozenset(data.get("contest_preps") or ()),
        personal_events=frozenset(data.get("personal_events") or ()),
        anonymity=table("anonymity"),
    )


@cache
def _information_nouns() -> frozenset[str]:
    """Nouns for information and messages, generated from WordNet (tools/wordnet_information.py)."""
    return frozenset(map(str, lexicons.yaml_file("information_nouns.yaml")["nouns"]))


def other_verb_sense(tok: Any, plover: str, lemma: str) -> bool:
    """Whether a verb trigger is used in a sense that is no event of its ``plover`` type."""
    senses = _senses()
    if _capability(tok, senses):
        return True  # "capable of hitting the mainland"
    if _felt(tok, senses):
        return True  # "villagers feel threatened by the army": a state, no act
    if _in_question(tok, senses):
        return True  # "Why would Lagos insult me?", "would you be defending him?"
    if _in_phrase(tok, senses):
        return True  # "an all-out strike, as opposed to firing a few missiles"
    if plover == "CONSULT" and _to_the_public(tok, lemma, senses):
        return True  # "speaking with reporters", "speaks directly to voters on television"
    if _content(tok, plover, senses):
        return True  # "threatened to destroy", "he should be lynched"
    if lemma in senses.label_participles and _label(tok):
        return True  # "the man accused of tackling the senator pleaded not guilty"
    if _labelled(tok, senses) or _generic(tok, senses):
        return True  # "did not consider it torture", "an offender who kills two people"
    if lemma in senses.partner_verbs and _alone(tok, senses):
        return True  # "Pruitt discussed the role of U.S. technology"
    if _advisory(tok, plover, lemma, senses) or _formula(tok, lemma, senses):
        return True  # "police warned residents that ...", "“Thank you,” she said"
    if lemma in senses.opinion_verbs and _opinion(tok, senses):
        return True  # "agencies agree that Russia was behind it", "couldn't agree more"
    if plover in senses.figurative_types and _anyone(tok, senses):
        return True  # "attacking innocent people won't stop terror", "to kill more people"
    if plover in senses.figurative_types and _contest(tok, senses):
        return True  # "beat her rival for the nomination", "the runoff pits X against Y"
    if plover in senses.figurative_types and _natural_agent(tok, senses):
        return True  # "the storm killed three people", "opioids are destroying our youth"
    if plover in senses.figurative_types and (doers.message(tok) or doers.figure(tok)):
        return True  # "besieged by media reports", "has shot from 44 percent to 55 percent"
    if doers.generic(tok):
        return True  # "anyone who opposes him", "57 percent of Americans support a ban"
    objects = [_antecedent(o, tok).lemma_.lower() for o in _verb_objects(tok)]
    if plover in senses.figurative_types and any(o in senses.inanimate_objects for o in objects):
        return True  # "voted to kill the rule"
    if plover in senses.figurative_types and not objects:
        heads = [tok, *_children(tok, {"advmod", "prt"})]  # "hit back at", "lashed out at"
        aimed_at = [
            _antecedent(p, tok).lemma_.lower()
            for head in heads
            for prep in _children(head, {"prep"})
            if prep.lower_ in senses.figurative_preps
            for p in _children(prep, {"pobj"})
        ]
        if any(o in senses.inanimate_objects for o in aimed_at):
            return True  # "hit back at criticism", "struck back at the accusations"
    prep_objects = [
        p.lemma_.lower()
        for prep in _children(tok, {"prep"})
        if prep.lower_ in senses.object_preps
        for p in _children(prep, {"pobj"})
    ]
    if any(o in senses.object_senses.get(lemma, ()) for o in objects + prep_objects):
        return True  # "released a poll", "signed the bill into law"
    if lemma in senses.information_verbs and _publishes(tok):
        return True  # "statistics released by the ministry", "ads to be released by Congress"
    particles = senses.particle_senses.get(lemma, frozenset())
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ in particles for c in tok.children):
        return True  # "struck the rule down"
    keeping = senses.transitive_senses.get(lemma)
    transitive = keeping is not None and _children(tok, {"dobj", "ccomp"})
    if transitive and not any(o in keeping for o in objects):
        return True  # "demonstrate that ...", but not "demonstrate opposition to ..."
    if lemma in senses.anonymity.get("verbs", ()) and _asks_anonymity(tok, senses):
        return True  # "an official who asked not to be identified", "requested anonymity"
    return lemma in senses.asking_verbs and _asks_a_question(tok, senses)


def idle_wish(tok: Any) -> bool:
    """Whether a wish verb ("want") is told as not held: negated ("the Russians don't *want*
    Americans to find it") or under "if" / "unless" / "whether" ("If we *want* them to take our
    cattle", "asked if aides *wanted* him to resign"): it asks no one for anything."""
    marks = _senses().idle_wish_marks
    return any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in marks) for c in tok.children)


def _asks_anonymity(tok: Any, senses: _Senses) -> bool:
    """A source asking the outlet not to name it ("asked not to be identified", "asked to
    remain anonymous", "asked that his name not be used", "requested anonymity")."""
    words = senses.anonymity.get("words", frozenset())
    asked = _children(tok, {"dobj"}) + [
        p
        for prep in _children(tok, {"prep"})
        if prep.lower_ == "for"
        for p in _children(prep, {"pobj"})
    ]
    if any(o.lemma_.lower() in words for o in asked):
        return True  # "requested anonymity", "asked for anonymity"
    for clause in _children(tok, {"xcomp", "ccomp"}):
        if any(t.lower_ in words for t in clause.subtree):
            return True  # "asked to remain anonymous"
        passive = any(c.dep_ == "auxpass" for c in clause.children)
        if passive and clause.lemma_.lower() in senses.anonymity.get("passives", ()):
            return True  # "asked not to be named", "asked that he not be identified"
        if any(
            s.lemma_.lower() in senses.anonymity.get("subjects", ())
            for s in _children(clause, {"nsubjpass"})
        ):
            return True  # "asked that his name not be used"
    return False


def _publishes(tok: Any) -> bool:
    """Whether a release verb's object is a piece of information or a message (a noun whose
    first WordNet sense is one: "released guidance", "the figures released on Friday"), so
    that it publishes and frees no one ("released two hostages", "released him" keep it)."""
    nouns = _information_nouns()
    return any(
        x.pos_ == "NOUN" and x.lemma_.lower() in nouns
        for o in _verb_objects(tok)
        for x in (_antecedent(o, tok), *o.conjuncts)
    )


def _asks_a_question(tok: Any, senses: _Senses, depth: int = 0) -> bool:
    """ "asked if/whether ...", "asked him, 'Will you ...?'", "pressed him on it, asking if
    ...": a question, not a request."""
    for clause in _children(tok, _COMPLEMENTS):
        if clause.dep_ == "xcomp" and any(c.lower_ == "to" for c in clause.children):
            continue  # "asked him to leave" is a request
        if any(c.dep_ == "mark" and c.lower_ in senses.question_marks for c in clause.children):
            return True
        if clause.dep_ == "ccomp" and _wh_question(clause):
            return True  # "asked the minister how the loan was repaid", "asked why"
        if clause.dep_ != "advcl" and (_inverted(clause) or _ends_in_question(clause)):
            return True
        if (  # "pressed Trudeau on the matter, asking him if ...": the participle says how
            depth == 0
            and clause.dep_ == "advcl"
            and clause.tag_ == "VBG"
            and clause.lemma_.lower() in senses.asking_verbs
            and _asks_a_question(clause, senses, depth + 1)
        ):
            return True
    if any(  # "asked the attorney how the bills were paid": the parser may hang the question
        # on the one asked, as if a relative clause
        r.dep_ == "relcl" and _wh_question(r) and r.doc[min(t.i for t in r.subtree)].tag_ == "WRB"
        for o in _children(tok, {"dobj", "dative"})
        for r in o.children
    ):
        return True
    if depth == 0 and _asks_about(tok, senses):
        return True  # "asked the minister about the shortfall"
    if depth == 0 and _asks_nothing(tok):
        return True  # "“Why?” the senator asked.", "when asked by reporters, she said"
    if depth == 0 and tok.dep_ == "xcomp" and tok.head.i != tok.i:  # "continued to press X, asking"
        return any(
            c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and c.lemma_.lower() in senses.asking_verbs
            and _asks_a_question(c, senses, depth + 1)
            for c in tok.head.children
        )
    return False


def _asks_nothing(tok: Any) -> bool:
    """An asking verb with no one asked, nothing asked for and no clause of what is asked
    ("“Why?” the senator asked.", "when asked by reporters, she said ..."): it reports a
    question; a request names what it asks ("asked for help", "asked Congress to act")."""
    if _children(tok, {"dobj", "dative", "xcomp", "ccomp", "parataxis", "oprd", "nsubjpass"}):
        return False
    return not any(p.lower_ in {"for", "to"} for p in _children(tok, {"prep"}))


def _wh_question(clause: Any) -> bool:
    """A clause that opens with a wh-word ("how the bills were paid", "why he was involved",
    "what they would do"): an embedded question, no content of a request."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return first.tag_ in _WH_TAGS and first.lower_ != "that"


def _asks_about(tok: Any, senses: _Senses) -> bool:
    """ "asked him *about* the dispute": a question on a topic, with no infinitive or "for"
    saying what is asked for ("asked Chad for help", "asked Chad about sending troops to
    help" stays a question)."""
    if any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children):
        return False
    preps = [c for o in [tok, *_children(tok, {"dobj", "dative"})] for c in _children(o, {"prep"})]
    words = {p.lower_ for p in preps}
    return bool(words & senses.topic_preps) and "for" not in words


def _in_question(tok: Any, senses: _Senses) -> bool:
    """Whether the trigger's clause is a question that asks rather than tells: a clause with its
    auxiliary before its subject, or a "why"/"how" clause with a modal, closed by "?" ("Why
    would Lagos insult me?", "would you be defending him?", "Does it take a scandal to force
    him out?"). A question names no act that happened; "Did Russia attack?" asks about one."""
    node = tok
    for _ in range(4):  # an infinitive or a means under the question's verb: "Does it take X
        # to beg", "insult me by calling me old"
        infinitive = node.dep_ in {"xcomp", "advcl"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        )
        means = node.dep_ == "pcomp" and node.head.lower_ == "by" and node.head.head.i != node.i
        if infinitive:
            node = node.head
        elif means:
            node = node.head.head
        else:
            break
    if not (_ends_in_question(node) or any(_glued_question(t) for t in node.subtree)):
        return False
    subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subject is not None and any(c.dep_ == "aux" and c.i < subject.i for c in node.children):
        return True  # inverted: "if this were X, would you be defending ...?"
    return any(
        c.dep_ == "aux" and c.lower_ in senses.question_modals for c in node.children
    ) and any(c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < node.i for c in node.children)


def _felt(tok: Any, senses: _Senses) -> bool:
    """A participle as the complement of a verb of feeling or seeming ("feel *threatened*",
    "felt intimidated and *threatened* by the police", "seemed *attacked*"): how someone feels,
    no act (the guide: "feel threatened" is no event)."""
    if tok.tag_ != "VBN":
        return False
    node = tok
    for _ in range(3):  # "felt intimidated and threatened": up the coordination
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ in {"acomp", "xcomp", "oprd"} and node.head.lower_ in senses.state_verbs:
        return True
    return any(c.dep_ == "aux" and c.lower_ in senses.state_verbs for c in node.children)


def _glued_question(tok: Any) -> bool:
    """A "?" glued to the next sentence by the scrape ("as well?Didn't"), not in a link."""
    return "?" in tok.text[1:-1] and "/" not in tok.text and tok.text[0].isalpha()


def _to_the_public(tok: Any, lemma: str, senses: _Senses) -> bool:
    """A talk verb whose only partners are the press or the public ("speaking with reporters in
    Nairobi", "speaks directly to voters through television"): a statement made in public, no
    consultation between actors ("spoke with Macron by phone" keeps it)."""
    if lemma not in senses.talk_verbs:
        return False
    partners = [
        p
        for prep in _children(tok, {"prep"})
        if prep.lower_ in {"with", "to"}
        for p in _children(prep, {"pobj"})
    ] + _children(tok, {"dobj"})
    partners += [c for p in partners for c in p.conjuncts]
    audiences = senses.press_audiences | senses.public_audiences | senses.public_partners
    return bool(partners) and all(p.lemma_.lower() in audiences for p in partners)


def _inverted(clause: Any) -> bool:
    """A clause opening with its auxiliary before the subject ("Will you accept ...")."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)  # past an opening quote
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    return (
        first.dep_ == "aux"
        and first.head.i == clause.i
        and subject is not None
        and (first.i < subject.i)
    )


def _ends_in_question(clause: Any) -> bool:
    """A "?" in the clause or right after it (the parser may hang it on the main verb)."""
    last = max(t.i for t in clause.subtree)
    after = clause.doc[last + 1 : last + 4]
    return any(t.text == "?" for t in clause.subtree) or (
        clause.i > clause.head.i and any(t.text == "?" for t in after)
    )


def _verb_objects(tok: Any) -> list[Any]:
    """The verb's objects, with the noun a passive participle or passive relative clause
    describes ("a report *released* on Tuesday", "ads that were to be *released* by ..."): that
    noun is what the verb acts on, as the object of its active form."""
    objects = list(_children(tok, _OBJECTS))
    head = tok.head
    if (
        not objects
        and tok.dep_ in _DESCRIBING
        and head.i != tok.i
        and head.pos_ in {"NOUN", "PROPN"}
        and _passive_participle(tok)
    ):
        objects.append(head)
    return objects


def _passive_participle(tok: Any) -> bool:
    """A past participle without "have" ("released on Friday") or a clause with a passive
    auxiliary ("that was released")."""
    kids = {c.dep_ for c in tok.children}
    if "auxpass" in kids:
        return True
    return tok.tag_ == "VBN" and "aux" not in kids  # (a subject here is the parser's slip)


def _antecedent(obj: Any, verb: Any) -> Any:
    """The noun a relative pronoun object stands for ("a forum *which* was hosted by ...";
    "a forum on Thursday, *which* was hosted": the noun before the date the parser chose)."""
    if obj.lower_ not in _RELATIVE or verb.dep_ != "relcl" or verb.head.i == verb.i:
        return obj
    head = verb.head
    if head.ent_type_ in {"DATE", "TIME"}:
        for t in reversed(head.doc[: head.i]):
            if t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"ADP", "DET"}:
                continue
            return t if t.pos_ in {"NOUN", "PROPN"} else head
    return head


def thing(obj: Any, verb: Any) -> bool:
    """Whether a verb's object is a thing, no actor: "it" / "this", or a rule, text or message
    noun ("calling *it* a handout", "called the Russia *investigation* a nothingburger")."""
    obj = _antecedent(obj, verb)
    if obj.lower_ in {"it", "this"}:
        return True
    lemma = obj.lemma_.lower()
    return lemma in _senses().inanimate_objects or lemma in _information_nouns()


def _label(tok: Any) -> bool:
    """A passive participle on a noun with no agent ("the man *accused* of tackling him"): it
    tells who the noun is, not an act."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _labelled(tok: Any, senses: _Senses) -> bool:
    """The trigger as what a labelling verb calls something ("did not consider it *torture*",
    "called it an *attack* on democracy"): a category, not an act."""
    head = tok.head
    if head.i == tok.i or head.lemma_.lower() not in senses.labelling_verbs:
        return False
    if any(c.dep_ == "dobj" and c.lower_ in {"what", "whatever"} for c in head.children):
        return False  # "a reaction to what he called Saudi aggression": the act itself
    if tok.dep_ in {"oprd", "attr"}:
        return True
    small_clause = tok.dep_ in {"ccomp", "xcomp"} and not any(
        c.dep_ in {"aux", "mark"} for c in tok.children
    )  # "consider it torture" (a small clause), not "consider attacking" or "that ..."
    return (
        small_clause
        and tok.tag_ in {"VB", "NN", "NNS"}
        and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
    )


def _alone(tok: Any, senses: _Senses) -> bool:
    """A talk verb with no "with" partner and one singular, uncoordinated subject (its own, or
    the governing verb's for "participated in a forum to discuss ...")."""
    objects = _children(tok, {"dobj"})
    if any(c.dep_ == "prep" and c.lower_ == "with" for o in [tok, *objects] for c in o.children):
        return False  # "discussed the resolution with Sisi" (the parser may hang it on the object)
    subjects = _children(tok, {"nsubj"})
    if not subjects and tok.dep_ in {"xcomp", "advcl"} and tok.head.i != tok.i:
        subjects = _children(tok.head, {"nsubj"})
    if len(subjects) != 1:
        return False
    subj = subjects[0]
    if subj.conjuncts or any(c.dep_ == "cc" for c in subj.children):
        return False
    if subj.lemma_.lower() in senses.collective_nouns:
        return False  # "the pair discussed U.S. sanctions"
    return subj.tag_ in {"NN", "NNP"} or subj.lower_ in senses.singular_pronouns


def _advisory(tok: Any, plover: str, lemma: str, senses: _Senses) -> bool:
    """A warning to the public at large ("police warned residents that the river could flood",
    "officials warned everyone nearby"): an advisory about a danger, no threat of the
    speaker's own act (THREATEN is a threat or warning of one's own action). A warning to do
    something ("warned residents to leave the city") asks for an act and is kept."""
    if plover != "THREATEN" or lemma not in senses.advisory_verbs or _children(tok, {"xcomp"}):
        return False
    audience = _children(tok, {"dobj"})
    return bool(audience) and all(o.lemma_.lower() in senses.public_audiences for o in audience)


def _formula(tok: Any, lemma: str, senses: _Senses) -> bool:
    """A courtesy formula with no subject, addressee or reason ("Thank you very much"): no act
    towards an actor ("Thank you, Prime Minister Modi", "thank you for the aid" stay)."""
    words = senses.formulas.get(lemma)
    if not words or _children(tok, {"nsubj", "nsubjpass"}):
        return False
    if any(t.pos_ == "PROPN" or (t.dep_ == "prep" and t.head.i == tok.i) for t in tok.subtree):
        return False
    return any(o.lower_ in words for o in _children(tok, {"dobj"}))


def _natural_agent(tok: Any, senses: _Senses) -> bool:
    """A violent verb whose doer is a disaster, a disease or a drug ("the storm killed three
    people", "killed by the virus", "opioids are destroying our youth"): no act of an actor."""
    doers = _children(tok, {"nsubj"}) + [
        p for agent in _children(tok, {"agent"}) for p in _children(agent, {"pobj"})
    ]
    return bool(doers) and all(_natural(d, senses) for d in doers)


def _natural(doer: Any, senses: _Senses) -> bool:
    """A disaster word, or a name it classes ("Hurricane Maria", "Typhoon Haiyan")."""
    if doer.lemma_.lower() in senses.natural_agents:
        return True
    return doer.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in senses.natural_agents for c in doer.children
    )


def _contest(tok: Any, senses: _Senses) -> bool:
    """A violent verb told of a vote or a game: its subject is the contest ("Sunday's runoff
    pits the general against an economist"), or a named person is beaten in, for or by one
    ("beat Le Pen in the runoff", "beat her rival for the nomination", "beating him by 300
    votes"). Beating protesters "in the square" or killing people "in the election" (no named
    person beaten) stays an act."""
    doers = [_antecedent(d, tok) if d.lower_ in _RELATIVE else d for d in _children(tok, {"nsubj"})]
    if tok.dep_ == "relcl" and tok.head.i != tok.i and any(d.lower_ in _RELATIVE for d in doers):
        doers.append(tok.head)  # "the election, which pits X against Y"
    if any(d.lemma_.lower() in senses.contest_nouns for d in doers):
        return True
    if not any(
        x.ent_type_ == "PERSON" or x.pos_ == "PROPN" or (x.tag_ == "PRP" and x.lower_ != "it")
        for o in _verb_objects(tok)
        for x in (o, *_children(o, {"appos"}))
    ):
        return False  # a named or pronominal person beaten, not "protesters" or "people"
    return any(
        p.lemma_.lower() in senses.contest_nouns
        for prep in _children(tok, {"prep"})
        if prep.lower_ in senses.contest_preps
        for p in _children(prep, {"pobj"})
    )


def _opinion(tok: Any, senses: _Senses) -> bool:
    """ "agree that Russia was behind the hack", "couldn't agree more": a shared opinion, no
    accord ("agreed to pay", "agreed with Tokyo on a ceasefire" keep it)."""
    if _children(tok, {"xcomp"}):
        return False  # "agreed to pay": consent to act
    return bool(_children(tok, {"ccomp"})) or any(
        c.dep_ == "advmod" and c.lower_ in senses.opinion_degrees for c in tok.children
    )


def _anyone(tok: Any, senses: _Senses) -> bool:
    """A violent verb not told as a past act whose only objects are bare words for anyone at all
    ("attacking innocent people", "to kill more people", "destroy everything"), with no named
    place or time in its phrase: a kind of conduct, no act."""
    if tok.tag_ not in _UNTOLD_TAGS:
        return False  # "gunmen killed people in the market"
    objects = _children(tok, {"dobj"})
    if not objects or any(
        o.lemma_.lower() not in senses.generic_objects
        or any(c.dep_ in {"det", "poss", "nummod", "compound"} for c in o.children)
        for o in objects
    ):
        return False  # "the people of Idlib", "12 people"
    return not any(t.ent_type_ in _SETTING_ENTS for t in tok.subtree)  # "people in Aleppo"


def _setting(tok: Any, senses: _Senses) -> bool:
    """A meeting noun that is only where a statement was made ("she said at the World Assembly
    for Women summit", "told reporters at a conference in Munich"): the setting of the
    statement, no meeting told between actors (a partner, "the summit *with* Kim", or an
    addressee other than the press, "told U.S. officials at talks in Havana", keeps it)."""
    if any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children):
        return False
    node, framed = tok, False
    for _ in range(6):
        if node.dep_ not in {"pobj", "prep", "compound", "appos"} or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN":
            return False  # "at the end of a visit to Myanmar": the visit is not the setting
        framed = framed or (node.dep_ == "prep" and node.lower_ in senses.setting_preps)
    if not framed or node.pos_ != "VERB" or node.lemma_.lower() not in senses.setting_verbs:
        return False
    told = _children(node, {"dobj", "dative"})  # "told Cuban officials during talks": theirs
    return all(o.lemma_.lower() in senses.press_audiences for o in told)


def _kind(tok: Any, senses: _Senses) -> bool:
    """An event noun naming a kind, not an act: "such allegations", "any attack on Guam"."""
    return any(
        c.dep_ in {"det", "amod", "predet"} and c.lower_ in senses.kind_determiners
        for c in tok.children
    )


# dependents that say which act a noun names: its participants ("of", "between", an owner, a
# compound name), a describing clause, a number ("two meetings")
_IDENTIFYING = {"prep", "poss", "compound", "nmod", "relcl", "acl", "appos", "nummod", "npadvmod"}


def given(tok: Any) -> bool:
    """A definite event noun with nothing of its own but adjectives ("as they announced the
    deals", "filed the lawsuit", "to quell the riot"): it names an act the reader already
    knows, so an earlier telling of its kind is that act (``restatements``)."""
    if tok is None or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    children = list(tok.children)
    return any(
        c.dep_ == "det" and c.lower_ in _senses().given_determiners for c in children
    ) and not any(c.dep_ in _IDENTIFYING for c in children)


def _generic(tok: Any, senses: _Senses) -> bool:
    """A present-tense relative clause on an indefinite noun: a definition ("an offender who
    *kills* two or more people"), no act that happened."""
    if tok.dep_ != "relcl" or tok.tag_ not in {"VBZ", "VBP"} or tok.head.i == tok.i:
        return False
    return any(
        c.dep_ == "det" and c.lower_ in senses.generic_determiners for c in tok.head.children
    )


def _capability(tok: Any, senses: _Senses) -> bool:
    """ "capable of hitting", "able to ask", "the ability to hit": the trigger is what
    something can do."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "of":
        head = head.head
    elif tok.dep_ == "acl":  # "the ability to hit the United States": an infinitive on the noun
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
    elif tok.dep_ != "xcomp":
        return False
    return head.i != tok.i and head.lemma_.lower() in senses.capability_words


def _content(tok: Any, plover: str, senses: _Senses) -> bool:
    """What a threat or an ought is about: the infinitive of "threaten"/"vow" ("threatened to
    totally destroy the country"), or an act under "should"/"must" ("he should be lynched")."""
    head = tok.head
    infinitive = tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )  # "threatened in his address to “totally destroy” ...": the parser's advcl
    if infinitive and head.i != tok.i and head.lemma_.lower() in senses.threat_verbs:
        return True
    if plover in senses.deontic_types:
        return False
    return any(c.dep_ == "aux" and c.lower_ in senses.deontic_modals for c in tok.children)


def threatened_objects(tok: Any) -> list[Any]:
    """The objects of what a threat verb threatens to do ("threatened to totally destroy *North
    Korea*"): the direct or target-preposition objects of its infinitive complement."""
    out: list[Any] = []
    for clause in tok.children:
        if clause.dep_ in {"xcomp", "advcl"} and _content(clause, "", _senses()):
            out += _children(clause, {"dobj"})
            out += [
                p
                for prep in _children(clause, {"prep"})
                if prep.lower_ in {"on", "against", "at"}
                for p in _children(prep, {"pobj"})
            ]
    return out


def figurative_noun(tok: Any) -> bool:
    """Whether a noun trigger sits in a fixed figurative phrase ("a war of words"), names a
    standing measure defied ("in defiance of U.N. sanctions") or a category a labelling verb
    gives ("called it an attack on democracy")."""
    senses = _senses()
    if _labelled(tok, senses):
        return True  # "called it an attack on democracy"
    if _kind(tok, senses) or _setting(tok, senses):
        return True  # "such allegations"; "she said at the summit"
    other = senses.modifier_senses.get(tok.lemma_.lower(), frozenset())
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in other for c in tok.children):
        return True  # "the presidential campaign of Hillary Clinton"
    if tok.lemma_.lower() in senses.personal_events and _held_by_a_person(tok):
        return True  # "at Trump rallies", "chants at his rallies": a candidate's own rally
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i:
        return prep.head.lemma_.lower() in senses.defied_frames or _in_phrase(tok, senses)
    return _in_phrase(tok, senses)


_PERSONAL_POSSESSIVES = frozenset({"his", "her", "my", "your"})


def _held_by_a_person(tok: Any) -> bool:
    """Whether an event noun is owned by one person: a personal possessive ("his rallies") or a
    person's name as its owner or modifier ("Trump rallies", "Trump's rally")."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ in _PERSONAL_POSSESSIVES:
            return True
        if c.dep_ in {"poss", "compound"} and c.ent_type_ == "PERSON":
            return True
    return False


def _in_phrase(tok: Any, senses: _Senses) -> bool:
    """Whether the noun is a word of one of the fixed figurative phrases around it."""
    lemma = tok.lemma_.lower()
    if not any(tok.lower_ in p or lemma in p for p in senses.figurative_phrases):
        return False
    lower = table(tok.doc).lower
    for phrase in senses.figurative_phrases:
        for at, word in enumerate(phrase):
            if word not in (tok.lower_, lemma):
                continue
            start = tok.i - at
            window = lower[start : start + len(phrase)] if start >= 0 else []
            if len(window) == len(phrase) and all(
                w == p or (i == at) for i, (w, p) in enumerate(zip(window, phrase, strict=True))
            ):
                return True
    return False


@dataclass(frozen=True)
class _Procedure:
    agreement_types: frozenset[str]
    aid_types: frozenset[str]
    organs: frozenset[str]
    recipients: frozenset[str]
    legislative_words: frozenset[str]


@cache
def _procedure() -> _Procedure:
    data = lexicons.yaml_file("non_events.yaml")["domestic_procedure"]
    return _Procedure(**{k: frozenset(map(str, v)) for k, v in data.items()})


def _organ(actor: Any, sectors: frozenset[str]) -> str | None:
    """The state of an actor coded as one of its organs (``USALEG`` -> ``USA``), else None."""
    code = getattr(actor, "code", None) or ""
    country = getattr(actor, "country", None)
    if not country or not code.startswith(country) or code[3:6] not in sectors:
        return None
    return country


def domestic_procedure(
    tok: Any, plover: str, source: Any, target: Any, around: Iterable[Any] = ()
) -> bool:
    """Whether an event is a state's own legislative or budget procedure, which the guide does
    not code: an agreement (``agreement_types``) made by an organ of one state with no partner
    outside it, about a bill, a budget or a tax (a ``legislative_words`` lemma in the trigger's
    phrase, or the noun a clause on the trigger describes: "the provisions on which tax writers
    agreed"); or money (``aid_types``) granted to an organ of a state by an organ of the same
    state, or by no one named while no actor of another state is coded in the sentence
    (``around``: "funding for the legislature", but not "the United States approved funding for
    the Afghan army", where the parse missed the giver)."""
    rules = _procedure()
    if plover in rules.agreement_types:
        state = _organ(source, rules.organs)
        if state is None or (target is not None and _organ(target, rules.organs) != state):
            return False
        words = [t.lemma_.lower() for t in tok.subtree]
        if tok.dep_ in {"relcl", "acl"}:
            words.append(tok.head.lemma_.lower())
        return any(w in rules.legislative_words for w in words)
    if plover in rules.aid_types:
        state = _organ(target, rules.recipients)
        if state is None:
            return False
        if source is not None:
            return _organ(source, rules.organs) == state
        return all(getattr(a, "country", None) in (None, state) for a in around)
    return False


def one_act(tok: Any, plover: str, trigger: Callable[[Any], tuple[Any, bool] | None]) -> bool:
    """Whether a verb with no object of its own is coordinated with a verb of the same type that
    has one: "had never met or spoken to Trump" tells one contact, not two. ``trigger`` is the
    lexicon look-up (token → (entry, nominal) or None)."""
    for other in tok.conjuncts:
        if other.i <= tok.i or other.pos_ != "VERB" or not _children(other, _OBJECTS | {"prep"}):
            continue
        found = trigger(other)
        if found is not None and not found[1] and found[0].type == plover:
            return True
    return False
