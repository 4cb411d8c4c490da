"""Spending: the finding and every budget line of the year first (or, with a what-if in the link, the lines it
changes), then tabs: key figures, the lines by location level, the what-if calculator (its scenario lives in
the link: ?moves=...), the school-police budget, per-student figures, and how the figures were checked.

Lays out components/views/spending.py; the calculator's controls are components/ui/calculator.py.
"""

import streamlit as st

from components.ui import blocks, calculator
from components.ui.filters import year_choice
from components.ui.handover import page_context
from components.ui.url_state import raw_param, url_widget
from components.views import since, spending

ctx = page_context()
st.title(blocks.page_title("sp.title", ctx.lang))
offered, default = spending.offered()
year = year_choice(offered, default, ctx.lang)
view = spending.build(year, ctx.lang)
blocks.lead(spending.lead(year, ctx.lang, raw_param("moves")), ctx.lang)
for note in view.missing:
    st.warning(note)
blocks.since(since.build(ctx.lang))

budget = spending.budget(year, ctx.lang) if spending.has_budget(year) else None
scenario = spending.scenario(year, ctx.lang, raw_param("moves")) if budget is not None else None
if scenario is not None:
    calculator.keep_link_clean(scenario)
    calculator.refused_notice(scenario)


def example() -> None:
    calculator.example_button(view, budget, "sp_example_top")


def lines() -> None:
    """The lines at the chosen location levels: the filter above the treemap and the table it changes."""
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
    st.header(view.table_title)
    st.caption(view.table_caption)
    blocks.table(shown.table, ctx.lang)
    st.caption(shown.table.citation)


def whatif() -> None:
    st.info(view.calc_whatif)
    calculator.form(view, budget, scenario, ctx.lang)
    with st.expander(view.assumptions_title, expanded=bool(scenario.moves)):
        st.markdown(view.assumptions)


def history() -> None:
    """School police over the years, one chart per kind of count, drawn when a reader opens it."""
    opened = blocks.section(view.hist_header, "sp-history")
    if opened is None:
        return
    with opened:
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


blocks.sections(
    view.sections,
    ctx.lang,
    extra={"figures": example, "lines": lines, "whatif": whatif, "police": history}
    if budget is not None
    else {"police": history},
)
