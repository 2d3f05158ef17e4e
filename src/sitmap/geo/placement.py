"""The place of each event: where the text makes a named place the event's setting.

``place_events(doc)`` sets ``Event.place`` and ``Event.place_basis`` from ``doc.places`` (the
resolved toponyms), in this order:

1. ``clause``: a place in the event's own clause that is a setting — after a setting preposition
   ("in Aleppo", "on the outskirts of Mosul"; data/placement.yaml), or the destination of a
   movement ("a visit to Beijing") — and neither an actor, one of the event's actors, nor a
   modifier of a noun ("the Alabama Senate race", "Syria's army");
2. ``sentence``: such a place elsewhere in the event's sentence, unless it lies in the clause of
   another event of the sentence ("X said in Washington that Y attacked Z": Washington is where X
   spoke, not where Y attacked);
   A spot the gazetteer lacks that is such a setting places the event in the first container
   written beside it that resolves ("in Kpalanga village (Dassa, Collines)": Dassa); an act on
   the ground still unplaced takes a spot its clause writes with its containers in parentheses,
   whatever word governs it ("regained control over Dimbi (Kembe, Basse-Kotto)": Kembe), also
   a spot written as a place word ("under Banke Bazar police station area (Gaya, Bihar)": Gaya);
3. ``dateline``: the wire dateline ("KABUL (Reuters) -") for the events of the lead sentence
   whose acting side belongs to the dateline's country (a story filed in one capital about
   fighting elsewhere does not put the fighting there);
4. ``previous``: for an act on the ground (an attack, arrest, protest), the setting of one of
   the two sentences before, in the same paragraph, when the event's own sentence names no
   place ("Clashes erupted in Kassala. Two people were killed."), or such a spot in parentheses;
5. ``document`` (only with ``document_place=True``): the document's most salient place, a guess
   that exports and maps leave out unless asked.

An event with none of these keeps ``place`` None: the text does not say where it happened.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import Any

from sitmap.geo import context
from sitmap.geo.clauses import (
    _actor_home,
    _facility_words,
    _feature_words,
    _governed_by_trigger,
    _lex,
    _modifies_noun,
    _names_site,
    _nearest_event,
    _own_predicate,
    _place_token,
    _topic,
    _unclaimed,
    _visiting,
)
from sitmap.geo.index import ADM1, ADM2, CONTINENT, COUNTRY, REGION
from sitmap.model import Actor, Document, Event, Place

BASIS_FACTOR = {
    "clause": 1.0,
    "sentence": 0.8,
    "previous": 0.7,
    "dateline": 0.7,
    "document": 0.5,
}
"""How much of a place's resolution score an event keeps, by where the place was found."""

_CONTAINED_SHARE = 0.5  # of a container's score, for an event set in a spot inside it
_SPECIFICITY = {"P": 3, ADM2: 2, ADM1: 1, REGION: 1, COUNTRY: 0, CONTINENT: -1}
_REGIONS = (_SPECIFICITY[ADM1], _SPECIFICITY[ADM2])  # a lone container in parentheses is one
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,[^()\n]{0,40})?\s*\([^()\n]{0,30}\)\s*[-–—]"
)
_DATELINE_REACH = 3  # characters between a dateline and the lead sentence's start


