"""One act told twice in one article becomes one event: within-document event coreference.

One verb: ``merge(doc)``, run after places and dates are assigned (``geo``, ``when``) and
before ``confidence``. News tells its main act in the lead and again further down, often in
other words ("A suicide bomber struck a market in Kabul on Monday ... The bombing was the
third this month"); the whole-article guide (``eval/GUIDE.md``) counts that act once, at its
first full mention. Two events of a document are the same act when

* **nothing keeps them apart**: their PLOVER types are in one family and their statuses in one
  group (both factual, or both predicted, hypothetical or negated: a threat and its later
  execution, or a plan and a denial, stay two events; families and groups are those of the
  cross-document rules, ``situations.yaml``); their sides are compatible side by side (an
  unknown side fits any; a country fits its own sectors, ``USA`` / ``USAGOV``; a bare sector
  fits a named actor of it, ``BUS`` / ``USABUS``; two named persons must be the same person;
  either orientation for symmetric types such as meetings); the places stated in their own
  sentences are the same place (same entry, towns within ``radius_km``, a country or region
  holding the other); their dates overlap; their death tolls, when both are stated, agree;
* **and they share evidence** worth ``threshold`` points (``data/restatements.yaml``): the same
  trigger stem, each side that is the very same known actor in both, the same stated place,
  day or death toll. Speech acts (``same_word_only``) need the same word ("accused" and later
  "called him a liar" are two statements even between the same two people) and something
  beyond it: one side the very same actor in both, or the same stated place or day ("Perry
  asked regulators ..." and "the lawsuit asks the court ..." are two requests).

Two events on the very same trigger word (coordination: "urged by Seoul and Washington") are
merged only when they are exact duplicates (same sides in the same words) or differ only in a
side one of them left uncoded ("Smith and Biggs will visit IARC", Biggs uncoded); two verbs of one
sentence only when each side is named in both or in neither ("were shot and killed by police"
is one act; "seized the timber and detained the loggers" two). A later telling marked as
another act ("another", "also", "subsequently", "dozens of", a bare plural:
``distinct_words``) or one in a time phrase of the other in its sentence ("after that meeting,
they met alone": ``sequence_words``) is never merged. A given act, a definite event noun with
nothing of its own but adjectives ("as they announced the deals", "filed the lawsuit":
``senses.given``), is the last act of its family told in an earlier sentence, whatever the status
its clause lends it, if no side tells them apart; with none before it, it is an event of its own
("police were called to suppress the protests") unless it only dates another act ("after the
meeting, they shook hands": a time word of ``sequence_words``).

The event kept is the earliest telling; it takes from the later ones what it lacks or states
less precisely: a side it does not know or knows only as a country or bare sector, a place or
date its own sentence does not state, the mode and the death toll. The later tellings are kept
as ``Event.mentions`` (their clause span, text and trigger); their own status, attribution and
evidence sentence are dropped with them.

The rules are written for one document rather than imported from ``situations.rules``: that
package sits above the pipeline stages (it reads the store), and within one article there is
no publication window to compare and no second outlet to corroborate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sitmap import lexicons
from sitmap.events.senses import given
from sitmap.model import Actor, Document, Event, Place, Span

_LOCAL = {"clause", "sentence"}  # place bases stated in the event's own sentence
_CONFLICT = -1


@dataclass(frozen=True)
class _Rules:
    family_of: dict[str, str]
    group_of: dict[str, str]
    symmetric: frozenset[str]
    sectors: frozenset[str]
    points: dict[str, int]
    threshold: int
    same_word_only: frozenset[str]
    counterpart: frozenset[str]
    distinct_words: frozenset[str]
    sequence_words: frozenset[str]
    bare_plurals: bool
    radius_km: float
    slack: timedelta
    suffixes: tuple[str, ...]
    min_stem: int
    toll_verbs: frozenset[str]
    toll_acts: frozenset[str]


@cache
def _rules() -> _Rules:
    data = lexicons.yaml_file("restatements.yaml")
    situations = lexicons.yaml_file("situations.yaml")
    family_of = {str(t).upper(): name for name, ts in situations["families"].items() for t in ts}
    group_of = {s: g for g, statuses in situations["status_groups"].items() for s in statuses}
    sectors = frozenset(str(c) for c in lexicons.yaml_file("codes.yaml")["sectors"].values())
    return _Rules(
        family_of=family_of,
        group_of=group_of,
        symmetric=frozenset(situations.get("symmetric", [])),
        sectors=sectors,
        points={k: int(v) for k, v in data["points"].items()},
        threshold=int(data["threshold"]),
        same_word_only=frozenset(data["same_word_only"]),
        counterpart=frozenset(situations.get("counterpart", [])),
        distinct_words=frozenset(str(w).lower() for w in data["distinct_words"]),
        sequence_words=frozenset(str(w).lower() for w in data["sequence_words"]),
        bare_plurals=bool(data.get("bare_plurals", True)),
        radius_km=float(data["radius_km"]),
        slack=timedelta(days=int(data["date_slack_days"])),
        suffixes=tuple(sorted(data["suffixes"], key=len, reverse=True)),
        min_stem=int(data["min_stem"]),
        toll_verbs=frozenset(map(str, data["toll_verbs"])),
        toll_acts=frozenset(map(str, data["toll_acts"])),
    )


def merge(doc: Document) -> Document:
    """Merge the events of ``doc`` that tell one act (see the module docstring); returns ``doc``.

    Events keep their order; a merged event stays where its first telling is.
    """
    if not doc.events:
        return doc
    stems = {id(e): _stems(doc, e) for e in doc.events}
    kept: list[Event] = []
    for event in sorted(doc.events, key=_order):
        if _distinct(doc, event):  # "another", "also", "dozens of": not a retelling
            kept.append(event)
            continue
        if given(doc.trigger_token(event)):  # "announced the deals": the last one told
            same = next((k for k in reversed(kept) if _antecedent(k, event)), None)
            if same is not None:
                _absorb(same, event, doc)
            if same is not None or _time_phrase(doc, event):
                continue  # told before, or only a time for another act: "after the meeting"
        if _toll_in(doc, event):  # "were injured in the attack": the toll of an act told
            same = next((k for k in reversed(kept) if _toll_of(k, event, doc)), None)
            if same is not None:
                _absorb(same, event, doc)
                continue
        same = next(
            (
                k
                for k in kept
                if _same_act(k, event, stems, doc) and not _in_sequence(doc, k, event)
            ),
            None,
        )
        if same is None:
            kept.append(event)
        else:
            _absorb(same, event, doc)
    keep = {id(e) for e in kept}
    doc.events = [e for e in doc.events if id(e) in keep]
    return doc


def _antecedent(earlier: Event, later: Event) -> bool:
    """Whether ``earlier`` is the act a given noun ("the deals", "the lawsuit") refers back to:
    one of its family told in an earlier sentence, with no side against it. The noun's status
    is only that of the clause around it (a presupposed act), so it does not keep them apart."""
    return (
        earlier.sentence < later.sentence
        and _family(earlier.plover) == _family(later.plover)
        and _sides(earlier, later) != _CONFLICT
    )


def _time_phrase(doc: Document, event: Event) -> bool:
    """Whether the event noun is the object of a time word ("after the meeting, they shook
    hands", "since the invasion"): it dates another act rather than telling its own."""
    tok = doc.trigger_token(event)
    return (
        tok is not None
        and tok.dep_ in {"pobj", "pcomp"}
        and tok.head.lower_ in _rules().sequence_words
    )


def same_act(a: Event, b: Event, doc: Document | None = None) -> bool:
    """Whether two events of one document tell the same act (``doc`` lends the parse's lemmas)."""
    d = doc or Document(text="")
    return _same_act(a, b, {id(a): _stems(d, a), id(b): _stems(d, b)}, doc)


def _order(event: Event) -> tuple[int, int]:
    return (event.sentence, event.trigger_start if event.trigger_start is not None else event.start)


def _same_act(
    a: Event, b: Event, stems: dict[int, frozenset[str]], doc: Document | None = None
) -> bool:
    rules = _rules()
    if _family(a.plover) != _family(b.plover) or _group(a.status) != _group(b.status):
        return False
    if a.trigger_start is not None and a.trigger_start == b.trigger_start:
        # one word, several events: coordination ("urged by Seoul and Washington")
        same = _same_wording(a.source, b.source) and _same_wording(a.target, b.target)
        return same or _uncoded_twin(a, b)
    if a.sentence == b.sentence and doc is not None and (_toll(doc, a) or _toll(doc, b)):
        return _toll_of(a, b, doc)  # "killed 58 people and wounded nearly 500"
    if a.sentence == b.sentence and not _same_sides_known(a, b):
        return False  # "seized the wood and detained loggers": two verbs, two objects
    same_word = _same_stem(stems[id(a)], stems[id(b)], rules.min_stem)
    if a.plover in rules.same_word_only and not same_word:
        return False
    sides = _sides(a, b)
    if sides == _CONFLICT:
        return False
    if not same_word and a.plover in rules.counterpart and (sides < 1 or not _both_known(a, b)):
        return False  # who met whom tells meetings apart: a trip holds several
    place = _place_points(a, b)
    day = _date_points(a, b, doc)
    if _CONFLICT in (place, day):
        return False
    toll = 0
    if a.fatalities and b.fatalities:
        if a.fatalities != b.fatalities:
            return False
        toll = 1
    pts = rules.points
    shared = pts["side"] * sides + pts["place"] * place + pts["day"] * day
    shared += pts["fatalities"] * toll
    if a.plover in rules.same_word_only and shared < 1:
        return False  # "Perry asked regulators" and "the lawsuit asks the court": two requests
    return pts["same_word"] * same_word + shared >= rules.threshold


def _toll(doc: Document, event: Event) -> bool:
    """Whether the event is an injury verb ("wounded", "injuring"): the toll of an assault."""
    return event.plover == "ASSAULT" and _lemma(doc, event) in _rules().toll_verbs


def _toll_of(a: Event, b: Event, doc: Document) -> bool:
    """Whether one of two assaults is the other's toll: one an injury verb and the other not,
    their sources not two different actors (victims differ: "killed 8, injured 12")."""
    return (
        a.plover == b.plover == "ASSAULT"
        and _toll(doc, a) != _toll(doc, b)
        and _actor_points(a.source, b.source) != _CONFLICT
    )


def _toll_in(doc: Document, event: Event) -> bool:
    """Whether an injury verb is told "in" an act it names ("were injured in the attack", "in
    the city's bloodiest attack"): that act's toll, not an act of its own."""
    tok = doc.trigger_token(event)
    if tok is None or not _toll(doc, event):
        return False
    acts = _rules().toll_acts
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and o.dep_ == "pobj"
        and o.lemma_.lower() in acts
        for prep in tok.children
        for o in prep.children
    )


