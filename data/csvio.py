"""Reading a published CSV into typed rows by its table's columns, with a plain-words Problem for every bad cell.

The build, staff uploads and the publish preview all read CSVs through here, so a value means the same everywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import duckdb

from data.problems import Problem


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
    return Problem(
        name, "the header row does not match the table: " + "; ".join(detail) + ". Expected: " + ",".join(expected)
    )


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
            problems.append(
                Problem(
                    name,
                    f"has {len(record)} cells but the header has {len(wanted)} (check for an unquoted comma)",
                    row=number,
                )
            )
            continue
        typed = []
        for cell, column in zip(record, wanted):
            try:
                typed.append(convert(cell, column))
            except ValueError as exc:
                problems.append(Problem(name, str(exc), row=number, column=column.name))
        rows.append(typed)
    return rows, problems
