"""Pure pydeck builder for the safe-passage map: frames in, a pydeck Deck out. No database, no Streamlit.

- Only points with a location are drawn: a published site where a source gives the school's coordinates
  (primary row of school_locations), or a roster row that gives lat/lon. Nothing is geocoded or guessed.
- Status is shown three ways: colour (Okabe-Ito), shape (circle, square, triangle, hexagon) and a text label.
- Offline: no basemap tiles. The base layer of geographic context is an argument, so that the shipped
  GeoJSON (data/basemap/la_context.geojson) or, without it, a plain frame of the LAUSD extent can be drawn.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pydeck as pdk

from components.i18n import t
from components.perf.frozen import FrozenDeck
from components.perf.memo import cached
from data.layout import DATA_DIR

# Derived bounding box of LAUSD's seven board districts (research facts_geo.md, table (b), "derived"):
# reprojected from the published EPSG:3857 extent of the Board_of_Education_View service.
LAUSD_EXTENT = {"lon_min": -118.66899, "lon_max": -118.14227, "lat_min": 33.70313, "lat_max": 34.35471}
CONTEXT_GEOJSON = DATA_DIR / "basemap" / "la_context.geojson"

STATUSES = ("running", "ended", "proposed", "unknown")
# Okabe-Ito: bluish green, vermillion, blue, grey-black — each also has its own shape and a label.
STATUS_COLOUR = {"running": [0, 158, 115], "ended": [213, 94, 0], "proposed": [0, 114, 178], "unknown": [110, 110, 110]}
# ColumnLayer disk resolution = number of sides: a circle, a square, a triangle, a hexagon.
STATUS_SIDES = {"running": 40, "ended": 4, "proposed": 3, "unknown": 6}
STATUS_ANGLE = {"running": 0, "ended": 45, "proposed": 0, "unknown": 0}
STATUS_SYMBOL = {"running": "●", "ended": "■", "proposed": "▲", "unknown": "⬢"}
ROSTER_COLOUR = [204, 121, 167]  # reddish purple: imported roster rows, drawn with a white-filled ring
MARKER_RADIUS_M = 900


def status_text(status: str, lang: str = "en") -> str:
    """'● running' — the shape glyph and the word, for legends and tables."""
    key = status if status in STATUSES else "unknown"
    return f"{STATUS_SYMBOL[key]} {t(f'cbs.status.{key}', lang)}"


# ------------------------------------------------------------------------------------------- base layers


def load_context_geojson(path: Path = CONTEXT_GEOJSON) -> dict | None:
    """The shipped GeoJSON of geographic context, or None when the file is not there (yet) or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return None
    return data


def context_base_layer(geojson: dict) -> pdk.Layer:
    """County outlines as quiet context, Los Angeles County a shade darker."""
    features = [
        {
            **f,
            "properties": {
                **(f.get("properties") or {}),
                "fill": [226, 232, 240, 255]
                if (f.get("properties") or {}).get("is_la_county")
                else [243, 244, 246, 255],
            },
        }
        for f in geojson.get("features", [])
        if isinstance(f, dict)
    ]
    return pdk.Layer(
        "GeoJsonLayer",
        data={"type": "FeatureCollection", "features": features},
        id="base-context",
        stroked=True,
        filled=True,
        pickable=False,
        get_fill_color="properties.fill",
        get_line_color=[148, 163, 184, 255],
        line_width_min_pixels=1,
    )


def extent_frame_layer(extent: dict = LAUSD_EXTENT) -> pdk.Layer:
    """A plain rectangle of the LAUSD extent (a bounding box, not a boundary), when no GeoJSON is available."""
    e = extent
    ring = [
        [e["lon_min"], e["lat_min"]],
        [e["lon_max"], e["lat_min"]],
        [e["lon_max"], e["lat_max"]],
        [e["lon_min"], e["lat_max"]],
        [e["lon_min"], e["lat_min"]],
    ]
    return pdk.Layer(
        "PolygonLayer",
        data=[{"polygon": ring}],
        id="base-extent-frame",
        get_polygon="polygon",
        filled=True,
        stroked=True,
        pickable=False,
        get_fill_color=[243, 244, 246, 255],
        get_line_color=[100, 116, 139, 255],
        line_width_min_pixels=2,
    )


def base_layer(geojson: dict | None) -> pdk.Layer:
    return context_base_layer(geojson) if geojson else extent_frame_layer()


# ------------------------------------------------------------------------------------------- points


def _has_location(lat, lon) -> bool:
    try:
        return not (lat is None or lon is None or math.isnan(float(lat)) or math.isnan(float(lon)))
    except (TypeError, ValueError):
        return False


