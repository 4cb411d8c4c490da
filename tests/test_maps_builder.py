"""The shared map builder (components/charts/maps/) on the real data, read back from the JSON the browser gets:
sites drawn only where a reviewed match or a source locates them, no 2023-24 figure on a 2012 polygon, every
school of the 2018 directory, each layer's credits in the caption, offline settings with the wheel's zoom off,
labels that do not overlap at the first view, and a page-data budget."""

from __future__ import annotations

import csv
import json
import math
import re

import pytest

import queries
from components.charts.maps import base, deck, geo, schools, sites
from components.charts.maps import deployments as dep_map
from components.i18n import CATALOG
from components.views import community
from components.views import deployments as dep_view
from tests.conftest import DATA

YEAR = "2023-24"


def csv_rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def spec_json(spec, step: int = 0) -> dict:
    return json.loads(deck.deck(spec, step).to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def deployments_block(lang="en", kind="board_district", bd=None, region=None, schools_on=True):
    return dep_view.map_view(YEAR, lang, "published", kind, region, bd, schools_on).block


# ------------------------------------------------------------------------------------------- located sites


def _decode(item: dict) -> tuple[float, float]:
    return round(item["lon"], 5), round(item["lat"], 5)


def test_every_drawn_site_has_a_reviewed_match_or_a_sourced_coordinate():
    directory = {r["cds_code"]: (float(r["lon"]), float(r["lat"])) for r in csv_rows("school_directory_2018")}
    reviewed = {
        (r["in_table"], r["row_key"]): r["cds_code"]
        for r in csv_rows("school_directory_matches")
        if r["cds_code"] and r["reviewed_by"].strip() and r["why"].strip()
    }
    sourced = {
        r["school_id"]: (float(r["lon"]), float(r["lat"]))
        for r in csv_rows("school_locations")
        if r["is_primary"] == "true"
    }
    allowed_sites, allowed_halls = {}, {}
    for r in csv_rows("safe_passage_sites"):
        code = reviewed.get(("schools", r["school_id"]))
        where = directory[code] if code else sourced.get(r["school_id"])
        if where:
            allowed_sites.setdefault(tuple(round(v, 5) for v in where), []).append(r["site_id"])
    for r in csv_rows("town_halls"):
        code = reviewed.get(("town_halls", r["event_date"]))
        if code:
            allowed_halls[tuple(round(v, 5) for v in directory[code])] = r["event_date"]
    spec = spec_json(community.sites_map_block("en", True).spec)
    drawn_sites = [_decode(p) for p in layer(spec, "sites")["data"]]
    drawn_halls = [_decode(p) for p in layer(spec, "town-halls")["data"]]
    assert all(p in allowed_sites for p in drawn_sites), set(drawn_sites) - set(allowed_sites)
    assert all(p in allowed_halls for p in drawn_halls)
    # one point per located site (two programs at Washington Prep share a point): 17 of 19; 4 of 4 town halls
    assert len(drawn_sites) == sum(len(v) for v in allowed_sites.values()) == 17
    assert len(drawn_halls) == len(csv_rows("town_halls")) == 4
    area_only = [r for r in csv_rows("safe_passage_sites") if not r["school_id"]]
    assert len(area_only) == 2  # what stays unlocated: sites that name an area, not a school


def test_the_map_says_how_many_named_sites_are_drawn_and_why_the_rest_are_not():
    frame = queries.run("safe_passage_sites").frame
    halls = queries.run("town_halls").frame
    counts = sites.counts(frame, halls)
    assert counts | {"published": None} == {
        "sites": 19,
        "drawn": 17,
        "from_directory": 17,
        "from_source": 0,
        "area_only": 2,
        "unmatched": 0,
        "halls": 4,
        "halls_drawn": 4,
        "published": None,
    }
    text = sites.caption(counts, "en")
    assert text.startswith("17 of 19 named safe-passage sites are drawn, 17 of them at the state school directory")
    assert "(CDE, June 2018)" in text and "Not drawn: 2 that name an area, not a school." in text
    assert "Se dibujan 17 de 19" in sites.caption(counts, "es")


def test_statuses_say_when_they_were_reported_and_never_plain_running():
    assert sites.status_text("running", 2004, False) == "● reported running in 2004 · status now unknown"
    assert sites.status_text("running", 2024, True) == "● reported running in 2024"
    assert sites.status_text("proposed", 2006, False) == "▲ proposed in 2006 · status now unknown"
    assert sites.status_text("ended", 2024, True) == "■ reported ended in 2024"
    assert sites.status_text("unknown", 2014, False) == "◆ status unknown (last report 2014)"
    assert sites.status_text("running", None, False).startswith("● reported running (undated)")
    spec = spec_json(community.sites_map_block("en", False).spec, 2)  # zoomed in: every school's own label
    texts = [p["t"] for p in layer(spec, "sites")["data"]]
    texts += [label["label"] for label in layer(spec, "site-labels")["data"]]
    for text in texts:
        assert not re.search(r"(?<!reported )\brunning\b", text), text
    assert any("reported running in 2004" in text for text in texts)
    legend = sites.legend("en")
    assert "● reported running" in legend and "status now unknown" in legend


# ------------------------------------------------------------------------------------------- 2012 polygons


@pytest.mark.parametrize("kind, bd, region", [("board_district", 7, None), ("region", None, "West")])
def test_no_2023_24_figure_is_drawn_on_a_2012_polygon(kind, bd, region):
    spec = spec_json(deployments_block(kind=kind, bd=bd, region=region).spec)
    lines = layer(spec, "context-bd-2012")
    assert lines["@@type"] == "PathLayer"  # lines: nothing is filled
    assert not any(key in lines for key in ("getFillColor", "filled", "getElevation", "getRadius"))
    assert all(set(item) == {"path", "t", "hide"} for item in lines["data"])
    tips = {item["t"] for item in lines["data"]}
    assert tips == {CATALOG["map.bd2012.tip"]["en"]}
    assert set(re.findall(r"\d+", tips.pop())) == {"2013", "2022"}  # no count on them
    # its vertices are the 2012 file's inner lines, decoded through the layer's model matrix
    matrix = lines["modelMatrix"]
    grid = geo.Grid((matrix[12], matrix[13]), matrix[0])
    file_vertices = {
        (round(x, 5), round(y, 5))
        for f in geo.collection("board_districts_2012")["features"]
        for polygon in (
            f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]
        )
        for ring in polygon
        for x, y in ring
    }
    drawn = [grid.decode(*item["path"][i : i + 2]) for item in lines["data"] for i in range(0, len(item["path"]), 2)]
    assert all(any(abs(x - fx) <= 5.1e-5 and abs(y - fy) <= 5.1e-5 for fx, fy in file_vertices) for x, y in drawn[:100])
    # the only layers holding counts are the symbols and their labels, at the label points
    with_counts = {item["id"] for item in spec["layers"] if "deployments" in json.dumps(item.get("data", ""))}
    assert with_counts == {"dep-symbols"}


