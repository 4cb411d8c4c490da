"""The meeting packet: a PDF of the presenter's saved views (or of one view) to print or hand out.

A cover (for the sequence) lists the views, the day the packet was made and the data version; then each view
is one page: its title, the finding sentence, its chart (drawn by Chromium at 2000 px across 7.3 in, ~270 dpi),
the citation (which names the kind of source), the data behind the chart when it is small, and the link that
reopens the view. Every page's foot repeats the date, the data version and the page number.

Built with ReportLab (platypus: text that wraps and is searchable, tables, link annotations) and its bundled
Bitstream Vera fonts, embedded, so the PDF looks the same everywhere and needs no system font. Text from data is
escaped before it reaches ReportLab's mini-markup (< > &): it is always text.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import plotly.graph_objects as go
import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from components.charts.base import INK
from components.export import render, stamp
from components.i18n import t
from components.text import fmt
from components.text.markdown import md_plain
from components.views import deck
from components.views.deck import DataVersion, Slide
from components.views.model import Chart

MARGIN = 0.6 * inch
FOOT = 0.45 * inch  # room for the foot line
FRAME_W = LETTER[0] - 2 * MARGIN
FRAME_H = LETTER[1] - 2 * MARGIN - FOOT
CHART_CSS_W = 1000  # CSS pixels the chart is laid out on (18 px text ≈ 9.5 pt on the page)
CHART_SCALE = 2  # 2000 px across 7.3 in: about 270 dpi
CHART_MAX_H = 4.6 * inch  # the chart's height on the page: at most this, and what the words and table leave
CHART_MIN_H = 3 * inch
MIN_CSS_W = 820
SMALL_TABLE_ROWS = 12  # a chart's data is printed when it has at most this many rows
TABLE_COLUMNS = 7
TABLE_MAX_H = 2.9 * inch  # the data is printed when it takes at most this (the chart keeps 3 in or more)
LONG_CELL = 90  # characters: a column with a longer cell is left to the CSV (never the first: it names the rows)
MUTED = colors.HexColor("#4b5563")
LINK = colors.HexColor("#1d4ed8")

_FONTS = Path(reportlab.__file__).parent / "fonts"
FONT, BOLD, ITALIC = "PacketSans", "PacketSans-Bold", "PacketSans-Italic"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(_FONTS / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_FONTS / "VeraBd.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(_FONTS / "VeraIt.ttf")))
    pdfmetrics.registerFont(TTFont(FONT + "-BoldItalic", str(_FONTS / "VeraBI.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=FONT + "-BoldItalic")


def _style(name: str, size: float, bold: bool = False, colour=None, space_after: float = 4, leading=None):
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else FONT,
        fontSize=size,
        leading=leading or size * 1.3,
        textColor=colour or colors.HexColor(INK),
        spaceAfter=space_after,
    )


@dataclass(frozen=True)
class Packet:
    """What a packet holds besides its views: who reads it, when it was made, from which data, where it lives."""

    lang: str
    made: dt.datetime  # when the packet was made (UTC)
    version: DataVersion | None
    links: tuple[str, ...]  # the link that reopens each view, in order
    cover: bool = True  # a cover page listing the views (the whole sequence); off for one view


def text(value: str) -> str:
    """Plain text made safe for ReportLab's paragraph markup."""
    return escape(value or "")


