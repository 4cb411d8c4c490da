"""Compare years: two school years side by side (budget totals, lines, categories; deployments by region and
board district), or — until a second year is published — the multi-year series that do exist.

Lays out components/views/compare.py; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.handover import page_context
from components.ui.url_state import url_widget
from components.views import compare

ctx = page_context()
c = compare.controls(ctx.lang)

st.title(c.title)
st.markdown(c.intro)
left, right = st.columns(2)
with left:
    year = url_widget(st.selectbox, c.year_label, list(c.offered), param="year", key="cmp_year", default=c.year)
with right:
    vs = url_widget(
        st.selectbox,
        c.vs_label,
        [None, *c.offered],
        param="vs",
        key="cmp_vs",
        default=c.vs,
        format_func=lambda y: y or "—",
    )
view = compare.build(year, vs, ctx.lang)

for note in view.notes:
    st.info(note)
if view.totals is not None:
    st.header(view.titles["totals"])
    blocks.table(view.totals, ctx.lang)
    st.caption(view.totals.citation)
if view.categories is not None:
    st.header(view.titles["categories"])
    blocks.chart(view.categories, ctx.lang)
if view.lines is not None:
    st.header(view.titles["lines"])
    blocks.table(view.lines, ctx.lang)
    st.caption(view.lines.citation)
if view.deployments:
    st.header(view.titles["deployments"])
    for chart in view.deployments:
        blocks.chart(chart, ctx.lang)
if view.series:
    st.header(view.series_title)
    for chart, undated in view.series:
        blocks.chart(chart, ctx.lang)
        if undated:
            st.caption(undated)
