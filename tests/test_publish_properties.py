"""Property-based tests (hypothesis) of the upload validator: it never crashes, it accepts what it should, and
its refusals always name a place."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.build import build
from data.publish import prepare
from data.validate_upload import MAX_CELL_CHARS, cell_problem, read_upload, school_year_problem, serialize
from tests.conftest import DATA

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 22)  # latest publishable school year: 2027-28
SRC = "lausd-2024-04-09-safety-updates"
REGIONS = ["East", "North", "South", "West"]
HEADER = ["school_year", "region", "deployments", "source_id", "locator"]
FAST = settings(max_examples=150, deadline=None)

# text a person would type in a label: letters (any script), digits, spaces and ordinary punctuation
safe_text = st.text(
    alphabet=st.characters(categories=("L", "N", "Zs"), include_characters=".,;:'()/%$&_"), min_size=1, max_size=80
).filter(lambda s: s.strip() and "&#" not in s)


@FAST
@given(st.text(max_size=300))
def test_cell_check_never_crashes_and_explains_itself(text):
    why = cell_problem(text)
    assert why is None or (isinstance(why, str) and why)


@FAST
@given(safe_text)
def test_ordinary_text_is_accepted(text):
    assert cell_problem(text) is None


@FAST
@given(st.sampled_from(["=", "+", "@", "\t", "|"]), st.text(max_size=40))
def test_formula_starts_are_refused(start, rest):
    assert cell_problem(start + rest) is not None


@FAST
@given(safe_text, st.sampled_from(["script", "img src=x", "/td", "iframe", "svg onload=1", "!--"]), safe_text)
def test_markup_anywhere_is_refused(before, tag, after):
    assert "markup" in cell_problem(f"{before}<{tag}>{after}")


@FAST
@given(st.integers(min_value=1900, max_value=2099))
def test_school_years(first):
    text = f"{first}-{(first + 1) % 100:02d}"
    why = school_year_problem(text, TODAY)
    if first <= 2027:
        assert why is None
    else:
        assert "in the future" in why and "2027-28" in why
    assert "not a school year" in school_year_problem(f"{first}-{(first + 2) % 100:02d}", TODAY)
    assert "not a school year" in school_year_problem(f"{first}-{first + 1}", TODAY)


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    upload, problems = read_upload(data, "x.csv", TODAY, HEADER)
    assert upload is not None or problems
    for p in problems:
        assert p.file == "x.csv" and p.message
        assert p.row is None or 1 <= p.row <= data.count(b"\n") + 1


@FAST
@given(st.lists(st.lists(safe_text, min_size=5, max_size=5), min_size=1, max_size=20))
def test_serialize_round_trips_and_is_stable(rows):
    header = ["a", "b", "c", "d", "e"]
    raw = serialize(header, rows)
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    upload, problems = read_upload(raw, "x.csv", TODAY, header)
    assert problems == [] and upload.records == rows
    assert serialize(upload.header, upload.records) == raw


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("props")
    shutil.copytree(DATA, root / "data", ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    build(root / "data", root / "safety.duckdb")
    return root / "data"


region_row = st.fixed_dictionaries(
    {
        "year": st.integers(min_value=2024, max_value=2027),
        "region": st.sampled_from(REGIONS),
        "deployments": st.integers(min_value=0, max_value=500),
        "locator": safe_text,
    }
)


def as_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for r in rows:
        w.writerow([f"{r['year']}-{(r['year'] + 1) % 100:02d}", r["region"], r["deployments"], SRC, r["locator"]])
    return out.getvalue().encode()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(region_row, min_size=1, max_size=6, unique_by=lambda r: (r["year"], r["region"])),
    bad=st.integers(min_value=0, max_value=5),
    negative=st.booleans(),
)
def test_valid_rows_preview_exactly_and_one_bad_cell_is_named(site, rows, bad, negative):
    """Upserted next-year rows are all 'added' (none exist yet); one broken cell is refused at its row/column."""
    raw = as_csv(rows)
    cand = prepare("deployments_by_region", raw, "gen.csv", "upsert", site, today=TODAY)
    assert cand.ok, [str(p) for p in cand.problems]
    assert cand.counts() == {"added": len(rows), "changed": 0, "removed": 0}
    broken = [dict(r) for r in rows]
    row = bad % len(rows)
    if negative:
        broken[row]["deployments"] = -1 - broken[row]["deployments"]
        column = "deployments"
    else:
        broken[row]["region"] = broken[row]["region"].upper() + "X"
        column = "region"
    cand = prepare("deployments_by_region", as_csv(broken), "gen.csv", "upsert", site, today=TODAY)
    assert not cand.ok
    assert [(p.row, p.column) for p in cand.problems] == [(row + 1, column)]


def test_cell_length_limit_is_exact():
    assert cell_problem("x" * MAX_CELL_CHARS) is None
    assert "limit" in cell_problem("x" * (MAX_CELL_CHARS + 1))
