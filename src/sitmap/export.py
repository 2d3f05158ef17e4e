"""Export a store's events as JSONL, CSV, ACLED-style CSV, GDELT-style TSV, GeoJSON or Parquet.

::

    from sitmap.export import export

    with Store("sitmap.duckdb", read_only=True) as store:
        summary = export(store, "acled", "events-acled.csv", country="SY")
        summary["written"], summary["skipped"]      # nothing is dropped without a count

Formats (``FORMATS``):

* ``jsonl`` — one event a line, nested as ``Event.to_dict()`` plus ``outlet``, ``published``,
  ``url``, ``event_date``, ``date_basis``.
* ``csv`` — one event a row, the flat columns of the ``events`` table.
* ``acled`` — CSV with ACLED's column names and conventions (mapping below).
* ``gdelt`` — tab-separated, GDELT 2.0 event-table columns in GDELT's order, with a header line
  (GDELT's own files have none).
* ``geojson`` — a FeatureCollection of events with coordinates; events without are counted in
  the collection's ``skipped`` member and in the returned summary. Each feature's properties
  carry its situation's ``situation_id``, ``sources`` (independent outlets) and ``articles``.
* ``parquet`` — every table (documents, duplicates, events, actors, places, dates, skips,
  situations, situation_members, schema_version) as one ``<table>.parquet`` file in the output
  folder.
  With ``partition="month"`` (or ``"year"``) the tables go instead into a Hive-partitioned
  dataset (``DIR/<table>/year=YYYY/month=M/*.parquet``) that several stores can share and that
  ``Store.reader(DIR)`` (so ``sitmap events``, ``sql`` and ``export --db DIR``) queries as one
  read-only store: see ``sitmap.store.dataset``.

Event filters (``actor=``, ``plover=``, ``country=`` …, as ``Store.events``) apply to every
format but ``parquet``, which copies whole tables.

ACLED mapping (``acled``; tables in ``sitmap/data/export.yaml``)
------------------------------------------------------------------
Only events that ACLED would record are written: PLOVER types that map to an ACLED
event type (ASSAULT, PROTEST, COERCE with an arrest or destruction trigger, AGREE, RETREAT,
MOBILIZE), that the text asserts, reports or quotes as having happened (not ``negated``,
``hypothetical`` or ``predicted``), with a date and coordinates. Every other event is counted
under ``skipped`` with the reason.

=====================  =========================================================================
event_id_cnty          ISO alpha-3 of the event's country (``XXX`` if unknown) + a number
                       derived from the sitmap event id (stable across exports)
event_date, year       ``event_date``: the date the text gives (an event whose text gives no
                       date is left out and counted under ``skipped`` as "no date")
time_precision         1: day given in the text; 2: week; 3: month, year or decade
disorder_type,         from PLOVER type, mode, trigger and actor sectors by the ordered rules of
event_type,            ``acled_types`` (e.g. ASSAULT+aerial → Explosions/Remote violence, Air/drone
sub_event_type         strike; ASSAULT on civilians → Violence against civilians, Attack;
                       other ASSAULT → Battles, Armed clash; PROTEST → Protests, Peaceful protest)
actor1, actor2         the source and target actor's name (else their text)
assoc_actor_1/2        empty (sitmap does not code associated actors)
inter1, inter2         ACLED actor-type codes from the actor's sector (``acled_inter``); a state
                       actor of another country than the event's, or an IGO actor, is 8
interaction            the two inter codes, lower first (``12``); ``10`` etc. with one actor
civilian_targeting     "Civilian targeting" when inter2 is 7 in a violent event
iso, country           ISO 3166-1 numeric code and country name of the event's place
admin1, location,      the place's first-level division, name and coordinates
latitude, longitude
geo_precision          1: a populated place named in the event's clause or sentence; 2: a
                       populated place with a direction ("south of X") or found elsewhere in the
                       document; 3: a region or a country
source                 the outlets of the event's situation (every outlet that reports the same
                       event, ``sitmap situations``), then the cited source if any
                       ("Reuters; Anti-Media; SANA")
source_scale, region,  empty: sitmap cannot know them
admin2, admin3, tags
notes                  the evidence sentence
fatalities             the deaths the text states for the event (``fatalities.py``); empty when it
                       states none — never a fake 0
timestamp              Unix time the document was ingested
sitmap_*               extra columns: event id, document id, status, confidence (the modelled
                       probability that the event is real), PLOVER, CAMEO,
                       date_basis, url — for tracing a row back to its text; situation id and
                       sources (independent outlets): rows of one situation are one event told
                       by several documents (keep one row per ``sitmap_situation_id`` to count
                       events)
=====================  =========================================================================

GDELT mapping (``gdelt``)
-------------------------
All 61 columns of the GDELT 2.0 event table, in order, then ``sitmap_event_id``,
``sitmap_status`` and ``sitmap_confidence`` (the modelled probability that the event is real,
``sitmap.confidence``). Written events: every status but
``negated``, ``hypothetical`` and ``predicted``, with a date (others counted in ``skipped``).

=====================  =========================================================================
GLOBALEVENTID          an integer from the sitmap event id (stable, not GDELT's sequence)
SQLDATE, MonthYear,    from ``event_date``, the date the text gives (events without one are
                       left out, counted under ``skipped`` as "no date")
Year, FractionDate
Actor1Code/Name        the source actor's CAMEO-style code and name; Actor2 the target
ActorNCountryCode      the actor's ISO alpha-3 country (CAMEO country codes are ISO alpha-3)
ActorNType1Code        the actor's sector code (MIL, GOV, REB … from codes.yaml)
KnownGroup, Ethnic,    empty
Religion, Type2/3
IsRootEvent            1 when the event is in the document's first sentence (the lead), else 0
EventCode,             CAMEO code; a two-digit root ``19`` becomes ``190`` (CAMEO's "not
EventBaseCode,         specified below" code) for EventCode and EventBaseCode; EventRootCode
EventRootCode          is the two-digit root
QuadClass              1 verbal cooperation (roots 01–05), 2 material cooperation (06–09),
                       3 verbal conflict (10–14), 4 material conflict (15–20)
GoldsteinScale         the value of the root-level code in GDELT's CAMEO.goldsteinscale.txt
                       (``cameo_goldstein``); empty for a code not in that table
NumMentions,           from the event's situation (``sitmap situations``): its member events,
NumArticles,           its documents plus their stored copies, and its independent outlets
NumSources             (copies and reports citing another member's outlet are one source)
AvgTone                empty (sitmap does not score tone)
ActorNGeo_*            empty (sitmap locates events, not actors)
ActionGeo_Type         1 country, 2 US state, 3 US city, 4 world city (or other place),
                       5 world first-level division; empty without a place
ActionGeo_FullName     "place, admin1, country name"
ActionGeo_CountryCode  ISO 3166-1 alpha-2 as in GeoNames — GDELT uses FIPS 10-4 here, which
                       differs for some countries (Iraq: ISO IQ, FIPS IZ)
ActionGeo_ADM1Code     empty (sitmap keeps the admin1 name, not its code)
ActionGeo_Lat/Long     the place's coordinates
ActionGeo_FeatureID    the GeoNames id (GDELT uses GNS/GNIS ids)
DATEADDED              when the document was ingested, YYYYMMDDHHMMSS
SOURCEURL              the document's url, else the path it was read from
=====================  =========================================================================
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import IO, Any

from sitmap import lexicons
from sitmap.errors import SitmapError
from sitmap.store import FLAT_EVENT_COLUMNS, TABLES, Store

FORMATS = ("jsonl", "csv", "acled", "gdelt", "geojson", "parquet")

NOT_HAPPENED = ("negated", "hypothetical", "predicted")
"""Statuses left out of ACLED and GDELT files (kept in jsonl/csv/geojson/parquet)."""

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
    "sitmap_event_id", "sitmap_doc_id", "sitmap_status", "sitmap_confidence", "sitmap_plover",
    "sitmap_cameo", "sitmap_date_basis", "sitmap_url", "sitmap_situation_id", "sitmap_sources",
)  # fmt: skip

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""The 61 columns of the GDELT 2.0 event table, in GDELT's order."""
GDELT_EXTRA = ("sitmap_event_id", "sitmap_status", "sitmap_confidence")
"""sitmap's columns after GDELT's 61, for tracing a row back and filtering by confidence."""


