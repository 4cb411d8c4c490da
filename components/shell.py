"""What every page needs before it draws: the reader's language and a usable database.

Pages call `start_page()` themselves rather than relying on app.py having run first: with a `pages/` folder
next to it, Streamlit runs a page file directly when a fresh server's first request is that page's URL.
"""

from __future__ import annotations

import logging

import streamlit as st

import queries
from components.citations import citation_line, citation_summary, locators_of
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


# ------------------------------------------------------------------------------------------- shared filters
# Fixed by the schema (CHECK constraints on region and board_district), so no query is needed to list them.
REGIONS = ("North", "East", "South", "West")
BOARD_DISTRICTS = (1, 2, 3, 4, 5, 6, 7)


def _from_url(name: str, allowed: dict[str, object]):
    """A URL value if it is one of `allowed` (by its text form); else None, and a note that it was ignored."""
    if name not in st.query_params:
        return None
    raw = st.query_params.get(name)
    if raw in allowed:
        return allowed[raw]
    st.session_state.setdefault("ignored_params", set()).add(name)
    del st.query_params[name]  # drop it from the link too, so a copied link is clean
    return None


def geo_filters(lang: str) -> dict:
    """Region and board-district filters in the sidebar, bound to ?region= and ?bd= so a link reopens them.

    Returns {"region": "North" | None, "board_district": 1..7 | None}. Pages that use them call this; unknown
    URL values are ignored with a short note (never echoed back).
    """
    region = _from_url("region", {r: r for r in REGIONS})
    bd = _from_url("bd", {str(n): n for n in BOARD_DISTRICTS})
    st.session_state["filter_region"] = region or ""
    st.session_state["filter_bd"] = bd or 0

    def changed() -> None:
        for key, param in (("filter_region", "region"), ("filter_bd", "bd")):
            value = st.session_state[key]
            if value:
                st.query_params[param] = str(value)
            elif param in st.query_params:
                del st.query_params[param]

    with st.sidebar:
        st.selectbox(t("filter.region", lang), ["", *REGIONS], key="filter_region", on_change=changed,
                     format_func=lambda r: t("filter.all_regions", lang) if not r else r)
        st.selectbox(t("filter.board_district", lang), [0, *BOARD_DISTRICTS], key="filter_bd", on_change=changed,
                     format_func=lambda n: t("filter.all_board_districts", lang) if not n
                     else t("filter.bd_n", lang, n=n))
        ignored = st.session_state.pop("ignored_params", None)
        if ignored:
            st.caption(t("filter.ignored", lang, names=", ".join(sorted(ignored))))
    return {"region": region, "board_district": bd}


# ------------------------------------------------------------------------------------------- citations
def cite(*results, lang: str, summary_over: int = 3, main_only: bool = False) -> str:
    """One citation line for everything these query results drew on, with their locators.

    Past `summary_over` documents a line stops being readable: then count them by kind; the table names each.
    main_only: cite only the results' own `source_id` column (not e.g. the board members' sources).
    """
    ids = sorted({sid for r in results
                  for sid in (r.frame["source_id"].dropna() if main_only else r.source_ids)})
    if not ids:
        return ""
    sources = queries.run("sources_by_id", source_ids=ids).frame
    if len(sources) > summary_over:
        return citation_summary(sources, lang)
    locators: dict[str, list[str]] = {}
    for r in results:
        for sid, loc in locators_of(r.frame).items():
            if loc not in locators.setdefault(sid, []):
                locators[sid].append(loc)
    return citation_line(sources, {sid: "; ".join(locs) for sid, locs in locators.items()}, lang)
