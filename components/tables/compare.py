"""Two school years side by side: totals, lines, categories and deployments with the change between them.

Changes are computed exactly (Decimal) from the published figures; a percent change needs a published base
that is not zero, else the cell says so. A line in only one year is named as appearing or not being there.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from components.i18n import t
from components.text import fmt
from components.text.labels import group_label


def _d(value) -> Decimal | None:
    return None if value is None or pd.isna(value) else Decimal(str(value))


def change(before, after) -> Decimal | None:
    """after − before, exactly; None when either is not published."""
    a, b = _d(before), _d(after)
    return None if a is None or b is None else b - a


def change_percent(before, after) -> Decimal | None:
    """(after − before) ÷ before × 100, exactly; None when either is missing or the base is zero."""
    a, b = _d(before), _d(after)
    if a is None or b is None or a == 0:
        return None
    return (b - a) / a * 100


def _pct(value: Decimal | None, lang: str) -> str:
    return t("cmp.missing", lang) if value is None else fmt.number(float(value), lang, 1) + " %"


def totals(a: pd.DataFrame, b: pd.DataFrame, year_a: str, year_b: str, lang: str) -> pd.DataFrame:
    """Published totals (dollars, FTEs) of both years with the change; figures as published, never corrected."""
    a, b = a.set_index("measure"), b.set_index("measure")
    rows = []
    for measure in ("usd", "fte"):
        before = a["published_value"].get(measure)
        after = b["published_value"].get(measure)
        text = (lambda v: fmt.money(v, lang)) if measure == "usd" else (lambda v: fmt.number(v, lang))
        diff = change(before, after)
        rows.append(
            {
                t("cmp.col.item", lang): t(f"cmp.{measure}", lang),
                year_a: text(before) if before is not None else t("cmp.missing", lang),
                year_b: text(after) if after is not None else t("cmp.missing", lang),
                t("cmp.col.change_n", lang): t("cmp.missing", lang) if diff is None else text(diff),
                t("cmp.col.change_pct", lang): _pct(change_percent(before, after), lang),
            }
        )
    return pd.DataFrame(rows)


def lines(a: pd.DataFrame, b: pd.DataFrame, year_a: str, year_b: str, lang: str) -> pd.DataFrame:
    """Every line of either year, matched by line_id: both years' dollars and FTEs, the change, and whether the
    line appears or is not there in one of them."""
    merged = a[["line_id", "position_item", "budgeted_usd", "fte"]].merge(
        b[["line_id", "position_item", "budgeted_usd", "fte"]],
        on="line_id",
        how="outer",
        suffixes=("_a", "_b"),
        indicator=True,
    )
    status = {
        "both": t("cmp.status.both", lang),
        "right_only": t("cmp.status.new", lang, year=year_b),
        "left_only": t("cmp.status.gone", lang, year=year_b),
    }
    out = pd.DataFrame(
        {
            t("col.position_item", lang): merged["position_item_b"].fillna(merged["position_item_a"]),
            t("cmp.col.status", lang): [status[str(m)] for m in merged["_merge"]],
            f"{year_a} ($)": merged["budgeted_usd_a"].astype("Int64"),
            f"{year_b} ($)": merged["budgeted_usd_b"].astype("Int64"),
            t("cmp.col.change_usd", lang): [
                None if (c := change(x, y)) is None else int(c)
                for x, y in zip(merged["budgeted_usd_a"], merged["budgeted_usd_b"])
            ],
            t("cmp.col.change_pct", lang): [
                _pct(change_percent(x, y), lang) for x, y in zip(merged["budgeted_usd_a"], merged["budgeted_usd_b"])
            ],
            f"{year_a} (FTE)": merged["fte_a"].astype(float),
            f"{year_b} (FTE)": merged["fte_b"].astype(float),
            t("cmp.col.change_fte", lang): [
                None if (c := change(x, y)) is None else float(c) for x, y in zip(merged["fte_a"], merged["fte_b"])
            ],
        }
    )
    out[t("cmp.col.change_usd", lang)] = out[t("cmp.col.change_usd", lang)].astype("Int64")
    return out.sort_values(f"{year_b} ($)", ascending=False, na_position="last", kind="stable").reset_index(drop=True)


def categories(a: pd.DataFrame, b: pd.DataFrame, year_a: str, year_b: str, lang: str) -> pd.DataFrame:
    merged = a[["category_id", "category", "budgeted_usd", "share"]].merge(
        b[["category_id", "category", "budgeted_usd", "share"]], on="category_id", how="outer", suffixes=("_a", "_b")
    )
    return pd.DataFrame(
        {
            t("col.category", lang): merged["category_b"].fillna(merged["category_a"]),
            f"{year_a} ($)": merged["budgeted_usd_a"].astype("Int64"),
            f"{year_b} ($)": merged["budgeted_usd_b"].astype("Int64"),
            t("cmp.col.change_usd", lang): pd.array(
                [
                    None if (c := change(x, y)) is None else int(c)
                    for x, y in zip(merged["budgeted_usd_a"], merged["budgeted_usd_b"])
                ],
                dtype="Int64",
            ),
            t("cmp.col.change_pct", lang): [
                _pct(change_percent(x, y), lang) for x, y in zip(merged["budgeted_usd_a"], merged["budgeted_usd_b"])
            ],
        }
    )


def deployments(
    a: pd.DataFrame, b: pd.DataFrame, kind: str, year_a: str, year_b: str, lang: str, names: dict | None = None
) -> pd.DataFrame:
    merged = a[[kind, "deployments"]].merge(b[[kind, "deployments"]], on=kind, how="outer", suffixes=("_a", "_b"))
    return pd.DataFrame(
        {
            t("cmp.col.group", lang): [group_label(kind, k, lang, names) for k in merged[kind]],
            year_a: merged["deployments_a"].astype("Int64"),
            year_b: merged["deployments_b"].astype("Int64"),
            t("cmp.col.change_n", lang): pd.array(
                [
                    None if (c := change(x, y)) is None else int(c)
                    for x, y in zip(merged["deployments_a"], merged["deployments_b"])
                ],
                dtype="Int64",
            ),
            t("cmp.col.change_pct", lang): [
                _pct(change_percent(x, y), lang) for x, y in zip(merged["deployments_a"], merged["deployments_b"])
            ],
        }
    )
