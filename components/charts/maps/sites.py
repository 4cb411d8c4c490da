"""The Community page's map: named safe-passage sites and the 2024 town-hall schools, on the shared base map.

- Only points with a location are drawn: the state directory's coordinates through a reviewed match, or a
  source's coordinates (queries/safe_passage_sites.sql and town_halls.sql say which); nothing is geocoded or
  guessed. The map's text says how many named sites are drawn and how many are not, and why.
- A status is what a source reported in a year, never news: "reported running in 2004" and, for anything
  reported before the query's cut-off (status_is_current false), "status now unknown".
- Status is shown three ways: colour (Okabe-Ito), shape (circle, square, triangle, diamond) and words. The
  town-hall schools are stars; rows of a district-supplied roster are white rings.
- Markers are icons of a fixed size on screen (an SVG atlas sent as a data: URL; nothing is fetched).
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from functools import partial

import pandas as pd
import pydeck as pdk

from components.charts.maps import base as basemap
from components.charts.maps import schools as school_layer
from components.charts.maps.deck import MapSpec, place_labels, text_layer, to_pixels, tooltip
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt

STATUSES = ("running", "ended", "proposed", "unknown")
# Okabe-Ito: bluish green, vermillion, blue, grey — each also has its own shape and words.
STATUS_COLOUR = {"running": "#009E73", "ended": "#D55E00", "proposed": "#0072B2", "unknown": "#6E6E6E"}
STATUS_SYMBOL = {"running": "●", "ended": "■", "proposed": "▲", "unknown": "◆"}
HALL_SYMBOL, ROSTER_SYMBOL = "★", "○"
ICON = 40  # atlas cell, pixels
MARKER = 18  # drawn size on screen, pixels
LABEL_SIZE = 12
HIDE = "none"
LAYER_IDS = {"sites": "sites", "halls": "town-halls", "roster": "roster-sites", "labels": "site-labels"}

_SHAPES = {
    "running": '<circle cx="20" cy="20" r="13" fill="{c}" stroke="#111827" stroke-width="2.5"/>',
    "ended": '<rect x="8" y="8" width="24" height="24" fill="{c}" stroke="#111827" stroke-width="2.5"/>',
    "proposed": '<polygon points="20,5 35,32 5,32" fill="{c}" stroke="#111827" stroke-width="2.5" '
    'stroke-linejoin="round"/>',
    "unknown": '<polygon points="20,4 36,20 20,36 4,20" fill="{c}" stroke="#111827" stroke-width="2.5"/>',
    "hall": '<polygon points="20,3 24.9,14.6 37.5,15.7 28,24 30.8,36.4 20,29.9 9.2,36.4 12,24 2.5,15.7 15.1,14.6" '
    'fill="#E69F00" stroke="#111827" stroke-width="2" stroke-linejoin="round"/>',
    "roster": '<circle cx="20" cy="20" r="12" fill="#ffffff" stroke="#CC79A7" stroke-width="5"/>',
}
ICON_NAMES = (*STATUSES, "hall", "roster")


def _atlas() -> tuple[str, dict]:
    shapes = "".join(
        f'<g transform="translate({i * ICON},0)">{_SHAPES[name].format(c=STATUS_COLOUR.get(name, ""))}</g>'
        for i, name in enumerate(ICON_NAMES)
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{ICON * len(ICON_NAMES)}" height="{ICON}" '
        f'viewBox="0 0 {ICON * len(ICON_NAMES)} {ICON}">{shapes}</svg>'
    )
    url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    mapping = {
        name: {"x": i * ICON, "y": 0, "width": ICON, "height": ICON, "mask": False} for i, name in enumerate(ICON_NAMES)
    }
    return url, mapping


ATLAS, MAPPING = _atlas()


# ------------------------------------------------------------------------------------------- status in words


def _year(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def status_phrase(status: str, year, lang: str = "en") -> str:
    """What the source reported, dated: 'reported running in 2004', 'proposed in 2006', 'status unknown'."""
    status = status if status in STATUSES else "unknown"
    y = _year(year)
    return t(f"map.sp.{status}" if y else f"map.sp.{status}_undated", lang, **({"year": y} if y else {}))


def status_text(status: str, year, is_current, lang: str = "en") -> str:
    """The shape, the phrase and, unless the report is recent enough to be the status now, 'status now
    unknown': '● reported running in 2004 · status now unknown'."""
    key = status if status in STATUSES else "unknown"
    text = f"{STATUS_SYMBOL[key]} {status_phrase(key, year, lang)}"
    if not bool(is_current) and key in ("running", "proposed"):
        text += " · " + t("map.sp.now_unknown", lang)
    return text


