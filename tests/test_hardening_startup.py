"""Issue 18, classes 2 and 6: stage, then prove, then publish; start-up that heals.

- A database that passes the rules but breaks a page question is refused, and the site keeps serving the old data
  (a synthetic question that overflows on valid data, and a synthetic check registered with data.proof).
- A refused publish writes nothing anywhere (not data/, not data/history, not the database).
- A database damaged in the middle (its fingerprint table still reads) is found at start and rebuilt; with broken
  CSVs it is rebuilt from the last good version in data/history.
- With the data folder read-only (simulated: writes below it are refused with EACCES, as root ignores chmod), a
  good database is served as it is (with the reason for staff), and a damaged one
  is rebuilt elsewhere and served from there.
- Temporary files left by killed builds, imports and publishes are removed at the next start; a file whose writer
  is alive is kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from data import proof, startup
from data.build import build, fingerprint
from data.layout import default_db_path
from data.problems import BuildError
from data.publish import PublishError, prepare, publish
from data.startup import ensure_database, healthy, stored_fingerprint
from tests.conftest import DATA, ROOT, edit_csv

SRC = "lausd-2024-04-09-safety-updates"
REGION_HEADER = "school_year,region,deployments,source_id,locator"


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def site(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = tmp_path / "db" / "safety.duckdb"
    build(data, db)
    return data, db


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch, tmp_path):
    monkeypatch.setattr(startup, "_state", {"last": None, "cleaned": False})
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(tmp_path / "imports"))
    monkeypatch.setattr(startup, "fallback_db_path", lambda: tmp_path / "fallback" / "safety.duckdb")
    yield
    from data.layout import serve_from

    serve_from(None)


def db_sum(db: Path) -> int:
    con = duckdb.connect(":memory:")
    con.execute("ATTACH $p AS db (READ_ONLY)", {"p": str(db)})
    try:
        return con.execute("SELECT sum(deployments) FROM db.deployments_by_region").fetchone()[0]
    finally:
        con.close()


# ------------------------------------------------------------------------------------------- prove before swap


def test_a_question_that_breaks_on_valid_data_refuses_the_build_and_keeps_the_old_database(site, tmp_path):
    """Values inside every rule, but a page question that casts a sum to a 32-bit integer overflows on them."""
    data, db = site
    before = db.read_bytes()
    questions = tmp_path / "queries"
    questions.mkdir()
    for sql in (ROOT / "queries").glob("*.sql"):
        shutil.copy2(sql, questions / sql.name)
    (questions / "spending_total.sql").write_text(
        "SELECT CAST(sum(budgeted_usd) AS INTEGER) AS total FROM budget_lines WHERE school_year = $school_year;\n"
    )
    edit_csv(data / "budget_lines.csv", 1, "budgeted_usd", "19000000000")  # allowed: below $20 billion
    original = proof.QUERIES_DIR
    proof.QUERIES_DIR = questions
    try:
        with pytest.raises(BuildError) as caught:
            build(data, db)
    finally:
        proof.QUERIES_DIR = original
    text = str(caught.value)
    assert "spending_total" in text and "school_year 2023-24" in text and "too large" in text, text
    assert "INT" not in text.replace("INTEGER", "") and "Conversion" not in text
    assert db.read_bytes() == before  # the site keeps serving the old data


def test_a_registered_check_refuses_a_publish_and_nothing_is_written(site):
    data, db = site
    before_data, before_db = tree(data), db.read_bytes()
    upload = (REGION_HEADER + f"\n2024-25,East,9,{SRC},next deck East\n").encode()
    cand = prepare("deployments_by_region", upload, "next.csv", "upsert", data)
    assert cand.ok, cand.problems
    remove = proof.register(lambda con: [proof.Problem.of("the new data", "proof.hook_failed", reason="synthetic")])
    try:
        with pytest.raises(PublishError, match="synthetic"):
            publish(cand, "Ana", data, db)
    finally:
        remove()
    assert tree(data) == before_data and db.read_bytes() == before_db
    assert not (data / "history").exists()
    assert db_sum(db) == db_sum(db)  # still readable: the site keeps serving


def test_the_overflow_case_is_refused_and_the_site_keeps_serving(site):
    """A budget line of 9,223,372,036,854,775,807 dollars made Overview and Spending fail for every visitor."""
    data, db = site
    line = (
        "school_year,line_id,position_item,position_item_es,location_level,fte,budgeted_usd,approx,source_id,locator\n"
        f"2023-24,sworn-peace-officers,Sworn Peace Officers,agentes juramentados,school_site,,9223372036854775807,false,"
        f"{SRC},slide\n"
    )
    cand = prepare("budget_lines", line.encode(), "huge.csv", "upsert", data)
    assert not cand.ok and "outside the allowed range" in str(cand.problems[0])
    before = db.read_bytes()
    with pytest.raises(PublishError):
        publish(cand, "x", data, db)
    assert db.read_bytes() == before and not (data / "history").exists()
    con = duckdb.connect(":memory:")
    con.execute("ATTACH $p AS db (READ_ONLY)", {"p": str(db)})
    con.execute("USE db")
    for sql in proof.questions().values():  # every page question still answers
        params = {
            p: (
                "2023-24"
                if p == "school_year"
                else [SRC]
                if p == "source_ids"
                else "regions"
                if p == "table"
                else "district"
            )
            for p in proof.parameters(sql)
        }
        con.execute(sql, params or None).fetchall()
    con.close()


def test_nothing_to_publish_writes_nothing_anywhere(site):
    data, db = site
    before = tree(data)
    same = prepare(
        "deployments_by_region", (data / "deployments_by_region.csv").read_bytes(), "same.csv", "replace", data
    )
    with pytest.raises(PublishError, match="Nothing to publish"):
        publish(same, "Ana", data, db)
    assert tree(data) == before and not (data / "history").exists()


# ------------------------------------------------------------------------------------------- healing start-up


def corrupt_a_table_block(db: Path, table: str = "budget_lines") -> None:
    """Zero 4 kB inside a storage block that holds `table` (the file's small fingerprint table still reads)."""
    con = duckdb.connect(":memory:")
    con.execute("ATTACH $p AS db (READ_ONLY)", {"p": str(db)})
    block = con.execute(f"SELECT min(block_id) FROM pragma_storage_info('db.{table}') WHERE block_id >= 0").fetchone()[
        0
    ]
    con.close()
    raw = bytearray(db.read_bytes())
    offset = 3 * 4096 + block * 262_144 + 100
    raw[offset : offset + 4096] = bytes(4096)
    db.write_bytes(bytes(raw))


def test_a_file_damaged_in_the_middle_is_found_and_rebuilt(site):
    data, db = site
    corrupt_a_table_block(db)
    assert stored_fingerprint(db) == fingerprint(data)  # what the old start-up looked at: it still reads
    assert not healthy(db)
    result = ensure_database(data, db)
    assert result.action == "rebuilt_damaged"
    assert healthy(db) and stored_fingerprint(db) == fingerprint(data)


def test_a_truncated_file_is_rebuilt(site):
    data, db = site
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) * 3 // 4])
    assert ensure_database(data, db).action == "rebuilt_damaged"
    assert healthy(db)


