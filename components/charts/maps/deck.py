"""The one map builder: layers in, a pydeck Deck out, the same way on every page.

- Offline: no tiles and no map provider (pydeck then writes its "no basemap" marker and Streamlit fetches
  nothing); the base layers (base.py) are ordinary deck.gl layers under the data.
- Scroll-wheel zoom is off: `views=[MapView(controller=CONTROLLER)]`. Streamlit 1.67 passes a spec's own views
  to deck.gl and then sets no controller of its own, so this controller is the one the browser uses: a wheel
  over the map scrolls the page; zoom with the map's buttons (components/ui/maps.py, which a keyboard reaches),
  a double click (shift + double click zooms out) or a pinch.
- Zoom and reset buttons give variants of one map (`deck(spec, zoom_step, reset)`): a new zoom in
  initialViewState is applied by Streamlit to the current view (the centre stays where the reader moved it);
  a new view id resets the whole view to the first one. Each variant is serialized once per map (FrozenDeck).
- One tooltip template for every layer (deck.gl knows only one per map): each pickable object carries its text
  in `t`, escaped by Streamlit. The school layer's source line is written once in the template rather than
  1,021 times in the data: every other pickable object carries `hide: "none"`, which hides that line (a school
  has no `hide`, so the rule is invalid CSS and the line shows).
- Labels: `place_labels` puts each label beside its symbol (below, right, above, left or on a diagonal) where
  it overlaps no other label or symbol, in pixels at the variant's zoom — the same at every screen width; at
  the first view also inside what a 390 px phone shows. Place names (and site labels) that fit nowhere are left
  out at that zoom; zooming in with the buttons places them again. The first view is also the farthest one can
  zoom out, so labels only move apart from where they were placed. (deck.gl's CollisionFilterExtension would hide labels dynamically, but in Streamlit 1.67's
  build it hid every label of a TextLayer, so placement is done here.)
"""

from __future__ import annotations

import html
import math
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import pydeck as pdk

from components.charts.maps.geo import Extent
from components.perf.frozen import FrozenDeck

CONTROLLER = {
    "scrollZoom": False,
    "dragPan": True,
    "doubleClickZoom": True,
    "touchZoom": True,
    "keyboard": True,
    "dragRotate": False,
    "touchRotate": False,
    "inertia": False,
}
ZOOM_STEPS = (0, 1, 2, 3, 4)  # what the zoom buttons offer, relative to the first view (never below it)
MAX_ZOOM = 15
# The first view must show the whole district on the narrowest screen the app supports (390 px wide, minus
# Streamlit's padding) in the map's height.
FIRST_VIEW_PX = (350, 500)
# At the first view a label must fit in what a 390 px screen shows of the map (358 x 520 px around the centre),
# so that no label is cut at the map's edge on a phone; zoomed views are cut anyway (and can be moved).
NARROW_FRAME = (358, 520)
LABEL_FONT = '"Source Sans Pro", "Source Sans 3", "Source Sans", Arial, sans-serif'
INK = [17, 24, 39, 255]


@dataclass(frozen=True)
class FirstView:
    longitude: float
    latitude: float
    zoom: float


def first_view(extent: Extent, frame_px: tuple[int, int] = FIRST_VIEW_PX) -> FirstView:
    """Centre and zoom (rounded down to a tenth) at which `extent` fits a frame of frame_px pixels."""
    lon, lat = extent.centre
    world = 512 / 360  # pixels per degree of longitude at zoom 0
    y_span = _mercator_y(extent.lat_max) - _mercator_y(extent.lat_min)
    zoom = min(
        math.log2(frame_px[0] / (world * (extent.lon_max - extent.lon_min))),
        math.log2(frame_px[1] / (world * y_span)),
    )
    return FirstView(round(lon, 5), round(lat, 5), math.floor(zoom * 10) / 10)