def _family(plover: str) -> str:
    return _rules().family_of.get(plover.upper(), plover.upper())


def _group(status: str | None) -> str:
    return _rules().group_of.get(status or "asserted", status or "asserted")


# -- sides ---------------------------------------------------------------------------------------


def _same_wording(a: Actor | None, b: Actor | None) -> bool:
    """The same code told in the same words ("the Justice Department and the EPA" are two)."""
    if a is None or b is None:
        return a is b
    return a.code == b.code and _norm(a.text) == _norm(b.text)


def _uncoded_twin(a: Event, b: Event) -> bool:
    """Two events of one trigger word that differ only in a side one of them could not code
    ("Smith and Biggs would visit IARC" with Biggs uncoded; "Erdogan's security forces charged
    the protesters" with a stray "Erdogan" source): one act, told with a side and without."""
    pairs = ((a.source, b.source), (a.target, b.target))
    codes = [(x.code if x else None, y.code if y else None) for x, y in pairs]
    if any(x and y and x != y for x, y in codes):
        return False
    return any(x and y for x, y in codes) and any(bool(x) != bool(y) for x, y in codes)


def _sides(a: Event, b: Event) -> int:
    """Points for the sides both events know to be the very same actor, or ``_CONFLICT``."""
    orders = [(b.source, b.target)]
    if a.plover in _rules().symmetric and a.plover == b.plover:
        orders.append((b.target, b.source))
    best = _CONFLICT
    for source, target in orders:
        s, t = _actor_points(a.source, source), _actor_points(a.target, target)
        if _CONFLICT not in (s, t):
            best = max(best, s + t)
    return best


