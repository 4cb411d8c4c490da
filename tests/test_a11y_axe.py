"""axe-core (npm package, installed by `npm ci` from package-lock.json in scripts/setup.sh test) injected with
Playwright into every page, in English and Spanish, plus presenter mode: no serious or critical violation.

Streamlit-owned violations would be excluded narrowly below (rule id + element), each with a comment; at the
time of writing there are none, so EXCLUDED is empty. Also: every page at 390 px wide (a phone) has no
horizontal scrolling, and is screenshot to tests/artifacts/.
"""

from __future__ import annotations

import pytest

from components import registry
from components.ui import boardroom
from tests.browser_support import (  # noqa: F401
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    ROOT,
    chromium,
    open_context,
    screenshot,
    server,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = tuple(p.slug for p in registry.public_pages())
# (rule id, CSS selector fragment of the element) pairs owned by Streamlit itself. Keep each one narrow.
EXCLUDED: tuple[tuple[str, str], ...] = ()

# Plotly draws asynchronously after Streamlit settles: wait until every chart on the page has its SVG.
CHARTS_READY = """() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))"""
RUN_AXE = """async () => {
    const r = await axe.run(document, {resultTypes: ['violations']});
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""
OVERFLOW_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return {doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            main: main ? main.scrollWidth - main.clientWidth : 0};
}"""


def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (scripts/setup.sh test does it)")
    return AXE_JS.read_text(encoding="utf-8")


def open_page(chromium, server, path: str, **context_options):  # noqa: F811
    context, watch = open_context(chromium, server, **context_options)
    page = context.new_page()
    page.goto(f"{server}/{path}")
    wait_until_idle(page)
    page.wait_for_function(CHARTS_READY, timeout=RENDER_TIMEOUT_MS)
    return context, watch, page


def serious_violations(page) -> list[dict]:
    page.add_script_tag(content=axe_source())
    found = page.evaluate(RUN_AXE)
    kept = []
    for v in found:
        nodes = [n for n in v["nodes"] if not any(v["id"] == rule and sel in n for rule, sel in EXCLUDED)]
        if nodes:
            kept.append({**v, "nodes": nodes})
    return kept


# English at desktop width, Spanish at phone width: both languages and both widths, ten page loads in all.
SIZES = {"en": {"width": 1280, "height": 900}, "es": {"width": 390, "height": 844}}


def url_of(page_name: str) -> str:
    return registry.page(page_name).path  # the default page lives at /


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("page_name", PAGES)
def test_axe_and_phone_width(chromium, server, page_name, lang):  # noqa: F811
    # The Overview in English is checked in presenter mode (its stylesheet, summaries and step controls).
    extra = "&present=1&step=1" if (page_name, lang) == ("overview", "en") else ""
    context, watch, page = open_page(
        chromium, server, f"{url_of(page_name)}?lang={lang}{extra}", viewport=SIZES[lang], device_scale_factor=1
    )
    try:
        assert page.locator("h1").count() >= 1  # the page really rendered before axe looked at it
        if extra:
            assert page.get_by_text(f"View 1 of {len(boardroom.load_sequence())}").count() == 1
        assert serious_violations(page) == []
        if SIZES[lang]["width"] == 390:
            overflow = page.evaluate(OVERFLOW_JS)
            assert overflow == {"doc": 0, "main": 0}, f"{page_name} scrolls sideways at 390 px: {overflow}"
            rights = page.evaluate(
                "() => [...document.querySelectorAll('.js-plotly-plot .main-svg')]"
                ".map(s => s.getBoundingClientRect().right)"
            )
            assert all(r <= 390 for r in rights), f"a chart is wider than the phone: {rights}"
            # Streamlit scrolls inside stMain: a viewport as tall as the content makes the screenshot whole.
            page.set_viewport_size({"width": 390, "height": min(int(page.evaluate(MAIN_HEIGHT_JS)), 16_000)})
            page.wait_for_timeout(500)
            screenshot(page, f"phone-390-{page_name}-{lang}.png")
        watch.assert_clean()
    finally:
        context.close()
