"""Measure sitmap's toponym resolution on geoparsing gold (LGL, GeoWebNews).

Two modes:

* ``gold`` (default): the gold toponym spans are given to ``geo.resolve(doc, spans=...)``, so
  the figure is resolution alone, with document context (no NER errors);
* ``--ner``: the documents go through ``nlp.analyse`` + ``geo.resolve`` and ``doc.places`` are
  matched to gold toponyms by overlapping offsets (what ``sitmap eval geo`` does); recall is
  the share of gold toponyms that got a resolved place.

Reports accuracy@161 km, mean and median error in km. Usage (the two shared gold files when
no path is given):

    python tools/geo_accuracy.py [../shared/gold/lgl.xml ../shared/gold/geowebnews.xml] [--ner]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sitmap import geo
from sitmap.model import Document

_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold"
DEFAULT_GOLD = [_SHARED / "lgl.xml", _SHARED / "geowebnews.xml"]


@dataclass
class Gold:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


def read_gold(path: str) -> list[tuple[str, list[Gold]]]:
    """(text, gold toponyms with coordinates) per article, for LGL and GeoWebNews XML."""
    out: list[tuple[str, list[Gold]]] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds: list[Gold] = []
        for t in art.iter("toponym"):
            lat = t.findtext("gaztag/lat") or t.findtext("latitude")
            lon = t.findtext("gaztag/lon") or t.findtext("longitude")
            start, end = t.findtext("start"), t.findtext("end")
            if not (lat and lon and start and end):
                continue  # non-locational or unresolved in the gold
            golds.append(
                Gold(int(start), int(end), text[int(start) : int(end)], float(lat), float(lon))
            )
        out.append((text, golds))
    return out


def measure(path: str, *, ner: bool) -> dict[str, float]:
    articles = read_gold(path)
    errors: list[float] = []
    total = 0
    t0 = time.perf_counter()
    docs = [Document(text=text) for text, _ in articles]
    if ner:
        from sitmap import nlp

        docs = list(nlp.analyse(docs, parse_if=lambda _span: False))
    for doc, (_, golds) in zip(docs, articles, strict=True):
        total += len(golds)
        if ner:
            geo.resolve(doc)
        else:
            geo.resolve(doc, spans=[(g.start, g.end) for g in golds])
        for g in golds:
            hit = next(
                (
                    p
                    for p in doc.places
                    if p.start < g.end and g.start < p.end and p.geonameid is not None
                ),
                None,
            )
            if hit is not None and hit.lat is not None and hit.lon is not None:
                errors.append(geo.distance_km(g.lat, g.lon, hit.lat, hit.lon))
    secs = time.perf_counter() - t0
    return {
        "gold": total,
        "resolved": len(errors),
        "acc161_resolved": sum(e <= 161 for e in errors) / max(1, len(errors)),
        "acc161_all": sum(e <= 161 for e in errors) / max(1, total),
        "mean_km": statistics.fmean(errors) if errors else float("nan"),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "seconds": secs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="gold files (default: the shared LGL and GWN)")
    parser.add_argument("--ner", action="store_true", help="detect toponyms with NER too")
    args = parser.parse_args(argv)
    paths = args.paths or [str(p) for p in DEFAULT_GOLD if p.is_file()]
    if not paths:
        parser.error("no gold file given and none of the shared ones found")
    geo.gazetteer()
    for path in paths:
        r = measure(path, ner=args.ner)
        print(
            f"{path}: gold={r['gold']} resolved={r['resolved']} "
            f"acc@161(resolved)={r['acc161_resolved']:.3f} acc@161(all gold)={r['acc161_all']:.3f} "
            f"mean={r['mean_km']:.0f}km median={r['median_km']:.1f}km ({r['seconds']:.1f}s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