# ------------------------------------------------------------------------------------------- schools


def test_schools_layer_holds_every_active_lausd_school_of_the_directory():
    rows = csv_rows("school_directory_2018")
    spec = spec_json(deployments_block().spec)
    district, charter = layer(spec, "schools-district"), layer(spec, "schools-charter")
    assert len(district["data"]) + len(charter["data"]) == len(rows) == 1021
    assert len(charter["data"]) == sum(r["charter"] == "true" for r in rows) == 278
    # told apart by shape, not colour alone: filled dots, and rings (white inside, grey edge)
    assert district["filled"] and not district.get("stroked")
    assert charter["stroked"] and charter["getFillColor"][:3] == [255, 255, 255]
    assert district["getFillColor"][:3] == charter["getLineColor"][:3]
    names = {r["name"] for r in rows}
    tips = [item["t"] for item in district["data"] + charter["data"]]
    assert {t.split("\n")[0] for t in tips} == names
    assert all(t.endswith("· charter") for t in (item["t"] for item in charter["data"]))
    assert all(t.endswith("· district-run") for t in (item["t"] for item in district["data"]))
    # the tooltip's source line is written once, in the template; other layers' objects hide it
    assert all("hide" not in item for item in district["data"])
    assert all(item["hide"] == "none" for item in layer(spec, "dep-symbols")["data"])


def test_tooltip_template_carries_the_schools_source_once():
    block = deployments_block()
    tip = deck.deck(block.spec)._tooltip
    assert "{t}" in tip["html"] and "display:{hide}" in tip["html"]
    assert "CDE school directory, June 2018" in tip["html"]
    assert "Directorio escolar del CDE, junio 2018" in deck.deck(deployments_block("es").spec)._tooltip["html"]


