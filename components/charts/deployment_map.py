"""Pure pydeck builders for the Deployments map: frames in, a pydeck Deck out. No database, no Streamlit.

- Offline: no basemap tiles. The base layer is the shipped county GeoJSON (data/basemap/la_context.geojson,
  from the npm package us-atlas; see data/basemap/README.md), drawn under the data.
- Without official boundaries: one proportional symbol (circle area ∝ count) per board district or region at
  its label point (data/map_label_points.csv) — an approximate label position, not a boundary, and the
  tooltip and legend say so. With imported boundaries: a choropleth of the polygons, labelled with the counts.
- Staff-imported campus records with coordinates add one small point per campus.
- Counts are also written on the map as text, and the selected group is outlined and labelled "selected",
  so colour never carries meaning alone.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from components.i18n import t
from components.perf.frozen import FrozenDeck
from components.perf.memo import cached
from components.text import fmt
from components.text.labels import group_label, short_label
from data.geojson import label_position
from data.layout import DATA_DIR

BASEMAP_FILE = DATA_DIR / "basemap" / "la_context.geojson"
# Derived bounding box of LAUSD (research facts_geo.md, table (b), "derived"): the map opens on its centre.
LAUSD_EXTENT = {"lon_min": -118.66899, "lon_max": -118.14227, "lat_min": 33.70313, "lat_max": 34.35471}
LAYER_IDS = {
    "basemap": "basemap",
    "symbols": "dep-symbols",
    "boundaries": "dep-boundaries",
    "labels": "dep-labels",
    "campuses": "dep-campuses",
}
PICKABLE_LAYERS = (LAYER_IDS["symbols"], LAYER_IDS["boundaries"])
BLUE, ORANGE, VERMILLION = [0, 114, 178], [230, 159, 0], [213, 94, 0]
SYMBOL_METRES_PER_SQRT = 950.0  # circle radius = this × √count: area proportional to the count


@lru_cache(maxsize=2)
def _read(path: str, mtime: float) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_basemap(path: Path = BASEMAP_FILE) -> dict | None:
    """The shipped context GeoJSON, or None if it is missing or unreadable (the map then draws without it)."""
    try:
        data = json.loads(_read(str(path), Path(path).stat().st_mtime))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("type") == "FeatureCollection" else None


def basemap_layer(geojson: dict) -> pdk.Layer:
    """Counties as light land over a white sea: LA County a shade darker, outlines in grey."""
    features = [
        {
            **f,
            "properties": {
                **f.get("properties", {}),
                "fill": [233, 230, 222, 255] if f.get("properties", {}).get("is_la_county") else [244, 242, 237, 255],
            },
        }
        for f in geojson.get("features", [])
    ]
    return pdk.Layer(
        "GeoJsonLayer",
        id=LAYER_IDS["basemap"],
        data={"type": "FeatureCollection", "features": features},
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=[150, 150, 150, 255],
        line_width_min_pixels=1,
        pickable=False,
    )


def _key_col(kind: str) -> str:
    return "board_district" if kind == "board_district" else "region"


def _tooltip(kind: str, key, n, share, total, source: str, approx_note: str, lang: str, names=None) -> str:
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
            approx_note,
        ]
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
                "label": f"{short_label(kind, key, lang, names)}: {fmt.number(n, lang)}"
                + (f" ({t('dep.selected', lang)})" if sel else ""),
                "tooltip": _tooltip(
                    kind, key, n, r["share"], total, source, t("dep.map.tip_approx", lang), lang, names
                ),
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
        tooltip = _tooltip(kind, key, n, share, total, source, t("dep.map.tip_boundary", lang), lang, names)
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
            "label": f"{short_label(kind, key, lang, names)}: {fmt.number(n, lang)}"
            + (f" ({t('dep.selected', lang)})" if sel else ""),
            "tooltip": tooltip,
        }
        # tooltip also at the top level: deck.gl's tooltip template reads the picked object's own fields
        features.append({"type": "Feature", "geometry": geometry, "properties": props, "tooltip": tooltip})
    return features


def campus_rows(points: pd.DataFrame, lang: str = "en", names=None) -> list[dict]:
    rows = []
    for _, r in points.iterrows():
        n = int(r["deployments"])
        rows.append(
            {
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
                "deployments": n,
                "radius": 260.0 * math.sqrt(n),
                "tooltip": "\n".join(
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
                        t("dep.map.tip_staff", lang),
                    ]
                ),
            }
        )
    return rows


def deck(
    kind: str,
    symbols: list[dict] | None = None,
    polygons: list[dict] | None = None,
    campuses: list[dict] | None = None,
    basemap: dict | None = None,
) -> pdk.Deck:
    """The map: base layer, then the choropleth (if polygons) or symbols, campus points, then text labels."""
    layers: list[pdk.Layer] = []
    if basemap:
        layers.append(basemap_layer(basemap))
    label_rows: list[dict] = []
    if polygons:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id=LAYER_IDS["boundaries"],
                data={"type": "FeatureCollection", "features": polygons},
                stroked=True,
                filled=True,
                get_fill_color="properties.fill",
                get_line_color="properties.line",
                get_line_width="properties.line_width",
                line_width_units=pdk.types.String("pixels"),
                pickable=True,
                auto_highlight=True,
            )
        )
        label_rows = [f["properties"] for f in polygons]
    elif symbols:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id=LAYER_IDS["symbols"],
                data=symbols,
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
        )
        label_rows = symbols
    if campuses:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id=LAYER_IDS["campuses"],
                data=campuses,
                get_position=["lon", "lat"],
                get_radius="radius",
                radius_min_pixels=3,
                get_fill_color=VERMILLION + [230],
                get_line_color=[255, 255, 255, 255],
                line_width_min_pixels=1,
                stroked=True,
                pickable=True,
            )
        )
    if label_rows:
        layers.append(
            pdk.Layer(
                "TextLayer",
                id=LAYER_IDS["labels"],
                data=[{"lon": r["lon"], "lat": r["lat"], "label": r["label"]} for r in label_rows],
                get_position=["lon", "lat"],
                get_text="label",
                get_size=13,
                get_color=[17, 24, 39, 255],
                get_alignment_baseline=pdk.types.String("top"),
                get_pixel_offset=[0, 14],
                character_set=pdk.types.String("auto"),
                background=True,
                get_background_color=[255, 255, 255, 215],
                background_padding=[3, 1, 3, 1],
                pickable=False,
            )
        )
    e = LAUSD_EXTENT
    view = pdk.ViewState(
        latitude=(e["lat_min"] + e["lat_max"]) / 2,
        longitude=(e["lon_min"] + e["lon_max"]) / 2,
        zoom=8.7,
        min_zoom=7,
        max_zoom=14,
        pitch=0,
        bearing=0,
    )
    # No map style and no provider: pydeck then writes its "no basemap" marker, and Streamlit fetches nothing.
    # (pdk.Deck(map_style=None) with the default provider makes Streamlit's frontend load a Carto basemap
    # from the internet, which this offline app must not do.)
    return FrozenDeck(layers=layers, initial_view_state=view, map_provider=None, tooltip={"text": "{tooltip}"})


@cached
def symbol_map(kind: str, symbols: list[dict], campuses: list[dict] | None = None) -> pdk.Deck:
    """deck() with label symbols on the shipped base map (memo.cached keys it on the rows, not the GeoJSON)."""
    return deck(kind, symbols=symbols, basemap=load_basemap(), campuses=campuses)


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


def legend(kind: str, with_polygons: bool, with_campuses: bool, lang: str = "en") -> list[str]:
    """Plain-text legend lines (escape before markdown)."""
    what = t("dep.map.what_bd" if kind == "board_district" else "dep.map.what_region", lang)
    lines = [t("dep.map.legend_boundaries" if with_polygons else "dep.map.legend_symbols", lang, what=what)]
    if not with_polygons:
        lines.append(t("dep.map.legend_approx", lang))
    lines.append(t("dep.map.legend_selected", lang))
    if with_campuses:
        lines.append(t("dep.map.legend_campuses", lang))
    lines.append(t("dep.map.legend_base", lang))
    return lines


def map_alt(rows: list[dict], kind: str, with_polygons: bool, lang: str = "en", names=None) -> str:
    items = "; ".join(f"{group_label(kind, r['key'], lang, names)}: {fmt.number(r['deployments'], lang)}" for r in rows)
    return t(
        "dep.map.alt_polygons" if with_polygons else "dep.map.alt_symbols",
        lang,
        what=t("dep.map.what_bd" if kind == "board_district" else "dep.map.what_region", lang),
        items=items or t("dep.none", lang),
    )
