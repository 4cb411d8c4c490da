"""Deployments: where short-term school-police deployments went in a year, by board district and region.

Lays out components/views/deployments.py: the year and the region and board-district filters above the finding
they change, then tabs (key figures, the map, the charts, relative to schools, conditions and policy, how we
checked). The published aggregates are the default; staff-imported campus records are an opt-in view, labelled.
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
with head:
    st.title(c.title)
if not vm.complete(year):  # a year with only some tables: what it lacks, and the counts it has
    shown = vm.partial_year(year, lang)
    for note in shown.missing:
        st.warning(note)
    for chart in shown.charts:
        blocks.chart(chart, lang)
    st.stop()

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


basis = choose(c.basis_names, c.basis_label, "basis", "dep_basis", help=c.basis_help) if c.records else "published"
view = vm.build(year, lang, basis, region, bd)
if view.records_banner:
    st.warning(view.records_banner)
blocks.lead(view.lead, lang)


def the_map() -> None:
    """The map tab: board districts or regions, the schools layer, and a click that sets the filter above."""
    kind = choose(c.kind_names, c.kind_label, "map", "dep_map_kind")
    schools = maps.schools_toggle(lang, default=True)
    shown = vm.map_view(year, lang, basis, kind, region, bd, schools)
    maps.deployments_map(shown.block, lang, {"bd": bd, "region": region})
    blocks.table_behind(shown.points_table, lang)


blocks.sections(view.sections, lang, extra={"map": the_map})
