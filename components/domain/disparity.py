"""Disparity ratios: a group's share of a police action divided by its share of enrollment, in exact arithmetic.

"25% of arrests ÷ 8% of students" is 25/8 = 3.125 exactly (fractions.Fraction, never a float), shown as
"≈ 3.1 times their share". A hedged share changes what may be said:

- a bound ("less than 9%" of students) bounds the ratio: 25 ÷ (less than 9) is MORE than 25/9 = 2.77…, so the
  ratio is shown as "more than 2.7" — rounded toward the safe side, never up past what the bound allows;
- an approximate share ("about 10%") makes the ratio approximate ("about 1.5");
- two bounds pulling opposite ways, or any share of 0, give no ratio at all.

Pure: numbers and the source's own qualifier word in, a Ratio out. Tested against hand arithmetic in
tests/test_incidents_disparity.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

# The source's word says the true share is ABOVE the stated number ("more than 200") or BELOW it ("less than 9%").
ABOVE_WORDS = ("more than", "over", "at least", "above")
BELOW_WORDS = ("less than", "under", "fewer than", "at most", "below")
SIGNIFICANT = 2  # digits a ratio is shown with: 3.125 -> 3.1, 0.2857 -> 0.29, 2.5 -> 2.5


@dataclass(frozen=True)
class Share:
    """A published share in percent (0-100), exact, and how the source hedged it."""

    value: Fraction
    bound: str  # "exact", "above" (true share > value), "below" (true share < value), "approx"
    qualifier: str | None = None  # the source's own word, as published


@dataclass(frozen=True)
class Ratio:
    """action share ÷ enrollment share of the numbers as published."""

    exact: Fraction  # the quotient of the published numbers, exactly
    relation: str  # "=" (shown exactly), "≈" (rounded), ">" / "<" (a bound), "~" (approximate: a share is hedged)
    shown: Decimal  # the quotient rounded to SIGNIFICANT digits, toward the safe side for a bound

    @property
    def above_one(self) -> bool:
        """Whether the group's share of the action is larger than its share of enrollment (as far as is known)."""
        return self.exact > 1


def exact_percent(value) -> Fraction:
    """A share as published (int, float, str or Decimal: 8.4, "8.4") as an exact fraction, via its decimal text."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        value = repr(
            float(value)
        )  # the shortest text that reads back as this float: 8.4 -> "8.4", not 8.4000000000000003…
    return Fraction(Decimal(str(value)))


def share(value, approx: bool = False, qualifier: str | None = None) -> Share:
    """A Share from a row's figure, its approx flag and the source's qualifier word."""
    word = (qualifier or "").strip().lower()
    if not approx:
        bound = "exact"
    elif word in ABOVE_WORDS:
        bound = "above"
    elif word in BELOW_WORDS:
        bound = "below"
    else:
        bound = "approx"
    return Share(exact_percent(value), bound, qualifier if approx else None)


def _round(value: Fraction, mode: str) -> Decimal:
    """`value` to SIGNIFICANT significant digits, rounded half-up, down (floor) or up (ceiling)."""
    if value == 0:
        return Decimal(0)
    d = Decimal(value.numerator) / Decimal(value.denominator)  # 28 digits: plenty before rounding to 2
    exponent = d.adjusted() - (SIGNIFICANT - 1)
    quantum = Decimal(1).scaleb(exponent)
    rounding = {"half": ROUND_HALF_UP, "down": ROUND_FLOOR, "up": ROUND_CEILING}[mode]
    shown = d.quantize(quantum, rounding=rounding)
    return shown if exponent < 0 else shown.quantize(Decimal(1))


def ratio(action: Share, enrollment: Share) -> Ratio | None:
    """How many times its share of enrollment a group's share of the action is; None when it cannot be said."""
    if enrollment.value == 0 or action.value == 0:
        return None
    exact = action.value / enrollment.value
    if "approx" in (action.bound, enrollment.bound):
        return Ratio(exact, "~", _round(exact, "half"))
    # Which way each hedge pushes the quotient: a larger numerator or a smaller denominator makes it larger.
    pushes = set()
    if action.bound == "above" or enrollment.bound == "below":
        pushes.add("larger")
    if action.bound == "below" or enrollment.bound == "above":
        pushes.add("smaller")
    if pushes == {"larger", "smaller"}:
        return None  # e.g. "more than 20%" of arrests ÷ "more than 8%" of students: any ratio is possible
    if pushes == {"larger"}:
        return Ratio(exact, ">", _round(exact, "down"))
    if pushes == {"smaller"}:
        return Ratio(exact, "<", _round(exact, "up"))
    shown = _round(exact, "half")
    return Ratio(exact, "=" if Fraction(shown) == exact else "≈", shown)