class ExportError(SitmapError):
    """The export cannot be written (unknown format, output missing or not writable)."""

    code = "export"


def export(
    store: Store | str | Path,
    fmt: str,
    out: str | Path | IO[str] | None = None,
    **filters: Any,
) -> dict[str, Any]:
    """Write the store's events (or, for ``parquet``, every table) in format ``fmt``.

    ``out``: a file path, an open text stream, or None/``"-"`` for standard output; for
    ``parquet`` a folder (created if needed). ``filters``: as ``Store.events``, plus
    ``document_places=True`` to keep places that are only the document's main place
    (``place_basis="document"``, a guess) in ACLED, GDELT and GeoJSON; by default those events
    go without a place there; ``partition="year"|"month"`` (parquet only) writes or adds to a
    partitioned dataset (``sitmap.store.dataset``). Returns a summary: ``{"format", "written",
    "skipped": {reason: count}, "files"}``.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if isinstance(out, str | Path) and str(out) != "-":
        _refuse_store(str(store.path if isinstance(store, Store) else store), Path(out))
    if isinstance(store, Store):
        return _export(store, fmt, out, filters)
    with Store.reader(store) as db:
        return _export(db, fmt, out, filters)


def _export(db: Store, fmt: str, out: str | Path | IO[str] | None, filters: dict) -> dict:
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path) or str(out) == "-":
            raise ExportError("parquet export needs an output folder", hint="pass --output DIR")
        if filters.get("partition"):
            from sitmap.store import dataset

            return dataset.write(db, Path(out), partition=filters["partition"])
        return _parquet(db, Path(out))
    if filters.get("partition"):
        raise ExportError("--partition applies to --format parquet only")
    writer = {"jsonl": _jsonl, "csv": _csv, "acled": _acled, "gdelt": _gdelt,
              "geojson": _geojson}[fmt]  # fmt: skip
    with _open(out) as stream:
        written, skipped = writer(db, stream, filters)
    files = [str(out)] if isinstance(out, str | Path) and str(out) != "-" else []
    return {"format": fmt, "written": written, "skipped": dict(skipped), "files": files}


def _refuse_store(db: str, out: Path) -> None:
    """Refuse an output path that is the store itself (or its write-ahead log or lock file)."""
    if db == ":memory:":
        return
    base = Path(db).resolve()
    protected = {base, Path(f"{base}.wal"), Path(f"{base}.lock"), Path(f"{base}.tmp")}
    target = out.resolve()
    if target in protected or (target.exists() and base.exists() and _same(target, base)):
        raise ExportError(
            f"refusing to write the export to {out}: that is the store {db} itself",
            hint="pass another --output file",
        )


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


@contextlib.contextmanager
def _open(out: str | Path | IO[str] | None) -> Iterator[IO[str]]:
    if out is None or str(out) == "-":
        yield sys.stdout
    elif isinstance(out, str | Path):
        path = Path(out)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            stream = path.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror}") from exc
        with stream:
            yield stream
    else:
        yield out


# -- formats ------------------------------------------------------------------------------------


def _jsonl(store: Store, out: IO[str], filters: dict) -> tuple[int, Counter]:
    n = 0
    for rec in store.iter_events(nested=True, **_store_filters(filters)):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n, Counter()


def _csv(store: Store, out: IO[str], filters: dict) -> tuple[int, Counter]:
    writer = csv.DictWriter(out, fieldnames=FLAT_EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in store.iter_events(**_store_filters(filters)):
        writer.writerow({k: _text(v) for k, v in row.items()})
        n += 1
    return n, Counter()


def _geojson(store: Store, out: IO[str], filters: dict) -> tuple[int, Counter]:
    skipped: Counter[str] = Counter()
    sits = _situations(store)
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in _rows(store, filters):
        if row["lat"] is None or row["lon"] is None:
            skipped["no coordinates"] += 1
            continue
        props = {k: _json_value(v) for k, v in row.items() if k not in ("lat", "lon")}
        props["attribution"] = json.loads(row["attribution"] or "[]")
        sit = sits.get(row["id"])
        props["situation_id"] = sit["id"] if sit else None
        props["sources"] = sit["sources"] if sit else 1
        props["articles"] = sit["articles"] if sit else 1
        feature = {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": props,
        }
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n], " + f'"written": {n}, "skipped": {json.dumps(dict(skipped))}}}\n')
    return n, skipped


_PLACE_FIELDS = ("place_text", "place_name", "geonameid", "country", "admin1", "lat", "lon",
                 "feature_class", "feature_code", "qualifier")  # fmt: skip


def _store_filters(filters: dict) -> dict:
    return {k: v for k, v in filters.items() if k not in ("document_places", "partition")}


def _rows(store: Store, filters: dict) -> Iterator[dict[str, Any]]:
    """The filtered event rows, a document-wide place (a guess) cleared unless asked for."""
    keep = bool(filters.get("document_places"))
    for row in store.iter_events(**_store_filters(filters)):
        if row.get("place_basis") == "document" and not keep:
            row = {**row, **dict.fromkeys(_PLACE_FIELDS), "place_basis": None}
        yield row


def _parquet(store: Store, folder: Path) -> dict[str, Any]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {folder}: {exc.strerror}") from exc
    files = []
    written = 0
    import pyarrow.parquet as pq

    for table in (*TABLES, "schema_version"):
        path = folder / f"{table}.parquet"
        _refuse_store(store.path, path)
        # Streamed through pyarrow: the store's connection may not write files itself.
        star = "* EXCLUDE (rowid)" if getattr(store, "_dataset", False) and table in TABLES else "*"
        batches = store.con.cursor().sql(f"SELECT {star} FROM {table}").to_arrow_reader(50_000)
        try:
            with pq.ParquetWriter(str(path), batches.schema) as writer:
                for batch in batches:
                    writer.write_batch(batch)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc}") from exc
        files.append(str(path))
        if table == "events":
            written = int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])
    return {"format": "parquet", "written": written, "skipped": {}, "files": files}


def _acled(store: Store, out: IO[str], filters: dict) -> tuple[int, Counter]:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    docs = _doc_info(store)
    sits = _situations(store)
    skipped: Counter[str] = Counter()
    n = 0
    for row in _rows(store, filters):
        kind = acled_type(row)
        if kind is None:
            skipped["not an ACLED event type"] += 1
            continue
        if row["status"] in NOT_HAPPENED:
            skipped[f"status {row['status']}"] += 1
            continue
        if row["event_date"] is None:
            skipped["no date"] += 1
            continue
        if row["lat"] is None or row["lon"] is None:
            skipped["no coordinates"] += 1
            continue
        writer.writerow(_acled_row(row, kind, docs.get(row["doc_id"], {}), sits.get(row["id"])))
        n += 1
    return n, skipped


def _gdelt(store: Store, out: IO[str], filters: dict) -> tuple[int, Counter]:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS + GDELT_EXTRA)
    docs = _doc_info(store)
    sits = _situations(store)
    skipped: Counter[str] = Counter()
    n = 0
    for row in _rows(store, filters):
        if row["status"] in NOT_HAPPENED:
            skipped[f"status {row['status']}"] += 1
            continue
        if row["event_date"] is None:
            skipped["no date"] += 1
            continue
        rec = _gdelt_row(row, docs.get(row["doc_id"], {}), sits.get(row["id"]))
        writer.writerow([_text(rec.get(c)) for c in GDELT_COLUMNS + GDELT_EXTRA])
        n += 1
    return n, skipped


# -- ACLED --------------------------------------------------------------------------------------


@cache
def _tables() -> dict[str, Any]:
    return lexicons.yaml_file("export.yaml")


def acled_type(row: dict[str, Any]) -> tuple[str, str, str] | None:
    """(disorder_type, event_type, sub_event_type) of a flat event row, or None (not ACLED)."""
    trigger = (row.get("trigger") or "").lower().split()
    first = trigger[0] if trigger else ""
    for rule in _tables()["acled_types"]:
        if "plover" in rule and row.get("plover") not in rule["plover"]:
            continue
        if "cameo" in rule and not any(
            str(row.get("cameo") or "").startswith(c) for c in rule["cameo"]
        ):
            continue
        if "mode" in rule and row.get("mode") not in rule["mode"]:
            continue
        if "trigger" in rule and not any(first.startswith(t) for t in rule["trigger"]):
            continue
        if "target_sector" in rule and row.get("target_sector") not in rule["target_sector"]:
            continue
        if "source_sector" in rule and row.get("source_sector") not in rule["source_sector"]:
            continue
        if "source_words" in rule and not _names_only(row, rule["source_words"]):
            continue
        return rule["disorder_type"], rule["event_type"], rule["sub_event_type"]
    return None


def _names_only(row: dict[str, Any], words: list[str]) -> bool:
    """Whether the source's words end in one of ``words`` ("a man", "three men")."""
    text = (row.get("source_text") or "").lower().split()
    return bool(text) and text[-1] in words


