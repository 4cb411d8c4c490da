"""Deployments view model: where short-term school-police deployments went in a year, by board district and
region, on charts and an offline map; deployments relative to schools; the reasons and resources of a deployment
and the pepper-spray policy. The published aggregates are the default; staff-imported campus records are an
opt-in view (basis "records"), labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

import queries
from components.charts import deployments as charts
from components.charts.maps import base as basemap
from components.charts.maps import deployments as dep_map
from components.charts.maps import schools as school_layer
from components.i18n import t
from components.perf.memo import cached
from components.tables import deployments as tables
from components.text import citations, fmt
from components.text.citations import locators_of
from components.text.labels import group_label
from components.text.markdown import md_escape
from components.views import years
from components.views.cite import cite, sourced
from components.views.model import Box, Chart, Columns, DataTable, Lead, MapBlock, Metric, Metrics, Section, Side, Text
from components.views.names import region_names
from queries import QueryResult, imports

KINDS = ("board_district", "region")
BASES = ("published", "records")


def regions() -> list[str]:
    return queries.run("regions").frame["region"].tolist()


def board_districts() -> list[int]:
    return [int(n) for n in queries.run("board_districts").frame["board_district"]]


def records_loaded() -> bool:
    """Whether staff have imported campus-level deployment records (the page then offers them as a view)."""
    return imports.available("campus_deployments")


def _source_names(ids, lang: str) -> dict[str, str]:
    frame = queries.run("sources_by_id", source_ids=sorted({i for i in ids if isinstance(i, str)})).frame
    return citations.source_names(frame, lang)


@dataclass(frozen=True)
class Controls:
    """The page's choices, worded, before any figure is built: what the data offers and how each is called."""

    title: str
    regions: tuple[str, ...]
    region_names: dict  # region key -> the name in the reader's language
    board_districts: tuple[int, ...]
    records: bool  # staff have imported campus records: the page offers them as a second view
    basis_label: str
    basis_help: str
    basis_names: dict  # basis code -> label
    map_title: str
    kind_label: str
    kind_names: dict  # map kind code -> label


@cached(data=True)
def controls(year: str, lang: str) -> Controls:
    return Controls(
        t("dep.title", lang, year=year),
        tuple(regions()),
        region_names(lang),
        tuple(board_districts()),
        records_loaded(),
        t("dep.basis.label", lang),
        t("dep.basis.help", lang),
        {b: t(f"dep.basis.{b}", lang) for b in BASES},
        t("dep.map.title", lang),
        t("dep.map.kind", lang),
        {k: t(f"dep.map.kind.{k}", lang) for k in KINDS},
    )


def offered() -> tuple[tuple[str, ...], str | None]:
    """The school years with any deployment table (newest first), and the one the page opens on."""
    parts = (years.DEPLOYMENTS,)
    return tuple(y.school_year for y in years.for_page(parts)), years.default(parts)


def complete(year: str) -> bool:
    return years.lookup(year).complete(years.DEPLOYMENTS)


@dataclass(frozen=True)
class PartialView:
    """A year whose deployment tables are only partly published: what it lacks, and the counts it has."""

    missing: tuple[str, ...]
    charts: tuple[Chart, ...]


@cached(data=True)
def partial_year(year: str, lang: str) -> PartialView:
    have = years.lookup(year).tables
    shown = []
    for kind, query, table in (
        ("board_district", "deployments_by_board_district", "board_districts"),
        ("region", "deployments_by_region", "regions"),
    ):
        if table not in have:
            continue
        result = queries.run(query, school_year=year)
        title = t("ov.dep.bd_title" if kind == "board_district" else "ov.dep.region_title", lang)
        basis = t("dep.basis.published_short", lang, year=year)
        region_label = region_names(lang)
        shown.append(
            Chart(
                f"dep-{kind}-partial",
                charts.bars(result.frame, kind, None, title, lang, region_label),
                charts.bars_alt(result.frame, kind, None, basis, lang, region_label),
                sourced(partial(tables.table, result.frame, kind, lang, region_label), result.frame, lang),
                cite(result, lang=lang, main_only=True),
            )
        )
    return PartialView(tuple(md_escape(n) for n in years.missing_notes(year, (years.DEPLOYMENTS,), lang)), tuple(shown))


