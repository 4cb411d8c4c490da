"""Community-based safety figures: every source's figure by school year. Source kind is carried as words
(a text label beside each point) and by symbol, never by colour alone; conflicting sources stay separate points.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import base_layout
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized

KIND_COLOUR = {
    "district": "#0072B2",
    "news": "#E69F00",
    "advocacy": "#CC79A7",
    "research": "#009E73",
    "government": "#56B4E9",
    "reference": "#555555",
}


KIND_SYMBOL = {
    "district": "square",
    "news": "circle",
    "advocacy": "diamond",
    "research": "triangle-up",
    "government": "star",
    "reference": "x",
}


def _start_year(school_year) -> int | None:
    return int(school_year[:4]) if isinstance(school_year, str) and len(school_year) >= 4 else None


def _school_year(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


@cached
def points_by_year(frame: pd.DataFrame, title: str, y_title: str, lang: str = "en") -> go.Figure:
    """One marker per source and year (never averaged): kind by symbol, colour and a text label."""
    data = frame[frame["school_year"].notna()].copy()
    data["start"] = data["school_year"].map(_start_year)
    data = data.sort_values(["start", "source_kind", "source_id"]).reset_index(drop=True)
    # Several sources for one year sit side by side, in a fixed order, so none hides another.
    data["slot"] = data.groupby("start").cumcount()
    data["n"] = data.groupby("start")["start"].transform("size")
    data["x"] = data["start"] + (data["slot"] - (data["n"] - 1) / 2) * 0.22
    fig = go.Figure()
    for kind in dict.fromkeys(data["source_kind"]):
        rows = data[data["source_kind"] == kind]
        # Values above and below in turn, so that side-by-side points never share a label line (phones too);
        # the kind is in the legend, the marker's shape and the hover, never in colour alone.
        positions = ["bottom center" if s % 2 else "top center" for s in rows["slot"]]
        fig.add_trace(
            go.Scatter(
                x=rows["x"],
                y=rows["value"].astype(float),
                mode="markers+text",
                name=kind_label(kind, lang),
                marker=dict(
                    size=15,
                    color=KIND_COLOUR.get(kind, "#555555"),
                    symbol=KIND_SYMBOL.get(kind, "circle"),
                    line=dict(color="#111827", width=1),
                ),
                text=[
                    f"{('~' if a else '')}{fmt.value_text(v, u, lang, compact=True)}"
                    for v, u, a in zip(rows["value"], rows["unit"], rows["approx"])
                ],
                textposition=positions,
                cliponaxis=False,
                textfont=dict(size=13),
                customdata=[
                    [sy, fmt.value_text(v, u, lang), p, lab, fmt.text_or_empty(per)]
                    for sy, v, u, p, lab, per in zip(
                        rows["school_year"],
                        rows["value"],
                        rows["unit"],
                        rows["publisher"],
                        localized(rows, "label", lang),
                        localized(rows, "period", lang),
                    )
                ],
                hovertemplate="<b>%{customdata[0]}: %{customdata[1]}</b><br>%{customdata[3]}<br>"
                "%{customdata[2]} (" + kind_label(kind, lang) + ") · %{customdata[4]}<extra></extra>",
            )
        )
    years = list(range(int(data["start"].min()), int(data["start"].max()) + 1)) if len(data) else []
    top = float(data["value"].max()) if len(data) else 1.0
    base_layout(fig, title, height=400)
    # the legend (source kinds) under the plot: above it, it collided with a wrapped title on a slide
    fig.update_layout(
        showlegend=True,
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, title_text=""),
        margin=dict(b=84),
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[_school_year(y) for y in years],
        range=[years[0] - 0.9, years[-1] + 0.9] if years else None,
        title_text=None,
        zeroline=False,
    )
    fig.update_yaxes(
        title_text=y_title,
        rangemode="tozero",
        range=[0, top * 1.3],
        tickprefix="$",
        tickformat="~s",
    )
    return fig


@cached
def points_alt(frame: pd.DataFrame, what: str, lang: str = "en") -> str:
    items = "; ".join(
        f"{sy}: {fmt.value_text(v, u, lang)} ({p}, {kind_label(k, lang)})"
        for sy, v, u, p, k in zip(
            frame["school_year"], frame["value"], frame["unit"], frame["publisher"], frame["source_kind"]
        )
    )
    return t("cbs.points.alt", lang, what=what, n=len(frame), items=items or "—")
