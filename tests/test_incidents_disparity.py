"""Disparity ratios (components/domain/disparity.py and their sentences): every ratio in the data against
arithmetic done here by hand with fractions, bounds rounded toward the safe side, hedges kept in words."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import queries
from components.domain import disparity
from components.tables import incidents as tables
from tests.conftest import read_csv


def ratio_of(action, enrollment, enrollment_approx=False, enrollment_qualifier=None):
    return disparity.ratio(
        disparity.share(action), disparity.share(enrollment, enrollment_approx, enrollment_qualifier)
    )


@pytest.mark.parametrize(
    "action, enrollment, exact, relation, shown",
    [
        (25, 8, Fraction(25, 8), "≈", "3.1"),  # the coalition's claim: 3.125
        (21, 8.4, Fraction(5, 2), "=", "2.5"),  # 2014-15: exactly 2.5, no rounding to hide
        (2.8, 9.8, Fraction(2, 7), "≈", "0.29"),  # white students, 2014-15
        (71, 74, Fraction(71, 74), "≈", "0.96"),
        (3, 10, Fraction(3, 10), "=", "0.30"),
        (2, 8, Fraction(1, 4), "=", "0.25"),
    ],
)
def test_exact_ratios(action, enrollment, exact, relation, shown):
    r = ratio_of(action, enrollment)
    assert r.exact == exact
    assert r.relation == relation
    assert r.shown == Decimal(shown)
    assert isinstance(r.exact, Fraction)  # never a float on the way


def test_less_than_nine_percent_gives_more_than_the_quotient_rounded_down():
    r = ratio_of(25, 9, True, "less than")
    assert r.exact == Fraction(25, 9)  # 2.777…
    assert r.relation == ">"
    # rounding 2.777… to 2.8 would claim more than the bound allows: the safe side is down
    assert r.shown == Decimal("2.7") and Fraction(r.shown) < r.exact
    r24 = ratio_of(24, 9, True, "less than")
    assert r24.exact == Fraction(8, 3) and r24.relation == ">" and r24.shown == Decimal("2.6")


def test_other_hedges():
    about = ratio_of(15, 10, True, "about")
    assert about.relation == "~" and about.shown == Decimal("1.5")
    # a numerator that is itself a lower bound, over an upper-bounded denominator: still a lower bound
    r = disparity.ratio(disparity.share(25, True, "more than"), disparity.share(9, True, "less than"))
    assert r.relation == ">"
    # bounds pulling both ways: nothing can be said
    assert disparity.ratio(disparity.share(25, True, "more than"), disparity.share(8, True, "more than")) is None
    r = disparity.ratio(disparity.share(25, True, "less than"), disparity.share(8))
    assert r.relation == "<" and r.shown == Decimal("3.2")  # 3.125 rounded up: an upper bound
    assert disparity.ratio(disparity.share(25), disparity.share(0)) is None


def test_shares_are_read_exactly_from_their_decimal_text():
    assert disparity.exact_percent(8.4) == Fraction(42, 5)
    assert disparity.exact_percent("8.4") == Fraction(42, 5)
    assert disparity.exact_percent(Decimal("9.8")) == Fraction(49, 5)


def test_every_ratio_in_the_data_against_hand_arithmetic():
    rows = read_csv("disparities")
    frame = queries.run("incidents_disparities").frame.set_index("obs_id")
    checked = 0
    for row in rows:
        if not row["enrollment_share"] or not row["action_share"]:
            assert tables.disparity_ratio(frame.loc[row["obs_id"]]) is None
            continue
        expected = Fraction(row["action_share"]) / Fraction(row["enrollment_share"])
        r = tables.disparity_ratio(frame.loc[row["obs_id"]])
        assert r.exact == expected, row["obs_id"]
        if row["enrollment_qualifier"] == "less than":
            assert r.relation == ">" and Fraction(r.shown) <= expected
        elif row["enrollment_approx"] == "true":
            assert r.relation == "~"
        else:
            assert r.relation in ("=", "≈")
            assert abs(Fraction(r.shown) - expected) <= Fraction(1, 2) * Fraction(10) ** (r.shown.adjusted() - 1)
        checked += 1
    assert checked == 10  # 13 rows, 3 without an enrollment share


def test_the_sentences_show_the_formula_and_the_hedge():
    frame = queries.run("incidents_disparities").frame.set_index("obs_id")
    assert (
        tables.ratio_sentence(frame.loc["disp-coalition-black-arrests"], "en")
        == "25% of arrests ÷ 8% of students ≈ 3.1 times their share"
    )
    assert tables.ratio_sentence(frame.loc["disp-2014-15-black-arrests-laschoolreport"], "en") == (
        "21% of arrests ÷ 8.4% of students = 2.5 times their share"
    )
    sudikoff = tables.ratio_sentence(frame.loc["disp-2014-2017-black-sudikoff"], "en")
    assert sudikoff.startswith("25% of arrests, citations and referrals ÷ less than 9% of students = more than 2.7")
    assert "25 ÷ 9 = 2.78" in sudikoff
    cpi = tables.ratio_sentence(frame.loc["disp-2011-black-ticketed-cpi"], "en")
    assert "about 10% of students" in cpi and "about 1.5 times" in cpi
    es = tables.ratio_sentence(frame.loc["disp-coalition-black-arrests"], "es")
    assert es == "25% de los arrestos ÷ 8% del alumnado ≈ 3.1 veces su proporción"
    assert "menos de 9%" in tables.ratio_sentence(frame.loc["disp-2014-2017-black-sudikoff"], "es")
