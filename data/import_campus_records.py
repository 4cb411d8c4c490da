"""Import staff-held, per-campus school-police deployment records into data/imports/campus_deployments.duckdb.

    python -m data.import_campus_records FILE.csv

These records are not public: they never go into data/*.csv. The CSV layout (UTF-8, header row exactly as in
data/templates/campus_deployments_template.csv; lat and lon may be left out of the header entirely):

  date            YYYY-MM-DD, the day the deployment began
  school          the campus name
  board_district  1 to 7
  region          North, East, South or West
  reason          an authorizing reason from data/deployment_conditions.csv: its id (e.g. mass-school-threats)
                  or its published label (e.g. "Mass school threats (MST)")
  lat, lon        the campus's coordinates if known (WGS84 decimal degrees), both or neither
  cds_code        optional: the school's 14-digit CDS code in the state school directory
                  (data/school_directory_2018.csv); the map then draws the campus at the directory's location.
                  A code that is not an active LAUSD school of that directory is refused.

Optional columns may be left out of the header; those present come after the required ones, in this order.

The whole file is checked before anything is written; problems are listed by row and column, and the existing
database is left exactly as it was. A good file replaces the previous import in one atomic swap.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import sys
from pathlib import Path

from data import intake, rules
from data.import_store import write_atomically
from data.layout import DATA_DIR, imports_dir
from data.problems import Problem, ProblemsError, Refusal, StorageError

DB_NAME = "campus_deployments.duckdb"
COLUMNS = ["date", "school", "board_district", "region", "reason", "lat", "lon", "cds_code"]
REQUIRED = COLUMNS[:5]
HEADERS = (REQUIRED, COLUMNS[:7], REQUIRED + ["cds_code"], COLUMNS)  # lat and lon come together
REGIONS = ("North", "East", "South", "West")
MAX_ROWS = rules.limit("import_rows")
MAX_PROBLEMS = 25
SCHEMA = """
CREATE TABLE import_info (
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    records     INTEGER NOT NULL
);
CREATE TABLE campus_deployments (
    record_no       INTEGER PRIMARY KEY,
    deployment_date DATE NOT NULL,
    school          VARCHAR NOT NULL CHECK (length(trim(school)) > 0),
    board_district  INTEGER NOT NULL CHECK (board_district BETWEEN 1 AND 7),
    region          VARCHAR NOT NULL CHECK (region IN ('North', 'East', 'South', 'West')),
    reason          VARCHAR NOT NULL,
    lat             DOUBLE CHECK (lat IS NULL OR lat BETWEEN 33 AND 35),
    lon             DOUBLE CHECK (lon IS NULL OR lon BETWEEN -119 AND -117),
    cds_code        VARCHAR CHECK (cds_code IS NULL OR regexp_full_match(cds_code, '[0-9]{14}')),
    CHECK ((lat IS NULL) = (lon IS NULL))
);
"""
TABLE = "campus_deployments"  # whose rules in data/rules.toml the dates and numbers follow


class RecordsError(ProblemsError):
    """The campus records cannot be imported as they are; nothing was changed."""

    heading = "The campus records were not imported; nothing was changed."


def authorizing_reasons(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """{id or lower-cased label: id} for the published authorizing reasons."""
    with open(data_dir / "deployment_conditions.csv", newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "authorizing_reason"]
    out = {r["condition_id"]: r["condition_id"] for r in rows}
    out.update({r["label"].strip().lower(): r["condition_id"] for r in rows})
    return out


def directory_codes(data_dir: Path = DATA_DIR) -> set[str]:
    """The CDS codes of the state school directory's active LAUSD schools (data/school_directory_2018.csv)."""
    with open(data_dir / "school_directory_2018.csv", newline="", encoding="utf-8") as fh:
        return {r["cds_code"] for r in csv.DictReader(fh)}


def _short(text: str, limit: int = 40) -> str:
    return intake.short(text, limit)


