"""Shared test set-up: one database built from the real CSVs into a temp folder, used by every test.

The app's own data/safety.duckdb is never touched by the tests (SAFETY_DB_PATH points elsewhere).
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared" / "sources"


@pytest.fixture(scope="session", autouse=True)
def staff_state_file(tmp_path_factory):
    """Sign-in limits and the audit log go to a scratch file, never data/staff_state.sqlite3."""
    path = tmp_path_factory.mktemp("staff") / "staff_state.sqlite3"
    old = os.environ.get("SAFETY_STAFF_STATE")
    os.environ["SAFETY_STAFF_STATE"] = str(path)
    yield path
    if old is None:
        os.environ.pop("SAFETY_STAFF_STATE", None)
    else:
        os.environ["SAFETY_STAFF_STATE"] = old


@pytest.fixture(scope="session", autouse=True)
def test_database(tmp_path_factory):
    from data.build import build

    db = tmp_path_factory.mktemp("db") / "safety.duckdb"
    build(DATA, db)
    old = os.environ.get("SAFETY_DB_PATH")
    os.environ["SAFETY_DB_PATH"] = str(db)
    import queries

    queries.reset()
    yield db
    queries.reset()
    if old is None:
        os.environ.pop("SAFETY_DB_PATH", None)
    else:
        os.environ["SAFETY_DB_PATH"] = old


def read_csv(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A scratch copy of data/ (CSVs and schema) that a test may break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*"))
    return target


def edit_csv(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell (row 1 = first data row) of a CSV file, keeping everything else as it is."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
        fields = list(rows[0].keys())
    rows[row - 1][column] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
