"""The base map under every map's data, from the files in data/basemap/ (see its README), drawn offline:

- land: the Mapping L.A. neighbourhoods and cities of Los Angeles County as one quiet fill, with each border
  between two of them as one thin line (geo.mesh: a shared border is sent once, not twice);
- the county's mainland coastline;
- the outline of LAUSD: the outer boundary of the 2012-plan board districts (the district's outer boundary does
  not move with redistricting; the inner lines do, so they are drawn only as dashed context lines that say what
  they are, see `board_district_lines`);
- a few place names (data/basemap/place_labels.geojson), left out where they would overlap the map's own
  labels at a view's zoom.

A missing or unreadable file leaves its layer (and its credit) out; the map still draws.

Each layer's attribution, licence and vintage come from its file's metadata and go into the caption under the
map (`attribution`), in English and Spanish.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pydeck as pdk

from components.charts.maps import geo
from components.charts.maps.deck import FirstView, first_view, text_layer
from components.i18n import t

LAND = [241, 239, 233, 255]
BORDER = [206, 201, 189, 255]
COAST = [96, 139, 173, 255]
OUTLINE = [75, 85, 99, 255]
PLACE_INK = [75, 85, 99, 255]
LINES_2012 = [120, 113, 108, 255]
PLACE_SIZE = 12
# Base geometry is sent in whole units of 0.0001 degree (about 10 m: a position moves at most 5 m, far below a
# pixel at the first view's 145 m per pixel); points (schools) in units of 0.00001 degree, as the directory
# publishes them to 5 or 6 decimals.
BASE_UNIT, POINT_UNIT = 1e-4, 1e-5


@dataclass(frozen=True)
class Base:
    layers: tuple  # bottom to top, under the data
    view: FirstView
    place_names: tuple  # rows for the place-name labels (lon, lat, label)
    drawn: tuple  # names of the files drawn (for the caption)
    grid: geo.Grid  # how base geometry is sent
    points: geo.Grid  # how point layers (schools) are sent


def _grids(view: FirstView) -> tuple[geo.Grid, geo.Grid]:
    origin = (round(view.longitude, 2), round(view.latitude, 2))
    return geo.Grid(origin, BASE_UNIT), geo.Grid(origin, POINT_UNIT)


def _paths(grid: geo.Grid, paths) -> list[list[int]]:
    return [grid.flat(p) for p in paths]


def _path_layer(layer_id: str, grid: geo.Grid, data, **style) -> pdk.Layer:
    """A PathLayer of flat XY paths on `grid` (see geo.Grid)."""
    return pdk.Layer(
        "PathLayer",
        id=layer_id,
        data=data,
        get_path=style.pop("get_path", "-"),
        position_format=pdk.types.String("XY"),
        model_matrix=grid.model_matrix,
        pickable=style.pop("pickable", False),
        **style,
    )


@lru_cache(maxsize=4)
def _lausd(file_key: tuple) -> tuple[geo.Extent | None, tuple]:
    districts = geo.collection("board_districts_2012")
    if not districts:
        return None, ()
    return geo.extent_of(districts["features"]), geo.mesh(districts["features"]).outer


def lausd_extent() -> geo.Extent | None:
    """The bounding box of LAUSD (the 2012-plan districts' union): where the maps open."""
    return _lausd(_file_key())[0]


def _file_key() -> tuple:
    out = []
    for name in geo.LAYERS:
        path = geo.BASEMAP_DIR / f"{name}.geojson"
        try:
            out.append(path.stat().st_mtime_ns)
        except OSError:
            out.append(None)
    return tuple(out)


# Neighbourhoods are sent if they reach within this many degrees (lon, lat) of the district: more than a wide
# screen or the full-screen map shows around it. Without the district file the maps open on what they draw.
FRAME_MARGIN = (0.9, 0.6)


@lru_cache(maxsize=4)
def _base(file_key: tuple) -> Base:
    extent, lausd_rings = _lausd(file_key)
    neighbourhoods = geo.collection("neighbourhoods")
    features = neighbourhoods["features"] if neighbourhoods else []
    if extent and features:
        features = geo.near(features, extent.widened(*FRAME_MARGIN))
    extent = extent or geo.extent_of(features)
    view = first_view(extent) if extent else FirstView(0.0, 0.0, 1.0)
    grid, points = _grids(view)
    layers, drawn = [], []
    if features:
        mesh = geo.mesh(features)
        layers.append(
            pdk.Layer(
                "PolygonLayer",
                id="base-land",
                # in degrees: deck.gl triangulates polygons on the CPU, before any model matrix
                data=[[[[round(x, 4), round(y, 4)] for x, y in ring] for ring in polygon] for polygon in mesh.land],
                get_polygon="-",
                filled=True,
                stroked=True,
                get_fill_color=LAND,
                get_line_color=BORDER,
                line_width_min_pixels=1,
                pickable=False,
            )
        )
        layers.append(
            _path_layer(
                "base-borders", grid, _paths(grid, mesh.inner), get_color=BORDER, width_min_pixels=1, width_max_pixels=1
            )
        )
        drawn.append("neighbourhoods")
    coast = geo.collection("coastline")
    if coast:
        lines = [line for f in coast["features"] for line in f["geometry"]["coordinates"]]
        layers.append(
            _path_layer(
                "base-coast", grid, _paths(grid, lines), get_color=COAST, width_min_pixels=1.5, width_max_pixels=1.5
            )
        )
        drawn.append("coastline")
    if lausd_rings:
        layers.append(
            _path_layer(
                "base-lausd",
                grid,
                _paths(grid, lausd_rings),
                get_color=OUTLINE,
                width_min_pixels=1.6,
                width_max_pixels=1.6,
            )
        )
        drawn.append("lausd_outline")
    places = geo.collection("place_labels")
    names = ()
    if places:
        names = tuple(
            {
                "lon": f["geometry"]["coordinates"][0],
                "lat": f["geometry"]["coordinates"][1],
                "label": f["properties"]["name"],
                "r": 0,
            }
            for f in places["features"]
        )
        drawn.append("place_labels")
    return Base(tuple(layers), view, names, tuple(drawn), grid, points)


def base() -> Base:
    """The base layers, built once per process (and again if a file in data/basemap/ changes)."""
    return _base(_file_key())


def place_name_layer(rows: list[dict]) -> pdk.Layer:
    """Place names: grey and lighter than the data's labels."""
    return text_layer(
        "base-places",
        rows,
        PLACE_SIZE,
        get_color=PLACE_INK,
        get_background_color=[255, 255, 255, 170],
        font_weight=pdk.types.String("600"),
    )


@lru_cache(maxsize=4)
def _lines_2012(file_key: tuple) -> tuple:
    districts = geo.collection("board_districts_2012")
    return tuple(geo.mesh(districts["features"]).inner) if districts else ()


def board_district_lines(lang: str) -> pdk.Layer | None:
    """The inner lines of the 2012-plan board districts as dashed grey context: no fill, no figure, nothing
    but a tooltip that says what they are (they are not the districts of the 2023-24 figures)."""
    paths = _lines_2012(_file_key())
    if not paths:
        return None
    grid = base().grid
    tip = t("map.bd2012.tip", lang)
    return _path_layer(
        "context-bd-2012",
        grid,
        [{"path": grid.flat(p), "t": tip, "hide": "none"} for p in paths],
        get_path="path",
        get_color=LINES_2012,
        width_min_pixels=1.5,
        width_max_pixels=1.5,
        extensions=[{"@@type": "PathStyleExtension", "dash": True}],
        get_dash_array=[6, 4],
        dash_justified=True,
        pickable=True,
    )


def attribution(drawn: tuple[str, ...], lang: str) -> str:
    """'Base map, drawn offline: neighbourhoods and cities: Los Angeles Times, Mapping L.A. (CC BY-NC-SA …;
    data from 2013) · …' — one item per file drawn, each with its attribution from the file's metadata."""
    items = []
    for name in drawn:
        file = "board_districts_2012" if name in ("lausd_outline", "board_district_lines") else name
        meta = geo.metadata(file)
        if not meta.get("attribution"):
            continue
        items.append(
            t(
                "map.attr.item",
                lang,
                layer=t(f"map.layer.{name}", lang),
                attribution=meta["attribution"],
                licence=t(f"map.licence.{file}", lang),
                vintage=t(f"map.vintage.{file}", lang),
            )
        )
    return t("map.attr.intro", lang, items=" · ".join(items)) if items else ""
