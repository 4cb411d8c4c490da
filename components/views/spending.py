"""Spending view model: a year's safety budget by category and line, the school-police budget (the year's pieces
and the multi-year series), per-student figures where both parts are published, and the what-if calculator's
scenario (read from ?moves=, computed here; the form that writes it is components/ui/calculator.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import pandas as pd

import queries
from components.charts import spending as charts
from components.domain import reallocation as ra
from components.i18n import t, tn
from components.perf.memo import cached
from components.tables import overview as overview_tables
from components.tables import spending as tables
from components.tables.deployments import qualifier_prefix
from components.text import fmt
from components.text.localized import localized
from components.text.markdown import md_escape
from components.views import years
from components.views.cite import cite, part_of, sourced
from components.views.model import Chart, DataTable, Download, Lead, Metric, Metrics, Section, Text

QUICK_USD = 5_000_000  # the what-if amount of the headline question
QUICK_FROM, QUICK_TO = "sworn-peace-officers", "psychiatric-social-workers"
# The multi-year school-police series: one chart per kind of count, with the district table's own figure of a
# related count (budgeted FTEs, the sworn positions' dollars) as a distinct point where there is one.
SERIES = (
    ("department_budget_usd", "sworn_positions_budget_usd"),
    ("sworn_officers", "sworn_budgeted_fte"),
    ("non_sworn_officers", None),
    ("employees_all_ranks", None),
    ("positions_all_ranks", None),
    ("force_unspecified", None),
)
LEVEL_ORDER = ("school_site", "region_district", "districtwide", "school_support_services")
HEADLINE_CATEGORIES = ("law_enforcement", "mental_health_wellness", "campus_supervision")


@dataclass(frozen=True)
class Budget:
    """The year's budget lines as the calculator and the level filter need them."""

    year: str
    lines: pd.DataFrame  # enriched: shares, cost per FTE, category labels
    model: tuple  # ra.Line per line
    labels: dict  # line_id -> label
    levels: tuple[str, ...]  # location levels present, in the published order
    level_labels: dict  # location level -> the label the source prints
    citation: str


@cached(data=True)
def budget(year: str, lang: str) -> Budget:
    lines_q = queries.run("budget_lines", school_year=year)
    mix_q = queries.run("budget_by_category", school_year=year)
    lines = tables.enrich_lines(lines_q.frame, mix_q.frame, lang)
    model = tuple(ra.lines_from_frame(lines))  # named in the reader's language (published name and explanation)
    present = set(lines["location_level"])
    levels = tuple(lv for lv in LEVEL_ORDER if lv in present) + tuple(sorted(present - set(LEVEL_ORDER)))
    return Budget(
        year,
        lines,
        model,
        {m.line_id: m.label for m in model},
        levels,
        dict(zip(lines["location_level"], lines["location"])),
        cite(lines_q, lang=lang),
    )


@dataclass(frozen=True)
class MoveCard:
    heading: str
    refused: str | None  # why the move was refused, or None
    arithmetic: str  # markdown list of the applied move's arithmetic


@dataclass(frozen=True)
class Scenario:
    """The calculator's scenario from ?moves=: what was applied or refused, in sentences, charts and tables."""

    moves: tuple  # (position, ra.Move) the link holds, readable ones only
    serialized: str | None  # ?moves= as it should stand (None: remove it), so a copied link is clean
    link_needs_rewrite: bool
    issues: tuple[str, ...]  # plain sentences for moves that could not be read
    top_lines: tuple[str, ...]  # the summary box at the top of the page
    some_refused: str | None
    cards: tuple[MoveCard, ...]
    mix: Chart | None
    lines_chart: Chart | None  # the lines the scenario changes, published beside what-if (the page's lead)
    lines_changed: Download | None
    moves_table: DataTable | None


