"""Spending: the 2023-24 safety budget by category and line, the school-police budget (2023-24 pieces and the
multi-year series), per-student figures where both parts are published, and a what-if reallocation calculator
whose scenario lives in the URL (?moves=...&level=...).

Arranges only: queries/ answer, components/ build and compute, this file lays out.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import streamlit as st

import queries
from components import fmt, reallocation as ra, spending_charts as sc, tables
from components.boardroom import view_url
from components.i18n import t
from components.markdown import md_escape
from components.shell import cite, start_page, url_widget
from components.memo import cached, frame_of
from components.ui import chart_block, csv_download, data_table

YEAR = "2023-24"  # the only year with a published district safety budget table
QUICK_USD = 5_000_000  # the what-if amount of the headline question
QUICK_FROM, QUICK_TO = "sworn-peace-officers", "psychiatric-social-workers"
SERIES = ("department_budget_usd", "sworn_officers")
LEVEL_ORDER = ("school_site", "region_district", "districtwide", "school_support_services")
HEADLINE_CATEGORIES = ("law_enforcement", "mental_health_wellness", "campus_supervision")

lang = start_page()



def number_columns(table) -> dict:
    """Thousands separators for the whole-number columns of a displayed table (the CSV keeps plain numbers)."""
    return {c: st.column_config.NumberColumn(format="localized") for c in table.columns
            if str(table[c].dtype) in ("int64", "Int64")}


def part_of(result: queries.QueryResult, frame) -> queries.QueryResult:
    """The rows of a result that a chart uses, with only their source ids (so its citation names only those)."""
    return queries.QueryResult(frame, tuple(sorted(set(frame["source_id"].dropna()))))


# ---------------------------------------------------------------- data
lines_q = queries.run("budget_lines", school_year=YEAR)
mix_q = queries.run("budget_by_category", school_year=YEAR)
items_q = queries.run("laspd_budget_items", school_year=YEAR)
series_q = queries.run("laspd_series")  # department budget and sworn officers, every source's figure
events_q = queries.run("laspd_series_events")  # the June 2020 vote and the February 2021 cut
enrollment_q = queries.run("enrollment_by_year", school_year=YEAR)
per_student_q = queries.run("laspd_budget_per_student")

lines = cached(sc.enrich_lines, frame_of(lines_q), frame_of(mix_q), lang)
model = cached(ra.lines_from_frame, frame_of(lines_q))
by_id = {line.line_id: line for line in model}
labels = {line.line_id: line.label for line in model}
mix = cached(tables.with_category_labels, frame_of(mix_q), lang).set_index("category_id")
budget_cite = cite(lines_q, lang=lang)

# ---------------------------------------------------------------- URL state: location filter and scenario
levels_present = [lv for lv in LEVEL_ORDER if lv in set(lines["location_level"])] + sorted(
    set(lines["location_level"]) - set(LEVEL_ORDER))
level_label = dict(zip(lines["location_level"], lines["location"]))

parsed_moves, parse_issues = ra.parse_moves(st.query_params.get("moves"), by_id)
if parse_issues:  # keep only the readable moves in the link, so a copied link is clean
    if parsed_moves:
        st.query_params["moves"] = ra.serialize_moves(parsed_moves)
    elif "moves" in st.query_params:
        del st.query_params["moves"]
scenario = ra.compute(model, parsed_moves)


def _set_moves(moves: list[ra.Move]) -> None:
    if moves:
        st.query_params["moves"] = ra.serialize_moves(moves)
    elif "moves" in st.query_params:
        del st.query_params["moves"]


def _current_moves() -> list[ra.Move]:
    return [m for _, m in ra.parse_moves(st.query_params.get("moves"), by_id)[0]]


def _add_move() -> None:
    moves = _current_moves()
    if len(moves) >= ra.MAX_MOVES:
        st.session_state["sp_calc_full"] = True
        return
    unit = st.session_state["sp_unit"]
    amount = st.session_state["sp_amount_pct" if unit == ra.PCT else "sp_amount_usd"] or 0
    moves.append(ra.Move(st.session_state["sp_from"], st.session_state["sp_to"],
                         Decimal(str(amount)).quantize(Decimal("0.01")), unit))
    _set_moves(moves)


def _remove_move(index: int) -> None:
    moves = _current_moves()
    if 0 <= index < len(moves):
        moves.pop(index)
    _set_moves(moves)


def _example() -> None:
    _set_moves([ra.Move(QUICK_FROM, QUICK_TO, Decimal(QUICK_USD))])


# ---------------------------------------------------------------- the four questions, answered first
st.title(t("sp.title", lang))
st.markdown(t("sp.intro", lang, year=YEAR))

psw = by_id[QUICK_TO]
psw_fte = ra.fte_equivalent(QUICK_USD, psw)
top_row, bottom_row = st.columns(2), st.columns(2)
cols = [*top_row, *bottom_row]
for col, cat_id in zip(cols, HEADLINE_CATEGORIES):
    row = mix.loc[cat_id]
    col.metric(t(f"sp.q.{cat_id}", lang), fmt.money(row["budgeted_usd"], lang),
               delta=t("sp.q.share", lang, share=fmt.percent(row["share"], lang)), delta_color="off",
               delta_arrow="off", border=True,
               help=t("sp.q.lines_help", lang, items=md_escape("; ".join(row["position_items"])),
                      fte=fmt.number(row["fte"], lang)))
cols[3].metric(t("sp.q.psw", lang, amount=md_escape(fmt.money(QUICK_USD, lang, compact=True))),
               t("sp.q.psw_value", lang, fte=fmt.number(psw_fte, lang, 1)),
               delta=t("sp.q.psw_delta", lang, cost=fmt.money(round(psw.cost_per_fte), lang)), delta_color="off",
               delta_arrow="off", border=True,
               help=t("sp.q.psw_help", lang, budget=md_escape(fmt.money(psw.budgeted_usd, lang)),
                      fte=fmt.number(psw.fte, lang), cost=md_escape(fmt.money(round(psw.cost_per_fte), lang))))
st.caption(md_escape(t("sp.q.note", lang, total=fmt.money(int(lines["budgeted_usd"].sum()), lang))) + " " + budget_cite)

if scenario.applied or scenario.refused or parse_issues:
    with st.container(border=True):
        st.markdown(f"**{t('sp.scenario.top', lang)}**")
        for r in scenario.applied:
            st.markdown(md_escape(t("sp.scenario.move", lang, n=r.position, usd=fmt.money(r.usd, lang),
                                    src=labels[r.move.source], dst=labels[r.move.dest],
                                    fte=fmt.number(r.dest_fte, lang, 1) if r.dest_fte is not None
                                    else t("sp.na_fte_short", lang))))
        if scenario.refused or parse_issues:
            st.markdown(md_escape(t("sp.scenario.some_refused", lang, n=len(scenario.refused) + len(parse_issues))))
        st.markdown(t("sp.scenario.details", lang))
else:
    st.button(t("sp.q.open_example", lang, amount=md_escape(fmt.money(QUICK_USD, lang, compact=True))), on_click=_example,
              key="sp_example_top")

# ---------------------------------------------------------------- where it goes: category and line
st.header(t("sp.breakdown.title", lang, year=YEAR))
chosen_levels = url_widget(st.pills, t("sp.filter.level", lang), levels_present, param="level", key="sp_levels",
                           multi=True, format_func=lambda lv: level_label.get(lv, lv),
                           help=t("sp.filter.level_help", lang)) or []
shown = cached(sc.filter_levels, lines, tuple(chosen_levels))
if chosen_levels:
    st.markdown(md_escape(t("sp.filter.showing", lang, n=len(shown), total_n=len(lines),
                            usd=fmt.money(int(shown["budgeted_usd"].sum()), lang),
                            share=fmt.percent(float(shown["share"].sum()), lang))))
st.caption(t("sp.breakdown.caption", lang))

chart_block(cached(sc.budget_treemap, shown, YEAR, lang), cached(sc.budget_treemap_alt, shown, YEAR, lang),
            partial(sc.lines_table, shown, lang), budget_cite, key="sp-treemap", lang=lang)
chart_block(cached(sc.lines_bar, shown, YEAR, lang), cached(sc.lines_bar_alt, shown, YEAR, lang),
            partial(sc.lines_table, shown, lang), budget_cite, key="sp-lines", lang=lang)

st.subheader(t("sp.table.title", lang))
st.caption(t("sp.table.caption", lang))
table = cached(sc.lines_table, shown, lang)
st.dataframe(table, hide_index=True, key="sp-lines-table", placeholder=t("sp.na", lang),
             column_config=number_columns(table))
csv_download(t("common.download_csv", lang), table, budget_cite, "lausd-safety-budget-lines-2023-24.csv",
             key="sp-lines-download", lang=lang)
st.caption(budget_cite)

# ---------------------------------------------------------------- the what-if calculator
st.header(t("sp.calc.title", lang))
st.warning(t("sp.calc.whatif", lang))

with st.form("sp_calc_form", border=True):
    ids = [line.line_id for line in model]
    c1, c2 = st.columns(2)
    st.session_state.setdefault("sp_from", QUICK_FROM)
    st.session_state.setdefault("sp_to", QUICK_TO)
    c1.selectbox(t("sp.calc.from", lang), ids, key="sp_from", format_func=labels.get)
    c2.selectbox(t("sp.calc.to", lang), ids, key="sp_to", format_func=labels.get)
    c3, c4, c5 = st.columns([1, 1, 1])
    c3.radio(t("sp.calc.unit", lang), [ra.USD, ra.PCT], key="sp_unit", horizontal=True,
             format_func=lambda u: t(f"sp.calc.unit.{u}", lang))
    c4.number_input(t("sp.calc.amount_usd", lang), min_value=0, max_value=10**12, value=QUICK_USD, step=100_000,
                    key="sp_amount_usd")
    c5.number_input(t("sp.calc.amount_pct", lang), min_value=0.0, max_value=100.0, value=10.0, step=1.0,
                    key="sp_amount_pct")
    st.form_submit_button(t("sp.calc.add", lang), on_click=_add_move, type="primary", key="sp_add")
if st.session_state.pop("sp_calc_full", False):
    st.warning(t("sp.calc.full", lang, limit=ra.MAX_MOVES))

for issue in parse_issues:
    st.warning(md_escape(sc.issue_message(issue, labels, lang)))

if not parsed_moves:
    st.info(t("sp.calc.empty", lang))
    st.button(t("sp.q.open_example", lang, amount=md_escape(fmt.money(QUICK_USD, lang, compact=True))), on_click=_example,
              key="sp_example_calc")
else:
    refused = {i.position: i for i in scenario.refused}
    applied = {r.position: r for r in scenario.applied}
    for index, (position, move) in enumerate(parsed_moves):
        with st.container(border=True):
            head, button = st.columns([5, 1])
            if move.unit == ra.PCT:
                heading = t("sp.calc.move_head_pct", lang, n=position, src=labels[move.source], dst=labels[move.dest],
                            pct=fmt.number(move.amount, lang, 2 if move.amount % 1 else 0))
            else:
                heading = t("sp.calc.move_head", lang, n=position, amount=fmt.money(move.amount, lang),
                            src=labels[move.source], dst=labels[move.dest])
            head.markdown("**" + md_escape(heading) + "**")
            button.button(t("sp.calc.remove", lang), key=f"sp_remove_{index}", on_click=_remove_move, args=(index,))
            if position in refused:
                st.warning(md_escape(sc.issue_message(refused[position], labels, lang)))
            elif position in applied:
                st.markdown("\n".join("- " + md_escape(s) for s in sc.move_arithmetic(applied[position], by_id, lang)))
    st.button(t("sp.calc.clear", lang), key="sp_clear", on_click=_set_moves, args=([],))

    if scenario.applied:
        cat_mix = ra.category_mix(model, scenario)
        cat_mix = cat_mix.assign(category=[mix.loc[c, "category"] if c in mix.index else c for c in cat_mix["category_id"]])
        chart_block(sc.mix_change(cat_mix, lang), sc.mix_change_alt(cat_mix, lang), sc.mix_table(cat_mix, lang),
                    budget_cite, key="sp-mix-change", lang=lang)
        st.markdown(f"**{t('sp.calc.lines_title', lang)}**")
        changes = ra.line_changes(model, scenario)
        changes_table = sc.line_changes_table(changes, labels, lang)
        st.dataframe(changes_table, hide_index=True, key="sp-line-changes", placeholder=t("sp.na", lang),
                     column_config=number_columns(changes_table))
        data_table(sc.moves_table(scenario, by_id, lang), budget_cite, key="sp-moves", lang=lang)

    st.markdown(t("sp.calc.share", lang))
    st.code(view_url() or sc.share_link("/spending", dict(st.query_params)), language=None, wrap_lines=True)

with st.expander(t("sp.calc.assumptions_title", lang), expanded=bool(parsed_moves)):
    st.markdown(t("sp.calc.assumptions", lang, limit=ra.MAX_MOVES))

# ---------------------------------------------------------------- school police: 2023-24 pieces
st.header(t("sp.laspd.header", lang, year=YEAR))
st.caption(t("sp.laspd.caption", lang))
chart_block(cached(sc.laspd_items_bar, frame_of(items_q), YEAR, lang),
            cached(sc.laspd_items_alt, frame_of(items_q), YEAR, lang),
            partial(sc.laspd_items_table, items_q.frame, lang), cite(items_q, lang=lang), key="sp-laspd-items", lang=lang)

# ---------------------------------------------------------------- school police over the years
st.header(t("sp.hist.header", lang))
st.markdown(t("sp.hist.caption", lang))
for metric in SERIES:
    frame = cached(sc.metric_rows, frame_of(series_q), metric)
    if frame.empty:
        st.info(t("sp.hist.none", lang))
        continue
    undated = int(frame["school_year"].isna().sum())
    chart_block(cached(sc.laspd_series, frame, frame_of(events_q), metric, lang), cached(sc.laspd_series_alt, frame, metric, lang),
                partial(sc.series_table, frame, lang), cite(part_of(series_q, frame), events_q, lang=lang), key=f"sp-hist-{metric}", lang=lang)
    if undated:
        st.caption(md_escape(t("sp.hist.undated", lang, n=undated)))
st.caption(md_escape(t("sp.hist.events_note", lang)) + " " + cite(events_q, lang=lang))

# ---------------------------------------------------------------- per student
st.header(t("sp.per.header", lang))
defined = enrollment_q.frame[enrollment_q.frame["whole_district"]]
if defined.empty:
    others = enrollment_q.frame
    if others.empty:
        st.markdown(md_escape(t("sp.per.none_year", lang, year=YEAR)))
    else:
        first = others.iloc[0]
        st.markdown(md_escape(t("sp.per.not_published", lang, year=YEAR,
                                students=fmt.number(first["students"], lang),
                                qualifier=(first["qualifier"] + " ") if first["approx"] else "", publisher=first["publisher"],
                                definition=first["definition"])))
        st.caption(cite(enrollment_q, lang=lang))
else:
    total = int(lines["budgeted_usd"].sum())
    for row in defined.itertuples(index=False):
        st.metric(t("sp.per.safety_metric", lang, year=YEAR), fmt.money(round(total / row.students), lang),
                  help=md_escape(t("sp.per.enrollment_help", lang, students=fmt.number(row.students, lang),
                                   definition=row.definition, publisher=row.publisher)), border=True)
    st.caption(cite(lines_q, enrollment_q, lang=lang))

per = per_student_q.frame
st.markdown(t("sp.per.laspd_intro", lang))
if per.empty:
    st.markdown(t("sp.per.laspd_none", lang))
else:
    per_table = cached(sc.per_student_table, frame_of(per_student_q), lang)
    per_cite = cite(per_student_q, lang=lang)
    st.dataframe(per_table, hide_index=True, key="sp-per-student")
    csv_download(t("common.download_csv", lang), per_table, per_cite, "lausd-safety-laspd-per-student.csv",
                 key="sp-per-download", lang=lang)
    st.caption(per_cite)