def parse_records(raw: bytes, name: str, today: dt.date | None = None) -> list[tuple]:
    """Check the CSV and return typed rows; raises RecordsError naming every bad row and column.

    Read through the hardened reader (data/intake.py): UTF-8, strict CSV, the row and time limits, the text rules
    for every cell, and data/rules.toml for the date, the board district and the coordinates."""

    def problem(message, row=None, column=None):
        return Problem(name, message, row=row, column=column)

    deadline = intake.Deadline(name)
    try:
        text, _notes = intake.decode(raw, name)
        found = [r for r in intake.records(text, name, MAX_ROWS, deadline) if any(cell.strip() for cell in r)]
    except intake.IntakeError as exc:
        raise RecordsError(exc.problems) from None
    if not found:
        raise RecordsError([problem("is empty: it needs the header row " + ",".join(COLUMNS))])
    header = [h.strip().lower() for h in found[0]]
    if header not in HEADERS:
        raise RecordsError(
            [
                problem(
                    "the header row must be exactly '" + ",".join(COLUMNS) + "' (lat,lon and cds_code may be "
                    "left out); found '" + _short(",".join(header), 120) + "'"
                )
            ]
        )
    body = found[1:]
    if not body:
        raise RecordsError([problem("has a header but no records")])
    reasons = authorizing_reasons()
    codes = directory_codes() if "cds_code" in header else set()
    allowed_reasons = ", ".join(sorted({v for v in reasons.values()}))
    date_rule = rules.rule_for(TABLE, "deployment_date")
    bd_rule = rules.rule_for(TABLE, "board_district")
    lat_rule, lon_rule = rules.rule_for(TABLE, "lat"), rules.rule_for(TABLE, "lon")
    problems: list[Problem] = []
    rows: list[tuple] = []
    for number, cells in enumerate(body, start=1):
        if number % 1000 == 0:
            try:
                deadline.check(number)
            except intake.IntakeError as exc:
                raise RecordsError(problems[:MAX_PROBLEMS] + exc.problems) from None
        if len(cells) != len(header):
            problems.append(problem(f"has {len(cells)} cells; the header has {len(header)}", number))
            continue
        bad = len(problems)
        for column, raw_cell in zip(header, cells):  # the same text rules as every upload
            why = intake.name_refusal(raw_cell) if column == "school" else intake.text_refusal(raw_cell)
            if why is not None:
                problems.append(why.problem(name, number, column))
        if len(problems) > bad:
            continue
        cell = {h: c.strip() for h, c in zip(header, cells)}
        date = bd = None
        try:
            date = rules.day(cell["date"], date_rule, today)
        except Refusal as exc:
            problems.append(exc.problem(name, number, "date"))
        if not cell["school"]:
            problems.append(problem("is empty; name the campus", number, "school"))
        try:
            bd = rules.number(cell["board_district"], bd_rule, whole=True, db_type="INTEGER")
        except Refusal as exc:
            problems.append(exc.problem(name, number, "board_district"))
        region = next((r for r in REGIONS if r.lower() == cell["region"].lower()), None)
        if region is None:
            problems.append(
                problem(f"'{_short(cell['region'])}' is not a region (North, East, South or West)", number, "region")
            )
        reason = reasons.get(cell["reason"]) or reasons.get(cell["reason"].lower())
        if reason is None:
            problems.append(
                problem(
                    f"'{_short(cell['reason'])}' is not an authorizing reason ({allowed_reasons})", number, "reason"
                )
            )
        lat = lon = None
        if "lat" in cell and (cell["lat"] or cell["lon"]):
            try:
                lat, lon = rules.number(cell["lat"]), rules.number(cell["lon"])
            except Refusal:
                problems.append(
                    problem("lat and lon must both be decimal numbers, or both be empty", number, "lat, lon")
                )
            else:
                try:
                    lat, lon = float(rules.number(cell["lat"], lat_rule)), float(rules.number(cell["lon"], lon_rule))
                except Refusal as exc:
                    message = (
                        str(exc)
                        if exc.code == "number.decimals"
                        else f"({cell['lat']}, {cell['lon']}) is not in the Los Angeles area: "
                        "write WGS84 decimal degrees, latitude in lat and longitude (negative) in lon"
                    )
                    problems.append(problem(message, number, "lat, lon"))
        code = cell.get("cds_code") or None
        if code is not None and code not in codes:
            problems.append(
                problem(
                    f"'{_short(code)}' is not the CDS code of an active LAUSD school in the state school directory "
                    "(data/school_directory_2018.csv); leave it empty if the school is not there",
                    number,
                    "cds_code",
                )
            )
        if len(problems) == bad:
            rows.append((number, date, cell["school"], bd, region, reason, lat, lon, code))
        if len(problems) >= MAX_PROBLEMS * 4:
            break
    if problems:
        raise RecordsError(problems)
    return rows


def import_records(path: Path, target: Path | None = None) -> int:
    target = target or imports_dir() / DB_NAME
    path = Path(path)
    try:
        raw = intake.read_file(path, path.name, rules.limit("import_bytes"))
    except intake.IntakeError as exc:
        raise RecordsError(exc.problems) from None
    rows = parse_records(raw, path.name)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)

    def fill(con) -> None:
        con.execute(SCHEMA)
        con.executemany("INSERT INTO campus_deployments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [list(r) for r in rows])
        con.execute(
            "INSERT INTO import_info VALUES (?, ?, ?, ?)", [path.name, hashlib.sha256(raw).hexdigest(), now, len(rows)]
        )
        if con.execute("SELECT count(*) FROM campus_deployments").fetchone()[0] != len(rows):
            raise RuntimeError("the new file did not hold every record")

    write_atomically(target, fill)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the records CSV")
    parser.add_argument("--db", type=Path, default=None, help=f"target file (default data/imports/{DB_NAME})")
    args = parser.parse_args(argv)
    try:
        n = import_records(args.file, args.db)
    except (RecordsError, StorageError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Imported {n} campus deployment records into {args.db or imports_dir() / DB_NAME}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
