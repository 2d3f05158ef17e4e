"""Conflict-record scoring: the whole pipeline on ACLED notes and GTD summaries.

Gold: JSON lines as in ``../shared/gold/acled-dev.jsonl`` (ACLED's own columns: ``text`` =
notes, ``event_type``, ``sub_event_type``, ``actor1``, ``inter1``, ``country``, ``iso3``,
``admin1``, ``latitude``, ``longitude``, ``event_date``, ``time_precision``, ``fatalities``) or
``gtd-dev.jsonl`` (GTD: ``text`` = summary, ``attacktype1_txt``, ``date``, ``latitude``,
``longitude``, ``provstate``, ``nkill``). The kind is told by the fields.

Each record's text, with the coder remarks a user would strip (``data/acled.yaml``
``remarks``: "[size=...]", "Fatalities coded as ...", "coded to X", "Arrests:"), goes through
``pipeline.extract``. An ACLED note is published with its record: its ``timestamp`` (ACLED
Codebook 2023: the Unix time the record was uploaded to ACLED's API) is the note's publication
date, against which a day and month without a year resolve as in any dated report ("On April
11," published 2019-05-02 is 2019-04-11); the event's date is never taken from the record's
``event_date`` or ``year``. A record with no ``timestamp`` (GTD's) has no publication date. A
record is one real event; it is scored by whether *some* event sitmap finds gets each thing
right (the records hold one event, a note may describe several):

* ``detected``: sitmap finds an event at all;
* ``type``: an event's PLOVER type is one that codes the record's ACLED event type or
  sub-event type (``acled.yaml`` ``event_types``/``sub_event_types``; GTD: ``gtd_attack_types``);
* ``sub_event_type`` (ACLED): an event that sitmap's ACLED export would write with the record's
  sub-event type (``export.acled_type``);
* ``date``: an event dated the record's day, ISO week (``time_precision`` 2) or month (3);
  counted over the records whose note states its date (``notes_date_matches_event_date``;
  GTD summaries all start with it), as ``date_with_year`` over those of them whose stated date
  carries its year ("On 2 January 2024," but not "On April 11,"), as ``date_month_day``
  over the others (the event dated the record's period, its year from the publication date,
  or, for a record without one, the event's undated expression naming the record's day and
  month: ``when.month_day``), and, as
  ``date_all``, over every record;
* ``place_50km``: an event placed within 50 km of the record's coordinates; ``admin1``: an
  event placed in the record's first-level division, in the record's country (Ghana's
  "Northern" region is not Sri Lanka's): names compared case- and accent-folded, or the region
  the event's place lies in is one the gazetteer knows under the record's name (ACLED writes
  "Bangkok" and "Moscow" for the regions GeoNames calls "Krung Thep Maha Nakhon" and "Moskva";
  ``geo.admin.regions_named``);
* ``actor1`` (ACLED): an event whose first actor as sitmap's ACLED export writes it
  (``export.acled_actors``: the source, or the crowd of a protest or riot) has the ACLED actor
  type of the record's first actor and, when that actor's name carries a country ("Police
  Forces of Kenya (2013-)", "Rioters (Kenya)"), that country;
* ``state_forces`` (ACLED, records with a state-forces actor of the record's country): an event
  with an actor of a state sector coded with that country;
* ``fatalities``: over records with fatalities > 0, an event whose ``fatalities`` equals them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sitmap import lexicons, when
from sitmap.errors import InputError, SitmapError
from sitmap.evaluate.metrics import Tally, haversine_km
from sitmap.geo.admin import regions_named
from sitmap.model import Actor, Document, Event

PLACE_KM = 50.0
MEASURES = (
    "detected",
    "type",
    "sub_event_type",
    "date",
    "date_with_year",
    "date_month_day",
    "date_all",
    "place_50km",
    "admin1",
    "actor1",
    "state_forces",
    "fatalities",
)
_PRECISION = {1: "day", 2: "week", 3: "month"}
_STATE_SECTORS = {"military", "police", "government", "intelligence"}


@cache
def _table() -> dict[str, Any]:
    return lexicons.yaml_file("acled.yaml")


@cache
def _remark_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _table()["remarks"])


def strip_remarks(text: str) -> str:
    """A note without the coder remarks of ``acled.yaml`` (``remarks``), spaces tidied."""
    for pattern in _remark_patterns():
        text = pattern.sub("", text)
    text = re.sub(r"[ \t]+([.,;])", r"\1", text)
    text = re.sub(r"([.!?])\s*\.", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


@dataclass
class ConflictRecord:
    """One gold record: an ACLED event or a GTD incident (see the module docstring)."""

    id: str
    kind: str  # acled | gtd
    text: str
    date: str | None = None
    precision: str = "day"
    date_stated: bool = True
    published: date | None = None  # the note's publication date (ACLED ``timestamp``)
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None  # ISO alpha-3
    event_type: str | None = None
    sub_event_type: str | None = None
    types: frozenset[str] | None = None  # PLOVER types that code it; None: any
    actor1: str | None = None
    inter1: int | None = None
    actor1_country: str | None = None
    state_forces: bool = False  # a state-forces actor of the record's own country
    fatalities: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any], number: int) -> ConflictRecord:
        if "event_type" in data:
            return _acled_record(data, number)
        if "attacktype1_txt" in data or "gname" in data:
            return _gtd_record(data, number)
        raise KeyError("event_type or attacktype1_txt")


def _acled_record(data: dict[str, Any], number: int) -> ConflictRecord:
    table = _table()
    event_type, sub = data["event_type"], data.get("sub_event_type")
    allowed = table["sub_event_types"].get(sub) or table["event_types"].get(event_type)
    types = None if isinstance(allowed, dict) and allowed.get("any") else frozenset(allowed or ())
    iso3 = _sitmap_country(data.get("iso3"), data.get("country"))
    actor1 = data.get("actor1") or None
    inters = (data.get("inter1"), data.get("inter2"))
    actors = (actor1, data.get("actor2") or None)
    state = any(
        i == 1 and a and _actor_country(a, data.get("country"), iso3) == iso3
        for i, a in zip(inters, actors, strict=True)
    )
    fatalities = data.get("fatalities")
    return ConflictRecord(
        id=str(data.get("event_id_cnty") or data.get("data_id") or number),
        kind="acled",
        text=data["text"],
        date=data.get("event_date"),
        precision=_PRECISION.get(data.get("time_precision") or 1, "day"),
        date_stated=bool(data.get("notes_date_matches_event_date")),
        published=_uploaded(data.get("timestamp")),
        lat=data.get("latitude"),
        lon=data.get("longitude"),
        admin1=data.get("admin1") or None,
        country=iso3,
        event_type=event_type,
        sub_event_type=sub,
        types=types,
        actor1=actor1,
        inter1=data.get("inter1"),
        actor1_country=_actor_country(actor1, data.get("country"), iso3) if actor1 else None,
        state_forces=state,
        fatalities=int(fatalities) if isinstance(fatalities, int | float) else None,
    )


def _uploaded(timestamp: Any) -> date | None:
    """The UTC day of an ACLED ``timestamp`` (Unix seconds; "1552577216": 2019-03-14)."""
    try:
        return datetime.fromtimestamp(int(timestamp), tz=UTC).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _gtd_record(data: dict[str, Any], number: int) -> ConflictRecord:
    attack = data.get("attacktype1_txt") or "Unknown"
    types = _table()["gtd_attack_types"].get(attack, ["ASSAULT"])
    nkill = data.get("nkill")
    return ConflictRecord(
        id=str(data.get("eventid") or number),
        kind="gtd",
        text=data["text"],
        date=data.get("date"),
        lat=data.get("latitude"),
        lon=data.get("longitude"),
        admin1=data.get("provstate") or None,
        event_type=attack,
        types=frozenset(types),
        actor1=data.get("gname"),
        fatalities=int(nkill) if isinstance(nkill, int | float) and nkill == nkill else None,
    )


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(row["iso3"] for row in lexicons.tsv_file("countries.tsv"))


@cache
def _iso2_to_code() -> dict[str, str]:
    """GeoNames' ISO alpha-2 (``Place.country``) to the country code records carry."""
    return {
        row["iso2"]: row["iso3"] for row in lexicons.tsv_file("countries.tsv") if row.get("iso2")
    }