def published_points(sites: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Published sites that have a sourced location, one dict per site (the rest are only listed)."""
    points = []
    for _, r in sites.iterrows():
        if not _has_location(r["lat"], r["lon"]):
            continue
        name = r["school_name"] if isinstance(r["school_name"], str) else r["area"]
        points.append(
            {
                "lon": float(r["lon"]),
                "lat": float(r["lat"]),
                "status": r["status"],
                "name": name,
                "detail": f"{r['program']} · {r['years'] if isinstance(r['years'], str) else ''}",
                "status_label": status_text(r["status"], lang),
                "origin": t("cbs.map.published", lang),
            }
        )
    return points


def roster_points(roster: pd.DataFrame | None, lang: str = "en") -> list[dict]:
    """Imported roster rows that give lat/lon."""
    if roster is None or roster.empty:
        return []
    points = []
    for _, r in roster.iterrows():
        if not _has_location(r["lat"], r["lon"]):
            continue
        provider = r["provider"] if isinstance(r["provider"], str) else t("cbs.roster.no_provider", lang)
        points.append(
            {
                "lon": float(r["lon"]),
                "lat": float(r["lat"]),
                "status": r["status"],
                "name": r["school"],
                "detail": provider,
                "status_label": status_text(r["status"], lang),
                "origin": t("cbs.map.roster", lang),
            }
        )
    return points


def _labels(points: list[dict], prefix: str = "") -> list[dict]:
    """One label per location: several programs at one school share a point, so their labels are joined."""
    grouped: dict[tuple, dict] = {}
    for p in points:
        key = (round(p["lon"], 6), round(p["lat"], 6))
        entry = grouped.setdefault(key, {"lon": p["lon"], "lat": p["lat"], "name": p["name"], "states": []})
        if p["status_label"] not in entry["states"]:
            entry["states"].append(p["status_label"])
    labels = []
    for g in grouped.values():
        # A neighbour just to the east would be covered by this label: put this one on the west side instead.
        crowded = any(0 < o["lon"] - g["lon"] < 0.08 and abs(o["lat"] - g["lat"]) < 0.012 for o in grouped.values())
        labels.append(
            {
                "lon": g["lon"],
                "lat": g["lat"],
                "label": f"{prefix}{g['name']}: {', '.join(g['states'])}",
                "anchor": "end" if crowded else "start",
                "offset": [-14, 0] if crowded else [14, 0],
            }
        )
    return labels


def sites_map(
    sites: pd.DataFrame, roster: pd.DataFrame | None, base: pdk.Layer, lang: str = "en", extent: dict = LAUSD_EXTENT
) -> pdk.Deck:
    """The map: `base` underneath, one shape layer per status for published sites, the roster on top."""
    layers: list[pdk.Layer] = [base]
    published = published_points(sites, lang)
    for status in STATUSES:
        data = [p for p in published if p["status"] == status]
        if data:
            layers.append(
                pdk.Layer(
                    "ColumnLayer",
                    data=data,
                    id=f"sites-{status}",
                    get_position="[lon, lat]",
                    radius=MARKER_RADIUS_M,
                    disk_resolution=STATUS_SIDES[status],
                    angle=STATUS_ANGLE[status],
                    extruded=False,
                    filled=True,
                    stroked=True,
                    get_fill_color=STATUS_COLOUR[status] + [235],
                    get_line_color=[17, 24, 39, 255],
                    line_width_min_pixels=1,
                    pickable=True,
                )
            )
    rpoints = roster_points(roster, lang)
    if rpoints:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=rpoints,
                id="roster-sites",
                get_position="[lon, lat]",
                get_radius=MARKER_RADIUS_M * 0.8,
                radius_min_pixels=5,
                filled=True,
                stroked=True,
                get_fill_color=[255, 255, 255, 235],
                get_line_color=ROSTER_COLOUR + [255],
                line_width_min_pixels=3,
                pickable=True,
            )
        )
    labels = _labels(published) + _labels(rpoints, prefix=t("cbs.map.roster_prefix", lang))
    if labels:
        layers.append(
            pdk.Layer(
                "TextLayer",
                data=labels,
                id="site-labels",
                get_position="[lon, lat]",
                get_text="label",
                get_size=13,
                get_color=[17, 24, 39, 255],
                get_text_anchor="anchor",
                get_alignment_baseline=pdk.types.String("center"),
                get_pixel_offset="offset",
                font_family=pdk.types.String('"Source Sans Pro", "Source Sans 3", Arial, sans-serif'),
                character_set=pdk.types.String("auto"),
                background=True,
                get_background_color=[255, 255, 255, 210],
                background_padding=[3, 1, 3, 1],
                pickable=False,
            )
        )
    e = extent
    view = pdk.ViewState(
        latitude=(e["lat_min"] + e["lat_max"]) / 2,
        longitude=(e["lon_min"] + e["lon_max"]) / 2,
        zoom=9.1,
        min_zoom=7,
        max_zoom=15,
        pitch=0,
        bearing=0,
    )
    # No basemap and no map provider: nothing is fetched from a tile server. (With map_style=None and the
    # default provider, Streamlit's frontend substitutes a Carto basemap fetched from the internet; pydeck's
    # own "no style" marker keeps the map offline, and the base layer above gives the geographic context.)
    return FrozenDeck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,
        tooltip={"text": "{name}\n{status_label}\n{detail}\n{origin}"},
    )


@cached
def sites_deck(sites: pd.DataFrame, roster: pd.DataFrame | None, lang: str = "en") -> tuple[pdk.Deck, str]:
    """sites_map() on the shipped context layer (or the plain extent frame without it), and that layer's id."""
    base = base_layer(load_context_geojson())
    return sites_map(sites, roster, base, lang), base.id


def drawn_points(deck: pdk.Deck) -> dict[str, int]:
    """How many points each data layer draws (for tests and the caption): {'sites-running': 3, ...}."""
    return {
        layer.id: len(layer.data)
        for layer in deck.layers
        if layer.id.startswith(("sites-", "roster-")) and isinstance(layer.data, list)
    }


@cached
def map_alt(sites: pd.DataFrame, roster: pd.DataFrame | None, lang: str = "en") -> str:
    published = published_points(sites, lang)
    rpoints = roster_points(roster, lang)
    names = "; ".join(sorted({f"{p['name']} ({p['status_label'][2:]})" for p in published}))
    text = t("cbs.map.alt", lang, drawn=len(published), total=len(sites), names=names or "—")
    if roster is not None and not roster.empty:
        text += " " + t("cbs.map.alt_roster", lang, drawn=len(rpoints), total=len(roster))
    return text
