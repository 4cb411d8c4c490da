"""The Deployments map's own layers, on the shared base map (deck.py, base.py): frames in, a MapSpec out.

- Without official boundaries: one proportional symbol (circle area ∝ count) per board district or region at
  its label point (data/map_label_points.csv) — an approximate label position, not a boundary, and the
  tooltip and legend say so. The 2012-plan board-district lines are drawn under them only as dashed grey
  context, labelled with their years; no count is ever put on a 2012 polygon (they are not the districts
  of the 2023-24 figures).
- With imported boundaries: a choropleth of the current polygons, labelled with the counts (as before).
- Staff-imported campus records add one small point per campus: at the state directory's location when the
  record carries a CDS code, else at the record's own lat/lon.
- Counts are written on the map, and the selected group is outlined and labelled "selected", so colour never
  carries meaning alone.
"""

from __future__ import annotations

import json
import math
from functools import partial

import pandas as pd
import pydeck as pdk

from components.charts.maps import base as basemap
from components.charts.maps import schools as school_layer
from components.charts.maps.deck import MapSpec, place_labels, text_layer, to_pixels, tooltip
from components.charts.maps.geo import metres_per_pixel
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt
from components.text.labels import group_label, short_label
from data.geojson import label_position

LAYER_IDS = {
    "symbols": "dep-symbols",
    "boundaries": "dep-boundaries",
    "labels": "dep-labels",
    "campuses": "dep-campuses",
    "lines_2012": "context-bd-2012",
}
PICKABLE_LAYERS = (LAYER_IDS["symbols"], LAYER_IDS["boundaries"])
BLUE, ORANGE, VERMILLION = [0, 114, 178], [230, 159, 0], [213, 94, 0]
SYMBOL_METRES_PER_SQRT = 950.0  # circle radius = this × √count: area proportional to the count
LABEL_SIZE = 13
HIDE = "none"  # hides the school layer's source line in this object's tooltip (deck.tooltip)


def _key_col(kind: str) -> str:
    return "board_district" if kind == "board_district" else "region"


def _tip(kind: str, key, n, share, total, source: str, note: str, lang: str, names=None) -> str:
    return "\n".join(
        [
            group_label(kind, key, lang, names),
            t(
                "dep.map.tip_count",
                lang,
                n=fmt.number(n, lang),
                share=fmt.percent(share, lang),
                total=fmt.number(total, lang),
            ),
            t("dep.map.tip_source", lang, source=source),
            note,
        ]
    )


def _label(kind: str, key, n: int, sel: bool, lang: str, names=None) -> str:
    return f"{short_label(kind, key, lang, names)}: {fmt.number(n, lang)}" + (
        f" ({t('dep.selected', lang)})" if sel else ""
    )


def symbol_rows(
    points: pd.DataFrame, counts: pd.DataFrame, kind: str, selected, source: str, lang: str = "en", names=None
) -> list[dict]:
    """One row per group with a label point: position, radius, colours, label and tooltip text. `names`: region
    key -> the name in the reader's language (components/views/names.py)."""
    key_col = _key_col(kind)
    pts = points[points["kind"] == kind].set_index("key")
    total = int(counts["deployments"].sum()) if len(counts) else 0
    rows = []
    for _, r in counts.iterrows():
        key = str(r[key_col])
        if key not in pts.index:
            continue
        p = pts.loc[key]
        sel = selected is not None and str(selected) == key
        n = int(r["deployments"])
        rows.append(
            {
                "kind": kind,
                "key": key,
                "lat": float(p["lat"]),
                "lon": float(p["lon"]),
                "deployments": n,
                "share": float(r["share"]),
                "radius": SYMBOL_METRES_PER_SQRT * math.sqrt(max(n, 0)),
                "fill": (ORANGE if sel else BLUE) + [255],
                "line": [17, 24, 39, 255],
                "line_width": 4 if sel else 1,
                "label": _label(kind, key, n, sel, lang, names),
                "t": _tip(kind, key, n, r["share"], total, source, t("dep.map.tip_approx", lang), lang, names),
                "hide": HIDE,
            }
        )
    return rows


