"""The base layers' geometry, read from data/basemap/ and reduced for the wire (pure Python: no shapely at run time).

The neighbourhood and board-district files are coverages (scripts/make_basemap.py: neighbours share their
borders vertex for vertex). Drawn as polygons, every shared border would be sent twice; here each border is
sent once instead:
- `mesh(features)` splits the rings into edges, keeps each inner edge once and chains them into paths (the thin
  outlines), and chains the edges on the coverage's outer boundary into rings (the land, filled once).
- `near(features, frame)` keeps the features whose bounding box meets the frame the maps can show.

Nothing is moved: every vertex sent is a vertex of the file (or dropped with its feature). The files' own
metadata (attribution, licence, vintage) is read here too, for the caption under every map.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from data.layout import DATA_DIR

BASEMAP_DIR = DATA_DIR / "basemap"
LAYERS = ("neighbourhoods", "coastline", "place_labels", "board_districts_2012")

Point = tuple[float, float]


@lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("type") == "FeatureCollection" else None


def collection(name: str, folder: Path | None = None) -> dict | None:
    """data/basemap/<name>.geojson as a FeatureCollection, or None when missing or unreadable (the maps then
    draw without that layer, and its caption line is left out)."""
    path = (folder or BASEMAP_DIR) / f"{name}.geojson"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return _read(str(path), mtime)


def metadata(name: str, folder: Path | None = None) -> dict:
    data = collection(name, folder)
    meta = data.get("metadata") if data else None
    return meta if isinstance(meta, dict) else {}


# ------------------------------------------------------------------------------------------- extents


@dataclass(frozen=True)
class Extent:
    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float

    @property
    def centre(self) -> Point:
        return ((self.lon_min + self.lon_max) / 2, (self.lat_min + self.lat_max) / 2)

    def widened(self, dlon: float, dlat: float) -> Extent:
        return Extent(self.lon_min - dlon, self.lat_min - dlat, self.lon_max + dlon, self.lat_max + dlat)

    def meets(self, other: Extent) -> bool:
        return not (
            other.lon_max < self.lon_min
            or other.lon_min > self.lon_max
            or other.lat_max < self.lat_min
            or other.lat_min > self.lat_max
        )


def _positions(geometry: dict):
    coords = geometry.get("coordinates")
    kind = geometry.get("type")
    if kind == "Point":
        yield coords
    elif kind in ("LineString", "MultiPoint"):
        yield from coords
    elif kind in ("Polygon", "MultiLineString"):
        for part in coords:
            yield from part
    elif kind == "MultiPolygon":
        for polygon in coords:
            for ring in polygon:
                yield from ring


def extent_of(features) -> Extent | None:
    lons, lats = [], []
    for f in features:
        for lon, lat, *_ in _positions(f.get("geometry") or {}):
            lons.append(lon)
            lats.append(lat)
    return Extent(min(lons), min(lats), max(lons), max(lats)) if lons else None


def near(features, frame: Extent) -> list[dict]:
    """The features whose bounding box meets `frame`."""
    return [f for f in features if (e := extent_of([f])) is not None and frame.meets(e)]


# ------------------------------------------------------------------------------------------- mesh


def _rings_of(geometry: dict):
    if geometry.get("type") == "Polygon":
        yield from geometry["coordinates"]
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def signed_area(ring) -> float:
    """Shoelace area in square degrees: positive for a counter-clockwise ring."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def _inside(point, ring) -> bool:
    x, y = point[0], point[1]
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


@dataclass(frozen=True)
class Mesh:
    land: tuple  # polygons: (exterior ring, *holes), exterior counter-clockwise
    inner: tuple  # paths: each inner border once
    outer: tuple  # closed rings of the coverage's outer boundary (the same edges as `land`, as lines)


