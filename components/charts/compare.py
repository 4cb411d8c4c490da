"""Two school years as grouped bars: the safety budget by category, deployments by region or board district.
Each bar carries its value as text; the two years differ by colour AND by pattern (the earlier year hatched)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import OKABE_ITO, base_layout
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt
from components.text.labels import group_label, short_label

EARLIER, LATER = OKABE_ITO[4], OKABE_ITO[0]  # sky blue (hatched) and blue


def _bars(labels, values, year: str, colour: str, hatched: bool, text) -> go.Bar:
    return go.Bar(
        x=values,
        y=labels,
        orientation="h",
        name=year,
        marker=dict(
            color=colour,
            line=dict(color="#111827", width=0.5),
            pattern=dict(shape="/" if hatched else "", fgcolor="#111827", solidity=0.2),
        ),
        text=text,
        textposition="outside",
        cliponaxis=False,
        hovertemplate="<b>%{y}</b> · " + year + "<br>%{text}<extra></extra>",
    )


@cached
def categories(a: pd.DataFrame, b: pd.DataFrame, year_a: str, year_b: str, lang: str = "en") -> go.Figure:
    order = b.sort_values("budgeted_usd")["category"].tolist()
    order = [c for c in a.sort_values("budgeted_usd")["category"] if c not in order] + order
    fig = go.Figure()
    for frame, year, colour, hatched in ((a, year_a, EARLIER, True), (b, year_b, LATER, False)):
        by = frame.set_index("category")
        values = [float(by["budgeted_usd"].get(c)) if c in by.index else None for c in order]
        text = [fmt.money(v, lang, compact=True) if v is not None else t("cmp.missing", lang) for v in values]
        fig.add_trace(_bars(order, values, year, colour, hatched, text))
    base_layout(fig, t("cmp.chart.categories", lang, a=year_a, b=year_b), height=140 + 70 * max(len(order), 1))
    top = max([float(x) for x in pd.concat([a["budgeted_usd"], b["budgeted_usd"]])] or [1.0])
    fig.update_xaxes(title_text=t("ov.mix.x", lang), tickprefix="$", tickformat="~s", range=[0, top * 1.35])
    fig.update_layout(
        barmode="group", showlegend=True, legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0)
    )
    return fig


@cached
def categories_alt(a: pd.DataFrame, b: pd.DataFrame, year_a: str, year_b: str, lang: str = "en") -> str:
    items = "; ".join(
        f"{year}: " + ", ".join(f"{c} {fmt.money(v, lang)}" for c, v in zip(f["category"], f["budgeted_usd"]))
        for f, year in ((a, year_a), (b, year_b))
    )
    return t("cmp.chart.categories_alt", lang, a=year_a, b=year_b, items=items)


@cached
def deployments(
    a: pd.DataFrame, b: pd.DataFrame, kind: str, year_a: str, year_b: str, lang: str = "en", names: dict | None = None
) -> go.Figure:
    keys = list(dict.fromkeys(list(a[kind]) + list(b[kind])))[::-1]
    labels = [short_label(kind, k, lang, names) for k in keys]
    fig = go.Figure()
    for frame, year, colour, hatched in ((a, year_a, EARLIER, True), (b, year_b, LATER, False)):
        by = frame.set_index(kind)["deployments"]
        values = [int(by[k]) if k in by.index else None for k in keys]
        text = [fmt.number(v, lang) if v is not None else t("cmp.missing", lang) for v in values]
        fig.add_trace(_bars(labels, values, year, colour, hatched, text))
    by = t(f"cmp.by.{kind}", lang)
    base_layout(fig, t("cmp.chart.deployments", lang, by=by, a=year_a, b=year_b), height=140 + 60 * max(len(keys), 1))
    top = max([int(x) for x in pd.concat([a["deployments"], b["deployments"]])] or [1])
    fig.update_xaxes(title_text=t("ov.dep.x", lang), range=[0, top * 1.3])
    fig.update_yaxes(type="category")
    fig.update_layout(
        barmode="group", showlegend=True, legend=dict(orientation="h", yanchor="top", y=-0.15, xanchor="left", x=0)
    )
    return fig


@cached
def deployments_alt(
    a: pd.DataFrame, b: pd.DataFrame, kind: str, year_a: str, year_b: str, lang: str = "en", names: dict | None = None
) -> str:
    items = "; ".join(
        f"{year}: "
        + ", ".join(
            f"{group_label(kind, k, lang, names)} {fmt.number(n, lang)}" for k, n in zip(f[kind], f["deployments"])
        )
        for f, year in ((a, year_a), (b, year_b))
    )
    return t("cmp.chart.deployments_alt", lang, by=t(f"cmp.by.{kind}", lang), a=year_a, b=year_b, items=items)
