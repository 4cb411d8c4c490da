"""Sources page figure: how many documents of each kind the dashboard's figures come from. Frames in, Plotly
figures and text alternatives out."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import BAR_COLOUR, base_layout, direct_labels
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt
from components.text.citations import kind_label


@cached
def by_kind(kinds: pd.DataFrame, lang: str = "en", names_at: str = "above") -> go.Figure:
    """Documents per kind of source, most first, each bar named and labelled with its count."""
    data = kinds.sort_values(["sources", "kind"], ascending=[True, False], kind="stable")
    names = [html.escape(kind_label(k, lang), quote=False) for k in data["kind"]]
    fig = go.Figure(
        go.Bar(
            x=data["sources"].astype(int),
            y=names,
            orientation="h",
            marker=dict(color=BAR_COLOUR, line=dict(color="#111827", width=0.5)),
            text=[fmt.number(n, lang) for n in data["sources"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="<b>%{y}</b>: %{x}<extra></extra>",
        )
    )
    base_layout(fig, t("src.chart.title", lang), height=400)
    left = names_at == "left"
    top = float(data["sources"].max()) if len(data) else 1.0
    return direct_labels(fig, names, top, room=1.25, row=34 if left else 42, names_at=names_at)


@cached
def by_kind_alt(kinds: pd.DataFrame, lang: str = "en") -> str:
    data = kinds.sort_values("sources", ascending=False, kind="stable")
    items = "; ".join(f"{kind_label(k, lang)}: {fmt.number(n, lang)}" for k, n in zip(data["kind"], data["sources"]))
    return t("src.chart.alt", lang, items=items)
