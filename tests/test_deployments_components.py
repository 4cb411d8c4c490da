"""Deployments components: figures carry the values, the map deck has the expected layers, data and offline
settings, map clicks are read back safely, and the GeoJSON checks refuse what would draw a wrong map."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import queries
from components.charts import deployments as deployment_charts
from components.charts.maps import deck as map_deck
from components.charts.maps import deployments as maps
from data import geojson as geo
from tests import deployments_support as synth

YEAR = "2023-24"


@pytest.fixture(scope="module")
def bd():
    return queries.run("deployments_by_board_district", school_year=YEAR).frame


@pytest.fixture(scope="module")
def points():
    return queries.run("dep_label_points").frame


def test_bars_carry_counts_and_mark_the_selection_without_colour_alone(bd):
    fig = deployment_charts.bars(bd, "board_district", 3, "By board district")
    bar = fig.data[0]
    assert list(bar.x)[::-1] == bd["deployments"].tolist() == [6, 4, 4, 6, 6, 7, 8]
    labels = dict(zip(bar.y, bar.text))
    assert labels["BD 3"] == "4 · 9.8% · selected"
    assert labels["BD 7"] == "8 · 19.5%"
    shapes = dict(zip(bar.y, bar.marker.pattern.shape))
    assert shapes["BD 3"] == "/" and shapes["BD 7"] == ""
    alt = deployment_charts.bars_alt(bd, "board_district", 3, "published totals")
    assert "Board District 7: 8 (19.5%)" in alt and "Selected: Board District 3" in alt


def test_bars_in_spanish(bd):
    fig = deployment_charts.bars(bd, "board_district", None, "x", "es")
    assert "DJ 1" in list(fig.data[0].y)


def test_symbols_deck_layers_and_offline_settings(bd, points):
    rows = maps.symbol_rows(points, bd, "board_district", "7", "LAUSD slide", "en")
    assert [r["key"] for r in rows] == [str(n) for n in range(1, 8)]
    r7 = next(r for r in rows if r["key"] == "7")
    assert r7["deployments"] == 8 and r7["label"] == "BD 7: 8 (selected)" and r7["fill"][:3] == maps.ORANGE
    assert "8 deployments · 19.5% of 41" in r7["t"] and "LAUSD slide" in r7["t"]
    assert "approximate label position, not a boundary" in r7["t"]
    # circle area ∝ count
    r2 = next(r for r in rows if r["key"] == "2")
    assert (r7["radius"] / r2["radius"]) ** 2 == pytest.approx(8 / 4)
    spec = json.loads(map_deck.deck(maps.spec("board_district", symbols=rows)).to_json())
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == [
        "base-land",
        "base-borders",
        "base-coast",
        "base-lausd",
        "context-bd-2012",
        "dep-symbols",
        "base-places",
        "dep-labels",
    ]
    assert spec["mapStyle"] == "__MAP_STYLE__"  # pydeck's no-basemap marker: Streamlit fetches no tiles
    assert "mapProvider" not in spec
    labels = next(layer for layer in spec["layers"] if layer["id"] == "dep-labels")
    assert labels["characterSet"] == "auto"
    assert sorted(d["label"] for d in labels["data"]) == sorted(r["label"] for r in rows)


def test_choropleth_features_and_campus_points(bd):
    shapes = geo.boundaries(json.dumps(synth.board_districts()), "board_district", "test")
    frame = pd.DataFrame({"key": list(shapes), "geometry": [json.dumps(g) for g in shapes.values()]})
    features = maps.polygon_features(frame, bd, "board_district", None, "src", "en")
    props = {f["properties"]["key"]: f["properties"] for f in features}
    assert props["7"]["deployments"] == 8 and props["7"]["fill"][3] == 210  # the largest count, darkest
    assert props["2"]["fill"][3] < props["7"]["fill"][3]
    campus = pd.DataFrame(
        {
            "school": ["A", "B", "C"],
            "board_district": [1, 1, 2],
            "region": ["West", "West", "East"],
            "lat": [34.0, None, None],
            "lon": [-118.3, None, None],
            "cds_code": [None, "19647331932383", None],  # B: Dorsey's CDS code; C: no location at all
            "deployments": [2, 1, 4],
            "reasons": ["community-violence"] * 3,
        }
    )
    directory = queries.run("school_directory_points").frame
    rows = maps.campus_rows(campus, directory)
    assert [r["lat"] for r in rows] == [34.0, 34.022994]  # B at the directory's location; C not drawn
    assert "state school directory's location" in rows[1]["t"] and "Staff-imported record" in rows[0]["t"]
    spec = maps.spec("board_district", polygons=features, campuses=rows)
    ids = [layer.id for layer in map_deck.deck(spec).layers]
    assert ids[-4:] == ["dep-boundaries", "dep-campuses", "base-places", "dep-labels"]
    assert "context-bd-2012" not in ids  # imported current lines replace the 2012 context


@pytest.mark.parametrize(
    "selection, expected",
    [
        ({"objects": {"dep-symbols": [{"kind": "board_district", "key": "3"}]}}, ("board_district", "3")),
        ({"objects": {"dep-boundaries": [{"properties": {"kind": "region", "key": "West"}}]}}, ("region", "West")),
        ({"objects": {"dep-symbols": [{"kind": "board_district", "key": "9"}]}}, None),
        ({"objects": {"dep-symbols": [{"kind": "region", "key": "<script>"}]}}, None),
        ({"objects": {"basemap": [{"kind": "board_district", "key": "1"}]}}, None),
        ({"objects": {}}, None),
        ({}, None),
        (None, None),
    ],
)
def test_picked_reads_only_known_districts_and_regions(selection, expected):
    assert maps.picked(selection) == expected


def test_legend_says_label_points_are_approximate():
    text = " ".join(maps.legend("board_district", False, False, True))
    assert "approximate label positions" in text and "NOT at boundaries" in text
    assert "2013-2022, before the 2022 redistricting" in text
    imported = " ".join(maps.legend("board_district", True, False, False))
    assert "approximate" not in imported.split("Background")[0] and "2013-2022" not in imported


# ------------------------------------------------------------------------------------------- geo checks


def test_valid_polygons_by_district_boe_and_region_properties():
    assert list(geo.boundaries(json.dumps(synth.board_districts()), "board_district", "f")) == [
        str(n) for n in range(1, 8)
    ]
    assert len(geo.boundaries(json.dumps(synth.board_districts("BOE")), "board_district", "f")) == 7
    assert list(geo.boundaries(json.dumps(synth.regions()), "region", "f")) == ["North", "East", "South", "West"]


def _refused(doc, kind="board_district") -> str:
    with pytest.raises(geo.GeoError) as info:
        geo.boundaries(doc if isinstance(doc, (str, bytes)) else json.dumps(doc), kind, "layer.geojson")
    return str(info.value)


def test_wrong_crs_state_plane_feet_refused_once_with_advice():
    msg = _refused(synth.to_state_plane(synth.board_districts()))
    assert "State Plane" in msg and "outSR=4326" in msg and msg.count("coordinate system") == 1


def test_swapped_lon_lat_and_declared_crs_refused():
    doc = synth.board_districts()
    for f in doc["features"]:
        f["geometry"]["coordinates"] = [[[y, x] for x, y in ring] for ring in f["geometry"]["coordinates"]]
    assert "not in the Los Angeles area" in _refused(doc)
    doc = synth.board_districts()
    doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2229"}}
    assert "EPSG::2229" in _refused(doc)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("{not json", "not valid JSON"),
        ("", "is empty"),
        ("[1, 2]", "not a GeoJSON object"),
        ('{"type": "FeatureCollection", "features": []}', "no features"),
        ('{"type": "Feature"}', "not a FeatureCollection"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_malformed_or_empty_refused(text, phrase):
    assert phrase in _refused(text)


def test_bad_ids_types_and_missing_districts_refused():
    doc = synth.board_districts()
    doc["features"][0]["properties"]["DISTRICT"] = 9
    assert "'9' is not a board district" in _refused(doc)
    doc = synth.board_districts()
    doc["features"][1]["properties"]["DISTRICT"] = 1
    assert "repeats" in _refused(doc)
    doc = synth.board_districts()
    del doc["features"][6]
    assert "lacks board districts 7" in _refused(doc)
    doc = synth.board_districts()
    doc["features"][0]["geometry"] = {"type": "Point", "coordinates": [-118.3, 34.0]}
    assert "only Polygon and MultiPolygon" in _refused(doc)
    doc = synth.regions()
    doc["features"][0]["properties"]["Region"] = "Central"
    assert "'Central' is not a region" in _refused(doc, "region")
    doc = synth.board_districts()
    del doc["features"][0]["properties"]["DISTRICT"]
    assert "no DISTRICT or BOE property" in _refused(doc)
