"""When two events of different documents may be the same real-world event: the merge rules.

Every rule reads ``sitmap/data/situations.yaml`` (families, radii, windows, points). Two events
are **compatible** when no rule finds a conflict:

* **type family**: their PLOVER types are in one family (``families``);
* **one document**: two events of one document are linked only when one sentence tells them
  ("bombed a junction ..., killing hundreds": one act, two verbs); a document never
  corroborates itself. Two events of one document told in two sentences are kept apart unless
  one is a vaguer telling of the other (``told_again``: "Five women have come forward
  alleging that Moore dated them" and, later, "Moore has been accused of doing just that":
  the same type and target, nothing the second says of its own); such a pair is compatible
  (other documents' reports may join both into one situation) but never linked by itself;
* **status group**: both factual (asserted, reported, quoted), or both predicted, both
  hypothetical, both negated; a predicted event is never merged with an asserted one (it is
  *linked* to the later situation that fulfils it, see ``fulfils``);
* **actors**, side by side (source with source, target with target; either orientation for
  ``symmetric`` types): an unknown actor is compatible with any; one person coded by two roles
  (the very same full name, no two countries: candidate Trump ``USAPTY``, President Trump
  ``USAGOV``; ``same_person``) is the same actor; equal codes are compatible unless they are
  two differently named persons; a country code and a sector of that country
  (``USA`` / ``USAGOV``) are compatible, and so are a bare sector and a named actor of that
  sector (``INS`` insurgents / ``SOMINSSHB`` al-Shabaab), and so are a generic group placed in
  a country and a named transnational group of its sector ("a terrorist" in New York,
  ``USAINS`` / Islamic State, ``IMGINSISI``); unidentified gunmen (``UAF``) are treated as
  unknown; other codes conflict;
* **places**, compared at the coarser precision of the two (point, district, region, country):
  another country conflicts; a region contains the places with its admin1 code; points and
  districts must lie within ``radius_km`` of the coarser precision; an event without a place is
  held to the places its document names and, when it names any, to its own actors' countries
  (``_doc_countries``: a report naming only Russia of "the indictment of Paul Manafort",
  ``USAPTY``, is about the United States too); none of these the other's country: a conflict;
  the other's town among them: a weak shared place; otherwise an unknown place is compatible
  with any;
* **dates**: each event has a window (a day, a week, a month or a year from the text; without a
  date in the text, the ``published_lookback`` days up to publication); the windows, widened by
  ``slack`` days, must overlap. A factual event whose text date lies after its publication
  (beyond ``slack``: "On Tuesday, Trump threatens ..." resolved to the next Tuesday) is held to
  the publication window instead: what is reported as done happened by then. An event with
  neither a text date nor a publication date is never merged. An undated act on the very same
  named person (not a leader), of the same type, may be told again up to
  ``dates.retold_days`` after an earlier report (``retold``): "X has been charged" nine days
  after "prosecutors charged X" is one act, and earns the ``merge.named_target`` point.

Compatible is not enough to merge: the pair must also share evidence worth ``merge.threshold``
points (``score``): the place they share (a town counts most, a country least), each shared
known actor, the same day stated in both texts, the same death toll stated in both
(``merge.fatalities``), and ``merge.both_sides`` when both sides are
known and shared in **close reports** (``close_reports``: neither window longer than
``both_sides.max_window_days``, and the two publications at most ``both_sides.published_days``
apart unless a text dates the act, as "last week" does; when both texts state the day, the
same-day point decides instead), or ``merge.named_target`` when, in close reports, the target
is the very same named person and not a head of state or government (``leader``, by
``leader_roles``): "Prosecutors charged X" and "X has been charged" a day later. Two reports of "an
air strike somewhere in Syria this week" are compatible but do not merge; two of a bombing in
Mogadishu on Saturday do, and so do two reports published a day apart that Trump recognised
Jerusalem as Israel's capital (same source, same target, same kind of act; news of politics
often names no place and no day). The same two actors a week later, or the same act of only one
known actor, stay apart. Meetings, agreements and cooperation (``counterpart`` types) merge only
when both sides are known in both reports and each side is the very same actor in both (the
same name; a sector code alone is not enough): who met whom is what tells two meetings apart;
in two ``copied`` sentences a side neither report coded is the side the same words name.

Two compatible events whose evidence sentences are **copies** (``copied``: one wire sentence
re-run, lightly edited, by another outlet: both at least ``merge.copy.min_words`` distinct
words, word-set Jaccard at least ``copy_similarity``, published at most
``merge.copy.published_days`` apart) earn ``merge.copy.points``: the wording is the evidence,
even when no actor is coded and no place named. Every other rule still applies (another stated
day, place, family or actor is a conflict; a meeting still needs its two sides). The key
carries the sentence as hashes (``wording``: MinHash values of its word pairs for blocking, its
words' hashes for the Jaccard), not the text.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.geo.scoring import distance_km
from sitmap.model import date_span
from sitmap.situations.wording import (
    COPY_BANDS,
    _hash_set,
    copy_words,
    text_copied,
    text_similarity,
    wording_hashes,
    wording_of,
)

PRECISIONS = ("point", "district", "region", "country")
"""Place precision levels, finest first."""

DATE_PRECISIONS = ("day", "week", "month", "year")

_LEVEL = {p: i for i, p in enumerate(PRECISIONS)}


@cache
def config() -> dict[str, Any]:
    """The parsed ``situations.yaml`` with derived lookups (cached)."""
    raw = dict(lexicons.yaml_file("situations.yaml"))
    family_of: dict[str, str] = {}
    for name, types in raw["families"].items():
        for t in types:
            family_of[str(t).upper()] = str(name)
    group_of = {s: g for g, statuses in raw["status_groups"].items() for s in statuses}
    code_level = {c: level for level, codes in raw["place_precision"].items() for c in codes}
    return {
        **raw,
        "family_of": family_of,
        "group_of": group_of,
        "code_level": code_level,
        "symmetric_set": frozenset(raw.get("symmetric", [])),
        "counterpart_set": frozenset(raw.get("counterpart", [])),
    }


def family(plover: str | None) -> str:
    """The merge family of a PLOVER type (the type itself when not listed)."""
    t = (plover or "").upper()
    return config()["family_of"].get(t, t.lower() or "unknown")


def status_group(status: str | None) -> str:
    """``factual``, ``predicted``, ``hypothetical`` or ``negated``."""
    return config()["group_of"].get(status or "asserted", status or "factual")


@dataclass(frozen=True, slots=True)
class ActorKey:
    """The part of an actor the rules read."""

    code: str | None = None
    name: str | None = None
    country: str | None = None
    kind: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.code or self.name)

    @property
    def ident(self) -> str | None:
        """What blocking groups by: the country of a state actor, else its code or name."""
        return self.country or self.code or self.name


@dataclass(slots=True)
class Key:
    """One event as the merge rules see it (built from an ``events`` row by ``key_of``)."""

    id: str
    doc_id: str
    sentence: int | None
    plover: str
    family: str
    group: str
    source: ActorKey
    target: ActorKey
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None
    admin1: str | None
    level: str | None  # place precision, None when the event has no place
    start: date | None  # date window, None when neither a text date nor a publication date
    end: date | None
    day_stated: bool  # the text states the day
    published: date | None
    outlet: str | None = None
    fatalities: int | None = None  # the death toll the text states
    order: tuple = ()
    doc_places: frozenset = frozenset()  # GeoNames ids of every place its document names
    doc_countries: frozenset = frozenset()  # and their countries
    evidence: str = ""  # the evidence sentence (``similarity``; not read by ``tables``)
    text_dated: bool = False  # the window is the text's date, not the publication lookback
    retold_from: date | None = None  # ``retold``: the earliest day an undated telling may mean
    wording: bytes | None = None  # the evidence sentence as hashes (``wording_of``), or None


@functools.lru_cache(maxsize=4096)
def place_level(feature_class: str | None, feature_code: str | None) -> str:
    """A GeoNames feature as one of ``PRECISIONS``."""
    code = (feature_code or "").upper()
    level = config()["code_level"].get(code)
    if level:
        return str(level)
    if code.startswith("PCL"):
        return "country"
    if (feature_class or "").upper() == "A" and code.startswith("ADM"):
        return "district"
    return "point"


def date_window(
    text_date: date | None, precision: str | None, published: date | None
) -> tuple[date | None, date | None, bool]:
    """(first day, last day, day stated) of when an event happened, by its date's precision."""
    if text_date is not None:
        return (*date_span(text_date, precision), (precision or "day") == "day")
    if published is not None:
        back = int(config()["dates"]["published_lookback"])
        return published - timedelta(days=back), published, False
    return None, None, False