def _actor_points(a: Actor | None, b: Actor | None) -> int:
    """1 for the same known actor, 0 when either is unknown or one holds the other ("U.S." and
    "the U.S. military"), ``_CONFLICT`` for two different actors."""
    if a is None or b is None:
        return 0
    if a.kind == "person" and b.kind == "person" and a.name and b.name:
        return 1 if _norm(a.name) == _norm(b.name) else _CONFLICT
    if not a.code or not b.code or _unidentified(a.code) or _unidentified(b.code):
        if a.name and b.name and _norm(a.name) == _norm(b.name):
            return 1
        if _uncoded_name(a, b) or _uncoded_name(b, a):
            return _CONFLICT  # "Douma" is not "rebel positions"
        return 0
    if a.code == b.code:
        return 1
    sectors = _rules().sectors
    for x, y in ((a.code, b.code), (b.code, a.code)):
        if x in sectors:  # a bare sector ("a lobbying firm", BUS) and one of that sector
            return 0 if x in y[3:] else _CONFLICT
    short, long_ = sorted((a.code, b.code), key=len)
    if long_.startswith(short) and len(short) >= 3:
        return 0  # a state and one of its sectors: compatible, not the very same actor
    return _CONFLICT


def _same_sides_known(a: Event, b: Event) -> bool:
    """Each side named in both events or in neither (two verbs of one sentence telling one act
    share their sides: "were shot and killed by police")."""
    orders = [(b.source, b.target)]
    if a.plover in _rules().symmetric:
        orders.append((b.target, b.source))
    return any(
        (a.source is None) == (s is None) and (a.target is None) == (t is None) for s, t in orders
    )


