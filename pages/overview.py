"""Overview: the 2023-24 safety budget at a glance, where school police were deployed, and key decisions.

Arranges only: queries/ answer, components/ build, this file lays out.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

import queries
from components.shell import cite, start_page
from components import charts, fmt, tables
from components.i18n import t
from components.markdown import md_escape
from components.boardroom import police_share_summary, top_group_summary
from components.memo import cached, frame_of
from components.ui import chart_block

YEAR = "2023-24"  # the only year with a published district safety budget table
lang = start_page()



# ---------------------------------------------------------------- data
headline = queries.run("budget_headline", school_year=YEAR)
recon = queries.run("budget_reconciliation", school_year=YEAR)
mix = queries.run("budget_by_category", school_year=YEAR)
dep = queries.run("deployment_headline", school_year=YEAR)
dep_recon = queries.run("deployment_reconciliation", school_year=YEAR)
by_region = queries.run("deployments_by_region", school_year=YEAR)
by_bd = queries.run("deployments_by_board_district", school_year=YEAR)
events = queries.run("timeline")

totals = cached(tables.indexed, frame_of(recon), "measure")
heads = cached(tables.indexed, frame_of(headline), "measure")
police = cached(tables.row_where, frame_of(mix), "category_id", "law_enforcement")
line_sum = float(totals.loc["usd", "computed_value"])
d = dep.frame.iloc[0]

# ---------------------------------------------------------------- header and headline figures
st.title(t("ov.title", lang))
st.markdown(t("ov.intro", lang))

c1, c2, c3 = st.columns(3)
c1.metric(t("ov.m.budget", lang, year=YEAR), fmt.money(totals.loc["usd", "published_value"], lang, compact=True),
          delta=fmt.money(totals.loc["usd", "published_value"], lang), delta_color="off", delta_arrow="off",
          help=t("ov.m.budget_help", lang, value=md_escape(fmt.money(totals.loc["usd", "published_value"], lang))),
          border=True)
fte_differs = totals.loc["fte", "difference"] != 0
c2.metric(t("ov.m.fte", lang, year=YEAR), fmt.number(totals.loc["fte", "published_value"], lang),
          delta=t("ov.m.fte_lines", lang, computed=fmt.number(totals.loc["fte", "computed_value"], lang))
          if fte_differs else None, delta_color="off", delta_arrow="off",
          help=t("ov.m.fte_help", lang, computed=fmt.number(totals.loc["fte", "computed_value"], lang)),
          border=True)
c3.metric(t("ov.m.police_share", lang), fmt.percent(police["share"], lang),
          delta=fmt.money(police["budgeted_usd"], lang), delta_color="off", delta_arrow="off",
          help=t("ov.m.police_share_help", lang, amount=md_escape(fmt.money(police["budgeted_usd"], lang)),
                 items=md_escape(", ".join(police["position_items"])), total=md_escape(fmt.money(line_sum, lang))),
          border=True)
c4, c5, c6 = st.columns(3)
c4.metric(t("ov.m.deployments", lang, year=YEAR), fmt.number(d["deployments"], lang),
          help=t("ov.m.deployments_help", lang, date=fmt.date(d["as_of"], lang)), border=True)
c5.metric(t("ov.m.campuses", lang), fmt.number(d["campuses"], lang),
          help=t("ov.m.campuses_help", lang, campuses=fmt.number(d["campuses"], lang),
                 sites=fmt.number(d["sites"], lang), share=fmt.percent(d["campus_share"], lang)),
          border=True)
# The site count is published as "~780", so the share is approximate and says so.
share_text = fmt.percent(d["campus_share"], lang)
c6.metric(t("ov.m.site_share", lang), ("~" if d["sites_approx"] else "") + share_text,
          delta=t("ov.m.site_share_delta", lang, sites=("~" if d["sites_approx"] else "") + fmt.number(d["sites"], lang)),
          delta_color="off", delta_arrow="off", border=True)
st.caption(cite(recon, headline, dep, lang=lang))

# Published totals beside computed ones: shown whenever they differ, confirmed when they agree.
with st.container(border=True):
    st.markdown(f"**{t('ov.recon.title', lang)}**")
    for ok, sentence in (tables.reconciliation_notes(recon.frame, "budget", lang)
                         + tables.reconciliation_notes(dep_recon.frame, "deployments", lang)):
        (st.markdown if ok else st.warning)(("✓ " if ok else "") + md_escape(sentence))
    if "usd_headline" in heads.index:
        h = heads.loc["usd_headline"]
        st.markdown(md_escape(t("ov.headline_note", lang, qualifier=h["qualifier"],
                                value=fmt.money(h["published_value"], lang, compact=True))))

# ---------------------------------------------------------------- spending mix
st.header(t("ov.mix.title", lang, year=YEAR))
st.markdown(md_escape(t("ov.mix.caption", lang, lines=int(totals.loc["usd", "lines"]))))
mix_frame = cached(tables.with_category_labels, frame_of(mix), lang)
chart_block(cached(charts.spending_mix, mix_frame, YEAR, lang), cached(charts.spending_mix_alt, mix_frame, YEAR, lang),
            partial(tables.budget_by_category, mix_frame, lang), cite(mix, lang=lang), key="spending-mix", lang=lang,
            summary=partial(police_share_summary, mix_frame, totals.loc["usd", "published_value"], YEAR, lang))

# ---------------------------------------------------------------- deployments
st.header(t("ov.dep.title", lang, year=YEAR))
st.markdown(md_escape(t("ov.dep.caption", lang, date=fmt.date(d["as_of"], lang))))
left, right = st.columns(2)
with left:
    chart_block(
        cached(charts.deployments_bar, frame_of(by_region), "region", t("ov.dep.region_title", lang),
               t("ov.dep.region", lang), lang),
        cached(charts.deployments_alt, frame_of(by_region), "region", t("ov.dep.by_region", lang), YEAR, lang),
        partial(tables.deployments, by_region.frame, "region", t("col.region", lang), lang),
        cite(by_region, lang=lang), key="deployments-region", lang=lang,
        summary=partial(top_group_summary, by_region.frame, "region", YEAR, lang))
with right:
    bd = cached(tables.with_board_district_labels, frame_of(by_bd), lang)
    chart_block(
        cached(charts.deployments_bar, bd, "label", t("ov.dep.bd_title", lang), t("ov.dep.bd", lang), lang),
        cached(charts.deployments_alt, bd, "label", t("ov.dep.by_bd", lang), YEAR, lang),
        partial(tables.deployments, bd, "label", t("col.board_district", lang), lang, with_member=True),
        cite(by_bd, lang=lang), key="deployments-bd", lang=lang,
        summary=partial(top_group_summary, bd, "label", YEAR, lang))

# ---------------------------------------------------------------- timeline
st.header(t("ov.time.title", lang))
if events.frame.empty:
    st.info(t("ov.time.empty", lang))
else:
    chart_block(cached(charts.timeline, frame_of(events), lang), cached(charts.timeline_alt, frame_of(events), lang),
                partial(tables.timeline, events.frame, lang), cite(events, lang=lang), key="timeline", lang=lang)
