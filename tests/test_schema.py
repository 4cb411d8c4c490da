"""The schema and the build refuse bad rows, and say which file, row and column is wrong."""

from __future__ import annotations

import pytest

from data.build import build
from data.problems import BuildError
from tests.conftest import edit_csv

# (file, data row, column, bad value, words the message must contain)
BAD_ROWS = [
    ("budget_lines", 3, "budgeted_usd", "-5", "budgeted_usd"),
    ("budget_lines", 2, "budgeted_usd", "31,952,381", "not a whole number"),
    ("budget_lines", 1, "school_year", "2023-25", "school_year"),
    ("budget_lines", 1, "school_year", "23-24", "school_year"),
    ("budget_lines", 4, "fte", "-1", "fte"),
    ("budget_lines", 5, "location_level", "campus", "does not exist"),
    ("budget_lines", 6, "source_id", "no-such-source", "does not exist"),
    ("budget_lines", 7, "line_id", "sosa", "repeats a key"),
    ("budget_lines", 8, "approx", "maybe", "true or false"),
    ("deployments_by_board_district", 2, "board_district", "8", "board_district"),
    ("deployments_by_board_district", 2, "deployments", "-1", "deployments"),
    ("deployments_by_region", 1, "region", "Central", "region"),
    ("deployment_facts", 1, "as_of", "2024-02-30", "not a real calendar date"),
    ("budget_totals", 1, "qualifier", "about", "approx"),
    ("sources", 6, "kind", "blog", "kind"),
    ("sources", 6, "url", "javascript:alert(1)", "url"),
    ("laspd_history", 1, "unit", "dollars", "unit"),
    ("laspd_history", 1, "value", "lots", "not a number"),
    ("enrollment", 1, "students", "0", "students"),
    ("school_locations", 1, "lat", "51.5", "lat"),
    ("timeline", 1, "event_date", "2017-06", "YYYY-MM-DD"),
    ("town_halls", 1, "region", "Harbor", "does not exist"),
]


@pytest.mark.parametrize("stem,row,column,value,words", BAD_ROWS, ids=[f"{b[0]}-{b[2]}-{b[3]}" for b in BAD_ROWS])
def test_bad_row_is_refused_with_file_row_and_column(data_copy, tmp_path, stem, row, column, value, words):
    edit_csv(data_copy / f"{stem}.csv", row, column, value)
    with pytest.raises(BuildError) as caught:
        build(data_copy, tmp_path / "out.duckdb")
    message = str(caught.value)
    assert f"data/{stem}.csv, row {row}" in message
    assert words in message
    assert not (tmp_path / "out.duckdb").exists()


def test_unmapped_budget_line_is_refused(data_copy, tmp_path):
    path = data_copy / "budget_line_categories.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("sosa,")) + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match="budget line 'sosa' has no spending category"):
        build(data_copy, tmp_path / "out.duckdb")


def test_header_mismatch_names_missing_and_unknown_columns(data_copy, tmp_path):
    path = data_copy / "budget_lines.csv"
    text = path.read_text(encoding="utf-8").replace("budgeted_usd", "dollars", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build(data_copy, tmp_path / "out.duckdb")
    assert "missing columns: budgeted_usd" in str(caught.value)
    assert "unknown columns: dollars" in str(caught.value)
