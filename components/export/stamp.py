"""A chart's image that says what it is when it travels: its title, its school year, its source line and the
dashboard's name drawn on the image itself (not hidden in metadata), in the reader's language, at a size that
stays readable when the PNG is pasted into a slide.

The chart is drawn first with every text at least 18 px (charts.base.presented) on a 1200-px-wide canvas; then
a second figure with no axes lays the title above it and the source and the dashboard's name below it, at
positions it computes itself, so nothing can overlap the chart. The same composite drawn as SVG (`svg`) keeps
its words as text: tests read them there.
"""

from __future__ import annotations

import base64
import html
import re
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from components.charts.base import INK, presented
from components.export import render
from components.i18n import t
from components.views.model import Chart

WIDTH = 1200  # CSS pixels; PNG pixels are twice that (SCALE)
SCALE = 2
PAD = 28  # left and right padding
CHART_WIDTH = WIDTH - PAD  # the chart's image, half a pad in from each side
TITLE_PX, YEAR_PX, SOURCE_PX, NAME_PX = 30, 22, 19, 18
TITLE_WRAP, SOURCE_WRAP = 66, 118  # characters per line at those sizes on 1200 px
LINE = 1.35  # line height, × the font size
MUTED = "#4b5563"  # 7.6:1 on white
SCHOOL_YEAR = re.compile(r"(?<![\d-])\d{4}-\d{2}(?![\d-])")


@dataclass(frozen=True)
class Stamp:
    """The words drawn on an exported image (plain text)."""

    title: str
    year: str  # "School year 2023-24", "School years 2017-18 to 2024-25" or ""
    source: str
    name: str


def plain_title(fig: go.Figure) -> str:
    """A chart's title as plain text: its line breaks and HTML escapes undone."""
    text = (fig.layout.title.text or "") if fig.layout.title else ""
    return html.unescape(re.sub(r"\s*<br\s*/?>\s*", " ", text)).strip()


def school_years(fig: go.Figure) -> list[str]:
    """The school years a chart shows (written as in the data, e.g. "2023-24"), from its title, its notes and
    its traces' values and labels, in order."""
    texts: list[str] = [fig.layout.title.text or ""] if fig.layout.title else []
    texts += [note.text or "" for note in fig.layout.annotations]
    for axis in fig.layout:
        if axis.startswith(("xaxis", "yaxis")) and fig.layout[axis].ticktext:
            texts += [str(v) for v in fig.layout[axis].ticktext]
    for trace in fig.data:
        for name in ("x", "y", "text", "hovertext"):
            values = getattr(trace, name, None) if name in trace else None
            if isinstance(values, str):
                texts.append(values)
            elif values is not None:
                texts += [v for v in values if isinstance(v, str)]
    return sorted({y for text in texts for y in SCHOOL_YEAR.findall(text)})


def year_line(year: str | None, fig: go.Figure, lang: str) -> str:
    """The school year the chart shows (its view's year), else the span of school years on its axis."""
    if year:
        return t("export.year", lang, year=year)
    years = school_years(fig)
    if len(years) == 1:
        return t("export.year", lang, year=years[0])
    if years:
        return t("export.years", lang, first=years[0], last=years[-1])
    return ""


def stamp_for(fig: go.Figure, year: str | None, source: str, lang: str) -> Stamp:
    return Stamp(plain_title(fig), year_line(year, fig, lang), source, t("export.name", lang))


def figure_of(chart: Chart) -> go.Figure:
    """The figure an image shows: the presenter's slide figure (bar names at the left, made for 18 px text)
    where the chart has one, else the page's figure."""
    return chart.slide("left") if chart.slide is not None else chart.figure


def _names_height(fig: go.Figure) -> int:
    """The height bar names written at the left need at 18 px: each name's lines, and room between bars."""
    need = 0
    for axis in fig.layout:
        if axis.startswith("yaxis") and fig.layout[axis].ticktext:
            need += sum(26 * (str(name).count("<br>") + 1) + 14 for name in fig.layout[axis].ticktext)
    return need + 110 if need else 0