def cell(value, lang: str) -> str:
    """A table cell as the reader reads it: whole numbers with separators, decimals as stored (at most 2)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return fmt.number(value, lang)
    if isinstance(value, float):
        if value.is_integer():
            return fmt.number(value, lang)
        digits = min(2, max(0, -Decimal(str(value)).as_tuple().exponent))
        return fmt.number(round(value, 2), lang, digits=digits)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return cell(value.item(), lang)
    return str(value)


def chart_frame(chart: Chart) -> pd.DataFrame:
    return chart.table() if callable(chart.table) else chart.table


def small_table(frame: pd.DataFrame, lang: str) -> list:
    """The data behind a small chart: the columns that differ between rows (at most 7; the others are named),
    then what is the same in every row."""
    styles = _styles()
    if frame is None or frame.empty or len(frame) > SMALL_TABLE_ROWS:
        return []
    varying, same, long = [], [], []
    for name in frame.columns:
        values = frame[name]
        if len(frame) > 1 and values.nunique(dropna=False) == 1:
            if not pd.isna(values.iloc[0]) and str(values.iloc[0]).strip():
                same.append(f"{name}: {cell(values.iloc[0], lang)}")
        elif name != frame.columns[0] and max(len(cell(v, lang)) for v in values) > LONG_CELL:
            long.append(name)  # a paragraph per row would crowd the page: it is in the CSV
        else:
            varying.append(name)
    shown, left = varying[:TABLE_COLUMNS], varying[TABLE_COLUMNS:] + long
    rows = [[Paragraph(text(str(c)), styles["th"]) for c in shown]]
    for _, row in frame[shown].iterrows():
        rows.append([Paragraph(text(cell(row[c], lang)), styles["td"]) for c in shown])
    widths = column_widths(frame[shown], lang)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(INK)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d1d5db")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    out = [Paragraph(text(t("export.packet.data", lang)), styles["h3"]), table]
    notes = []
    if same:
        notes.append(t("export.packet.same", lang, items="; ".join(same)))
    if left:
        notes.append(t("export.packet.columns_left", lang, names=", ".join(map(str, left))))
    out += [Paragraph(text(n), styles["note"]) for n in notes]
    return out


def column_widths(frame: pd.DataFrame, lang: str) -> list[float]:
    """Each column as wide as its longest cell (its header may wrap at spaces), text columns at most 2.2 in;
    when they do not fit the page, the widest give way."""
    pad = 7

    def width(value: str, font: str = FONT) -> float:
        return pdfmetrics.stringWidth(value, font, 7.5) + pad

    widths = []
    for name in frame.columns:
        header = max(width(word, BOLD) for word in str(name).split() or [""])
        cells = max([width(cell(v, lang)) for v in frame[name]] or [0])
        widths.append(min(max(header, cells), 2.2 * inch))
    excess = sum(widths) - FRAME_W
    if excess > 0:
        wide = [w for w in widths if w > inch]
        shrink = excess / sum(wide) if wide else excess / sum(widths)
        widths = [w * (1 - shrink) if (w > inch or not wide) else w for w in widths]
    return widths


def chart_job(chart: Chart, max_h: float) -> tuple[go.Figure, int, int]:
    """The figure the packet draws for a chart, the CSS width it is laid out on and its height: the page's width
    and at most `max_h` high. A chart taller than the room is laid out narrower (at least 820 CSS px) rather
    than shrunk, so its words keep their size."""
    fig = stamp.chart_only(stamp.figure_of(chart))
    height = int(fig.layout.height)
    return fig, max(MIN_CSS_W, min(CHART_CSS_W, round(height * FRAME_W / max_h))), height


def chart_image(chart: Chart, max_h: float):
    """The chart's image for the page, or None when images are unavailable on this server."""
    fig, css_w, height = chart_job(chart, max_h)
    try:
        png = render.image(fig, "png", css_w, height, CHART_SCALE)
    except render.Unavailable:
        return None
    w = FRAME_W
    h = w * height / css_w
    if h > max_h:
        w, h = w * max_h / h, max_h
    image = Image(io.BytesIO(png), width=w, height=h)
    image.hAlign = "LEFT"
    return image


def _height(flow: list) -> float:
    return sum(f.wrap(FRAME_W, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flow)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "kicker": _style("kicker", 9, colour=MUTED, space_after=2),
        "h1": _style("h1", 19, bold=True, space_after=6, leading=23),
        "finding": _style("finding", 12, space_after=8, leading=16),
        "h3": _style("h3", 10.5, bold=True, space_after=3),
        "body": _style("body", 10, space_after=4),
        "cite": _style("cite", 8.5, colour=MUTED, space_after=6),
        "note": _style("note", 8, colour=MUTED, space_after=3),
        "th": _style("th", 7.5, bold=True, space_after=0, leading=9),
        "td": _style("td", 7.5, space_after=0, leading=9),
        "link": _style("link", 9, space_after=0),
        "foot": _style("foot", 7.5, colour=MUTED, space_after=0),
    }


def _link(url: str) -> str:
    return f'<a href="{text(url)}" color="#1d4ed8"><u>{text(url)}</u></a>'


def _parts(s: Slide, n: int, total: int, url: str, lang: str) -> tuple[list, list, Chart | None, float]:
    """A view's page without its chart: the words above it, the words and table below it, the chart, and the
    height left for the chart."""
    styles = _styles()
    before: list = [Paragraph(text(t("br.step_n", lang, n=n, total=total)), styles["kicker"])] if total > 1 else []
    before.append(Paragraph(text(s.title), styles["h1"]))
    after: list = []
    lead = s.lead
    chart = lead.chart if lead is not None else None
    if lead is not None:
        before.append(Paragraph(text(md_plain(lead.finding)), styles["finding"]))
    if chart is None:
        before.append(Paragraph(text(t("export.packet.no_chart", lang)), styles["body"]))
        if lead is not None and lead.citation:
            before.append(Paragraph(text(md_plain(lead.citation)), styles["cite"]))
    else:
        title = stamp.plain_title(stamp.figure_of(chart)) or stamp.plain_title(chart.figure)
        if title:
            before.append(Paragraph(text(title), styles["h3"]))
        citation = md_plain(chart.citation or lead.citation)
        if citation:
            after += [Spacer(1, 4), Paragraph(text(citation), styles["cite"])]
        table = small_table(chart_frame(chart), lang)
        if _height(table) <= TABLE_MAX_H:  # a small chart's data; a larger table stays in the view's CSV
            after += table
    after += [Spacer(1, 6), Paragraph(text(t("export.packet.open", lang)) + " " + _link(url), styles["link"])]
    room = min(CHART_MAX_H, max(CHART_MIN_H, FRAME_H - _height(before) - _height(after) - 30))
    return before, after, chart, room


