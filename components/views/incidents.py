"""Incidents and school-police activity view model: incidents over time (one definition per chart or panel,
revisions and part-year figures shown as such, dated decisions marked), school-police arrests, citations,
tickets and diversion, disparities with their ratio computed exactly, where incidents happen (each geography
with its year), how students say they feel, every other published figure, and — when staff have imported them —
district-supplied campus incident records as a labelled second view.

A pure function of the language (and the data's identity): the page lays out the sections it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

import pandas as pd

import queries
from components.charts import incidents as charts
from components.i18n import t
from components.perf.memo import cached
from components.tables import incidents as tables
from components.tables import overview as overview_tables
from components.text import fmt
from components.text.markdown import md_escape
from components.views import years
from components.views.cite import cite, part_of
from components.views.model import Box, Chart, DataTable, Download, Lead, Section, Side, Text
from queries import QueryResult, imports

# Which series each chart draws. Each chart (or each panel of one) is one definition; the series ids are the data's.
FIGHTS = "fights_physical_aggression"
OVER_TIME = (FIGHTS, "weapons_incidents", "suicidal_behaviour_incidents")
WEAPONS_FOUND = ("weapons_found_near_campus", "weapons_found_near_campus_by_type")
WEAPON_COUNTS = (
    "knives_firearms_confiscated",
    "wand_confiscations",
    "guns_found_at_schools",
    "guns_knives_confiscated_first_weeks",
)
POLICE_TOTALS = ("laspd_arrests", "laspd_citations", "laspd_diversions")
POLICE_SHARES = ("boys_of_color_share_involvement", "elementary_middle_age_share_arrests")
TICKETS = ("tickets_to_students", "truancy_tickets_laspd", "court_summonses_youth", "truancy_citations_district")
TICKET_SHARES = ("tickets_share_age_14_or_under", "tickets_share_male")
DIVERSION_2014 = ("diversion_citations", "diversion_completions")
DIVERSION_2014_RATE = "diversion_completion_rate_citations"
DIVERSION_2019 = ("diversion_referrals_students",)
DIVERSION_2019_RATE = "diversion_completion_rate_students"
DISPARITY_FIGURES = ("black_white_citation_likelihood", "laspd_arrests_by_race")
ISTAR = (
    "istar_reports_by_local_district",
    "istar_issues_by_local_district",
    "istar_incidents_by_school_level",
    "schools_by_level",
)
COALITION_SOURCE = "advocacy-2023-12-07-police-free-lausd"
IMPORT_DB = "campus_incidents"


@dataclass(frozen=True)
class IncidentsView:
    title: str
    intro: str
    lead: Lead | None
    sections: tuple[Section, ...]


def records_loaded() -> bool:
    """Whether staff have imported campus-level incident records (the page then shows them, labelled)."""
    return imports.available(IMPORT_DB)


def _rows(result: QueryResult, series) -> pd.DataFrame:
    return result.frame[result.frame["series_id"].isin(list(series))].reset_index(drop=True)


def _cite(result: QueryResult, frame: pd.DataFrame, lang: str) -> str:
    return cite(part_of(result, frame), lang=lang)


def _figure_line(row, lang: str) -> str:
    """'**Series** (period): value — Publisher (kind)' for lists of single figures (with the group, if any)."""
    what = tables.label(row, lang)
    if tables.text(row["group_key"]):
        what += " — " + tables.group_label(row["group_key"], lang)
    return "- " + md_escape(
        t(
            "inc.figure_line",
            lang,
            label=what,
            period=tables.period_text(row, lang),
            value=tables.value_text(row, lang),
            source=tables.source_words(row, lang),
        )
    )


def _figure_list(result: QueryResult, frame: pd.DataFrame, key: str, lang: str) -> tuple:
    """A list of single figures with its citation and its table (nothing when there are none)."""
    if frame.empty:
        return ()
    return (
        Text("\n".join(_figure_line(r, lang) for _, r in frame.iterrows())),
        DataTable(key, partial(tables.figures_table, frame, lang), _cite(result, frame, lang)),
    )


def _definitions(frame: pd.DataFrame, lang: str) -> Text:
    """What each series of a chart counts, in the data's words (English or Spanish)."""
    series = frame.drop_duplicates("series_id")
    lines = [
        f"**{md_escape(tables.label(r, lang))}**: {md_escape(tables.definition(r, lang))}" for _, r in series.iterrows()
    ]
    return Text(md_escape(t("inc.what_counted", lang)) + "  \n" + "  \n".join(lines), "caption")


