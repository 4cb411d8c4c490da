"""Sources: every document and article behind the dashboard's figures, with its kind and how often it is cited."""

from __future__ import annotations

import streamlit as st

import queries
from components import tables
from components.citations import kind_label
from components.i18n import t
from components.ui import data_table

KINDS = ["district", "news", "advocacy", "research", "government", "reference"]
lang = st.session_state.get("lang", "en")

st.title(t("src.title", lang))
st.markdown(t("src.intro", lang))

kind = st.selectbox(t("src.filter", lang), [""] + KINDS,
                    format_func=lambda k: t("src.all", lang) if not k else kind_label(k, lang), key="source_kind")
result = queries.run("sources_all", kind=kind)
st.caption(t("src.count", lang, n=len(result.frame)))
st.dataframe(tables.sources(result.frame, lang), hide_index=True, key="sources-table",
             column_config={t("col.link", lang): st.column_config.TextColumn(width="large")})
data_table(tables.sources(result.frame, lang), "", key="sources", lang=lang)

info = queries.run("build_info").frame
if not info.empty:
    st.caption(t("src.built", lang, when=str(info.iloc[0]["built_at"])[:19], fingerprint=info.iloc[0]["fingerprint"][:12]))