def _sitmap_country(iso3: str | None, country_name: str | None) -> str | None:
    """The record's country as sitmap codes it: ACLED's ISO alpha-3, or, for a code outside
    sitmap's country table (ACLED's user-assigned "XKX" for Kosovo, CAMEO "KSV" in sitmap),
    the code of the record's country name."""
    from sitmap import actors

    if not iso3 or iso3 in _country_codes() or not country_name:
        return iso3
    found = actors.place_actor(country_name)
    return found.country if found is not None and found.kind == "state" else iso3


def _actor_country(name: str, country_name: str | None, iso3: str | None) -> str | None:
    """The country an ACLED actor name carries: "Police Forces of Kenya (2013-)", "Rioters
    (Kenya)", "Military Forces of France"; None for a named group ("JNIM: ...")."""
    from sitmap import actors

    name = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip()
    candidates = re.findall(r"\(([^()]+)\)\s*$", name)
    of = re.search(r"\bof (?:the )?([A-Z][\w' .-]+)$", name)
    if of:
        candidates.append(of.group(1))
    for text in candidates:
        text = text.strip()
        if country_name and _fold(text) == _fold(country_name):
            return iso3
        found = actors.place_actor(text)
        if found is not None and found.kind == "state":
            return found.country
    return None


def read_conflict_gold(path: str | Path) -> list[ConflictRecord]:
    """Read ACLED or GTD gold JSON lines; raises ``InputError`` naming the bad line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("missing", f"gold file {path} does not exist", hint="check the path")
    records: list[ConflictRecord] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(ConflictRecord.from_dict(json.loads(line), number))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    "malformed",
                    f"{path}:{number}: not an ACLED or GTD record ({exc})",
                    hint="each line needs 'text' and ACLED's 'event_type' or GTD's "
                    "'attacktype1_txt'",
                ) from exc
    return records


@dataclass
class ConflictScores:
    """What ``evaluate_conflict`` returns; ``to_dict`` is the JSON of ``--json``."""

    kind: str = ""
    records: int = 0
    measures: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in MEASURES})
    errors: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "records": self.records,
            "measures": {k: v.to_dict() for k, v in self.measures.items() if v.total},
            "skipped": self.skipped,
            "errors": self.errors,
        }


def predict(records: Iterable[ConflictRecord]) -> tuple[list[Document], list[dict[str, str]]]:
    """The pipeline on each record's stripped text, published on its ``published`` date (none
    for GTD); refused texts become empty documents, listed as skipped ``{"id", "reason"}``."""
    from sitmap import pipeline

    docs, skipped = [], []
    for rec in records:
        text = strip_remarks(rec.text)
        try:
            doc = pipeline.extract(text, published=rec.published)
        except SitmapError as exc:
            skipped.append({"id": rec.id, "reason": str(exc)})
            doc = Document(text=text)
        doc.meta["gold_id"] = rec.id
        docs.append(doc)
    return docs, skipped


def evaluate_conflict(
    records: Sequence[ConflictRecord], predicted: Sequence[Document]
) -> ConflictScores:
    """Score predicted documents against records, paired by position."""
    if len(records) != len(predicted):
        raise InputError("mismatch", f"{len(records)} records but {len(predicted)} predictions")
    scores = ConflictScores(kind=records[0].kind if records else "", records=len(records))
    for rec, doc in zip(records, predicted, strict=True):
        for name, ok, gold, got in _judge(rec, doc.events):
            scores.measures[name].add(ok)
            if not ok:
                scores.errors.append(
                    {
                        "id": rec.id,
                        "measure": name,
                        "gold": gold,
                        "predicted": got,
                        "text": doc.text,
                    }
                )
    return scores


def _judge(rec: ConflictRecord, events: Sequence[Event]) -> list[tuple[str, bool, Any, Any]]:
    """(measure, correct, gold, predicted summary) for every measure that applies."""
    out: list[tuple[str, bool, Any, Any]] = []
    types = sorted({e.plover for e in events})
    out.append(("detected", bool(events), True, len(events)))
    gold_types = sorted(rec.types) if rec.types is not None else "any"
    type_ok = bool(events) and (rec.types is None or any(t in rec.types for t in types))
    out.append(("type", type_ok, f"{rec.event_type}: {gold_types}", types))
    if rec.kind == "acled" and rec.sub_event_type:
        subs = sorted({s for e in events if (s := acled_sub_event(e)) is not None})
        out.append(("sub_event_type", rec.sub_event_type in subs, rec.sub_event_type, subs))
    if rec.date:
        dates = sorted({e.date.date for e in events if e.date and e.date.date})
        ok = any(_same_period(rec.date, d, rec.precision) for d in dates)
        if rec.date_stated:
            out.append(("date", ok, f"{rec.date} ({rec.precision})", dates))
            if _states_year(rec.text, rec.date):
                out.append(("date_with_year", ok, f"{rec.date} ({rec.precision})", dates))
            else:
                out.append(_month_day(rec, events, ok, dates))
        out.append(("date_all", ok, f"{rec.date} ({rec.precision})", dates))
    if rec.lat is not None and rec.lon is not None:
        places = [e.place for e in events if e.place and e.place.lat is not None]
        ok = any(
            haversine_km(rec.lat, rec.lon, p.lat, p.lon) <= PLACE_KM  # type: ignore[arg-type]
            for p in places
        )
        names = sorted({f"{p.name or p.text} ({p.lat:.2f}, {p.lon:.2f})" for p in places})
        out.append(("place_50km", ok, f"({rec.lat:.2f}, {rec.lon:.2f})", names))
    if rec.admin1:
        admins = sorted(
            {(e.place.admin1, e.place.country or "") for e in events if e.place and e.place.admin1},
            key=str,
        )
        ok = any(
            _same_admin(rec.admin1, a, cc)
            and (rec.country is None or not cc or _iso2_to_code().get(cc) == rec.country)
            for a, cc in admins
        )
        shown = [f"{a} ({_iso2_to_code().get(cc) or '?'})" for a, cc in admins]
        out.append(("admin1", ok, rec.admin1, shown))
    if rec.kind == "acled" and rec.inter1:
        firsts = [acled_actor1(e) for e in events]
        got = sorted({f"{code or name} [{inter or '-'}]" for name, code, inter, _ in firsts})
        ok = any(
            inter == rec.inter1 and (rec.actor1_country is None or country == rec.actor1_country)
            for _, _, inter, country in firsts
        )
        out.append(("actor1", ok, f"{rec.actor1} [{rec.inter1}]", got))
    if rec.state_forces:
        sides = [a for e in events for a in (e.source, e.target) if a is not None]
        ok = any(a.sector in _STATE_SECTORS and a.country == rec.country for a in sides)
        out.append(("state_forces", ok, rec.country, sorted({a.code or "" for a in sides})))
    if rec.fatalities:
        counts = sorted({f for e in events if (f := getattr(e, "fatalities", None)) is not None})
        out.append(("fatalities", rec.fatalities in counts, rec.fatalities, counts))
    return out


def acled_sub_event(event: Event) -> str | None:
    """The sub-event type sitmap's ACLED export writes for an event (None: not ACLED)."""
    from sitmap.export import acled_type

    kind = acled_type(_flat(event))
    return kind[2] if kind else None