@dataclass(frozen=True)
class MapView:
    block: MapBlock  # the map, its text alternative, legend, captions (base-map credits) and keyboard path
    points_table: DataTable
    has_polygons: bool


@dataclass(frozen=True)
class DeploymentsView:
    title: str
    lead: Lead  # the finding for the year and filters, and the chart that shows it (the selection marked)
    records_banner: str | None  # staff-imported records are shown: whose, when, how many
    sections: tuple[Section, ...]  # figures, map (drawn by the page: see map_view), charts, schools, conditions, checks
    by_board_district: Chart
    by_region: Chart
    policy_table: DataTable


def _bullets(items) -> str:
    return "\n".join(f"- {md_escape(x)}" for x in items)


@dataclass(frozen=True)
class _Counts:
    """The counts behind charts, finding and map: the published aggregates, or staff-imported records."""

    by_bd: QueryResult
    by_region: QueryResult
    basis_text: str  # what the counts are, for chart texts
    source: str  # the counts' source, for the map's tooltips
    citation: str  # "" for the published aggregates (each chart cites its own rows)
    unpublished: tuple | None  # the CSV's source columns for imported records
    banner: str | None
    records: tuple[int, int] | None  # imported records matching every filter, and all of them


def _counts(year: str, lang: str, use_records: bool, region, bd) -> _Counts:
    if not use_records:
        by_bd = queries.run("deployments_by_board_district", school_year=year)
        by_region = queries.run("deployments_by_region", school_year=year)
        src = _source_names(by_bd.source_ids, lang)
        source = "; ".join(
            f"{name}, {loc}" for sid, name in src.items() for loc in [locators_of(by_bd.frame).get(sid, "")]
        )
        return _Counts(by_bd, by_region, t("dep.basis.published_short", lang, year=year), source, "", None, None, None)
    s = imports.run("campus_deployments", "campus_summary", region=region, board_district=bd).frame.iloc[0]
    everything = imports.run("campus_deployments", "campus_summary", region=None, board_district=None).frame.iloc[0]
    imported = str(s["imported_at"])[:16]
    banner = md_escape(
        t(
            "dep.records.banner",
            lang,
            file=s["file_name"],
            imported=imported,
            records=fmt.number(s["records"], lang),
            campuses=fmt.number(s["campuses"], lang),
            first=fmt.date(s["first_date"], lang) if s["records"] else "—",
            last=fmt.date(s["last_date"], lang) if s["records"] else "—",
        )
    )
    return _Counts(
        imports.run("campus_deployments", "campus_by_board_district", region=region),
        imports.run("campus_deployments", "campus_by_region", board_district=bd),
        t("dep.basis.records_short", lang),
        t("dep.map.src_records", lang, file=s["file_name"]),
        md_escape(t("dep.records.cite", lang, file=s["file_name"], imported=imported)),
        (
            t("export.records.title", lang, file=s["file_name"]),
            t("export.records.publisher", lang),
            str(s["imported_at"])[:10],
            t("export.records.link", lang),
        ),
        banner,
        (int(s["records"]), int(everything["records"])),
    )


