"""Deployments page figures (pure: frames in, Plotly figures and text out).

Every bar carries its count and share as text; the selected group (from the region / board-district filter or
a click on the map) is drawn in another colour AND with a hatch pattern AND says "selected", so colour never
carries meaning alone.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import BAR_COLOUR, OKABE_ITO, base_layout
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt
from components.text.labels import group_label, short_label

SELECTED_COLOUR = OKABE_ITO[1]  # orange, beside the blue bars


@cached
def bars(
    frame: pd.DataFrame, kind: str, selected, title: str, lang: str = "en", names: dict | None = None
) -> go.Figure:
    """Horizontal bars of deployments per group, frame order top-down; `selected` is a key or None; `names`: region
    key -> the name in the reader's language."""
    key_col = "board_district" if kind == "board_district" else "region"
    data = frame.iloc[::-1]
    is_sel = [selected is not None and str(k) == str(selected) for k in data[key_col]]
    text = [
        f"{fmt.number(n, lang)} · {fmt.percent(s, lang)}" + (f" · {t('dep.selected', lang)}" if sel else "")
        for n, s, sel in zip(data["deployments"], data["share"], is_sel)
    ]
    hover = [
        t("dep.chart.hover", lang, n=fmt.number(n, lang), share=fmt.percent(s, lang))
        for n, s in zip(data["deployments"], data["share"])
    ]
    fig = go.Figure(
        go.Bar(
            x=data["deployments"].astype(int),
            y=[short_label(kind, k, lang, names) for k in data[key_col]],
            orientation="h",
            marker=dict(
                color=[SELECTED_COLOUR if s else BAR_COLOUR for s in is_sel],
                pattern=dict(shape=["/" if s else "" for s in is_sel], fgcolor="#111827", solidity=0.25),
                line=dict(color="#111827", width=[2.5 if s else 0.5 for s in is_sel]),
            ),
            text=text,
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
        )
    )
    base_layout(fig, title, height=90 + 44 * max(len(data), 1))
    top = int(data["deployments"].max()) if len(data) else 1
    fig.update_xaxes(title_text=t("ov.dep.x", lang), range=[0, max(top, 1) * 1.55], dtick=2 if top <= 20 else None)
    fig.update_yaxes(title_text=None, type="category")
    return fig


@cached
def bars_alt(frame: pd.DataFrame, kind: str, selected, basis: str, lang: str = "en", names: dict | None = None) -> str:
    key_col = "board_district" if kind == "board_district" else "region"
    items = "; ".join(
        f"{group_label(kind, k, lang, names)}: {fmt.number(n, lang)} ({fmt.percent(s, lang)})"
        for k, n, s in zip(frame[key_col], frame["deployments"], frame["share"])
    )
    by = t("ov.dep.by_bd" if kind == "board_district" else "ov.dep.by_region", lang)
    sel = t("dep.alt.selected", lang, name=group_label(kind, selected, lang, names)) if selected is not None else ""
    return t("dep.chart.alt", lang, by=by, basis=basis, items=items or t("dep.none", lang), selected=sel)
