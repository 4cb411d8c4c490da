"""Compare years: two school years side by side (budget totals, lines, categories; deployments by region and
board district), or — until a second year is published — the multi-year series that do exist. The finding and
its chart first; the tables, the other charts and how the figures were checked in tabs.

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
        format_func=lambda y: y or c.none,
        placeholder=c.none,
    )
view = compare.build(year, vs, ctx.lang)

blocks.lead(view.lead, ctx.lang)
for note in view.notes:
    st.info(note)
blocks.sections(view.sections, ctx.lang)