def _finding(year: str, lang: str, counts: _Counts, head, region, bd, names: dict) -> str:
    """One plain sentence for the year and the filters: the whole count and where most went, or the chosen
    region's and board district's part of it ("North: 12 of 41 deployments")."""
    bd_frame, region_frame = counts.by_bd.frame, counts.by_region.frame
    if counts.records is not None:  # campus records can be filtered by region and board district together
        k, n = counts.records
        chosen = [group_label("region", region, lang, names)] if region else []
        chosen += [group_label("board_district", bd, lang)] if bd else []
        if not chosen:
            return t("dep.finding.records_all", lang, total=fmt.number(n, lang))
        return t(
            "dep.finding.records", lang, n=fmt.number(k, lang), total=fmt.number(n, lang), names=" · ".join(chosen)
        )
    if not region and not bd:
        top = region_frame[region_frame["deployments"] == region_frame["deployments"].max()]
        return t(
            "dep.finding",
            lang,
            year=year,
            n=fmt.number(int(region_frame["deployments"].sum()), lang),
            campuses=fmt.number(head["campuses"], lang),
            top=", ".join(group_label("region", r, lang, names) for r in top["region"]),
            top_n=fmt.number(int(top["deployments"].iloc[0]), lang),
        )
    parts = []
    if region:
        total = int(region_frame["deployments"].sum())
        parts.append(tables.focus_sentence(region_frame, "region", region, total, year, lang, names))
    if bd:
        total = int(bd_frame["deployments"].sum())
        parts.append(tables.focus_sentence(bd_frame, "board_district", bd, total, year, lang))
    text = t("dep.finding.in_year", lang, year=year) + " " + " ".join(parts)
    if region and bd:  # the published aggregates are never crossed: say so, do not pretend to filter by both
        text += " " + t("dep.finding.not_both", lang)
    return text


def _charts(year: str, lang: str, basis: str, counts: _Counts, region, bd, names: dict) -> tuple[Chart, Chart]:
    bd_frame, region_frame = counts.by_bd.frame, counts.by_region.frame
    bd_chart = Chart(
        f"dep-bd-{basis}",
        charts.bars(bd_frame, "board_district", bd, t("ov.dep.bd_title", lang), lang),
        charts.bars_alt(bd_frame, "board_district", bd, counts.basis_text, lang),
        sourced(
            partial(tables.table, bd_frame, "board_district", lang), bd_frame, lang, unpublished=counts.unpublished
        ),
        counts.citation or cite(counts.by_bd, lang=lang, main_only=True),
        year=year,
    )
    region_chart = Chart(
        f"dep-region-{basis}",
        charts.bars(region_frame, "region", region, t("ov.dep.region_title", lang), lang, names),
        charts.bars_alt(region_frame, "region", region, counts.basis_text, lang, names),
        sourced(
            partial(tables.table, region_frame, "region", lang, names),
            region_frame,
            lang,
            unpublished=counts.unpublished,
        ),
        counts.citation or cite(counts.by_region, lang=lang),
        year=year,
    )
    return bd_chart, region_chart


def _metrics(year: str, lang: str, h, counts: _Counts, region, bd, names: dict) -> tuple[Metric, ...]:
    """The year's headline figures, then the chosen region's and board district's part of them."""
    approx = "~" if h["sites_approx"] else ""
    out = [
        Metric(t("dep.m.deployments", lang, year=year), fmt.number(h["deployments"], lang)),
        Metric(t("dep.m.campuses", lang), fmt.number(h["campuses"], lang)),
        Metric(
            t("dep.m.sites", lang),
            approx + fmt.number(h["sites"], lang),
            help=t("dep.m.sites_help", lang, qualifier=md_escape(h["sites_qualifier"] or "")),
        ),
        Metric(
            t("dep.m.share", lang),
            approx + fmt.percent(h["campus_share"], lang),
            help=t(
                "dep.m.share_help",
                lang,
                campuses=fmt.number(h["campuses"], lang),
                sites=approx + fmt.number(h["sites"], lang),
            ),
        ),
    ]
    for kind, key, frame in (("region", region, counts.by_region.frame), ("board_district", bd, counts.by_bd.frame)):
        if not key:
            continue
        row = tables.group_row(frame, kind, key)
        n = int(row["deployments"]) if row is not None else 0
        total = int(frame["deployments"].sum())
        out.append(
            Metric(
                t("dep.m.selected", lang, name=group_label(kind, key, lang, names)),
                fmt.number(n, lang),
                delta=t("dep.m.of_total", lang, total=fmt.number(total, lang)),
            )
        )
    return tuple(out)