def _time_chart(result, series_id, annotations, marks, lang) -> tuple:
    rows = _rows(result, [series_id])
    if rows.empty:
        return ()
    points = tables.time_points(rows, lang)
    lower = tables.first_month_points(rows, lang)
    shown = rows[rows["obs_id"].isin(list(points["obs_id"]) + list(lower["obs_id"]))]
    first_row = rows.iloc[0]
    figure = charts.over_time(
        points,
        lower if not lower.empty else None,
        marks,
        t("inc.time.title", lang, what=tables.label(first_row, lang), years=tables.school_year_span(shown, lang)),
        t(f"inc.unit.{first_row['unit']}", lang),
        (t("inc.time.panel_full", lang), t("inc.time.panel_partial", lang), t("inc.time.first_month_title", lang)),
        t("inc.time.key", lang),
        t("inc.time.gap", lang),
    )
    drawn = charts.marks_in_range(marks, points, lower)
    ann = annotations.frame[annotations.frame["annotation_id"].isin(list(drawn["annotation_id"]))]
    citation = cite(part_of(result, shown), *([part_of(annotations, ann)] if not ann.empty else []), lang=lang)
    whole = points[points["role"].isin(["full", "earlier"])]
    items: list = [
        Chart(
            f"inc-{series_id}",
            figure,
            tables.time_alt(shown, drawn, lang),
            partial(tables.figures_table, shown, lang),
            citation,
            # the presenter's slide: whole school years only, at the room's type size
            slide=partial(
                charts.whole_years_slide,
                points,
                t(
                    "inc.time.slide_title",
                    lang,
                    what=tables.label(first_row, lang),
                    years=tables.school_year_span(rows[rows["obs_id"].isin(whole["obs_id"])], lang),
                ),
                t("inc.time.gap", lang),
            ),
        ),
        _definitions(rows, lang),
    ]
    revised = [y for y, n in shown[shown["coverage"] == "full_year"]["school_year"].value_counts().items() if n > 1]
    for year in sorted(revised):
        versions = shown[(shown["school_year"] == year) & (shown["coverage"] == "full_year")].sort_values("reported_on")
        items.append(
            Text(
                md_escape(
                    t(
                        "inc.time.revision",
                        lang,
                        year=year,
                        versions=t("inc.and", lang).join(
                            t(
                                "inc.time.version",
                                lang,
                                value=tables.value_text(v, lang),
                                date=tables.partial_date(v["reported_on"], lang),
                                source=tables.source_words(v, lang),
                            )
                            for _, v in versions.iterrows()
                        ),
                    )
                ),
                "info",
            )
        )
    other = rows[~rows["obs_id"].isin(shown["obs_id"])]
    if not other.empty:  # e.g. a figure of a coverage that the chart cannot place
        items.extend(_figure_list(result, other, f"inc-{series_id}-other", lang))
    return tuple(items)


def _bars_chart(key: str, bars: pd.DataFrame, title: str, rows: pd.DataFrame, result, lang: str, legend=()) -> Chart:
    return Chart(
        key,
        charts.panel_bars(bars, title, tuple(legend)),
        tables.bars_alt(bars, title, lang),
        partial(tables.figures_table, rows, lang),
        _cite(result, rows, lang),
    )


def _panels(rows: pd.DataFrame, groups, lang: str, category) -> pd.DataFrame:
    """Bars for panels of single series: `groups` is a list of series ids (one panel each); `category(row)` names
    each bar's row (its period, level or type)."""
    out = []
    for panel, series_id in enumerate(groups):
        part = rows[rows["series_id"] == series_id]
        if part.empty:
            continue
        title = t(
            "inc.panel", lang, label=tables.label(part.iloc[0], lang), source=tables.source_words(part.iloc[0], lang)
        )
        for _, r in part.iterrows():
            out.append(tables.bar(panel, title, category(r), r, lang))
    return pd.DataFrame(out, columns=tables.BAR_COLUMNS)


