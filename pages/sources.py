"""Sources: how many documents the figures come from, by kind, first; then every document (filterable by kind,
with how often it is cited) and every row of the published data, in tabs.

Lays out components/views/sources.py; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.handover import page_context
from components.ui.url_state import raw_param, url_widget
from components.views import sources
from components.views.model import Section

ctx = page_context()
c = sources.controls(ctx.lang)
d = sources.data_controls(ctx.lang)

st.title(c.title)
blocks.lead(sources.lead(ctx.lang), ctx.lang)


def documents() -> None:
    st.markdown(c.intro)
    kind = url_widget(
        st.selectbox,
        c.filter_label,
        list(c.kinds),
        param="kind",
        key="source_kind",
        default="",
        format_func=c.kinds.get,
    )
    view = sources.build(kind, ctx.lang)
    st.caption(view.count)
    blocks.table(view.table, ctx.lang)
    if view.built:
        st.caption(view.built)


def data() -> None:
    """Every row of the data, one table at a time, with its sources."""
    st.markdown(d.intro)
    table = url_widget(
        st.selectbox,
        d.label,
        [None, *d.tables],
        param="table",
        key="data_table",
        format_func=lambda name: d.tables.get(name, "—"),
        placeholder="—",
    )
    rows = sources.table_rows(table, ctx.lang) if table else None
    if rows is not None:
        blocks.table(rows, ctx.lang)
        st.caption(rows.citation)


blocks.sections(
    (Section("list", c.list_title, ()), Section("data", d.title, ())),
    ctx.lang,
    extra={"list": documents, "data": data},
    default="data" if raw_param("table") else None,  # a link to a table opens the data tab
)