def place_events(doc: Document, *, document_place: bool = False) -> None:
    """Set ``place``/``place_basis`` on each of ``doc.events`` (see the module docstring)."""
    if not doc.events:
        return
    resolved = [p for p in doc.places if p.geonameid is not None]
    # A place name the actors stage coded as an actor ("the United States will ...",
    # "Venezuela's President") is used as an actor there, not as a location; so are names the
    # events stage read as actors ("sanctions on Pyongyang": its government).
    # A town the actors stage read as a government ("Ouagadougou" for Burkina Faso's) after a
    # setting preposition ("residents in the Dapoya neighbourhood of Ouagadougou protested") is
    # where something happens, unless an event has it as a side (a country so written stays
    # an actor: "advocacy groups in the US").
    text = doc.clean_text
    acting = [
        (a.start, a.end) for a in doc.actors if a.code and not _town_setting(a, resolved, text)
    ]
    acting += [
        (a.start, a.end)
        for e in doc.events
        for a in (e.source, e.target)
        if a is not None and a.code
    ]
    places = [p for p in resolved if not any(p.start < e and s < p.end for s, e in acting)]
    places += [p for p in _seats(doc, text, resolved) if p not in places]
    dateline = _dateline(doc, resolved)
    focus = focus_place(places) if document_place else None
    chains = context.find(text)  # the name-and-containers chains, read by both spot lists
    contained = _contained_spots(doc, chains, resolved)
    written = _admin_spots(text, chains + context.feature_parens(text, chains), resolved)
    for event in doc.events:
        place, basis = _event_place(event, places, doc, text, resolved)
        if place is None:
            place, basis = _object_place(event, resolved, doc), "clause"
        if place is None and contained:
            spots = [spot for spot, _ in contained.values()]
            spot, basis = _event_place(event, spots, doc, text)
            if spot is None:
                spot, basis = _object_place(event, spots, doc), "clause"
            place = contained[id(spot)][1] if spot is not None else None
        if place is None and written:
            place, basis = _spot_place(event, written, doc), "clause"
        if place is None:
            place, basis = _home_place(event, resolved, doc), "clause"
        if place is None and dateline is not None:
            place, basis = _dateline_place(event, dateline, doc, resolved)
        if place is None:
            place, basis = _previous_place(event, places, doc, text, written)
        if place is None and focus is not None:
            place, basis = focus, "document"
        if place is None:
            continue
        event.place = replace(place, score=round(place.score * BASIS_FACTOR[basis], 3))
        event.place_basis = basis
    _share_linked(doc)


_LINKS = frozenset({"advcl", "conj", "xcomp"})  # "attacked X in Y, killing four"; "... and burned"
_OWN_BASES = frozenset({"clause", "sentence"})


def _share_linked(doc: Document) -> None:
    """An act on the ground told as a participle, a coordinated verb or a complement of
    another event's verb ("rebels shelled Zlitan, killing four", "attacked a village in Kaya
    and burned houses") happened where that event did, when its own words place it nowhere
    (or only by a sentence before or the dateline): it takes that event's place."""
    own = {id(e) for e in doc.events if e.place is not None and e.place_basis in _OWN_BASES}
    placed = {}
    for event in doc.events:
        if id(event) in own:
            tok = doc.trigger_token(event)
            if tok is not None:
                placed[(event.sentence, tok.i)] = event
    if not placed:
        return
    for event in doc.events:
        if id(event) in own or event.plover not in _lex().carry_types:
            continue
        tok = doc.trigger_token(event)
        if tok is None:
            continue
        linked = [tok.head] if tok.dep_ in _LINKS else []
        linked += [c for c in tok.children if c.dep_ in _LINKS]
        found = next((placed[k] for t in linked if (k := (event.sentence, t.i)) in placed), None)
        if found is None or found.place is None:
            continue
        factor = BASIS_FACTOR["sentence"] / BASIS_FACTOR[found.place_basis or "clause"]
        event.place = replace(found.place, score=round(found.place.score * factor, 3))
        event.place_basis = "sentence"


def _town_setting(actor: Any, resolved: list[Place], text: str) -> bool:
    """Whether a coded actor's words are a town or district written as a setting."""
    return any(
        actor.start <= p.start
        and p.end <= actor.end
        and specificity(p) >= _SPECIFICITY[ADM2]
        and is_setting(p, text, nested=True)
        for p in resolved
    )


