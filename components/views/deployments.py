"""Deployments view model: where short-term school-police deployments went in a year, by board district and
region, on charts and an offline map; deployments relative to schools; the reasons and resources of a deployment
and the pepper-spray policy. The published aggregates are the default; staff-imported campus records are an
opt-in view (basis "records"), labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from components.views.model import Chart, DataTable, MapBlock, Metric
from components.views.names import region_names
from queries import imports

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
    intro: str
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
        t("dep.intro", lang, year=year),
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
    metrics: tuple[Metric, ...]
    metrics_citation: str
    records_banner: str | None
    map: MapView
    charts_title: str
    not_crossed: str | None
    focus: tuple[str, ...]
    by_board_district: Chart
    by_region: Chart
    per_school_title: str
    per_school_intro: str
    per_school_sentences: tuple[str, ...]
    per_school_rough: str
    per_school_others: str
    per_school_regions: str
    per_school_table: DataTable
    conditions_title: str
    reasons_title: str
    reasons: str
    resources_title: str
    resources: str
    conditions_citation: str
    policy_title: str
    policy_intro: str
    policy: tuple[tuple[str, str], ...]  # (heading, markdown list) per version of the guidance
    policy_citation: str
    policy_table: DataTable
    staff_title: str
    staff_body: str
    staff_notes: tuple[str, ...]


def _bullets(items) -> str:
    return "\n".join(f"- {md_escape(x)}" for x in items)


@cached(data=True)
def build(
    year: str, lang: str, basis: str, kind: str, region: str | None, bd: int | None, schools: bool = True
) -> DeploymentsView:
    head = queries.run("deployment_headline", school_year=year)
    by_bd = queries.run("deployments_by_board_district", school_year=year)
    by_region = queries.run("deployments_by_region", school_year=year)
    per_school = queries.run("dep_board_district_schools", school_year=year)
    conditions = queries.run("dep_conditions")
    policy = queries.run("dep_policy_points")
    points = queries.run("dep_label_points")
    h = head.frame.iloc[0]
    use_records = basis == "records" and records_loaded()
    region_label = region_names(lang)

    approx = "~" if h["sites_approx"] else ""
    metrics = (
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
    )

    # ------------------------------------------------------------ the counts behind charts and map
    banner = None
    campus_pts = None
    if use_records:
        s = imports.run("campus_deployments", "campus_summary", region=region, board_district=bd).frame.iloc[0]
        bd_counts = imports.run("campus_deployments", "campus_by_board_district", region=region)
        region_counts = imports.run("campus_deployments", "campus_by_region", board_district=bd)
        campus_pts = imports.run("campus_deployments", "campus_points", region=region, board_district=bd).frame
        banner = md_escape(
            t(
                "dep.records.banner",
                lang,
                file=s["file_name"],
                imported=str(s["imported_at"])[:16],
                records=fmt.number(s["records"], lang),
                campuses=fmt.number(s["campuses"], lang),
                first=fmt.date(s["first_date"], lang) if s["records"] else "—",
                last=fmt.date(s["last_date"], lang) if s["records"] else "—",
            )
        )
        counts_source = t("dep.map.src_records", lang, file=s["file_name"])
        chart_cite = md_escape(t("dep.records.cite", lang, file=s["file_name"], imported=str(s["imported_at"])[:16]))
        unpublished = (
            t("export.records.title", lang, file=s["file_name"]),
            t("export.records.publisher", lang),
            str(s["imported_at"])[:10],
            t("export.records.link", lang),
        )
        basis_text = t("dep.basis.records_short", lang)
    else:
        bd_counts, region_counts = by_bd, by_region
        src = _source_names(by_bd.source_ids, lang)
        counts_source = "; ".join(
            f"{name}, {loc}" for sid, name in src.items() for loc in [locators_of(by_bd.frame).get(sid, "")]
        )
        chart_cite = ""
        unpublished = None
        basis_text = t("dep.basis.published_short", lang, year=year)
    bd_frame, region_frame = bd_counts.frame, region_counts.frame

    # ------------------------------------------------------------ map
    counts = bd_counts if kind == "board_district" else region_counts
    selected = bd if kind == "board_district" else region
    boundary = imports.run("boundaries", "boundaries", kind=kind)
    has_polygons = boundary is not None and not boundary.frame.empty
    directory = queries.run("school_directory_points")
    shown = directory.frame if schools else None
    campuses = dep_map.campus_rows(campus_pts, directory.frame, lang, region_label) if campus_pts is not None else None
    if has_polygons:
        features = dep_map.polygon_features(
            boundary.frame, counts.frame, kind, selected, counts_source, lang, region_label
        )
        rows = [f["properties"] for f in features]
        spec = dep_map.spec(kind, polygons=features, campuses=campuses, directory=shown, lang=lang)
    else:
        rows = dep_map.symbol_rows(points.frame, counts.frame, kind, selected, counts_source, lang, region_label)
        spec = dep_map.spec(kind, symbols=rows, campuses=campuses, directory=shown, lang=lang)
    school_count = school_layer.count_line(directory.frame, lang)
    school_alt = school_layer.alt(directory.frame, lang) if schools else None
    map_summary = dep_map.map_alt(rows, kind, has_polygons, school_alt, lang, region_label)
    legend = dep_map.legend(kind, has_polygons, bool(campuses), schools, lang)
    main_cite = chart_cite or cite(by_bd if kind == "board_district" else by_region, main_only=True, lang=lang)
    if has_polygons:
        b = boundary.frame.iloc[0]
        map_captions = (
            md_escape(t("dep.map.boundaries_from", lang, source=b["source"], imported=str(b["imported_at"])[:16])),
            main_cite,
        )
    else:
        map_captions = (main_cite, cite(points, lang=lang))
    if schools:
        map_captions += (md_escape(school_count) + " " + cite(directory, lang=lang),)
    map_captions += (md_escape(basemap.attribution(dep_map.drawn_layers(not has_polygons), lang)),)
    pts = tables.points_of_kind(points.frame, kind)
    map_view = MapView(
        MapBlock(
            f"dep-map-{kind}",
            spec,
            map_summary,
            md_escape(map_summary),
            "  \n".join(md_escape(line) for line in legend),
            map_captions,
            md_escape(t("dep.map.keyboard", lang)),
        ),
        DataTable(
            f"dep-label-points-{kind}",
            sourced(partial(tables.label_points_table, pts, kind, lang, region_label), pts, lang),
            cite(points, lang=lang),
        ),
        has_polygons,
    )

    # ------------------------------------------------------------ charts
    focus = []
    if bd:
        focus.append(
            md_escape(
                tables.focus_sentence(bd_frame, "board_district", bd, int(bd_frame["deployments"].sum()), year, lang)
            )
        )
    if region:
        focus.append(
            md_escape(
                tables.focus_sentence(
                    region_frame, "region", region, int(region_frame["deployments"].sum()), year, lang, region_label
                )
            )
        )
    bd_chart = Chart(
        f"dep-bd-{basis}",
        charts.bars(bd_frame, "board_district", bd, t("ov.dep.bd_title", lang), lang),
        charts.bars_alt(bd_frame, "board_district", bd, basis_text, lang),
        sourced(partial(tables.table, bd_frame, "board_district", lang), bd_frame, lang, unpublished=unpublished),
        chart_cite or cite(by_bd, lang=lang, main_only=True),
        year=year,
    )
    region_chart = Chart(
        f"dep-region-{basis}",
        charts.bars(region_frame, "region", region, t("ov.dep.region_title", lang), lang, region_label),
        charts.bars_alt(region_frame, "region", region, basis_text, lang, region_label),
        sourced(
            partial(tables.table, region_frame, "region", lang, region_label),
            region_frame,
            lang,
            unpublished=unpublished,
        ),
        chart_cite or cite(by_region, lang=lang),
        year=year,
    )

    # ------------------------------------------------------------ relative to schools
    ps = per_school.frame
    names = _source_names(list(ps["source_id"]) + list(ps["schools_source_id"].dropna()), lang)
    others = ", ".join(
        group_label("board_district", k, lang) for k in ps[ps["schools_published"].isna()]["board_district"]
    )

    # ------------------------------------------------------------ conditions and policy
    policy_cite = cite(policy, lang=lang)
    staff_notes = []
    if not records_loaded():
        staff_notes.append(t("dep.staff.no_records", lang))
    if not has_polygons:
        staff_notes.append(t("dep.staff.no_boundaries", lang))

    return DeploymentsView(
        metrics=metrics,
        metrics_citation=cite(head, lang=lang),
        records_banner=banner,
        map=map_view,
        charts_title=t("dep.charts.title", lang, basis=basis_text),
        not_crossed=t("dep.not_crossed", lang) if not use_records and (bd or region) else None,
        focus=tuple(focus),
        by_board_district=bd_chart,
        by_region=region_chart,
        per_school_title=t("dep.per_school.title", lang),
        per_school_intro=t("dep.per_school.intro", lang),
        per_school_sentences=tuple("- " + md_escape(s) for s in tables.per_school_sentences(ps, names, lang)),
        per_school_rough=t("dep.per_school.rough", lang),
        per_school_others=md_escape(t("dep.per_school.others", lang, districts=others)),
        per_school_regions=md_escape(t("dep.per_school.regions", lang)),
        per_school_table=DataTable(
            "dep-per-school",
            sourced(partial(tables.per_school_table, ps, names, lang), ps, lang),
            cite(per_school, lang=lang),
        ),
        conditions_title=t("dep.conditions.title", lang),
        reasons_title=t("dep.conditions.reasons", lang),
        reasons=_bullets(tables.condition_labels(conditions.frame, "authorizing_reason", lang)),
        resources_title=t("dep.conditions.resources", lang),
        resources=_bullets(tables.condition_labels(conditions.frame, "accompanying_resource", lang)),
        conditions_citation=cite(conditions, lang=lang),
        policy_title=t("dep.policy.title", lang),
        policy_intro=t("dep.policy.intro", lang),
        policy=tuple(
            (t(f"dep.policy.{v}", lang), _bullets(tables.policy_points(policy.frame, v, lang)))
            for v in ("current", "revised")
        ),
        policy_citation=policy_cite,
        policy_table=DataTable(
            "dep-policy", sourced(partial(tables.policy_table, policy.frame, lang), policy.frame, lang), policy_cite
        ),
        staff_title=t("dep.staff.title", lang),
        staff_body=t("dep.staff.body", lang),
        staff_notes=tuple(staff_notes),
    )
