"""Actors of one sentence, looked up by token: mentions, places standing for states, pronoun
antecedents, modifiers and owners."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from sitmap import actors, lexicons
from sitmap.events.syntax import (
    _MODIFIER_DEPS,
    _PASS_SUBJ,
    _SUBJ,
    _children,
    _inherited_subject,
)
from sitmap.model import Actor, Sentence

_NOMINAL = {"NOUN", "PROPN"}
_FIRST_PERSON = {"we", "i", "us", "me", "our"}
_PRONOUNS = _FIRST_PERSON | {"he", "she", "it", "they", "them", "him", "her", "you"}
# "the government of Syria", "officials from Iran"; inside an apposition also "a contractor at
# the NSA", "a spokesman for the army"
_OWNER_PREPS = {False: {"of", "from"}, True: {"of", "from", "at", "for", "with"}}
# "lawyers for Prevezon", "an aide to Senator Cotton": the principal an agent acts for
_CLIENT_PREPS = {"for", "to", "of"}
_PRINCIPALS = {"person", "organisation"}
# prepositions that name who a thing comes from ("a bid by X", "an offer from X")
_AUTHOR_PREPS = {"by", "from"}  # "officials of Iran" stay Iran's officials (IRNGOV)
_PERSONAL = {"he", "she", "him", "her", "his"}
_THIRD_PERSON = _PERSONAL | {"it", "its", "they", "them", "their"}
_OBJECT_PERSONAL = {"him", "her"}
_OBJECT_DEPS = {"dobj", "pobj", "dative"}
# the roles a named person's head word has when it is a mention a pronoun may stand for
_MENTION_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "attr"}
_PRONOUN_FITS = {
    **{p: (lambda a: a.kind == "person") for p in _PERSONAL},
    **{p: (lambda a: a.kind != "person") for p in ("it", "its")},
    **{p: (lambda a: True) for p in ("they", "them", "their")},
}


class _ActorFinder:
    """Actors of one sentence, looked up by token."""

    def __init__(
        self,
        actors: list[Actor],
        start: int,
        end: int,
        previous: Sentence | None = None,
        earlier: list[Sentence] | None = None,
    ) -> None:
        self.offset = start
        self.actors = [a for a in actors if a.start < end and a.end > start]
        self._owning: set[int] = set()  # tokens whose owner is being looked up (no loops)
        self.before = (
            [a for a in actors if a.code and previous.start <= a.start < previous.end]
            if previous is not None
            else []
        )
        # the previous sentence and those before it, nearest first, with all their mentions
        self.earlier = [
            (e.text, [a for a in actors if e.start <= a.start < e.end])
            for e in ([previous] if previous is not None else []) + list(reversed(earlier or []))
        ]

    def covering(self, tok: Any) -> Actor | None:
        char = self.offset + tok.idx
        return next((a for a in self.actors if a.start <= char < a.end), None)

    def resolve(self, tok: Any, depth: int = 0) -> Actor | None:
        """The actor a noun phrase headed by ``tok`` denotes, if any (a coded one when the
        phrase has one: "Reality Winner, a contractor at the NSA" is the NSA's)."""
        named = self.covering(tok)
        if named is not None and named.code:
            found = self._client(tok, named, depth) or self._owned(tok, named, depth)
            return found or self._named_in_apposition(tok, named, depth) or named
        found = self._resolve_uncovered(tok, depth) if named is None else None
        if found is not None:
            return self._person_in_apposition(tok, found, depth) or found
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
        if named is None and depth < 2 and tok.dep_ == "appos" and tok.head.i != tok.i:
            # "Warsaw, *a city* that was bombed", "The Washington Post, *a newspaper* Trump has
            # railed against": an apposition names what the noun it is apposed to names
            actor = self.resolve(tok.head, depth + 1)
            if actor is not None and actor.code:
                return actor
        return named

    def _named_in_apposition(self, tok: Any, named: Actor, depth: int) -> Actor | None:
        """The person an unnamed title is followed by ("Arkansas senator, Tom Cotton, is
        fuming"): the named mention, when it is coded alike (or not at all)."""
        if depth >= 2:
            return None
        # "Another woman, Jane Roe, said": a singular group noun (named by its sector only)
        # names one person too
        one = named.kind == "group" and tok.tag_ == "NN" and named.name == named.sector
        if not (named.kind == "person" and not named.name) and not one:
            return None
        for child in tok.children:
            if child.dep_ == "appos":
                actor = self.covering(child)
                same = actor is not None and actor.code in (None, named.code)
                if same and actor.kind == "person" and actor.name:
                    return (
                        replace(actor, code=named.code, country=named.country, sector=named.sector)
                        if not actor.code
                        else actor
                    )
        return None

    def _person_in_apposition(self, tok: Any, found: Actor, depth: int) -> Actor | None:
        """The person an uncovered title names, when a modifier gave the title its actor
        ("Trump's former campaign chair, Paul Manafort": Manafort, not the campaign): the
        named person in apposition, coded as the modifier's body when the person has no code
        of their own (a person modifier, "Trump's lawyer", lends no code)."""
        if depth >= 2 or (found.kind == "person" and found.name):
            return None
        for child in tok.children:
            if child.dep_ != "appos":
                continue
            actor = self.covering(child)
            if actor is None or actor.kind != "person" or " " not in (actor.name or ""):
                continue
            if actor.code or not found.code or found.kind == "person":
                return actor
            return replace(actor, code=found.code, country=found.country, sector=found.sector)
        return None

    def _owned(self, tok: Any, named: Actor, depth: int) -> Actor | None:
        """A body of no country owned by a pronoun: "his administration", "its military" are
        the country of whom the pronoun stands for (Trump's: USAGOV). Not inside another
        look-up (``depth``): the antecedent search resolves subjects, which may be this very
        phrase ("their government said ...")."""
        if depth >= 2 or named.country or named.kind == "person" or not named.sector:
            return None
        if tok.i in self._owning:
            return None  # "his ministers have accused ...": the owner is looked up from here
        self._owning.add(tok.i)
        try:
            for child in tok.children:
                if child.dep_ == "poss" and child.lower_ in _THIRD_PERSON and child.pos_ == "PRON":
                    owner = self.antecedent(child)
                    if owner is not None and owner.country:
                        return actors.with_country(named, owner.country)
        finally:
            self._owning.discard(tok.i)
        return None

    def _client(self, tok: Any, named: Actor, depth: int) -> Actor | None:
        """Whom an unnamed agent of no country works for: "lawyers for Prevezon", "a spokesman
        for the army", "an aide to Senator X" are coded as the body they act for (CAMEO codes
        an agent by its principal). None when the phrase names no coded principal."""
        if depth >= 2 or named.name or not named.role or named.kind not in {"person", "group"}:
            return None
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _CLIENT_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self.resolve(pobj, depth + 1)
                        if actor is not None and actor.code and actor.kind in _PRINCIPALS:
                            return actor
        return None

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
        if tok.lemma_.lower() in _peer_nouns() and tok.pos_ == "NOUN":
            return self._peers(tok)
        if tok.lemma_.lower() in _relation_nouns() or tok.lower_ in _relation_nouns():
            return None  # "Trump's eldest son", "Trump associates": not Trump
        for child in tok.lefts:
            if child.dep_ in _MODIFIER_DEPS:
                actor = self.covering(child)
                if actor is not None:
                    return actor
        return None

    def _peers(self, tok: Any) -> Actor | None:
        """The colleagues of a coded official, as a group of his body ("Johnson said he would
        work with *his Republican colleagues*", "Senator Carper urged *colleagues* to reject
        the nominee": USALEG): whose they are is the possessor ("his", "Carper's"), else the
        subject of the clause they are an object in. Only for a person of a state or party
        sector: "her colleagues at the bakery" are nobody coded."""
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if not owners and tok.dep_ in _OBJECT_DEPS:
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            owners = _children(verb, _SUBJ) or _inherited_subject(verb)
        owner = self.resolve(owners[0], depth=2) if owners else None
        if owner is None or owner.kind != "person" or not owner.country:
            return None
        if owner.sector not in _PEER_SECTORS:
            return None
        phrase = list(tok.subtree)
        start = self.offset + phrase[0].idx
        text = tok.doc.text[phrase[0].idx : tok.idx + len(tok)]
        return actors.group(owner.sector, owner.country, text, start)

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
        * a subject pronoun with no such antecedent: the nearest agreeing subject of an earlier
          clause of the sentence, else the first coded actor of the previous sentence ("The
          coalition closed the ports. *It* also intensified air strikes").

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
        controller = _controlled_object(tok)
        while steps < 3 and node.dep_ in {"ccomp", "conj", "xcomp", "advcl"}:
            node, steps = node.head, steps + 1
            actor = self._agreeing_subject(node, fits)
            if actor is not None and steps == 1 and controller:
                # "the ministry wrote to the UN, urging *it* to ...": "it" is not the one who
                # urges (a pronoun object is never its own clause's subject) but an earlier
                # object of the sentence; with none, the event is one of an unknown addressee
                # and is dropped as the subject's act on itself, as before
                return self._earlier_object(tok, fits, actor) or actor
            if actor is not None:
                return actor
        if controller:
            return self._earlier_object(tok, fits, None)
        if tok.dep_ in _SUBJ | _PASS_SUBJ | {"poss"}:
            earlier = self._earlier_subject(tok, fits) or self._sole_person_before(tok)
            earlier = earlier or next((a for a in self.before if fits(a)), None)
            return earlier or self._chained(tok)
        if tok.lower_ in _OBJECT_PERSONAL and tok.dep_ in _OBJECT_DEPS:
            return self._earlier_mention(tok, fits) or self._previous_person(tok, fits)
        return None

    def earlier_mention(self, tok: Any) -> Actor | None:
        """The nearest agreeing coded actor named before a pronoun in its sentence, not the
        subject of the pronoun's own clause (``_earlier_mention``)."""
        return self._earlier_mention(tok, _PRONOUN_FITS[tok.lower_])

    def _chained(self, tok: Any) -> Actor | None:
        """The person a subject "he"/"she" stands for when the previous sentence names none
        but goes on about him with the same subject pronoun ("Tillerson said ... . The cuts
        would restore it, *he* said. *He* also praised officials": Tillerson): the one coded
        person of the nearest earlier sentence that names any, reached over sentences that
        each use the pronoun as a subject (a few at most). Two people there, or an uncoded
        one, leave it unresolved."""
        word = tok.lower_
        if word not in {"he", "she"} or tok.dep_ not in _SUBJ | _PASS_SUBJ:
            return None
        for k, (text, mentions) in enumerate(self.earlier):
            people = [a for a in mentions if a.kind == "person"]
            if people:
                names = {a.name or a.text for a in people}
                if k == 0 or len(names) != 1 or not all(a.code for a in people):
                    return None  # the previous sentence's people: the rules above
                return people[-1]
            if not _uses(text, word):
                return None
        return None

    def _earlier_mention(self, tok: Any, fits: Callable[[Actor], bool]) -> Actor | None:
        """The nearest agreeing coded person named before an object "him"/"her" in its
        sentence, as a subject, object or apposition, but not the subject of the pronoun's own
        clause (a plain object pronoun never stands for it: "Jones said Trump called him" is
        not Trump), understood subjects included ("congratulated Jones and offered to meet
        *him*": Jones). Inside a noun's phrase the subject may be meant ("Moore dismissed the
        allegations against *him*": Moore)."""
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head
        excluded: set[int] = set()
        if governor.pos_ not in _NOMINAL:
            node = governor
            while True:
                subjects = _children(node, _SUBJ | _PASS_SUBJ)
                if subjects:
                    excluded.update(t.i for s in subjects for t in s.subtree)
                    break
                if node.head.i == node.i:
                    break
                node = node.head
        seen: set[int] = set()
        for other in reversed(tok.sent[: tok.i - tok.sent.start]):
            if other.dep_ not in _MENTION_DEPS or other.pos_ not in _NOMINAL:
                continue
            actor = self.covering(other)
            if actor is None or actor.start in seen:
                continue
            seen.add(actor.start)
            if other.i in excluded or not actor.code or not fits(actor):
                continue
            return actor
        return None

    def _sole_person_before(self, tok: Any) -> Actor | None:
        """The one coded person named (by name) before a possessive "his"/"her" in its sentence
        ("... President Donald Trump, claiming $250 billion in deals from *his* trip"): a
        possessive may stand for any earlier mention, the subject included; two or more leave
        it to the other rules."""
        if tok.dep_ != "poss" or tok.lower_ not in {"his", "her"}:
            return None
        lo = self.offset + tok.sent.start_char
        hi = self.offset + tok.idx
        found = [
            a
            for a in self.actors
            if lo <= a.start < hi and a.kind == "person" and a.code and a.name
        ]
        names = {a.name for a in found}
        if len(names) != 1:
            return None
        return found[-1]

    def _previous_person(self, tok: Any, fits: Callable[[Actor], bool]) -> Actor | None:
        """The person an object "him"/"her" with no antecedent in its own sentence stands for:
        the one agreeing coded person of the previous sentence who is not the subject of the
        pronoun's clause (an object pronoun never stands for its own clause's subject:
        "Xi Jinping hosted Trump. Xi urged *him* to ...": Trump). Two or more candidates
        leave it unresolved: sitmap does not guess."""
        subjects = {a.name for a in self._clause_subjects(tok) if a.name}
        names = {a.name for a in self.before if a.kind == "person" and a.name and fits(a)}
        left = names - subjects
        if len(left) != 1 or not subjects:
            return None
        name = left.pop()
        return next(a for a in reversed(self.before) if a.name == name)

    def _clause_subjects(self, tok: Any) -> list[Actor]:
        """The actors the subject of a pronoun's clause names, understood subjects included
        ("urged X and thanked *him*")."""
        node = tok.head.head if tok.dep_ == "pobj" else tok.head
        while True:
            subjects = _children(node, _SUBJ | _PASS_SUBJ)
            if subjects or node.head.i == node.i or node.dep_ not in {"conj", "xcomp", "advcl"}:
                break
            node = node.head
        found = [self.resolve(_relative_antecedent(s), depth=2) for s in subjects]
        return [a for a in found if a is not None and a.code]

    def _earlier_object(
        self, tok: Any, fits: Callable[[Actor], bool], subject: Actor | None
    ) -> Actor | None:
        """The nearest agreeing coded actor before a pronoun object that is named as an object
        or a prepositional object, not the pronoun's own (understood) ``subject``: "met Japanese
        officials and urged *them*", "wrote to the UN, asking *it*"."""
        verb = tok.head  # "a lawsuit accusing *it*": not the lawsuit
        doer = verb.head if verb.dep_ == "acl" else None
        for other in reversed(tok.doc[: tok.i]):
            if other.dep_ not in {"dobj", "pobj", "dative"} or other.pos_ not in _NOMINAL:
                continue
            if doer is not None and other.i == doer.i:
                continue
            if other.ent_type_ in {"DATE", "TIME"}:
                continue  # "wrote to the UN on Monday, urging it"
            actor = self.resolve(other, depth=2)
            if actor is not None and subject is not None and actor.code == subject.code:
                continue
            if actor is None or not actor.code or not fits(actor):
                return None  # the nearest object is no coded actor ("a feud with the father")
            return actor
        return None

    def _earlier_subject(self, tok: Any, fits: Callable[[Actor], bool]) -> Actor | None:
        """The nearest agreeing subject of an earlier clause of the same sentence, when the
        parser hung that clause under the pronoun's ("Trump retweeted the videos and for
        that, *he* was condemned")."""
        verb = tok.head
        for subj in reversed([t for t in tok.doc[: tok.i] if t.dep_ in _SUBJ | _PASS_SUBJ]):
            if subj.lower_ in _PRONOUNS or subj.head.i == verb.i:
                continue
            # under the pronoun's clause, or, for an active subject, heading a clause the
            # pronoun's clause sits in ("Wild responded in a letter in which *he* defended";
            # not "Trump would ignite protests when *he* was asked": the asker is unknown)
            outer = tok.dep_ in _SUBJ and subj.head.is_ancestor(tok)
            if not (verb.is_ancestor(subj) or outer):
                continue
            actor = self.resolve(_relative_antecedent(subj), depth=2)
            if actor is not None and actor.code and fits(actor):
                return actor
        return None

    def _agreeing_subject(self, verb: Any, fits: Callable[[Actor], bool]) -> Actor | None:
        """The coded, agreeing actor a verb's (non-pronoun) subject names."""
        for subj in _children(verb, _SUBJ | _PASS_SUBJ):
            subj = _relative_antecedent(subj)
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
        presence, whether that of the United States or Turkey"), or the object's possessor
        ("a review of the minister's travels", "destroyed Iran's nuclear sites") or author
        ("rejected a bid *by* the administration", "turned down an offer *from* Canada"), with
        its conjuncts."""
        heads: list[Any] = [c for c in obj.children if c.dep_ == "poss"]
        heads += [
            p
            for prep in obj.children
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in _AUTHOR_PREPS
            for p in prep.children
            if p.dep_ == "pobj"
        ]
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


# bodies whose members are one another's colleagues as members ("his Senate colleagues")
_PEER_SECTORS = frozenset(
    {"legislature", "government", "judiciary", "military", "police", "intelligence", "party"}
)


@cache
def _peer_nouns() -> frozenset[str]:
    """Nouns of fellow members of one body (``data/roles.yaml`` people ``peer_nouns``)."""
    return frozenset(lexicons.yaml_file("roles.yaml")["people"]["peer_nouns"])


@cache
def _relation_nouns() -> frozenset[str]:
    """Nouns of kin and companions (``data/roles.yaml`` people ``relation_nouns``)."""
    return frozenset(lexicons.yaml_file("roles.yaml")["people"]["relation_nouns"])


def _uses(text: str, pronoun: str) -> bool:
    """Whether a sentence uses a subject pronoun ("he said"; not "pushed him", "laughed at
    him": a sentence about someone else done to him does not go on about him as its topic)."""
    return any(w.strip(".,;:!?\"“”'’()").lower() == pronoun for w in text.split())


def _controlled_object(tok: Any) -> bool:
    """Whether a pronoun is the object of a verb whose subject is understood from a governing
    clause ("urged *them* to", "asking *it* to" with no subject of their own)."""
    verb = tok.head
    if tok.dep_ not in {"dobj", "dative"} or verb.pos_ != "VERB":
        return False
    own = any(c.dep_ in _SUBJ | _PASS_SUBJ for c in verb.children)
    participle = verb.dep_ == "acl" and verb.tag_ == "VBG"  # "a letter urging *them*"
    return not own and (verb.dep_ in {"conj", "xcomp", "advcl"} or participle)


def _relative_antecedent(tok: Any) -> Any:
    """The noun a relative pronoun stands for ("Mercury LLC, *which* said that it ..."), or
    the token itself."""
    clause = tok.head
    relative = tok.lower_ in {"who", "which", "that"} and tok.tag_ in {"WP", "WDT"}
    if relative and clause.dep_ == "relcl" and clause.head.pos_ in {"NOUN", "PROPN"}:
        return clause.head
    return tok