def polygon_features(
    boundaries: pd.DataFrame, counts: pd.DataFrame, kind: str, selected, source: str, lang: str = "en", names=None
) -> list[dict]:
    """Imported polygons as GeoJSON features carrying count, share, fill colour, label position and tooltip."""
    key_col = _key_col(kind)
    by_key = {str(r[key_col]): r for _, r in counts.iterrows()}
    total = int(counts["deployments"].sum()) if len(counts) else 0
    top = max([int(r["deployments"]) for r in by_key.values()] or [1]) or 1
    features = []
    for _, b in boundaries.iterrows():
        key = str(b["key"])
        geometry = json.loads(b["geometry"])
        r = by_key.get(key)
        n = int(r["deployments"]) if r is not None else 0
        share = float(r["share"]) if r is not None else 0.0
        sel = selected is not None and str(selected) == key
        lon, lat = label_position(geometry)
        props = {
            "kind": kind,
            "key": key,
            "deployments": n,
            "share": share,
            "lon": lon,
            "lat": lat,
            "fill": BLUE + [int(40 + 170 * n / top)],
            "line": [17, 24, 39, 255] if sel else [255, 255, 255, 255],
            "line_width": 4 if sel else 1.5,
            "label": _label(kind, key, n, sel, lang, names),
            "t": _tip(kind, key, n, share, total, source, t("dep.map.tip_boundary", lang), lang, names),
            "hide": HIDE,
        }
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return features


def campus_rows(
    points: pd.DataFrame, directory: pd.DataFrame | None = None, lang: str = "en", names=None
) -> list[dict]:
    """Campus points of the staff records: at the directory's coordinates for a record's CDS code (checked at
    import), else at the record's own lat/lon; a campus with neither is not drawn."""
    located = directory.set_index("cds_code")[["lat", "lon"]] if directory is not None else None
    rows = []
    for _, r in points.iterrows():
        code = r.get("cds_code")
        if isinstance(code, str) and located is not None and code in located.index:
            lat, lon = located.loc[code, "lat"], located.loc[code, "lon"]
            where = t("map.campus.at_directory", lang)
        elif not (pd.isna(r["lat"]) or pd.isna(r["lon"])):
            lat, lon, where = r["lat"], r["lon"], t("map.campus.at_record", lang)
        else:
            continue
        n = int(r["deployments"])
        rows.append(
            {
                "lat": float(lat),
                "lon": float(lon),
                "deployments": n,
                "radius": 260.0 * math.sqrt(n),
                "t": "\n".join(
                    [
                        str(r["school"]),
                        t(
                            "dep.map.tip_campus",
                            lang,
                            n=fmt.number(n, lang),
                            bd=t("filter.bd_n", lang, n=int(r["board_district"])),
                            region=(names or {}).get(r["region"], r["region"]),
                            reasons=r["reasons"],
                        ),
                        where,
                        t("dep.map.tip_staff", lang),
                    ]
                ),
                "hide": HIDE,
            }
        )
    return rows


def _symbol_layer(rows: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "ScatterplotLayer",
        id=LAYER_IDS["symbols"],
        data=rows,
        get_position=["lon", "lat"],
        get_radius="radius",
        radius_min_pixels=5,
        get_fill_color="fill",
        get_line_color="line",
        get_line_width="line_width",
        line_width_units=pdk.types.String("pixels"),
        stroked=True,
        pickable=True,
        auto_highlight=True,
    )


def _polygon_layer(features: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer",
        id=LAYER_IDS["boundaries"],
        data={"type": "FeatureCollection", "features": features},
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color="properties.line",
        get_line_width="properties.line_width",
        line_width_units=pdk.types.String("pixels"),
        pickable=True,
        auto_highlight=True,
    )


def _campus_layer(rows: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "ScatterplotLayer",
        id=LAYER_IDS["campuses"],
        data=rows,
        get_position=["lon", "lat"],
        get_radius="radius",
        radius_min_pixels=3,
        get_fill_color=VERMILLION + [230],
        get_line_color=[255, 255, 255, 255],
        line_width_min_pixels=1,
        stroked=True,
        pickable=True,
    )


