"""Import staff-held, campus-level incident counts into data/imports/campus_incidents.duckdb.

    python -m data.import_campus_incidents FILE.csv [--db TARGET] [--check]

These records are district-supplied and not published: they never go into data/*.csv, and the Incidents page
shows them only as a labelled second view. The CSV layout (UTF-8, a header row exactly as in
data/templates/campus_incidents_template.csv; the cds_code column may be left out of the header entirely):

  date      YYYY-MM-DD, the day of the incidents; from July 1, 2000 to today (no future dates)
  school    the campus name as the district writes it (at most 200 characters)
  cds_code  optional: the school's 14-digit California CDS code. A code found in the 2018 state school directory
            (data/school_directory_2018.csv) is stored with the directory's name and level for that code; other
            codes are kept as written and counted as "not in the 2018 directory". The directory gives no region or
            board district, so none is derived: the page shows these records by school only.
  category  one of CATEGORIES below (the code, any letter case)
  count     how many incidents: a whole number from 0 to 9,999 (MAX_COUNT) for one school, day and category

Every cell is also checked as text: no spreadsheet formulas (= + - @ at the start), no HTML or script markup, no
control, zero-width or text-direction characters, no line breaks inside a cell. The same date, school and category
twice is refused (add the counts into one row). The whole file is checked before anything is written; problems are
listed by row and column, and the existing database is left exactly as it was. A good file replaces the previous
import in one atomic swap (data/import_store.write_atomically).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import re
import sys
from pathlib import Path

from data.import_store import write_atomically
from data.layout import DATA_DIR, imports_dir
from data.problems import Problem, ProblemsError
from data.validate_upload import cell_problem

DB_NAME = "campus_incidents.duckdb"
COLUMNS = ["date", "school", "cds_code", "category", "count"]
WITHOUT_CDS = ["date", "school", "category", "count"]
# What a record may count. Kept to the kinds the published incident figures use (fights and physical aggression,
# weapons, suicidal behaviour, threats, substances), plus other; the page names them in English and Spanish.
CATEGORIES = ("fights", "weapons", "suicidal_behaviour", "threats", "substances", "other")
EARLIEST = dt.date(2000, 7, 1)  # the first day of school year 2000-01
MAX_COUNT = 9_999  # per school, day and category: a larger number is a typing slip, not a count
MAX_ROWS = 200_000
MAX_BYTES = 20_000_000
MAX_SCHOOL_CHARS = 200
MAX_PROBLEMS = 25
_CDS = re.compile(r"\d{14}")
_WHOLE = re.compile(r"\d+")
SCHEMA = """
CREATE TABLE import_info (
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    records     INTEGER NOT NULL
);
CREATE TABLE campus_incidents (
    record_no       INTEGER PRIMARY KEY,
    incident_date   DATE NOT NULL,
    school          VARCHAR NOT NULL CHECK (length(trim(school)) > 0),
    cds_code        VARCHAR CHECK (cds_code IS NULL OR regexp_full_match(cds_code, '\\d{14}')),
    category        VARCHAR NOT NULL CHECK (category IN ('fights', 'weapons', 'suicidal_behaviour', 'threats',
                                                         'substances', 'other')),
    incidents       INTEGER NOT NULL CHECK (incidents BETWEEN 0 AND 9999),
    directory_name  VARCHAR,   -- the 2018 state directory's name for the CDS code, when it is there
    directory_level VARCHAR,   -- and its level (elementary, middle, high, ...)
    UNIQUE (incident_date, school, category)
);
"""


class IncidentRecordsError(ProblemsError):
    heading = "The campus incident records were not imported; nothing was changed."


def directory(data_dir: Path = DATA_DIR) -> dict[str, tuple[str, str]]:
    """{cds_code: (name, level)} from the 2018 state school directory."""
    with open(data_dir / "school_directory_2018.csv", newline="", encoding="utf-8") as fh:
        return {r["cds_code"]: (r["name"], r["level"]) for r in csv.DictReader(fh)}


def _short(text: str, limit: int = 40) -> str:
    text = text.encode("unicode_escape").decode("ascii") if any(ord(c) < 32 for c in text) else text
    return text if len(text) <= limit else text[:limit] + "…"


def parse_records(raw: bytes, name: str, today: dt.date | None = None) -> list[tuple]:
    """Check the whole CSV and return typed rows; raises IncidentRecordsError naming every bad row and column."""
    today = today or dt.date.today()

    def problem(message, row=None, column=None):
        return Problem(name, message, row=row, column=column)

    if len(raw) > MAX_BYTES:
        raise IncidentRecordsError([problem(f"is {len(raw) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IncidentRecordsError([problem("is saved as UTF-16 text; save it again as 'CSV UTF-8'")])
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise IncidentRecordsError([problem("is a spreadsheet workbook, not a CSV file; use 'Save as… CSV UTF-8'")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IncidentRecordsError(
            [problem(f"is not UTF-8 text (bad byte at position {exc.start}); save it as 'CSV UTF-8'")]
        ) from None
    if "\0" in text:
        raise IncidentRecordsError([problem("contains a NUL byte; it is not a text CSV file")])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise IncidentRecordsError(
            [problem(f"is not a well-formed CSV file ({exc}); check the quotes", row=max(reader.line_num - 1, 1))]
        ) from None
    records = [r for r in records if any(cell.strip() for cell in r)]
    if not records:
        raise IncidentRecordsError([problem("is empty: it needs the header row " + ",".join(COLUMNS))])
    header = [h.strip().lower() for h in records[0]]
    if header not in (COLUMNS, WITHOUT_CDS):
        raise IncidentRecordsError(
            [
                problem(
                    "the header row must be exactly '" + ",".join(COLUMNS) + "' (cds_code may be left out); "
                    "found '" + _short(",".join(header), 120) + "'"
                )
            ]
        )
    body = records[1:]
    if not body:
        raise IncidentRecordsError([problem("has a header but no records")])
    if len(body) > MAX_ROWS:
        raise IncidentRecordsError([problem(f"has {len(body):,} records; at most {MAX_ROWS:,} can be imported")])
    known = directory()
    problems: list[Problem] = []
    rows: list[tuple] = []
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(body, start=1):
        if len(cells) != len(header):
            problems.append(problem(f"has {len(cells)} cells; the header has {len(header)}", number))
            continue
        cell = dict(zip(header, cells))
        bad = len(problems)
        flagged = set()  # text checks first: a formula or markup is refused whatever else the cell holds
        for column in header:
            why = cell_problem(cell[column])
            if why:
                problems.append(problem(why, number, column))
                flagged.add(column)
        # a flagged cell is not checked again; the row's other cells are
        cell = {h: ("" if h in flagged else c.strip()) for h, c in cell.items()}
        try:
            date = dt.date.fromisoformat(cell["date"]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell["date"]) else None
        except ValueError:
            date = None
        if date is None and "date" not in flagged:
            problems.append(problem(f"'{_short(cell['date'])}' is not a date written YYYY-MM-DD", number, "date"))
        elif not EARLIEST <= date <= today:
            problems.append(
                problem(
                    f"{date.isoformat()} is outside the dates that can be imported ({EARLIEST.isoformat()} to "
                    f"today, {today.isoformat()})",
                    number,
                    "date",
                )
            )
        school = cell["school"]
        if not school and "school" not in flagged:
            problems.append(problem("is empty; name the school", number, "school"))
        elif len(school) > MAX_SCHOOL_CHARS:
            problems.append(problem(f"is longer than {MAX_SCHOOL_CHARS} characters", number, "school"))
        cds = cell.get("cds_code", "")
        if cds and not _CDS.fullmatch(cds):
            problems.append(
                problem(f"'{_short(cds)}' is not a CDS code (14 digits, or leave the cell empty)", number, "cds_code")
            )
        category = cell["category"].lower()
        if category not in CATEGORIES and "category" not in flagged:
            problems.append(
                problem(f"'{_short(cell['category'])}' is not a category ({', '.join(CATEGORIES)})", number, "category")
            )
        count = cell["count"]
        if "count" in flagged:
            pass
        elif not _WHOLE.fullmatch(count):
            problems.append(
                problem(f"'{_short(count)}' is not a whole number of incidents (0 to {MAX_COUNT:,})", number, "count")
            )
        elif int(count) > MAX_COUNT:
            problems.append(
                problem(
                    f"{int(count):,} is more than {MAX_COUNT:,} incidents for one school, day and category",
                    number,
                    "count",
                )
            )
        if len(problems) == bad:
            key = (date, school.lower(), category)
            if key in seen:
                problems.append(
                    problem(
                        f"repeats row {seen[key]} (same date, school and category); add the counts into one row",
                        number,
                        "date, school, category",
                    )
                )
            else:
                seen[key] = number
                name_level = known.get(cds) if cds else None
                rows.append(
                    (
                        number,
                        date,
                        school,
                        cds or None,
                        category,
                        int(count),
                        name_level[0] if name_level else None,
                        name_level[1] if name_level else None,
                    )
                )
        if len(problems) >= MAX_PROBLEMS * 4:
            break
    if problems:
        raise IncidentRecordsError(problems)
    return rows


def import_records(path: Path, target: Path | None = None, today: dt.date | None = None) -> int:
    target = target or imports_dir() / DB_NAME
    path = Path(path)
    if not path.is_file():
        raise IncidentRecordsError([Problem(str(path), "there is no such file")])
    raw = path.read_bytes()
    rows = parse_records(raw, path.name, today)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)

    def fill(con) -> None:
        con.execute(SCHEMA)
        con.executemany("INSERT INTO campus_incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [list(r) for r in rows])
        con.execute(
            "INSERT INTO import_info VALUES (?, ?, ?, ?)", [path.name, hashlib.sha256(raw).hexdigest(), now, len(rows)]
        )
        if con.execute("SELECT count(*) FROM campus_incidents").fetchone()[0] != len(rows):
            raise RuntimeError("the new file did not hold every record")

    write_atomically(target, fill)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the records CSV")
    parser.add_argument("--db", type=Path, default=None, help=f"target file (default data/imports/{DB_NAME})")
    parser.add_argument("--check", action="store_true", help="only check the file; write nothing")
    args = parser.parse_args(argv)
    try:
        if args.check:
            if not args.file.is_file():
                raise IncidentRecordsError([Problem(str(args.file), "there is no such file")])
            n = len(parse_records(args.file.read_bytes(), args.file.name))
            print(f"{args.file.name}: {n} campus incident records, no problems found (nothing was imported).")
            return 0
        n = import_records(args.file, args.db)
    except IncidentRecordsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Imported {n} campus incident records into {args.db or imports_dir() / DB_NAME}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
