"""Import the district's own safe-passage roster (a CSV from staff) into data/imports/safe_passage_roster.duckdb.

    python -m data.import_roster FILE.csv            validate FILE and replace the imported roster
    python -m data.import_roster FILE.csv --check    validate only; change nothing

The roster is district-supplied and unpublished: it never goes into the published CSVs in data/. The page shows
it beside the published facts, labelled as such. Start from data/templates/safe_passage_roster_template.csv:

    school          school name (required, plain text)
    board_district  1 to 7 (required)
    region          North, East, South or West (required)
    provider        who runs the program (may be empty: shown as "not given")
    start_date      YYYY-MM-DD (required)
    end_date        YYYY-MM-DD, not before start_date (empty while the program runs)
    status          running, ended, proposed or unknown (required)
    lat, lon        decimal degrees, only where known (both or neither; the two columns may also be left out)

The import writes a new file beside the old one, checks it, and swaps it in with an atomic rename. A file with
any problem is refused as a whole, with a message naming the row and column, and the previous import is left
exactly as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

import duckdb

from data import intake, rules
from data.import_store import write_atomically
from data.layout import imports_dir
from data.problems import Problem, ProblemsError, Refusal, StorageError

ROSTER_DB_NAME = "safe_passage_roster.duckdb"
REQUIRED_COLUMNS = ("school", "board_district", "region", "provider", "start_date", "end_date", "status")
OPTIONAL_COLUMNS = ("lat", "lon")
REGIONS = ("North", "East", "South", "West")
STATUSES = ("running", "ended", "proposed", "unknown")
# Plausible coordinates for Los Angeles Unified (the same bounds the published school_locations table uses).
LAT_RANGE = (33.0, 35.0)
LON_RANGE = (-119.0, -117.0)
MAX_BYTES = rules.limit("upload_bytes")
MAX_ROWS = rules.limit("roster_rows")
MAX_TEXT = rules.limit("name_chars")
TABLE = "safe_passage_roster"  # whose rules in data/rules.toml the dates and numbers follow
_INT = re.compile(r"[0-9]+", re.ASCII)

SCHEMA = """
CREATE TABLE safe_passage_roster (
    row_number     INTEGER PRIMARY KEY,
    school         VARCHAR NOT NULL,
    board_district INTEGER NOT NULL CHECK (board_district BETWEEN 1 AND 7),
    region         VARCHAR NOT NULL CHECK (region IN ('North', 'East', 'South', 'West')),
    provider       VARCHAR,
    start_date     DATE NOT NULL,
    end_date       DATE,
    status         VARCHAR NOT NULL CHECK (status IN ('running', 'ended', 'proposed', 'unknown')),
    lat            DOUBLE CHECK (lat IS NULL OR lat BETWEEN 33 AND 35),
    lon            DOUBLE CHECK (lon IS NULL OR lon BETWEEN -119 AND -117),
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE TABLE import_info (
    imported_at TIMESTAMP NOT NULL,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    row_count   INTEGER NOT NULL
);
"""


class RosterError(ProblemsError):
    """The roster cannot be imported as it is. `problems` lists what is wrong; nothing was changed."""

    heading = "The roster was not imported; the previous import is unchanged."


def default_roster_path() -> Path:
    """data/imports/safe_passage_roster.duckdb (the folder moves with SAFETY_IMPORTS_DIR, as for every import)."""
    return imports_dir() / ROSTER_DB_NAME


def _short(text: str, limit: int = 40) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[:limit] + "…"


def _text(value: str, required: bool) -> str | None:
    """A plain-text cell (the text rules of every upload: data/intake.py), or ValueError."""
    if value == "":
        if required:
            raise ValueError("is empty, but this column needs a value")
        return None
    why = intake.name_refusal(value)
    if why is not None:
        raise why
    return value


def _date(value: str, required: bool, column: str) -> dt.date | None:
    if value == "":
        if required:
            raise ValueError("is empty, but this column needs a date (YYYY-MM-DD)")
        return None
    return rules.day(value, rules.rule_for(TABLE, column))


def _coordinate(value: str, bounds: tuple[float, float], what: str, column: str) -> float | None:
    if value == "":
        return None
    try:
        rules.number(value)
    except Refusal:
        raise ValueError(f"'{_short(value)}' is not a number (decimal degrees, e.g. {bounds[0] + 1})") from None
    try:
        return float(rules.number(value, rules.rule_for(TABLE, column)))
    except Refusal as exc:
        if exc.code == "number.decimals":
            raise
        raise ValueError(
            f"{_short(value)} is outside the Los Angeles area ({what} must be between {bounds[0]} and {bounds[1]})"
        ) from None


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise RosterError([Problem(name, f"is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")])
    try:
        text, _notes = intake.decode(raw, name)
    except intake.IntakeError as exc:
        raise RosterError(exc.problems) from None
    return text


def parse_roster(raw: bytes, name: str = "roster.csv") -> list[dict]:
    """Validate a roster CSV. Returns typed rows, or raises RosterError naming every row and column at fault."""
    text = _decode(raw, name)
    deadline = intake.Deadline(name)
    try:
        records = intake.records(text, name, MAX_ROWS, deadline)
    except intake.IntakeError as exc:
        raise RosterError(exc.problems) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise RosterError(
            [
                Problem(
                    name,
                    "is empty: it needs the header row of the template "
                    f"({','.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)})",
                )
            ]
        )
    header = [h.strip().lower() for h in records[0]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [h for h in header if h not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    repeated = sorted({h for h in header if header.count(h) > 1})
    half_coords = [c for c in OPTIONAL_COLUMNS if c not in header] if any(c in header for c in OPTIONAL_COLUMNS) else []
    detail = []
    if missing:
        detail.append("missing columns: " + ", ".join(missing))
    if unknown:
        detail.append("unknown columns: " + ", ".join(_short(u) for u in unknown))
    if repeated:
        detail.append("repeated columns: " + ", ".join(repeated))
    if half_coords:
        detail.append("lat and lon go together; missing: " + ", ".join(half_coords))
    if detail:
        raise RosterError(
            [
                Problem(
                    name,
                    "the header row does not match the template: "
                    + "; ".join(detail)
                    + ". Expected: "
                    + ",".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS),
                )
            ]
        )
    body = records[1:]

    problems: list[Problem] = []
    rows: list[dict] = []
    seen: dict[tuple, int] = {}
    for number, record in enumerate(body, start=1):
        if number % 1000 == 0:
            try:
                deadline.check(number)
            except intake.IntakeError as exc:
                raise RosterError(problems[:25] + exc.problems) from None
        if not any(cell.strip() for cell in record):
            continue  # blank lines at the end of a spreadsheet export are harmless
        if len(record) != len(header):
            problems.append(
                Problem(
                    name,
                    f"has {len(record)} cells but the header has {len(header)} (check for an unquoted comma)",
                    row=number,
                )
            )
            continue
        cells = {h: cell.strip() for h, cell in zip(header, record)}
        row: dict = {"row_number": number}
        bad = len(problems)

        def check(column: str, parse, row=row, cells=cells, number=number) -> None:
            try:
                row[column] = parse(cells.get(column, ""))
            except Refusal as exc:
                problems.append(exc.problem(name, number, column))
            except ValueError as exc:
                problems.append(Problem(name, str(exc), row=number, column=column))

        for column, raw_cell in zip(header, record):  # the same text rules as every upload, for every cell
            why = intake.text_refusal(raw_cell)
            if why is not None and column not in ("school", "provider"):
                problems.append(why.problem(name, number, column))
        if len(problems) > bad:
            continue

        check("school", lambda v: _text(v, required=True))
        check("provider", lambda v: _text(v, required=False))

        def board_district(v: str) -> int:
            if not _INT.fullmatch(v) or not 1 <= int(v[:3]) <= 7 or len(v) > 3:
                raise ValueError(
                    f"'{_short(v)}' is not a board district: write a whole number from 1 to 7"
                    if v
                    else "is empty, but this column needs a board district (1 to 7)"
                )
            return int(v)

        def region(v: str) -> str:
            match = [r for r in REGIONS if r.lower() == v.lower()]
            if not match:
                raise ValueError(
                    f"'{_short(v)}' is not a region: write one of {', '.join(REGIONS)}"
                    if v
                    else f"is empty, but this column needs a region ({', '.join(REGIONS)})"
                )
            return match[0]

        def status(v: str) -> str:
            if v.lower() not in STATUSES:
                raise ValueError(
                    f"'{_short(v)}' is not a status: write one of {', '.join(STATUSES)}"
                    if v
                    else f"is empty, but this column needs a status ({', '.join(STATUSES)})"
                )
            return v.lower()

        check("board_district", board_district)
        check("region", region)
        check("start_date", lambda v: _date(v, True, "start_date"))
        check("end_date", lambda v: _date(v, False, "end_date"))
        check("status", status)
        check("lat", lambda v: _coordinate(v, LAT_RANGE, "latitude", "lat"))
        check("lon", lambda v: _coordinate(v, LON_RANGE, "longitude", "lon"))
        if len(problems) > bad:
            continue
        if row["end_date"] and row["end_date"] < row["start_date"]:
            problems.append(
                Problem(
                    name,
                    f"end date {row['end_date']} is before the start date {row['start_date']}",
                    row=number,
                    column="end_date",
                )
            )
            continue
        if (row["lat"] is None) != (row["lon"] is None):
            missing_one = "lon" if row["lon"] is None else "lat"
            problems.append(Problem(name, "give both lat and lon, or leave both empty", row=number, column=missing_one))
            continue
        key = (row["school"].casefold(), (row["provider"] or "").casefold(), row["start_date"])
        if key in seen:
            problems.append(
                Problem(name, f"repeats row {seen[key]} (same school, provider and start date)", row=number)
            )
            continue
        seen[key] = number
        rows.append(row)
    if problems:
        raise RosterError(problems)
    if not rows:
        raise RosterError([Problem(name, "has a header but no rows; nothing to import")])
    return rows


def _fill(rows: list[dict], file_name: str, digest: str):
    """The new roster file's contents, written by data.import_store.write_atomically (one transaction)."""

    def fill(con: duckdb.DuckDBPyConnection) -> None:
        con.execute(SCHEMA)
        columns = [
            "row_number",
            "school",
            "board_district",
            "region",
            "provider",
            "start_date",
            "end_date",
            "status",
            "lat",
            "lon",
        ]
        con.executemany(
            f"INSERT INTO safe_passage_roster ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [[r.get(c) for c in columns] for r in rows],
        )
        con.execute(
            "INSERT INTO import_info VALUES (now()::TIMESTAMP, $f, $h, $n)",
            {"f": file_name, "h": digest, "n": len(rows)},
        )
        stored = con.execute("SELECT count(*) FROM safe_passage_roster").fetchone()[0]
        if stored != len(rows):  # validate the new file before it may replace the old one
            raise RosterError([Problem(file_name, f"only {stored} of {len(rows)} rows were stored")])

    return fill


def _read(path: Path) -> bytes:
    """The roster file through the hardened reader: a regular file, within the byte and time limits."""
    try:
        return intake.read_file(path, Path(path).name, MAX_BYTES)
    except intake.IntakeError as exc:
        raise RosterError(exc.problems) from None


def import_roster(csv_path: Path, db_path: Path | None = None) -> int:
    """Validate `csv_path` and swap it in as the imported roster. Returns the number of rows imported."""
    csv_path = Path(csv_path)
    db_path = Path(db_path) if db_path else default_roster_path()
    raw = _read(csv_path)
    rows = parse_roster(raw, csv_path.name)
    # atomic: readers see the old roster or the new one, never a mix; a failure leaves the old one untouched
    write_atomically(db_path, _fill(rows, csv_path.name, hashlib.sha256(raw).hexdigest()))
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the roster CSV (start from data/templates/…_template.csv)")
    parser.add_argument("--check", action="store_true", help="validate only; do not replace the import")
    parser.add_argument("--db", type=Path, default=None, help=f"target file (default data/imports/{ROSTER_DB_NAME})")
    args = parser.parse_args(argv)
    try:
        if args.check:
            n = len(parse_roster(_read(args.file), args.file.name))
            print(f"{args.file.name} is valid: {n} rows. Nothing was changed (--check).")
        else:
            n = import_roster(args.file, args.db)
            print(f"Imported {n} rows from {args.file.name} into {args.db or default_roster_path()}.")
        return 0
    except (RosterError, StorageError) as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