@cached
def spec(
    kind: str,
    symbols: list[dict] | None = None,
    polygons: list[dict] | None = None,
    campuses: list[dict] | None = None,
    directory: pd.DataFrame | None = None,
    lang: str = "en",
) -> MapSpec:
    """The map: base, the 2012 lines (only under symbols), schools, the counts, campus points, then labels."""
    b = basemap.base()
    layers = list(b.layers)
    lines_2012 = None if polygons else basemap.board_district_lines(lang)
    if lines_2012 is not None:
        layers.append(lines_2012)
    if directory is not None:
        layers += school_layer.layers(directory, lang)
    rows = [f["properties"] for f in polygons] if polygons else (symbols or [])
    if polygons:
        layers.append(_polygon_layer(polygons))
    elif symbols:
        layers.append(_symbol_layer(symbols))
    if campuses:
        layers.append(_campus_layer(campuses))
    source = school_layer.tip_source(directory, lang) if directory is not None else ""
    labels = partial(_labels, tuple(rows), bool(polygons), b.place_names)
    return MapSpec(tuple(layers), b.view, tooltip(source), labels)


def _labels(rows, polygons: bool, place_names, view, frame=None) -> tuple:
    """At a view's zoom: the counts beside their circles (or on their polygons), then the place names that
    overlap none of them."""
    mpp = metres_per_pixel(view.latitude, view.zoom)
    circles, items = [], []
    for r in rows:
        radius = 0 if polygons else max(r["radius"] / mpp, 5)
        circles.append((*to_pixels(r["lon"], r["lat"], view), radius))
        items.append({"lon": r["lon"], "lat": r["lat"], "label": r["label"], "r": radius})
    taken: list = []
    counts = place_labels(items, view, LABEL_SIZE, circles, taken, frame=frame)
    places = place_labels(list(place_names), view, basemap.PLACE_SIZE, circles, taken, drop=True, frame=frame)
    out = []
    if places:
        out.append(basemap.place_name_layer(places))
    if counts:
        out.append(text_layer(LAYER_IDS["labels"], counts, LABEL_SIZE))
    return tuple(out)


def drawn_layers(has_2012: bool) -> tuple[str, ...]:
    """What the caption credits (base.attribution): the base's files, and the 2012 lines when drawn."""
    drawn = basemap.base().drawn
    return tuple("board_district_lines" if n == "lausd_outline" and has_2012 else n for n in drawn)


def picked(selection) -> tuple[str, str] | None:
    """What a click on the map selected: ('board_district', '3') or ('region', 'West'), else None."""
    try:
        objects = selection["objects"] if isinstance(selection, dict) or hasattr(selection, "__getitem__") else {}
    except (KeyError, TypeError):
        return None
    for layer_id in PICKABLE_LAYERS:
        for obj in (objects.get(layer_id) or []) if hasattr(objects, "get") else []:
            if not isinstance(obj, dict):
                continue
            props = obj.get("properties") if isinstance(obj.get("properties"), dict) else obj
            kind, key = props.get("kind"), props.get("key")
            if kind == "board_district" and str(key) in {str(n) for n in range(1, 8)}:
                return kind, str(key)
            if kind == "region" and key in ("North", "East", "South", "West"):
                return kind, key
    return None


def legend(kind: str, with_polygons: bool, with_campuses: bool, with_schools: bool, lang: str = "en") -> list[str]:
    """Plain-text legend lines (escape before markdown)."""
    what = t("dep.map.what_bd" if kind == "board_district" else "dep.map.what_region", lang)
    lines = [t("dep.map.legend_boundaries" if with_polygons else "dep.map.legend_symbols", lang, what=what)]
    if not with_polygons:
        lines.append(t("dep.map.legend_approx", lang))
        lines.append(t("map.bd2012.legend", lang))
    lines.append(t("dep.map.legend_selected", lang))
    if with_campuses:
        lines.append(t("dep.map.legend_campuses", lang))
    if with_schools:
        lines.append(school_layer.legend(lang))
    lines.append(t("map.legend.base", lang))
    return lines


def map_alt(
    rows: list[dict], kind: str, with_polygons: bool, schools: str | None = None, lang: str = "en", names=None
) -> str:
    """The map in words: every group's count, what else is drawn (the 2012 lines, schools) and the base."""
    items = "; ".join(f"{group_label(kind, r['key'], lang, names)}: {fmt.number(r['deployments'], lang)}" for r in rows)
    text = t(
        "dep.map.alt_polygons" if with_polygons else "dep.map.alt_symbols",
        lang,
        what=t("dep.map.what_bd" if kind == "board_district" else "dep.map.what_region", lang),
        items=items or t("dep.none", lang),
    )
    if not with_polygons:
        text += " " + t("map.bd2012.alt", lang)
    if schools:
        text += " " + schools
    return text + " " + t("map.alt.base", lang)
