"""Dependency-parse helpers shared by the event extractor: children, prepositional objects,
inherited subjects, coordination and clause spans."""

from __future__ import annotations

from typing import Any

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_CLAUSAL = {"ccomp", "advcl", "parataxis", "conj", "cc", "punct", "mark", "relcl", "acl", "xcomp"}
_VERBAL_DEPS = {"advcl", "xcomp", "ccomp", "acl", "relcl"}  # clauses: a PROPN there is a verb
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nummod"}


def _children(tok: Any, deps: set[str]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _headline_passive(tok: Any) -> bool:
    """A past participle whose subject is counted and that has no auxiliary or object: a
    headline's passive ("Four police killed in ambush", "ten killed"), whose subject
    undergoes the act (callers ask it of one-sided violent verbs only)."""
    if tok.tag_ != "VBN" or tok.pos_ != "VERB" or tok.dep_ not in {"ROOT", "conj", "parataxis"}:
        return False  # "could have gotten him assassinated": a complement, no headline
    deps = {c.dep_ for c in tok.children}
    if deps & {"aux", "auxpass", "dobj", "nsubjpass", "dative"}:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(s.like_num or any(c.dep_ == "nummod" for c in s.children) for s in subjects)


def _pobjs(tok: Any, preps: frozenset[str] | set[str]) -> list[Any]:
    """Objects of a token's prepositions among ``preps``, also of a "to" the parser labels
    a dative ("offered help *to Iraq*")."""
    out = []
    for prep in tok.children:
        if _is_prep(prep) and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _is_prep(child: Any) -> bool:
    """A preposition attached to its head: "prep", "agent", or a dative preposition."""
    return child.dep_ in {"prep", "agent"} or (child.dep_ == "dative" and child.pos_ == "ADP")


def _recipients(tok: Any) -> list[Any]:
    """A verb's dative nouns ("gave *Myanmar* money"), not a dative preposition."""
    return [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]


def _objects(tok: Any, prep: str | None) -> list[Any]:
    """A verb's objects: direct or passive-subject ones, and with ``prep`` the objects of that
    preposition ("spoke on the phone")."""
    return _children(tok, {"dobj", "nsubjpass"}) + (_pobjs(tok, {prep}) if prep else [])


_OBJECT_GERUND_PREPS = {"for", "of", "from"}
# "after meeting Xi, Trump flew ...": a gerund after these tells what the clause's subject did
_SUBJECT_GERUND_PREPS = {
    "after", "before", "by", "while", "since", "without", "upon", "on", "in", "despite",
    "through", "of",
    # "hypocrites for refusing to criticize X", "would look at easing sanctions", "lied about
    # meeting X": after the object's reading ("thanked Y for helping") found no object
    "for", "at", "about",
}  # fmt: skip
# "took the (unusual) step of asking X": the object of a light verb is no actor, so the "of"
# gerund is the subject's act even where the parser hangs "of" on the verb
_LIGHT_OBJECTS = frozenset(
    {"step", "decision", "move", "action", "liberty", "trouble", "time", "chance", "opportunity",
     "risk", "measure", "initiative"}
)  # fmt: skip


def _inherited_subject(tok: Any) -> list[Any]:
    """Subject shared from a governing verb: xcomp ("began to encircle"), conj, relcl; the
    object of a verb whose "for"/"of" gerund tells what the object did; the subject of the
    clause a prepositional gerund modifies ("after meeting Xi, Trump ...", "took the step of
    asking X")."""
    found = _gerund_subject(tok)
    if found:
        return found
    seen = 0
    while (
        seen < 4
        and tok.dep_ in {"xcomp", "conj", "relcl", "acl", "advcl", "acomp"}
        and tok.head.i != tok.i
    ):
        head = tok.head
        if tok.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
            if tok.dep_ == "relcl":
                return [head]
            # "Trump's decision to recognize Jerusalem", "the decision by Trump to ...": whoever
            # decides, plans or tries does the infinitive
            infinitive = _infinitive(tok)
            return _children(head, {"poss"}) + _pobjs(head, {"by"}) if infinitive else []
        # "will lead *him* to work with X", "forced *Iran* to withdraw": an infinitive after an
        # object is the object's act (object control), not the subject's
        objects = _children(head, {"dobj"}) if tok.dep_ == "xcomp" and _infinitive(tok) else []
        if objects and head.lemma_.lower() in _OBJECT_CONTROL:
            return objects
        # "Pence is set to hold talks", "Trump was forced to sign": a passive governor's
        # subject is the subject of its infinitive
        subj = _children(head, _SUBJ | _PASS_SUBJ if tok.dep_ == "xcomp" else _SUBJ)
        if subj:
            return subj
        # "after refusing to meet X": the subject of the clause; not past an object that
        # does what it is asked ("of asking Turkey to withdraw")
        controlled = tok.dep_ == "xcomp" and bool(_children(head, {"dobj"}))
        tok, seen = head, seen + 1
        found = [] if controlled else _gerund_subject(tok)
        if found:
            return found
    return []


# verbs whose infinitive after an object is the object's act ("will lead *him* to work with
# X", "prompted *Republicans* to question the inquiry"); with others the parser's "xcomp" is
# often a purpose ("used Twitter to speak out", "contacted X to offer aid": the subject's
# act). Not "force": "soldiers forced the detainees to undress" is the soldiers' violence
_OBJECT_CONTROL = frozenset(
    {"ask", "urge", "tell", "order", "require", "lead", "persuade", "convince", "encourage",
     "allow", "permit", "invite", "press", "pressure", "push", "prompt", "cause", "instruct",
     "direct", "authorize", "enable", "help", "get"}
)  # fmt: skip


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _gerund_subject(tok: Any) -> list[Any]:
    """Who does what a gerund after a preposition names: the object of a verb whose "for"/"of"/
    "from" gerund tells what the object did ("cursed Obama for raising concerns", "Iran was
    accused of arming the Houthis"); else the subject of the verb the phrase modifies ("after
    meeting Xi, Trump flew ..."), or of the verb whose object it modifies ("took the step of
    asking X")."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.dep_ != "prep":
        return []
    word, holder = prep.lower_, prep.head
    if holder.pos_ == "NOUN" and holder.dep_ == "dobj" and word == "of":
        holder = holder.head
    elif holder.pos_ not in {"VERB", "AUX"}:
        return []
    if word in _OBJECT_GERUND_PREPS and prep.head.i == holder.i:
        objects = [
            o for o in _children(holder, {"dobj"} | _PASS_SUBJ) if o.lemma_ not in _LIGHT_OBJECTS
        ]
        if objects:
            return objects
    if word not in _SUBJECT_GERUND_PREPS or holder.pos_ not in {"VERB", "AUX"}:
        return []
    return _children(holder, _SUBJ) or _inherited_subject(holder)


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
