"""Spending page figures: the budget treemap and sorted bars, the school-police pieces, the multi-year
school-police series and the calculator's mix change. Frames in, Plotly figures and text alternatives out.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import BAR_COLOUR, INK, OKABE_ITO, base_layout, direct_labels
from components.i18n import CATALOG, t, tn
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
    fig.update_layout(margin=dict(l=4, r=4, t=fig.layout.margin.t, b=8))
    return fig


@cached
def budget_treemap_alt(lines: pd.DataFrame, year: str, lang: str = "en") -> str:
    cats = lines.groupby("category", sort=False)["budgeted_usd"].sum().sort_values(ascending=False)
    items = "; ".join(f"{c}: {fmt.money(v, lang)}" for c, v in cats.items())
    return t(
        "sp.tree.alt", lang, year=year, n=len(lines), items=items, total=fmt.money(lines["budgeted_usd"].sum(), lang)
    )


LEAD_LINES = 4  # the lead chart names the largest lines; the others share one bar (each is in the table): four
# long Spanish names (published name — explanation, two lines each) and the grey bar fit a 1024x768 first screen


@cached
def lines_bar(lines: pd.DataFrame, year: str, lang: str = "en", names_at: str = "above") -> go.Figure:
    """The largest lines, largest on top, each bar's name written above it and "$120.4M · 34.8%" at its end, so
    the chart reads without hovering or a legend; the smaller lines together in one grey bar that says how many
    they are (each one is in the Lines tab and the table). The line's category, FTEs and cost per FTE are in
    its hover text and the table. names_at="left": the compact form for a projected slide."""
    data = lines.sort_values("budgeted_usd", ascending=False, kind="stable")
    shown, rest = (
        (data, data.iloc[:0]) if len(data) <= LEAD_LINES + 1 else (data.iloc[:LEAD_LINES], data.iloc[LEAD_LINES:])
    )
    names = [_h(n) for n in shown["position_item"]]
    values = [float(v) for v in shown["budgeted_usd"]]
    texts = [
        f"{fmt.money(v, lang, compact=True)} · {fmt.percent(s, lang)}"
        for v, s in zip(shown["budgeted_usd"], shown["share"])
    ]
    hovers = [
        t(
            "sp.bar.hover",
            lang,
            category=_h(r.category),
            usd=fmt.money(r.budgeted_usd, lang),
            share=fmt.percent(r.share, lang),
            fte=fte_text(r.fte, lang),
            cost=cost_text(r.cost_per_fte, lang),
            level=_h(r.location),
        )
        for r in shown.itertuples(index=False)
    ]
    colours = [BAR_COLOUR] * len(shown)
    if len(rest):
        usd = int(rest["budgeted_usd"].sum())
        names.append(
            t("sp.bar.rest", lang, n=len(rest), largest=fmt.money(rest["budgeted_usd"].max(), lang, compact=True))
        )
        values.append(float(usd))
        texts.append(f"{fmt.money(usd, lang, compact=True)} · {fmt.percent(float(rest['share'].sum()), lang)}")
        hovers.append(_h("; ".join(rest["position_item"])))
        colours.append(GREY)
    fig = go.Figure(
        go.Bar(
            x=values[::-1],
            y=names[::-1],
            orientation="h",
            marker=dict(color=colours[::-1], line=dict(color="#111827", width=0.5)),
            text=texts[::-1],
            textposition="outside",
            cliponaxis=False,
            customdata=hovers[::-1],
            hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
        )
    )
    base_layout(fig, t("sp.bar.title", lang, year=year), height=400)
    left = names_at == "left"
    return direct_labels(
        fig,
        names[::-1],
        max(values, default=1.0),
        room=1.6 if left else 1.75,
        row=38 if left else 44,
        names_at=names_at,
    )


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


ROW_PX = 28  # one school year's row in the series charts (a lead chart under a Spanish finding fits 1024x768)
SERIES_ROOM = 3.0  # the value axis runs to 3x the largest figure: the labels after the points fit on a phone


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


@cached
def laspd_series(
    frame: pd.DataFrame,
    events: pd.DataFrame,
    metric: str,
    lang: str = "en",
    district: pd.DataFrame | None = None,
    wide: bool = False,
    phone_slide: bool = False,
) -> go.Figure:
    """One kind of school-police count, one row per school year (oldest on top), read without a legend or
    hovering: every source's figure is a point on its year's row; where sources disagree a grey band spans the
    lowest to highest figure, labelled "$66M to $78M" and "9 figures"; a single figure is labelled with its
    value. Hedged figures are hollow, proposals diamonds (said in a line under the chart). The district's own
    figure of a related but different count (`district`: its budget table's budgeted sworn FTEs, the sworn
    positions' dollars) sits on its own row, labelled with what it counts, never on a source's row. Decisions
    (the June 2020 vote, the February 2021 cut) get a row of their own in date order: a dashed line with their
    words on it. Which source gave which figure is in the table behind the chart.

    wide=True: the projected slide's form (a wide, short screen): every label on one line. phone_slide=True:
    labels wrapped shorter for a slide's 18 px type on a phone."""
    row_px, wrap = (34, 90) if wide else (ROW_PX, 28 if phone_slide else 40)
    points = frame[frame["school_year"].notna()].copy()
    unit = str(frame["unit"].iloc[0]) if len(frame) else "count"
    own = district[district["school_year"].notna()] if district is not None else None
    own = own if own is not None and not own.empty else None

    # the rows, top to bottom: (key, tick label, height in rows)
    rows: list[tuple[str, str, float]] = []
    for year in sorted(set(points["school_year"]) | set(own["school_year"] if own is not None else [])):
        if year in set(points["school_year"]):
            rows.append((year, _h(year), 1.0))
        if own is not None and year in set(own["school_year"]):
            rows.append((f"district:{year}", _h(t("sp.hist.district_row", lang, year=year)), 1.0))
    event_words = {}
    for i, ev in enumerate(events.itertuples(index=False)):
        when = pd.Timestamp(ev.event_date)
        dated = [k for k, _, _ in rows if not k.startswith("event:")]
        begun = [k for k in dated if pd.Timestamp(int(k.rsplit(":", 1)[-1][:4]), 7, 1) <= when]
        if not begun or len(begun) == len(dated):
            continue  # outside the years drawn
        key = f"sp.hist.event.{ev.event_id}"
        date = fmt.date(ev.event_date, lang, ev.date_precision)
        words = _lines(t(key, lang, date=date) if key in CATALOG else f"{date}: {localized(ev, 'event', lang)}", wrap)
        event_words[i] = words
        at = [k for k, _, _ in rows].index(begun[-1]) + 1  # under the last year begun (and its district row)
        while at < len(rows) and rows[at][0].startswith(("district:", "event:")):
            at += 1
        rows.insert(at, (f"event:{i}", "", 0.3 + 0.5 * len(words)))
    position, y = {}, 0.0
    for n, (key, _, height) in enumerate(rows):
        if n:
            y += rows[n - 1][2] / 2 + height / 2
        position[key] = y

    values = list(points["value"].astype(float)) + (list(own["value"].astype(float)) if own is not None else [])
    top = max(values) if values else 1.0
    fig = go.Figure()

    def label(y: float, x: float, lines: list[str]) -> None:
        if wide:
            lines = [" · ".join(lines)]
        else:  # a point's label starts at the point: short lines (a phone's chart; a slide's 18 px on a phone)
            lines = [part for line in lines for part in _lines(line, 16 if phone_slide else 24)]
        fig.add_annotation(
            x=x,
            y=y,
            text="<br>".join(_h(line) for line in lines),
            showarrow=False,
            xanchor="left",
            xshift=12,
            align="left",
            font=dict(size=14 if len(lines) == 1 else 13, color=INK),
        )

    for year, group in points.groupby("school_year", sort=True):
        y = position[year]
        low, high, n = float(group["value"].min()), float(group["value"].max()), len(group)
        if low != high:
            fig.add_trace(
                go.Scatter(
                    x=[low, high],
                    y=[y, y],
                    mode="lines",
                    line=dict(color="rgba(107,114,128,0.35)", width=16),
                    hoverinfo="skip",
                )
            )
            words = [
                t("sp.hist.band", lang, low=_value_text(low, unit, lang), high=_value_text(high, unit, lang)),
                tn("sp.hist.n_figures", n, lang),
            ]
        else:
            words = [_value_text(high, unit, lang)] + ([tn("sp.hist.n_figures", n, lang)] if n > 1 else [])
        label(y, high, words)
        symbols = [
            ("diamond" if b in PROPOSAL_BASES else "circle") + ("-open" if a else "")
            for a, b in zip(group["approx"], group["basis"])
        ]
        fig.add_trace(
            go.Scatter(
                x=group["value"].astype(float),
                y=[y] * n,
                mode="markers",
                marker=dict(size=12, color=BAR_COLOUR, symbol=symbols, line=dict(color=BAR_COLOUR, width=2.5)),
                customdata=[_point_hover(r, unit, lang) for r in series_points(group).itertuples(index=False)],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    if own is not None:
        d_unit = str(own["unit"].iloc[0])
        what = t(f"sp.hist.district_what.{own['metric'].iloc[0]}", lang)
        for r in series_points(own).itertuples(index=False):
            y = position[f"district:{r.school_year}"]
            fig.add_trace(
                go.Scatter(
                    x=[float(r.value)],
                    y=[y],
                    mode="markers",
                    marker=dict(size=17, symbol="star", color="#111827", line=dict(color="#ffffff", width=1)),
                    customdata=[_point_hover(r, d_unit, lang)],
                    hovertemplate="%{customdata}<extra></extra>",
                )
            )
            label(y, float(r.value), [_value_text(r.value, d_unit, lang), what])
    for i, words in event_words.items():
        key = f"event:{i}"
        y = position[key] + rows[[k for k, _, _ in rows].index(key)][2] / 2 - 0.12  # near the row's foot
        fig.add_hline(y=y, line=dict(color="#111827", width=1.2, dash=("dash", "dot")[i % 2]))
        fig.add_annotation(
            x=0,
            xref="paper",
            y=y,
            text="<br>".join(_h(w) for w in words),
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            align="left",
            yshift=1,
            font=dict(size=13, color=INK),
        )
    notes = []
    if points["approx"].any():
        notes.append(t("sp.hist.key.approx", lang))
    if points["basis"].isin(PROPOSAL_BASES).any():
        notes.append(t("sp.hist.key.proposal", lang))
    note_lines = _lines(" · ".join(notes), wrap) if notes else []  # wider lines ran past a phone's chart
    if notes:
        fig.add_annotation(
            x=0,
            xref="paper",
            y=0,
            yref="paper",
            yshift=-30,
            text="<br>".join(_h(line) for line in note_lines),
            showarrow=False,
            xanchor="left",
            yanchor="top",
            align="left",
            font=dict(size=13, color=INK),
        )
    span = (position[rows[-1][0]] + rows[-1][2] / 2 if rows else 0.5) + 0.5
    base_layout(fig, t(f"sp.hist.title.{metric}", lang), height=400)
    bottom = 40 + (26 if phone_slide else 18) * len(note_lines)  # the key's lines, at 18 px on a phone's slide
    fig.update_layout(
        height=round(fig.layout.margin.t + bottom + row_px * (span + 0.2)),
        margin=dict(l=10, r=10, t=fig.layout.margin.t, b=bottom),
    )
    fig.update_yaxes(
        type="linear",
        tickmode="array",
        tickvals=[position[k] for k, label_text, _ in rows if label_text],
        ticktext=["<br>".join(_lines(label_text, 24 if wide else 14)) for _, label_text, _ in rows if label_text],
        range=[span - 0.5, -0.6],  # oldest on top
        showgrid=False,
        zeroline=False,
        title_text=None,
    )
    fig.update_xaxes(
        title_text=None,  # the title names the count
        range=[0, top * (SERIES_ROOM * 1.3 if phone_slide else SERIES_ROOM)],  # 18 px labels need more room
        tickprefix="$" if unit == "usd" else "",
        tickformat="~s",
        nticks=4,
        gridcolor="#e5e7eb",
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


def laspd_series_slide(
    frame: pd.DataFrame, events: pd.DataFrame, metric: str, lang: str, district: pd.DataFrame | None, names_at: str
) -> go.Figure:
    """The series for a presenter's slide: every label on one line on a wide screen, wrapped shorter on a phone."""
    return laspd_series(frame, events, metric, lang, district, wide=names_at == "left", phone_slide=names_at == "phone")


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
    text = t("sp.hist.alt", lang, what=t(f"sp.hist.title.{metric}", lang), items="; ".join(per_year))
    return f"{text} {tn('sp.hist.alt_undated', undated, lang)}" if undated else text


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


@cached
def scenario_lines(changes: pd.DataFrame, labels: dict, lang: str = "en", names_at: str = "above") -> go.Figure:
    """The lines a what-if changes: each one's published dollars (solid) above its what-if dollars (hatched),
    every bar named and labelled with its dollars, so the scenario reads without a legend or hovering."""
    moved = changes[changes["change_usd"] != 0]
    names, values, texts, patterns = [], [], [], []
    for r in moved.itertuples(index=False):
        for column, key, pattern in (
            ("published_usd", "sp.calc.mix.published", ""),
            ("scenario_usd", "sp.calc.mix.scenario", "/"),
        ):
            names.append(f"{_h(labels[r.line_id])} · {t(key, lang)}")
            values.append(float(getattr(r, column)))
            texts.append(fmt.money(getattr(r, column), lang, compact=True))
            patterns.append(pattern)
    names, values, texts, patterns = names[::-1], values[::-1], texts[::-1], patterns[::-1]  # first line on top
    fig = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            marker=dict(
                color=["#E69F00" if p else BAR_COLOUR for p in patterns],
                line=dict(color="#111827", width=0.5),
                pattern=dict(shape=patterns, fgcolor="#111827"),
            ),
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="<b>%{y}</b><br>%{text}<extra></extra>",
        )
    )
    base_layout(fig, t("sp.scenario.chart_title", lang), height=300)
    top = max(values) if values else 1.0
    return direct_labels(fig, names, top, room=1.4, row=40 if names_at == "left" else 48, names_at=names_at)


@cached
def scenario_lines_alt(changes: pd.DataFrame, labels: dict, lang: str = "en") -> str:
    moved = changes[changes["change_usd"] != 0]
    items = "; ".join(
        f"{labels[r.line_id]}: {fmt.money(r.published_usd, lang)} → {fmt.money(r.scenario_usd, lang)}"
        for r in moved.itertuples(index=False)
    )
    return t("sp.scenario.chart_alt", lang, items=items)