def acled_inter(actor: Actor, event: Event) -> int | None:
    """The ACLED actor type the export writes for an actor of an event."""
    from sitmap.export import acled_inter as inter

    return inter(_flat(event), "source" if actor is event.source else "target")


def acled_actor1(event: Event) -> tuple[str, str | None, int | None, str | None]:
    """(name, sitmap code, ACLED actor type, country) of the first actor sitmap's ACLED export
    writes for an event (``export.acled_actors``: the crowd of a protest or riot, else the
    source)."""
    from sitmap.export import acled_actors

    (name, inter, country), _ = acled_actors(_flat(event))
    sides = [a for a in (event.source, event.target) if a is not None]
    code = next((a.code for a in sides if name == (a.name or a.text)), None)
    return name, code, inter, country


def _flat(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "plover": event.plover,
        "cameo": event.cameo,
        "mode": event.mode,
        "trigger": event.trigger,
        "country": event.place.country if event.place else None,
    }
    for side, actor in (("source", event.source), ("target", event.target)):
        row[f"{side}_code"] = actor.code if actor else None
        row[f"{side}_sector"] = actor.sector if actor else None
        row[f"{side}_country"] = actor.country if actor else None
        row[f"{side}_name"] = (actor.name or actor.text) if actor else None
        row[f"{side}_text"] = actor.text if actor else None
    return row


