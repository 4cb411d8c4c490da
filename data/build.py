"""Build data/safety.duckdb from the source-cited CSV files in data/.

    python -m data.build            build (or rebuild) the database
    python -m data.build --check    validate the CSVs without replacing the database

The build writes a new file beside the live one, validates it, and swaps it in with an atomic rename, so a
reader never sees half a database and a failed build leaves the previous one untouched. Errors name the file,
row and column in plain words.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import re
import sys
import threading
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import duckdb

from data.import_store import write_atomically

DATA_DIR = Path(__file__).resolve().parent
SCHEMA_FILE = "schema.sql"
DB_NAME = "safety.duckdb"
# Bump when the build's own logic changes, so existing databases are rebuilt.
BUILD_VERSION = "1"

# Load order respects the foreign keys. A table may be fed by several CSV files; for `observations` the file
# name is stored in its `dataset` column.
MANIFEST: list[tuple[str, list[str]]] = [
    ("sources", ["sources"]),
    ("location_levels", ["location_levels"]),
    ("spending_categories", ["spending_categories"]),
    ("budget_lines", ["budget_lines"]),
    ("budget_totals", ["budget_totals"]),
    ("budget_line_categories", ["budget_line_categories"]),
    ("laspd_budget_items", ["laspd_budget_items"]),
    ("board_districts", ["board_districts"]),
    ("board_members", ["board_members"]),
    ("regions", ["regions"]),
    ("schools", ["schools"]),
    ("school_locations", ["school_locations"]),
    ("deployments_by_board_district", ["deployments_by_board_district"]),
    ("deployments_by_region", ["deployments_by_region"]),
    ("deployment_facts", ["deployment_facts"]),
    ("deployment_conditions", ["deployment_conditions"]),
    ("policy_points", ["policy_points"]),
    ("observations", ["laspd_history", "district_budget_context", "cbs_funding", "safe_passage_counts",
                      "enrollment_context"]),
    ("enrollment", ["enrollment"]),
    ("safe_passage_sites", ["safe_passage_sites"]),
    ("town_halls", ["town_halls"]),
    ("timeline", ["timeline"]),
    ("later_years", ["later_years"]),
    ("map_label_points", ["map_label_points"]),
    ("unpublished_data", ["unpublished_data"]),
]
DATASET_COLUMN = {"observations": "dataset"}
# Written by data/publish.py while a staff publish swaps data in; its presence means one was interrupted.
PUBLISH_JOURNAL = ".publish-pending.json"
MAX_REPORTED_ERRORS = 25


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row, or file), said in plain words."""

    file: str
    message: str
    row: int | None = None  # data row number, 1 = first row under the header
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.row + 1} of the file)"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class ProblemsError(Exception):
    """A file cannot be used as it is: a heading, then one line per problem (at most MAX_REPORTED_ERRORS)."""

    heading = "The file could not be used; nothing was changed."

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"- {p}" for p in problems[:MAX_REPORTED_ERRORS])
        more = len(problems) - MAX_REPORTED_ERRORS
        tail = f"\n- … and {more} more" if more > 0 else ""
        super().__init__(f"{self.heading}\n{shown}{tail}")


class BuildError(ProblemsError):
    """The CSVs cannot be published as they are. `problems` lists what is wrong."""

    heading = "The data could not be built; nothing was changed."


def default_db_path() -> Path:
    """data/safety.duckdb, unless SAFETY_DB_PATH names another file (tests, benchmarks, a shared volume)."""
    return Path(os.environ.get("SAFETY_DB_PATH", DATA_DIR / DB_NAME))


# ------------------------------------------------------------------------------------------- fingerprint

def csv_paths(data_dir: Path) -> list[Path]:
    return [data_dir / f"{stem}.csv" for _, stems in MANIFEST for stem in stems]


