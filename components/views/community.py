"""Community-based safety view model: the money (earmark, what was reported spent, the year's pilot lines, BSAP),
the named safe-passage sites on a map, what the district has not published (with a records request), the
town halls and summit, and — when staff have imported one — the district's own roster beside the published facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import queries
from components.charts import community as charts
from components.charts.maps import base as basemap
from components.charts.maps import schools as school_layer
from components.charts.maps import sites as sites_map
from components.i18n import t
from components.perf.memo import cached
from components.tables import community as tables
from components.tables import overview as overview_tables
from components.text import fmt
from components.text.labels import next_school_year
from components.text.localized import localized
from components.text.markdown import md_escape
from components.views import timeline as dated
from components.views import years
from components.views.cite import cite, part_of, sourced
from components.views.model import Chart, DataTable, Download, Lead, MapBlock, Metric, Metrics, Section, Text
from components.views.names import region_names
from queries import QueryResult, imports


@dataclass(frozen=True)
class Card:
    """A boxed card: a badge (label, colour) and markdown lines under it."""

    badge: tuple[str, str]
    body: str
    caption: str | None = None


@dataclass(frozen=True)
class CommunityView:
    title: str
    lead: Lead  # the year's pilot money in a sentence, and the allocation over the years
    sections: tuple[Section, ...]  # money, safe passages, not published, engagement; the page adds cards, map, letter
    metrics_citation: str
    spent_title: str
    spent_intro: str
    reports: tuple[Card, ...]
    reports_none: str | None  # when nothing was reported
    reports_no_district: str | None  # when no district document reports spending
    cbsp_title: str
    cbsp: tuple[Card, ...]
    cbsp_citation: str
    bsap_title: str
    bsap_intro: str
    bsap: Chart
    map_title: str
    sites_title: str
    sites: Download
    roster_title: str
    roster_banner: str | None
    roster: Download | None
    roster_none: str
    letter_label: str
    letter: str
    letter_download: str


def _points_chart(obs: QueryResult, points, table_metrics, name: str, lang: str) -> Chart:
    """Every source's figure by year (earmark or BSAP), cited by the rows its table shows."""
    table = tables.by_metric(obs.frame, table_metrics)
    return Chart(
        f"cbs-{name}",
        charts.points_by_year(points, t(f"cbs.{name}.chart", lang), t("cbs.axis.usd", lang), lang),
        charts.points_alt(points, t(f"cbs.{name}.what", lang), lang),
        sourced(partial(tables.observations_table, table, lang), table, lang),
        cite(QueryResult(table, ()), main_only=True, lang=lang),
    )


def _finding(year: str, lines: list[dict], reports: list[dict], lang: str) -> str:
    """One plain sentence: the year's community-based safety pilot lines in the district's budget, and whether
    any district document reports what was spent."""
    if not lines:
        text = t("cbs.finding.none", lang, year=year)
    else:
        parts = [t("cbs.finding.part", lang, value=line["value"], label=line["label"]) for line in lines]
        text = t("cbs.finding", lang, year=year, parts="; ".join(parts))
    if reports and not any(c["kind"] == "district" for c in reports):
        text += " " + t("cbs.finding.no_district", lang)
    return text


def offered() -> tuple[tuple[str, ...], str | None]:
    """The school years with district budget lines (where the pilot's money lines live), and the default."""
    parts = (years.BUDGET,)
    return tuple(y.school_year for y in years.for_page(parts)), years.default(parts)


