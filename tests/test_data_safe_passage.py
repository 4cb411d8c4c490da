"""Safe-passage sites: a status is stored with the year its source reported it, and an old report is not news.

Most named sites come from a 1996 or a 2004 Los Angeles Times story. "Running" then is not "running" now: every
row says when its status was reported (status_reported, as the source dates it; status_year), and the sites
query says whether that status may be presented as current (status_is_current: reported in 2020 or later).
"""

from __future__ import annotations

import pandas as pd

import queries
from tests.conftest import DATA, read_csv

SOURCES = {r["source_id"]: r for r in read_csv("sources")}
CURRENT_FROM = 2020


def test_every_site_says_when_its_status_was_reported():
    for row in read_csv("safe_passage_sites"):
        assert row["status_reported"].strip(), f"{row['site_id']}: status_reported is empty"
        if row["status"] == "running":
            # a running status needs the year it was reported; only an undated source may leave it blank
            assert row["status_year"] or "undated" in row["status_reported"], row["site_id"]


def test_status_year_is_the_year_of_the_rows_source_where_the_source_is_dated():
    for row in read_csv("safe_passage_sites"):
        published = SOURCES[row["source_id"]]["published"]
        if published and row["status_year"]:
            assert int(row["status_year"]) == int(published[:4]), row["site_id"]


def test_the_1996_and_2004_reports_keep_their_status_with_their_year():
    rows = {r["site_id"]: r for r in read_csv("safe_passage_sites")}
    for site in ("washington-prep-hs-2004-volunteer", "locke-hs-2004-volunteer", "morningside-es-2004-volunteer"):
        assert (rows[site]["status"], rows[site]["status_year"]) == ("running", "2004"), site
    kid_watch = [r for r in rows.values() if r["site_id"].endswith("usc-kid-watch")]
    assert len(kid_watch) == 5 and {(r["status"], r["status_year"]) for r in kid_watch} == {("running", "1996")}


def test_no_status_reported_before_2020_is_presented_as_current():
    frame = queries.run("safe_passage_sites").frame
    assert "status_is_current" in frame.columns and "status_year" in frame.columns
    assert "status_reported" in frame.columns
    for _, r in frame.iterrows():
        year = r["status_year"]
        expected = bool(pd.notna(year) and int(year) >= CURRENT_FROM)
        assert bool(r["status_is_current"]) is expected, r["site_id"]
    old_running = frame[(frame["status"] == "running") & ~frame["status_is_current"].astype(bool)]
    assert len(old_running) >= 8  # 3 sites of 2004, 5 of 1996, and the undated one


def test_dictionary_describes_the_new_columns():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    assert "status_reported" in text and "status_year" in text and "status_is_current" in text
