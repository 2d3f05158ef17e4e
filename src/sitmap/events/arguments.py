"""Sources and targets of a trigger from the parse: verbal and nominal arguments, judgements,
denied findings, answerable parties, participants, event agents."""

from __future__ import annotations

from functools import cache
from typing import Any

from sitmap import actors, lexicons
from sitmap.events.finder import _ActorFinder
from sitmap.events.lexicon import _Entry, _lexicon, _marked_clause, _trigger, wished_subjects
from sitmap.events.syntax import (
    _CLAUSAL,
    _PASS_SUBJ,
    _SUBJ,
    _children,
    _expand,
    _headline_passive,
    _inherited_subject,
    _pobjs,
    _recipients,
)
from sitmap.model import Actor

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
# nominal events whose "from" names who does them ("criticism / threats / aid / sanctions from
# X"); not movements ("withdrawal from Syria") or attacks ("rockets from Gaza")
_FROM_SOURCE_TYPES = {"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT", "SANCTION", "AID"}
_TIMES = {"DATE", "TIME"}


def _sides(tok: Any, preps: frozenset[str] | set[str]) -> list[Any]:
    """Objects of a trigger's prepositions that can be a side: not a time ("imposed sanctions
    on Iranian officials *on Monday*": Monday is when, not whom)."""
    return [t for t in _pobjs(tok, preps) if t.ent_type_ not in _TIMES]


def _judgement(tok: Any) -> tuple[_Entry, list[Any], list[Any]] | None:
    """A verdict reported by a speaker: "X said / found that Y was to blame (responsible)",
    "X said Y is a liar (a terrific guy)".

    The trigger is the predicate of a "be" clause that is the complement of a judging verb;
    the source is whoever judges (the verb's subject), the target the clause's subject. An
    evaluation (an entry that needs a target) may be a noun or an adjective on one ("a
    *terrific* guy"); a negated one ("Y is not a liar") is a defence and is left out.
    Returns (entry, source tokens, target tokens), or None.
    """
    lex = _lexicon()
    entry = lex.predicatives.get(tok.lemma_.lower())
    if entry is None:
        return None
    pred, deps = tok, {"acomp", "xcomp"}
    if entry.needs_target:  # an evaluation: "is a liar", "is dishonest", "a terrific guy"
        deps = {"acomp", "attr"}
        if tok.dep_ == "amod" and tok.head.dep_ == "attr":
            if tok.head.lemma_.lower() not in lex.persons:
                return None  # "it was a tremendous honor": said of no one
            pred = tok.head
    be = pred.head
    if be.lemma_ != "be" or be.i == pred.i:
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
    if pred.dep_ == "xcomp" and not infinitive:
        return None
    if pred.dep_ not in deps or be.dep_ != "ccomp":
        return None
    if entry.needs_target and any(c.dep_ == "neg" for c in be.children):
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


_RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}


def _arguments(tok: Any, entry: _Entry, nominal: bool) -> tuple[list[Any], list[Any]]:
    """(source tokens, target tokens) of a trigger; a relative pronoun stands for the noun its
    clause modifies ("the militants who attacked X", "a country that Trump has criticized")."""
    sources, targets = _own_arguments(tok, entry, nominal)
    return _antecedents(sources), _antecedents(targets)


def _antecedents(tokens: list[Any]) -> list[Any]:
    """Tokens with each relative pronoun that is an argument of a relative clause replaced by
    the noun the clause modifies: "who" in "Fox News hosts, who spent years criticizing
    Obama" is the hosts; a noun predicated of a subject is that subject ("Cotton is a Trump
    ally who opposed the deal" is Cotton)."""
    out = []
    for t in tokens:
        clause = t.head
        found = [t]
        if (
            t.lower_ in _RELATIVE_PRONOUNS
            and t.tag_ in {"WP", "WDT"}
            and clause.dep_ == "relcl"
            and clause.head.pos_ in {"NOUN", "PROPN"}
        ):
            noun = clause.head
            found = [noun]
            if noun.dep_ == "attr" and noun.head.lemma_ == "be":
                found = _children(noun.head, _SUBJ) or found
        out.extend(f for f in found if f not in out)
    return out