def test_school_count_line_is_from_the_data_and_is_not_the_districts_site_count():
    directory = queries.run("school_directory_points").frame
    line = schools.count_line(directory, "en")
    assert line.startswith(
        "Schools: 1,021 active schools in the state directory of June 2018 (743 district-run, 278 charter)"
    )
    assert "780" not in line and "not the district's count of sites" in line


# ------------------------------------------------------------------------------------------- credits


def _metadata(name: str) -> dict:
    return geo.metadata(name)


@pytest.mark.parametrize("name", ["neighbourhoods", "coastline", "place_labels", "board_districts_2012"])
def test_catalog_licence_and_vintage_are_the_files_own_words(name):
    meta = _metadata(name)
    assert CATALOG[f"map.vintage.{name}"]["en"] == meta["vintage"]
    assert CATALOG[f"map.licence.{name}"]["en"] == meta["licence"].split(";")[0]


@pytest.mark.parametrize("which", ["deployments", "community"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_layer_carries_its_attribution_and_vintage_into_the_caption(which, lang):
    block = deployments_block(lang) if which == "deployments" else community.sites_map_block(lang, True)
    caption = re.sub(r"\\(.)", r"\1", block.captions[-1])  # as the reader sees it
    files = ["neighbourhoods", "coastline", "place_labels", "board_districts_2012"]
    for name in files:
        meta = _metadata(name)
        assert meta["attribution"] in caption, name
        assert CATALOG[f"map.vintage.{name}"][lang] in caption, name
        assert CATALOG[f"map.licence.{name}"][lang] in caption, name
    key = "map.layer.board_district_lines" if which == "deployments" else "map.layer.lausd_outline"
    assert CATALOG[key][lang] in caption
    # the schools' source is cited with the count
    schools_caption = re.sub(r"\\(.)", r"\1", " ".join(block.captions))
    assert "California Department of Education" in schools_caption


# ------------------------------------------------------------------------------------------- offline, controls


@pytest.mark.parametrize("which", ["deployments", "community"])
def test_maps_are_offline_and_the_wheel_does_not_zoom(which):
    block = deployments_block() if which == "deployments" else community.sites_map_block("en", True)
    text = deck.deck(block.spec).to_json()
    spec = json.loads(text)
    assert spec["mapStyle"] == "__MAP_STYLE__" and "mapProvider" not in spec
    assert "http" not in text and "mapbox" not in text.lower() and "cartocdn" not in text
    controller = spec["views"][0]["controller"]
    assert spec["views"][0]["@@type"] == "MapView"
    assert controller["scrollZoom"] is False and controller["dragRotate"] is False
    assert controller["doubleClickZoom"] is True and controller["touchZoom"] is True
    view = spec["initialViewState"]
    assert view["minZoom"] == view["zoom"]  # never farther out than the first view, where labels were placed


def test_zoom_steps_and_reset_are_cached_variants_of_one_map():
    block = deployments_block()
    first, again = deck.deck(block.spec), deck.deck(block.spec)
    assert first is again  # serialized once
    closer = json.loads(deck.deck(block.spec, 2).to_json())
    assert closer["initialViewState"]["zoom"] == pytest.approx(block.spec.view.zoom + 2)
    assert closer["views"][0]["id"] == "map-0"
    assert json.loads(deck.deck(block.spec, 0, reset=1).to_json())["views"][0]["id"] == "map-1"
    assert deck.deck(block.spec, 99).to_json() == deck.deck(block.spec, deck.ZOOM_STEPS[-1]).to_json()


def test_first_view_shows_the_whole_district_on_a_phone():
    view = base.base().view
    extent = base.lausd_extent()
    w, h = deck.FIRST_VIEW_PX
    for lon in (extent.lon_min, extent.lon_max):
        for lat in (extent.lat_min, extent.lat_max):
            x, y = deck.to_pixels(lon, lat, view)
            assert abs(x) <= w / 2 and abs(y) <= h / 2


# ------------------------------------------------------------------------------------------- labels


def _boxes(spec: dict, ids: tuple[str, ...], view) -> list[deck.LabelBox]:
    boxes = []
    for item in spec["layers"]:
        if item["id"] not in ids:
            continue
        for d in item["data"]:
            x, y = deck.to_pixels(d["lon"], d["lat"], view)
            w, h = deck.text_size(d["label"], item["getSize"])
            dx, dy = d["offset"]
            left = {"start": x + dx, "middle": x + dx - w / 2, "end": x + dx - w}[d["anchor"]]
            top = {"top": y + dy, "center": y + dy - h / 2, "bottom": y + dy - h}[d["baseline"]]
            boxes.append(deck.LabelBox(left, top, w, h))
    return boxes


LABEL_LAYERS = ("dep-labels", "site-labels", "base-places")


@pytest.mark.parametrize(
    "make",
    [
        deployments_block,
        lambda: deployments_block("es", bd=7),
        lambda: deployments_block(kind="region", region="West"),
        lambda: community.sites_map_block("en", True),
        lambda: community.sites_map_block("es", False),
    ],
    ids=["dep-bd", "dep-bd7-es", "dep-region", "sites-en", "sites-es"],
)
def test_labels_do_not_overlap_and_fit_a_phone_at_the_first_view(make):
    block = make()
    spec = spec_json(block.spec)
    boxes = _boxes(spec, LABEL_LAYERS, block.spec.view)
    assert boxes
    for i, a in enumerate(boxes):
        assert a.inside(deck.NARROW_FRAME), a
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b, gap=0), (a, b)


def test_every_count_is_labelled_at_the_first_view():
    spec = spec_json(deployments_block(bd=3).spec)
    labels = sorted(d["label"] for d in layer(spec, "dep-labels")["data"])
    assert labels == ["BD 1: 6", "BD 2: 4", "BD 3: 4 (selected)", "BD 4: 6", "BD 5: 6", "BD 6: 7", "BD 7: 8"]


# ------------------------------------------------------------------------------------------- geometry


def test_each_shared_border_is_sent_once_and_the_land_covers_the_polygons():
    features = geo.collection("neighbourhoods")["features"]
    m = geo.mesh(features)
    edges = [frozenset(e) for path in m.inner for e in zip(path, path[1:])]
    assert len(edges) == len(set(edges))  # no border twice
    areas = sum(
        geo.signed_area(ring)
        for f in features
        for polygon in (
            f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]
        )
        for ring in polygon
    )
    land = sum(geo.signed_area(ring) for polygon in m.land for ring in polygon)
    assert land == pytest.approx(areas, rel=1e-9)


