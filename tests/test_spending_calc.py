"""The Spending page's arithmetic (components/reallocation.py) against values computed here, independently,
from the published table in data/budget_lines.csv, with exact fractions.

Covers: average cost per FTE and shares; zero; the whole line; more than the line holds (refused, with a clear
message); the line without FTEs; percent moves; chained moves from the same line; and reading hostile ?moves=
values without an exception and without echoing them.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import queries
from components.domain import reallocation as ra
from components.tables import spending as spending_tables
from tests.conftest import read_csv

YEAR = "2023-24"


@pytest.fixture(scope="module")
def published() -> dict[str, dict]:
    """The 2023-24 lines straight from the CSV: line_id -> {fte: Fraction | None, usd: int, label, category}."""
    categories = {r["line_id"]: r["category_id"] for r in read_csv("budget_line_categories")}
    return {
        r["line_id"]: {
            "fte": Fraction(r["fte"]) if r["fte"] else None,
            "usd": int(r["budgeted_usd"]),
            "label": r["position_item"],
            "category": categories[r["line_id"]],
        }
        for r in read_csv("budget_lines")
        if r["school_year"] == YEAR
    }


@pytest.fixture(scope="module")
def lines() -> list[ra.Line]:
    return ra.lines_from_frame(queries.run("budget_lines", school_year=YEAR).frame)


def by_id(lines):
    return {line.line_id: line for line in lines}


def fte_of(usd, row) -> Fraction:
    """FTEs that `usd` pays for at the line's average published cost: usd / (budgeted / fte)."""
    return Fraction(usd) / (Fraction(row["usd"]) / row["fte"])


def close(a, b: Fraction) -> bool:
    return a is not None and abs(Fraction(str(a)) - b) < Fraction(1, 10**9)


# ------------------------------------------------------------------------------------------- published figures


def test_the_model_holds_exactly_the_published_lines(lines, published):
    assert {line.line_id for line in lines} == set(published)
    for line in lines:
        row = published[line.line_id]
        assert line.budgeted_usd == row["usd"]
        assert (line.fte is None) == (row["fte"] is None)
        assert line.label == row["label"] and line.category_id == row["category"]


def test_cost_per_fte_and_share_equal_the_published_table(lines, published):
    total = sum(r["usd"] for r in published.values())
    assert total == 346_131_854  # the published TOTAL row (budget_totals.csv, measure usd)
    table = ra.line_table(lines).set_index("line_id")
    for line_id, row in published.items():
        assert table.loc[line_id, "share"] == pytest.approx(float(Fraction(row["usd"], total)), rel=1e-12)
        if row["fte"] is None:
            assert table.loc[line_id, "cost_per_fte"] != table.loc[line_id, "cost_per_fte"]  # NaN: no FTEs
        else:
            assert table.loc[line_id, "cost_per_fte"] == pytest.approx(
                float(Fraction(row["usd"]) / row["fte"]), rel=1e-12
            )
    assert table["share"].sum() == pytest.approx(1.0)


def test_five_million_in_psychiatric_social_workers(lines, published):
    psw = published["psychiatric-social-workers"]
    expected = fte_of(5_000_000, psw)  # 5,000,000 × 751 / 120,352,057
    assert round(float(expected), 1) == 31.2
    assert close(ra.fte_equivalent(5_000_000, by_id(lines)["psychiatric-social-workers"]), expected)
    assert round(float(Fraction(psw["usd"]) / psw["fte"])) == 160_256


def test_enriched_lines_carry_the_same_figures(lines, published):
    frame = queries.run("budget_lines", school_year=YEAR).frame
    cats = queries.run("budget_by_category", school_year=YEAR).frame
    enriched = spending_tables.enrich_lines(frame, cats).set_index("line_id")
    row = published["campus-aides"]
    assert enriched.loc["campus-aides", "cost_per_fte"] == pytest.approx(float(Fraction(row["usd"]) / row["fte"]))
    assert list(enriched["budgeted_usd"]) == sorted(enriched["budgeted_usd"], reverse=True)


