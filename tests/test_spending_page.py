"""The Spending page in Streamlit's AppTest: the four headline answers with their published values, the charts,
the per-student rule, the location filter, and the what-if scenario read from (and written to) the URL —
including hostile ?moves= values, which must never raise or be echoed.

Expected figures are computed here from data/*.csv, not copied from the page.
"""

from __future__ import annotations

import base64
import json
import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import run_page
from tests.conftest import read_csv
from tests.test_pages import assert_clean, plain, rendered_strings

pytestmark = pytest.mark.apptest

ROOT = Path(__file__).resolve().parent.parent
# kinds of school-police count with at least one dated figure: one chart each on the page
SERIES_WITH_YEARS = [
    m
    for m in (
        "department_budget_usd",
        "sworn_officers",
        "non_sworn_officers",
        "employees_all_ranks",
        "positions_all_ranks",
        "force_unspecified",
    )
    if len({r["school_year"] for r in read_csv("laspd_history") if r["metric"] == m and r["school_year"]}) >= 2
]
YEAR = "2023-24"
SCENARIO = "sworn-peace-officers>psychiatric-social-workers:5000000,campus-aides>rj-teachers:10%"


def run_spending(section: str | None = None, opened: tuple[str, ...] = (), **params) -> AppTest:
    """The Spending page with its `section` tab open (?section=<key>; None: the first tab); `opened`: parts to
    open inside it (their key), as a reader's click would, then run again."""
    at = run_page("spending", section=section, **params)
    for key in opened:
        at.session_state[f"open-{key}"] = True
    if opened:
        at.run()
    return at


def spending_sections(**params) -> dict[str, AppTest]:
    """Every tab of the page, one run each, the school-police history opened in its tab."""
    return {
        key: run_spending(key, opened=("sp-history",) if key == "police" else (), **params)
        for key in ("figures", "lines", "whatif", "police", "per", "checks")
    }


def money(value) -> str:
    return f"${int(value):,}"


@pytest.fixture(scope="module")
def lines() -> dict[str, dict]:
    categories = {r["line_id"]: r["category_id"] for r in read_csv("budget_line_categories")}
    return {
        r["line_id"]: {
            "usd": int(r["budgeted_usd"]),
            "fte": Fraction(r["fte"]) if r["fte"] else None,
            "category": categories[r["line_id"]],
            "level": r["location_level"],
        }
        for r in read_csv("budget_lines")
        if r["school_year"] == YEAR
    }


@pytest.fixture(scope="module")
def plain_page() -> dict[str, AppTest]:
    return spending_sections()


@pytest.fixture(scope="module")
def scenario_page() -> dict[str, AppTest]:
    return spending_sections(moves=SCENARIO)


def test_the_school_police_history_is_drawn_only_when_opened():
    closed = run_spending("police")
    assert_clean(closed)
    charts = figures(closed)
    # the lead's chart of the year's lines, and the year's school-police pieces
    assert [c.layout.title.text for c in charts] == [
        f"The largest budget lines, {YEAR}",
        f"School-police budget pieces, {YEAR}",
    ]
    assert [e.label for e in closed.expander if e.label.startswith("School police over the years")]
    opened = run_spending("police", opened=("sp-history",))
    assert len(opened.get("plotly_chart")) == 2 + len(SERIES_WITH_YEARS)


def _decode(value):
    """Plotly sends numeric arrays as {"bdata": base64, "dtype": ...}: back to a list of numbers."""
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def figures(at: AppTest) -> list:
    """The page's Plotly figures, with their numeric arrays decoded."""
    return [pio.from_json(json.dumps(_decode(json.loads(c.proto.spec)))) for c in at.get("plotly_chart")]


def table_with(at: AppTest, column: str):
    """The one displayed table that has `column`."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(found) >= 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def text_of(at: AppTest) -> str:
    return "\n".join(plain(s) for s in rendered_strings(at))


def points(fig) -> list[float]:
    """A school-police series chart's source figures: its marker points (not the grey bands that span a year's
    lowest to highest figure, not the district table's own star)."""
    return [v for trace in fig.data if trace.mode == "markers" and trace.marker.symbol != "star" for v in trace.x]


