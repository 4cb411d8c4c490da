"""A figure that the research dates with a span of school years keeps the span.

A total over two years, a growth "since 2005-06" or a budget the article does not place in one school year is
not a figure of its last year: `school_year` stays empty and `period` names the span. Rows whose source gives a
value for each year of a span (the two ends of a change, "$15 million per year") keep their year; every row
that sits on a spanning research row must be listed below as one or the other.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.conftest import read_csv
from tests.test_data_research import rows_citing, value_in

SOURCES = {r["source_id"]: r for r in read_csv("sources")}
OBSERVATION_FILES = [
    "laspd_history",
    "district_budget_context",
    "cbs_funding",
    "safe_passage_counts",
    "enrollment_context",
]
RANGE = re.compile(r"\bto\b|/|->|→")

# Figures for a span of years: school_year stays empty and period names the span.
RANGE_ROWS = {
    "laspd_history": {
        "laspd-spend-growth-2005-06-to-2019-20-cocosouthla",  # growth "since the 2005-2006 school year"
        "laspd-budget-2014-15-witnessla",  # June 2014: 2013-14 or 2014-15, not said which
        "laspd-sworn-decline-2022-23-cbsnews",  # drop over the two years to Aug 2022
        "laspd-positions-cut-cbsnews-2022",
        "laspd-positions-cut-pct-cbsnews-2022",  # lost from 2020 to May 2022
    },
    "cbs_funding": {
        "cbs-alloc-total-2022-23-utla",  # $30M over 2021-22 and 2022-23
        "cbs-unspent-2022-23-utla",  # 90% of that two-year total
        "bsap-collective-2022-23-dailybreeze",  # collective funding 2021-22 to 2022-23
    },
    "enrollment_context": {
        "enr-change-5yr-2024-25-gpsn",  # five years to 2024-25
        "enr-projected-2027-28-gpsn",  # further loss from 2024-25 to 2027-28
        "enr-loss-min-bd3-gpsn",
        "enr-loss-max-bd1-gpsn",  # cumulative loss to 2024-25
    },
}
# Rows whose research row spans years but whose source gives this value for one year (kept with that year).
ONE_YEAR_OF_A_SPAN = {
    "laspd-sworn-2020-21-cbsnews",
    "laspd-sworn-2022-23-cbsnews",  # the two ends: 374 then 300
    "laspd-positions-2019-20-cbsnews-2022",  # the start: 510 before the 2020 cuts
    "laspd-garcia-phased-2021-22-laist",
    "laspd-garcia-phased-2022-23-laist",
    "laspd-garcia-phased-2023-24-laist",  # one step of the phased cut per year
    "cbs-alloc-2021-22-utla",
    "cbs-alloc-2022-23-utla",  # "$15 million ... per year"
    "safe-zone-schools-before-2025-eyekon",
    "safe-zone-schools-after-2025-eyekon",  # before / after
    "enr-2015-16-spainexchange",
    "enr-2022-23-spainexchange",  # one value per year
}


def _rows(stem: str) -> dict[str, dict]:
    return {r["obs_id"]: r for r in read_csv(stem)}


# ------------------------------------------------------------------------------------------- ranges stay ranges


def _span_rows() -> list[tuple[str, dict]]:
    """CSV rows whose value sits on a research row that dates it with a span of school years."""
    found = []
    for stem in OBSERVATION_FILES + ["enrollment"]:
        key = "students" if stem == "enrollment" else "value"
        for row in read_csv(stem):
            for research in rows_citing(SOURCES[row["source_id"]]):
                span = research.get("school_year", "").split("(")[0]
                if RANGE.search(span) and value_in(Decimal(row[key]), research.get("value", "")):
                    found.append((stem, row))
                    break
    return found


def test_every_row_of_a_span_is_classified():
    listed = set().union(*RANGE_ROWS.values()) | ONE_YEAR_OF_A_SPAN
    unlisted = [f"{stem}:{row['obs_id']}" for stem, row in _span_rows() if row["obs_id"] not in listed]
    assert not unlisted, f"decide whether these keep a range or one year: {unlisted}"


@pytest.mark.parametrize("stem", sorted(RANGE_ROWS))
def test_a_figure_for_a_span_keeps_the_span(stem):
    rows = _rows(stem)
    for obs_id in RANGE_ROWS[stem]:
        row = rows[obs_id]
        assert row["school_year"] == "", f"{obs_id}: a span of years is not one school year"
        assert re.search(r"\d{4}", row["period"]), f"{obs_id}: period must name the span"
        assert "research" not in row["period"], f"{obs_id}: period is shown to readers"
