"""Community-based safety and safe passages: the money, the named sites on a map, what is not published,
engagement, and — when staff have imported one — the district's own roster beside the published facts.

Arranges only: queries/ answer, components/ build, this file lays out.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

import queries
from components import charts, tables
from components import community_charts as cc
from components import sites_map
from components.i18n import t
from components.markdown import md_escape
from components.shell import cite, start_page
from components.memo import cached, frame_of
from components.ui import chart_block, csv_download, data_table
from queries import imports

YEAR = "2023-24"  # the year of the pilot's budget lines
lang = start_page()



def badge(label_colour: tuple[str, str]) -> None:
    st.badge(label_colour[0], color=label_colour[1])


def points_chart(points, table_metrics, name: str) -> None:
    """Every source's figure by year (earmark or BSAP), cited by the rows its table shows."""
    table = cached(cc.by_metric, frame_of(obs), table_metrics)
    chart_block(cached(cc.points_by_year, points, t(f"cbs.{name}.chart", lang), t("cbs.axis.usd", lang), lang),
                cached(cc.points_alt, points, t(f"cbs.{name}.what", lang), lang),
                partial(cc.observations_table, table, lang),
                cite(queries.QueryResult(table, ()), main_only=True, lang=lang),
                key=f"cbs-{name}", lang=lang)


# ---------------------------------------------------------------- data
obs = queries.run("cbs_observations")
cbsp = queries.run("cbsp_money_lines", school_year=YEAR)
counts = queries.run("safe_passage_counts")
sites = queries.run("safe_passage_sites")
halls = queries.run("town_halls")
events = queries.run("timeline")
gaps = queries.run("unpublished_data")
roster = imports.run("safe_passage_roster", "roster_sites")
roster_info = imports.run("safe_passage_roster", "roster_info")
roster_frame = roster.frame if roster is not None and not roster.frame.empty else None

earmark = cached(cc.by_metric, frame_of(obs), cc.EARMARK_METRICS)
bsap = cached(cc.by_metric, frame_of(obs), cc.BSAP_METRICS)
programs = cached(cc.headline_count, frame_of(counts))
located = sites.frame["lat"].notna().sum()

# ---------------------------------------------------------------- header
st.title(t("cbs.title", lang))
st.markdown(t("cbs.intro", lang))

c1, c2, c3 = st.columns(3)
if programs is not None:
    c1.metric(t("cbs.m.programs", lang, year=programs["school_year"]), cc.value_text(programs["value"], "count", lang),
              help=t("cbs.m.programs_help", lang, source=md_escape(cc.source_text(programs, lang))), border=True)
for column, line in zip((c2, c3), cached(cc.cbsp_lines, frame_of(cbsp), lang)):
    column.metric(line["label"], line["value"], border=True,
                  delta=line["approx"] or None, delta_color="off", delta_arrow="off",
                  help=t("cbs.m.cbsp_help", lang, item=md_escape(line["item"]), exact=md_escape(line["exact"]),
                         published=md_escape(line["published_as"] or line["exact"])))
st.caption(cite(counts, cbsp, lang=lang) if programs is not None else cite(cbsp, lang=lang))

# ---------------------------------------------------------------- money
st.header(t("cbs.money.title", lang))
st.markdown(t("cbs.money.intro", lang))

st.subheader(t("cbs.earmark.title", lang))
points_chart(earmark, cc.EARMARK_TABLE_METRICS, "earmark")

st.subheader(t("cbs.spent.title", lang))
st.markdown(t("cbs.spent.intro", lang))
reports = cached(cc.spending_reports, frame_of(obs), lang)
report_cols = st.columns(2)
for i, card in enumerate(reports):
    with report_cols[i % 2].container(border=True):
        badge((card["badge"], card["colour"]))
        st.markdown(f"**{md_escape(card['value'])}** — {md_escape(card['title'])}")
        details = [card["period"], card["approx"], card["source"], card["note"], card["locator"]]
        st.caption(md_escape(" · ".join(d for d in details if d)))
if not reports:
    st.info(t("cbs.spent.none", lang))
elif not any(card["kind"] == "district" for card in reports):
    st.markdown(f"**{t('cbs.spent.no_district', lang)}**")

st.subheader(t("cbs.cbsp.title", lang, year=YEAR))
for line in cached(cc.cbsp_lines, frame_of(cbsp), lang):
    with st.container(border=True):
        badge(line["badge"])
        text = t(f"cbs.cbsp.{line['line']}_text", lang, value=line["value"], exact=line["exact"],
                 item=line["item"], published=line["published_as"] or line["exact"])
        st.markdown(md_escape(text))
        if line["approx"]:
            st.caption(md_escape(line["approx"]))