def _conj_subject(tok: Any, entry: _Entry) -> list[Any]:
    """The subject a conjoined passive shares with the verb it is conjoined to, when it has
    none of its own ("Moore was removed from the court, and was later accused of misconduct",
    "Moore resigned and was accused"): the same referent undergoes the passive. Not for a
    ``weak`` trigger, whose sense its own arguments decide ("writes rules and can only be
    fired for cause": a dismissal, not shots)."""
    if entry.weak or tok.dep_ != "conj" or tok.head.i == tok.i:
        return []
    if tok.head.pos_ not in ("VERB", "AUX") or _children(tok, _SUBJ):
        return []
    return _children(tok.head, _PASS_SUBJ) or _children(tok.head, _SUBJ)


def _one_sided(entry: _Entry) -> bool:
    """A violent act done by one side to another ("kill", not "clash with")."""
    return entry.type in _lexicon().unnamed_doer_types and "with" not in entry.target_preps


def _is_passive(tok: Any) -> bool:
    return bool(_children(tok, _PASS_SUBJ)) or any(c.dep_ == "auxpass" for c in tok.children)


def _own_arguments(tok: Any, entry: _Entry, nominal: bool) -> tuple[list[Any], list[Any]]:
    """(source tokens, target tokens) of a trigger, as the parse gives them."""
    if not nominal:
        passive = _is_passive(tok)
        reduced = _reduced_relative(tok)
        if _one_sided(entry) and _headline_passive(tok):  # "four police killed": victims
            passive, reduced = True, reduced or _children(tok, _SUBJ)
        agents = _pobjs(tok, {"by"})
        # coordinated passives share their agent and their subject ("were shot and killed by
        # police", "was beaten, robbed and stabbed by two men")
        shared = (
            [c for c in tok.conjuncts if c.tag_ == "VBN"] if passive or tok.tag_ == "VBN" else []
        )
        if passive and not agents:
            agents = [a for c in shared if c.i > tok.i for a in _pobjs(c, {"by"})]
        elif not passive and tok.dep_ == "conj" and tok.tag_ == "VBN" and _is_passive(tok.head):
            passive = True
            reduced = reduced or _children(tok.head, _PASS_SUBJ)
            agents = agents or [a for c in shared if c.i > tok.i for a in _pobjs(c, {"by"})]
        if (passive or reduced) and not agents and entry.type in _lexicon().symmetric_types:
            return [], []  # "any threat will be met with a response": no meeting
        if passive or reduced:
            targets = _children(tok, _PASS_SUBJ) or reduced or _conj_subject(tok, entry)
            sources = agents
            if entry.objects:  # "sanctions will be imposed on X": the subject is the object
                targets = _sides(tok, entry.target_preps)
        else:
            sources = _children(tok, _SUBJ) or _inherited_subject(tok)
            objects = _children(tok, {"dobj"}) or _named_complement(tok)
            targets = objects + _recipients(tok) or _sides(tok, entry.target_preps)
            if entry.objects:  # "imposed sanctions on X": X hangs off the verb or the object
                objects = _children(tok, {"dobj"})
                targets = (
                    _bound_by_preposition(tok, entry)
                    or _sides(tok, entry.target_preps)
                    or _recipients(tok)
                    or [t for o in objects for t in _sides(o, entry.target_preps)]
                )
            if entry.object_is_source:
                sources = _children(tok, {"dobj"}) or sources
                targets = _sides(tok, entry.target_preps)
            targets = _scrutinised(tok, entry) or targets or _for_to_subject(tok, entry)
            targets = targets or _gap_object(tok)
            if targets:
                targets = targets + _misattached_objects(tok)
        return sources, targets
    sources = _children(tok, {"poss"}) + _pobjs(tok, {"by"}) or _answerable(tok)
    if not sources and entry.type in _FROM_SOURCE_TYPES:  # "criticism from Senator X"
        sources = _pobjs(tok, {"from"})
    sides = _between(tok, entry)
    if sides and not sources:  # "clashes between farmers and herders": one side each
        return sides[:1], sides[1:2]
    targets = _sides(tok, {"of", *entry.target_preps})
    if not sources or not targets:  # "sanctions imposed by the EU on Belarus"
        done_by, done_to = _participle_arguments(tok, entry)
        sources, targets = sources or done_by, targets or done_to
    if not targets and entry.type == "ACCUSE":  # "accusations that Iran supplied the rockets"
        targets = _content_subjects(tok)
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_ == "be":  # "Obama was a sharp critic of Duterte"
        sources = sources or _children(head, _SUBJ)
    received = _receiver(tok)
    if received:  # "Trump faced criticism from McCain": Trump is criticised
        if entry.type in _FROM_SOURCE_TYPES:  # "received aid from X", "from" on the verb
            sources = sources or _pobjs(tok.head, {"from"})
        verb = _undergoing_verb(tok)
        if verb is not None:  # "under attack by Trump", "came under attack from militants"
            sources = sources or _pobjs(tok, {"from"}) or _pobjs(verb, {"by", "from"})
        return sources, targets or received
    governor = _light_governor(tok, entry)
    if governor is not None:
        verb, obj, preps = governor
        sources = sources or _children(verb, _SUBJ) or _inherited_subject(verb)
        targets = targets or _sides(verb, preps) or _sides(obj, preps)
    if not sources and entry.type in _lexicon().symmetric_types:
        sources = _participant(tok)
    return sources, targets


