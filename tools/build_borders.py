"""Build the map's country borders from the npm package ``world-atlas`` (Natural Earth 1:110m).

    npm pack world-atlas@2.0.2          # → world-atlas-2.0.2.tgz (ISC; data: public domain)
    python tools/build_borders.py world-atlas-2.0.2.tgz

Decodes the TopoJSON (quantised, delta-encoded arcs) into a GeoJSON FeatureCollection with
coordinates rounded to 0.01° and writes ``src/sitmap/serve/static/countries.geojson``; the
map draws it as its only base layer, so no tile server is ever needed.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/sitmap/serve/static/countries.geojson"
MEMBER = "package/countries-110m.json"


def decode(topo: dict, name: str = "countries") -> dict:
    """A TopoJSON object as a GeoJSON FeatureCollection."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out += points[1:] if out else points
        return out

    features = []
    for geom in topo["objects"][name]["geometries"]:
        if geom["type"] == "Polygon":
            coords = [ring(r) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            coords = [[ring(r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({
            "type": "Feature", "id": geom.get("id"),
            "properties": {"name": geom.get("properties", {}).get("name")},
            "geometry": {"type": geom["type"], "coordinates": coords},
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", help="world-atlas-2.0.2.tgz from `npm pack world-atlas@2.0.2`")
    parser.add_argument("--output", default=str(OUT))
    args = parser.parse_args()
    with tarfile.open(args.tarball) as tar:
        topo = json.load(tar.extractfile(MEMBER))
    data = decode(topo)
    data["source"] = "Natural Earth 1:110m via world-atlas 2.0.2 (npm), tools/build_borders.py"
    Path(args.output).write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"{len(data['features'])} countries → {args.output}")


if __name__ == "__main__":
    main()
