"""Overview figures: the spending mix, deployments by group and the timeline. Frames in, Plotly figures and
their text alternatives out. No database, no Streamlit.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import BAR_COLOUR, OKABE_ITO, base_layout, direct_labels
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt


@cached
def spending_mix(frame: pd.DataFrame, year: str, lang: str = "en") -> go.Figure:
    """Horizontal bars of budgeted dollars by category, largest on top, labelled with dollars and share."""
    data = frame.sort_values("budgeted_usd", ascending=True)
    labels = [
        f"{fmt.money(v, lang, compact=True)} · {fmt.percent(s, lang)}"
        for v, s in zip(data["budgeted_usd"], data["share"])
    ]
    hover = [
        t("ov.mix.hover", lang, share=fmt.percent(s, lang), fte=fmt.number(f, lang, 0))
        for s, f in zip(data["share"], data["fte"])
    ]
    colours = [OKABE_ITO[(int(o) - 1) % len(OKABE_ITO)] for o in data["sort_order"]]
    fig = go.Figure(
        go.Bar(
            x=data["budgeted_usd"].astype(float),
            y=data["category"],
            orientation="h",
            marker=dict(color=colours, line=dict(color="#111827", width=0.5)),
            text=labels,
            textposition="outside",
            cliponaxis=False,
            customdata=[[h, fmt.money(v, lang)] for h, v in zip(hover, data["budgeted_usd"])],
            hovertemplate="<b>%{y}</b><br>%{customdata[1]}<br>%{customdata[0]}<extra></extra>",
        )
    )
    base_layout(fig, t("ov.mix.title", lang, year=year), height=90 + 52 * len(data))
    top = float(data["budgeted_usd"].max()) if len(data) else 1.0
    # names above the bars, "$123.8M · 35.8%" at their ends: room on the right for the longest label
    return direct_labels(fig, list(data["category"]), top, room=1.75, row=52)


@cached
def spending_mix_alt(frame: pd.DataFrame, year: str, lang: str = "en") -> str:
    data = frame.sort_values("budgeted_usd", ascending=False)
    items = "; ".join(
        f"{c}: {fmt.money(v, lang)} ({fmt.percent(s, lang)})"
        for c, v, s in zip(data["category"], data["budgeted_usd"], data["share"])
    )
    return t("ov.mix.alt", lang, year=year, items=items)


@cached
def deployments_bar(frame: pd.DataFrame, label_column: str, title: str, axis_title: str, lang: str = "en") -> go.Figure:
    """Horizontal bars of deployment counts per group (region or board district), in the frame's order."""
    data = frame.iloc[::-1]  # Plotly draws the first category at the bottom; keep the frame's order top-down
    hover = [
        t("ov.dep.hover", lang, n=fmt.number(n, lang), share=fmt.percent(s, lang))
        for n, s in zip(data["deployments"], data["share"])
    ]
    fig = go.Figure(
        go.Bar(
            x=data["deployments"].astype(int),
            y=data[label_column].astype(str),
            orientation="h",
            marker=dict(color=BAR_COLOUR, line=dict(color="#111827", width=0.5)),
            text=[fmt.number(n, lang) for n in data["deployments"]],
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
        )
    )
    base_layout(fig, title, height=90 + 44 * len(data))
    top = int(data["deployments"].max()) if len(data) else 1
    # the counts are written at the bars' ends: no value axis (its ticks collided on a phone)
    fig.update_xaxes(title_text=None, showticklabels=False, showgrid=False, range=[0, top * 1.25])
    fig.update_yaxes(title_text=axis_title, type="category", tickfont=dict(size=14))
    fig.update_traces(textfont=dict(size=14))
    return fig


@cached
def deployments_alt(frame: pd.DataFrame, label_column: str, by: str, year: str, lang: str = "en") -> str:
    items = "; ".join(f"{g}: {fmt.number(n, lang)}" for g, n in zip(frame[label_column], frame["deployments"]))
    return t("ov.dep.alt", lang, by=by, year=year, items=items)
