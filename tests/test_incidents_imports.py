"""Campus incident records (staff import, data/import_campus_incidents.py): a good file is imported and read back by
school and by category; every malformed file is refused with its row and column in plain words, and the live import
file stays byte-for-byte what it was, with no temporary file left behind."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from data import import_campus_incidents as ii
from queries import imports as imported

TODAY = dt.date.today()
HEADER = "date,school,cds_code,category,count\n"
# two real CDS codes from the 2018 state directory (data/school_directory_2018.csv) and one that is not in it
IN_DIRECTORY = "19647330100289"  # N.E.W. Academy of Science and Arts
IN_DIRECTORY_2 = "19647330100669"  # Stella Middle Charter Academy
NOT_IN_DIRECTORY = "19647339999999"
GOOD = (
    HEADER
    + f"2024-03-04,Synthetic High A,{IN_DIRECTORY},fights,3\n"
    + f"2024-03-05,Synthetic High A,{IN_DIRECTORY},weapons,1\n"
    + f"2024-03-05,Synthetic Middle B,{IN_DIRECTORY_2},fights,2\n"
    + f"2024-03-06,Synthetic Middle B,{IN_DIRECTORY_2},FIGHTS,4\n"
    + f"2024-04-01,Synthetic New C,{NOT_IN_DIRECTORY},threats,0\n"
    + "2024-04-02,Synthetic D,,suicidal_behaviour,1\n"
)


@pytest.fixture
def imports(tmp_path, monkeypatch):
    folder = tmp_path / "imports"
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(folder))
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_template_is_the_documented_layout():
    template = Path(ii.__file__).resolve().parent / "templates" / "campus_incidents_template.csv"
    assert template.read_text().strip() == ",".join(ii.COLUMNS) == "date,school,cds_code,category,count"


def test_a_good_file_is_imported_and_read_by_school_and_category(imports, tmp_path):
    (tmp_path / "incidents.csv").write_text(GOOD)
    assert ii.main([str(tmp_path / "incidents.csv")]) == 0
    summary = imported.run("campus_incidents", "campus_incidents_summary").frame.iloc[0]
    assert (summary["records"], summary["incidents"], summary["schools"]) == (6, 11, 4)
    assert summary["matched_schools"] == 2  # two codes are in the 2018 directory; one is not; one school has none
    assert (str(summary["first_date"])[:10], str(summary["last_date"])[:10]) == ("2024-03-04", "2024-04-02")
    by_category = imported.run("campus_incidents", "campus_incidents_by_category").frame
    assert dict(zip(by_category["category"], by_category["incidents"])) == {
        "fights": 9,
        "weapons": 1,
        "threats": 0,
        "suicidal_behaviour": 1,
    }
    by_school = imported.run("campus_incidents", "campus_incidents_by_school").frame
    rows = {(r["school"], r["category"]): r for _, r in by_school.iterrows()}
    assert rows[("Synthetic Middle B", "fights")]["incidents"] == 6  # 2 + 4, "FIGHTS" read as the category
    assert rows[("Synthetic High A", "fights")]["directory_name"] == "N.E.W. Academy of Science and Arts"
    assert rows[("Synthetic New C", "threats")]["directory_name"] is None or str(
        rows[("Synthetic New C", "threats")]["directory_name"]
    ) in ("nan", "<NA>", "None")
    # the import holds no region or board district: nothing is derived from the directory
    con = duckdb.connect(str(imports / "campus_incidents.duckdb"), read_only=True)
    try:
        columns = [c[0] for c in con.execute("DESCRIBE campus_incidents").fetchall()]
    finally:
        con.close()
    assert not {"region", "board_district"} & set(columns)


def test_cds_code_column_may_be_left_out(imports, tmp_path):
    (tmp_path / "r.csv").write_text("date,school,category,count\n2024-02-01,Synthetic A,other,7\n")
    assert ii.main([str(tmp_path / "r.csv")]) == 0
    assert imported.run("campus_incidents", "campus_incidents_summary").frame.iloc[0]["incidents"] == 7


def test_check_only_writes_nothing(imports, tmp_path, capsys):
    (tmp_path / "r.csv").write_text(GOOD)
    assert ii.main(["--check", str(tmp_path / "r.csv")]) == 0
    assert "no problems found" in capsys.readouterr().out
    assert not (imports / "campus_incidents.duckdb").exists()


FUTURE = (TODAY + dt.timedelta(days=1)).isoformat()
ROW = "2024-03-04,Synthetic A,,fights,3"  # a good record, as the first data row of every bad file

# (file content, the phrase that must be in the refusal, including its row and column where there is one)
MALFORMED = {
    "bad-date-format": (HEADER + "04/03/2024,A,,fights,1\n", "row 1 (line 2 of the file), column 'date'"),
    "impossible-date": (HEADER + "2024-02-30,A,,fights,1\n", "column 'date': '2024-02-30' is not a date"),
    "future-date": (HEADER + ROW + f"\n{FUTURE},A,,fights,1\n", f"row 2 (line 3 of the file), column 'date': {FUTURE}"),
    "too-old-date": (HEADER + "1999-09-01,A,,fights,1\n", "is outside the dates that can be imported"),
    "empty-school": (HEADER + "2024-03-04,,,fights,1\n", "row 1 (line 2 of the file), column 'school': is empty"),
    "long-school": (HEADER + "2024-03-04," + "S" * 201 + ",,fights,1\n", "column 'school': is longer than 200"),
    "bad-cds": (HEADER + "2024-03-04,A,1964733,fights,1\n", "column 'cds_code': '1964733' is not a CDS code"),
    "letters-in-cds": (HEADER + "2024-03-04,A,1964733010028X,fights,1\n", "column 'cds_code'"),
    "unknown-category": (HEADER + "2024-03-04,A,,brawls,1\n", "column 'category': 'brawls' is not a category"),
    "negative-count": (HEADER + "2024-03-04,A,,fights,-2\n", "column 'count': '-2' is not a whole number"),
    "fractional-count": (HEADER + "2024-03-04,A,,fights,2.5\n", "column 'count': '2.5' is not a whole number"),
    "count-too-large": (HEADER + "2024-03-04,A,,fights,10000\n", "column 'count': 10,000 is more than 9,999"),
    "empty-count": (HEADER + "2024-03-04,A,,fights,\n", "column 'count': '' is not a whole number"),
    "formula-in-school": (
        HEADER + '2024-03-04,"=HYPERLINK(""http://x"")",,fights,1\n',
        "column 'school': starts with '='",
    ),
    "formula-plus": (HEADER + "2024-03-04,+cmd,,fights,1\n", "column 'school': starts with '+'"),
    "formula-at": (HEADER + "2024-03-04,@SUM(A1),,fights,1\n", "column 'school': starts with '@'"),
    "markup": (HEADER + "2024-03-04,<script>alert(1)</script>,,fights,1\n", "column 'school': contains HTML or script"),
    "control-char": (HEADER + "2024-03-04,A\x07B,,fights,1\n", "column 'school': contains an invisible control"),
    "zero-width": (HEADER + "2024-03-04,A\u200bB,,fights,1\n", "column 'school': contains an invisible zero-width"),
    "direction-override": (HEADER + "2024-03-04,A\u202eB,,fights,1\n", "text-direction character"),
    "newline-in-cell": (HEADER + '2024-03-04,"A\nB",,fights,1\n', "column 'school': has a line break inside"),
    "duplicate-record": (
        HEADER + ROW + "\n2024-03-04,synthetic a,,Fights,2\n",
        "row 2 (line 3 of the file), column 'date, school, category': repeats row 1",
    ),
    "too-few-cells": (HEADER + "2024-03-04,A,fights,1\n", "row 1 (line 2 of the file): has 4 cells; the header has 5"),
    "wrong-header": ("day,school,cds_code,category,count\n" + ROW + "\n", "the header row must be exactly"),
    "header-only": (HEADER, "has a header but no records"),
    "empty-file": ("", "is empty"),
    "unclosed-quote": (HEADER + '2024-03-04,"A,,fights,1\n', "is not a well-formed CSV file"),
    "second-row-bad": (HEADER + ROW + "\n2024-03-05,B,,fights,x\n", "row 2 (line 3 of the file), column 'count'"),
}


@pytest.mark.parametrize("content, phrase", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_files_are_refused_with_row_and_column_and_change_nothing(imports, tmp_path, capsys, content, phrase):
    (tmp_path / "good.csv").write_text(GOOD)
    assert ii.main([str(tmp_path / "good.csv")]) == 0
    live = imports / "campus_incidents.duckdb"
    before = digest(live)
    capsys.readouterr()
    (tmp_path / "bad.csv").write_text(content, encoding="utf-8", newline="")
    assert ii.main([str(tmp_path / "bad.csv")]) == 1
    err = capsys.readouterr().err
    assert phrase in err, err
    assert "nothing was changed" in err and "Traceback" not in err
    assert digest(live) == before
    assert sorted(p.name for p in imports.iterdir()) == ["campus_incidents.duckdb"]  # no temporary file left


def test_at_least_twenty_malformed_files_name_a_row_and_a_column():
    with_row_and_column = [k for k, (_, phrase) in MALFORMED.items() if "column '" in phrase or "row " in phrase]
    assert len(MALFORMED) >= 20 and len(with_row_and_column) >= 20


def test_binary_and_wrong_encodings_are_refused(imports, tmp_path, capsys):
    cases = {
        "latin1.csv": (HEADER + "2024-03-04,Escuela Peñas,,fights,1\n").encode("cp1252"),
        "utf16.csv": (HEADER + ROW + "\n").encode("utf-16"),
        "workbook.csv": b"PK\x03\x04" + b"\0" * 40,
        "nul.csv": (HEADER + ROW + "\n").encode() + b"\0",
    }
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
        assert ii.main([str(tmp_path / name)]) == 1, name
        err = capsys.readouterr().err
        assert "nothing was changed" in err and "Traceback" not in err, (name, err)
    assert not (imports / "campus_incidents.duckdb").exists()


def test_a_date_window_is_checked_against_today():
    raw = (HEADER + "2024-03-04,A,,fights,1\n").encode()
    with pytest.raises(ii.IncidentRecordsError) as refused:
        ii.parse_records(raw, "x.csv", today=dt.date(2024, 3, 3))
    assert "outside the dates that can be imported" in str(refused.value)
    assert len(ii.parse_records(raw, "x.csv", today=dt.date(2024, 3, 4))) == 1
