"""Small Streamlit building blocks shared by the pages: a chart with its citation and its data one click away.

These render; they never open the database. Pages hand them frames from queries/ and figures from charts.py.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import export
from components.i18n import t

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def plain_citation(markdown_text: str) -> str:
    """A markdown citation as plain text (for CSV exports): drop escapes, keep link targets in brackets."""
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 <\2>", markdown_text)
    return re.sub(r"\\(.)", r"\1", text)


def chart_block(fig: go.Figure, alt: str, table: pd.DataFrame, citation_md: str, key: str,
                lang: str = "en") -> None:
    """A chart, its one-line citation, and its data as a table (with CSV download) behind one click."""
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=f"chart-{key}", alt=alt)
    if citation_md:
        st.caption(citation_md)
    data_table(table, citation_md, key, lang)


def data_table(table: pd.DataFrame, citation_md: str, key: str, lang: str = "en") -> None:
    with st.expander(t("common.show_table", lang)):
        st.dataframe(table, hide_index=True, key=f"table-{key}")
        st.download_button(
            t("common.download_csv", lang),
            data=export.to_csv(table, [plain_citation(citation_md)] if citation_md else []),
            file_name=f"lausd-safety-{key}.csv",
            mime="text/csv",
            key=f"download-{key}",
            on_click="ignore",
        )