def _event_place(
    event: Event,
    places: list[Place],
    doc: Document,
    text: str,
    resolved: list[Place] | None = None,
) -> tuple[Place | None, str]:
    actor_spans = [(a.start, a.end) for a in (event.source, event.target) if a is not None]
    sent = doc.sentences[event.sentence] if 0 <= event.sentence < len(doc.sentences) else None
    if sent is None:
        return None, ""
    destination = _moves(event)
    origin = _starts_with(event, _lex().origin_triggers)

    def goal(p: Place) -> bool:
        """The destination of a movement ("a visit to Beijing"), a place even when the events
        stage read it as the visited side; the place left by an expulsion or a withdrawal
        ("expelled 15 diplomats from Washington")."""
        if destination and _after(p, text, _lex().destination):
            return True
        if destination and _arrived_in(p, event, text):
            return True
        return origin and _after(p, text, _lex().origin)

    def setting(p: Place, nested: bool = True) -> bool:
        if any(p.start < e and s < p.end for s, e in actor_spans) and not goal(p):
            return False
        if _topic(p, event, doc) or not _own_predicate(p, event, doc):
            return False
        if (
            event.plover not in _lex().carry_types
            and not goal(p)  # "expelled the ambassador from Bamako": the place left
            and _actor_home(p, event, doc, any_side=True)
        ):
            return False  # "the consul general in Austin has contacted ...": where a side
            # works, not where a statement or a policy was made
        if not (is_setting(p, text, nested=nested) or goal(p) or _between(p, event, text)):
            return False
        return not _modifies_noun(p, doc, event.sentence) or _names_site(p, doc, event.sentence)

    in_sentence = [p for p in places if sent.start <= p.start and p.end <= sent.end]
    in_clause = [p for p in in_sentence if event.start <= p.start and p.end <= event.end]
    if destination or origin:  # a destination read as an actor ("a visit to Beijing")
        in_clause += [
            p
            for p in resolved or ()
            if p not in in_clause and event.start <= p.start and p.end <= event.end and goal(p)
        ]
    chosen = _plain_first([p for p in in_clause if setting(p)], doc, event.sentence)
    if chosen:
        return _best_local(chosen), "clause"
    others = [
        (e.start, e.end)
        for e in doc.events
        if e is not event and e.sentence == event.sentence and not _same_clause(e, event)
    ]
    chosen = [
        p
        for p in in_sentence
        if p not in in_clause
        and setting(p, nested=False)  # "X of Y" only in the event's own clause
        and (
            not any(s <= p.start and p.end <= e for s, e in others)
            or _nearest_event(p, doc, event.sentence) is event
        )
        and (
            _governed_by_trigger(p, event, doc)
            or _fronted(p, sent.start, event, text)
            or _unclaimed(p, event, doc)
        )
    ]
    chosen = _plain_first(chosen, doc, event.sentence)
    if chosen:
        return _best_local(chosen), "sentence"
    chosen = [
        p
        for p in resolved or ()
        if p.start >= sent.start and p.end <= sent.end and _visiting(p, event, doc)
    ]
    if chosen:
        return _best_local(chosen), "sentence"
    return None, ""


def _plain_first(chosen: list[Place], doc: Document, index: int) -> list[Place]:
    """The settings that are places in their own right, when there are any, before those that
    only name a site ("at Madina market in Conakry": Conakry)."""
    plain = [p for p in chosen if not _modifies_noun(p, doc, index)]
    return plain or chosen


_PREVIOUS_REACH = 2  # sentences back that a setting carries over to an event with none


def _previous_place(
    event: Event,
    places: list[Place],
    doc: Document,
    text: str,
    spots: list[tuple[int, int, Place]] | None = None,
) -> tuple[Place | None, str]:
    """The setting of the sentence just before, in the same paragraph ("Clashes erupted in
    Kassala town on Monday. Two people were killed."): a report that names no new place goes on
    where it was. Only for acts on the ground (``carry_over_types``: attacks, arrests, protests),
    not for statements or policies, whose settings change from sentence to sentence. The
    nearest earlier sentence with a setting, at most ``_PREVIOUS_REACH``
    back; a paragraph break or a sentence that names a place it does not make a setting ends the
    search (the story has moved on)."""
    if event.plover not in _lex().carry_types or not 0 < event.sentence < len(doc.sentences):
        return None, ""
    own = doc.sentences[event.sentence]
    if any(own.start <= p.start < own.end for p in places):
        return None, ""  # the event's own sentence names places, none its setting
    for back in range(1, _PREVIOUS_REACH + 1):
        index = event.sentence - back
        if index < 0:
            break
        sent = doc.sentences[index]
        if "\n\n" in text[sent.end : doc.sentences[index + 1].start]:
            break
        inside = [p for p in places if sent.start <= p.start and p.end <= sent.end]
        chosen = [
            p
            for p in inside
            if is_setting(p, text, nested=True) and not _modifies_noun(p, doc, index)
        ]
        if chosen:
            return _best_local(chosen), "previous"
        # "FAMa forces entered Ber (Tombouctou, Tombouctou). One civilian was killed."
        spot = next((pl for s, e, pl in spots or () if sent.start <= s and e <= sent.end), None)
        if spot is not None:
            return spot, "previous"
        if inside:
            break
    return None, ""


