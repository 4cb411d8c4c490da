"""Plain-language summaries of a chart, one sentence each (presenter mode shows them under the chart)."""

from __future__ import annotations

import pandas as pd

from components.i18n import t
from components.text import fmt


def police_share_summary(mix: pd.DataFrame, total_usd, year: str, lang: str) -> str:
    """ "In 2023-24, school police were 12.9% of the $346.1M safety budget" from the category mix."""
    police = mix[mix["category_id"] == "law_enforcement"]
    if police.empty:
        return ""
    return t(
        "br.summary.mix",
        lang,
        year=year,
        share=fmt.percent(police.iloc[0]["share"], lang),
        total=fmt.money(total_usd, lang, compact=True),
    )


def top_group_summary(frame: pd.DataFrame, label_col: str, year: str, lang: str) -> str:
    """Which group had the most deployments, of how many (ties: every tied group is named)."""
    if frame.empty:
        return ""
    most = frame["deployments"].max()
    labels = [str(x) for x in frame.loc[frame["deployments"] == most, label_col]]
    return t(
        "br.summary.top",
        lang,
        year=year,
        label=", ".join(labels),
        n=fmt.number(most, lang),
        total=fmt.number(frame["deployments"].sum(), lang),
    )
