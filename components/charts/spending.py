"""Spending page figures: the budget treemap and sorted bars, the school-police pieces, the multi-year
school-police series and the calculator's mix change. Frames in, Plotly figures and text alternatives out.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import OKABE_ITO, base_layout
from components.i18n import CATALOG, t
from components.perf.memo import cached
from components.tables.spending import approx_prefix, cost_text, fte_text
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized

GREY = "#6b7280"


SPREAD_DAYS = 130  # a school year's points spread at most this many days either side of its midpoint


PROPOSAL_BASES = {"proposed", "failed-proposal", "draft-option", "planned"}


def _h(value) -> str:
    """Data text made safe for Plotly's HTML-ish labels."""
    return html.escape("" if value is None else str(value), quote=False)


def _wrap(text: str, width: int = 30) -> str:
    return "<br>".join(_h(part) for part in textwrap.wrap(str(text), width)) or _h(text)


def category_colour(sort_order) -> str:
    return OKABE_ITO[(int(sort_order) - 1) % len(OKABE_ITO)]


@cached
def budget_treemap(lines: pd.DataFrame, year: str, lang: str = "en") -> go.Figure:
    """Drill-down: the budget (or the filtered part of it) -> categories -> lines, sized by dollars."""
    root = t("sp.tree.root", lang, year=year)
    ids, labels, parents, values, colours, texts, hovers = ["all"], [root], [""], [], ["#ffffff"], [], []
    total = float(lines["budgeted_usd"].sum())
    values.append(total)
    texts.append(fmt.money(total, lang, compact=True))
    hovers.append(fmt.money(total, lang))
    for cat_id, group in lines.groupby("category_id", sort=False):
        usd = float(group["budgeted_usd"].sum())
        share = float(group["share"].sum())
        fte = group["fte"].dropna().sum() if group["fte"].notna().any() else None
        ids.append(f"cat:{cat_id}")
        labels.append(_h(group["category"].iloc[0]))
        parents.append("all")
        values.append(usd)
        colours.append(category_colour(group["sort_order"].iloc[0]))
        texts.append(f"{fmt.money(usd, lang, compact=True)} · {fmt.percent(share, lang)}")
        hovers.append(
            t(
                "sp.tree.hover_cat",
                lang,
                usd=fmt.money(usd, lang),
                share=fmt.percent(share, lang),
                fte=fte_text(fte, lang),
            )
        )
    for row in lines.itertuples(index=False):
        ids.append(f"line:{row.line_id}")
        labels.append(_wrap(row.position_item, 24))
        parents.append(f"cat:{row.category_id}")
        values.append(float(row.budgeted_usd))
        colours.append(category_colour(row.sort_order))
        texts.append(f"{fmt.money(row.budgeted_usd, lang, compact=True)} · {fmt.percent(row.share, lang)}")
        hovers.append(
            t(
                "sp.tree.hover_line",
                lang,
                usd=fmt.money(row.budgeted_usd, lang),
                share=fmt.percent(row.share, lang),
                fte=fte_text(row.fte, lang),
                cost=cost_text(row.cost_per_fte, lang),
                level=_h(row.location),
            )
        )
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker=dict(colors=colours, line=dict(color="#ffffff", width=2)),
            text=texts,
            customdata=hovers,
            textinfo="label+text",
            hovertemplate="<b>%{label}</b><br>%{customdata}<extra></extra>",
            pathbar=dict(visible=True),
            root=dict(color="#ffffff"),
            sort=True,
        )
    )
    base_layout(fig, t("sp.tree.title", lang, year=year), height=560)
    fig.update_layout(margin=dict(l=4, r=4, t=64, b=8))
    return fig


@cached
def budget_treemap_alt(lines: pd.DataFrame, year: str, lang: str = "en") -> str:
    cats = lines.groupby("category", sort=False)["budgeted_usd"].sum().sort_values(ascending=False)
    items = "; ".join(f"{c}: {fmt.money(v, lang)}" for c, v in cats.items())
    return t(
        "sp.tree.alt", lang, year=year, n=len(lines), items=items, total=fmt.money(lines["budgeted_usd"].sum(), lang)
    )


