"""In the room (issue 16), in a real browser: every page and every presenter step, at a laptop (1366x768), an old
projector (1024x768) and a phone (390x844), in English and Spanish.

- The finding sentence and the first chart are on the first screen (on a phone: the finding, and the chart
  starting on it — a 390 px screen cannot hold a whole chart under a title and filters).
- Nothing on the first screen is cut off (no ellipsis, no clipped heading or figure) and nothing is wider than
  the screen.
- Chart text is at least 13 px on a page and 18 px on a slide (read from the rendered SVG).
- axe-core: zero violations of any impact on every page and step, both languages (1024x768).
- The deck steps through the whole saved sequence with the arrow keys at 1024x768, with no sidebar, each step's
  chart whole on the screen; each step's link opens exactly that step.
"""

from __future__ import annotations

import pytest

from components import registry
from components.views import deck
from tests.browser_support import (  # noqa: F401
    APP_IDLE,
    RENDER_TIMEOUT_MS,
    ROOT,
    chromium,
    open_context,
    server,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = ((1366, 768), (1024, 768), (390, 844))
PAGES = tuple(p.slug for p in registry.public_pages())
STEPS = tuple(range(1, len(deck.sequence()) + 1))
PAGE_TEXT_PX, SLIDE_TEXT_PX = 13, 18

# The lead of a page (components/ui/blocks.lead) and of a slide (components/ui/deck.show), by container key.
PAGE_PARTS = {"finding": ".st-key-lead [data-testid='stMarkdown']", "chart": ".st-key-lead .js-plotly-plot"}
SLIDE_PARTS = {
    "finding": ".st-key-deck-finding [data-testid='stMarkdown']",
    "chart": "[class*='st-key-deck-chart-'] .js-plotly-plot",
}

# Boxes (viewport coordinates) of the first visible element matching each selector, once its chart has an SVG.
BOXES_JS = """(parts) => {
    const visible = el => el && el.offsetParent !== null && el.getBoundingClientRect().height > 0;
    const out = {};
    for (const [name, sel] of Object.entries(parts)) {
        const el = [...document.querySelectorAll(sel)].find(visible);
        out[name] = el ? (({top, bottom, left, right}) => ({top, bottom, left, right}))(el.getBoundingClientRect())
                       : null;
    }
    return out;
}"""
CHART_READY_JS = """(sel) => [...document.querySelectorAll(sel)].some(p => p.offsetParent !== null
    && p.querySelector('.main-svg') && p.querySelector('.main-svg g.points path, .main-svg .scatterlayer path'))"""
# Text on the first screen that is cut: an element that hides overflow (or ellipsises) and holds more than it
# shows. Headings, paragraphs, labels, buttons, tabs and headline figures.
CUT_JS = """(height) => {
    const cut = [];
    const sel = 'h1, h2, h3, p, label, button, [data-testid="stMetricValue"], [data-testid="stMetricLabel"]';
    for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.height === 0 || r.top >= height || r.bottom <= 0 || el.offsetParent === null) continue;
        if (el.closest('[data-baseweb="tab-list"], [data-testid="stSidebar"], .stDataFrame')) continue;
        const style = getComputedStyle(el);
        const hides = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
        if (hides && el.scrollWidth > el.clientWidth + 1 && el.innerText.trim())
            cut.push(el.tagName + ': ' + el.innerText.trim().slice(0, 60));
    }
    return cut;
}"""
WIDE_JS = """(width) => {
    const main = document.querySelector('[data-testid="stMain"]');
    // an element inside a box that scrolls or clips sideways (the tab row, a table) is not wider than the screen
    const clipped = el => {
        for (let a = el.parentElement; a && a !== main; a = a.parentElement)
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
        return false;
    };
    const wide = [...document.querySelectorAll('[data-testid="stMain"] *')]
        .filter(el => el.offsetParent !== null)
        .map(el => [el, el.getBoundingClientRect()])
        .filter(([el, r]) => r.width > 0 && r.right > width + 1 && !clipped(el))
        .map(([el, r]) => (el.getAttribute('data-testid') || el.tagName) + ' ' + Math.round(r.right));
    return {doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            main: main ? main.scrollWidth - main.clientWidth : 0, wide: wide.slice(0, 5)};
}"""
# The smallest font size of any text in the visible charts' SVGs.
SVG_TEXT_JS = """() => {
    const sizes = [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent !== null)
        .flatMap(p => [...p.querySelectorAll('.main-svg text')])
        .filter(t => t.textContent.trim() && t.getBBox().width > 0)
        .map(t => parseFloat(getComputedStyle(t).fontSize));
    return sizes.length ? Math.min(...sizes) : null;
}"""
# Chart text drawn past the chart's own edge (cut by its SVG: a bar name too long for a phone).
SVG_CUT_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent !== null)
    .flatMap(p => {
        const box = p.querySelector('.main-svg').getBoundingClientRect();
        return [...p.querySelectorAll('.main-svg text')]
            .filter(t => t.textContent.trim())
            .filter(t => { const r = t.getBoundingClientRect();
                           return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1); })
            .map(t => t.textContent.trim().slice(0, 40));
    })"""
RUN_AXE = """async () => {
    const r = await axe.run(document, {resultTypes: ['violations']});
    return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""


def targets():
    for slug in PAGES:
        yield pytest.param(registry.page(slug).path, False, id=slug)
    for step in STEPS:
        yield pytest.param(f"?present=1&step={step}", True, id=f"step-{step}")


def url(server: str, where: str, lang: str) -> str:
    return f"{server}/{where}{'&' if '?' in where else '?'}lang={lang}"


def first_screen(page, parts: dict, width: int, height: int, slide: bool) -> list[str]:
    """What is wrong with the first screen at this size (an empty list: nothing)."""
    page.wait_for_function(CHART_READY_JS, arg=parts["chart"], timeout=RENDER_TIMEOUT_MS)
    page.wait_for_timeout(300)  # Plotly's relayout after the first draw
    problems = []
    boxes = page.evaluate(BOXES_JS, parts)
    finding, chart = boxes["finding"], boxes["chart"]
    if finding is None or finding["bottom"] > height:
        problems.append(f"the finding is not on the first screen: {finding}")
    if chart is None:
        problems.append("no chart under the finding")
    elif width > 400 and (chart["top"] < 0 or chart["bottom"] > height + 1):
        problems.append(f"the chart is not whole on the first screen: {chart}")
    elif width <= 400 and chart["top"] > height - 120:
        problems.append(f"the chart does not start on the phone's first screen: {chart}")
    cut = page.evaluate(CUT_JS, height)
    if cut:
        problems.append(f"cut off: {cut}")
    wide = page.evaluate(WIDE_JS, width)
    if wide["doc"] > 0 or wide["main"] > 0 or wide["wide"]:
        problems.append(f"wider than the screen: {wide}")
    beyond = page.evaluate(SVG_CUT_JS)
    if beyond:
        problems.append(f"chart text cut at the chart's edge: {beyond[:5]}")
    smallest = page.evaluate(SVG_TEXT_JS)
    floor = SLIDE_TEXT_PX if slide and width > 400 else PAGE_TEXT_PX
    if smallest is None or smallest < floor:
        problems.append(f"chart text of {smallest} px (at least {floor} px)")
    if slide and page.locator("[data-testid='stSidebar']").is_visible():
        problems.append("the sidebar is shown on a slide")
    return problems


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("where", "slide"), list(targets()))
def test_the_finding_and_its_chart_lead_every_view_at_every_size(chromium, server, where, slide, lang):  # noqa: F811
    parts = SLIDE_PARTS if slide else PAGE_PARTS
    context, watch = open_context(chromium, server, viewport={"width": 1366, "height": 768}, device_scale_factor=1)
    try:
        page = context.new_page()
        problems = {}
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url(server, where, lang))
            wait_until_idle(page)
            found = first_screen(page, parts, width, height, slide)
            if found:
                problems[f"{width}x{height}"] = found
            if (width, height) == (1024, 768):  # axe once per view and language: every impact counts
                page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
                violations = page.evaluate(RUN_AXE)
                if violations:
                    problems["axe"] = violations
        assert not problems, problems
        watch.assert_clean()
    finally:
        context.close()


