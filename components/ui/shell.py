"""What app.py does once per run, before any page draws: the reader's language, a usable database, the
link-notes slot, the presenter chrome; and the guard around the page itself.
"""

from __future__ import annotations

import logging

import streamlit as st

from components.i18n import LANGS, t
from components.ui import boardroom
from components.ui.url_state import current_lang, set_param
from data.problems import BuildError
from data.startup import ensure_database

log = logging.getLogger("safety_dashboard")


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
    # kept_previous, served_elsewhere, rebuilt_from_history: the public gets the pages from the last good data;
    # why is staff-facing text, shown on the staff page (components/views/staff.py health)
    st.session_state["db_checked"] = True
    return True


def language() -> str:
    """The reader's language for this run (the URL wins), kept in the session for the link notes."""
    lang = current_lang()
    st.session_state["lang"] = lang
    return lang


def language_switch(lang: str) -> None:
    """The sidebar's English/Español switch; it writes ?lang= so that a shared link keeps the language."""

    def changed() -> None:
        set_param("lang", st.session_state["lang_choice"])

    st.session_state["lang_choice"] = lang  # the URL is the truth; the switch follows it
    with st.sidebar:
        st.radio(
            t("lang.label", lang),
            ["en", "es"],
            key="lang_choice",
            on_change=changed,
            format_func=lambda code: {"en": "English", "es": "Español"}[code],
            horizontal=True,
        )
        page_language(lang)


# <html lang="…"> for screen readers (pronunciation) and the browser's own translation offer. Streamlit has no API
# for it; st.html with unsafe_allow_javascript=True (Streamlit 1.67) runs a script in the page itself (no iframe).
# The script is a constant with the language code, which is one of LANGS (checked here), never a link value.
LANG_SCRIPT = "<script>document.documentElement.lang = '{lang}';</script>"


def page_language(lang: str) -> None:
    """Set the document's lang attribute to the view's language (drawn once per run, in the sidebar: no room is
    taken in the page). The element only changes, and the script only runs again, when the language does."""
    if lang not in LANGS:
        raise ValueError(lang)
    st.html(LANG_SCRIPT.format(lang=lang), unsafe_allow_javascript=True, width="content")


def presenter_chrome(lang: str) -> bool:
    """The presenter switch, print and presenter styles, the saved sequence's controls; True when presenting."""
    return boardroom.chrome(lang)


def share_link(lang: str) -> None:
    """ "Copy link to this view", after the page has drawn (components/ui/boardroom.share)."""
    boardroom.share(lang)


def run_guarded(draw, lang: str) -> bool:
    """Draw the page (or the presenter's slide); a failure must not show a traceback to a public audience (the
    log keeps it)."""
    try:
        draw()
        return True
    except Exception:
        log.exception("page failed")
        st.session_state.pop("db_checked", None)  # re-check the database on the next run
        st.error(t("db.unreadable", lang))
        return False
