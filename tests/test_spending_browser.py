"""The Spending page served by a real `streamlit run` and driven by headless Chromium.

Checks what AppTest cannot: every chart (treemap, bars, the two multi-year scatter charts, and the what-if
mix) is actually drawn, a scenario link renders its arithmetic, nothing fails in the console, no request
leaves the machine, and a phone-width view is not wider than the phone. Screenshots: tests/artifacts/.
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

pytestmark = pytest.mark.browser

CHARTS = registry.page("spending").charts  # treemap, lines bar, LASPD pieces, one series per kind of count
CHARTS_SCENARIO = CHARTS + 1  # + the category mix, published and what-if
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
        assert "not published" in text  # 2023-24 per-student: no enrollment with a stated scope
        # the treemap drew one slice per node: root, 6 categories, 12 lines
        slices = page.locator(".js-plotly-plot g.slice").count()
        assert slices >= 19, slices
        grow_to_content(page, 1400, CHARTS)
        screenshot(page, "spending.png")
        watch.assert_clean()
    finally:
        context.close()


def test_a_scenario_link_renders_its_arithmetic(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(f"{server}/spending?moves={SCENARIO}")
        wait_for_plots(page, CHARTS_SCENARIO)
        text = page.locator("body").inner_text()
        assert "What-if scenario in this link" in text
        assert "$9,407,064" in text  # 10% of the campus-aides line, rounded to whole dollars
        assert "31.5 FTE equivalents" in text and "31.2 FTE equivalents" in text
        assert "moves=" in page.url  # the link still holds the scenario
        grow_to_content(page, 1400, CHARTS_SCENARIO)
        screenshot(page, "spending-scenario.png")
        watch.assert_clean()
    finally:
        context.close()


def test_adding_a_move_writes_it_into_the_link(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(f"{server}/spending")
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
        page.goto(f"{server}/spending?moves={SCENARIO}")
        wait_for_plots(page, CHARTS_SCENARIO)
        grow_to_content(page, 390, CHARTS_SCENARIO)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "spending-390.png")
        watch.assert_clean()
    finally:
        context.close()
