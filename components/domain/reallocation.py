"""The what-if reallocation calculator's arithmetic: pure functions, no Streamlit, no database.

A scenario is a list of moves, each "take this many dollars (or this percent of the published line) from one
budget line and add them to another". It lives in the page URL as

    ?moves=sworn-peace-officers>psychiatric-social-workers:5000000,campus-aides>rj-teachers:10%

Rules (the page states them to the reader):
- FTE equivalents use each line's *average published cost per FTE* = budgeted_usd / fte. That is an average of
  the published table, not a salary schedule.
- A percent is a percent of the source line *as published*, rounded to whole dollars (half up).
- Moves apply in order. A move asking for more than its source line holds at that point (after the earlier
  moves) is refused with a reason; the other moves still apply. Zero is allowed and changes nothing.
- A line without FTEs (the Community Based Safety Pilot vendor line) converts to dollars only.
- Published figures are never changed: the scenario is a separate set of balances.

Problems are returned as `Issue(position, code, values)`; the page turns the code into words. Raw URL text is
never put into an Issue, so it can never be echoed back to the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import pandas as pd

MAX_MOVES = 10  # moves read from a link; the rest are ignored with a note
MAX_PARAM_CHARS = 1000  # longer ?moves= values are ignored whole
MAX_ID_CHARS = 64

USD = "usd"
PCT = "pct"

_ID = rf"[a-z0-9][a-z0-9-]{{0,{MAX_ID_CHARS - 1}}}"
_MOVE_RE = re.compile(rf"({_ID})>({_ID}):([0-9]{{1,13}}(?:\.[0-9]{{1,2}})?)(%?)")
_SHAPE_RE = re.compile(rf"({_ID})>({_ID}):(.*)", re.DOTALL)

# Issue codes (the page has one message per code)
TOO_LONG = "too_long"  # the whole ?moves= value was too long and was ignored
TOO_MANY = "too_many"  # moves past MAX_MOVES were ignored; values: {"limit", "ignored"}
MALFORMED = "malformed"  # not "from>to:amount"
UNKNOWN_LINE = "unknown_line"  # a line id that is not in the budget table
NEGATIVE = "negative"  # a negative amount
BAD_AMOUNT = "bad_amount"  # an amount that is not a plain number (or a percent)
SAME_LINE = "same_line"  # from and to are the same line
EXCEEDS = "exceeds"  # more than the source line holds after the earlier moves; values below


@dataclass(frozen=True)
class Line:
    line_id: str
    label: str
    category_id: str
    fte: Decimal | None
    budgeted_usd: int

    @property
    def cost_per_fte(self) -> Decimal | None:
        """Average published cost per FTE (budgeted_usd / fte); None for a line without FTEs."""
        if self.fte is None or self.fte <= 0 or self.budgeted_usd <= 0:
            return None
        return Decimal(self.budgeted_usd) / self.fte


@dataclass(frozen=True)
class Move:
    source: str
    dest: str
    amount: Decimal
    unit: str = USD  # USD or PCT


@dataclass(frozen=True)
class Issue:
    position: int | None  # 1-based number of the move in the link; None for the whole parameter
    code: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class MoveResult:
    position: int
    move: Move
    usd: int  # whole dollars moved
    source_before: int  # what the source line held just before this move
    source_fte: Decimal | None  # FTE equivalent of `usd` at the source line's average cost per FTE
    dest_fte: Decimal | None  # FTE equivalent of `usd` at the destination line's average cost per FTE


@dataclass
class Scenario:
    applied: list[MoveResult]
    refused: list[Issue]
    balances: dict[str, int]  # line_id -> dollars after the applied moves


# ------------------------------------------------------------------------------------------- lines


def _decimal_or_none(value) -> Decimal | None:
    if value is None or pd.isna(value):
        return None
    return Decimal(str(value))


def lines_from_frame(frame: pd.DataFrame) -> list[Line]:
    """Budget lines from a `budget_lines` query result (line_id, position_item, category_id, fte, budgeted_usd)."""
    return [
        Line(
            line_id=str(r.line_id),
            label=str(r.position_item),
            category_id=str(r.category_id),
            fte=_decimal_or_none(r.fte),
            budgeted_usd=int(r.budgeted_usd),
        )
        for r in frame.itertuples(index=False)
    ]


def fte_equivalent(usd, line: Line) -> Decimal | None:
    """How many FTEs `usd` dollars pay for at the line's average published cost per FTE (None: no FTEs)."""
    cost = line.cost_per_fte
    if cost is None:
        return None
    return Decimal(usd) * line.fte / Decimal(line.budgeted_usd)


