"""The view's state in its link: every choice on a page is a URL parameter, so a copied link reopens the view.

The URL is the truth: a page's widgets read their value from the link on every run and write it back when the
reader changes them. A value the app does not offer is ignored: noted once at the top of the page (by the
parameter's name, never its value, so nothing from the link is echoed back) and dropped from the link.
These are the only functions that write st.query_params.
"""

from __future__ import annotations

import streamlit as st

from components.i18n import LANGS, normalize_lang, t, tn
from components.registry import PARAMS
from components.text.markdown import md_escape

MAX_PARAM_CHARS = 200  # longer link values are ignored unread (a link is never a place for an essay)
_IGNORED = "ignored_params"
_CHECKED = "checked_params"
_SLOT = "_url_note_slot"


def new_run() -> None:
    """Forget the previous run's link notes and checks (app.py calls this first, on every run)."""
    st.session_state.pop(_IGNORED, None)
    st.session_state.pop(_CHECKED, None)
    st.session_state.pop(_SLOT, None)


def _checked(name: str) -> None:
    st.session_state.setdefault(_CHECKED, set()).add(name)


def checked() -> set[str]:
    """The link parameters whose values this run has checked and kept: only these go into a link the app shows
    or writes (a value read by a part of the page that was not drawn, such as a closed tab, was never checked
    and is left out rather than echoed)."""
    return set(st.session_state.get(_CHECKED, ()))


def check_fixed(accepted) -> None:
    """Check at once every parameter of the page whose values are fixed codes (registry PARAMS), whether or not
    the part of the page that reads it is drawn this run (a closed tab's ?map= is still checked)."""
    for name in accepted:
        allowed = PARAMS[name].allowed if name in PARAMS else ()
        if name in st.query_params and isinstance(allowed, tuple):
            from_url(name, {code: code for code in allowed})


def reserve_note_slot() -> None:
    """One slot at the top of the page for "a value in the link was ignored" (st.empty: one note, replaced as
    more values are ignored during the run). Values noted before this point (e.g. ?lang=) show now."""
    st.session_state[_SLOT] = st.empty()
    _show_notes()


def current_lang() -> str:
    """?lang= in the URL wins; else the browser's language; else English. Unknown values fall back quietly."""
    if "lang" in st.query_params:
        raw = st.query_params.get("lang")
        if isinstance(raw, str) and raw.strip().lower() in LANGS:
            _checked("lang")
            return raw.strip().lower()
        ignore_param("lang")  # e.g. ?lang=fr or script text: noted, dropped, and the browser's language used
    return normalize_lang(st.context.locale)


def ignore_param(name: str) -> None:
    """Drop a link value that is not one the app offers (noted by name, removed from the link)."""
    st.session_state.setdefault(_IGNORED, set()).add(name)
    if name in st.query_params:
        del st.query_params[name]
    _show_notes()


def keep_only(accepted) -> None:
    """Drop every link parameter the page does not read (registry Page.accepts), with the usual note: a
    parameter a page ignores is never kept in the link, nor written into a CSV's "View:" line."""
    for name in list(st.query_params.keys()):
        if name not in accepted:
            ignore_param(name)


def _show_notes() -> None:
    slot = st.session_state.get(_SLOT)
    ignored = st.session_state.get(_IGNORED)
    if slot is None or not ignored:
        return
    lang = st.session_state.get("lang", "en")
    # Only the app's own parameter names are repeated; any other name from the link is counted, never echoed.
    known = sorted(n for n in ignored if n in PARAMS)
    others = len(ignored) - len(known)
    names = ", ".join(known + ([tn("filter.ignored_other", others, lang)] if others else []))
    slot.caption(t("filter.ignored", lang, names=md_escape(names)))


def set_param(name: str, value: str | None) -> None:
    """Write (or, for None or "", remove) one parameter of the link."""
    if value:
        st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def raw_param(name: str) -> str | None:
    """A parameter's text as it stands in the link (for values a page validates itself, e.g. ?moves=, and keeps
    clean in the link)."""
    _checked(name)
    value = st.query_params.get(name)
    return value if isinstance(value, str) else None


def from_url(name: str, allowed: dict[str, object]):
    """A URL value if it is one of `allowed` (by its text form); else None, and a note that it was ignored."""
    if name not in st.query_params:
        return None
    raw = st.query_params.get(name)
    if isinstance(raw, str) and len(raw) <= MAX_PARAM_CHARS and raw in allowed:
        _checked(name)
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
    if known:
        _checked(name)
    return [allowed[code] for code in known]


def url_widget(
    widget, label: str, options, *, param: str, key: str, default=None, codes=None, multi: bool = False, **kwargs
):
    """Any option widget (st.selectbox, st.radio, st.pills, st.segmented_control, …) bound to ?param= in
    the page's link, so a copied link reopens the same view.

    The link holds a stable code for the option (`codes(option)`, default str(option)), never its translated
    label, so an English link opens the same view in Spanish. The URL is the truth: its value is read and
    validated on every run; an unknown, malformed or over-long value is ignored with a small note and dropped
    from the link. Choosing the default removes the parameter, keeping links short. `multi=True` for
    st.pills/st.segmented_control with selection_mode="multi" (comma-separated codes).

    Why not Streamlit's own bind="query-params" (1.67): it writes the *formatted* (translated) label into
    the link, drops bad values silently, and forbids changing a bound parameter through st.query_params
    (which the Deployments map does when a district is clicked).
    """
    code_of = codes or str
    allowed = {code_of(o): o for o in options if o is not None}
    if multi:
        value = _many_from_url(param, allowed)
    else:
        value = from_url(param, allowed)
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
        set_param(param, text)

    if multi:
        kwargs.setdefault("selection_mode", "multi")
    empty = next((o for o in (None, "") if o in options), ...)  # an "all"/"none" choice (None or "")
    if getattr(widget, "__name__", "") in ("selectbox", "multiselect") and empty is not ...:
        # The placeholder is otherwise Streamlit's English ("Choose an option"): the empty choice's own
        # (translated) name instead.
        kwargs.setdefault("placeholder", kwargs.get("format_func", str)(empty))
    return widget(label, options, key=key, on_change=changed, **kwargs)


def url_toggle(label: str, *, param: str, key: str, **kwargs) -> bool:
    """st.toggle bound to ?param=1 (absent = off); any other value is ignored with the usual note."""
    value = bool(from_url(param, {"1": True}))
    st.session_state[key] = value

    def changed() -> None:
        set_param(param, "1" if st.session_state.get(key) else None)

    return st.toggle(label, key=key, on_change=changed, **kwargs)
