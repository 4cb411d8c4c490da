"""Reading a published CSV into typed rows by its table's columns, with a plain-words Problem for every bad cell.

The build, staff uploads and the publish preview all read CSVs through here, so a value means the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from data import rules
from data.intake import Deadline, IntakeError, decode, records
from data.problems import Problem, Refusal


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type name, e.g. VARCHAR, INTEGER, DECIMAL(18,2)
    nullable: bool

    @property
    def scale(self) -> int | None:
        """Digits a DECIMAL(p, s) column keeps after the point (s); None for other types."""
        if self.type.startswith("DECIMAL(") and "," in self.type:
            return int(self.type.split(",")[1].rstrip(")").strip())
        return None


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[Column]:
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = $t ORDER BY ordinal_position",
        {"t": table},
    ).fetchall()
    return [Column(name, dtype.upper(), nullable == "YES") for name, dtype, nullable in rows]


WHOLE_TYPES = ("INTEGER", "BIGINT", "SMALLINT")
NUMBER_TYPES = ("DOUBLE", "FLOAT", "REAL")


def convert(raw: str, column: Column, rule: rules.Rule | None = None, today: dt.date | None = None):
    """Turn one CSV cell into a Python value for `column`, or raise Refusal (a ValueError) with a plain
    explanation. Numbers and dates follow data/rules.toml (`rule`): plain ASCII digits, inside their range, never
    rounded."""
    text = raw.strip()
    if text == "":
        if not column.nullable:
            raise Refusal("text.empty")
        return None
    t = column.type
    if t in WHOLE_TYPES:
        return rules.number(text, rule, whole=True, db_type=t)
    if t.startswith("DECIMAL") or t in NUMBER_TYPES:
        value = rules.number(text, rule, scale=column.scale)
        return float(value) if t in NUMBER_TYPES else value
    if t == "BOOLEAN":
        if text not in ("true", "false"):
            raise Refusal("bool.value", text=_short(text))
        return text == "true"
    if t == "DATE":
        return rules.day(text, rule, today)
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
        detail.append(Problem.of(name, "header.missing", names=", ".join(missing)).message)
    if extra:
        detail.append(Problem.of(name, "header.unknown", names=", ".join(_short(e, 40) for e in extra)).message)
    if not detail:
        detail.append(Problem.of(name, "header.order").message)
    return Problem.of(name, "header.mismatch", detail="; ".join(detail), expected=",".join(expected))


def read_csv(
    path: Path, columns: list[Column], skip: set[str], table: str | None = None, name: str | None = None
) -> tuple[list[list], list[Problem]]:
    """Read and type-check one CSV. Returns typed rows (in `columns` order, minus `skip`) and problems.
    `table`: whose rules (data/rules.toml) the numbers and dates follow."""
    name = name or f"data/{path.name}"
    if not path.exists():
        return [], [Problem.of(name, "build.file_missing")]
    try:
        text, _notes = decode(path.read_bytes(), name)
        found = records(text, name, max_rows=10_000_000)
    except IntakeError as exc:
        return [], exc.problems
    header = [h.strip() for h in found[0]]
    expected = [c.name for c in columns if c.name not in skip]
    mismatch = header_problem(name, header, expected)
    if mismatch:
        return [], [mismatch]
    return typed_rows(name, found[1:], [c for c in columns if c.name not in skip], table)


def typed_rows(
    name: str,
    body: list[list[str]],
    wanted: list[Column],
    table: str | None,
    deadline: Deadline | None = None,
    today: dt.date | None = None,
) -> tuple[list[list], list[Problem]]:
    """Typed rows of CSV records whose header is `wanted`, and a Problem for every bad cell."""
    names = [c.name for c in wanted]
    plans = [(c, rules.rule_for(table, c.name, None) if table else None) for c in wanted]
    by_row = {c.name for c in wanted if table and rules.has_rule(table, c.name) and _is_by(table, c.name)}
    rows, problems = [], []
    for number, record in enumerate(body, start=1):
        if deadline is not None and number % 1000 == 0:
            deadline.check(number)
        if not any(cell.strip() for cell in record):
            problems.append(Problem.of(name, "row.empty", row=number))
            continue
        if len(record) != len(wanted):
            problems.append(Problem.of(name, "row.cells", row=number, cells=len(record), expected=len(wanted)))
            continue
        raw_row = dict(zip(names, record)) if by_row else None
        typed = []
        for cell, (column, fixed) in zip(record, plans):
            rule = rules.rule_for(table, column.name, raw_row) if column.name in by_row else fixed
            try:
                typed.append(convert(cell, column, rule, today))
            except Refusal as exc:
                problems.append(exc.problem(name, number, column.name))
                typed.append(None)
        rows.append(typed)
    return rows, problems


def _is_by(table: str, column: str) -> bool:
    return any(r.case is not None for r in rules.all_rules() if r.table == table and r.column == column)