def line_table(lines: list[Line]) -> pd.DataFrame:
    """Each line's dollars, FTEs, share of the sum of all lines and average cost per FTE (None without FTEs)."""
    total = sum(line.budgeted_usd for line in lines)
    return pd.DataFrame(
        {
            "line_id": [line.line_id for line in lines],
            "budgeted_usd": [line.budgeted_usd for line in lines],
            "fte": [None if line.fte is None else float(line.fte) for line in lines],
            "share": [line.budgeted_usd / total if total else None for line in lines],
            "cost_per_fte": [None if line.cost_per_fte is None else float(line.cost_per_fte) for line in lines],
        }
    )


# ------------------------------------------------------------------------------------------- the URL form


def parse_moves(raw, known_ids) -> tuple[list[tuple[int, Move]], list[Issue]]:
    """Read a ?moves= value defensively: returns ([(position, Move)], [Issue]). Never raises.

    Bad moves are skipped with an Issue naming their position and what was wrong (not their text).
    """
    known = set(known_ids)
    if raw is None:
        return [], []
    if isinstance(raw, (list, tuple)):  # a repeated parameter: read the first
        raw = raw[0] if raw else ""
    if not isinstance(raw, str):
        return [], [Issue(None, MALFORMED)]
    if len(raw) > MAX_PARAM_CHARS:
        return [], [Issue(None, TOO_LONG, {"limit": MAX_PARAM_CHARS})]
    items = [item.strip() for item in raw.split(",")]
    items = [item for item in items if item]
    moves: list[tuple[int, Move]] = []
    issues: list[Issue] = []
    for position, item in enumerate(items[:MAX_MOVES], start=1):
        parsed = _parse_one(item, known)
        if isinstance(parsed, Issue):
            issues.append(Issue(position, parsed.code, parsed.values))
        else:
            moves.append((position, parsed))
    if len(items) > MAX_MOVES:
        issues.append(Issue(None, TOO_MANY, {"limit": MAX_MOVES, "ignored": len(items) - MAX_MOVES}))
    return moves, issues


def _parse_one(item: str, known: set[str]) -> Move | Issue:
    item = item.lower()
    shape = _SHAPE_RE.fullmatch(item)
    if not shape:
        return Issue(None, MALFORMED)
    source, dest, amount_text = shape.groups()
    if source not in known or dest not in known:
        return Issue(None, UNKNOWN_LINE)
    if amount_text.strip().startswith("-"):
        return Issue(None, NEGATIVE)
    match = _MOVE_RE.fullmatch(item)
    if not match:
        return Issue(None, BAD_AMOUNT)
    try:
        amount = Decimal(match.group(3))
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain decimals
        return Issue(None, BAD_AMOUNT)
    if source == dest:
        return Issue(None, SAME_LINE)
    return Move(source, dest, amount, PCT if match.group(4) else USD)


