"""The pieces a view model hands to a page: headline figures, charts with their citation and data, sentences.

Text in these is ready for st.markdown (data values already escaped by the view model), so a page only lays
them out. A table behind a chart is a function: it is built only when a reader opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

Table = pd.DataFrame | Callable[[], pd.DataFrame]


@dataclass(frozen=True)
class Metric:
    """A headline figure: st.metric's label, value, the line under it and its help text."""

    label: str
    value: str
    delta: str | None = None
    help: str | None = None


@dataclass(frozen=True)
class Chart:
    """A chart, its text alternative, its data (a frame or a function giving one) and its one-line citation."""

    key: str
    figure: go.Figure
    alt: str
    table: Table
    citation: str
    year: str | None = None  # the school year a year's chart shows: it names its downloads (PNG, CSV)
    # The figure a presenter's slide shows, given where bar names go: "left" (a wide screen), "phone" (above the
    # bars, wrapped for a slide's type on a phone) or "above" (a page's lead). None: this figure, larger.
    slide: Callable[[str], go.Figure] | None = None


@dataclass(frozen=True)
class Download:
    """A table always on the page, with its CSV download (none when `file_name` is empty)."""

    frame: pd.DataFrame
    citation: str
    file_name: str
    key: str
    number_columns: tuple[str, ...] = ()  # whole numbers shown with thousands separators (the CSV keeps digits)
    download_key: str | None = None  # the download button's key (default "download-<key>")
    placeholder: str | None = None  # what an empty cell shows (None: Streamlit's default)
    widths: tuple[tuple[str, str], ...] = ()  # (column, "small" | "medium" | "large") for long text columns


@dataclass(frozen=True)
class DataTable:
    """A table behind "Show the data as a table", built when a reader opens it."""

    key: str
    table: Table
    citation: str


@dataclass(frozen=True)
class Text:
    """Markdown (already escaped) shown as a paragraph, a caption, or a coloured note."""

    body: str
    style: str = "markdown"  # markdown, caption, info, warning


@dataclass(frozen=True)
class Box:
    """A bordered box: a bold heading, markdown, a caption (the citation)."""

    title: str
    body: str
    caption: str = ""


@dataclass(frozen=True)
class Side:
    """Boxes side by side (stacked on a phone): figures that disagree, none chosen."""

    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class Metrics:
    """Headline figures in rows of `per_row`."""

    items: tuple[Metric, ...]
    per_row: int = 3


@dataclass(frozen=True)
class Columns:
    """Items side by side (stacked on a phone): each a tuple of items."""

    columns: tuple[tuple, ...]


@dataclass(frozen=True)
class Section:
    """A part of a page under a heading. Only the first section of a page is open on a first visit; the others
    open (and are built and sent) when a reader opens them."""

    key: str
    title: str
    items: tuple  # Text, Box, Side, Metrics, Columns, Chart, Download, DataTable — in reading order
    opened: bool = False


@dataclass(frozen=True)
class Lead:
    """What a page says first: one plain sentence of what the data shows for the chosen year and filters, its
    citation, and the one chart that shows it — both above the fold on a laptop and an old projector."""

    finding: str  # markdown, data escaped
    citation: str
    chart: Chart | None


@dataclass(frozen=True)
class MapBlock:
    """A map and everything said around it: the map itself (components/charts/maps/deck.MapSpec: the page asks
    for its zoom variants), its text alternative (plain, for the element's label) and the same as markdown,
    the legend, the captions under it (counts, what is and is not drawn, citations, the base map's credits)
    and how to reach its selections from the keyboard."""

    key: str
    spec: object  # components.charts.maps.deck.MapSpec
    alt: str
    summary: str
    legend: str
    captions: tuple[str, ...]
    keyboard: str