def _same_period(gold: str, pred: str, precision: str) -> bool:
    try:
        g, p = date.fromisoformat(gold[:10]), date.fromisoformat(pred[:10])
    except ValueError:
        return False
    if precision == "month":
        return (g.year, g.month) == (p.year, p.month)
    if precision == "week":
        return abs((g - p).days) <= 6 and g.isocalendar()[:2] == p.isocalendar()[:2]
    return g == p


def _month_day(
    rec: ConflictRecord, events: Sequence[Event], dated: bool, dates: list[str]
) -> tuple[str, bool, Any, Any]:
    """``date_month_day``: for a note whose date has no year, an event dated the record's
    period (``dated``: its year from the publication date); for a record published on no date,
    an event whose (empty) date's expression names the record's day and month
    (``when.month_day``), the year, which nothing gives, taken from the record to compare."""
    gold = rec.date or ""
    if rec.published is not None:
        return ("date_month_day", dated, f"{gold} ({rec.precision})", dates)
    said = sorted({md for e in events if e.date and (md := when.month_day(e.date)) is not None})
    ok = False
    for month, day in said:
        try:
            stated = date(int(gold[:4]), month, day).isoformat()
        except ValueError:
            continue
        ok = ok or _same_period(gold, stated, rec.precision)
    said_text = [f"{m:02d}-{d:02d}" for m, d in said]
    return ("date_month_day", ok, f"{gold[5:10]} ({rec.precision})", said_text)


