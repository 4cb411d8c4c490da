"""Stage, then prove, then publish: before a new database may replace the live one, it must answer every question
the site asks, with finite numbers.

`prove(con)` runs on the staged database (the new file inside the build's transaction, or the in-memory copy a
staff upload is checked in) and raises BuildError with plain messages when:

1. a table or view cannot be read to its end, or the figures of one of its number columns cannot be added up
   (a sum that overflows, a value that is not finite);
2. a page's question fails or gives a number that is not finite: every file in queries/*.sql is run with every
   value of its parameters that the data holds (each $name takes the distinct values of the column of that name
   in any table — every school year, region, board district, source kind —, and a plural $names takes all of
   them at once: $source_ids gets every source id);
3. a check registered with `register()` refuses the data (tests use this to refuse data that passes the rules).

Why the queries layer's .sql files are read here, and the queries package never imported: layers point downward
(tests/test_architecture.py), and the build, `python -m data.publish` and the app's start-up all live in data/.
The .sql files are declarative text — one question per file, named parameters only — like schema.sql; the proof
reads them as the database's questions, and runs them on its own connection to the staged data, never through the
app's reader (which serves the live file). The view models' own arithmetic is Python over these results: the
proof guarantees them finite inputs from every question, for every year, region and board district.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import duckdb

from data.layout import QUERIES_DIR
from data.problems import BuildError, Problem, os_reason

_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
MAX_VALUES = 500  # distinct values tried per parameter
MAX_RUNS = 5_000  # runs per question (the product of its parameters' values)
NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER", "DOUBLE", "FLOAT", "REAL")
FILE = "the new data"

Check = Callable[[duckdb.DuckDBPyConnection], list[Problem]]
_checks: list[Check] = []


def register(check: Check) -> Callable[[], None]:
    """Add a check that every staged database must pass; returns a function that removes it again."""
    _checks.append(check)
    return lambda: _checks.remove(check) if check in _checks else None


def questions(folder: Path | None = None) -> dict[str, str]:
    """Every question the site asks of the published database: queries/<name>.sql -> its SQL text."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(folder or QUERIES_DIR).glob("*.sql"))}


def parameters(sql: str) -> list[str]:
    return sorted(set(_PARAM_RE.findall(re.sub(r"--[^\n]*", "", sql))))


def _reason(exc: Exception) -> str:
    """A database error in a few plain words (its first line, without the error class's name)."""
    text = str(exc).split("\n")[0]
    text = re.sub(r"^[A-Za-z ]*(Error|Exception):\s*", "", text)
    if "out of range" in text.lower() or "overflow" in text.lower():
        return "a number is too large to compute with"
    if "corrupt" in text.lower() or "checksum" in text.lower():
        return "the file is damaged"
    if "division by zero" in text.lower():
        return "a division by zero"
    return os_reason(exc) if isinstance(exc, OSError) else "the database could not answer it"


def _finite(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, (list, tuple)):
        return all(_finite(v) for v in value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    return True


def _relations(con) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name"
    ).fetchall()


def _columns(con) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in con.execute(
        "SELECT table_name, column_name, upper(data_type) FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name, ordinal_position"
    ).fetchall():
        out.setdefault(table, []).append((column, dtype))
    return out