@pytest.mark.slow  # a crash, a kill or another process (pytest.ini)
def test_damaged_file_and_broken_csvs_rebuild_from_the_last_good_version(site):
    data, db = site
    cand = prepare(
        "deployments_by_region", (REGION_HEADER + f"\n2024-25,East,9,{SRC},x\n").encode(), "n.csv", "upsert", data
    )
    publish(cand, "Ana", data, db)  # history now holds a baseline and this version
    corrupt_a_table_block(db, "deployments_by_region")
    edit_csv(data / "budget_lines.csv", 1, "budgeted_usd", "lots")
    result = ensure_database(data, db)
    assert result.action == "rebuilt_from_history" and "lots" in str(result.error)
    assert healthy(db) and db_sum(db) == 41 + 9


def test_a_healthy_database_is_kept_and_staff_are_told_when_the_csvs_are_broken(site):
    data, db = site
    before = db.read_bytes()
    edit_csv(data / "budget_lines.csv", 1, "fte", "338.005")
    result = ensure_database(data, db)
    assert result.action == "kept_previous" and result.reason == "csv_problems"
    assert "never rounded" in str(result.error) and startup.last_result() is result
    assert db.read_bytes() == before


def test_read_only_data_folder_serves_the_last_good_database(site, monkeypatch):
    """CSVs newer than the database, and the folder cannot be written: serve the database, tell staff why."""
    data, db = site
    edit_csv(data / "deployments_by_region.csv", 1, "locator", "a newer locator")
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(db.parent)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(13, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    before = db.read_bytes()
    result = ensure_database(data, db)
    assert result.action == "kept_previous" and result.reason == "read_only"
    assert "read-only" in str(result.error) and "Errno" not in str(result.error)
    assert db.read_bytes() == before and default_db_path() == Path(os.environ["SAFETY_DB_PATH"])


def test_read_only_and_damaged_rebuilds_elsewhere_and_serves_that(site, monkeypatch, tmp_path):
    data, db = site
    corrupt_a_table_block(db)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(db.parent)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(13, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    result = ensure_database(data, db)
    assert result.action == "served_elsewhere"
    served = Path(result.served)
    assert served == tmp_path / "fallback" / "safety.duckdb" and default_db_path() == served
    assert healthy(served) and stored_fingerprint(served) == fingerprint(data)


def test_leftovers_of_killed_writers_are_removed_at_the_next_start(site, tmp_path):
    data, db = site
    imports = tmp_path / "imports"
    imports.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)  # a process that has ended
    leftovers = [
        db.parent / f"safety.duckdb.{pid}-0123abcd.building",
        db.parent / f"safety.duckdb.{pid}-0123abcd.building.wal",
        imports / f"campus_deployments.duckdb.{pid}-89abcdef.importing",
        data / f".budget_lines.csv.{pid}-deadbeef.publishing",
    ]
    alive = db.parent / f"safety.duckdb.{os.getpid()}-feedf00d.building"  # this process: still writing
    for path in [*leftovers, alive]:
        path.write_bytes(b"x" * 1000)
    result = ensure_database(data, db)
    assert result.action == "current"
    assert sorted(result.removed) == sorted(p.name for p in leftovers)
    assert not any(p.exists() for p in leftovers) and alive.exists()


@pytest.mark.slow  # a crash, a kill or another process (pytest.ini)
def test_a_killed_build_leaves_nothing_after_the_next_start(site):
    """A real build killed mid-way (SIGKILL), then the next start."""
    data, db = site
    edit_csv(data / "deployments_by_region.csv", 1, "locator", "changed")
    code = (
        "import os, sys\n"
        "import data.build as b\n"
        "real = b.record_content\n"
        "def die(con):\n"
        "    real(con)\n"
        "    os.kill(os.getpid(), 9)\n"
        "b.record_content = die\n"
        f"b.build(__import__('pathlib').Path({str(data)!r}), __import__('pathlib').Path({str(db)!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True)
    assert proc.returncode == -9
    assert [p.name for p in db.parent.iterdir() if ".building" in p.name]  # the killed build's file is there
    ensure_database(data, db)
    assert not [p.name for p in db.parent.iterdir() if ".building" in p.name]
    assert healthy(db) and stored_fingerprint(db) == fingerprint(data)


def test_every_table_is_read_at_start_not_only_the_fingerprint(site):
    """The start-up check reads each table's content: a file whose rows differ from what its build stored fails."""
    data, db = site
    con = duckdb.connect(str(db))
    con.execute("UPDATE deployments_by_region SET deployments = deployments + 1 WHERE region = 'East'")
    con.close()
    assert stored_fingerprint(db) == fingerprint(data) and not healthy(db)
    assert ensure_database(data, db).action == "rebuilt_damaged"
    assert db_sum(db) == 41


def test_a_really_read_only_folder_serves_the_last_good_database(site):
    """The same, with the folder made immutable (chattr +i, as root on ext4): nothing can be written in it."""
    data, db = site
    edit_csv(data / "deployments_by_region.csv", 1, "locator", "a newer locator")
    if subprocess.run(["chattr", "+i", str(db.parent)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        before = db.read_bytes()
        result = ensure_database(data, db)
        assert result.action == "kept_previous" and result.reason == "read_only"
        assert db.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(db.parent)], check=True)
