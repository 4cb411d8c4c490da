"""The plausibility and exactness rules of data/rules.toml, and the one way a number or a date is read.

    python -m data.rules --markdown     the rules as the table data/README.md shows

Every reader of data goes through `number()` and `day()`: the build and staff uploads (data/csvio.py), and the
imports (data/import_*.py). A number is written with the ASCII digits 0-9, at most one decimal point with digits
on both sides, and a minus sign only where its range allows negative values; it must lie in its column's range
and have no more decimals than the column allows (a value that would be rounded is refused, never rounded). A
date is YYYY-MM-DD, a real calendar day, inside its column's window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from data.problems import Refusal

RULES_FILE = Path(__file__).resolve().parent / "rules.toml"
KINDS = ("whole", "decimal", "date")

_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
# Whole-number column types and what they can hold (the database refuses more, in its own words).
INTEGER_BOUNDS = {"SMALLINT": 2**15 - 1, "INTEGER": 2**31 - 1, "BIGINT": 2**63 - 1}


@dataclass(frozen=True)
class Rule:
    """What one column's values may be (for `case`: only in rows whose `by` column holds that value)."""

    table: str
    column: str
    kind: str  # whole, decimal, date
    unit: str
    min: object  # int / Decimal, or a date, or "today"
    max: object
    decimals: int
    why: str
    by: str | None = None
    case: str | None = None


@lru_cache(maxsize=1)
def _load() -> dict:
    with open(RULES_FILE, "rb") as fh:
        return tomllib.load(fh)


def _bound(value, kind: str):
    if kind == "date":
        return value if value == "today" else dt.date.fromisoformat(str(value))
    return Decimal(str(value))


def _make(table: str, column: str, spec: dict, parent: dict, case: str | None) -> Rule:
    kind = spec.get("kind", parent.get("kind"))
    if kind not in KINDS:
        raise ValueError(f"data/rules.toml: {table}.{column}: kind must be one of {KINDS}")
    return Rule(
        table,
        column,
        kind,
        spec["unit"],
        _bound(spec["min"], kind),
        _bound(spec["max"], kind),
        int(spec.get("decimals", 0)),
        spec["why"],
        parent.get("by") if case else None,
        case,
    )


@lru_cache(maxsize=1)
def _rules() -> dict[tuple[str, str], tuple[Rule, ...]]:
    out: dict[tuple[str, str], tuple[Rule, ...]] = {}
    for table, columns in _load()["columns"].items():
        for column, spec in columns.items():
            if "by" in spec:
                out[(table, column)] = tuple(
                    _make(table, column, case_spec, spec, case) for case, case_spec in spec["cases"].items()
                )
            else:
                out[(table, column)] = (_make(table, column, spec, {}, None),)
    return out


def all_rules() -> list[Rule]:
    return [r for rules in _rules().values() for r in rules]


def has_rule(table: str, column: str) -> bool:
    return (table, column) in _rules()


def rule_for(table: str | None, column: str, row: Mapping[str, str] | None = None) -> Rule | None:
    """The rule for `column` of `table` in this row (a `by` rule picks its case from the row's raw cells)."""
    rules = _rules().get((table, column)) if table else None
    if not rules:
        return None
    if rules[0].case is None:
        return rules[0]
    chosen = (row or {}).get(rules[0].by, "")
    chosen = chosen.strip() if isinstance(chosen, str) else chosen
    return next((r for r in rules if r.case == chosen), None)


def limit(name: str) -> int:
    """A reader limit of data/rules.toml [limits] (bytes, rows, seconds, characters, positions)."""
    return int(_load()["limits"][name])


def max_number_chars() -> int:
    return int(_load()["format"]["max_number_chars"])


def _shown(value) -> str:
    if isinstance(value, Decimal):
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def number(text: str, rule: Rule | None = None, *, whole: bool = False, scale: int | None = None, db_type: str = ""):
    """A number written plainly, checked against `rule`: int when `whole`, else Decimal. Raises Refusal.

    `scale`: the column's storage decimals (a DECIMAL(p, s) column's s); more digits than that would be rounded by
    the database, so they are refused even without a rule. `db_type`: for whole numbers, the column's type, whose
    bounds are checked too."""
    text = text.strip()
    limit_chars = max_number_chars()
    if len(text) > limit_chars:
        raise Refusal("number.too_long", text=text[:20] + "…", length=len(text), limit=limit_chars)
    if not _NUMBER.fullmatch(text):
        raise Refusal("number.whole" if whole else "number.format", text=text)
    decimals_written = len(text.split(".")[1].rstrip("0")) if "." in text else 0
    if whole and "." in text:
        raise Refusal("number.whole", text=text)
    value = Decimal(text)
    if rule is not None:
        if value < 0 and rule.min >= 0:
            raise Refusal("number.negative", text=text, unit=rule.unit, min=_shown(rule.min))
        if not rule.min <= value <= rule.max:
            raise Refusal(
                "number.range", text=text, unit=rule.unit, min=_shown(rule.min), max=_shown(rule.max), why=rule.why
            )
    allowed = [x for x in (rule.decimals if rule else None, scale) if x is not None]
    if allowed and decimals_written > min(allowed):
        unit = rule.unit if rule else "values"
        raise Refusal("number.decimals", text=text, found=decimals_written, unit=unit, decimals=min(allowed))
    if whole:
        as_int = int(value)
        bound = INTEGER_BOUNDS.get(db_type)
        if bound is not None and not -bound - 1 <= as_int <= bound:
            raise Refusal(
                "number.range", text=text, unit="this column", min=f"{-bound - 1:,}", max=f"{bound:,}", why=""
            )
        return as_int
    return value


def day(text: str, rule: Rule | None = None, today: dt.date | None = None) -> dt.date:
    """A date written YYYY-MM-DD with ASCII digits, a real calendar day, inside the rule's window. Raises Refusal."""
    text = text.strip()
    if not _DATE.fullmatch(text):
        raise Refusal("date.format", text=text[:40])
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise Refusal("date.real", text=text) from None
    if rule is not None:
        today = today or dt.date.today()
        low = today if rule.min == "today" else rule.min
        high = today if rule.max == "today" else rule.max
        if not low <= value <= high:
            raise Refusal("date.range", text=text, min=low.isoformat(), max=high.isoformat(), why=rule.why)
    return value


# ------------------------------------------------------------------------------------------- the README table


def _range_text(rule: Rule) -> str:
    if rule.kind == "date":
        return f"{rule.min} to {rule.max}"
    return f"{_shown(rule.min)} to {_shown(rule.max)}"


def markdown() -> str:
    """The rules as a markdown table (data/README.md holds exactly this between its rules markers)."""
    lines = [
        "| table | column | when | kind | unit | allowed | decimals | why |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in all_rules():
        when = f"{r.by} = {r.case}" if r.case else ""
        decimals = str(r.decimals) if r.kind == "decimal" else ("0" if r.kind == "whole" else "")
        lines.append(
            f"| `{r.table}` | `{r.column}` | {when} | {r.kind} | {r.unit} | {_range_text(r)} | {decimals} | {r.why} |"
        )
    limits = _load()["limits"]
    lines += ["", "| reader limit | value |", "|---|---|"]
    lines += [f"| `{name}` | {value:,} |" for name, value in limits.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--markdown", action="store_true", help="print the rules as the README's table")
    args = parser.parse_args(argv)
    if args.markdown:
        print(markdown())
    else:
        for r in all_rules():
            print(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