def start_chart(s: Slide, n: int, total: int, url: str, lang: str) -> None:
    """Start drawing a view's chart now, so Chromium draws it while the next views are being built."""
    _register_fonts()
    _, _, chart, room = _parts(s, n, total, url, lang)
    if chart is not None:
        fig, css_w, height = chart_job(chart, room)
        render.start(fig, "png", css_w, height, CHART_SCALE)


def view_page(s: Slide, n: int, total: int, url: str, lang: str) -> list:
    """One view as one page: the chart gets the room the words and the table leave (the whole is shrunk to fit
    the page if it must be, never split)."""
    before, after, chart, room = _parts(s, n, total, url, lang)
    flow = list(before)
    if chart is not None:
        image = chart_image(chart, room)
        flow.append(
            image if image is not None else Paragraph(text(t("export.packet.no_image", lang)), _styles()["body"])
        )
    flow += after
    return [KeepInFrame(FRAME_W, FRAME_H - 4, flow, mode="shrink"), PageBreak()]


def cover(slides: list[Slide], p: Packet) -> list:
    styles = _styles()
    flow: list = [
        Paragraph(text(t("export.name", p.lang)), styles["kicker"]),
        Paragraph(text(t("export.packet.title", p.lang)), styles["h1"]),
        Paragraph(text(made_line(p)), styles["body"]),
        Paragraph(text(version_line(p)), styles["body"]),
        Spacer(1, 10),
        Paragraph(text(t("export.packet.views", p.lang)), styles["h3"]),
    ]
    for i, (s, url) in enumerate(zip(slides, p.links), start=1):
        flow.append(Paragraph(f"{i}. " + text(s.title), styles["body"]))
        flow.append(Paragraph(_link(url), styles["note"]))
    return [KeepInFrame(FRAME_W, FRAME_H - 4, flow, mode="shrink"), PageBreak()]


def made_line(p: Packet) -> str:
    return t("export.packet.made", p.lang, date=fmt.date(p.made, p.lang) + p.made.strftime(" %H:%M UTC"))


def version_line(p: Packet) -> str:
    if p.version is None:
        return t("export.packet.version_unknown", p.lang)
    return t("export.packet.version", p.lang, fingerprint=p.version.fingerprint, built=p.version.built_at)


def build(slides: list[Slide], p: Packet) -> bytes:
    """The packet as PDF bytes: a cover (if `p.cover`), then one page per slide."""
    _register_fonts()
    styles = _styles()
    total = len(slides) + (1 if p.cover else 0)
    foot = " · ".join((t("export.name", p.lang), made_line(p), version_line(p)))

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        page = Paragraph(
            text(foot) + " · " + text(t("export.packet.page_n", p.lang, n=doc.page, total=total)), styles["foot"]
        )
        _, h = page.wrap(FRAME_W, FOOT)
        page.drawOn(canvas, MARGIN, MARGIN + FOOT * 0.4 - h / 2)
        canvas.restoreState()

    flow: list = cover(slides, p) if p.cover else []
    for i, (s, url) in enumerate(zip(slides, p.links), start=1):
        flow += view_page(s, i, len(slides), url, p.lang)
    if flow and isinstance(flow[-1], PageBreak):
        flow.pop()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOT,
        title=t("export.packet.title", p.lang) + " — " + t("export.name", p.lang),
        author=t("export.name", p.lang),
        lang=p.lang,
        invariant=0,
    )
    doc.build(flow, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def sequence_pdf(lang: str, root: str, made: dt.datetime | None = None) -> bytes:
    """The packet of the presenter's whole saved sequence (presentations/board_meeting.csv), in `lang`; `root` is
    the app's address that the views' links start with."""
    steps = deck.sequence()
    slides, links = [], []
    for n, step in enumerate(steps, start=1):  # each chart is drawn (by Chromium) while the next view is built
        s = deck.step_slide(step, lang)
        slides.append(s)
        links.append(deck.link(root, s.page, s.params, lang))
        start_chart(s, n, len(steps), links[-1], lang)
    links = tuple(links)
    return build(slides, Packet(lang, made or _now(), deck.data_version(), links, cover=True))


def page_pdf(page: str, params: dict, lang: str, root: str, made: dt.datetime | None = None) -> bytes:
    """The packet of one view: the page `page` with the link's `params`."""
    s = deck.page_slide(page, params, lang)
    link = deck.link(root, page, params, lang)
    return build([s], Packet(lang, made or _now(), deck.data_version(), (link,), cover=False))
