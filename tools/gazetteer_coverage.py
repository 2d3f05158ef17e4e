"""Gazetteer coverage on ACLED-style gold: is each coded location in the gazetteer at all?

For every record, the names its ``location`` goes by are looked up in sitmap's gazetteer (the
whole name, and for ACLED's "City - Neighbourhood" / "Town-Quarter" / "A / B" forms each part);
the record is *covered* when some entry under one of those names lies within 10 km of the
record's coordinates (counted apart: a name the gazetteer lacks whose spelling variant is, the
resolver's fallback). That is the ceiling of "place within 50 km" that resolution can reach from
the location's own name (a note may of course name the place differently).

Prints the share covered overall and by ACLED ``geo_precision``, and with ``--misses`` each
uncovered location with the nearest same-name entry. Usage:

    python tools/gazetteer_coverage.py [../shared/gold/acled-dev.jsonl] [--misses] [--json]
        [--radius KM]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from sitmap import geo

_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold"
DEFAULT_GOLD = _SHARED / "acled-dev.jsonl"
RADIUS_KM = 10.0
_SPLIT = re.compile(r"\s+-\s+|\s*/\s*|(?<=[a-z])-(?=[A-Z])")


def names_of(location: str) -> list[str]:
    """The names a location goes by: the whole string, then its parts ("Mosul - Al-Hadbaa":
    "Mosul", "Al-Hadbaa"; "Dhaka-Jatrabari": "Dhaka", "Jatrabari")."""
    parts = [p.strip() for p in _SPLIT.split(location) if p.strip()]
    return [location, *[p for p in parts if p != location]]


def nearest(
    name: str, lat: float, lon: float, *, variants: bool = False
) -> tuple[float, str] | None:
    """Distance (km) and description of the nearest gazetteer entry under ``name`` (or, with
    ``variants``, under a spelling variant of it, as the resolver falls back to)."""
    gaz = geo.gazetteer()
    best: tuple[float, str] | None = None
    ids = gaz.lookup_ids(name)
    if variants:
        ids = gaz.variant_ids(geo.normalise(name))
    for i in ids:
        d = geo.distance_km(lat, lon, gaz.lat[i], gaz.lon[i])
        if best is None or d < best[0]:
            best = (d, f"{gaz.name[i]} ({gaz.fcode[i]}, {gaz.country[i]})")
    return best


def coverage(path: Path, *, radius_km: float = RADIUS_KM) -> dict:
    """Coverage figures and the misses of one ACLED-style JSONL file."""
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    misses = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            loc, lat, lon = rec.get("location"), rec.get("latitude"), rec.get("longitude")
            if not loc or lat is None or lon is None:
                continue
            prec = f"geo_precision {rec.get('geo_precision')}"
            total["all"] += 1
            total[prec] += 1
            hits = [(n, nearest(n, float(lat), float(lon))) for n in names_of(loc)]
            close = [h for h in hits if h[1] is not None and h[1][0] <= radius_km]
            if close:
                found["all"] += 1
                found[prec] += 1
            elif any(  # a name the gazetteer lacks, found under another spelling
                not geo.gazetteer().lookup_ids(n)
                and (h := nearest(n, float(lat), float(lon), variants=True))
                and h[0] <= radius_km
                for n in names_of(loc)
            ):
                found["variant"] += 1
            else:
                near = min((h for h in hits if h[1]), key=lambda h: h[1][0], default=None)
                misses.append(
                    {
                        "location": loc,
                        "country": rec.get("country"),
                        "admin2": rec.get("admin2"),
                        "nearest": None if near is None else f"{near[1][1]} {near[1][0]:.0f} km",
                    }
                )
    shares = {k: round(found[k] / total[k], 3) for k in sorted(total)}
    return {
        "gold": str(path),
        "gazetteer": geo.index.VERSION,
        "entries": len(geo.gazetteer()),
        "radius_km": radius_km,
        "records": total["all"],
        "covered": found["all"],
        "covered_by_variant": found["variant"],
        "share": shares,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--misses", action="store_true", help="list the uncovered locations")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--radius", type=float, default=RADIUS_KM, help="km (default 10)")
    args = ap.parse_args(argv)
    result = coverage(Path(args.gold), radius_km=args.radius)
    if args.json:
        print(json.dumps(result if args.misses else {**result, "misses": len(result["misses"])}))
        return 0
    print(
        f"{result['gold']}: gazetteer {result['gazetteer']} ({result['entries']:,} entries); "
        f"{result['covered']} of {result['records']} locations found within "
        f"{result['radius_km']:.0f} km under some name, "
        f"{result['covered_by_variant']} more under a spelling variant"
    )
    for key, share in result["share"].items():
        print(f"  {key:16s} {share:.1%}")
    if args.misses:
        for m in result["misses"]:
            where = f"{m['admin2']}, {m['country']}"
            print(f"  miss: {m['location']} ({where}) nearest: {m['nearest']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
