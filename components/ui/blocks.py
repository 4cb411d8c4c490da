"""Streamlit building blocks the pages lay out: headline figures, a chart with its citation and its data one
click away, always-visible tables with their CSV, citations.

These render what a view model built; they never open the database and never compute a figure.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.export import render, stamp
from components.i18n import t
from components.text import export
from components.text.markdown import md_plain
from components.ui import boardroom
from components.ui.url_state import from_url, set_param
from components.views.model import Box, Chart, Columns, DataTable, Download, Lead, Metrics, Side

TableSource = pd.DataFrame | Callable[[], pd.DataFrame]

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    # The camera button saved a bare chart; a chart's image is the stamped PNG under it (chart_png below).
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "toImage"],
}


def plain_citation(markdown_text: str) -> str:
    """A markdown citation as plain text (for CSV exports): drop escapes and code marks, keep link targets in
    brackets."""
    return md_plain(markdown_text)


def export_lines(citation_md: str, lang: str = "en") -> list[str]:
    """The lines a CSV export ends with: its citation, then the link that reopens the view it came from."""
    lines = [plain_citation(citation_md)] if citation_md else []
    url = boardroom.view_url()
    if url:
        lines.append(t("br.view_link", lang, url=url))
    return lines


# Plotly's own toolbar words, in Spanish (Plotly looks them up in config["locales"][locale]["dictionary"]).
PLOTLY_ES = {
    "Download plot as a PNG": "Descargar el gráfico como PNG",
    "Download plot": "Descargar el gráfico",
    "Preparing image - this may take a few seconds": "Preparando la imagen; puede tardar unos segundos",
    "Image download succeeded": "Imagen descargada",
    "Sorry, there was a problem downloading your image!": "No se pudo descargar la imagen.",
    "Zoom": "Ampliar una zona",
    "Pan": "Desplazar",
    "Zoom in": "Acercar",
    "Zoom out": "Alejar",
    "Autoscale": "Escala automática",
    "Reset axes": "Restablecer los ejes",
    "Reset": "Restablecer",
    "Show closest data on hover": "Mostrar el dato más cercano al pasar el cursor",
    "Compare data on hover": "Comparar datos al pasar el cursor",
    "Toggle show closest data on hover": "Mostrar u ocultar el dato más cercano",
    "Double-click to zoom back out": "Doble clic para volver a la vista completa",
}


def plotly_config(lang: str = "en") -> dict:
    """Plotly's toolbar (zoom, pan, reset; no camera: the chart's image is the stamped PNG under it), its labels
    in the reader's language."""
    config = dict(PLOTLY_CONFIG)
    if lang == "es":
        config.update(locale="es", locales={"es": {"dictionary": PLOTLY_ES}})
    return config


def metrics(items, per_row: int = 3) -> None:
    """Headline figures in rows of `per_row`, each boxed, with its line underneath and its help text."""
    for start in range(0, len(items), per_row):
        for column, m in zip(st.columns(per_row), items[start : start + per_row]):
            column.metric(
                m.label, m.value, delta=m.delta, delta_color="off", delta_arrow="off", help=m.help, border=True
            )


def chart(c: Chart, lang: str) -> None:
    """A view model's chart (components/views/model.py) with its citation, its stamped image and its data one
    click away."""
    stem = f"{c.key}-{c.year}" if c.year else c.key
    chart_block(c.figure, c.alt, c.table, c.citation, c.key, lang, file_stem=stem, png=c)


def chart_png(c: Chart, lang: str, key: str, file_stem: str) -> None:
    """The chart as a PNG with its title, school year, source line and the dashboard's name drawn on it
    (components/export/stamp.py). Drawn only when pressed (a headless Chromium, 0.3–2 s); where the server has
    no Chromium, a line says so instead."""
    if not render.available():
        st.caption(t("export.unavailable", lang))
        return
    fig = stamp.figure_of(c)
    words = stamp.stamp_for(fig, c.year, plain_citation(c.citation), lang)
    st.download_button(
        t("export.png", lang),
        data=lambda: stamp.png(fig, words),
        file_name=f"lausd-safety-{file_stem}.png",
        mime="image/png",
        key=f"png-{key}",
        help=t("export.png_help", lang),
        on_click="ignore",
        type="tertiary",
        icon=":material/image:",
    )


def table(d: Download, lang: str) -> None:
    """A table always on the page, then its CSV download (with the citation and the view's link)."""
    config = {c: st.column_config.NumberColumn(format="localized") for c in d.number_columns}
    config.update({c: st.column_config.TextColumn(width=w) for c, w in d.widths})
    st.dataframe(d.frame, hide_index=True, key=d.key, placeholder=d.placeholder, column_config=config or None)
    if d.file_name:
        csv_download(
            t("common.download_csv", lang),
            d.frame,
            d.citation,
            d.file_name,
            key=d.download_key or f"download-{d.key}",
            lang=lang,
        )


def table_behind(d: DataTable, lang: str) -> None:
    """A view model's table behind "Show the data as a table"."""
    data_table(d.table, d.citation, d.key, lang)


def chart_block(
    fig: go.Figure,
    alt: str,
    table: TableSource,
    citation_md: str,
    key: str,
    lang: str = "en",
    file_stem: str | None = None,
    png: Chart | None = None,
) -> None:
    """A chart, its one-line citation, its stamped PNG (`png`: the chart it is made from), and its data as a
    table (with CSV download) behind one click.
    `file_stem` names the PNG and CSV downloads (lausd-safety-<file_stem>); default the key. `fig` may be shared
    between sessions (perf.memo): it is never changed here.
    """
    st.plotly_chart(fig, config=plotly_config(lang), key=f"chart-{key}", alt=alt)
    if citation_md:
        st.caption(citation_md)
    if png is not None:
        chart_png(png, lang, key, file_stem or key)
    data_table(table, citation_md, key, lang, file_stem)


