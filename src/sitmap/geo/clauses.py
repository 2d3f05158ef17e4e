"""How a place's phrase hangs in the parse of its sentence, for ``geo.placement``: whether it is
the event's setting, one of its topics, or the setting of another predicate; and the lexicon
(data/placement.yaml) that names the words these readings turn on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.model import Document, Event, Place


@dataclass(frozen=True)
class _Lex:
    setting: tuple[str, ...]
    route: tuple[str, ...]
    destination_triggers: frozenset[str]
    destination: tuple[str, ...]
    origin_triggers: frozenset[str]
    origin: tuple[str, ...]
    modifier_deps: frozenset[str]
    object_types: frozenset[str]
    object_deps: frozenset[str]
    target_preps: frozenset[str]
    carrier_deps: frozenset[str]
    carry_types: frozenset[str]
    remote: frozenset[str]
    speech_types: frozenset[str]
    remote_types: frozenset[str]
    seated_sectors: frozenset[str]
    unreal_statuses: frozenset[str]
    of_skip: frozenset[str]
    not_name_words: frozenset[str]
    site_words: frozenset[str]


@cache
def _lex() -> _Lex:
    data = lexicons.yaml_file("placement.yaml")

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted((w.lower() for w in words), key=len, reverse=True))

    return _Lex(
        setting=longest_first(data["setting_preps"]),
        route=longest_first(data["route_preps"]),
        destination_triggers=frozenset(data["destination_triggers"]),
        destination=longest_first(data["destination_preps"]),
        origin_triggers=frozenset(data["origin_triggers"]),
        origin=longest_first(data["origin_preps"]),
        modifier_deps=frozenset(data["modifier_deps"]),
        object_types=frozenset(data["object_setting_types"]),
        object_deps=frozenset(data["object_deps"]),
        target_preps=frozenset(data["target_preps"]),
        carrier_deps=frozenset(data["carrier_deps"]),
        carry_types=frozenset(data["carry_over_types"]),
        remote=frozenset(data["remote_words"]),
        speech_types=frozenset(data["speech_types"]),
        remote_types=frozenset(data["speech_types"]) | frozenset(data["remote_types"]),
        seated_sectors=frozenset(data["seated_sectors"]),
        unreal_statuses=frozenset(data["unreal_statuses"]),
        of_skip=frozenset(w.lower() for w in data["of_skip"]),
        not_name_words=frozenset(w.lower() for w in data["not_name_words"]),
        site_words=frozenset(w.lower() for w in data["site_words"]),
    )


def _place_token(p: Place, doc: Document, index: int) -> Any:
    """The parse token heading the place's words, or None without a parse."""
    pdoc = doc._parses.get(index) if doc._parses else None
    if pdoc is None:
        return None
    offset = doc.sentences[index].start
    span = pdoc.char_span(p.start - offset, p.end - offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governed_by_trigger(p: Place, event: Event, doc: Document) -> bool:
    """Whether the place's phrase hangs (through any chain of heads) off the event's trigger:
    "attacked a checkpoint [...] in Maiduguri", not "said in Washington that jets bombed ..."."""
    root = _place_token(p, doc, event.sentence)
    if root is None or event.trigger_start is None:
        return False
    offset = doc.sentences[event.sentence].start
    ancestors = list(root.ancestors)
    for a in ancestors:
        if a.idx + offset <= event.trigger_start < a.idx + offset + len(a.text):
            return True
    # A noun trigger's setting hangs off the verb that carries it: "staged a protest in
    # Colombo", "clashes broke out in Kassala", "protests were held in Laguna province".
    trigger = next(
        (t for t in root.doc if t.idx + offset <= event.trigger_start < t.idx + offset + len(t)),
        None,
    )
    return (
        trigger is not None
        and trigger.pos_ == "NOUN"
        and trigger.dep_ in _lex().carrier_deps
        and trigger.head.pos_ in ("VERB", "AUX")
        and trigger.head in ancestors
    )


def _nearest_event(p: Place, doc: Document, index: int) -> Event | None:
    """The event of sentence ``index`` whose trigger the place's phrase hangs off most closely
    ("arrested in relation to the protests that took place in Washington": the protests')."""
    root = _place_token(p, doc, index)
    if root is None:
        return None
    offset = doc.sentences[index].start
    by_start = {
        e.trigger_start: e
        for e in doc.events
        if e.sentence == index and e.trigger_start is not None
    }
    for a in root.ancestors:
        for at in range(a.idx + offset, a.idx + offset + len(a.text)):
            if at in by_start:
                return by_start[at]
    return None


_NOT_PREDICATES = frozenset({"aux", "auxpass", "amod", "compound"})


def _own_predicate(p: Place, event: Event, doc: Document) -> bool:
    """Whether the place's phrase belongs to the event's own predicate: going up its heads, the
    trigger (or the verb carrying a noun trigger, or a verb coordinated with the trigger that
    shares its subject) comes before any verb of a clause embedded under the trigger. "an
    American fund that invested in Russia" is the setting of "invested", not of an agreement in
    whose clause it stands; "a plan to build reactors in the Middle East" the setting of
    "build", not of a denial. True without a parse (nothing to go by). Acts on the ground
    (``carry_over_types``) are exempt: a terse report's places are the scene of all its acts
    ("police beat students in Kayanza who were holding a strike"), while the embedded clauses
    of a statement or a deal name its topics."""
    if event.plover in _lex().carry_types:
        return True
    trigger = doc.trigger_token(event)
    root = _place_token(p, doc, event.sentence)
    if trigger is None or root is None:
        return True
    own = _own_tokens(trigger)
    for a in root.ancestors:
        if a in own:
            return True
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in _NOT_PREDICATES and trigger in a.ancestors:
            return False  # a clause embedded in the event's own phrase: that clause's setting
    return True


def _topic(p: Place, event: Event, doc: Document) -> bool:
    """For a speech act (``speech_types``: "condemned", "accused", "urged"), whether the place
    lies in the act's object: "condemned the bombing of a market in Kabul", "accused Somalia of
    crimes in Kismayo" name what was spoken about, not where ("condemned in Kabul on Monday",
    "spoke at a rally in Kabul" name where). Phrases hanging off the scene of a verb the act
    shares its occasion with are no topic ("staged a sit-in in Algiers, calling for ...")."""
    if event.plover not in _lex().speech_types:
        return False
    trigger = doc.trigger_token(event)
    tok = _place_token(p, doc, event.sentence)
    if trigger is None or tok is None or trigger.pos_ != "VERB":
        return False
    own = _own_tokens(trigger)
    setting = {w for w in _lex().setting if " " not in w}
    while True:
        while tok.dep_ in ("conj", "appos", "compound") and tok.head != tok:
            tok = tok.head  # "in Kabul and Kandahar"
        if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
            prep, head = tok.head, tok.head.head
            if head in own:  # "accused X of crimes": a topic; "condemned in Kabul": a setting
                return head == trigger and prep.lower_ not in setting
            if head.pos_ not in ("NOUN", "PROPN"):
                return False
            tok = head  # "the bombing of a market in Kabul": on to the noun it describes
            continue
        return tok.head == trigger and tok.dep_ in ("dobj", "attr", "dative", "oprd")


def _own_tokens(trigger: Any) -> set[Any]:
    """The trigger and the verbs that share its occasion: the verb carrying a noun trigger, the
    main verb of a subjectless participle or such a participle of the trigger, verbs
    coordinated with it under one subject."""
    own = {trigger}
    if trigger.pos_ == "NOUN" and trigger.dep_ in _lex().carrier_deps:
        own.add(trigger.head)
    if trigger.dep_ in ("advcl", "xcomp") and not _has_subject(trigger):
        # "police closed off a block in Washington, encircling the protesters": a participle
        # without its own subject happens where its main verb does
        own.add(trigger.head)
    # ... and the other way round: "Speaking in Kabul, the senator condemned the bombing"
    own.update(
        c
        for c in trigger.children
        if c.dep_ == "advcl" and c.lower_.endswith("ing") and not _has_subject(c)
    )
    for verb in list(own):
        # "met in Vietnam and agreed on a statement": coordinated verbs, one subject
        if verb.dep_ == "conj" and not _has_subject(verb):
            own.add(verb.head)
        own.update(c for c in verb.children if c.dep_ == "conj" and not _has_subject(c))
    return own


def _visiting(p: Place, event: Event, doc: Document) -> bool:
    """Whether the place is where a subjectless participle of movement opening the event's
    clause puts its actor ("Visiting Seoul last week, Trump warned ...", "Arriving in Manila,
    the president said ..."), or where a visit the event is the purpose of goes ("a visit to
    Cairo for talks with Sisi"): the event happens on that visit."""
    trigger = doc.trigger_token(event)
    root = _place_token(p, doc, event.sentence)
    if trigger is None or root is None:
        return False
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in (*_lex().destination, *_lex().setting):
        verb = verb.head
    elif root.dep_ != "dobj":
        return False
    moving = any(verb.lemma_.lower().startswith(t) for t in _lex().destination_triggers)
    if (  # "a visit to Cairo for talks with Sisi": the talks are held on the visit
        moving
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "for"
        and trigger.head.head == verb
    ):
        return True
    return (
        verb != trigger  # the visit itself: its object (_object_place)
        and verb.dep_ == "advcl"
        and verb.lower_.endswith("ing")  # the tagger reads a capitalised "Visiting" as a name
        and not _has_subject(verb)
        and any(verb.lemma_.lower().startswith(t) for t in _lex().destination_triggers)
        and verb.head in _own_tokens(trigger)
    )


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _unclaimed(p: Place, event: Event, doc: Document) -> bool:
    """For an act on the ground (``carry_over_types``), whether the place's phrase hangs off a
    word that is neither a reporting verb ("said in Washington that ...") nor the trigger of
    another event of the sentence: the setting of a scene the event is part of ("Protesters
    erected barricades in Ouagadougou ... blocked vehicles")."""
    if event.plover not in _lex().carry_types:
        return False  # statements and policies: only what hangs off their own trigger
    root = _place_token(p, doc, event.sentence)
    if root is None:
        return False
    offset = doc.sentences[event.sentence].start
    triggers = {
        e.trigger_start
        for e in doc.events
        if e is not event and e.sentence == event.sentence and e.trigger_start is not None
    }
    speech = _speech_verbs()
    own_verb = False  # a verb of the place's own clause passed on the way up
    for a in root.ancestors:
        if any(a.idx + offset <= t < a.idx + offset + len(a.text) for t in triggers):
            return False
        if a.lemma_.lower() in speech and not own_verb:
            return False
        # "a girl was forced into a park in Chitungwiza ... (date not reported)": a reporting
        # verb above the clause the place belongs to reports that clause, not where it spoke
        own_verb = own_verb or (a.pos_ in ("VERB", "AUX") and a.dep_ not in _NOT_PREDICATES)
    return True


@cache
def _speech_verbs() -> frozenset[str]:
    """Verbs that report what someone said (data/attribution.yaml ``speech``)."""
    return frozenset(lexicons.yaml_file("attribution.yaml")["speech"])


def _modifies_noun(p: Place, doc: Document, index: int) -> bool:
    """Whether the parse makes the place a modifier of a noun ("the Alabama Senate race")."""
    root = _place_token(p, doc, index)
    if root is None:
        return False
    head = root.head
    return (
        root.dep_ in _lex().modifier_deps
        and head != root
        and head.pos_ in {"NOUN", "PROPN"}
        and not head.ent_type_  # "Deir ez-Zor" split by the parser stays one name
        # "in Imphal East district", "in Kassala town", "in Northern governorate" (the parser
        # reads a compass name as an adjective), "in As-Sweida city" (a hyphenated name read
        # as a noun modifier): a feature word names the place itself
        and not (root.dep_ in ("compound", "amod", "nmod") and head.lower_ in _feature_words())
    )


_HOME_PREPS = frozenset({"of", "in", "from"})
_SIDE_MARKS = frozenset({"amod", "compound", "poss", "nmod"})


def _actor_home(p: Place, event: Event, doc: Document, *, any_side: bool = False) -> bool:
    """Whether the place says where one of the event's sides lives or works ("Chitungwiza
    residents attacked ...", "residents of Save barricaded ...", "police officers in Mombasa
    raped ...", "the leader of a Kabwe-based group was abducted"): its phrase hangs, through
    modifiers and "of"/"in"/"from", off a side's own words. The target's home counts only for
    an attack (``object_setting_types``): "indictments of a Washington lobbyist" are not made
    in Washington. With ``any_side`` the target's home counts for any event."""
    root = _place_token(p, doc, event.sentence)
    if root is None:
        return False
    offset = doc.sentences[event.sentence].start
    sides = [(a.start, a.end) for a in (event.source,) if a is not None]
    if event.target is not None and (any_side or event.plover in _lex().object_types):
        sides.append((event.target.start, event.target.end))
    tok = root
    for _ in range(5):
        based = tok.dep_ == "npadvmod" and tok.head.lower_ == "based"  # "Kabwe-based"
        if based or tok.dep_ in ("conj", "appos", "compound", "amod", "nmod", "poss"):
            nxt = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in _HOME_PREPS:
            nxt = tok.head.head
        else:
            return False
        if nxt == tok:
            return False
        tok = nxt
        at = tok.idx + offset
        # the head of a group's words ("residents", "police", "NGO"), not a title before a
        # person's name ("Washington lobbyist Tony Podesta": where he works, not where he acts)
        # with ``any_side``, also the noun a side's nationality or name modifies ("the
        # Mexican consul general in Austin", side "Mexican")
        marks = [at] + [c.idx + offset for c in tok.children if any_side and c.dep_ in _SIDE_MARKS]
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.dep_ != "compound"
            and tok.ent_type_ != "PERSON"
            and any(s <= m < e for s, e in sides for m in marks)
        ):
            # "a federal appeals court in Virginia rejected ...": a body acts where it sits
            return not (any_side and tok.lower_ in _lex().site_words)

    return False