def _admin_spots(
    text: str, chains: list[context.Chain], resolved: list[Place]
) -> list[tuple[int, int, Place]]:
    """Named spots written with their containers in parentheses, as conflict notes locate
    them ("regained control over Dimbi (Kembe, Basse-Kotto)", "between Sare-Dina and Sahona
    (Mopti, Mopti)", "the city of Bambari (Bambari, Ouaka) was taken"): (start, end, place) of
    each spot, the place the spot itself when the gazetteer has it, else its first container
    that resolves, at the precision the text allows. One container alone counts only when it
    is a region ("Apple (AAPL.O)", "Hanoi (VNA)" are no such chains). A spot may be a common
    noun ("under Banke Bazar police station area (Gaya district, Bihar)": Gaya district;
    :func:`context.feature_parens`)."""
    out: list[tuple[int, int, Place]] = []
    for chain in chains:
        if not chain.paren or _FROM.search(text[max(0, chain.start - 12) : chain.start]):
            continue  # "fled from Dimbi (Kembe, Basse-Kotto)": where they left
        parents = [
            next((p for p in resolved if p.start < e and s < p.end), None) for s, e in chain.parents
        ]
        parents = [p for p in parents if p is not None]
        if not parents or (len(chain.parents) == 1 and specificity(parents[0]) not in _REGIONS):
            continue
        own = next((p for p in resolved if p.start < chain.end and chain.start < p.end), None)
        if own is not None and specificity(own) >= specificity(parents[0]):
            out.append((chain.start, chain.end, own))
        else:
            out.append((chain.start, chain.end, _in_container(parents[0])))
    return out


_FROM = re.compile(r"\bfrom(?:\s+the)?\s*$", re.IGNORECASE)


def _in_container(parent: Place) -> Place:
    """The container of a spot as the place of an event set in the spot: its score shared."""
    return replace(parent, score=round(parent.score * _CONTAINED_SHARE, 3))


def _spot_place(event: Event, spots: list[tuple[int, int, Place]], doc: Document) -> Place | None:
    """For an act on the ground (``carry_over_types``) that nothing else places, the first spot
    its own clause locates with containers in parentheses, whatever word governs it: such a
    note says where the act happened that way ("forces regained control over Dimbi (Kembe,
    Basse-Kotto)", "militants attacked positions between X and Y (Mopti, Mopti)")."""
    if event.plover not in _lex().carry_types or not 0 <= event.sentence < len(doc.sentences):
        return None
    sent = doc.sentences[event.sentence]
    lo, hi = max(event.start, sent.start), min(event.end, sent.end)
    for s, e, p in spots:
        if lo <= s and e <= hi:
            return p
        # "forces conducted airstrikes in the forest of Nantinore (Djenne, Mopti)": outside the
        # event's words, but the spot's phrase hangs off the verb that carries its trigger
        if sent.start <= s and e <= sent.end:
            spot = replace(p, text=doc.clean_text[s:e], start=s, end=e)
            if _governed_by_trigger(spot, event, doc):
                return p
    return None


def _object_place(event: Event, places: list[Place], doc: Document) -> Place | None:
    """A place that is the object of the event's trigger ("bombed Aleppo", "Aleppo was shelled",
    "the shelling of Aleppo", "missile attacks by the rebels on Riyadh"), for the types of
    ``object_setting_types`` and for movements ("visited Jakarta"); or, for acts on the ground
    (``carry_over_types``), a place naming the event's noun ("the Manchester attack")."""
    trigger = doc.trigger_token(event)
    if trigger is None:
        return None
    objects = event.plover in _lex().object_types or _moves(event)
    for p in places:
        if not (event.start <= p.start and p.end <= event.end):
            continue
        root = _place_token(p, doc, event.sentence)
        if root is None:
            continue
        root = _facility_head(root, trigger)
        if root.dep_ == "compound" and root.head == trigger:
            if event.plover in _lex().carry_types and trigger.pos_ == "NOUN":
                return p
            continue
        if not objects or root.dep_ not in _lex().object_deps:
            continue
        head = root.head
        if root.dep_ == "pobj":
            if head.lower_ != "of" and not (
                head.lower_ in _lex().target_preps and event.plover in _lex().object_types
            ):
                continue
            head = head.head
            # "attacks by Houthi militias on Riyadh": the attacked place hangs off the
            # trigger's noun phrase (nouns and their prepositions)
            while head.pos_ in ("NOUN", "PROPN", "ADP") and head.head != head and head != trigger:
                head = head.head
        if head == trigger:
            return p
    return None


