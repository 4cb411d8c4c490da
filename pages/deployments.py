"""Deployments: where short-term school-police deployments went in a year, by board district and region.

Lays out components/views/deployments.py. The published aggregates are the default; staff-imported campus
records are an opt-in view, labelled.
"""

import streamlit as st

from components.ui import blocks, maps
from components.ui.filters import geo_filters, year_choice
from components.ui.handover import page_context
from components.ui.url_state import url_widget
from components.views import deployments as vm

ctx = page_context()
lang = ctx.lang
head = st.container()  # the title and introduction, above the year they depend on
offered, default = vm.offered()
year = year_choice(offered, default, lang)
c = vm.controls(year, lang)
filters = geo_filters(list(c.regions), list(c.board_districts), lang, c.region_names)
region, bd = filters["region"], filters["board_district"]


def choose(names: dict, label: str, param: str, key: str, **kwargs):
    return url_widget(
        st.radio,
        label,
        list(names),
        param=param,
        key=key,
        default=next(iter(names)),
        horizontal=True,
        format_func=names.get,
        **kwargs,
    )


with head:
    st.title(c.title)
    st.markdown(c.intro)
if not vm.complete(year):  # a year with only some tables: what it lacks, and the counts it has
    shown = vm.partial_year(year, lang)
    for note in shown.missing:
        st.warning(note)
    for chart in shown.charts:
        blocks.chart(chart, lang)
    st.stop()
basis = choose(c.basis_names, c.basis_label, "basis", "dep_basis", help=c.basis_help) if c.records else "published"
top = st.container()  # the headline figures: filled once the view is built below
st.header(c.map_title)
kind = choose(c.kind_names, c.kind_label, "map", "dep_map_kind")
schools = maps.schools_toggle(lang, default=True)
view = vm.build(year, lang, basis, kind, region, bd, schools)

with top:
    blocks.metrics(view.metrics, per_row=4)
    st.caption(view.metrics_citation)
    if view.records_banner:
        st.warning(view.records_banner)

# ---------------------------------------------------------------- map
maps.deployments_map(view.map.block, lang, {"bd": bd, "region": region})
blocks.table_behind(view.map.points_table, lang)

# ---------------------------------------------------------------- charts
st.header(view.charts_title)
if view.not_crossed:
    st.info(view.not_crossed)
for sentence in view.focus:
    st.markdown(sentence)
left, right = st.columns(2)
with left:
    blocks.chart(view.by_board_district, lang)
with right:
    blocks.chart(view.by_region, lang)

# ---------------------------------------------------------------- relative to schools
st.header(view.per_school_title)
st.markdown(view.per_school_intro)
for sentence in view.per_school_sentences:
    st.markdown(sentence)
st.warning(view.per_school_rough)
st.markdown(view.per_school_others)
st.markdown(view.per_school_regions)
blocks.table_behind(view.per_school_table, lang)

# ---------------------------------------------------------------- conditions and policy
st.header(view.conditions_title)
reasons, resources = st.columns(2)
with reasons:
    st.subheader(view.reasons_title)
    st.markdown(view.reasons)
with resources:
    st.subheader(view.resources_title)
    st.markdown(view.resources)
st.caption(view.conditions_citation)

st.header(view.policy_title)
st.markdown(view.policy_intro)
for column, (heading, points) in zip(st.columns(2), view.policy):
    with column:
        st.subheader(heading)
        st.markdown(points)
st.caption(view.policy_citation)
blocks.table_behind(view.policy_table, lang)

# ---------------------------------------------------------------- what staff can load
with st.expander(view.staff_title):
    st.markdown(view.staff_body)
    for note in view.staff_notes:
        st.caption(note)