def format_amount(amount: Decimal) -> str:
    """A Decimal in plain digits (no exponent, no trailing zeros): 5000000, 12.5."""
    text = format(amount.normalize(), "f") if amount == amount.to_integral_value() else format(amount, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def serialize_moves(moves) -> str:
    """The ?moves= value for a list of Move (or (position, Move)) in order."""
    parts = []
    for m in moves:
        move = m[1] if isinstance(m, tuple) else m
        parts.append(f"{move.source}>{move.dest}:{format_amount(move.amount)}{'%' if move.unit == PCT else ''}")
    return ",".join(parts)


# ------------------------------------------------------------------------------------------- arithmetic


def dollars_of(move: Move, source: Line) -> int:
    """The whole dollars a move asks for: the amount, or the percent of the source line as published."""
    exact = Decimal(source.budgeted_usd) * move.amount / Decimal(100) if move.unit == PCT else move.amount
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def compute(lines: list[Line], moves) -> Scenario:
    """Apply moves in order to a copy of the published balances. Never changes `lines`.

    `moves` is a list of Move or (position, Move). A move for more than its source holds at that point is
    refused (Issue code EXCEEDS, with the amounts); a move naming an unknown line is refused (UNKNOWN_LINE);
    a move from a line to itself is refused (SAME_LINE).
    """
    by_id = {line.line_id: line for line in lines}
    balances = {line.line_id: line.budgeted_usd for line in lines}
    applied: list[MoveResult] = []
    refused: list[Issue] = []
    for i, m in enumerate(moves, start=1):
        position, move = m if isinstance(m, tuple) else (i, m)
        if move.source not in by_id or move.dest not in by_id:
            refused.append(Issue(position, UNKNOWN_LINE))
            continue
        if move.source == move.dest:
            refused.append(Issue(position, SAME_LINE))
            continue
        if move.amount < 0:
            refused.append(Issue(position, NEGATIVE))
            continue
        source, dest = by_id[move.source], by_id[move.dest]
        usd = dollars_of(move, source)
        held = balances[source.line_id]
        if usd > held:
            refused.append(
                Issue(
                    position,
                    EXCEEDS,
                    {"source": source.line_id, "requested": usd, "available": held, "published": source.budgeted_usd},
                )
            )
            continue
        balances[source.line_id] = held - usd
        balances[dest.line_id] += usd
        applied.append(MoveResult(position, move, usd, held, fte_equivalent(usd, source), fte_equivalent(usd, dest)))
    return Scenario(applied, refused, balances)


def line_changes(lines: list[Line], scenario: Scenario) -> pd.DataFrame:
    """Per line: published dollars, scenario dollars, the change, and the change in FTE equivalents at the
    line's average published cost per FTE (None for a line without FTEs). Lines in the given order."""
    rows = []
    for line in lines:
        after = scenario.balances[line.line_id]
        change = after - line.budgeted_usd
        fte_change = fte_equivalent(change, line)
        rows.append(
            {
                "line_id": line.line_id,
                "category_id": line.category_id,
                "published_usd": line.budgeted_usd,
                "scenario_usd": after,
                "change_usd": change,
                "fte": None if line.fte is None else float(line.fte),
                "fte_change": None if fte_change is None else float(fte_change),
            }
        )
    return pd.DataFrame(rows)


def category_mix(lines: list[Line], scenario: Scenario) -> pd.DataFrame:
    """Dollars and share of the total by category, published and in the scenario (the total does not change:
    money only moves between lines). Categories in order of first appearance in `lines`."""
    total = sum(line.budgeted_usd for line in lines)
    order: list[str] = []
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for line in lines:
        if line.category_id not in before:
            order.append(line.category_id)
            before[line.category_id] = after[line.category_id] = 0
        before[line.category_id] += line.budgeted_usd
        after[line.category_id] += scenario.balances[line.line_id]
    return pd.DataFrame(
        {
            "category_id": order,
            "published_usd": [before[c] for c in order],
            "scenario_usd": [after[c] for c in order],
            "change_usd": [after[c] - before[c] for c in order],
            "published_share": [before[c] / total if total else None for c in order],
            "scenario_share": [after[c] / total if total else None for c in order],
        }
    )