def _states_year(text: str, iso: str) -> bool:
    """Whether the date a record's text opens with carries its year ("On 2 January 2024,",
    "01/17/2013:", "On 9/12/18,")."""
    lead = text[:48]
    return bool(re.search(rf"\b{iso[:4]}\b|\b\d{{1,2}}/\d{{1,2}}/\d\d\b", lead))


def _fold(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", plain.casefold()))


def _same_admin(gold: str, pred: str, country: str = "") -> bool:
    """Same first-level division: equal folded names, or one the other plus a generic word
    ("Mopti" ~ "Mopti Region", "Nairobi" ~ "Nairobi County"), or, in the predicted place's
    country (ISO alpha-2), the region sitmap gave is one the gazetteer knows under the record's
    name (``geo.admin.regions_named``: ACLED's "Bangkok", "South Sinai", "Moscow" are the regions
    GeoNames calls "Krung Thep Maha Nakhon", "Janūb Sīnā'", "Moskva")."""
    a, b = _fold(gold), _fold(pred)
    if not (a and b):
        return False
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return bool(country) and pred in regions_named(gold, country)


def score_conflict_file(gold: str | Path, *, limit: int | None = None) -> ConflictScores:
    """Read ACLED or GTD gold, run the pipeline on each record and score."""
    records = read_conflict_gold(gold)[:limit]
    docs, skipped = predict(records)
    scores = evaluate_conflict(records, docs)
    scores.skipped = skipped
    return scores


__all__ = [
    "MEASURES",
    "ConflictRecord",
    "ConflictScores",
    "acled_actor1",
    "acled_inter",
    "acled_sub_event",
    "evaluate_conflict",
    "predict",
    "read_conflict_gold",
    "score_conflict_file",
    "strip_remarks",
]