@cached(data=True)
def scenario(year: str, lang: str, raw_moves: str | None) -> Scenario:
    b = budget(year, lang)
    by_id = {line.line_id: line for line in b.model}
    parsed, parse_issues = ra.parse_moves(raw_moves, by_id)
    result = ra.compute(list(b.model), parsed)
    labels = b.labels
    top = tuple(
        md_escape(
            t(
                "sp.scenario.move",
                lang,
                n=r.position,
                usd=fmt.money(r.usd, lang),
                src=labels[r.move.source],
                dst=labels[r.move.dest],
                fte=fmt.number(r.dest_fte, lang, 1) if r.dest_fte is not None else t("sp.na_fte_short", lang),
            )
        )
        for r in result.applied
    )
    refused_n = len(result.refused) + len(parse_issues)
    refused = {i.position: i for i in result.refused}
    applied = {r.position: r for r in result.applied}
    cards = []
    for position, move in parsed:
        if move.unit == ra.PCT:
            heading = t(
                "sp.calc.move_head_pct",
                lang,
                n=position,
                src=labels[move.source],
                dst=labels[move.dest],
                pct=fmt.number(move.amount, lang, 2 if move.amount % 1 else 0),
            )
        else:
            heading = t(
                "sp.calc.move_head",
                lang,
                n=position,
                amount=fmt.money(move.amount, lang),
                src=labels[move.source],
                dst=labels[move.dest],
            )
        why = md_escape(tables.issue_message(refused[position], labels, lang)) if position in refused else None
        math = (
            "\n".join("- " + md_escape(s) for s in tables.move_arithmetic(applied[position], by_id, lang))
            if position in applied and why is None
            else ""
        )
        cards.append(MoveCard("**" + md_escape(heading) + "**", why, math))
    mix_chart = lines_changed = moves_chart = lines_chart = None
    if result.applied:
        mix = categories(year, lang)
        cat_mix = ra.category_mix(list(b.model), result)
        cat_mix = cat_mix.assign(
            category=[mix.loc[c, "category"] if c in mix.index else c for c in cat_mix["category_id"]]
        )
        budget_sources = tuple(sorted(set(b.lines["source_id"])))  # the scenario moves the year's published lines
        mix_table = tables.mix_table(cat_mix, lang)
        mix_chart = Chart(
            "sp-mix-change",
            charts.mix_change(cat_mix, lang),
            charts.mix_change_alt(cat_mix, lang),
            sourced(mix_table, None, lang, ids=[budget_sources] * len(mix_table)),
            b.citation,
        )
        changed = ra.line_changes(list(b.model), result)
        line_source = dict(zip(b.lines["line_id"], b.lines["source_id"]))
        moved_sources = [(line_source[i],) for i in changed.loc[changed["change_usd"] != 0, "line_id"]]
        lines_chart = Chart(
            "sp-scenario-lines",
            charts.scenario_lines(changed, labels, lang),
            charts.scenario_lines_alt(changed, labels, lang),
            sourced(partial(tables.line_changes_table, changed, labels, lang), None, lang, ids=moved_sources),
            b.citation,
            year=year,
            slide=partial(charts.scenario_lines, changed, labels, lang),
        )
        changes = tables.line_changes_table(changed, labels, lang)
        lines_changed = Download(
            changes, b.citation, "", "sp-line-changes", number_columns(changes), placeholder=t("sp.na", lang)
        )
        moves = tables.moves_table(result, by_id, lang)
        moves_chart = DataTable("sp-moves", sourced(moves, None, lang, ids=[budget_sources] * len(moves)), b.citation)
    return Scenario(
        moves=tuple(parsed),
        serialized=ra.serialize_moves(parsed) if parsed else None,
        link_needs_rewrite=bool(parse_issues),
        issues=tuple(md_escape(tables.issue_message(i, labels, lang)) for i in parse_issues),
        top_lines=top,
        some_refused=md_escape(tn("sp.scenario.some_refused", refused_n, lang)) if refused_n else None,
        cards=tuple(cards),
        mix=mix_chart,
        lines_chart=lines_chart,
        lines_changed=lines_changed,
        moves_table=moves_chart,
    )


def number_columns(table: pd.DataFrame) -> tuple[str, ...]:
    """The whole-number columns of a displayed table (shown with thousands separators; the CSV keeps plain
    numbers)."""
    return tuple(c for c in table.columns if str(table[c].dtype) in ("int64", "Int64"))


@cached(data=True)
def categories(year: str, lang: str) -> pd.DataFrame:
    mix_q = queries.run("budget_by_category", school_year=year)
    return overview_tables.with_category_labels(mix_q.frame, lang).set_index("category_id")


@dataclass(frozen=True)
class SpendingView:
    title: str
    missing: tuple[str, ...]  # what the year's table lacks, in plain sentences
    sections: tuple[Section, ...]  # static parts; the page adds the interactive ones (components/ui/calculator.py)
    example_label: str
    level_label: str
    level_help: str
    breakdown_caption: str
    table_title: str
    table_caption: str
    calc_whatif: str
    calc_empty: str
    assumptions_title: str
    assumptions: str
    hist_header: str
    hist_caption: str
    series: tuple[tuple[Chart, str | None], ...]  # (chart, undated note) per kind of count with dated figures
    hist_none: str
    single_year: DataTable | None  # kinds of count reported for one year only
    single_year_title: str
    events_note: str