def _as_date(value: Any) -> date | None:
    if value is None or type(value) is date:
        return value
    if isinstance(value, date):  # a datetime: its day
        return date(value.year, value.month, value.day)
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def key_of(row: dict[str, Any]) -> Key:
    """A ``Key`` from an ``events`` row (flat columns as in ``store.EVENT_COLUMNS``)."""
    published = _as_date(row.get("published"))
    text_date = _as_date(row.get("date"))
    group = status_group(row.get("status"))
    precision = row.get("date_precision")
    if group == "factual" and _after_publication(text_date, published):
        text_date = precision = None  # reported as done, dated later: the date is not of the act
    start, end, stated = date_window(text_date, precision, published)
    has_place = (
        row.get("lat") is not None
        or row.get("geonameid") is not None
        or (row.get("country") is not None)
    )
    level = place_level(row.get("feature_class"), row.get("feature_code")) if has_place else None
    if level and level != "country" and row.get("lat") is None:
        level = "country" if row.get("country") else None
    target = _actor(row, "target")
    retold_from = None
    if text_date is None and published is not None and _retellable(target):
        retold_from = published - timedelta(days=int(config()["dates"]["retold_days"]))
    return Key(
        id=row["id"],
        doc_id=row.get("doc_id") or "",
        sentence=row.get("sentence"),
        plover=(row.get("plover") or "").upper(),
        family=family(row.get("plover")),
        group=group,
        source=_actor(row, "source"),
        target=target,
        lat=row.get("lat"),
        lon=row.get("lon"),
        geonameid=row.get("geonameid"),
        country=row.get("country"),
        admin1=row.get("admin1"),
        level=level,
        start=start,
        end=end,
        day_stated=stated,
        published=published,
        outlet=row.get("outlet"),
        fatalities=row.get("fatalities") or None,
        order=(start or date.max, published or date.max, row["id"]),
        doc_places=frozenset(row.get("doc_places") or ()),
        doc_countries=_doc_countries(row),
        evidence=row.get("evidence") or "",
        text_dated=text_date is not None,
        retold_from=retold_from,
        wording=wording_of(row.get("evidence") or ""),
    )