@cached(data=True)
def build(year: str, lang: str, basis: str, region: str | None, bd: int | None) -> DeploymentsView:
    """Everything on the page but the map (map_view: built only when its tab is open)."""
    head = queries.run("deployment_headline", school_year=year)
    per_school = queries.run("dep_board_district_schools", school_year=year)
    conditions = queries.run("dep_conditions")
    policy = queries.run("dep_policy_points")
    h = head.frame.iloc[0]
    use_records = basis == "records" and records_loaded()
    names = region_names(lang)
    counts = _counts(year, lang, use_records, region, bd)
    bd_chart, region_chart = _charts(year, lang, basis, counts, region, bd, names)
    # the lead's chart: the board districts' when only a board district is chosen (its own key: the charts tab
    # shows both groupings side by side)
    lead_chart = replace(bd_chart if bd and not region else region_chart, key=f"lead-{basis}")
    finding = md_escape(_finding(year, lang, counts, h, region, bd, names))

    ps = per_school.frame
    src = _source_names(list(ps["source_id"]) + list(ps["schools_source_id"].dropna()), lang)
    others = ", ".join(
        group_label("board_district", k, lang) for k in ps[ps["schools_published"].isna()]["board_district"]
    )
    policy_cite = cite(policy, lang=lang)
    policy_table = DataTable(
        "dep-policy", sourced(partial(tables.policy_table, policy.frame, lang), policy.frame, lang), policy_cite
    )
    checks = [Text(md_escape(t("dep.per_school.rough", lang)), "warning")]
    if not use_records and (bd or region):
        checks.append(Text(t("dep.not_crossed", lang)))
    checks += [Text(md_escape(t(key, lang)), "caption") for key in _staff_notes()]
    checks.append(Text(t("dep.staff.where", lang), "caption"))

    sections = (
        Section(
            "figures",
            t("dep.figures.title", lang, year=year),
            (
                Metrics(_metrics(year, lang, h, counts, region, bd, names), per_row=4),
                Text(cite(head, lang=lang), "caption"),
                Text(t("dep.intro", lang, year=year)),
            ),
            opened=True,
        ),
        Section("map", t("dep.map.title", lang), ()),
        Section(
            "charts",
            t("dep.charts.tab", lang),
            (
                Text(f"**{md_escape(t('dep.charts.title', lang, basis=counts.basis_text))}**"),
                Columns(((bd_chart,), (region_chart,))),
            ),
        ),
        Section(
            "schools",
            t("dep.per_school.title", lang),
            (
                Text(t("dep.per_school.intro", lang)),
                Text("\n".join("- " + md_escape(s) for s in tables.per_school_sentences(ps, src, lang))),
                Text(md_escape(t("dep.per_school.others", lang, districts=others))),
                Text(md_escape(t("dep.per_school.regions", lang))),
                DataTable(
                    "dep-per-school",
                    sourced(partial(tables.per_school_table, ps, src, lang), ps, lang),
                    cite(per_school, lang=lang),
                ),
            ),
        ),
        Section(
            "conditions",
            t("dep.conditions.title", lang),
            (
                Side(
                    (
                        Box(
                            t("dep.conditions.reasons", lang),
                            _bullets(tables.condition_labels(conditions.frame, "authorizing_reason", lang)),
                        ),
                        Box(
                            t("dep.conditions.resources", lang),
                            _bullets(tables.condition_labels(conditions.frame, "accompanying_resource", lang)),
                        ),
                    )
                ),
                Text(cite(conditions, lang=lang), "caption"),
                Text(f"**{t('dep.policy.title', lang)}**"),
                Text(t("dep.policy.intro", lang)),
                Side(
                    tuple(
                        Box(t(f"dep.policy.{v}", lang), _bullets(tables.policy_points(policy.frame, v, lang)))
                        for v in ("current", "revised")
                    )
                ),
                Text(policy_cite, "caption"),
                policy_table,
            ),
        ),
        Section("checks", t("dep.checks.title", lang), tuple(checks)),
    )
    return DeploymentsView(
        title=t("dep.title", lang, year=year),
        lead=Lead(finding, "", lead_chart),
        records_banner=counts.banner,
        sections=sections,
        by_board_district=bd_chart,
        by_region=region_chart,
        policy_table=policy_table,
    )