def _period_category(row, lang):
    return charts.wrap(tables.period_text(row, lang), 18)


# ------------------------------------------------------------------------------------------- sections


def _time_section(figures, annotations, lang) -> Section:
    marks = tables.marks(annotations.frame, lang)
    items: list = [Text(t("inc.time.intro", lang))]
    items += _time_chart(figures, FIGHTS, annotations, marks, lang)
    items.append(Text(t("inc.time.weapons_intro", lang)))
    items += _time_chart(figures, "weapons_incidents", annotations, marks, lang)

    found = _rows(figures, WEAPONS_FOUND)
    if not found.empty:
        total = found[found["series_id"] == WEAPONS_FOUND[0]]
        by_type = found[found["series_id"] == WEAPONS_FOUND[1]]
        bars = []
        if not total.empty:
            title = t(
                "inc.panel",
                lang,
                label=tables.label(total.iloc[0], lang),
                source=tables.source_words(total.iloc[0], lang),
            )
            bars += [tables.bar(0, title, r["school_year"], r, lang) for _, r in total.iterrows()]
        if not by_type.empty:
            title = t(
                "inc.panel",
                lang,
                label=tables.label(by_type.iloc[0], lang),
                source=tables.source_words(by_type.iloc[0], lang),
            )
            colours = dict(zip(sorted(set(by_type["school_year"])), ["#56B4E9", "#0072B2", "#000000"]))
            bars += [
                tables.bar(
                    1,
                    title,
                    tables.group_label(r["group_key"], lang),
                    r,
                    lang,
                    trace=r["school_year"],
                    colour=colours[r["school_year"]],
                    text_value=f"{r['school_year']}: {tables.value_text(r, lang)}",
                )
                for _, r in by_type.iterrows()
            ]
        frame = pd.DataFrame(bars, columns=tables.BAR_COLUMNS)
        title = t("inc.found.title", lang, years=tables.year_span(found))
        items += [_bars_chart("inc-weapons-found", frame, title, found, figures, lang), _definitions(found, lang)]

    counts = _rows(figures, WEAPON_COUNTS)
    if not counts.empty:

        def category(row):
            if tables.text(row["group_key"]):
                return f"{tables.group_label(row['group_key'], lang)} · {row['school_year']}"
            return _period_category(row, lang)

        frame = _panels(counts, WEAPON_COUNTS, lang, category)
        title = t("inc.weapons_other.title", lang, years=tables.year_span(counts))
        items += [_bars_chart("inc-weapons-other", frame, title, counts, figures, lang), _definitions(counts, lang)]

    items += _time_chart(figures, "suicidal_behaviour_incidents", annotations, marks, lang)
    undated = tables.undated_marks(annotations.frame, lang)
    if undated:
        items.append(
            Text(
                md_escape(t("inc.time.undated", lang)) + "\n" + "\n".join(f"- {md_escape(u)}" for u in undated),
                "caption",
            )
        )

    changes = figures.frame[figures.frame["measure"] == "change"]
    if not changes.empty:
        lines = "\n".join(
            "- "
            + md_escape(
                t(
                    "inc.change.line",
                    lang,
                    label=tables.label(r, lang),
                    change=t(
                        "inc.change.up" if r["value"] > 0 else "inc.change.down",
                        lang,
                        value=tables.hedged(
                            tables.percent(abs(r["value"]), lang), bool(r["approx"]), r["qualifier"], lang
                        ),
                    ),
                    period=tables.period_text(r, lang),
                    source=tables.source_words(r, lang),
                )
            )
            for _, r in changes.iterrows()
        )
        items.append(
            Box(
                t("inc.change.title", lang),
                md_escape(t("inc.change.intro", lang)) + "\n\n" + lines,
                _cite(figures, changes, lang),
            )
        )
        items.append(
            DataTable("inc-changes", partial(tables.figures_table, changes, lang), _cite(figures, changes, lang))
        )
    return Section("time", t("inc.time.header", lang), tuple(items))


