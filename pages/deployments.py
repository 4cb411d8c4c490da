"""Deployments: where short-term school-police deployments went in 2023-24, by board district and region.

Arranges only: queries/ (and queries/imports for staff imports) answer, components/ build, this file lays
out. The published aggregates are the default; staff-imported campus records are an opt-in view, labelled.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

import queries
from components import deployment_charts as dc
from components import fmt, maps
from components import citations
from components.citations import locators_of
from components.i18n import t
from components.markdown import md_escape
from components.shell import cite, geo_filters, start_page, url_widget
from components.memo import cached, frame_of
from components.ui import chart_block, data_table
from queries import imports

YEAR = "2023-24"  # the only year with published deployment figures
lang = start_page()
filters = geo_filters(lang)
sel_bd = filters["board_district"]
sel_region = filters["region"]



def source_names(ids) -> dict[str, str]:
    frame = queries.run("sources_by_id", source_ids=sorted({i for i in ids if isinstance(i, str)})).frame
    return cached(citations.source_names, frame)


# ---------------------------------------------------------------- data
head = queries.run("deployment_headline", school_year=YEAR)
by_bd = queries.run("deployments_by_board_district", school_year=YEAR)
by_region = queries.run("deployments_by_region", school_year=YEAR)
per_school = queries.run("dep_board_district_schools", school_year=YEAR)
conditions = queries.run("dep_conditions")
policy = queries.run("dep_policy_points")
points = queries.run("dep_label_points")
h = head.frame.iloc[0]

records_loaded = imports.available("campus_deployments")

# ---------------------------------------------------------------- header
st.title(t("dep.title", lang, year=YEAR))
st.markdown(t("dep.intro", lang))

if records_loaded:
    basis = url_widget(st.radio, t("dep.basis.label", lang), ["published", "records"], param="basis",
                       key="dep_basis", default="published", horizontal=True,
                       format_func=lambda b: t(f"dep.basis.{b}", lang), help=t("dep.basis.help", lang))
else:
    basis = "published"
use_records = basis == "records"

c1, c2, c3, c4 = st.columns(4)
approx = "~" if h["sites_approx"] else ""
c1.metric(t("dep.m.deployments", lang, year=YEAR), fmt.number(h["deployments"], lang), border=True)
c2.metric(t("dep.m.campuses", lang), fmt.number(h["campuses"], lang), border=True)
c3.metric(t("dep.m.sites", lang), approx + fmt.number(h["sites"], lang), border=True,
          help=t("dep.m.sites_help", lang, qualifier=md_escape(h["sites_qualifier"] or "")))
c4.metric(t("dep.m.share", lang), approx + fmt.percent(h["campus_share"], lang), border=True,
          help=t("dep.m.share_help", lang, campuses=fmt.number(h["campuses"], lang),
                 sites=approx + fmt.number(h["sites"], lang)))
st.caption(cite(head, lang=lang))

# ---------------------------------------------------------------- the counts behind charts and map
if use_records:
    summary = imports.run("campus_deployments", "campus_summary", region=sel_region, board_district=sel_bd).frame
    s = summary.iloc[0]
    bd_counts = imports.run("campus_deployments", "campus_by_board_district", region=sel_region)
    region_counts = imports.run("campus_deployments", "campus_by_region", board_district=sel_bd)
    campus_pts = imports.run("campus_deployments", "campus_points", region=sel_region, board_district=sel_bd).frame
    st.warning(md_escape(t("dep.records.banner", lang, file=s["file_name"], imported=str(s["imported_at"])[:16],
                           records=fmt.number(s["records"], lang), campuses=fmt.number(s["campuses"], lang),
                           first=fmt.date(s["first_date"], lang) if s["records"] else "—",
                           last=fmt.date(s["last_date"], lang) if s["records"] else "—")))
    counts_source = t("dep.map.src_records", lang, file=s["file_name"])
    chart_cite = md_escape(t("dep.records.cite", lang, file=s["file_name"], imported=str(s["imported_at"])[:16]))
    basis_text = t("dep.basis.records_short", lang)
else:
    bd_counts, region_counts, campus_pts = by_bd, by_region, None
    src = source_names(by_bd.source_ids)
    counts_source = "; ".join(f"{name}, {loc}" for sid, name in src.items()
                              for loc in [locators_of(by_bd.frame).get(sid, "")])
    chart_cite = ""
    basis_text = t("dep.basis.published_short", lang, year=YEAR)

bd_frame, region_frame = bd_counts.frame, region_counts.frame

# ---------------------------------------------------------------- map
st.header(t("dep.map.title", lang))
kind = url_widget(st.radio, t("dep.map.kind", lang), ["board_district", "region"], param="map", key="dep_map_kind",
                  default="board_district", horizontal=True, format_func=lambda k: t(f"dep.map.kind.{k}", lang))
counts = bd_counts if kind == "board_district" else region_counts
frame = counts.frame
selected = sel_bd if kind == "board_district" else sel_region
boundary = imports.run("boundaries", "boundaries", kind=kind)
has_polygons = boundary is not None and not boundary.frame.empty
if has_polygons:
    features = maps.polygon_features(boundary.frame, frame, kind, selected, counts_source, lang)
    rows = [f["properties"] for f in features]
    deck = maps.deck(kind, polygons=features, basemap=maps.load_basemap(),
                     campuses=maps.campus_rows(campus_pts, lang) if campus_pts is not None else None)
else:
    rows = cached(maps.symbol_rows, frame_of(points), frame_of(counts), kind, selected, counts_source, lang)
    if campus_pts is None:
        deck = cached(maps.symbol_map, kind, rows)
    else:
        deck = maps.symbol_map(kind, rows, campuses=maps.campus_rows(campus_pts, lang))
map_summary = maps.map_alt(rows, kind, has_polygons, lang)
event = st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key=f"dep-map-{kind}",
                        height=520, alt=map_summary)
st.caption(md_escape(map_summary))  # the map's text alternative, visible to everyone

# A click on a district or region selects it in the shared filter (and so in the URL and the select box).
pick = maps.picked(event.selection) if event is not None else None
if pick != st.session_state.get("dep_map_pick"):
    st.session_state["dep_map_pick"] = pick
    if pick is not None:
        param = "bd" if pick[0] == "board_district" else "region"
        current = sel_bd if pick[0] == "board_district" else sel_region
        if str(current) != pick[1]:
            st.query_params[param] = pick[1]
            st.rerun()

legend = maps.legend(kind, has_polygons, campus_pts is not None and not campus_pts.empty, lang)
st.caption("  \n".join(md_escape(line) for line in legend))
st.caption(md_escape(t("dep.map.keyboard", lang)))
if has_polygons:
    b = boundary.frame.iloc[0]
    st.caption(md_escape(t("dep.map.boundaries_from", lang, source=b["source"], imported=str(b["imported_at"])[:16])))
    st.caption(chart_cite or cite(by_bd if kind == "board_district" else by_region, main_only=True, lang=lang))
else:
    st.caption(chart_cite or cite(by_bd if kind == "board_district" else by_region, main_only=True, lang=lang))
    st.caption(cite(points, lang=lang))
pts = cached(dc.points_of_kind, frame_of(points), kind)
data_table(partial(dc.label_points_table, pts, kind, lang), cite(points, lang=lang), key=f"dep-label-points-{kind}", lang=lang)

# ---------------------------------------------------------------- charts
st.header(t("dep.charts.title", lang, basis=basis_text))
if not use_records and (sel_bd or sel_region):
    st.info(t("dep.not_crossed", lang))
if sel_bd:
    st.markdown(md_escape(dc.focus_sentence(bd_frame, "board_district", sel_bd, int(bd_frame["deployments"].sum()), lang)))
if sel_region:
    st.markdown(md_escape(dc.focus_sentence(region_frame, "region", sel_region, int(region_frame["deployments"].sum()), lang)))
left, right = st.columns(2)
with left:
    chart_block(cached(dc.bars, frame_of(bd_counts), "board_district", sel_bd, t("ov.dep.bd_title", lang), lang),
                cached(dc.bars_alt, frame_of(bd_counts), "board_district", sel_bd, basis_text, lang),
                partial(dc.table, bd_frame, "board_district", lang), chart_cite or cite(by_bd, lang=lang),
                key=f"dep-bd-{basis}", lang=lang)
with right:
    chart_block(cached(dc.bars, frame_of(region_counts), "region", sel_region, t("ov.dep.region_title", lang), lang),
                cached(dc.bars_alt, frame_of(region_counts), "region", sel_region, basis_text, lang),
                partial(dc.table, region_frame, "region", lang), chart_cite or cite(by_region, lang=lang),
                key=f"dep-region-{basis}", lang=lang)

# ---------------------------------------------------------------- relative to schools
st.header(t("dep.per_school.title", lang))
st.markdown(t("dep.per_school.intro", lang))
ps = per_school.frame
names = source_names(list(ps["source_id"]) + list(ps["schools_source_id"].dropna()))
for sentence in cached(dc.per_school_sentences, frame_of(per_school), names, lang):
    st.markdown("- " + md_escape(sentence))
st.warning(t("dep.per_school.rough", lang))
st.markdown(md_escape(t("dep.per_school.others", lang,
                        districts=", ".join(dc.group_label("board_district", k, lang)
                                            for k in ps[ps["schools_published"].isna()]["board_district"]))))
st.markdown(md_escape(t("dep.per_school.regions", lang)))
per_school_cite = cite(per_school, lang=lang)
data_table(partial(dc.per_school_table, ps, names, lang), per_school_cite, key="dep-per-school", lang=lang)

# ---------------------------------------------------------------- conditions and policy
st.header(t("dep.conditions.title", lang))
a, b_ = st.columns(2)
with a:
    st.subheader(t("dep.conditions.reasons", lang))
    st.markdown("\n".join(f"- {md_escape(x)}" for x in cached(dc.condition_labels, frame_of(conditions), "authorizing_reason")))
with b_:
    st.subheader(t("dep.conditions.resources", lang))
    st.markdown("\n".join(f"- {md_escape(x)}" for x in cached(dc.condition_labels, frame_of(conditions), "accompanying_resource")))
st.caption(cite(conditions, lang=lang))

st.header(t("dep.policy.title", lang))
st.markdown(t("dep.policy.intro", lang))
pa, pb = st.columns(2)
for col, version in ((pa, "current"), (pb, "revised")):
    with col:
        st.subheader(t(f"dep.policy.{version}", lang))
        st.markdown("\n".join(f"- {md_escape(x)}" for x in cached(dc.policy_points, frame_of(policy), version)))
policy_cite = cite(policy, lang=lang)
st.caption(policy_cite)
data_table(partial(dc.policy_table, policy.frame, lang), policy_cite, key="dep-policy", lang=lang)

# ---------------------------------------------------------------- what staff can load
with st.expander(t("dep.staff.title", lang)):
    st.markdown(t("dep.staff.body", lang))
    if not records_loaded:
        st.caption(t("dep.staff.no_records", lang))
    if not has_polygons:
        st.caption(t("dep.staff.no_boundaries", lang))