@cached
def lines_bar(lines: pd.DataFrame, year: str, lang: str = "en") -> go.Figure:
    """Horizontal bars of every line, largest on top, one legend entry per category; each bar is labelled
    with dollars, share of the total and FTEs, and its category is written under the line's name."""
    data = lines.sort_values("budgeted_usd", ascending=True, kind="stable")
    tick = {
        row.line_id: f"<span style='color:#111827'>{_wrap(row.position_item, 24)}</span><br>"
        f"<span style='font-size:12px;color:{GREY}'><i>{_h(row.category)}</i></span>"
        for row in data.itertuples(index=False)
    }
    top = float(data["budgeted_usd"].max()) if len(data) else 1.0
    fig = go.Figure()
    for _cat_id, group in data.groupby("category_id", sort=False):
        fig.add_trace(
            go.Bar(
                x=group["budgeted_usd"].astype(float),
                y=[tick[i] for i in group["line_id"]],
                orientation="h",
                name=_h(group["category"].iloc[0]),
                marker=dict(color=category_colour(group["sort_order"].iloc[0]), line=dict(color="#111827", width=0.5)),
                text=[
                    f"{fmt.money(v, lang, compact=True)} · {fmt.percent(s, lang)}"
                    for v, s in zip(group["budgeted_usd"], group["share"])
                ],
                # long bars carry their label inside (so that it fits on a phone), short ones just outside
                textposition=["inside" if v >= 0.4 * top else "outside" for v in group["budgeted_usd"]],
                insidetextanchor="end",
                cliponaxis=False,
                textfont=dict(size=13),
                customdata=[
                    t(
                        "sp.bar.hover",
                        lang,
                        usd=fmt.money(r.budgeted_usd, lang),
                        share=fmt.percent(r.share, lang),
                        fte=fte_text(r.fte, lang),
                        cost=cost_text(r.cost_per_fte, lang),
                        level=_h(r.location),
                    )
                    for r in group.itertuples(index=False)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    # a row is as tall as its label: the name (in Spanish with its explanation, so longer) and the category
    lines_per_label = max((len(textwrap.wrap(str(n), 24)) + 1 for n in data["position_item"]), default=2)
    base_layout(
        fig, t("sp.bar.title", lang, year=year), height=160 + max(66, 16 * lines_per_label + 2) * max(len(data), 1)
    )
    top = float(data["budgeted_usd"].max()) if len(data) else 1.0
    fig.update_xaxes(title_text=t("sp.bar.x", lang), tickprefix="$", tickformat="~s", range=[0, top * 1.5])
    fig.update_yaxes(title_text=None, categoryorder="array", categoryarray=[tick[i] for i in data["line_id"]])
    fig.update_layout(
        showlegend=True,
        barmode="overlay",
        bargap=0.25,
        legend=dict(
            orientation="h", yanchor="top", y=-0.06, xanchor="left", x=0, title=dict(text=t("col.category", lang))
        ),
    )
    return fig


@cached
def lines_bar_alt(lines: pd.DataFrame, year: str, lang: str = "en") -> str:
    items = "; ".join(
        f"{r.position_item}: {fmt.money(r.budgeted_usd, lang)} ({fmt.percent(r.share, lang)})"
        for r in lines.itertuples(index=False)
    )
    return t("sp.bar.alt", lang, year=year, items=items)


@cached
def laspd_items_bar(items: pd.DataFrame, year: str, lang: str = "en") -> go.Figure:
    data = items.sort_values("amount_usd", ascending=True, kind="stable")
    labels = [
        f"{approx_prefix(a)}{fmt.money(v, lang, compact=True)}" for a, v in zip(data["approx"], data["amount_usd"])
    ]
    hover = [
        t(
            "sp.laspd.hover",
            lang,
            published=_h(p),
            usd=fmt.money(v, lang),
            approx=(t("common.approx", lang, qualifier=_h(q)) if a else ""),
        )
        for p, v, a, q in zip(data["published_as"], data["amount_usd"], data["approx"], data["qualifier"])
    ]
    fig = go.Figure(
        go.Bar(
            x=data["amount_usd"].astype(float),
            y=[_wrap(i, 34) for i in localized(data, "item", lang, published=True)],
            orientation="h",
            marker=dict(
                color=[OKABE_ITO[0] if not a else "#ffffff" for a in data["approx"]],
                line=dict(color=OKABE_ITO[0], width=2),
            ),
            text=labels,
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
        )
    )
    base_layout(fig, t("sp.laspd.title", lang, year=year), height=120 + 64 * max(len(data), 1))
    top = float(data["amount_usd"].max()) if len(data) else 1.0
    fig.update_xaxes(title_text=t("sp.bar.x", lang), tickprefix="$", tickformat="~s", range=[0, top * 1.35])
    fig.update_yaxes(title_text=None)
    return fig


@cached
def laspd_items_alt(items: pd.DataFrame, year: str, lang: str = "en") -> str:
    parts = "; ".join(
        f"{i}: {p}" + (f" ({q})" if a else "")
        for i, p, a, q in zip(
            localized(items, "item", lang, published=True), items["published_as"], items["approx"], items["qualifier"]
        )
    )
    return t("sp.laspd.alt", lang, year=year, items=parts)


def year_midpoint(school_year: str) -> dt.date:
    """'2019-20' -> 2020-01-01, the middle of the school year (July to June), where its points are drawn."""
    return dt.date(int(school_year[:4]) + 1, 1, 1)


def _value_text(value, unit: str, lang: str, compact: bool = True) -> str:
    return fmt.money(value, lang, compact=compact) if unit == "usd" else fmt.number(value, lang)


def series_points(frame: pd.DataFrame) -> pd.DataFrame:
    """Dated rows of one metric with their plotting position: a school year's points are spread a little
    side by side (sorted by value) so that none hides another; each row knows its year's min, max and count."""
    dated = frame[frame["school_year"].notna()].copy()
    dated = dated.sort_values(["school_year", "value", "obs_id"], kind="stable")
    xs, lows, highs, counts = [], [], [], []
    for year, group in dated.groupby("school_year", sort=False):
        n = len(group)
        mid = year_midpoint(year)
        spread = SPREAD_DAYS
        step = (2 * spread / (n - 1)) if n > 1 else 0
        for i in range(n):
            xs.append(mid + dt.timedelta(days=round(-spread + i * step) if n > 1 else 0))
            lows.append(float(group["value"].min()))
            highs.append(float(group["value"].max()))
            counts.append(n)
    dated["x"] = pd.to_datetime(xs) if xs else pd.Series(dtype="datetime64[ns]")
    dated["year_min"], dated["year_max"], dated["year_count"] = lows, highs, counts
    return dated


@cached
def laspd_series(
    frame: pd.DataFrame, events: pd.DataFrame, metric: str, lang: str = "en", district: pd.DataFrame | None = None
) -> go.Figure:
    """Every dated figure of one metric (one kind of count) as its own point, coloured and named by source kind;
    a grey bar spans a year's lowest to highest figure where sources disagree; hedged figures are hollow markers,
    proposals diamonds; the June 2020 vote and the February 2021 cut are dashed lines with their own hover.

    `district`: the district's own figure of a related but different count (its budget table's budgeted sworn
    FTEs beside sworn officers reported employed; the sworn positions' dollars beside the department budget),
    drawn as a distinct labelled star, never joined to the others."""
    points = series_points(frame)
    unit = str(frame["unit"].iloc[0]) if len(frame) else "count"
    fig = go.Figure()
    # the spread of disagreeing sources, drawn first (behind the points)
    spans = points[points["year_min"] != points["year_max"]].drop_duplicates("school_year")
    for row in spans.itertuples(index=False):
        mid = pd.Timestamp(year_midpoint(row.school_year))
        left, right = mid - pd.Timedelta(days=SPREAD_DAYS + 45), mid + pd.Timedelta(days=SPREAD_DAYS + 45)
        fig.add_trace(
            go.Scatter(
                x=[left, right, right, left, left],
                y=[row.year_min, row.year_min, row.year_max, row.year_max, row.year_min],
                mode="lines",
                fill="toself",
                fillcolor="rgba(156,163,175,0.25)",
                showlegend=False,
                hoveron="fills",
                line=dict(color="#9ca3af", width=1),
                hovertemplate=_h(
                    t(
                        "sp.hist.range",
                        lang,
                        year=row.school_year,
                        n=row.year_count,
                        low=_value_text(row.year_min, unit, lang),
                        high=_value_text(row.year_max, unit, lang),
                    )
                )
                + "<extra></extra>",
            )
        )
    kinds = list(dict.fromkeys(points["source_kind"]))
    kind_order = ["district", "government", "research", "news", "advocacy", "reference"]
    kinds.sort(key=lambda k: kind_order.index(k) if k in kind_order else 99)
    for k in kinds:
        rows = points[points["source_kind"] == k]
        colour = OKABE_ITO[(kind_order.index(k) if k in kind_order else 7) % len(OKABE_ITO)]
        symbols = [
            ("diamond" if b in PROPOSAL_BASES else "circle") + ("-open" if a else "")
            for a, b in zip(rows["approx"], rows["basis"])
        ]
        hover = [_point_hover(r, unit, lang) for r in rows.itertuples(index=False)]
        fig.add_trace(
            go.Scatter(
                x=rows["x"],
                y=rows["value"].astype(float),
                mode="markers",
                name=_h(kind_label(k, lang)),
                marker=dict(size=13, color=colour, symbol=symbols, line=dict(color=colour, width=2.5)),
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    # legend-only keys for the marker shapes
    shapes = [("circle", "sp.hist.key.exact")]
    if points["approx"].any():
        shapes.append(("circle-open", "sp.hist.key.approx"))
    if points["basis"].isin(PROPOSAL_BASES).any():
        shapes.append(("diamond", "sp.hist.key.proposal"))
    for symbol, key in shapes:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=_h(t(key, lang)),
                marker=dict(size=12, symbol=symbol, color=GREY, line=dict(color=GREY, width=2)),
                hoverinfo="skip",
            )
        )
    if district is not None and not district.empty:
        own = series_points(district)
        d_unit = str(district["unit"].iloc[0])
        fig.add_trace(
            go.Scatter(
                x=own["x"],
                y=own["value"].astype(float),
                mode="markers+text",
                name=_h(t(f"sp.hist.district.{district['metric'].iloc[0]}", lang)),
                marker=dict(size=17, symbol="star", color="#111827", line=dict(color="#ffffff", width=1)),
                text=[
                    _h(t(f"sp.hist.district_label.{m}", lang, value=_value_text(v, d_unit, lang), year=y))
                    for m, v, y in zip(own["metric"], own["value"], own["school_year"])
                ],
                textposition="middle left",
                textfont=dict(size=13, color="#111827"),
                cliponaxis=False,
                customdata=[_point_hover(r, d_unit, lang) for r in own.itertuples(index=False)],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    # decisions: a dashed or dotted line each, with a marker at the top that the legend names (no text on
    # the plot: the two dates are seven months apart and labels would collide on a phone)
    values = list(points["value"]) + (list(district["value"]) if district is not None else [])
    top = float(max(values)) if values else 1.0
    styles = [("dash", "triangle-down"), ("dot", "square")]
    for (dash, symbol), ev in zip(styles * 4, events.itertuples(index=False)):
        when = pd.Timestamp(ev.event_date)
        fig.add_vline(x=when.timestamp() * 1000, line=dict(color="#111827", width=1.5, dash=dash))
        key = f"sp.hist.event.{ev.event_id}"
        date = fmt.date(ev.event_date, lang, ev.date_precision)
        event = localized(ev, "event", lang)
        label = t(key, lang, date=date) if key in CATALOG else f"{date}: {event}"
        fig.add_trace(
            go.Scatter(
                x=[when],
                y=[top * 1.12],
                mode="markers",
                name=_h(label),
                showlegend=True,
                cliponaxis=False,
                marker=dict(size=11, symbol=symbol, color="#111827"),
                customdata=[
                    t(
                        "sp.hist.event_hover",
                        lang,
                        date=date,
                        event=_h(event),
                        publisher=_h(ev.publisher),
                        kind=_h(kind_label(ev.source_kind, lang)),
                    )
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    base_layout(fig, t(f"sp.hist.title.{metric}", lang), height=540)
    years = sorted(set(points["school_year"]) | set(district["school_year"].dropna() if district is not None else []))
    # An explicit range a school year beyond the first and last points (and the decisions): Plotly's own range
    # for few points next to vertical lines can collapse at phone width (an SVG text at y=-Infinity).
    edges = [pd.Timestamp(year_midpoint(y)) for y in years] + [pd.Timestamp(d) for d in events["event_date"]]
    span = [min(edges) - pd.Timedelta(days=300), max(edges) + pd.Timedelta(days=300)] if edges else None
    fig.update_xaxes(
        type="date",
        range=span,
        tickvals=[pd.Timestamp(year_midpoint(y)) for y in years],
        ticktext=years,
        title_text=t("sp.hist.x", lang),
        tickangle=-45,
        nticks=None,
        showgrid=False,
    )
    if unit == "usd":
        fig.update_yaxes(
            title_text=t(f"sp.hist.y.{metric}", lang),
            tickprefix="$",
            tickformat="~s",
            rangemode="tozero",
            range=[0, top * 1.3],
            gridcolor="#e5e7eb",
        )
    else:
        fig.update_yaxes(
            title_text=t(f"sp.hist.y.{metric}", lang), rangemode="tozero", range=[0, top * 1.3], gridcolor="#e5e7eb"
        )
    fig.update_layout(
        showlegend=True,
        legend=dict(orientation="h", yanchor="top", y=-0.32, xanchor="left", x=0),
        margin=dict(l=10, r=20, t=64, b=40),
    )
    return fig


def _point_hover(r, unit: str, lang: str) -> str:
    value = approx_prefix(r.approx) + _value_text(r.value, unit, lang, compact=False)
    lines = [f"<b>{value}</b> · {_h(r.school_year)}"]
    if bool(r.approx):
        lines.append(_h(t("common.approx", lang, qualifier=r.qualifier)))
    lines.append(_h(localized(r, "label", lang)))
    period = localized(r, "period", lang)
    if isinstance(period, str) and period:
        lines.append(_h(period))
    lines.append(_h(t("sp.hist.basis", lang, basis=t(f"sp.basis.{r.basis}", lang))))
    lines.append(_h(t("sp.hist.source", lang, publisher=r.publisher, kind=kind_label(r.source_kind, lang))))
    lines.append(f"<i>{_h(textwrap.shorten(str(localized(r, 'title', lang)), 70))}</i>")
    if r.year_count > 1 and r.year_min != r.year_max:
        lines.append(
            _h(
                t(
                    "sp.hist.disagree",
                    lang,
                    n=r.year_count,
                    low=_value_text(r.year_min, unit, lang),
                    high=_value_text(r.year_max, unit, lang),
                )
            )
        )
    return "<br>".join(lines)


@cached
def laspd_series_alt(frame: pd.DataFrame, metric: str, lang: str = "en") -> str:
    points = series_points(frame)
    unit = str(frame["unit"].iloc[0]) if len(frame) else "count"
    per_year = []
    for year, group in points.groupby("school_year", sort=True):
        lo, hi = group["value"].min(), group["value"].max()
        span = (
            _value_text(lo, unit, lang) if lo == hi else f"{_value_text(lo, unit, lang)}–{_value_text(hi, unit, lang)}"
        )
        per_year.append(f"{year}: {span} ({len(group)})")
    undated = int(frame["school_year"].isna().sum())
    return t("sp.hist.alt", lang, what=t(f"sp.hist.title.{metric}", lang), items="; ".join(per_year), undated=undated)


@cached
def mix_change(mix: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Category dollars: published (solid) beside the what-if scenario (hatched), each bar labelled."""
    data = mix.iloc[::-1]
    fig = go.Figure()
    # grouped horizontal bars draw the first trace at the bottom of each group: the what-if goes first, so
    # that the published bar sits on top
    for column, share, key, pattern, colour in (
        ("scenario_usd", "scenario_share", "sp.calc.mix.scenario", "/", "#E69F00"),
        ("published_usd", "published_share", "sp.calc.mix.published", "", "#0072B2"),
    ):
        fig.add_trace(
            go.Bar(
                x=data[column].astype(float),
                y=[_wrap(c, 16) for c in data["category"]],
                orientation="h",
                name=t(key, lang),
                marker=dict(
                    color=colour, line=dict(color="#111827", width=0.5), pattern=dict(shape=pattern, fgcolor="#111827")
                ),
                text=[
                    f"{fmt.money(v, lang, compact=True)} · {fmt.percent(s, lang)}"
                    for v, s in zip(data[column], data[share])
                ],
                # text on a hatched bar is hard to read: the what-if labels always sit outside their bars
                textposition="outside" if pattern else "auto",
                insidetextanchor="end",
                cliponaxis=False,
                textfont=dict(size=13),
                customdata=[
                    f"{t(key, lang)}: {fmt.money(v, lang)} ({fmt.percent(s, lang)})"
                    for v, s in zip(data[column], data[share])
                ],
                hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
            )
        )
    base_layout(fig, t("sp.calc.mix.title", lang), height=150 + 80 * max(len(data), 1))
    top = float(max(data["published_usd"].max(), data["scenario_usd"].max())) if len(data) else 1.0
    fig.update_xaxes(title_text=t("sp.bar.x", lang), tickprefix="$", tickformat="~s", range=[0, top * 1.6])
    fig.update_layout(
        barmode="group",
        showlegend=True,
        legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0, traceorder="reversed"),
    )
    return fig


@cached
def mix_change_alt(mix: pd.DataFrame, lang: str = "en") -> str:
    items = "; ".join(
        f"{c}: {fmt.money(a, lang)} → {fmt.money(b, lang)}"
        for c, a, b in zip(mix["category"], mix["published_usd"], mix["scenario_usd"])
    )
    return t("sp.calc.mix.alt", lang, items=items)