def _police_section(figures, lang) -> Section:
    items: list = [Text(t("inc.police.intro", lang))]
    totals = _rows(figures, POLICE_TOTALS)
    if not totals.empty:
        title = t("inc.police.title", lang, years=tables.year_span(totals))
        panel_title = t(
            "inc.police.panel",
            lang,
            period=tables.period_text(totals.iloc[0], lang),
            source=tables.source_words(totals.iloc[0], lang),
        )
        frame = pd.DataFrame(
            [tables.bar(0, panel_title, charts.wrap(tables.label(r, lang), 22), r, lang) for _, r in totals.iterrows()],
            columns=tables.BAR_COLUMNS,
        )
        items += [_bars_chart("inc-police-totals", frame, title, totals, figures, lang), _definitions(totals, lang)]
        items.append(Text(md_escape(t("inc.police.totals_note", lang, years=tables.year_span(totals))), "caption"))
    items += _figure_list(figures, _rows(figures, POLICE_SHARES), "inc-police-shares", lang)

    tickets = _rows(figures, TICKETS)
    if not tickets.empty:
        frame = _panels(tickets, TICKETS, lang, lambda r: _period_category(r, lang))
        title = t("inc.tickets.title", lang, years=tables.year_span(tickets))
        items += [_bars_chart("inc-tickets", frame, title, tickets, figures, lang), _definitions(tickets, lang)]
    items += _figure_list(figures, _rows(figures, TICKET_SHARES), "inc-ticket-shares", lang)

    diversion = _rows(figures, DIVERSION_2014 + (DIVERSION_2014_RATE,) + DIVERSION_2019 + (DIVERSION_2019_RATE,))
    if not diversion.empty:
        bars = []
        for panel, (counted, rate_id) in enumerate(
            ((DIVERSION_2014, DIVERSION_2014_RATE), (DIVERSION_2019, DIVERSION_2019_RATE))
        ):
            part = diversion[diversion["series_id"].isin(counted)]
            if part.empty:
                continue
            rate = diversion[diversion["series_id"] == rate_id]
            head = part.iloc[0]
            title = t(
                "inc.diversion.panel",
                lang,
                period=tables.period_text(head, lang),
                source=tables.source_words(head, lang),
            )
            if not rate.empty:
                title += " · " + t(
                    "inc.diversion.rate",
                    lang,
                    label=tables.label(rate.iloc[0], lang),
                    value=tables.value_text(rate.iloc[0], lang),
                )
            bars += [
                tables.bar(panel, title, charts.wrap(tables.label(r, lang), 22), r, lang) for _, r in part.iterrows()
            ]
        frame = pd.DataFrame(bars, columns=tables.BAR_COLUMNS)
        title = t("inc.diversion.title", lang, years=tables.year_span(diversion))
        items += [_bars_chart("inc-diversion", frame, title, diversion, figures, lang), _definitions(diversion, lang)]
    return Section("police", t("inc.police.header", lang), tuple(items))