def _prove_tables(con) -> list[Problem]:
    """Every table and view reads to its end, and every number column adds up to a finite sum."""
    problems = []
    columns = _columns(con)
    for table, _kind in _relations(con):
        numbers = [c for c, t in columns.get(table, []) if t in NUMERIC or t.startswith("DECIMAL")]
        aggregates = ", ".join(f'sum("{c}"), min("{c}"), max("{c}")' for c in numbers) or "1"
        try:
            con.execute(f'SELECT count(*) FROM (SELECT * FROM "{table}")').fetchone()
        except duckdb.Error as exc:
            problems.append(Problem.of(FILE, "proof.table_failed", table=table, reason=_reason(exc)))
            continue
        try:
            row = con.execute(f'SELECT {aggregates} FROM "{table}"').fetchone()
        except duckdb.Error as exc:
            column = next((c for c in numbers if re.search(rf"\b{re.escape(c)}\b", str(exc))), ", ".join(numbers))
            problems.append(Problem.of(FILE, "proof.sum_failed", table=table, column=column, reason=_reason(exc)))
            continue
        for i, value in enumerate(row or ()):
            if not _finite(value):
                problems.append(
                    Problem.of(FILE, "proof.sum_failed", table=table, column=numbers[i // 3], reason="not finite")
                )
    return problems


_RELATION_RE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)
# A parameter that is not a column's value names where its values come from, in its question's comments:
# "-- proof: $table = data_tables.table_name" (the table_name column of queries/data_tables.sql's answer).
_DIRECTIVE_RE = re.compile(r"--\s*proof:\s*\$([A-Za-z_]\w*)\s*=\s*([a-z_]\w*)\.([a-z_]\w*)")


def _directed(con, name: str, sql: str, folder: Path | None) -> list | None:
    for param, question, column in _DIRECTIVE_RE.findall(sql):
        if param == name:
            cursor = con.execute(questions(folder)[question])
            at = [d[0] for d in cursor.description].index(column)
            return [row[at] for row in cursor.fetchall()][:MAX_VALUES]
    return None


def _values(con, name: str, columns: dict[str, list[tuple[str, str]]], sql: str = "") -> list | None:
    """The values a question's $name takes: the distinct values of the columns so named in the tables the question
    reads (in every table, when none of those has one); a plural name: all values of its singular column, as one
    list. None when no table has such a column."""
    singular = name[:-1] if name.endswith("s") else None
    read = {m.lower() for m in _RELATION_RE.findall(sql)}
    for wanted, as_list in ((name, False), (singular, True)):
        if not wanted:
            continue
        holders = [t for t, cols in columns.items() if any(c == wanted for c, _ in cols)]
        if not holders:
            continue
        holders = [t for t in holders if t in read] or holders
        union = " UNION ".join(f'SELECT DISTINCT "{wanted}" AS v FROM "{t}"' for t in holders)
        found = [r[0] for r in con.execute(f"SELECT v FROM ({union}) WHERE v IS NOT NULL ORDER BY v").fetchall()]
        return [found] if as_list else found[:MAX_VALUES]
    return None


def _prove_questions(con, folder: Path | None) -> list[Problem]:
    problems = []
    columns = _columns(con)
    for name, sql in questions(folder).items():
        names = parameters(sql)
        choices = []
        for param in names:
            try:
                values = _directed(con, param, sql, folder)
            except duckdb.Error as exc:
                problems.append(Problem.of(FILE, "proof.query_failed", query=name, where=param, reason=_reason(exc)))
                break
            if values == []:
                break  # the question's own source holds nothing to ask it about
            if values is None:
                values = _values(con, param, columns, sql)
            if values is None:
                problems.append(Problem.of(FILE, "proof.unknown_parameter", query=name, name=param))
                break
            choices.append(values or [None])
        else:
            for combo in itertools.islice(itertools.product(*choices), MAX_RUNS):
                params = dict(zip(names, combo))
                where = (
                    ", ".join(f"{k} {v if not isinstance(v, list) else 'all'}" for k, v in params.items()) or "as is"
                )
                try:
                    cursor = con.execute(sql, params or None)
                    described = [d[0] for d in cursor.description or []]
                    bad = next(
                        ((described[i], row) for row in cursor.fetchall() for i, v in enumerate(row) if not _finite(v)),
                        None,
                    )
                except duckdb.Error as exc:
                    problems.append(
                        Problem.of(FILE, "proof.query_failed", query=name, where=where, reason=_reason(exc))
                    )
                    break
                if bad is not None:
                    problems.append(Problem.of(FILE, "proof.not_finite", query=name, column=bad[0], where=where))
                    break
    return problems


def prove(con: duckdb.DuckDBPyConnection, folder: Path | None = None) -> None:
    """Raise BuildError unless the staged database on `con` answers every question with finite numbers."""
    problems = _prove_tables(con)
    if not problems:
        problems = _prove_questions(con, folder)
    for check in list(_checks):
        if problems:
            break
        try:
            problems.extend(check(con))
        except duckdb.Error as exc:
            problems.append(Problem.of(FILE, "proof.hook_failed", reason=_reason(exc)))
    if problems:
        raise BuildError(problems)
