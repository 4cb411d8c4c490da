"""Overview: a year's safety budget at a glance, where school police were deployed, and key decisions.

Lays out components/views/overview.py; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.filters import year_choice
from components.ui.handover import page_context
from components.views import overview, since

ctx = page_context()
head = st.container()  # the title and introduction, above the year they depend on
offered, default = overview.offered()
year = year_choice(offered, default, ctx.lang)
view = overview.build(year, ctx.lang)
with head:
    st.title(view.title)
    st.markdown(view.intro)
blocks.since(since.build(ctx.lang))
for note in view.missing:
    st.warning(note)
if view.metrics:
    blocks.metrics(view.metrics)
    st.caption(view.metrics_citation)

# Published totals beside computed ones: shown whenever they differ, confirmed when they agree.
if view.recon_notes:
    with st.container(border=True):
        st.markdown(f"**{view.recon_title}**")
        for ok, sentence in view.recon_notes:
            (st.markdown if ok else st.warning)(sentence)
        if view.headline_note:
            st.markdown(view.headline_note)

if view.mix is not None:
    st.header(view.mix_title)
    st.markdown(view.mix_caption)
    blocks.chart(view.mix, ctx.lang)

if view.by_region is not None:
    st.header(view.dep_title)
    st.markdown(view.dep_caption)
    left, right = st.columns(2)
    with left:
        blocks.chart(view.by_region, ctx.lang)
    with right:
        blocks.chart(view.by_board_district, ctx.lang)
        st.caption(view.members_citation)

st.header(view.time_title)
if view.timeline is None:
    st.info(view.timeline_empty)
else:
    blocks.chart(view.timeline, ctx.lang)