def _home_place(event: Event, places: list[Place], doc: Document) -> Place | None:
    """For an act on the ground (``carry_over_types``) whose clause names no setting, the town
    or district where one of its sides lives or works ("Chitungwiza residents attacked a party
    official", "police officers in Mombasa beat a trader"): such a report is set there.
    Countries and regions are not (a side's nationality is not a place); a place in a side's
    words is such a home ("a Bamako-based charity"), one that is a side itself is not."""
    if event.plover not in _lex().carry_types or not 0 <= event.sentence < len(doc.sentences):
        return None
    sent = doc.sentences[event.sentence]
    sides = [(a.start, a.end) for a in doc.actors if a.code]  # the town itself acting
    home = [
        p
        for p in places
        if (p.start, p.end) not in sides
        and max(event.start, sent.start) <= p.start
        and p.end <= min(event.end, sent.end)
        and specificity(p) >= _SPECIFICITY[ADM2]
        and _actor_home(p, event, doc)
    ]
    return _best_local(home) if home else None


def _facility_head(root: Any, trigger: Any) -> Any:
    """The facility noun a place names ("stormed the Arua Airfield", "shelled the Tal Afar
    airport": the airfield, the airport), which the event's trigger may take as its object;
    else the place's own token."""
    head = root
    while head.dep_ == "compound" and head.head != trigger and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head if head is not root and head.lower_ in _facility_words() else root


def _contained_spots(
    doc: Document, chains: list[context.Chain], resolved: list[Place]
) -> dict[int, tuple[Place, Place]]:
    """Each spot the gazetteer lacks whose containers are written beside it ("in Kpalanga
    village (Dassa, Collines)", "at Rampur village in Purnia district"), mapped to its first
    resolved container: when the spot is an event's setting, the event happened in that
    container (its district or town), at the precision the text allows."""
    out: dict[int, tuple[Place, Place]] = {}
    unknown = [p for p in doc.places if p.geonameid is None]
    if not unknown or not resolved:
        return out
    for chain in chains:
        spot = next((p for p in unknown if p.start < chain.end and chain.start < p.end), None)
        if spot is None or id(spot) in out:
            continue
        for s, e in chain.parents:
            parent = next((p for p in resolved if p.start < e and s < p.end), None)
            if parent is not None:
                out[id(spot)] = (spot, _in_container(parent))
                break
    return out


def _same_clause(a: Event, b: Event) -> bool:
    """Two events read off one clause ("attacked and killed")."""
    return (a.start, a.end) == (b.start, b.end)


# "arrived in Riyadh", "landed at Narita": the place right after a movement's trigger word
_ARRIVAL_PREPS = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?", re.IGNORECASE)


def _arrived_in(p: Place, event: Event, text: str) -> bool:
    """Whether the place follows the movement's trigger word and "in"/"at" ("Trump arrived in
    Saudi Arabia", "the envoy landed at Kabul"): where the movement ends, a place even when the
    events stage read it as the visited side."""
    if event.trigger_end is None or not event.trigger_end <= p.start:
        return False
    return _ARRIVAL_PREPS.fullmatch(text[event.trigger_end : p.start]) is not None


def _moves(event: Event) -> bool:
    return _starts_with(event, _lex().destination_triggers)


def _starts_with(event: Event, stems: frozenset[str]) -> bool:
    """Whether the trigger's first word starts with one of ``stems`` ("visit" → "visited")."""
    trigger = event.trigger.lower().split()
    return bool(trigger) and any(trigger[0].startswith(t) for t in stems)


