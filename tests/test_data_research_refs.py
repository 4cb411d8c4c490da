"""Locators say only where in the source a figure is; internal research references live in research_ref.

A reader sees a citation's title, publisher and locator. Internal file names ("facts_budget.md"), research-table
sections ("§1", "table (a)"), seed-document numbers and our own source ids must not appear there; they are kept,
unchanged in number, in the column that follows each locator (`research_ref`, or `<prefix>_research_ref` after
`<prefix>_locator`), which the app never shows.
"""

from __future__ import annotations

import re

import pytest

from data.build import MANIFEST
from tests.conftest import DATA, read_csv

STEMS = [stem for _, stems in MANIFEST for stem in stems]
INTERNAL = re.compile(r"\.md|§|facts_|research |seed 00")
SOURCE_IDS = [r["source_id"] for r in read_csv("sources")]

# How many internal references the locators held before they were moved (counted on the data of 2d956e5):
# every one must survive in a research_ref column.
MOVED_BEFORE = {"facts_budget.md": 191, "§": 192, "facts_geo.md": 82, "seed 004": 4}


def _locator_columns(header: list[str]) -> list[str]:
    return [c for c in header if c == "locator" or c.endswith("_locator")]


def _ref_column(locator_column: str) -> str:
    return locator_column.replace("locator", "research_ref")


@pytest.mark.parametrize("stem", STEMS)
def test_no_locator_holds_an_internal_reference(stem):
    rows = read_csv(stem)
    for n, row in enumerate(rows, start=1):
        for col in _locator_columns(list(row)):
            cell = row[col] or ""
            assert not INTERNAL.search(cell), f"{stem}.csv row {n}, {col}: {cell!r}"


@pytest.mark.parametrize("stem", STEMS)
def test_no_locator_names_a_source_by_its_id(stem):
    for n, row in enumerate(read_csv(stem), start=1):
        for col in _locator_columns(list(row)):
            cell = row[col] or ""
            named = [sid for sid in SOURCE_IDS if re.search(rf"(?<![\w-]){re.escape(sid)}(?![\w-])", cell)]
            assert not named, f"{stem}.csv row {n}, {col} names source id(s) {named}: {cell!r}"


@pytest.mark.parametrize("stem", STEMS)
def test_research_ref_follows_its_locator(stem):
    header = list(read_csv(stem)[0]) if read_csv(stem) else []
    refs = [c for c in header if c == "research_ref" or c.endswith("_research_ref")]
    for ref in refs:
        locator = ref.replace("research_ref", "locator")
        assert locator in header, f"{stem}.csv: {ref} has no {locator}"
        assert header.index(ref) == header.index(locator) + 1, f"{stem}.csv: {ref} must come right after {locator}"


def test_every_moved_reference_survives_in_research_ref():
    counts = dict.fromkeys(MOVED_BEFORE, 0)
    for stem in STEMS:
        for row in read_csv(stem):
            for col, cell in row.items():
                if col == "research_ref" or col.endswith("_research_ref"):
                    for key in counts:
                        counts[key] += (cell or "").count(key)
    for key, before in MOVED_BEFORE.items():
        assert counts[key] >= before, f"{key}: {before} references in locators before, {counts[key]} now"


def test_schema_declares_research_ref_where_the_csvs_have_it():
    schema = (DATA / "schema.sql").read_text(encoding="utf-8")
    for stem in STEMS:
        rows = read_csv(stem)
        for col in (c for c in rows[0] if c.endswith("research_ref")):
            assert re.search(rf"\b{col}\s+VARCHAR\b", schema), f"schema.sql does not declare {col} ({stem})"


def test_notes_name_no_internal_file():
    for stem in STEMS:
        for n, row in enumerate(read_csv(stem), start=1):
            assert ".md" not in (row.get("note") or ""), f"{stem}.csv row {n} note: {row['note']!r}"


def test_no_reader_visible_cell_names_a_project_file():
    """A map point's `method`, a note or a label is shown to readers: it says what was done, not which file."""
    for stem in STEMS:
        for n, row in enumerate(read_csv(stem), start=1):
            for col, cell in row.items():
                if col.endswith("research_ref") or col in ("url", "document_file", "reference"):
                    continue
                assert not re.search(r"\bdata/|\.csv\b", cell or ""), f"{stem}.csv row {n}, {col}: {cell!r}"


def test_no_period_points_to_the_research():
    """`period` is printed beside a figure; how the research dated it belongs in research_ref."""
    for stem in STEMS:
        for n, row in enumerate(read_csv(stem), start=1):
            assert "research" not in (row.get("period") or ""), f"{stem}.csv row {n}: {row['period']!r}"
