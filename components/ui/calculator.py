"""The what-if calculator's controls on the Spending page: the form that adds a move, the buttons that remove
one, clear all or open the example, and the scenario box. Every control writes the scenario into the link
(?moves=...), so a copied link reopens it; the arithmetic is components/domain/reallocation.py, the sentences
and charts come from components/views/spending.py.
"""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from components.domain import reallocation as ra
from components.i18n import t
from components.tables.spending import share_link
from components.ui import blocks
from components.ui.boardroom import view_query, view_url
from components.ui.url_state import raw_param, set_param
from components.views import spending as vm


def keep_link_clean(scenario: vm.Scenario) -> None:
    """Keep only the readable moves in the link, so a copied link is clean."""
    if scenario.link_needs_rewrite:
        set_param("moves", scenario.serialized)


def _current_moves(by_id: dict) -> list[ra.Move]:
    return [m for _, m in ra.parse_moves(raw_param("moves"), by_id)[0]]


def _set_moves(moves: list[ra.Move]) -> None:
    set_param("moves", ra.serialize_moves(moves) if moves else None)


def _example() -> None:
    set_param("moves", vm.example_moves())


def example_button(view: vm.SpendingView, budget: vm.Budget, key: str) -> None:
    """The headline question as a scenario ($5M from sworn officers to PSWs), where the year has both lines."""
    if vm.example_available(budget):
        st.button(view.example_label, on_click=_example, key=key)


def refused_notice(scenario: vm.Scenario) -> None:
    """Under the lead: moves in the link that were refused or could not be read (the reasons are in the
    calculator's tab)."""
    if scenario.some_refused:
        st.warning(scenario.some_refused)


def form(view: vm.SpendingView, budget: vm.Budget, scenario: vm.Scenario, lang: str) -> None:
    """The form that adds a move, then one card per move with its arithmetic or why it was refused."""
    by_id = {line.line_id: line for line in budget.model}

    def add_move() -> None:
        moves = _current_moves(by_id)
        if len(moves) >= ra.MAX_MOVES:
            st.session_state["sp_calc_full"] = True
            return
        unit = st.session_state["sp_unit"]
        amount = st.session_state["sp_amount_pct" if unit == ra.PCT else "sp_amount_usd"] or 0
        moves.append(
            ra.Move(
                st.session_state["sp_from"],
                st.session_state["sp_to"],
                Decimal(str(amount)).quantize(Decimal("0.01")),
                unit,
            )
        )
        _set_moves(moves)

    def remove_move(index: int) -> None:
        moves = _current_moves(by_id)
        if 0 <= index < len(moves):
            moves.pop(index)
        _set_moves(moves)

    with st.form("sp_calc_form", border=True):
        ids = [line.line_id for line in budget.model]
        c1, c2 = st.columns(2)
        # the headline question's lines where the year has them; a year's own lines otherwise
        for key, preferred, fallback in (("sp_from", vm.QUICK_FROM, 0), ("sp_to", vm.QUICK_TO, -1)):
            if st.session_state.get(key) not in ids:
                st.session_state[key] = preferred if preferred in ids else ids[fallback]
        choose = t("common.choose", lang)  # Streamlit's own placeholder is English ("Choose an option")
        c1.selectbox(t("sp.calc.from", lang), ids, key="sp_from", format_func=budget.labels.get, placeholder=choose)
        c2.selectbox(t("sp.calc.to", lang), ids, key="sp_to", format_func=budget.labels.get, placeholder=choose)
        c3, c4, c5 = st.columns([1, 1, 1])
        c3.radio(
            t("sp.calc.unit", lang),
            [ra.USD, ra.PCT],
            key="sp_unit",
            horizontal=True,
            format_func=lambda u: t(f"sp.calc.unit.{u}", lang),
        )
        c4.number_input(
            t("sp.calc.amount_usd", lang),
            min_value=0,
            max_value=10**12,
            value=vm.QUICK_USD,
            step=100_000,
            key="sp_amount_usd",
        )
        c5.number_input(
            t("sp.calc.amount_pct", lang), min_value=0.0, max_value=100.0, value=10.0, step=1.0, key="sp_amount_pct"
        )
        st.form_submit_button(t("sp.calc.add", lang), on_click=add_move, type="primary", key="sp_add")
    if st.session_state.pop("sp_calc_full", False):
        st.warning(t("sp.calc.full", lang, limit=ra.MAX_MOVES))

    for issue in scenario.issues:
        st.warning(issue)

    if not scenario.moves:
        st.info(view.calc_empty)
        example_button(view, budget, "sp_example_calc")
        return
    for index, card in enumerate(scenario.cards):
        with st.container(border=True):
            head, button = st.columns([5, 1])
            head.markdown(card.heading)
            button.button(t("sp.calc.remove", lang), key=f"sp_remove_{index}", on_click=remove_move, args=(index,))
            if card.refused:
                st.warning(card.refused)
            elif card.arithmetic:
                st.markdown(card.arithmetic)
    st.button(t("sp.calc.clear", lang), key="sp_clear", on_click=_set_moves, args=([],))

    if scenario.mix is not None:
        blocks.chart(scenario.mix, lang)
        st.markdown(f"**{t('sp.calc.lines_title', lang)}**")
        blocks.table(scenario.lines_changed, lang)
        blocks.table_behind(scenario.moves_table, lang)

    st.markdown(t("sp.calc.share", lang))
    st.code(view_url() or share_link("/spending", view_query()), language=None, wrap_lines=True)
