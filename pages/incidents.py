"""Incidents and school-police activity: incidents over the years (one definition per chart or panel), arrests,
citations, tickets and diversion, who is arrested and cited (ratios with their formula), where incidents happen,
how safe students say they feel, every other published figure, and district-supplied campus records when staff
have imported them.

Lays out components/views/incidents.py section by section; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.handover import page_context
from components.views import incidents as vm
from components.views.model import Chart, DataTable, Download

ctx = page_context()
lang = ctx.lang
view = vm.build(lang)

NOTES = {"caption": st.caption, "info": st.info, "warning": st.warning, "markdown": st.markdown}


def box(b: vm.Box) -> None:
    with st.container(border=True):
        st.markdown(f"**{b.title}**")
        st.markdown(b.body)
        if b.caption:
            st.caption(b.caption)


def item(x) -> None:
    if isinstance(x, Chart):
        blocks.chart(x, lang)
    elif isinstance(x, DataTable):
        blocks.table_behind(x, lang)
    elif isinstance(x, Download):
        blocks.table(x, lang)
    elif isinstance(x, vm.Box):
        box(x)
    elif isinstance(x, vm.Side):
        for column, b in zip(st.columns(len(x.boxes)), x.boxes):
            with column:
                box(b)
    else:
        NOTES[x.style](x.body)


st.title(view.title)
st.markdown(view.intro)
for section in view.sections:
    st.header(section.title, anchor=f"inc-{section.key}")
    for x in section.items:
        item(x)
