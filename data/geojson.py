"""GeoJSON checks for official LAUSD boundary polygons, and small geometry helpers (pure: no files, no network).

`boundaries(text, kind, origin)` turns GeoJSON text into {key: geometry} for board districts (1–7, from a
DISTRICT or BOE property) or regions (North/East/South/West, from a Region property), or raises GeoError
with plain messages. It refuses what would draw a wrong map: malformed JSON, anything but a FeatureCollection
of Polygon/MultiPolygon features, coordinates outside WGS84 longitude/latitude (for example State Plane feet,
the map service's native WKID 102645, when `outSR=4326` was left out of the query), coordinates far from Los
Angeles (swapped lon/lat), unknown or repeated ids, and missing districts or regions.
"""

from __future__ import annotations

import json
import math
import re

from data.rules import limit

KINDS = ("board_district", "region")
BOARD_DISTRICTS = tuple(str(n) for n in range(1, 8))
REGIONS = ("North", "East", "South", "West")
ID_PROPERTIES = {"board_district": ("DISTRICT", "BOE"), "region": ("Region",)}
# Generous box around the Los Angeles area: every vertex of an LAUSD polygon lies well inside it.
LA_AREA = (-119.5, 33.0, -117.0, 35.0)  # lon_min, lat_min, lon_max, lat_max
# Limits from data/rules.toml: every vertex is drawn for every visitor of the Deployments map (a 1,000,000-vertex
# layer cost each view 7-10 s and 26 MB), and a coordinate is a plain number of a few digits.
MAX_FEATURES = limit("geojson_features")
MAX_POSITIONS = limit("geojson_positions")
MAX_NUMBER_CHARS = limit("geojson_number_chars")
MAX_PROBLEMS = 10
_WGS84_CRS = re.compile(r"(CRS84|EPSG::?4326|EPSG:4326)$", re.IGNORECASE)
_REGION_RE = re.compile(r"^\s*(?:region\s+)?(north|east|south|west)(?:\s+region)?\s*$", re.IGNORECASE)


class GeoError(ValueError):
    """The GeoJSON cannot be used. `problems` says why, in plain words."""

    def __init__(self, origin: str, problems: list[str]):
        self.origin = origin
        self.problems = problems
        shown = "\n".join(f"- {p}" for p in problems[:MAX_PROBLEMS])
        more = len(problems) - MAX_PROBLEMS
        super().__init__(
            f"{origin}: the boundaries were not imported; nothing was changed.\n{shown}"
            + (f"\n- … and {more} more" if more > 0 else "")
        )