def is_setting(p: Place, text: str, *, nested: bool = False) -> bool:
    """Whether the place follows a setting preposition ("in", "near", "on the outskirts of"),
    directional qualifiers and "the" skipped ("in northern Syria", "in the north of Iraq");
    ``nested`` also takes the Y of "in X of Y" ("in district 4 of Ouagadougou"). A place in
    admin parentheses after a named spot shares the spot's setting ("in Soubo (Nikki, Borgou)").
    A town or region after a route preposition is one too ("marched through central Lima"); a
    country there is a channel ("negotiated through Qatar")."""
    if _after(p, text, _lex().setting, nested=nested):
        return True
    return specificity(p) > _SPECIFICITY[COUNTRY] and _after(p, text, _lex().route)


# "in Soubo (Nikki, Borgou)", "at Khabeisoi village (Imphal East, Manipur)", "in Jalpura
# village in Haspura police station area (Aurangabad, Bihar)": a place in the parentheses after
# a named spot is that spot's admin context, and shares its setting
_ADMIN_PARENS = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:\s+[a-z]+){0,3}\s*\((?:[^()]{0,80},\s*)?$"
)


# "in Ban Phithaen, Thung Yang Daeng district, Pattani province", "at Jebel Chaambi,
# Kasserine": each name after a comma is the admin context of the one before it
# ("Mwaanza ward, Monze, Southern Province"; the feature words of data/geo.yaml)
@cache
def _admin_comma() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in _feature_words()), key=len, reverse=True))
    return re.compile(
        r"(?:(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:\s+(?:" + words + r"))?"
        r"|[A-Z][\w'’.-]*\s+\d+\s+(?:" + words + r"))\)?\s*,\s*$"  # "Moo 7 village,"
    )


_CHAIN_LINKS = 4  # at most this many names between a setting preposition and the place
_OF_REACH = 3  # words of a named spot between a setting and "of Y": "in district 4 of Ouagadougou"


def _after(p: Place, text: str, preps: tuple[str, ...], *, nested: bool = False) -> bool:
    end = _name_start(text, _chain_start(text, p.start))
    words = re.findall(r"[\w'’-]+", text[max(0, end - 60) : end].lower())
    if nested and _of_spot(words, preps):
        return True
    skip = {"the", "northern", "southern", "eastern", "western", "central", "north", "south",
            "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
            "of", "part", "parts", "city", "town", "village", "province", "region",
            "area", "vicinity"}  # fmt: skip
    tail = " " + " ".join(words[-6:])
    ends = tuple(" " + prep for prep in preps)  # one ``endswith`` for every preposition
    while True:
        if tail.endswith(ends):
            return True
        # "in Nigeria's Borno state": the possessive container is skipped too
        if not words or (words[-1] not in skip and not words[-1].endswith(("'s", "’s"))):
            return False
        words.pop()
        tail = " " + " ".join(words[-6:])


# "between Gao and Ansongo", "between the villages of X and Y": the stretch between two places
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:villages|towns|cities|localities) of\s+)?"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+and\s+)?$"
)


def _between(p: Place, event: Event, text: str) -> bool:
    """Whether an act on the ground (``carry_over_types``) is set between two named towns or
    districts ("a convoy was ambushed between Gao and Ansongo"): its place is the first of
    them. Countries and larger areas after "between" are sides ("clashes between Armenia and
    Azerbaijan") or borders, not a setting."""
    if event.plover not in _lex().carry_types or specificity(p) < _SPECIFICITY[ADM2]:
        return False
    start = _name_start(text, p.start)
    return bool(_BETWEEN.search(text[max(0, start - 80) : start]))


def _of_spot(words: list[str], preps: tuple[str, ...]) -> bool:
    """ "X of Y": whether Y follows a named spot X that follows a setting ("in district 4 of
    Ouagadougou", "in the Tasha neighbourhood of Kano", "in the area of Gorom", "in the
    forest of Sambisa"; "the city of" and the like before Y skipped)."""
    if len(words) > 2 and words[-1] == "of":  # "... area of the city of Y": "... area of Y"
        j = len(words) - 1
        while j > 0 and words[j - 1] in _lex().of_skip:
            j -= 1
        if j < len(words) - 1 and j > 0 and words[j - 1] == "of":
            words = words[:j]
    if not words or words[-1] != "of":
        return False
    ends = tuple(" " + prep for prep in preps)
    if (" " + " ".join(words[-7:])).endswith(ends):
        return False  # "in the city of Y" is a setting of its own
    for k in range(2, _OF_REACH + 2):
        head = words[: len(words) - k][-7:]
        while head and head[-1] == "the":
            head.pop()
        if (" " + " ".join(head)).endswith(ends):
            return True
    return False


