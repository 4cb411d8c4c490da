"""The build swaps databases atomically, keeps the old one on failure, and copes with many starters."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
from pathlib import Path

import duckdb
import pytest

from data.build import build, fingerprint
from data.problems import BuildError
from data.startup import ensure_database, stored_fingerprint
from tests.conftest import edit_csv


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building" in p.name or p.name.endswith(".wal"))


def test_build_writes_a_complete_database(data_copy, tmp_path):
    db = tmp_path / "safety.duckdb"
    counts = build(data_copy, db)
    assert counts["budget_lines"] == 12 and counts["sources"] > 100
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT sum(budgeted_usd) FROM budget_lines").fetchone()[0] == 346_131_854
        assert con.execute("SELECT fingerprint FROM build_info").fetchone()[0] == fingerprint(data_copy)
    finally:
        con.close()
    assert _leftovers(tmp_path) == []


def test_failed_build_leaves_the_previous_database_byte_for_byte(data_copy, tmp_path):
    db = tmp_path / "safety.duckdb"
    build(data_copy, db)
    before = _digest(db)
    edit_csv(data_copy / "budget_lines.csv", 1, "budgeted_usd", "-1")
    with pytest.raises(BuildError):
        build(data_copy, db)
    assert _digest(db) == before
    assert _leftovers(tmp_path) == []


def test_ensure_builds_when_missing_then_reports_current(data_copy, tmp_path):
    db = tmp_path / "safety.duckdb"
    assert ensure_database(data_copy, db).action == "built"
    assert ensure_database(data_copy, db).action == "current"


def test_ensure_rebuilds_when_a_csv_changes(data_copy, tmp_path):
    db = tmp_path / "safety.duckdb"
    ensure_database(data_copy, db)
    edit_csv(data_copy / "deployments_by_region.csv", 1, "locator", "changed locator")
    assert ensure_database(data_copy, db).action == "built"
    assert stored_fingerprint(db) == fingerprint(data_copy)


@pytest.mark.parametrize("garbage", [b"", b"not a database at all", b"\x00" * 4096])
def test_ensure_rebuilds_a_damaged_file(data_copy, tmp_path, garbage):
    db = tmp_path / "safety.duckdb"
    db.write_bytes(garbage)
    result = ensure_database(data_copy, db)
    assert result.action == "rebuilt_damaged"
    assert stored_fingerprint(db) == fingerprint(data_copy)


def test_ensure_keeps_the_previous_database_when_the_csvs_are_broken(data_copy, tmp_path):
    db = tmp_path / "safety.duckdb"
    ensure_database(data_copy, db)
    before = _digest(db)
    edit_csv(data_copy / "budget_lines.csv", 2, "fte", "lots")
    result = ensure_database(data_copy, db)
    assert result.action == "kept_previous"
    assert "data/budget_lines.csv, row 2" in str(result.error) and "'fte'" in str(result.error)
    assert _digest(db) == before


def test_ensure_raises_plainly_when_broken_and_nothing_to_fall_back_on(data_copy, tmp_path):
    edit_csv(data_copy / "regions.csv", 1, "region", "Nowhere")
    with pytest.raises(BuildError, match=r"data/regions.csv, row 1"):
        ensure_database(data_copy, tmp_path / "safety.duckdb")


def _start(args):
    data_dir, db = args
    from data.startup import ensure_database as ensure

    return ensure(Path(data_dir), Path(db)).action


@pytest.mark.slow
def test_many_processes_starting_at_once_build_once_and_agree(data_copy, tmp_path):
    db = tmp_path / "safety.duckdb"
    with mp.get_context("spawn").Pool(6) as pool:
        actions = pool.map(_start, [(str(data_copy), str(db))] * 6)
    assert actions.count("built") == 1, actions  # the lock lets one build; the rest find it current
    assert set(actions) <= {"built", "current"}
    assert stored_fingerprint(db) == fingerprint(data_copy)
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_a_reader_never_sees_a_half_built_file(data_copy, tmp_path):
    """While rebuilds swap files underneath, every read sees a whole database (old or new)."""
    import threading

    db = tmp_path / "safety.duckdb"
    build(data_copy, db)
    errors, done = [], threading.Event()

    def rebuild():
        for i in range(5):
            edit_csv(data_copy / "deployments_by_region.csv", 1, "locator", f"rebuild {i}")
            build(data_copy, db)
        done.set()

    def read():
        while not done.is_set():
            try:
                con = duckdb.connect(str(db), read_only=True)
                total = con.execute("SELECT sum(budgeted_usd) FROM budget_lines").fetchone()[0]
                con.close()
                if total != 346_131_854:
                    errors.append(total)
            except duckdb.Error as exc:  # noqa: PERF203
                errors.append(str(exc))

    writer = threading.Thread(target=rebuild)
    reader = threading.Thread(target=read)
    reader.start()
    writer.start()
    writer.join()
    reader.join()
    assert errors == []


@pytest.mark.slow
def test_a_swap_by_another_process_is_seen_without_a_second_build(data_copy, tmp_path, monkeypatch):
    """This process holds the old file open (as the app does); another process rebuilds; no rebuild here."""
    import subprocess
    import sys

    import queries
    from tests.conftest import ROOT

    db = tmp_path / "safety.duckdb"
    build(data_copy, db)
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    try:
        assert queries.run("deployments_by_region", school_year="2023-24").frame["deployments"].sum() == 41
        edit_csv(data_copy / "deployments_by_region.csv", 1, "deployments", "9")
        code = "import sys; from pathlib import Path; from data.build import build; build(Path(sys.argv[1]), Path(sys.argv[2]))"
        subprocess.run([sys.executable, "-c", code, str(data_copy), str(db)], check=True, cwd=ROOT)
        assert ensure_database(data_copy, db).action == "current"
        assert queries.run("deployments_by_region", school_year="2023-24").frame["deployments"].sum() == 43
    finally:
        queries.reset()