def district_star(fig):
    return next(trace for trace in fig.data if trace.mode == "markers" and trace.marker.symbol == "star")


# ------------------------------------------------------------------------------------------- no scenario


def test_the_four_questions_are_answered_first_with_published_values(plain_page, lines):
    first = plain_page["figures"]
    for at in plain_page.values():
        assert_clean(at)
    total = sum(r["usd"] for r in lines.values())

    def category(cat):
        return sum(r["usd"] for r in lines.values() if r["category"] == cat)

    metrics = [(m.label, m.value, m.proto.delta) for m in first.metric]
    expected = [
        ("School police", "law_enforcement"),
        ("Mental health and wellness", "mental_health_wellness"),
        ("Campus supervision", "campus_supervision"),
    ]
    for (label, value, delta), (want_label, cat) in zip(metrics, expected):
        usd = category(cat)
        assert (label, value) == (want_label, money(usd))
        assert delta == f"{float(Fraction(usd, total)) * 100:.1f}% of the safety budget"
    psw = lines["psychiatric-social-workers"]
    fte = float(Fraction(5_000_000) * psw["fte"] / psw["usd"])
    label, value, delta = metrics[3]
    assert plain(label) == "What $5M buys in psychiatric social workers"
    assert value == f"{fte:.1f} FTEs" == "31.2 FTEs"
    assert delta == f"what-if, at {money(round(Fraction(psw['usd']) / psw['fte']))} per FTE"
    # the citation right under the answers names the document and slide
    assert any("District Safety Updates" in c.value and "District Safety Budget" in c.value for c in first.caption)


def test_the_page_draws_its_charts_with_the_published_values(plain_page, lines):
    total = sum(r["usd"] for r in lines.values())
    # the lead (on every tab): the largest lines, the smaller ones together, adding up to the whole budget
    lead = figures(plain_page["figures"])
    assert len(lead) == 1 and {trace.type for trace in lead[0].data} == {"bar"}
    assert sum(lead[0].data[0].x) == total
    assert lines["sworn-peace-officers"]["usd"] in lead[0].data[0].x
    # the Lines tab: the treemap of every line
    charts = figures(plain_page["lines"])
    assert [{trace.type for trace in fig.data} for fig in charts] == [{"bar"}, {"treemap"}]
    tree = charts[1].data[0]
    values = dict(zip(tree.ids, tree.values))
    assert values["all"] == total
    assert values["line:sworn-peace-officers"] == lines["sworn-peace-officers"]["usd"]
    # the school-police tab: the year's pieces, then one chart per kind of count that has a dated figure (never
    # two kinds on one chart)
    charts = figures(plain_page["police"])[1:]
    types = [{trace.type for trace in fig.data} for fig in charts]
    assert types[0] == {"bar"} and all(kinds == {"scatter"} for kinds in types[1:])
    assert len(charts) == 1 + len(SERIES_WITH_YEARS)
    budget = charts[1]
    # multi-year series: every dated department-budget figure is a point; undated ones are not plotted
    history = [r for r in read_csv("laspd_history") if r["metric"] == "department_budget_usd"]
    assert sorted(points(budget)) == sorted(float(r["value"]) for r in history if r["school_year"])
    hover = " ".join(str(h) for trace in budget.data if trace.customdata is not None for h in trace.customdata)
    assert "Source: LAist (news report)" in hover and "Kind of figure: before the cut" in hover
    # the two decisions are marked, each on its own row with its words and its own line
    words = [a.text for a in budget.layout.annotations]
    assert "June 30, 2020: board votes to cut budget" in words
    assert "February 2021: police positions cut" in words
    assert [shape.line.dash for shape in budget.layout.shapes] == ["dash", "dot"]
    # the district's own 2023-24 figures stand apart on their own row, labelled by what they count (not officers
    # employed, not the department's budget)
    assert f"{YEAR}<br>district table" in budget.layout.yaxis.ticktext
    assert list(district_star(budget).x) == [lines["sworn-peace-officers"]["usd"]]
    assert "$44.5M<br>sworn positions only" in words
    sworn = next(c for c in charts if c.layout.title.text.startswith("Sworn school-police officers"))
    assert list(district_star(sworn).x) == [280.0]
    assert "280<br>budgeted sworn FTEs" in [a.text for a in sworn.layout.annotations]
    # the sworn chart lists the undated Wikipedia figures in its table and says so
    undated = sum(1 for r in read_csv("laspd_history") if r["metric"] == "sworn_officers" and not r["school_year"])
    assert undated > 1 and any(
        f"{undated} figures have no school year" in plain(c.value) for c in plain_page["police"].caption
    )


