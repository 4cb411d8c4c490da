"""Placeholder: replaced by the issue that builds this page."""

from __future__ import annotations

import streamlit as st

from components.i18n import t
from components.shell import start_page

lang = start_page()
st.title(t("nav.community", lang))
