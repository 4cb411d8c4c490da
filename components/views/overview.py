"""Overview view model: a year's safety budget at a glance, where school police were deployed, key decisions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import queries
from components.charts import overview as charts
from components.i18n import t
from components.perf.memo import cached
from components.tables import incidents as incident_tables
from components.tables import overview as tables
from components.text import fmt
from components.text.markdown import md_escape
from components.text.summaries import police_share_summary, top_group_summary
from components.views.cite import cite
from components.views.model import Chart, Metric

INCIDENT_SERIES = "fights_physical_aggression"  # the incident headline: its latest whole school year and the one before


@dataclass(frozen=True)
class OverviewView:
    title: str
    intro: str
    metrics: tuple[Metric, ...]  # six headline figures and one about incidents, shown three to a row
    metrics_citation: str
    recon_title: str
    recon_notes: tuple[tuple[bool, str], ...]  # (matches, sentence) per published total
    headline_note: str | None
    mix_title: str
    mix_caption: str
    mix: Chart
    dep_title: str
    dep_caption: str
    by_region: Chart
    by_board_district: Chart
    time_title: str
    timeline: Chart | None
    timeline_empty: str


@cached(data=True)
def build(year: str, lang: str) -> OverviewView:
    headline = queries.run("budget_headline", school_year=year)
    recon = queries.run("budget_reconciliation", school_year=year)
    mix = queries.run("budget_by_category", school_year=year)
    dep = queries.run("deployment_headline", school_year=year)
    dep_recon = queries.run("deployment_reconciliation", school_year=year)
    by_region = queries.run("deployments_by_region", school_year=year)
    by_bd = queries.run("deployments_by_board_district", school_year=year)
    events = queries.run("timeline")
    incidents = queries.run("incidents_headline", series_id=INCIDENT_SERIES)
    incident = incident_tables.headline_texts(incidents.frame, lang)

    totals = recon.frame.set_index("measure")
    heads = headline.frame.set_index("measure")
    police = tables.row_where(mix.frame, "category_id", "law_enforcement")
    line_sum = float(totals.loc["usd", "computed_value"])
    published_usd = totals.loc["usd", "published_value"]
    d = dep.frame.iloc[0]
    approx = "~" if d["sites_approx"] else ""

    fte_differs = totals.loc["fte", "difference"] != 0
    metrics = (
        Metric(
            t("ov.m.budget", lang, year=year),
            fmt.money(published_usd, lang, compact=True),
            delta=fmt.money(published_usd, lang),
            help=t("ov.m.budget_help", lang, value=md_escape(fmt.money(published_usd, lang))),
        ),
        Metric(
            t("ov.m.fte", lang, year=year),
            fmt.number(totals.loc["fte", "published_value"], lang),
            delta=t("ov.m.fte_lines", lang, computed=fmt.number(totals.loc["fte", "computed_value"], lang))
            if fte_differs
            else None,
            help=t("ov.m.fte_help", lang, computed=fmt.number(totals.loc["fte", "computed_value"], lang)),
        ),
        Metric(
            t("ov.m.police_share", lang),
            fmt.percent(police["share"], lang),
            delta=fmt.money(police["budgeted_usd"], lang),
            help=t(
                "ov.m.police_share_help",
                lang,
                amount=md_escape(fmt.money(police["budgeted_usd"], lang)),
                items=md_escape(", ".join(police["position_items"])),
                total=md_escape(fmt.money(line_sum, lang)),
            ),
        ),
        Metric(
            t("ov.m.deployments", lang, year=year),
            fmt.number(d["deployments"], lang),
            help=t("ov.m.deployments_help", lang, date=fmt.date(d["as_of"], lang)),
        ),
        Metric(
            t("ov.m.campuses", lang),
            fmt.number(d["campuses"], lang),
            help=t(
                "ov.m.campuses_help",
                lang,
                campuses=fmt.number(d["campuses"], lang),
                sites=fmt.number(d["sites"], lang),
                share=fmt.percent(d["campus_share"], lang),
            ),
        ),
        # The site count is published as "~780", so the share is approximate and says so.
        Metric(
            t("ov.m.site_share", lang),
            approx + fmt.percent(d["campus_share"], lang),
            delta=t("ov.m.site_share_delta", lang, sites=approx + fmt.number(d["sites"], lang)),
        ),
    ) + (
        (Metric(incident["label"], incident["value"], incident["delta"], md_escape(incident["help"])),)
        if incident
        else ()
    )

    notes = tuple(
        (ok, ("✓ " if ok else "") + md_escape(sentence))
        for ok, sentence in (
            tables.reconciliation_notes(recon.frame, "budget", lang)
            + tables.reconciliation_notes(dep_recon.frame, "deployments", lang)
        )
    )
    headline_note = None
    if "usd_headline" in heads.index:
        h = heads.loc["usd_headline"]
        headline_note = md_escape(
            t(
                "ov.headline_note",
                lang,
                qualifier=h["qualifier"],
                value=fmt.money(h["published_value"], lang, compact=True),
            )
        )

    mix_frame = tables.with_category_labels(mix.frame, lang)
    mix_chart = Chart(
        "spending-mix",
        charts.spending_mix(mix_frame, year, lang),
        charts.spending_mix_alt(mix_frame, year, lang),
        partial(tables.budget_by_category, mix_frame, lang),
        cite(mix, lang=lang),
        summary=partial(police_share_summary, mix_frame, published_usd, year, lang),
    )
    region_chart = Chart(
        "deployments-region",
        charts.deployments_bar(
            by_region.frame, "region", t("ov.dep.region_title", lang), t("ov.dep.region", lang), lang
        ),
        charts.deployments_alt(by_region.frame, "region", t("ov.dep.by_region", lang), year, lang),
        partial(tables.deployments, by_region.frame, "region", t("col.region", lang), lang),
        cite(by_region, lang=lang),
        summary=partial(top_group_summary, by_region.frame, "region", year, lang),
    )
    bd = tables.with_board_district_labels(by_bd.frame, lang)
    bd_chart = Chart(
        "deployments-bd",
        charts.deployments_bar(bd, "label", t("ov.dep.bd_title", lang), t("ov.dep.bd", lang), lang),
        charts.deployments_alt(bd, "label", t("ov.dep.by_bd", lang), year, lang),
        partial(tables.deployments, bd, "label", t("col.board_district", lang), lang, with_member=True),
        cite(by_bd, lang=lang),
        summary=partial(top_group_summary, bd, "label", year, lang),
    )
    timeline = None
    if not events.frame.empty:
        timeline = Chart(
            "timeline",
            charts.timeline(events.frame, lang),
            charts.timeline_alt(events.frame, lang),
            partial(tables.timeline, events.frame, lang),
            cite(events, lang=lang),
        )

    return OverviewView(
        title=t("ov.title", lang),
        intro=t("ov.intro", lang),
        metrics=metrics,
        metrics_citation=cite(recon, headline, dep, incidents, lang=lang),
        recon_title=t("ov.recon.title", lang),
        recon_notes=notes,
        headline_note=headline_note,
        mix_title=t("ov.mix.title", lang, year=year),
        mix_caption=md_escape(t("ov.mix.caption", lang, lines=int(totals.loc["usd", "lines"]))),
        mix=mix_chart,
        dep_title=t("ov.dep.title", lang, year=year),
        dep_caption=md_escape(t("ov.dep.caption", lang, date=fmt.date(d["as_of"], lang))),
        by_region=region_chart,
        by_board_district=bd_chart,
        time_title=t("ov.time.title", lang),
        timeline=timeline,
        timeline_empty=t("ov.time.empty", lang),
    )