def row_status(row, lang: str = "en") -> str:
    return status_text(row["status"], row["status_year"], row["status_is_current"], lang)


def roster_status(status: str, lang: str = "en") -> str:
    """A district-supplied roster row's status (the roster is the district's own, current list)."""
    key = status if status in STATUSES else "unknown"
    return f"{STATUS_SYMBOL[key]} {t(f'cbs.status.{key}', lang)}"


def legend(lang: str = "en") -> str:
    shapes = " · ".join(f"{STATUS_SYMBOL[s]} {t(f'map.sp.shape.{s}', lang)}" for s in STATUSES)
    return t("map.sp.legend", lang, shapes=shapes, hall=HALL_SYMBOL, roster=ROSTER_SYMBOL)


# ------------------------------------------------------------------------------------------- points


def _located(r) -> bool:
    return not (pd.isna(r["lat"]) or pd.isna(r["lon"]))


def site_name(r) -> str:
    return r["school_name"] if isinstance(r["school_name"], str) else r["area"]


def month(published, lang: str = "en") -> str:
    """A source's publication month ('2018-06') in words ('June 2018'); as written when it is not YYYY-MM."""
    try:
        year, mon = (int(x) for x in str(published).split("-")[:2])
        return fmt.date(dt.date(year, mon, 1), lang, "month")
    except ValueError:
        return str(published)


def where_from(r, lang: str = "en") -> str:
    """How the point was located, in words (tooltip and table)."""
    if r.get("located_by") == "directory":
        return t(
            "map.located.directory",
            lang,
            name=r["directory_name"],
            match=t(f"map.match.{r['match']}", lang),
            month=month(r["location_published"], lang),
        )
    if r.get("located_by") == "source":
        return t("map.located.source", lang, source=f"{r['location_publisher']}, “{r['location_title']}”")
    return t("map.located.none", lang)


def site_points(sites: pd.DataFrame, lang: str = "en") -> list[dict]:
    points = []
    for _, r in sites.iterrows():
        if not _located(r):
            continue
        status = r["status"] if r["status"] in STATUSES else "unknown"
        years = r["years"] if isinstance(r["years"], str) else ""
        points.append(
            {
                "lon": round(float(r["lon"]), 5),
                "lat": round(float(r["lat"]), 5),
                "icon": status,
                "name": site_name(r),
                "area": r["area"] if isinstance(r["area"], str) else "",
                "phrase": status_phrase(status, r["status_year"], lang),
                "t": "\n".join(
                    x
                    for x in (
                        site_name(r),
                        f"{r['program']}" + (f" · {years}" if years else ""),
                        row_status(r, lang),
                        where_from(r, lang),
                        t("cbs.map.published", lang),
                    )
                    if x
                ),
                "hide": HIDE,
            }
        )
    return points


def hall_points(halls: pd.DataFrame, lang: str = "en") -> list[dict]:
    points = []
    for _, r in halls.iterrows():
        if not _located(r):
            continue
        when = fmt.date(pd.Timestamp(r["event_date"]).date(), lang)
        points.append(
            {
                "lon": round(float(r["lon"]), 5),
                "lat": round(float(r["lat"]), 5),
                "icon": "hall",
                "name": r["school_name"],
                "t": "\n".join(
                    (
                        t("map.hall.tip", lang, school=r["school_name"], region=r["region"], date=when),
                        where_from(r, lang),
                    )
                ),
                "hide": HIDE,
            }
        )
    return points


