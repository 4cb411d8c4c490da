"""What is known after the newest district safety budget table: a dated statement built from the data (which
year, which document, when it was presented), and what other sources say about the later school years — each
with its source and kind, never presented as district budget lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

import queries
from components.i18n import t
from components.perf.memo import cached
from components.text import fmt
from components.text.citations import cite_one
from components.text.localized import localized
from components.text.markdown import md_escape
from components.views import years


@dataclass(frozen=True)
class Statement:
    text: str  # markdown: year, kind and the statement in the reader's language
    citation: str  # markdown citation of its source
    reliability: str  # markdown: what to know about the source


@dataclass(frozen=True)
class Since:
    title: str
    newest: str  # markdown: the dated statement about the newest table
    open_label: str  # the label of the list of later statements
    intro: str
    statements: tuple[Statement, ...]


def _date(value, lang: str) -> str:
    if isinstance(value, str) and len(value) == 10:
        return fmt.date(dt.date.fromisoformat(value), lang)
    return md_escape(value or "")


@cached(data=True)
def build(lang: str) -> Since | None:
    """None when there is no district safety budget table at all."""
    newest = years.budget_years()
    if not newest:
        return None
    year = newest[0]
    doc = queries.run("budget_table_source", school_year=year).frame
    if doc.empty:
        return None
    d = doc.iloc[0]
    rows = queries.run("later_years").frame
    later = rows[rows["school_year"].fillna(rows["period"]).astype(str) > year]
    statements = []
    for r in later.itertuples(index=False):
        when = r.school_year if isinstance(r.school_year, str) else localized(r, "period", lang)
        text = localized(r, "statement", lang)
        source = pd.Series(
            {
                "title": r.title,
                "title_es": r.title_es,
                "publisher": r.publisher,
                "published": r.published,
                "url": r.url,
                "kind": r.source_kind,
                "mirror_of": None,
            }
        )
        statements.append(
            Statement(
                md_escape(t("since.item", lang, year=when, kind=t(f"since.topic.{r.topic}", lang), text=text)),
                cite_one(source, r.locator, lang),
                md_escape(t("since.reliability", lang, note=localized(r, "reliability_note", lang))),
            )
        )
    years_later = sorted({s for s in later["school_year"].dropna()})
    return Since(
        title=t("since.title", lang, year=year),
        newest=md_escape(
            t(
                "since.newest",
                lang,
                year=year,
                title=localized(d, "title", lang),
                publisher=d["publisher"],
                date=_date(d["published"], lang),
            )
        ),
        open_label=t(
            "since.open",
            lang,
            first=years_later[0] if years_later else year,
            last=years_later[-1] if years_later else year,
            n=len(statements),
        ),
        intro=t("since.intro", lang),
        statements=tuple(statements),
    )
