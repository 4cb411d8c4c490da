"""Sources: every document and article behind the dashboard's figures, with its kind and how often it is cited.

Lays out components/views/sources.py; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.handover import page_context
from components.ui.url_state import url_widget
from components.views import sources

ctx = page_context()
c = sources.controls(ctx.lang)

st.title(c.title)
st.markdown(c.intro)
kind = url_widget(
    st.selectbox, c.filter_label, list(c.kinds), param="kind", key="source_kind", default="", format_func=c.kinds.get
)
view = sources.build(kind, ctx.lang)
st.caption(view.count)
blocks.table(view.table, ctx.lang)
if view.built:
    st.caption(view.built)

# ---------------------------------------------------------------- every row of the data
d = sources.data_controls(ctx.lang)
st.header(d.title)
st.markdown(d.intro)
table = url_widget(
    st.selectbox,
    d.label,
    [None, *d.tables],
    param="table",
    key="data_table",
    format_func=lambda name: d.tables.get(name, "—"),
)
rows = sources.table_rows(table, ctx.lang) if table else None
if rows is not None:
    blocks.table(rows, ctx.lang)
    st.caption(rows.citation)
