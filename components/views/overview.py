"""Overview view model: a year's safety budget at a glance, where school police were deployed, key decisions.

A year with only some tables published shows what it has and says plainly what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import queries
from components.charts import overview as charts
from components.i18n import t
from components.perf.memo import cached
from components.tables import overview as tables
from components.text import fmt
from components.text.markdown import md_escape
from components.text.summaries import police_share_summary, top_group_summary
from components.views import years
from components.views.cite import cite, sourced
from components.views.model import Chart, Metric
from components.views.names import region_names

PARTS = (years.BUDGET, years.DEPLOYMENTS)


@dataclass(frozen=True)
class OverviewView:
    title: str
    intro: str
    missing: tuple[str, ...]  # what the year lacks, in plain sentences
    metrics: tuple[Metric, ...]  # headline figures, shown three to a row
    metrics_citation: str
    recon_title: str
    recon_notes: tuple[tuple[bool, str], ...]  # (matches, sentence) per published total
    headline_note: str | None
    mix_title: str
    mix_caption: str
    mix: Chart | None
    dep_title: str
    dep_caption: str
    by_region: Chart | None
    by_board_district: Chart | None
    members_citation: str
    time_title: str
    timeline: Chart | None
    timeline_empty: str


def _budget(year: str, lang: str) -> dict:
    """The budget part of the view: headline figures, reconciliation, the spending mix."""
    headline = queries.run("budget_headline", school_year=year)
    recon = queries.run("budget_reconciliation", school_year=year)
    lines = queries.run("budget_lines", school_year=year)
    mix = queries.run("budget_by_category", school_year=year)
    totals = recon.frame.set_index("measure")
    heads = headline.frame.set_index("measure")
    mix_frame = tables.with_category_labels(mix.frame, lang)  # categories and line names in the reader's language
    police = tables.row_where(mix_frame, "category_id", "law_enforcement")
    published_usd = totals.loc["usd", "published_value"]
    computed_fte = fmt.number(totals.loc["fte", "computed_value"], lang)
    fte_differs = totals.loc["fte", "difference"] != 0
    metrics = [
        Metric(
            t("ov.m.budget", lang, year=year),
            fmt.money(published_usd, lang, compact=True),
            delta=fmt.money(published_usd, lang),
            help=t("ov.m.budget_help", lang, value=md_escape(fmt.money(published_usd, lang))),
        ),
        Metric(
            t("ov.m.fte", lang, year=year),
            fmt.number(totals.loc["fte", "published_value"], lang),
            delta=t("ov.m.fte_lines", lang, computed=computed_fte) if fte_differs else None,
            help=t("ov.m.fte_help", lang, computed=computed_fte),
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
                total=md_escape(fmt.money(float(totals.loc["usd", "computed_value"]), lang)),
            ),
        ),
    ]
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
    # The mix is cited by the budget lines it sums, so the citation names the slide and its table.
    chart = Chart(
        "spending-mix",
        charts.spending_mix(mix_frame, year, lang),
        charts.spending_mix_alt(mix_frame, year, lang),
        sourced(partial(tables.budget_by_category, mix_frame, lang), mix_frame, lang),
        cite(lines, lang=lang),
        summary=partial(police_share_summary, mix_frame, published_usd, year, lang),
        year=year,
    )
    return {
        "metrics": metrics,
        "citations": [recon, headline],
        "notes": tables.reconciliation_notes(recon.frame, "budget", lang),
        "headline_note": headline_note,
        "mix": chart,
        "mix_caption": md_escape(t("ov.mix.caption", lang, lines=int(totals.loc["usd", "lines"]))),
    }


def _deployments(year: str, lang: str) -> dict:
    dep = queries.run("deployment_headline", school_year=year)
    dep_recon = queries.run("deployment_reconciliation", school_year=year)
    by_region = queries.run("deployments_by_region", school_year=year)
    by_bd = queries.run("deployments_by_board_district", school_year=year)
    d = dep.frame.iloc[0]
    approx = "~" if d["sites_approx"] else ""
    names = region_names(lang)
    regions = by_region.frame.assign(label=[names.get(r, r) for r in by_region.frame["region"]])
    metrics = [
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
    ]
    region_chart = Chart(
        "deployments-region",
        charts.deployments_bar(regions, "label", t("ov.dep.region_title", lang), t("ov.dep.region", lang), lang),
        charts.deployments_alt(regions, "label", t("ov.dep.by_region", lang), year, lang),
        sourced(partial(tables.deployments, regions, "label", t("col.region", lang), lang), regions, lang),
        cite(by_region, lang=lang),
        summary=partial(top_group_summary, regions, "label", year, lang),
        year=year,
    )
    bd = tables.with_board_district_labels(by_bd.frame, lang)
    # The counts are cited by the slide they come from; the board members (joined in for the table) separately.
    bd_chart = Chart(
        "deployments-bd",
        charts.deployments_bar(bd, "label", t("ov.dep.bd_title", lang), t("ov.dep.bd", lang), lang),
        charts.deployments_alt(bd, "label", t("ov.dep.by_bd", lang), year, lang),
        sourced(
            partial(tables.deployments, bd, "label", t("col.board_district", lang), lang, with_member=True), bd, lang
        ),
        cite(by_bd, lang=lang, main_only=True),
        summary=partial(top_group_summary, bd, "label", year, lang),
        year=year,
    )
    members = queries.run("board_members", school_year=year)
    return {
        "metrics": metrics,
        "citations": [dep],
        "notes": tables.reconciliation_notes(dep_recon.frame, "deployments", lang),
        "by_region": region_chart,
        "by_bd": bd_chart,
        "members_citation": t("ov.dep.members_cite", lang, year=year, citation=cite(members, lang=lang))
        if not members.frame.empty
        else "",
        "caption": md_escape(t("ov.dep.caption", lang, date=fmt.date(d["as_of"], lang))),
    }


def offered() -> tuple[tuple[str, ...], str | None]:
    """The school years the Overview offers (any budget or deployment table), and the one it opens on."""
    return tuple(y.school_year for y in years.for_page(PARTS)), years.default(PARTS)


@cached(data=True)
def build(year: str, lang: str) -> OverviewView:
    have = years.lookup(year)
    budget = _budget(year, lang) if have.complete(years.BUDGET) else {}
    deployed = _deployments(year, lang) if have.complete(years.DEPLOYMENTS) else {}
    events = queries.run("timeline")
    timeline = None
    if not events.frame.empty:
        timeline = Chart(
            "timeline",
            charts.timeline(events.frame, lang),
            charts.timeline_alt(events.frame, lang),
            sourced(partial(tables.timeline, events.frame, lang), events.frame, lang),
            cite(events, lang=lang),
        )
    notes = tuple(
        (ok, ("✓ " if ok else "") + md_escape(sentence))
        for ok, sentence in budget.get("notes", []) + deployed.get("notes", [])
    )
    return OverviewView(
        title=t("ov.title", lang),
        intro=t("ov.intro", lang, year=year),
        missing=tuple(md_escape(n) for n in years.missing_notes(year, PARTS, lang)),
        metrics=tuple(budget.get("metrics", []) + deployed.get("metrics", [])),
        metrics_citation=cite(*budget.get("citations", []), *deployed.get("citations", []), lang=lang),
        recon_title=t("ov.recon.title", lang),
        recon_notes=notes,
        headline_note=budget.get("headline_note"),
        mix_title=t("ov.mix.title", lang, year=year),
        mix_caption=budget.get("mix_caption", ""),
        mix=budget.get("mix"),
        dep_title=t("ov.dep.title", lang, year=year),
        dep_caption=deployed.get("caption", ""),
        by_region=deployed.get("by_region"),
        by_board_district=deployed.get("by_bd"),
        members_citation=deployed.get("members_citation", ""),
        time_title=t("ov.time.title", lang),
        timeline=timeline,
        timeline_empty=t("ov.time.empty", lang),
    )