@dataclass(frozen=True)
class Breakdown:
    """The budget lines at the chosen location levels: the note, both charts and the table."""

    showing: str | None
    treemap: Chart
    table: Download


@cached(data=True)
def breakdown(year: str, lang: str, levels: tuple[str, ...]) -> Breakdown:
    b = budget(year, lang)
    shown = tables.filter_levels(b.lines, list(levels))
    showing = None
    if levels:
        showing = md_escape(
            t(
                "sp.filter.showing",
                lang,
                n=len(shown),
                total_n=len(b.lines),
                usd=fmt.money(int(shown["budgeted_usd"].sum()), lang),
                share=fmt.percent(float(shown["share"].sum()), lang),
            )
        )
    table = sourced(tables.lines_table(shown, lang), shown, lang)
    return Breakdown(
        showing,
        Chart(
            "sp-treemap",
            charts.budget_treemap(shown, year, lang),
            charts.budget_treemap_alt(shown, year, lang),
            sourced(partial(tables.lines_table, shown, lang), shown, lang),
            b.citation,
            year=year,
        ),
        Download(
            table,
            b.citation,
            f"lausd-safety-budget-lines-{year}.csv",
            "sp-lines-table",
            number_columns(table),
            download_key="sp-lines-download",
            placeholder=t("sp.na", lang),
        ),
    )


def offered() -> tuple[tuple[str, ...], str | None]:
    """The school years with budget lines (newest first), and the one the page opens on."""
    parts = (years.BUDGET,)
    return tuple(y.school_year for y in years.for_page(parts)), years.default(parts)


def has_budget(year: str) -> bool:
    """Whether the year has budget lines to break down and to move in the calculator."""
    return years.lookup(year).has(years.BUDGET) and "lines" in years.lookup(year).tables


def _questions(b: Budget, mix: pd.DataFrame, lang: str) -> list[Metric]:
    """The page's first answers: the three categories people ask about, and what $5M buys in PSWs."""
    by_id = {line.line_id: line for line in b.model}
    out = [
        Metric(
            t(f"sp.q.{cat_id}", lang),
            fmt.money(mix.loc[cat_id, "budgeted_usd"], lang),
            delta=t("sp.q.share", lang, share=fmt.percent(mix.loc[cat_id, "share"], lang)),
            help=t(
                "sp.q.lines_help",
                lang,
                items=md_escape("; ".join(mix.loc[cat_id, "position_items"])),
                fte=fmt.number(mix.loc[cat_id, "fte"], lang),
            ),
        )
        for cat_id in HEADLINE_CATEGORIES
        if cat_id in mix.index
    ]
    psw = by_id.get(QUICK_TO)
    if psw is not None and psw.cost_per_fte:
        out.append(
            Metric(
                t("sp.q.psw", lang, amount=md_escape(fmt.money(QUICK_USD, lang, compact=True))),
                t("sp.q.psw_value", lang, fte=fmt.number(ra.fte_equivalent(QUICK_USD, psw), lang, 1)),
                delta=t("sp.q.psw_delta", lang, cost=fmt.money(round(psw.cost_per_fte), lang)),
                help=t(
                    "sp.q.psw_help",
                    lang,
                    budget=md_escape(fmt.money(psw.budgeted_usd, lang)),
                    fte=fmt.number(psw.fte, lang),
                    cost=md_escape(fmt.money(round(psw.cost_per_fte), lang)),
                ),
            )
        )
    return out


@cached(data=True)
def series(lang: str) -> tuple[tuple[Chart, str | None], ...]:
    """The multi-year school-police charts: one per kind of count that has dated figures, with its undated note."""
    series_q = queries.run("laspd_series")
    events_q = queries.run("laspd_series_events")
    out = []
    for metric, district_metric in SERIES:
        frame = tables.metric_rows(series_q.frame, metric)
        if frame["school_year"].nunique() < 2:  # one year is not a series: its figures are in the table below
            continue
        district = tables.metric_rows(series_q.frame, district_metric) if district_metric else None
        undated = int(frame["school_year"].isna().sum())
        shown = frame if district is None else pd.concat([frame, district], ignore_index=True)
        out.append(
            (
                Chart(
                    f"sp-hist-{metric}",
                    charts.laspd_series(frame, events_q.frame, metric, lang, district),
                    charts.laspd_series_alt(frame, metric, lang),
                    sourced(partial(tables.series_table, shown, lang), shown, lang),
                    cite(part_of(series_q, shown), events_q, lang=lang),
                    slide=partial(charts.laspd_series_slide, frame, events_q.frame, metric, lang, district),
                ),
                md_escape(tn("sp.hist.undated", undated, lang)) if undated else None,
            )
        )
    return tuple(out)


