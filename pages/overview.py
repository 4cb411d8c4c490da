"""Overview: a year's safety budget at a glance — the finding and the spending mix first — then the key figures,
where school police were deployed, the decisions, and how the totals were checked.

Lays out components/views/overview.py; nothing else.
"""

import streamlit as st

from components.ui import blocks
from components.ui.filters import year_choice
from components.ui.handover import page_context
from components.views import overview

ctx = page_context()
st.title(blocks.page_title("ov.title", ctx.lang))
offered, default = overview.offered()
view = overview.build(year_choice(offered, default, ctx.lang), ctx.lang)

blocks.lead(view.lead, ctx.lang)
for note in view.missing:
    st.warning(note)
blocks.since(view.since)
blocks.sections(view.sections, ctx.lang)
