"""Hostile and broken uploads: each gets a plain message naming its row and column, and nothing changes.

The files are generated here (HOSTILE below: one entry per file, with the table it is uploaded to, the row and
column the message must name, and words the message must contain). Every case is checked, refused by publish(),
and the published CSVs, the database file and the data folder are compared byte for byte before and after.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from data.build import build
from data.publish import PublishError, prepare, publish
from data.publish.cli import main
from tests.conftest import DATA

TODAY = dt.date(2026, 11, 22)  # fixed, so "future school year" does not drift: latest publishable is 2027-28
SRC = "lausd-2024-04-09-safety-updates"
REGION_HEADER = "school_year,region,deployments,source_id,locator"
BD_HEADER = "school_year,board_district,deployments,source_id,locator"
LINE_HEADER = (
    "school_year,line_id,position_item,position_item_es,location_level,fte,budgeted_usd,approx,source_id,locator"
)
TOTAL_HEADER = "school_year,measure,published_value,approx,qualifier,source_id,locator"
FACT_HEADER = "school_year,measure,value,approx,qualifier,as_of,source_id,locator"


def region_rows(*cells: str) -> str:
    """A deployments_by_region file for 2024-25: East, North, South, West; `cells` override row 3 (South)."""
    rows = [f"2024-25,{r},{n},{SRC},new slide {r}" for r, n in (("East", 7), ("North", 12), ("South", 8), ("West", 14))]
    if cells:
        rows[2] = ",".join(cells)
    return REGION_HEADER + "\n" + "\n".join(rows) + "\n"


def south(region="South", deployments="8", year="2024-25", source=SRC, locator="new slide South") -> str:
    """Row 3 of the region file with one value changed (CSV-quoted as needed)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([year, region, deployments, source, locator])
    return region_rows().replace(f"2024-25,South,8,{SRC},new slide South", out.getvalue()[:-1])


def line(**over) -> str:
    row = {
        "school_year": "2024-25",
        "line_id": "school-climate-advocates",
        "position_item": "School Climate Advocates",
        "position_item_es": "promotores del clima escolar",
        "location_level": "school_site",
        "fte": "340",
        "budgeted_usd": "32000000",
        "approx": "false",
        "source_id": SRC,
        "locator": "next year's table, row 2",
    }
    row.update(over)
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=LINE_HEADER.split(","), lineterminator="\n")
    w.writeheader()
    w.writerow(row)
    return out.getvalue()


