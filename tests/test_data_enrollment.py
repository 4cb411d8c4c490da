"""Enrollment scopes: a count that adds early and adult education is never a whole-district denominator.

Fingertip Facts 2018-19 prints three projected parts and their sum: graded and other enrollment including
charters (601,973), early education (21,524), adult education (70,592), total 694,096. Only the first is a
K-12-type count of the kind the per-student figures may divide by; the total also counts preschool and adult
learners.
"""

from __future__ import annotations

import duckdb
import pytest

from data.build import build
from tests.conftest import DATA, read_csv

ROOT = DATA.parent
WHOLE_DISTRICT = {"district_run_k12", "district_run_prek12", "incl_charters"}


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("enrollment") / "safety.duckdb"
    build(DATA, path)
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def _run(con, name: str, **params):
    sql = (ROOT / "queries" / f"{name}.sql").read_text(encoding="utf-8")
    return con.execute(sql, params).fetchdf()


def test_the_total_with_early_and_adult_education_has_its_own_scope():
    rows = {r["obs_id"]: r for r in read_csv("enrollment")}
    total = next(r for r in rows.values() if r["students"] == "694096")
    assert total["scope"] == "incl_charters_early_adult"
    graded = next(r for r in rows.values() if r["students"] == "601973")
    assert graded["scope"] == "incl_charters"  # graded and other enrollment, charters included
    assert "projection" in graded["note"] and "projection" in total["note"]


def test_694096_is_never_a_per_student_denominator(fresh_db):
    per_student = _run(fresh_db, "laspd_budget_per_student")
    assert 694096 not in set(per_student["students"])
    assert set(per_student["scope"]) <= WHOLE_DISTRICT
    # the 2018-19 budget is still divided by the graded count, which is a whole-district scope
    assert 601973 in set(per_student.loc[per_student["school_year"] == "2018-19", "students"])


def test_enrollment_by_year_marks_the_total_as_not_whole_district(fresh_db):
    year = _run(fresh_db, "enrollment_by_year", school_year="2018-19")
    flags = dict(zip(year["students"], year["whole_district"]))
    assert not bool(flags[694096])
    assert bool(flags[601973]) is True


def test_schema_and_dictionary_know_the_scope():
    assert "'incl_charters_early_adult'" in (DATA / "schema.sql").read_text(encoding="utf-8")
    assert "incl_charters_early_adult" in (DATA / "README.md").read_text(encoding="utf-8")
