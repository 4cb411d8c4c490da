"""Spending: a year's safety budget by category and line, the school-police budget (the year's pieces and the
multi-year series), per-student figures where both parts are published, and a what-if reallocation calculator
whose scenario lives in the link (?year=...&moves=...&level=...).

Lays out components/views/spending.py; the calculator's controls are components/ui/calculator.py.
"""

import streamlit as st

from components.ui import blocks, calculator
from components.ui.filters import year_choice
from components.ui.handover import page_context
from components.ui.url_state import raw_param, url_widget
from components.views import since, spending

ctx = page_context()
head = st.container()  # the title and introduction, above the year they depend on
offered, default = spending.offered()
year = year_choice(offered, default, ctx.lang)
view = spending.build(year, ctx.lang)
with head:
    st.title(view.title)
    st.markdown(view.intro)

# ---------------------------------------------------------------- the four questions, answered first
blocks.since(since.build(ctx.lang))
for note in view.missing:
    st.warning(note)
if spending.has_budget(year):
    budget = spending.budget(year, ctx.lang)
    scenario = spending.scenario(year, ctx.lang, raw_param("moves"))
    calculator.keep_link_clean(scenario)
    blocks.metrics(view.questions, per_row=2)
    st.caption(view.questions_caption)
    calculator.scenario_box(view, budget, scenario, ctx.lang)

    # ------------------------------------------------------------ where it goes: category and line
    st.header(view.breakdown_title)
    levels = url_widget(
        st.pills,
        view.level_label,
        list(budget.levels),
        param="level",
        key="sp_levels",
        multi=True,
        format_func=lambda lv: budget.level_labels.get(lv, lv),
        help=view.level_help,
    )
    shown = spending.breakdown(year, ctx.lang, tuple(levels or ()))
    if shown.showing:
        st.markdown(shown.showing)
    st.caption(view.breakdown_caption)
    blocks.chart(shown.treemap, ctx.lang)
    blocks.chart(shown.bars, ctx.lang)
    st.subheader(view.table_title)
    st.caption(view.table_caption)
    blocks.table(shown.table, ctx.lang)
    st.caption(shown.table.citation)

    # ------------------------------------------------------------ the what-if calculator
    st.header(view.calc_title)
    st.warning(view.calc_whatif)
    calculator.form(view, budget, scenario, ctx.lang)
    with st.expander(view.assumptions_title, expanded=bool(scenario.moves)):
        st.markdown(view.assumptions)

# ---------------------------------------------------------------- school police: the year's pieces
st.header(view.laspd_header)
if view.laspd_items is None:
    st.info(view.laspd_none)
else:
    st.caption(view.laspd_caption)
    blocks.chart(view.laspd_items, ctx.lang)

# ---------------------------------------------------------------- school police over the years (opened on demand)
history = blocks.section(view.hist_header, "sp-history")
if history is not None:
    with history:
        st.markdown(view.hist_caption)
        for chart, undated in view.series:
            blocks.chart(chart, ctx.lang)
            if undated:
                st.caption(undated)
        if not view.series:
            st.info(view.hist_none)
        if view.single_year is not None:
            st.markdown(view.single_year_title)
            blocks.table_behind(view.single_year, ctx.lang)
        st.caption(view.events_note)

# ---------------------------------------------------------------- per student
st.header(view.per_header)
if view.per_year_text:
    st.markdown(view.per_year_text)
for metric in view.per_year_metrics:
    blocks.metrics([metric], per_row=1)
if view.per_year_caption:
    st.caption(view.per_year_caption)
st.markdown(view.per_laspd_intro)
if view.per_laspd is None:
    st.markdown(view.per_laspd_none)
else:
    blocks.table(view.per_laspd, ctx.lang)
    st.caption(view.per_laspd.citation)