# ------------------------------------------------------------------------------------------- moves


def test_zero_is_allowed_and_changes_nothing(lines, published):
    s = ra.compute(lines, [ra.Move("sworn-peace-officers", "psychiatric-social-workers", Decimal(0))])
    assert not s.refused and len(s.applied) == 1
    assert s.applied[0].usd == 0 and s.applied[0].dest_fte == 0 and s.applied[0].source_fte == 0
    assert s.balances == {k: r["usd"] for k, r in published.items()}


def test_a_dollar_move_and_its_fte_equivalents(lines, published):
    s = ra.compute(lines, [ra.Move("sworn-peace-officers", "psychiatric-social-workers", Decimal(5_000_000))])
    r = s.applied[0]
    assert r.usd == 5_000_000
    assert close(r.source_fte, fte_of(5_000_000, published["sworn-peace-officers"]))  # 31.5 officer FTEs
    assert close(r.dest_fte, fte_of(5_000_000, published["psychiatric-social-workers"]))  # 31.2 PSW FTEs
    assert s.balances["sworn-peace-officers"] == published["sworn-peace-officers"]["usd"] - 5_000_000
    assert s.balances["psychiatric-social-workers"] == published["psychiatric-social-workers"]["usd"] + 5_000_000
    assert sum(s.balances.values()) == sum(r["usd"] for r in published.values())


def test_the_whole_line_can_move_and_published_lines_stay_unchanged(lines, published):
    before = list(lines)
    whole = published["sworn-peace-officers"]["usd"]
    for move in (
        ra.Move("sworn-peace-officers", "rj-teachers", Decimal(whole)),
        ra.Move("sworn-peace-officers", "rj-teachers", Decimal(100), ra.PCT),
    ):
        s = ra.compute(lines, [move])
        assert not s.refused and s.applied[0].usd == whole
        assert s.balances["sworn-peace-officers"] == 0
        assert close(s.applied[0].source_fte, Fraction(280))  # the whole line = all of its published FTEs
    assert lines == before and by_id(lines)["sworn-peace-officers"].budgeted_usd == whole


def test_more_than_the_line_holds_is_refused_with_a_clear_message(lines, published):
    held = published["rj-teacher-advisors"]["usd"]  # 312,712
    s = ra.compute(lines, [ra.Move("rj-teacher-advisors", "sosa", Decimal(held + 1))])
    assert not s.applied and s.balances == {k: r["usd"] for k, r in published.items()}
    (issue,) = s.refused
    assert issue.code == ra.EXCEEDS and issue.position == 1
    assert issue.values["requested"] == held + 1 and issue.values["available"] == held
    message = spending_tables.issue_message(issue, {k: r["label"] for k, r in published.items()})
    assert message.startswith("Move 1: refused.")
    assert "$312,713" in message and "$312,712" in message and "Restorative Justice Teacher Advisors" in message
    # over 100 percent is more than the line holds, too
    s = ra.compute(lines, [ra.Move("rj-teacher-advisors", "sosa", Decimal("100.01"), ra.PCT)])
    assert [i.code for i in s.refused] == [ra.EXCEEDS]


def test_the_line_without_ftes_converts_to_dollars_only(lines, published):
    cbsp = published["cbsp-vendor-support"]
    assert cbsp["fte"] is None
    s = ra.compute(
        lines,
        [
            ra.Move("cbsp-vendor-support", "school-climate-advocates", Decimal(1_000_000)),
            ra.Move("campus-aides", "cbsp-vendor-support", Decimal(2_000_000)),
        ],
    )
    first, second = s.applied
    assert first.source_fte is None and close(first.dest_fte, fte_of(1_000_000, published["school-climate-advocates"]))
    assert second.dest_fte is None and close(second.source_fte, fte_of(2_000_000, published["campus-aides"]))
    assert s.balances["cbsp-vendor-support"] == cbsp["usd"] + 1_000_000
    sentences = spending_tables.move_arithmetic(first, by_id(lines))
    assert any("no FTEs are published for this line" in x and "$1,000,000" in x for x in sentences)
    changes = ra.line_changes(lines, s).set_index("line_id")
    assert changes.loc["cbsp-vendor-support", "fte_change"] != changes.loc["cbsp-vendor-support", "fte_change"]


