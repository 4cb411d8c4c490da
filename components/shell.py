"""What every page needs before it draws: the reader's language and a usable database.

Pages call `start_page()` themselves rather than relying on app.py having run first: with a `pages/` folder
next to it, Streamlit runs a page file directly when a fresh server's first request is that page's URL.
"""

from __future__ import annotations

import logging

import streamlit as st

import queries
from components.citations import citation_line, citation_summary, locators_of
from components.i18n import LANGS, normalize_lang, t
from components.markdown import md_escape
from components.memo import cached
from data.problems import BuildError
from data.startup import ensure_database

log = logging.getLogger("safety_dashboard")


def new_run() -> None:
    """Forget the previous run's link notes (app.py calls this first, on every run)."""
    st.session_state.pop("ignored_params", None)
    st.session_state.pop("_url_note_slot", None)


def current_lang() -> str:
    """?lang= in the URL wins; else the browser's language; else English. Unknown values fall back quietly."""
    if "lang" in st.query_params:
        raw = st.query_params.get("lang")
        if isinstance(raw, str) and raw.strip().lower() in LANGS:
            return raw.strip().lower()
        ignore_param("lang")  # e.g. ?lang=fr or script text: noted, dropped, and the browser's language used
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
    # One slot at the top of every page for "a value in the link was ignored" (st.empty: one note, replaced
    # as more values are ignored during the run). Values noted before this point (e.g. ?lang=) show now.
    st.session_state["_url_note_slot"] = st.empty()
    _show_url_notes()
    from components import boardroom  # noqa: PLC0415 (boardroom imports this module)
    boardroom.start(lang)
    return lang


# ------------------------------------------------------------------------------------------- shared filters
# Fixed by the schema (CHECK constraints on region and board_district), so no query is needed to list them.
REGIONS = ("North", "East", "South", "West")
BOARD_DISTRICTS = (1, 2, 3, 4, 5, 6, 7)


MAX_PARAM_CHARS = 200  # longer link values are ignored unread (a link is never a place for an essay)


def ignore_param(name: str) -> None:
    """Drop a link value that is not one the app offers: noted once (by the parameter's name, never its
    value, so nothing from the link is echoed back), and removed from the link so a copied link is clean."""
    st.session_state.setdefault("ignored_params", set()).add(name)
    if name in st.query_params:
        del st.query_params[name]
    _show_url_notes()


def _show_url_notes() -> None:
    """Write the note for newly ignored link values into the slot start_page reserved at the top of the page."""
    slot = st.session_state.get("_url_note_slot")
    ignored = st.session_state.get("ignored_params")
    if slot is None or not ignored:
        return
    lang = st.session_state.get("lang", "en")
    slot.caption(t("filter.ignored", lang, names=", ".join(sorted(ignored))))


def _from_url(name: str, allowed: dict[str, object]):
    """A URL value if it is one of `allowed` (by its text form); else None, and a note that it was ignored."""
    if name not in st.query_params:
        return None
    raw = st.query_params.get(name)
    if isinstance(raw, str) and len(raw) <= MAX_PARAM_CHARS and raw in allowed:
        return allowed[raw]
    ignore_param(name)
    return None


def _many_from_url(name: str, allowed: dict[str, object]) -> list:
    """A comma-separated URL value as the allowed items it names, in the offered order; any unknown item
    (or an over-long value) gets the same note as a single bad value and the link keeps only the known ones."""
    if name not in st.query_params:
        return []
    raw = st.query_params.get(name)
    if not isinstance(raw, str) or len(raw) > MAX_PARAM_CHARS:
        ignore_param(name)
        return []
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    known = [code for code in allowed if code in parts]
    if len(known) != len(dict.fromkeys(parts)) or not parts:
        ignore_param(name)
        if known:
            st.query_params[name] = ",".join(known)
    return [allowed[code] for code in known]


def url_widget(widget, label: str, options, *, param: str, key: str, default=None, codes=None,
               multi: bool = False, **kwargs):
    """Any option widget (st.selectbox, st.radio, st.pills, st.segmented_control, …) bound to ?param= in
    the page's link, so a copied link reopens the same view.

    The link holds a stable code for the option (`codes(option)`, default str(option)), never its translated
    label, so an English link opens the same view in Spanish. The URL is the truth: its value is read and
    validated on every run; an unknown, malformed or over-long value is ignored with a small note
    (url_notes) and dropped from the link. Choosing the default removes the parameter, keeping links short.
    `multi=True` for st.pills/st.segmented_control with selection_mode="multi" (comma-separated codes).

    Why not Streamlit's own bind="query-params" (1.67): it writes the *formatted* (translated) label into
    the link, drops bad values silently, and forbids changing a bound parameter through st.query_params
    (which the Deployments map does when a district is clicked).
    """
    code_of = codes or str
    allowed = {code_of(o): o for o in options if o is not None}
    if multi:
        value = _many_from_url(param, allowed)
    else:
        value = _from_url(param, allowed)
        if value is None:
            value = default
    st.session_state[key] = value

    def changed() -> None:
        chosen = st.session_state.get(key)
        if multi:
            chosen_codes = [code_of(o) for o in options if o in (chosen or [])]
            text = ",".join(chosen_codes) if chosen_codes and len(chosen_codes) < len(allowed) else ""
        else:
            text = "" if chosen is None or chosen == default else code_of(chosen)
        if text:
            st.query_params[param] = text
        elif param in st.query_params:
            del st.query_params[param]

    if multi:
        kwargs.setdefault("selection_mode", "multi")
    return widget(label, options, key=key, on_change=changed, **kwargs)


def url_toggle(label: str, *, param: str, key: str, **kwargs) -> bool:
    """st.toggle bound to ?param=1 (absent = off); any other value is ignored with the usual note."""
    value = bool(_from_url(param, {"1": True}))
    st.session_state[key] = value

    def changed() -> None:
        if st.session_state.get(key):
            st.query_params[param] = "1"
        elif param in st.query_params:
            del st.query_params[param]

    return st.toggle(label, key=key, on_change=changed, **kwargs)


def geo_filters(lang: str) -> dict:
    """Region and board-district filters in the sidebar, bound to ?region= and ?bd= so a link reopens them.

    Returns {"region": "North" | None, "board_district": 1..7 | None}. Pages that use them call this; unknown
    URL values are ignored with a short note (never echoed back).
    """
    with st.sidebar:
        region = url_widget(st.selectbox, t("filter.region", lang), [None, *REGIONS], param="region",
                            key="filter_region",
                            format_func=lambda r: t("filter.all_regions", lang) if not r else r)
        bd = url_widget(st.selectbox, t("filter.board_district", lang), [None, *BOARD_DISTRICTS], param="bd",
                        key="filter_bd",
                        format_func=lambda n: t("filter.all_board_districts", lang) if not n
                        else t("filter.bd_n", lang, n=n))
    return {"region": region, "board_district": bd}


# ------------------------------------------------------------------------------------------- citations
def cite(*results, lang: str, summary_over: int = 3, main_only: bool = False) -> str:
    """One citation line for everything these query results drew on, with their locators.

    Past `summary_over` documents a line stops being readable: then count them by kind; the table names each.
    main_only: cite only the results' own `source_id` column (not e.g. the board members' sources).
    Built once per (results, database version, language): the database version covers the sources table.
    """
    return cached(citation_for, results, queries.data_version(), lang, summary_over, main_only)


def citation_for(results: tuple, _data_version: tuple, lang: str, summary_over: int, main_only: bool) -> str:
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
