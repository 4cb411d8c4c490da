"""A figure or an event cites the source that says it.

Checked against the research tables' own rows (URL, value, verbatim snippet): the snippet of a research row
citing the row's source must hold the figure or the words of the event.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import read_csv
from tests.test_data_research import rows_citing

SOURCES = {r["source_id"]: r for r in read_csv("sources")}


def _rows(stem: str) -> dict[str, dict]:
    return {r["obs_id"]: r for r in read_csv(stem)}


def _snippets(source_id: str) -> list[str]:
    return [r.get("snippet", "") for r in rows_citing(SOURCES[source_id])]


# ------------------------------------------------------------------------------------------- the 2020 cut


def test_every_cut_percentage_is_in_its_own_sources_words():
    cuts = [r for r in read_csv("laspd_history") if r["metric"] == "budget_cut_percent"]
    assert cuts
    for row in cuts:
        pct = f"{Decimal(row['value']).normalize()}%"
        assert any(pct in s for s in _snippets(row["source_id"])), (
            f"{row['obs_id']}: no research snippet of {row['source_id']} says {pct}"
        )


def test_the_35_percent_cut_cites_the_article_that_says_35_percent():
    row = _rows("laspd_history")["laspd-cut-pct-2020-21-laist"]
    assert row["source_id"] == "laist-2020-06-30-laspd-budget-cut"
    assert any("35%" in s for s in _snippets(row["source_id"]))


def test_the_vote_event_cites_an_article_that_says_4_3_and_25_million():
    event = next(r for r in read_csv("timeline") if r["event_id"] == "laspd-cut-vote")
    assert "4-3" in event["event"] and "$25 million" in event["event"]
    assert any("4-3" in s and "$25 million" in s for s in _snippets(event["source_id"])), event["source_id"]
    assert event["event_date"] == "2020-06-30"


def test_the_positions_event_cites_an_article_that_says_133():
    events = {r["event_id"]: r for r in read_csv("timeline")}
    cut = events["laspd-positions-cut-bsap"]
    assert "133" in cut["event"]
    assert any("133" in s for s in _snippets(cut["source_id"])), cut["source_id"]


@pytest.mark.parametrize("event_id", [r["event_id"] for r in read_csv("timeline")])
def test_no_timeline_note_points_the_reader_to_another_source_by_id(event_id):
    event = next(r for r in read_csv("timeline") if r["event_id"] == event_id)
    named = [sid for sid in SOURCES if sid in (event["note"] or "")]
    assert not named, f"{event_id}: note names {named}; cite the source that says it instead"
