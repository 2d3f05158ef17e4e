"""Why conflict records are placed wrong: each ACLED/GTD record whose place is missed, with a
cause.

Runs the pipeline on ACLED-style or GTD gold (as ``sitmap eval acled``/``gtd`` does) and, for
every record no event of which is placed within 50 km of the record's coordinates, says why:

* ``no event``: sitmap finds no event in the note (not a geo problem);
* ``selection: event unplaced``: a toponym of the note resolves within 50 km, but no event
  takes a place (placement: the place is not the events' setting as the rules read it);
* ``selection: other place chosen``: such a toponym exists, but the events took another one;
* ``gold name not in note``: the record's location name (or a part of it) is not written in the
  note; ``no place at all`` when the note names no place either, else ``other places only``;
* ``toponym not detected``: the location name is written but no toponym covers it
  (``gaz has it``: the gazetteer has an entry of that name within 10 km; ``gaz lacks``: not);
* ``detected, gaz lacks``: a toponym covers it, but no gazetteer entry of that name is within
  10 km (the place is missing or known under another spelling);
* ``detected, unresolved``: the toponym has no gazetteer candidate at all;
* ``detected, wrong candidate``: the gazetteer has the place, another entry was chosen.

Usage: python tools/place_errors.py ../shared/gold/acled-dev.jsonl [--list CAUSE] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from sitmap import geo
from sitmap.evaluate.acled import PLACE_KM, predict, read_conflict_gold
from sitmap.evaluate.metrics import haversine_km
from sitmap.model import Document, Place

COVER_KM = 10.0
_SPLIT = re.compile(r"\s+-\s+|\s*/\s*|(?<=[a-z])-(?=[A-Z])")


def _names(location: str) -> list[str]:
    """The names a location goes by ("Mosul - Al-Hadbaa": itself, "Mosul", "Al-Hadbaa")."""
    parts = [p.strip() for p in _SPLIT.split(location) if p.strip()]
    return [location, *[p for p in parts if p != location]] if location else []


def _covered(name: str, lat: float, lon: float) -> bool:
    gaz = geo.gazetteer()
    return any(
        haversine_km(lat, lon, gaz.lat[i], gaz.lon[i]) <= COVER_KM for i in gaz.lookup_ids(name)
    )


def cause(doc: Document, location: str, lat: float, lon: float) -> str | None:
    """The cause of a missed place (None: some event is placed within 50 km)."""

    def near(p: Place) -> bool:
        return p.lat is not None and haversine_km(lat, lon, p.lat, p.lon) <= PLACE_KM

    placed = [e.place for e in doc.events if e.place is not None and e.place.lat is not None]
    if any(near(p) for p in placed):
        return None
    if not doc.events:
        return "no event"
    if any(p.geonameid is not None and near(p) for p in doc.places):
        return "selection: " + ("event unplaced" if not placed else "other place chosen")
    names = _names(location)
    text = doc.clean_text
    hits = [
        (m.start(), m.end())
        for n in names
        for m in re.finditer(r"\b" + re.escape(n) + r"\b", text, re.IGNORECASE)
    ]
    has = any(_covered(n, lat, lon) for n in names)
    if not hits:
        found = "other places only" if doc.places else "no place at all"
        return f"gold name not in note: {found}"
    over = [p for s, e in hits for p in doc.places if p.start < e and s < p.end]
    if not over:
        return "toponym not detected" + (" (gaz has it)" if has else " (gaz lacks)")
    if not has:
        return "detected, gaz lacks"
    if all(p.geonameid is None for p in over):
        return "detected, unresolved"
    return "detected, wrong candidate"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--list", metavar="CAUSE", help="print the records of causes starting so")
    ap.add_argument("--limit", type=int, help="only the first N records")
    args = ap.parse_args(argv)
    records = read_conflict_gold(args.gold)[: args.limit]
    rows = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    docs, _ = predict(records)
    causes: Counter[str] = Counter()
    scored = 0
    for rec, raw, doc in zip(records, rows, docs, strict=False):
        if rec.lat is None or rec.lon is None:
            continue
        scored += 1
        location = raw.get("location") or raw.get("city") or ""
        why = cause(doc, location, rec.lat, rec.lon)
        if why is None:
            continue
        causes[why] += 1
        if args.list and why.startswith(args.list):
            places = [(p.text, p.name, p.country) for p in doc.places]
            print(f"{rec.id} {location!r}: {doc.clean_text[:200]!r} places={places}")
    missed = sum(causes.values())
    print(f"{args.gold}: {scored - missed} of {scored} records placed within {PLACE_KM:.0f} km")
    for why, n in causes.most_common():
        print(f"  {n:5d}  {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
