"""The Spending page served by a real `streamlit run` and driven by headless Chromium.

Checks what AppTest cannot: every chart (the lead's lines, the treemap, the school-police pieces and series,
and the what-if mix) is actually drawn as a reader opens its tab, a scenario link renders its arithmetic,
nothing fails in the console, no request leaves the machine, and a phone-width view is not wider than the phone.
Screenshots: tests/artifacts/.
"""

from __future__ import annotations

import pytest

from components import registry
from tests.browser_support import (  # noqa: F401  (chromium and server are fixtures)
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    chromium,
    open_context,
    screenshot,
    server,
    wait_until_idle,
)
from tests.test_spending_page import SERIES_WITH_YEARS

pytestmark = pytest.mark.browser

CHARTS = registry.page("spending").charts  # the first view: the lead's chart (the key figures tab has none)
CHARTS_SCENARIO = CHARTS + 1  # the what-if tab: + the category mix, published and what-if
SCENARIO = "sworn-peace-officers%3Epsychiatric-social-workers%3A5000000,campus-aides%3Erj-teachers%3A10%25"


def wait_for_plots(page, count: int) -> None:
    """Plotly has drawn `count` charts: each has its SVG and marks (bars/markers, or treemap slices)."""
    wait_until_idle(page)
    page.wait_for_function(
        """(n) => {
        const plots = [...document.querySelectorAll('.js-plotly-plot')];
        return plots.length === n && plots.every(p => p.querySelector('.main-svg')
            && (p.querySelector('g.points path') || p.querySelector('g.slice path')));
    }""",
        arg=count,
        timeout=RENDER_TIMEOUT_MS,
    )


def grow_to_content(page, width: int, count: int) -> None:
    """Streamlit scrolls inside its own container: grow the viewport to the content so a screenshot holds it."""
    height = page.evaluate(MAIN_HEIGHT_JS)
    page.set_viewport_size({"width": width, "height": min(int(height) + 100, 16_000)})
    wait_for_plots(page, count)
    page.wait_for_timeout(500)


def open_tab(page, name: str, count: int) -> None:
    """Click a section's tab as a reader would; its content (and `count` charts in all) is drawn."""
    page.get_by_role("tab", name=name).click()
    wait_for_plots(page, count)


def test_spending_page_draws_every_chart_offline(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(f"{server}/spending")
        wait_for_plots(page, CHARTS)
        text = page.locator("body").inner_text()
        assert "$44,485,774" in text and "$123,838,997" in text and "$94,070,638" in text
        assert "31.2 FTEs" in text
        assert "District Safety Updates" in text  # the budget citation names its document
        grow_to_content(page, 1400, CHARTS)
        screenshot(page, "spending.png")
        # the Lines tab: the treemap drew one slice per node: root, 6 categories, 12 lines
        open_tab(page, "Lines by level", CHARTS + 1)
        assert "section=lines" in page.url  # the open tab is in the link
        slices = page.locator(".js-plotly-plot g.slice").count()
        assert slices >= 19, slices
        # the school-police tab: the year's pieces, then the series over the years when opened
        open_tab(page, "School-police budget", CHARTS + 1)
        page.get_by_text("School police over the years").click()
        wait_for_plots(page, CHARTS + 1 + len(SERIES_WITH_YEARS))
        grow_to_content(page, 1400, CHARTS + 1 + len(SERIES_WITH_YEARS))
        screenshot(page, "spending-police.png")
        # per student: 2023-24 is not published (no enrollment with a stated scope)
        open_tab(page, "Per student", CHARTS)
        assert "not published" in page.locator("body").inner_text()
        watch.assert_clean()
    finally:
        context.close()


def test_a_scenario_link_renders_its_arithmetic(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(f"{server}/spending?moves={SCENARIO}")
        wait_for_plots(page, CHARTS)  # the lead: the lines the scenario changes
        text = page.locator("body").inner_text()
        assert "What-if on the published 2023-24 table (arithmetic, not a district plan)" in text
        assert "$9,407,064" in text  # 10% of the campus-aides line, rounded to whole dollars
        open_tab(page, "What-if calculator", CHARTS_SCENARIO)
        text = page.locator("body").inner_text()
        assert "31.5 FTE equivalents" in text and "31.2 FTE equivalents" in text
        assert "moves=" in page.url and "section=whatif" in page.url  # the link holds the scenario and the tab
        grow_to_content(page, 1400, CHARTS_SCENARIO)
        screenshot(page, "spending-scenario.png")
        watch.assert_clean()
    finally:
        context.close()


def test_adding_a_move_writes_it_into_the_link(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(f"{server}/spending?section=whatif")
        wait_for_plots(page, CHARTS)
        page.get_by_role("button", name="Add this move").click()
        page.wait_for_url("**moves=*", timeout=RENDER_TIMEOUT_MS)
        wait_for_plots(page, CHARTS_SCENARIO)
        assert "sworn-peace-officers" in page.url and "5000000" in page.url
        watch.assert_clean()
    finally:
        context.close()


def test_spending_on_a_phone(chromium, server):
    context, watch = open_context(
        chromium, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(f"{server}/spending?moves={SCENARIO}&section=whatif")
        wait_for_plots(page, CHARTS_SCENARIO)
        grow_to_content(page, 390, CHARTS_SCENARIO)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "spending-390.png")
        watch.assert_clean()
    finally:
        context.close()