def similarity(a: Key, b: Key) -> float:
    """Token-set Jaccard of the two evidence sentences' words (lower case, three letters or
    more; 0.0 when either is empty): how much of one telling the other repeats."""
    return text_similarity(a.evidence, b.evidence)


def copied(a: Key, b: Key) -> bool:
    """The two evidence sentences are one telling, re-run by another document: both long
    enough to have a ``wording``, word-set Jaccard at least ``copy_similarity`` (the figure
    that makes two members one voice), published at most ``merge.copy.published_days`` apart
    (a wire story spreads in a day or two; the same wording a week later is another day's
    stock sentence)."""
    if a.wording is None or b.wording is None or a.doc_id == b.doc_id:
        return False
    if a.published is None or b.published is None:
        return False
    cfg = config()
    if abs((a.published - b.published).days) > int(cfg["merge"]["copy"]["published_days"]):
        return False
    limit = float(cfg["copy_similarity"])
    na, nb = len(a.wording) // 4 - COPY_BANDS, len(b.wording) // 4 - COPY_BANDS
    if min(na, nb) < limit * max(na, nb):  # Jaccard is at most min/max
        return False
    shared = len(_hash_set(a.wording) & _hash_set(b.wording))
    return shared >= limit * (na + nb - shared)


def _after_publication(text_date: date | None, published: date | None) -> bool:
    """A text date later than publication (beyond ``dates.slack``)."""
    if text_date is None or published is None:
        return False
    return (text_date - published).days > int(config()["dates"]["slack"])