def acled_inter(row: dict[str, Any], side: str) -> int | None:
    """ACLED actor type (``acled_inter``) of a flat event row's ``source`` or ``target``."""
    code = row.get(f"{side}_code") or ""
    if code.startswith("IGO"):
        return 8
    if code.startswith("IMG"):
        return 2
    sector = row.get(f"{side}_sector")
    actor_country = row.get(f"{side}_country")
    inter = _tables()["acled_inter"].get(sector) if sector else None
    if not sector and code and code == actor_country:
        inter = 1  # a country as the doer ("Benin charged ...", "Beninese defused"): its state
    if side == "source" and sector in _tables()["acled_crowd"]:
        kind = acled_type(row)
        inter = {"Protests": 6, "Riots": 5}.get(kind[1] if kind else "", inter)
        if inter == 7 and kind and kind[0] == "Political violence":
            inter = _tables()["acled_civilian_doer"]  # "men raped a woman": not civilians
    event_country = _country(row.get("country"))
    foreign = inter == 1 or sector in _tables()["acled_foreign_external"]
    if foreign and actor_country and event_country and actor_country != event_country.alpha_3:
        return 8
    return inter


_CROWD_INTER = {"Protests": (6, "Protesters"), "Riots": (5, "Rioters")}


def acled_actors(row: dict[str, Any]) -> tuple[tuple[str, int | None, str | None], ...]:
    """(name, ACLED actor type, country code) of actor1 and actor2 of a flat event row: its
    source and target, except that an event of a sub-event type only one actor does
    (``acled_unnamed_doers``: arrests are the state's) with no source has that actor first, and
    that in a Protests or Riots event the crowd is actor1 (ACLED
    Codebook 2023, "Protests" and "Riots": the protesters or rioters are the first actor, the
    force that met them the second). The crowd is the source when it is one, else the target
    when it is of a crowd sector (``acled_crowd``), else unnamed "Protesters (Country)"."""
    sides = tuple(
        (
            row.get(f"{side}_name") or row.get(f"{side}_text") or "",
            acled_inter(row, side),
            row.get(f"{side}_country"),
        )
        for side in ("source", "target")
    )
    kind = acled_type(row)
    doer = _tables()["acled_unnamed_doers"].get(kind[2]) if kind else None
    if doer and not row.get("source_sector") and not row.get("source_code"):
        country = _country(row.get("country"))  # "five suspects were arrested": by the state
        label = doer.get("label", "{name} of {country}") if country else "{name}"
        name = label.format(name=doer["name"], country=_country_name(country) if country else "")
        return (name, doer["inter"], country.alpha_3 if country else None), sides[1]
    crowd = _CROWD_INTER.get(kind[1]) if kind else None
    where = _country(row.get("country"))
    sides = tuple(_of_place(side, where) for side in sides)
    if crowd is None or sides[0][1] in (5, 6):
        return sides
    inter, label = crowd
    if row.get("target_sector") in _tables()["acled_crowd"]:
        return (sides[1][0], inter, sides[1][2]), sides[0]
    if row.get("target_sector") is not None:
        return sides
    name = f"{label} ({_country_name(where)})" if where else label
    return (name, inter, where.alpha_3 if where else None), sides[0]