def test_the_line_table_is_complete_and_cited(plain_page, lines):
    table = table_with(plain_page["lines"], "Average cost per FTE (USD)")
    assert len(table) == len(lines) == 12
    assert set(table["Where in the source"].str.startswith("slide 'District Safety Budget")) == {True}
    row = table.set_index("Budget line (as published)").loc["Psychiatric Social Workers (PSWs)"]
    psw = lines["psychiatric-social-workers"]
    assert row["Average cost per FTE (USD)"] == round(float(Fraction(psw["usd"]) / psw["fte"]))


def test_per_student_is_not_published_for_2023_24_when_enrollment_has_no_stated_scope(plain_page):
    rows = [r for r in read_csv("enrollment") if r["school_year"] == YEAR]
    defined = [r for r in rows if r["scope"] in ("district_run_k12", "district_run_prek12", "incl_charters")]
    text = text_of(plain_page["per"])
    if defined:  # pragma: no cover - today's data has none; the page must then show a figure instead
        assert "Safety budget per student, 2023-24" in text
    else:
        assert "Safety budget per student, 2023-24: not published." in text
    # the LASPD per-student rows: only years with a budget figure and a whole-district enrollment count
    per = table_with(plain_page["per"], "Per student")
    years = {
        r["school_year"]
        for r in read_csv("enrollment")
        if r["scope"] in ("district_run_k12", "district_run_prek12", "incl_charters")
    }
    budget_years = {
        r["school_year"]
        for r in read_csv("laspd_history")
        if r["metric"] == "department_budget_usd" and r["basis"] in ("adopted", "reported", "pre-cut", "after-cut")
    }
    assert set(per["School year"]) == years & budget_years
    first = per.iloc[0]
    assert first["School year"] == "2012-13" and first["Per student"] == money(round(52_000_000 / 566_604))
    assert "Enrollment definition (per the source)" in per.columns


def test_the_location_filter_follows_the_url():
    at = run_spending("lines", level="districtwide")
    assert_clean(at)
    table = table_with(at, "Average cost per FTE (USD)")
    assert list(table["Budget line (as published)"]) == ["Sworn Peace Officers"]
    assert "Showing 1 of 12 lines: $44,485,774, 12.9% of the safety budget." in text_of(at)

    bad = run_spending("lines", level="<b>nope</b>,school_site")
    assert_clean(bad)
    assert bad.query_params["level"] == "school_site"
    assert "A value in the link was not recognised and was ignored: level." in text_of(bad)
    assert "nope" not in text_of(bad)


# ------------------------------------------------------------------------------------------- scenario


