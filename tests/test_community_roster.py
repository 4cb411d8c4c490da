"""The safe-passage roster import: a good file is imported atomically; a malformed one is refused with a message
naming row and column, and the previous import is left byte-for-byte as it was. Rosters here are synthetic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from data.import_roster import RosterError, import_roster, parse_roster
from queries import imports

ROOT = Path(__file__).resolve().parent.parent
HEADER = "school,board_district,region,provider,start_date,end_date,status,lat,lon"
GOOD_ROWS = [
    "Fixture School A,1,South,Fixture Provider,2023-08-14,,running,33.95,-118.30",
    "Fixture School B,7,North,,2022-08-15,2023-06-09,ended,,",
]


def roster(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def test_template_header_is_what_the_import_expects():
    template = (ROOT / "data" / "templates" / "safe_passage_roster_template.csv").read_text(encoding="utf-8")
    assert template.strip() == HEADER
    with pytest.raises(RosterError, match="no rows"):
        parse_roster(template.encode(), "template.csv")


def test_a_good_roster_is_typed():
    rows = parse_roster(roster(*GOOD_ROWS))
    assert [r["school"] for r in rows] == ["Fixture School A", "Fixture School B"]
    assert rows[0]["lat"] == 33.95 and rows[1]["lat"] is None and rows[1]["provider"] is None
    assert str(rows[1]["end_date"]) == "2023-06-09"
    # lat/lon columns may be left out altogether, and region/status case is forgiven
    short = parse_roster(
        roster(
            "X,2,east,P,2024-01-02,,Running", header="school,board_district,region,provider,start_date,end_date,status"
        )
    )
    assert short[0]["region"] == "East" and short[0]["status"] == "running" and short[0]["lat"] is None


MALFORMED = [
    # (rows or raw bytes, header, expected message fragment, row, column)
    (["S,8,South,P,2023-01-01,,running,,"], HEADER, "not a board district", 1, "board_district"),
    (["S,0,South,P,2023-01-01,,running,,"], HEADER, "not a board district", 1, "board_district"),
    (["S,two,South,P,2023-01-01,,running,,"], HEADER, "not a board district", 1, "board_district"),
    (["S,1,Central,P,2023-01-01,,running,,"], HEADER, "not a region", 1, "region"),
    (["S,1,South,P,2023-01-01,,paused,,"], HEADER, "not a status", 1, "status"),
    (["S,1,South,P,01/02/2023,,running,,"], HEADER, "YYYY-MM-DD", 1, "start_date"),
    (["S,1,South,P,2023-02-30,,running,,"], HEADER, "not a real calendar date", 1, "start_date"),
    (["S,1,South,P,,,running,,"], HEADER, "needs a date", 1, "start_date"),
    (["S,1,South,P,2023-05-01,2023-04-01,ended,,"], HEADER, "before the start date", 1, "end_date"),
    (["S,1,South,P,2023-01-01,,running,40.7,-118.3"], HEADER, "outside the Los Angeles area", 1, "lat"),
    (["S,1,South,P,2023-01-01,,running,34.0,-74.0"], HEADER, "outside the Los Angeles area", 1, "lon"),
    (["S,1,South,P,2023-01-01,,running,34.0,"], HEADER, "both lat and lon", 1, "lon"),
    (["S,1,South,P,2023-01-01,,running,abc,-118.3"], HEADER, "not a number", 1, "lat"),
    (['=HYPERLINK("http://x"),1,South,P,2023-01-01,,running,,'], HEADER, "formula", 1, "school"),
    (["S,1,South,@SUM(A1),2023-01-01,,running,,"], HEADER, "formula", 1, "provider"),
    (["<script>alert(1)</script>,1,South,P,2023-01-01,,running,,"], HEADER, "HTML", 1, "school"),
    (["S,1,South,<b>P</b>,2023-01-01,,running,,"], HEADER, "HTML", 1, "provider"),
    (["S" * 300 + ",1,South,P,2023-01-01,,running,,"], HEADER, "limit is", 1, "school"),
    ([",1,South,P,2023-01-01,,running,,"], HEADER, "needs a value", 1, "school"),
    (["S,1,South,P,2023-01-01,,running"], HEADER, "cells but the header", 1, None),
    ([GOOD_ROWS[0], GOOD_ROWS[0]], HEADER, "repeats row 1", 2, None),
    (
        [GOOD_ROWS[0]],
        "school,board_district,region,start_date,end_date,status",
        "missing columns: provider",
        None,
        None,
    ),
    ([GOOD_ROWS[0]], HEADER + ",notes", "unknown columns: notes", None, None),
    (
        [GOOD_ROWS[0]],
        "school,board_district,region,provider,start_date,end_date,status,lat",
        "lat and lon go together",
        None,
        None,
    ),
]


@pytest.mark.parametrize("rows,header,message,row,column", MALFORMED)
def test_malformed_rosters_are_refused_naming_row_and_column(rows, header, message, row, column):
    with pytest.raises(RosterError) as caught:
        parse_roster(roster(*rows, header=header), "roster.csv")
    problems = caught.value.problems
    assert any(message in p.message for p in problems), [str(p) for p in problems]
    hit = next(p for p in problems if message in p.message)
    assert hit.row == row and hit.column == column
    text = str(caught.value)
    assert "roster.csv" in text and "previous import is unchanged" in text
    if row is not None:
        assert f"row {row}" in text
    if column is not None:
        assert f"column '{column}'" in text


@pytest.mark.parametrize(
    "raw,message",
    [
        (b"", "is empty"),
        (b"\xff\xfe" + HEADER.encode("utf-16-le"), "UTF-16"),
        (HEADER.encode() + b"\nS,1,South,P,2023-01-01,,running,,\x00\n", "NUL byte"),
        (HEADER.encode() + b'\n"S,1,South,P,2023-01-01,,running,,\n', "well-formed"),
    ],
)
def test_broken_files_are_refused(raw, message):
    with pytest.raises(RosterError, match=message):
        parse_roster(raw, "roster.csv")


def test_a_refused_roster_leaves_the_previous_import_untouched(tmp_path):
    db = tmp_path / "roster.duckdb"
    good = tmp_path / "good.csv"
    good.write_bytes(roster(*GOOD_ROWS))
    assert import_roster(good, db) == 2
    before = db.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(roster(GOOD_ROWS[0], "Fixture School C,9,South,P,2023-01-01,,running,,"))
    with pytest.raises(RosterError, match="row 2"):
        import_roster(bad, db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "good.csv", "roster.duckdb"]  # no leftovers


def test_command_line_refuses_with_a_clear_message_and_exit_code(tmp_path):
    db = tmp_path / "roster.duckdb"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(roster("S,1,Central,P,2023-01-01,,running,,"))
    done = subprocess.run(
        [sys.executable, "-m", "data.import_roster", str(bad), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "bad.csv, row 1 (line 2 of the file), column 'region'" in done.stderr
    assert not db.exists()
    good = tmp_path / "good.csv"
    good.write_bytes(roster(*GOOD_ROWS))
    done = subprocess.run(
        [sys.executable, "-m", "data.import_roster", str(good), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "Imported 2 rows" in done.stdout and db.exists()


def test_queries_attach_the_roster_only_when_present(tmp_path, monkeypatch):
    db = tmp_path / "safe_passage_roster.duckdb"
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(tmp_path))
    assert imports.run("safe_passage_roster", "roster_sites") is None
    good = tmp_path / "good.csv"
    good.write_bytes(roster(*GOOD_ROWS))
    import_roster(good, db)
    frame = imports.run("safe_passage_roster", "roster_sites").frame
    assert list(frame["school"]) == ["Fixture School A", "Fixture School B"]
    assert frame["lat"].notna().sum() == 1
    info = imports.run("safe_passage_roster", "roster_info").frame.iloc[0]
    assert info["file_name"] == "good.csv" and int(info["row_count"]) == 2