def _disparity_section(figures, disparities, lang) -> Section:
    frame = disparities.frame
    items: list = [Text(t("inc.disp.intro", lang))]
    claim = frame[frame["source_id"] == COALITION_SOURCE]
    if not claim.empty:
        c = claim.iloc[0]
        others = frame[(frame["group_key"] == c["group_key"]) & (frame["source_id"] != COALITION_SOURCE)]
        matching = "\n".join(
            "- "
            + md_escape(
                t(
                    "inc.disp.other_line",
                    lang,
                    period=tables.disparity_period(r, lang),
                    enrollment=tables.share_text(r, "enrollment", lang),
                    action_share=tables.share_text(r, "action", lang),
                    action=t(f"inc.disp.action.{r['action']}", lang),
                    source=tables.source_words(r, lang),
                )
            )
            for _, r in others.iterrows()
        )
        body = (
            md_escape(
                t(
                    "inc.claim.body",
                    lang,
                    group=tables.group_in_sentence(c["group_key"], lang),
                    enrollment=tables.share_text(c, "enrollment", lang),
                    action_share=tables.share_text(c, "action", lang),
                    action=t(f"inc.disp.action_short.{c['action']}", lang),
                    source=tables.source_words(c, lang),
                    date=tables.partial_date(c["reported_on"], lang),
                )
            )
            + "\n\n**"
            + md_escape(t("inc.claim.no_year", lang))
            + "**\n\n"
            + md_escape(tables.ratio_sentence(c, lang))
            + "\n\n"
            + md_escape(t("inc.claim.others", lang, group=tables.group_in_sentence(c["group_key"], lang)))
            + "\n"
            + matching
        )
        items.append(Box(t("inc.claim.title", lang), body, cite(QueryResult(claim, (COALITION_SOURCE,)), lang=lang)))

    both = frame[frame["enrollment_share"].notna() & frame["action_share"].notna()]
    bars = tables.disparity_bars(both, lang, charts.ENROLLMENT, charts.ACTION)
    chart = Chart(
        "inc-disparities",
        charts.panel_bars(
            bars,
            t("inc.disp.title", lang),
            (
                (charts.ENROLLMENT, t("inc.disp.legend_enrollment", lang)),
                (charts.ACTION, t("inc.disp.legend_action", lang)),
            ),
        ),
        tables.bars_alt(bars, t("inc.disp.title", lang), lang),
        partial(tables.disparity_table, frame, lang),
        cite(part_of(disparities, both), lang=lang),
    )
    items.append(chart)
    ratios = []
    for _, part in both.groupby(both.apply(tables.disparity_key, axis=1), sort=False):
        head = part.iloc[0]
        ratios.append(
            "- **"
            + md_escape(f"{tables.source_words(head, lang)} · {tables.disparity_period(head, lang)}")
            + "**\n"
            + "\n".join(
                "    - " + md_escape(f"{tables.group_label(r['group_key'], lang)}: {tables.ratio_sentence(r, lang)}")
                for _, r in part.iterrows()
            )
        )
    items.append(Text(md_escape(t("inc.disp.ratios", lang)) + "\n" + "\n".join(ratios)))
    only_one = frame[frame["enrollment_share"].isna() | frame["action_share"].isna()]
    if not only_one.empty:
        items.append(
            Text(
                md_escape(t("inc.disp.only_one", lang))
                + "\n"
                + "\n".join(
                    "- "
                    + md_escape(
                        t(
                            "inc.disp.only_line",
                            lang,
                            group=tables.group_label(r["group_key"], lang),
                            period=tables.disparity_period(r, lang),
                            action_share=tables.share_text(r, "action", lang),
                            action=t(f"inc.disp.action.{r['action']}", lang),
                            enrollment=tables.share_text(r, "enrollment", lang),
                            source=tables.source_words(r, lang),
                        )
                    )
                    for _, r in only_one.iterrows()
                ),
                "caption",
            )
        )
    items += _figure_list(figures, _rows(figures, DISPARITY_FIGURES), "inc-disparity-figures", lang)
    return Section("disparities", t("inc.disp.header", lang), tuple(items))


def _places_section(figures, lang) -> Section:
    istar = _rows(figures, ISTAR)
    istar_year = ", ".join(sorted(set(istar["school_year"].dropna())))
    deployment_year = years.default((years.DEPLOYMENTS,)) or ""
    items: list = [Text(t("inc.places.intro", lang, istar_year=istar_year, deployment_year=deployment_year))]
    if not istar.empty:

        def category(row):
            return tables.group_label(row["group_key"], lang)

        frame = _panels(istar, ISTAR, lang, category)
        missing = frame["value"].isna()
        frame.loc[missing, "text"] = t("inc.not_available_short", lang)
        title = t("inc.istar.title", lang, years=", ".join(sorted(set(istar["school_year"].dropna()))))
        items += [_bars_chart("inc-istar", frame, title, istar, figures, lang), _definitions(istar, lang)]
        items.append(Text(md_escape(t("inc.istar.local_districts", lang)), "warning"))
        unavailable = istar[istar["value"].isna()]
        for _, r in unavailable.iterrows():
            items.append(
                Text(
                    md_escape(
                        t(
                            "inc.istar.missing",
                            lang,
                            label=tables.label(r, lang),
                            group=tables.group_label(r["group_key"], lang),
                            year=r["school_year"],
                        )
                    ),
                    "caption",
                )
            )
    year = years.default((years.DEPLOYMENTS,))
    if year:
        geo = queries.run("incidents_geography").frame.iloc[0]
        by_region = queries.run("deployments_by_region", school_year=year)
        by_bd = queries.run("deployments_by_board_district", school_year=year)
        established = tables.partial_date(str(geo["regions_established"]), lang)
        region_title = t("inc.dep.region_title", lang, year=year, n=int(geo["regions"]), established=established)
        bd_title = t("inc.dep.bd_title", lang, year=year, n=int(geo["board_districts"]))
        bd = overview_tables.with_board_district_labels(by_bd.frame, lang)
        items.append(Text(md_escape(t("inc.dep.intro", lang, year=year)), "markdown"))
        for key, result, frame, column, title, header in (
            ("inc-dep-region", by_region, by_region.frame, "region", region_title, "col.region"),
            ("inc-dep-bd", by_bd, bd, "label", bd_title, "col.board_district"),
        ):
            bars = tables.deployment_bars(frame, column, t("inc.dep.panel", lang, year=year), key, lang)
            items.append(
                Chart(
                    key,
                    charts.panel_bars(bars, title),
                    tables.bars_alt(bars, title, lang),
                    partial(overview_tables.deployments, frame, column, t(header, lang), lang),
                    cite(result, main_only=True, lang=lang),
                )
            )
        items.append(Text(md_escape(t("inc.dep.not_mapped", lang, istar_year=istar_year)), "caption"))
    return Section("places", t("inc.places.header", lang), tuple(items))


