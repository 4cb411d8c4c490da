"""Issue 18, class 1: plausibility and exactness rules, as data (data/rules.toml), read by the build, every upload
and every import. Hostile numbers and dates are generated here; each is refused with its row and column named, and
a value that would be rounded is refused, never rounded."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import duckdb
import pytest

from data import rules
from data.build import build
from data.csvio import table_columns
from data.layout import MANIFEST
from data.publish import PublishError, prepare, publish
from tests.conftest import DATA, ROOT, edit_csv

TODAY = dt.date(2026, 11, 29)
SRC = "lausd-2024-04-09-safety-updates"
LINE_HEADER = (
    "school_year,line_id,position_item,position_item_es,location_level,fte,budgeted_usd,approx,source_id,locator"
)
FACT_HEADER = "school_year,measure,value,approx,qualifier,as_of,source_id,locator"
NUMBERS = ("INTEGER", "BIGINT", "SMALLINT", "DOUBLE", "FLOAT", "REAL", "DATE")


def schema_columns() -> list[tuple[str, str, str]]:
    con = duckdb.connect(":memory:")
    con.execute((DATA / "schema.sql").read_text(encoding="utf-8"))
    out = []
    for table, _ in MANIFEST:
        for c in table_columns(con, table):
            if c.type in NUMBERS or c.type.startswith("DECIMAL"):
                out.append((table, c.name, c.type))
    return out


def test_every_number_and_date_column_of_the_schema_has_a_rule():
    missing = [f"{t}.{c} ({ty})" for t, c, ty in schema_columns() if not rules.has_rule(t, c)]
    assert not missing, "add these to data/rules.toml: " + ", ".join(missing)


def test_every_import_number_and_date_column_has_a_rule():
    from data import import_campus_records, import_roster

    for schema in (import_campus_records.SCHEMA, import_roster.SCHEMA):
        con = duckdb.connect(":memory:")
        con.execute(schema)
        for table in ("campus_deployments", "safe_passage_roster"):
            if not con.execute(
                "SELECT 1 FROM information_schema.tables WHERE table_name = $t", {"t": table}
            ).fetchall():
                continue
            for c in table_columns(con, table):
                if (c.type in NUMBERS or c.type.startswith("DECIMAL")) and c.name not in ("record_no", "row_number"):
                    assert rules.has_rule(table, c.name), f"{table}.{c.name}"


def test_rules_fit_their_columns_so_nothing_is_ever_rounded_or_overflows():
    types = {(t, c): ty for t, c, ty in schema_columns()}
    for r in rules.all_rules():
        ty = types.get((r.table, r.column))
        if ty is None:
            continue
        assert r.kind == ("date" if ty == "DATE" else "whole" if ty in rules.INTEGER_BOUNDS else "decimal"), r
        if ty.startswith("DECIMAL("):
            precision, scale = (int(x) for x in ty[8:-1].split(","))
            assert r.decimals <= scale, f"{r.table}.{r.column}: {r.decimals} decimals but the column keeps {scale}"
            assert max(abs(r.min), abs(r.max)) < 10 ** (precision - scale), r
        if ty in rules.INTEGER_BOUNDS:
            assert -rules.INTEGER_BOUNDS[ty] <= r.min <= r.max <= rules.INTEGER_BOUNDS[ty], r


def test_the_data_readme_shows_exactly_the_rules():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- rules:start.*?-->\n(.*?)\n<!-- rules:end -->", readme, re.S)
    assert section, "data/README.md needs the rules table between <!-- rules:start --> and <!-- rules:end -->"
    assert section.group(1).strip() == rules.markdown().strip(), "run: python -m data.rules --markdown"


def line(**over) -> str:
    row = {
        "school_year": "2024-25",
        "line_id": "school-climate-advocates",
        "position_item": "School Climate Advocates",
        "position_item_es": "defensores del clima escolar",
        "location_level": "school_site",
        "fte": "340",
        "budgeted_usd": "32000000",
        "approx": "false",
        "source_id": SRC,
        "locator": "next year's table, row 2",
    }
    row.update(over)
    return LINE_HEADER + "\n" + ",".join(f'"{v}"' if "," in v else v for v in row.values()) + "\n"


def fact(as_of: str, value: str = "40") -> str:
    return FACT_HEADER + f"\n2024-25,deployments,{value},false,,{as_of},{SRC},slide\n"


# id: (table, content, column, words in the message)
HOSTILE_NUMBERS = {
    "int64-max-dollars": (
        "budget_lines",
        line(budgeted_usd="9223372036854775807"),
        "budgeted_usd",
        "outside the allowed range",
    ),
    "more-than-the-district": ("budget_lines", line(budgeted_usd="20000000001"), "budgeted_usd", "20,000,000,000"),
    "rounded-fte": ("budget_lines", line(fte="338.005"), "fte", "never rounded"),
    "rounded-fte-4": ("budget_lines", line(fte="1.0001"), "fte", "at most 2"),
    "tenth-of-a-cent": (
        "budget_totals",
        "school_year,measure,published_value,approx,qualifier,source_id,locator\n"
        f"2024-25,usd,0.001,false,,{SRC},slide\n",
        "published_value",
        "never rounded",
    ),
    "cents-in-whole-dollars": ("budget_lines", line(budgeted_usd="32000000.50"), "budgeted_usd", "not a whole number"),
    "exponent": ("budget_lines", line(fte="3.39e2"), "fte", "not a number written with the digits 0-9"),
    "exponent-dollars": ("budget_lines", line(budgeted_usd="3e7"), "budgeted_usd", "not a whole number"),
    "underscore": ("budget_lines", line(budgeted_usd="3_39"), "budgeted_usd", "not a whole number"),
    "arabic-indic": ("budget_lines", line(budgeted_usd="\u0663\u0663\u0669"), "budgeted_usd", "not a whole number"),
    "full-width": ("budget_lines", line(fte="\uff13\uff13\uff18"), "fte", "digits 0-9"),
    "devanagari-year-digits": ("deployment_facts", fact("\u0968\u0966\u0968\u096a-04-09"), "as_of", "yyyy-mm-dd"),
    "plus-sign": ("budget_lines", line(fte="+5"), "fte", "formula"),
    "leading-point": ("budget_lines", line(fte=".5"), "fte", "digits 0-9"),
    "two-points": ("budget_lines", line(fte="1.2.3"), "fte", "digits 0-9"),
    "space-inside": ("budget_lines", line(budgeted_usd="32 000 000"), "budgeted_usd", "not a whole number"),
    "negative-count": ("deployment_facts", fact("2025-04-09", "-3"), "value", "negative"),
    "count-above-ceiling": ("deployment_facts", fact("2025-04-09", "100001"), "value", "outside the allowed range"),
    "5000-digits": ("budget_lines", line(budgeted_usd="9" * 5000), "budgeted_usd", "5,000 characters"),
    "1000-digits": ("budget_lines", line(budgeted_usd="9" * 1000), "budgeted_usd", "at most 24"),
    "year-1000": ("deployment_facts", fact("1000-01-01"), "as_of", "outside the dates allowed"),
    "year-9999": ("deployment_facts", fact("9999-12-31"), "as_of", "outside the dates allowed"),
    "nan": ("budget_lines", line(fte="nan"), "fte", "digits 0-9"),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("rules")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = root / "safety.duckdb"
    build(data, db)
    return data, db


@pytest.mark.parametrize("case", list(HOSTILE_NUMBERS))
def test_a_hostile_number_or_date_is_refused_with_row_and_column(published, case):
    data, db = published
    table, content, column, words = HOSTILE_NUMBERS[case]
    before = db.read_bytes()
    mode = "upsert"
    cand = prepare(table, content.encode("utf-8"), f"{case}.csv", mode, data, today=TODAY)
    assert not cand.ok, f"{case} was accepted"
    text = "\n".join(str(p) for p in cand.problems)
    assert words.lower() in text.lower(), text
    assert any(p.row == 1 and p.column == column for p in cand.problems), text
    for jargon in ("INT128", "INT64", "DECIMAL(", "Errno", "Conversion Error", "Traceback", "CHECK("):
        assert jargon not in text, text
    with pytest.raises(PublishError):
        publish(cand, "tester", data, db)
    assert db.read_bytes() == before
    assert not (data / "history").exists()


@pytest.mark.parametrize(
    "column, value, words",
    [
        ("fte", "338.005", "never rounded"),
        ("budgeted_usd", "9223372036854775807", "outside the allowed range"),
        ("budgeted_usd", "\uff13\uff13\uff19", "not a whole number"),
        ("fte", "3.39e2", "digits 0-9"),
    ],
)
def test_the_build_refuses_the_same_values_in_the_published_csvs(data_copy, tmp_path, column, value, words):
    edit_csv(data_copy / "budget_lines.csv", 2, column, value)
    from data.problems import BuildError

    with pytest.raises(BuildError) as caught:
        build(data_copy, tmp_path / "out.duckdb")
    assert "data/budget_lines.csv, row 2" in str(caught.value) and f"column '{column}'" in str(caught.value)
    assert words in str(caught.value)
    assert not (tmp_path / "out.duckdb").exists()


def test_values_at_the_edges_of_their_rules_are_accepted(published):
    data, _ = published
    cand = prepare(
        "budget_lines", line(fte="338.01", budgeted_usd="20000000000").encode(), "edge.csv", "upsert", data, today=TODAY
    )
    assert cand.problems == [] or all("spending category" in p.message for p in cand.problems), cand.problems


def test_number_reader_directly():
    rule = rules.rule_for("budget_lines", "fte")
    assert rules.number("338.01", rule) == rules.number("338.010", rule)  # a trailing zero is not a rounding
    with pytest.raises(ValueError, match="at most 24"):
        rules.number("9" * 5000, rule)
    for bad in ("338.005", "1e3", "1_000", "٣", "３", "-1", "1,000", " ", "0x10", "Infinity"):
        with pytest.raises(ValueError):
            rules.number(bad, rule)
    assert rules.rule_for("observations", "value", {"unit": "count"}).min < 0  # a published change may be negative
    assert rules.rule_for("observations", "value", {"unit": "usd"}).min == 0


def test_the_readme_documents_the_formats_staff_must_know():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in ("digits 0-9", "decimal point", "never rounded", "YYYY-MM-DD", "data/rules.toml"):
        assert words in readme, words


def test_a_20000_row_file_with_a_bad_last_row_is_checked_quickly(published):
    """It took 32-51 s (one insert per row to find the bad one); it must name the row within seconds."""
    import time

    data, _ = published
    header = (data / "laspd_history.csv").read_text(encoding="utf-8").splitlines()[0]
    rows = [header] + [
        f"o-{i},2023-24,,,sworn_officers,{i},count,false,,{'adopted' if i < 19_999 else 'guessed'},L {i},L {i} es,{SRC},"
        f"r {i},,,"
        for i in range(20_000)
    ]
    started = time.monotonic()
    cand = prepare("laspd_history", ("\n".join(rows) + "\n").encode(), "big.csv", "replace", data, today=TODAY)
    seconds = time.monotonic() - started
    assert [(p.row, p.column) for p in cand.problems] == [(20_000, "basis")]
    assert "'guessed' is not one of the allowed values" in cand.problems[0].message
    assert seconds < 20, seconds
