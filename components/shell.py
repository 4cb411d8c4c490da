"""What every page needs before it draws: the reader's language and a usable database.

Pages call `start_page()` themselves rather than relying on app.py having run first: with a `pages/` folder
next to it, Streamlit runs a page file directly when a fresh server's first request is that page's URL.
"""

from __future__ import annotations

import logging

import streamlit as st

from components.i18n import normalize_lang, t
from components.markdown import md_escape
from data.build import BuildError, ensure_database

log = logging.getLogger("safety_dashboard")


def current_lang() -> str:
    """?lang= in the URL wins; else the browser's language; else English. Unknown values fall back quietly."""
    if "lang" in st.query_params:
        return normalize_lang(st.query_params.get("lang"))
    return normalize_lang(st.context.locale)


def database_ready(lang: str) -> bool:
    """Build the database if it is missing, damaged or older than the CSVs (once per session); say so plainly."""
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


def _hand_navigation_to_app() -> None:
    """If Streamlit ran this page file directly (its pages/-folder mode), rerun through app.py instead.

    app.py calls st.navigation, which switches that mode off for the server process; until some session has
    run app.py, a request for /sources would otherwise get Streamlit's generated menu and no language switch.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without this class: pages still work, via start_page below
        return
    if getattr(PagesManager, "uses_pages_directory", None):
        PagesManager.uses_pages_directory = False
        st.rerun()


def start_page() -> str:
    """The page's language; stops the page with a plain message when there is no usable database."""
    _hand_navigation_to_app()
    lang = current_lang()
    st.session_state["lang"] = lang
    if not database_ready(lang):
        st.stop()
    return lang