@cached(data=True)
def single_year_counts(lang: str) -> DataTable | None:
    """Kinds of school-police count reported for one school year only (no series to draw): their figures in a
    table, each with its source."""
    series_q = queries.run("laspd_series")
    frames = [tables.metric_rows(series_q.frame, metric) for metric, _ in SERIES]
    singles = [f for f in frames if not f.empty and f["school_year"].nunique() < 2]
    if not singles:
        return None
    shown = pd.concat(singles, ignore_index=True)
    return DataTable(
        "sp-hist-single",
        sourced(partial(tables.series_table, shown, lang), shown, lang),
        cite(part_of(series_q, shown), lang=lang),
    )


def _per_student(year: str, b: Budget | None, lang: str) -> tuple:
    """The per-student part: a year's figure where the whole-district enrollment is published (or why not), and
    the school-police budget per student as sources published it."""
    enrollment_q = queries.run("enrollment_by_year", school_year=year)
    per_student_q = queries.run("laspd_budget_per_student")
    items: list = []
    enrollment = enrollment_q.frame
    defined = enrollment[enrollment["whole_district"]]
    if defined.empty or b is None:
        if enrollment.empty:
            items.append(Text(md_escape(t("sp.per.none_year", lang, year=year))))
        else:
            first = enrollment.iloc[0]
            items.append(
                Text(
                    md_escape(
                        t(
                            "sp.per.not_published",
                            lang,
                            year=year,
                            students=fmt.number(first["students"], lang),
                            qualifier=qualifier_prefix(first["qualifier"], lang) if first["approx"] else "",
                            publisher=first["publisher"],
                            definition=localized(first, "definition", lang),
                        )
                    )
                )
            )
            items.append(Text(cite(enrollment_q, lang=lang), "caption"))
    else:
        total = int(b.lines["budgeted_usd"].sum())
        metrics = tuple(
            Metric(
                t("sp.per.safety_metric", lang, year=year),
                fmt.money(round(total / row.students), lang),
                help=md_escape(
                    t(
                        "sp.per.enrollment_help",
                        lang,
                        students=fmt.number(row.students, lang),
                        definition=localized(row, "definition", lang),
                        publisher=row.publisher,
                    )
                ),
            )
            for row in defined.itertuples(index=False)
        )
        items += [
            Metrics(metrics, per_row=1),
            Text(cite(queries.run("budget_lines", school_year=year), enrollment_q, lang=lang), "caption"),
        ]
    items.append(Text(t("sp.per.laspd_intro", lang)))
    if per_student_q.frame.empty:
        items.append(Text(t("sp.per.laspd_none", lang)))
    else:
        items.append(
            Download(
                sourced(tables.per_student_table(per_student_q.frame, lang), per_student_q.frame, lang),
                cite(per_student_q, lang=lang),
                "lausd-safety-laspd-per-student.csv",
                "sp-per-student",
                download_key="sp-per-download",
            )
        )
    return tuple(items)


def _police(year: str, lang: str) -> tuple:
    """The year's school-police budget pieces as the district listed them (or that they are not published)."""
    items_q = queries.run("laspd_budget_items", school_year=year)
    if items_q.frame.empty:
        return (Text(md_escape(t("sp.laspd.none", lang, year=year)), "info"),)
    return (
        Text(t("sp.laspd.caption", lang), "caption"),
        Chart(
            "sp-laspd-items",
            charts.laspd_items_bar(items_q.frame, year, lang),
            charts.laspd_items_alt(items_q.frame, year, lang),
            sourced(partial(tables.laspd_items_table, items_q.frame, lang), items_q.frame, lang),
            cite(items_q, lang=lang),
            year=year,
        ),
    )


def _checks(year: str, b: Budget | None, lang: str) -> tuple:
    """How the figures were checked and derived: the published totals against their lines, what the shares
    are of, what the categories are, and that the calculator is arithmetic."""
    items: list = []
    if b is not None:
        recon = queries.run("budget_reconciliation", school_year=year)
        for ok, sentence in overview_tables.reconciliation_notes(recon.frame, "budget", lang):
            items.append(Text(("✓ " if ok else "⚠ ") + md_escape(sentence), "markdown" if ok else "warning"))
        items.append(
            Text(
                md_escape(
                    t("sp.q.note", lang, n=len(b.lines), total=fmt.money(int(b.lines["budgeted_usd"].sum()), lang))
                )
            )
        )
        items.append(Text(cite(recon, lang=lang) + " " + b.citation, "caption"))
    items.append(Text(t("sp.intro", lang, year=year)))
    return tuple(items)


