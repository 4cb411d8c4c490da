"""The school-police series: every staffing metric says what it counts, and different counts never share one.

"Officers" in a news story may mean sworn officers, sworn and non-sworn officers, or everyone on the payroll;
"positions" are not people; budgeted FTEs are neither. Each is its own metric (data/README.md lists them), the
sworn_officers metric holds only figures whose source says "sworn", and the district's own 2023-24 points (280
budgeted sworn peace officer FTEs, $44,485,774 for those positions) are read from the safety budget table by
the view laspd_series_points, so that each figure still lives in one CSV row.
"""

from __future__ import annotations

import re
from decimal import Decimal

import duckdb
import pytest

from data.build import build
from tests.conftest import DATA, read_csv
from tests.test_data_research import row_by_id, rows_citing, value_in

SOURCES = {r["source_id"]: r for r in read_csv("sources")}
HISTORY = {r["obs_id"]: r for r in read_csv("laspd_history")}

# What each staffing metric counts, and its unit: the data dictionary must say the same.
STAFFING = {
    "sworn_officers": "count",
    "non_sworn_officers": "count",
    "support_staff": "count",
    "sworn_and_support_staff": "count",
    "employees_all_ranks": "count",
    "force_unspecified": "count",
    "officers_in_field": "count",
    "positions_all_ranks": "count",
    "sworn_budgeted_fte": "fte",
    "positions_cut": "count",
    "sworn_positions_cut": "count",
    "non_sworn_positions_cut": "count",
    "support_positions_cut": "count",
    "positions_cut_by_rank": "count",
    "positions_cut_percent": "percent",
    "staff_cut_percent": "percent",
    "officer_layoffs": "count",
    "officers_resigned": "count",
    "officers_lost": "count",
    "vacant_positions": "count",
    "sworn_decline_percent": "percent",
}


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    path = tmp_path_factory.mktemp("staffing") / "safety.duckdb"
    build(DATA, path)
    con = duckdb.connect(str(path), read_only=True)
    frame = con.execute(
        "SELECT p.*, s.kind AS source_kind FROM laspd_series_points p JOIN sources s USING (source_id)"
    ).fetchdf()
    con.close()
    return frame


def _research_snippets(row: dict) -> list[str]:
    """Snippets of the research rows of this row's source whose value column holds the row's value."""
    found = [r for r in rows_citing(SOURCES[row["source_id"]]) if value_in(Decimal(row["value"]), r.get("value", ""))]
    return [r.get("snippet", "") for r in found]


# ------------------------------------------------------------------------------------------- one meaning per metric


def test_no_metric_mixes_units(series):
    units = series.groupby("metric")["unit"].nunique()
    assert (units == 1).all(), units[units > 1].to_dict()


def test_every_staffing_metric_has_its_unit_and_an_entry_in_the_dictionary(series):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for metric, unit in series.groupby("metric")["unit"].first().items():
        assert f"`{metric}`" in readme, f"data/README.md does not say what {metric} counts"
        if metric in STAFFING:
            assert unit == STAFFING[metric], metric
    assert "total_staff" not in set(series["metric"]), "total_staff mixed officers, employees and force sizes"
    assert "school_safety_officers" not in set(series["metric"]), "one metric for non-sworn safety officers"


def test_sworn_officers_holds_only_figures_whose_source_says_sworn():
    for row in HISTORY.values():
        if row["metric"] == "sworn_officers":
            snippets = _research_snippets(row)
            assert snippets and any("sworn" in s.lower() for s in snippets), row["obs_id"]


def test_officers_without_a_sworn_split_are_not_sworn_officers():
    for row in HISTORY.values():
        snippets = (
            " ".join(_research_snippets(row)).lower()
            if row["metric"] in ("force_unspecified", "employees_all_ranks", "sworn_officers")
            else ""
        )
        if row["metric"] == "force_unspecified":
            assert "sworn" not in snippets, f"{row['obs_id']}: the source says sworn"
        if row["metric"] == "employees_all_ranks":
            assert re.search(r"employ", snippets), f"{row['obs_id']}: the source does not count employees"


# ------------------------------------------------------------------------------------------- district 2023-24 points


