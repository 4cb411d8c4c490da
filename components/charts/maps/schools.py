"""Every active LAUSD school of the state's school directory (CDE, June 2018) as a quiet context layer.

District-run and charter schools differ in shape, not only in colour: a filled dot for a district-run school,
a hollow ring for a charter. The tooltip gives the name, the level and charter or district-run; its source
line ("CDE school directory, June 2018") is written once in the map's tooltip template (deck.py). The count
says what it counts — schools in a 2018 directory — and is never set beside the district's count of sites.
"""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from components.charts.maps import base as basemap
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt

SCHOOL = [96, 103, 115]
LAYER_IDS = ("schools-district", "schools-charter")


def month_of(directory: pd.DataFrame, lang: str) -> str:
    """The directory's vintage in words ('June 2018'), from its rows' last update."""
    latest = pd.Timestamp(directory["last_updated"].max()).date()
    return fmt.date(latest, lang, "month")


def tip_source(directory: pd.DataFrame, lang: str) -> str:
    return t("map.schools.tip_source", lang, month=month_of(directory, lang))


def _row(r, grid, lang: str) -> dict:
    kind = t("map.schools.charter" if r.charter else "map.schools.district_run", lang)
    return {
        "p": grid.xy(float(r.lon), float(r.lat)),
        "t": f"{r.name}\n{t(f'map.level.{r.level}', lang)} · {kind}",
    }


@cached
def layers(directory: pd.DataFrame, lang: str = "en") -> tuple[pdk.Layer, ...]:
    """Two scatter layers over the directory's rows: district-run filled, charter as rings."""
    grid = basemap.base().points
    frame = directory.sort_values("cds_code")
    district = [_row(r, grid, lang) for r in frame[~frame["charter"]].itertuples()]
    charter = [_row(r, grid, lang) for r in frame[frame["charter"]].itertuples()]
    common = {
        "get_position": "p",
        "model_matrix": grid.model_matrix,
        "radius_units": pdk.types.String("pixels"),
        "pickable": True,
        "auto_highlight": True,
        "highlight_color": [17, 24, 39, 120],
    }
    return (
        pdk.Layer(
            "ScatterplotLayer",
            id=LAYER_IDS[0],
            data=district,
            get_radius=2.2,
            filled=True,
            stroked=False,
            get_fill_color=SCHOOL + [160],
            **common,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id=LAYER_IDS[1],
            data=charter,
            get_radius=3,
            filled=True,  # white inside: a ring to the eye, a whole disc to the pointer (tooltips)
            get_fill_color=[255, 255, 255, 230],
            stroked=True,
            get_line_color=SCHOOL + [220],
            line_width_units=pdk.types.String("pixels"),
            get_line_width=1.2,
            **common,
        ),
    )


def counts(directory: pd.DataFrame) -> dict[str, int]:
    return {
        "total": len(directory),
        "district": int((~directory["charter"]).sum()),
        "charter": int(directory["charter"].sum()),
    }


def count_line(directory: pd.DataFrame, lang: str = "en") -> str:
    """'1,021 active schools in the state directory of June 2018 (743 district-run, 278 charter) …'."""
    c = counts(directory)
    return t(
        "map.schools.count",
        lang,
        n=fmt.number(c["total"], lang),
        month=month_of(directory, lang),
        district=fmt.number(c["district"], lang),
        charter=fmt.number(c["charter"], lang),
    )


def alt(directory: pd.DataFrame, lang: str = "en") -> str:
    """The schools layer in the map's text alternative (the count line with its citation is a caption)."""
    return t("map.schools.alt", lang, n=fmt.number(len(directory), lang), month=month_of(directory, lang))


def legend(lang: str = "en") -> str:
    return t("map.schools.legend", lang)


def drawn(deck_layers) -> int:
    """How many schools the map draws (tests and the text alternative)."""
    return sum(len(layer.data) for layer in deck_layers if layer.id in LAYER_IDS)
