"""Build data/safety.duckdb from the source-cited CSV files in data/.

    python -m data.build            build (or rebuild) the database
    python -m data.build --check    validate the CSVs without replacing the database

The build writes a new file beside the live one, validates it, and swaps it in with an atomic rename, so a
reader never sees half a database and a failed build leaves the previous one untouched. Errors name the file,
row and column in plain words.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import sys
from pathlib import Path

import duckdb
import pandas as pd

from data import proof
from data.csvio import Column, read_csv, table_columns
from data.import_store import write_atomically
from data.layout import DATA_DIR, DATASET_COLUMN, DB_NAME, MANIFEST, SCHEMA_FILE, csv_paths, default_db_path
from data.problems import BuildError, Problem
from data.rules import RULES_FILE

# Bump when the build's own logic changes, so existing databases are rebuilt.
BUILD_VERSION = "2"

SPANISH_MISSING = "is empty, but this text is shown to readers and needs its Spanish version"


_fingerprints: dict[tuple, str] = {}  # the files' identities (name, inode, mtime, size) -> their fingerprint


def fingerprint(data_dir: Path, replacements: dict[str, bytes] | None = None) -> str:
    """A hash of everything the database is built from: the schema, every CSV, the rules and the build version.
    `replacements` ({stem: bytes}): the fingerprint the folder would have with these CSVs, computed in memory.

    Remembered by the files' identities (inode, modification time, size): every session's start and every rerun of
    the staff page asks, and reading and hashing ~3 MB each time held the server's interpreter (BENCHMARKS.md)."""
    replacements = replacements or {}
    paths = [data_dir / SCHEMA_FILE, *csv_paths(data_dir)]
    identity = None
    if not replacements:
        try:
            identity = tuple((str(p), *_stat(p)) for p in [RULES_FILE, *paths])
        except OSError:
            identity = None
        if identity is not None and identity in _fingerprints:
            return _fingerprints[identity]
    h = hashlib.sha256(BUILD_VERSION.encode())
    h.update(RULES_FILE.read_bytes())
    for path in paths:
        h.update(path.name.encode() + b"\0")
        if path.suffix == ".csv" and path.stem in replacements:
            h.update(replacements[path.stem])
        else:
            h.update(path.read_bytes() if path.exists() else b"<missing>")
        h.update(b"\0")
    digest = h.hexdigest()
    if identity is not None:
        if len(_fingerprints) > 256:
            _fingerprints.clear()
        _fingerprints[identity] = digest
    return digest


def _stat(path: Path) -> tuple:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (None, None, None)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


_CHECK_EXPR = re.compile(r"CHECK\((.*)\)\s*$", re.S)


def _explain_db_error(exc: Exception, columns: list[str], row: dict | None = None) -> Problem:
    """A constraint the database refused, in plain words: which column, and what the rule allows.
    (The file and row are filled in by the caller.)"""
    first = str(exc).split("\n")[0]
    msg = re.sub(r"^[A-Za-z ]+Error: ", "", first)
    lower = msg.lower()
    row = row or {}
    if "foreign key" in lower:
        column = next((c for c in columns if re.search(rf"\b{re.escape(c)}\b", msg)), None)
        target = re.search(r'table "?([a-z_]+)"?', msg[msg.lower().find("foreign key") :])
        table = target.group(1) if target else "the table it points to"
        code = "rule.reference_source" if column and "source" in column else "rule.reference"
        return Problem.of("", code, column=column, text=str(row.get(column, ""))[:60], table=f"{table}.csv")
    if "duplicate key" in lower or "primary key" in lower or "unique" in lower:
        key = re.search(r'duplicate key "([^"]*)"', msg)
        named = [c for c in columns if key and re.search(rf"\b{re.escape(c)}\b", first)]
        return Problem.of("", "rule.duplicate", column=", ".join(named) or None)
    match = _CHECK_EXPR.search(msg)
    if "check constraint" in lower and match:
        return _explain_check(match.group(1), columns, row)
    return Problem.of("", "rule.refused", detail=_plain_detail(msg))


