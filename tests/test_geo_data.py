"""The reduced geography (data/basemap) and the 2018 school directory: reproducible, complete, small, honest.

Needs pyshp, openpyxl and shapely (in the test lock) and the originals in ../shared/geo (CI has them); without
that folder only the tests that read the originals are skipped, with the reason.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
from collections import Counter

import numpy as np
import openpyxl
import pytest
import shapefile
import shapely
from shapely.geometry import Point, shape

from tests.conftest import DATA, ROOT, read_csv

GEO = ROOT.parent / "shared" / "geo"
SCRIPT = ROOT / "scripts" / "make_basemap.py"
BASEMAP = DATA / "basemap"
LAYERS = ("neighbourhoods", "coastline", "board_districts_2012", "place_labels")
OUTPUTS = [f"basemap/{name}.geojson" for name in LAYERS] + ["school_directory_2018.csv"]
# Los Angeles County with a small margin (its full extent, Catalina and San Clemente islands included, in the
# county boundary file of ../shared/geo is lon -118.951..-117.646, lat 32.745..34.823).
LA_COUNTY_BBOX = (-118.96, 32.74, -117.64, 34.83)
# The byte budgets stated in data/basemap/README.md (a map page's data must stay under 250 kB in all).
BUDGETS = {"neighbourhoods": 135_000, "coastline": 12_000, "board_districts_2012": 25_000, "place_labels": 4_000}
BUDGET_ALL = 170_000

needs_originals = pytest.mark.skipif(not GEO.is_dir(), reason=f"{GEO} (the geo originals) is not here")


def layer(name: str) -> dict:
    return json.loads((BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))


def coordinates(geometry: dict) -> np.ndarray:
    return shapely.get_coordinates(shape(geometry))


def load_script():
    spec = importlib.util.spec_from_file_location("make_basemap", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------------------------- reproducible


@needs_originals
@pytest.mark.slow
def test_the_script_reproduces_the_committed_files_byte_for_byte(tmp_path):
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--geo", str(GEO), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    for name in OUTPUTS:
        made, committed = (tmp_path / name).read_bytes(), (DATA / name).read_bytes()
        assert made == committed, f"data/{name} is not what scripts/make_basemap.py makes: rerun the script"


@needs_originals
def test_the_script_refuses_originals_that_do_not_match_their_sums(tmp_path):
    fake = tmp_path / "geo"
    for path in GEO.rglob("*"):
        if path.is_file() and path.name != "SHA256SUMS":
            (fake / path.relative_to(GEO)).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(path, fake / path.relative_to(GEO))
    sums = (GEO / "SHA256SUMS").read_text(encoding="utf-8")
    line = next(ln for ln in sums.splitlines() if "neighborhoods.dbf" in ln)
    (fake / "SHA256SUMS").write_text(sums.replace(line, "0" * 64 + line[64:]), encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--geo", str(fake), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 2
    assert "not the expected ones" in run.stderr and "neighborhoods.dbf" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists(), "nothing may be written when the originals are refused"


# ------------------------------------------------------------------------------------------- layers


@needs_originals
def test_every_los_angeles_county_neighbourhood_is_there_once():
    with shapefile.Reader(str(GEO / "neighborhoods_latimes_v6/neighborhoods"), encoding="utf-8") as reader:
        expected = sorted(r["slug"] for r in reader.iterRecords() if r["county"] == "los-angeles")
    features = layer("neighbourhoods")["features"]
    # The geo README and the brief say 272; the v6 file holds 270 polygons with county == "los-angeles".
    assert len(expected) == 270
    assert [f["properties"]["slug"] for f in features] == expected
    assert all(set(f["properties"]) == {"name", "slug"} and f["properties"]["name"] for f in features)


def test_neighbours_still_share_their_borders():
    geoms = np.array([shape(f["geometry"]) for f in layer("neighbourhoods")["features"]])
    assert shapely.is_valid(geoms).all()
    assert shapely.coverage_is_valid(geoms), "simplification opened gaps or overlaps between neighbours"
    boards = np.array([shape(f["geometry"]) for f in layer("board_districts_2012")["features"]])
    assert shapely.is_valid(boards).all() and shapely.coverage_is_valid(boards)


def test_board_districts_2012_carry_their_id_and_vintage_and_no_member_names():
    collection = layer("board_districts_2012")
    props = [f["properties"] for f in collection["features"]]
    assert [p["district"] for p in props] == [1, 2, 3, 4, 5, 6, 7]
    assert all(p == {"district": p["district"], "vintage": "2012 plan, in force 2013-2022"} for p in props)
    text = json.dumps(collection)
    for member in ("Vladovic", "McKenna", "García", "Goldberg", "Melvoin", "Schmerelson", "Gonez"):
        assert member not in text


def test_coastline_is_the_mainland_coast():
    features = layer("coastline")["features"]
    assert features
    xy = np.concatenate([coordinates(f["geometry"]) for f in features])
    assert len(xy) > 100
    assert xy[:, 1].min() > 33.6, "the islands were to be left out"
    assert xy[:, 0].min() < -118.8 and xy[:, 0].max() > -118.2, "the coast runs from Malibu to Long Beach"


def test_place_labels_name_a_neighbourhood_and_sit_inside_it():
    hoods = {f["properties"]["slug"]: f for f in layer("neighbourhoods")["features"]}
    boards = shapely.union_all([shape(f["geometry"]) for f in layer("board_districts_2012")["features"]])
    labels = layer("place_labels")["features"]
    assert 8 <= len(labels) <= 15
    for f in labels:
        hood = hoods[f["properties"]["slug"]]
        assert f["properties"]["name"] == hood["properties"]["name"]
        point = shape(f["geometry"])
        assert shape(hood["geometry"]).contains(point) and boards.contains(point), f["properties"]["name"]


@pytest.mark.parametrize("name", LAYERS)
def test_every_layer_is_inside_la_county_and_carries_attribution_licence_and_vintage(name):
    collection = layer(name)
    x0, y0, x1, y1 = LA_COUNTY_BBOX
    xy = np.concatenate([coordinates(f["geometry"]) for f in collection["features"]])
    assert ((xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)).all()
    assert (np.round(xy, 5) == xy).all(), "coordinates are rounded to 5 decimals"
    meta = collection["metadata"]
    for key in ("attribution", "licence", "vintage", "upstream", "method"):
        assert meta.get(key, "").strip(), f"{name}: metadata.{key} is missing"
    expected = {
        "neighbourhoods": "Los Angeles Times, Mapping L.A.",
        "coastline": "County of Los Angeles",
        "board_districts_2012": "City of Los Angeles GeoHub",
        "place_labels": "Los Angeles Times",
    }[name]
    assert expected in meta["attribution"]


def test_layer_files_stay_within_their_stated_byte_budgets():
    sizes = {name: (BASEMAP / f"{name}.geojson").stat().st_size for name in LAYERS}
    for name, size in sizes.items():
        assert size <= BUDGETS[name], f"{name}.geojson is {size} bytes, over its budget of {BUDGETS[name]}"
    assert sum(sizes.values()) <= BUDGET_ALL
    readme = (BASEMAP / "README.md").read_text(encoding="utf-8")
    for name, size in sizes.items():
        assert f"{size:,}" in readme, f"data/basemap/README.md does not state the bytes of {name}.geojson"


def test_old_county_context_layer_is_gone_and_nothing_reads_it():
    assert not (BASEMAP / "la_context.geojson").exists()
    code = [*(DATA.parent / "components").rglob("*.py"), DATA.parent / "README.md", BASEMAP / "README.md"]
    assert not [p for p in code if "la_context" in p.read_text(encoding="utf-8")]


# ------------------------------------------------------------------------------------------- school directory


@pytest.fixture(scope="module")
def xlsx_active_lausd() -> list[dict]:
    if not GEO.is_dir():
        pytest.skip(f"{GEO} (the geo originals) is not here")
    book = openpyxl.load_workbook(GEO / "schools_cde_2018/pubschls_2018-06.xlsx", read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows)
    found = [dict(zip(header, r)) for r in rows]
    book.close()
    return [r for r in found if r["District"] == "Los Angeles Unified" and r["StatusType"] == "Active" and r["School"]]


def test_directory_holds_every_active_lausd_school_of_the_xlsx(xlsx_active_lausd):
    rows = read_csv("school_directory_2018")
    assert len(rows) == len(xlsx_active_lausd) == 1021
    assert Counter(r["charter"] for r in rows) == {"false": 743, "true": 278}
    assert {r["cds_code"] for r in rows} == {str(r["CDSCode"]) for r in xlsx_active_lausd}
    by_code = {str(r["CDSCode"]): r for r in xlsx_active_lausd}
    for r in rows:
        original = by_code[r["cds_code"]]
        assert r["name"] == original["School"].strip()
        assert abs(float(r["lat"]) - float(original["Latitude"])) < 5e-7
        assert abs(float(r["lon"]) - float(original["Longitude"])) < 5e-7


def test_directory_codes_are_unique_14_digit_text_and_levels_follow_the_rule():
    rows = read_csv("school_directory_2018")
    codes = [r["cds_code"] for r in rows]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 14 and c.isdigit() and c.startswith("1964733") for c in codes)
    rule = load_script().LEVEL_BY_SOC_TYPE
    assert all(r["level"] == rule[r["soc_type"]] for r in rows)
    assert all(r["source_id"] == "cde-pubschls-2018-06" and r["locator"] for r in rows)
    assert max(r["last_updated"] for r in rows) <= "2018-06-26"


# ------------------------------------------------------------------------------------------- matches


def test_every_match_points_to_a_directory_row_and_says_why():
    codes = {r["cds_code"] for r in read_csv("school_directory_2018")}
    for m in read_csv("school_directory_matches"):
        assert m["why"].strip() and m["reviewed_by"].strip()
        if m["cds_code"]:
            assert m["cds_code"] in codes, m
            assert m["match"] not in ("no_match", "ambiguous")
        else:
            assert m["match"] in ("no_match", "ambiguous")


def test_every_school_our_tables_name_has_a_reviewed_match_row():
    matches = {(m["in_table"], m["row_key"]): m for m in read_csv("school_directory_matches")}
    schools = {r["school_id"]: r for r in read_csv("schools")}
    for school_id, school in schools.items():
        assert matches[("schools", school_id)]["name_in_source"] == school["name"]
    # safe-passage sites name their school through school_id: its match is the schools row
    for site in read_csv("safe_passage_sites"):
        if site["school_id"]:
            assert ("schools", site["school_id"]) in matches, site["site_id"]
    for hall in read_csv("town_halls"):
        m = matches[("town_halls", hall["event_date"])]
        assert m["name_in_source"] == hall["school_name"]
        if hall["school_id"]:
            assert m["cds_code"] == matches[("schools", hall["school_id"])]["cds_code"]
    # the board-district and deployment tables name no school (only districts, regions and counts)
    for stem in ("board_districts", "deployments_by_board_district", "deployments_by_region", "deployment_facts"):
        assert "school_id" not in read_csv(stem)[0] and "school_name" not in read_csv(stem)[0]
    assert len(matches) == len(schools) + len(read_csv("town_halls"))


def test_matched_sites_now_have_a_directory_location():
    matched = {
        m["row_key"]: m["cds_code"]
        for m in read_csv("school_directory_matches")
        if m["in_table"] == "schools" and m["cds_code"]
    }
    sites = read_csv("safe_passage_sites")
    located = [s for s in sites if s["school_id"] in matched]
    assert len(sites) == 19 and len(located) == 17  # the other two name an area, not a school


# ------------------------------------------------------------------------------------------- build


def test_build_check_passes_with_the_new_tables():
    run = subprocess.run(
        [sys.executable, "-m", "data.build", "--check"], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    assert "school_directory " in run.stdout and "school_directory_matches" in run.stdout


def test_database_joins_matches_to_directory_points(test_database):
    import duckdb

    con = duckdb.connect(str(test_database), read_only=True)
    try:
        rows = con.execute(
            "SELECT m.row_key, d.lat, d.lon FROM school_directory_matches m "
            "JOIN school_directory d USING (cds_code) WHERE m.in_table = 'schools'"
        ).fetchall()
        total = con.execute("SELECT count(*), count(*) FILTER (WHERE charter) FROM school_directory").fetchone()
    finally:
        con.close()
    assert len(rows) == len(read_csv("schools")) == 20 and total == (1021, 278)
    boards = shapely.union_all([shape(f["geometry"]) for f in layer("board_districts_2012")["features"]])
    assert all(boards.contains(Point(lon, lat)) for _, lat, lon in rows)


@pytest.mark.parametrize("path", ["school_directory_2018.csv", "school_directory_matches.csv"])
def test_csv_files_are_plain_utf8_with_unix_newlines(path):
    raw = (DATA / path).read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    with open(DATA / path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len({len(r) for r in rows}) == 1
