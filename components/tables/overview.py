"""Display tables and plain-language notes built from query results (pure: frames and strings out)."""

from __future__ import annotations

import pandas as pd

from components.i18n import t, tn
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized


def _share_pct(series: pd.Series) -> pd.Series:
    return (series.astype(float) * 100).round(2)


def with_category_labels(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The frame with its `category` column (data/spending_categories.csv) and its budget lines' names
    (`position_items`, with their Spanish explanations) in the reader's language."""
    out = frame.assign(category=localized(frame, "category", lang))
    if "position_items" in frame.columns:
        out["position_items"] = [line_names(r, lang) for r in frame.to_dict("records")]
    return out


def line_names(row, lang: str = "en") -> list[str]:
    """The published names of a category's budget lines (`position_items`), each with its Spanish explanation
    (`position_items_es`) in Spanish."""
    return [
        localized({"position_item": en, "position_item_es": es}, "position_item", lang, published=True)
        for en, es in zip(row["position_items"], row["position_items_es"])
    ]


def budget_by_category(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.category", lang): frame["category"],
            t("col.budgeted_usd", lang): frame["budgeted_usd"].astype("int64"),
            t("col.share", lang) + " (%)": _share_pct(frame["share"]),
            t("col.fte", lang): frame["fte"].astype(float),
            t("col.lines", lang): frame["position_items"].map("; ".join),
        }
    )


def indexed(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """The frame indexed by one of its columns (e.g. a reconciliation by `measure`)."""
    return frame.set_index(column)


def rows_where(frame: pd.DataFrame, column: str, value) -> pd.DataFrame:
    """The rows whose `column` equals `value`."""
    return frame[frame[column] == value]


def row_where(frame: pd.DataFrame, column: str, value) -> pd.Series:
    """The first row whose `column` equals `value`."""
    return rows_where(frame, column, value).iloc[0]


def with_board_district_labels(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Deployments by board district with a `label` column ("BD 3") for charts and tables."""
    return frame.assign(label=[t("ov.dep.bd_label", lang, n=n) for n in frame["board_district"]])


def deployments(
    frame: pd.DataFrame, group_column: str, group_label: str, lang: str = "en", with_member: bool = False
) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            group_label: frame[group_column],
            t("col.deployments", lang): frame["deployments"].astype(int),
            t("col.share", lang) + " (%)": _share_pct(frame["share"]),
        }
    )
    if with_member and "member" in frame.columns:
        out[t("col.member", lang)] = frame["member"].fillna(t("common.not_published", lang))
    out[t("col.locator", lang)] = frame["locator"]
    return out


def timeline(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.date", lang): [fmt.date(d, lang, p) for d, p in zip(frame["event_date"], frame["date_precision"])],
            t("col.kind", lang): [t(f"timeline.kind.{k}", lang) for k in frame["kind"]],
            t("col.event", lang): localized(frame, "event", lang),
            t("col.source", lang): [
                f"{p}, “{ti}” ({kind_label(k, lang)})"
                for p, ti, k in zip(frame["publisher"], localized(frame, "title", lang), frame["source_kind"])
            ],
            t("col.locator", lang): frame["locator"],
        }
    )


def sources(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    def where(row) -> str:
        if isinstance(row["url"], str) and row["url"]:
            return row["url"]
        if isinstance(row["document_file"], str) and row["document_file"]:
            return t("src.seed", lang, file=row["document_file"])
        return row["reference"] if isinstance(row["reference"], str) else ""

    out = pd.DataFrame(
        {
            t("col.title", lang): localized(frame, "title", lang),
            t("col.publisher", lang): frame["publisher"],
            t("col.kind", lang): [kind_label(k, lang) for k in frame["kind"]],
            t("col.published", lang): frame["published"].fillna(""),
            t("col.link", lang): [where(r) for _, r in frame.iterrows()],
            t("col.note", lang): localized(frame, "note", lang).fillna(""),
        }
    )
    if "rows_citing" in frame.columns:
        out[t("col.rows_citing", lang)] = frame["rows_citing"].astype(int)
    return out


def source_kinds(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Documents per kind of source (the Sources page's chart, as a table)."""
    data = frame.sort_values("sources", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            t("col.kind", lang): [kind_label(k, lang) for k in data["kind"]],
            t("src.col.documents", lang): data["sources"],
        }
    )


def reconciliation_notes(frame: pd.DataFrame, kind: str, lang: str = "en") -> list[tuple[bool, str]]:
    """(matches, sentence) for each published total against the sum of its lines.

    `kind` is "budget" (measures fte/usd) or "deployments" (breakdowns board_district/region).
    """
    notes = []
    for _, row in frame.iterrows():
        if kind == "budget":
            what = t(f"ov.recon.{row['measure']}", lang)
            as_text = (lambda v: fmt.money(v, lang)) if row["measure"] == "usd" else (lambda v: fmt.number(v, lang))
            lines = int(row["lines"]) - int(row["lines_without_value"])
        else:
            what = t(f"ov.recon.{row['breakdown']}", lang)
            as_text = lambda v: fmt.number(v, lang)  # noqa: E731
            lines = None
        published, computed = float(row["published_value"]), float(row["computed_value"])
        if published == computed and lines is not None:
            notes.append((True, t("ov.recon.match", lang, what=what, published=as_text(published), lines=lines)))
        elif published == computed:
            notes.append((True, t("ov.recon.match_rows", lang, what=what, published=as_text(published))))
        else:
            sentence = t(
                "ov.recon.mismatch",
                lang,
                what=what,
                published=as_text(published),
                computed=as_text(computed),
                difference=as_text(published - computed),
            )
            if kind == "budget" and int(row["lines_without_value"]):
                sentence += " " + tn("ov.recon.no_value", int(row["lines_without_value"]), lang)
            notes.append((False, sentence))
    return notes
