"""Deployments page tables and sentences: counts by group, per-school comparisons, the reasons and resources
of a deployment and the pepper-spray policy. Frames in; display frames and plain text out.
"""

from __future__ import annotations

import pandas as pd

from components.i18n import t
from components.text import fmt
from components.text.labels import group_label
from components.text.localized import localized


def table(frame: pd.DataFrame, kind: str, lang: str = "en", names: dict | None = None) -> pd.DataFrame:
    """Deployments per group; `names`: region key -> the name in the reader's language (views/names.py)."""
    key_col = "board_district" if kind == "board_district" else "region"
    out = pd.DataFrame(
        {
            t("col.board_district" if kind == "board_district" else "col.region", lang): [
                group_label(kind, k, lang, names) for k in frame[key_col]
            ],
            t("col.deployments", lang): frame["deployments"].astype(int),
            t("col.share", lang) + " (%)": (frame["share"].astype(float) * 100).round(2),
        }
    )
    if "campuses" in frame.columns:
        out[t("dep.col.campuses", lang)] = frame["campuses"].astype(int)
    if "member" in frame.columns:
        out[t("col.member", lang)] = frame["member"].fillna(t("common.not_published", lang))
    if "locator" in frame.columns:
        out[t("col.locator", lang)] = frame["locator"]
    return out


def group_row(frame: pd.DataFrame, kind: str, key) -> pd.Series | None:
    """The row of one region or board district in a table of counts (None when it has no row)."""
    key_col = "board_district" if kind == "board_district" else "region"
    rows = frame[frame[key_col].astype(str) == str(key)]
    return rows.iloc[0] if not rows.empty else None


def focus_sentence(
    frame: pd.DataFrame, kind: str, key, total: int, year: str, lang: str = "en", names: dict | None = None
) -> str:
    """One sentence about the selected group: its count, share and (board districts) member."""
    row = group_row(frame, kind, key)
    name = group_label(kind, key, lang, names)
    if row is None:
        return t("dep.focus.none", lang, name=name)
    text = t(
        "dep.focus",
        lang,
        name=name,
        n=fmt.number(row["deployments"], lang),
        total=fmt.number(total, lang),
        share=fmt.percent(row["share"], lang),
    )
    member = row.get("member") if "member" in row.index else None
    if isinstance(member, str) and member:
        text += " " + t("dep.focus.member", lang, year=year, member=member)
    return text


def qualifier_prefix(qualifier, lang: str = "en") -> str:
    """The source's hedge word before a figure ("approximately 175"): its own word, quoted in Spanish
    (“approximately” 175) so that it reads as the source's and not as an English slip."""
    if not isinstance(qualifier, str) or not qualifier:
        return ""
    return f"“{qualifier}” " if lang == "es" else qualifier + " "


def per_school_table(frame: pd.DataFrame, sources: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """Deployments beside each board district's published school count; "not published" where none is.

    `sources` maps source_id -> a short plain name of the document (publisher, title)."""
    missing = t("common.not_published", lang)
    counts, per100, srcs = [], [], []
    for _, r in frame.iterrows():
        if pd.isna(r["schools_published"]):
            counts.append(missing)
            per100.append(missing)
            srcs.append("")
            continue
        prefix = qualifier_prefix(r["schools_qualifier"], lang)
        counts.append(prefix + fmt.number(r["schools_published"], lang))
        per100.append(("~" if r["schools_approx"] else "") + fmt.number(r["deployments_per_100_schools"], lang, 1))
        srcs.append(f"{sources.get(r['schools_source_id'], r['schools_source_id'])} — {r['schools_locator']}")
    return pd.DataFrame(
        {
            t("col.board_district", lang): [group_label("board_district", k, lang) for k in frame["board_district"]],
            t("col.deployments", lang): frame["deployments"].astype(int),
            t("dep.col.schools", lang): counts,
            t("dep.col.per100", lang): per100,
            t("dep.col.schools_source", lang): srcs,
        }
    )


def per_school_sentences(frame: pd.DataFrame, sources: dict[str, str], lang: str = "en") -> list[str]:
    """Plain sentences for the districts with a published school count (plain text: escape before markdown)."""
    out = []
    for _, r in frame[frame["schools_published"].notna()].iterrows():
        qual = qualifier_prefix(r["schools_qualifier"], lang)
        out.append(
            t(
                "dep.per_school.row",
                lang,
                name=group_label("board_district", r["board_district"], lang),
                n=fmt.number(r["deployments"], lang),
                schools=qual + fmt.number(r["schools_published"], lang),
                per100=fmt.number(r["deployments_per_100_schools"], lang, 1),
                source=sources.get(r["schools_source_id"], r["schools_source_id"]),
            )
        )
    return out


def condition_labels(frame: pd.DataFrame, kind: str, lang: str = "en") -> list[str]:
    """The reasons (authorizing_reason) or resources (accompanying_resource) of a deployment, in order."""
    return localized(frame[frame["kind"] == kind].sort_values("sort_order"), "label", lang).tolist()


def points_of_kind(points: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The map's label points for one kind of area (board_district or region)."""
    return points[points["kind"] == kind]


def policy_points(frame: pd.DataFrame, version: str, lang: str = "en") -> list[str]:
    """The summaries of one version of the guidance ('current' or 'revised'), in the file's order."""
    return localized(frame[frame["version"] == version], "summary", lang).tolist()


def policy_table(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The current guidance beside the revision, point by point (our summaries, as in data/policy_points.csv)."""
    return pd.DataFrame(
        {
            t("dep.col.version", lang): [t(f"dep.policy.{v}", lang) for v in frame["version"]],
            t("dep.col.point", lang): localized(frame, "summary", lang),
            t("col.locator", lang): frame["locator"],
        }
    )


def label_points_table(points: pd.DataFrame, kind: str, lang: str = "en", names: dict | None = None) -> pd.DataFrame:
    """Where each symbol is drawn and how that point was chosen (all approximate label positions)."""
    return pd.DataFrame(
        {
            t("col.board_district" if kind == "board_district" else "col.region", lang): [
                group_label(kind, k, lang, names) for k in points["key"]
            ],
            t("dep.col.lat", lang): points["lat"].astype(float),
            t("dep.col.lon", lang): points["lon"].astype(float),
            t("dep.col.approx", lang): [t("dep.yes", lang) if a else t("dep.no", lang) for a in points["approx"]],
            t("dep.col.method", lang): localized(points, "method", lang),
            t("col.source", lang): points["source_id"],
            t("col.locator", lang): points["locator"],
        }
    )
