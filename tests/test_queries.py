"""Queries return the published values, cite their sources, bind parameters, and read only."""

from __future__ import annotations

import re

import duckdb
import pytest

import queries
from data.build import build
from tests.conftest import edit_csv

YEAR = "2023-24"
TOTAL = 346_131_854


def test_every_sql_file_uses_named_parameters_only():
    for name, sql in queries.SQL.items():
        body = re.sub(r"--[^\n]*", "", sql)
        assert "?" not in body, f"{name}.sql uses a positional parameter"
        assert not re.search(r"\{[a-z_]*\}|%s|%\(", body), f"{name}.sql looks string-formatted"
        assert body.strip(), name


def test_budget_by_category_values_and_shares():
    frame = queries.run("budget_by_category", school_year=YEAR).frame.set_index("category_id")
    assert frame["budgeted_usd"].sum() == TOTAL
    assert frame.loc["law_enforcement", "budgeted_usd"] == 44_485_774
    assert frame.loc["law_enforcement", "share"] == pytest.approx(44_485_774 / TOTAL)
    assert round(frame.loc["law_enforcement", "share"] * 100, 1) == 12.9
    assert frame.loc["mental_health_wellness", "budgeted_usd"] == 120_352_057 + 1_562_332 + 1_924_608
    assert frame.loc["community_based_safety", "budgeted_usd"] == 14_161_600
    assert frame["share"].sum() == pytest.approx(1.0)


def test_reconciliation_shows_published_and_computed_totals():
    frame = queries.run("budget_reconciliation", school_year=YEAR).frame.set_index("measure")
    assert float(frame.loc["usd", "published_value"]) == TOTAL
    assert float(frame.loc["usd", "difference"]) == 0
    assert float(frame.loc["fte", "published_value"]) == 3526
    assert float(frame.loc["fte", "computed_value"]) == 3525
    assert float(frame.loc["fte", "difference"]) == 1
    assert int(frame.loc["fte", "lines_without_value"]) == 1


def test_deployments_by_region_and_board_district():
    region = queries.run("deployments_by_region", school_year=YEAR).frame.set_index("region")
    assert region["deployments"].to_dict() == {"East": 7, "North": 12, "South": 8, "West": 14}
    assert region.loc["West", "share"] == pytest.approx(14 / 41)
    bd = queries.run("deployments_by_board_district", school_year=YEAR).frame.set_index("board_district")
    assert bd["deployments"].to_dict() == {1: 6, 2: 4, 3: 4, 4: 6, 5: 6, 6: 7, 7: 8}
    assert bd.loc[7, "member"] == "Tanya Ortiz Franklin"
    recon = queries.run("deployment_reconciliation", school_year=YEAR).frame
    assert set(recon["difference"]) == {0} and set(recon["published_value"]) == {41}


def test_deployment_headline_share_of_sites_is_flagged_approximate():
    row = queries.run("deployment_headline", school_year=YEAR).frame.iloc[0]
    assert (row["deployments"], row["campuses"], row["sites"]) == (41, 36, 780)
    assert bool(row["sites_approx"]) and row["sites_qualifier"] == "~"
    assert row["campus_share"] == pytest.approx(36 / 780)


def test_results_name_the_sources_they_drew_on():
    result = queries.run("budget_lines", school_year=YEAR)
    assert result.source_ids == ("lausd-2024-04-09-safety-updates",)
    by_bd = queries.run("deployments_by_board_district", school_year=YEAR)
    assert "lausd-2024-04-09-safety-updates" in by_bd.source_ids
    assert len(by_bd.source_ids) > 1  # board members come from their own sources
    events = queries.run("timeline")
    assert set(events.source_ids) == set(events.frame["source_id"])


def test_sources_by_id_binds_a_list():
    frame = queries.run("sources_by_id", source_ids=["lausd-2024-04-09-safety-updates", "x' OR '1'='1"]).frame
    assert list(frame["source_id"]) == ["lausd-2024-04-09-safety-updates"]


def test_unknown_year_returns_nothing_rather_than_failing():
    assert queries.run("budget_lines", school_year="2099-00").frame.empty


def test_wrong_parameters_and_names_are_refused():
    with pytest.raises(queries.QueryError):
        queries.run("budget_lines")
    with pytest.raises(queries.QueryError):
        queries.run("budget_lines", school_year=YEAR, extra=1)
    with pytest.raises(queries.QueryError):
        queries.run("no_such_query")


def test_results_are_copies_so_callers_cannot_poison_the_cache():
    first = queries.run("budget_lines", school_year=YEAR)
    first.frame.loc[:, "budgeted_usd"] = 0
    again = queries.run("budget_lines", school_year=YEAR)
    assert again.frame["budgeted_usd"].sum() == TOTAL


def test_the_connection_is_read_only():
    queries.run("budget_lines", school_year=YEAR)
    with pytest.raises(duckdb.Error):
        queries._reader.cursor().execute("DELETE FROM budget_lines")


def test_a_rebuilt_database_is_picked_up(data_copy, tmp_path, monkeypatch):
    db = tmp_path / "swap.duckdb"
    build(data_copy, db)
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    try:
        assert queries.run("deployments_by_region", school_year=YEAR).frame["deployments"].sum() == 41
        edit_csv(data_copy / "deployments_by_region.csv", 1, "deployments", "9")
        build(data_copy, db)
        assert queries.run("deployments_by_region", school_year=YEAR).frame["deployments"].sum() == 43
    finally:
        queries.reset()


def test_every_query_runs_on_the_real_data():
    samples = {"school_year": YEAR, "source_ids": ["lausd-2024-04-09-safety-updates"], "kind": "", "table": "sources"}
    for name in queries.names():
        params = {p: samples[p] for p in queries.parameters(name)}
        assert not queries.run(name, **params).frame.empty, name


@pytest.mark.slow
def test_uncached_readers_survive_database_swaps(data_copy, tmp_path, monkeypatch):
    """Threads querying while the file is rebuilt and swapped: no errors, only old or new values."""
    import threading

    db = tmp_path / "swap.duckdb"
    build(data_copy, db)
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    errors, seen, done = [], set(), threading.Event()

    def reader(n):
        i = 0
        while not done.is_set():
            i += 1
            try:  # a new year each time: never a cache hit, always a real query on the current connection
                queries.run("budget_lines", school_year=f"{1900 + (i % 99):04d}-{(i % 99 + 1) % 100:02d}")
                seen.add(int(queries.run("deployments_by_region", school_year=YEAR).frame["deployments"].sum()))
            except Exception as exc:  # noqa: BLE001
                errors.append(repr(exc))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    try:
        for th in threads:
            th.start()
        for value in ("9", "11", "13", "7", "10"):
            edit_csv(data_copy / "deployments_by_region.csv", 1, "deployments", value)
            build(data_copy, db)
    finally:
        done.set()
        for th in threads:
            th.join()
        queries.reset()
    assert errors == []
    assert seen <= {41, 43, 45, 47, 44}


def test_the_sources_page_counts_every_table_that_cites_a_source(test_database):
    """A table added with a source column is counted on the Sources page (and none is counted twice)."""
    con = duckdb.connect(str(test_database), read_only=True)
    try:
        columns = con.execute(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.tables t USING (table_name) "
            "WHERE t.table_type = 'BASE TABLE' AND c.column_name LIKE '%source_id' AND c.table_name <> 'sources'"
        ).fetchall()
    finally:
        con.close()
    sql = queries.SQL["sources_all"]
    selects = re.findall(r"SELECT (\w+) FROM (\w+)", sql)
    assert sorted(selects) == sorted((col, table) for table, col in columns)