def fingerprint(data_dir: Path) -> str:
    """A hash of everything the database is built from: the schema, every CSV, and the build version."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for path in [data_dir / SCHEMA_FILE, *csv_paths(data_dir)]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.exists() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


# ------------------------------------------------------------------------------------------- reading CSVs

@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type name, e.g. VARCHAR, INTEGER, DECIMAL(18,2)
    nullable: bool


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[Column]:
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = $t ORDER BY ordinal_position",
        {"t": table},
    ).fetchall()
    return [Column(name, dtype.upper(), nullable == "YES") for name, dtype, nullable in rows]


_INT_RE = re.compile(r"-?\d+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def convert(raw: str, column: Column):
    """Turn one CSV cell into a Python value for `column`, or raise ValueError with a plain explanation."""
    text = raw.strip()
    if text == "":
        if not column.nullable:
            raise ValueError("is empty, but this column needs a value")
        return None
    t = column.type
    if t in ("INTEGER", "BIGINT", "SMALLINT"):
        if not _INT_RE.fullmatch(text):
            raise ValueError(f"'{_short(text)}' is not a whole number (write digits only, no commas, $ or spaces)")
        return int(text)
    if t.startswith("DECIMAL") or t in ("DOUBLE", "FLOAT", "REAL"):
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"'{_short(text)}' is not a number (write digits and a decimal point only)") from None
        if not value.is_finite():
            raise ValueError(f"'{_short(text)}' is not a number")
        return float(value) if t in ("DOUBLE", "FLOAT", "REAL") else value
    if t == "BOOLEAN":
        if text not in ("true", "false"):
            raise ValueError(f"'{_short(text)}' must be true or false")
        return text == "true"
    if t == "DATE":
        if not _DATE_RE.fullmatch(text):
            raise ValueError(f"'{_short(text)}' is not a date written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{_short(text)}' is not a real calendar date") from None
    return text


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def header_problem(name: str, header: list[str], expected: list[str]) -> Problem | None:
    """None when the header row is exactly `expected`; else what is missing, unknown or out of order."""
    if header == expected:
        return None
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    detail = []
    if missing:
        detail.append("missing column(s): " + ", ".join(missing))
    if extra:
        detail.append("unknown column(s): " + ", ".join(_short(e, 40) for e in extra))
    if not detail:
        detail.append("columns are in the wrong order")
    return Problem(name, "the header row does not match the table: " + "; ".join(detail)
                   + ". Expected: " + ",".join(expected))


def read_csv(path: Path, columns: list[Column], skip: set[str]) -> tuple[list[list], list[Problem]]:
    """Read and type-check one CSV. Returns typed rows (in `columns` order, minus `skip`) and problems."""
    name = f"data/{path.name}"
    if not path.exists():
        return [], [Problem(name, "the file is missing")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from a spreadsheet export is harmless
    except UnicodeDecodeError as exc:
        return [], [Problem(name, f"is not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8 CSV")]
    if "\0" in text:
        return [], [Problem(name, "contains a NUL byte; it is not a text CSV file")]
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        hint = " — probably a quote that is never closed" if "end of data" in str(exc) else ""
        return [], [Problem(name, f"is not a well-formed CSV file ({exc}){hint}")]
    if not records:
        return [], [Problem(name, "is empty: it needs a header row")]
    header = [h.strip() for h in records[0]]
    expected = [c.name for c in columns if c.name not in skip]
    mismatch = header_problem(name, header, expected)
    if mismatch:
        return [], [mismatch]
    wanted = [c for c in columns if c.name not in skip]
    rows, problems = [], []
    for number, record in enumerate(records[1:], start=1):
        if not any(cell.strip() for cell in record):
            problems.append(Problem(name, "is an empty line; remove it", row=number))
            continue
        if len(record) != len(wanted):
            problems.append(Problem(name, f"has {len(record)} cells but the header has {len(wanted)}"
                                          " (check for an unquoted comma)", row=number))
            continue
        typed = []
        for cell, column in zip(record, wanted):
            try:
                typed.append(convert(cell, column))
            except ValueError as exc:
                problems.append(Problem(name, str(exc), row=number, column=column.name))
        rows.append(typed)
    return rows, problems


# ------------------------------------------------------------------------------------------- loading

def _explain_db_error(exc: Exception, columns: list[str]) -> tuple[str | None, str]:
    """Name the column a DuckDB constraint error is about, and say it in plain words."""
    msg = str(exc).split("\n")[0]
    msg = re.sub(r"^[A-Za-z ]+Error: ", "", msg)
    named = [c for c in columns if re.search(rf"\b{re.escape(c)}\b", msg)]
    column = named[0] if len(named) == 1 else (", ".join(named) if named else None)
    if "foreign key" in msg.lower():
        return column, "refers to a value that does not exist in the table it points to (" + msg + ")"
    if "duplicate key" in msg.lower() or "primary key" in msg.lower() or "unique" in msg.lower():
        return column, "repeats a key that an earlier row already uses (" + msg + ")"
    if "check constraint" in msg.lower():
        return column, "breaks a rule of the data (" + msg + ")"
    return column, msg


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> dict[str, int]:
    """Create the schema and load every CSV. Raises BuildError listing every problem found."""
    con.execute((data_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
    problems: list[Problem] = []
    parsed: list[tuple[str, str, list[Column], list[list]]] = []
    for table, stems in MANIFEST:
        columns = table_columns(con, table)
        extra = DATASET_COLUMN.get(table)
        for stem in stems:
            rows, found = read_csv(data_dir / f"{stem}.csv", columns, {extra} if extra else set())
            problems.extend(found)
            if extra:
                rows = [[stem, *row] for row in rows]
            parsed.append((table, stem, columns, rows))
    if problems:
        raise BuildError(problems)

    counts: dict[str, int] = {}
    for table, stem, columns, rows in parsed:
        names = [c.name for c in columns]
        sql = f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" for _ in names)})'
        for number, row in enumerate(rows, start=1):
            try:
                con.execute(sql, row)
            except duckdb.Error as exc:
                column, message = _explain_db_error(exc, names)
                raise BuildError([Problem(f"data/{stem}.csv", message, row=number, column=column)]) from None
        counts[table] = counts.get(table, 0) + len(rows)
    return counts


def validate(con: duckdb.DuckDBPyConnection, counts: dict[str, int]) -> None:
    """Checks on the finished database, before it is allowed to replace the live one."""
    problems = []
    for table in ("sources", "budget_lines", "budget_totals", "deployments_by_board_district",
                  "deployments_by_region", "deployment_facts", "board_districts", "regions"):
        if counts.get(table, 0) == 0:
            problems.append(Problem(f"data/{table}.csv", "has no rows; the dashboard needs them"))
    unmapped = con.execute(
        "SELECT line_id FROM budget_lines LEFT JOIN budget_line_categories USING (line_id) "
        "WHERE category_id IS NULL").fetchall()
    for (line_id,) in unmapped:
        problems.append(Problem("data/budget_line_categories.csv",
                                f"budget line '{line_id}' has no spending category"))
    # The derived views must run on the new data.
    for view in ("budget_reconciliation", "deployment_reconciliation"):
        con.execute(f"SELECT count(*) FROM {view}").fetchone()
    if problems:
        raise BuildError(problems)


def check(data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Load and validate the CSVs in an in-memory database, writing nothing; rows per table.
    Raises ProblemsError (or BuildError) exactly as build() would."""
    con = duckdb.connect(":memory:")
    try:
        counts = load(con, data_dir)
        validate(con, counts)
    finally:
        con.close()
    return counts