def data_table(table: TableSource, citation_md: str, key: str, lang: str = "en", file_stem: str | None = None) -> None:
    """The data behind a chart in a closed expander, built and sent only when a reader opens it.

    Most readers never open it; building 4–7 tables and CSVs per page run for them cost the server time and
    every visitor 10–30 kB (BENCHMARKS.md). `table` may be a frame or a function that returns one.
    """
    box = st.expander(t("common.show_table", lang), key=f"open-{key}", on_change="rerun")
    if not box.open:
        return
    frame = table() if callable(table) else table
    with box:
        st.dataframe(frame, hide_index=True, key=f"table-{key}", placeholder="—")  # a blank cell, not "None"
        csv_download(
            t("common.download_csv", lang),
            frame,
            citation_md,
            f"lausd-safety-{file_stem or key}.csv",
            key=f"download-{key}",
            lang=lang,
        )


def csv_download(label: str, frame: pd.DataFrame, citation_md: str, file_name: str, key: str, lang: str = "en") -> None:
    """A CSV download of a table already on the page; the file (with its citation and view link) is written
    only when the button is pressed, not on every run."""
    lines = export_lines(citation_md, lang)  # read the view's link now: the callable runs outside the page run
    st.download_button(
        label,
        data=lambda: export.to_csv(frame, lines),
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
    )


def request_letter(label: str, text: str, download_label: str) -> None:
    """A letter readers copy (the records request): opened on demand, and always downloadable.

    Its code block (with the copy button) makes every visitor's browser load a 1.5 MB highlighter
    (BENCHMARKS.md), so it is drawn only when a reader opens it."""
    box = st.expander(label, key="open-cbs-request", on_change="rerun")
    if box.open:
        with box:
            st.code(text, language=None, wrap_lines=True)
    st.download_button(
        download_label,
        data=text.encode("utf-8"),
        file_name="lausd-cbs-records-request.txt",
        mime="text/plain",
        key="download-cbs-request",
        on_click="ignore",
    )


def since(panel) -> None:
    """What is known after the newest budget table (components/views/since.py): the dated statement, then what
    other sources say, one click away."""
    if panel is None:
        return
    st.info(panel.newest)
    if panel.statements:
        with st.expander(panel.open_label):
            st.markdown(panel.intro)
            for s in panel.statements:
                st.markdown(s.text)
                st.caption(s.citation + "  \n" + s.reliability)


def section(title: str, key: str):
    """A section of a page behind a heading that opens it: drawn (and sent) only when a reader opens it, so a
    first visit draws what is above the fold. Returns the open section (write into it with `with`), or None."""
    box = st.expander(title, key=f"open-{key}", on_change="rerun")
    return box if box.open else None


# ------------------------------------------------------------------------------------------- page layout
NOTES = {"caption": st.caption, "info": st.info, "warning": st.warning, "markdown": st.markdown}


def box(b: Box) -> None:
    with st.container(border=True):
        st.markdown(f"**{b.title}**")
        st.markdown(b.body)
        if b.caption:
            st.caption(b.caption)


def item(x, lang: str) -> None:
    """One item of a view model's section, laid out by its kind."""
    if isinstance(x, Chart):
        chart(x, lang)
    elif isinstance(x, DataTable):
        table_behind(x, lang)
    elif isinstance(x, Download):
        table(x, lang)
        if x.citation:
            st.caption(x.citation)
    elif isinstance(x, Metrics):
        metrics(x.items, x.per_row)
    elif isinstance(x, Box):
        box(x)
    elif isinstance(x, Side):
        for column, b in zip(st.columns(len(x.boxes)), x.boxes):
            with column:
                box(b)
    elif isinstance(x, Columns):
        for column, items in zip(st.columns(len(x.columns)), x.columns):
            with column:
                for inner in items:
                    item(inner, lang)
    else:
        NOTES[x.style](x.body)


def lead(x: Lead | None, lang: str) -> None:
    """The finding sentence, its citation, and the chart that shows it."""
    if x is None:
        return
    with st.container(key="lead"):  # the browser tests find the page's first screen by this key
        st.markdown(x.finding)
        if x.chart is not None:
            chart(x.chart, lang)
        elif x.citation:
            st.caption(x.citation)


def sections(parts, lang: str, extra: dict | None = None, default: str | None = None) -> None:
    """A page's sections as tabs, the first one shown (or `default`): a tab's content is built and sent only
    when a reader opens it, so a first visit draws what is above the fold. The open tab is part of the link
    (?section=<key>), so a copied link reopens it. `extra`: {section key: function} for interactive parts a
    section ends with."""
    parts = [p for p in parts if p.items or (extra and p.key in extra)]
    if not parts:
        return
    labels = {p.key: p.title for p in parts}
    chosen = from_url("section", {p.key: p.key for p in parts}) or (default if default in labels else parts[0].key)
    st.session_state["sections"] = labels[chosen]

    def changed() -> None:
        label = st.session_state.get("sections")
        key = next((k for k, v in labels.items() if v == label), parts[0].key)
        set_param("section", None if key == parts[0].key else key)

    tabs = st.tabs(list(labels.values()), key="sections", on_change=changed)
    for part, tab in zip(parts, tabs):
        if not tab.open:
            continue
        with tab:
            for x in part.items:
                item(x, lang)
            if extra and part.key in extra:
                extra[part.key]()


def page_title(key: str, lang: str) -> str:
    """A page's title, which no choice changes (drawn before the choices that decide the rest)."""
    return t(key, lang)