def _doc_countries(row: dict[str, Any]) -> frozenset[str]:
    """The countries an event's document names (ISO 3166-1 alpha-2, as places carry them),
    with its own actors' countries when the document names places: a report on "the
    indictment of Paul Manafort" (``USAPTY``) that names only Russia is a report about the
    United States too. Not when the document names no place at all (nothing to hold the
    event to, as before)."""
    named = frozenset(row.get("doc_countries") or ())
    if not named:
        return named
    iso2 = _iso2()
    own = {iso2.get(row.get(f"{side}_country") or "") for side in ("source", "target")}
    return named | {c for c in own if c}


@cache
def _iso2() -> dict[str, str]:
    """ISO 3166-1 alpha-3 (actor countries) → alpha-2 (place countries)."""
    return {
        row["iso3"]: row["iso2"] for row in lexicons.tsv_file("countries.tsv") if row.get("iso2")
    }


def _actor(row: dict[str, Any], side: str) -> ActorKey:
    code = row.get(f"{side}_code") or None
    name = row.get(f"{side}_name") or None
    if not code and not name:
        return ActorKey()
    return ActorKey(
        code=code.upper() if code else None,
        name=_norm(name) if name else None,
        country=row.get(f"{side}_country"),
        kind=row.get(f"{side}_kind"),
    )


def _person_points() -> int:
    return int(config()["merge"]["person"])


def _unidentified(a: ActorKey) -> bool:
    """Gunmen nobody names (``UAF``, CAMEO's unaligned armed forces): could be anyone."""
    return bool(a.code) and (a.code == "UAF" or a.code[3:6] == "UAF")


@cache
def _sector_codes() -> frozenset[str]:
    return frozenset(str(c) for c in lexicons.yaml_file("codes.yaml")["sectors"].values())


@functools.lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# -- the rules -----------------------------------------------------------------------------------


CONFLICT = -1
"""``score`` of a pair that may not merge."""


_POINTS: dict[tuple[ActorKey, ActorKey], int] = {}
"""``actor_points`` of the pairs met so far (a story's events share a few actors, compared
again and again by every lookup and clustering: ~2.4 µs each against ~0.5 µs for the memo);
emptied when it reaches ``_POINTS_MAX``."""
_POINTS_MAX = 200_000


def actor_points(a: ActorKey, b: ActorKey) -> int:
    """1 for the same actor (``merge.person`` for the same named person), 0 when either is
    unknown, ``CONFLICT`` for different actors (memoised: a pure function of the two keys and
    the configuration)."""
    pair = (a, b)
    found = _POINTS.get(pair)
    if found is None:
        if len(_POINTS) >= _POINTS_MAX:
            _POINTS.clear()
        found = _POINTS[pair] = _actor_points(a, b)
    return found


def _actor_points(a: ActorKey, b: ActorKey) -> int:
    if not a.known or not b.known or _unidentified(a) or _unidentified(b):
        return 0
    if same_person(a, b):
        return _person_points()
    if a.code and b.code:
        for x, y in ((a, b), (b, a)):
            if x.code != y.code and not x.country and x.code in _sector_codes():
                # a bare sector ("insurgents", INS) and a named actor of that sector
                # (al-Shabaab, SOMINSSHB); unidentified gunmen (UAF) could be anyone
                if not y.code[3:]:
                    return 0
                return 1 if x.code in y.code[3:] else CONFLICT
        if a.code == b.code:
            if a.kind == "person" and b.kind == "person" and a.name and b.name:
                return _person_points() if a.name == b.name else CONFLICT
            return 1
        if a.country and b.country and a.country == b.country:
            short, long_ = sorted((a.code, b.code), key=len)
            if short == a.country or short == b.country or long_.startswith(short):
                return 1  # a state and one of its sectors: "U.S." / "U.S. military"
        if _transnational_of(a, b) or _transnational_of(b, a):
            return 1
        return CONFLICT
    if a.name and b.name and a.name == b.name:
        return 1
    return 0  # a coded actor and an uncoded name: nothing known against it