def build(data_dir: Path = DATA_DIR, db_path: Path | None = None) -> dict[str, int]:
    """Build the database into a new file and swap it in atomically. Returns row counts per table."""
    data_dir = Path(data_dir)
    db_path = Path(db_path) if db_path else default_db_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = fingerprint(data_dir)
    counts: dict[str, int] = {}

    def fill(con: duckdb.DuckDBPyConnection) -> None:
        counts.update(load(con, data_dir))
        validate(con, counts)
        con.execute("INSERT INTO build_info VALUES ($f, now()::TIMESTAMP, $c)",
                    {"f": stamp, "c": json.dumps(counts, sort_keys=True)})

    # readers see the old file or the new one, never a mix; a failure leaves the old one untouched
    write_atomically(db_path, fill, suffix=".building")
    return counts


# ------------------------------------------------------------------------------------------- app start-up

_stored_fingerprints: dict[tuple, str] = {}  # (path, inode, mtime_ns, size) -> fingerprint read from that file


def stored_fingerprint(db_path: Path) -> str | None:
    """The fingerprint the database was built from, or None if it is missing or unreadable.

    Remembered per file identity (inode, mtime, size): every new session asks (shell.database_ready), and opening
    the file to read one value cost 30-150 ms a session (BENCHMARKS.md); a rebuilt file (os.replace) or any
    change in place has a new identity and is read again.
    """
    try:
        st = os.stat(db_path)
    except OSError:
        return None
    identity = (str(db_path), st.st_ino, st.st_mtime_ns, st.st_size)
    known = _stored_fingerprints.get(identity)
    if known is not None:
        return known
    found = _read_stored_fingerprint(db_path)
    if found is not None:
        if len(_stored_fingerprints) > 64:
            _stored_fingerprints.clear()
        _stored_fingerprints[identity] = found
    return found