def test_the_districts_2023_24_sworn_points_are_in_the_series_as_district_documents(series):
    points = series[(series["school_year"] == "2023-24") & (series["source_kind"] == "district")]
    by_metric = {m: g for m, g in points.groupby("metric")}
    fte, usd = by_metric["sworn_budgeted_fte"], by_metric["sworn_positions_budget_usd"]
    assert len(fte) == 1 and Decimal(str(fte["value"].iloc[0])) == 280 and fte["unit"].iloc[0] == "fte"
    assert len(usd) == 1 and Decimal(str(usd["value"].iloc[0])) == 44_485_774 and usd["unit"].iloc[0] == "usd"
    assert set(points["source_id"]) == {"lausd-2024-04-09-safety-updates"}
    # budgeted FTEs are not officers employed, and one line is not the department's budget
    assert not (
        (series["school_year"] == "2023-24")
        & series["metric"].isin(["sworn_officers", "department_budget_usd"])
        & (series["source_kind"] == "district")
    ).any()


def test_the_2023_24_sworn_figures_live_in_one_csv_row():
    for stem in ("laspd_history",):
        text = (DATA / f"{stem}.csv").read_text(encoding="utf-8")
        assert "44485774" not in text and ",280," not in text


# ------------------------------------------------------------------------------------------- second research round

SECOND_ROUND = {
    # research row: [(metric, value, school_year)]
    "L3": [("officers_in_field", 200, "2012-13"), ("force_unspecified", 350, "2012-13")],
    "L4": [("sworn_officers", 380, "2019-20"), ("non_sworn_officers", 100, "2019-20")],
    "L6": [("positions_all_ranks", 510, "2019-20"), ("positions_cut", 133, ""), ("positions_cut_percent", 26, "")],
    "L7": [("employees_all_ranks", 377, "2020-21")],
}
RANKS = {
    "Deputy Chief": 1,
    "Lieutenant": 5,
    "Sergeant": 3,
    "Detective": 14,
    "Senior Police Officer": 19,
    "Police Officer": 28,
    "Safety Officer Sergeant": 5,
    "School Safety Officer": 57,
    "Senior Secretary": 1,
}


def _source_of(research_id: str) -> str:
    url = re.search(r"https?://\S+", row_by_id(research_id)["source"]).group(0)
    found = [
        sid
        for sid, s in SOURCES.items()
        if s["url"] and s["url"].split("://")[1].removeprefix("www.") == url.split("://")[1].removeprefix("www.")
    ]
    assert len(found) == 1, f"{research_id}: source {url} is not (once) in sources.csv"
    return found[0]


@pytest.mark.parametrize("research_id", sorted(SECOND_ROUND))
def test_second_round_staffing_rows_are_carried_under_what_they_count(research_id):
    source_id = _source_of(research_id)
    research = row_by_id(research_id)
    for metric, value, year in SECOND_ROUND[research_id]:
        rows = [r for r in HISTORY.values() if r["source_id"] == source_id and r["metric"] == metric]
        assert len(rows) == 1, f"{research_id}: {metric} rows {len(rows)}"
        assert Decimal(rows[0]["value"]) == value and rows[0]["school_year"] == year, rows[0]["obs_id"]
        assert value_in(Decimal(value), research["value"]), f"{research_id}: {value} not in the research value"
        assert f"L{research_id[1:]}" in rows[0]["research_ref"]


def test_the_133_cut_positions_by_rank_are_one_row_per_rank():
    source_id = _source_of("L8")
    rows = [r for r in HISTORY.values() if r["metric"] == "positions_cut_by_rank"]
    assert {r["source_id"] for r in rows} == {source_id}
    by_rank = {r["label"].split(": ", 1)[1]: int(Decimal(r["value"])) for r in rows}
    assert by_rank == RANKS
    assert sum(by_rank.values()) == 133
    sworn = ("Deputy Chief", "Lieutenant", "Sergeant", "Detective", "Senior Police Officer", "Police Officer")
    assert sum(by_rank[k] for k in sworn) == int(
        Decimal(HISTORY["laspd-sworn-positions-cut-2020-21-epochtimes"]["value"])
    )
    for rank, n in RANKS.items():
        assert f"{rank} {n}" in row_by_id("L8")["value"]


def test_the_student_paper_is_not_carried():
    assert not any("scribd.com" in (s["url"] or "") for s in SOURCES.values())
