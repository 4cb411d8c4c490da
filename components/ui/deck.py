"""The presenter deck: in presenter mode (?present=1) a page is one slide — the step's title, the finding, one
chart at full width with 18 px dark labels, its source line — with no sidebar, captions or expanders, sized to
fit a 1024x768 projector. Previous/Next (and the arrow keys) step through the saved sequence (?step=N); each
step's link opens exactly that step. The slides come from components/views/deck.py.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import streamlit as st

from components import registry
from components.charts.base import presented
from components.i18n import t
from components.text.markdown import md_escape, md_plain
from components.ui import packet
from components.ui.blocks import plotly_config
from components.ui.url_state import from_url, set_param
from components.views import deck
from components.views.deck import Slide

NEXT_KEY, PREVIOUS_KEY = "Right", "Left"
CHART_PX = 430  # the tallest chart that fits under the step bar, title and finding on a 768-px-high screen
MIN_CHART_PX = 300
# What a 1024-px screen fits on a line of the finding (26 px) and of the title (36 px bold), and their heights
FINDING_CHARS, FINDING_LINE_PX = 80, 33
TITLE_CHARS, TITLE_LINE_PX = 46, 45
PHONE_CHART_PX = 560  # on a phone the names go above the bars, which takes more height
PHONE_SCALE = 1.4  # a slide's 18 px type against the page's 13-14 px

# Static stylesheet (no data, no URL values): the deck has no sidebar, and its text is large and dark.
DECK_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; padding-bottom: 1rem; max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 2.2rem; line-height: 1.15; padding: 0.2rem 0; color: #111827; }
[data-testid="stMain"] .deck-finding p, .st-key-deck-finding p { font-size: 1.45rem; line-height: 1.4; color: #111827; }
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1rem; color: #111827; }
/* a phone: the step bar stays one row (Streamlit stacks columns under 640 px), the type a little smaller */
.st-key-deck-bar [data-testid="stHorizontalBlock"] { flex-wrap: nowrap; gap: 0.4rem; }
.st-key-deck-bar [data-testid="stColumn"] { min-width: 0; }
.st-key-deck-chart-above { display: none; }
@media (max-width: 640px) {
  .st-key-deck-chart-left { display: none; }
  .st-key-deck-chart-above { display: block; }
  /* the step buttons keep their words for screen readers; a phone shows their arrow keys (and a cross) */
  .st-key-br_previous button p, .st-key-br_next button p, .st-key-br_leave button p,
  .st-key-br_packet button p { font-size: 0 !important; }
  .st-key-br_leave button p::after { content: "\\2715"; font-size: 1.1rem; }
  [data-testid="stMainBlockContainer"] { padding-top: 3.2rem; }
  [data-testid="stMain"] h1 { font-size: 1.5rem; }
  .st-key-deck-finding p { font-size: 1.1rem; }
  .st-key-deck-bar button p { font-size: 0.85rem; }
}
</style>"""


def _go(steps, index: int, lang: str) -> None:
    step = steps[index]
    st.switch_page(
        registry.page(step.page).file,
        query_params={**dict(step.params), "lang": lang, "present": "1", "step": str(index + 1)},
    )


def _leave() -> None:
    set_param("present", None)
    set_param("step", None)


def _bar(steps, step: int | None, slug: str, lang: str) -> None:
    """Where the room is in the sequence, the buttons (and keys) that move through it, and the meeting packet."""
    bar = st.container(key="deck-bar")
    where, prev_col, next_col, packet_col, leave_col = bar.columns([1.6, 2, 2, 1.9, 2.5], vertical_alignment="center")
    if step is None:
        where.markdown(md_escape(t("br.not_started", lang, total=len(steps))) if steps else "")
    else:
        where.markdown("**" + md_escape(t("br.step_n", lang, n=step + 1, total=len(steps))) + "**")
    previous = prev_col.button(
        t("br.previous", lang),
        key="br_previous",
        shortcut=PREVIOUS_KEY,
        disabled=not steps or not step,
        width="stretch",
    )
    nxt = next_col.button(
        t("br.next", lang) if step is not None else t("br.start", lang),
        key="br_next",
        shortcut=NEXT_KEY,
        type="primary",
        help=t("br.keys", lang),
        disabled=not steps or (step is not None and step >= len(steps) - 1),
        width="stretch",
    )
    with packet_col:
        packet.sequence_button(slug, lang, key="br_packet", short=True)
    leave_col.button(t("br.leave", lang), key="br_leave", on_click=_leave, width="stretch")
    if nxt:
        _go(steps, 0 if step is None else step + 1, lang)
    if previous and step:
        _go(steps, step - 1, lang)


def _room(s: Slide) -> int:
    """The chart's height on a 768-px-high screen: CHART_PX less what a long title or finding takes beyond the
    lines it was measured with (one title line, two finding lines), so the source line stays on the screen."""
    finding = len(md_plain(s.lead.finding))
    extra = max(0, math.ceil(finding / FINDING_CHARS) - 2) * FINDING_LINE_PX
    extra += max(0, math.ceil(len(s.title) / TITLE_CHARS) - 1) * TITLE_LINE_PX
    return max(CHART_PX - extra, MIN_CHART_PX)


def _figure(s: Slide, names_at: str) -> go.Figure:
    """The slide's chart for a wide screen (bar names at the left) or a phone (names above the bars)."""
    chart = s.lead.chart
    # on a phone the slide's names go above the bars, wrapped shorter for the slide's 18 px type
    fig = chart.slide("phone" if names_at == "above" else names_at) if chart.slide is not None else chart.figure
    natural = fig.layout.height or CHART_PX
    if names_at == "left":
        return presented(fig, height=min(round(natural * 1.1), _room(s)), title_wrap=40)
    # a phone scrolls: the chart grows with its 18 px type (rows drawn for 13-14 px) instead of squeezing its rows
    return presented(fig, height=max(round(natural * PHONE_SCALE), PHONE_CHART_PX), title_wrap=24)


def show(slug: str, lang: str) -> None:
    """Draw the current step's slide (or, outside the sequence, the current page's) instead of the page."""
    st.markdown(DECK_CSS, unsafe_allow_html=True)  # static: no data or URL values
    try:
        steps = deck.sequence()
    except (OSError, ValueError, KeyError):
        steps = ()
        st.caption(t("br.sequence_bad", lang))
    step = from_url("step", {str(i + 1): i for i in range(len(steps))}) if steps else None
    _bar(steps, step, slug, lang)
    if step is not None:
        s = deck.step_slide(steps[step], lang)
    else:
        accepts = registry.page(slug).params
        s = deck.page_slide(slug, {k: st.query_params.get(k) for k in accepts if k in st.query_params}, lang)
    st.title(s.title)
    if s.lead is None:
        st.info(t("br.no_slide", lang))
        return
    with st.container(key="deck-finding"):
        st.markdown(s.lead.finding)
    if s.lead.chart is not None:
        chart = s.lead.chart
        # both forms are sent; the stylesheet shows the one that fits the screen (the server cannot know its width)
        for names_at in ("left", "above"):
            with st.container(key=f"deck-chart-{names_at}"):
                st.plotly_chart(
                    _figure(s, names_at),
                    config=plotly_config(lang),
                    key=f"deck-{chart.key}-{names_at}",
                    alt=chart.alt,
                )
        if chart.citation:
            st.caption(chart.citation)
    elif s.lead.citation:
        st.caption(s.lead.citation)