def _read_stored_fingerprint(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    # ATTACH from a private in-memory instance: duckdb.connect(path) would hand back a cached instance of the
    # file this process already has open, which still shows the pre-swap database after a rebuild elsewhere.
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $path AS db (READ_ONLY)", {"path": str(db_path)})
        row = con.execute("SELECT fingerprint FROM db.build_info").fetchone()
        return row[0] if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


@dataclass(frozen=True)
class EnsureResult:
    action: str  # "current", "built", "rebuilt_damaged", "kept_previous"
    error: BuildError | None = None


_process_lock = threading.Lock()


def ensure_database(data_dir: Path = DATA_DIR, db_path: Path | None = None) -> EnsureResult:
    """Make sure an up-to-date database exists; safe when many sessions and processes call it at once.

    Builds when the file is missing, damaged, or built from other CSVs than those on disk. If the CSVs are
    broken but a previous database exists, that one is kept (action "kept_previous", with the error).
    Raises BuildError only when there is no usable database at all.
    """
    data_dir = Path(data_dir)
    db_path = Path(db_path) if db_path else default_db_path()
    wanted = fingerprint(data_dir)
    pending = (data_dir / PUBLISH_JOURNAL).exists()
    if not pending and stored_fingerprint(db_path) == wanted:
        return EnsureResult("current")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _process_lock, open(db_path.parent / f".{db_path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one builder at a time, across processes
        if (data_dir / PUBLISH_JOURNAL).exists():  # a staff publish was interrupted: finish it first
            from data.publish import finish_interrupted
            finish_interrupted(data_dir, db_path)
            wanted = fingerprint(data_dir)
        existing = stored_fingerprint(db_path)
        if existing == wanted:  # another process built it while we waited
            return EnsureResult("current")
        damaged = db_path.exists() and existing is None
        try:
            build(data_dir, db_path)
        except BuildError as exc:
            if existing is not None:
                return EnsureResult("kept_previous", exc)
            raise
        return EnsureResult("rebuilt_damaged" if damaged else "built")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="validate the CSVs only; do not replace the database")
    parser.add_argument("--db", type=Path, default=None, help=f"database file (default data/{DB_NAME})")
    args = parser.parse_args(argv)
    try:
        if args.check:
            counts = check(DATA_DIR)
            print("The CSV files are valid:", sum(counts.values()), "rows in", len(counts), "tables.")
        else:
            counts = build(DATA_DIR, args.db)
            target = args.db or default_db_path()
            print(f"Built {target}: {sum(counts.values())} rows in {len(counts)} tables.")
        for table, n in counts.items():
            print(f"  {table:32} {n:5}")
        return 0
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
