"""The Incidents page in a real server and headless Chromium: every chart draws (its SVG with marks), offline and
without console errors, at desktop width and at 390 px (no sideways scrolling, no chart wider than the phone),
in English and Spanish, with no chart text sticking out of its chart. Whole-page screenshots go to tests/artifacts/incidents-*.png. (axe-core runs on this page
in tests/test_a11y_axe.py, which takes its pages from the registry.)"""

from __future__ import annotations

import pytest

from components import registry
from tests.browser_support import (  # noqa: F401
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    charts_drawn_js,
    chromium,
    open_context,
    screenshot,
    server,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

CHARTS = registry.page("incidents").charts
OVERFLOW_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return {doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            main: main ? main.scrollWidth - main.clientWidth : 0};
}"""
# every drawn chart's text: its title, annotations and point or bar labels, in the SVG the reader sees
SVG_TEXT_JS = """() => [...document.querySelectorAll('.js-plotly-plot .main-svg text')].map(t => t.textContent)"""
# any chart text that sticks out of its chart (a clipped label): its words and how far
CLIPPED_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(p => {
    const box = p.getBoundingClientRect();
    return [...p.querySelectorAll('.main-svg text')].map(t => [t.textContent, t.getBoundingClientRect()])
        .filter(([s, r]) => s.trim() && r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1))
        .map(([s, r]) => `${s} (${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} of ${Math.round(box.width)})`);
})"""


@pytest.mark.parametrize(
    "lang, width",
    [("en", 1366), ("es", 390), ("en", 390)],
    ids=["en-1366", "es-390", "en-390"],
)
def test_every_chart_draws_and_nothing_scrolls_sideways(chromium, server, lang, width):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server}/incidents?lang={lang}")
        wait_until_idle(page)
        page.wait_for_function(charts_drawn_js(CHARTS), timeout=RENDER_TIMEOUT_MS)
        overflow = page.evaluate(OVERFLOW_JS)
        assert overflow == {"doc": 0, "main": 0}, f"the page scrolls sideways at {width} px: {overflow}"
        rights = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot .main-svg')].map(s => s.getBoundingClientRect().right)"
        )
        assert len(rights) >= CHARTS and all(r <= width for r in rights), rights
        assert page.evaluate(CLIPPED_JS) == [], "chart text cut off at the chart's edge"
        texts = page.evaluate(SVG_TEXT_JS)
        joined = " ".join(texts)
        if lang == "en":
            assert "4,950" in joined and "revised Sep 2024" in joined and "reported May 2024" in joined
            assert "to Apr 15" in joined and "no figure" in joined
        else:
            assert "corregida sept 2024" in joined and "hasta 15 abr" in joined
        page.set_viewport_size({"width": width, "height": min(int(page.evaluate(MAIN_HEIGHT_JS)) + 50, 32_000)})
        page.wait_for_timeout(1500)
        screenshot(page, f"incidents-{lang}-{width}.png")
        watch.assert_clean()
    finally:
        context.close()