_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*\s+){1,2}$")


def _name_start(text: str, start: int) -> int:
    """Where a name ends whose last words the gazetteer holds begins ("in Wolayita Sodo town":
    the gazetteer has Sodo): back over at most two capitalised words directly before it, not
    month or day names, and not at the start of a sentence."""
    hit = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    if hit is None:
        return start
    words = hit.group(0).split()
    if any(w.lower() in _lex().not_name_words for w in words):
        return start
    begin = start - len(hit.group(0))
    before = text[max(0, begin - 3) : begin].rstrip()
    if not before or before[-1] in '.!?:;\n"“(':
        return start  # a sentence's first word is capitalised whatever it is
    return begin


# "On 18 May, in Mogilev, a journalist was abducted": a setting opening the sentence (after at
# most a short adverbial and a comma) is the setting of the sentence's events that follow it
_FRONTED = re.compile(
    r"^\s*(?:[^,;:()]{0,40}[,:]\s*)?(?:in|at|near|around|outside|inside)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)[\w-]*\s+)?$",
    re.IGNORECASE,
)


def _fronted(p: Place, sent_start: int, event: Event, text: str) -> bool:
    """Whether the place opens its sentence as a fronted setting ending in a comma, before the
    event's clause ("On 18 May, in Mogilev, a journalist was abducted")."""
    if event.start < p.end or not re.match(r"\s*,", text[p.end : p.end + 3]):
        return False
    return bool(_FRONTED.match(text[sent_start : _chain_start(text, p.start)]))


def _chain_start(text: str, start: int) -> int:
    """Where the chain of named spots ending at ``start`` begins: back over "X (" and "X, "
    links, so that the admin context of a named spot shares the spot's setting."""
    end = start
    for _ in range(_CHAIN_LINKS):
        window = max(0, end - 140)
        if not text[window:end].rstrip().endswith(("(", ",")):
            break  # both patterns end in "(" or "," and trailing space: a cheap test first
        link = _ADMIN_PARENS.search(text[window:end]) or _admin_comma().search(text[window:end])
        if link is None or link.start() == end - window:
            break
        end = window + link.start()
    return end


def _seats(doc: Document, text: str, resolved: list[Place]) -> list[Place]:
    """Institutions named after a setting preposition whose seat the gazetteer has as a
    building or spot ("met the Syrian president at the Kremlin", "at the White House"): the
    actors stage reads the name as the body, but there it says where the act happened."""
    from sitmap.geo.resolver import lookup  # the resolver imports this module

    seats = [p for p in resolved if p.feature_class == "S" and is_setting(p, text)]
    for a in doc.actors:
        if any(p.start < a.end and a.start < p.end for p in resolved):
            continue  # a toponym already
        spot = Place(text=a.text, start=a.start, end=a.end)
        if not is_setting(spot, text):
            continue
        place = lookup(a.text)
        if place is not None and place.feature_class == "S":
            seats.append(replace(place, text=a.text, start=a.start, end=a.end))
    return seats


def _dateline(doc: Document, places: list[Place]) -> Place | None:
    """The resolved place of a wire dateline opening the text ("KABUL (Reuters) -")."""
    from sitmap.geo.resolver import lookup  # the resolver imports this module

    text = doc.clean_text
    match = _DATELINE.match(text)
    if match is None:
        return None
    start, end = match.span("place")
    inside = [p for p in places if start <= p.start and p.end <= end]
    if inside:
        return inside[0]
    name = match.group("place")
    place = lookup(name.title() if name.isupper() else name)
    return replace(place, text=name, start=start, end=end) if place is not None else None


