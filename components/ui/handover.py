"""The one place that knows about Streamlit's old `pages/` folder mode, and the page's way to its context.

Why: the project's layout keeps its pages in a folder named `pages/` beside app.py. Streamlit (1.6x) takes that
folder as its old multipage mode until some session has run app.py's st.navigation: on a fresh server, a first
request for /sources runs pages/sources.py directly, without app.py (no language switch, no database check, no
presenter chrome, Streamlit's generated menu). The flag is the class attribute
`streamlit.runtime.pages_manager.PagesManager.uses_pages_directory`, set from the folder's existence when the
first session starts and set to False by st.navigation; the script runner runs `_mpa_v1` (the folder mode)
while it is true.

So: app.py publishes its context for the run (`publish`); a page asks for it first (`page_context`). When a page
runs without app.py, the flag is switched off and the run starts again, now through app.py. Nothing else in the
project touches a private Streamlit name (tests/test_architecture.py greps for it); tests/test_handover.py fails
loudly if an upgrade changes what this relies on, and a browser test opens a deep link on a fresh server.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from components import registry
from components.ui import url_state

_local = threading.local()  # one script run per thread at a time: app.py's context for the page it runs


@dataclass(frozen=True)
class Context:
    """What app.py worked out for this run, before the page draws."""

    lang: str
    slug: str
    presenting: bool


@contextmanager
def publish(context: Context):
    """app.py: make `context` the page's for the length of the page's run. The link keeps only the parameters this
    page reads (registry Page.accepts): any other is dropped, with the usual note."""
    if context.slug in registry.BY_SLUG:
        url_state.keep_only(registry.page(context.slug).accepts)
        url_state.check_fixed(registry.page(context.slug).accepts)
    _local.context = context
    try:
        yield
    finally:
        _local.context = None


def current() -> Context | None:
    """The context app.py published for this run, or None outside a page's run (never restarts the run)."""
    return getattr(_local, "context", None)


def page_context() -> Context:
    """The page's context. A page run without app.py (Streamlit's folder mode on a fresh server) is restarted
    through app.py instead; this call then never returns."""
    context = getattr(_local, "context", None)
    if context is not None:
        return context
    if leave_folder_mode():
        st.rerun()
    # Not the folder mode, and still no app.py: never loop; say it plainly (the server log has the page name).
    st.error("This page must be opened through the dashboard's address (app.py), not on its own.")
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")


def leave_folder_mode() -> bool:
    """Switch Streamlit's `pages/` folder mode off for this server process; True if it was on."""
    try:
        from streamlit.runtime.pages_manager import PagesManager  # noqa: PLC0415 (private: this module's job)
    except ImportError:  # a Streamlit without the class: st.navigation in app.py is then the only mode
        return False
    if getattr(PagesManager, "uses_pages_directory", None):
        PagesManager.uses_pages_directory = False
        return True
    return False