def same_person(a: ActorKey, b: ActorKey) -> bool:
    """Two persons of the very same full name (two words or more) and no two countries: one
    person, whatever sector each report codes (a role read from the words around the name:
    "Senate candidate Roy Moore" ``USAPTY``, "former judge Roy Moore" ``USAJUD``)."""
    return (
        a.kind == "person"
        and b.kind == "person"
        and a.name is not None
        and a.name == b.name
        and " " in a.name
        and not (a.country and b.country and a.country != b.country)
    )


def leader(a: ActorKey) -> bool:
    """A person who has held one of the ``leader_roles`` (``office_holders.tsv``): a head of
    state or government is the target of many acts every day, so being the target of two
    reports of one kind says little."""
    return a.kind == "person" and a.name is not None and a.name in _leaders()


@cache
def _leaders() -> frozenset[str]:
    roles = set(config()["leader_roles"])
    return frozenset(
        _norm(row["name"])
        for row in lexicons.tsv_file("office_holders.tsv")
        if row.get("role") in roles
    )


def _transnational_of(group: ActorKey, named: ActorKey) -> bool:
    """A generic group placed in a country ("a terrorist" in New York, ``USAINS``) and a named
    transnational group of that sector (Islamic State, ``IMGINSISI``): its members act in many
    countries, so the country of the generic group says nothing against it."""
    if group.kind != "group" or not group.code or not named.code:
        return False
    sector = group.code[3:]
    return (
        len(group.code) == 6
        and sector in _sector_codes()
        and named.code.startswith(_TRANSNATIONAL)
        and sector in named.code[3:]
    )


_TRANSNATIONAL = "IMG"
"""CAMEO's base code of international (transnational) militant groups (``data/codes.yaml``)."""


def place_points(a: Key, b: Key) -> int:
    """Points for the place two events share (``merge.place`` by the coarser precision), 0 when
    either is unknown, ``CONFLICT`` when they lie apart."""
    if a.level is None or b.level is None:
        return _document_places(a, b)
    cfg = config()
    pts = cfg["merge"]["place"]
    coarse = max(a.level, b.level, key=_LEVEL.__getitem__)
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return int(pts[coarse])
    if a.country and b.country and a.country != b.country:
        return CONFLICT
    if coarse == "country":
        return int(pts["country"]) if a.country and a.country == b.country else 0
    if coarse == "region":
        if a.admin1 and b.admin1:
            return int(pts["region"]) if a.admin1 == b.admin1 else CONFLICT
        return int(pts["region"]) if _km(a, b) <= cfg["radius_km"]["region"] else CONFLICT
    return int(pts[coarse]) if _km(a, b) <= cfg["radius_km"][coarse] else CONFLICT


def _document_places(a: Key, b: Key) -> int:
    """An event with no place of its own, held to the places its document names: the other's
    town named there counts ``merge.document_place``; a document naming places, none of them in
    the other's country, is a conflict; two placeless events in documents naming no common
    country, too."""
    if a.level is None and b.level is None:
        if a.doc_countries and b.doc_countries and not a.doc_countries & b.doc_countries:
            return CONFLICT
        return 0
    bare, placed = (a, b) if a.level is None else (b, a)
    if placed.geonameid is not None and placed.geonameid in bare.doc_places:
        return int(config()["merge"]["document_place"]) if placed.level != "country" else 0
    if bare.doc_countries and placed.country and placed.country not in bare.doc_countries:
        return CONFLICT
    return 0