def _students_section(climate, lang) -> Section:
    frame = climate.frame
    items: list = [Text(t("inc.climate.intro", lang))]
    if frame.empty:
        return Section("students", t("inc.climate.header", lang), tuple(items))
    bars = tables.climate_bars(frame, lang, "#009E73")
    title = t("inc.climate.title", lang, years=", ".join(sorted(set(frame["school_year"]))))
    items.append(
        Chart(
            "inc-climate",
            charts.panel_bars(bars, title),
            tables.bars_alt(bars, title, lang),
            partial(tables.climate_table, frame, lang),
            cite(climate, lang=lang),
        )
    )
    # the same students, the same year, two published figures: side by side, none chosen
    for (year, level), part in frame[frame["school_level"] != "all"].groupby(["school_year", "school_level"]):
        safe = part[part["response"].isin(["agree_or_strongly_agree", "reported_feeling_safe"])]
        if safe["source_id"].nunique() < 2:
            continue
        boxes = []
        for _, r in safe.iterrows():
            item = r["item_es" if lang == "es" else "item_en"]
            boxes.append(
                Box(
                    f"{tables.percent(r['value'], lang)} — {md_escape(r['publisher'])}",
                    md_escape(
                        t(
                            "inc.climate.conflict_item",
                            lang,
                            response=t(f"inc.climate.response.{r['response']}", lang),
                            item=t(
                                "inc.climate.quoted" if r["item_basis"] == "quoted" else "inc.climate.described",
                                lang,
                                item=item,
                            ),
                            kind=tables.source_words(r, lang),
                        )
                    ),
                    cite(QueryResult(part[part["obs_id"] == r["obs_id"]], (r["source_id"],)), lang=lang),
                )
            )
        items.append(
            Text(md_escape(t("inc.climate.conflict", lang, level=t(f"inc.level.{level}", lang), year=year)), "warning")
        )
        items.append(Side(tuple(boxes)))
    return Section("students", t("inc.climate.header", lang), tuple(items))


def _other_section(figures, used: set, lang) -> Section:
    """Every figure no chart above draws, listed (a list reads on a phone; the table, with its CSV, is one click
    away and is built only when opened)."""
    rest = figures.frame[~figures.frame["series_id"].isin(list(used)) & (figures.frame["measure"] != "change")]
    items = (Text(t("inc.other.intro", lang)),) + _figure_list(figures, rest, "inc-other", lang)
    return Section("other", t("inc.other.header", lang), items)