def _of_place(
    side: tuple[str, int | None, str | None], where: Any
) -> tuple[str, int | None, str | None]:
    """An actor coded with the country of the event's place, as the ACLED Codebook (2023,
    "Actors") names the actors a report gives no country: a crowd is of the country it gathers
    in, whatever its sentence names ("residents of Kisumu protested sanctions against Russia":
    "Protesters (Kenya)"), and an actor of no country ("gunmen", "police", "a militia") is of
    the country it acts in ("Unidentified Armed Group (Thailand)"); the name carries the
    country then, as ACLED's does. An international organisation (8) has none."""
    name, inter, country = side
    if where is None or inter is None or inter == 8:
        return side
    if country is not None and (inter not in (5, 6) or country == where.alpha_3):
        return side
    label = _country_name(where)
    if name and country is not None:  # a crowd named with another country's: "(Nigeria)" goes
        name = re.sub(r"\s*\([^()]*\)$", "", name)
    # the country as a whole word ("Nigerian police" in Niger still gets "(Niger)"); an actor
    # with no name stays unnamed: no " (Kenya)"
    if name and not re.search(rf"\b{re.escape(label)}\b", name):
        name = f"{name} ({label})"
    return (name, inter, where.alpha_3)


def _acled_row(
    row: dict[str, Any], kind: tuple[str, str, str], doc: dict, sit: dict | None = None
) -> dict[str, Any]:
    disorder, event_type, sub_type = kind
    country = _country(row["country"])
    (actor1, inter1, _), (actor2, inter2, _) = acled_actors(row)
    codes = sorted(i for i in (inter1, inter2) if i is not None)
    interaction = "".join(map(str, codes)) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")
    violent = disorder == "Political violence"
    precision = {"day": 1, "week": 2, "month": 3, "year": 3, "decade": 3}.get(
        row["date_precision"] or "", 2
    )
    if (row.get("feature_class") or "") == "P":
        geo_precision = 1
        if row.get("qualifier") or row.get("place_basis") == "document":
            geo_precision = 2
    else:
        geo_precision = 3
    outlets = [row.get("outlet"), *(sit["outlets"] if sit else [])]  # its own outlet first
    sources = [s for s in (*outlets, row.get("cited_source")) if s and s != "(unknown outlet)"]
    iso3 = country.alpha_3 if country else "XXX"
    ingested = doc.get("ingested_at")
    return {
        "event_id_cnty": f"{iso3}{int(row['id'][:12], 16)}",
        "event_date": row["event_date"].isoformat(),
        "year": row["event_date"].year,
        "time_precision": precision,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": _text(inter1),
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": _text(inter2),
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if violent and inter2 == 7 else "",
        "iso": int(country.numeric) if country else "",
        "region": "",
        "country": _country_name(country) if country else "",
        "admin1": row.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": row.get("place_name") or row.get("place_text") or "",
        "latitude": row["lat"],
        "longitude": row["lon"],
        "geo_precision": geo_precision,
        "source": "; ".join(dict.fromkeys(sources)),
        "source_scale": "",
        "notes": row.get("evidence") or "",
        "fatalities": _text(row.get("fatalities")),  # only when the text states it
        "tags": "",
        "timestamp": int(ingested.timestamp()) if isinstance(ingested, datetime) else "",
        "sitmap_event_id": row["id"],
        "sitmap_doc_id": row["doc_id"],
        "sitmap_status": row["status"],
        "sitmap_confidence": row["confidence"],
        "sitmap_plover": row["plover"],
        "sitmap_cameo": row["cameo"],
        "sitmap_date_basis": row["date_basis"],
        "sitmap_url": row.get("url") or doc.get("path") or "",
        "sitmap_situation_id": sit["id"] if sit else "",
        "sitmap_sources": sit["sources"] if sit else 1,
    }


