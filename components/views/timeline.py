"""The district's dated decisions as a list a reader can read without hovering: each event written out with its
date, its kind and its source (the Overview and the Community page show the same list)."""

from __future__ import annotations

import pandas as pd

from components.i18n import t
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized
from components.text.markdown import md_escape


def dated_list(events: pd.DataFrame, lang: str) -> str:
    """Markdown bullets, one per event, in the frame's order; data values escaped."""
    rows = []
    for r in events.itertuples(index=False):
        when = fmt.date(r.event_date, lang, r.date_precision)
        rows.append(
            f"- **{md_escape(when)}** — {md_escape(localized(r, 'event', lang))} "
            f"({md_escape(t(f'timeline.kind.{r.kind}', lang))}; {md_escape(r.publisher)}, "
            f"{md_escape(kind_label(r.source_kind, lang))})"
        )
    return "\n".join(rows)