def _plain_detail(msg: str) -> str:
    """What is left of a database message once its jargon is gone (for a case with no plain explanation yet)."""
    if "out of range" in msg.lower() or "overflow" in msg.lower():
        return "a number is too large for this column"
    return "a value breaks a rule of the table"


def _explain_check(expr: str, columns: list[str], row: dict) -> Problem:
    named = [c for c in columns if re.search(rf"\b{re.escape(c)}\b", expr)]
    column = named[0] if len(named) == 1 else (", ".join(named) if named else None)
    text = str(row.get(named[0], "")).strip()[:60] if named else ""
    allowed = re.search(r"\bIN \(([^)]*)\)", expr)
    if len(named) == 1 and allowed:
        values = ", ".join(v.strip().strip("'") for v in allowed.group(1).split(","))
        return Problem.of("", "rule.allowed", column=column, text=text, allowed=values)
    between = re.search(r"BETWEEN (\S+) AND (\S+)", expr)
    if len(named) == 1 and between:
        return Problem.of(
            "", "rule.allowed", column=column, text=text, allowed=f"{between.group(1)} to {between.group(2)}"
        )
    if len(named) == 1 and re.search(r">= 0\b|> 0\b", expr):
        return Problem.of("", "rule.not_negative", column=column)
    if len(named) == 1 and "regexp_full_match" in expr:
        return Problem.of("", "rule.pattern", column=column, text=text, pattern=_pattern_words(expr))
    if len(named) == 1 and "length(trim(" in expr:
        return Problem.of("", "rule.empty_text", column=column)
    if len(named) == 1 and "valid_school_year" in expr:
        return Problem.of("", "school_year.format", column=column, text=text)
    return Problem.of("", "rule.together", column=column, rule=_rule_words(expr))


def _pattern_words(expr: str) -> str:
    if "[a-z0-9][a-z0-9-]*" in expr:
        return "lower-case letters a-z, digits and hyphens, starting with a letter or digit"
    if "[a-z][a-z0-9_]*" in expr:
        return "lower-case letters a-z, digits and underscores, starting with a letter"
    if "https?://" in expr:
        return "a web address starting with http:// or https://"
    if "(19|20)" in expr:
        return "a year, year-month or date written YYYY, YYYY-MM or YYYY-MM-DD"
    return "the form the data dictionary (data/README.md) gives"


def _rule_words(expr: str) -> str:
    """A cross-column CHECK as readable as it can be without a hand-written sentence for each."""
    text = re.sub(r"\s+", " ", expr).strip()
    text = re.sub(
        r"\(\(([a-z_]+) IS NULL\) = \(([a-z_]+) IS NULL\)\)", r"\1 and \2 must be both filled in or both empty", text
    )
    text = re.sub(r"\(([a-z_]+) = \(([a-z_]+) IS NOT NULL\)\)", r"\1 is true exactly when \2 is filled in", text)
    text = text.replace(" IS NOT NULL", " is filled in").replace(" IS NULL", " is empty").replace("<>", "is not")
    return text[:200]


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
            rows, found = read_csv(data_dir / f"{stem}.csv", columns, {extra} if extra else set(), table)
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