st.caption(cite(cbsp, lang=lang))

st.subheader(t("cbs.bsap.title", lang))
st.markdown(t("cbs.bsap.intro", lang))
points_chart(bsap, cc.BSAP_TABLE_METRICS, "bsap")

# ---------------------------------------------------------------- safe passages
st.header(t("cbs.sp.title", lang))
if programs is not None:
    st.markdown(md_escape(t("cbs.sp.count", lang, n=cc.value_text(programs["value"], "count", lang),
                            period=programs["period"] or programs["school_year"],
                            source=cc.source_text(programs, lang))))
data_table(partial(cc.counts_table, counts.frame, lang), cite(counts, lang=lang), key="cbs-sp-counts", lang=lang)

st.subheader(t("cbs.map.title", lang))
deck, base_id = cached(sites_map.sites_deck, frame_of(sites), roster_frame, lang)
map_summary = cached(sites_map.map_alt, frame_of(sites), roster_frame, lang)
st.pydeck_chart(deck, height=520, key="cbs-sites-map", alt=map_summary)
st.caption(md_escape(map_summary))  # the map's text alternative, visible to everyone
st.markdown(md_escape(cc.status_legend(lang)) + "  \n" + md_escape(t("cbs.map.legend_roster", lang)))
st.caption(md_escape(t("cbs.map.caption", lang, drawn=int(located), total=len(sites.frame)))
           + " " + md_escape(t("cbs.map.base_context" if base_id == "base-context" else "cbs.map.base_frame", lang)))

st.markdown(f"**{t('cbs.sites.table_title', lang, n=len(sites.frame))}**")
site_table = cached(cc.sites_table, frame_of(sites), lang)
st.dataframe(site_table, hide_index=True, key="cbs-sites-table")
st.caption(cite(sites, lang=lang))
csv_download(t("common.download_csv", lang), site_table, cite(sites, lang=lang), "lausd-safety-cbs-sites.csv",
             key="download-cbs-sites", lang=lang)

st.subheader(t("cbs.roster.title", lang))
if roster_frame is not None:
    st.warning(md_escape(cc.roster_label(roster_info.frame if roster_info is not None else None,
                                         len(roster_frame), lang)))
    st.dataframe(cc.roster_table(roster_frame, lang), hide_index=True, key="cbs-roster-table")
else:
    st.info(t("cbs.roster.none", lang))

# ---------------------------------------------------------------- not published
st.header(t("cbs.gap.title", lang))
st.markdown(t("cbs.gap.intro", lang))
with st.container(border=True):
    for item in cached(cc.unpublished_items, frame_of(gaps), lang):
        st.markdown(f"- **{md_escape(item['description'])}**  \n"
                    + md_escape(t("cbs.gap.referred", lang, source=item["referred"])))
letter = cached(cc.request_letter, frame_of(gaps), lang)
# The letter (a code block, with its copy button) opens on demand: a code block makes every visitor's browser
# load a 1.5 MB highlighter (BENCHMARKS.md); the download below is always there.
request = st.expander(t("cbs.gap.copy", lang), key="open-cbs-request", on_change="rerun")
if request.open:
    with request:
        st.code(letter, language=None, wrap_lines=True)
st.download_button(t("cbs.gap.download", lang), data=letter.encode("utf-8"), file_name="lausd-cbs-records-request.txt",
                   mime="text/plain", key="download-cbs-request", on_click="ignore")

# ---------------------------------------------------------------- engagement
st.header(t("cbs.eng.title", lang))
summit = cached(cc.event_row, frame_of(events), "student-safety-summit")
if summit is not None:
    st.markdown(md_escape(cc.summit_text(summit, lang)))
    summit_rows = cached(tables.rows_where, frame_of(events), "event_id", summit["event_id"])
    st.caption(cite(queries.QueryResult(summit_rows, ()), main_only=True, lang=lang))
st.markdown(f"**{t('cbs.halls.title', lang)}**")
st.dataframe(cached(cc.town_halls_table, frame_of(halls), lang), hide_index=True, key="cbs-halls-table")
st.caption(md_escape(cached(cc.town_halls_alt, frame_of(halls), lang)) + " " + cite(halls, lang=lang))

st.subheader(t("cbs.time.title", lang))
if events.frame.empty:
    st.info(t("ov.time.empty", lang))
else:
    chart_block(cached(charts.timeline, frame_of(events), lang), cached(charts.timeline_alt, frame_of(events), lang),
                partial(tables.timeline, events.frame, lang), cite(events, lang=lang), key="cbs-timeline", lang=lang)
