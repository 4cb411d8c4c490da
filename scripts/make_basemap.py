"""Make data/basemap/la_context.geojson: county outlines around Los Angeles from the npm package us-atlas.

    python scripts/make_basemap.py                      # fetches us-atlas@3.0.1 with `npm pack` into a temp dir
    python scripts/make_basemap.py path/to/counties-10m.json

us-atlas (ISC licence, © Michael Bostock) redistributes the U.S. Census Bureau's 2017 cartographic county
boundaries (public domain) as quantized, simplified TopoJSON. This script decodes that TopoJSON in plain
Python, keeps the counties whose extent touches the Los Angeles area, rounds coordinates to 4 decimals and
writes GeoJSON. It never draws or edits a line by hand: every vertex comes from the package.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE, VERSION = "us-atlas", "3.0.1"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "basemap" / "la_context.geojson"
# Counties whose extent touches this box are kept (lon_min, lat_min, lon_max, lat_max): the LAUSD area
# (lon -118.669..-118.142, lat 33.703..34.355, derived in research facts_geo.md) with a margin.
AREA = (-119.3, 33.2, -117.4, 34.9)
DIGITS = 4


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs, de-quantized: delta-encoded integers -> lon/lat pairs."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arc_ids: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch a ring from arc indexes (a negative index ~i means arc i reversed), dropping shared end points."""
    points: list[tuple[float, float]] = []
    for i in arc_ids:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return [[round(x, DIGITS), round(y, DIGITS)] for x, y in points]


def geometry(geom: dict, arcs) -> dict:
    if geom["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r, arcs) for r in geom["arcs"]]}
    if geom["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[ring(r, arcs) for r in p] for p in geom["arcs"]]}
    raise ValueError(f"unexpected geometry type {geom['type']}")


def _bounds(geom: dict) -> tuple[float, float, float, float]:
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    xs = [p[0] for poly in polys for r in poly for p in r]
    ys = [p[1] for poly in polys for r in poly for p in r]
    return min(xs), min(ys), max(xs), max(ys)


def _touches(b, area) -> bool:
    return not (b[2] < area[0] or b[0] > area[2] or b[3] < area[1] or b[1] > area[3])


def make(counties_file: Path) -> dict:
    topology = json.loads(counties_file.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for g in topology["objects"]["counties"]["geometries"]:
        if not str(g.get("id", "")).startswith("06"):  # California only
            continue
        geom = geometry(g, arcs)
        if _touches(_bounds(geom), AREA):
            features.append({"type": "Feature",
                             "properties": {"fips": g["id"], "name": g["properties"]["name"],
                                            "is_la_county": g["id"] == "06037"},
                             "geometry": geom})
    features.sort(key=lambda f: f["properties"]["fips"])
    return {"type": "FeatureCollection",
            "metadata": {"source_package": f"{PACKAGE}@{VERSION} (npm), counties-10m.json",
                         "licence": "ISC (package); data: U.S. Census Bureau cartographic boundaries 2017",
                         "made_by": "scripts/make_basemap.py"},
            "features": features}


def fetch_package(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(workdir / f"{PACKAGE}-{VERSION}.tgz") as tar:
        tar.extract("package/counties-10m.json", workdir, filter="data")
    return workdir / "package" / "counties-10m.json"


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(argv[0]) if argv else fetch_package(Path(tmp))
        collection = make(source)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(f"wrote {OUT.relative_to(ROOT)}: {len(collection['features'])} counties ({names}), "
          f"{OUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