def _mercator_y(lat: float) -> float:
    """Web Mercator y in degrees-of-longitude units (so x and y scale alike)."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def to_pixels(lon: float, lat: float, view: FirstView) -> tuple[float, float]:
    """Screen pixels from the centre of the first view (x to the right, y down)."""
    scale = 512 / 360 * 2**view.zoom
    return (lon - view.longitude) * scale, -(_mercator_y(lat) - _mercator_y(view.latitude)) * scale


# ------------------------------------------------------------------------------------------- the map


@dataclass(frozen=True, eq=False)
class MapSpec:
    """Everything a map shows, before a view is chosen: its layers bottom to top, its first view, its tooltip,
    and `labels(view)`: the text layers placed for a view's zoom (drawn on top). Compared by identity: a
    cached view model hands out the same spec, so each of its variants is built once."""

    layers: tuple
    view: FirstView
    tooltip: dict
    labels: Callable[[FirstView, tuple | None], tuple] = lambda _view, _frame: ()


_variants: weakref.WeakKeyDictionary[MapSpec, dict] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def deck(spec: MapSpec, zoom_step: int = 0, reset: int = 0) -> pdk.Deck:
    """The map at a zoom step from its first view; `reset` changes the view's id, which makes the browser
    return to the first view (only its parity matters)."""
    step = min(max(zoom_step, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
    key = (step, reset % 2)
    with _lock:
        found = _variants.get(spec, {}).get(key)
    if found is not None:
        return found
    v = spec.view
    at = FirstView(v.longitude, v.latitude, round(v.zoom + step, 2))
    view_state = pdk.ViewState(
        longitude=v.longitude,
        latitude=v.latitude,
        zoom=at.zoom,
        min_zoom=v.zoom,
        max_zoom=MAX_ZOOM,
        pitch=0,
        bearing=0,
    )
    built = FrozenDeck(
        layers=[*spec.layers, *spec.labels(at, NARROW_FRAME if step == 0 else None)],
        initial_view_state=view_state,
        views=[pdk.View(type="MapView", id=f"map-{key[1]}", controller=CONTROLLER)],
        map_provider=None,
        tooltip=spec.tooltip,
    )
    with _lock:
        _variants.setdefault(spec, {})[key] = built
    return built


def tooltip(school_source: str) -> dict:
    """The one tooltip template (see the module docstring): `t` in lines, then the school layer's source."""
    return {
        "html": '<div style="white-space:pre-line;max-width:22rem">{t}</div>'
        '<div style="display:{hide};margin-top:.25rem;opacity:.85;font-size:.85em">'
        + html.escape(school_source)
        + "</div>",
        "style": {"fontFamily": LABEL_FONT, "fontSize": "0.85rem", "padding": "0.4rem 0.55rem"},
    }


# ------------------------------------------------------------------------------------------- labels


@dataclass(frozen=True)
class LabelBox:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, o: LabelBox, gap: float = 2) -> bool:
        return not (
            self.x + self.w + gap <= o.x
            or o.x + o.w + gap <= self.x
            or self.y + self.h + gap <= o.y
            or o.y + o.h + gap <= self.y
        )

    def inside(self, frame: tuple[float, float]) -> bool:
        """Within a frame of (width, height) pixels centred on the view's centre."""
        w, h = frame[0] / 2, frame[1] / 2
        return -w <= self.x and self.x + self.w <= w and -h <= self.y and self.y + self.h <= h

    def meets_circle(self, cx: float, cy: float, r: float) -> bool:
        nx = min(max(cx, self.x), self.x + self.w)
        ny = min(max(cy, self.y), self.y + self.h)
        return (nx - cx) ** 2 + (ny - cy) ** 2 < r * r


def text_size(text: str, size: float, padding: float = 4) -> tuple[float, float]:
    """A generous estimate of a label's box in pixels (sans-serif: about 0.56 of the size per character; lines
    split at newlines)."""
    lines = text.split("\n")
    return max(len(line) for line in lines) * size * 0.56 + 2 * padding, len(lines) * size * 1.25 + 4


# anchor (deck.gl getTextAnchor, getAlignmentBaseline) and which side of the symbol the label sits on
SIDES = {
    "below": ("middle", "top"),
    "right": ("start", "center"),
    "above": ("middle", "bottom"),
    "left": ("end", "center"),
    "below-right": ("start", "top"),
    "above-right": ("start", "bottom"),
    "below-left": ("end", "top"),
    "above-left": ("end", "bottom"),
}
DIAGONAL = 0.72  # a diagonal label's corner sits this far along each axis (about r / √2, plus a little)


