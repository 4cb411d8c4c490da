"""Overview view model: a year's safety budget at a glance, where school police were deployed, key decisions.

A year with only some tables published shows what it has and says plainly what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import partial

import queries
from components.charts import overview as charts
from components.i18n import t
from components.perf.memo import cached
from components.tables import incidents as incident_tables
from components.tables import overview as tables
from components.text import fmt
from components.text.markdown import md_escape
from components.views import since, timeline, years
from components.views.cite import cite, sourced
from components.views.model import Chart, Columns, DataTable, Lead, Metric, Metrics, Section, Text
from components.views.names import region_names
from components.views.since import Since

PARTS = (years.BUDGET, years.DEPLOYMENTS)
PSW_LINE, POLICE_LINE = "psychiatric-social-workers", "sworn-peace-officers"  # the comparison people come for
INCIDENT_SERIES = "fights_physical_aggression"  # the incident headline: its latest whole school year and the one before


@dataclass(frozen=True)
class OverviewView:
    title: str
    lead: Lead | None  # the finding and the spending mix (or the deployments when the year has no budget table)
    missing: tuple[str, ...]  # what the year lacks, in plain sentences (shown right under the finding)
    since: Since | None  # what is known after the newest budget table
    sections: tuple[Section, ...]


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
        year=year,
    )
    return {
        "metrics": metrics,
        "citations": [recon, headline],
        "notes": tables.reconciliation_notes(recon.frame, "budget", lang),
        "headline_note": headline_note,
        "mix": chart,
        "mix_caption": md_escape(t("ov.mix.caption", lang, lines=int(totals.loc["usd", "lines"]))),
        "lines_frame": lines.frame,
        "total": published_usd,
        "police_share": fmt.percent(police["share"], lang),
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
        "n": fmt.number(d["deployments"], lang),
        "campuses": fmt.number(d["campuses"], lang),
    }


def offered() -> tuple[tuple[str, ...], str | None]:
    """The school years the Overview offers (any budget or deployment table), and the one it opens on."""
    return tuple(y.school_year for y in years.for_page(PARTS)), years.default(PARTS)


def _finding(year: str, budget: dict, deployed: dict, lang: str) -> str:
    """One plain sentence of what the data says for the year: the comparison people come for (psychiatric
    social workers beside school police) where the year's table has both lines."""
    if budget:
        lines = budget["lines_frame"].set_index("line_id")
        if {PSW_LINE, POLICE_LINE} <= set(lines.index):
            psw, police = lines.loc[PSW_LINE, "budgeted_usd"], lines.loc[POLICE_LINE, "budgeted_usd"]
            return t(
                "ov.finding",
                lang,
                year=year,
                total=fmt.money(budget["total"], lang, compact=True),
                psw=fmt.money(psw, lang, compact=True),
                police=fmt.money(police, lang, compact=True),
                ratio=fmt.number(float(Fraction(int(psw), int(police))), lang, 1),
            )
        return t(
            "ov.finding.mix",
            lang,
            year=year,
            share=budget["police_share"],
            total=fmt.money(budget["total"], lang, compact=True),
        )
    if deployed:
        return t("ov.finding.deployments", lang, year=year, n=deployed["n"], campuses=deployed["campuses"])
    return t("ov.finding.none", lang, year=year)


@cached(data=True)
def build(year: str, lang: str) -> OverviewView:
    have = years.lookup(year)
    budget = _budget(year, lang) if have.complete(years.BUDGET) else {}
    deployed = _deployments(year, lang) if have.complete(years.DEPLOYMENTS) else {}
    events = queries.run("timeline")
    # one headline about incidents, beside the money and deployments: its own latest whole year (not the page's)
    incidents = queries.run("incidents_headline", series_id=INCIDENT_SERIES)
    incident = incident_tables.headline_texts(incidents.frame, lang)
    incident_metric = (
        [Metric(incident["label"], incident["value"], incident["delta"], md_escape(incident["help"]))]
        if incident
        else []
    )
    lead_chart = budget.get("mix") or deployed.get("by_region")
    lead = Lead(md_escape(_finding(year, budget, deployed, lang)), "", lead_chart)

    sections = [
        Section(
            "figures",
            t("ov.figures.title", lang, year=year),
            (
                Metrics(tuple(budget.get("metrics", []) + deployed.get("metrics", []) + incident_metric)),
                Text(
                    cite(
                        *budget.get("citations", []),
                        *deployed.get("citations", []),
                        *([incidents] if incident else []),
                        lang=lang,
                    ),
                    "caption",
                ),
            ),
            opened=True,
        ),
    ]
    if deployed and budget:
        sections.append(
            Section(
                "deployments",
                t("ov.dep.title", lang, year=year),
                (
                    Text(deployed["caption"]),
                    Columns(
                        ((deployed["by_region"],), (deployed["by_bd"], Text(deployed["members_citation"], "caption")))
                    ),
                ),
            )
        )
    elif deployed:  # the lead shows the regions: the board districts come next
        sections.append(
            Section(
                "deployments",
                t("ov.dep.title", lang, year=year),
                (Text(deployed["caption"]), deployed["by_bd"], Text(deployed["members_citation"], "caption")),
            )
        )
    if not events.frame.empty:
        sections.append(
            Section(
                "timeline",
                t("ov.time.title", lang),
                (
                    Text(timeline.dated_list(events.frame, lang)),
                    Text(cite(events, lang=lang), "caption"),
                    DataTable(
                        "timeline",
                        sourced(partial(tables.timeline, events.frame, lang), events.frame, lang),
                        cite(events, lang=lang),
                    ),
                ),
            )
        )
    checks = [
        Text(("✓ " if ok else "⚠ ") + md_escape(sentence), "markdown" if ok else "warning")
        for ok, sentence in budget.get("notes", []) + deployed.get("notes", [])
    ]
    if budget.get("headline_note"):
        checks.append(Text(budget["headline_note"]))
    if budget:
        checks.append(Text(budget["mix_caption"]))
    checks.append(Text(t("ov.intro", lang, year=year), "caption"))
    if checks:
        sections.append(Section("checks", t("ov.checks.title", lang), tuple(checks)))
    return OverviewView(
        title=t("ov.title", lang),
        lead=lead,
        missing=tuple(md_escape(n) for n in years.missing_notes(year, PARTS, lang)),
        since=since.build(lang),
        sections=tuple(sections),
    )


def lead_for(params: dict, lang: str) -> Lead | None:
    """The lead of the view a link describes (the presenter deck's slide): its year if the data holds it."""
    offered_years, default = offered()
    year = params.get("year") if params.get("year") in offered_years else default
    return build(year, lang).lead if year else None
