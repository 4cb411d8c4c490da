"""Spending page tables and sentences: budget lines, school-police pieces and series, per-student figures,
and the calculator's arithmetic in words. Frames in; display frames and plain text out.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd

from components.domain import reallocation as ra
from components.i18n import t
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized


def fte_text(fte, lang: str) -> str:
    return t("sp.na_fte", lang) if fte is None or pd.isna(fte) else fmt.number(fte, lang, 0)


def cost_text(cost, lang: str) -> str:
    return t("sp.na_fte", lang) if cost is None or pd.isna(cost) else fmt.money(round(cost), lang)


def approx_prefix(approx) -> str:
    return "~" if bool(approx) else ""


def metric_rows(series: pd.DataFrame, metric: str) -> pd.DataFrame:
    """The rows of the multi-year series for one metric (department budget or sworn officers)."""
    return series[series["metric"] == metric].reset_index(drop=True)


def enrich_lines(lines: pd.DataFrame, categories: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The budget_lines result with share of the total, average cost per FTE (from reallocation.line_table),
    the category's sort order, and its texts in the reader's language: the category, and the line's name and
    location level as published (in Spanish with their explanations)."""
    computed = ra.line_table(ra.lines_from_frame(lines)).drop(columns=["budgeted_usd", "fte"])
    order = dict(zip(categories["category_id"], categories["sort_order"]))
    out = lines.merge(computed, on="line_id", how="left")
    out["sort_order"] = [int(order.get(c, 99)) for c in out["category_id"]]
    out["category"] = localized(out, "category", lang)
    out["position_item"] = localized(out, "position_item", lang, published=True)
    out["location"] = localized(out, "location", lang, published=True)
    return out.sort_values("budgeted_usd", ascending=False, kind="stable").reset_index(drop=True)


def filter_levels(lines: pd.DataFrame, levels: list[str] | None) -> pd.DataFrame:
    """Only the lines at the given location levels (all lines when `levels` is empty or None)."""
    if not levels:
        return lines
    return lines[lines["location_level"].isin(levels)].reset_index(drop=True)


def lines_table(lines: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The sortable table of lines, with the citation of every row."""
    return pd.DataFrame(
        {
            t("col.position_item", lang): lines["position_item"],
            t("col.category", lang): lines["category"],
            t("col.location", lang): lines["location"],
            t("col.fte", lang): lines["fte"].astype(float),
            t("col.budgeted_usd", lang): lines["budgeted_usd"].astype("int64"),
            t("col.share", lang) + " (%)": (lines["share"].astype(float) * 100).round(2),
            t("sp.col.cost_per_fte", lang): lines["cost_per_fte"].astype(float).round(0),
            t("col.locator", lang): lines["locator"],
            t("sp.col.source_id", lang): lines["source_id"],
        }
    )


def laspd_items_table(items: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("sp.col.item", lang): localized(items, "item", lang, published=True),
            t("sp.col.published_as", lang): items["published_as"],
            t("col.budgeted_usd", lang): items["amount_usd"].astype("int64"),
            t("sp.col.approx", lang): [q if a else "" for a, q in zip(items["approx"], items["qualifier"].fillna(""))],
            t("col.note", lang): localized(items, "note", lang).fillna(""),
            t("col.locator", lang): items["locator"],
        }
    )


def series_table(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every observation, dated or not (undated ones are listed here and not plotted)."""
    unit = frame["unit"].iloc[0] if len(frame) else "count"
    return pd.DataFrame(
        {
            t("sp.col.school_year", lang): frame["school_year"].fillna(t("sp.undated", lang)),
            t("sp.col.value", lang): frame["value"].astype(float) if unit != "count" else frame["value"].astype(int),
            t("sp.col.approx", lang): [q if a else "" for a, q in zip(frame["approx"], frame["qualifier"].fillna(""))],
            t("sp.col.basis", lang): [t(f"sp.basis.{b}", lang) for b in frame["basis"]],
            t("sp.col.label", lang): localized(frame, "label", lang),
            t("sp.col.period", lang): localized(frame, "period", lang).fillna(""),
            t("col.source", lang): [
                f"{p}, “{ti}” ({kind_label(k, lang)})"
                for p, ti, k in zip(frame["publisher"], localized(frame, "title", lang), frame["source_kind"])
            ],
            t("col.locator", lang): frame["locator"],
        }
    )


def per_student_table(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("sp.col.school_year", lang): frame["school_year"],
            t("sp.col.per_student", lang): [
                approx_prefix(a or b) + fmt.money(round(v), lang)
                for v, a, b in zip(frame["usd_per_student"], frame["budget_approx"], frame["enrollment_approx"])
            ],
            t("sp.col.budget", lang): [
                approx_prefix(a) + fmt.money(v, lang) for v, a in zip(frame["budget_usd"], frame["budget_approx"])
            ],
            t("sp.col.basis", lang): [t(f"sp.basis.{b}", lang) for b in frame["basis"]],
            t("sp.col.budget_source", lang): [
                f"{p} ({kind_label(k, lang)})" for p, k in zip(frame["budget_publisher"], frame["budget_source_kind"])
            ],
            t("sp.col.students", lang): [
                approx_prefix(a) + fmt.number(s, lang) for s, a in zip(frame["students"], frame["enrollment_approx"])
            ],
            t("sp.col.scope", lang): [t(f"sp.scope.{s}", lang) for s in frame["scope"]],
            t("sp.col.definition", lang): localized(frame, "definition", lang),
            t("sp.col.enrollment_source", lang): [
                f"{p} ({kind_label(k, lang)})"
                for p, k in zip(frame["enrollment_publisher"], frame["enrollment_source_kind"])
            ],
        }
    )