def test_the_deck_steps_through_the_whole_sequence_with_the_keyboard(chromium, server):  # noqa: F811
    steps = deck.sequence()
    context, watch = open_context(chromium, server, viewport={"width": 1024, "height": 768}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(f"{server}/?present=1&step=1")
        wait_until_idle(page)
        for number, step in enumerate(steps, start=1):
            page.get_by_text(f"View {number} of {len(steps)}").wait_for(timeout=RENDER_TIMEOUT_MS)
            wait_until_idle(page)
            title = step.title("en")
            assert page.locator("h1").first.inner_text().startswith(title.split("{year}")[0].strip())
            assert f"step={number}" in page.url  # the step's own link
            page.locator("[data-testid='stSidebar']").wait_for(state="hidden", timeout=10_000)  # fails if shown
            page.wait_for_function(CHART_READY_JS, arg=SLIDE_PARTS["chart"], timeout=RENDER_TIMEOUT_MS)
            chart = page.evaluate(BOXES_JS, SLIDE_PARTS)["chart"]
            assert chart and chart["top"] >= 0 and chart["bottom"] <= 768 and chart["right"] <= 1024, (number, chart)
            if number < len(steps):
                page.evaluate("() => document.activeElement && document.activeElement.blur()")  # keys go to the page
                page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowLeft")  # and back
        page.get_by_text(f"View {len(steps) - 1} of {len(steps)}").wait_for(timeout=RENDER_TIMEOUT_MS)
        watch.assert_clean()
    finally:
        context.close()