@cached(data=True)
def build(year: str, lang: str) -> CommunityView:
    obs = queries.run("cbs_observations")
    cbsp = queries.run("cbsp_money_lines", school_year=year)
    counts = queries.run("safe_passage_counts")
    sites = queries.run("safe_passage_sites")
    halls = queries.run("town_halls")
    events = queries.run("timeline")
    gaps = queries.run("unpublished_data")
    roster = imports.run("safe_passage_roster", "roster_sites")
    roster_info = imports.run("safe_passage_roster", "roster_info")
    roster_frame = roster.frame if roster is not None and not roster.frame.empty else None

    programs = tables.headline_count(counts.frame)
    lines = tables.cbsp_lines(cbsp.frame, year, lang)
    metrics = []
    if programs is not None:
        metrics.append(
            Metric(
                t("cbs.m.programs", lang, year=programs["school_year"]),
                fmt.value_text(programs["value"], "count", lang),
                help=t("cbs.m.programs_help", lang, source=md_escape(tables.source_text(programs, lang))),
            )
        )
    for line in lines[:2]:
        metrics.append(
            Metric(
                line["label"],
                line["value"],
                delta=line["approx"] or None,
                help=t(
                    "cbs.m.cbsp_help",
                    lang,
                    item=md_escape(line["item"]),
                    exact=md_escape(line["exact"]),
                    published=md_escape(line["published_as"] or line["exact"]),
                ),
            )
        )

    reports = tables.spending_reports(obs.frame, lang)
    report_cards = tuple(
        Card(
            (c["badge"], c["colour"]),
            f"**{md_escape(c['value'])}** — {md_escape(c['title'])}",
            md_escape(" · ".join(d for d in (c["period"], c["approx"], c["source"], c["note"], c["locator"]) if d)),
        )
        for c in reports
    )
    cbsp_cards = tuple(
        Card(
            line["badge"],
            md_escape(
                t(
                    f"cbs.cbsp.{line['line']}_text",
                    lang,
                    value=line["value"],
                    exact=line["exact"],
                    item=line["item"],
                    published=line["published_as"] or line["exact"],
                    next_year=next_school_year(year),
                )
            ),
            md_escape(line["approx"]) if line["approx"] else None,
        )
        for line in lines
    )

    site_table = sourced(tables.sites_table(sites.frame, lang), sites.frame, lang)
    sites_cite = cite(sites, lang=lang)
    letter = tables.request_letter(gaps.frame, lang)
    summit = tables.event_row(events.frame, "student-safety-summit")
    summit_text = summit_cite = None
    if summit is not None:
        summit_text = md_escape(tables.summit_text(summit, lang))
        rows = overview_tables.rows_where(events.frame, "event_id", summit["event_id"])
        summit_cite = cite(QueryResult(rows, ()), main_only=True, lang=lang)
    gap_lines = "\n".join(
        f"- **{md_escape(item['description'])}**  \n" + md_escape(t("cbs.gap.referred", lang, source=item["referred"]))
        for item in tables.unpublished_items(gaps.frame, lang)
    )

    metrics_citation = (
        cite(part_of(counts, counts.frame[counts.frame["obs_id"] == programs["obs_id"]]), cbsp, lang=lang)
        if programs is not None
        else cite(cbsp, lang=lang)
    )
    earmark = _points_chart(
        obs, tables.by_metric(obs.frame, tables.EARMARK_METRICS), tables.EARMARK_TABLE_METRICS, "earmark", lang
    )
    sp_count = (
        md_escape(
            t(
                "cbs.sp.count",
                lang,
                n=fmt.value_text(programs["value"], "count", lang),
                period=localized(programs, "period", lang) or programs["school_year"],
                source=tables.source_text(programs, lang),
            )
        )
        if programs is not None
        else None
    )
    sp_counts_table = DataTable(
        "cbs-sp-counts",
        sourced(partial(tables.counts_table, counts.frame, lang), counts.frame, lang),
        cite(counts, lang=lang),
    )
    halls_table = Download(
        sourced(tables.town_halls_table(halls.frame, lang), halls.frame, lang), "", "", "cbs-halls-table"
    )
    halls_caption = md_escape(tables.town_halls_alt(halls.frame, lang)) + " " + cite(halls, lang=lang)
    engagement = []
    if summit_text:
        engagement += [Text(summit_text), Text(summit_cite, "caption")]
    engagement += [Text(f"**{t('cbs.halls.title', lang)}**"), halls_table, Text(halls_caption, "caption")]
    engagement.append(Text(f"**{t('cbs.time.title', lang)}**"))
    if events.frame.empty:
        engagement.append(Text(t("ov.time.empty", lang), "info"))
    else:
        engagement += [
            Text(dated.dated_list(events.frame, lang)),
            Text(cite(events, lang=lang), "caption"),
            DataTable(
                "cbs-timeline",
                sourced(partial(overview_tables.timeline, events.frame, lang), events.frame, lang),
                cite(events, lang=lang),
            ),
        ]
    sections = (
        Section(
            "money",
            t("cbs.money.title", lang),
            (
                Text(t("cbs.intro", lang)),
                Metrics(tuple(metrics)),
                Text(metrics_citation, "caption"),
                Text(t("cbs.money.intro", lang)),
            ),
            opened=True,
        ),
        Section("passages", t("cbs.sp.title", lang), tuple(x for x in (Text(sp_count or ""), sp_counts_table) if x)),
        Section("gaps", t("cbs.gap.title", lang), (Text(t("cbs.gap.intro", lang)), Text(gap_lines))),
        Section("engagement", t("cbs.eng.title", lang), tuple(engagement)),
    )
    lead = Lead(md_escape(_finding(year, lines, reports, lang)), "", earmark)

    return CommunityView(
        title=t("cbs.title", lang),
        lead=lead,
        sections=sections,
        metrics_citation=metrics_citation,
        spent_title=t("cbs.spent.title", lang),
        spent_intro=t("cbs.spent.intro", lang),
        reports=report_cards,
        reports_none=t("cbs.spent.none", lang) if not reports else None,
        reports_no_district=f"**{t('cbs.spent.no_district', lang)}**"
        if reports and not any(c["kind"] == "district" for c in reports)
        else None,
        cbsp_title=t("cbs.cbsp.title", lang, year=year),
        cbsp=cbsp_cards,
        cbsp_citation=cite(cbsp, lang=lang),
        bsap_title=t("cbs.bsap.title", lang),
        bsap_intro=t("cbs.bsap.intro", lang),
        bsap=_points_chart(
            obs, tables.by_metric(obs.frame, tables.BSAP_METRICS), tables.BSAP_TABLE_METRICS, "bsap", lang
        ),
        map_title=t("cbs.map.title", lang),
        sites_title=f"**{t('cbs.sites.table_title', lang, n=len(sites.frame))}**",
        sites=Download(
            site_table, sites_cite, "lausd-safety-cbs-sites.csv", "cbs-sites-table", download_key="download-cbs-sites"
        ),
        roster_title=t("cbs.roster.title", lang),
        roster_banner=md_escape(
            tables.roster_label(roster_info.frame if roster_info is not None else None, len(roster_frame), lang)
        )
        if roster_frame is not None
        else None,
        roster=Download(tables.roster_table(roster_frame, lang, region_names(lang)), "", "", "cbs-roster-table")
        if roster_frame is not None
        else None,
        roster_none=t("cbs.roster.none", lang),
        letter_label=t("cbs.gap.copy", lang),
        letter=letter,
        letter_download=t("cbs.gap.download", lang),
    )


