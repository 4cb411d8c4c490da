"""Board-room features shared by every page: presenter mode (?present=1), the saved sequence of views stepped
through with the keyboard (?step=N), the print layout, and the link of the current view.

app.py calls chrome(lang) once per run, so every page gets these without page code.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import streamlit as st

from components import registry
from components.i18n import t
from components.text.markdown import md_escape
from components.ui import handover
from components.ui.url_state import from_url, ignore_param, url_toggle
from components.views import years

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

PRESENTER_CSS = """<style>
[data-testid="stMain"] { font-size: 1.35rem; }
/* Larger type; text colours stay the theme's (#111827 on white, 17:1), and button text keeps its own. */
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.35rem; line-height: 1.5; }
[data-testid="stMain"] h1 { font-size: 2.8rem; }
[data-testid="stMain"] h2 { font-size: 2.2rem; }
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.05rem; color: #000; }
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * {
  font-size: 2.6rem; }
[data-testid="stMain"] [data-testid="stMetricLabel"] * { white-space: normal !important; overflow: visible !important; }
/* One chart per screen: side-by-side columns stack, and each chart starts on its own screen. */
[data-testid="stMain"] [data-testid="stHorizontalBlock"]:has(.stPlotlyChart) { flex-direction: column; }
[data-testid="stMain"] .stPlotlyChart { min-height: 70vh; }
[data-testid="stMain"] [data-testid="stMetric"] { border: 2px solid #000; }
</style>"""


def presenting() -> bool:
    return bool(st.session_state.get("br_present"))


# ------------------------------------------------------------------------------------------- the view's link
def view_query() -> dict[str, str]:
    """The current view's parameters: only those its page reads (registry Page.accepts; every app parameter
    outside a page's run), as they stand after validation."""
    context = handover.current()
    accepted = registry.page(context.slug).accepts if context and context.slug in registry.BY_SLUG else VIEW_PARAMS
    return {
        k: st.query_params.get(k)
        for k in accepted
        if k in st.query_params and isinstance(st.query_params.get(k), str) and st.query_params.get(k)
    }


def view_url() -> str:
    """The link that reopens this view: the page address (st.context.url, without its query) + parameters."""
    base = st.context.url or ""
    query = urlencode(view_query(), safe=":,>")
    return base + ("?" + query if query else "")


# ------------------------------------------------------------------------------------------- the sequence
@lru_cache(maxsize=4)
def _read_sequence(path: str, mtime: float) -> tuple[tuple[str, dict[str, str], str, str], ...]:
    steps = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            parts = urlsplit(row["link"].strip())
            page = parts.path.strip("/")
            if page not in registry.BY_SLUG or not registry.page(page).presentable:
                raise ValueError(f"{path}: unknown page {page!r}")
            params = {k: v for k, v in parse_qsl(parts.query) if k in VIEW_PARAMS}
            steps.append((page, params, row["title_en"].strip(), row["title_es"].strip()))
    return tuple(steps)


def load_sequence(path: Path = SEQUENCE_CSV):
    """The saved views: (page, params, English title, Spanish title) per step. Raises on a malformed file."""
    return _read_sequence(str(path), path.stat().st_mtime)


def _go(steps, index: int, lang: str) -> None:
    page, params, _, _ = steps[index]
    st.switch_page(
        registry.page(page).file, query_params={**params, "lang": lang, "present": "1", "step": str(index + 1)}
    )


def _step_year(params: dict[str, str]) -> str:
    """The school year a step shows: its link's ?year= (if the data holds it), else the newest complete year."""
    offered = [y.school_year for y in years.published()]
    asked = params.get("year") or st.query_params.get("year")
    return asked if asked in offered else (years.default((years.BUDGET, years.DEPLOYMENTS)) or "")


def _sequence_controls(lang: str) -> None:
    try:
        steps = load_sequence()
    except (OSError, ValueError, KeyError):
        st.caption(t("br.sequence_bad", lang))
        return
    if not steps:
        return
    step = from_url("step", {str(i + 1): i for i in range(len(steps))})
    with st.container(border=True, key="br-sequence"):
        if step is None:
            st.markdown(t("br.not_started", lang, total=len(steps)))
        else:
            title = steps[step][2 if lang == "en" else 3].replace("{year}", _step_year(steps[step][1]))
            st.markdown("**" + md_escape(t("br.step", lang, n=step + 1, total=len(steps), title=title)) + "**")
        prev_col, next_col = st.columns(2)
        previous = prev_col.button(
            t("br.previous", lang), key="br_previous", shortcut=PREVIOUS_KEY, disabled=step is None or step == 0
        )
        nxt = next_col.button(
            t("br.next", lang),
            key="br_next",
            shortcut=NEXT_KEY,
            type="primary",
            disabled=step is not None and step >= len(steps) - 1,
        )
        st.caption(t("br.keys", lang))
    if nxt:
        _go(steps, 0 if step is None else step + 1, lang)
    if previous and step:
        _go(steps, step - 1, lang)


# ------------------------------------------------------------------------------------------- every page
def chrome(lang: str) -> bool:
    """The presenter switch (in the link as ?present=1), the print stylesheet, and in presenter mode its
    stylesheet and the saved sequence's Previous/Next controls. Returns whether the view is being presented."""
    with st.sidebar:
        url_toggle(t("br.present", lang), param="present", key="br_present", help=t("br.present_help", lang))
    st.markdown(PRINT_CSS, unsafe_allow_html=True)  # static: no data or URL values (see the note above)
    if presenting():
        st.markdown(PRESENTER_CSS, unsafe_allow_html=True)  # static too
        _sequence_controls(lang)
    elif "step" in st.query_params:  # a step means nothing outside presenter mode
        ignore_param("step")
    return presenting()