def _box(side: str, x: float, y: float, r: float, w: float, h: float) -> tuple[LabelBox, list[float]]:
    gap = r + 3
    if side == "below":
        return LabelBox(x - w / 2, y + gap, w, h), [0, gap]
    if side == "above":
        return LabelBox(x - w / 2, y - gap - h, w, h), [0, -gap]
    if side == "right":
        return LabelBox(x + gap, y - h / 2, w, h), [gap, 0]
    if side == "left":
        return LabelBox(x - gap - w, y - h / 2, w, h), [-gap, 0]
    d = gap * DIAGONAL
    dx, dy = (d if "right" in side else -d), (d if "below" in side else -d)
    left = x + dx if "right" in side else x + dx - w
    top = y + dy if "below" in side else y + dy - h
    return LabelBox(left, top, w, h), [dx, dy]


def place_labels(
    items: list[dict],
    view: FirstView,
    size: float,
    obstacles: list[tuple[float, float, float]] = (),
    taken: list[LabelBox] | None = None,
    sides: tuple[str, ...] = tuple(SIDES),
    drop: bool = False,
    frame: tuple[float, float] | None = None,
) -> list[dict]:
    """Give each item (lon, lat, label, r = its symbol's radius in px) a side where its label overlaps no label
    placed before it and no symbol (obstacles: x, y, r in pixels of this view). Items go in the order given.
    An item may offer shorter texts to try next (`alternatives`). An item with no free side for any text gets
    the side that overlaps least (data labels, which must show), or with drop=True no label at this zoom.
    With a `frame` (width, height in pixels around the centre), a box reaching outside it counts as a clash.
    Returns the items with `label`, `anchor`, `baseline` and `offset` set (their boxes are added to `taken`)."""
    taken = taken if taken is not None else []
    placed = []
    for item in items:
        x, y = to_pixels(item["lon"], item["lat"], view)
        r = item.get("r", 0)  # its own symbol (or group of symbols): obstacles within it are its own
        best = None
        for text in (item["label"], *item.get("alternatives", ())):
            w, h = text_size(text, size)
            for side in sides:
                box, offset = _box(side, x, y, r, w, h)
                clash = sum(box.overlaps(o) for o in taken) + sum(
                    box.meets_circle(cx, cy, cr) for cx, cy, cr in obstacles if math.dist((cx, cy), (x, y)) > r
                )
                if frame and not box.inside(frame):
                    clash += 1
                if best is None or clash < best[0]:
                    best = (clash, text, side, box, offset)
                if clash == 0:
                    break
            if best[0] == 0:
                break
        if best[0] and drop:
            continue
        _clash, text, side, box, offset = best
        taken.append(box)
        anchor, baseline = SIDES[side]
        placed.append({**item, "label": text, "anchor": anchor, "baseline": baseline, "offset": offset})
    return placed


def text_layer(layer_id: str, rows: list[dict], size: float, **style) -> pdk.Layer:
    """Labels placed by place_labels(); `style` overrides the look (colour, background, weight)."""
    props = {
        "get_position": ["lon", "lat"],
        "get_text": "label",
        "get_size": size,
        "get_color": INK,
        "get_text_anchor": "anchor",
        "get_alignment_baseline": "baseline",
        "get_pixel_offset": "offset",
        "font_family": pdk.types.String(LABEL_FONT),
        "character_set": pdk.types.String("auto"),
        "background": True,
        "get_background_color": [255, 255, 255, 225],
        "background_padding": [3, 1, 3, 1],
        "pickable": False,
    }
    props.update(style)
    data = [
        {"lon": round(r["lon"], 5), "lat": round(r["lat"], 5)}
        | {k: r[k] for k in ("label", "anchor", "baseline", "offset")}
        for r in rows
    ]
    return pdk.Layer("TextLayer", id=layer_id, data=data, **props)