def _records_section(lang) -> Section:
    if not records_loaded():
        return Section("records", t("inc.imp.header", lang), (Text(t("inc.imp.none", lang), "caption"),))
    summary = imports.run(IMPORT_DB, "campus_incidents_summary")
    by_category = imports.run(IMPORT_DB, "campus_incidents_by_category")
    by_school = imports.run(IMPORT_DB, "campus_incidents_by_school")
    if summary is None or by_category is None or by_school is None or summary.frame.empty:
        return Section(
            "records", t("inc.imp.header", lang), (Text(md_escape(t("inc.imp.unreadable", lang)), "warning"),)
        )
    s = summary.frame.iloc[0]
    imported = str(s["imported_at"])[:16]
    banner = md_escape(
        t(
            "inc.imp.banner",
            lang,
            file=s["file_name"],
            imported=imported,
            records=fmt.number(s["records"], lang),
            incidents=fmt.number(s["incidents"], lang),
            schools=fmt.number(s["schools"], lang),
            first=fmt.date(s["first_date"], lang),
            last=fmt.date(s["last_date"], lang),
            matched=fmt.number(s["matched_schools"], lang),
        )
    )
    cite_text = md_escape(t("inc.imp.cite", lang, file=s["file_name"], imported=imported))
    title = t("inc.imp.chart_title", lang, first=fmt.date(s["first_date"], lang), last=fmt.date(s["last_date"], lang))
    bars = tables.import_bars(by_category.frame, t("inc.imp.panel", lang), lang)
    chart = Chart(
        "inc-records-category",
        charts.panel_bars(bars, title),
        tables.bars_alt(bars, title, lang),
        by_category.frame.assign(category=[t(f"inc.cat.{c}", lang) for c in by_category.frame["category"]]),
        cite_text,
    )
    items = (
        Text(banner, "warning"),
        chart,
        Text(f"**{md_escape(t('inc.imp.by_school', lang))}**"),
        Download(
            tables.import_by_school(by_school.frame, lang),
            cite_text,
            "lausd-safety-campus-incidents-by-school.csv",
            "inc-records-school",
            number_columns=(t("inc.imp.col.count", lang),),
        ),
        Text(md_escape(t("inc.imp.no_geography", lang)), "caption"),
    )
    return Section("records", t("inc.imp.header", lang), items)


@cached(data=True)
def build(lang: str) -> IncidentsView:
    figures = queries.run("incidents_figures")
    annotations = queries.run("incidents_annotations")
    disparities = queries.run("incidents_disparities")
    climate = queries.run("incidents_climate")
    used = set(
        OVER_TIME
        + WEAPONS_FOUND
        + WEAPON_COUNTS
        + POLICE_TOTALS
        + POLICE_SHARES
        + TICKETS
        + TICKET_SHARES
        + DIVERSION_2014
        + DIVERSION_2019
        + (DIVERSION_2014_RATE, DIVERSION_2019_RATE)
        + DISPARITY_FIGURES
        + ISTAR
    )
    time = _time_section(figures, annotations, lang)
    sections = (
        time,
        _police_section(figures, lang),
        _disparity_section(figures, disparities, lang),
        _places_section(figures, lang),
        _students_section(climate, lang),
        _other_section(figures, used, lang),
        _records_section(lang),
    )
    # The finding and the chart that shows it come first: fights and physical aggression in the latest whole
    # school year, and the chart of that series; the time section keeps its other charts.
    fights = next((x for x in time.items if isinstance(x, Chart)), None)
    lead = None
    head = tables.headline_texts(queries.run("incidents_headline", series_id=FIGHTS).frame, lang)
    if head is not None:
        finding = t("inc.finding", lang, what=head["label"], value=head["value"], change=head["delta"] or "")
        # the lead shows whole school years only (the slide's chart, names above the bars: it fits a first
        # screen and a phone); the time section keeps the full chart with part years and dated decisions
        chart = replace(fights, key=f"lead-{fights.key}", figure=fights.slide("above")) if fights else None
        lead = Lead(md_escape(finding).rstrip(), "", chart)
    time = Section(time.key, time.title, time.items, opened=True)
    intro = Section("about", t("inc.about", lang), (Text(t("inc.intro", lang)),))
    return IncidentsView(t("inc.title", lang), t("inc.intro", lang), lead, (time, *sections[1:], intro))


def lead_for(params: dict, lang: str) -> Lead | None:
    """The lead of the page (the presenter deck's slide): the page reads no year; its series carry their own."""
    return build(lang).lead