def test_a_scenario_in_the_url_shows_its_arithmetic(scenario_page, lines):
    for at in scenario_page.values():
        assert_clean(at)
        assert at.query_params["moves"] == SCENARIO
    # the lead, on every tab: the scenario's moves, said to be arithmetic and not a district plan
    lead = text_of(scenario_page["figures"])
    assert f"What-if on the published {YEAR} table (arithmetic, not a district plan):" in lead
    assert (
        "Move 1: $5,000,000 from Sworn Peace Officers to Psychiatric Social Workers (PSWs) = 31.2 FTEs "
        "at the destination's average cost."
    ) in lead
    ten = int(Fraction(lines["campus-aides"]["usd"], 10) + Fraction(1, 2))
    assert f"Move 2: {money(ten)} from Campus Aides/Supervision Aides to Restorative Justice Teachers" in lead
    # ... over the lines it changes, published beside what-if
    changed = figures(scenario_page["figures"])
    assert len(changed) == 1 and changed[0].layout.title.text.startswith("The lines this what-if changes")
    bars = dict(zip(changed[0].data[0].hovertext, changed[0].data[0].x))
    sworn = lines["sworn-peace-officers"]["usd"]
    assert bars["Sworn Peace Officers · What-if"] == sworn - 5_000_000
    assert bars["Sworn Peace Officers · Published"] == sworn
    # the calculator's tab: each move's arithmetic, the category mix and the assumptions
    calc = scenario_page["whatif"]
    text = text_of(calc)
    assert (
        "From Sworn Peace Officers: $5,000,000 ÷ $158,878 per FTE (= $44,485,774 ÷ 280 FTEs) = 31.5 FTE equivalents."
    ) in text
    charts = figures(calc)
    assert len(charts) == 2  # the lead's chart and the scenario's category mix
    mix = next(c for c in charts if c.layout.title.text.startswith("Category mix"))
    what_if = next(tr for tr in mix.data if tr.name == "What-if")
    police = dict(zip(what_if.y, what_if.x))["Law enforcement"]
    assert police == sworn - 5_000_000
    assert "average, not a salary schedule" in text


def test_a_refused_move_says_why_and_the_rest_still_apply(lines):
    held = lines["cbsp-vendor-support"]["usd"]
    moves = f"cbsp-vendor-support>sosa:{held + 1},sworn-peace-officers>rj-teachers:0"
    # under the lead, on every tab: that a move was refused, and where the reasons are
    at = run_spending(moves=moves)
    assert_clean(at)
    assert "1 move in the link was refused or ignored; the reason is in the What-if calculator tab." in [
        plain(w.value) for w in at.warning
    ]
    # the calculator's tab: why, and the other move applied
    at = run_spending("whatif", moves=moves)
    assert_clean(at)
    warnings = [plain(w.value) for w in at.warning]
    assert any(w.startswith("Move 1: refused.") and money(held + 1) in w and money(held) in w for w in warnings)
    assert "Move 2: $0 from Sworn Peace Officers to Restorative Justice Teachers" in text_of(at)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "sworn-peace-officers>psychiatric-social-workers:$$x^2$$",
        "x" * 50_000,
        ",".join(["sosa>rj-teachers:1"] * 40),
        "sworn-peace-officers>psychiatric-social-workers:-5,[link](javascript:alert(1))>a:1",
    ],
)
def test_hostile_moves_never_raise_and_are_not_echoed(hostile):
    for section in (None, "whatif"):  # the lead and the calculator's tab, where the reasons are
        at = run_spending(section, moves=hostile)
        assert_clean(at)
        text = text_of(at)
        for fragment in ("<script", "javascript", "$$x", "x" * 100):
            assert fragment not in text
        assert any("ignored" in plain(w.value) for w in at.warning)


def test_adding_a_move_writes_it_into_the_url():
    at = run_spending("whatif")
    at.selectbox(key="sp_to").set_value("rj-teachers")
    at.radio(key="sp_unit").set_value("pct")
    at.number_input(key="sp_amount_pct").set_value(25.0)
    at.button(key="sp_add").click().run()
    assert_clean(at)
    assert at.query_params["moves"] == "sworn-peace-officers>rj-teachers:25%"
    assert at.query_params["section"] == "whatif"  # the tab stays open
    assert "Move 1: 25 % of Sworn Peace Officers to Restorative Justice Teachers" in text_of(at)
    at.button(key="sp_remove_0").click().run()
    assert "moves" not in at.query_params


def test_spanish_page_runs_with_a_scenario():
    at = run_spending(lang="es", moves=SCENARIO)
    assert_clean(at)
    assert at.title[0].value == "A dónde va el dinero de seguridad y qué compraría un cambio"
    assert re.search(r"Movimiento 1: \$5,000,000 de Sworn Peace Officers", text_of(at))
