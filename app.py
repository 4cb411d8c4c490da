"""LAUSD school-safety dashboard: navigation, the language switch, and a guard around every page.

Run with:  streamlit run app.py
"""

from __future__ import annotations

import logging

import streamlit as st

from components.gc_tuning import tune_once
from components.i18n import t
from components.shell import current_lang, database_ready, new_run
from components.staff_auth import staff_configured

log = logging.getLogger("safety_dashboard")

# No page_icon: a material icon favicon is fetched from a font CDN, which is unreachable offline.
st.set_page_config(page_title="LAUSD school safety", layout="wide")


new_run()  # link notes are per run
lang = current_lang()
st.session_state["lang"] = lang


def _language_changed() -> None:
    st.query_params["lang"] = st.session_state["lang_choice"]


st.session_state["lang_choice"] = lang  # the URL is the truth; the switch follows it
with st.sidebar:
    st.radio(t("lang.label", lang), ["en", "es"], key="lang_choice", on_change=_language_changed,
             format_func=lambda code: {"en": "English", "es": "Español"}[code], horizontal=True)

# No page icons: the default page's icon becomes the favicon, fetched from a font CDN (unreachable offline).
# url_path = the file name: Streamlit's pages/-folder mode (see components/shell.py) routes by file name.
pages = [
    st.Page("pages/overview.py", title=t("nav.overview", lang),
            url_path="overview", default=True),
    st.Page("pages/spending.py", title=t("nav.spending", lang), url_path="spending"),
    st.Page("pages/deployments.py", title=t("nav.deployments", lang), url_path="deployments"),
    st.Page("pages/community_safety.py", title=t("nav.community", lang), url_path="community_safety"),
    st.Page("pages/sources.py", title=t("nav.sources", lang), url_path="sources"),
]
if staff_configured():  # the staff page exists only when configured in .streamlit/secrets.toml
    pages.append(st.Page("pages/staff.py", title=t("staff.nav", lang), url_path="staff"))
page = st.navigation(pages)

if database_ready(lang):
    try:
        page.run()
        tune_once()  # once per server process, after a first page has loaded what the process keeps
    except Exception:
        # A page failure must not show a traceback to a public audience; the server log keeps the details.
        log.exception("page failed")
        st.session_state.pop("db_checked", None)  # re-check the database on the next run
        st.error(t("db.unreadable", lang))
