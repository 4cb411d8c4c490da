"""Incident and school-police charts: one definition per chart or per panel, every point and bar labelled with
its year and value on the chart itself, gaps left as gaps, partial years hollow, revisions as two labelled points,
dated decisions as numbered lines with their key printed under the plot (readable without hovering, and in the
PNG download).

Frames in (prepared by components/tables/incidents.py: one row per point or bar, with its text, hover and series
id), figure out. Every data trace carries meta={"series": [...]}: the series ids it draws, so a test can check
that no trace mixes definitions.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.charts.base import BAR_COLOUR, FONT, base_layout, direct_labels
from components.perf.memo import cached

INK = "#1f2937"  # chart text: dark enough on white (WCAG AA at 13 px)
LINE = "#0072B2"  # Okabe-Ito blue: the series
EARLIER = "#6b7280"  # a figure a later report revised
SOFT = "#9ca3af"
ENROLLMENT = "#56B4E9"  # Okabe-Ito sky blue: share of enrollment
ACTION = "#D55E00"  # Okabe-Ito vermillion: share of the police action
TEXT_SIZE = 13
OFFSET_DAYS = 75  # an earlier report, or a part-year figure, sits this far left of its year's full-year point
WRAP = 40  # characters per line of printed text (a 390 px phone fits about 40 beside the axis at 13 px)
TITLE_WRAP = 36  # characters per line of a chart title (17 px)


def _tidy(fig: go.Figure) -> go.Figure:
    """What is sent, kept small: round the layout's computed fractions (subplot domains, title and annotation
    positions, ranges) to 4 places — make_subplots leaves float noise such as 0.6999999999999998 in them — and
    drop the default template."""

    def r(v):
        return round(v, 4) if isinstance(v, float) else v

    layout = fig.layout
    # Plotly's default template is 7 kB of JSON per chart, sent on every page run; these charts set every style
    # they use (colours, fonts, grid), so they go without it (measured in BENCHMARKS.md: ~90 kB of 205 kB)
    layout.template = "none"
    for name in [k for k in layout.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]:
        axis = layout[name]
        if axis.domain is not None:
            axis.domain = [r(v) for v in axis.domain]
        if axis.range is not None and all(isinstance(v, (int, float)) for v in axis.range):
            axis.range = [r(v) for v in axis.range]
    for ann in layout.annotations:
        ann.update(x=r(ann.x) if isinstance(ann.x, float) else ann.x, y=r(ann.y) if isinstance(ann.y, float) else ann.y)
    for shape in layout.shapes:
        shape.update(y0=r(shape.y0), y1=r(shape.y1))
    if isinstance(layout.title.y, float):
        layout.title.y = r(layout.title.y)
    return fig


def wrap(text: str, width: int = WRAP) -> str:
    """Plotly never wraps text: break it into lines joined by <br>."""
    return "<br>".join(textwrap.wrap(str(text), width)) or str(text)


def year_mid(school_year: str) -> pd.Timestamp:
    """'2019-20' -> January 1, 2020: the middle of the school year (July to June), where its points stand."""
    return pd.Timestamp(dt.date(int(school_year[:4]) + 1, 1, 1))


def _school_year(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def _positions(points: pd.DataFrame, span: float, first_year: str, last_year: str) -> list[str]:
    """Where each label goes, so that labels stay clear of each other and of the line on a 390 px phone, where a
    school year is about 30 px wide:
    - a revised (earlier) figure: below its diamond (the line leaves its year from the latest figure, above);
    - a part-year figure (alone in its panel): to the left of its point (to the right in the axis' first year);
    - a full-year figure after a gap whose line rises to the next year: above and to the left, over the gap;
    - otherwise above, or below when the previous label, less than 1.3 years to the left at a similar height,
      is already above."""
    out: list[str] = []
    full = points[points["role"] == "full"]
    by_start = {int(y[:4]): float(v) for y, v in zip(full["school_year"], full["value"])}
    prev_x, prev_y, prev_pos = None, None, None
    for _, r in points.iterrows():
        start, value = int(r["school_year"][:4]), float(r["value"])
        if r["role"] == "earlier":
            pos = "bottom center"
        elif r["role"] == "partial":
            pos = "middle right" if r["school_year"] == first_year else "middle left"
        elif start - 1 not in by_start and by_start.get(start + 1, -1) > value and r["school_year"] != first_year:
            pos = "top left"
        elif (
            prev_x is not None
            and (r["x"] - prev_x).days < 475
            and prev_pos == "top center"
            and abs(value - prev_y) < 0.12 * span
        ):
            pos = "bottom center"
        else:
            pos = "top center"
        out.append(pos)
        prev_x, prev_y, prev_pos = r["x"], value, pos
    return out


def _x_range(all_years: list[str]) -> list[pd.Timestamp]:
    return [year_mid(all_years[0]) - pd.Timedelta(days=230), year_mid(all_years[-1]) + pd.Timedelta(days=230)]


def marks_in_range(marks: pd.DataFrame, points: pd.DataFrame, lower: pd.DataFrame | None = None) -> pd.DataFrame:
    """The decisions that fall within the school years a time chart spans (from the first one's July to the last
    one's June): only these are drawn, and cited."""
    years = list(points["school_year"]) + (list(lower["school_year"]) if lower is not None else [])
    if marks.empty or not years:
        return marks.iloc[0:0]
    first = pd.Timestamp(dt.date(min(int(y[:4]) for y in years), 7, 1))
    last = pd.Timestamp(dt.date(max(int(y[:4]) for y in years) + 1, 6, 30))
    return marks[(marks["x"] >= first) & (marks["x"] <= last)]


def _decisions(fig: go.Figure, marks: pd.DataFrame, rows: int, key_title: str) -> int:
    """Numbered dotted lines at the decisions' dates, and their key under the plot. Returns the key's line count."""
    if marks.empty:
        return 0
    lines = [f"<b>{key_title}</b>"]
    for number, (when, group) in enumerate(marks.groupby("x", sort=True), start=1):
        for row in range(1, rows + 1):
            fig.add_vline(x=when.timestamp() * 1000, line=dict(color=INK, width=1.2, dash="dot"), row=row, col=1)
        fig.add_annotation(
            x=when,
            y=1.0,
            xref="x",
            yref="paper",
            yanchor="bottom",
            text=f"<b>{number}</b>",
            showarrow=False,
            font=dict(size=TEXT_SIZE, color="white"),
            bgcolor=INK,
            borderpad=3,
        )
        first = True
        for text in group["key_text"]:
            for i, line in enumerate(textwrap.wrap(text, WRAP - 4)):
                lead = f"<b>{number}</b>  " if first and i == 0 else "    "
                lines.append(lead + line)
            first = False
    fig.add_annotation(
        x=0,
        y=0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        yshift=-62,
        align="left",
        showarrow=False,
        text="<br>".join(lines),
        font=dict(size=TEXT_SIZE, color=INK),
    )
    return len(lines)


@cached
def over_time(
    points: pd.DataFrame,
    first_month: pd.DataFrame | None,
    marks: pd.DataFrame,
    title: str,
    y_title: str,
    panel_titles: tuple[str, str, str],
    key_title: str,
    gap_text: str,
) -> go.Figure:
    """One series by school year, one panel per coverage so that only like is joined to like: whole school years
    (a line joins consecutive years only, so a missing year stays a gap; a report a later one revised is a grey
    open diamond beside the latest), part of a school year (hollow circles), the first month of each school year.
    `points`: school_year, value, role (full, earlier, partial), text, hover, series_id; `first_month`: the same
    columns (role full). `marks`: decisions to mark (x, key_text), numbered, with their key under the plot.
    `panel_titles`: (whole years, part of a year, first month)."""
    panels = [("full", points[points["role"].isin(["full", "earlier"])], panel_titles[0])]
    if (points["role"] == "partial").any():
        panels.append(("partial", points[points["role"] == "partial"].assign(role="partial"), panel_titles[1]))
    if first_month is not None and not first_month.empty:
        panels.append(("first", first_month, panel_titles[2]))
    rows = len(panels)
    px = [300] + [96] * (rows - 1)
    gap = 64
    plot_px = sum(px) + gap * (rows - 1)
    fig = make_subplots(
        rows=rows,
        cols=1,
        shared_xaxes=True,
        row_heights=[p / sum(px) for p in px],
        vertical_spacing=gap / plot_px if rows > 1 else 0.0,
        subplot_titles=[wrap(p[2]) for p in panels] if rows > 1 else None,
    )
    years = sorted({y for _, frame, _ in panels for y in frame["school_year"]})
    starts = [int(y[:4]) for y in years]
    all_years = [_school_year(s) for s in range(min(starts), max(starts) + 1)]

    def draw(frame: pd.DataFrame, row: int) -> None:
        frame = frame.copy()
        offset = frame["role"].isin(["earlier"]).map({True: -OFFSET_DAYS, False: 0})
        frame["x"] = [year_mid(y) + pd.Timedelta(days=int(o)) for y, o in zip(frame["school_year"], offset)]
        frame = frame.sort_values("x")
        span = float(frame["value"].max()) or 1.0
        frame["pos"] = _positions(frame, span, all_years[0], all_years[-1])
        series = sorted(set(frame["series_id"]))
        full = frame[frame["role"] == "full"]
        # the line: one segment per run of consecutive school years, so that a missing year stays a gap
        runs, run = [], []
        for _, r in full.iterrows():
            if run and int(r["school_year"][:4]) != int(run[-1]["school_year"][:4]) + 1:
                runs.append(run)
                run = []
            run.append(r)
        if run:
            runs.append(run)
        for seg in runs:
            if len(seg) > 1:
                fig.add_trace(
                    go.Scatter(
                        x=[r["x"] for r in seg],
                        y=[float(r["value"]) for r in seg],
                        mode="lines",
                        line=dict(color=LINE, width=2.5),
                        hoverinfo="skip",
                        meta={"series": series},
                    ),
                    row=row,
                    col=1,
                )
        styles = {
            "full": dict(symbol="circle", color=LINE, line=dict(color=LINE, width=2)),
            "partial": dict(symbol="circle-open", color=LINE, line=dict(color=LINE, width=2.5)),
            "earlier": dict(symbol="diamond-open", color=EARLIER, line=dict(color=EARLIER, width=2.5)),
        }
        for role, style in styles.items():
            part = frame[frame["role"] == role]
            if part.empty:
                continue
            fig.add_trace(
                go.Scatter(
                    x=part["x"],
                    y=part["value"].astype(float),
                    mode="markers+text",
                    marker=dict(size=12, **style),
                    text=part["text"],
                    textposition=part["pos"].tolist(),
                    textfont=dict(size=TEXT_SIZE, color=INK),
                    cliponaxis=False,
                    customdata=part["hover"],
                    hovertemplate="%{customdata}<extra></extra>",
                    meta={"series": sorted(set(part["series_id"]))},
                ),
                row=row,
                col=1,
            )
        if row == 1:  # whole years only: a run of missing years, said in words at the foot of the gap
            have = sorted({int(y[:4]) for y in frame["school_year"]})
            missing = [s for s in range(have[0], have[-1] + 1) if s not in have]
            gaps: list[list[int]] = []
            for s in missing:
                if gaps and s == gaps[-1][-1] + 1:
                    gaps[-1].append(s)
                else:
                    gaps.append([s])
            for g in gaps:
                first, last = year_mid(_school_year(g[0])), year_mid(_school_year(g[-1]))
                fig.add_annotation(
                    x=first + (last - first) / 2,
                    y=0,
                    yanchor="bottom",
                    text=wrap(gap_text, 12),
                    showarrow=False,
                    font=dict(size=TEXT_SIZE, color=INK),
                    bgcolor="#f3f4f6",
                    row=row,
                    col=1,
                )
        top = float(frame["value"].max())
        fig.update_yaxes(range=[0, top * (1.35 if row == 1 else 1.9)], nticks=None if row == 1 else 4, row=row, col=1)

    for row, (_, frame, _) in enumerate(panels, start=1):
        draw(frame, row)
    x_range = _x_range(all_years)
    in_range = marks_in_range(marks, points, first_month)
    key_lines = _decisions(fig, in_range, rows, key_title)
    title_text = wrap(title, TITLE_WRAP)
    # above the plot: the toolbar, the title, the first panel's title, the decisions' numbers
    top_px = 40 + 22 * (title_text.count("<br>") + 1) + (22 if rows > 1 else 0) + (26 if key_lines else 6)
    bottom_px = 70 + 19 * key_lines
    height = plot_px + top_px + bottom_px
    base_layout(fig, title_text, height=height)
    fig.update_layout(
        margin=dict(l=10, r=24, t=top_px, b=bottom_px),
        title=dict(font=dict(size=17, color=INK), y=1 - 40 / height, yanchor="top", yref="container"),
        font=dict(FONT, size=TEXT_SIZE + 1),
    )
    fig.update_xaxes(
        type="date",
        range=x_range,
        tickvals=[year_mid(y) for y in all_years],
        ticktext=all_years,
        tickangle=-45,
        nticks=None,
        showgrid=False,
        tickfont=dict(size=TEXT_SIZE, color=INK),
    )
    fig.update_yaxes(rangemode="tozero", gridcolor="#e5e7eb", tickfont=dict(size=TEXT_SIZE, color=INK), tickformat=",")
    fig.update_yaxes(title_text=y_title, title_font=dict(size=TEXT_SIZE, color=INK), row=1, col=1)
    if rows > 1:  # panel titles: left-aligned above their panel; the first one above the decisions' numbers
        titles = [wrap(p[2]) for p in panels]
        for ann in fig.layout.annotations:
            if ann.text in titles:
                lift = 26 if ann.text == titles[0] and key_lines else 0
                ann.update(x=0, xanchor="left", align="left", yshift=lift, font=dict(size=TEXT_SIZE, color=INK))
    return _tidy(fig)


BAR_PX = 22  # one bar's thickness
LABEL_LINE_PX = 17  # one line of a row's label (13 px text)


@cached
def panel_bars(bars: pd.DataFrame, title: str, legend: tuple[tuple[str, str], ...] = ()) -> go.Figure:
    """Horizontal bars in panels stacked top to bottom, one definition per panel (a panel may hold several
    traces, each of one series: years side by side, or enrollment beside an action share).

    Each row's label is printed above its bars across the whole width (not beside them as axis labels, which
    would leave a phone a sliver of chart), and each bar carries its value at its end.

    `bars`: panel, panel_title, category (the row's label), trace (its trace within the panel, top to bottom),
    colour, value (NaN = not available: `text` is then printed where the bar would be, and nothing is drawn), text
    (the value label, with its year or period where needed), style (solid, hollow: part of a period, or a hedged
    share), hover, series_id, scale (panels with the same scale share one length per unit, so that a 5 is never
    drawn as long as a 385). `legend`: (colour, words) pairs printed above the panels when colour tells traces
    apart (the bars' own labels say it too)."""
    panels = list(dict.fromkeys(bars["panel"]))
    parts = [bars[bars["panel"] == p] for p in panels]
    titles = [wrap(part["panel_title"].iloc[0]) for part in parts]
    title_lines = [x.count("<br>") + 1 for x in titles]
    layout = []  # per panel: (categories, their labels, traces, band px, label px)
    for part in parts:
        categories = list(dict.fromkeys(part["category"]))
        labels = [wrap(str(c).replace("<br>", " ")) for c in categories]
        traces = list(dict.fromkeys(part["trace"]))
        label_px = max(x.count("<br>") + 1 for x in labels) * LABEL_LINE_PX
        # the bars sit in the middle of their band, the label in the top part: the band is bars + 2 labels
        band_px = len(traces) * BAR_PX + 2 * label_px + 14
        layout.append((categories, labels, traces, band_px, label_px))
    row_px = [len(c) * band for c, _, _, band, _ in layout]
    gap = max(title_lines[1:], default=0) * 18 + 16
    plot_px = sum(row_px) + gap * (len(panels) - 1)
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[r / sum(row_px) for r in row_px],
        vertical_spacing=gap / plot_px if len(panels) > 1 else 0.0,
        subplot_titles=titles,
    )
    tops = bars[bars["value"].notna()].groupby("scale")["value"].max().to_dict()
    for i, (part, (categories, labels, traces, band_px, label_px)) in enumerate(zip(parts, layout), start=1):
        width = BAR_PX / band_px
        block_top = 0.5 - (label_px + 10) / band_px  # in category units: the label above, the bars below it
        for k, trace_name in enumerate(traces):
            rows = part[(part["trace"] == trace_name) & part["value"].notna()]
            if rows.empty:
                continue
            hollow = rows["style"] == "hollow"
            colour = rows["colour"].iloc[0]
            # a reversed category axis draws the first category at the top; within a band, higher y is higher up
            fig.add_trace(
                go.Bar(
                    x=rows["value"].astype(float),
                    y=rows["category"],
                    orientation="h",
                    name=str(trace_name),
                    width=width,
                    offset=-block_top + k * width,
                    marker=dict(
                        color=["white" if h else colour for h in hollow],
                        line=dict(color=colour, width=2),
                        pattern=dict(shape=["/" if h else "" for h in hollow], fgcolor=colour, size=8, solidity=0.3),
                    ),
                    text=rows["text"],
                    textposition="outside",
                    textfont=dict(size=TEXT_SIZE, color=INK),
                    cliponaxis=False,
                    customdata=rows["hover"],
                    hovertemplate="%{customdata}<extra></extra>",
                    showlegend=False,
                    meta={"series": sorted(set(rows["series_id"]))},
                ),
                row=i,
                col=1,
            )
        for category, label in zip(categories, labels):  # the row's label, above its bars
            fig.add_annotation(
                x=0,
                y=category,
                xanchor="left",
                yanchor="top",
                yshift=band_px / 2 - 6,
                text=f"<b>{label}</b>",
                align="left",
                showarrow=False,
                row=i,
                col=1,
            )
        for _, r in part[part["value"].isna()].iterrows():  # not available: said where the bar would be, not drawn
            fig.add_annotation(x=0, y=r["category"], xanchor="left", text=r["text"], showarrow=False, row=i, col=1)
        fig.update_yaxes(
            categoryorder="array",
            categoryarray=categories,
            autorange="reversed",
            type="category",
            showticklabels=False,
            showgrid=False,
            row=i,
            col=1,
        )
        top = tops.get(part["scale"].iloc[0], 1.0)
        fig.update_xaxes(range=[0, top * 1.8], showticklabels=False, showgrid=False, row=i, col=1)
    title_text = wrap(title, TITLE_WRAP)
    legend_px = 26 if legend else 0
    top_px = 40 + 22 * (title_text.count("<br>") + 1) + legend_px + 18 * title_lines[0] + 8
    height = plot_px + top_px + 16
    base_layout(fig, title_text, height=height)
    fig.update_layout(
        barmode="overlay",
        margin=dict(l=10, r=16, t=top_px, b=16),
        title=dict(font=dict(size=17, color=INK), y=1 - 40 / height, yanchor="top", yref="container"),
        font=dict(FONT, size=TEXT_SIZE + 1),
    )
    fig.update_xaxes(zeroline=True, zerolinecolor=SOFT, zerolinewidth=1)
    fig.update_annotations(font=dict(size=TEXT_SIZE, color=INK))
    for ann in fig.layout.annotations:  # subplot titles: left-aligned above their panel
        if ann.text in titles:
            ann.update(x=0, xanchor="left", align="left")
    if legend:
        swatches = "   ".join(f"<span style='color:{c}'>■</span> {words}" for c, words in legend)
        fig.add_annotation(
            x=0,
            y=1,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="bottom",
            yshift=18 * title_lines[0] + 8,
            text=swatches,
            showarrow=False,
            align="left",
            font=dict(size=TEXT_SIZE, color=INK),
        )
    return _tidy(fig)


@cached
def whole_years_slide(points: pd.DataFrame, title: str, gap_text: str, names_at: str = "left") -> go.Figure:
    """The presenter's slide of one series: whole school years only (part years and first months are not the
    same count), one bar per report, oldest on top, its value at its end; a revised year shows both reports
    (the earlier one hollow), named; school years without a figure keep their place in one row that says so,
    so a gap is never bridged."""
    whole = points[points["role"].isin(["full", "earlier"])].sort_values(
        ["school_year", "role"], ascending=[True, False]
    )
    starts = sorted({int(y[:4]) for y in whole["school_year"]})
    names, values, texts, colours = [], [], [], []
    missing: list[int] = []

    def flush_gap() -> None:
        if missing:
            span = _school_year(missing[0]) + ("" if len(missing) == 1 else f"–{_school_year(missing[-1])}")
            names.append(f"{span}: {gap_text}")
            values.append(0.0)
            texts.append("")
            colours.append("#ffffff")
            missing.clear()

    for start in range(starts[0], starts[-1] + 1) if starts else ():
        year = _school_year(start)
        reports = whole[whole["school_year"] == year]
        if reports.empty:
            missing.append(start)
            continue
        flush_gap()
        for r in reports.itertuples(index=False):
            lines = r.text.split("<br>")  # year, value, and for a revised year which report it is
            names.append(" · ".join([lines[0], *lines[2:]]))
            values.append(float(r.value))
            texts.append(lines[1] if len(lines) > 1 else "")
            colours.append(BAR_COLOUR if r.role == "full" else "#ffffff")
    flush_gap()
    fig = go.Figure(
        go.Bar(
            x=values[::-1],
            y=names[::-1],
            orientation="h",
            marker=dict(color=colours[::-1], line=dict(color=BAR_COLOUR, width=2)),
            text=texts[::-1],
            textposition="outside",
            cliponaxis=False,
            hoverinfo="skip",
            meta={"series": sorted(set(whole["series_id"]))},  # one definition (the tests read it)
        )
    )
    base_layout(fig, title, height=430)
    left = names_at == "left"
    return direct_labels(
        fig,
        names[::-1],
        max(values, default=1.0),
        room=1.3 if left else 1.45,
        row=40 if left else 56,
        names_at=names_at,
    )
