"""Build data/safety.duckdb from the source-cited CSV files in data/.

    python -m data.build            build (or rebuild) the database
    python -m data.build --check    validate the CSVs without replacing the database

The build writes a new file beside the live one, validates it, and swaps it in with an atomic rename, so a
reader never sees half a database and a failed build leaves the previous one untouched. Errors name the file,
row and column in plain words.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import duckdb

from data.csvio import Column, read_csv, table_columns
from data.import_store import write_atomically
from data.layout import DATA_DIR, DATASET_COLUMN, DB_NAME, MANIFEST, SCHEMA_FILE, csv_paths, default_db_path
from data.problems import BuildError, Problem

# Bump when the build's own logic changes, so existing databases are rebuilt.
BUILD_VERSION = "2"

SPANISH_MISSING = "is empty, but this text is shown to readers and needs its Spanish version"


def fingerprint(data_dir: Path) -> str:
    """A hash of everything the database is built from: the schema, every CSV, and the build version."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for path in [data_dir / SCHEMA_FILE, *csv_paths(data_dir)]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.exists() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


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


def english_of(spanish: str, names) -> str | None:
    """The English column a Spanish one translates: `summary` for `summary_es` (or `label_en` for `label_es`, as
    the incident tables name theirs); None when `spanish` is not a translation column."""
    if not spanish.endswith("_es"):
        return None
    base = spanish[: -len("_es")]
    return next((c for c in (base, base + "_en") if c in names), None)


def spanish_problems(name: str, columns: list[Column], rows: list[list]) -> list[Problem]:
    """Every text a reader sees has its Spanish version beside it: a row whose English text is there and whose
    `<column>_es` is empty (or the other way round) is named by file, row and column. The schema's translated()
    checks hold the same rule in the database; this says it in plain words first."""
    names = [c.name for c in columns]
    pairs = [(names.index(e), names.index(c)) for c in names if (e := english_of(c, names))]
    problems = []
    for number, row in enumerate(rows, start=1):
        if len(row) != len(names):
            continue  # a row the reader already refused
        for en, es in pairs:
            if row[en] is not None and row[es] is None:
                problems.append(Problem(name, SPANISH_MISSING, row=number, column=names[es]))
            elif row[en] is None and row[es] is not None:
                problems.append(
                    Problem(name, f"has a Spanish text but the English one ('{names[en]}') is empty", number, names[es])
                )
    return problems


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
            if not found:
                problems.extend(spanish_problems(f"data/{stem}.csv", [c for c in columns if c.name != extra], rows))
            if extra:
                rows = [[stem, *row] for row in rows]
            parsed.append((table, stem, columns, rows))
    if problems:
        raise BuildError(problems)

    counts: dict[str, int] = {}
    for index, (table, _stem, columns, rows) in enumerate(parsed):
        try:
            _insert(con, table, columns, rows)
        except duckdb.Error:
            # A CHECK, key or reference broke somewhere in this file: find the row in a scratch database (the
            # failed statement has aborted this connection's transaction).
            raise _located(data_dir, parsed, index) from None
        counts[table] = counts.get(table, 0) + len(rows)
    return counts


CHUNK_ROWS = 200  # rows per INSERT statement: one statement per row took 2 s for 1,700 rows, chunks 0.3 s


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[Column], rows: list[list]) -> None:
    names = ", ".join(c.name for c in columns)
    one = "(" + ", ".join("?" for _ in columns) + ")"
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        con.execute(
            f'INSERT INTO "{table}" ({names}) VALUES {", ".join(one for _ in chunk)}',
            [value for row in chunk for value in row],
        )


def _located(data_dir: Path, parsed: list, failed: int) -> BuildError:
    """The first row of parsed[failed] that the database refuses, named with its file, row and column."""
    scratch = duckdb.connect(":memory:")
    try:
        scratch.execute((data_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
        for table, _stem, columns, rows in parsed[:failed]:
            _insert(scratch, table, columns, rows)
        table, stem, columns, rows = parsed[failed]
        names = [c.name for c in columns]
        for number, row in enumerate(rows, start=1):
            try:
                _insert(scratch, table, columns, [row])
            except duckdb.Error as exc:
                column, message = _explain_db_error(exc, names)
                return BuildError([Problem(f"data/{stem}.csv", message, row=number, column=column)])
        return BuildError([Problem(f"data/{stem}.csv", "the database refused this file's rows together")])
    finally:
        scratch.close()


def validate(con: duckdb.DuckDBPyConnection, counts: dict[str, int]) -> None:
    """Checks on the finished database, before it is allowed to replace the live one."""
    problems = []
    for table in (
        "sources",
        "budget_lines",
        "budget_totals",
        "deployments_by_board_district",
        "deployments_by_region",
        "deployment_facts",
        "board_districts",
        "regions",
    ):
        if counts.get(table, 0) == 0:
            problems.append(Problem(f"data/{table}.csv", "has no rows; the dashboard needs them"))
    unmapped = con.execute(
        "SELECT line_id FROM budget_lines LEFT JOIN budget_line_categories USING (line_id) WHERE category_id IS NULL"
    ).fetchall()
    for (line_id,) in unmapped:
        problems.append(Problem("data/budget_line_categories.csv", f"budget line '{line_id}' has no spending category"))
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
        con.execute(
            "INSERT INTO build_info VALUES ($f, now()::TIMESTAMP, $c)",
            {"f": stamp, "c": json.dumps(counts, sort_keys=True)},
        )

    # readers see the old file or the new one, never a mix; a failure leaves the old one untouched
    write_atomically(db_path, fill, suffix=".building")
    return counts


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