def big_file() -> bytes:
    row = f"2024-25,East,7,{SRC},{'x' * 80}\n"
    return (REGION_HEADER + "\n" + row * (6_000_000 // len(row) + 1)).encode()


def many_rows() -> bytes:
    return (REGION_HEADER + "\n" + "".join(f"2024-25,East,{n},{SRC},r\n" for n in range(20_001))).encode()


R = "deployments_by_region"
B = "deployments_by_board_district"
L = "budget_lines"
# id: (table, mode, content (str or bytes or callable), row, column, words in the message)
HOSTILE = {
    # ---- encoding and bytes
    "empty-file": (R, "replace", b"", None, None, "empty"),
    "only-blank-lines": (R, "replace", b"\n\n   \n", None, None, "no content"),
    "utf16-le": (R, "replace", region_rows().encode("utf-16"), None, None, "utf-16"),
    "utf16-be": (R, "replace", b"\xfe\xff" + region_rows().encode("utf-16-be"), None, None, "utf-16"),
    "cp1252-accent": (R, "replace", south(locator="caf\u00e9 slide").encode("cp1252"), 3, None, "windows-1252"),
    "invalid-utf8-byte": (
        R,
        "replace",
        region_rows().encode().replace(b"new slide West", b"new \xff West"),
        4,
        None,
        "not utf-8",
    ),
    "nul-byte": (R, "replace", region_rows().encode().replace(b"slide North", b"slide\x00North"), 2, None, "nul"),
    "excel-workbook": (R, "replace", b"PK\x03\x04" + b"\x00" * 200, None, None, "excel"),
    "ole-workbook": (R, "replace", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, None, None, "excel"),
    "very-large-file": (R, "replace", big_file, None, None, "larger than 5 mb"),
    "too-many-rows": (R, "replace", many_rows, None, None, "20,000"),
    "unclosed-quote": (R, "replace", region_rows() + '2024-25,East,1,x,"never closed\n', 5, None, "quote"),
    "header-only": (R, "replace", REGION_HEADER + "\n", None, None, "no data rows"),
    # ---- header and shape
    "missing-column": (
        R,
        "replace",
        region_rows().replace(",locator", "", 1),
        None,
        None,
        "missing columns: locator",
    ),
    "extra-column": (
        R,
        "replace",
        region_rows().replace("locator", "locator,comment", 1),
        None,
        None,
        "unknown columns: comment",
    ),
    "wrong-order": (
        R,
        "replace",
        region_rows().replace("school_year,region", "region,school_year", 1),
        None,
        None,
        "wrong order",
    ),
    "duplicate-header": (R, "replace", region_rows().replace("locator", "region", 1), None, "region", "twice"),
    "empty-header-cell": (R, "replace", region_rows().replace(",locator", ",", 1), None, None, "header cell 5"),
    "other-tables-header": (R, "replace", BD_HEADER + "\n2024-25,1,6,x,y\n", None, None, "missing columns: region"),
    "too-few-cells": (R, "replace", region_rows("2024-25", "South", "8"), 3, None, "3 cells"),
    "unquoted-comma": (R, "replace", region_rows("2024-25", "South", "8", SRC, "slide", " South"), 3, None, "6 cells"),
    "blank-line-inside": (
        R,
        "replace",
        region_rows().replace("\n2024-25,South", "\n\n2024-25,South"),
        3,
        None,
        "empty line",
    ),
    # ---- types
    "text-in-number": (R, "replace", south(deployments="twelve"), 3, "deployments", "not a whole number"),
    "thousands-comma": (L, "replace", line(budgeted_usd="32,000,000"), 1, "budgeted_usd", "not a whole number"),
    "dollar-sign": (L, "replace", line(budgeted_usd="$32000000"), 1, "budgeted_usd", "not a whole number"),
    "decimal-in-integer": (R, "replace", south(deployments="7.5"), 3, "deployments", "not a whole number"),
    "boolean-yes": (L, "replace", line(approx="yes"), 1, "approx", "true or false"),
    "nan-fte": (L, "replace", line(fte="NaN"), 1, "fte", "not a number"),
    "infinity-fte": (L, "replace", line(fte="Infinity"), 1, "fte", "not a number"),
    "empty-required": (R, "replace", south(source=""), 3, "source_id", "is empty"),
    "slash-date": (
        FACT_HEADER and "deployment_facts",
        "replace",
        FACT_HEADER + f"\n2024-25,deployments,40,false,,2025/04/09,{SRC},slide\n",
        1,
        "as_of",
        "yyyy-mm-dd",
    ),
    "impossible-date": (
        "deployment_facts",
        "replace",
        FACT_HEADER + f"\n2024-25,deployments,40,false,,2025-02-30,{SRC},slide\n",
        1,
        "as_of",
        "real calendar date",
    ),
    # ---- rules of the data (the build's CHECKs and foreign keys)
    "negative-money": (L, "replace", line(budgeted_usd="-5"), 1, "budgeted_usd", "negative"),
    "negative-count": (R, "replace", south(deployments="-1"), 3, "deployments", "negative"),
    "negative-fte": (L, "replace", line(fte="-0.5"), 1, "fte", "negative"),
    "board-district-9": (
        B,
        "upsert",
        BD_HEADER + f"\n2024-25,9,3,{SRC},slide\n",
        1,
        "board_district",
        "allowed range for board district: 1 to 7",
    ),
    "board-district-0": (
        B,
        "upsert",
        BD_HEADER + f"\n2024-25,0,3,{SRC},slide\n",
        1,
        "board_district",
        "allowed range for board district: 1 to 7",
    ),
    "unknown-region": (R, "replace", south(region="Central"), 3, "region", "allowed values"),
    "lowercase-region": (R, "replace", south(region="south"), 3, "region", "allowed values"),
    "unknown-source": (R, "replace", south(source="my-blog"), 3, "source_id", "sources.csv"),
    "unknown-location-level": (L, "replace", line(location_level="the moon"), 1, "location_level", "does not exist"),
    "missing-spanish": (L, "upsert", line(position_item_es=""), 1, "position_item_es", "needs its spanish version"),
    "blank-locator": (R, "replace", south(locator="   "), 3, "locator", "is empty"),
    "approx-without-qualifier": (
        "budget_totals",
        "upsert",
        TOTAL_HEADER + f"\n2024-25,usd,350000000,true,,{SRC},slide\n",
        1,
        None,
        "rule",
    ),
    "unknown-measure": (
        "budget_totals",
        "upsert",
        TOTAL_HEADER + f"\n2024-25,euros,5,false,,{SRC},slide\n",
        1,
        "measure",
        "allowed values",
    ),
    "bad-line-id": (L, "upsert", line(line_id="New Line!"), 1, "line_id", "lower-case letters a-z, digits and hyphens"),
    "line-without-category": (L, "upsert", line(line_id="brand-new-line"), None, None, "no spending category"),
    # ---- school years
    "future-year": (R, "replace", south(year="2031-32"), 3, "school_year", "in the future"),
    "year-after-next": (R, "replace", south(year="2028-29"), 3, "school_year", "2027-28"),
    "four-digit-second-part": (R, "replace", south(year="2024-2025"), 3, "school_year", "not a school year"),
    "non-consecutive-year": (R, "replace", south(year="2024-26"), 3, "school_year", "not a school year"),
    "two-digit-year": (R, "replace", south(year="24-25"), 3, "school_year", "not a school year"),
    "en-dash-year": (R, "replace", south(year="2024\u201325"), 3, "school_year", "not a school year"),
    "calendar-year": (R, "replace", south(year="2024"), 3, "school_year", "not a school year"),
    # ---- duplicates
    "duplicate-key": (
        R,
        "replace",
        region_rows("2024-25", "East", "8", SRC, "again"),
        3,
        "school_year, region",
        "repeats the key",
    ),
    "duplicate-key-upsert": (
        R,
        "upsert",
        region_rows("2024-25", "East", "8", SRC, "again"),
        3,
        "school_year, region",
        "row 1",
    ),
    "duplicate-key-spaces": (
        R,
        "replace",
        region_rows("2024-25", " East ", "8", SRC, "again"),
        3,
        "school_year, region",
        "repeats the key",
    ),
    # ---- formulas, markup and invisible characters
    "formula-equals": (R, "replace", south(locator='=HYPERLINK("http://x","y")'), 3, "locator", "formula"),
    "formula-plus": (L, "replace", line(position_item="+cmd|' /C calc'!A0"), 1, "position_item", "formula"),
    "formula-at": (R, "replace", south(locator="@SUM(1+1)"), 3, "locator", "formula"),
    "formula-minus": (R, "replace", south(locator="-2+3+cmd"), 3, "locator", "formula"),
    "formula-tab": (R, "replace", south(locator="\t=1+1"), 3, "locator", "formula"),
    "script-tag": (L, "replace", line(position_item="<script>alert(1)</script>"), 1, "position_item", "markup"),
    "img-onerror": (R, "replace", south(locator='slide <img src=x onerror="alert(1)">'), 3, "locator", "markup"),
    "javascript-url": (R, "replace", south(locator="javascript:alert(1)"), 3, "locator", "markup"),
    "html-entity": (R, "replace", south(locator="&#60;script&#62;"), 3, "locator", "markup"),
    "closing-tag": (L, "replace", line(position_item="Officers</td><td>0"), 1, "position_item", "markup"),
    "bidi-override": (L, "replace", line(position_item="Officers \u202e0000005"), 1, "position_item", "invisible"),
    "zero-width-space": (R, "replace", south(locator="slide\u200bSouth"), 3, "locator", "invisible"),
    "control-character": (R, "replace", south(locator="slide\x07South"), 3, "locator", "control character"),
    "line-break-in-cell": (R, "replace", south(locator="slide\nSouth"), 3, "locator", "line break"),
    "overlong-cell": (R, "replace", south(locator="x" * 3000), 3, "locator", "limit"),
    # ---- wrong table
    "not-a-table": ("build_info", "replace", region_rows(), None, None, "not a published table"),
}


def _content(value) -> bytes:
    value = value() if callable(value) else value
    return value if isinstance(value, bytes) else value.encode("utf-8")


def _state(folder: Path, db: Path) -> dict:
    """Every file in the data folder and the database, by content (plus the database's table contents)."""
    files = {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
    files["<db file>"] = hashlib.sha256(db.read_bytes()).hexdigest()
    con = duckdb.connect(":memory:")
    con.execute("ATTACH $p AS db (READ_ONLY)", {"p": str(db)})
    files["<db rows>"] = con.execute(
        "SELECT (SELECT count(*) FROM db.deployments_by_region), (SELECT sum(budgeted_usd) FROM db.budget_lines), "
        "(SELECT fingerprint FROM db.build_info)"
    ).fetchone()
    con.close()
    return files


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = root / "safety.duckdb"
    build(data, db)
    return data, db


def test_there_are_at_least_50_hostile_files():
    assert len(HOSTILE) >= 50


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_is_refused_with_row_and_column_and_changes_nothing(published, case):
    data, db = published
    table, mode, content, row, column, words = HOSTILE[case]
    before = _state(data, db)
    cand = prepare(table, _content(content), f"{case}.csv", mode, data, today=TODAY)
    assert cand.problems and not cand.ok, f"{case} was accepted"
    text = "\n".join(str(p) for p in cand.problems)
    assert words.lower() in text.lower(), text
    if row is not None:
        assert any(p.row == row for p in cand.problems), text
        assert f"row {row}" in text
    if column is not None:
        assert any(p.column and column in p.column for p in cand.problems), text
        assert f"column '{column}" in text
    with pytest.raises(PublishError):
        publish(cand, "tester", data, db)
    assert _state(data, db) == before
    assert not (data / "history").exists()


def test_the_command_names_row_and_column_and_exits_1(published, tmp_path, capsys):
    data, db = published
    bad = tmp_path / "bad.csv"
    bad.write_text(south(deployments="-1"), encoding="utf-8")
    before = _state(data, db)
    assert main(["--data-dir", str(data), "--db", str(db), "publish", R, str(bad), "--who", "t", "--yes"]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, row 3 (line 4 of the file), column 'deployments'" in err and "negative" in err
    assert _state(data, db) == before


def test_a_byte_order_mark_and_crlf_are_neutralised_not_refused(published):
    data, _ = published
    raw = b"\xef\xbb\xbf" + region_rows().replace("\n", "\r\n").encode()
    cand = prepare(R, raw, "excel.csv", "replace", data, today=TODAY)
    assert cand.ok, cand.problems
    assert any("byte-order mark" in n for n in cand.notes)
    assert not cand.new_bytes.startswith(b"\xef\xbb\xbf") and b"\r\n" not in cand.new_bytes


@pytest.mark.slow
def test_every_published_csv_passes_the_upload_checks_unchanged(published):
    """Re-uploading what is published is never refused (the upload rules are not stricter than the data)."""
    data, _ = published
    from data.layout import stems
    from data.publish import shape
    from data.validate_upload import read_upload

    for stem in stems():
        upload, problems = read_upload(
            (data / f"{stem}.csv").read_bytes(), f"{stem}.csv", TODAY, [c.name for c in shape(stem, data).columns]
        )
        assert upload is not None and problems == [], (stem, [str(p) for p in problems[:3]])
    for stem in ("budget_lines", "deployments_by_board_district", "sources"):  # the whole path, for a few
        cand = prepare(stem, (data / f"{stem}.csv").read_bytes(), f"{stem}.csv", "replace", data, today=TODAY)
        assert cand.ok and cand.changes == [], (stem, [str(p) for p in cand.problems[:3]])