def _uncoded_name(a: Actor, other: Actor) -> bool:
    """``a`` is a proper name nothing coded ("Douma", "Mercury Public Affairs") and ``other`` a
    wording that is no pronoun and shares none of its names ("Fox" and "Fox News hosts" do):
    nothing says they are one actor."""
    if a.code or a.kind == "pronoun" or other.kind == "pronoun":
        return False
    words = a.text.split()
    if not words or not words[-1][:1].isupper():
        return False
    names = {w for w in _norm(a.text).split() if len(w) > 2}
    return not names & set(_norm(other.text).split())


def _both_known(a: Event, b: Event) -> bool:
    return all(
        x is not None and bool(x.code or x.name) for x in (a.source, a.target, b.source, b.target)
    )


def _unidentified(code: str) -> bool:
    return code == "UAF" or code[3:6] == "UAF"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _one_actor(a: Actor | None, b: Actor | None) -> bool:
    """Whether two sides are one coded actor (no event is done by an actor to itself)."""
    if a is None or b is None or not a.code:
        return False
    return a.code == b.code and (a.name or a.text) == (b.name or b.text)


def _more_precise(kept: Actor | None, other: Actor | None) -> Actor | None:
    """The side to keep: the other telling's when this one lacks it or is only a country or a
    bare sector of it."""
    if other is None or not other.code:
        return kept
    if kept is None or not kept.code or _unidentified(kept.code):
        return other
    if kept.code != other.code and len(other.code) > len(kept.code):
        return other  # "U.S." told later as "the U.S. Treasury"; a bare sector, its country
    return kept


# -- place and date ------------------------------------------------------------------------------


def _stated_place(event: Event) -> Place | None:
    if event.place is None or event.place_basis not in _LOCAL:
        return None
    return event.place


def _place_points(a: Event, b: Event) -> int:
    """1 for one place stated in both sentences, 0 when either states none, else ``_CONFLICT``."""
    p, q = _stated_place(a), _stated_place(b)
    if p is None or q is None:
        return 0
    if p.geonameid is not None and p.geonameid == q.geonameid:
        return 1
    if p.country and q.country and p.country != q.country:
        return _CONFLICT
    for x, y in ((p, q), (q, p)):
        code = (x.feature_code or "").upper()
        if code.startswith("PCL"):
            return 0  # a country holding the other place: compatible, not the same place
        if code.startswith("ADM1") and x.admin1 and x.admin1 == y.admin1:
            return 0
    if None in (p.lat, p.lon, q.lat, q.lon):
        return 0
    km = _km(p.lat, p.lon, q.lat, q.lon)  # type: ignore[arg-type]
    return 1 if km <= _rules().radius_km else _CONFLICT


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _window(event: Event) -> tuple[date, date, bool] | None:
    days = event.date.days() if event.date is not None else None
    return (*days, (event.date.precision or "day") == "day") if days else None


def _date_points(a: Event, b: Event, doc: Document | None = None) -> int:
    """1 for the same day stated in both sentences, 0 when either has no date or the periods
    overlap, else ``_CONFLICT``. A date the event took from a neighbouring sentence (``when``'s
    episodes) keeps them apart when it differs but is no evidence that they are one act."""
    x, y = _window(a), _window(b)
    if x is None or y is None:
        return 0
    slack = _rules().slack
    if x[0] > y[1] + slack or y[0] > x[1] + slack:
        return _CONFLICT
    return int(x[2] and y[2] and _own_date(a, doc) and _own_date(b, doc))


def _own_date(event: Event, doc: Document | None) -> bool:
    """The event's date expression lies in its own sentence (unknown without the document)."""
    if doc is None or event.date is None or event.sentence >= len(doc.sentences):
        return True
    sent = doc.sentences[event.sentence]
    return sent.start <= event.date.start < sent.end