def parse(text: str | bytes, origin: str) -> dict:
    """JSON text -> dict, or GeoError naming where the JSON breaks."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GeoError(origin, [f"is not UTF-8 text (bad byte at position {exc.start})"]) from None
    if not text.strip():
        raise GeoError(origin, ["is empty"])
    try:
        value = json.loads(text, parse_int=_plain_int, parse_float=_plain_float, parse_constant=_no_constant)
    except _NotPlain as exc:
        raise GeoError(origin, [str(exc)]) from None
    except json.JSONDecodeError as exc:
        raise GeoError(origin, [f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]) from None
    except RecursionError:
        raise GeoError(origin, ["is not valid JSON: nested too deeply"]) from None
    if not isinstance(value, dict):
        raise GeoError(origin, ["is not a GeoJSON object (expected a FeatureCollection)"])
    return value


class _NotPlain(ValueError):
    """A number in the file that is not a plain, short decimal number."""


def _plain_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NotPlain(
            f"has a number {len(text):,} digits long ('{text[:12]}…'); a coordinate is a plain number of at most "
            f"{MAX_NUMBER_CHARS} characters"
        )
    return int(text)


def _plain_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NotPlain(
            f"has a number {len(text):,} characters long ('{text[:12]}…'); a coordinate is a plain number of at "
            f"most {MAX_NUMBER_CHARS} characters"
        )
    value = float(text)
    if not math.isfinite(value):
        raise _NotPlain(f"has a number too large to be a coordinate ('{text[:20]}')")
    return value


def _no_constant(name: str):
    raise _NotPlain(f"has '{name}', which is not a number a map can use")


def _ring_area(ring: list) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:])) / 2


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _rings(geometry: dict) -> list[list] | None:
    """All linear rings of a Polygon or MultiPolygon, or None when the nesting is wrong."""
    coords = geometry.get("coordinates")
    if geometry.get("type") == "Polygon":
        polygons = [coords]
    elif geometry.get("type") == "MultiPolygon":
        polygons = coords if isinstance(coords, list) else None
    else:
        return None
    if not isinstance(polygons, list) or not polygons:
        return None
    rings = []
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return None
        for ring in polygon:
            if not isinstance(ring, list):
                return None
            rings.append(ring)
    return rings


def _check_geometry(geometry, where: str, counter: list[int]) -> list[str]:
    if not isinstance(geometry, dict):
        return [f"{where} has no geometry"]
    gtype = geometry.get("type")
    if gtype not in ("Polygon", "MultiPolygon"):
        return [f"{where} is a {gtype or 'missing'} geometry; only Polygon and MultiPolygon are accepted"]
    rings = _rings(geometry)
    if rings is None:
        return [f"{where}: the {gtype} coordinates are not nested as GeoJSON requires"]
    for ring in rings:
        counter[0] += len(ring)
        if counter[0] > MAX_POSITIONS:
            return [
                f"has more than {MAX_POSITIONS:,} coordinate pairs, the limit (every visitor's map draws each one); "
                "simplify it first, for example by asking the map service for maxAllowableOffset=0.0001 (about 10 m)"
            ]
        if len(ring) < 4:
            return [f"{where} has a ring with fewer than 4 positions"]
        for pos in ring:
            if not (isinstance(pos, list) and len(pos) >= 2 and _is_number(pos[0]) and _is_number(pos[1])):
                return [f"{where} has a position that is not a pair of numbers: {json.dumps(pos)[:60]}"]
            lon, lat = pos[0], pos[1]
            if -90 <= lon <= 90 and 90 < abs(lat) <= 180:
                return [
                    f"{where} has coordinates ({lon:.6g}, {lat:.6g}): longitude and latitude look swapped, and "
                    "the file is not in the Los Angeles area. GeoJSON needs WGS84 longitude first, latitude second."
                ]
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                return [
                    f"{where} has coordinates ({lon:.6g}, {lat:.6g}) outside longitude/latitude ranges: the "
                    "file is in a projected coordinate system (for example State Plane feet, WKID 102645), "
                    "not WGS84. Ask the map service for outSR=4326 (see the README) and import again."
                ]
            if not (LA_AREA[0] <= lon <= LA_AREA[2] and LA_AREA[1] <= lat <= LA_AREA[3]):
                return [
                    f"{where} has coordinates ({lon:.6g}, {lat:.6g}) that are not in the Los Angeles area: "
                    "longitude and latitude may be swapped, or the file is in another coordinate system. "
                    "GeoJSON needs WGS84 longitude first, latitude second."
                ]
        if ring[0][:2] != ring[-1][:2]:
            return [f"{where} has a ring that is not closed (its first and last positions differ)"]
        if len({(p[0], p[1]) for p in ring}) < 3 or _ring_area(ring) == 0:
            return [f"{where} has a ring with no area (its positions are repeated or on one line)"]
    return []


def _property(props: dict, names: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in props.items()}
    for name in names:
        if name.lower() in lowered and lowered[name.lower()] not in (None, ""):
            return lowered[name.lower()]
    return None


def _key(kind: str, raw) -> str | None:
    if kind == "board_district":
        if isinstance(raw, bool):
            return None
        if isinstance(raw, (int, float)) and float(raw).is_integer():
            raw = str(int(raw))
        text = str(raw).strip()
        return text if text in BOARD_DISTRICTS else None
    m = _REGION_RE.match(str(raw))
    return m.group(1).capitalize() if m else None


def boundaries(text: str | bytes, kind: str, origin: str) -> dict[str, dict]:
    """Validated GeoJSON -> {key: geometry}; raises GeoError listing every problem found."""
    if kind not in KINDS:
        raise ValueError(f"unknown boundary kind {kind!r}")
    doc = parse(text, origin)
    if doc.get("type") != "FeatureCollection":
        raise GeoError(origin, [f"is a GeoJSON {doc.get('type') or 'object without a type'}, not a FeatureCollection"])
    crs = doc.get("crs")
    if crs is not None:
        name = str((crs.get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
        if not _WGS84_CRS.search(name):
            raise GeoError(
                origin,
                [
                    f"declares the coordinate system '{name[:60]}', not WGS84 longitude/latitude "
                    "(EPSG:4326); ask the map service for outSR=4326"
                ],
            )
    features = doc.get("features")
    if not isinstance(features, list):
        raise GeoError(origin, ["has no 'features' list"])
    if not features:
        raise GeoError(origin, ["has no features (an empty FeatureCollection)"])
    if len(features) > MAX_FEATURES:
        raise GeoError(origin, [f"has {len(features)} features; an LAUSD boundary layer has at most a few"])
    names = ID_PROPERTIES[kind]
    wanted = BOARD_DISTRICTS if kind == "board_district" else REGIONS
    what = "board district" if kind == "board_district" else "region"
    problems: list[str] = []
    found: dict[str, dict] = {}
    counter = [0]
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"{where} is not a GeoJSON Feature")
            continue
        props = feature.get("properties") or {}
        raw = _property(props, names) if isinstance(props, dict) else None
        if raw is None:
            problems.append(f"{where} has no {' or '.join(names)} property naming its {what}")
            continue
        key = _key(kind, raw)
        if key is None:
            allowed = "1 to 7" if kind == "board_district" else ", ".join(REGIONS)
            problems.append(f"{where}: {str(raw)[:40]!r} is not a {what} ({allowed})")
            continue
        where = f"feature {number} ({what} {key})"
        if key in found:
            problems.append(f"{where} repeats a {what} that an earlier feature already has")
            continue
        geo_problems = _check_geometry(feature.get("geometry"), where, counter)
        problems.extend(geo_problems)
        if not geo_problems:
            found[key] = feature["geometry"]
    crs = [p for p in problems if "coordinate system" in p]
    if crs:  # one wrong-CRS message says it for every feature
        problems = [crs[0]] + [p for p in problems if "coordinate system" not in p]
    if not problems:
        missing = [k for k in wanted if k not in found]
        if missing:
            problems.append(f"lacks {what}s {', '.join(missing)}: the layer must hold all {len(wanted)}")
    if problems:
        raise GeoError(origin, problems)
    return {k: found[k] for k in wanted}


# ------------------------------------------------------------------------------------------- geometry helpers


def label_position(geometry: dict) -> tuple[float, float]:
    """(lon, lat) to write a polygon's label at: the area centroid of its largest outer ring."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best, best_area = None, -1.0
    for polygon in polygons:
        ring = polygon[0]
        a = cx = cy = 0.0
        for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(a) > best_area and a != 0:
            best_area, best = abs(a), (cx / (3 * a), cy / (3 * a))
    if best is None:  # degenerate rings: fall back to the mean vertex
        ring = polygons[0][0]
        best = (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return best