@cached(data=True)
def sites_map_block(lang: str, schools: bool = True) -> MapBlock:
    """The named safe-passage sites and the 2024 town-hall schools on the base map (with every school of the
    2018 state directory when asked for), its text alternative, legend and captions."""
    sites = queries.run("safe_passage_sites")
    halls = queries.run("town_halls")
    directory = queries.run("school_directory_points")
    roster = imports.run("safe_passage_roster", "roster_sites")
    roster_frame = roster.frame if roster is not None and not roster.frame.empty else None
    shown = directory.frame if schools else None
    # the map names each site with the texts the table shows, in the reader's language
    mapped = sites.frame.assign(
        **{c: localized(sites.frame, c, lang) for c in ("area", "program", "provider", "years")}
    )
    halls_shown = halls.frame.assign(
        **{c: localized(halls.frame, c, lang) for c in ("employees_time", "parents_time")},
        region=[region_names(lang).get(r, r) for r in halls.frame["region"]],
    )
    spec = sites_map.spec(mapped, halls_shown, roster_frame, shown, lang)
    alt = sites_map.map_alt(mapped, halls_shown, roster_frame, lang)
    school_count = school_layer.count_line(directory.frame, lang)
    if schools:
        alt += " " + school_layer.alt(directory.frame, lang)
    alt += " " + t("map.alt.base", lang)
    legend = [sites_map.legend(lang)]
    if schools:
        legend.append(school_layer.legend(lang))
    legend.append(t("map.legend.base", lang))
    captions = [md_escape(sites_map.caption(sites_map.counts(sites.frame, halls.frame), lang))]
    if schools:
        captions.append(md_escape(school_count) + " " + cite(directory, lang=lang))
    captions.append(md_escape(basemap.attribution(basemap.base().drawn, lang)))
    return MapBlock(
        "cbs-sites-map",
        spec,
        alt,
        md_escape(alt),
        "  \n".join(md_escape(line) for line in legend),
        tuple(captions),
        md_escape(t("map.sp.keyboard", lang)),
    )


def lead_for(params: dict, lang: str) -> Lead | None:
    """The lead of the view a link describes (the presenter deck's slide): its year if the data holds it."""
    offered_years, default = offered()
    year = params.get("year") if params.get("year") in offered_years else default
    return build(year, lang).lead if year else None