def test_percent_moves_are_of_the_published_line_rounded_half_up(lines, published):
    aides = published["campus-aides"]["usd"]  # 94,070,638
    s = ra.compute(
        lines,
        [
            ra.Move("campus-aides", "rj-teachers", Decimal(10), ra.PCT),
            ra.Move("sosa", "rj-teachers", Decimal("12.5"), ra.PCT),
        ],
    )
    ten, twelve = s.applied
    assert ten.usd == 9_407_064 == int(Fraction(aides, 10) + Fraction(1, 2))  # 9,407,063.8 -> 9,407,064
    sosa = published["sosa"]["usd"]  # 8,748,515 × 12.5% = 1,093,564.375 -> 1,093,564
    assert twelve.usd == int(Fraction(sosa) * Fraction(125, 1000) + Fraction(1, 2)) == 1_093_564
    assert close(ten.dest_fte, fte_of(9_407_064, published["rj-teachers"]))
    sentences = spending_tables.move_arithmetic(ten, by_id(lines))
    assert sentences[0].startswith("10 % of Campus Aides/Supervision Aides as published ($94,070,638) = $9,407,064")


def test_chained_moves_from_one_line_see_what_is_left(lines, published):
    sworn = published["sworn-peace-officers"]["usd"]
    s = ra.compute(
        lines,
        [
            ra.Move("sworn-peace-officers", "psychiatric-social-workers", Decimal(60), ra.PCT),
            ra.Move("sworn-peace-officers", "rj-teachers", Decimal(60), ra.PCT),
            ra.Move(
                "sworn-peace-officers",
                "rj-teachers",
                Decimal(sworn) - Decimal(int(Fraction(sworn) * Fraction(6, 10) + Fraction(1, 2))),
            ),
        ],
    )
    sixty = int(Fraction(sworn) * Fraction(6, 10) + Fraction(1, 2))
    assert [r.position for r in s.applied] == [1, 3] and [i.position for i in s.refused] == [2]
    refused = s.refused[0]
    assert refused.values["available"] == sworn - sixty and refused.values["requested"] == sixty
    assert s.balances["sworn-peace-officers"] == 0
    # money moved into a line can move on
    s = ra.compute(
        lines,
        [
            ra.Move("campus-aides", "rj-teacher-advisors", Decimal(1_000_000)),
            ra.Move("rj-teacher-advisors", "sosa", Decimal(1_200_000)),
        ],
    )
    assert not s.refused and s.balances["rj-teacher-advisors"] == published["rj-teacher-advisors"]["usd"] - 200_000


def test_category_mix_moves_shares_and_keeps_the_total(lines, published):
    total = sum(r["usd"] for r in published.values())
    s = ra.compute(lines, [ra.Move("sworn-peace-officers", "psychiatric-social-workers", Decimal(5_000_000))])
    mix = ra.category_mix(lines, s).set_index("category_id")
    police = sum(r["usd"] for r in published.values() if r["category"] == "law_enforcement")
    mental = sum(r["usd"] for r in published.values() if r["category"] == "mental_health_wellness")
    assert mix.loc["law_enforcement", "published_usd"] == police == 44_485_774
    assert mix.loc["law_enforcement", "scenario_usd"] == police - 5_000_000
    assert mix.loc["mental_health_wellness", "scenario_usd"] == mental + 5_000_000
    assert mix.loc["law_enforcement", "published_share"] == pytest.approx(float(Fraction(police, total)))
    assert mix.loc["mental_health_wellness", "scenario_share"] == pytest.approx(
        float(Fraction(mental + 5_000_000, total))
    )
    assert mix["scenario_usd"].sum() == mix["published_usd"].sum() == total
    assert mix["change_usd"].sum() == 0