# -- trigger words -------------------------------------------------------------------------------


def _stems(doc: Document, event: Event) -> frozenset[str]:
    """Stems of the trigger: its lemma from the parse when held, and each word suffix-stripped."""
    out = {_strip(w) for w in re.findall(r"[A-Za-z]+", event.trigger)}
    lemma = _lemma(doc, event)
    if lemma:
        out.add(_strip(lemma))
    return frozenset(s for s in out if s)


def _lemma(doc: Document, event: Event) -> str | None:
    tok = doc.trigger_token(event)
    return str(tok.lemma_) if tok is not None else None


_DETERMINERS = {"det", "poss", "predet"}


def _in_sequence(doc: Document, a: Event, b: Event) -> bool:
    """Two events of one sentence, one in a time phrase ("after that meeting", "during the
    visit"): two acts, one before or around the other."""
    if a.sentence != b.sentence:
        return False
    words = _rules().sequence_words
    for event in (a, b):
        tok = doc.trigger_token(event)
        while tok is not None:
            if tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ in words:
                return True  # "after that meeting"
            if any(c.dep_ in {"mark", "prep"} and c.lower_ in words for c in tok.children):
                return True  # "after rebels attacked", "before they entered and recaptured"
            tok = tok.head if tok.dep_ == "conj" and tok.head is not tok else None
    return False


def _distinct(doc: Document, event: Event) -> bool:
    """The trigger is marked as an act of its own or a series ("another", "also", "dozens of",
    a number; a bare plural noun): a later telling of this kind is never a retelling."""
    tok = doc.trigger_token(event)
    if tok is None:
        return False
    rules = _rules()
    words = [c for c in tok.children if c.dep_ not in {"prep", "relcl", "acl", "ccomp"}]
    head = tok
    while head.dep_ == "conj" and head.head is not head:  # "then entered and took control"
        head = head.head
        words.extend(c for c in head.children if c.dep_ == "advmod")
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.i:
        words.append(tok.head.head)  # "dozens of tests", "a series of attacks"
    for w in words:
        if w.lower_ in rules.distinct_words or w.lemma_.lower() in rules.distinct_words:
            return True
        if w.dep_ == "nummod" and w.like_num and w.lower_ not in {"one", "1"}:
            return True
    if rules.bare_plurals and tok.tag_ == "NNS":
        return not any(c.dep_ in _DETERMINERS for c in tok.children)
    return False


def _strip(word: str) -> str:
    word = word.lower()
    rules = _rules()
    for suffix in rules.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _same_stem(a: Iterable[str], b: Iterable[str], min_stem: int) -> bool:
    for x in a:
        for y in b:
            if x == y:
                return True
            short, long_ = sorted((x, y), key=len)
            if len(short) >= min_stem and long_.startswith(short):
                return True
    return False


# -- merging -------------------------------------------------------------------------------------


def _absorb(kept: Event, other: Event, doc: Document) -> None:
    """Fold a later telling into the kept event (see the module docstring)."""
    source = _more_precise(kept.source, other.source)
    if not _one_actor(source, kept.target):  # a meeting told the other way round
        kept.source = source
    target = _more_precise(kept.target, other.target)
    if not _one_actor(target, kept.source):
        kept.target = target
    stated = _stated_place(other) is not None
    if _stated_place(kept) is None and other.place is not None and (kept.place is None or stated):
        kept.place, kept.place_basis = other.place, other.place_basis
    if _window(kept) is None and _window(other) is not None and not _up_to_now(kept, doc):
        kept.date, kept.historical = other.date, other.historical
    kept.mode = kept.mode or other.mode
    kept.fatalities = kept.fatalities or other.fatalities
    kept.mentions.append(
        Span(other.start, other.end, doc.text[other.start : other.end], label=other.trigger)
    )
    kept.mentions.extend(other.mentions)


def _up_to_now(event: Event, doc: Document) -> bool:
    """Whether the event is told, undated, as conduct up to now: its trigger a verb in the
    present perfect or the present ("Trump, who has denied the accusations", "Blankfein has
    used Twitter to speak out against Trump"). A later dated telling ("In January, he spoke
    out ...", "a spokesperson denied it on Monday") is one occasion of that conduct, not its
    date (the guide's ongoing conduct: one undated event)."""
    tok = doc.trigger_token(event)
    while tok is not None and tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head  # "has used Twitter to speak out": the tense is the governing verb's
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    return tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have" for c in tok.children
    )
