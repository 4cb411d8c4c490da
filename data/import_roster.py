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
import csv
import datetime as dt
import hashlib
import io
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import duckdb

from data.import_store import write_atomically
from data.layout import imports_dir
from data.problems import Problem, ProblemsError

ROSTER_DB_NAME = "safe_passage_roster.duckdb"
REQUIRED_COLUMNS = ("school", "board_district", "region", "provider", "start_date", "end_date", "status")
OPTIONAL_COLUMNS = ("lat", "lon")
REGIONS = ("North", "East", "South", "West")
STATUSES = ("running", "ended", "proposed", "unknown")
# Plausible coordinates for Los Angeles Unified (the same bounds the published school_locations table uses).
LAT_RANGE = (33.0, 35.0)
LON_RANGE = (-119.0, -117.0)
MAX_BYTES = 5_000_000
MAX_ROWS = 5_000
MAX_TEXT = 200

# A cell starting with one of these runs as a formula in a spreadsheet (CSV injection); markup is never data.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|")
_MARKUP = re.compile(r"<[^>]*>|<\s*/?\s*[a-zA-Z!]|&#|javascript:", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"\d+")

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
    """A plain-text cell, or ValueError: no formulas, markup, control characters or overlong values."""
    if value == "":
        if required:
            raise ValueError("is empty, but this column needs a value")
        return None
    if value.startswith(_FORMULA_START):
        raise ValueError(
            f"starts with '{_short(value[0])}', which a spreadsheet would run as a formula; remove that character"
        )
    if _MARKUP.search(value):
        raise ValueError("contains HTML or markup (such as <…>); write plain text only")
    if any(not ch.isprintable() for ch in value):
        raise ValueError("contains control characters; write plain text only")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value)} characters long; the limit is {MAX_TEXT}")
    return value


def _date(value: str, required: bool) -> dt.date | None:
    if value == "":
        if required:
            raise ValueError("is empty, but this column needs a date (YYYY-MM-DD)")
        return None
    if not _DATE.fullmatch(value):
        raise ValueError(f"'{_short(value)}' is not a date written YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{_short(value)}' is not a real calendar date") from None
    if not 1940 <= day.year <= 2100:
        raise ValueError(f"'{value}' is outside the years 1940 to 2100")
    return day


def _coordinate(value: str, bounds: tuple[float, float], what: str) -> float | None:
    if value == "":
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"'{_short(value)}' is not a number (decimal degrees, e.g. {bounds[0] + 1})") from None
    if not number.is_finite() or not bounds[0] <= number <= bounds[1]:
        raise ValueError(
            f"{_short(value)} is outside the Los Angeles area ({what} must be between {bounds[0]} and {bounds[1]})"
        )
    return float(number)


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise RosterError([Problem(name, f"is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterError(
            [Problem(name, f"is not UTF-8 text (bad byte at position {exc.start}); save it as 'CSV UTF-8'")]
        ) from None
    if "\0" in text:
        raise RosterError([Problem(name, "contains a NUL byte; it is not a text CSV file")])
    return text


def parse_roster(raw: bytes, name: str = "roster.csv") -> list[dict]:
    """Validate a roster CSV. Returns typed rows, or raises RosterError naming every row and column at fault."""
    text = _decode(raw, name)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise RosterError([Problem(name, f"is not a well-formed CSV file ({exc})")]) from None
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
        detail.append("missing column(s): " + ", ".join(missing))
    if unknown:
        detail.append("unknown column(s): " + ", ".join(_short(u) for u in unknown))
    if repeated:
        detail.append("repeated column(s): " + ", ".join(repeated))
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
    if len(body) > MAX_ROWS:
        raise RosterError([Problem(name, f"has {len(body):,} rows; the limit is {MAX_ROWS:,}")])

    problems: list[Problem] = []
    rows: list[dict] = []
    seen: dict[tuple, int] = {}
    for number, record in enumerate(body, start=1):
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
            except ValueError as exc:
                problems.append(Problem(name, str(exc), row=number, column=column))

        check("school", lambda v: _text(v, required=True))
        check("provider", lambda v: _text(v, required=False))

        def board_district(v: str) -> int:
            if not _INT.fullmatch(v) or not 1 <= int(v) <= 7:
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
        check("start_date", lambda v: _date(v, required=True))
        check("end_date", lambda v: _date(v, required=False))
        check("status", status)
        check("lat", lambda v: _coordinate(v, LAT_RANGE, "latitude"))
        check("lon", lambda v: _coordinate(v, LON_RANGE, "longitude"))
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


def import_roster(csv_path: Path, db_path: Path | None = None) -> int:
    """Validate `csv_path` and swap it in as the imported roster. Returns the number of rows imported."""
    csv_path = Path(csv_path)
    db_path = Path(db_path) if db_path else default_roster_path()
    try:
        raw = csv_path.read_bytes()
    except OSError as exc:
        raise RosterError([Problem(str(csv_path), f"cannot be read ({exc.strerror or exc})")]) from None
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
            try:
                raw = args.file.read_bytes()
            except OSError as exc:
                raise RosterError([Problem(str(args.file), f"cannot be read ({exc.strerror or exc})")]) from None
            n = len(parse_roster(raw, args.file.name))
            print(f"{args.file.name} is valid: {n} rows. Nothing was changed (--check).")
        else:
            n = import_roster(args.file, args.db)
            print(f"Imported {n} rows from {args.file.name} into {args.db or default_roster_path()}.")
        return 0
    except RosterError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
