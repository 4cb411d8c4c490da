"""Reduce the offline originals in ../shared/geo to the compact files the maps and the database use.

    python scripts/make_basemap.py                  # reads ../shared/geo, writes into data/
    python scripts/make_basemap.py --geo DIR        # the originals are somewhere else
    python scripts/make_basemap.py --out DIR        # write DIR/basemap/*.geojson and DIR/*.csv instead of data/

Needs Python 3.11+ with pyshp, openpyxl and shapely (2.1 or newer, for coverage_simplify); nothing else, and no
network. It first checks every original against ../shared/geo/SHA256SUMS and against the hashes written below,
and refuses to run on any difference. The output is deterministic: a rerun on the same originals with the same
libraries writes the same bytes (tests/test_geo_data.py checks this against the committed files).

Writes (see data/basemap/README.md for what each layer may and may not be used for):
  basemap/neighbourhoods.geojson        LA Times "Mapping L.A." v6, the polygons with county == "los-angeles"
  basemap/coastline.geojson             County of Los Angeles boundary lines with bdry_type == "coast", mainland
  basemap/board_districts_2012.geojson  LAUSD Board of Education districts, 2012 plan (in force 2013-2022)
  basemap/place_labels.geojson          a few neighbourhood names for the first view, chosen by PLACE_LABEL_RULE
  school_directory_2018.csv             CDE public schools directory (June 2018): active LAUSD schools

Nothing is drawn, moved or named by hand: every vertex comes from an original (simplified, rounded), every
name is an original's name, and every choice is a rule written in this file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GEO = ROOT.parent / "shared" / "geo"
DEFAULT_OUT = ROOT / "data"

# The originals this script reads, with the sha256 they had when it was written (../shared/geo/SHA256SUMS).
ORIGINALS = {
    "neighborhoods_latimes_v6/neighborhoods.shp": "5cf138ef0c581882da76594e988bc9d29b200c867299931a2d06d1c41cd8e207",
    "neighborhoods_latimes_v6/neighborhoods.shx": "7384f2639fd1143d6296ba5fc430986ab8c2ccc8096a4e95e3904f45fca61c6b",
    "neighborhoods_latimes_v6/neighborhoods.dbf": "cfec3812c5655fd9acbb99c6d918053dc8eabe747bcbc91817e3ad8841037f13",
    "neighborhoods_latimes_v6/neighborhoods.prj": "98aaf3d1c0ecadf1a424a4536de261c3daf4e373697cb86c40c43b989daf52eb",
    "la_county_city_boundaries/city_boundaries.shp": "f66c16debdf48c9be4adb2a0d8fdd7e40451cd2bff8bee875620eab164cc39a6",
    "la_county_city_boundaries/city_boundaries.shx": "c61f521a62a2f77705ab78982c70bda2ec71cb77b2c5a1d8e4aa1b074cfe7a68",
    "la_county_city_boundaries/city_boundaries.dbf": "dc066a41b49ee7f9731ef072a7865599182ccb89b9069f81f5d404ba24a98e67",
    "la_county_city_boundaries/city_boundaries.prj": "6fca3c99acc500cfaded6e2ca1bb4d48ba2a15c13eccf24faa1811e0730cd4a7",
    "board_districts_2012/lausd_board_districts_2012_plan.geojson": "ab0788b09a62d19615b27504462259a8b27187d0c1ef48c3dee7f3e3b3ff7eb9",
    "schools_cde_2018/pubschls_2018-06.xlsx": "1eafe763560784209db6cb7505c84562d31f67e9af2eef9ff66c5ebb0e278534",
}

# ------------------------------------------------------------------------------------------- parameters
DIGITS = 5  # coordinates rounded to 5 decimals (about 1 m); 4 decimals collapsed three tiny harbour parts
# Visvalingam-Whyatt tolerance of shapely.coverage_simplify, in degrees (roughly the square root of the area of
# the triangles removed; 0.001 degree is about 100 m here). Neighbourhoods at least NEAR_LAUSD_SHARE inside
# LAUSD (the union of the 2012 board-district polygons) keep the most detail, those around it in the first view
# less, the rest of the county least (see neighbourhoods_layer).
NEIGHBOURHOOD_TOLERANCE_NEAR = 0.003
NEIGHBOURHOOD_TOLERANCE_VIEW = 0.01
NEIGHBOURHOOD_TOLERANCE_FAR = 0.03
NEAR_LAUSD_SHARE = 0.5
VIEW_MARGIN = 0.1
BOARD_DISTRICT_TOLERANCE = 0.002
# Douglas-Peucker tolerance for the coastline (degrees; 0.0005 degree is about 50 m).
COASTLINE_TOLERANCE = 0.001
# Coast lines lying wholly south of this latitude are the islands (Santa Catalina, San Clemente): dropped.
MAINLAND_MIN_LAT = 33.6
# A frame around LA County, used only to close the county's outline during simplification (never written).
FRAME = (-119.5, 32.5, -117.0, 35.5)

PLACE_LABEL_COUNT = 12
PLACE_LABEL_MIN_KM = 10.0
PLACE_LABEL_MIN_SHARE = 0.9
PLACE_LABEL_RULE = (
    f"Neighbourhoods with at least {PLACE_LABEL_MIN_SHARE:.0%} of their area inside LAUSD (the union of the 2012 "
    "board-district polygons), ranked by the number of active LAUSD schools of the June 2018 CDE directory inside "
    "the polygon (ties by slug); taken in that order, skipping any whose label point is within "
    f"{PLACE_LABEL_MIN_KM:g} km of a name already taken, until {PLACE_LABEL_COUNT}. Label point: polylabel "
    "(tolerance 0.0005 degree) of the largest part of the simplified polygon."
)

LEVEL_BY_SOC_TYPE = {  # our `level` code from the directory's SOCType; an unknown SOCType stops the script
    "Elementary Schools (Public)": "elementary",
    "Intermediate/Middle Schools (Public)": "middle",
    "High Schools (Public)": "high",
    "Continuation High Schools": "high",
    "K-12 Schools (Public)": "k12",
    "Special Education Schools (Public)": "special_education",
    "Adult Education Centers": "adult",
    "Preschool": "preschool",
    "Alternative Schools of Choice": "other",
    "District Community Day Schools": "other",
    "Opportunity Schools": "other",
    "ROC/ROP": "other",
}
DIRECTORY_SOURCE_ID = "cde-pubschls-2018-06"
DIRECTORY_LOCATOR = "directory row for this CDS code"
DIRECTORY_COLUMNS = [
    "cds_code",
    "name",
    "street",
    "city",
    "zip",
    "charter",
    "soc_type",
    "ed_ops_name",
    "grades_offered",
    "level",
    "lat",
    "lon",
    "open_date",
    "last_updated",
    "source_id",
    "locator",
]

ATTRIBUTION = {
    "neighbourhoods": {
        "title": "Los Angeles County neighbourhoods and cities (Mapping L.A., version 6)",
        "attribution": "Los Angeles Times, Mapping L.A.",
        "licence": "CC BY-NC-SA (Los Angeles Times Data Desk); keep the attribution visible under the map",
        "vintage": "data from 2013",
        "upstream": "Los Angeles Times Data Desk, boundaries.latimes.com, neighborhoods v6",
        "copied_from": "github.com/datadesk/boundaries.latimes.com, shapefiles/neighborhoods/v6/, "
        "snapshot 1eaeafa3871e7237a89c2e1e59e6ff7d68fa97e0",
    },
    "coastline": {
        "title": "Los Angeles County mainland coastline",
        "attribution": "County of Los Angeles",
        "licence": "Los Angeles County GIS terms of use",
        "vintage": "not recorded by the publisher; before May 2021",
        "upstream": "County of Los Angeles (Department of Public Works), City Boundaries for Los Angeles County, "
        "lines with bdry_type coast",
        "copied_from": "github.com/hackforla/data-science, Pedestrian_Data/Shape_Files/"
        "City_Boundaries_for_Los_Angeles_County/, commit e3e62f9da7101820f07f3ec20775af988006db95",
    },
    "board_districts_2012": {
        "title": "LAUSD Board of Education districts, 2012 plan (lines in force 2013-2022)",
        "attribution": "City of Los Angeles GeoHub — LAUSD Board of Education districts, 2012 plan (2013-2022)",
        "licence": "City of Los Angeles open data",
        "vintage": "2012 plan, in force 2013-2022",
        "upstream": "City of Los Angeles GeoHub, LAUSD Board of Education Districts (LAUSD_Schools MapServer 7)",
        "copied_from": "github.com/CordThomas/find-my-prepresentative, data/la_lausd_districts.geojson, "
        "commit e556c319cd854db7e0a7a3f08d38acfe1a731e70",
        "use": "a labelled context layer only: these are NOT the districts of the 2023-24 figures (lines moved in "
        "2022); never shade 2023-24 counts onto them. Member names dropped (they were the 2019-20 board).",
    },
    "place_labels": {
        "title": "Place names for the first view of the maps",
        "attribution": "Los Angeles Times, Mapping L.A. (names and polygons)",
        "licence": "CC BY-NC-SA (Los Angeles Times Data Desk)",
        "vintage": "data from 2013",
        "upstream": "names and polygons of neighbourhoods.geojson; choice ranked with the CDE public schools "
        "directory of June 2018 and placed inside LAUSD by the 2012 board-district polygons",
        "copied_from": "derived by scripts/make_basemap.py",
    },
}


class RefusedError(Exception):
    """The originals are missing or not the ones this script was written for."""


# ------------------------------------------------------------------------------------------- originals


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_originals(geo: Path) -> None:
    """Check every file listed in geo/SHA256SUMS, and that the files read here carry the expected hashes."""
    sums_file = geo / "SHA256SUMS"
    if not sums_file.is_file():
        raise RefusedError(f"{sums_file} is missing: cannot check the originals, so nothing was written.")
    listed = {}
    for line in sums_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            listed[name.lstrip("*").strip()] = digest.lower()
    problems = []
    for name, digest in sorted(listed.items()):
        path = geo / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif _sha256(path) != digest:
            problems.append(f"{name} does not match its sha256 in SHA256SUMS")
    for name, digest in sorted(ORIGINALS.items()):
        if listed.get(name) != digest:
            problems.append(f"{name} is not listed in SHA256SUMS with the hash this script was written for")
    if problems:
        raise RefusedError(
            "The originals in "
            + str(geo)
            + " are not the expected ones, so nothing was written:\n"
            + "\n".join(f"- {p}" for p in problems)
        )


# ------------------------------------------------------------------------------------------- geometry helpers


def _round(value: float) -> float:
    value = round(float(value), DIGITS)
    return 0.0 if value == 0 else value


def _ring(coords) -> list[list[float]]:
    return [[_round(x), _round(y)] for x, y in coords]


def _geometry(geom) -> dict:
    """A shapely (Multi)Polygon, (Multi)LineString or Point as a GeoJSON dict with rounded coordinates."""
    import shapely

    kind = geom.geom_type
    if kind == "Point":
        return {"type": "Point", "coordinates": [_round(geom.x), _round(geom.y)]}
    if kind == "LineString":
        return {"type": "LineString", "coordinates": _ring(geom.coords)}
    if kind == "MultiLineString":
        return {"type": "MultiLineString", "coordinates": [_ring(g.coords) for g in geom.geoms]}
    if kind in ("Polygon", "MultiPolygon"):
        geom = shapely.orient_polygons(geom)  # RFC 7946: exterior rings counter-clockwise, holes clockwise
        polys = [geom] if kind == "Polygon" else list(geom.geoms)
        rings = [[_ring(p.exterior.coords)] + [_ring(r.coords) for r in p.interiors] for p in polys]
        return (
            {"type": "Polygon", "coordinates": rings[0]}
            if kind == "Polygon"
            else {"type": "MultiPolygon", "coordinates": rings}
        )
    raise ValueError(f"unexpected geometry type {kind}")


def _rounded(geom):
    """The geometry as it is written (rounded), for checks."""
    from shapely.geometry import shape

    return shape(_geometry(geom))


def _collection(layer: str, features: list[dict], method: str) -> dict:
    meta = dict(ATTRIBUTION[layer])
    meta.update(
        {
            "made_by": "scripts/make_basemap.py",
            "method": method,
            "coordinates": f"lon/lat WGS84 (EPSG:4326), rounded to {DIGITS} decimals",
        }
    )
    return {"type": "FeatureCollection", "metadata": meta, "features": features}


def _dump(obj) -> bytes:
    return (json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def _check_coverage(geoms, what: str) -> None:
    import numpy as np
    import shapely

    arr = np.asarray(geoms)
    if not all(shapely.is_valid(arr)):
        raise RuntimeError(f"{what}: a simplified polygon is not valid")
    if not shapely.coverage_is_valid(arr):
        raise RuntimeError(f"{what}: the simplified polygons overlap or no longer share their borders")


# ------------------------------------------------------------------------------------------- layers


def read_board_districts(geo: Path) -> list[tuple[int, object]]:
    from shapely.geometry import shape

    data = json.loads((geo / "board_districts_2012/lausd_board_districts_2012_plan.geojson").read_text("utf-8"))
    districts = sorted((int(f["properties"]["DISTRICT"]), shape(f["geometry"])) for f in data["features"])
    if [d for d, _ in districts] != list(range(1, 8)):
        raise RuntimeError("the board-district file does not hold districts 1-7 once each")
    return districts


def board_districts_layer(districts) -> tuple[dict, list]:
    import numpy as np
    import shapely

    geoms = np.array([g for _, g in districts])
    if not shapely.coverage_is_valid(geoms):
        raise RuntimeError("the 2012 board-district polygons do not form a clean coverage")
    simplified = shapely.coverage_simplify(geoms, BOARD_DISTRICT_TOLERANCE)
    _check_coverage([_rounded(g) for g in simplified], "board districts")
    features = [
        {
            "type": "Feature",
            "properties": {"district": d, "vintage": "2012 plan, in force 2013-2022"},
            "geometry": _geometry(g),
        }
        for (d, _), g in zip(districts, simplified)
    ]
    method = (
        f"shapely.coverage_simplify (Visvalingam-Whyatt on shared edges, once per edge), tolerance "
        f"{BOARD_DISTRICT_TOLERANCE} degree; fields kept: DISTRICT (as district); MEMBER, TOOLTIP and "
        f"URLs dropped"
    )
    return _collection("board_districts_2012", features, method), list(simplified)


def read_neighbourhoods(geo: Path) -> list[tuple[dict, object]]:
    import shapefile
    import shapely
    from shapely.geometry import shape

    out = []
    with shapefile.Reader(str(geo / "neighborhoods_latimes_v6/neighborhoods"), encoding="utf-8") as reader:
        for shp, rec in zip(reader.iterShapes(), reader.iterRecords()):
            if rec["county"] != "los-angeles":
                continue
            geom = shape(shp.__geo_interface__)
            if not geom.is_valid:  # four polygons have a ring touching itself; repair keeps every vertex
                geom = shapely.make_valid(geom, method="structure")
            # name and slug only: the file's `region` (e.g. "south-la") would read as an LAUSD region
            props = {"name": rec["name"], "slug": rec["slug"]}
            out.append((props, geom))
    out.sort(key=lambda item: item[0]["slug"])
    return out


def neighbourhoods_layer(hoods, lausd) -> tuple[dict, list]:
    """Coverage simplification in three passes, so that shared borders stay shared and every border is simplified
    once, at the tolerance of the finer of the two neighbourhoods it separates.

    Tiers: NEAR = at least NEAR_LAUSD_SHARE of the area inside LAUSD (union of the 2012 board-district polygons);
    VIEW = the others that reach into the LAUSD extent widened by VIEW_MARGIN degrees (what the first view shows
    around the district); FAR = the rest of the county. Pass 1 simplifies the FAR polygons, together with the
    rest of a frame around the county (sea and neighbouring counties, so that the county outline is an inner edge
    too), keeping the outer boundary of that set: the edges they share with VIEW and NEAR polygons do not move.
    Pass 2 does the same for FAR and VIEW together; pass 3 simplifies all of them at the NEAR tolerance.
    """
    import numpy as np
    import shapely

    geoms = np.array([g for _, g in hoods])
    if not shapely.coverage_is_valid(geoms):
        raise RuntimeError("the neighbourhood polygons do not form a clean coverage")
    near = shapely.area(shapely.intersection(geoms, lausd)) >= NEAR_LAUSD_SHARE * shapely.area(geoms)
    x0, y0, x1, y1 = lausd.bounds
    view_box = shapely.box(x0 - VIEW_MARGIN, y0 - VIEW_MARGIN, x1 + VIEW_MARGIN, y1 + VIEW_MARGIN)
    view = ~near & shapely.intersects(geoms, view_box)
    far = ~near & ~view
    rest = shapely.get_parts(shapely.difference(shapely.box(*FRAME), shapely.union_all(geoms)))
    staged = geoms.copy()
    for chosen, tolerance in ((far, NEIGHBOURHOOD_TOLERANCE_FAR), (far | view, NEIGHBOURHOOD_TOLERANCE_VIEW)):
        part = staged[chosen]
        staged[chosen] = shapely.coverage_simplify(np.concatenate([part, rest]), tolerance, simplify_boundary=False)[
            : len(part)
        ]
    simplified = shapely.coverage_simplify(staged, NEIGHBOURHOOD_TOLERANCE_NEAR)
    _check_coverage([_rounded(g) for g in simplified], "neighbourhoods")
    features = [
        {"type": "Feature", "properties": props, "geometry": _geometry(g)} for (props, _), g in zip(hoods, simplified)
    ]
    method = (
        f"shapely.coverage_simplify (Visvalingam-Whyatt; each shared border simplified once, so neighbours "
        f"still share their borders), tolerance {NEIGHBOURHOOD_TOLERANCE_NEAR} degree for the "
        f"{int(near.sum())} neighbourhoods at least {NEAR_LAUSD_SHARE:.0%} inside LAUSD (2012 board-district "
        f"union), {NEIGHBOURHOOD_TOLERANCE_VIEW} degree for the {int(view.sum())} others reaching within "
        f"{VIEW_MARGIN} degree of its extent, {NEIGHBOURHOOD_TOLERANCE_FAR} degree for the {int(far.sum())} "
        f"others; a border takes the finer tolerance of its two sides; four self-touching source rings "
        f"repaired first with shapely.make_valid(method='structure')"
    )
    return _collection("neighbourhoods", features, method), list(simplified)


def coastline_layer(geo: Path) -> dict:
    import shapefile
    import shapely
    from shapely.geometry import MultiLineString, shape

    lines = []
    with shapefile.Reader(str(geo / "la_county_city_boundaries/city_boundaries"), encoding="utf-8") as reader:
        for shp, rec in zip(reader.iterShapes(), reader.iterRecords()):
            if rec["bdry_type"] == "coast":
                geom = shape(shp.__geo_interface__)
                lines.extend(geom.geoms if geom.geom_type == "MultiLineString" else [geom])
    merged = shapely.line_merge(MultiLineString(lines))
    parts = list(merged.geoms) if merged.geom_type == "MultiLineString" else [merged]
    mainland = [p for p in parts if p.bounds[3] >= MAINLAND_MIN_LAT]
    simplified = [shapely.simplify(p, COASTLINE_TOLERANCE, preserve_topology=True) for p in mainland]
    simplified = [g for g in simplified if g.length > 0]
    simplified.sort(key=lambda g: (-g.length, g.coords[0]))
    geometry = MultiLineString(simplified)
    features = [{"type": "Feature", "properties": {"kind": "coast"}, "geometry": _geometry(geometry)}]
    method = (
        f"lines with bdry_type 'coast' merged (shapely.line_merge); parts lying wholly south of latitude "
        f"{MAINLAND_MIN_LAT} (Santa Catalina and San Clemente islands) dropped; Douglas-Peucker "
        f"(shapely.simplify, preserve_topology) at {COASTLINE_TOLERANCE} degree"
    )
    return _collection("coastline", features, method)


def place_labels_layer(hoods, simplified, lausd, schools: list[dict]) -> dict:
    import shapely
    from shapely.geometry import Point
    from shapely.ops import polylabel

    points = [Point(float(s["lon"]), float(s["lat"])) for s in schools]
    tree = shapely.STRtree(points)
    candidates = []
    for (props, original), geom in zip(hoods, simplified):
        largest = max(shapely.get_parts(geom), key=lambda p: p.area)
        label = polylabel(largest, tolerance=0.0005)
        label = Point(_round(label.x), _round(label.y))
        if original.intersection(lausd).area < PLACE_LABEL_MIN_SHARE * original.area or not geom.contains(label):
            continue
        count = len(tree.query(original, predicate="contains"))
        candidates.append((-count, props["slug"], props, label))
    candidates.sort(key=lambda c: (c[0], c[1]))
    chosen = []
    for _, _, props, label in candidates:
        if all(_km(label, other) >= PLACE_LABEL_MIN_KM for _, other in chosen):
            chosen.append((props, label))
        if len(chosen) == PLACE_LABEL_COUNT:
            break
    features = [
        {"type": "Feature", "properties": {"name": p["name"], "slug": p["slug"]}, "geometry": _geometry(pt)}
        for p, pt in sorted(chosen, key=lambda c: c[0]["slug"])
    ]
    return _collection("place_labels", features, PLACE_LABEL_RULE)


def _km(a, b) -> float:
    import math

    lat = math.radians((a.y + b.y) / 2)
    return math.hypot((a.x - b.x) * 111.32 * math.cos(lat), (a.y - b.y) * 110.57)


# ------------------------------------------------------------------------------------------- school directory


def _decimal(text: str, places: int = 6) -> str:
    value = Decimal(str(text).strip()).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    out = format(value.normalize(), "f")
    return out if "." in out else out + ".0"


def _date(value) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    # dates before 1900 are stored as text, month/day/year
    return dt.datetime.strptime(str(value).strip(), "%m/%d/%Y").date().isoformat()


def read_directory(geo: Path) -> list[dict]:
    """Active LAUSD schools of the June 2018 directory, by CDS code (the district office's own row, without a
    school name, is not a school and is left out)."""
    import openpyxl

    book = openpyxl.load_workbook(geo / "schools_cde_2018/pubschls_2018-06.xlsx", read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        out = []
        for values in rows:
            r = dict(zip(header, values))
            if r["District"] != "Los Angeles Unified" or r["StatusType"] != "Active" or not r["School"]:
                continue
            if r["Charter"] not in ("Y", "N"):
                raise RuntimeError(f"CDS {r['CDSCode']}: Charter is {r['Charter']!r}, not Y or N")
            if r["SOCType"] not in LEVEL_BY_SOC_TYPE:
                raise RuntimeError(f"CDS {r['CDSCode']}: SOCType {r['SOCType']!r} has no level rule; add one")
            out.append(
                {
                    "cds_code": str(r["CDSCode"]).strip(),
                    "name": str(r["School"]).strip(),
                    "street": str(r["Street"] or "").strip(),
                    "city": str(r["City"] or "").strip(),
                    "zip": str(r["Zip"] or "").strip(),
                    "charter": "true" if r["Charter"] == "Y" else "false",
                    "soc_type": r["SOCType"],
                    "ed_ops_name": str(r["EdOpsName"] or "").strip(),
                    "grades_offered": str(r["GSoffered"] or "").strip(),
                    "level": LEVEL_BY_SOC_TYPE[r["SOCType"]],
                    "lat": _decimal(r["Latitude"]),
                    "lon": _decimal(r["Longitude"]),
                    "open_date": _date(r["OpenDate"]),
                    "last_updated": _date(r["LastUpDate"]),
                    "source_id": DIRECTORY_SOURCE_ID,
                    "locator": DIRECTORY_LOCATOR,
                }
            )
    finally:
        book.close()
    out.sort(key=lambda r: r["cds_code"])
    codes = [r["cds_code"] for r in out]
    if len(set(codes)) != len(codes) or not all(len(c) == 14 and c.isdigit() for c in codes):
        raise RuntimeError("CDS codes are not unique 14-digit codes")
    return out


def directory_csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=DIRECTORY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


# ------------------------------------------------------------------------------------------- main


def make(geo: Path) -> dict[str, bytes]:
    """Every output file (path relative to the output folder) and its bytes."""
    import shapely

    verify_originals(geo)
    districts = read_board_districts(geo)
    lausd = shapely.union_all([g for _, g in districts])
    schools = read_directory(geo)
    hoods = read_neighbourhoods(geo)
    board, _ = board_districts_layer(districts)
    neighbourhoods, simplified = neighbourhoods_layer(hoods, lausd)
    return {
        "basemap/neighbourhoods.geojson": _dump(neighbourhoods),
        "basemap/coastline.geojson": _dump(coastline_layer(geo)),
        "basemap/board_districts_2012.geojson": _dump(board),
        "basemap/place_labels.geojson": _dump(place_labels_layer(hoods, simplified, lausd, schools)),
        "school_directory_2018.csv": directory_csv(schools),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geo", type=Path, default=DEFAULT_GEO, help="folder of the originals (../shared/geo)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (data/)")
    args = parser.parse_args(argv)
    try:
        files = make(args.geo)
    except RefusedError as exc:
        print(exc, file=sys.stderr)
        return 2
    except RuntimeError as exc:  # an original that breaks an assumption of this script; nothing was written
        print(f"Stopped, nothing was written: {exc}", file=sys.stderr)
        return 1
    for name, data in files.items():
        path = args.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