def date_points(a: Key, b: Key) -> int:
    """1 when both texts state the same day, 0 when the windows overlap, else ``CONFLICT``."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return CONFLICT  # no text date and no publication date: nothing to hold it to
    slack = timedelta(days=int(config()["dates"]["slack"]))
    if a.start > b.end + slack or b.start > a.end + slack:
        return CONFLICT
    if a.day_stated and b.day_stated and abs((a.start - b.start).days) <= slack.days:
        return 1
    return 0


def retold(a: Key, b: Key) -> bool:
    """One act against the very same named person told again later without a date.

    An event whose text gives no date is dated by its publication, and a report often tells
    an act of days before as the news it still is ("X has been charged", "the accusations
    against X"): undated, its act may lie up to ``dates.retold_days`` before publication
    (``Key.retold_from``). Two events whose windows are apart may then still be one when at
    least one of them is undated, both are of the same type, the target is the very same named
    person in both (``same_person``: two words or more) and not a head of state or government
    (``leader``: one every critic targets), no two different doers are named (a person or an
    organisation in each: "Judge Y chided X" is not "prosecutors accused X" a week before;
    "several women" or an unknown doer may be anyone), neither window is longer than
    ``merge.both_sides.max_window_days`` ("in 2016" says nothing) and the stretched windows
    overlap. A report dated by its text after the other's publication is a new act, not a
    retelling; other actors and places are held to the other rules as usual.
    """
    if a.retold_from is None and b.retold_from is None:
        return False
    if a.plover != b.plover or not same_person(a.target, b.target) or leader(a.target):
        return False
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    if _named_doer(a.source) and _named_doer(b.source) and not _same_actor(a.source, b.source):
        return False  # two doers named: "the judge chided X" is not "prosecutors accused X"
    longest = int(config()["merge"]["both_sides"]["max_window_days"])
    if any((k.end - k.start).days > longest for k in (a, b)):
        return False
    slack = timedelta(days=int(config()["dates"]["slack"]))
    return not (first_day(a) > b.end + slack or first_day(b) > a.end + slack)


def first_day(key: Key) -> date:
    """The first day an event may mean: its window's, or the earlier day an undated retelling
    may mean (``Key.retold_from``: ``retold``); what blocking and ``check`` reach back to."""
    assert key.start is not None
    return key.retold_from or key.start


def _named_doer(a: ActorKey) -> bool:
    """A doer named as one person or organisation (not a group, not unidentified gunmen)."""
    return a.known and a.kind in ("person", "organisation") and not _unidentified(a)


def _retellable(target: ActorKey) -> bool:
    """A target ``retold`` may hold an undated event to: a named person, not a leader."""
    return target.kind == "person" and " " in (target.name or "") and not leader(target)


def score(a: Key, b: Key) -> int:
    """Shared evidence of two events, or ``CONFLICT`` when any rule says they differ."""
    if a.family != b.family or a.group != b.group:
        return CONFLICT
    if _two_sentences(a, b):  # a vaguer telling names no other act: compatible, 0 points
        return 0 if told_again(a, b) or told_again(b, a) else CONFLICT
    dates = date_points(a, b)
    retelling = dates == CONFLICT and retold(a, b)
    if retelling:
        dates = 0
    if dates == CONFLICT:
        return CONFLICT
    places = place_points(a, b)
    if places == CONFLICT:
        return CONFLICT
    actors = _actors(a, b)
    if actors == CONFLICT:
        return CONFLICT
    pts = config()["merge"]
    total = dates * pts["same_day"] + places + actors
    if retelling:  # the same named target, told again: its point, whatever the other side
        total += pts["named_target"]
    elif dates == 0 and close_reports(a, b):
        if _both_sides(a, b):
            total += pts["both_sides"]["points"]
        elif same_person(a.target, b.target) and not leader(a.target):
            total += pts["named_target"]
    if a.fatalities and a.fatalities == b.fatalities:
        total += pts["fatalities"]
    if a.wording is not None and b.wording is not None and copied(a, b):
        total += pts["copy"]["points"]
    return int(total)


def _two_sentences(a: Key, b: Key) -> bool:
    """Two events of one document not told by one sentence."""
    return a.doc_id == b.doc_id and (a.sentence is None or a.sentence != b.sentence)


def told_again(vague: Key, full: Key) -> bool:
    """An event of a document that tells nothing of its own beside another event of that
    document: the same PLOVER type and status group, each side unknown or the very same actor
    as the other's (``_same_actor``; unidentified gunmen count as unknown), no place or the
    same place, no date of its own in the text (or the same window), no death toll or the same.
    "Five women have come forward alleging that Moore dated them" and, sentences later, "Moore
    has been accused of doing just that": a document's second, vaguer telling of one act that
    ``events.restatements`` did not fold into the first. It cannot name another act, so it may
    share a situation with the first; a telling with a doer, a target, a place, a day or a toll
    of its own may be another act and stays apart (two strikes in two towns, "another woman
    accused him on Tuesday")."""
    if vague.plover != full.plover or vague.group != full.group:
        return False
    for x, y in ((vague.source, full.source), (vague.target, full.target)):
        if x.known and not _unidentified(x) and not _same_actor(x, y):
            return False
    if vague.level is not None and vague.geonameid != full.geonameid:
        return False
    if vague.text_dated and (vague.start, vague.end) != (full.start, full.end):
        return False
    return not vague.fatalities or vague.fatalities == full.fatalities


def _both_sides(a: Key, b: Key) -> bool:
    """Source and target both known in both events, each shared, one of them the very same
    actor (either orientation for ``symmetric`` types)."""
    if not (a.source.known and a.target.known and b.source.known and b.target.known):
        return False
    orders = [(b.source, b.target)]
    if a.plover in config()["symmetric_set"] and a.plover == b.plover:
        orders.append((b.target, b.source))
    return any(
        actor_points(a.source, s) > 0
        and actor_points(a.target, t) > 0
        and (_same_actor(a.source, s) or _same_actor(a.target, t))
        for s, t in orders
    )


def _same_actor(a: ActorKey, b: ActorKey) -> bool:
    """The very same actor (the same name, or the same code when neither is named), not only
    a state and one of its sectors: "U.S." and "U.S. Congress" on both sides of two
    domestic acts say too little."""
    if same_person(a, b):
        return True
    if a.name or b.name:  # named: the same name ("donald trump" is not "the government")
        return a.name == b.name and (not a.code or not b.code or a.code == b.code)
    return bool(a.code) and a.code == b.code


def close_reports(a: Key, b: Key) -> bool:
    """Two reports close enough in time that the same act by the same two actors is one event:
    neither date window longer than ``merge.both_sides.max_window_days`` (no "in 2016") and the
    publications at most ``merge.both_sides.published_days`` apart."""
    cfg = config()["merge"]["both_sides"]
    if a.published is None or b.published is None:
        return False
    for k in (a, b):
        if k.start is None or k.end is None or (k.end - k.start).days > cfg["max_window_days"]:
            return False
    if a.text_dated or b.text_dated:
        return True  # the text dates the act ("last week"): the windows say when, not the news
    return abs((a.published - b.published).days) <= int(cfg["published_days"])


def _actors(a: Key, b: Key) -> int:
    straight = _pair(a.source, a.target, b.source, b.target)
    if a.plover in config()["symmetric_set"] and a.plover == b.plover:
        crossed = _pair(a.source, a.target, b.target, b.source)
        return max(straight, crossed)
    return straight


def _pair(s1: ActorKey, t1: ActorKey, s2: ActorKey, t2: ActorKey) -> int:
    s, t = actor_points(s1, s2), actor_points(t1, t2)
    return CONFLICT if CONFLICT in (s, t) else s + t


def linked(a: Key, b: Key) -> bool:
    """Compatible and sharing enough evidence to be one situation (for a ``counterpart`` type,
    both sides known in both events)."""
    if _two_sentences(a, b):  # (one document never corroborates itself: ``told_again``)
        return False
    counterpart = config()["counterpart_set"]
    if (a.plover in counterpart or b.plover in counterpart) and not _sides_known(a, b):
        return False
    return score(a, b) >= int(config()["merge"]["threshold"])


def _sides_known(a: Key, b: Key) -> bool:
    """Source and target known (and identified) in both events, each side the very same actor
    in both (``_same_actor``; either orientation for ``symmetric`` types): "Republican
    leaders" and "the Democratic leaders of Congress" are both the legislature, and two
    meetings. In two ``copied`` sentences a side neither report coded is the side the same
    words name ("Pelosi and Schumer, who canceled a meeting with Trump" re-run, the relative
    clause's subject coded in neither); a side known in both must still be the very same
    actor."""
    copy = copied(a, b)
    orders = [(b.source, b.target)]
    if a.plover in config()["symmetric_set"] and a.plover == b.plover:
        orders.append((b.target, b.source))
    return any(_same_side(a.source, s, copy) and _same_side(a.target, t, copy) for s, t in orders)


def _same_side(x: ActorKey, y: ActorKey, copy: bool) -> bool:
    """One side of a meeting in two reports (``_sides_known``): the very same actor, or, in
    copies, unknown in both (known in one only, a copy could also link the report that leaves
    it unknown to another meeting's report that names another side, and clustering would then
    join the two meetings through it)."""
    if x.known and y.known and not _unidentified(x) and not _unidentified(y):
        return _same_actor(x, y)
    return copy and not x.known and not y.known


def explain(a: Key, b: Key) -> str | None:
    """Why two events are not linked: the first rule that keeps them apart (``type family``,
    ``status``, ``one document``, ``dates``, ``places``, ``actors``, ``counterpart unknown``,
    ``too little evidence``), or None when they are linked."""
    if a.family != b.family:
        return "type family"
    if a.group != b.group:
        return "status"
    if _two_sentences(a, b):  # never linked (``told_again``: compatible at most)
        return "one document"
    if date_points(a, b) == CONFLICT and not retold(a, b):
        return "dates"
    for name, rule in (("places", place_points), ("actors", _actors)):
        if rule(a, b) == CONFLICT:
            return name
    counterpart = config()["counterpart_set"]
    if (a.plover in counterpart or b.plover in counterpart) and not _sides_known(a, b):
        return "counterpart unknown"
    if score(a, b) < int(config()["merge"]["threshold"]):
        return "too little evidence"
    return None


def compatible(a: Key, b: Key) -> bool:
    """No rule says the two events differ (they may still share too little to merge)."""
    return score(a, b) != CONFLICT


def fulfils(prediction: Key, fact: Key) -> bool:
    """A factual event that happens what a predicted event said would happen.

    Same family, compatible actors and places, at least one shared known actor or place, and
    dated from the prediction's publication up to ``prediction_horizon_days`` later (within the
    predicted date's window when the text gives one).
    """
    if prediction.group != "predicted" or fact.group != "factual":
        return False
    if prediction.family != fact.family or not fulfils_in_time(prediction, fact):
        return False
    places = place_points(prediction, fact)
    actors = _actors(prediction, fact)
    return CONFLICT not in (places, actors) and places + actors >= 1


def fulfils_in_time(prediction: Key, fact: Key) -> bool:
    """The date part of ``fulfils`` alone (cheap: tried first)."""
    said = prediction.published or prediction.start
    if said is None or fact.start is None or fact.end is None or fact.end < said:
        return False
    if prediction.day_stated or (prediction.start and prediction.start > said):
        slack = timedelta(days=int(config()["dates"]["slack"]))
        assert prediction.start is not None and prediction.end is not None
        return fact.start <= prediction.end + slack and fact.end >= prediction.start - slack
    return fact.start <= said + timedelta(days=int(config()["prediction_horizon_days"]))


def _km(a: Key, b: Key) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    return distance_km(a.lat, a.lon, b.lat, b.lon)


__all__ = [
    "CONFLICT",
    "DATE_PRECISIONS",
    "PRECISIONS",
    "ActorKey",
    "Key",
    "actor_points",
    "close_reports",
    "compatible",
    "config",
    "copied",
    "copy_words",
    "date_points",
    "date_window",
    "explain",
    "family",
    "first_day",
    "fulfils",
    "fulfils_in_time",
    "key_of",
    "leader",
    "linked",
    "place_points",
    "retold",
    "same_person",
    "score",
    "similarity",
    "status_group",
    "text_copied",
    "text_similarity",
    "told_again",
    "wording_hashes",
    "wording_of",
]