def issue_message(issue: ra.Issue, labels: dict[str, str], lang: str = "en") -> str:
    """One plain sentence for a refused or ignored move. Never contains text from the URL."""
    values = dict(issue.values)
    if issue.code == ra.EXCEEDS:
        values = {
            "line": labels.get(values["source"], values["source"]),
            "requested": fmt.money(values["requested"], lang),
            "available": fmt.money(values["available"], lang),
        }
    elif issue.code in (ra.TOO_LONG,):
        values = {"limit": fmt.number(values.get("limit", ra.MAX_PARAM_CHARS), lang)}
    elif issue.code == ra.TOO_MANY:
        values = {"limit": values.get("limit", ra.MAX_MOVES), "ignored": values.get("ignored", 0)}
    text = t(f"sp.calc.issue.{issue.code}", lang, **values)
    if issue.position is not None:
        return t("sp.calc.issue.move_n", lang, n=issue.position, text=text)
    return text


def move_arithmetic(result: ra.MoveResult, lines: dict[str, ra.Line], lang: str = "en") -> list[str]:
    """The sentences that show one applied move's arithmetic (plain text: escape before markdown)."""
    src, dst = lines[result.move.source], lines[result.move.dest]
    out = []
    if result.move.unit == ra.PCT:
        out.append(
            t(
                "sp.calc.math.pct",
                lang,
                pct=fmt.number(result.move.amount, lang, 2 if result.move.amount % 1 else 0),
                line=src.label,
                published=fmt.money(src.budgeted_usd, lang),
                usd=fmt.money(result.usd, lang),
            )
        )
    for line, fte, key in ((src, result.source_fte, "sp.calc.math.from"), (dst, result.dest_fte, "sp.calc.math.to")):
        if fte is None:
            out.append(t("sp.calc.math.no_fte", lang, line=line.label, usd=fmt.money(result.usd, lang)))
        else:
            out.append(
                t(
                    key,
                    lang,
                    usd=fmt.money(result.usd, lang),
                    line=line.label,
                    cost=fmt.money(round(line.cost_per_fte), lang),
                    budget=fmt.money(line.budgeted_usd, lang),
                    fte_line=fmt.number(line.fte, lang),
                    fte=fmt.number(fte, lang, 1),
                )
            )
    return out


def moves_table(scenario: ra.Scenario, lines: dict[str, ra.Line], lang: str = "en") -> pd.DataFrame:
    def fte(v):
        return t("sp.na_fte_short", lang) if v is None else round(float(v), 1)

    rows = []
    for r in scenario.applied:
        rows.append(
            {
                t("sp.col.move", lang): r.position,
                t("sp.col.from", lang): lines[r.move.source].label,
                t("sp.col.to", lang): lines[r.move.dest].label,
                t("sp.col.requested", lang): (fmt.number(r.move.amount, lang, 2 if r.move.amount % 1 else 0) + " %")
                if r.move.unit == ra.PCT
                else fmt.money(r.move.amount, lang),
                t("sp.col.usd_moved", lang): r.usd,
                t("sp.col.fte_from", lang): fte(r.source_fte),
                t("sp.col.fte_to", lang): fte(r.dest_fte),
            }
        )
    return pd.DataFrame(rows)


def mix_table(mix: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.category", lang): mix["category"],
            t("sp.col.published_usd", lang): mix["published_usd"].astype("int64"),
            t("sp.col.scenario_usd", lang): mix["scenario_usd"].astype("int64"),
            t("sp.col.change_usd", lang): mix["change_usd"].astype("int64"),
            t("sp.col.published_share", lang): (mix["published_share"].astype(float) * 100).round(2),
            t("sp.col.scenario_share", lang): (mix["scenario_share"].astype(float) * 100).round(2),
        }
    )


def line_changes_table(changes: pd.DataFrame, labels: dict[str, str], lang: str = "en") -> pd.DataFrame:
    moved = changes[changes["change_usd"] != 0]
    return pd.DataFrame(
        {
            t("col.position_item", lang): [labels[i] for i in moved["line_id"]],
            t("sp.col.published_usd", lang): moved["published_usd"].astype("int64"),
            t("sp.col.scenario_usd", lang): moved["scenario_usd"].astype("int64"),
            t("sp.col.change_usd", lang): moved["change_usd"].astype("int64"),
            t("col.fte", lang): moved["fte"],
            t("sp.col.fte_change", lang): [
                t("sp.na_fte_short", lang) if pd.isna(v) else round(v, 1) for v in moved["fte_change"]
            ],
        }
    )


def share_link(base: str, params: dict) -> str:
    """The page address with its query parameters (the view's filters and scenario), for copying."""
    clean = {k: v for k, v in params.items() if isinstance(v, str) and v}
    return base + ("?" + urlencode(clean, safe=":,") if clean else "")
