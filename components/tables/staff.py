"""Pure builders for the staff page: problems, changes and versions as tables (no database, no Streamlit)."""

from __future__ import annotations

import pandas as pd

from components.i18n import t


def problems_frame(problems, lang: str) -> pd.DataFrame:
    """One row per problem: file, row, column, message (row and column blank when the file as a whole)."""
    return pd.DataFrame(
        {
            t("staff.col.file", lang): [p.file for p in problems],
            t("staff.col.row", lang): [str(p.row) if p.row is not None else "" for p in problems],
            t("staff.col.column", lang): [p.column or "" for p in problems],
            t("staff.col.problem", lang): [p.message for p in problems],
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
