"""The Overview and Sources pages served by a real `streamlit run` and driven by headless Chromium.

Checks what AppTest cannot: the charts are actually drawn, nothing fails in the browser console, and the app
works offline (no request leaves the machine). Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import re

import pytest

from components import registry
from tests.browser_support import (  # noqa: F401  (chromium and server are fixtures)
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    chromium,
    open_context,
    screenshot,
    server,
    wait_for_charts,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

OVERVIEW_CHARTS = registry.page("overview").charts  # the lead's spending mix (the key figures tab has none)
# What an empty select box shows (Streamlit 1.67 draws it as the input's placeholder attribute).
PLACEHOLDERS_JS = "Array.from(document.querySelectorAll('input[placeholder]')).map(i => i.placeholder)"

# ------------------------------------------------------------------------------------------- tests


def test_sources_page_shows_its_table(chromium, server):
    # First in this module on purpose: a fresh server's first request is /sources, the case where Streamlit
    # would run the page file without app.py (its pages/-folder mode) unless the page hands over to app.py.
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(f"{server}/sources")
        wait_until_idle(page)
        page.get_by_role("heading", name="Sources").first.wait_for(timeout=RENDER_TIMEOUT_MS)
        # The grid draws on a canvas; its hidden accessible table holds the visible rows once data arrived.
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.locator('canvas[data-testid="data-grid-canvas"]').wait_for(timeout=RENDER_TIMEOUT_MS)
        page.wait_for_function(
            """() => document.querySelector('[data-testid="stDataFrame"] table tbody tr') !== null""",
            timeout=RENDER_TIMEOUT_MS,
        )
        header = grid.locator("table thead").inner_text()
        assert "Title" in header and "Publisher" in header
        assert re.search(r"^\d+ sources$", page.locator("body").inner_text(), re.MULTILINE)

        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_text("Language").count() == 1, "app.py's language switch is missing"
        assert sidebar.get_by_text("Overview").count() == 1, "app.py's navigation is missing"
        screenshot(page, "sources.png")
        watch.assert_clean()
    finally:
        context.close()


def test_overview_draws_its_charts_offline_without_errors(chromium, server):
    # Streamlit scrolls inside its own container, so a full-page screenshot only holds the viewport:
    # a tall viewport fits the whole Overview.
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 3800})
    try:
        page = context.new_page()
        page.goto(f"{server}/")
        wait_for_charts(page, OVERVIEW_CHARTS)
        # the key figures tab under the lead may arrive a moment after the lead's chart
        page.get_by_text("$346,131,854").first.wait_for(timeout=RENDER_TIMEOUT_MS)

        text = page.locator("body").inner_text()
        assert "$346,131,854" in text  # the budget metric's exact published total
        assert "District Safety Updates" in text  # the citation names its document
        assert "3,526" in text and "3,525" in text  # the FTE mismatch is on screen

        screenshot(page, "overview.png")
        watch.assert_clean()
    finally:
        context.close()


def test_overview_on_a_phone(chromium, server):
    context, watch = open_context(
        chromium, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(f"{server}/")
        wait_for_charts(page, OVERVIEW_CHARTS)
        # The columns stack on a phone; grow the viewport to the content's height (capped below Chromium's
        # texture limit) so the screenshot holds the whole page, then let Plotly settle again.
        height = page.evaluate(MAIN_HEIGHT_JS)
        page.set_viewport_size({"width": 390, "height": min(int(height) + 100, 16_000)})
        wait_for_charts(page, OVERVIEW_CHARTS)
        page.wait_for_timeout(500)

        # Nothing may force the page wider than the phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "overview-390.png")
        watch.assert_clean()
    finally:
        context.close()


def test_language_switch_rewrites_the_url_and_the_page(chromium, server):
    # The sidebar switch writes ?lang= so that a shared link keeps the reader's language.
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1200})
    try:
        page = context.new_page()
        page.goto(f"{server}/")
        wait_until_idle(page)
        page.get_by_text("Español", exact=True).click()
        page.wait_for_url(re.compile(r"[?&]lang=es\b"), timeout=RENDER_TIMEOUT_MS)
        page.get_by_role("heading", name="A dónde va el dinero de seguridad escolar de LAUSD").wait_for(
            timeout=RENDER_TIMEOUT_MS
        )
        watch.assert_clean()
    finally:
        context.close()


def test_the_document_language_follows_the_view_and_no_widget_speaks_streamlits_english(chromium, server):
    """<html lang> is "es" in the Spanish view (screen readers pronounce Spanish), "en" after switching back; the
    filters' empty choice shows the app's own words, never Streamlit's "Choose an option"."""
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1200})
    try:
        page = context.new_page()
        page.goto(f"{server}/deployments?lang=es")
        wait_until_idle(page)
        page.wait_for_function("document.documentElement.lang === 'es'", timeout=RENDER_TIMEOUT_MS)
        page.wait_for_function(f"({PLACEHOLDERS_JS}).length >= 2", timeout=RENDER_TIMEOUT_MS)  # the filters drawn
        placeholders = page.evaluate(PLACEHOLDERS_JS)
        assert "Todas las regiones" in placeholders and "Todos los distritos" in placeholders, placeholders
        assert not any(p.startswith("Choose") for p in placeholders), placeholders
        screenshot(page, "lang_es_deployments.png")
        page.get_by_text("English", exact=True).click()
        page.wait_for_url(re.compile(r"[?&]lang=en\b|/deployments$"), timeout=RENDER_TIMEOUT_MS)
        page.wait_for_function("document.documentElement.lang === 'en'", timeout=RENDER_TIMEOUT_MS)
        page.wait_for_function(f"({PLACEHOLDERS_JS}).includes('All regions')", timeout=RENDER_TIMEOUT_MS)
        placeholders = page.evaluate(PLACEHOLDERS_JS)
        assert "All regions" in placeholders and not any(p.startswith("Choose") for p in placeholders), placeholders
        watch.assert_clean()
    finally:
        context.close()
