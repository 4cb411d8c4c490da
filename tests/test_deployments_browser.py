"""Deployments page in a real server and headless Chromium: the deck.gl map draws (non-blank canvas pixels in
the symbol colour and the base layer's land colour), offline, with label-point symbols and — after importing
synthetic polygons through the real command — as a choropleth; also at phone width. Screenshots in
tests/artifacts/deployments*.png."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from tests import deployments_support as synth
from tests.browser_support import (  # noqa: F401
    ARTIFACTS,
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    chromium,
    imports_env,
    open_context,
    screenshot,
    server,
    wait_for_charts,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

MAP = '[data-testid="stDeckGlJsonChart"]'
CHARTS = 1  # the lead's chart (the map's tab holds no other chart)
BLUE = (0, 114, 178)
LAND = (241, 239, 233)  # components/charts/maps/base.LAND


@pytest.fixture(scope="module", autouse=True)
def imports_dir(tmp_path_factory):
    """An empty imports folder for this module's server (autouse: set before the server starts)."""
    with imports_env(tmp_path_factory.mktemp("dep_imports")) as folder:
        yield folder


def _near(pixel, colour, tol=40) -> bool:
    return all(abs(int(a) - b) <= tol for a, b in zip(pixel[:3], colour))


def map_pixels(page) -> dict[str, int]:
    """Screenshot of the map's canvas: how many pixels are near the symbol blue, the land colour, or not white."""
    canvas = page.locator(f"{MAP} canvas").first
    canvas.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(
        """() => { const c = document.querySelector('%s canvas');
                                      return c && c.width > 100 && c.height > 100; }"""
        % MAP,
        timeout=RENDER_TIMEOUT_MS,
    )
    page.wait_for_timeout(1500)  # deck.gl draws on the next animation frames
    img = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    img.save(ARTIFACTS / "deployments-last-canvas.png")
    px = list(img.getdata())
    return {
        "blue": sum(_near(p, BLUE) for p in px),
        "land": sum(_near(p, LAND, 6) for p in px),
        "ink": sum(p != (255, 255, 255) for p in px),
        "total": len(px),
    }


def full_screenshot(page, name: str) -> None:
    """The whole page: grow the viewport to the app's content height (Streamlit scrolls inside stMain)."""
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(page.evaluate(MAIN_HEIGHT_JS)) + 100, 16_000)})
    wait_for_charts(page, CHARTS)
    page.wait_for_timeout(1500)
    screenshot(page, name)


def open_page(chromium, server, path="/deployments", width=1400):
    context, watch = open_context(chromium, server, viewport={"width": width, "height": 1100})
    page = context.new_page()
    page.goto(f"{server}{path}{'&' if '?' in path else '?'}section=map")  # the map is in its own tab
    wait_for_charts(page, CHARTS)
    return context, watch, page


def test_map_draws_symbols_offline_and_follows_the_filter(chromium, server):
    context, watch, page = open_page(chromium, server, "/deployments?bd=7")
    try:
        counts = map_pixels(page)
        assert counts["ink"] > counts["total"] * 0.2, counts  # base layer + symbols drawn, not a blank canvas
        assert counts["land"] > 1000, counts  # the shipped base map (neighbourhoods' land)
        assert counts["blue"] > 50, counts  # the unselected district symbols
        text = page.locator("body").inner_text()
        assert "approximate label positions" in text and "NOT at boundaries" in text
        assert "Board District 7: 8 of 41 deployments" in text
        full_screenshot(page, "deployments.png")
        watch.assert_clean()
    finally:
        context.close()


def test_map_at_phone_width(chromium, server):
    context, watch, page = open_page(chromium, server, width=390)
    try:
        counts = map_pixels(page)
        assert counts["land"] > 500 and counts["blue"] > 20, counts
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling
        full_screenshot(page, "deployments-390.png")
        watch.assert_clean()
    finally:
        context.close()


def test_map_draws_a_choropleth_once_polygons_are_imported(chromium, server, imports_dir, tmp_path):
    from data.import_boundaries import main as import_main

    (tmp_path / "bd.geojson").write_text(json.dumps(synth.board_districts()))
    (tmp_path / "rg.geojson").write_text(json.dumps(synth.regions()))
    assert (
        import_main(["--board-districts", str(tmp_path / "bd.geojson"), "--regions", str(tmp_path / "rg.geojson")]) == 0
    )
    assert (imports_dir / "boundaries.duckdb").is_file()
    context, watch, page = open_page(chromium, server)
    try:
        counts = map_pixels(page)
        assert counts["ink"] > counts["total"] * 0.5, counts  # seven shaded bands cover most of the map
        text = page.locator("body").inner_text()
        assert "official board district boundaries imported by staff" in text
        assert "approximate label positions" not in text
        full_screenshot(page, "deployments-polygons.png")
        watch.assert_clean()
    finally:
        context.close()
        (imports_dir / "boundaries.duckdb").unlink()
