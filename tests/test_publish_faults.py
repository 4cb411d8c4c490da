"""A publish killed at any moment leaves a readable database with the old or the new content, never a mix, and
the CSVs end up from the same version as the database.

Two ways of killing `python -m data.publish publish ...` (a real subprocess, SIGKILL, no clean-up code runs):
- at each named step of the commit (fault injection: SAFETY_PUBLISH_CRASH_AT), with the exact outcome expected;
- at random moments, PUBLISH_KILL_RUNS times (default 4; the report run used 20).
After each kill: the database is opened and its rows compared with the old and new versions, then the next start
(ensure_database) must leave CSVs, database and fingerprint all from one version.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from data.build import build, fingerprint
from data.layout import PUBLISH_JOURNAL, csv_paths
from data.startup import ensure_database, stored_fingerprint
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.slow

SRC = "lausd-2024-04-09-safety-updates"
KILL_RUNS = int(os.environ.get("PUBLISH_KILL_RUNS", "4"))
ARTIFACTS = ROOT / "tests" / "artifacts"


def csv_set(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in csv_paths(data)}


def db_rows(db: Path) -> tuple:
    """What the database says for the table being published, and which CSV set it was built from."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $p AS db (READ_ONLY)", {"p": str(db)})
        rows = con.execute("SELECT * FROM db.deployments_by_region ORDER BY ALL").fetchall()
        stamp = con.execute("SELECT fingerprint FROM db.build_info").fetchone()[0]
        return stamp, rows
    finally:
        con.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A data copy with its database and an upload, copied fresh for every kill (cheaper than a build)."""
    root = tmp_path_factory.mktemp("faults")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = root / "safety.duckdb"
    build(data, db)
    upload = root / "next.csv"
    upload.write_text(
        "school_year,region,deployments,source_id,locator\n"
        f"2024-25,East,9,{SRC},next deck East\n2024-25,West,3,{SRC},next deck West\n",
        encoding="utf-8",
    )
    # the new version, computed once by a publish that is not interrupted
    done = root / "done"
    shutil.copytree(root, done, ignore=shutil.ignore_patterns("done"))
    started = time.monotonic()
    assert _run(done, {}).returncode == 0
    seconds = time.monotonic() - started
    old = {"csv": csv_set(data), "db": db_rows(db), "fp": fingerprint(data)}
    new = {"csv": csv_set(done / "data"), "db": db_rows(done / "safety.duckdb"), "fp": fingerprint(done / "data")}
    assert old["db"] != new["db"] and new["db"][0] == new["fp"]
    return root, old, new, seconds


def _command(site: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "data.publish",
        "--data-dir",
        str(site / "data"),
        "--db",
        str(site / "safety.duckdb"),
        "publish",
        "deployments_by_region",
        str(site / "next.csv"),
        "--mode",
        "upsert",
        "--who",
        "fault test",
        "--yes",
    ]


def _run(site: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(_command(site), cwd=ROOT, env={**os.environ, **env}, capture_output=True, timeout=120)


def _fresh(template_root: Path, tmp_path: Path, name: str) -> Path:
    site = tmp_path / name
    site.mkdir()
    shutil.copytree(template_root / "data", site / "data")
    shutil.copy2(template_root / "safety.duckdb", site / "safety.duckdb")
    shutil.copy2(template_root / "next.csv", site / "next.csv")
    return site


def _check_after_kill(site: Path, old: dict, new: dict) -> tuple[str, str]:
    """Returns (database version right after the kill, version after the next start): 'old' or 'new'."""
    data, db = site / "data", site / "safety.duckdb"
    now = db_rows(db)  # readable, or this raises
    assert now in (old["db"], new["db"]), "the database mixes versions"
    right_after = "old" if now == old["db"] else "new"
    result = ensure_database(data, db)  # what the app does at its next start
    assert result.action in ("current", "built")
    files = csv_set(data)
    assert files in (old["csv"], new["csv"]), "the CSVs mix versions"
    settled = "old" if files == old["csv"] else "new"
    assert fingerprint(data) == stored_fingerprint(db) == (old if settled == "old" else new)["fp"]
    assert db_rows(db) == (old if settled == "old" else new)["db"]
    assert not (data / PUBLISH_JOURNAL).exists()
    assert [p.name for p in data.iterdir() if p.name.endswith(".publishing")] == []
    return right_after, settled


# step -> (database right after the kill, data after the next start)
STEPS = {
    "staged": ("old", "old"),  # new set written to history/.staging-*, nothing else
    "journal": ("old", "old"),  # journal written, version folder not yet in place: dropped
    "renamed": ("old", "new"),  # version in place, database not built: rolled forward
    "built": ("new", "new"),  # database swapped, CSVs not yet copied: rolled forward
    "mid-apply": ("new", "new"),  # some CSVs copied
    "applied": ("new", "new"),  # all copied, journal not yet removed
}


@pytest.mark.parametrize("step", list(STEPS))
def test_killed_at_each_step_of_the_commit(template, tmp_path, step):
    root, old, new, _ = template
    site = _fresh(root, tmp_path, step)
    proc = _run(site, {"SAFETY_PUBLISH_CRASH_AT": step})
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert _check_after_kill(site, old, new) == STEPS[step]
    kept = [
        json.loads((p / "manifest.json").read_text())["action"]
        for p in sorted((site / "data" / "history").iterdir())
        if not p.name.startswith(".")
    ]
    assert kept == (["baseline"] if STEPS[step][1] == "old" else ["baseline", "publish"])


def test_killed_at_random_moments(template, tmp_path):
    root, old, new, seconds = template
    rng = random.Random(7)
    outcomes = []
    for n in range(KILL_RUNS):
        site = _fresh(root, tmp_path, f"kill{n}")
        delay = rng.uniform(0.15, seconds * 1.1)
        proc = subprocess.Popen(_command(site), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        code = proc.wait(timeout=60)
        right_after, settled = _check_after_kill(site, old, new)
        if code == 0:
            assert (right_after, settled) == ("new", "new")
        outcomes.append(
            {"delay_s": round(delay, 3), "finished": code == 0, "db_after_kill": right_after, "after_restart": settled}
        )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "publish_kill_runs.json").write_text(
        json.dumps({"uninterrupted_publish_s": round(seconds, 2), "runs": outcomes}, indent=1)
    )
    assert len(outcomes) == KILL_RUNS
