"""Sources view model: every document and article behind the dashboard's figures, with its kind and how often
it is cited, filterable by kind."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import queries
from components.charts import sources as charts
from components.i18n import t, tn
from components.perf.memo import cached
from components.tables import overview as tables
from components.text import fmt
from components.text.citations import kind_label
from components.text.markdown import md_escape
from components.views.cite import cite, source_ids_per_row, sourced
from components.views.model import Chart, Download, Lead

# The order kinds are offered in: the district's own documents first. A kind added in the data and not listed
# here comes after these.
KIND_ORDER = (
    "district",
    "elected_official",
    "school",
    "news",
    "advocacy",
    "research",
    "government",
    "reference",
    "unattributed",
)


@dataclass(frozen=True)
class Controls:
    title: str
    intro: str
    filter_label: str
    kinds: dict
    list_title: str  # "" (all) and each kind in the data -> its label


@cached(data=True)
def controls(lang: str) -> Controls:
    present = queries.run("source_kinds").frame["kind"].tolist()
    ordered = [k for k in KIND_ORDER if k in present] + sorted(set(present) - set(KIND_ORDER))
    return Controls(
        t("src.title", lang),
        t("src.intro", lang),
        t("src.filter", lang),
        {"": t("src.all", lang), **{k: kind_label(k, lang) for k in ordered}},
        t("src.sec.list", lang),
    )


@dataclass(frozen=True)
class DataControls:
    title: str
    intro: str
    label: str
    tables: dict  # table name -> "label (N rows)", in the order of the labels


@cached(data=True)
def data_controls(lang: str) -> DataControls:
    """Every table of the published data, so that every row can be read and downloaded with its source."""
    frame = queries.run("data_tables").frame
    labels = {
        name: tn("data.table_rows", int(n), lang, table=t(f"data.table.{name}", lang))
        for name, n in zip(frame["table_name"], frame["rows"])
    }
    ordered = dict(sorted(labels.items(), key=lambda kv: kv[1].lower()))
    return DataControls(t("data.title", lang), t("data.intro", lang), t("data.pick", lang), ordered)


# Columns of free text written by the research in English only (notes, reasons, descriptions). A column that has a
# Spanish twin (<column>_es) is never among them: it is shown in the reader's language.
ENGLISH_ONLY_TEXT = frozenset(
    ("note", "why", "rationale", "description", "areas", "reference", "definition", "label", "period", "method")
    + ("reliability_note", "statement")
)


def in_language(frame, lang: str) -> tuple[object, tuple[str, ...]]:
    """A data table as a reader of `lang` reads it: a text with a Spanish twin (`x` and `x_es`, or `x_en` and
    `x_es`) becomes one column `x` in the reader's language (the English where a Spanish text is missing); in
    Spanish, free-text columns written only in English are left out and named (second value)."""
    columns, left_out = {}, []
    for name in frame.columns:
        if name.endswith("_es") and (name[:-3] in frame.columns or name[:-3] + "_en" in frame.columns):
            continue  # shown through its English twin
        base = name[:-3] if name.endswith("_en") else name
        twin = base + "_es"
        if twin in frame.columns:
            columns[base] = frame[twin].where(frame[twin].notna(), frame[name]) if lang == "es" else frame[name]
        elif lang == "es" and name in ENGLISH_ONLY_TEXT and frame[name].notna().any():
            left_out.append(name)
        else:
            columns[name] = frame[name]
    return frame.__class__(columns, index=frame.index), tuple(left_out)


@cached(data=True)
def table_rows(table: str, lang: str) -> Download | None:
    """One table's rows (without internal research references) and its CSV, cited by the sources its rows name;
    None for a name that is not a published table."""
    if table not in data_controls(lang).tables:
        return None
    result = queries.run("table_rows", table=table)
    frame, english_only = in_language(result.frame, lang)
    if any(source_ids_per_row(frame)) and table != "sources":  # each row with its sources' names and links
        frame = sourced(frame, frame, lang)
    citation = cite(result, lang=lang)
    if english_only:
        note = t("data.english_only", lang, columns=", ".join(english_only))
        citation = f"{citation} {note}" if citation else note
    return Download(
        frame,
        citation,
        f"lausd-safety-data-{table}.csv",
        "data-table",
        download_key="download-data-table",
        placeholder="—",  # an empty cell, not "None"
    )


@cached(data=True)
def lead(lang: str) -> Lead:
    """How many documents the figures come from, the district's own among them, and the chart of them by kind."""
    kinds = queries.run("source_kinds")
    frame = kinds.frame
    n = int(frame["sources"].sum())
    district = int(frame.loc[frame["kind"] == "district", "sources"].sum())
    finding = t(
        "src.finding",
        lang,
        n=fmt.number(n, lang),
        district=fmt.number(district, lang),
        others=fmt.number(n - district, lang),
    )
    chart = Chart(
        "sources-by-kind",
        charts.by_kind(frame, lang),
        charts.by_kind_alt(frame, lang),
        partial(tables.source_kinds, frame, lang),
        "",
        slide=partial(charts.by_kind, frame, lang),
    )
    return Lead(md_escape(finding), "", chart)


def lead_for(params: dict, lang: str) -> Lead:
    return lead(lang)


@dataclass(frozen=True)
class SourcesView:
    count: str
    table: Download
    built: str | None


@cached(data=True)
def build(kind: str, lang: str) -> SourcesView:
    result = queries.run("sources_all", kind=kind)
    table = tables.sources(result.frame, lang)
    info = queries.run("build_info").frame
    built = None
    if not info.empty:
        built = t(
            "src.built", lang, when=str(info.iloc[0]["built_at"])[:19], fingerprint=info.iloc[0]["fingerprint"][:12]
        )
    widths = ((t("col.title", lang), "medium"), (t("col.kind", lang), "small"), (t("col.link", lang), "medium"))
    return SourcesView(
        tn("src.count", len(result.frame), lang),
        Download(
            table, "", "lausd-safety-sources.csv", "sources-table", widths=widths, download_key="download-sources"
        ),
        built,
    )
