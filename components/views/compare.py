"""Compare-years view model: two school years side by side — the safety budget's totals, lines and categories,
the deployments by region and board district — with the change in dollars, FTEs and percent; lines that appear
or disappear named as such. Until two years of a table exist, it says so and shows the multi-year series that do
exist (the school-police budget and staffing, every source's figure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import queries
from components.charts import compare as charts
from components.i18n import t
from components.perf.memo import cached
from components.tables import compare as tables
from components.tables import overview as overview_tables
from components.tables import spending as spending_tables
from components.text import fmt
from components.text.localized import localized
from components.text.markdown import md_escape
from components.views import spending, years
from components.views.cite import cite, sourced
from components.views.model import Chart, Download, Lead, Section, Text
from components.views.names import region_names

PARTS = (years.BUDGET, years.DEPLOYMENTS)


@dataclass(frozen=True)
class Controls:
    title: str
    offered: tuple[str, ...]  # years with any budget or deployment table, newest first
    year: str | None  # the default later year
    vs: str | None  # the default earlier year (None when there is only one year)
    year_label: str
    vs_label: str
    none: str  # what the second choice says when no second year is chosen


@cached(data=True)
def controls(lang: str) -> Controls:
    offered = tuple(y.school_year for y in years.for_page(PARTS))
    first = years.default(PARTS)
    older = [y for y in offered if first and y < first]
    return Controls(
        t("cmp.title", lang),
        offered,
        first,
        older[0] if older else None,
        t("cmp.year", lang),
        t("cmp.vs", lang),
        t("cmp.none", lang),
    )


@dataclass(frozen=True)
class CompareView:
    lead: Lead | None  # the change between the two years (or, with one year, what exists over many years)
    notes: tuple[str, ...]  # plain sentences: what cannot be compared, and why
    sections: tuple[Section, ...]


def _budget_frames(year: str, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    totals = queries.run("budget_reconciliation", school_year=year).frame
    lines = queries.run("budget_lines", school_year=year).frame
    return totals, lines.assign(position_item=localized(lines, "position_item", lang, published=True))


def _source_line(year: str, lang: str) -> str:
    doc = queries.run("budget_table_source", school_year=year).frame.iloc[0]
    published = doc["published"]
    date = (
        fmt.date(pd.Timestamp(published).date(), lang)
        if isinstance(published, str) and len(published) == 10
        else (published or "")
    )
    return md_escape(
        t("cmp.only_one", lang, year=year, title=localized(doc, "title", lang), publisher=doc["publisher"], date=date)
    )


@cached(data=True)
def build(year: str, vs: str | None, lang: str) -> CompareView:
    notes: list[str] = []
    budget_years = years.budget_years()
    deployment_years = years.deployment_years()
    totals = lines = cats = totals_frames = None
    deployments: list[Chart] = []

    two_budgets = len(budget_years) >= 2  # with one, it is named below (under the lead or in the checks)
    if two_budgets and (vs is None or vs == year):
        notes.append(t("cmp.same", lang))
    elif two_budgets:
        for y in (year, vs):
            if y not in budget_years:
                notes.extend(md_escape(n) for n in years.missing_notes(y, (years.BUDGET,), lang))
        if year in budget_years and vs in budget_years:
            a_tot, a_lines = _budget_frames(vs, lang)
            b_tot, b_lines = _budget_frames(year, lang)
            totals_frames = (a_tot, b_tot)
            a_q = queries.run("budget_lines", school_year=vs)
            b_q = queries.run("budget_lines", school_year=year)
            citation = cite(a_q, b_q, queries.run("budget_reconciliation", school_year=year), lang=lang)
            # a row compares a figure of each year's budget table: it names both documents
            both = tuple(sorted(set(a_q.source_ids) | set(b_q.source_ids)))
            totals_frame = tables.totals(a_tot, b_tot, vs, year, lang)
            totals_frame = sourced(totals_frame, None, lang, ids=[both] * len(totals_frame))
            totals = Download(totals_frame, citation, f"lausd-safety-totals-{vs}-{year}.csv", "cmp-totals")
            lines_frame = tables.lines(a_lines, b_lines, vs, year, lang)
            lines_frame = sourced(lines_frame, None, lang, ids=[both] * len(lines_frame))
            lines = Download(
                lines_frame,
                citation,
                f"lausd-safety-lines-{vs}-{year}.csv",
                "cmp-lines",
                number_columns=spending.number_columns(lines_frame),
            )
            a_mix = overview_tables.with_category_labels(queries.run("budget_by_category", school_year=vs).frame, lang)
            b_mix = overview_tables.with_category_labels(
                queries.run("budget_by_category", school_year=year).frame, lang
            )
            cat_frame = tables.categories(a_mix, b_mix, vs, year, lang)
            cat_frame = sourced(cat_frame, None, lang, ids=[both] * len(cat_frame))
            cats = Chart(
                "cmp-categories",
                charts.categories(a_mix, b_mix, vs, year, lang),
                charts.categories_alt(a_mix, b_mix, vs, year, lang),
                cat_frame,
                citation,
            )

    if len(deployment_years) < 2:
        if deployment_years:
            notes.append(md_escape(t("cmp.only_one_deployments", lang, year=deployment_years[0])))
    elif vs is not None and vs != year:
        for y in (year, vs):
            if y not in deployment_years:
                notes.extend(md_escape(n) for n in years.missing_notes(y, (years.DEPLOYMENTS,), lang))
        if year in deployment_years and vs in deployment_years:
            names = region_names(lang)
            for kind, query in (
                ("region", "deployments_by_region"),
                ("board_district", "deployments_by_board_district"),
            ):
                a_q, b_q = queries.run(query, school_year=vs), queries.run(query, school_year=year)
                both = tuple(sorted(set(a_q.frame["source_id"]) | set(b_q.frame["source_id"])))
                table = tables.deployments(a_q.frame, b_q.frame, kind, vs, year, lang, names)
                deployments.append(
                    Chart(
                        f"cmp-deployments-{kind}",
                        charts.deployments(a_q.frame, b_q.frame, kind, vs, year, lang, names),
                        charts.deployments_alt(a_q.frame, b_q.frame, kind, vs, year, lang, names),
                        sourced(table, None, lang, ids=[both] * len(table)),
                        cite(a_q, b_q, lang=lang, main_only=True),
                    )
                )

    comparable = totals is not None or bool(deployments)
    series = () if comparable else spending.series(lang)
    checks: list[Text] = []
    if len(budget_years) == 1:
        only_one = _source_line(budget_years[0], lang)
        if comparable:  # the lead compares deployments: say under it why the budget is not beside them
            notes.insert(0, only_one)
        else:  # the finding says there is one year; which table it is goes with the checks
            checks.append(Text(only_one + (" " + md_escape(t("cmp.only_one.series", lang)) if series else "")))
    lead = _lead(year, vs, totals_frames, cats, deployments, series, lang)
    sections = []
    if totals is not None:
        sections.append(
            Section(
                "totals",
                t("cmp.totals.title", lang),
                (totals, Text(totals.citation, "caption"), lines, Text(lines.citation, "caption")),
                opened=True,
            )
        )
    if deployments:
        rest = deployments if lead is None or lead.chart is not deployments[0] else deployments[1:]
        if rest:
            sections.append(Section("deployments", t("cmp.deployments.title", lang), tuple(rest)))
    if series:
        more = [
            item for chart, undated in series[1:] for item in (chart, *([Text(undated, "caption")] if undated else []))
        ]
        if more:
            sections.append(Section("series", t("cmp.series.more", lang), tuple(more)))
    sections.append(Section("checks", t("sp.sec.checks", lang), (*checks, Text(t("cmp.intro", lang)))))
    return CompareView(lead=lead, notes=tuple(notes), sections=tuple(sections))


def _lead(year, vs, totals_frames, cats, deployments, series, lang: str) -> Lead | None:
    """The one sentence and chart the page opens with: the safety budget's change between the two years where
    both tables exist; the deployments' where only those do; otherwise what exists over many years (the
    school-police department's budget as sources reported it)."""
    if totals_frames is not None:
        a_tot, b_tot = (f.set_index("measure")["published_value"] for f in totals_frames)
        before, after = a_tot.get("usd"), b_tot.get("usd")
        finding = t(
            "cmp.finding.budget",
            lang,
            vs=vs,
            year=year,
            before=fmt.money(before, lang, compact=True),
            after=fmt.money(after, lang, compact=True),
            change=("+" if after >= before else "−") + fmt.money(abs(after - before), lang, compact=True),
        )
        return Lead(md_escape(finding), cats.citation, cats)
    if deployments:
        return Lead(
            md_escape(t("cmp.finding.deployments", lang, vs=vs, year=year)), deployments[0].citation, deployments[0]
        )
    if series:
        chart, _ = series[0]
        q = queries.run("laspd_series")
        dated = spending_tables.metric_rows(q.frame, spending.SERIES[0][0])
        dated = dated[dated["school_year"].notna()]
        budget_years = years.budget_years()
        finding = (
            t(
                "cmp.finding.one_year",
                lang,
                year=budget_years[0] if budget_years else "",
                n=dated["school_year"].nunique(),
                first=dated["school_year"].min(),
                last=dated["school_year"].max(),
                low=fmt.money(dated["value"].min(), lang, compact=True),
                high=fmt.money(dated["value"].max(), lang, compact=True),
            )
            if budget_years
            else t("cmp.finding.none_budget", lang)
        )
        return Lead(md_escape(finding), chart.citation, chart)
    return None


def lead_for(params: dict, lang: str) -> Lead | None:
    """The lead of the view a link describes (the presenter deck's slide): its two years if the data holds them."""
    c = controls(lang)
    year = params.get("year") if params.get("year") in c.offered else c.year
    vs = params.get("vs") if params.get("vs") in c.offered else c.vs
    return build(year, vs, lang).lead if year else None
