"""Pure builders for the staff page: problems, changes and versions as tables (no database, no Streamlit)."""

from __future__ import annotations

import pandas as pd

from components.i18n import CATALOG, t


def problem_text(problem, lang: str) -> str:
    """A problem's message in the reader's language (by its message code), else as the data layer wrote it."""
    key = f"problem.{problem.code}" if getattr(problem, "code", None) else None
    if key in CATALOG:
        try:
            return t(key, lang, **dict(problem.values))
        except (KeyError, ValueError, IndexError):
            return problem.message
    return problem.message


def problems_frame(problems, lang: str) -> pd.DataFrame:
    """One row per problem: file, row, column, message (row and column blank when the file as a whole)."""
    return pd.DataFrame(
        {
            t("staff.col.file", lang): [p.file for p in problems],
            t("staff.col.row", lang): [str(p.row) if p.row is not None else "" for p in problems],
            t("staff.col.column", lang): [p.column or "" for p in problems],
            t("staff.col.problem", lang): [problem_text(p, lang) for p in problems],
        }
    )


def _log_word(code: str, lang: str) -> str:
    key = "staff.log." + code.replace("-", "_").replace(" ", "_")
    return t(key, lang) if key in CATALOG else code


def audit_frame(lines: list[dict], lang: str) -> pd.DataFrame:
    """The audit log (data/staff_state.py) as a table, newest first."""
    return pd.DataFrame(
        {
            t("staff.a.at", lang): [x["at"] for x in lines],
            t("staff.a.who", lang): [x["who"] for x in lines],
            t("staff.a.client", lang): [x["client"] for x in lines],
            t("staff.a.action", lang): [_log_word(x["action"], lang) for x in lines],
            t("staff.a.outcome", lang): [_log_word(x["outcome"], lang) for x in lines],
            t("staff.a.detail", lang): [x["detail"] for x in lines],
        }
    )


def changes_frame(changes, kind: str, lang: str) -> pd.DataFrame:
    """Rows of one kind of change. Changed rows show each differing value as 'before → after'."""
    rows = []
    for c in changes:
        if c.kind != kind:
            continue
        if kind == "changed":
            row = dict(c.after)
            for column in c.columns:
                row[column] = f"{c.before[column]} → {c.after[column]}"
            rows.append(row)
        else:
            rows.append(dict(c.after if kind == "added" else c.before))
    return pd.DataFrame(rows)


def summary_text(tables: dict[str, dict[str, int]], lang: str) -> str:
    return "; ".join(t("staff.summary_item", lang, table=stem, **counts) for stem, counts in tables.items())


def history_frame(versions: list[dict], lang: str) -> pd.DataFrame:
    rows = []
    for m in versions:
        if m.get("action") == "restore":
            what, summary = m.get("restored_from", ""), summary_text(m.get("tables", {}), lang)
        elif m.get("action") == "publish":
            what, summary = m.get("table", ""), summary_text({m.get("table", ""): m.get("summary", {})}, lang)
        else:
            what, summary = "", ""
        rows.append(
            {
                t("staff.h.id", lang): m["id"],
                t("staff.h.at", lang): m.get("at", ""),
                t("staff.h.action", lang): t(f"staff.action.{m.get('action', 'baseline')}", lang),
                t("staff.h.who", lang): m.get("who", ""),
                t("staff.h.table", lang): what,
                t("staff.h.summary", lang): summary,
                t("staff.h.current", lang): "✓" if m.get("current") else "",
            }
        )
    return pd.DataFrame(rows)