# ------------------------------------------------------------------------------------------- the URL


def test_a_link_round_trips(lines):
    raw = "sworn-peace-officers>psychiatric-social-workers:5000000,campus-aides>rj-teachers:10%,sosa>rj-teachers:12.5%"
    moves, issues = ra.parse_moves(raw, by_id(lines))
    assert not issues
    assert [m.unit for _, m in moves] == [ra.USD, ra.PCT, ra.PCT]
    assert moves[2][1].amount == Decimal("12.5")
    assert ra.serialize_moves(moves) == raw
    assert ra.parse_moves(None, by_id(lines)) == ([], [])
    assert ra.parse_moves("", by_id(lines)) == ([], [])


HOSTILE = {
    "<script>alert(1)</script>": ra.MALFORMED,
    "sworn-peace-officers>psychiatric-social-workers:<img src=x onerror=alert(1)>": ra.BAD_AMOUNT,
    "nope>psychiatric-social-workers:5": ra.UNKNOWN_LINE,
    "sworn-peace-officers>psychiatric-social-workers:-5000": ra.NEGATIVE,
    "sworn-peace-officers>psychiatric-social-workers:1e9": ra.BAD_AMOUNT,
    "sworn-peace-officers>psychiatric-social-workers:NaN": ra.BAD_AMOUNT,
    "sworn-peace-officers>psychiatric-social-workers:99999999999999999999": ra.BAD_AMOUNT,
    "sworn-peace-officers>psychiatric-social-workers:5%%": ra.BAD_AMOUNT,
    "sworn-peace-officers>sworn-peace-officers:5": ra.SAME_LINE,
    "'; DROP TABLE budget_lines; --": ra.MALFORMED,
    "sworn-peace-officers psychiatric-social-workers 5": ra.MALFORMED,
    "$\\frac{1}{0}$>[x](javascript:alert(1)):5": ra.MALFORMED,
}


@pytest.mark.parametrize("raw", sorted(HOSTILE))
def test_hostile_moves_are_ignored_with_a_reason_that_does_not_echo_them(raw, lines):
    known = by_id(lines)
    moves, issues = ra.parse_moves(raw + ",campus-aides>rj-teachers:1%", known)
    assert [i.code for i in issues] == [HOSTILE[raw]] and issues[0].position == 1
    assert [p for p, _ in moves] == [2]  # the good move after it still counts
    message = spending_tables.issue_message(issues[0], {k: v.label for k, v in known.items()})
    assert message.startswith("Move 1: ")
    for fragment in ("<", "script", "DROP", "javascript", "nope", "1e9", "-5000"):
        assert fragment not in message


def test_huge_and_odd_links_never_raise(lines):
    known = by_id(lines)
    moves, issues = ra.parse_moves("a" * 100_000, known)
    assert moves == [] and [i.code for i in issues] == [ra.TOO_LONG]
    many = ",".join(["campus-aides>rj-teachers:1"] * 25)
    moves, issues = ra.parse_moves(many, known)
    assert len(moves) == ra.MAX_MOVES == 10
    assert [(i.code, i.values["ignored"]) for i in issues] == [(ra.TOO_MANY, 15)]
    assert "ignored" in spending_tables.issue_message(issues[0], {})
    for raw in (",,,", " , ", ["sosa>rj-teachers:1", "x"], 12345, "\x00\x01>\x02:3", "ñ>é:1", ">:", ":%"):
        moves, issues = ra.parse_moves(raw, known)  # no exception
        assert all(isinstance(i, ra.Issue) for i in issues)
    assert ra.parse_moves("SOSA>RJ-Teachers:100", known)[0][0][1] == ra.Move("sosa", "rj-teachers", Decimal(100))