def roster_points(roster: pd.DataFrame | None, lang: str = "en") -> list[dict]:
    """Imported roster rows that give lat/lon."""
    if roster is None or roster.empty:
        return []
    points = []
    for _, r in roster.iterrows():
        if not _located(r):
            continue
        provider = r["provider"] if isinstance(r["provider"], str) else t("cbs.roster.no_provider", lang)
        points.append(
            {
                "lon": float(r["lon"]),
                "lat": float(r["lat"]),
                "icon": "roster",
                "name": r["school"],
                "t": "\n".join(
                    (str(r["school"]), provider, roster_status(r["status"], lang), t("cbs.map.roster", lang))
                ),
                "hide": HIDE,
            }
        )
    return points


# ------------------------------------------------------------------------------------------- labels


def _groups(points: list[dict], view, within_px: float = 22) -> list[list[dict]]:
    """Points whose markers touch at the view's zoom (closer than within_px) form one group, with one label."""
    xy = [to_pixels(p["lon"], p["lat"], view) for p in points]
    group_of = list(range(len(points)))

    def find(i):
        while group_of[i] != i:
            group_of[i] = group_of[group_of[i]]
            i = group_of[i]
        return i

    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            if (xy[i][0] - xy[j][0]) ** 2 + (xy[i][1] - xy[j][1]) ** 2 < within_px**2:
                group_of[find(i)] = find(j)
    groups: dict[int, list[dict]] = {}
    for i, p in enumerate(points):
        groups.setdefault(find(i), []).append(p)
    return list(groups.values())


def site_label(group: list[dict], lang: str = "en") -> tuple[str, str]:
    """A group's label and a shorter one to try when it does not fit. One school: its name over its reported
    status(es) ('Locke High School' / 'reported running in 2004'); several: how many, and the area when they
    share one ('USC area: 5 schools')."""
    names = list(dict.fromkeys(p["name"] for p in group))
    phrases = list(dict.fromkeys(p["phrase"] for p in group if "phrase" in p))
    if any(p["icon"] == "hall" for p in group):
        phrases.append(t("map.hall.short", lang))
    if len(names) == 1:
        return f"{names[0]}\n{', '.join(phrases)}", names[0]
    areas = {p.get("area") or "" for p in group if p["icon"] != "hall"}
    area = areas.pop() if len(areas) == 1 else ""
    text = t("map.sp.group_area" if area else "map.sp.group", lang, n=len(names), area=area)
    return text, t("map.sp.group_short", lang, n=len(names))


@cached
def spec(
    sites: pd.DataFrame,
    halls: pd.DataFrame,
    roster: pd.DataFrame | None,
    directory: pd.DataFrame | None,
    lang: str = "en",
) -> MapSpec:
    """Base, schools (when asked for), the sites, town halls and roster rows as icons, then their labels."""
    b = basemap.base()
    layers = list(b.layers)
    if directory is not None:
        layers += school_layer.layers(directory, lang)
    sites_pts, hall_pts, roster_pts = site_points(sites, lang), hall_points(halls, lang), roster_points(roster, lang)
    for layer_id, data in (
        (LAYER_IDS["halls"], hall_pts),
        (LAYER_IDS["sites"], sites_pts),
        (LAYER_IDS["roster"], roster_pts),
    ):
        if data:
            layers.append(
                pdk.Layer(
                    "IconLayer",
                    id=layer_id,
                    data=data,
                    get_position=["lon", "lat"],
                    get_icon="icon",
                    icon_atlas=pdk.types.String(ATLAS),
                    icon_mapping=MAPPING,
                    get_size=MARKER,
                    size_units=pdk.types.String("pixels"),
                    pickable=True,
                    auto_highlight=True,
                )
            )
    source = school_layer.tip_source(directory, lang) if directory is not None else ""
    labels = partial(_labels, tuple(sites_pts + hall_pts), tuple(roster_pts), b.place_names, lang)
    return MapSpec(tuple(layers), b.view, tooltip(source), labels)


