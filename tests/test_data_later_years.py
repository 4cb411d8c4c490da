"""What is known since 2023-24: statements about 2024-25 to 2026-27, each with its source, in two languages.

later_years.csv holds what the second research round found for the years after the district's last published
safety budget table: school-police funding "about the same", support-staff hours, safe passages and safe zones,
the projected deficit, the reduction in force, enrollment. Each statement says who reported it (they are
reports, never district budget lines); `value` is filled only where the research row gives a number, and a figure
another table already holds is pointed to (`figure_ref`), not copied.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from data.build import MANIFEST
from tests.conftest import DATA, read_csv
from tests.test_data_research import numbers_in, row_by_id, value_in

SOURCES = {r["source_id"]: r for r in read_csv("sources")}
COLUMNS = [
    "statement_id",
    "school_year",
    "period",
    "period_es",
    "topic",
    "statement_en",
    "statement_es",
    "value",
    "unit",
    "approx",
    "qualifier",
    "figure_ref",
    "source_id",
    "locator",
    "research_ref",
    "reliability_note",
    "reliability_note_es",
]
# research rows the brief asks for (L9, L5, B1, S3, S1, S2, B7, B8, B10) and two more safety rows (S4, B14)
EXPECTED_ROWS = {"L9", "L5", "B1", "S3", "S1", "S2", "B7", "B8", "B10", "S4", "B14"}
YEARS = {"2024-25", "2025-26", "2026-27"}


def _statements() -> list[dict]:
    return read_csv("later_years")


def _research_id(row: dict) -> str:
    found = re.findall(r"\b([LSB]\d{1,2})\b", row["research_ref"])
    assert len(found) == 1, f"{row['statement_id']}: research_ref must name one research row, got {found}"
    return found[0]


def test_the_table_is_declared_loaded_and_described():
    assert list(_statements()[0]) == COLUMNS
    assert ("later_years", ["later_years"]) in MANIFEST
    assert "CREATE TABLE later_years" in (DATA / "schema.sql").read_text(encoding="utf-8")
    assert "`later_years.csv`" in (DATA / "README.md").read_text(encoding="utf-8")


def test_the_asked_for_research_rows_are_all_here():
    assert {_research_id(r) for r in _statements()} == EXPECTED_ROWS


@pytest.mark.parametrize("row", _statements(), ids=lambda r: r["statement_id"])
def test_each_statement_has_a_source_both_languages_and_a_reliability_note(row):
    assert row["source_id"] in SOURCES
    assert row["locator"].strip() and row["reliability_note"].strip()
    en, es = row["statement_en"].strip(), row["statement_es"].strip()
    assert en and es and en != es
    # a report, said as one: it names who reported it
    assert re.search(r"\breported\b|\baccording to\b", en), row["statement_id"]
    assert "según" in es, row["statement_id"]
    # a statement about several years gives them as a period instead of one school year
    assert row["school_year"] in YEARS or (not row["school_year"] and row["period"] == "2021-22 to 2022-23")


@pytest.mark.parametrize("row", _statements(), ids=lambda r: r["statement_id"])
def test_value_only_where_the_research_row_gives_a_number(row):
    research = row_by_id(_research_id(row))
    if row["value"]:
        assert value_in(Decimal(row["value"]), research["value"]), (
            f"{row['statement_id']}: {row['value']} is not in the research value {research['value']!r}"
        )
        assert row["unit"] in ("usd", "count", "percent")
    else:
        assert not row["unit"] and row["approx"] == "false" and not row["qualifier"]
        if not numbers_in(research["value"]):
            assert not row["figure_ref"]
    assert (row["approx"] == "true") == bool(row["qualifier"])


def test_no_figure_is_copied_from_another_table():
    obs = {}
    for stem in (
        "laspd_history",
        "district_budget_context",
        "cbs_funding",
        "safe_passage_counts",
        "enrollment_context",
    ):
        for r in read_csv(stem):
            obs[f"{stem}:{r['obs_id']}"] = r
    for row in _statements():
        if row["figure_ref"]:
            assert not row["value"]
            target = obs[row["figure_ref"]]
            assert target["source_id"] == row["source_id"], row["statement_id"]
        if row["value"]:
            same = [
                k
                for k, r in obs.items()
                if r["source_id"] == row["source_id"] and Decimal(r["value"]) == Decimal(row["value"])
            ]
            assert not same, f"{row['statement_id']} copies {same}: use figure_ref"


def test_aggregators_are_flagged_in_the_source_and_the_statement():
    for row in _statements():
        research = row_by_id(_research_id(row))
        if "aggregator" in (research.get("flag", "") + research.get("type", "")).lower():
            assert "aggregator" in SOURCES[row["source_id"]]["note"], row["source_id"]
            assert "aggregator" in row["reliability_note"], row["statement_id"]


def test_no_statement_is_sourced_as_a_district_document():
    # these are reports about the budgets and plans, not the district's own budget lines
    assert all(SOURCES[r["source_id"]]["kind"] != "district" for r in _statements())