# -- GDELT --------------------------------------------------------------------------------------


def _situations(store: Store) -> dict[str, dict[str, Any]]:
    """event id -> its situation: id, events, articles, sources, outlets (``sitmap.situations``).

    Events of a store written without situations (``Store.write_many`` alone) have none and
    count as one mention, one article, one source.
    """
    rows = store.con.execute(
        "SELECT m.event_id, s.id, s.events, s.articles, s.sources, s.outlets "
        "FROM situation_members m JOIN situations s ON s.id = m.situation_id"
    ).fetchall()
    return {
        e: {"id": i, "events": int(n), "articles": int(a), "sources": int(src),
            "outlets": json.loads(o or "[]")}
        for e, i, n, a, src, o in rows
    }  # fmt: skip


def _gdelt_row(row: dict[str, Any], doc: dict, sit: dict[str, Any] | None) -> dict:
    day: date = row["event_date"]
    cameo = str(row.get("cameo") or "")
    code = cameo + "0" if len(cameo) == 2 else cameo
    root = cameo[:2]
    quad = _quad(root)
    mentions, articles, outlets = (
        (sit["events"], sit["articles"], sit["sources"]) if sit else (1, 1, 1)
    )
    ingested = doc.get("ingested_at")
    sectors = lexicons.yaml_file("codes.yaml")["sectors"]
    rec: dict[str, Any] = {
        "GLOBALEVENTID": int(row["id"][:15], 16),
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": day.year,
        "FractionDate": f"{day.year + (day.timetuple().tm_yday / 365):.4f}",
        "IsRootEvent": 1 if row.get("sentence") == 0 else 0,
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": root,
        "QuadClass": quad,
        "GoldsteinScale": _tables()["cameo_goldstein"].get(code),
        "NumMentions": mentions,
        "NumSources": outlets,
        "NumArticles": articles,
        "DATEADDED": ingested.strftime("%Y%m%d%H%M%S") if isinstance(ingested, datetime) else "",
        "SOURCEURL": row.get("url") or doc.get("path") or "",
        "sitmap_event_id": row["id"],
        "sitmap_status": row["status"],
        "sitmap_confidence": row["confidence"],
    }
    for n, side in ((1, "source"), (2, "target")):
        rec[f"Actor{n}Code"] = row.get(f"{side}_code")
        rec[f"Actor{n}Name"] = row.get(f"{side}_name") or row.get(f"{side}_text")
        rec[f"Actor{n}CountryCode"] = row.get(f"{side}_country")
        rec[f"Actor{n}Type1Code"] = sectors.get(row.get(f"{side}_sector") or "")
    if row.get("lat") is not None:
        country = _country(row.get("country"))
        rec.update(
            {
                "ActionGeo_Type": _geo_type(row),
                "ActionGeo_FullName": ", ".join(
                    dict.fromkeys(
                        p
                        for p in (
                            row.get("place_name"),
                            row.get("admin1"),
                            _country_name(country) if country else None,
                        )
                        if p
                    )
                ),
                "ActionGeo_CountryCode": row.get("country"),
                "ActionGeo_Lat": row["lat"],
                "ActionGeo_Long": row["lon"],
                "ActionGeo_FeatureID": row.get("geonameid"),
            }
        )
    return rec


def _quad(root: str) -> int | str:
    if not root.isdigit():
        return ""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def _geo_type(row: dict[str, Any]) -> int:
    code = row.get("feature_code") or ""
    us = row.get("country") == "US"
    if code.startswith("PCL"):
        return 1
    if code == "ADM1":
        return 2 if us else 5
    return 3 if us and row.get("feature_class") == "P" else 4


# -- helpers ------------------------------------------------------------------------------------


def _doc_info(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.con.execute("SELECT id, path, ingested_at FROM documents").fetchall()
    return {i: {"path": p, "ingested_at": t} for i, p, t in rows}


@cache
def _country(alpha2: str | None) -> Any:
    if not alpha2:
        return None
    import pycountry

    return pycountry.countries.get(alpha_2=alpha2.upper())


def _country_name(country: Any) -> str:
    return getattr(country, "common_name", None) or country.name


def _text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "GDELT_COLUMNS",
    "ExportError",
    "acled_inter",
    "acled_type",
    "export",
]