def test_positions_on_the_grid_move_by_at_most_half_a_unit():
    grid = base.base().grid
    coast = geo.collection("coastline")["features"][0]["geometry"]["coordinates"]
    for line in coast:
        flat = grid.flat(line)
        for (lon, lat), i in zip(line, range(0, len(flat), 2)):
            x, y = grid.decode(flat[i], flat[i + 1])
            assert math.isclose(x, lon, abs_tol=grid.unit / 2 + 1e-12)
            assert math.isclose(y, lat, abs_tol=grid.unit / 2 + 1e-12)


# ------------------------------------------------------------------------------------------- page data


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_map_stays_within_its_share_of_the_page_data_budget(lang):
    # a map page's data (websocket bytes) must stay under 250 kB; the rest of either page takes 30-70 kB
    for block in (deployments_block(lang), community.sites_map_block(lang, True)):
        size = len(deck.deck(block.spec).to_json().encode())
        assert size <= 160_000, size
    assert len(deck.deck(deployments_block(lang, schools_on=False).spec).to_json().encode()) <= 65_000


def test_drawn_layer_names_for_the_caption():
    assert dep_map.drawn_layers(True)[:3] == ("neighbourhoods", "coastline", "board_district_lines")
    assert "lausd_outline" in dep_map.drawn_layers(False)


def test_a_missing_or_broken_base_file_is_left_out_not_fatal(tmp_path):
    assert geo.collection("neighbourhoods", tmp_path) is None
    (tmp_path / "coastline.geojson").write_text("{not json", encoding="utf-8")
    assert geo.collection("coastline", tmp_path) is None and geo.metadata("coastline", tmp_path) == {}
    (tmp_path / "place_labels.geojson").write_text('{"type": "Feature"}', encoding="utf-8")
    assert geo.collection("place_labels", tmp_path) is None
