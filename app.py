"""LAUSD school-safety dashboard: navigation, language, and the database check at start-up.

Run with:  streamlit run app.py
"""

from __future__ import annotations

import logging

import streamlit as st

from components.i18n import normalize_lang, t
from components.markdown import md_escape
from data.build import BuildError, ensure_database

log = logging.getLogger("safety_dashboard")

# No page_icon: a material icon favicon is fetched from a font CDN, which is unreachable offline.
st.set_page_config(page_title="LAUSD school safety", layout="wide")


def current_lang() -> str:
    """?lang= in the URL wins; else the browser's language; else English. Unknown values fall back quietly."""
    if "lang" in st.query_params:
        return normalize_lang(st.query_params.get("lang"))
    return normalize_lang(st.context.locale)


def database_ready(lang: str) -> bool:
    """Build the database if it is missing, damaged or older than the CSVs. Says what happened, plainly."""
    if st.session_state.get("db_checked"):
        return True
    try:
        result = ensure_database()
    except BuildError as exc:
        st.error(t("db.failed", lang))
        st.code("\n".join(str(p) for p in exc.problems[:25]), language=None)
        return False
    except Exception:  # disk or lock trouble: never a traceback on a projector
        log.exception("database check failed")
        st.error(t("db.unreadable", lang))
        return False
    if result.action == "rebuilt_damaged":
        st.toast(t("db.rebuilt_damaged", lang))
    elif result.action == "kept_previous":
        details = "; ".join(str(p) for p in result.error.problems[:3])
        st.warning(t("db.kept_previous", lang, details=md_escape(details)))
    st.session_state["db_checked"] = True
    return True


lang = current_lang()
st.session_state["lang"] = lang



def _language_changed() -> None:
    st.query_params["lang"] = st.session_state["lang_choice"]


st.session_state["lang_choice"] = lang  # the URL is the truth; the switch follows it
with st.sidebar:
    st.radio(t("lang.label", lang), ["en", "es"], key="lang_choice", on_change=_language_changed,
             format_func=lambda code: {"en": "English", "es": "Español"}[code], horizontal=True)

# No page icons: the default page's icon becomes the favicon, fetched from a font CDN (unreachable offline).
pages = [
    st.Page("pages/overview.py", title=t("nav.overview", lang),
            url_path="overview", default=True),
    st.Page("pages/sources.py", title=t("nav.sources", lang), url_path="sources"),
]
page = st.navigation(pages)

if database_ready(lang):
    try:
        page.run()
    except Exception:
        # A page failure must not show a traceback to a public audience; the server log keeps the details.
        log.exception("page failed")
        st.session_state.pop("db_checked", None)  # re-check the database on the next run
        st.error(t("db.unreadable", lang))