def _labels(points, roster_pts, place_names, lang: str, view, frame=None) -> tuple:
    """At a view's zoom: one label per group of touching markers (a school's name over its reported status;
    a group of schools: their count, until zooming in separates them), roster rows, then place names.
    A label that fits nowhere is left out at this zoom (the marker, its tooltip and the table remain)."""
    groups = _groups(list(points), view)
    items = []
    for g in sorted(groups, key=lambda g: (-len(g), -max(p["lat"] for p in g))):
        full, short = site_label(g, lang)
        lon, lat = sum(p["lon"] for p in g) / len(g), sum(p["lat"] for p in g) / len(g)
        cx, cy = to_pixels(lon, lat, view)
        spread = max(math.dist((cx, cy), to_pixels(p["lon"], p["lat"], view)) for p in g)
        items.append(
            {
                "lon": lon,
                "lat": lat,
                "label": full,
                "alternatives": (short,) if short != full else (),
                "r": spread + MARKER / 2 + 2,
            }
        )
    items += [
        {"lon": p["lon"], "lat": p["lat"], "label": t("cbs.map.roster_prefix", lang) + p["name"], "r": MARKER / 2}
        for p in roster_pts
    ]
    markers = [(*to_pixels(p["lon"], p["lat"], view), MARKER / 2) for p in (*points, *roster_pts)]
    taken: list = []
    labels = place_labels(items, view, LABEL_SIZE, markers, taken, drop=True, frame=frame)
    places = place_labels(list(place_names), view, basemap.PLACE_SIZE, markers, taken, drop=True, frame=frame)
    out = []
    if places:
        out.append(basemap.place_name_layer(places))
    if labels:
        out.append(text_layer(LAYER_IDS["labels"], labels, LABEL_SIZE))
    return tuple(out)


def drawn_points(spec_: MapSpec) -> dict[str, int]:
    """How many points each data layer draws (tests and captions): {'sites': 17, 'town-halls': 4, ...}."""
    wanted = {LAYER_IDS["sites"], LAYER_IDS["halls"], LAYER_IDS["roster"]}
    return {layer.id: len(layer.data) for layer in spec_.layers if layer.id in wanted}


def counts(sites: pd.DataFrame, halls: pd.DataFrame) -> dict:
    """Named sites drawn and not: by located_by, and the sites that name an area but no school."""
    located = sites["lat"].notna() & sites["lon"].notna()
    return {
        "sites": len(sites),
        "drawn": int(located.sum()),
        "from_directory": int((sites["located_by"] == "directory").sum()),
        "from_source": int((sites["located_by"] == "source").sum()),
        "area_only": int((~located & sites["school_id"].isna()).sum()),
        "unmatched": int((~located & sites["school_id"].notna()).sum()),
        "halls": len(halls),
        "halls_drawn": int((halls["lat"].notna() & halls["lon"].notna()).sum()),
        "published": next(iter(sites.loc[sites["located_by"] == "directory", "location_published"]), ""),
    }


def caption(c: dict, lang: str = "en") -> str:
    text = t(
        "map.sp.caption",
        lang,
        month=month(c["published"], lang),
        drawn=c["drawn"],
        total=c["sites"],
        directory=c["from_directory"],
        halls=c["halls_drawn"],
        halls_total=c["halls"],
    )
    if c["from_source"]:
        text += " " + t("map.sp.caption_source", lang, n=c["from_source"])
    missing = []
    if c["area_only"]:
        missing.append(t("map.sp.missing_area", lang, n=c["area_only"]))
    if c["unmatched"]:
        missing.append(t("map.sp.missing_match", lang, n=c["unmatched"]))
    if missing:
        text += " " + t("map.sp.missing", lang, items="; ".join(missing))
    return text


def map_alt(sites: pd.DataFrame, halls: pd.DataFrame, roster: pd.DataFrame | None, lang: str = "en") -> str:
    pts = site_points(sites, lang)
    names = "; ".join(
        sorted({f"{site_name(r)} ({row_status(r, lang)[2:]})" for _, r in sites.iterrows() if _located(r)})
    )
    hall_names = "; ".join(str(r["school_name"]) for _, r in halls.iterrows() if _located(r))
    text = t("map.sp.alt", lang, drawn=len(pts), total=len(sites), names=names or "—")
    if hall_names:
        text += " " + t("map.hall.alt", lang, n=len(hall_points(halls, lang)), names=hall_names)
    if roster is not None and not roster.empty:
        text += " " + t("cbs.map.alt_roster", lang, drawn=len(roster_points(roster, lang)), total=len(roster))
    return text