def _chain_paths(edges: list[tuple[Point, Point]]) -> list[list[Point]]:
    """Undirected edges → maximal paths (split where three or more edges meet, and closed loops kept whole)."""
    adjacent: dict[Point, list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(edges):
        adjacent[a].append(i)
        adjacent[b].append(i)
    used = [False] * len(edges)
    paths = []

    def walk(start: Point, first: int) -> list[Point]:
        path, here, edge = [start], start, first
        while True:
            used[edge] = True
            a, b = edges[edge]
            here = b if a == here else a
            path.append(here)
            following = [e for e in adjacent[here] if not used[e]]
            if len(adjacent[here]) != 2 or not following:
                return path
            edge = following[0]

    for vertex in sorted(v for v, es in adjacent.items() if len(es) != 2):  # path ends first
        for e in adjacent[vertex]:
            if not used[e]:
                paths.append(walk(vertex, e))
    for i, (a, _b) in enumerate(edges):  # what is left are closed loops
        if not used[i]:
            paths.append(walk(a, i))
    return paths


def _chain_rings(edges: list[tuple[Point, Point]]) -> list[list[Point]]:
    """Directed boundary edges → closed rings (each edge followed from its end to an unused edge starting there)."""
    starting: dict[Point, list[int]] = defaultdict(list)
    for i, (a, _b) in enumerate(edges):
        starting[a].append(i)
    used = [False] * len(edges)
    rings = []
    for i in range(len(edges)):
        if used[i]:
            continue
        ring, edge = [edges[i][0]], i
        while edge is not None:
            used[edge] = True
            end = edges[edge][1]
            ring.append(end)
            edge = next((e for e in starting[end] if not used[e]), None)
        rings.append(ring)
    return rings


def mesh(features) -> Mesh:
    """A coverage's land polygons, inner borders (once each) and outer boundary, from its rings' edges."""
    directed: list[tuple[Point, Point]] = []
    for f in features:
        for ring in _rings_of(f.get("geometry") or {}):
            points = [(p[0], p[1]) for p in ring]
            directed += [(a, b) for a, b in zip(points, points[1:]) if a != b]
    count = Counter(frozenset(e) for e in directed)
    outer_edges = [e for e in directed if count[frozenset(e)] == 1]
    seen: set[frozenset] = set()
    inner_edges = []
    for a, b in directed:
        key = frozenset((a, b))
        if count[key] > 1 and key not in seen:
            seen.add(key)
            inner_edges.append((a, b))
    rings = _chain_rings(outer_edges)
    exteriors = [r for r in rings if signed_area(r) > 0]
    holes = [r for r in rings if signed_area(r) <= 0]
    land = []
    for ext in exteriors:
        mine = [h for h in holes if _inside(h[0], ext)]
        land.append((ext, *mine))
    return Mesh(tuple(land), tuple(_chain_paths(inner_edges)), tuple(rings))


# ------------------------------------------------------------------------------------------- compact numbers


@dataclass(frozen=True)
class Grid:
    """Positions sent as whole numbers of `unit` degrees from `origin` (lon, lat); the layer's model matrix turns
    them back into longitude and latitude in the browser. "-118.2667,34.0592" becomes "1333,592": the base
    layers are about half the bytes. deck.gl applies `modelMatrix` before projecting, in its default
    longitude/latitude coordinate system too — but not before triangulating a polygon's fill on the CPU, so
    filled polygons stay in degrees."""

    origin: Point
    unit: float

    def xy(self, lon: float, lat: float) -> list[int]:
        return [round((lon - self.origin[0]) / self.unit), round((lat - self.origin[1]) / self.unit)]

    def flat(self, path) -> list[int]:
        """A path as one flat list x0, y0, x1, y1, … (deck.gl positionFormat "XY")."""
        return [v for p in path for v in self.xy(p[0], p[1])]

    @property
    def model_matrix(self) -> list[float]:
        """Column-major 4x4: scale x and y by the unit, then move them by the origin."""
        u = self.unit
        return [u, 0, 0, 0, 0, u, 0, 0, 0, 0, 1, 0, self.origin[0], self.origin[1], 0, 1]

    def decode(self, x: int, y: int) -> Point:
        return (self.origin[0] + x * self.unit, self.origin[1] + y * self.unit)


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Web Mercator ground resolution at a latitude and zoom (512-pixel world at zoom 0, as deck.gl)."""
    return 40_075_016.686 * math.cos(math.radians(lat)) / (512 * 2**zoom)