def chart_only(fig: go.Figure) -> go.Figure:
    """The chart as the image shows it: every text at least 18 px (which takes about a quarter more height),
    its title left to the stamp above it."""
    out = presented(fig, height=max(round(int(fig.layout.height or 450) * 1.25), 420, _names_height(fig)))
    out.update_layout(title={"text": ""}, margin={"t": 24})
    return out


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) if text else []


def composite(chart_png: bytes, chart_height: int, s: Stamp) -> go.Figure:
    """A figure with no axes: the title and year above the chart's image, the source and the name below it."""
    title = _lines(s.title, TITLE_WRAP)
    source = _lines(s.source, SOURCE_WRAP)
    rows: list[tuple[str, int, str, bool]] = [(line, TITLE_PX, INK, True) for line in title]
    if s.year:
        rows.append((s.year, YEAR_PX, INK, False))
    top = PAD // 2 + sum(round(size * LINE) for _, size, _, _ in rows) + PAD // 2
    below: list[tuple[str, int, str, bool]] = [(line, SOURCE_PX, INK, False) for line in source]
    below.append((s.name, NAME_PX, MUTED, True))
    bottom = PAD // 2 + sum(round(size * LINE) for _, size, _, _ in below) + PAD // 2
    height = top + chart_height + bottom

    fig = go.Figure()
    notes, y = [], PAD // 2
    for text, size, colour, bold in rows:
        notes.append(_note(text, size, colour, bold, y, height))
        y += round(size * LINE)
    y = top + chart_height + PAD // 2
    for text, size, colour, bold in below:
        notes.append(_note(text, size, colour, bold, y, height))
        y += round(size * LINE)
    fig.update_layout(
        width=WIDTH,
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"visible": False, "range": [0, 1], "fixedrange": True},
        yaxis={"visible": False, "range": [0, 1], "fixedrange": True},
        font={"family": "Source Sans Pro, Arial, sans-serif", "color": INK},
        showlegend=False,
        annotations=notes,
        images=[
            {
                "source": "data:image/png;base64," + base64.b64encode(chart_png).decode("ascii"),
                "xref": "paper",
                "yref": "paper",
                "x": PAD / 2 / WIDTH,
                "y": 1 - top / height,
                "sizex": CHART_WIDTH / WIDTH,
                "sizey": chart_height / height,
                "xanchor": "left",
                "yanchor": "top",
                "sizing": "stretch",
                "layer": "below",
            }
        ],
        shapes=[
            {
                "type": "line",
                "xref": "paper",
                "yref": "paper",
                "x0": PAD / WIDTH,
                "x1": 1 - PAD / WIDTH,
                "y0": 1 - (top + chart_height) / height,
                "y1": 1 - (top + chart_height) / height,
                "line": {"color": "#d1d5db", "width": 1},
            }
        ],
    )
    return fig


def _note(text: str, size: int, colour: str, bold: bool, y_px: int, height: int) -> dict:
    body = html.escape(text, quote=False)  # data text is text: Plotly reads <b>, <a> and entities in annotations
    return {
        "text": f"<b>{body}</b>" if bold else body,
        "xref": "paper",
        "yref": "paper",
        "x": PAD / WIDTH,
        "y": 1 - y_px / height,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "font": {"size": size, "color": colour},
    }


def _stamped(fig: go.Figure, s: Stamp) -> go.Figure:
    chart = chart_only(fig)
    height = int(chart.layout.height)
    return composite(render.image(chart, "png", CHART_WIDTH, height, SCALE), height, s)


def png(fig: go.Figure, s: Stamp) -> bytes:
    """The stamped chart as PNG, 2400 px wide. Raises render.Unavailable without a browser."""
    out = _stamped(fig, s)
    return render.image(out, "png", WIDTH, int(out.layout.height), SCALE)


def svg(fig: go.Figure, s: Stamp) -> bytes:
    """The same stamped chart as SVG: the stamp's words are text elements."""
    out = _stamped(fig, s)
    return render.image(out, "svg", WIDTH, int(out.layout.height))