def _as_text(value) -> str | None:
    """A checked value in the text form the database reads back exactly (CAST from VARCHAR)."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)  # int, Decimal, date


def _frame(columns: list[Column], rows: list[list]) -> pd.DataFrame:
    """Checked rows as one text column per table column, ready to be cast into the table in one statement."""
    texts = list(zip(*([_as_text(v) for v in row] for row in rows))) if rows else [() for _ in columns]
    return pd.DataFrame({f"c{i}": pd.Series(values, dtype="object") for i, values in enumerate(texts)})


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[Column], rows) -> None:
    """Insert checked rows (a list, or a frame from _frame) in one statement: the values go in as text and are cast
    to the table's types in the database (exact: data/rules.py has already refused anything that would be
    rounded). One INSERT of 200 bound rows at a time cost about 140 microseconds a row; this is vectorised."""
    frame = rows if isinstance(rows, pd.DataFrame) else _frame(columns, rows)
    if len(frame) == 0:
        return
    names = ", ".join(f'"{c.name}"' for c in columns)
    casts = ", ".join(f"CAST(c{i} AS {c.type})" for i, c in enumerate(columns))
    con.register("_incoming_rows", frame)
    try:
        con.execute(f'INSERT INTO "{table}" ({names}) SELECT {casts} FROM _incoming_rows')
    finally:
        with contextlib.suppress(duckdb.Error):  # after a refused insert the transaction only allows a rollback
            con.unregister("_incoming_rows")


def _located(data_dir: Path, parsed: list, failed: int) -> BuildError:
    """The first row of parsed[failed] that the database refuses, named with its file, row and column.

    Found by halving: the rows before it are stored in a scratch database, then ever shorter runs of rows are tried
    (each in a transaction that is rolled back), so a 20,000-row file costs about 15 tries, not 20,000."""
    scratch = duckdb.connect(":memory:")
    try:
        scratch.execute((data_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
        for table, _stem, columns, rows in parsed[:failed]:
            _insert(scratch, table, columns, rows)
        table, stem, columns, rows = parsed[failed]
        names = [c.name for c in columns]
        frame = _frame(columns, rows)

        def refused(upto: int) -> Exception | None:
            scratch.execute("BEGIN TRANSACTION")
            try:
                _insert(scratch, table, columns, frame.iloc[:upto])
                return None
            except duckdb.Error as exc:
                return exc
            finally:
                scratch.execute("ROLLBACK")

        if refused(len(rows)) is None:
            return BuildError([Problem.of(f"data/{stem}.csv", "rule.refused", detail="together with other files")])
        low, high = 0, len(rows)  # rows[:low] are stored, rows[:high] are refused
        while high - low > 1:
            mid = (low + high) // 2
            if refused(mid) is None:
                low = mid
            else:
                high = mid
        exc = refused(high)
        found = _explain_db_error(exc, names, dict(zip(names, rows[high - 1])))
        return BuildError([found.moved(file=f"data/{stem}.csv", row=high)])
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
            problems.append(Problem.of(f"data/{table}.csv", "build.no_rows"))
    unmapped = con.execute(
        "SELECT line_id FROM budget_lines LEFT JOIN budget_line_categories USING (line_id) WHERE category_id IS NULL"
    ).fetchall()
    for (line_id,) in unmapped:
        problems.append(Problem.of("data/budget_line_categories.csv", "build.no_category", line_id=line_id))
    if problems:
        raise BuildError(problems)
    # Stage, then prove: every table reads back and every page's question answers with finite numbers.
    proof.prove(con)


CONTENT_TABLE = "build_content"


def content_digests(con: duckdb.DuckDBPyConnection, schema: str = "main") -> dict[str, tuple[int, int]]:
    """{table: (rows, digest of every row's every value)} for every published table: reading it reads every block
    of the table, so a file damaged anywhere fails here or gives other digests."""
    out = {}
    for table, _ in MANIFEST:
        rows, digest = con.execute(
            f'SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {schema}."{table}" t'
        ).fetchone()
        out[table] = (int(rows), int(digest))
    return out


def record_content(con: duckdb.DuckDBPyConnection) -> None:
    """Store each table's row count and content digest in the new file (data/startup.py compares them at start)."""
    con.execute(
        f"CREATE TABLE {CONTENT_TABLE} (table_name VARCHAR PRIMARY KEY, row_count BIGINT NOT NULL, digest UBIGINT NOT NULL)"
    )
    for table, (rows, digest) in content_digests(con).items():
        con.execute(f"INSERT INTO {CONTENT_TABLE} VALUES ($t, $n, $d)", {"t": table, "n": rows, "d": digest})


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
        record_content(con)

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