def _named_complement(tok: Any) -> list[Any]:
    """The object of "call X Y" that the parser took for a second complement ("has called
    *Trump* a 'dotard'": two ``oprd`` children, the first the one named)."""
    complements = _children(tok, {"oprd"})
    return complements[:1] if len(complements) >= 2 else []


def _gap_object(tok: Any) -> list[Any]:
    """The noun a contact relative clause modifies when the clause has its own subject and no
    object: the noun fills the object's gap ("the sitting president *he was indicting*", "the
    country Trump visited", "the man he spoke to"). Not when an adverb or a preposition's
    relative fills the gap ("the day he arrived", "the city where he spoke", "the bill in
    which ...")."""
    noun = tok.head
    if tok.dep_ != "relcl" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i > tok.i:
        return []
    subjects = _children(tok, _SUBJ)
    if not subjects or any(s.lower_ in _RELATIVE_PRONOUNS for s in subjects):
        return []
    if _children(tok, {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative"}):
        return []
    for child in tok.children:
        if child.tag_ in {"WRB", "WDT", "WP"} or child.ent_type_ in {"DATE", "TIME"}:
            return []
        if child.dep_ == "prep" and any(g.tag_ in {"WDT", "WP"} for g in child.children):
            return []
    return [noun]


def _reduced_relative(tok: Any) -> list[Any]:
    """The noun a past participle modifies, which undergoes it: "a party *convicted* of
    inciting hatred", "protesters *detained* in Cairo" (a passive without "who were")."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or head.i == tok.i:
        return []
    return [head] if head.pos_ in {"NOUN", "PROPN"} else []


@cache
def _governing_words() -> tuple[frozenset[str], frozenset[str]]:
    """(quantity nouns, reciprocal verbs) of ``data/predicates.yaml``."""
    data = lexicons.yaml_file("predicates.yaml")
    return frozenset(data["quantities"]), frozenset(data["reciprocal_verbs"])


@cache
def _receiving_verbs() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("predicates.yaml")["receiving_verbs"])


def _receiver(tok: Any) -> list[Any]:
    """Who undergoes a nominal event a receiving verb governs: the subject of "faced
    criticism", "received threats", "drew condemnation"; or the subject of a state of being
    under the event or subject to it ("the agency has been *under attack*", "came under
    attack", "officials who are *subject to* U.S. sanctions", "will be subject to
    deportation or imprisonment")."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _receiving_verbs():
        verb = tok.head
        return _children(verb, _SUBJ) or _inherited_subject(verb)
    verb = _undergoing_verb(tok)
    return (_children(verb, _SUBJ) or _inherited_subject(verb)) if verb is not None else []


_UNDERGOING_VERBS = frozenset({"be", "come", "remain", "stay", "fall"})


def _undergoing_verb(tok: Any) -> Any:
    """The verb of "X is / came / remains *under* N" or "X is *subject to* N" whose subject
    undergoes the event noun N (or a conjunct of it), or None."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "subject to deportation or *imprisonment*"
    prep = node.head
    if node.dep_ != "pobj" or prep.i == node.i or prep.dep_ not in {"prep", "agent"}:
        return None
    holder = prep.head
    if prep.lower_ == "to" and holder.lower_ == "subject" and holder.dep_ == "acomp":
        holder = holder.head
    elif prep.lower_ != "under":
        return None
    if holder.pos_ not in {"AUX", "VERB"} or holder.lemma_.lower() not in _UNDERGOING_VERBS:
        return None
    return holder


def _light_governor(tok: Any, entry: _Entry) -> tuple[Any, Any, frozenset[str]] | None:
    """The verb whose object names a nominal event, that object, and the prepositions of the
    event's target: a
    light verb ("launched an attack on"), also through a quantity ("conducted *dozens of*
    missile tests") or a coordination ("made threats and demands"); a predicate verb of
    another type whose object the noun is coordinated with ("traded insults *and threats*
    with Kim"). None otherwise."""
    lex = _lexicon()
    quantities, _ = _governing_words()
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i != node.head.i:
        holder = node.head.head
        if holder.lemma_.lower() in quantities and holder.dep_ in {"dobj", "nsubjpass"}:
            node = holder
    if node.dep_ not in {"dobj", "nsubjpass"}:
        return None
    verb = node.head
    if verb.lemma_.lower() == "have" and any(
        c.dep_ == "acl" and c.tag_ == "VBN" for c in node.children
    ):
        return None  # "Russia has had sanctions imposed on it": undergone, not done
    if verb.lemma_.lower() in lex.light_verbs:
        return verb, node, entry.target_preps
    found = _trigger(verb) if node is not tok and node.dep_ == "dobj" else None
    if found is not None and found[0].objects and found[0].type != entry.type:
        return verb, node, found[0].target_preps
    return None


def reciprocal(tok: Any) -> bool:
    """Whether a trigger names an exchange coded in both directions ("traded insults with",
    "exchanged fire with"): a reciprocal verb, or a noun that such a verb governs."""
    _, verbs = _governing_words()
    if tok.pos_ == "VERB" or tok.lemma_.lower() in verbs:  # "an exchange of fire between"
        return tok.lemma_.lower() in verbs
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "dobj" and node.head.lemma_.lower() in verbs


def _bound_by_preposition(tok: Any, entry: _Entry) -> list[Any]:
    """The direct object of a verb whose sense is bound to its preposition's object: "sent
    two lawmakers *to prison*" targets the lawmakers (not when the direct object is the bound
    one: "launched missiles at Israel")."""
    if not entry.prep or not any(
        o.lemma_.lower() in entry.objects for o in _pobjs(tok, {entry.prep})
    ):
        return []
    return [o for o in _children(tok, {"dobj"}) if o.lemma_.lower() not in entry.objects]


def _for_to_subject(tok: Any, entry: _Entry) -> list[Any]:
    """Whom a request is made of in "for X to do Y" ("called for China to do more", "called
    for Israel to halt ..."): the object of a bound "for" when the verb has a "to" infinitive
    (not "called for restraint"), or the subject of the clause "for" marks."""
    if entry.wish:  # "wants Pakistan to take action"
        return wished_subjects(tok)
    if entry.prep != "for" or entry.type != "REQUEST":
        return []
    clause = _marked_clause(list(tok.children), "for")  # "called for Israel to halt"
    if clause is not None:
        return _children(clause, _SUBJ)
    infinitive = any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    )
    return _pobjs(tok, {"for"}) if infinitive else []


@cache
def _scrutiny_nouns() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("roles.yaml")["scrutiny_nouns"])


def _scrutinised(tok: Any, entry: _Entry) -> list[Any]:
    """Whom a request for an inquiry targets: what the inquiry looks into ("called for an
    investigation into the police", "asked for a review of the minister's travels",
    "demanded a probe of X"), the object of "into"/"of"/"on" of a ``scrutiny_nouns`` noun
    that the request verb governs directly or through "for"."""
    if entry.type != "REQUEST":
        return []
    asked = _children(tok, {"dobj"}) + _pobjs(tok, {"for"})
    return [
        t
        for noun in asked
        if noun.lemma_.lower() in _scrutiny_nouns()
        for t in _sides(noun, {"into", "of", "on"})
    ]


def _misattached_objects(tok: Any) -> list[Any]:
    """Nouns the parser coordinated with the verb instead of its object: "criticized both
    Cordray, appointed by Obama, *and the CFPB*" (a name or noun with no verb of its own)."""
    return [
        c
        for c in tok.children
        if c.dep_ == "conj"
        and c.pos_ in {"NOUN", "PROPN"}
        and not any(g.dep_ in _SUBJ | _PASS_SUBJ | {"aux", "auxpass"} for g in c.children)
    ]


def _between(tok: Any, entry: _Entry) -> list[Any]:
    """The two sides of a fight or an exchange a noun names with "between X and Y" ("clashes
    between farmers and herders", "an exchange of insults between X and Y"), or [] (other
    types, or one side only)."""
    if entry.type != "ASSAULT" and not reciprocal(tok):
        return []
    for first in _pobjs(tok, {"between"}):
        if first.conjuncts:
            return [first, first.conjuncts[0]]
    return []


_PAIR_PREPS = {"between", "among"}


def _participle_arguments(tok: Any, entry: _Entry) -> tuple[list[Any], list[Any]]:
    """(source, target tokens) an event noun takes through a past participle that modifies it
    and is no trigger itself: "sanctions *imposed by* the EU *on* Belarus", "the attack
    *carried out by* Islamic State", "the talks *held between* Iran and Iraq" (the first of
    the pair as source, the others as targets), "the deal *reached among* A, B and C"."""
    for acl in tok.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or _trigger(acl) is not None:
            continue
        pair = _sides(acl, _PAIR_PREPS)
        members = [m for t in pair for m in (t, *_children(t, {"appos"}))]  # "X, the US and Y"
        members = _expand(members)
        if len(members) > 1:
            return members[:1], members[1:]
        return _pobjs(acl, {"by"}), _sides(acl, entry.target_preps - {"of"})
    return [], []


def _content_subjects(tok: Any) -> list[Any]:
    """Who an accusation noun says did something: the subject of its "that" clause
    ("allegations *that Russia* meddled", "accusations that Trump had made advances")."""
    return [
        subj
        for clause in tok.children
        if clause.dep_ in {"acl", "ccomp"}
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        for subj in _children(clause, _SUBJ)
    ]


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
    governor = _light_governor(tok, entry)  # "made threats of war *to Ukraine*"
    if governor is not None:
        return [t for t in _pobjs(governor[0], governor[2]) if t not in found]
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


def _merged_into_verb(tok: Any) -> bool:
    """A nominal trigger that is part of a verbal event: its means ("killed in an airstrike") or
    its object ("imposed sanctions")."""
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.dep_ in {"prep", "agent"}
        and head.lower_ in {"in", "during", "by", "with"}
    ):
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
    entry = _lexicon().nouns[tok.lemma_.lower()][0]
    heads = _pobjs(tok, {"by"}) + _children(tok, {"poss"}) or _participle_arguments(tok, entry)[0]
    found = [finder.resolve(h) for h in heads]
    return [a for a in found if a is not None and a.code] or finder.modifiers(tok)[:1]


def _means_agents(tok: Any, finder: _ActorFinder) -> list[Actor]:
    """Who did a verbal event through the event noun that is its means: "civilians killed *in
    Russian airstrikes*", "was wounded *by a Taliban attack*"."""
    for prep in tok.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"in", "by", "during"}:
            for pobj in prep.children:
                found = _trigger(pobj) if pobj.dep_ == "pobj" else None
                if found is not None and found[1]:
                    return _event_agents(pobj, finder)
    return []


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


@cache
def _news_nouns() -> frozenset[str]:
    return frozenset(lexicons.yaml_file("roles.yaml")["people"]["news_nouns"])


def _press(targets: list[Any], sources: list[Actor | None], finder: _ActorFinder) -> list[Actor]:
    """The press of the source's country as the target of a denial or an attack on what it
    reported ("dismissed reports that ...", "denied those reports", "pushed back on the
    report": eval/GUIDE.md codes it xxxMED): a news noun (``roles.yaml`` ``news_nouns``) no
    name, possessor or author tells the origin of ("the Times report", "his story", "a report
    by the inspector general" are someone else's)."""
    for t in targets:
        if t.lemma_.lower() not in _news_nouns() or t.pos_ != "NOUN":
            continue
        named = (c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)
        if any(c.dep_ == "poss" for c in t.children) or any(named):
            continue
        if _pobjs(t, {"by", "from", "of"}):
            continue
        country = next((a.country for a in sources if a is not None and a.country), None)
        return [actors.group("media", country, t.text, finder.offset + t.idx)]
    return []