def _dateline_place(
    event: Event, dateline: Place, doc: Document, places: list[Place]
) -> tuple[Place | None, str]:
    """The dateline's place for an event of the lead sentence that happened there: one that has
    happened (not predicted, hypothetical or negated), by an actor of the dateline's country,
    or, for a statement or a policy act (not an act on the ground), by an actor of no known
    country when the sentence names no place abroad (not "BEIRUT - Gunmen attacked a convoy").
    A statement or a sanction takes it only when its source sits there (``_seated``: "NEW YORK -
    A judge denied ...", not "WASHINGTON - The attorney general called on the courts ...")."""
    lead = next((s for s in doc.sentences if s.end > dateline.end), None)
    if lead is None or event.sentence != lead.index or not dateline.country:
        return None, ""
    if event.status in _lex().unreal_statuses:
        return None, ""  # it has not happened anywhere
    trigger = doc.trigger_token(event)
    if trigger is not None and any(
        t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN")
        for t in (trigger, *trigger.ancestors)
    ):
        # background told in a relative clause ("a party convicted in November of ...") is no
        # act of the story's scene
        return None, ""
    words = set(re.findall(r"[a-z]+", lead.text.lower()))
    if words & _lex().remote:  # a phone call is made from two places: the dateline is neither
        return None, ""
    if lead.start - dateline.end > 40 + _DATELINE_REACH:
        return None, ""
    if event.plover in _lex().remote_types and not _seated(event, trigger, dateline, doc):
        return None, ""  # a statement or a charge may have been made anywhere (GUIDE.md)
    actor = event.source or event.target
    if actor is not None and actor.country:
        if _alpha3(dateline.country) != actor.country[:3]:
            return None, ""
    elif event.plover in _lex().carry_types or any(
        p.country and p.country != dateline.country
        for p in places
        if lead.start <= p.start and p.end <= lead.end and p.end > dateline.end
    ):
        return None, ""
    return dateline, "dateline"


def _seated(event: Event, trigger: Any, dateline: Place, doc: Document) -> bool:
    """Whether the event's source is a body that sits in the dateline's country: a legislature
    or a court ("the Senate", "a U.S. judge"; ``seated_sectors``) or an organisation ("the
    Foreign Ministry"), whose acts are done at its seat; not a person, who may have spoken
    anywhere (an appeal *to* Congress may be sent from anywhere)."""
    home = _alpha3(dateline.country)  # the caller has checked the dateline has a country

    def seated(actor: Actor) -> bool:  # "USALEG", or "LEG" before the actor is localised
        code = actor.code
        if code is None or (len(code) > 3 and code[:3] != home):
            return False
        return code[-3:] in _lex().seated_sectors or actor.kind == "organisation"

    if event.source is not None:
        return seated(event.source)
    # a subject the actors stage has not linked yet ("The top Democrat on the Senate committee
    # asked ...") is seated when it names such a body
    subjects = [t for t in trigger.children if t.dep_ in ("nsubj", "nsubjpass")] if trigger else []
    base = doc.sentences[event.sentence].start
    spans = [
        (base + t.left_edge.idx, base + t.right_edge.idx + len(t.right_edge)) for t in subjects
    ]
    return any(seated(a) and any(s <= a.start and a.end <= e for s, e in spans) for a in doc.actors)


@cache
def _alpha3(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def _best_local(places: list[Place]) -> Place:
    """The most specific place, then the earliest."""
    return max(places, key=lambda p: (specificity(p), -p.start))


def specificity(p: Place) -> int:
    """3 for a populated place, 2 a county, 1 a state or region, 0 a country, -1 a continent."""
    if p.feature_class == "P":
        return _SPECIFICITY["P"]
    return _SPECIFICITY.get(p.feature_code or "", 0)


def focus_place(places: list[Place]) -> Place | None:
    """The document's most salient place: its main country, then the most-mentioned place in it
    if that is mentioned at least twice (else the country itself)."""
    if not places:
        return None
    by_country: Counter[str] = Counter(p.country or "" for p in places)
    country = by_country.most_common(1)[0][0]
    inside = [p for p in places if (p.country or "") == country]
    counts: Counter[int] = Counter(p.geonameid for p in inside if p.feature_code != COUNTRY)
    first = {p.geonameid: p for p in reversed(inside)}
    if counts:
        gid, n = max(counts.items(), key=lambda kv: (kv[1], specificity(first[kv[0]])))
        if n >= 2:
            return first[gid]
    countries = [p for p in inside if p.feature_code == COUNTRY]
    if countries:
        return countries[0]
    return max(inside, key=lambda p: (counts.get(p.geonameid, 0), specificity(p)))


__all__ = ["BASIS_FACTOR", "focus_place", "is_setting", "place_events", "specificity"]