@cached(data=True)
def build(year: str, lang: str) -> SpendingView:
    missing = tuple(md_escape(n) for n in years.missing_notes(year, (years.BUDGET,), lang))
    events_q = queries.run("laspd_series_events")
    b = budget(year, lang) if has_budget(year) else None
    sections = []
    if b is not None:
        questions = _questions(b, categories(year, lang), lang)
        sections += [
            Section(
                "figures",
                t("sp.sec.figures", lang, year=year),
                (Metrics(tuple(questions), per_row=2), Text(b.citation, "caption")),
                opened=True,
            ),
            Section("lines", t("sp.sec.lines", lang), ()),
            Section("whatif", t("sp.sec.whatif", lang), ()),
        ]
    sections += [
        Section("police", t("sp.sec.police", lang), _police(year, lang)),
        Section("per", t("sp.per.header", lang), _per_student(year, b, lang)),
        Section("checks", t("sp.sec.checks", lang), _checks(year, b, lang)),
    ]
    return SpendingView(
        title=t("sp.title", lang),
        missing=missing,
        sections=tuple(sections),
        example_label=t("sp.q.open_example", lang, amount=md_escape(fmt.money(QUICK_USD, lang, compact=True))),
        level_label=t("sp.filter.level", lang),
        level_help=t("sp.filter.level_help", lang),
        breakdown_caption=t("sp.breakdown.caption", lang),
        table_title=t("sp.table.title", lang),
        table_caption=t("sp.table.caption", lang),
        calc_whatif=t("sp.calc.whatif", lang),
        calc_empty=t("sp.calc.empty", lang),
        assumptions_title=t("sp.calc.assumptions_title", lang),
        assumptions=t("sp.calc.assumptions", lang, limit=ra.MAX_MOVES),
        hist_header=t("sp.hist.header", lang),
        hist_caption=t("sp.hist.caption", lang),
        series=series(lang),
        single_year=single_year_counts(lang),
        single_year_title=t("sp.hist.single", lang),
        hist_none=t("sp.hist.none", lang),
        events_note=md_escape(t("sp.hist.events_note", lang)) + " " + cite(events_q, lang=lang),
    )


@cached(data=True)
def lead(year: str, lang: str, raw_moves: str | None = None) -> Lead | None:
    """What the page says first: with a what-if in the link, what it moves and what that pays for, and the
    lines it changes; otherwise what the year's lines add up to, the largest, and every line in one chart."""
    if not has_budget(year):
        return None
    b = budget(year, lang)
    s = scenario(year, lang, raw_moves)
    if s.lines_chart is not None:
        finding = md_escape(t("sp.finding.scenario", lang, year=year)) + " " + " ".join(s.top_lines)
        return Lead(finding, b.citation, s.lines_chart)
    lines = b.lines
    top = lines.loc[lines["budgeted_usd"].idxmax()]
    total = int(lines["budgeted_usd"].sum())
    mix = categories(year, lang)
    values = dict(
        year=year,
        n=len(lines),
        total=fmt.money(total, lang, compact=True),
        top=top["position_item"],
        top_usd=fmt.money(top["budgeted_usd"], lang, compact=True),
        top_share=fmt.percent(float(top["share"]), lang),
    )
    if "law_enforcement" in mix.index:
        police = mix.loc["law_enforcement"]
        finding = t(
            "sp.finding",
            lang,
            **values,
            police_usd=fmt.money(police["budgeted_usd"], lang, compact=True),
            police_share=fmt.percent(float(police["share"]), lang),
        )
    else:
        finding = t("sp.finding.short", lang, **values)
    chart = Chart(
        "sp-lines",
        charts.lines_bar(lines, year, lang),
        charts.lines_bar_alt(lines, year, lang),
        sourced(partial(tables.lines_table, lines, lang), lines, lang),
        b.citation,
        year=year,
        slide=partial(charts.lines_bar, lines, year, lang),
    )
    return Lead(md_escape(finding), b.citation, chart)


def lead_for(params: dict, lang: str) -> Lead | None:
    """The lead of the view a link describes (the presenter deck's slide): its year if the data holds it."""
    offered_years, default = offered()
    year = params.get("year") if params.get("year") in offered_years else default
    return lead(year, lang, params.get("moves")) if year else None


def example_available(b: Budget) -> bool:
    return {QUICK_FROM, QUICK_TO} <= set(b.labels)


def example_moves() -> str:
    """?moves= for the headline question: $5M from sworn officers to psychiatric social workers."""
    return ra.serialize_moves([ra.Move(QUICK_FROM, QUICK_TO, Decimal(QUICK_USD))])