def _names_site(p: Place, doc: Document, index: int) -> bool:
    """Whether the place modifies a building or site ("Kabul's central prison", "the Mombasa
    bus station"; ``site_words``): written after a setting preposition, the event happened
    there, in that town."""
    token = _place_token(p, doc, index)
    for _ in range(3):  # "Sanaa's [central] prison", "the Mombasa [bus] station"
        if token is None or token.dep_ not in _lex().modifier_deps or token.head == token:
            return False
        below, token = token, token.head
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if token.lower_ in _lex().site_words:
            return True
        # "in Bangui's PK5 area", "in the Kano Sabon Gari district": the town of a named spot
        if token.lower_ in _feature_words() and any(
            c.pos_ == "PROPN" and c.dep_ == "compound" and c != below for c in token.children
        ):
            return True
    return False


@cache
def _feature_words() -> frozenset[str]:
    """Words that say what kind of place a name is ("district", "town", "area", "camp";
    data/geo.yaml)."""
    data = lexicons.yaml_file("geo.yaml")
    keys = ("admin_words", "city_words", "locality_words")
    return frozenset(w.lower() for key in keys for w in data[key])


@cache
def _facility_words() -> frozenset[str]:
    """Words of facilities named after their town ("the Arua Airfield"; data/geo.yaml)."""
    data = lexicons.yaml_file("geo.yaml")
    words = (*data["civic_words"], *data["facility_words"], "market", "markets")
    return frozenset(w.lower() for w in words if " " not in w)
