"""Incidents and school-police activity: incidents over the years (one definition per chart or panel), arrests,
citations, tickets and diversion, who is arrested and cited (ratios with their formula), where incidents happen,
how safe students say they feel, every other published figure, and district-supplied campus records when staff
have imported them.

Lays out components/views/incidents.py; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.handover import page_context
from components.views import incidents

ctx = page_context()
view = incidents.build(ctx.lang)

st.title(view.title)
blocks.lead(view.lead, ctx.lang)
blocks.sections(view.sections, ctx.lang)
