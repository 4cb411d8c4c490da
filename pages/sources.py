"""Sources: every document and article behind the dashboard's figures, with its kind and how often it is cited."""

from __future__ import annotations

import streamlit as st

import queries
from components.shell import start_page, url_widget
from components import tables
from components.citations import kind_label
from components.i18n import t
from components.memo import cached, frame_of
from components.ui import csv_download

KINDS = ["district", "news", "advocacy", "research", "government", "reference"]
lang = start_page()

st.title(t("src.title", lang))
st.markdown(t("src.intro", lang))

kind = url_widget(st.selectbox, t("src.filter", lang), [""] + KINDS, param="kind", key="source_kind", default="",
                  format_func=lambda k: t("src.all", lang) if not k else kind_label(k, lang))
result = queries.run("sources_all", kind=kind)
st.caption(t("src.count", lang, n=len(result.frame)))
table = cached(tables.sources, frame_of(result), lang)
st.dataframe(table, hide_index=True, key="sources-table",
             column_config={t("col.title", lang): st.column_config.TextColumn(width="medium"),
                            t("col.kind", lang): st.column_config.TextColumn(width="small"),
                            t("col.link", lang): st.column_config.TextColumn(width="medium")})
csv_download(t("common.download_csv", lang), table, "", "lausd-safety-sources.csv", key="download-sources", lang=lang)

info = queries.run("build_info").frame
if not info.empty:
    st.caption(t("src.built", lang, when=str(info.iloc[0]["built_at"])[:19], fingerprint=info.iloc[0]["fingerprint"][:12]))