def _staff_notes() -> list[str]:
    """What staff have not loaded (the map and the page say what they show without it)."""
    notes = []
    if not records_loaded():
        notes.append("dep.staff.no_records")
    loaded = [imports.run("boundaries", "boundaries", kind=kind) for kind in KINDS]
    if not any(b is not None and not b.frame.empty for b in loaded):  # neither kind: the map draws label points
        notes.append("dep.staff.no_boundaries")
    return notes


@cached(data=True)
def map_view(
    year: str, lang: str, basis: str, kind: str, region: str | None, bd: int | None, schools: bool = True
) -> MapView:
    """The map of the deployments: areas shaded (official boundaries, when staff have loaded them) or a symbol
    per area at its label point, the chosen area marked, every school of the state directory as context."""
    use_records = basis == "records" and records_loaded()
    names = region_names(lang)
    counts = _counts(year, lang, use_records, region, bd)
    points = queries.run("dep_label_points")
    campus_pts = (
        imports.run("campus_deployments", "campus_points", region=region, board_district=bd).frame
        if use_records
        else None
    )
    chosen = counts.by_bd if kind == "board_district" else counts.by_region
    selected = bd if kind == "board_district" else region
    boundary = imports.run("boundaries", "boundaries", kind=kind)
    has_polygons = boundary is not None and not boundary.frame.empty
    directory = queries.run("school_directory_points")
    shown = directory.frame if schools else None
    campuses = dep_map.campus_rows(campus_pts, directory.frame, lang, names) if campus_pts is not None else None
    if has_polygons:
        features = dep_map.polygon_features(boundary.frame, chosen.frame, kind, selected, counts.source, lang, names)
        rows = [f["properties"] for f in features]
        spec = dep_map.spec(kind, polygons=features, campuses=campuses, directory=shown, lang=lang)
    else:
        rows = dep_map.symbol_rows(points.frame, chosen.frame, kind, selected, counts.source, lang, names)
        spec = dep_map.spec(kind, symbols=rows, campuses=campuses, directory=shown, lang=lang)
    school_alt = school_layer.alt(directory.frame, lang) if schools else None
    summary = dep_map.map_alt(rows, kind, has_polygons, school_alt, lang, names)
    legend = dep_map.legend(kind, has_polygons, bool(campuses), schools, lang)
    main_cite = counts.citation or cite(chosen, main_only=True, lang=lang)
    if has_polygons:
        b = boundary.frame.iloc[0]
        captions = (
            md_escape(t("dep.map.boundaries_from", lang, source=b["source"], imported=str(b["imported_at"])[:16])),
            main_cite,
        )
    else:
        captions = (main_cite, cite(points, lang=lang))
    if schools:
        captions += (md_escape(school_layer.count_line(directory.frame, lang)) + " " + cite(directory, lang=lang),)
    captions += (md_escape(basemap.attribution(dep_map.drawn_layers(not has_polygons), lang)),)
    pts = tables.points_of_kind(points.frame, kind)
    return MapView(
        MapBlock(
            f"dep-map-{kind}",
            spec,
            summary,
            md_escape(summary),
            "  \n".join(md_escape(line) for line in legend),
            captions,
            md_escape(t("dep.map.keyboard", lang)),
        ),
        DataTable(
            f"dep-label-points-{kind}",
            sourced(partial(tables.label_points_table, pts, kind, lang, names), pts, lang),
            cite(points, lang=lang),
        ),
        has_polygons,
    )


def lead_for(params: dict, lang: str) -> Lead | None:
    """The lead of the view a link describes (the presenter deck's slide), each value checked against the data:
    its year, region and board district (published counts; campus records are never presented)."""
    offered_years, default = offered()
    year = params.get("year") if params.get("year") in offered_years else default
    if not year or not complete(year):
        return None
    region = params.get("region") if params.get("region") in regions() else None
    bd = next((n for n in board_districts() if str(n) == params.get("bd")), None)
    return build(year, lang, "published", region, bd).lead
