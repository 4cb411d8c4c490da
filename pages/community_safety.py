"""Community-based safety and safe passages: the money, the named sites on a map, what is not published,
engagement, and — when staff have imported one — the district's own roster beside the published facts.

Lays out components/views/community.py; nothing else.
"""

from itertools import cycle

import streamlit as st

from components.ui import blocks, maps
from components.ui.filters import year_choice
from components.ui.handover import page_context
from components.views import community

ctx = page_context()
lang = ctx.lang
head = st.container()  # the title and introduction, above the year they depend on
offered, default = community.offered()
view = community.build(year_choice(offered, default, lang), lang)


def card(c: community.Card) -> None:
    st.badge(c.badge[0], color=c.badge[1])
    st.markdown(c.body)
    if c.caption:
        st.caption(c.caption)


with head:
    st.title(view.title)
    st.markdown(view.intro)
blocks.metrics(view.metrics)
st.caption(view.metrics_citation)

# ---------------------------------------------------------------- money
st.header(view.money_title)
st.markdown(view.money_intro)
st.subheader(view.earmark_title)
blocks.chart(view.earmark, lang)

st.subheader(view.spent_title)
st.markdown(view.spent_intro)
for column, report in zip(cycle(st.columns(2)), view.reports):
    with column.container(border=True):
        card(report)
if view.reports_none:
    st.info(view.reports_none)
if view.reports_no_district:
    st.markdown(view.reports_no_district)

st.subheader(view.cbsp_title)
for line in view.cbsp:
    with st.container(border=True):
        card(line)
st.caption(view.cbsp_citation)

st.subheader(view.bsap_title)
st.markdown(view.bsap_intro)
blocks.chart(view.bsap, lang)

# ---------------------------------------------------------------- safe passages
st.header(view.sp_title)
if view.sp_count:
    st.markdown(view.sp_count)
blocks.table_behind(view.sp_counts_table, lang)

st.subheader(view.map_title)
schools = maps.schools_toggle(lang, default=True)
maps.map_block(community.sites_map_block(lang, schools), lang)

st.markdown(view.sites_title)
blocks.table(view.sites, lang)
st.caption(view.sites.citation)

st.subheader(view.roster_title)
if view.roster is None:
    st.info(view.roster_none)
else:
    st.warning(view.roster_banner)
    blocks.table(view.roster, lang)

# ---------------------------------------------------------------- not published
st.header(view.gap_title)
st.markdown(view.gap_intro)
with st.container(border=True):
    st.markdown(view.gaps)
blocks.request_letter(view.letter_label, view.letter, view.letter_download)

# ---------------------------------------------------------------- engagement
st.header(view.eng_title)
if view.summit:
    st.markdown(view.summit)
    st.caption(view.summit_citation)
st.markdown(view.halls_title)
blocks.table(view.halls, lang)
st.caption(view.halls_caption)

st.subheader(view.time_title)
if view.timeline is None:
    st.info(view.timeline_empty)
else:
    blocks.chart(view.timeline, lang)
