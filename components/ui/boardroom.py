"""Board-room features shared by every page: the presenter switch (?present=1; the deck itself is
components/ui/deck.py), the print layout, and the link of the current view.

app.py calls chrome(lang) once per run, so every page gets these without page code.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from components import registry
from components.i18n import t
from components.ui import handover, url_state
from components.ui.url_state import ignore_param, url_toggle

ROOT = Path(__file__).resolve().parents[2]  # the project folder
SEQUENCE_CSV = ROOT / "presentations" / "board_meeting.csv"
# Every parameter a view can carry (components/registry.py). The link of a view (and the CSV exports' "View:"
# line) names only these, with the values that survived validation, so nothing unknown from an incoming link is
# ever repeated.
VIEW_PARAMS = registry.all_params()
NEXT_KEY, PREVIOUS_KEY = "Right", "Left"

# Static stylesheets: constant text with no data, no URL and no user value in them. They are the only HTML
# this app writes with unsafe_allow_html (Streamlit has no API for print or presenter styles).
PRINT_CSS = """<style>
/* Captions (citations, notes) at full opacity in a dark grey: Streamlit draws them at 60% opacity, which takes
   a link inside one to a contrast of 3:1; this grey on white is 7.6:1 and links keep the theme's colour. */
[data-testid="stCaptionContainer"] { opacity: 1; color: #4b5563; }
/* The finding and its chart above the fold on a 768-px-high screen: less empty space above the title (Streamlit
   leaves 6rem), a title that takes one or two lines, not three. */
[data-testid="stMainBlockContainer"] { padding-top: 3rem; }
[data-testid="stMain"] h1 { font-size: 2.1rem; line-height: 1.2; padding-top: 0.25rem; padding-bottom: 0.25rem; }
@media (max-width: 640px) { [data-testid="stMain"] h1 { font-size: 1.7rem; } }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBaseButton-secondary"], [data-testid="stDownloadButton"], [data-testid="stButton"],
  [data-testid="stExpander"], .modebar-container { display: none !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stMainBlockContainer"] {
    overflow: visible !important; height: auto !important; max-width: 100% !important;
    padding: 0 !important; margin: 0 !important; }
  .stPlotlyChart, [data-testid="stMetric"], [data-testid="stDeckGlJsonChart"] { break-inside: avoid; }
  body { color: #000 !important; background: #fff !important; }
}
</style>"""


def presenting() -> bool:
    return bool(st.session_state.get("br_present"))


# ------------------------------------------------------------------------------------------- the view's link
def view_query() -> dict[str, str]:
    """The current view's parameters: only those its page reads (registry Page.accepts; every app parameter
    outside a page's run), as they stand after validation."""
    context = handover.current()
    accepted = registry.page(context.slug).accepts if context and context.slug in registry.BY_SLUG else VIEW_PARAMS
    kept = url_state.checked()  # only values checked this run: never one a closed tab did not read
    return {
        k: st.query_params.get(k)
        for k in accepted
        if k in kept and k in st.query_params and isinstance(st.query_params.get(k), str) and st.query_params.get(k)
    }


def view_url() -> str:
    """The link that reopens this view: the page address (st.context.url, without its query) + parameters."""
    base = st.context.url or ""
    query = urlencode(view_query(), safe=":,>")
    return base + ("?" + query if query else "")


def share(lang: str) -> None:
    """ "Copy link to this view" in the sidebar, drawn after the page so the link holds the page's final choices
    (year, filters, open section, what-if): the link in a box with Streamlit's copy button."""
    with st.sidebar, st.popover(t("share.label", lang), width="stretch"):
        st.caption(t("share.help", lang))
        st.code(view_url(), language=None, wrap_lines=True)


# ------------------------------------------------------------------------------------------- every page
def chrome(lang: str) -> bool:
    """The presenter switch (in the link as ?present=1) and the print stylesheet. Returns whether the view is
    being presented: app.py then draws the deck's slide (components/ui/deck.py) instead of the page."""
    with st.sidebar:
        url_toggle(t("br.present", lang), param="present", key="br_present", help=t("br.present_help", lang))
    st.markdown(PRINT_CSS, unsafe_allow_html=True)  # static: no data or URL values (see the note above)
    if not presenting() and "step" in st.query_params:  # a step means nothing outside presenter mode
        ignore_param("step")
    return presenting()
