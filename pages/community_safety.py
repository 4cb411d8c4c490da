"""Community-based safety and safe passages: the finding and the allocation over the years first, then tabs — the
money, the named sites on a map, what is not published (with a records request), engagement — and, when staff
have imported one, the district's own roster beside the published facts.

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
st.title(blocks.page_title("cbs.title", lang))
offered, default = community.offered()
view = community.build(year_choice(offered, default, lang), lang)
blocks.lead(view.lead, lang)


def card(c: community.Card) -> None:
    st.badge(c.badge[0], color=c.badge[1])
    st.markdown(c.body)
    if c.caption:
        st.caption(c.caption)


def money() -> None:
    """What was reported spent (a card per source), the year's pilot lines, the BSAP figures."""
    st.header(view.spent_title)
    st.markdown(view.spent_intro)
    for column, report in zip(cycle(st.columns(2)), view.reports):
        with column.container(border=True):
            card(report)
    if view.reports_none:
        st.info(view.reports_none)
    if view.reports_no_district:
        st.markdown(view.reports_no_district)
    st.header(view.cbsp_title)
    for line in view.cbsp:
        with st.container(border=True):
            card(line)
    st.caption(view.cbsp_citation)
    st.header(view.bsap_title)
    st.markdown(view.bsap_intro)
    blocks.chart(view.bsap, lang)


def passages() -> None:
    """The named sites on a map and in a table, and the district's roster when staff have imported one."""
    st.header(view.map_title)
    schools = maps.schools_toggle(lang, default=True)
    maps.map_block(community.sites_map_block(lang, schools), lang)
    st.markdown(view.sites_title)
    blocks.table(view.sites, lang)
    st.caption(view.sites.citation)
    st.header(view.roster_title)
    if view.roster is None:
        st.info(view.roster_none)
    else:
        st.warning(view.roster_banner)
        blocks.table(view.roster, lang)


def gaps() -> None:
    blocks.request_letter(view.letter_label, view.letter, view.letter_download)


blocks.sections(view.sections, lang, extra={"money": money, "passages": passages, "gaps": gaps})
